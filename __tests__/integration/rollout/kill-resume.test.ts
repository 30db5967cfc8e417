/**
 * Kill and resume: the rollout process dies after every effect in turn (a commit landed, a wait
 * slept, a measurement taken), then runs again from nothing but the GitOps repository. Every run
 * must end promoted, with exactly one commit per step: the trailers tell the rerun where the
 * rollout stands, and the writers' compare-and-swap never duplicates a landed commit.
 * Real git (a bare repository and the git writer); the metrics are an in-memory provider and the
 * clock is virtual, so the ~100 kill points take seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parsePolicy } from '../../../src/config/load-policy.js';
import type { AnalysisPolicy, DesiredPolicy, Policy } from '../../../src/config/types.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import { openDesiredStateWriter } from '../../../src/gitops/index.js';
import type { DesiredStateWriter } from '../../../src/gitops/types.js';
import { TransientError } from '../../../src/errors.js';
import type { MetricProvider } from '../../../src/metrics/providers/types.js';
import { runRollout, type RolloutDeps, type RolloutRecord } from '../../../src/rollout/executor.js';
import type { RolloutCommand } from '../../../src/rollout/types.js';
import { DIGESTS, IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';

class Killed extends Error {}

let bare: TempBareRepo;
let policy: Policy & { desired: DesiredPolicy; analysis: AnalysisPolicy };

beforeAll(async () => {
  const seed = await mkdtemp(join(tmpdir(), 'glidepath-kill-seed-'));
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  await rm(seed, { recursive: true, force: true });
  policy = parsePolicy(
    `service: demo
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [1, 5, 25, 50, 100]
  bake: 3s
  reconcile: { wait: delay, delay: 1s }
analysis:
  provider: { kind: prometheus, address: http://unused.invalid:9090 }
  interval: 1s
  warmup: 0s
  guardrails: [{ name: error-ratio, query: errors, max: 0.01 }]
`,
    'glidepath.yaml',
  ) as typeof policy;
}, 30_000);

afterAll(async () => {
  await bare?.dispose();
});

/** One process: real git writer, healthy metrics, a virtual clock; dies at the `killAt`-th effect. */
async function run(
  id: string,
  killAt?: number,
  measure: () => number | Error = () => 0.001,
  digest: string = DIGESTS.v2,
  singleStep = false,
  control?: RolloutCommand,
): Promise<{ record?: RolloutRecord; effects: number }> {
  let now = Date.parse('2026-11-22T10:00:00Z');
  let effects = 0;
  const boundary = () => {
    effects++;
    if (effects === killAt) throw new Killed(`killed after effect ${effects}`);
  };
  const inner = await openDesiredStateWriter(policy.desired, {});
  const writer: DesiredStateWriter = {
    commit: async (request) => {
      const result = await inner.commit(request);
      boundary();
      return result;
    },
    readFile: (ref, path) => inner.readFile(ref, path),
    log: (branch, n) => inner.log(branch, n),
    changedFiles: (sha) => inner.changedFiles(sha),
  };
  const provider: MetricProvider = {
    kind: 'prometheus',
    async query(request) {
      boundary();
      const value = measure();
      if (value instanceof Error) throw value;
      return {
        query: request.query,
        mode: 'instant',
        series: [{ labels: {}, samples: [{ timestamp: now / 1000, value }] }],
        noData: false,
        value,
      };
    },
  };
  const deps: RolloutDeps = {
    writer,
    provider,
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
      boundary();
    },
    log: () => undefined,
  };
  try {
    const record = await runRollout(
      {
        policy,
        desired: policy.desired,
        image: ImageRef.parse(`${IMAGE_REPOSITORY}@sha256:${digest}`),
        id,
        labels: { canary: 'canary', stable: 'stable' },
        singleStep,
        ...(control ? { control } : {}),
      },
      deps,
    );
    return { record, effects };
  } catch (error) {
    if (error instanceof Killed) return { effects };
    throw error;
  } finally {
    await inner.close();
  }
}

/**
 * The Glidepath-Step trailers of rollout `id`'s commits on main, oldest first; the promotion record
 * (Glidepath-Verdict: promoted, written once the last step was judged) reads `promoted`.
 */
async function stepsOf(id: string): Promise<string[]> {
  const text = await gitText([
    '--git-dir',
    bare.path,
    'log',
    '--reverse',
    `--format=%(trailers:key=Glidepath-Rollout,valueonly,separator=)|%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Verdict,valueonly,separator=)`,
    'main',
  ]);
  return text
    .split('\n')
    .map((line) => line.split('|'))
    .filter(([rollout]) => rollout === id)
    .map(([, step, verdict]) => (verdict === 'promoted' ? 'promoted' : (step ?? '')));
}

describe('kill and resume', () => {
  it('an uninterrupted run promotes with one commit per step; a rerun changes nothing', async () => {
    const first = await run('clean');
    expect(first.record?.outcome).toBe('promoted');
    expect(await stepsOf('clean')).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5', 'promoted']);
    const again = await run('clean');
    expect(again.record).toMatchObject({ outcome: 'promoted', steps: [] });
    expect(await stepsOf('clean')).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5', 'promoted']);
  }, 60_000);

  it('killed after each effect in turn, then rerun: always promoted, never a duplicate commit', async () => {
    const total = (await run('count')).effects;
    expect(total).toBeGreaterThan(20);
    for (let killAt = 1; killAt <= total; killAt++) {
      const id = `kill-${killAt}`;
      const killed = await run(id, killAt);
      expect(killed.record).toBeUndefined();
      const resumed = await run(id);
      expect({ killAt, outcome: resumed.record?.outcome }).toEqual({ killAt, outcome: 'promoted' });
      expect({ killAt, steps: await stepsOf(id) }).toEqual({
        killAt,
        steps: ['1/5', '2/5', '3/5', '4/5', '5/5', 'promoted'],
      });
    }
  }, 240_000);
});

describe('faults during a rollout: no promotion without a passing analysis', () => {
  it('a metrics back-end that is down: error after consecutiveErrorLimit, reverted, the reason says why', async () => {
    const { record } = await run(
      'down',
      undefined,
      () => new TransientError('prometheus unreachable: ECONNREFUSED'),
      DIGESTS.v3,
    );
    expect(record?.outcome).toBe('reverted');
    expect(record?.reason).toMatch(/5 consecutive measurement errors.*ECONNREFUSED/);
    // The step commit, then the reversal (which has no step).
    expect(await stepsOf('down')).toEqual(['1/5', '']);
  }, 60_000);

  it('a regression at step 3 (25%): reverted there, nothing beyond it committed', async () => {
    let calls = 0;
    // A digest of its own: a failed rollout quarantines its digest, and the other tests roll out v2.
    const { record } = await run(
      'late-breach',
      undefined,
      () => (++calls > 10 ? 0.05 : 0.001),
      `${'c'.repeat(64)}`,
    );
    expect(record?.outcome).toBe('reverted');
    expect(record?.steps.map((step) => step.phase)).toEqual(['pass', 'pass', 'fail']);
    expect(await stepsOf('late-breach')).toEqual(['1/5', '2/5', '3/5', '']);
  }, 60_000);
});

describe('event-driven: one step per run (glidepath step)', () => {
  it('each run bakes the current step and commits the next, then hands off; the last run promotes', async () => {
    const outcomes: string[] = [];
    for (let runs = 0; runs < 10; runs++) {
      const { record } = await run('stepwise', undefined, () => 0.001, DIGESTS.v2, true);
      outcomes.push(`${record?.outcome}:${(await stepsOf('stepwise')).length}`);
      if (record?.outcome !== 'continuing') break;
    }
    // Run 1 commits step 1; each later run bakes one step and commits the next; the last run judges
    // 100% and records the promotion.
    expect(outcomes).toEqual([
      'continuing:1',
      'continuing:2',
      'continuing:3',
      'continuing:4',
      'continuing:5',
      'promoted:6',
    ]);
  }, 60_000);
});

describe('kill and resume of the event-driven loop (glidepath step)', () => {
  /** Runs `glidepath step` again and again until it promotes; the run reaching effect `killAt` (counted over all runs) dies. */
  async function stepUntilPromoted(id: string, killAt?: number): Promise<{ runs: number; effects: number }> {
    let left = killAt;
    let effects = 0;
    for (let runs = 1; runs <= 20; runs++) {
      const result = await run(id, left, () => 0.001, DIGESTS.v2, true);
      effects += result.effects;
      if (left !== undefined) left = result.record ? left - result.effects : undefined;
      if (result.record?.outcome === 'promoted') return { runs, effects };
      if (result.record)
        expect({ killAt, runs, outcome: result.record.outcome }).toMatchObject({ outcome: 'continuing' });
    }
    throw new Error(`${id}: not promoted in 20 runs`);
  }

  it('the step process killed after each effect in turn, then run again: promoted, one commit per step', async () => {
    const clean = await stepUntilPromoted('step-count');
    expect(clean.runs).toBe(6);
    for (let killAt = 1; killAt <= clean.effects; killAt++) {
      const id = `step-kill-${killAt}`;
      await stepUntilPromoted(id, killAt);
      expect({ killAt, steps: await stepsOf(id) }).toEqual({
        killAt,
        steps: ['1/5', '2/5', '3/5', '4/5', '5/5', 'promoted'],
      });
    }
  }, 300_000);
});

describe('manual controls on the rollout in progress (glidepath step --control)', () => {
  const healthy = () => 0.001;
  it('abort: the live step is reversed through Git and the job fails', async () => {
    await run('ctl-abort', undefined, healthy, DIGESTS.v2, true);
    const { record } = await run('ctl-abort', undefined, healthy, DIGESTS.v2, true, 'abort');
    expect(record?.outcome).toBe('reverted');
    expect(await stepsOf('ctl-abort')).toEqual(['1/5', '']);
  }, 60_000);

  it('promote-full: 100% is committed as the last step, and the next run promotes', async () => {
    await run('ctl-full', undefined, healthy, DIGESTS.v2, true);
    const handed = await run('ctl-full', undefined, healthy, DIGESTS.v2, true, 'promote-full');
    expect(handed.record?.outcome).toBe('continuing');
    const last = await run('ctl-full', undefined, healthy, DIGESTS.v2, true);
    expect(last.record?.outcome).toBe('promoted');
    expect(await stepsOf('ctl-full')).toEqual(['1/5', '5/5', 'promoted']);
  }, 60_000);

  it('a control with no rollout in progress says so', async () => {
    await expect(run('ctl-none', undefined, healthy, DIGESTS.v2, true, 'promote')).rejects.toThrow(
      /no rollout ctl-none on main to promote; start one with glidepath rollout or step/,
    );
  });
});
