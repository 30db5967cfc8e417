#!/usr/bin/env node
// Extracts what Glidepath uses from GitHub's published OpenAPI descriptions into small committed
// fixtures under __tests__/fixtures/github/:
//   rest      @octokit/openapi (the REST description) → openapi-subset.json: the operations the
//             local GitHub fake (__tests__/support/github-fake/) serves and validates every request
//             and response against;
//   webhooks  @octokit/openapi-webhooks (the webhooks description) → webhooks-subset.json: the
//             events Glidepath receives, whose schemas every test payload is validated against
//             (__tests__/support/webhook-schema.ts).
//
// Why subsets: @octokit/openapi is 385 MB unpacked (the one file we need is 13 MB) and the webhooks
// description is 5 MB, far too big to install for tests. The script fetches each pinned tarball
// with `npm pack` into a temp dir, reads package/generated/api.github.com.json, and keeps only the
// listed operations or webhooks plus every component they reach through `$ref` (schemas,
// parameters, responses, headers, request bodies). Media-type `examples` are dropped: they are
// documentation, large, and never used for validation.
//
// Usage:
//   node scripts/extract-github-openapi.mjs                  regenerate both fixtures
//   node scripts/extract-github-openapi.mjs --only webhooks  regenerate one (rest | webhooks)
//   node scripts/extract-github-openapi.mjs --check          fail (exit 1) when a committed fixture differs
//   node scripts/extract-github-openapi.mjs --only rest --from FILE
//                                                            use an already unpacked api.github.com.json
//
// Adding an operation or event: append its operationId (rest) or webhook key (webhooks, e.g.
// `deployment-status-created`) below, run the script, commit the fixture.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SPEC_FILE = 'package/generated/api.github.com.json';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '__tests__/fixtures/github');

/** The REST operations Glidepath calls (operationId as in GitHub's description). */
const OPERATIONS = [
  // Files and the Git data API (the REST fallback of createCommitOnBranch, src/gitops/)
  'repos/get-content',
  'repos/create-or-update-file-contents',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/create-blob',
  'git/get-tree',
  'git/create-tree',
  'git/get-commit',
  'git/create-commit',
  'repos/get-commit',
  // PR mode (auto-merge itself is the GraphQL mutation enablePullRequestAutoMerge)
  'pulls/create',
  'pulls/list',
  'pulls/merge',
  // Default branch
  'repos/get',
  // Observed state: deployments and their statuses
  'repos/create-deployment',
  'repos/list-deployments',
  'repos/create-deployment-status',
  'repos/list-deployment-statuses',
  // Self-dispatch of the next step, and evidence artifacts
  'actions/create-workflow-dispatch',
  'actions/list-workflow-run-artifacts',
  'actions/download-artifact',
  // The gate server (glidepath gate serve): the App's installation token, and its review of a
  // custom deployment protection rule
  'apps/create-installation-access-token',
  'actions/review-custom-gates-for-run',
];

/** The webhook events Glidepath receives (keys of the description's `webhooks`). */
const WEBHOOKS = [
  // The event-driven step loop (glidepath step; .github/workflows/progressive-step.yml)
  'workflow-run-completed',
  'workflow-dispatch',
  'deployment-status-created',
  // The gate server (glidepath gate serve): a custom deployment protection rule
  'deployment-protection-rule-requested',
];

/**
 * What each fixture is extracted from. `roots(spec)` returns the part of the description kept
 * (`paths` or `webhooks`) after checking every listed name is there.
 */
const SOURCES = {
  rest: {
    package: '@octokit/openapi',
    version: '23.0.2',
    outFile: 'openapi-subset.json',
    licenseFile: 'LICENSE-octokit-openapi',
    listKey: 'operations',
    names: OPERATIONS,
    roots: (spec) => ({ paths: keptOperations(spec, OPERATIONS) }),
  },
  webhooks: {
    package: '@octokit/openapi-webhooks',
    version: '12.1.0',
    outFile: 'webhooks-subset.json',
    licenseFile: 'LICENSE-octokit-openapi-webhooks',
    listKey: 'webhooks',
    names: WEBHOOKS,
    roots: (spec) => ({ webhooks: keptWebhooks(spec, WEBHOOKS) }),
  },
};

const args = process.argv.slice(2);
const check = args.includes('--check');
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const only = option('--only');
const from = option('--from');
if (only !== undefined && !(only in SOURCES)) {
  console.error(`--only must be one of ${Object.keys(SOURCES).join(', ')}; got "${only}"`);
  process.exit(2);
}
if (from !== undefined && only === undefined) {
  console.error('--from FILE needs --only rest|webhooks: say which description FILE is');
  process.exit(2);
}

for (const name of only ? [only] : Object.keys(SOURCES)) {
  run(SOURCES[name]);
}

function run(source) {
  const outFile = join(OUT_DIR, source.outFile);
  const work = mkdtempSync(join(tmpdir(), 'glidepath-openapi-'));
  try {
    const { spec, license, integrity } = from ? readLocal(from, outFile) : fetchPackage(source, work);
    const subset = extract(source, spec, { integrity });
    const text = JSON.stringify(subset, null, 2) + '\n';
    if (check) {
      const committed = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
      if (committed !== text) {
        console.error(`${outFile} is stale: run node scripts/extract-github-openapi.mjs and commit it`);
        // exitCode, not exit(): the temp dir is removed in `finally`.
        process.exitCode = 1;
      } else {
        console.log(`${outFile} matches ${source.package}@${source.version}`);
      }
    } else {
      writeFileSync(outFile, text);
      if (license !== undefined) writeFileSync(join(OUT_DIR, source.licenseFile), license);
      const kept = source.names.length;
      const schemas = Object.keys(subset.components.schemas ?? {}).length;
      console.log(`wrote ${outFile}: ${kept} ${source.listKey}, ${schemas} schemas, ${text.length} bytes`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Downloads the pinned tarball with the npm client and unpacks only the files we read. */
function fetchPackage(source, dir) {
  const spec = `${source.package}@${source.version}`;
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  // npm may print notices before the JSON array; the array starts at the first '['.
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  const tarball = join(dir, info.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', dir, SPEC_FILE, 'package/LICENSE', 'package/package.json']);
  const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'));
  if (pkg.name !== source.package || pkg.version !== source.version || pkg.license !== 'MIT') {
    throw new Error(
      `unexpected package: ${pkg.name}@${pkg.version} licence ${pkg.license}; wanted ${spec} (MIT)`,
    );
  }
  return {
    spec: JSON.parse(readFileSync(join(dir, SPEC_FILE), 'utf8')),
    license: readFileSync(join(dir, 'package/LICENSE'), 'utf8'),
    integrity: info.integrity,
  };
}

/** Reads an unpacked description; the licence is only rewritten when it sits beside it (package/LICENSE). */
function readLocal(file, outFile) {
  const beside = join(dirname(file), '..', 'LICENSE');
  const license = existsSync(beside) ? readFileSync(beside, 'utf8') : undefined;
  // The tarball's integrity cannot be recomputed from one file: keep the one recorded when the
  // fixture was fetched with `npm pack`.
  const committed = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : undefined;
  const integrity = committed?.['x-glidepath-source']?.integrity;
  return { spec: JSON.parse(readFileSync(file, 'utf8')), license, integrity };
}

/** The description's paths holding the listed operations (other methods of a path dropped). */
function keptOperations(spec, operations) {
  const paths = {};
  const found = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operations.includes(operation?.operationId)) continue;
      found.add(operation.operationId);
      paths[path] ??= item.parameters ? { parameters: item.parameters } : {};
      paths[path][method] = stripExamples(operation);
    }
  }
  const missing = operations.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`operations not in the description: ${missing.join(', ')}`);
  return sortKeys(paths);
}

/** The description's listed webhooks. */
function keptWebhooks(spec, webhooks) {
  const missing = webhooks.filter((key) => spec.webhooks?.[key] === undefined);
  if (missing.length > 0) throw new Error(`webhooks not in the description: ${missing.join(', ')}`);
  return sortKeys(Object.fromEntries(webhooks.map((key) => [key, stripExamples(spec.webhooks[key])])));
}

function extract(source, spec, { integrity }) {
  if (spec.info?.version !== source.version) {
    throw new Error(
      `expected ${source.package} ${source.version}, the description says ${spec.info?.version}`,
    );
  }
  const roots = source.roots(spec);

  // Follow $refs transitively from the kept operations or webhooks.
  const components = {};
  const pending = [roots];
  while (pending.length > 0) {
    for (const ref of collectRefs(pending.pop())) {
      const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
      if (!match) throw new Error(`unsupported $ref ${ref}`);
      const [, section, name] = match;
      if (components[section]?.[name] !== undefined) continue;
      const target = spec.components?.[section]?.[name];
      if (target === undefined) throw new Error(`dangling $ref ${ref}`);
      (components[section] ??= {})[name] = stripExamples(target);
      pending.push(target);
    }
  }

  return {
    'x-glidepath-source': {
      package: source.package,
      version: source.version,
      file: SPEC_FILE.replace(/^package\//, ''),
      integrity,
      license: 'MIT',
      licenseFile: source.licenseFile,
      generatedBy: 'scripts/extract-github-openapi.mjs',
      [source.listKey]: [...source.names].sort(),
    },
    openapi: spec.openapi,
    info: { title: spec.info.title, version: spec.info.version, license: spec.info.license },
    ...(spec.servers ? { servers: spec.servers } : {}),
    ...roots,
    components: Object.fromEntries(
      Object.keys(components)
        .sort()
        .map((section) => [section, sortKeys(components[section])]),
    ),
  };
}

function collectRefs(value, out = new Set()) {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') out.add(item);
      else collectRefs(item, out);
    }
  }
  return out;
}

/**
 * Removes the `examples` maps of media types, parameters and headers (they reference
 * components/examples, which we do not keep). Those objects are the ones carrying a `schema` key; a
 * schema property that happens to be named `examples` is left alone.
 */
function stripExamples(value) {
  if (Array.isArray(value)) return value.map(stripExamples);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'examples' && 'schema' in value) continue;
    out[key] = stripExamples(item);
  }
  return out;
}

function sortKeys(object) {
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, object[key]]),
  );
}
