/**
 * A whole rollout with real parts: a bare GitOps repository (real git), the demo world applying it
 * (reconciler, weighted splitter, load), a real Prometheus scraping the world every second, the
 * GitHub fake recording the deployment and its statuses (validated against GitHub's OpenAPI
 * description), and the executor driving the state machine. v2 (healthy) is promoted
 * 1 → 5 → 25 → 50 → 100; v3 (5% errors) is reverted through Git with its digest quarantined.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openMetricProvider } from '../../src/cli/commands/analyze.js';
import { parsePolicy } from '../../src/config/load-policy.js';
import type { AnalysisPolicy, DesiredPolicy, Policy } from '../../src/config/types.js';
import { ImageRef } from '../../src/evidence/image-ref.js';
import { findOrCreateDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { createOctokit } from '../../src/github/octokit.js';
import { openDesiredStateWriter } from '../../src/gitops/index.js';
import { runRollout, type RolloutRecord } from '../../src/rollout/executor.js';
import { recoverRollout } from '../../src/rollout/recover.js';
import { DIGESTS, IMAGE_REPOSITORY, seedGitops, startWorld } from '../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../support/github-fake/index.js';
import { startPrometheus, type PrometheusServer } from '../support/prometheus.js';

const TOKEN = 'ghs_rollout_e2e';
let bare: TempBareRepo;
let world: Awaited<ReturnType<typeof startWorld>>;
let prometheus: PrometheusServer;
let github: GitHubFake;
let policy: Policy & { desired: DesiredPolicy; analysis: AnalysisPolicy };

beforeAll(async () => {
  const seed = await mkdtemp(join(tmpdir(), 'glidepath-rollout-seed-'));
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  await rm(seed, { recursive: true, force: true });
  world = await startWorld({
    gitDir: bare.path,
    rps: 800,
    seed: 11,
    behaviours: {
      [DIGESTS.v1]: { errorRate: 0.01, latencyMs: 10 },
      [DIGESTS.v2]: { errorRate: 0.01, latencyMs: 10 },
      [DIGESTS.v3]: { errorRate: 0.05, latencyMs: 10 },
    },
  });
  prometheus = await startPrometheus({
    scrapeTargets: [new URL(world.metricsUrl).host],
    scrapeInterval: '1s',
  });
  github = await startGitHubFake({ repo: 'acme/demo', bareRepoPath: bare.path, token: TOKEN });
  const counts = (code: string) =>
    `sum(increase(http_requests_total{track="{{canary}}"${code}}[{{window}}]))`;
  policy = parsePolicy(
    `service: demo
environment: production
desired:
  repo: file://${bare.path}
  backend: git
  targets:
    - { kind: deployment, path: apps/demo/canary.yaml, container: app }
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [1, 5, 25, 50, 100]
  bake: 8s
  reconcile: { wait: http, url: ${world.metricsUrl}/status, timeout: 20s }
analysis:
  provider: { kind: prometheus, address: ${prometheus.address}, timeout: 5s }
  interval: 1s
  window: 5s
  warmup: 2s
  metricLag: 1s
  minSamples: 20
  maxExtension: 10s
  counts:
    requests: '${counts('')}'
    errors: '${counts(',code="500"')}'
  guardrails:
    - name: error-ratio
      query: '${counts(',code="500"')} / ${counts('')}'
      max: 0.2
      compare: { test: msprt }
`,
    'glidepath.yaml',
  ) as typeof policy;
}, 60_000);

afterAll(async () => {
  await world?.stop();
  await prometheus?.close();
  try {
    await github?.close();
  } finally {
    await bare?.dispose();
  }
});

async function rollout(digest: string, log: string[]): Promise<RolloutRecord> {
  const octokit = createOctokit({
    token: TOKEN,
    baseUrl: github.url,
    spaceWrites: false,
    retryAfterBaseMs: 1,
  });
  const id = `demo-${digest.slice(0, 12)}`;
  const deploymentId = (
    await findOrCreateDeployment(octokit, {
      owner: 'acme',
      repo: 'demo',
      ref: 'main',
      environment: 'production',
      payload: { rollout: id, digest: `sha256:${digest}` },
    })
  ).id;
  const writer = await openDesiredStateWriter(policy.desired, {});
  const clock = {
    now: () => new Date(),
    sleep: (ms: number) => new Promise<void>((done) => setTimeout(done, ms)),
  };
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
        writer,
        provider: openMetricProvider(policy.analysis, {}, clock),
        ...clock,
        log: (line) => log.push(line),
        setStatus: (state, description) =>
          setDeploymentStatus(octokit, { owner: 'acme', repo: 'demo', deploymentId }, state, { description }),
      },
    );
  } finally {
    await writer.close();
  }
}

async function logOf() {
  const writer = await openDesiredStateWriter(policy.desired, {});
  try {
    return await writer.log('main', 50);
  } finally {
    await writer.close();
  }
}

const trailer = (sha: string, key: string) =>
  gitText(['--git-dir', bare.path, 'log', '-1', `--format=%(trailers:key=${key},valueonly)`, sha]).then(
    (text) => text.trim(),
  );

describe('glidepath rollout end to end (real git, real Prometheus, GitHub fake)', () => {
  it('promotes a healthy version step by step: one commit per step, statuses in order, few API calls', async () => {
    const log: string[] = [];
    github.resetCounts();
    const record = await rollout(DIGESTS.v2, log);
    expect({ outcome: record.outcome, log }).toMatchObject({ outcome: 'promoted' });
    expect(record.steps.map((step) => [step.weight, step.phase])).toEqual([
      [1, 'pass'],
      [5, 'pass'],
      [25, 'pass'],
      [50, 'pass'],
      [100, 'pass'],
    ]);
    for (const [index, step] of record.steps.entries()) {
      expect(await trailer(step.commit!, 'Glidepath-Step')).toBe(`${index + 1}/5`);
    }
    const statuses = github.deploymentStatuses(github.deployments().at(-1)!.id).map((status) => status.state);
    expect(statuses).toEqual([
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'success',
    ]);
    const recovered = recoverRollout(await logOf());
    expect(recovered).toMatchObject({
      id: record.id,
      status: 'promoted',
      step: { index: 5, of: 5 },
      weight: 100,
    });
    const calls = Object.values(github.counts()).reduce((sum, n) => sum + n, 0);
    console.log(`GitHub API calls for a 5-step rollout: ${calls} (${JSON.stringify(github.counts())})`);
    expect(calls).toBeLessThanOrEqual(6 * 5);
  }, 180_000);

  it('reverts a bad version through Git at its first breach and quarantines its digest', async () => {
    const log: string[] = [];
    const record = await rollout(DIGESTS.v3, log);
    expect({ outcome: record.outcome, log }).toMatchObject({ outcome: 'reverted' });
    expect(record.lever).toBe('traffic');
    const failed = record.steps.at(-1)!;
    expect(failed.phase).toBe('fail');
    expect(failed.reason).toMatch(/error-ratio vs stable: canary error rate is higher/);
    expect(await trailer(record.revertCommit!, 'Glidepath-Revert-Of')).toBe(record.steps[0]!.commit);
    const quarantine = await gitText(['--git-dir', bare.path, 'show', 'main:.glidepath/quarantine.yaml']);
    expect(quarantine).toContain(`sha256:${DIGESTS.v3}`);
    const route = await gitText(['--git-dir', bare.path, 'show', 'main:apps/demo/route.yaml']);
    expect(route).toMatch(/name: demo-canary[\s\S]*?weight: 0/);
    const statuses = github.deploymentStatuses(github.deployments().at(-1)!.id);
    expect(statuses.at(-1)?.state).toBe('failure');
    // Where it stands is a reading of the GitOps history alone.
    expect(recoverRollout(await logOf())).toMatchObject({ id: record.id, status: 'reverted', weight: 0 });
  }, 180_000);
});
