/**
 * The sequential error-rate test spans the whole rollout in both loops: in one job the executor
 * keeps its state in memory; with one run per step (`glidepath step`) each step's commit carries it
 * (`Glidepath-Analysis`) and the next run continues from it. Real git, a virtual clock, and counts
 * that depend only on the time since the step started — so both loops see identical looks, and the
 * test's state after the last step must be identical too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parsePolicy } from '../../../src/config/load-policy.js';
import type { AnalysisPolicy, DesiredPolicy, Policy } from '../../../src/config/types.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import { openDesiredStateWriter } from '../../../src/gitops/index.js';
import type { MetricProvider } from '../../../src/metrics/providers/types.js';
import { decodeAnalysisState, encodeAnalysisState } from '../../../src/rollout/analysis-state.js';
import { runRollout, type RolloutRecord } from '../../../src/rollout/executor.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';

let bare: TempBareRepo;
let policy: Policy & { desired: DesiredPolicy; analysis: AnalysisPolicy };

beforeAll(async () => {
  const seed = await mkdtemp(join(tmpdir(), 'glidepath-analysis-state-'));
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
  steps: [5, 50, 100]
  bake: 10s
  reconcile: { wait: delay, delay: 1s }
analysis:
  provider: { kind: prometheus, address: http://unused.invalid:9090 }
  interval: 2s
  warmup: 0s
  counts:
    requests: 'requests {{canary}}'
    errors: 'errors {{canary}}'
  guardrails:
    - { name: error-ratio, query: 'ratio {{canary}}', max: 0.2, compare: { test: msprt } }
`,
    'glidepath.yaml',
  ) as typeof policy;
}, 30_000);

afterAll(async () => {
  await bare?.dispose();
});

/**
 * One process of rollout `id`: the canary serves `weight`% of 1,000 req/s with 0.5% errors, stable
 * the rest with 0.5%; counts grow with the seconds since the step's commit was applied.
 */
async function process(id: string, singleStep: boolean): Promise<RolloutRecord> {
  let now = Date.parse('2026-11-22T10:00:00Z');
  let weight = 0;
  let appliedAt = now;
  const inner = await openDesiredStateWriter(policy.desired, {});
  const provider: MetricProvider = {
    kind: 'prometheus',
    async query(request) {
      const seconds = Math.max(0, (now - appliedAt) / 1000);
      const share = request.query.endsWith('canary') ? weight / 100 : 1 - weight / 100;
      const requests = Math.round(1000 * share * seconds);
      const errors = Math.round(requests * 0.005);
      const value = request.query.startsWith('requests')
        ? requests
        : request.query.startsWith('errors')
          ? errors
          : requests > 0
            ? errors / requests
            : 0;
      return {
        query: request.query,
        mode: 'instant',
        series: [{ labels: {}, samples: [{ timestamp: now / 1000, value }] }],
        noData: false,
        value,
      };
    },
  };
  // The weight and the step clock come from the branch: what this process resumes or commits.
  const history = await inner.log(policy.desired.branch, 50);
  const last = history.find((commit) => commit.trailers['Glidepath-Rollout'] === id);
  weight = Number(last?.trailers['Glidepath-Weight'] ?? 0);
  try {
    return await runRollout(
      {
        policy,
        desired: policy.desired,
        image: ImageRef.parse(`${IMAGE_REPOSITORY}@sha256:${id.padEnd(64, '0')}`),
        id,
        labels: { canary: 'canary', stable: 'stable' },
        singleStep,
      },
      {
        writer: {
          ...inner,
          commit: async (request) => {
            const landed = await inner.commit(request);
            weight = Number(request.trailers['Glidepath-Weight'] ?? weight);
            return landed;
          },
          readFile: (ref, path) => inner.readFile(ref, path),
          log: (branch, n) => inner.log(branch, n),
          changedFiles: (sha) => inner.changedFiles(sha),
        },
        provider,
        now: () => new Date(now),
        sleep: async (ms) => {
          now += ms;
          // The reconcile wait is the only sleep before a step's first look: the step starts after it.
          if (ms === 1000) appliedAt = now;
        },
        log: () => undefined,
      },
    );
  } finally {
    await inner.close();
  }
}

async function trailersOf(id: string): Promise<{ step: string; analysis: string }[]> {
  const log = await gitText([
    '--git-dir',
    bare.path,
    'log',
    '--reverse',
    '--format=%(trailers:key=Glidepath-Rollout,valueonly,separator=)|%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Analysis,valueonly,separator=)|%(trailers:key=Glidepath-Verdict,valueonly,separator=)',
    'main',
  ]);
  return (
    log
      .split('\n')
      .map((line) => line.split('|'))
      // The promotion record (Glidepath-Verdict: promoted) is no step.
      .filter(([rollout, , , verdict]) => rollout === id && verdict !== 'promoted')
      .map(([, step, analysis]) => ({ step: step ?? '', analysis: analysis ?? '' }))
  );
}

describe('the error-rate test across the runs of an event-driven rollout', () => {
  it('each step commit after the first carries the state; the last state equals the one-job rollout’s', async () => {
    const single = await process('abc111', false);
    expect(single.outcome).toBe('promoted');

    let record: RolloutRecord | undefined;
    for (let runs = 0; runs < 10 && record?.outcome !== 'promoted'; runs++) {
      record = await process('abc222', true);
    }
    expect(record?.outcome).toBe('promoted');

    const carried = (await trailersOf('abc222')).filter(({ step }) => /^\d\/3$/.test(step));
    expect(carried.map(({ step }) => step)).toEqual(['1/3', '2/3', '3/3']);
    expect(carried[0]!.analysis).toBe('');
    // After step k the state holds the counts of k completed steps.
    const states = carried.slice(1).map(({ analysis }) => decodeAnalysisState(analysis));
    expect(states.map((state) => state?.['error-ratio']?.completedSteps?.length)).toEqual([1, 2]);

    const lastOf = (r: RolloutRecord) => r.steps.at(-1)?.analysis?.errorRateState;
    expect(lastOf(record!)).toEqual(lastOf(single));
    expect(lastOf(single)?.['error-ratio']?.completedSteps).toHaveLength(3);
  }, 60_000);

  it('encodes to one base64url line and refuses what is not a state', () => {
    const state = {
      g: {
        pAlwaysValid: 0.4,
        completedSteps: [{ baseline: { requests: 9, errors: 1 }, canary: { requests: 3, errors: 0 } }],
      },
    };
    const text = encodeAnalysisState(state)!;
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAnalysisState(text)).toEqual(state);
    expect(encodeAnalysisState({})).toBeUndefined();
    for (const bad of [
      'not base64!',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"g":{"pAlwaysValid":2}}').toString('base64url'),
      Buffer.from(
        '{"g":{"pAlwaysValid":0.5,"completedSteps":[{"baseline":{"requests":1,"errors":5}}]}}',
      ).toString('base64url'),
    ]) {
      expect(decodeAnalysisState(bad)).toBeUndefined();
    }
  });
});
