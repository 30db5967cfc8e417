/**
 * The fake's in-memory records (deployments, statuses, pulls, dispatches, artifacts) and the JSON
 * shapes GitHub returns for users, repositories and commits. Shapes carry every field the OpenAPI
 * description marks required, so responses pass validation; values follow github.com's patterns.
 */
import type { GitCommit, GitStore } from './git-store.js';

/** The identity the token belongs to (GitHub: the App's bot, or the user of a PAT). */
export interface FakeActor {
  login: string;
  id: number;
  /** `Bot` for GITHUB_TOKEN / App tokens, `User` for a PAT. */
  type: 'Bot' | 'User';
  /** Name and email written into commits the fake authors for this actor. */
  name: string;
  email: string;
}

/** GITHUB_TOKEN's identity on github.com. */
export const GITHUB_ACTIONS_BOT: FakeActor = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** A stored deployment, in GitHub's REST shape minus the computed fields. */
export interface DeploymentRecord {
  id: number;
  node_id: string;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  original_environment: string;
  environment: string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
}

/** A stored deployment status. */
export interface DeploymentStatusRecord {
  id: number;
  node_id: string;
  deployment_id: number;
  state: 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  created_at: string;
  updated_at: string;
}

/** A recorded workflow_dispatch. */
export interface DispatchRecord {
  /** The workflow id or file name as given in the URL. */
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown>;
  /** The run id the fake allocated (returned when `return_run_details` is true). */
  runId: number;
  at: string;
}

/** A registered workflow run artifact. */
export interface ArtifactRecord {
  id: number;
  node_id: string;
  runId: number;
  name: string;
  /** The zip archive bytes served by the download endpoint. */
  zip: Buffer;
  expired: boolean;
  created_at: string;
  expires_at: string;
  headBranch: string;
  headSha: string;
  digest: string;
}

/** An installation token the fake issued to the App (`POST /app/installations/{id}/access_tokens`). */
export interface InstallationTokenRecord {
  token: string;
  installationId: number;
  /** Epoch milliseconds after which the token answers 401, as an expired token does on GitHub. */
  expiresAt: number;
  permissions: Record<string, string>;
}

/**
 * A review the App posted to a custom deployment protection rule
 * (`POST /repos/{o}/{r}/actions/runs/{run_id}/deployment_protection_rule`): a decision (`state`)
 * or a status report (comment only).
 */
export interface GateReviewRecord {
  runId: number;
  environment: string;
  /** `approved` / `rejected`; absent for a status report. */
  state?: 'approved' | 'rejected';
  comment?: string;
  /** The installation whose token posted it. */
  installationId: number;
  at: string;
}

/** A stored pull request. */
export interface PullRecord {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  head: string;
  base: string;
  /** Head and base commits when the PR was opened or last synchronised. */
  headSha: string;
  baseSha: string;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  closedAt: string | null;
  maintainerCanModify: boolean;
  autoMerge: {
    mergeMethod: 'merge' | 'squash' | 'rebase';
    commitTitle: string;
    commitMessage: string;
    enabledAt: string;
  } | null;
  created_at: string;
  updated_at: string;
}

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A node id in GitHub's newer style (`PREFIX_kwDO…`), unique per prefix and number. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

/** The repository the fake serves and the URLs derived from it. */
export class RepoIdentity {
  readonly owner: string;
  readonly name: string;
  readonly id = 700000001;
  readonly ownerId = 900000001;
  readonly nodeId = nodeId('R', this.id);

  constructor(
    readonly fullName: string,
    /** API base, e.g. `http://127.0.0.1:PORT` (GitHub: `https://api.github.com`). */
    readonly api: string,
    /** Web base (GitHub: `https://github.com`). */
    readonly web: string,
  ) {
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`repo must be owner/name, got ${fullName}`);
    this.owner = owner;
    this.name = name;
  }

  /** `API/repos/owner/name` + suffix. */
  apiUrl(suffix = ''): string {
    return `${this.api}/repos/${this.fullName}${suffix}`;
  }

  /** `WEB/owner/name` + suffix. */
  webUrl(suffix = ''): string {
    return `${this.web}/${this.fullName}${suffix}`;
  }

  /** Whether `owner` and `repo` from a request name this repository (GitHub ignores case). */
  is(owner: string, repo: string): boolean {
    return `${owner}/${repo}`.toLowerCase() === this.fullName.toLowerCase();
  }
}

/** A `simple-user` for a login. */
export function userJson(
  repo: RepoIdentity,
  user: { login: string; id: number; type: string },
): Record<string, unknown> {
  const api = `${repo.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'BOT' : user.type === 'Organization' ? 'O' : 'U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${repo.web}/${user.type === 'Bot' ? 'apps/' + user.login.replace(/\[bot\]$/, '') : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The owner of the served repository (an organisation). */
export function ownerJson(repo: RepoIdentity): Record<string, unknown> {
  return userJson(repo, { login: repo.owner, id: repo.ownerId, type: 'Organization' });
}

/** The `repository` shape (as embedded in pull requests). */
export function repositoryJson(
  repo: RepoIdentity,
  defaultBranch: string,
  now: string,
): Record<string, unknown> {
  const u = (suffix: string) => repo.apiUrl(suffix);
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    owner: ownerJson(repo),
    private: true,
    html_url: repo.webUrl(),
    description: null,
    fork: false,
    url: u(''),
    archive_url: u('/{archive_format}{/ref}'),
    assignees_url: u('/assignees{/user}'),
    blobs_url: u('/git/blobs{/sha}'),
    branches_url: u('/branches{/branch}'),
    collaborators_url: u('/collaborators{/collaborator}'),
    comments_url: u('/comments{/number}'),
    commits_url: u('/commits{/sha}'),
    compare_url: u('/compare/{base}...{head}'),
    contents_url: u('/contents/{+path}'),
    contributors_url: u('/contributors'),
    deployments_url: u('/deployments'),
    downloads_url: u('/downloads'),
    events_url: u('/events'),
    forks_url: u('/forks'),
    git_commits_url: u('/git/commits{/sha}'),
    git_refs_url: u('/git/refs{/sha}'),
    git_tags_url: u('/git/tags{/sha}'),
    git_url: `git://${new URL(repo.web).host}/${repo.fullName}.git`,
    issue_comment_url: u('/issues/comments{/number}'),
    issue_events_url: u('/issues/events{/number}'),
    issues_url: u('/issues{/number}'),
    keys_url: u('/keys{/key_id}'),
    labels_url: u('/labels{/name}'),
    languages_url: u('/languages'),
    merges_url: u('/merges'),
    milestones_url: u('/milestones{/number}'),
    notifications_url: u('/notifications{?since,all,participating}'),
    pulls_url: u('/pulls{/number}'),
    releases_url: u('/releases{/id}'),
    ssh_url: `git@${new URL(repo.web).host}:${repo.fullName}.git`,
    stargazers_url: u('/stargazers'),
    statuses_url: u('/statuses/{sha}'),
    subscribers_url: u('/subscribers'),
    subscription_url: u('/subscription'),
    tags_url: u('/tags'),
    teams_url: u('/teams'),
    trees_url: u('/git/trees{/sha}'),
    clone_url: repo.webUrl('.git'),
    mirror_url: null,
    hooks_url: u('/hooks'),
    svn_url: repo.webUrl(),
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'private',
    pushed_at: now,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: now,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: true,
    delete_branch_on_merge: false,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null,
  };
}

/** The `full-repository` shape of `GET /repos/{owner}/{repo}`. */
export function fullRepositoryJson(
  repo: RepoIdentity,
  defaultBranch: string,
  now: string,
): Record<string, unknown> {
  return { ...repositoryJson(repo, defaultBranch, now), network_count: 0, subscribers_count: 0 };
}

/**
 * The `verification` object. The fake does not sign, but marks commits it authored for the token
 * as verified the way GitHub does for bot commits without custom author, committer or signature.
 */
export function verificationJson(verified: boolean, at: string | null): Record<string, unknown> {
  return verified
    ? { verified: true, reason: 'valid', signature: null, payload: null, verified_at: at }
    : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
}

/** The `git-commit` shape of the Git data API. */
export function gitCommitJson(
  repo: RepoIdentity,
  commit: GitCommit,
  verified: boolean,
): Record<string, unknown> {
  return {
    sha: commit.oid,
    node_id: nodeId('C', parseInt(commit.oid.slice(0, 8), 16)),
    url: repo.apiUrl(`/git/commits/${commit.oid}`),
    html_url: repo.webUrl(`/commit/${commit.oid}`),
    author: { ...commit.author },
    committer: { ...commit.committer },
    tree: { sha: commit.tree, url: repo.apiUrl(`/git/trees/${commit.tree}`) },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: repo.apiUrl(`/git/commits/${sha}`),
      html_url: repo.webUrl(`/commit/${sha}`),
    })),
    verification: verificationJson(verified, verified ? commit.committer.date : null),
  };
}

/** Ids, node ids and records of everything the fake keeps outside git. */
export class FakeState {
  private nextId = 1000;
  readonly deployments = new Map<number, DeploymentRecord>();
  readonly statuses = new Map<number, DeploymentStatusRecord[]>();
  readonly pulls = new Map<number, PullRecord>();
  readonly dispatches: DispatchRecord[] = [];
  readonly artifacts = new Map<number, ArtifactRecord>();
  /** Commit ids the fake authored for the token (reported as verified). */
  readonly verifiedCommits = new Set<string>();
  /** Download tokens of artifact blob URLs handed out in 302s: token → artifact id. */
  readonly downloadTokens = new Map<string, number>();
  /** Installation tokens issued to the App, by token. */
  readonly installationTokens = new Map<string, InstallationTokenRecord>();
  /** Reviews of deployment protection rules, oldest first. */
  readonly gateReviews: GateReviewRecord[] = [];
  /** Workflow ids or file names dispatch accepts; undefined accepts any. */
  workflows: ReadonlySet<string> | undefined;
  private nextPullNumber = 1;

  /** A fresh positive id (shared counter, like GitHub's large sparse ids). */
  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  /** The next pull request number. */
  pullNumber(): number {
    return this.nextPullNumber++;
  }
}

/** Reads a file at a ref as text, or undefined. Convenience for tests. */
export async function readFileAt(store: GitStore, ref: string, path: string): Promise<string | undefined> {
  const commit = await store.resolveCommit(ref);
  if (commit === undefined) return undefined;
  const entry = await store.entryAt(commit, path);
  return entry?.type === 'blob' ? (await store.readBlob(entry.oid)).toString('utf8') : undefined;
}
