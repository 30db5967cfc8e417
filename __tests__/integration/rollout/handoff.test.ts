/**
 * Hand-off mode end to end with real parts: a bare GitOps repository seeded with the demo world
 * plus an Argo Rollouts Rollout manifest (real git and the git writer), a loopback server standing
 * in for the controllers' /metrics (text exposition of `rollout_info` and `flagger_canary_status`),
 * and a real Prometheus scraping it every second. Each scenario plays the controller: the previous
 * rollout's end state before the commit, working once the commit lands, then its verdict.
 *
 * A second group drives `runHandoff` with a scripted provider (still real git) for what a scrape
 * cannot time exactly: a stale end state before the controller noticed the commit, provider
 * errors, and reruns.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Duration } from '../../../src/config/duration.js';
import { parsePolicy } from '../../../src/config/load-policy.js';
import type { DesiredPolicy, Policy } from '../../../src/config/types.js';
import { TransientError } from '../../../src/errors.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import { openDesiredStateWriter, type OpenWriter } from '../../../src/gitops/index.js';
import type { DesiredStateWriter } from '../../../src/gitops/types.js';
import { createPrometheusProvider } from '../../../src/metrics/providers/prometheus.js';
import type { MetricProvider } from '../../../src/metrics/providers/types.js';
import {
  runHandoff,
  type HandoffController,
  type HandoffDeps,
  type HandoffSpec,
} from '../../../src/rollout/handoff.js';
import type { RolloutRecord } from '../../../src/rollout/executor.js';
import type { DeploymentState } from '../../../src/rollout/types.js';
import { DIGESTS, IMAGE_REPOSITORY, imageOf, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { closeServers, serve } from '../../support/http-server.js';
import { startPrometheus, type PrometheusServer } from '../../support/prometheus.js';

const ROLLOUT_FILE = 'apps/demo/rollout.yaml';
const QUARANTINE_FILE = '.glidepath/quarantine.yaml';

/** The Argo Rollout the platform team commits: the controller owns the canary steps. */
const rolloutYaml = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: demo
  namespace: demo
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: demo
  template:
    metadata:
      labels:
        app.kubernetes.io/name: demo
    spec:
      containers:
      - name: app
        image: ${imageOf(DIGESTS.v1)}
  strategy:
    canary:
      steps:
      - setWeight: 10
      - pause: { duration: 1m }
      - setWeight: 50
`;

let bare: TempBareRepo;
let prometheus: PrometheusServer;
let policy: Policy & { desired: DesiredPolicy };
/** What the loopback /metrics serves: one exposition block per controller object. */
const exposition = new Map<string, string>();

beforeAll(async () => {
  const seed = await mkdtemp(join(tmpdir(), 'glidepath-handoff-seed-'));
  await seedGitops(seed);
  await writeFile(join(seed, ROLLOUT_FILE), rolloutYaml);
  bare = await createBareRepo({ seedDir: seed });
  await rm(seed, { recursive: true, force: true });
  const metrics = await serve(() => ({
    contentType: 'text/plain; version=0.0.4',
    body: [...exposition.values()].join(''),
  }));
  prometheus = await startPrometheus({
    scrapeTargets: [new URL(metrics.address).host],
    scrapeInterval: '1s',
  });
  policy = parsePolicy(
    `service: demo
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: rollout, path: ${ROLLOUT_FILE}, container: app }]
`,
    'glidepath.yaml',
  ) as typeof policy;
}, 60_000);

afterAll(async () => {
  await prometheus?.close();
  await closeServers();
  await bare?.dispose();
});

/** The exposition a controller serves for object `name` in `phase` (Argo label, or Flagger code). */
function controllerMetrics(
  controller: HandoffController,
  name: string,
  phase: string | number,
  weight = 0,
): string {
  if (controller === 'argo-rollouts') {
    return (
      '# HELP rollout_info Information about rollout.\n# TYPE rollout_info gauge\n' +
      `rollout_info{name="${name}",namespace="demo",phase="${phase}",strategy="canary",traffic_router=""} 1\n`
    );
  }
  return (
    '# HELP flagger_canary_status Last canary analysis result\n# TYPE flagger_canary_status gauge\n' +
    `flagger_canary_status{name="${name}",namespace="demo"} ${phase}\n` +
    '# HELP flagger_canary_weight The virtual service destination weight current value\n# TYPE flagger_canary_weight gauge\n' +
    `flagger_canary_weight{workload="${name}",namespace="demo"} ${weight}\n` +
    `flagger_canary_weight{workload="${name}-primary",namespace="demo"} ${100 - weight}\n`
  );
}

const spec = (controller: HandoffController, name: string, timeout = '60s'): HandoffSpec => ({
  controller,
  name,
  namespace: 'demo',
  interval: Duration.parse('500ms'),
  timeout: Duration.parse(timeout),
});

interface Run {
  record: RolloutRecord;
  log: string[];
  statuses: [DeploymentState, string][];
}

/** One hand-off with the real git writer; `onCommit` and `onLog` let a scenario play the controller. */
async function handoff(
  id: string,
  handoffSpec: HandoffSpec,
  digest: string,
  provider: MetricProvider,
  hooks: { onCommit?(): void; onLog?(line: string): void } = {},
  clock: Pick<HandoffDeps, 'now' | 'sleep'> = {
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
): Promise<Run> {
  const inner: OpenWriter = await openDesiredStateWriter(policy.desired, {});
  const writer: DesiredStateWriter = {
    commit: async (request) => {
      const result = await inner.commit(request);
      hooks.onCommit?.();
      return result;
    },
    readFile: (ref, path) => inner.readFile(ref, path),
    log: (branch, n) => inner.log(branch, n),
    changedFiles: (sha) => inner.changedFiles(sha),
  };
  const log: string[] = [];
  const statuses: [DeploymentState, string][] = [];
  try {
    const record = await runHandoff(
      {
        policy,
        desired: policy.desired,
        image: ImageRef.parse(`${IMAGE_REPOSITORY}@sha256:${digest}`),
        id,
        spec: handoffSpec,
      },
      {
        writer,
        provider,
        ...clock,
        setStatus: async (state, description) => {
          statuses.push([state, description]);
        },
        log: (line) => {
          log.push(line);
          hooks.onLog?.(line);
        },
      },
    );
    return { record, log, statuses };
  } finally {
    await inner.close();
  }
}

/** The rollout's commits on main, oldest first: headline and trailers that matter here. */
async function commitsOf(id: string): Promise<{ step: string; revertOf: string; verdict: string }[]> {
  const text = await gitText([
    '--git-dir',
    bare.path,
    'log',
    '--reverse',
    '--format=%(trailers:key=Glidepath-Rollout,valueonly,separator=)|%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Revert-Of,valueonly,separator=)|%(trailers:key=Glidepath-Verdict,valueonly,separator=)',
    'main',
  ]);
  return text
    .split('\n')
    .map((line) => line.split('|'))
    .filter(([rollout]) => rollout === id)
    .map(([, step, revertOf, verdict]) => ({
      step: step ?? '',
      revertOf: revertOf ?? '',
      verdict: verdict ?? '',
    }));
}

const show = (path: string) => gitText(['--git-dir', bare.path, 'show', `main:${path}`]).catch(() => '');

/**
 * Plays the controller for `name`: the previous rollout's end state until the commit lands, then
 * `working`, then — once Glidepath logged that it saw the work — `verdict`.
 */
function playController(
  controller: HandoffController,
  name: string,
  states: { before: string | number; working: string | number; verdict: string | number; weights?: number[] },
): { onCommit(): void; onLog(line: string): void } {
  const [beforeWeight = 0, workingWeight = 10, verdictWeight = 0] = states.weights ?? [];
  exposition.set(name, controllerMetrics(controller, name, states.before, beforeWeight));
  let committed = false;
  return {
    onCommit() {
      if (committed) return;
      committed = true;
      exposition.set(name, controllerMetrics(controller, name, states.working, workingWeight));
    },
    onLog(line) {
      if (/: progressing — /.test(line))
        exposition.set(name, controllerMetrics(controller, name, states.verdict, verdictWeight));
    },
  };
}

describe('hand-off through a real Prometheus scraping the controller', () => {
  const provider = () => createPrometheusProvider({ address: prometheus.address });

  it('Argo Healthy: promoted with exactly one commit (the image, no weight) and a success status', async () => {
    const hooks = playController('argo-rollouts', 'argo-healthy', {
      before: 'Healthy',
      working: 'Progressing',
      verdict: 'Healthy',
    });
    const { record, log, statuses } = await handoff(
      'argo-healthy',
      spec('argo-rollouts', 'argo-healthy'),
      DIGESTS.v2,
      provider(),
      hooks,
    );
    expect(record).toMatchObject({
      outcome: 'promoted',
      reason: expect.stringMatching(
        /argo-rollouts Rollout demo\/argo-healthy rollout_info phase="Healthy": promoted/,
      ),
    });
    // The image commit, then the promotion record (Glidepath-Verdict: promoted) once Argo finished.
    expect(await commitsOf('argo-healthy')).toEqual([
      { step: '1/1', revertOf: '', verdict: '' },
      { step: '1/1', revertOf: '', verdict: 'promoted' },
    ]);
    expect(await show(ROLLOUT_FILE)).toContain(imageOf(DIGESTS.v2));
    expect(statuses.map(([state]) => state)).toEqual(['in_progress', 'success']);
    expect(log.some((line) => /: progressing — rollout_info phase="Progressing"/.test(line))).toBe(true);
    // The commit carries the image only: the route is the seed's, 100 / 0.
    expect(await show('apps/demo/route.yaml')).toMatch(/weight: 0 {3}# canary/);
  }, 60_000);

  it('Argo Degraded: the image is reverted in Git with Glidepath-Revert-Of, the digest quarantined', async () => {
    const digest = 'c'.repeat(64);
    const before = await show(ROLLOUT_FILE);
    const hooks = playController('argo-rollouts', 'argo-degraded', {
      before: 'Healthy',
      working: 'Progressing',
      verdict: 'Degraded',
    });
    const { record, statuses } = await handoff(
      'argo-degraded',
      spec('argo-rollouts', 'argo-degraded'),
      digest,
      provider(),
      hooks,
    );
    expect(record).toMatchObject({
      outcome: 'reverted',
      lever: 'image',
      reason: expect.stringMatching(
        /^argo-rollouts Rollout demo\/argo-degraded rollout_info phase="Degraded": /,
      ),
    });
    const commits = await commitsOf('argo-degraded');
    expect(commits).toHaveLength(2);
    expect(commits[1]).toMatchObject({ verdict: 'fail', revertOf: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(await show(ROLLOUT_FILE)).toBe(before);
    expect(await show(QUARANTINE_FILE)).toContain(`sha256:${digest}`);
    expect(statuses.at(-1)).toEqual(['failure', expect.stringMatching(/Degraded/)]);
  }, 60_000);

  it('Flagger failed (status 2): reverted and quarantined the same way', async () => {
    const digest = 'd'.repeat(64);
    const before = await show(ROLLOUT_FILE);
    const hooks = playController('flagger', 'flagger-failed', {
      before: 1,
      working: 0,
      verdict: 2,
      weights: [0, 20, 0],
    });
    const { record } = await handoff(
      'flagger-failed',
      spec('flagger', 'flagger-failed'),
      digest,
      provider(),
      hooks,
    );
    expect(record).toMatchObject({
      outcome: 'reverted',
      reason: expect.stringMatching(
        /^flagger Canary demo\/flagger-failed flagger_canary_status 2 \(failed\)/,
      ),
    });
    const commits = await commitsOf('flagger-failed');
    expect(commits.map((commit) => commit.verdict)).toEqual(['', 'fail']);
    expect(commits[1]!.revertOf).not.toBe('');
    expect(await show(ROLLOUT_FILE)).toBe(before);
    expect(await show(QUARANTINE_FILE)).toContain(`sha256:${digest}`);
  }, 60_000);

  it('Flagger successful (status 1, canary weight back to 0): promoted', async () => {
    const hooks = playController('flagger', 'flagger-ok', {
      before: 1,
      working: 0,
      verdict: 1,
      weights: [0, 30, 0],
    });
    const { record } = await handoff(
      'flagger-ok',
      spec('flagger', 'flagger-ok'),
      '1'.repeat(64),
      provider(),
      hooks,
    );
    expect(record.outcome).toBe('promoted');
    expect((await commitsOf('flagger-ok')).map(({ verdict }) => verdict)).toEqual(['', 'promoted']);
  }, 60_000);

  it('metrics absent: timeout, reverted without quarantine, the reason says timeout', async () => {
    const digest = 'e'.repeat(64);
    const before = await show(ROLLOUT_FILE);
    const { record } = await handoff(
      'absent',
      spec('argo-rollouts', 'nobody-scrapes-this', '4s'),
      digest,
      provider(),
    );
    expect(record.outcome).toBe('reverted');
    expect(record.reason).toMatch(
      /^timeout: argo-rollouts Rollout demo\/nobody-scrapes-this gave no verdict within 4s; last phase unknown \(no series for .*\); reverting the image in Git without quarantine$/,
    );
    const commits = await commitsOf('absent');
    expect(commits.map((commit) => commit.verdict)).toEqual(['', 'abort']);
    expect(await show(ROLLOUT_FILE)).toBe(before);
    expect(await show(QUARANTINE_FILE)).not.toContain(digest);
  }, 60_000);
});

describe('hand-off rules with a scripted controller (real git, virtual clock)', () => {
  /** A provider answering `readings` in turn (the last repeats): an Argo phase label, or an error. */
  function scripted(readings: (string | Error)[]): MetricProvider & { calls: number } {
    const provider = {
      kind: 'prometheus' as const,
      calls: 0,
      async query(request: { query: string }) {
        const next = readings[Math.min(provider.calls++, readings.length - 1)]!;
        if (next instanceof Error) throw next;
        return {
          query: request.query,
          mode: 'instant' as const,
          series: [
            { labels: { __name__: 'rollout_info', phase: next }, samples: [{ timestamp: 0, value: 1 }] },
          ],
          noData: false,
          value: 1,
        };
      },
    };
    return provider;
  }
  const virtualClock = () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    return { now: () => new Date(now), sleep: async (ms: number) => void (now += ms) };
  };

  it('a stale end state before the controller is seen working is not a verdict; errors are retried', async () => {
    const provider = scripted([
      'Degraded', // the previous rollout's end state: ignored
      new TransientError('prometheus unreachable: ECONNREFUSED'),
      'Progressing',
      'Paused',
      'Healthy',
    ]);
    const { record, log } = await handoff(
      'stale',
      spec('argo-rollouts', 'stale'),
      '2'.repeat(64),
      provider,
      {},
      virtualClock(),
    );
    expect(record.outcome).toBe('promoted');
    expect(provider.calls).toBe(5);
    expect(log.filter((line) => line.startsWith('argo-rollouts Rollout demo/stale:'))).toEqual([
      'argo-rollouts Rollout demo/stale: failed — rollout_info phase="Degraded" (not yet counted: the controller has not been seen working on the commit)',
      'argo-rollouts Rollout demo/stale: prometheus unreachable: ECONNREFUSED; retrying in 500ms',
      'argo-rollouts Rollout demo/stale: progressing — rollout_info phase="Progressing"',
      'argo-rollouts Rollout demo/stale: paused — rollout_info phase="Paused"',
      'argo-rollouts Rollout demo/stale: succeeded — rollout_info phase="Healthy"',
    ]);
  }, 30_000);

  it('a provider that never answers: timeout revert naming the last error', async () => {
    const provider = scripted([new TransientError('prometheus unreachable: ECONNREFUSED')]);
    const { record } = await handoff(
      'down',
      spec('argo-rollouts', 'down', '10s'),
      'f'.repeat(64),
      provider,
      {},
      virtualClock(),
    );
    expect(record.outcome).toBe('reverted');
    expect(record.reason).toMatch(
      /^timeout: .* within 10s; no phase read; last error: prometheus unreachable: ECONNREFUSED;/,
    );
    expect(provider.calls).toBe(21);
    expect(await show(QUARANTINE_FILE)).not.toContain('f'.repeat(64));
  }, 30_000);

  it('a digest the branch already desires, under a new rollout id: refused, nothing committed', async () => {
    const head = await gitText(['--git-dir', bare.path, 'rev-parse', 'main']);
    const current = (await show(ROLLOUT_FILE)).match(/sha256:([0-9a-f]{64})/)![1]!;
    await expect(
      handoff(
        'same-again',
        spec('argo-rollouts', 'same-again'),
        current,
        scripted(['Healthy']),
        {},
        virtualClock(),
      ),
    ).rejects.toThrow(
      /^main already desires ghcr\.io\/acme\/demo@sha256:.* without a commit of rollout same-again; nothing to hand off/,
    );
    expect(await gitText(['--git-dir', bare.path, 'rev-parse', 'main'])).toBe(head);
  }, 30_000);

  it('rerun: a promoted rollout is observed again without a second commit; a reverted one stays reverted', async () => {
    const first = await handoff(
      'rerun',
      spec('argo-rollouts', 'rerun'),
      '3'.repeat(64),
      scripted(['Progressing', 'Healthy']),
      {},
      virtualClock(),
    );
    expect(first.record.outcome).toBe('promoted');
    // A rerun reads the promotion record and changes nothing.
    const again = await handoff(
      'rerun',
      spec('argo-rollouts', 'rerun'),
      '3'.repeat(64),
      scripted(['Healthy']),
      {},
      virtualClock(),
    );
    expect(again.record.outcome).toBe('promoted');
    expect(again.record.reason).toMatch(/^already promoted/);
    expect((await commitsOf('rerun')).map(({ verdict }) => verdict)).toEqual(['', 'promoted']);

    const digest = '9'.repeat(64);
    const failed = await handoff(
      'rerun-bad',
      spec('argo-rollouts', 'rerun-bad'),
      digest,
      scripted(['Progressing', 'Abort']),
      {},
      virtualClock(),
    );
    expect(failed.record.outcome).toBe('reverted');
    const provider = scripted(['Healthy']);
    const rerun = await handoff(
      'rerun-bad',
      spec('argo-rollouts', 'rerun-bad'),
      digest,
      provider,
      {},
      virtualClock(),
    );
    expect(rerun.record).toMatchObject({
      outcome: 'reverted',
      revertCommit: failed.record.revertCommit,
      steps: [],
    });
    expect(provider.calls).toBe(0);
    expect(await commitsOf('rerun-bad')).toHaveLength(2);
  }, 30_000);
});
