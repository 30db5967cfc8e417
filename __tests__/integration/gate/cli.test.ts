/**
 * `glidepath gate` through the CLI: the group's help lists both commands; `gate check` decides on a
 * real git repository (a quarantined digest is rejected, exit 1; a clean one approved, exit 0);
 * `gate serve` without the App's credentials stops before listening, naming every missing variable.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../../src/cli/main.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, type TempBareRepo } from '../../support/git-remote.js';

let bare: TempBareRepo;
let dir: string;
const QUARANTINED = 'e'.repeat(64);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-gate-cli-'));
  const seed = join(dir, 'seed');
  await seedGitops(seed);
  await mkdir(join(seed, '.glidepath'), { recursive: true });
  await writeFile(
    join(seed, '.glidepath/quarantine.yaml'),
    `digests:\n  - digest: sha256:${QUARANTINED}\n    reason: "failed at 5%"\n`,
  );
  bare = await createBareRepo({ seedDir: seed });
  await writeFile(
    join(dir, 'glidepath.yaml'),
    `service: demo
environment: production
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
deploy: { timeZone: UTC }
`,
  );
}, 30_000);

afterAll(async () => {
  await bare?.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function glidepath(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    {
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      cwd: dir,
      now: () => new Date('2026-11-24T10:00:00Z'),
      env,
    },
    'test',
  );
  return { code, out, err };
}

describe('glidepath gate', () => {
  it('lists check and serve', async () => {
    const help = await glidepath(['gate', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^ {2}check +decide now/m);
    expect(help.out).toMatch(/^ {2}serve +run the GitHub App/m);
  });

  it('gate check: a quarantined digest is rejected (exit 1), a clean one approved (exit 0)', async () => {
    const rejected = await glidepath([
      'gate',
      'check',
      '--artifact',
      `${IMAGE_REPOSITORY}@sha256:${QUARANTINED}`,
    ]);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toMatch(/rejected/i);
    expect(rejected.out).toContain('failed at 5%');
    const approved = await glidepath([
      'gate',
      'check',
      '--artifact',
      `${IMAGE_REPOSITORY}@sha256:${'1'.repeat(64)}`,
    ]);
    expect(approved.code).toBe(0);
    expect(approved.out).toMatch(/approved/i);
  });

  it('gate serve without the App credentials exits 2 naming each missing variable', async () => {
    const serve = await glidepath([
      'gate',
      'serve',
      '--policy',
      join(dir, 'glidepath.yaml'),
      '--port',
      '8089',
    ]);
    expect(serve.code).toBe(2);
    expect(serve.err).toMatch(/GLIDEPATH_APP_ID/);
    expect(serve.err).toMatch(/GLIDEPATH_WEBHOOK_SECRET/);
  });

  it('gate serve takes --repo and --backend as gate check does, and refuses a bad backend', async () => {
    const help = await glidepath(['gate', 'serve', '--help']);
    expect(help.out).toMatch(/--repo PATH\|URL/);
    expect(help.out).toMatch(/--backend git\|github/);
    const bad = await glidepath([
      'gate',
      'serve',
      '--policy',
      join(dir, 'glidepath.yaml'),
      '--repo',
      `file://${bare.path}`,
      '--backend',
      'svn',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--backend must be git or github, got "svn"');
  });
});
