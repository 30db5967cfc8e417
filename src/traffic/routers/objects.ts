/**
 * What every router does the same way: find the routing object in a (multi-document) manifest
 * file, tell the stable backend from the canary, and check the edited object before any byte is
 * written. Routers read plain values (`toJS`) and address edits by document index and path, so a
 * router never touches YAML nodes.
 */
import { ConfigurationError } from '../../errors.js';
import {
  positionOf,
  type ManifestSource,
  type ScalarEdit,
  type YamlPath,
} from '../../manifests/yaml-edit.js';
import type { RouteOptions } from './types.js';

/** A plain JSON-like mapping read from YAML. */
export type Plain = Record<string, unknown>;

/** One Kubernetes object of a manifest file. */
export interface ManifestObject {
  /** Index of its document in the file. */
  document: number;
  apiVersion: string;
  kind: string;
  name: string;
  /** The document as plain values (aliases resolved). */
  body: Plain;
}

/** A mapping, or undefined for anything else. */
export function asMap(value: unknown): Plain | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Plain) : undefined;
}

/** A sequence, or an empty one for anything else (a missing list and an empty one mean the same here). */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every object in `source` whose kind is one of `kinds`. */
export function objectsOfKind(source: ManifestSource, kinds: readonly string[]): ManifestObject[] {
  const found: ManifestObject[] = [];
  source.documents.forEach((document, index) => {
    const body = asMap(document.toJS());
    if (!body || typeof body.kind !== 'string' || !kinds.includes(body.kind)) return;
    const name = asMap(body.metadata)?.name;
    found.push({
      document: index,
      apiVersion: typeof body.apiVersion === 'string' ? body.apiVersion : '',
      kind: body.kind,
      name: typeof name === 'string' ? name : '',
      body,
    });
  });
  return found;
}

/**
 * The one object of `kinds` named `name`. A missing name lists the names present, so a typo is
 * fixed in one go; two objects of the same name (different namespaces in one file) are refused
 * rather than guessed between.
 */
export function findObject(
  source: ManifestSource,
  kinds: readonly string[],
  name: string,
  described = kinds.join(' or '),
): ManifestObject {
  const all = objectsOfKind(source, kinds);
  const named = all.filter((object) => object.name === name);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    throw new ConfigurationError(
      `${named.length} ${described} objects are named "${name}" (${named
        .map((object) => positionOf(source, object.document, []))
        .join(', ')}); keep one per file so Glidepath edits the right one`,
      source.file,
    );
  }
  throw new ConfigurationError(
    all.length === 0
      ? `no ${described} in the file; point the traffic router at the file that holds the route "${name}"`
      : `no ${described} named "${name}"; the file has: ${all.map((object) => object.name).join(', ')}`,
    source.file,
  );
}

/** `FILE:LINE:COL` of `path` inside `object` (or of its deepest existing parent). */
export function locate(source: ManifestSource, object: ManifestObject, path: YamlPath): string {
  return positionOf(source, object.document, path);
}

/** A backend as a router sees it: the name it reports and every name a user may call it by. */
export interface Candidate {
  label: string;
  names: readonly string[];
}

/** Whether `candidate` looks like a canary by name: `canary` itself or anything ending in `-canary`. */
function looksLikeCanary(candidate: Candidate): boolean {
  return candidate.names.some((name) => name === 'canary' || name.endsWith('-canary'));
}

/**
 * Indexes of the stable and canary backends among `candidates`. Explicit names win; otherwise
 * the canary is the one whose name ends with `-canary` and the stable one is the other of exactly
 * two. Anything else is ambiguous and refused: guessing wrong would send production traffic to
 * the wrong version.
 */
export function identifyPair(
  candidates: readonly Candidate[],
  options: Pick<RouteOptions, 'stableService' | 'canaryService'>,
  where: string,
): { stable: number; canary: number } {
  const labels = candidates.map((candidate) => candidate.label).join(', ') || 'none';
  const byName = (name: string, role: string, flag: string): number => {
    const matches = candidates.flatMap((candidate, index) => (candidate.names.includes(name) ? [index] : []));
    if (matches.length !== 1) {
      throw new ConfigurationError(
        matches.length === 0
          ? `${role} backend "${name}" is not among the backends (${labels}); check ${flag}`
          : `${role} backend "${name}" matches several backends (${matches
              .map((index) => candidates[index]!.label)
              .join(', ')}); name it more precisely with ${flag}`,
        where,
      );
    }
    return matches[0]!;
  };
  let canary: number;
  if (options.canaryService !== undefined) {
    canary = byName(options.canaryService, 'canary', 'canaryService (--canary-service)');
  } else {
    const guesses = candidates.flatMap((candidate, index) => (looksLikeCanary(candidate) ? [index] : []));
    if (guesses.length !== 1) {
      throw new ConfigurationError(
        `cannot tell the canary among the backends (${labels}); name it with canaryService (--canary-service)`,
        where,
      );
    }
    canary = guesses[0]!;
  }
  let stable: number;
  if (options.stableService !== undefined) {
    stable = byName(options.stableService, 'stable', 'stableService (--stable-service)');
  } else {
    const others = candidates.flatMap((_, index) => (index === canary ? [] : [index]));
    if (others.length !== 1) {
      throw new ConfigurationError(
        `cannot tell the stable backend among ${labels}; name it with stableService (--stable-service)`,
        where,
      );
    }
    stable = others[0]!;
  }
  if (stable === canary) {
    throw new ConfigurationError(
      `stable and canary are the same backend (${candidates[stable]!.label})`,
      where,
    );
  }
  return { stable, canary };
}

/** Edits with the ones that set a value already present dropped, so a no-op plans nothing. */
export function changedOnly(object: ManifestObject, edits: readonly ScalarEdit[]): ScalarEdit[] {
  return edits.filter((edit) => getIn(object.body, edit.path) !== edit.value);
}

/** The value at `path` in plain `root`. */
export function getIn(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A deep copy of `object.body` with `edits` applied, as the file will read once they are written. */
export function edited(object: ManifestObject, edits: readonly ScalarEdit[]): Plain {
  const copy = structuredClone(object.body);
  for (const edit of edits) {
    if (edit.document !== object.document) continue;
    let node: Record<string | number, unknown> = copy;
    edit.path.forEach((key, index) => {
      if (index === edit.path.length - 1) {
        node[key] = edit.value;
        return;
      }
      const next = node[key];
      if (typeof next !== 'object' || next === null) {
        node[key] = typeof edit.path[index + 1] === 'number' ? [] : {};
      }
      node = node[key] as Record<string | number, unknown>;
    });
  }
  return copy;
}

/** A kubernetes-models class: constructing one and calling `validate()` checks it against the schema. */
export type ModelClass = new (data: never) => { validate(): void };

/**
 * Checks `body` (an edited object) against the published schema for its apiVersion and kind in
 * `models` (`"<apiVersion> <kind>"` → model class), or for `schemaVersion` where a newer apiVersion
 * promoted an older one unchanged; objects with no model are checked only by the router. A
 * rejection names the field's `FILE:LINE:COL` and says nothing was changed.
 */
export function validateModel(
  source: ManifestSource,
  object: ManifestObject,
  body: Plain,
  models: Readonly<Record<string, ModelClass>>,
  schemaVersion = object.apiVersion,
): void {
  const Model = models[`${schemaVersion} ${object.kind}`];
  if (!Model) return;
  try {
    new Model({ ...body, apiVersion: schemaVersion } as never).validate();
  } catch (error) {
    const first = (error as { errors?: { instancePath?: string; message?: string }[] }).errors?.[0];
    const path: YamlPath = (first?.instancePath ?? '')
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const field = path.length ? path.join('.') : 'the object';
    throw new ConfigurationError(
      `${object.kind} ${object.name} would not be valid after the edit (${schemaVersion} schema: ${field} ${
        first?.message ?? (error as Error).message
      }); nothing was changed`,
      locate(source, object, path),
      { cause: error },
    );
  }
}
