/**
 * The event-driven loop end to end (DESIGN.md "Loops" 2, issue 5): `glidepath step` run in-process
 * once per workflow run, each started by a real webhook payload (GitHub's examples from
 * `@octokit/webhooks-examples`, renamed to acme/demo) — `workflow_run` when CI finished,
 * `workflow_dispatch` for each self-dispatched next step, `deployment_status` when the reconciler
 * reports — against real parts: a bare GitOps repository (real git), the demo world applying it, a
 * real Prometheus scraping the world every second, and the GitHub fake recording the deployment, its
 * statuses and the dispatches (validated against GitHub's OpenAPI description). Where the rollout
 * stands lives only in the branch's trailers, so each run starts from nothing but the event.
 *
 * Env per run, as the runner sets it (docs.github.com "Events that trigger workflows"): GITHUB_SHA
 * is the default branch's last commit for workflow_run, the dispatched ref's last commit for
 * workflow_dispatch, and the commit being deployed for deployment_status.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../src/cli/main.js';
import type { RolloutRecord } from '../../src/rollout/executor.js';
import { DIGESTS, IMAGE_REPOSITORY, seedGitops, startWorld } from '../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../support/git-remote.js';
import { startGitHubFake, type DispatchRecord, type GitHubFake } from '../support/github-fake/index.js';
import { startPrometheus, type PrometheusServer } from '../support/prometheus.js';
import { webhookSchemaErrors } from '../support/webhook-schema.js';
import {
  webhookExample,
  webhookPayload,
  type PayloadRewrite,
  type StepEventName,
} from '../support/webhook-payloads.js';

const TOKEN = 'ghs_step_loop_e2e';
const REPOSITORY = 'acme/demo';
const WORKFLOW = 'rollout.yml';
const STEPS = 5;

let work: string;
let bare: TempBareRepo;
let world: Awaited<ReturnType<typeof startWorld>>;
let prometheus: PrometheusServer;
let github: GitHubFake;
let policyFile: string;
let runId = 9_000;
/** Every run made, in order, for the summary printed at the end. */
const ledger: StepRun[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glidepath-step-loop-'));
  const seed = join(work, 'seed');
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  world = await startWorld({
    gitDir: bare.path,
    rps: 2000,
    seed: 13,
    behaviours: {
      // As in rollout.test.ts: at 0.1% (the demo's default) a 1% step sees too few errors and is
      // judged inconclusive; 1% for the good versions keeps every step decidable.
      [DIGESTS.v1]: { errorRate: 0.01, latencyMs: 10 },
      [DIGESTS.v2]: { errorRate: 0.01, latencyMs: 10 },
      [DIGESTS.v3]: { errorRate: 0.05, latencyMs: 10 },
    },
  });
  prometheus = await startPrometheus({
    scrapeTargets: [new URL(world.metricsUrl).host],
    scrapeInterval: '1s',
  });
  github = await startGitHubFake({
    repo: REPOSITORY,
    bareRepoPath: bare.path,
    token: TOKEN,
    workflows: [WORKFLOW],
  });
  const counts = (code: string) =>
    `sum(increase(http_requests_total{track="{{canary}}"${code}}[{{window}}]))`;
  policyFile = join(work, 'glidepath.yaml');
  await writeFile(
    policyFile,
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
  );
}, 60_000);

afterAll(async () => {
  // Every run of the file, failed assertions or not: the figures the brief asks for.
  if (ledger.length > 0) console.log(`glidepath step, every run of this file:\n${summary(ledger)}`);
  await world?.stop();
  await prometheus?.close();
  try {
    await github?.close();
  } finally {
    await bare?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  }
});

/** One workflow run: the event that started it, and what it did. */
interface StepRun {
  event: StepEventName;
  code: number;
  stdout: string;
  stderr: string;
  /** The rollout record (`--json`), when the run got that far. */
  record?: RolloutRecord;
  /** GitHub API requests of this run by route, and their total. */
  counts: Record<string, number>;
  calls: number;
  /** Requests that change something on GitHub (anything but GET). */
  writes: number;
  headBefore: string;
  headAfter: string;
  /** Dispatches this run made. */
  dispatched: DispatchRecord[];
  /** What `rerun` needs to start the very same run again. */
  replay: { event: StepEventName; eventPath: string; env: Record<string, string>; artifact: string };
}

const image = (digest: string) => `${IMAGE_REPOSITORY}@sha256:${digest}`;
const head = () => gitText(['--git-dir', bare.path, 'rev-parse', 'refs/heads/main']).then((s) => s.trim());
const trailer = (sha: string, key: string) =>
  gitText(['--git-dir', bare.path, 'log', '-1', `--format=%(trailers:key=${key},valueonly)`, sha]).then(
    (text) => text.trim(),
  );
/** The newest `Glidepath-Step` at `sha` (`3/5`): the live step as a later run recovers it. */
const stepAt = (sha: string) =>
  gitText(['--git-dir', bare.path, 'log', '--format=%(trailers:key=Glidepath-Step,valueonly)', sha]).then(
    (text) =>
      text
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? '',
  );

/** Writes `payload` where the runner would (GITHUB_EVENT_PATH) and runs `glidepath step` for it. */
async function step(
  event: StepEventName,
  rewrite: Omit<PayloadRewrite, 'repository'>,
  artifact: string,
  sha?: string,
): Promise<StepRun> {
  runId += 1;
  const eventPath = join(work, `event-${runId}.json`);
  const payload = webhookPayload(event, { repository: REPOSITORY, ...rewrite });
  // Only what GitHub could send: its published schema for the event.
  expect(webhookSchemaErrors(event, payload)).toEqual([]);
  await writeFile(eventPath, JSON.stringify(payload));
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: String(runId),
    GITHUB_SHA: sha ?? (await head()),
  };
  return run({ event, eventPath, env, artifact });
}

/** Runs `glidepath step` for a payload already written; also what a rerun of the same event does. */
async function run(replay: StepRun['replay']): Promise<StepRun> {
  const out: string[] = [];
  const err: string[] = [];
  const dispatchedBefore = github.dispatches().length;
  github.resetCounts();
  const headBefore = await head();
  const code = await runCli(
    ['step', '--policy', policyFile, '--artifact', replay.artifact, '--dispatch', WORKFLOW, '--json'],
    {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      cwd: work,
      now: () => new Date(),
      env: replay.env,
    },
    'e2e',
  );
  const stdout = out.join('');
  const counts = github.counts();
  const requests = github.requests();
  let record: RolloutRecord | undefined;
  try {
    record = stdout.trim().startsWith('{') ? (JSON.parse(stdout) as RolloutRecord) : undefined;
  } catch {
    record = undefined;
  }
  const made: StepRun = {
    event: replay.event,
    code,
    stdout,
    stderr: err.join(''),
    ...(record ? { record } : {}),
    counts,
    calls: requests.length,
    writes: requests.filter((request) => request.method !== 'GET').length,
    headBefore,
    headAfter: await head(),
    dispatched: github.dispatches().slice(dispatchedBefore),
    replay,
  };
  ledger.push(made);
  return made;
}

/** The next run the chain starts: a dispatch's workflow_dispatch with that dispatch's inputs. */
function dispatchedRun(dispatch: DispatchRecord): Promise<StepRun> {
  const inputs = dispatch.inputs as { command?: string; artifact?: string };
  return step(
    'workflow_dispatch',
    { branch: dispatch.ref, inputs: dispatch.inputs },
    String(inputs.artifact),
  );
}

/** A deployment's payload as an object (GitHub stores what was sent: an object or a string). */
const payloadOf = (deployment: { payload: unknown }) =>
  (typeof deployment.payload === 'string' ? JSON.parse(deployment.payload) : deployment.payload) as {
    rollout: string;
    digest: string;
  };

/** The reconciler's deployment_status for the newest deployment (it reports the applied commit). */
function deploymentStatusRun(state?: string): Promise<StepRun> {
  const deployment = github.deployments().at(-1)!;
  const payload = payloadOf(deployment);
  return step(
    'deployment_status',
    { deployment: { id: deployment.id, sha: deployment.sha, payload, ...(state ? { state } : {}) } },
    `${IMAGE_REPOSITORY}@${payload.digest}`,
    deployment.sha,
  );
}

const summary = (runs: readonly StepRun[]) =>
  runs
    .map(
      (r, i) =>
        `run ${i + 1} ${r.event.padEnd(17)} exit ${r.code} ${r.record?.outcome ?? '-'} ` +
        `steps ${r.record?.steps.map((s) => `${s.step}${s.phase ? `:${s.phase}` : ''}`).join(',') ?? '-'} ` +
        `API calls ${r.calls} ${JSON.stringify(r.counts)}`,
    )
    .join('\n');

const runs: StepRun[] = [];

describe('glidepath step: the event-driven loop with real webhook payloads', () => {
  it.each<StepEventName>(['workflow_run', 'workflow_dispatch', 'deployment_status'])(
    'the %s payload is GitHub example renamed: same fields, no trace of the example repository',
    (event) => {
      const example = webhookExample(event);
      const payload = webhookPayload(event, { repository: REPOSITORY, headRepository: 'mallory/demo' });
      const shape = (value: unknown): unknown =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
          : typeof value;
      // Same nested keys (and value types, except what a rewrite may turn from null into text).
      expect(Object.keys(payload).sort()).toEqual(Object.keys(example).sort());
      expect(JSON.stringify(shape(payload.repository))).toBe(JSON.stringify(shape(example.repository)));
      const old = (example.repository as { full_name: string }).full_name;
      expect(JSON.stringify(payload)).not.toContain(old);
      expect(payload.repository).toMatchObject({ full_name: REPOSITORY, default_branch: 'main' });
    },
  );

  it.each<[string, Omit<PayloadRewrite, 'repository'>, RegExp]>([
    [
      'a fork (head_repository differs)',
      { headRepository: 'mallory/demo' },
      /workflow_run event triggered by the fork mallory\/demo/,
    ],
    [
      'a branch other than the default',
      { branch: 'feature/x' },
      /workflow_run on branch feature\/x; only main \(the default branch\) deploys/,
    ],
    ['a failed CI run', { conclusion: 'failure' }, /after a failure CI run; it must succeed/],
  ])(
    'refuses a workflow_run from %s: exit 2, nothing committed, no API write',
    async (_name, rewrite, why) => {
      const refused = await step('workflow_run', rewrite, image(DIGESTS.v2));
      expect({ code: refused.code, stderr: refused.stderr }).toEqual({
        code: 2,
        stderr: expect.stringMatching(why),
      });
      expect(refused.headAfter).toBe(refused.headBefore);
      expect(refused.writes).toBe(0);
      expect(refused.dispatched).toEqual([]);
      expect(github.deployments()).toEqual([]);
    },
  );

  it('workflow_run (CI succeeded on main) admits and commits step 1, creates the deployment and dispatches once', async () => {
    const first = await step('workflow_run', {}, image(DIGESTS.v2));
    runs.push(first);
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 });
    expect(first.record?.outcome).toBe('continuing');
    expect(first.headAfter).not.toBe(first.headBefore);
    // The first run only starts the rollout: step 1 is the live step, not yet baked.
    expect(await trailer(first.headAfter, 'Glidepath-Step')).toBe(`1/${STEPS}`);
    expect(await trailer(first.headAfter, 'Glidepath-Digest')).toBe(`sha256:${DIGESTS.v2}`);
    expect(first.record?.steps.map((s) => [s.step, s.weight, s.phase])).toEqual([[1, 1, undefined]]);
    expect(github.deployments()).toHaveLength(1);
    expect(github.deployments()[0]).toMatchObject({ environment: 'production', ref: first.headBefore });
    expect(first.counts['POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches']).toBe(1);
    expect(first.dispatched).toEqual([
      expect.objectContaining({
        workflowId: WORKFLOW,
        ref: 'main',
        inputs: { command: 'step', artifact: image(DIGESTS.v2) },
      }),
    ]);
  }, 60_000);

  it.each(['in_progress', 'queued'])(
    'a %s deployment_status is no step (Glidepath posts in_progress itself): exit 0, no API call, no commit',
    async (state) => {
      const skipped = await deploymentStatusRun(state);
      expect({ code: skipped.code, stderr: skipped.stderr }).toEqual({
        code: 0,
        stderr: expect.stringContaining(`this deployment_status is ${state}`),
      });
      expect(skipped.calls).toBe(0);
      expect(skipped.headAfter).toBe(skipped.headBefore);
      expect(skipped.dispatched).toEqual([]);
    },
  );

  it('each dispatched or deployment_status run bakes and judges the live step and commits the next, until promoted', async () => {
    let dispatch = runs.at(-1)!.dispatched.at(-1)!;
    for (let n = 0; n < STEPS + 2; n += 1) {
      // The reconciler's deployment_status arrives once in between; every other run is the dispatch.
      const next = n === 1 ? await deploymentStatusRun() : await dispatchedRun(dispatch);
      runs.push(next);
      const live = Number((await stepAt(next.headBefore)).split('/')[0]);
      expect({ code: next.code, stderr: next.stderr }).toMatchObject({ code: 0 });
      // Baked and judged the step the branch showed as live, and passed it.
      expect({ outcome: next.record?.outcome, judged: next.record?.steps[0] }).toMatchObject({
        judged: { step: live, commit: next.headBefore, phase: 'pass' },
      });
      if (next.record?.outcome === 'promoted') {
        // Promoted only after the 100% step itself was baked and judged; no step beyond it.
        expect(live).toBe(STEPS);
        expect(await stepAt(next.headAfter)).toBe(`${STEPS}/${STEPS}`);
        expect(next.dispatched).toEqual([]);
        break;
      }
      expect(next.record?.outcome).toBe('continuing');
      expect(next.record?.steps.map((s) => s.step)).toEqual([live, live + 1]);
      expect(await trailer(next.headAfter, 'Glidepath-Step')).toBe(`${live + 1}/${STEPS}`);
      expect(next.dispatched).toHaveLength(1);
      dispatch = next.dispatched[0]!;
      expect(dispatch.inputs).toEqual({ command: 'step', artifact: image(DIGESTS.v2) });
    }
    console.log(`step loop, v2 promoted:\n${summary(runs)}`);
    const last = runs.at(-1)!;
    expect(last.record?.outcome).toBe('promoted');
    expect(runs.map((r) => r.event)).toContain('deployment_status');
    // One deployment for the whole rollout, found again by every later run; success last.
    expect(github.deployments()).toHaveLength(1);
    const statuses = github.deploymentStatuses(github.deployments()[0]!.id).map((s) => s.state);
    expect(statuses.at(-1)).toBe('success');
    expect(statuses.filter((s) => s === 'success')).toHaveLength(1);
    // Exactly one commit per step, 1/5 … 5/5, then the promotion record once 100% was judged.
    const stepTrailers = await gitText([
      '--git-dir',
      bare.path,
      'log',
      '--format=%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Verdict,valueonly,separator=)',
      `${runs[0]!.headBefore}..main`,
    ]);
    expect(stepTrailers.split('\n').filter(Boolean).reverse()).toEqual([
      ...Array.from({ length: STEPS }, (_, i) => `${i + 1}/${STEPS}|`),
      `${STEPS}/${STEPS}|promoted`,
    ]);
    const calls = runs.reduce((sum, r) => sum + r.calls, 0);
    console.log(`${runs.length} runs, ${calls} GitHub API calls in all`);
    for (const r of runs) expect(r.calls).toBeLessThanOrEqual(6);
  }, 150_000);

  it('a rerun of the very last event changes nothing and exits 0', async () => {
    const last = runs.at(-1)!;
    const rerun = await run(last.replay);
    console.log(`rerun of the last event: ${summary([rerun])}`);
    expect({ code: rerun.code, stderr: rerun.stderr }).toMatchObject({ code: 0 });
    expect(rerun.record?.outcome).toBe('promoted');
    expect(rerun.headAfter).toBe(rerun.headBefore);
    expect(rerun.writes).toBe(0);
    expect(rerun.dispatched).toEqual([]);
  }, 60_000);

  it('a bad version (5% errors) is reverted at its first failing step, by 25%: exit 1, quarantined, failure status, no further dispatch', async () => {
    const bad: StepRun[] = [await step('workflow_run', {}, image(DIGESTS.v3))];
    while (bad.at(-1)!.code === 0 && bad.at(-1)!.dispatched.length === 1 && bad.length < STEPS + 1) {
      bad.push(await dispatchedRun(bad.at(-1)!.dispatched[0]!));
    }
    console.log(`step loop, v3 reverted:\n${summary(bad)}`);
    const failed = bad.at(-1)!;
    expect({ code: failed.code, stderr: failed.stderr }).toMatchObject({ code: 1 });
    expect(failed.record?.outcome).toBe('reverted');
    // The sequential test spans the rollout (its state rides on each step's commit): at 1% v3 may
    // pass on too little data (~160 requests, ~8 errors), but the first step with enough evidence
    // fails it — by 25% at the latest — and nothing after the failure is judged or committed.
    const judged = bad.flatMap((r) => r.record?.steps.filter((s) => s.phase) ?? []);
    const phases = judged.map((s) => s.phase);
    expect(phases.at(-1)).toBe('fail');
    expect(phases.slice(0, -1).every((phase) => phase === 'pass')).toBe(true);
    expect(judged.at(-1)!.step).toBeLessThanOrEqual(3);
    expect(judged.at(-1)!.reason).toMatch(/error-ratio/);
    const revertCommit = failed.record!.revertCommit!;
    expect(failed.headAfter).toBe(revertCommit);
    expect(await trailer(revertCommit, 'Glidepath-Verdict')).toBe('fail');
    const quarantine = await gitText(['--git-dir', bare.path, 'show', 'main:.glidepath/quarantine.yaml']);
    expect(quarantine).toContain(`sha256:${DIGESTS.v3}`);
    const route = await gitText(['--git-dir', bare.path, 'show', 'main:apps/demo/route.yaml']);
    expect(route).toMatch(/name: demo-canary[\s\S]*?weight: 0/);
    const deployment = github.deployments().at(-1)!;
    expect(payloadOf(deployment)).toMatchObject({ digest: `sha256:${DIGESTS.v3}` });
    expect(github.deploymentStatuses(deployment.id).at(-1)?.state).toBe('failure');
    expect(failed.dispatched).toEqual([]);
  }, 90_000);
});
