export const id = 452;
export const ids = [452,484];
export const modules = {

/***/ 30452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ GITOPS_OPTIONS),
  RR: () => (/* binding */ gitopsPolicy),
  QQ: () => (/* binding */ gitopsToken),
  Kn: () => (/* binding */ openWriter)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/load-policy.ts + 3 modules
var load_policy = __webpack_require__(28031);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/gitops/backoff.ts
var backoff = __webpack_require__(51484);
// EXTERNAL MODULE: ./src/gitops/compare-and-swap.ts
var compare_and_swap = __webpack_require__(30471);
// EXTERNAL MODULE: ./src/gitops/intent.ts
var gitops_intent = __webpack_require__(81780);
// EXTERNAL MODULE: ./src/gitops/trailers.ts
var trailers = __webpack_require__(88022);
// EXTERNAL MODULE: ./src/gitops/types.ts
var types = __webpack_require__(65621);
;// CONCATENATED MODULE: ./src/gitops/github-api.ts
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
class GitHubApiWriter {
    octokit;
    settings;
    owner;
    name;
    mode;
    retry;
    effects;
    logger;
    constructor(octokit, settings, deps = {}) {
        this.octokit = octokit;
        this.settings = settings;
        const match = /^([\w.-]+)\/([\w.-]+)$/.exec(settings.repository);
        if (!match) {
            throw new src_errors/* ConfigurationError */.j1(`desired.repo ${JSON.stringify(settings.repository)} is not owner/name; the GitHub backend needs e.g. acme/gitops`);
        }
        this.owner = match[1];
        this.name = match[2].replace(/\.git$/, '');
        this.mode = settings.mode ?? 'direct';
        this.retry = (0,backoff/* retryPolicy */.Jb)(settings.retry);
        this.effects = deps.effects ?? backoff/* realRetryEffects */.$v;
        this.logger = deps.logger ?? types/* silentLogger */.q;
    }
    /** See DesiredStateWriter.commit. */
    async commit(request) {
        if (this.mode === 'pull-request')
            return this.commitThroughPullRequest(request);
        return (0,compare_and_swap/* commitWithCompareAndSwap */.r)(request, this.target(request.branch), {
            retry: this.retry,
            effects: this.effects,
            logger: this.logger,
        });
    }
    /** See DesiredStateWriter.readFile; `ref` is a branch name or a commit sha. */
    async readFile(ref, path) {
        return (await this.readFiles(ref, [path])).get(path);
    }
    /** See DesiredStateWriter.log (GitHub's history order, as `git log`). */
    async log(branch, n) {
        const head = await this.readHead(branch, Math.min(Math.max(n, 1), 100));
        return head.history ?? [];
    }
    /** See DesiredStateWriter.changedFiles (REST `GET /repos/{owner}/{repo}/commits/{ref}`). */
    async changedFiles(sha) {
        const response = await this.call(`read commit ${sha}`, () => this.octokit.rest.repos.getCommit({ owner: this.owner, repo: this.name, ref: sha, per_page: 300 }));
        return (response.data.files ?? []).flatMap((file) => file.previous_filename ? [file.previous_filename, file.filename] : [file.filename]);
    }
    // -------------------------------------------------------------------------------------------
    // Compare-and-swap on a branch (direct and git-data modes)
    // -------------------------------------------------------------------------------------------
    target(branch) {
        const trees = new Map();
        return {
            readHead: async (withHistory) => {
                const head = await this.readHead(branch, withHistory ? this.historyDepth : undefined);
                if (head.tree)
                    trees.set(head.oid, head.tree);
                return head;
            },
            readFiles: (oid, paths) => this.readFiles(oid, paths),
            write: (base, edits, message) => this.mode === 'git-data'
                ? this.writeWithGitData(branch, base, trees.get(base), edits, message)
                : this.writeWithMutation(branch, base, edits, message),
        };
    }
    get historyDepth() {
        return this.settings.historyDepth ?? 30;
    }
    /** The branch head (and its tree), with its newest `depth` commits when asked. */
    async readHead(branch, depth) {
        const variables = { owner: this.owner, name: this.name, ref: `refs/heads/${branch}` };
        const data = await this.call(`read the head of ${branch}`, () => depth === undefined
            ? this.octokit.graphql(HEAD_QUERY, variables)
            : this.octokit.graphql(HEAD_WITH_HISTORY_QUERY, { ...variables, depth }));
        if (!data.repository) {
            throw new src_errors/* ConfigurationError */.j1(`repository ${this.owner}/${this.name} was not found or the token cannot read it; check desired.repo and give the token contents: read`);
        }
        const target = data.repository.ref?.target;
        if (!target) {
            throw new src_errors/* ConfigurationError */.j1(`branch ${branch} does not exist in ${this.owner}/${this.name}; create it, or set desired.branch to an existing branch`);
        }
        const history = target.history?.nodes.map((node) => ({
            sha: node.oid,
            parents: node.parents.nodes.map((parent) => parent.oid),
            headline: (0,trailers/* headlineOf */.gD)(node.message),
            message: node.message,
            trailers: (0,trailers/* parseTrailers */.aw)(node.message),
        }));
        return {
            oid: target.oid,
            ...(target.tree ? { tree: target.tree.oid } : {}),
            ...(history ? { history } : {}),
        };
    }
    /** Files at `ref` (a sha or branch) in one query: `object(expression: "ref:path")` per path. */
    async readFiles(ref, paths) {
        const variables = { owner: this.owner, name: this.name };
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
        const data = await this.call(`read files at ${ref}`, () => this.octokit.graphql(query, variables));
        if (!data.repository) {
            throw new src_errors/* ConfigurationError */.j1(`repository ${this.owner}/${this.name} was not found or the token cannot read it`);
        }
        if (!data.repository.at) {
            throw new src_errors/* ConfigurationError */.j1(`${ref} is not a commit or branch of ${this.owner}/${this.name}; check desired.branch or the sha`);
        }
        const files = new Map();
        for (const [index, path] of paths.entries()) {
            const blob = data.repository[`f${index}`];
            if (!blob) {
                files.set(path, undefined);
            }
            else if (!('oid' in blob)) {
                throw new src_errors/* ConfigurationError */.j1(`${path} is a directory at ${ref}; Glidepath edits files only`);
            }
            else if (blob.isBinary) {
                throw new src_errors/* ConfigurationError */.j1(`${path} is a binary file; Glidepath edits text files only`);
            }
            else if (blob.isTruncated || blob.text === null) {
                files.set(path, await this.readBlob(blob.oid, path));
            }
            else {
                files.set(path, blob.text);
            }
        }
        return files;
    }
    /** A blob too large for GraphQL's `text`, through REST (base64). */
    async readBlob(oid, path) {
        const response = await this.call(`read ${path}`, () => this.octokit.rest.git.getBlob({ owner: this.owner, repo: this.name, file_sha: oid }));
        return Buffer.from(response.data.content, response.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
    }
    /** createCommitOnBranch with expectedHeadOid = `base`. */
    async writeWithMutation(branch, base, edits, message) {
        try {
            const oid = await this.createCommitOnBranch(branch, base, edits, message);
            return { kind: 'written', sha: oid };
        }
        catch (error) {
            return this.writeFailure(error, branch, 'createCommitOnBranch');
        }
    }
    async createCommitOnBranch(branch, base, edits, message) {
        const [headline = '', ...rest] = message.split('\n');
        const body = rest.join('\n').trim();
        const additions = edits
            .filter((edit) => edit.content !== undefined)
            .map((edit) => ({ path: edit.path, contents: Buffer.from(edit.content, 'utf8').toString('base64') }));
        const deletions = edits.filter((edit) => edit.content === undefined).map((edit) => ({ path: edit.path }));
        const data = await this.octokit.graphql(COMMIT_MUTATION, {
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
        if (!oid)
            throw new src_errors/* TransientError */.N_('createCommitOnBranch answered without a commit');
        return oid;
    }
    /** Blobs, a tree on the base tree, a commit with parents [base], and a non-forced ref update. */
    async writeWithGitData(branch, base, baseTree, edits, message) {
        const repo = { owner: this.owner, repo: this.name };
        const tree = await this.call('read the base tree', async () => {
            if (baseTree)
                return baseTree;
            return (await this.octokit.rest.git.getCommit({ ...repo, commit_sha: base })).data.tree.sha;
        });
        const entries = [];
        for (const edit of edits) {
            if (edit.content === undefined) {
                entries.push({ path: edit.path, mode: '100644', type: 'blob', sha: null });
                continue;
            }
            const blob = await this.call(`store ${edit.path}`, () => this.octokit.rest.git.createBlob({
                ...repo,
                content: Buffer.from(edit.content, 'utf8').toString('base64'),
                encoding: 'base64',
            }));
            entries.push({ path: edit.path, mode: '100644', type: 'blob', sha: blob.data.sha });
        }
        const newTree = await this.call('create the tree', () => this.octokit.rest.git.createTree({ ...repo, base_tree: tree, tree: entries }));
        // No author or committer: GitHub then signs the commit as the token's identity.
        const commit = await this.call('create the commit', () => this.octokit.rest.git.createCommit({ ...repo, message, tree: newTree.data.sha, parents: [base] }));
        try {
            await this.octokit.rest.git.updateRef({
                ...repo,
                ref: `heads/${branch}`,
                sha: commit.data.sha,
                force: false,
            });
            return { kind: 'written', sha: commit.data.sha };
        }
        catch (error) {
            return this.writeFailure(error, branch, 'the ref update');
        }
    }
    /** Sorts a failed write into lost race, ambiguity, or an error the user must fix. */
    writeFailure(error, branch, what) {
        const status = statusOf(error);
        const errors = graphqlErrors(error);
        const text = errorText(error);
        if (errors.some((item) => item.type === 'STALE_DATA') ||
            /Expected branch to point to|is not a fast forward|not a fast-forward/i.test(text) ||
            (status === 422 && /fast.?forward|reference (update|cannot be updated)/i.test(text))) {
            return { kind: 'conflict', detail: text };
        }
        if (status === undefined && errors.length === 0)
            return { kind: 'ambiguous', detail: text };
        if (status !== undefined && (status >= 500 || status === 408))
            return { kind: 'ambiguous', detail: text };
        if (/rule violations|protected branch|branch protection|changes must be made through a pull request/i.test(text)) {
            throw new src_errors/* ConfigurationError */.j1(`${this.owner}/${this.name} does not accept direct commits to ${branch} (${text}); set desired.mode: pull-request, or let the token's identity bypass the rule`, undefined, { cause: error });
        }
        throw this.userError(error, what);
    }
    // -------------------------------------------------------------------------------------------
    // Pull-request mode
    // -------------------------------------------------------------------------------------------
    async commitThroughPullRequest(request) {
        (0,gitops_intent/* validateRequest */.S)(request);
        const intent = (0,gitops_intent/* intentOf */.oQ)(request);
        const message = (0,gitops_intent/* commitMessageOf */.os)(request);
        const repo = { owner: this.owner, repo: this.name };
        const prefix = this.settings.pullRequest?.branchPrefix ?? 'glidepath/';
        const label = (request.trailers['Glidepath-Rollout'] ??
            request.trailers['Glidepath-Service'] ??
            'desired-state')
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
        const edits = (0,compare_and_swap/* renderChanges */.O)(request.changes, await this.readFiles(head.oid, request.changes.map((c) => c.path)));
        if (edits.length === 0)
            return { status: 'unchanged', sha: head.oid, attempts: 1 };
        try {
            await this.octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${prBranch}`, sha: head.oid });
        }
        catch (error) {
            if (statusOf(error) !== 422)
                throw this.userError(error, `create branch ${prBranch}`);
            // Left by an earlier attempt that failed before opening the pull request: the branch is
            // named after this intent, so it is ours to reset to the head we rendered on.
            await this.call(`reset branch ${prBranch}`, () => this.octokit.rest.git.updateRef({ ...repo, ref: `heads/${prBranch}`, sha: head.oid, force: true }));
        }
        let sha;
        try {
            sha = await this.createCommitOnBranch(prBranch, head.oid, edits, message);
        }
        catch (error) {
            // writeFailure throws what the user must fix; a lost race or an ambiguous failure on our own
            // branch is left for a re-run, which finds the branch (and any pull request) by its name.
            const outcome = this.writeFailure(error, prBranch, 'createCommitOnBranch');
            const detail = outcome.kind === 'written' ? '' : outcome.detail;
            throw new src_errors/* TransientError */.N_(`committing to ${prBranch} failed (${outcome.kind}: ${detail}); run the command again`);
        }
        const [, ...rest] = message.split('\n');
        let pull;
        try {
            pull = (await this.octokit.rest.pulls.create({
                ...repo,
                title: request.headline,
                head: prBranch,
                base: request.branch,
                body: rest.join('\n').trim(),
            })).data;
        }
        catch (error) {
            const found = statusOf(error) === 422 ? await this.findPullRequest(prBranch) : undefined;
            if (!found)
                throw this.userError(error, `open a pull request from ${prBranch}`);
            return { status: 'already-applied', sha: found.sha, attempts: 1, pullRequest: found.pullRequest };
        }
        const method = this.settings.pullRequest?.autoMerge;
        if (method) {
            try {
                await this.octokit.graphql(AUTO_MERGE_MUTATION, {
                    input: { pullRequestId: pull.node_id, mergeMethod: method.toUpperCase(), expectedHeadOid: sha },
                });
            }
            catch (error) {
                // The pull request is open either way; a person can merge it. Say why auto-merge is off.
                this.logger.warn(`could not enable auto-merge on pull request #${pull.number}: ${errorText(error)}; allow auto-merge in the repository settings, or merge it by hand`);
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
    async findPullRequest(branch) {
        const response = await this.call(`look for a pull request from ${branch}`, () => this.octokit.rest.pulls.list({
            owner: this.owner,
            repo: this.name,
            head: `${this.owner}:${branch}`,
            state: 'all',
            per_page: 10,
        }));
        const pull = response.data.find((candidate) => candidate.state === 'open' || candidate.merged_at);
        if (!pull)
            return undefined;
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
    async call(what, run) {
        try {
            return await run();
        }
        catch (error) {
            throw this.userError(error, what);
        }
    }
    userError(error, what) {
        if (error instanceof src_errors/* ConfigurationError */.j1 || error instanceof src_errors/* TransientError */.N_)
            return error;
        const status = statusOf(error);
        const types = graphqlErrors(error).map((item) => item.type);
        const text = errorText(error);
        const where = `${this.owner}/${this.name}`;
        if (status === 401) {
            return new src_errors/* ConfigurationError */.j1(`GitHub refused the token while trying to ${what} (401: ${text}); pass a valid token`, undefined, {
                cause: error,
            });
        }
        if ((status === 403 && !/rate limit/i.test(text)) || types.includes('FORBIDDEN')) {
            return new src_errors/* ConfigurationError */.j1(`the token may not ${what} in ${where} (${text}); grant it contents: write (and pull-requests: write for mode: pull-request)`, undefined, { cause: error });
        }
        if (status === 404 || types.includes('NOT_FOUND')) {
            return new src_errors/* ConfigurationError */.j1(`could not ${what}: ${where} or the ref was not found (${text}); check desired.repo and desired.branch`, undefined, {
                cause: error,
            });
        }
        if (status === 422 || types.includes('UNPROCESSABLE')) {
            return new src_errors/* ConfigurationError */.j1(`GitHub rejected the request to ${what} (${text})`, undefined, {
                cause: error,
            });
        }
        return new src_errors/* TransientError */.N_(`GitHub did not answer the request to ${what} (${text}); run the command again`, {
            cause: error,
        });
    }
}
function statusOf(error) {
    const status = error?.status;
    // @octokit/request reports a network failure (no response at all) as status 500 with no response.
    const response = error?.response;
    if (status === 500 && response === undefined)
        return undefined;
    return typeof status === 'number' ? status : undefined;
}
function graphqlErrors(error) {
    const shaped = error;
    // @octokit/graphql puts them on the error; plugin-throttling, giving up on a RATE_LIMITED answer
    // (HTTP 200), leaves them in the response body (`data.errors`).
    const errors = Array.isArray(shaped?.errors) ? shaped.errors : shaped?.data?.errors;
    return Array.isArray(errors) ? errors : [];
}
function errorText(error) {
    const errors = graphqlErrors(error);
    if (errors.length > 0)
        return errors.map((item) => item.message).join('; ');
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/gitops/local-git.ts
var local_git = __webpack_require__(950);
;// CONCATENATED MODULE: ./src/gitops/index.ts




/** Opens the writer `desired.backend` names; close it when done. */
async function openDesiredStateWriter(desired, options = {}) {
    const common = {
        ...(options.effects ? { effects: options.effects } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    };
    switch (desired.backend) {
        case 'github': {
            if (!options.octokit && !options.token) {
                throw new src_errors/* ConfigurationError */.j1(`writing to ${desired.repo} through GitHub's API needs a token with contents: write; pass the action input \`token\` (GITHUB_TOKEN or an App token)`);
            }
            const octokit = options.octokit ??
                (0,github_octokit/* createOctokit */.Q)({
                    ...options.octokitSettings,
                    token: options.token ?? '',
                    ...(options.mask ? { mask: options.mask } : {}),
                });
            const writer = new GitHubApiWriter(octokit, {
                repository: desired.repo,
                mode: desired.mode,
                ...(options.retry ? { retry: options.retry } : {}),
                ...(desired.autoMerge ? { pullRequest: { autoMerge: desired.autoMerge } } : {}),
            }, common);
            return Object.assign(writer, { close: async () => { } });
        }
        case 'git':
            return local_git/* LocalGitWriter */.r6.open({
                source: options.checkout ? { checkout: options.checkout } : { url: desired.repo },
                ...(options.token ? { token: options.token } : {}),
                ...(options.author ? { author: options.author } : {}),
                ...(options.retry ? { retry: options.retry } : {}),
            }, { ...common, ...(options.mask ? { mask: options.mask } : {}) });
        default: {
            const never = desired.backend;
            throw new Error(`unknown desired.backend ${String(never)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/gitops-options.ts
/**
 * What `desire` and `revert` share: the policy with a `desired` section, where the GitOps
 * repository is, and the writer for it.
 */





/** The flags both commands take, documented once. */
const GITOPS_OPTIONS = [
    {
        name: 'policy',
        type: 'string',
        placeholder: 'FILE',
        description: `policy file with a desired section (default: ${load_policy/* DEFAULT_POLICY_FILE */.mY} in the working directory)`,
    },
    {
        name: 'repo',
        type: 'string',
        placeholder: 'PATH|URL',
        description: 'GitOps repository instead of desired.repo: a local checkout, a git URL (any host), or owner/name on GitHub',
    },
    {
        name: 'backend',
        type: 'string',
        placeholder: 'git|github',
        description: 'how to commit (default: desired.backend; a path or URL means git)',
    },
    { name: 'json', type: 'boolean', description: 'print the result as JSON' },
];
/** The policy and its `desired` section with the command line's overrides applied. */
async function gitopsPolicy(values, io) {
    const explicit = values.policy;
    const file = explicit ?? ((0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(io.cwd, load_policy/* DEFAULT_POLICY_FILE */.mY)) ? load_policy/* DEFAULT_POLICY_FILE */.mY : undefined);
    if (!file) {
        throw new src_errors/* UsageError */.eb(`--policy FILE is required (no ${load_policy/* DEFAULT_POLICY_FILE */.mY} in ${io.cwd}); it must have a desired section`);
    }
    const policy = await (0,load_policy/* loadPolicy */.tb)((0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(io.cwd, file));
    if (!policy.desired) {
        throw new src_errors/* ConfigurationError */.j1('has no desired section: add desired.repo and desired.targets (see the README)', file);
    }
    let desired = policy.desired;
    let checkout;
    const repo = values.repo;
    if (repo !== undefined) {
        const local = (0,external_node_path_.resolve)(io.cwd, repo);
        if ((0,external_node_fs_.existsSync)(local)) {
            checkout = local;
            desired = { ...desired, repo: local, backend: 'git' };
        }
        else if (/^[\w.-]+\/[\w.-]+$/.test(repo)) {
            desired = { ...desired, repo, backend: 'github' };
        }
        else {
            desired = { ...desired, repo, backend: 'git' };
        }
    }
    const backend = values.backend;
    if (backend !== undefined) {
        if (backend !== 'git' && backend !== 'github')
            throw new src_errors/* UsageError */.eb(`--backend must be git or github, got "${backend}"`);
        desired = { ...desired, backend };
    }
    return { policy, desired, ...(checkout ? { checkout } : {}) };
}
/**
 * The token for the GitOps repository: GLIDEPATH_GITOPS_TOKEN when the GitOps repository lives
 * where the workflow's own tokens cannot write (another organisation), else GLIDEPATH_TOKEN, else
 * GITHUB_TOKEN. Deployments and dispatches of the workflow's repository never use the first.
 */
function gitopsToken(env) {
    return env.GLIDEPATH_GITOPS_TOKEN || env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN || undefined;
}
/**
 * The writer for `desired`. Tokens come from the environment only (never a flag, so they stay out
 * of shell history): see {@link gitopsToken}; GITHUB_API_URL points at GitHub Enterprise Server
 * (or a test fake).
 */
function openWriter(desired, io, checkout) {
    const env = io.env ?? {};
    const token = gitopsToken(env);
    return openDesiredStateWriter(desired, {
        // Many services desiring on one branch at once is the normal case for a platform team: give
        // compare-and-swap room to converge (each retry re-renders on the new head, so it is safe).
        retry: { maxAttempts: 10 },
        ...(token ? { token } : {}),
        ...(checkout ? { checkout } : {}),
        ...(env.GITHUB_API_URL ? { octokitSettings: { baseUrl: env.GITHUB_API_URL } } : {}),
    });
}


/***/ }),

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ createOctokit)
/* harmony export */ });
/* unused harmony export RequestCounter */
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3070);
/* harmony import */ var _octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49210);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86856);
/**
 * The one way Glidepath talks to GitHub's API: `@octokit/core` with the REST endpoint methods, the
 * retry plugin (5xx and network failures, with growing waits) and the throttling plugin (primary
 * and secondary rate limits, at most one write a second as GitHub asks of integrators). No other
 * module retries HTTP: they call this client and handle what it finally answers.
 *
 * Rate limits bind at organisation scale (DESIGN.md "Scale": GITHUB_TOKEN has 1,000 requests an
 * hour per repository, shared by every job), so every request is counted by route, GraphQL
 * operation and status, and a primary limit whose reset is further away than a job should wait is
 * not waited for: the request fails and the caller reports it as transient.
 */




/** Requests sent, by `METHOD /route` (GraphQL by operation), for budgets and job summaries. */
class RequestCounter {
    counts = new Map();
    statuses = new Map();
    /** Records one HTTP attempt (retries count again). */
    record(key, status) {
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
        if (status !== undefined)
            this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    }
    /** Attempts in total. */
    get total() {
        let sum = 0;
        for (const count of this.counts.values())
            sum += count;
        return sum;
    }
    /** Attempts whose key starts with `prefix` (`POST /graphql`, `PATCH /repos/{owner}/{repo}/git/refs/{ref}`). */
    count(prefix) {
        let sum = 0;
        for (const [key, count] of this.counts)
            if (key.startsWith(prefix))
                sum += count;
        return sum;
    }
    /** Every key with its count, sorted by key. */
    byRoute() {
        return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    }
    /** Attempts per HTTP status (network failures have none). */
    byStatus() {
        return Object.fromEntries(this.statuses);
    }
}
/**
 * Registered before the retry and throttling plugins, so its wrap sits inside theirs (only the
 * token's own hook is deeper): it sees every attempt they make, counts it, and gives it its own
 * timeout. Hazard: before-after-hook binds the ORIGINAL options into every inner hook, so options
 * handed to `request(...)` are ignored by the auth hook; the signal must be set on the options
 * object itself (per request, a fresh merge) for fetch to see it.
 */
function attemptPlugin(octokit, options) {
    const counter = options.glidepathCounter;
    const timeoutMs = options.glidepathTimeoutMs;
    octokit.hook.wrap('request', async (request, endpoint) => {
        const key = routeKey(endpoint.method, endpoint.url, endpoint);
        const own = endpoint.request;
        if (timeoutMs !== undefined && own && (own.signal === undefined || own.glidepathTimeout)) {
            own.signal = AbortSignal.timeout(timeoutMs);
            own.glidepathTimeout = true;
        }
        try {
            const response = await request(endpoint);
            counter?.record(key, response.status);
            return response;
        }
        catch (error) {
            const status = error.response
                ? error.status
                : undefined;
            counter?.record(key, status);
            throw error;
        }
    });
}
const GlidepathOctokitClass = _octokit_core__WEBPACK_IMPORTED_MODULE_0__/* .Octokit */ .E.plugin(attemptPlugin, _octokit_plugin_rest_endpoint_methods__WEBPACK_IMPORTED_MODULE_1__/* .restEndpointMethods */ ._, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
/** A throttling group that schedules immediately (spaceWrites: false). */
const unspacedGroup = {
    key: () => ({
        schedule: (...args) => {
            const index = args.findIndex((arg) => typeof arg === 'function');
            const task = args[index];
            return Promise.resolve(task(...args.slice(index + 1)));
        },
    }),
};
/** Creates the client; see OctokitSettings for every knob and its default. */
function createOctokit(settings) {
    settings.mask?.(settings.token);
    const logger = settings.logger ?? quietLogger;
    const rateLimitRetries = settings.rateLimitRetries ?? 2;
    const maxWait = settings.maxRateLimitWaitSeconds ?? 900;
    const baseMs = settings.retryAfterBaseMs ?? 1000;
    const throttle = {
        retryAfterBaseValue: baseMs,
        onRateLimit: (retryAfter, options, _octokit, retryCount) => {
            const what = `${options.method} ${options.url}`;
            if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
                logger.warn(`GitHub's rate limit is exhausted (${what}); retrying in ${retryAfter} s`);
                return true;
            }
            logger.error(`GitHub's rate limit is exhausted (${what}) and resets in ${retryAfter} s; giving up. ` +
                'Use a GitHub App token (5,000+ requests an hour) or fewer parallel rollouts per repository');
            return false;
        },
        onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
            const what = `${options.method} ${options.url}`;
            if (retryCount < 1) {
                logger.warn(`GitHub's secondary rate limit hit (${what}); retrying once in ${retryAfter} s`);
                return true;
            }
            logger.error(`GitHub's secondary rate limit hit again (${what}); giving up. Serialise writers to this repository`);
            return false;
        },
        ...(settings.spaceWrites === false ? { write: unspacedGroup, notifications: unspacedGroup } : {}),
    };
    return new GlidepathOctokitClass({
        auth: settings.token,
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl.replace(/\/+$/, '') } : {}),
        userAgent: settings.userAgent ?? 'glidepath',
        log: logger,
        request: settings.fetch ? { fetch: settings.fetch } : {},
        // 429 and rate-limit 403s belong to the throttling plugin; retrying them here too would double the waits.
        retry: {
            retries: settings.retries ?? 3,
            retryAfterBaseValue: baseMs,
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
        throttle,
        glidepathCounter: settings.counter,
        glidepathTimeoutMs: settings.timeoutMs ?? 60_000,
    });
}
/** `METHOD /route` for REST; `POST /graphql OperationName` for GraphQL documents with a named operation. */
function routeKey(method, url, endpoint) {
    const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    if (path.endsWith('/graphql')) {
        const query = typeof endpoint.query === 'string' ? endpoint.query : '';
        const name = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
        return name ? `${method} /graphql ${name}` : `${method} /graphql`;
    }
    return `${method} ${path}`;
}
const quietLogger = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };


/***/ }),

/***/ 51484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ realRetryEffects),
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Jb: () => (/* binding */ retryPolicy)
/* harmony export */ });
/* unused harmony export DEFAULT_RETRY_POLICY */
/**
 * Bounded exponential backoff with full jitter for compare-and-swap conflicts (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"): the wait before attempt n+1 is uniform in
 * [0, min(maxDelay, unit · 2^(n-1))). Full jitter spreads writers that lost the same race, so ten
 * jobs committing to one branch do not collide again in lock step.
 *
 * The unit is the larger of `baseDelayMs` and how long the lost attempt took (read, render,
 * write). Writers only stop colliding once their retries are spread wider than one attempt lasts;
 * a fixed base that is short next to a slow remote (GitHub's mutation takes about a second) keeps
 * them in lock step, one winner per round, which is what exhausts the attempts. HTTP retries are
 * not done here: Octokit's retry and throttling plugins own those.
 */
/** The defaults: 5 attempts, waits drawn below 250 ms, 500 ms, 1 s, 2 s. */
const DEFAULT_RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 8000 };
/** Real time and Math.random. */
const realRetryEffects = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
    now: () => performance.now(),
};
/** The policy with `overrides` applied; refuses values that would retry forever or never. */
function retryPolicy(overrides = {}) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
    if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
        throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${policy.maxAttempts}`);
    }
    if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
        throw new RangeError('delays must satisfy 0 ≤ baseDelayMs ≤ maxDelayMs');
    }
    return policy;
}
/**
 * The wait, in whole milliseconds, after failed attempt `attempt` (1-based) that took
 * `attemptMs`: full jitter below min(maxDelayMs, max(baseDelayMs, attemptMs) · 2^(attempt-1)).
 */
function backoffDelay(attempt, policy, random, attemptMs = 0) {
    const unit = Math.max(policy.baseDelayMs, attemptMs);
    const ceiling = Math.min(policy.maxDelayMs, unit * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}


/***/ }),

/***/ 30471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ renderChanges),
/* harmony export */   r: () => (/* binding */ commitWithCompareAndSwap)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51484);
/* harmony import */ var _intent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81780);
/**
 * The compare-and-swap loop both backends share. Each attempt reads the branch head, renders every
 * change from intent on exactly that head, and asks the backend to move the branch from that head
 * to a new commit, which the backend does only if the branch still points there (a plain push, or
 * `expectedHeadOid`, or a non-forced ref update). Losing the race costs one backoff and a fresh
 * render; it can never commit bytes rendered on an older head.
 *
 * Ambiguity: a write can fail after the server applied it (a push that timed out, a reset
 * connection, a 502 that Octokit's retry plugin answered by sending the mutation again, which then
 * reports a stale head because the first copy landed). So after ANY failed write the next read
 * also fetches the branch's recent history and looks for this request's Glidepath-Intent among the
 * commits newer than the first head this call read; finding it ends the call as `already-applied`.
 */



/**
 * Renders `changes` on `current`: the edits that actually change something (deleting a file that
 * does not exist, or writing what is already there, is no edit). Render errors propagate untouched.
 */
function renderChanges(changes, current) {
    const edits = [];
    for (const change of changes) {
        const before = current.get(change.path);
        const after = change.render(before);
        if (after !== before)
            edits.push({ path: change.path, content: after });
    }
    return edits;
}
/** Runs the compare-and-swap loop for `request` against `target`; see the module comment. */
async function commitWithCompareAndSwap(request, target, options) {
    (0,_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .validateRequest */ .S)(request);
    const intent = (0,_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .intentOf */ .oQ)(request);
    const message = (0,_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .commitMessageOf */ .os)(request);
    const paths = request.changes.map((change) => change.path);
    const { retry, effects, logger } = options;
    let firstBase;
    let failures = 0;
    let lastFailure = '';
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
        const started = effects.now();
        const head = await target.readHead(failures > 0);
        firstBase ??= head.oid;
        if (failures > 0) {
            const landed = (0,_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .findIntent */ .YT)(head.history ?? [], intent, firstBase);
            if (landed) {
                logger.info(`${request.branch} already carries ${intent} in ${landed.sha}; not committing again`);
                return { status: 'already-applied', sha: landed.sha, attempts: attempt - 1 };
            }
        }
        const edits = renderChanges(request.changes, await target.readFiles(head.oid, paths));
        if (edits.length === 0) {
            logger.debug(`${request.branch}@${head.oid}: every change is already in place`);
            return { status: 'unchanged', sha: head.oid, attempts: attempt };
        }
        const outcome = await target.write(head.oid, edits, message);
        if (outcome.kind === 'written') {
            logger.debug(`${request.branch}: ${head.oid} → ${outcome.sha} (attempt ${attempt})`);
            return { status: 'committed', sha: outcome.sha, attempts: attempt };
        }
        failures++;
        lastFailure = `${outcome.kind}: ${outcome.detail}`;
        if (attempt < retry.maxAttempts) {
            const wait = (0,_backoff_js__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(attempt, retry, effects.random, effects.now() - started);
            logger.debug(`${request.branch}: attempt ${attempt} lost (${lastFailure}); re-rendering after ${wait} ms`);
            await effects.sleep(wait);
        }
    }
    // One last look: the final failed attempt may itself have landed.
    const head = await target.readHead(true);
    const landed = (0,_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .findIntent */ .YT)(head.history ?? [], intent, firstBase);
    if (landed)
        return { status: 'already-applied', sha: landed.sha, attempts: retry.maxAttempts };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`could not commit to ${request.branch} in ${retry.maxAttempts} attempts (last: ${lastFailure}); ` +
        'other writers kept moving the branch or the remote kept failing. Nothing was committed; run the ' +
        'command again, and serialise writers to this branch (a `concurrency` group) if it keeps happening');
}


/***/ }),

/***/ 10416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ spawnGit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/**
 * Running the `git` executable: the one place that spawns it, so the local backend can be given a
 * fake or a fault-injecting runner in tests.
 */



/**
 * Variables that would point git at another repository or index than `cwd`'s; they are set when
 * Glidepath itself runs inside a git hook, and are dropped unless a caller sets them on purpose.
 */
const REPOSITORY_VARIABLES = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_COMMON_DIR',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_PREFIX',
];
/** Spawns the real `git` found on PATH. */
const spawnGit = (args, options) => new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const name of REPOSITORY_VARIABLES)
        delete env[name];
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', [...args], {
        cwd: options.cwd,
        env: { ...env, ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    const timer = options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, options.timeoutMs);
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => {
        if (timer)
            clearTimeout(timer);
        // spawn reports a missing working directory as ENOENT too; only a missing git is the user's to fix.
        if (error.code === 'ENOENT' && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(options.cwd)) {
            reject(new Error(`git cannot run in ${options.cwd}: the directory does not exist`, { cause: error }));
        }
        else if (error.code === 'ENOENT') {
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('git is not installed or not on PATH; install git 2.31 or newer', undefined, {
                cause: error,
            }));
        }
        else {
            reject(error);
        }
    });
    child.on('close', (code) => {
        if (timer)
            clearTimeout(timer);
        resolve({
            code: code ?? -1,
            stdout: Buffer.concat(stdout),
            stderr: Buffer.concat(stderr).toString('utf8'),
            timedOut,
        });
    });
    // A git that exits before reading stdin closes the pipe; that is its answer, not ours to raise.
    child.stdin.on('error', () => { });
    child.stdin.end(options.input ?? '');
});


/***/ }),

/***/ 81780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ validateRequest),
/* harmony export */   YT: () => (/* binding */ findIntent),
/* harmony export */   oQ: () => (/* binding */ intentOf),
/* harmony export */   os: () => (/* binding */ commitMessageOf)
/* harmony export */ });
/* unused harmony export trailersWithIntent */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _trailers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88022);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65621);




/**
 * The request's idempotency key: `sha256:` and the first 32 hex characters of a hash over the
 * branch, headline, body, trailers and each change's path and declared intent. The same request
 * made again (a re-run of the same step) hashes the same; an explicit `Glidepath-Intent` wins.
 */
function intentOf(request) {
    const explicit = request.trailers['Glidepath-Intent'];
    if (explicit)
        return explicit.trim();
    const trailers = Object.fromEntries(_types_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER_KEYS */ .z.filter((key) => key !== 'Glidepath-Intent' && key !== 'Glidepath-Analysis' && request.trailers[key] !== undefined).map((key) => [key, request.trailers[key].trim()]));
    const changes = [...request.changes]
        .map((change) => [change.path, change.intent ?? null])
        .sort(([a], [b]) => String(a).localeCompare(String(b)));
    const canonical = JSON.stringify([
        request.branch,
        request.headline.trim(),
        request.body?.trim() ?? null,
        trailers,
        changes,
    ]);
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
/** The request's trailers with Glidepath-Intent filled in. */
function trailersWithIntent(request) {
    return { ...request.trailers, 'Glidepath-Intent': intentOf(request) };
}
/** The full commit message the backends write for `request` (trailers include Glidepath-Intent). */
function commitMessageOf(request) {
    return (0,_trailers_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCommitMessage */ .E6)(request.headline, request.body, trailersWithIntent(request));
}
/**
 * Refuses a request no backend could commit: no changes, a path twice, or a path that is not a
 * plain relative repository path. Checked before anything is read, so nothing is written.
 */
function validateRequest(request) {
    if (!request.branch || /^refs\//.test(request.branch) || /\s|\.\.|[~^:?*[\\]/.test(request.branch)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`branch ${JSON.stringify(request.branch)} is not a branch name; write it without refs/heads/, e.g. main`);
    }
    if (request.changes.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('a commit request must change at least one file');
    const seen = new Set();
    for (const { path } of request.changes) {
        if (!path ||
            path.startsWith('/') ||
            path.endsWith('/') ||
            path.split('/').some((part) => part === '' || part === '.' || part === '..') ||
            path.includes('\\')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${JSON.stringify(path)} is not a repository path; write it relative to the repository root with / separators, e.g. apps/checkout/kustomization.yaml`);
        }
        if (path === '.git' || path.startsWith('.git/')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${path}: Glidepath does not write inside .git`);
        }
        if (seen.has(path)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${path} appears twice in one commit request; merge the edits into one change`);
        }
        seen.add(path);
    }
}
/**
 * The commit among `commits` (newest first) that carries `intent`, looking no further back than
 * `since` (the head the writer first read: anything at or before it cannot be this attempt's).
 */
function findIntent(commits, intent, since) {
    for (const commit of commits) {
        if (commit.sha === since)
            return undefined;
        if (commit.trailers['Glidepath-Intent'] === intent)
            return commit;
    }
    return undefined;
}


/***/ }),

/***/ 950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   W0: () => (/* binding */ gitConfigEnv),
/* harmony export */   r6: () => (/* binding */ LocalGitWriter)
/* harmony export */ });
/* unused harmony export GLIDEPATH_BOT */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(51484);
/* harmony import */ var _compare_and_swap_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(30471);
/* harmony import */ var _git_command_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(10416);
/* harmony import */ var _trailers_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(88022);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(65621);
/**
 * The local git backend: works with any host git can reach (GitHub, GitLab, Gitea, a bare
 * directory). It commits with git's plumbing in a private place: the branch head is fetched into
 * a private ref, changes are rendered from intent on that exact commit, blobs are written with
 * `hash-object --no-filters` (so no clean filter, eol conversion or `.gitattributes` rule can alter
 * the rendered bytes), a tree is built in a temporary index file, the commit is made with
 * `commit-tree`, and a plain push (no force, no lease) moves the branch: the remote accepts it only
 * as a fast-forward of the head that was rendered on, which is the compare-and-swap. No working
 * tree is ever touched: a user's checkout keeps its HEAD, index and files, and a refused render
 * leaves nothing behind.
 *
 * Credentials: the token travels only as an `http.<url>.extraheader` set through git's
 * GIT_CONFIG_COUNT/KEY/VALUE environment variables, scoped to the remote's URL. It is never put in
 * a URL (which git may print, and store in FETCH_HEAD or reflogs), on a command line (visible to
 * every user through `ps`), or in a config file on disk (which outlives the job, as
 * actions/checkout's persisted credentials do). Every message that quotes git's output is scrubbed
 * of the token and its base64 form, and both are handed to the injected `mask` (the action passes
 * core.setSecret) before any git command runs.
 */











/** The default author and committer. */
const GLIDEPATH_BOT = {
    name: 'glidepath[bot]',
    email: 'glidepath[bot]@users.noreply.github.com',
};
const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Writes desired state with the git executable; see the module comment. */
class LocalGitWriter {
    cwd;
    remote;
    scratch;
    refPrefix;
    env;
    secrets;
    settings;
    retry;
    git;
    effects;
    logger;
    now;
    ownsCwd;
    queue = Promise.resolve();
    closed = false;
    constructor(
    /** Where git commands run: the private bare repository or the user's checkout. */
    cwd, 
    /** What fetch and push talk to: a URL, or a remote name of the checkout. */
    remote, 
    /** Private directory (temp index files; the private repository itself for URL sources). */
    scratch, 
    /** Private ref namespace, unique per writer, so concurrent writers never share a ref. */
    refPrefix, env, secrets, settings, retry, git, effects, logger, now, ownsCwd) {
        this.cwd = cwd;
        this.remote = remote;
        this.scratch = scratch;
        this.refPrefix = refPrefix;
        this.env = env;
        this.secrets = secrets;
        this.settings = settings;
        this.retry = retry;
        this.git = git;
        this.effects = effects;
        this.logger = logger;
        this.now = now;
        this.ownsCwd = ownsCwd;
    }
    /** Prepares a writer: masks the token, creates the private repository or checks the checkout. */
    static async open(settings, deps = {}) {
        const git = deps.git ?? _git_command_js__WEBPACK_IMPORTED_MODULE_8__/* .spawnGit */ .I;
        const logger = deps.logger ?? _types_js__WEBPACK_IMPORTED_MODULE_10__/* .silentLogger */ .q;
        const retry = (0,_backoff_js__WEBPACK_IMPORTED_MODULE_6__/* .retryPolicy */ .Jb)(settings.retry);
        const scratch = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(settings.tempDir ?? (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'glidepath-git-'));
        const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_4__.randomBytes)(6).toString('hex');
        try {
            let cwd;
            let remote;
            let remoteUrl;
            if ('url' in settings.source) {
                remoteUrl = settings.source.url;
                refuseCredentialsInUrl(remoteUrl);
                cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(scratch, 'repo.git');
                await mustRun(git, ['init', '--quiet', '--bare', cwd], { cwd: scratch }, 'create a private repository');
                // No background gc while concurrent commands of this writer share the repository.
                await mustRun(git, ['config', 'gc.auto', '0'], { cwd }, 'configure the private repository');
                remote = remoteUrl;
            }
            else {
                cwd = settings.source.checkout;
                remote = settings.source.remote ?? 'origin';
                const inside = await git(['rev-parse', '--git-dir'], { cwd });
                if (inside.code !== 0) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${cwd} is not a git checkout (${inside.stderr.trim()}); point the writer at a clone of the GitOps repository or give its URL`);
                }
                const url = await git(['remote', 'get-url', '--push', remote], { cwd });
                if (url.code !== 0) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`the checkout at ${cwd} has no remote "${remote}"; add it (git remote add ${remote} URL) or name the remote to push to`);
                }
                remoteUrl = url.stdout.toString('utf8').trim();
                refuseCredentialsInUrl(remoteUrl);
            }
            const secrets = [];
            const env = {
                // Never wait for a password on a terminal nobody is watching.
                GIT_TERMINAL_PROMPT: '0',
                GCM_INTERACTIVE: 'never',
                // git's messages in English, so that push and fetch outcomes can be recognised.
                LC_ALL: 'C',
                LANGUAGE: 'C',
            };
            if (settings.token) {
                const header = settings.authScheme === 'bearer'
                    ? `Bearer ${settings.token}`
                    : `basic ${Buffer.from(`x-access-token:${settings.token}`).toString('base64')}`;
                secrets.push(settings.token, header.slice(header.indexOf(' ') + 1));
                for (const secret of secrets)
                    deps.mask?.(secret);
                Object.assign(env, gitConfigEnv([
                    // An empty value first clears headers a checkout persisted (actions/checkout does), so
                    // exactly one Authorization header is sent.
                    [`http.${remoteUrl}.extraheader`, ''],
                    [`http.${remoteUrl}.extraheader`, `AUTHORIZATION: ${header}`],
                    // With the header set, a credential helper could only offer a different identity.
                    ['credential.helper', ''],
                ]));
            }
            return new LocalGitWriter(cwd, remote, scratch, `refs/glidepath/${id}`, env, secrets, settings, retry, git, deps.effects ?? _backoff_js__WEBPACK_IMPORTED_MODULE_6__/* .realRetryEffects */ .$v, logger, deps.now ?? (() => new Date()), 'url' in settings.source);
        }
        catch (error) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(scratch, { recursive: true, force: true });
            throw error;
        }
    }
    /** Removes the private repository (or, for a checkout, this writer's private refs). */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        await this.queue.catch(() => { });
        if (!this.ownsCwd && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(this.cwd)) {
            const refs = await this.run(['for-each-ref', '--format=%(refname)', this.refPrefix]);
            const input = refs.stdout
                .toString('utf8')
                .split('\n')
                .filter(Boolean)
                .map((ref) => `delete ${ref}\n`)
                .join('');
            if (input)
                await this.run(['update-ref', '--stdin'], { input });
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.scratch, { recursive: true, force: true });
    }
    /** See DesiredStateWriter.commit. */
    commit(request) {
        return this.exclusive(() => (0,_compare_and_swap_js__WEBPACK_IMPORTED_MODULE_7__/* .commitWithCompareAndSwap */ .r)(request, this.target(request.branch), {
            retry: this.retry,
            effects: this.effects,
            logger: this.logger,
        }));
    }
    /** See DesiredStateWriter.readFile; `ref` is a branch (fetched first) or a commit already fetched. */
    readFile(ref, path) {
        return this.exclusive(async () => {
            const oid = FULL_SHA.test(ref) ? ref : await this.fetchBranch(ref);
            // A missing commit must not read as a missing file: a revert would delete the file.
            const known = await this.run(['cat-file', '-e', `${oid}^{commit}`]);
            if (known.code !== 0) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`commit ${oid} is not in the fetched history of ${this.describeRemote()}; read its branch first (log) or check the sha`);
            }
            return (await this.readBlobs(oid, [path])).get(path);
        });
    }
    /** See DesiredStateWriter.log. */
    log(branch, n) {
        return this.exclusive(async () => this.history(await this.fetchBranch(branch), n));
    }
    /** See DesiredStateWriter.changedFiles. */
    changedFiles(sha) {
        return this.exclusive(async () => {
            const result = await this.mustRun([
                'diff-tree',
                '-r',
                '--no-commit-id',
                '--name-only',
                '-z',
                '--root',
                '--diff-merges=first-parent',
                sha,
            ], `list the files commit ${sha} changed`);
            return result.stdout.toString('utf8').split('\0').filter(Boolean);
        });
    }
    /** The compare-and-swap target for `branch`. */
    target(branch) {
        return {
            readHead: async (withHistory) => {
                const oid = await this.fetchBranch(branch);
                return withHistory ? { oid, history: await this.history(oid, this.historyDepth) } : { oid };
            },
            readFiles: (oid, paths) => this.readBlobs(oid, paths),
            write: (base, edits, message) => this.write(branch, base, edits, message),
        };
    }
    get historyDepth() {
        return this.settings.historyDepth ?? 50;
    }
    /** Fetches `branch` into this writer's private ref and returns its head. */
    async fetchBranch(branch) {
        const privateRef = `${this.refPrefix}/${branch}`;
        const result = await this.run([
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-write-fetch-head',
            this.remote,
            `+refs/heads/${branch}:${privateRef}`,
        ], { timeoutMs: this.settings.fetchTimeoutMs ?? 120_000 });
        if (result.code !== 0) {
            const detail = this.scrub(result.stderr.trim()) || `exit status ${result.code}`;
            if (/couldn't find remote ref/i.test(result.stderr)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`branch ${branch} does not exist in ${this.describeRemote()}; create it, or set desired.branch to an existing branch`);
            }
            if (isAuthFailure(result.stderr)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`cannot read ${this.describeRemote()}: ${detail}; check that the token can read the repository (contents: read) and that the URL is right`);
            }
            const why = result.timedOut ? `no answer in ${this.settings.fetchTimeoutMs ?? 120_000} ms` : detail;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .TransientError */ .N_(`fetching ${branch} from ${this.describeRemote()} failed: ${why}`);
        }
        const head = await this.mustRun(['rev-parse', '--verify', '--quiet', `${privateRef}^{commit}`], `read ${branch}`);
        return head.stdout.toString('utf8').trim();
    }
    /** Newest `n` first-parent commits from `oid`, with their trailers. */
    async history(oid, n) {
        const result = await this.mustRun(['log', '--first-parent', `-n${n}`, '--format=%H%x00%P%x00%B%x00%x1e', oid, '--'], 'read the branch history');
        return result.stdout
            .toString('utf8')
            .split('\x1e')
            .map((record) => record.replace(/^\n/, ''))
            .filter(Boolean)
            .map((record) => {
            const [sha = '', parents = '', message = ''] = record.split('\0');
            return {
                sha,
                parents: parents.split(' ').filter(Boolean),
                headline: (0,_trailers_js__WEBPACK_IMPORTED_MODULE_9__/* .headlineOf */ .gD)(message),
                message,
                trailers: (0,_trailers_js__WEBPACK_IMPORTED_MODULE_9__/* .parseTrailers */ .aw)(message),
            };
        });
    }
    /** Content of each path at `oid` through one `cat-file --batch`; missing paths map to undefined. */
    async readBlobs(oid, paths) {
        const result = await this.mustRun(['cat-file', '--batch'], 'read files', {
            input: paths.map((path) => `${oid}:${path}\n`).join(''),
        });
        const out = result.stdout;
        const files = new Map();
        let offset = 0;
        for (const path of paths) {
            const newline = out.indexOf(0x0a, offset);
            const header = out.subarray(offset, newline).toString('utf8');
            offset = newline + 1;
            if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
                files.set(path, undefined);
                continue;
            }
            const [, type, size] = header.split(' ');
            const length = Number(size);
            if (type !== 'blob') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${path} is a ${type === 'tree' ? 'directory' : (type ?? 'non-file')} at ${oid}; Glidepath edits files only`);
            }
            files.set(path, out.subarray(offset, offset + length).toString('utf8'));
            offset += length + 1;
        }
        return files;
    }
    /** One compare-and-swap write: blobs, tree, commit on `base`, plain push. */
    async write(branch, base, edits, message) {
        const index = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.scratch, `index-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_4__.randomBytes)(6).toString('hex')}`);
        const indexEnv = { GIT_INDEX_FILE: index };
        try {
            await this.mustRun(['read-tree', base], 'prepare the commit', { env: indexEnv });
            const modes = await this.modesOf(base, edits.map((edit) => edit.path));
            let indexInfo = '';
            for (const edit of edits) {
                if (edit.content === undefined) {
                    indexInfo += `0 ${'0'.repeat(base.length)}\t${edit.path}\n`;
                    continue;
                }
                const blob = await this.mustRun(['hash-object', '-w', '--no-filters', '--stdin'], `store ${edit.path}`, {
                    input: edit.content,
                });
                indexInfo += `${modes.get(edit.path) ?? '100644'} ${blob.stdout.toString('utf8').trim()}\t${edit.path}\n`;
            }
            await this.mustRun(['update-index', '--index-info'], 'prepare the commit', {
                env: indexEnv,
                input: indexInfo,
            });
            const tree = (await this.mustRun(['write-tree'], 'prepare the commit', { env: indexEnv })).stdout
                .toString('utf8')
                .trim();
            const commit = (await this.mustRun(['commit-tree', tree, '-p', base, '-F', '-'], 'create the commit', {
                env: this.identityEnv(),
                input: message,
            })).stdout
                .toString('utf8')
                .trim();
            return await this.push(branch, commit);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(index, { force: true });
        }
    }
    /** File modes of `paths` at `base` (so an executable file stays executable). */
    async modesOf(base, paths) {
        const result = await this.mustRun(['ls-tree', '-z', base, '--', ...paths], 'read file modes');
        const modes = new Map();
        for (const entry of result.stdout.toString('utf8').split('\0').filter(Boolean)) {
            const tab = entry.indexOf('\t');
            const [mode = '100644', type] = entry.slice(0, tab).split(' ');
            if (type === 'blob')
                modes.set(entry.slice(tab + 1), mode);
        }
        return modes;
    }
    /**
     * Pushes `commit` to `branch` without force: the remote takes it only as a fast-forward of the
     * head it was rendered on. `--porcelain` reports each ref's fate on stdout, which separates a
     * lost race (retry) from a refusal (the user must act) from no answer at all (ambiguous).
     */
    async push(branch, commit) {
        const timeoutMs = this.settings.pushTimeoutMs ?? 60_000;
        const result = await this.run(['push', '--porcelain', '--no-verify', this.remote, `${commit}:refs/heads/${branch}`], { timeoutMs });
        const stdout = result.stdout.toString('utf8');
        const status = stdout
            .split('\n')
            .map((line) => line.split('\t'))
            .find((fields) => fields.length >= 3 && fields[1]?.endsWith(`:refs/heads/${branch}`));
        const detail = this.scrub(`${status?.[2] ?? ''} ${result.stderr}`.trim());
        if (status && result.code === 0 && status[0] !== '!')
            return { kind: 'written', sha: commit };
        if (status?.[0] === '!') {
            const summary = status[2] ?? '';
            if (/^\[rejected\]/.test(summary))
                return { kind: 'conflict', detail: summary };
            if (/^\[remote rejected\]/.test(summary)) {
                if (/cannot lock ref|failed to update ref|incorrect old value|non-fast-forward|fetch first|stale/i.test(summary)) {
                    return { kind: 'conflict', detail: summary };
                }
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${this.describeRemote()} refused the push to ${branch}: ${detail}; if the branch is protected, allow this ` +
                    'identity to push, or use the GitHub backend with mode: pull-request');
            }
            return { kind: 'ambiguous', detail };
        }
        if (!result.timedOut && isAuthFailure(result.stderr)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`cannot push to ${this.describeRemote()}: ${detail}; the token needs write access to the repository contents`);
        }
        return {
            kind: 'ambiguous',
            detail: result.timedOut
                ? `push gave no answer in ${timeoutMs} ms`
                : detail || `exit status ${result.code}`,
        };
    }
    identityEnv() {
        const author = this.settings.author ?? GLIDEPATH_BOT;
        const committer = this.settings.committer ?? author;
        const date = `@${Math.floor(this.now().getTime() / 1000)} +0000`;
        return {
            GIT_AUTHOR_NAME: author.name,
            GIT_AUTHOR_EMAIL: author.email,
            GIT_AUTHOR_DATE: date,
            GIT_COMMITTER_NAME: committer.name,
            GIT_COMMITTER_EMAIL: committer.email,
            GIT_COMMITTER_DATE: date,
        };
    }
    run(args, options = {}) {
        return this.git(args, {
            cwd: this.cwd,
            env: { ...this.env, ...options.env },
            ...(options.input === undefined ? {} : { input: options.input }),
            ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        });
    }
    /** Runs a local command that must succeed; a failure here is not the network's fault. */
    async mustRun(args, what, options = {}) {
        const result = await this.run(args, options);
        if (result.code !== 0) {
            throw new Error(`git ${args[0]} failed to ${what}: ${this.scrub(result.stderr.trim())}`);
        }
        return result;
    }
    /** Runs `task` after every earlier call of this writer finished (they share refs and objects). */
    exclusive(task) {
        if (this.closed)
            return Promise.reject(new Error('this LocalGitWriter is closed'));
        const next = this.queue.then(task, task);
        this.queue = next.catch(() => { });
        return next;
    }
    scrub(text) {
        let scrubbed = text;
        for (const secret of this.secrets)
            scrubbed = scrubbed.split(secret).join('***');
        return scrubbed;
    }
    describeRemote() {
        return 'url' in this.settings.source ? redactUrl(this.remote) : `remote "${this.remote}"`;
    }
}
/**
 * GIT_CONFIG_COUNT/KEY_n/VALUE_n entries for `pairs`, appended after any the environment already
 * has (git ≥ 2.31 reads them as if given with -c, without putting them on the command line).
 */
function gitConfigEnv(pairs) {
    const existing = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
    const env = { GIT_CONFIG_COUNT: String(existing + pairs.length) };
    pairs.forEach(([key, value], index) => {
        env[`GIT_CONFIG_KEY_${existing + index}`] = key;
        env[`GIT_CONFIG_VALUE_${existing + index}`] = value;
    });
    return env;
}
/** Credentials in a remote URL end up in logs and in .git/config; refuse them. */
function refuseCredentialsInUrl(url) {
    let parsed;
    try {
        parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url) : undefined;
    }
    catch {
        parsed = undefined;
    }
    if (parsed && /^https?:$/.test(parsed.protocol) && (parsed.username || parsed.password)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`the GitOps repository URL ${redactUrl(url)} carries credentials; remove them from the URL and pass the token separately (the action input \`token\`)`);
    }
}
/** `url` with any user or password replaced by `***`. */
function redactUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}
function isAuthFailure(stderr) {
    return /authentication failed|could not read (username|password)|returned error: 40[134]|permission denied|repository not found|does not appear to be a git repository|invalid username or password/i.test(stderr);
}
async function mustRun(git, args, options, what) {
    const result = await git(args, options);
    if (result.code !== 0)
        throw new Error(`git ${args[0]} failed to ${what}: ${result.stderr.trim()}`);
    return result;
}


/***/ }),

/***/ 88022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ formatCommitMessage),
/* harmony export */   aw: () => (/* binding */ parseTrailers),
/* harmony export */   gD: () => (/* binding */ headlineOf)
/* harmony export */ });
/* unused harmony exports formatTrailers, parseTrailerLines */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65621);
/**
 * Commit trailers, written and read the way `git interpret-trailers --parse` reads them, so that
 * `git log --format=%(trailers)`, GitHub's UI and Glidepath agree on what a commit says. Git's
 * rules (trailer.c, git 2.39): the first paragraph is the title and never holds trailers; a `---`
 * line followed by whitespace starts a patch and ends the message; the trailer block is the last
 * paragraph when every line in it is a `Token: value` line (or a continuation line starting with
 * whitespace), or when it holds a git-generated line (`Signed-off-by: `, `(cherry picked from
 * commit `) and at least a quarter of its lines are trailers. Lines starting with `#` are comments.
 */


const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];
const COMMENT = '#';
/**
 * The commit message for `headline`, `body` and `trailers`: `headline`, a blank line, the body,
 * a blank line and one `Key: value` line per set trailer in TRAILER_KEYS order. Refuses values
 * that would not survive a round trip (newlines, empty values).
 */
function formatCommitMessage(headline, body, trailers) {
    const title = headline.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    if (!title)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('a commit headline must not be empty');
    const lines = formatTrailers(trailers);
    const paragraphs = [title];
    const text = body === undefined ? '' : protectBody(body);
    if (text)
        paragraphs.push(text);
    if (lines)
        paragraphs.push(lines);
    return `${paragraphs.join('\n\n')}\n`;
}
/** The trailer block alone (`Key: value` lines, no trailing newline); '' when none is set. */
function formatTrailers(trailers) {
    const lines = [];
    for (const key of _types_js__WEBPACK_IMPORTED_MODULE_1__/* .TRAILER_KEYS */ .z) {
        const raw = trailers[key];
        if (raw === undefined)
            continue;
        const value = raw.trim();
        if (!value || /[\r\n]/.test(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`commit trailer ${key} must be one non-empty line; got ${JSON.stringify(raw)}`);
        }
        lines.push(`${key}: ${value}`);
    }
    return lines.join('\n');
}
/** Every trailer of `message` in order, as `git interpret-trailers --parse` prints them. */
function parseTrailerLines(message) {
    const lines = messageLines(message);
    const start = trailerBlockStart(lines);
    if (start === undefined)
        return [];
    const trailers = [];
    // The trailer a continuation line (one starting with whitespace) folds into, as --parse unfolds.
    let last;
    for (const line of lines.slice(start)) {
        if (last && /^\s/.test(line)) {
            last.value = `${last.value} ${line.trim()}`.trim();
            continue;
        }
        const separator = line.startsWith(COMMENT) ? -1 : separatorIndex(line);
        if (separator < 1) {
            last = undefined;
            continue;
        }
        last = { key: line.slice(0, separator).trim(), value: line.slice(separator + 1).trim() };
        trailers.push(last);
    }
    return trailers;
}
/**
 * The Glidepath trailers of `message`, keys matched case-insensitively (as git matches trailer
 * tokens); when a key repeats, the last one wins.
 */
function parseTrailers(message) {
    const canonical = new Map(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .TRAILER_KEYS */ .z.map((key) => [key.toLowerCase(), key]));
    const trailers = {};
    for (const { key, value } of parseTrailerLines(message)) {
        const known = canonical.get(key.toLowerCase());
        if (known)
            trailers[known] = value;
    }
    return trailers;
}
/** The first line of a commit message. */
function headlineOf(message) {
    return message.split('\n', 1)[0]?.trim() ?? '';
}
/**
 * A body line that git would read as the start of a patch (`---` and whitespace) would hide the
 * trailers after it from every reader, so it gets a leading space; CRLF becomes LF.
 */
function protectBody(body) {
    return body
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => (/^---(\s|$)/.test(line) ? ` ${line}` : line))
        .join('\n')
        .trim();
}
/** The message's lines up to the patch divider, without trailing blank and comment lines. */
function messageLines(message) {
    const lines = message.replace(/\r\n/g, '\n').split('\n');
    const divider = lines.findIndex((line) => /^---(\s|$)/.test(line));
    const kept = divider < 0 ? lines : lines.slice(0, divider);
    while (kept.length > 0) {
        const last = kept[kept.length - 1];
        if (last.trim() === '' || last.startsWith(COMMENT))
            kept.pop();
        else
            break;
    }
    return kept;
}
/** Index of the first line of the trailer block, or undefined when the message has none (trailer.c). */
function trailerBlockStart(lines) {
    // The first paragraph is the title and cannot hold trailers.
    let endOfTitle = 0;
    while (endOfTitle < lines.length) {
        const line = lines[endOfTitle];
        if (!line.startsWith(COMMENT) && line.trim() === '')
            break;
        endOfTitle++;
    }
    let onlySpaces = true;
    let recognizedPrefix = false;
    let trailerLines = 0;
    let nonTrailerLines = 0;
    let possibleContinuationLines = 0;
    for (let index = lines.length - 1; index >= endOfTitle; index--) {
        const line = lines[index];
        if (line.startsWith(COMMENT)) {
            nonTrailerLines += possibleContinuationLines;
            possibleContinuationLines = 0;
            continue;
        }
        if (line.trim() === '') {
            if (onlySpaces)
                continue;
            nonTrailerLines += possibleContinuationLines;
            if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines)
                return index + 1;
            if (trailerLines > 0 && nonTrailerLines === 0)
                return index + 1;
            return undefined;
        }
        onlySpaces = false;
        if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
            trailerLines++;
            possibleContinuationLines = 0;
            recognizedPrefix = true;
            continue;
        }
        if (separatorIndex(line) >= 1 && !/^\s/.test(line)) {
            trailerLines++;
            possibleContinuationLines = 0;
        }
        else if (/^\s/.test(line)) {
            possibleContinuationLines++;
        }
        else {
            nonTrailerLines += 1 + possibleContinuationLines;
            possibleContinuationLines = 0;
        }
    }
    return undefined;
}
/**
 * Where the `:` after a token is (trailer.c find_separator): the token is letters, digits and `-`,
 * optionally followed by spaces or tabs; anything else before the separator means the line is not
 * a trailer (-1). A line starting with `:` returns 0, which callers also treat as not a trailer.
 */
function separatorIndex(line) {
    let whitespace = false;
    for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if (char === ':')
            return index;
        if (!whitespace && /[A-Za-z0-9-]/.test(char))
            continue;
        if (index > 0 && (char === ' ' || char === '\t')) {
            whitespace = true;
            continue;
        }
        return -1;
    }
    return -1;
}


/***/ }),

/***/ 65621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger),
/* harmony export */   z: () => (/* binding */ TRAILER_KEYS)
/* harmony export */ });
/**
 * The desired-state writer contract. Glidepath changes production only by committing to a GitOps
 * repository, so a change is expressed as INTENT (a pure function from the file's current content
 * to its new content), never as bytes computed earlier. Every backend reads the branch head,
 * renders each change on exactly that head, and moves the branch only if it still points there
 * (compare-and-swap); when it lost the race it reads the new head and renders again. Because the
 * rendering is repeated on the state that will actually be committed, a concurrent writer's edit
 * to another file (or another part of the same file) is never overwritten with stale bytes.
 *
 * Idempotency: every commit carries a `Glidepath-Intent` trailer, a hash of the request's intent.
 * When a write fails ambiguously (a timeout or a reset connection after the server may have
 * applied it), the writer looks for that trailer among the commits that appeared on the branch
 * since it first read it, and reports `already-applied` instead of committing a second time.
 */
/** The trailer keys Glidepath writes, in the order it writes them. */
const TRAILER_KEYS = [
    'Glidepath-Rollout',
    'Glidepath-Service',
    'Glidepath-Step',
    'Glidepath-Weight',
    'Glidepath-Digest',
    'Glidepath-Evidence',
    'Glidepath-Verdict',
    'Glidepath-Revert-Of',
    'Glidepath-Override',
    'Glidepath-Analysis',
    'Glidepath-Intent',
];
/** A logger that drops everything (the default in library code and tests). */
const silentLogger = { debug: () => { }, info: () => { }, warn: () => { } };


/***/ })

};

//# sourceMappingURL=452.index.js.map