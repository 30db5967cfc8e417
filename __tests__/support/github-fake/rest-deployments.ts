/**
 * Deployments and deployment statuses, kept in memory with GitHub's fields and rules: refs resolve
 * through git, `auto_merge` merges the default branch into a behind topic branch (202), required
 * contexts fail (the fake has no commit statuses), descriptions are capped at 140 characters, and a
 * `success` status marks earlier non-transient, non-production deployments of the environment
 * `inactive` unless `auto_inactive: false`.
 */
import { actorPerson, GITHUB_WEB_FLOW, HttpError, type RequestContext } from './context.js';
import { nodeId, timestamp, userJson, type DeploymentRecord, type DeploymentStatusRecord } from './model.js';
import { paginate, type RestHandler } from './rest-types.js';

function deploymentJson(ctx: RequestContext, d: DeploymentRecord) {
  const url = ctx.repo.apiUrl(`/deployments/${d.id}`);
  return {
    url,
    id: d.id,
    node_id: d.node_id,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: userJson(ctx.repo, ctx.actor),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${url}/statuses`,
    repository_url: ctx.repo.apiUrl(),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
    performed_via_github_app: null,
  };
}

function statusJson(ctx: RequestContext, s: DeploymentStatusRecord) {
  const deploymentUrl = ctx.repo.apiUrl(`/deployments/${s.deployment_id}`);
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: s.node_id,
    state: s.state,
    creator: userJson(ctx.repo, ctx.actor),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    created_at: s.created_at,
    updated_at: s.updated_at,
    deployment_url: deploymentUrl,
    repository_url: ctx.repo.apiUrl(),
    environment_url: s.environment_url,
    log_url: s.log_url,
    performed_via_github_app: null,
  };
}

/** Merges the default branch into a topic branch that is behind it, as `auto_merge` does. */
async function autoMergeDefaultInto(ctx: RequestContext, branch: string): Promise<string | undefined> {
  const defaultBranch = await ctx.defaultBranch();
  if (branch === defaultBranch) return undefined;
  const base = await ctx.store.readRef(`refs/heads/${defaultBranch}`);
  const head = await ctx.store.readRef(`refs/heads/${branch}`);
  if (base === undefined || head === undefined || (await ctx.store.isAncestor(base, head))) return undefined;
  const { tree } = await ctx.store.mergeTrees(head, base);
  if (tree === undefined) {
    throw new HttpError(409, `Conflict merging ${defaultBranch} into ${branch}.`);
  }
  const author = actorPerson(ctx);
  const merge = await ctx.store.commitTree({
    tree,
    parents: [head, base],
    message: `Auto-merged ${defaultBranch} into ${branch} on deployment.`,
    author,
    committer: { ...GITHUB_WEB_FLOW, date: author.date },
  });
  if (!(await ctx.store.updateRef(`refs/heads/${branch}`, merge, head))) {
    throw new HttpError(409, `Conflict merging ${defaultBranch} into ${branch}.`);
  }
  ctx.state.verifiedCommits.add(merge);
  ctx.emit('ref_update', {
    ref: `refs/heads/${branch}`,
    before: head,
    after: merge,
    via: 'rest:deployments',
  });
  return `Auto-merged ${defaultBranch} into ${branch} on deployment.`;
}

const createDeployment: RestHandler = async (ctx, req) => {
  const body = req.body as {
    ref: string;
    task?: string;
    auto_merge?: boolean;
    required_contexts?: string[];
    payload?: Record<string, unknown> | string;
    environment?: string;
    description?: string | null;
    transient_environment?: boolean;
    production_environment?: boolean;
  };
  const sha = await ctx.store.resolveCommit(body.ref);
  if (sha === undefined) throw new HttpError(422, `No ref found for: ${body.ref}`);
  const isBranch = (await ctx.store.readRef(`refs/heads/${body.ref}`)) !== undefined;
  if (body.auto_merge !== false && isBranch) {
    const merged = await autoMergeDefaultInto(ctx, body.ref);
    if (merged !== undefined) return { status: 202, body: { message: merged } };
  }
  // Omitted required_contexts means "all contexts"; the fake has no commit statuses, so that
  // passes. Naming contexts that never reported fails, as on GitHub.
  if (body.required_contexts !== undefined && body.required_contexts.length > 0) {
    throw new HttpError(409, `Conflict: Commit status checks failed for ${body.ref}.`, {
      errors: [
        {
          contexts: body.required_contexts.map((context) => ({ context, state: 'missing' })),
          resource: 'Deployment',
          field: 'required_contexts',
          code: 'invalid',
        },
      ],
    });
  }
  let payload: Record<string, unknown> | string = body.payload ?? {};
  if (typeof payload === 'string' && payload !== '') {
    try {
      const parsed: unknown = JSON.parse(payload);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        payload = parsed as Record<string, unknown>;
      }
    } catch {
      // GitHub keeps a payload that is not JSON as the string it was given.
    }
  }
  const environment = body.environment ?? 'production';
  const now = timestamp(ctx.now());
  const id = ctx.state.id();
  const record: DeploymentRecord = {
    id,
    node_id: nodeId('DE', id),
    sha,
    ref: body.ref,
    task: body.task ?? 'deploy',
    payload,
    original_environment: environment,
    environment,
    description: body.description ?? '',
    transient_environment: body.transient_environment ?? false,
    production_environment: body.production_environment ?? environment === 'production',
    created_at: now,
    updated_at: now,
  };
  ctx.state.deployments.set(id, record);
  ctx.state.statuses.set(id, []);
  ctx.emit('deployment', record);
  return {
    status: 201,
    body: deploymentJson(ctx, record),
    headers: { location: ctx.repo.apiUrl(`/deployments/${id}`) },
  };
};

const listDeployments: RestHandler = async (ctx, req) => {
  const { sha, ref, task, environment } = req.query;
  const all = [...ctx.state.deployments.values()]
    .filter(
      (d) =>
        (sha === undefined || d.sha === sha) &&
        (ref === undefined || d.ref === ref) &&
        (task === undefined || d.task === task) &&
        (environment === undefined || d.environment === environment),
    )
    .sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(all, req, ctx.repo.apiUrl('/deployments'));
  return { status: 200, body: page.map((d) => deploymentJson(ctx, d)), headers };
};

function findDeployment(ctx: RequestContext, id: string | undefined): DeploymentRecord {
  const deployment = ctx.state.deployments.get(Number(id));
  if (deployment === undefined) throw new HttpError(404, 'Not Found');
  return deployment;
}

const createDeploymentStatus: RestHandler = async (ctx, req) => {
  const deployment = findDeployment(ctx, req.params.deployment_id);
  const body = req.body as {
    state: DeploymentStatusRecord['state'];
    target_url?: string;
    log_url?: string;
    description?: string;
    environment?: string;
    environment_url?: string;
    auto_inactive?: boolean;
  };
  if ((body.description ?? '').length > 140) {
    throw new HttpError(422, 'Validation Failed', {
      errors: [
        {
          resource: 'DeploymentStatus',
          code: 'custom',
          field: 'description',
          message: 'description is too long (maximum is 140 characters)',
        },
      ],
    });
  }
  if (body.environment !== undefined) deployment.environment = body.environment;
  const now = timestamp(ctx.now());
  deployment.updated_at = now;
  // "Setting log_url will automatically set target_url to the same value."
  const target = body.log_url ?? body.target_url ?? '';
  const status = addStatus(ctx, deployment, {
    state: body.state,
    description: body.description ?? '',
    target_url: target,
    log_url: target,
    environment_url: body.environment_url ?? '',
  });
  if (body.state === 'success' && body.auto_inactive !== false) {
    for (const other of ctx.state.deployments.values()) {
      if (
        other.id === deployment.id ||
        other.environment !== deployment.environment ||
        other.transient_environment ||
        other.production_environment
      ) {
        continue;
      }
      const latest = ctx.state.statuses.get(other.id)?.at(-1);
      if (latest?.state === 'success') {
        addStatus(ctx, other, {
          state: 'inactive',
          description: '',
          target_url: '',
          log_url: '',
          environment_url: '',
        });
      }
    }
  }
  return {
    status: 201,
    body: statusJson(ctx, status),
    headers: { location: ctx.repo.apiUrl(`/deployments/${deployment.id}/statuses/${status.id}`) },
  };
};

function addStatus(
  ctx: RequestContext,
  deployment: DeploymentRecord,
  fields: Pick<
    DeploymentStatusRecord,
    'state' | 'description' | 'target_url' | 'log_url' | 'environment_url'
  >,
): DeploymentStatusRecord {
  const id = ctx.state.id();
  const now = timestamp(ctx.now());
  const status: DeploymentStatusRecord = {
    id,
    node_id: nodeId('DES', id),
    deployment_id: deployment.id,
    environment: deployment.environment,
    created_at: now,
    updated_at: now,
    ...fields,
  };
  ctx.state.statuses.get(deployment.id)!.push(status);
  ctx.emit('deployment_status', status);
  return status;
}

const listDeploymentStatuses: RestHandler = async (ctx, req) => {
  const deployment = findDeployment(ctx, req.params.deployment_id);
  const all = [...(ctx.state.statuses.get(deployment.id) ?? [])].sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(all, req, ctx.repo.apiUrl(`/deployments/${deployment.id}/statuses`));
  return { status: 200, body: page.map((s) => statusJson(ctx, s)), headers };
};

/** Handlers by operationId. */
export const deploymentHandlers: Record<string, RestHandler> = {
  'repos/create-deployment': createDeployment,
  'repos/list-deployments': listDeployments,
  'repos/create-deployment-status': createDeploymentStatus,
  'repos/list-deployment-statuses': listDeploymentStatuses,
};
