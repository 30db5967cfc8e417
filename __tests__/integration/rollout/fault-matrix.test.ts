/**
 * The rollout fault matrix (issue 5 acceptance "Fault matrix"): the metric endpoint down, slow or
 * answering garbage; GitHub answering 5xx, 429, a primary or a secondary rate limit on the commit
 * and the deployment-status routes; a storm of compare-and-swap conflicts; a breach during a fault.
 * No promotion without a passing analysis, and every outcome a clear status: a record whose outcome
 * maps to an exit status, or an error of a known class (transient: exit 3) that names the cause.
 *
 * Real parts (fault-support.ts): the GitHub API writer over a bare repository through the GitHub
 * fake (which validates every request against GitHub's OpenAPI description), deployment statuses,
 * the Prometheus provider against a real Prometheus backfilled with `canaryBreachSeries`, or a
 * loopback server that is down, slow or answers garbage. Each case asserts the outcome, the
 * branch's commits by their Glidepath-Step and Glidepath-Revert-Of trailers, the deployment statuses
 * in order, and the reason naming the cause; a table of every case is printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ExitCode, TransientError } from '../../../src/errors.js';
import type { Fault, FaultHandle } from '../../support/github-fake/index.js';
import { closeServers, serve } from '../../support/http-server.js';
import {
  canaryBreachSeries,
  freePort,
  startPrometheus,
  type PrometheusServer,
} from '../../support/prometheus.js';
import {
  CAS_ATTEMPTS,
  branchCommits,
  caseDigest,
  faultPolicy,
  openRig,
  removeDirectory,
  requestCount,
  runCase,
  seedDirectory,
  startSlowServer,
  type CaseResult,
  type FaultRig,
  type RolloutPolicy,
  type SlowServer,
} from './fault-support.js';

const series = canaryBreachSeries();
/** Ten minutes into the series: the canary serves 1 % errors. */
const HEALTHY_AT = (series.start + 600) * 1000;
/** Two minutes after the breach: the canary serves 20 % errors. */
const BAD_AT = (series.breachAt + 120) * 1000;

const COMMIT_ROUTE = 'graphql createCommitOnBranch';
const STATUS_ROUTE = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
/** More times than any retry budget: a fault that never ends. */
const FOREVER = 1_000;

let seedDir: string;
let prometheus: PrometheusServer;
let healthy: RolloutPolicy;
const slowServers: SlowServer[] = [];
const table: { name: string; outcome: string; commits: string; calls: number }[] = [];

beforeAll(async () => {
  seedDir = await seedDirectory();
  prometheus = await startPrometheus({ openMetrics: series.openMetrics });
  healthy = faultPolicy({ address: prometheus.address });
}, 60_000);

afterAll(async () => {
  await closeServers();
  await Promise.all(slowServers.map((server) => server.close()));
  await prometheus?.close();
  if (seedDir) await removeDirectory(seedDir);
  const width = Math.max(...table.map((row) => row.name.length), 4);
  console.log(
    [
      `${'case'.padEnd(width)} | outcome           | API calls | commits`,
      ...table.map(
        (row) =>
          `${row.name.padEnd(width)} | ${row.outcome.padEnd(17)} | ${String(row.calls).padStart(9)} | ${row.commits}`,
      ),
    ].join('\n'),
  );
});

/** How one matrix case runs: the policy, where the virtual clock starts, and where faults are armed. */
interface MatrixRun {
  policy?: RolloutPolicy;
  /** Virtual start, unix ms; default HEALTHY_AT. */
  at?: number;
  /** Arms faults before the rollout starts. */
  arm?(rig: FaultRig): void;
  /** Arms faults before the writer's `n`-th commit. */
  beforeCommit?(n: number, rig: FaultRig): void;
}

/** What a case's check gets: the run, the branch's commits, the rig, and the same rollout again. */
interface MatrixOutcome {
  result: CaseResult;
  commits: string[];
  rig: FaultRig;
  /** Runs the same rollout (same id and digest) again on the same rig, with no faults armed by it. */
  rerun(): Promise<CaseResult>;
}

/** Runs `name` on a fresh rig, records its row for the table, and hands the outcome to `check`. */
async function matrixCase(
  name: string,
  run: MatrixRun,
  check: (outcome: MatrixOutcome) => Promise<void> | void,
): Promise<void> {
  const rig = await openRig(seedDir);
  const request = {
    policy: run.policy ?? healthy,
    digest: caseDigest(name),
    id: `faults-${name.replace(/[^a-z0-9]+/gi, '-')}`,
    startAt: run.at ?? HEALTHY_AT,
  };
  try {
    run.arm?.(rig);
    const result = await runCase(rig, {
      ...request,
      ...(run.beforeCommit ? { beforeCommit: (n) => run.beforeCommit!(n, rig) } : {}),
    });
    const commits = await branchCommits(rig.bare);
    table.push({
      name,
      outcome: result.record
        ? `${result.record.outcome} (exit ${result.exit})`
        : `error (exit ${result.exit})`,
      commits: commits.join(' ') || '(none)',
      calls: requestCount(rig.github),
    });
    await check({ result, commits, rig, rerun: () => runCase(rig, request) });
  } finally {
    await rig.close();
  }
}

const PROMOTED_STATUSES = ['in_progress', 'in_progress', 'in_progress', 'success'];
/** A promoted rollout's commits: one per step, then the promotion record. */
const PROMOTED_COMMITS = ['1/3', '2/3', '3/3', 'promoted'];

describe('rollout fault matrix: no promotion without a passing analysis, every outcome a clear status', () => {
  it('baseline: healthy metrics and a healthy GitHub promote: one commit per step, then the promotion record', async () => {
    await matrixCase('baseline', {}, ({ result, commits }) => {
      expect(result.error).toBeUndefined();
      expect(result.record?.outcome).toBe('promoted');
      expect(result.exit).toBe(ExitCode.ok);
      expect(result.record?.steps.map((step) => step.phase)).toEqual(['pass', 'pass', 'pass']);
      expect(commits).toEqual(PROMOTED_COMMITS);
      expect(result.statuses).toEqual(PROMOTED_STATUSES);
      expect(result.record?.reason).toMatch(/promoted at step 3\/3 at 100%/);
    });
  }, 60_000);

  describe('the metric endpoint fails from the first step: never beyond step 1', () => {
    const nan = { status: 'success', data: { resultType: 'vector', result: [{ value: [0, 'NaN'] }] } };
    it.each([
      {
        name: 'metrics down',
        open: async () => ({ address: `http://127.0.0.1:${await freePort()}` }),
        outcome: 'reverted',
        reason: /analysis errored: .*5 consecutive measurement errors.*ECONNREFUSED/,
        phase: 'error',
      },
      {
        name: 'metrics slow',
        open: async () => {
          const slow = await startSlowServer(1_500, nan);
          slowServers.push(slow);
          return { address: slow.address, timeout: '300ms' };
        },
        outcome: 'reverted',
        reason: /analysis errored: .*5 consecutive measurement errors.*timed out after 300 ms/,
        phase: 'error',
      },
      {
        name: 'metrics garbage html',
        open: async () => ({
          address: (
            await serve(() => ({
              body: '<html><body>502 Bad Gateway</body></html>',
              contentType: 'text/html',
            }))
          ).address,
        }),
        outcome: 'reverted',
        reason:
          /analysis errored: .*5 consecutive measurement errors.*check that the address points at a Prometheus API/,
        phase: 'error',
      },
      {
        name: 'metrics garbage NaN',
        open: async () => ({ address: (await serve(() => ({ body: nan }))).address }),
        // NaN is no data, held during the bake; still none at the step deadline is a failure (phase.ts).
        outcome: 'reverted',
        phase: 'fail',
        reason: /analysis failed: error-ratio: .*no data by the step deadline: the query returned NaN/,
      },
    ])(
      '$name → $outcome, never promoted',
      async ({ name, open, outcome, phase, reason }) => {
        const policy = faultPolicy(await open());
        await matrixCase(name, { policy }, ({ result, commits }) => {
          expect(result.error).toBeUndefined();
          expect({ outcome: result.record?.outcome, reason: result.record?.reason }).toEqual({
            outcome,
            reason: expect.stringMatching(reason),
          });
          expect(result.exit).toBe(ExitCode.rejected);
          expect(result.record?.steps.map((step) => [step.weight, step.phase])).toEqual([[5, phase]]);
          expect(result.record?.lever).toBe('traffic');
          expect(commits).toEqual(['1/3', 'revert(1/3)']);
          expect(result.statuses).toEqual(['in_progress', 'failure']);
        });
      },
      60_000,
    );
  });

  describe('GitHub 5xx on createCommitOnBranch: retried, no duplicate commit, promoted', () => {
    it.each([
      { name: '5xx commit', fault: { kind: 'server-error', status: 502 } as Fault, times: 1 },
      {
        name: '5xx commit applied',
        fault: { kind: 'server-error', status: 502, after: true } as Fault,
        times: 1,
      },
      {
        name: '5xx commit applied x4',
        fault: { kind: 'server-error', status: 503, after: true } as Fault,
        times: 4,
      },
    ])(
      '$name',
      async ({ name, fault, times }) => {
        await matrixCase(
          name,
          { beforeCommit: (n, rig) => n === 2 && void rig.github.inject(COMMIT_ROUTE, fault, { times }) },
          ({ result, commits, rig }) => {
            expect(result.error).toBeUndefined();
            expect(result.record?.outcome).toBe('promoted');
            expect(commits).toEqual(PROMOTED_COMMITS);
            expect(result.statuses).toEqual(PROMOTED_STATUSES);
            expect(rig.github.count(COMMIT_ROUTE)).toBeGreaterThan(PROMOTED_COMMITS.length);
          },
        );
      },
      60_000,
    );
  });

  describe('GitHub rate limits: retried after the advertised wait, promoted', () => {
    it.each([
      {
        name: '429 status',
        route: STATUS_ROUTE,
        fault: { kind: 'rate-limit', status: 429, retryAfter: 1 } as Fault,
        warning: /rate limit is exhausted .*retrying in \d+ s/,
      },
      {
        name: 'secondary status',
        route: STATUS_ROUTE,
        fault: { kind: 'secondary-rate-limit', retryAfter: 1 } as Fault,
        warning: /secondary rate limit hit .*retrying once in 1 s/,
      },
      {
        name: 'RATE_LIMITED commit',
        route: COMMIT_ROUTE,
        fault: { kind: 'rate-limit', retryAfter: 1 } as Fault,
        warning: /rate limit is exhausted .*retrying in \d+ s/,
      },
      {
        name: '429 commit',
        route: COMMIT_ROUTE,
        fault: { kind: 'rate-limit', status: 429, retryAfter: 1 } as Fault,
        warning: /rate limit is exhausted .*retrying in \d+ s/,
      },
      {
        name: 'secondary commit',
        route: COMMIT_ROUTE,
        fault: { kind: 'secondary-rate-limit', retryAfter: 1 } as Fault,
        warning: /secondary rate limit hit .*retrying once in 1 s/,
      },
    ])(
      '$name',
      async ({ name, route, fault, warning }) => {
        await matrixCase(
          name,
          { beforeCommit: (n, rig) => n === 2 && void rig.github.inject(route, fault, { times: 1 }) },
          ({ result, commits }) => {
            expect(result.error).toBeUndefined();
            expect(result.record?.outcome).toBe('promoted');
            expect(commits).toEqual(PROMOTED_COMMITS);
            expect(result.statuses).toEqual(PROMOTED_STATUSES);
            expect(result.octokitLog.join('\n')).toMatch(warning);
          },
        );
      },
      60_000,
    );
  });

  describe('GitHub rate limits that never end: a transient error, no half-made step', () => {
    it.each([
      {
        name: '429 status forever',
        route: STATUS_ROUTE,
        fault: { kind: 'rate-limit', status: 429, retryAfter: 1 } as Fault,
        landed: ['1/3'],
      },
      {
        name: 'secondary status forever',
        route: STATUS_ROUTE,
        fault: { kind: 'secondary-rate-limit', retryAfter: 1 } as Fault,
        landed: ['1/3'],
      },
      {
        name: 'RATE_LIMITED commit forever',
        route: COMMIT_ROUTE,
        fault: { kind: 'rate-limit', retryAfter: 1 } as Fault,
        landed: [],
      },
      {
        name: '429 commit forever',
        route: COMMIT_ROUTE,
        fault: { kind: 'rate-limit', status: 429, retryAfter: 1 } as Fault,
        landed: [],
      },
      {
        name: 'secondary commit forever',
        route: COMMIT_ROUTE,
        fault: { kind: 'secondary-rate-limit', retryAfter: 1 } as Fault,
        landed: [],
      },
    ])(
      '$name',
      async ({ name, route, fault, landed }) => {
        let limit: FaultHandle | undefined;
        await matrixCase(
          name,
          { arm: (rig) => (limit = rig.github.inject(route, fault, { times: FOREVER })) },
          async ({ result, commits, rig, rerun }) => {
            expect(result.record).toBeUndefined();
            expect((result.error as Error).message).toMatch(/rate limit/i);
            // Only whole steps landed (the commit lands before its status is set), and no status did.
            expect(commits).toEqual(landed);
            expect(result.statuses).toEqual([]);
            const attempts = rig.github.count(route);
            // Once the limit lifts, the same rollout resumes from the branch: each step exactly once.
            limit!.cancel();
            const again = await rerun();
            expect(again.record?.outcome).toBe('promoted');
            expect(await branchCommits(rig.bare)).toEqual(PROMOTED_COMMITS);
            expect(again.statuses.at(-1)).toBe('success');
            // Last, so the facts above are checked whatever the error's class: exit 3, transient.
            expect(result.error).toBeInstanceOf(TransientError);
            expect(result.exit).toBe(ExitCode.transient);
            // A rate limit that did not lift after Octokit's waits is final for this run: one request
            // and at most rateLimitRetries (2) more, not another round per compare-and-swap attempt.
            expect(attempts).toBeLessThanOrEqual(3);
          },
        );
      },
      60_000,
    );
  });

  describe('a storm of compare-and-swap conflicts', () => {
    it.each([1, CAS_ATTEMPTS - 1])(
      '%i stale heads at step 2: promoted, each step exactly once',
      async (n) => {
        await matrixCase(
          `CAS storm ${n}`,
          { beforeCommit: (k, rig) => k === 2 && void rig.github.injectStaleHead({ times: n }) },
          ({ result, commits, rig }) => {
            expect(result.error).toBeUndefined();
            expect(result.record?.outcome).toBe('promoted');
            expect(commits).toEqual(['1/3', ...Array<string>(n).fill('other'), '2/3', '3/3', 'promoted']);
            expect(result.statuses).toEqual(PROMOTED_STATUSES);
            expect(rig.github.count(COMMIT_ROUTE)).toBe(PROMOTED_COMMITS.length + n);
          },
        );
      },
      60_000,
    );

    it.each([CAS_ATTEMPTS, 3 * CAS_ATTEMPTS])(
      '%i stale heads at step 1: a TransientError naming the branch; the branch holds only the others’ commits',
      async (n) => {
        await matrixCase(
          `CAS storm ${n}`,
          { beforeCommit: (k, rig) => k === 1 && void rig.github.injectStaleHead({ times: n }) },
          async ({ result, commits, rig }) => {
            expect(result.record).toBeUndefined();
            expect(result.error).toBeInstanceOf(TransientError);
            expect(result.exit).toBe(ExitCode.transient);
            expect((result.error as Error).message).toMatch(
              new RegExp(`could not commit to main in ${CAS_ATTEMPTS} attempts \\(last: conflict`),
            );
            // Every attempt read a head that moved, and so did the last look for a landed copy.
            expect(commits).toEqual(Array<string>(Math.min(n, CAS_ATTEMPTS + 1)).fill('other'));
            expect(rig.github.count(COMMIT_ROUTE)).toBe(CAS_ATTEMPTS);
            // Intact: the route is the seed's, untouched by any half-made step.
            expect(await rig.github.readFile('main', 'apps/demo/route.yaml')).toBe(
              await rig.github.readFile(rig.bare.head!, 'apps/demo/route.yaml'),
            );
            expect(result.statuses).toEqual([]);
          },
        );
      },
      60_000,
    );
  });

  describe('a breach during a GitHub fault still reverts', () => {
    it.each([
      {
        name: 'breach + 5xx revert applied',
        route: COMMIT_ROUTE,
        fault: { kind: 'server-error', status: 502, after: true } as Fault,
      },
      {
        name: 'breach + 5xx revert',
        route: COMMIT_ROUTE,
        fault: { kind: 'server-error', status: 500 } as Fault,
      },
      {
        name: 'breach + 429 revert',
        route: COMMIT_ROUTE,
        fault: { kind: 'rate-limit', status: 429, retryAfter: 1 } as Fault,
      },
      {
        name: 'breach + 5xx failure status',
        route: STATUS_ROUTE,
        fault: { kind: 'server-error', status: 503 } as Fault,
      },
    ])(
      '$name',
      async ({ name, route, fault }) => {
        await matrixCase(
          name,
          {
            at: BAD_AT,
            beforeCommit: (n, rig) => n === 2 && void rig.github.inject(route, fault, { times: 2 }),
          },
          ({ result, commits }) => {
            expect(result.error).toBeUndefined();
            expect(result.record?.outcome).toBe('reverted');
            expect(result.exit).toBe(ExitCode.rejected);
            expect(result.record?.reason).toMatch(/analysis failed: .*error-ratio/);
            expect(commits).toEqual(['1/3', 'revert(1/3)']);
            expect(result.statuses).toEqual(['in_progress', 'failure']);
          },
        );
      },
      60_000,
    );
  });
});
