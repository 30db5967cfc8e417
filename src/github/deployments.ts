/**
 * GitHub Deployments as the rollout's observed state (DESIGN.md "State"): one deployment per rollout
 * and environment, statuses queued → in_progress → success | failure. Created with
 * `auto_merge: false` (a deployment must never merge branches) and `required_contexts: []` (the
 * evidence was judged by `verify`, not by commit statuses), with the rollout id, digest and evidence
 * digest in the payload so a later run finds the same deployment instead of creating another.
 *
 * Facts (github-platform.md 2.5): a status description is at most 140 characters; `log_url` is the
 * run; a deployment created with GITHUB_TOKEN starts no workflow (deployment_status events from it
 * do not trigger `on: deployment_status`), so the event-driven loop chains with dispatch instead.
 */
import { ConfigurationError, TransientError } from '../errors.js';
import type { GlidepathOctokit } from './octokit.js';

/** What the payload carries, and how a rerun recognises its own deployment. */
export interface DeploymentPayload {
  rollout: string;
  digest: string;
  evidence?: string;
  service?: string;
}

/** Where and what to deploy. */
export interface DeploymentTarget {
  owner: string;
  repo: string;
  /** The ref deployed: the application's commit (default the repository's default branch). */
  ref: string;
  environment: string;
  payload: DeploymentPayload;
  description?: string;
}

/** The states Glidepath sets. */
export type DeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

/** GitHub's limit on a status description. */
export const MAX_STATUS_DESCRIPTION = 140;

/** `text` cut to GitHub's 140 characters, with an ellipsis when cut. */
export function statusDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_STATUS_DESCRIPTION ? flat : `${flat.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`;
}

/** A rollout's deployment and who created it (the token's own login, as GitHub records it). */
export interface DeploymentRecord {
  id: number;
  /** `creator.login`: statuses by this login are Glidepath's own (the deployment-status wait skips them). */
  creator?: string;
}

/**
 * The deployment for this rollout, with its creator: an existing one whose payload names the rollout
 * (a rerun of the same event), or a new one. One list request (newest first, the environment's first
 * page) and at most one create.
 */
export async function findOrCreateDeployment(
  octokit: GlidepathOctokit,
  target: DeploymentTarget,
): Promise<DeploymentRecord> {
  const { owner, repo, environment, ref, payload } = target;
  const existing = await githubCall('list deployments', target, () =>
    octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 }),
  );
  const mine = existing.data.find((deployment) => payloadOf(deployment.payload)?.rollout === payload.rollout);
  if (mine) return { id: Number(mine.id), ...(mine.creator?.login ? { creator: mine.creator.login } : {}) };
  const created = await githubCall('create a deployment', target, () =>
    octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref,
      environment,
      auto_merge: false,
      required_contexts: [],
      payload: { ...payload },
      description: statusDescription(target.description ?? `Glidepath rollout ${payload.rollout}`),
      production_environment: /^prod/i.test(environment),
    }),
  );
  if (created.status !== 201 || !('id' in created.data)) {
    throw new Error(`GitHub did not create the deployment (HTTP ${created.status})`);
  }
  const creator = created.data.creator?.login;
  return { id: Number(created.data.id), ...(creator ? { creator } : {}) };
}

/** Sets a status on the deployment; the description is cut to 140 characters. */
export async function setDeploymentStatus(
  octokit: GlidepathOctokit,
  where: { owner: string; repo: string; deploymentId: number },
  state: DeploymentState,
  details: { description: string; logUrl?: string; environmentUrl?: string },
): Promise<void> {
  await githubCall('set a deployment status', where, () =>
    octokit.rest.repos.createDeploymentStatus({
      owner: where.owner,
      repo: where.repo,
      deployment_id: where.deploymentId,
      state,
      description: statusDescription(details.description),
      ...(details.logUrl ? { log_url: details.logUrl } : {}),
      ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
    }),
  );
}

/**
 * Runs one GitHub API call (Octokit has already retried what it retries) and turns a refusal into
 * an error that says what to do: a token without access is configuration (exit 2, `access` names the
 * permission to grant); a rate limit, a 5xx or the network still failing after the retries is
 * transient (exit 3, run again).
 */
export async function githubCall<T>(
  what: string,
  where: { owner: string; repo: string },
  run: () => Promise<T>,
  access = 'deployments: write',
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const message = error instanceof Error ? error.message : String(error);
    const place = `${where.owner}/${where.repo}`;
    const rateLimited = /rate limit/i.test(message);
    if (status === 401 || status === 404 || (status === 403 && !rateLimited)) {
      throw new ConfigurationError(
        `GitHub refused to ${what} in ${place} (${String(status)}: ${message}); check the repository and give the token ${access} on ${place}`,
      );
    }
    if (status === 422) {
      throw new ConfigurationError(`GitHub rejected the request to ${what} in ${place} (422: ${message})`);
    }
    throw new TransientError(
      `GitHub did not accept the request to ${what} in ${place} (${message}) after its retries; run the command again`,
      { cause: error },
    );
  }
}

/** A deployment's payload as an object (GitHub may keep it as a JSON string); undefined when unreadable. */
export function payloadOf(payload: unknown): Partial<DeploymentPayload> | undefined {
  if (typeof payload === 'string') {
    try {
      return JSON.parse(payload) as Partial<DeploymentPayload>;
    } catch {
      return undefined;
    }
  }
  return payload && typeof payload === 'object' ? (payload as Partial<DeploymentPayload>) : undefined;
}
