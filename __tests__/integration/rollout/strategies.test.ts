/**
 * The exposure strategies on real git (a bare repository and the git writer), with an in-memory
 * metric provider and a virtual clock: a blue-green rollout (preview at 0%, then the switch to
 * 100%), a mirror step before the weight steps (the route's RequestMirror percent set, then
 * cleared), and adaptive pacing (a strong pass skips a step, a weak one bakes the step again). What
 * each step committed is read back from the repository: the route file at each commit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parsePolicy } from '../../../src/config/load-policy.js';
import type { AnalysisPolicy, DesiredPolicy, Policy } from '../../../src/config/types.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import { openDesiredStateWriter } from '../../../src/gitops/index.js';
import type { MetricProvider } from '../../../src/metrics/providers/types.js';
import { runRollout, type RolloutRecord } from '../../../src/rollout/executor.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';

/**
 * The demo route with a header rule (x-canary: always → stable until a header-route step) and a
 * RequestMirror filter to the canary on its default rule (percent 0: off).
 */
const ROUTE_WITH_MIRROR = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: demo
  namespace: demo
spec:
  parentRefs:
  - name: public-gateway
  rules:
  - matches:
    - headers:
      - name: x-canary
        value: always
    backendRefs:
    - name: demo-stable
      port: 80
      weight: 1   # header stable
    - name: demo-canary
      port: 80
      weight: 0   # header canary
  - filters:
    - type: RequestMirror
      requestMirror:
        backendRef:
          name: demo-canary
          port: 80
        percent: 0   # mirror share, set by Glidepath
    backendRefs:
    - name: demo-stable
      port: 80
      weight: 100   # stable
    - name: demo-canary
      port: 80
      weight: 0   # canary
`;

let bare: TempBareRepo;

beforeAll(async () => {
  const seed = await mkdtemp(join(tmpdir(), 'glidepath-strategies-seed-'));
  await seedGitops(seed);
  await writeFile(join(seed, 'apps/demo/route.yaml'), ROUTE_WITH_MIRROR);
  bare = await createBareRepo({ seedDir: seed });
  await rm(seed, { recursive: true, force: true });
}, 30_000);

afterAll(async () => {
  await bare?.dispose();
});

function policyWith(exposure: string): Policy & { desired: DesiredPolicy; analysis: AnalysisPolicy } {
  return parsePolicy(
    `service: demo
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
${exposure}
  bake: 2s
  reconcile: { wait: delay, delay: 1s }
analysis:
  provider: { kind: prometheus, address: http://unused.invalid:9090 }
  interval: 1s
  warmup: 0s
  guardrails: [{ name: error-ratio, query: errors, max: 0.01 }]
`,
    'glidepath.yaml',
  ) as Policy & { desired: DesiredPolicy; analysis: AnalysisPolicy };
}

/** Runs rollout `id` with the error ratio `measure(step)` reports while step `step` (1-based) bakes. */
async function rollout(
  id: string,
  exposure: string,
  measure: (step: number) => number,
): Promise<RolloutRecord> {
  // A digest per rollout: a reverted one is quarantined and must not stop the next test.
  const digest = createHash('sha256').update(id).digest('hex');
  const policy = policyWith(exposure);
  let now = Date.parse('2026-11-22T10:00:00Z');
  let step = 0;
  const writer = await openDesiredStateWriter(policy.desired, {});
  const provider: MetricProvider = {
    kind: 'prometheus',
    async query(request) {
      const value = measure(step);
      return {
        query: request.query,
        mode: 'instant',
        series: [{ labels: {}, samples: [{ timestamp: now / 1000, value }] }],
        noData: false,
        value,
      };
    },
  };
  const lines: string[] = [];
  try {
    return await runRollout(
      {
        policy,
        desired: policy.desired,
        image: ImageRef.parse(`${IMAGE_REPOSITORY}@sha256:${digest}`),
        id,
        labels: { canary: 'canary', stable: 'stable' },
      },
      {
        writer: {
          ...writer,
          commit: async (request) => {
            const landed = await writer.commit(request);
            step = Number(request.trailers['Glidepath-Step']?.split('/')[0] ?? step);
            return landed;
          },
          readFile: (ref, path) => writer.readFile(ref, path),
          log: (branch, n) => writer.log(branch, n),
          changedFiles: (sha) => writer.changedFiles(sha),
        },
        provider,
        now: () => new Date(now),
        sleep: async (ms) => {
          now += ms;
        },
        log: (line) => lines.push(line),
      },
    );
  } finally {
    await writer.close();
  }
}

/** For each commit of rollout `id` (oldest first): its step trailer and the route's weight and mirror. */
async function commitsOf(id: string): Promise<{ step: string; canary: number; mirror: number }[]> {
  return (await routesOf(id)).map(({ step, canary, mirror }) => ({ step, canary, mirror }));
}

/** As commitsOf, with the header rule's canary weight (100: requests with the header go to the canary). */
async function routesOf(
  id: string,
): Promise<{ step: string; canary: number; mirror: number; header: number }[]> {
  const log = await gitText([
    '--git-dir',
    bare.path,
    'log',
    '--reverse',
    '--format=%H|%(trailers:key=Glidepath-Rollout,valueonly,separator=)|%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Verdict,valueonly,separator=)',
    'main',
  ]);
  const rows = log
    .split('\n')
    .map((line) => line.split('|'))
    // The promotion record (Glidepath-Verdict: promoted) changes no route: left out.
    .filter(([, rollout, , verdict]) => rollout === id && verdict !== 'promoted');
  return Promise.all(
    rows.map(async ([sha, , step]) => {
      const route = await gitText(['--git-dir', bare.path, 'show', `${sha}:apps/demo/route.yaml`]);
      const canary = Number(/weight: (\d+) {3}# canary/.exec(route)?.[1]);
      const mirror = Number(/percent: (\d+)/.exec(route)?.[1]);
      const header = Number(/weight: (\d+) {3}# header canary/.exec(route)?.[1]);
      return { step: step || 'revert', canary, mirror, header };
    }),
  );
}

describe('exposure strategies', () => {
  it('blue-green: the preview is committed at 0% and judged, then all traffic switches in one commit', async () => {
    const record = await rollout('bluegreen', '  strategy: blueGreen', () => 0.001);
    expect(record.outcome).toBe('promoted');
    expect(record.steps.map((step) => [step.step, step.weight, step.phase])).toEqual([
      [1, 0, 'pass'],
      [2, 100, 'pass'],
    ]);
    expect(await commitsOf('bluegreen')).toEqual([
      { step: '1/2', canary: 0, mirror: 0 },
      { step: '2/2', canary: 100, mirror: 0 },
    ]);
  }, 60_000);

  it('blue-green: a failed post-promotion analysis switches all traffic back (weight 0)', async () => {
    const record = await rollout('bluegreen-bad', '  strategy: blueGreen', (step) =>
      step === 2 ? 0.2 : 0.001,
    );
    expect(record.outcome).toBe('reverted');
    expect(record.lever).toBe('traffic');
    expect(record.reason).toContain('step 2/2 at 100%');
    const commits = await commitsOf('bluegreen-bad');
    expect(commits.map(({ canary }) => canary)).toEqual([0, 100, 0]);
  }, 60_000);

  it('a mirror step: 20% of stable traffic copied to the canary at weight 0, the mirror cleared from the first weight step', async () => {
    const record = await rollout('mirror', '  mirror: 20\n  steps: [5, 100]', () => 0.001);
    expect(record.outcome).toBe('promoted');
    expect(await commitsOf('mirror')).toEqual([
      { step: '1/3', canary: 0, mirror: 20 },
      { step: '2/3', canary: 5, mirror: 0 },
      { step: '3/3', canary: 100, mirror: 0 },
    ]);
  }, 60_000);

  it('a breach during the mirror step reverses with weight 0 and the mirror off; no user was exposed', async () => {
    const record = await rollout('mirror-bad', '  mirror: 20\n  steps: [5, 100]', () => 0.3);
    expect(record.outcome).toBe('reverted');
    const commits = await commitsOf('mirror-bad');
    expect(commits).toEqual([
      { step: '1/3', canary: 0, mirror: 20 },
      { step: 'revert', canary: 0, mirror: 0 },
    ]);
  }, 60_000);

  it('a header-route step: only requests with x-canary: always reach the canary, then the weight steps with the header route off', async () => {
    const record = await rollout(
      'header',
      '  headerRoute: { header: x-canary, value: always }\n  steps: [5, 100]',
      () => 0.001,
    );
    expect(record.outcome).toBe('promoted');
    expect((await routesOf('header')).map(({ step, canary, header }) => [step, canary, header])).toEqual([
      ['1/3', 0, 100],
      ['2/3', 5, 0],
      ['3/3', 100, 0],
    ]);
  }, 60_000);

  it('a breach at the header-route step reverses with the header route off', async () => {
    const record = await rollout(
      'header-bad',
      '  headerRoute: { header: x-canary, value: always }\n  steps: [5, 100]',
      () => 0.3,
    );
    expect(record.outcome).toBe('reverted');
    expect((await routesOf('header-bad')).map(({ step, canary, header }) => [step, canary, header])).toEqual([
      ['1/3', 0, 100],
      ['revert', 0, 0],
    ]);
  }, 60_000);

  it('adaptive: a strong pass (far inside the threshold) skips a step, never into 100 from below 50', async () => {
    const record = await rollout(
      'adaptive-strong',
      '  adaptive: true\n  steps: [1, 5, 25, 50, 100]',
      () => 0.001,
    );
    expect(record.outcome).toBe('promoted');
    // 1 → (5 skipped) 25 → (50 would be skipped into 100 from 25 < 50: no) 50 → 100
    expect((await commitsOf('adaptive-strong')).map(({ canary }) => canary)).toEqual([1, 25, 50, 100]);
  }, 60_000);

  it('adaptive: a weak pass (within 10% of the threshold) bakes each step twice and skips nothing', async () => {
    const record = await rollout('adaptive-weak', '  adaptive: true\n  steps: [1, 5, 100]', () => 0.0095);
    expect(record.outcome).toBe('promoted');
    expect((await commitsOf('adaptive-weak')).map(({ canary }) => canary)).toEqual([1, 5, 100]);
    const bakes = record.state.history.filter((entry) => entry.reason.startsWith('weak pass, bake extended'));
    expect(bakes.map((entry) => entry.weight)).toEqual([1, 5, 100]);
  }, 60_000);

  it.each([
    [
      'steps with blueGreen',
      '  strategy: blueGreen\n  steps: [1, 100]',
      /exposure\.steps: does not apply to strategy blueGreen/,
    ],
    [
      'a header route with blueGreen',
      '  strategy: blueGreen\n  headerRoute: { header: x-canary, value: always }',
      /exposure\.headerRoute: does not apply to strategy blueGreen/,
    ],
    [
      'a mirror and a header route',
      '  mirror: 10\n  headerRoute: { header: x-canary, value: always }',
      /exposure\.headerRoute: cannot come with mirror/,
    ],
    [
      'a header name with a space',
      '  headerRoute: { header: "x canary", value: always }',
      /is not an HTTP header name/,
    ],
  ])('the policy refuses %s, naming the key', (_name, exposure, message) => {
    expect(() => policyWith(exposure)).toThrow(message);
  });
});
