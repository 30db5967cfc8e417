#!/usr/bin/env node
// Extracts the REST operations Glidepath uses from GitHub's published OpenAPI description into a
// small committed fixture, __tests__/fixtures/github/openapi-subset.json, which the local GitHub
// fake (__tests__/support/github-fake/) validates every request and response against.
//
// Why a subset: @octokit/openapi is 385 MB unpacked (the one file we need is 13 MB), far too big to
// install for tests. The script fetches the pinned tarball with `npm pack` into a temp dir, reads
// package/generated/api.github.com.json, and keeps only the listed operations plus every component
// they reach through `$ref` (schemas, parameters, responses, headers). Media-type `examples` are
// dropped: they are documentation, large, and never used for validation.
//
// Usage:
//   node scripts/extract-github-openapi.mjs            regenerate the fixture
//   node scripts/extract-github-openapi.mjs --check    fail (exit 1) when the committed fixture differs
//   node scripts/extract-github-openapi.mjs --from FILE  use an already unpacked api.github.com.json
//
// Adding an operation: append its operationId to OPERATIONS, run the script, commit the fixture.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@octokit/openapi';
const VERSION = '23.0.2';
const SPEC_FILE = 'package/generated/api.github.com.json';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '__tests__/fixtures/github');
const OUT_FILE = join(OUT_DIR, 'openapi-subset.json');
const LICENSE_FILE = join(OUT_DIR, 'LICENSE-octokit-openapi');

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

const args = process.argv.slice(2);
const check = args.includes('--check');
const fromIndex = args.indexOf('--from');
const from = fromIndex >= 0 ? args[fromIndex + 1] : undefined;

const work = mkdtempSync(join(tmpdir(), 'glidepath-openapi-'));
try {
  const { spec, license, integrity } = from ? readLocal(from) : fetchPackage(work);
  const subset = extract(spec, { integrity });
  const text = JSON.stringify(subset, null, 2) + '\n';
  if (check) {
    const committed = readFileSync(OUT_FILE, 'utf8');
    if (committed !== text) {
      console.error(`${OUT_FILE} is stale: run node scripts/extract-github-openapi.mjs and commit it`);
      // exitCode, not exit(): the temp dir is removed in `finally`.
      process.exitCode = 1;
    } else {
      console.log(`${OUT_FILE} matches ${PACKAGE}@${VERSION}`);
    }
  } else {
    writeFileSync(OUT_FILE, text);
    if (license !== undefined) writeFileSync(LICENSE_FILE, license);
    const count = Object.values(subset.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const schemas = Object.keys(subset.components.schemas ?? {}).length;
    console.log(`wrote ${OUT_FILE}: ${count} operations, ${schemas} schemas, ${text.length} bytes`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Downloads the pinned tarball with the npm client and unpacks only the files we read. */
function fetchPackage(dir) {
  const out = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--json', '--pack-destination', dir], {
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
  if (pkg.version !== VERSION || pkg.license !== 'MIT') {
    throw new Error(`unexpected package: ${pkg.name}@${pkg.version} licence ${pkg.license}`);
  }
  return {
    spec: JSON.parse(readFileSync(join(dir, SPEC_FILE), 'utf8')),
    license: readFileSync(join(dir, 'package/LICENSE'), 'utf8'),
    integrity: info.integrity,
  };
}

/** Reads an unpacked description; the licence is only rewritten when it sits beside it (package/LICENSE). */
function readLocal(file) {
  const beside = join(dirname(file), '..', 'LICENSE');
  const license = existsSync(beside) ? readFileSync(beside, 'utf8') : undefined;
  // The tarball's integrity cannot be recomputed from one file: keep the one recorded when the
  // fixture was fetched with `npm pack`.
  const committed = existsSync(OUT_FILE) ? JSON.parse(readFileSync(OUT_FILE, 'utf8')) : undefined;
  const integrity = committed?.['x-glidepath-source']?.integrity;
  return { spec: JSON.parse(readFileSync(file, 'utf8')), license, integrity };
}

function extract(spec, { integrity }) {
  if (spec.info?.version !== VERSION) {
    throw new Error(`expected ${PACKAGE} ${VERSION}, the description says ${spec.info?.version}`);
  }
  const paths = {};
  const found = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!OPERATIONS.includes(operation?.operationId)) continue;
      found.add(operation.operationId);
      paths[path] ??= item.parameters ? { parameters: item.parameters } : {};
      paths[path][method] = stripExamples(operation);
    }
  }
  const missing = OPERATIONS.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`operations not in the description: ${missing.join(', ')}`);

  // Follow $refs transitively from the kept operations.
  const components = {};
  const pending = [paths];
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
      package: PACKAGE,
      version: VERSION,
      file: SPEC_FILE.replace(/^package\//, ''),
      integrity,
      license: 'MIT',
      licenseFile: 'LICENSE-octokit-openapi',
      generatedBy: 'scripts/extract-github-openapi.mjs',
      operations: [...OPERATIONS].sort(),
    },
    openapi: spec.openapi,
    info: { title: spec.info.title, version: spec.info.version, license: spec.info.license },
    servers: spec.servers,
    paths: sortKeys(paths),
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
