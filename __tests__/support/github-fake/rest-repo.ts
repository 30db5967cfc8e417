/**
 * The repository itself (`GET /repos/{owner}/{repo}`) and the Actions endpoints Glidepath calls:
 * workflow dispatch (recorded, with an allocated run id) and workflow run artifacts (served from
 * zip bytes a test registers; the download answers 302 to a local "blob storage" URL, as GitHub
 * redirects to a signed storage URL).
 */
import { randomBytes } from 'node:crypto';
import { HttpError } from './context.js';
import { fullRepositoryJson, timestamp, type ArtifactRecord } from './model.js';
import { paginate, type RestHandler } from './rest-types.js';

/** Path prefix of the unauthenticated artifact download URLs the fake redirects to. */
export const ARTIFACT_BLOB_PREFIX = '/_fake/artifact-blobs/';

const getRepository: RestHandler = async (ctx) => ({
  status: 200,
  body: fullRepositoryJson(ctx.repo, await ctx.defaultBranch(), timestamp(ctx.now())),
});

const createWorkflowDispatch: RestHandler = async (ctx, req) => {
  const workflowId = req.params.workflow_id!;
  const known = ctx.state.workflows;
  if (known !== undefined && !known.has(workflowId)) throw new HttpError(404, 'Not Found');
  const body = req.body as { ref: string; inputs?: Record<string, unknown>; return_run_details?: boolean };
  const isRef =
    (await ctx.store.readRef(`refs/heads/${body.ref}`)) !== undefined ||
    (await ctx.store.readRef(`refs/tags/${body.ref}`)) !== undefined ||
    (body.ref.startsWith('refs/') && (await ctx.store.readRef(body.ref)) !== undefined);
  if (!isRef) throw new HttpError(422, `No ref found for: ${body.ref}`);
  const runId = ctx.state.id();
  const record = {
    workflowId,
    ref: body.ref,
    inputs: body.inputs ?? {},
    runId,
    at: timestamp(ctx.now()),
  };
  ctx.state.dispatches.push(record);
  ctx.emit('workflow_dispatch', record);
  if (body.return_run_details === true) {
    return {
      status: 200,
      body: {
        workflow_run_id: runId,
        run_url: ctx.repo.apiUrl(`/actions/runs/${runId}`),
        html_url: ctx.repo.webUrl(`/actions/runs/${runId}`),
      },
    };
  }
  return { status: 204 };
};

function artifactJson(ctx: Parameters<RestHandler>[0], a: ArtifactRecord) {
  const url = ctx.repo.apiUrl(`/actions/artifacts/${a.id}`);
  return {
    id: a.id,
    node_id: a.node_id,
    name: a.name,
    size_in_bytes: a.zip.length,
    url,
    archive_download_url: `${url}/zip`,
    expired: a.expired,
    created_at: a.created_at,
    expires_at: a.expires_at,
    updated_at: a.created_at,
    digest: a.digest,
    workflow_run: {
      id: a.runId,
      repository_id: ctx.repo.id,
      head_repository_id: ctx.repo.id,
      head_branch: a.headBranch,
      head_sha: a.headSha,
    },
  };
}

const listRunArtifacts: RestHandler = async (ctx, req) => {
  const runId = Number(req.params.run_id);
  const name = req.query.name as string | undefined;
  const direction = (req.query.direction as string | undefined) ?? 'desc';
  const all = [...ctx.state.artifacts.values()]
    .filter((a) => a.runId === runId && (name === undefined || a.name === name))
    .sort((a, b) => (direction === 'asc' ? a.id - b.id : b.id - a.id));
  const { page, headers } = paginate(all, req, ctx.repo.apiUrl(`/actions/runs/${runId}/artifacts`));
  return {
    status: 200,
    body: { total_count: all.length, artifacts: page.map((a) => artifactJson(ctx, a)) },
    headers,
  };
};

const downloadArtifact: RestHandler = async (ctx, req) => {
  const artifact = ctx.state.artifacts.get(Number(req.params.artifact_id));
  if (artifact === undefined || req.params.archive_format !== 'zip') throw new HttpError(404, 'Not Found');
  if (artifact.expired) throw new HttpError(410, 'Artifact has expired');
  const token = randomBytes(12).toString('hex');
  ctx.state.downloadTokens.set(token, artifact.id);
  return {
    status: 302,
    headers: {
      location: `${ctx.repo.api}${ARTIFACT_BLOB_PREFIX}${token}/${encodeURIComponent(artifact.name)}.zip`,
    },
  };
};

/** Handlers by operationId. */
export const repoHandlers: Record<string, RestHandler> = {
  'repos/get': getRepository,
  'actions/create-workflow-dispatch': createWorkflowDispatch,
  'actions/list-workflow-run-artifacts': listRunArtifacts,
  'actions/download-artifact': downloadArtifact,
};
