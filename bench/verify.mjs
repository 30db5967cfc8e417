#!/usr/bin/env node
// bench/verify: how long `glidepath verify` takes, and how much memory it holds, on large evidence,
// against the floor of merely parsing the same files (JSON.parse + fast-xml-parser) in one process.
// Prints figures and ratios; asserts nothing. Run: npm run build && node bench/verify.mjs [cases]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = Number(process.argv[2] ?? 200_000);
const findings = Math.round(cases / 10);
const dir = mkdtempSync(join(tmpdir(), 'glidepath-bench-'));
const bundle = JSON.parse(readFileSync(join(root, 'examples/demo/provenance.sigstore.json'), 'utf8'));
const hex = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()).subject[0].digest
  .sha256;
const digest = `sha256:${hex}`;

// Evidence in the shapes the tools write, large: one JUnit report, one Trivy report, the bundle.
const suites = Array.from({ length: cases / 100 }, (_, s) => {
  const body = Array.from(
    { length: 100 },
    (_, c) => `<testcase classname="suite${s}" name="case ${c}" time="0.001"/>`,
  );
  return `<testsuite name="suite${s}" tests="100">${body.join('')}</testsuite>`;
});
writeFileSync(
  join(dir, 'junit.xml'),
  `<?xml version="1.0"?>\n<testsuites tests="${cases}">${suites.join('\n')}</testsuites>\n`,
);
const vulnerabilities = Array.from({ length: findings }, (_, i) => ({
  VulnerabilityID: `CVE-2024-${10000 + i}`,
  PkgName: `pkg${i}`,
  InstalledVersion: '1.0.0',
  FixedVersion: '1.0.1',
  PkgIdentifier: { PURL: `pkg:npm/pkg${i}@1.0.0` },
  Severity: i % 2 ? 'LOW' : 'MEDIUM',
  Title: 'synthetic finding',
}));
writeFileSync(
  join(dir, 'trivy.json'),
  JSON.stringify({
    SchemaVersion: 2,
    CreatedAt: new Date().toISOString(),
    ArtifactName: `ghcr.io/acme/checkout@${digest}`,
    Metadata: { RepoDigests: [`ghcr.io/acme/checkout@${digest}`] },
    Results: [{ Target: 'image', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: vulnerabilities }],
  }),
);
cpSync(join(root, 'examples/demo/provenance.sigstore.json'), join(dir, 'provenance.sigstore.json'));
const bytes = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

function run(label, args) {
  const times = [];
  let rss = 0;
  let status;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', join(root, 'bench/report-rss.mjs'), ...args], {
      encoding: 'utf8',
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    rss = Math.max(rss, Number(/GLIDEPATH_BENCH_MAXRSS_KB=(\d+)/.exec(child.stderr)?.[1] ?? 0));
    status = child.status;
  }
  const best = Math.min(...times);
  console.log(
    `${label.padEnd(34)} ${best.toFixed(0).padStart(6)} ms (best of 3)  peak RSS ${(rss / 1024).toFixed(0)} MiB  exit ${status}`,
  );
  return { best, rss };
}

const floorScript = `
import { XMLParser } from '${join(root, 'node_modules/fast-xml-parser/src/fxp.js').replace(/\\/g, '/')}';
import { readFileSync } from 'node:fs';
new XMLParser({ ignoreAttributes: false }).parse(readFileSync('${join(dir, 'junit.xml')}', 'utf8'));
JSON.parse(readFileSync('${join(dir, 'trivy.json')}', 'utf8'));
JSON.parse(readFileSync('${join(dir, 'provenance.sigstore.json')}', 'utf8'));`;
writeFileSync(join(dir, 'floor.mjs'), floorScript);

console.log(
  `evidence: ${cases} test cases, ${findings} findings, 1 bundle; ${(bytes / 1048576).toFixed(1)} MiB in ${dir}`,
);
const empty = run('node startup (empty script)', ['-e', '0']);
const floor = run('floor: parse the files only', [join(dir, 'floor.mjs')]);
const verify = run('glidepath verify (dist/index.js)', [
  join(root, 'dist/index.js'),
  'verify',
  '--artifact',
  `ghcr.io/acme/checkout@${digest}`,
  '--evidence',
  join(dir, 'junit.xml'),
  join(dir, 'trivy.json'),
  join(dir, 'provenance.sigstore.json'),
  '--trusted-root',
  join(root, 'examples/demo/trusted_root.json'),
  '--json',
]);
console.log(
  `ratio verify / parse floor: ${(verify.best / floor.best).toFixed(2)}x time, ${(verify.rss / floor.rss).toFixed(2)}x memory`,
);
console.log(`ratio verify / node startup: ${(verify.best / empty.best).toFixed(2)}x time`);
