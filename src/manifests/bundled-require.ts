/**
 * Makes `ajv-formats-draft2019` loadable when Glidepath runs from its ncc bundle. Import this
 * before any `kubernetes-models` module.
 *
 * Why: `@kubernetes-models/validate` (under the `node` export condition, which ncc picks) loads
 * that package with `createRequire(import.meta.url)("ajv-formats-draft2019")`. ncc leaves such
 * calls to run at runtime, where they resolve against `dist/` — which has no node_modules — so
 * the bundle dies on its first schema import. Here the package is imported statically (ncc
 * bundles it) and handed to Node's CommonJS loader under its name.
 *
 * Hazard: this patches `Module._resolveFilename`, process-wide, for exactly one request string,
 * and only when the name does not resolve by itself (in the repository and in tests it does, and
 * nothing is patched). Remove it when the build resolves that require another way.
 */
import Module, { createRequire } from 'node:module';
// @ts-expect-error -- the package ships no type declarations; only its default export is used.
import addFormatsDraft2019 from 'ajv-formats-draft2019';

const NAME = 'ajv-formats-draft2019';

interface CommonJsLoader {
  _resolveFilename(request: string, ...rest: unknown[]): string;
  _cache: Record<string, unknown>;
}

function installWhenMissing(): void {
  try {
    createRequire(import.meta.url).resolve(NAME);
    return;
  } catch {
    // Not resolvable from here: running from the bundle.
  }
  const loader = Module as unknown as CommonJsLoader;
  const key = `glidepath-bundled:${NAME}`;
  loader._cache[key] = {
    id: key,
    filename: key,
    loaded: true,
    exports: addFormatsDraft2019 as unknown,
    children: [],
    paths: [],
  };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === NAME ? key : resolve.call(this, request, ...rest);
  };
}

installWhenMissing();
