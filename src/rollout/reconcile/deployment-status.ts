/**
 * The `deployment-status` reconcile waiter: the reconciler reports through GitHub deployments
 * (Argo CD notifications' GitHub service creates a deployment for the synced revision and posts its
 * status; a Flux alert or CI job can do the same), and Glidepath reads them.
 *
 * The rule, per look (REST: `GET /repos/{o}/{r}/deployments?sha=&environment=&per_page=5`, then
 * `GET …/deployments/{id}/statuses?per_page=1` per deployment, newest first — GitHub lists both
 * newest first, so one status is the latest):
 *
 * 1. **A deployment for our commit** (GitHub recorded its `sha` as ours) other than the rollout's
 *    own: its latest status decides, whoever wrote it, because the deployment itself says which
 *    commit it is about. `success` → applied. `failure` / `error` → not applied, at once, quoting
 *    the status description and `log_url`. Anything else (`queued`, `pending`, `in_progress`,
 *    `inactive`, no status yet) → look at the next one, then wait.
 * 2. **The rollout's own deployment** (`target.deploymentId`), when the reconciler is told its id:
 *    its latest status counts the same way, but only when it was written by someone other than
 *    Glidepath's token — `creator.login` differs from `deps.github.actor`, the login GitHub gave as
 *    the creator of the deployment Glidepath made. So no status Glidepath writes (queued,
 *    in_progress, failure, success at promotion) can ever count, whatever the state machine writes
 *    in future. Without `actor` the own deployment is skipped (logged once): guessing could only
 *    produce a false "applied".
 *
 *    Hazards. The own deployment's `sha` is the application commit, not the step's desired-state
 *    commit, so its status does not say which step it is about: the rule relies on the machine
 *    setting `in_progress` on it with every step's commit, before the wait, so a reconciler's
 *    `success` from an earlier step is never the latest one when a new wait begins. And a reconciler
 *    that writes with the same token as Glidepath (a job in the same repository using GITHUB_TOKEN)
 *    is indistinguishable from Glidepath on the own deployment: it must create a deployment for the
 *    commit instead (rule 1), as Argo CD notifications does.
 *
 * Cost: GITHUB_TOKEN has 1,000 requests an hour per repository (DESIGN.md "Scale"), so looks back
 * off — `interval`, then twice as long each time, at most 60 s — and the outcome's `polls` counts
 * every API call. Retries of 5xx and rate limits belong to the Octokit client (src/github/octokit.ts);
 * what still fails is looked at again at the next poll, except 401/403/404, which a retry cannot fix.
 */
import { ConfigurationError, TransientError } from '../../errors.js';
import {
  checkInterval,
  pollUntil,
  shortSha,
  type PollResult,
  type ReconcileDeps,
  type ReconcileSpec,
  type ReconcileWaiter,
} from './types.js';

/** Longest wait between looks. */
export const DEPLOYMENT_STATUS_MAX_INTERVAL_MS = 60_000;

/** Deployments for the commit examined per look (newest first). */
export const DEPLOYMENTS_PER_LOOK = 5;

/** The fields of a deployment status this waiter reads. */
interface LatestStatus {
  state: string;
  description?: string | null;
  log_url?: string;
  target_url?: string;
  creator?: { login?: string } | null;
}

/** A waiter reading GitHub deployments; refuses to start without a GitHub client. */
export function createDeploymentStatusWaiter(
  spec: Extract<ReconcileSpec, { wait: 'deployment-status' }>,
  deps: ReconcileDeps,
): ReconcileWaiter {
  const github = deps.github;
  if (!github) {
    throw new ConfigurationError(
      'exposure.reconcile.wait deployment-status reads GitHub deployments and needs a token: set GITHUB_TOKEN ' +
        '(or GLIDEPATH_TOKEN) with deployments: read, and GITHUB_REPOSITORY, or choose another wait',
    );
  }
  checkInterval(spec.interval);
  const { octokit, owner, repo } = github;
  const repository = `${owner}/${repo}`;
  let warnedNoActor = false;

  return {
    name: 'deployment-status',
    async wait(target) {
      const environment = spec.environment ?? target.environment;
      const scope = `${repository} deployments of ${shortSha(target.sha)}${environment ? ` in ${environment}` : ''}`;
      let calls = 0;

      /**
       * One API call, counted; `{ failed }` when it failed in a way a later look may not (5xx after
       * the client's retries, network). Failures a retry cannot fix are thrown (describeFailure).
       */
      const ask = async <T>(what: string, request: () => Promise<T>): Promise<T | { failed: string }> => {
        calls += 1;
        try {
          return await request();
        } catch (error) {
          return { failed: describeFailure(error, what, repository) };
        }
      };

      /** The latest status of deployment `id`, or why it could not be read. */
      const latest = async (id: number) => {
        const answer = await ask(`deployment ${id}'s statuses`, () =>
          octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id, per_page: 1 }),
        );
        if ('failed' in answer) return answer;
        return { status: answer.data[0] as LatestStatus | undefined };
      };

      const check = async (): Promise<PollResult> => {
        const seen: string[] = [];
        const list = await ask('deployments', () =>
          octokit.rest.repos.listDeployments({
            owner,
            repo,
            sha: target.sha,
            ...(environment ? { environment } : {}),
            per_page: DEPLOYMENTS_PER_LOOK,
          }),
        );
        if ('failed' in list) {
          seen.push(list.failed);
        } else {
          // The schema types ids as int64 (number | bigint); JSON gives numbers.
          const others = list.data.filter((deployment) => Number(deployment.id) !== target.deploymentId);
          if (others.length === 0) seen.push(`no deployment of ${shortSha(target.sha)} yet`);
          for (const deployment of others) {
            const answer = await latest(Number(deployment.id));
            if ('failed' in answer) {
              seen.push(answer.failed);
              continue;
            }
            const verdict = judge(
              answer.status,
              `deployment ${deployment.id} (${deployment.environment})`,
              target.sha,
            );
            if (verdict.kind !== 'waiting') return verdict;
            seen.push(verdict.seen);
          }
        }
        if (target.deploymentId !== undefined) {
          if (github.actor === undefined) {
            if (!warnedNoActor) {
              deps.log(
                `reconcile (deployment-status): statuses on the rollout's deployment ${target.deploymentId} are ignored: ` +
                  "the token's own login is unknown, so Glidepath's statuses could not be told from the reconciler's",
              );
              warnedNoActor = true;
            }
          } else {
            const answer = await latest(target.deploymentId);
            if ('failed' in answer) {
              seen.push(answer.failed);
            } else if (answer.status && answer.status.creator?.login !== github.actor) {
              const verdict = judge(
                answer.status,
                `the rollout's deployment ${target.deploymentId}`,
                target.sha,
              );
              if (verdict.kind !== 'waiting') return verdict;
              seen.push(verdict.seen);
            } else {
              seen.push(`nothing from the reconciler on the rollout's deployment ${target.deploymentId}`);
            }
          }
        }
        return { kind: 'waiting', seen: seen.join('; ') };
      };

      return pollUntil(
        deps,
        `reconcile (${scope})`,
        {
          timeoutMs: spec.timeout.milliseconds,
          intervalMs: spec.interval.milliseconds,
          factor: 2,
          maxIntervalMs: Math.max(spec.interval.milliseconds, DEPLOYMENT_STATUS_MAX_INTERVAL_MS),
        },
        check,
        () => calls,
        (seen) =>
          `reconcile: no successful GitHub deployment status for commit ${shortSha(target.sha)} in ${repository}` +
          `${environment ? ` (environment ${environment})` : ''} within ${spec.timeout.toString()} (last: ${seen}); ` +
          'check that the reconciler reports deployments for the commit (e.g. Argo CD notifications github.deployment)',
      );
    },
  };
}

/** What a latest status means for the wait. */
function judge(status: LatestStatus | undefined, which: string, sha: string): PollResult {
  if (status === undefined) return { kind: 'waiting', seen: `${which}: no status yet` };
  if (status.state === 'success') return { kind: 'applied' };
  if (status.state === 'failure' || status.state === 'error') {
    const description = status.description?.trim() ? `"${status.description.trim()}"` : 'no description';
    const log = status.log_url || status.target_url;
    return {
      kind: 'failed',
      reason:
        `reconcile: ${which} reported ${status.state} for commit ${shortSha(sha)}${status.creator?.login ? ` (by ${status.creator.login})` : ''}: ` +
        `${description}${log ? `; see ${log}` : '; see the reconciler for details'}`,
    };
  }
  return { kind: 'waiting', seen: `${which}: ${status.state}` };
}

/**
 * A failed call as a line for `seen`; throws instead when asking again cannot help: 401 (token),
 * 403 (permission), 404 (repository), and an exhausted rate limit (TransientError: the client
 * already waited as long as a job should).
 */
function describeFailure(error: unknown, what: string, repository: string): string {
  const { status, response, message } = (error ?? {}) as {
    status?: number;
    response?: { headers?: Record<string, string | number | undefined> };
    message?: string;
  };
  const remaining = response?.headers?.['x-ratelimit-remaining'];
  if (status === 401) {
    throw new ConfigurationError(
      `reconcile: GitHub refused the token reading ${what} of ${repository} (HTTP 401); set a valid GITHUB_TOKEN or GLIDEPATH_TOKEN`,
    );
  }
  if ((status === 403 || status === 429) && (String(remaining) === '0' || status === 429)) {
    throw new TransientError(
      `reconcile: GitHub's rate limit is exhausted reading ${what} of ${repository}; wait for the reset or use a GitHub App token`,
    );
  }
  if (status === 403) {
    throw new ConfigurationError(
      `reconcile: the token may not read ${what} of ${repository} (HTTP 403); give it deployments: read`,
    );
  }
  if (status === 404) {
    throw new ConfigurationError(
      `reconcile: GitHub has no ${what} in ${repository} (HTTP 404); check GITHUB_REPOSITORY and the token's access`,
    );
  }
  return `${what}: ${status ? `HTTP ${status}` : (message ?? String(error))}`;
}
