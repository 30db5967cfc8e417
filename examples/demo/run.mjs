#!/usr/bin/env node
// The local demo (`npm run demo`), offline, with the committed bundle (dist/index.js) run exactly as
// the action runs it. It exits non-zero unless every outcome is the expected one.
//   Admission — one build of the checkout service, twice:
//   1. release 1.4.0 with clean evidence: tests pass, the one critical CVE is suppressed by OpenVEX,
//      the SBOM and the signed provenance name the digest          -> admitted (exit 0)
//   2. the same digest re-scanned after a new HIGH CVE was published -> rejected (exit 1)
//   Rollout — a local world (GitOps repository, reconciler, traffic splitter, load, metrics;
//   see rollout.mjs):
//   3. v2, healthy: promoted 1 → 5 → 25 → 50 → 100                   -> promoted (exit 0)
//   4. v3, 5% errors: reverted through Git at its first breach        -> reverted (exit 1)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runRolloutDemo } from './rollout.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const program = join(here, '..', '..', 'dist', 'index.js');
const bundle = JSON.parse(readFileSync(join(here, 'provenance.sigstore.json'), 'utf8'));
const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
const digest = `sha256:${statement.subject[0].digest.sha256}`;
const artifact = `ghcr.io/acme/checkout:1.4.0@${digest}`;

/** Copies the evidence templates into a fresh directory with today's timestamps and the digest. */
function evidence(edit = (_name, text) => text) {
  const dir = mkdtempSync(join(tmpdir(), 'glidepath-demo-'));
  for (const name of readdirSync(join(here, 'evidence'))) {
    const text = readFileSync(join(here, 'evidence', name), 'utf8')
      .replaceAll('__NOW__', new Date().toISOString())
      .replaceAll('__DIGEST_HEX__', digest.slice('sha256:'.length))
      .replaceAll('__DIGEST__', digest);
    writeFileSync(join(dir, name), edit(name, text));
  }
  cpSync(join(here, 'provenance.sigstore.json'), join(dir, 'provenance.sigstore.json'));
  return dir;
}

function verify(title, dir) {
  console.log(
    `\n━━ ${title}\n$ glidepath verify --artifact ${artifact} --evidence ${dir} --policy examples/demo/glidepath.yaml`,
  );
  const run = spawnSync(
    process.execPath,
    [
      program,
      'verify',
      '--artifact',
      artifact,
      '--evidence',
      dir,
      '--policy',
      join(here, 'glidepath.yaml'),
      '--trusted-root',
      join(here, 'trusted_root.json'),
    ],
    { stdio: 'inherit' },
  );
  console.log(`exit status ${run.status}`);
  return run.status;
}

// `--write-evidence DIR`: only write the clean evidence set (used by this repository's workflow to
// run the action itself on it), print the artifact reference, and stop.
const writeTo = process.argv.indexOf('--write-evidence');
if (writeTo > 0) {
  const target = process.argv[writeTo + 1];
  if (!target) throw new Error('--write-evidence needs a directory');
  cpSync(evidence(), target, { recursive: true });
  console.log(artifact);
  process.exit(0);
}

const healthy = verify('release 1.4.0: clean evidence', evidence());
const newCve = {
  VulnerabilityID: 'CVE-2024-6387',
  PkgName: 'openssh',
  InstalledVersion: '9.3_p2-r0',
  FixedVersion: '9.3_p2-r3',
  PkgIdentifier: { PURL: 'pkg:apk/alpine/openssh@9.3_p2-r0' },
  Title: 'openssh: regreSSHion',
  Severity: 'HIGH',
};
const bad = verify(
  'the same digest, re-scanned after CVE-2024-6387 was published',
  evidence((name, text) => {
    if (name !== 'trivy.json') return text;
    const report = JSON.parse(text);
    report.Results[0].Vulnerabilities.push(newCve);
    return JSON.stringify(report, null, 2);
  }),
);

const started = Date.now();
const rollouts = await runRolloutDemo({ program });
const ok = healthy === 0 && bad === 1 && rollouts.healthy === 0 && rollouts.bad === 1;
console.log(
  `\n${
    ok
      ? '✔ demo as expected: clean evidence admitted, new HIGH CVE rejected; v2 promoted, v3 reverted'
      : '✘ demo did not go as expected'
  } (rollouts took ${Math.round((Date.now() - started) / 1000)} s)`,
);
process.exit(ok ? 0 : 1);
