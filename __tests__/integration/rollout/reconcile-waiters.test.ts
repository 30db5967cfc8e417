/**
 * The `deployment-status` reconcile waiter against the GitHub fake (every request and response
 * validated against GitHub's OpenAPI description), with production Octokit for Glidepath and a
 * second client acting as the reconciler (as Argo CD notifications' GitHub service does: it creates
 * a deployment for the synced revision and posts its status). A fake clock drives the waits; the
 * reconciler acts from inside `sleep`, i.e. between two looks. Asserts the outcome, the reason and
 * the number of API calls, counted both by the waiter and by the fake.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { Duration } from '../../../src/config/duration.js';
import { ConfigurationError } from '../../../src/errors.js';
import { createOctokit, type GlidepathOctokit } from '../../../src/github/octokit.js';
import { createReconcileWaiter, type ReconcileDeps } from '../../../src/rollout/reconcile/index.js';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';
import { testOctokit } from '../../support/github-fake/octokit.js';

const TOKEN = 'ghs_reconcile_waiters';
const OWNER = 'acme';
const REPO = 'gitops';
let bare: TempBareRepo;
let github: GitHubFake;
let octokit: GlidepathOctokit;
let reconciler: ReturnType<typeof testOctokit>['octokit'];
let commit: string;

beforeAll(async () => {
  bare = await createBareRepo({ files: { 'apps/web/route.yaml': 'kind: HTTPRoute\n' } });
  github = await startGitHubFake({ repo: `${OWNER}/${REPO}`, bareRepoPath: bare.path, token: TOKEN });
  octokit = createOctokit({ token: TOKEN, baseUrl: github.url, spaceWrites: false, retryAfterBaseMs: 1 });
  reconciler = testOctokit(github).octokit;
  commit = (await gitText(['rev-parse', 'HEAD'], { cwd: bare.path })).trim();
});

afterAll(async () => {
  try {
    await github.close();
  } finally {
    await bare.dispose();
  }
});

beforeEach(() => github.resetCounts());

/** Deps with a fake clock; `between(look)` runs during the sleep after look `look` (1-based). */
function deps(between: (look: number) => Promise<void> = async () => {}, actor?: string) {
  let at = Date.parse('2025-06-02T09:00:00Z');
  const sleeps: number[] = [];
  const lines: string[] = [];
  const value: ReconcileDeps = {
    now: () => new Date(at),
    sleep: async (ms) => {
      sleeps.push(ms);
      at += ms;
      await between(sleeps.length);
    },
    fetch: globalThis.fetch,
    env: {},
    log: (line) => lines.push(line),
    github: { octokit, owner: OWNER, repo: REPO, ...(actor ? { actor } : {}) },
  };
  return { deps: value, sleeps, lines };
}

const spec = (timeout = '10m') =>
  ({
    wait: 'deployment-status',
    timeout: Duration.parse(timeout),
    interval: Duration.parse('10s'),
  }) as const;

/** What the reconciler does for a commit: a deployment of `sha` in `environment`, then a status. */
async function reconcilerReports(
  environment: string,
  state: 'success' | 'failure' | 'error' | 'in_progress',
  details: { description?: string; log_url?: string } = {},
  deploymentId?: number,
): Promise<number> {
  let id = deploymentId;
  if (id === undefined) {
    const created = await reconciler.rest.repos.createDeployment({
      owner: OWNER,
      repo: REPO,
      ref: commit,
      environment,
      auto_merge: false,
      required_contexts: [],
      description: 'Argo CD sync of web',
    });
    id = (created.data as { id: number }).id;
  }
  await reconciler.rest.repos.createDeploymentStatus({
    owner: OWNER,
    repo: REPO,
    deployment_id: id,
    state,
    ...details,
  });
  return id;
}

/** GitHub API calls the waiter made, as the fake counted them. */
const waiterCalls = () =>
  github.count('GET /repos/{owner}/{repo}/deployments') +
  github.count('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses');

describe('deployment-status reconcile wait', () => {
  it('is applied once the reconciler posts success on a deployment of our commit, backing off between looks', async () => {
    const environment = 'staging-applied';
    const run = deps(async (look) => {
      if (look === 2) await reconcilerReports(environment, 'in_progress');
      if (look === 4) {
        const [deployment] = github.deployments().filter((d) => d.environment === environment);
        await reconcilerReports(environment, 'success', {}, deployment!.id);
      }
    });
    const outcome = await createReconcileWaiter(spec(), run.deps).wait({
      sha: commit,
      weight: 10,
      environment,
    });
    // Looks 1-2: the list only (nothing yet), 2 calls; looks 3-5: the list + one status each, 6 calls.
    expect(outcome).toEqual({ applied: true, polls: 8, waitedMs: 130_000 });
    expect(run.sleeps).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(waiterCalls()).toBe(8);
    expect(run.lines).toEqual([
      `reconcile (${OWNER}/${REPO} deployments of ${commit.slice(0, 12)} in ${environment}): no deployment of ${commit.slice(0, 12)} yet`,
      expect.stringMatching(/: deployment \d+ \(staging-applied\): in_progress$/),
    ]);
  });

  it('is not applied at once when the reconciler reports failure, quoting its description and log', async () => {
    const environment = 'staging-failed';
    const run = deps(async (look) => {
      if (look === 1) {
        await reconcilerReports(environment, 'failure', {
          description: 'sync failed: Deployment/web-canary exceeded its progress deadline',
          log_url: 'https://argocd.example.com/applications/web',
        });
      }
    });
    const outcome = await createReconcileWaiter(spec(), run.deps).wait({
      sha: commit,
      weight: 10,
      environment,
    });
    expect(outcome.applied).toBe(false);
    expect(outcome).toMatchObject({ polls: 3, waitedMs: 10_000 });
    expect(outcome.applied === false && outcome.reason).toMatch(
      new RegExp(
        `^reconcile: deployment \\d+ \\(${environment}\\) reported failure for commit ${commit.slice(0, 12)} ` +
          '\\(by github-actions\\[bot\\]\\): "sync failed: Deployment/web-canary exceeded its progress deadline"; ' +
          'see https://argocd.example.com/applications/web$',
      ),
    );
    expect(waiterCalls()).toBe(3);
  });

  it('times out when nothing reports, with a reason naming the commit and the environment', async () => {
    const run = deps();
    const outcome = await createReconcileWaiter(spec('3m'), run.deps).wait({
      sha: commit,
      weight: 10,
      environment: 'nobody-reports',
    });
    // 0, 10, 30, 70, 130, 180 s: six looks of one list call each.
    expect(run.sleeps).toEqual([10_000, 20_000, 40_000, 60_000, 50_000]);
    expect(outcome).toEqual({
      applied: false,
      polls: 6,
      waitedMs: 180_000,
      reason:
        `reconcile: no successful GitHub deployment status for commit ${commit.slice(0, 12)} in ${OWNER}/${REPO} ` +
        `(environment nobody-reports) within 3m (last: no deployment of ${commit.slice(0, 12)} yet); ` +
        'check that the reconciler reports deployments for the commit (e.g. Argo CD notifications github.deployment)',
    });
    expect(waiterCalls()).toBe(6);
  });

  describe("the rollout's own deployment", () => {
    // The fake serves one token, so every status it returns is by github-actions[bot]. The tests
    // declare Glidepath's own login: `glidepath[bot]` (an App token, so the reconciler's
    // GITHUB_TOKEN statuses are someone else's) or `github-actions[bot]` (the same token, so they
    // cannot be told from Glidepath's and never count).
    async function ownDeployment(environment: string): Promise<number> {
      const created = await octokit.rest.repos.createDeployment({
        owner: OWNER,
        repo: REPO,
        ref: 'main',
        environment,
        auto_merge: false,
        required_contexts: [],
      });
      const id = (created.data as { id: number }).id;
      await octokit.rest.repos.createDeploymentStatus({
        owner: OWNER,
        repo: REPO,
        deployment_id: id,
        state: 'in_progress',
        description: 'step 1/4 at 10%',
      });
      return id;
    }

    it('counts a success someone else posted on it', async () => {
      const environment = 'own-other-actor';
      const deploymentId = await ownDeployment(environment);
      github.resetCounts();
      const run = deps(async (look) => {
        if (look === 1) await reconcilerReports(environment, 'success', {}, deploymentId);
      }, 'glidepath[bot]');
      const outcome = await createReconcileWaiter(spec(), run.deps).wait({
        sha: commit,
        weight: 10,
        environment,
        deploymentId,
      });
      // Each look: the list (our deployment's sha is not the commit, so it is empty) + our statuses.
      expect(outcome).toEqual({ applied: true, polls: 4, waitedMs: 10_000 });
      expect(waiterCalls()).toBe(4);
    });

    it('never counts a status written with its own token', async () => {
      const environment = 'own-same-actor';
      const deploymentId = await ownDeployment(environment);
      const run = deps(async (look) => {
        if (look === 1) await reconcilerReports(environment, 'success', {}, deploymentId);
      }, 'github-actions[bot]');
      const outcome = await createReconcileWaiter(spec('1m'), run.deps).wait({
        sha: commit,
        weight: 10,
        environment,
        deploymentId,
      });
      expect(outcome.applied).toBe(false);
      expect(outcome.applied === false && outcome.reason).toContain(
        `nothing from the reconciler on the rollout's deployment ${deploymentId}`,
      );
    });

    it("is skipped, and says so once, when the token's own login is unknown", async () => {
      const environment = 'own-unknown-actor';
      const deploymentId = await ownDeployment(environment);
      await reconcilerReports(environment, 'success', {}, deploymentId);
      github.resetCounts();
      const run = deps();
      const outcome = await createReconcileWaiter(spec('30s'), run.deps).wait({
        sha: commit,
        weight: 10,
        environment,
        deploymentId,
      });
      expect(outcome).toMatchObject({ applied: false, polls: 3 });
      expect(waiterCalls()).toBe(3);
      expect(run.lines.filter((line) => line.includes('are ignored'))).toHaveLength(1);
    });
  });

  it('refuses a token GitHub rejects with a ConfigurationError', async () => {
    const bad = createOctokit({
      token: 'ghs_wrong',
      baseUrl: github.url,
      spaceWrites: false,
      retryAfterBaseMs: 1,
    });
    const run = deps();
    run.deps.github = { octokit: bad, owner: OWNER, repo: REPO };
    const error = await createReconcileWaiter(spec(), run.deps)
      .wait({ sha: commit, weight: 10, environment: 'x' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/HTTP 401\); set a valid GITHUB_TOKEN or GLIDEPATH_TOKEN/);
  });
});
