/**
 * The manual controls as commands (`glidepath promote|abort|pause|retry|resume`), run through the CLI
 * against a real git repository: each reads where the rollout stands from the branch's trailers and
 * acts on the live step. The first `glidepath step` run only commits step 1 (the event-driven loop
 * hands every step to a run of its own), so these controls meet a rollout at 1% without any analysis.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../../src/cli/main.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';

let bare: TempBareRepo;
let dir: string;
let policyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-controls-'));
  const seed = join(dir, 'seed');
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  policyFile = join(dir, 'glidepath.yaml');
  await writeFile(
    policyFile,
    `service: demo
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [1, 5, 100]
  bake: 1s
  reconcile: { wait: delay, delay: 0s }
analysis:
  provider: { kind: prometheus, address: http://127.0.0.1:9, timeout: 1s }
  interval: 1s
  guardrails: [{ name: error-ratio, query: errors, max: 0.01 }]
`,
  );
}, 30_000);

afterAll(async () => {
  await bare?.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function glidepath(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    {
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      cwd: dir,
      now: () => new Date(),
      env: {},
    },
    'test',
  );
  return { code, out, err };
}

/** Headline and Glidepath-Verdict of each commit on main after the seed, oldest first. */
async function history(): Promise<string[]> {
  const log = await gitText([
    '--git-dir',
    bare.path,
    'log',
    '--reverse',
    '--format=%s|%(trailers:key=Glidepath-Verdict,valueonly,separator=)',
    'main',
  ]);
  return log.split('\n').slice(1);
}

const artifact = (hex: string) => `${IMAGE_REPOSITORY}@sha256:${hex.repeat(64)}`;

describe('control commands', () => {
  it('pause holds the live step (exit 4); abort then reverses it without quarantine (exit 1)', async () => {
    const common = ['--policy', policyFile, '--artifact', artifact('d')];
    expect((await glidepath('step', ...common)).code).toBe(0);
    expect(await history()).toEqual([expect.stringMatching(/at 1%\|$/)]);

    const paused = await glidepath('pause', ...common);
    expect(paused.code).toBe(4);
    expect(paused.out).toMatch(/paused by command/);

    const aborted = await glidepath('abort', ...common);
    expect(aborted.code).toBe(1);
    expect(aborted.out).toMatch(/aborted by command/);
    expect(await history()).toEqual([
      expect.stringMatching(/at 1%\|$/),
      expect.stringMatching(/canary weight 0 \(reversal\)\|abort$/),
    ]);
    const quarantine = await gitText([
      '--git-dir',
      bare.path,
      'show',
      'main:.glidepath/quarantine.yaml',
    ]).catch(() => '');
    expect(quarantine).not.toContain('d'.repeat(64));
  }, 60_000);

  it('abort with the image lever reverts the image as an abort (Glidepath-Verdict: abort), no quarantine', async () => {
    const imageOnly = join(dir, 'image-only.yaml');
    await writeFile(
      imageOnly,
      (await readFile(policyFile, 'utf8')).replace('exposure:', 'rollback: { order: [image] }\nexposure:'),
    );
    const common = ['--policy', imageOnly, '--artifact', artifact('c')];
    expect((await glidepath('step', ...common)).code).toBe(0);
    const aborted = await glidepath('abort', ...common);
    expect(aborted.code).toBe(1);
    expect((await history()).at(-1)).toMatch(/\|abort$/);
    const quarantine = await gitText([
      '--git-dir',
      bare.path,
      'show',
      'main:.glidepath/quarantine.yaml',
    ]).catch(() => '');
    expect(quarantine).not.toContain('c'.repeat(64));
  }, 60_000);

  it('promote --full commits 100% as the last step and hands it to the next run', async () => {
    const common = ['--policy', policyFile, '--artifact', artifact('e')];
    expect((await glidepath('step', ...common)).code).toBe(0);
    const promoted = await glidepath('promote', ...common, '--full');
    expect(promoted.code).toBe(0);
    expect((await history()).slice(-2)).toEqual([
      expect.stringMatching(/sha256:e{12} at 1%\|$/),
      expect.stringMatching(/sha256:e{12} at 100%\|$/),
    ]);
  }, 60_000);

  it('a control with no rollout in progress is a usage error naming it; --help documents --full', async () => {
    const none = await glidepath('retry', '--policy', policyFile, '--artifact', artifact('f'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no rollout demo-f{12} on main to retry/);
    const help = await glidepath('promote', '--help');
    expect(help.out).toMatch(/--full +commit 100% as the last step/);
    expect(help.out).toMatch(/^Usage: glidepath promote /);
  });
});
