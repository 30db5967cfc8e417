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

/**
 * The deployment for this rollout: an existing one whose payload names the rollout (a rerun of the
 * same event), or a new one. One list request (newest first, the environment's first page) and at
 * most one create.
 */
export async function ensureDeployment(octokit: GlidepathOctokit, target: DeploymentTarget): Promise<number> {
  const { owner, repo, environment, ref, payload } = target;
  const existing = await octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 });
  const mine = existing.data.find((deployment) => payloadOf(deployment.payload)?.rollout === payload.rollout);
  if (mine) return Number(mine.id);
  const created = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref,
    environment,
    auto_merge: false,
    required_contexts: [],
    payload: { ...payload },
    description: statusDescription(target.description ?? `Glidepath rollout ${payload.rollout}`),
    production_environment: /^prod/i.test(environment),
  });
  if (created.status !== 201 || !('id' in created.data)) {
    throw new Error(`GitHub did not create the deployment (HTTP ${created.status})`);
  }
  return Number(created.data.id);
}

/** Sets a status on the deployment; the description is cut to 140 characters. */
export async function setDeploymentStatus(
  octokit: GlidepathOctokit,
  where: { owner: string; repo: string; deploymentId: number },
  state: DeploymentState,
  details: { description: string; logUrl?: string; environmentUrl?: string },
): Promise<void> {
  await octokit.rest.repos.createDeploymentStatus({
    owner: where.owner,
    repo: where.repo,
    deployment_id: where.deploymentId,
    state,
    description: statusDescription(details.description),
    ...(details.logUrl ? { log_url: details.logUrl } : {}),
    ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
  });
}

function payloadOf(payload: unknown): Partial<DeploymentPayload> | undefined {
  if (typeof payload === 'string') {
    try {
      return JSON.parse(payload) as Partial<DeploymentPayload>;
    } catch {
      return undefined;
    }
  }
  return payload && typeof payload === 'object' ? (payload as Partial<DeploymentPayload>) : undefined;
}
