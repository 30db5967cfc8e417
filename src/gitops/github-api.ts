/**
 * The GitHub API backend: no clone, no git binary, commits GitHub signs ("Verified"), which
 * satisfies "require signed commits" rules. Three modes:
 *
 * - `direct` (default): GraphQL `createCommitOnBranch` with `expectedHeadOid`, GitHub's own
 *   compare-and-swap. One read of the head, one read of the files (`object(expression:
 *   "oid:path")`, so the files are those of exactly that head), one mutation. A stale head
 *   (`STALE_DATA`, "Expected branch to point to …") means another writer won: read again, render
 *   again from intent.
 * - `git-data`: the REST Git data API (blobs → tree on `base_tree` → commit with `parents: [head]`
 *   and no author, so GitHub signs it → `PATCH refs/heads/BRANCH` with `force: false`). For GHES
 *   versions or payloads where the mutation is unavailable. The ref update only refuses
 *   non-fast-forwards, which is weaker than `expectedHeadOid` (a branch rewound to an ancestor of
 *   our parent would still accept it); GitHub offers nothing stronger on this path.
 * - `pull-request`: for branches that forbid direct commits: a branch named after the request's
 *   intent is created at the head, the commit is made there, a pull request is opened and,
 *   optionally, auto-merge is enabled. Re-running the same request finds that branch and pull
 *   request instead of opening a second one.
 *
 * HTTP retries (5xx, network) and rate limits are Octokit's plugins' job (src/github/octokit.ts);
 * this module only retries lost compare-and-swaps, and never polls.
 */
import { ConfigurationError, TransientError } from '../errors.js';
import type { GlidepathOctokit } from '../github/octokit.js';
import { realRetryEffects, retryPolicy, type RetryEffects, type RetryPolicy } from './backoff.js';
import {
  commitWithCompareAndSwap,
  renderChanges,
  type CompareAndSwapTarget,
  type FileEdit,
  type WriteOutcome,
} from './compare-and-swap.js';
import { commitMessageOf, intentOf, validateRequest } from './intent.js';
import { headlineOf, parseTrailers } from './trailers.js';
import {
  silentLogger,
  type CommitRequest,
  type CommitResult,
  type DesiredStateWriter,
  type LoggedCommit,
  type Logger,
} from './types.js';

/** How the GitHub backend writes. */
export type GitHubWriteMode =
  /** GraphQL createCommitOnBranch with expectedHeadOid. */
  | 'direct'
  /** REST blobs → tree → commit → ref update with force: false. */
  | 'git-data'
  /** A branch, a commit on it, a pull request, optionally auto-merge. */
  | 'pull-request';

/** Settings of the GitHub backend. */
export interface GitHubApiSettings {
  /** `owner/name` of the GitOps repository. */
  repository: string;
  /** Default `direct`. */
  mode?: GitHubWriteMode;
  /** Compare-and-swap retries (default 5 attempts, full-jitter backoff). */
  retry?: Partial<RetryPolicy>;
  /** Commits searched for a request's Glidepath-Intent after a failed write. Default 30. */
  historyDepth?: number;
  /** Pull-request mode only. */
  pullRequest?: {
    /** Enable auto-merge with this method; unset leaves the pull request for a person. */
    autoMerge?: 'merge' | 'squash' | 'rebase';
    /** Prefix of the branch name; default `glidepath/`. */
    branchPrefix?: string;
  };
}

/** Injected effects. */
export interface GitHubApiDeps {
  effects?: RetryEffects;
  logger?: Logger;
}

/** A GraphQL error as GitHub reports it. */
interface GraphqlError {
  type?: string;
  message: string;
}

interface HeadQuery {
  repository: {
    ref: {
      target: {
        oid: string;
        tree?: { oid: string };
        history?: { nodes: CommitNode[] };
      } | null;
    } | null;
  } | null;
}

interface CommitNode {
  oid: string;
  message: string;
  parents: { nodes: { oid: string }[] };
}

interface BlobNode {
  oid: string;
  text: string | null;
  isBinary: boolean | null;
  isTruncated: boolean;
}

const HEAD_QUERY = `query GlidepathHead($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) { target { oid ... on Commit { tree { oid } } } }
  }
}`;

const HEAD_WITH_HISTORY_QUERY = `query GlidepathHeadWithHistory($owner: String!, $name: String!, $ref: String!, $depth: Int!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target {
        oid
        ... on Commit {
          tree { oid }
          history(first: $depth) { nodes { oid message parents(first: 2) { nodes { oid } } } }
        }
      }
    }
  }
}`;

const COMMIT_MUTATION = `mutation GlidepathCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`;

const AUTO_MERGE_MUTATION = `mutation GlidepathAutoMerge($input: EnablePullRequestAutoMergeInput!) {
  enablePullRequestAutoMerge(input: $input) { clientMutationId }
}`;

/** Writes desired state through GitHub's API; see the module comment. */
export class GitHubApiWriter implements DesiredStateWriter {
  private readonly owner: string;
  private readonly name: string;
  private readonly mode: GitHubWriteMode;
  private readonly retry: RetryPolicy;
  private readonly effects: RetryEffects;
  private readonly logger: Logger;

  constructor(
    private readonly octokit: GlidepathOctokit,
    private readonly settings: GitHubApiSettings,
    deps: GitHubApiDeps = {},
  ) {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(settings.repository);
    if (!match) {
      throw new ConfigurationError(
        `desired.repo ${JSON.stringify(settings.repository)} is not owner/name; the GitHub backend needs e.g. acme/gitops`,
      );
    }
    this.owner = match[1]!;
    this.name = match[2]!.replace(/\.git$/, '');
    this.mode = settings.mode ?? 'direct';
    this.retry = retryPolicy(settings.retry);
    this.effects = deps.effects ?? realRetryEffects;
    this.logger = deps.logger ?? silentLogger;
  }

  /** See DesiredStateWriter.commit. */
  async commit(request: CommitRequest): Promise<CommitResult> {
    if (this.mode === 'pull-request') return this.commitThroughPullRequest(request);
    return commitWithCompareAndSwap(request, this.target(request.branch), {
      retry: this.retry,
      effects: this.effects,
      logger: this.logger,
    });
  }

  /** See DesiredStateWriter.readFile; `ref` is a branch name or a commit sha. */
  async readFile(ref: string, path: string): Promise<string | undefined> {
    return (await this.readFiles(ref, [path])).get(path);
  }

  /** See DesiredStateWriter.log (GitHub's history order, as `git log`). */
  async log(branch: string, n: number): Promise<LoggedCommit[]> {
    const head = await this.readHead(branch, Math.min(Math.max(n, 1), 100));
    return head.history ?? [];
  }

  /** See DesiredStateWriter.changedFiles (REST `GET /repos/{owner}/{repo}/commits/{ref}`). */
  async changedFiles(sha: string): Promise<string[]> {
    const response = await this.call(`read commit ${sha}`, () =>
      this.octokit.rest.repos.getCommit({ owner: this.owner, repo: this.name, ref: sha, per_page: 300 }),
    );
    return (response.data.files ?? []).flatMap((file) =>
      file.previous_filename ? [file.previous_filename, file.filename] : [file.filename],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Compare-and-swap on a branch (direct and git-data modes)
  // -------------------------------------------------------------------------------------------

  private target(branch: string): CompareAndSwapTarget {
    const trees = new Map<string, string>();
    return {
      readHead: async (withHistory) => {
        const head = await this.readHead(branch, withHistory ? this.historyDepth : undefined);
        if (head.tree) trees.set(head.oid, head.tree);
        return head;
      },
      readFiles: (oid, paths) => this.readFiles(oid, paths),
      write: (base, edits, message) =>
        this.mode === 'git-data'
          ? this.writeWithGitData(branch, base, trees.get(base), edits, message)
          : this.writeWithMutation(branch, base, edits, message),
    };
  }

  private get historyDepth(): number {
    return this.settings.historyDepth ?? 30;
  }

  /** The branch head (and its tree), with its newest `depth` commits when asked. */
  private async readHead(
    branch: string,
    depth?: number,
  ): Promise<{ oid: string; tree?: string; history?: LoggedCommit[] }> {
    const variables = { owner: this.owner, name: this.name, ref: `refs/heads/${branch}` };
    const data = await this.call(`read the head of ${branch}`, () =>
      depth === undefined
        ? this.octokit.graphql<HeadQuery>(HEAD_QUERY, variables)
        : this.octokit.graphql<HeadQuery>(HEAD_WITH_HISTORY_QUERY, { ...variables, depth }),
    );
    if (!data.repository) {
      throw new ConfigurationError(
        `repository ${this.owner}/${this.name} was not found or the token cannot read it; check desired.repo and give the token contents: read`,
      );
    }
    const target = data.repository.ref?.target;
    if (!target) {
      throw new ConfigurationError(
        `branch ${branch} does not exist in ${this.owner}/${this.name}; create it, or set desired.branch to an existing branch`,
      );
    }
    const history = target.history?.nodes.map((node): LoggedCommit => ({
      sha: node.oid,
      parents: node.parents.nodes.map((parent) => parent.oid),
      headline: headlineOf(node.message),
      message: node.message,
      trailers: parseTrailers(node.message),
    }));
    return {
      oid: target.oid,
      ...(target.tree ? { tree: target.tree.oid } : {}),
      ...(history ? { history } : {}),
    };
  }

  /** Files at `ref` (a sha or branch) in one query: `object(expression: "ref:path")` per path. */
  private async readFiles(ref: string, paths: readonly string[]): Promise<Map<string, string | undefined>> {
    const variables: Record<string, string> = { owner: this.owner, name: this.name };
    const fields = paths.map((path, index) => {
      variables[`e${index}`] = `${ref}:${path}`;
      return `f${index}: object(expression: $e${index}) { ... on Blob { oid text isBinary isTruncated } }`;
    });
    const declarations = paths.map((_, index) => `, $e${index}: String!`).join('');
    // `at` tells a missing commit from a missing file: null for the one, a Commit for the other.
    variables.at = ref;
    const query = `query GlidepathFiles($owner: String!, $name: String!, $at: String!${declarations}) {
  repository(owner: $owner, name: $name) {
    at: object(expression: $at) { ... on Commit { oid } }
    ${fields.join('\n    ')}
  }
}`;
    const data = await this.call(`read files at ${ref}`, () =>
      this.octokit.graphql<{ repository: Record<string, BlobNode | null | Record<string, never>> | null }>(
        query,
        variables,
      ),
    );
    if (!data.repository) {
      throw new ConfigurationError(
        `repository ${this.owner}/${this.name} was not found or the token cannot read it`,
      );
    }
    if (!data.repository.at) {
      throw new ConfigurationError(
        `${ref} is not a commit or branch of ${this.owner}/${this.name}; check desired.branch or the sha`,
      );
    }
    const files = new Map<string, string | undefined>();
    for (const [index, path] of paths.entries()) {
      const blob = data.repository[`f${index}`];
      if (!blob) {
        files.set(path, undefined);
      } else if (!('oid' in blob)) {
        throw new ConfigurationError(`${path} is a directory at ${ref}; Glidepath edits files only`);
      } else if (blob.isBinary) {
        throw new ConfigurationError(`${path} is a binary file; Glidepath edits text files only`);
      } else if (blob.isTruncated || blob.text === null) {
        files.set(path, await this.readBlob(blob.oid, path));
      } else {
        files.set(path, blob.text);
      }
    }
    return files;
  }

  /** A blob too large for GraphQL's `text`, through REST (base64). */
  private async readBlob(oid: string, path: string): Promise<string> {
    const response = await this.call(`read ${path}`, () =>
      this.octokit.rest.git.getBlob({ owner: this.owner, repo: this.name, file_sha: oid }),
    );
    return Buffer.from(
      response.data.content,
      response.data.encoding === 'base64' ? 'base64' : 'utf8',
    ).toString('utf8');
  }

  /** createCommitOnBranch with expectedHeadOid = `base`. */
  private async writeWithMutation(
    branch: string,
    base: string,
    edits: readonly FileEdit[],
    message: string,
  ): Promise<WriteOutcome> {
    try {
      const oid = await this.createCommitOnBranch(branch, base, edits, message);
      return { kind: 'written', sha: oid };
    } catch (error) {
      return this.writeFailure(error, branch, 'createCommitOnBranch');
    }
  }

  private async createCommitOnBranch(
    branch: string,
    base: string,
    edits: readonly FileEdit[],
    message: string,
  ): Promise<string> {
    const [headline = '', ...rest] = message.split('\n');
    const body = rest.join('\n').trim();
    const additions = edits
      .filter((edit) => edit.content !== undefined)
      .map((edit) => ({ path: edit.path, contents: Buffer.from(edit.content!, 'utf8').toString('base64') }));
    const deletions = edits.filter((edit) => edit.content === undefined).map((edit) => ({ path: edit.path }));
    const data = await this.octokit.graphql<{
      createCommitOnBranch: { commit: { oid: string } | null } | null;
    }>(COMMIT_MUTATION, {
      input: {
        branch: { repositoryNameWithOwner: `${this.owner}/${this.name}`, branchName: branch },
        expectedHeadOid: base,
        message: body ? { headline, body } : { headline },
        fileChanges: {
          ...(additions.length > 0 ? { additions } : {}),
          ...(deletions.length > 0 ? { deletions } : {}),
        },
      },
    });
    const oid = data.createCommitOnBranch?.commit?.oid;
    if (!oid) throw new TransientError('createCommitOnBranch answered without a commit');
    return oid;
  }

  /** Blobs, a tree on the base tree, a commit with parents [base], and a non-forced ref update. */
  private async writeWithGitData(
    branch: string,
    base: string,
    baseTree: string | undefined,
    edits: readonly FileEdit[],
    message: string,
  ): Promise<WriteOutcome> {
    const repo = { owner: this.owner, repo: this.name };
    const tree = await this.call('read the base tree', async () => {
      if (baseTree) return baseTree;
      return (await this.octokit.rest.git.getCommit({ ...repo, commit_sha: base })).data.tree.sha;
    });
    const entries: { path: string; mode: '100644'; type: 'blob'; sha: string | null }[] = [];
    for (const edit of edits) {
      if (edit.content === undefined) {
        entries.push({ path: edit.path, mode: '100644' as const, type: 'blob' as const, sha: null });
        continue;
      }
      const blob = await this.call(`store ${edit.path}`, () =>
        this.octokit.rest.git.createBlob({
          ...repo,
          content: Buffer.from(edit.content!, 'utf8').toString('base64'),
          encoding: 'base64',
        }),
      );
      entries.push({ path: edit.path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha });
    }
    const newTree = await this.call('create the tree', () =>
      this.octokit.rest.git.createTree({ ...repo, base_tree: tree, tree: entries }),
    );
    // No author or committer: GitHub then signs the commit as the token's identity.
    const commit = await this.call('create the commit', () =>
      this.octokit.rest.git.createCommit({ ...repo, message, tree: newTree.data.sha, parents: [base] }),
    );
    try {
      await this.octokit.rest.git.updateRef({
        ...repo,
        ref: `heads/${branch}`,
        sha: commit.data.sha,
        force: false,
      });
      return { kind: 'written', sha: commit.data.sha };
    } catch (error) {
      return this.writeFailure(error, branch, 'the ref update');
    }
  }

  /** Sorts a failed write into lost race, ambiguity, or an error the user must fix. */
  private writeFailure(error: unknown, branch: string, what: string): WriteOutcome {
    const status = statusOf(error);
    const errors = graphqlErrors(error);
    const text = errorText(error);
    if (
      errors.some((item) => item.type === 'STALE_DATA') ||
      /Expected branch to point to|is not a fast forward|not a fast-forward/i.test(text) ||
      (status === 422 && /fast.?forward|reference (update|cannot be updated)/i.test(text))
    ) {
      return { kind: 'conflict', detail: text };
    }
    if (status === undefined && errors.length === 0) return { kind: 'ambiguous', detail: text };
    if (status !== undefined && (status >= 500 || status === 408)) return { kind: 'ambiguous', detail: text };
    if (
      /rule violations|protected branch|branch protection|changes must be made through a pull request/i.test(
        text,
      )
    ) {
      throw new ConfigurationError(
        `${this.owner}/${this.name} does not accept direct commits to ${branch} (${text}); set desired.mode: pull-request, or let the token's identity bypass the rule`,
        undefined,
        { cause: error },
      );
    }
    throw this.userError(error, what);
  }

  // -------------------------------------------------------------------------------------------
  // Pull-request mode
  // -------------------------------------------------------------------------------------------

  private async commitThroughPullRequest(request: CommitRequest): Promise<CommitResult> {
    validateRequest(request);
    const intent = intentOf(request);
    const message = commitMessageOf(request);
    const repo = { owner: this.owner, repo: this.name };
    const prefix = this.settings.pullRequest?.branchPrefix ?? 'glidepath/';
    const label = (
      request.trailers['Glidepath-Rollout'] ??
      request.trailers['Glidepath-Service'] ??
      'desired-state'
    )
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    const hash = intent.replace(/^sha256:/, '').slice(0, 12);
    const prBranch = `${prefix}${label || 'change'}-${hash}`;

    const existing = await this.findPullRequest(prBranch);
    if (existing) {
      this.logger.info(`pull request #${existing.number} already carries ${intent}`);
      return { status: 'already-applied', sha: existing.sha, attempts: 0, pullRequest: existing.pullRequest };
    }

    const head = await this.readHead(request.branch);
    const edits = renderChanges(
      request.changes,
      await this.readFiles(
        head.oid,
        request.changes.map((c) => c.path),
      ),
    );
    if (edits.length === 0) return { status: 'unchanged', sha: head.oid, attempts: 1 };

    try {
      await this.octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${prBranch}`, sha: head.oid });
    } catch (error) {
      if (statusOf(error) !== 422) throw this.userError(error, `create branch ${prBranch}`);
      // Left by an earlier attempt that failed before opening the pull request: the branch is
      // named after this intent, so it is ours to reset to the head we rendered on.
      await this.call(`reset branch ${prBranch}`, () =>
        this.octokit.rest.git.updateRef({ ...repo, ref: `heads/${prBranch}`, sha: head.oid, force: true }),
      );
    }
    let sha: string;
    try {
      sha = await this.createCommitOnBranch(prBranch, head.oid, edits, message);
    } catch (error) {
      // writeFailure throws what the user must fix; a lost race or an ambiguous failure on our own
      // branch is left for a re-run, which finds the branch (and any pull request) by its name.
      const outcome = this.writeFailure(error, prBranch, 'createCommitOnBranch');
      const detail = outcome.kind === 'written' ? '' : outcome.detail;
      throw new TransientError(
        `committing to ${prBranch} failed (${outcome.kind}: ${detail}); run the command again`,
      );
    }

    const [, ...rest] = message.split('\n');
    let pull: { number: number; html_url: string; node_id: string };
    try {
      pull = (
        await this.octokit.rest.pulls.create({
          ...repo,
          title: request.headline,
          head: prBranch,
          base: request.branch,
          body: rest.join('\n').trim(),
        })
      ).data;
    } catch (error) {
      const found = statusOf(error) === 422 ? await this.findPullRequest(prBranch) : undefined;
      if (!found) throw this.userError(error, `open a pull request from ${prBranch}`);
      return { status: 'already-applied', sha: found.sha, attempts: 1, pullRequest: found.pullRequest };
    }

    const method = this.settings.pullRequest?.autoMerge;
    if (method) {
      try {
        await this.octokit.graphql(AUTO_MERGE_MUTATION, {
          input: { pullRequestId: pull.node_id, mergeMethod: method.toUpperCase(), expectedHeadOid: sha },
        });
      } catch (error) {
        // The pull request is open either way; a person can merge it. Say why auto-merge is off.
        this.logger.warn(
          `could not enable auto-merge on pull request #${pull.number}: ${errorText(error)}; allow auto-merge in the repository settings, or merge it by hand`,
        );
      }
    }
    return {
      status: 'committed',
      sha,
      attempts: 1,
      pullRequest: { number: pull.number, url: pull.html_url },
    };
  }

  /** The pull request (open or merged) whose head is `branch`, if any. */
  private async findPullRequest(
    branch: string,
  ): Promise<{ number: number; sha: string; pullRequest: { number: number; url: string } } | undefined> {
    const response = await this.call(`look for a pull request from ${branch}`, () =>
      this.octokit.rest.pulls.list({
        owner: this.owner,
        repo: this.name,
        head: `${this.owner}:${branch}`,
        state: 'all',
        per_page: 10,
      }),
    );
    const pull = response.data.find((candidate) => candidate.state === 'open' || candidate.merged_at);
    if (!pull) return undefined;
    return {
      number: pull.number,
      sha: pull.head.sha,
      pullRequest: { number: pull.number, url: pull.html_url },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Errors
  // -------------------------------------------------------------------------------------------

  /** Runs a read (or an idempotent write) and turns its failure into the error the user should see. */
  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.userError(error, what);
    }
  }

  private userError(error: unknown, what: string): Error {
    if (error instanceof ConfigurationError || error instanceof TransientError) return error;
    const status = statusOf(error);
    const types = graphqlErrors(error).map((item) => item.type);
    const text = errorText(error);
    const where = `${this.owner}/${this.name}`;
    if (status === 401) {
      return new ConfigurationError(
        `GitHub refused the token while trying to ${what} (401: ${text}); pass a valid token`,
        undefined,
        {
          cause: error,
        },
      );
    }
    if ((status === 403 && !/rate limit/i.test(text)) || types.includes('FORBIDDEN')) {
      return new ConfigurationError(
        `the token may not ${what} in ${where} (${text}); grant it contents: write (and pull-requests: write for mode: pull-request)`,
        undefined,
        { cause: error },
      );
    }
    if (status === 404 || types.includes('NOT_FOUND')) {
      return new ConfigurationError(
        `could not ${what}: ${where} or the ref was not found (${text}); check desired.repo and desired.branch`,
        undefined,
        {
          cause: error,
        },
      );
    }
    if (status === 422 || types.includes('UNPROCESSABLE')) {
      return new ConfigurationError(`GitHub rejected the request to ${what} (${text})`, undefined, {
        cause: error,
      });
    }
    return new TransientError(
      `GitHub did not answer the request to ${what} (${text}); run the command again`,
      {
        cause: error,
      },
    );
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  // @octokit/request reports a network failure (no response at all) as status 500 with no response.
  const response = (error as { response?: unknown } | null)?.response;
  if (status === 500 && response === undefined) return undefined;
  return typeof status === 'number' ? status : undefined;
}

function graphqlErrors(error: unknown): GraphqlError[] {
  const shaped = error as { errors?: unknown; data?: { errors?: unknown } } | null;
  // @octokit/graphql puts them on the error; plugin-throttling, giving up on a RATE_LIMITED answer
  // (HTTP 200), leaves them in the response body (`data.errors`).
  const errors = Array.isArray(shaped?.errors) ? shaped.errors : shaped?.data?.errors;
  return Array.isArray(errors) ? (errors as GraphqlError[]) : [];
}

function errorText(error: unknown): string {
  const errors = graphqlErrors(error);
  if (errors.length > 0) return errors.map((item) => item.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}
