/**
 * The rig of the rollout fault matrix (fault-matrix.test.ts, issue 5 acceptance "Fault matrix"):
 * one rollout wired as `runRolloutCommand` wires it (src/cli/commands/rollout.ts) — the GitHub API
 * writer (`desired.backend: github`, compare-and-swap retries as `openWriter` sets them), a
 * deployment whose statuses follow the steps, the Prometheus provider through `openMetricProvider`
 * — over a fresh bare repository seeded with the demo world's GitOps files and a fresh GitHub fake,
 * so each case's branch, counters and faults are its own.
 *
 * Time: the rollout's clock is virtual (bakes and reconcile waits cost nothing) and starts inside
 * the backfilled Prometheus series (`canaryBreachSeries`), so the same series is healthy before its
 * breach and bad after it. HTTP waits are real but scaled: Octokit's retry and rate-limit waits use
 * `retryAfterBaseMs: 1` (an advertised `retry-after: 1` waits 1 ms), compare-and-swap backoff draws
 * zero, and a "slow" metrics back-end is slower than a provider timeout of a fraction of a second.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openMetricProvider } from '../../../src/cli/commands/analyze.js';
import { ROLLOUT_EXIT } from '../../../src/cli/commands/rollout.js';
import { parsePolicy } from '../../../src/config/load-policy.js';
import type { AnalysisPolicy, DesiredPolicy, Policy } from '../../../src/config/types.js';
import { exitCodeOf, type ExitCode } from '../../../src/errors.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import { findOrCreateDeployment, setDeploymentStatus } from '../../../src/github/deployments.js';
import { createOctokit } from '../../../src/github/octokit.js';
import {
  openDesiredStateWriter,
  type CommitRequest,
  type DesiredStateWriter,
} from '../../../src/gitops/index.js';
import { runRollout, type RolloutRecord } from '../../../src/rollout/executor.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';

/** The token the fake accepts. */
export const FAULT_TOKEN = 'ghs_fault_matrix';

/** The repository the fake serves, as `desired.repo` names it. */
export const FAULT_REPO = 'acme/demo';

/** Compare-and-swap attempts, as `openWriter` (src/cli/commands/gitops-options.ts) configures them. */
export const CAS_ATTEMPTS = 10;

/** A policy with `desired` and `analysis`, as the executor takes it. */
export type RolloutPolicy = Policy & { desired: DesiredPolicy; analysis: AnalysisPolicy };

/**
 * The policy every case rolls out with: three steps, a 30 s bake measured every 10 s, one absolute
 * guardrail on the canary's error ratio over the last minute (the series' canary serves 1 % errors
 * before its breach and 20 % after it), the reconcile wait a 1 s delay.
 */
export function faultPolicy(metrics: { address: string; timeout?: string }): RolloutPolicy {
  const rate = (code: string) => `sum(rate(http_requests_total{track="{{canary}}"${code}}[{{window}}]))`;
  return parsePolicy(
    `service: demo
environment: production
desired:
  repo: ${FAULT_REPO}
  backend: github
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [5, 50, 100]
  bake: 30s
  reconcile: { wait: delay, delay: 1s }
analysis:
  provider: { kind: prometheus, address: '${metrics.address}', timeout: ${metrics.timeout ?? '5s'} }
  interval: 10s
  window: 1m
  warmup: 0s
  metricLag: 0s
  guardrails:
    - name: error-ratio
      query: '${rate(',code="500"')} / ${rate('')}'
      max: 0.05
`,
    'glidepath.yaml',
  ) as RolloutPolicy;
}

/** A digest of its own per case: a reverted rollout quarantines its digest. */
export function caseDigest(name: string): string {
  return createHash('sha256').update(`fault-matrix:${name}`).digest('hex');
}

/** A directory with the demo world's GitOps files, for {@link openRig}; remove it when done. */
export async function seedDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'glidepath-faults-seed-'));
  await seedGitops(dir);
  return dir;
}

/** A fresh bare repository and the GitHub fake over it. */
export interface FaultRig {
  bare: TempBareRepo;
  github: GitHubFake;
  /** Stops the fake (rejecting when it recorded a problem) and removes the repository. */
  close(): Promise<void>;
}

/** Opens a {@link FaultRig} seeded from `seedDir`. */
export async function openRig(seedDir: string): Promise<FaultRig> {
  const bare = await createBareRepo({ seedDir });
  const github = await startGitHubFake({ repo: FAULT_REPO, bareRepoPath: bare.path, token: FAULT_TOKEN });
  return {
    bare,
    github,
    close: async () => {
      try {
        await github.close();
      } finally {
        await bare.dispose();
      }
    },
  };
}

/** One rollout of a case. */
export interface CaseRun {
  policy: RolloutPolicy;
  /** 64 hex digits. */
  digest: string;
  id: string;
  /** Where the virtual clock starts, unix milliseconds. */
  startAt: number;
  /** Called before the writer's `n`-th commit (1-based) of this run: arms a fault at that commit. */
  beforeCommit?(n: number, request: CommitRequest): void;
}

/** What a case run ended with. */
export interface CaseResult {
  /** The record, when the rollout ended with one. */
  record?: RolloutRecord;
  /** What runRollout threw, when it did. */
  error?: unknown;
  /** The exit status the command would give: ROLLOUT_EXIT for a record, exitCodeOf for an error. */
  exit: ExitCode;
  /** The deployment's statuses as the fake recorded them, oldest first. */
  statuses: string[];
  /** Octokit's warnings and errors (the rate-limit callbacks say how long they wait). */
  octokitLog: string[];
  /** The executor's progress lines. */
  log: string[];
}

/**
 * Runs one rollout as `runRolloutCommand` would, against `rig`: `findOrCreateDeployment`, then
 * `runRollout` with the GitHub writer, the deployment statuses and the Prometheus provider.
 * Never throws what the rollout throws: it comes back as `error`.
 */
export async function runCase(rig: FaultRig, run: CaseRun): Promise<CaseResult> {
  const octokitLog: string[] = [];
  const log: string[] = [];
  const octokit = createOctokit({
    token: FAULT_TOKEN,
    baseUrl: rig.github.url,
    // Production paces writes a second apart; the waits below are the ones under test.
    spaceWrites: false,
    retryAfterBaseMs: 1,
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (line) => octokitLog.push(`warn: ${line}`),
      error: (line) => octokitLog.push(`error: ${line}`),
    },
  });
  const [owner, repo] = FAULT_REPO.split('/') as [string, string];
  const deploymentId = (
    await findOrCreateDeployment(octokit, {
      owner,
      repo,
      ref: 'main',
      environment: 'production',
      payload: { rollout: run.id, digest: `sha256:${run.digest}` },
    })
  ).id;
  const inner = await openDesiredStateWriter(run.policy.desired, {
    octokit,
    retry: { maxAttempts: CAS_ATTEMPTS },
    // Zero backoff: the storm cases measure attempts, not waits.
    effects: {
      sleep: (ms) => new Promise<void>((done) => setTimeout(done, ms)),
      random: () => 0,
      now: () => performance.now(),
    },
  });
  let commits = 0;
  const writer: DesiredStateWriter = {
    commit: (request) => {
      run.beforeCommit?.(++commits, request);
      return inner.commit(request);
    },
    readFile: (ref, path) => inner.readFile(ref, path),
    log: (branch, n) => inner.log(branch, n),
    changedFiles: (sha) => inner.changedFiles(sha),
  };
  let now = run.startAt;
  const clock = {
    now: () => new Date(now),
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  const result: Pick<CaseResult, 'record' | 'error'> = {};
  try {
    result.record = await runRollout(
      {
        policy: run.policy,
        desired: run.policy.desired,
        image: ImageRef.parse(`${IMAGE_REPOSITORY}@sha256:${run.digest}`),
        id: run.id,
        labels: { canary: 'canary', stable: 'stable' },
      },
      {
        writer,
        provider: openMetricProvider(run.policy.analysis, {}, clock),
        ...clock,
        log: (line) => log.push(line),
        setStatus: (state, description) =>
          setDeploymentStatus(octokit, { owner, repo, deploymentId }, state, { description }),
      },
    );
  } catch (error) {
    result.error = error;
  } finally {
    await inner.close();
  }
  return {
    ...result,
    exit: result.record ? ROLLOUT_EXIT[result.record.outcome] : exitCodeOf(result.error),
    statuses: rig.github.deploymentStatuses(deploymentId).map((status) => status.state),
    octokitLog,
    log,
  };
}

/**
 * The branch's commits after the seed, oldest first, each as its Glidepath-Step (`1/3`), a
 * reversal as `revert(k/n)` naming the step its Glidepath-Revert-Of points at, the promotion record
 * (`Glidepath-Verdict: promoted`, src/gitops/promotion.ts) as `promoted`, and anyone else's commit
 * as `other`.
 */
export async function branchCommits(bare: TempBareRepo): Promise<string[]> {
  const text = await gitText([
    '--git-dir',
    bare.path,
    'log',
    '--reverse',
    '--format=%H|%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Revert-Of,valueonly,separator=)|%(trailers:key=Glidepath-Verdict,valueonly,separator=)',
    'main',
  ]);
  const rows = text
    .split('\n')
    .slice(1)
    .map((line) => line.split('|') as [string, string, string, string]);
  const stepOf = new Map(rows.map(([sha, step]) => [sha, step]));
  return rows.map(([, step, revertOf, verdict]) => {
    if (revertOf) return `revert(${stepOf.get(revertOf) || revertOf.slice(0, 12)})`;
    if (verdict === 'promoted') return 'promoted';
    return step || 'other';
  });
}

/** HTTP requests the fake answered (GraphQL counted once per request, not per root field). */
export function requestCount(github: GitHubFake): number {
  return Object.entries(github.counts())
    .filter(([key]) => !key.startsWith('graphql '))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** A metrics back-end that answers `body` only after `delayMs`: slower than the provider's timeout. */
export interface SlowServer {
  address: string;
  /** Requests received so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Starts a {@link SlowServer} on 127.0.0.1. */
export async function startSlowServer(delayMs: number, body: unknown): Promise<SlowServer> {
  let received = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    received++;
    req.resume();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      }
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Removes a directory made by {@link seedDirectory}. */
export function removeDirectory(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
