/**
 * Pull requests for PR mode: open, list, merge (merge commit, squash, or rebase of a branch that
 * is ahead of its base). Merges are computed by git (`merge-tree --write-tree`) and land on the
 * base branch with a compare-and-swap, so a base that moves meanwhile is merged against again.
 */
import { actorPerson, GITHUB_WEB_FLOW, HttpError, type FakeContext } from './context.js';
import { nodeId, ownerJson, repositoryJson, timestamp, userJson, type PullRecord } from './model.js';
import { paginate, type RestHandler } from './rest-types.js';

/** Merge methods GitHub offers. */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

async function pullJson(ctx: FakeContext, pull: PullRecord, full: boolean) {
  const repo = ctx.repo;
  const url = repo.apiUrl(`/pulls/${pull.number}`);
  const html = repo.webUrl(`/pull/${pull.number}`);
  const issue = repo.apiUrl(`/issues/${pull.number}`);
  const headSha = (await ctx.store.readRef(`refs/heads/${pull.head}`)) ?? pull.headSha;
  const baseSha = (await ctx.store.readRef(`refs/heads/${pull.base}`)) ?? pull.baseSha;
  const defaultBranch = await ctx.defaultBranch();
  const now = timestamp(ctx.now());
  const repository = repositoryJson(repo, defaultBranch, now);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: ownerJson(repo),
    repo: repository,
  });
  const simple = {
    url,
    id: pull.id,
    node_id: pull.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: repo.apiUrl('/pulls/comments{/number}'),
    comments_url: `${issue}/comments`,
    statuses_url: repo.apiUrl(`/statuses/${headSha}`),
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(repo, ctx.actor),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, headSha),
    base: side(pull.base, baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: repo.apiUrl('/pulls/comments{/number}') },
      commits: { href: `${url}/commits` },
      statuses: { href: repo.apiUrl(`/statuses/${headSha}`) },
    },
    author_association: 'NONE',
    auto_merge:
      pull.autoMerge === null
        ? null
        : {
            enabled_by: userJson(repo, ctx.actor),
            merge_method: pull.autoMerge.mergeMethod,
            commit_title: pull.autoMerge.commitTitle,
            commit_message: pull.autoMerge.commitMessage,
          },
    draft: pull.draft,
  };
  if (!full) return simple;
  const commits = pull.merged ? 0 : await countCommits(ctx, baseSha, headSha);
  return {
    ...simple,
    merged: pull.merged,
    // GitHub computes mergeability in the background; a fresh PR reports null / "unknown".
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: pull.merged ? userJson(repo, ctx.actor) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

async function countCommits(ctx: FakeContext, base: string, head: string): Promise<number> {
  const out = await ctx.store.git(['rev-list', '--count', `${base}..${head}`]);
  return Number(out.stdout.toString('utf8').trim());
}

function validationFailed(message: string, field?: string): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [
      field === undefined
        ? { resource: 'PullRequest', code: 'custom', message }
        : { resource: 'PullRequest', field, code: 'invalid' },
    ],
  });
}

const createPull: RestHandler = async (ctx, req) => {
  const body = req.body as {
    title?: string;
    head: string;
    base: string;
    body?: string;
    draft?: boolean;
    maintainer_can_modify?: boolean;
  };
  if (body.title === undefined) {
    throw new HttpError(422, 'Validation Failed', {
      errors: [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }],
    });
  }
  const [headOwner, headBranch] = body.head.includes(':')
    ? body.head.split(':', 2)
    : [ctx.repo.owner, body.head];
  if (headOwner!.toLowerCase() !== ctx.repo.owner.toLowerCase()) throw validationFailed('', 'head');
  const headSha = await ctx.store.readRef(`refs/heads/${headBranch}`);
  if (headSha === undefined) throw validationFailed('', 'head');
  const baseSha = await ctx.store.readRef(`refs/heads/${body.base}`);
  if (baseSha === undefined) throw validationFailed('', 'base');
  if (await ctx.store.isAncestor(headSha, baseSha)) {
    throw validationFailed(`No commits between ${body.base} and ${headBranch}`);
  }
  for (const other of ctx.state.pulls.values()) {
    if (other.state === 'open' && other.head === headBranch && other.base === body.base) {
      throw validationFailed(`A pull request already exists for ${ctx.repo.owner}:${headBranch}.`);
    }
  }
  const id = ctx.state.id();
  const now = timestamp(ctx.now());
  const pull: PullRecord = {
    id,
    node_id: nodeId('PR', id),
    number: ctx.state.pullNumber(),
    title: body.title,
    body: body.body ?? null,
    head: headBranch!,
    base: body.base,
    headSha,
    baseSha,
    state: 'open',
    draft: body.draft ?? false,
    merged: false,
    mergeCommitSha: null,
    mergedAt: null,
    closedAt: null,
    maintainerCanModify: body.maintainer_can_modify ?? false,
    autoMerge: null,
    created_at: now,
    updated_at: now,
  };
  ctx.state.pulls.set(pull.number, pull);
  ctx.emit('pull_request', { action: 'opened', pull });
  return {
    status: 201,
    body: await pullJson(ctx, pull, true),
    headers: { location: ctx.repo.apiUrl(`/pulls/${pull.number}`) },
  };
};

const listPulls: RestHandler = async (ctx, req) => {
  const state = (req.query.state as string | undefined) ?? 'open';
  const head = req.query.head as string | undefined;
  const base = req.query.base as string | undefined;
  const direction = (req.query.direction as string | undefined) ?? 'desc';
  const sort = (req.query.sort as string | undefined) ?? 'created';
  const matches = [...ctx.state.pulls.values()].filter((p) => {
    if (state !== 'all' && p.state !== state) return false;
    if (base !== undefined && p.base !== base) return false;
    if (head !== undefined) {
      // `head` filters by `user:ref-name`; GitHub ignores a value without the user part.
      const [owner, branch] = head.split(':', 2);
      if (
        branch !== undefined &&
        (owner!.toLowerCase() !== ctx.repo.owner.toLowerCase() || p.head !== branch)
      ) {
        return false;
      }
    }
    return true;
  });
  const key = (p: PullRecord) =>
    (sort === 'updated' ? p.updated_at : p.created_at) + String(p.number).padStart(9, '0');
  matches.sort((a, b) => (direction === 'asc' ? 1 : -1) * key(a).localeCompare(key(b)));
  const { page, headers } = paginate(matches, req, ctx.repo.apiUrl('/pulls'));
  return { status: 200, body: await Promise.all(page.map((p) => pullJson(ctx, p, false))), headers };
};

/**
 * Merges a pull request into its base branch. Throws HttpError 405 when it cannot be merged and 409
 * when `sha` is given and the head moved. Used by the REST endpoint and by auto-merge.
 */
export async function mergePull(
  ctx: FakeContext,
  pull: PullRecord,
  options: { method?: MergeMethod; title?: string; message?: string; sha?: string },
): Promise<string> {
  if (pull.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
  const method = options.method ?? 'merge';
  const headRef = `refs/heads/${pull.head}`;
  const baseRef = `refs/heads/${pull.base}`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const head = await ctx.store.readRef(headRef);
    const base = await ctx.store.readRef(baseRef);
    if (head === undefined || base === undefined) throw new HttpError(405, 'Pull Request is not mergeable');
    if (options.sha !== undefined && options.sha !== head) {
      throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
    }
    const author = actorPerson(ctx);
    const committer = { ...GITHUB_WEB_FLOW, date: author.date };
    let result: string;
    if (method === 'rebase') {
      // Only the linear case: the base is an ancestor of the head, so each commit's tree is kept.
      if (!(await ctx.store.isAncestor(base, head))) {
        throw new HttpError(
          405,
          "This branch can't be rebased (the GitHub fake only rebases branches that contain their base)",
        );
      }
      const commits = (await ctx.store.git(['rev-list', '--reverse', `${base}..${head}`])).stdout
        .toString('utf8')
        .split('\n')
        .filter(Boolean);
      result = base;
      for (const oid of commits) {
        const original = await ctx.store.readCommit(oid);
        result = await ctx.store.commitTree({
          tree: original.tree,
          parents: [result],
          message: original.message,
          author: original.author,
          committer,
        });
      }
    } else {
      const { tree } = await ctx.store.mergeTrees(base, head);
      if (tree === undefined) throw new HttpError(405, 'Pull Request is not mergeable');
      const title =
        options.title ??
        (method === 'squash'
          ? `${pull.title} (#${pull.number})`
          : `Merge pull request #${pull.number} from ${ctx.repo.owner}/${pull.head}`);
      const message = options.message ?? (method === 'squash' ? '' : pull.title);
      result = await ctx.store.commitTree({
        tree,
        parents: method === 'squash' ? [base] : [base, head],
        message: message === '' ? `${title}\n` : `${title}\n\n${message}\n`,
        author,
        committer,
      });
    }
    if (!(await ctx.store.updateRef(baseRef, result, base))) continue;
    ctx.state.verifiedCommits.add(result);
    ctx.emit('ref_update', { ref: baseRef, before: base, after: result, via: `rest:pulls/merge:${method}` });
    const now = timestamp(ctx.now());
    Object.assign(pull, {
      state: 'closed',
      merged: true,
      mergeCommitSha: result,
      mergedAt: now,
      closedAt: now,
      updated_at: now,
      headSha: head,
      autoMerge: null,
    } satisfies Partial<PullRecord>);
    ctx.emit('pull_request', { action: 'merged', pull });
    return result;
  }
  throw new HttpError(405, 'Base branch was modified. Review and try the merge again.');
}

const mergePullHandler: RestHandler = async (ctx, req) => {
  const pull = ctx.state.pulls.get(Number(req.params.pull_number));
  if (pull === undefined) throw new HttpError(404, 'Not Found');
  const body = req.body as {
    commit_title?: string;
    commit_message?: string;
    sha?: string;
    merge_method?: MergeMethod;
  };
  const sha = await mergePull(ctx, pull, {
    method: body.merge_method,
    title: body.commit_title,
    message: body.commit_message,
    sha: body.sha,
  });
  return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
};

/** The payload of GitHub's `pullRequest` GraphQL object, for the GraphQL resolvers. */
export function findPullByNodeId(ctx: FakeContext, id: string): PullRecord | undefined {
  return [...ctx.state.pulls.values()].find((p) => p.node_id === id);
}

/** Handlers by operationId. */
export const pullHandlers: Record<string, RestHandler> = {
  'pulls/create': createPull,
  'pulls/list': listPulls,
  'pulls/merge': mergePullHandler,
};
