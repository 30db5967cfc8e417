/**
 * REST handlers over git: the contents API, the Git data API (refs, blobs, trees, commits) and
 * `GET /commits/{ref}`. Each reads or writes the bare repository with plumbing; ref updates are
 * compare-and-swap, so concurrent writers behave as on GitHub.
 */
import { actorPerson, commitOnBranch, GITHUB_WEB_FLOW, HttpError, type RequestContext } from './context.js';
import {
  InvalidPathError,
  MissingPathError,
  ZERO_OID,
  type GitCommit,
  type GitPerson,
  type TreeChange,
  type TreeListing,
} from './git-store.js';
import { gitCommitJson, nodeId, timestamp, userJson, verificationJson } from './model.js';
import { branchOf, decodeBase64, encodePath, type RestHandler, type RestRequest } from './rest-types.js';

/** How many times a handler re-reads the branch when its own compare-and-swap loses a race. */
const CAS_ATTEMPTS = 5;
/** The contents API returns no inline content above this size (GitHub: 1 MB). */
const CONTENT_INLINE_LIMIT = 1024 * 1024;

/** Resolves `ref` (branch, tag, sha; default branch when absent) and notes branch-head reads. */
async function resolveReadRef(
  ctx: RequestContext,
  ref: string | undefined,
): Promise<{ ref: string; oid: string }> {
  const name = ref ?? (await ctx.defaultBranch());
  const oid = await ctx.store.resolveCommit(name);
  if (oid === undefined) throw new HttpError(404, `No commit found for the ref ${name}`);
  if ((await ctx.store.readRef(`refs/heads/${name}`)) !== undefined) ctx.noteRefRead(name);
  return { ref: name, oid };
}

/** The `_links`/url block shared by content items. */
function contentUrls(ctx: RequestContext, entry: TreeListing, ref: string) {
  const path = encodePath(entry.path);
  const isDir = entry.type === 'tree';
  const self = ctx.repo.apiUrl(`/contents/${path}?ref=${encodeURIComponent(ref)}`);
  const git = ctx.repo.apiUrl(`/git/${isDir ? 'trees' : 'blobs'}/${entry.oid}`);
  const html = ctx.repo.webUrl(`/${isDir ? 'tree' : 'blob'}/${encodeURIComponent(ref)}/${path}`);
  return {
    url: self,
    git_url: git,
    html_url: html,
    download_url: isDir ? null : `https://raw.githubusercontent.com/${ctx.repo.fullName}/${ref}/${path}`,
    _links: { self, git, html },
  };
}

function contentType(entry: TreeListing): 'file' | 'dir' | 'symlink' | 'submodule' {
  if (entry.type === 'tree') return 'dir';
  if (entry.type === 'commit') return 'submodule';
  return entry.mode === '120000' ? 'symlink' : 'file';
}

const getContent: RestHandler = async (ctx, req) => {
  const { ref, oid } = await resolveReadRef(ctx, req.query.ref as string | undefined);
  const path = req.params.path!.replace(/^\/+|\/+$/g, '');
  const entry = await ctx.store.entryAt(oid, path);
  if (entry === undefined) throw new HttpError(404, 'Not Found');
  const name = path.split('/').pop() ?? '';

  if (entry.type === 'tree') {
    const listing = await ctx.store.listTree(entry.oid, false);
    return {
      status: 200,
      body: listing.map((child) => {
        const full = { ...child, path: path === '' ? child.path : `${path}/${child.path}` };
        return {
          type: contentType(full),
          size: full.size ?? 0,
          name: child.path,
          path: full.path,
          sha: full.oid,
          ...contentUrls(ctx, full, ref),
        };
      }),
    };
  }
  const bytes = entry.type === 'blob' ? await ctx.store.readBlob(entry.oid) : Buffer.alloc(0);
  if (/vnd\.github(\.v3)?\.raw/.test(req.accept) && contentType(entry) === 'file') {
    return { status: 200, raw: { bytes, contentType: 'application/vnd.github.raw; charset=utf-8' } };
  }
  const base = { name, path, sha: entry.oid, size: entry.size ?? 0, ...contentUrls(ctx, entry, ref) };
  switch (contentType(entry)) {
    case 'symlink':
      return { status: 200, body: { type: 'symlink', target: bytes.toString('utf8'), ...base } };
    case 'submodule':
      return { status: 200, body: { type: 'submodule', submodule_git_url: '', ...base } };
    default: {
      // GitHub wraps base64 content at 60 characters; clients must join the lines.
      const inline = bytes.length <= CONTENT_INLINE_LIMIT;
      const content = inline ? (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n' : '';
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: inline ? 'base64' : 'none',
          content: bytes.length === 0 ? '' : content,
          ...base,
        },
      };
    }
  }
};

/** A `{name, email, date?}` person from a request body, dated now when the date is absent. */
function personFrom(ctx: RequestContext, value: unknown): GitPerson | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  const person = value as { name?: string; email?: string; date?: string };
  if (!person.name || !person.email) {
    throw new HttpError(422, 'Invalid request.\n\n"name", "email" weren\'t supplied.');
  }
  return { name: person.name, email: person.email, date: person.date ?? timestamp(ctx.now()) };
}

/** The `commit` part of contents API responses (the Git data API's commit shape). */
function fileCommitJson(ctx: RequestContext, commit: GitCommit) {
  return gitCommitJson(ctx.repo, commit, ctx.state.verifiedCommits.has(commit.oid));
}

const putContent: RestHandler = async (ctx, req) => {
  const path = req.params.path!.replace(/^\/+|\/+$/g, '');
  const body = req.body as { message: string; content: string; sha?: string; branch?: string };
  const branch = body.branch ?? (await ctx.defaultBranch());
  const bytes = decodeBase64(body.content);
  if (bytes === undefined) throw new HttpError(422, 'content is not valid Base64');
  const author = personFrom(ctx, req.body.author);
  const committer = personFrom(ctx, req.body.committer);
  // The contents API is a compare-and-swap on the *file* (its blob sha), not on the branch: when
  // another commit lands on the branch meanwhile, GitHub retries on the new head.
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const head = await ctx.store.readRef(`refs/heads/${branch}`);
    if (head === undefined) throw new HttpError(404, `Branch ${branch} not found`);
    const existing = await ctx.store.entryAt(head, path);
    if (existing?.type === 'tree') throw new HttpError(422, `path ${path} is a directory`);
    if (existing !== undefined && body.sha === undefined) {
      throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    }
    if (body.sha !== undefined && existing?.oid !== body.sha) {
      throw new HttpError(409, `${path} does not match ${body.sha}`);
    }
    const blob = await ctx.store.writeBlob(bytes);
    const by = author ?? actorPerson(ctx);
    const result = await commitOnBranch(ctx, {
      branch,
      parent: head,
      changes: [{ path, mode: existing?.mode ?? '100644', type: 'blob', oid: blob }],
      message: body.message,
      author: by,
      committer: committer ?? (author ? by : { ...GITHUB_WEB_FLOW, date: by.date }),
      verified: author === undefined && committer === undefined,
      via: 'rest:contents',
    }).catch(mapPathErrors);
    if (!result.ok) continue;
    const commit = await ctx.store.readCommit(result.oid);
    const entry = (await ctx.store.entryAt(result.oid, path))!;
    return {
      status: existing === undefined ? 201 : 200,
      body: {
        content: {
          name: path.split('/').pop(),
          path,
          sha: entry.oid,
          size: entry.size ?? bytes.length,
          type: 'file',
          ...contentUrls(ctx, entry, branch),
        },
        commit: fileCommitJson(ctx, commit),
      },
    };
  }
  throw new HttpError(409, `${branch} is moving too fast; try again`);
};

function mapPathErrors(error: unknown): never {
  if (error instanceof InvalidPathError) throw new HttpError(422, `path contains a malformed path component`);
  if (error instanceof MissingPathError) throw new HttpError(422, 'GitRPC::BadObjectState');
  throw error;
}

function gitRefJson(ctx: RequestContext, ref: string, oid: string, type: string) {
  const kind = type === 'tag' ? 'tags' : type === 'tree' ? 'trees' : type === 'blob' ? 'blobs' : 'commits';
  return {
    ref,
    node_id: nodeId('REF', hash(ref)),
    url: ctx.repo.apiUrl(`/git/${ref}`),
    object: { type, sha: oid, url: ctx.repo.apiUrl(`/git/${kind}/${oid}`) },
  };
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.charCodeAt(0)) >>> 0;
  return h;
}

const getRef: RestHandler = async (ctx, req) => {
  // GitHub wants `heads/<branch>` or `tags/<tag>` here, never `refs/...`.
  const ref = `refs/${req.params.ref!}`;
  const oid = await ctx.store.readRef(ref);
  if (oid === undefined || req.params.ref!.startsWith('refs/')) throw new HttpError(404, 'Not Found');
  const branch = branchOf(ref);
  if (branch !== undefined) ctx.noteRefRead(branch);
  return { status: 200, body: gitRefJson(ctx, ref, oid, (await ctx.store.objectType(oid))!) };
};

function validRefName(ref: string): boolean {
  return (
    /^refs\/[^/]+\/.+/.test(ref) &&
    !/(^|\/)\.|\.\.|[\s~^:?*[\\]|\/\/|\/$|\.lock(\/|$)|@\{/.test(ref) &&
    !ref.endsWith('.')
  );
}

const createRef: RestHandler = async (ctx, req) => {
  const { ref, sha } = req.body as { ref: string; sha: string };
  if (!validRefName(ref)) throw new HttpError(422, `${ref} is not a valid ref name.`);
  const type = await ctx.store.objectType(sha);
  if (type === undefined || sha.length !== 40) throw new HttpError(422, 'Object does not exist');
  if (!(await ctx.store.updateRef(ref, sha, ZERO_OID))) throw new HttpError(422, 'Reference already exists');
  ctx.emit('ref_update', { ref, before: null, after: sha, via: 'rest:git/refs' });
  return {
    status: 201,
    body: gitRefJson(ctx, ref, sha, type),
    headers: { location: ctx.repo.apiUrl(`/git/${ref}`) },
  };
};

const updateRef: RestHandler = async (ctx, req) => {
  const ref = `refs/${req.params.ref!}`;
  const { sha, force = false } = req.body as { sha: string; force?: boolean };
  const type = await ctx.store.objectType(sha);
  if (type === undefined || sha.length !== 40) throw new HttpError(422, 'Object does not exist');
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const current = await ctx.store.readRef(ref);
    if (current === undefined) throw new HttpError(422, 'Reference does not exist');
    if (!force && (type !== 'commit' || !(await ctx.store.isAncestor(current, sha)))) {
      throw new HttpError(422, 'Update is not a fast forward');
    }
    if (await ctx.store.updateRef(ref, sha, current)) {
      ctx.emit('ref_update', { ref, before: current, after: sha, via: 'rest:git/refs' });
      return { status: 200, body: gitRefJson(ctx, ref, sha, type) };
    }
  }
  throw new HttpError(422, 'Reference cannot be updated');
};

const createBlob: RestHandler = async (ctx, req) => {
  const { content, encoding = 'utf-8' } = req.body as { content: string; encoding?: string };
  let bytes: Buffer | undefined;
  if (encoding === 'utf-8' || encoding === 'utf8') bytes = Buffer.from(content, 'utf8');
  else if (encoding === 'base64') bytes = decodeBase64(content);
  else throw new HttpError(422, `encoding must be "utf-8" or "base64", got ${JSON.stringify(encoding)}`);
  if (bytes === undefined) throw new HttpError(422, 'content is not valid Base64');
  const sha = await ctx.store.writeBlob(bytes);
  const url = ctx.repo.apiUrl(`/git/blobs/${sha}`);
  return { status: 201, body: { url, sha }, headers: { location: url } };
};

function treeJson(ctx: RequestContext, sha: string, entries: TreeListing[]) {
  // GitHub truncates listings above 100,000 entries.
  const truncated = entries.length > 100_000;
  return {
    sha,
    url: ctx.repo.apiUrl(`/git/trees/${sha}`),
    truncated,
    tree: entries.slice(0, 100_000).map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.oid,
      ...(e.type === 'blob' ? { size: e.size ?? 0 } : {}),
      ...(e.type === 'commit'
        ? {}
        : { url: ctx.repo.apiUrl(`/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.oid}`) }),
    })),
  };
}

const getTree: RestHandler = async (ctx, req) => {
  const name = req.params.tree_sha!;
  // tree_sha may also be a branch or tag name, or a commit id.
  let tree: string | undefined;
  const type = await ctx.store.objectType(name);
  if (type === 'tree') tree = (await ctx.store.resolveObject(name))?.oid;
  else {
    const commit = await ctx.store.resolveCommit(name);
    if (commit !== undefined) {
      if ((await ctx.store.readRef(`refs/heads/${name}`)) !== undefined) ctx.noteRefRead(name);
      tree = (await ctx.store.readCommit(commit)).tree;
    }
  }
  if (tree === undefined) throw new HttpError(404, 'Not Found');
  const recursive = req.query.recursive !== undefined;
  return { status: 200, body: treeJson(ctx, tree, await ctx.store.listTree(tree, recursive)) };
};

const createTree: RestHandler = async (ctx, req) => {
  const { tree, base_tree: baseTree } = req.body as {
    tree: {
      path: string;
      mode: string;
      type: 'blob' | 'tree' | 'commit';
      sha?: string | null;
      content?: string;
    }[];
    base_tree?: string;
  };
  let base: string | undefined;
  if (baseTree !== undefined) {
    const resolved = await ctx.store.resolveObject(`${baseTree}^{tree}`);
    if (resolved === undefined) throw new HttpError(422, 'base_tree is not a valid tree oid');
    base = resolved.oid;
  }
  const changes: TreeChange[] = [];
  for (const entry of tree) {
    if (entry.sha !== undefined && entry.content !== undefined) {
      throw new HttpError(
        422,
        'Must supply either tree.sha or tree.content. Request will be rejected if both are present.',
      );
    }
    if (entry.sha === null) {
      changes.push({ path: entry.path, delete: true });
    } else if (entry.content !== undefined) {
      if (entry.type !== 'blob') throw new HttpError(422, 'tree.content can only be used with type "blob"');
      changes.push({ ...entry, oid: await ctx.store.writeBlob(Buffer.from(entry.content, 'utf8')) });
    } else if (entry.sha !== undefined) {
      const actual = await ctx.store.objectType(entry.sha);
      if (entry.type !== 'commit' && actual !== entry.type) {
        throw new HttpError(422, `tree.sha ${entry.sha} is not a valid ${entry.type}`);
      }
      changes.push({ path: entry.path, mode: entry.mode, type: entry.type, oid: entry.sha });
    } else {
      throw new HttpError(422, 'Must supply either tree.sha or tree.content.');
    }
  }
  const sha = await ctx.store.buildTree(base, changes).catch(mapPathErrors);
  return {
    status: 201,
    body: treeJson(ctx, sha, await ctx.store.listTree(sha, false)),
    headers: { location: ctx.repo.apiUrl(`/git/trees/${sha}`) },
  };
};

const getGitCommit: RestHandler = async (ctx, req) => {
  const sha = req.params.commit_sha!;
  if ((await ctx.store.objectType(sha)) !== 'commit') throw new HttpError(404, 'Not Found');
  const commit = await ctx.store.readCommit(sha);
  return { status: 200, body: gitCommitJson(ctx.repo, commit, ctx.state.verifiedCommits.has(commit.oid)) };
};

const createGitCommit: RestHandler = async (ctx, req) => {
  const body = req.body as { message: string; tree: string; parents?: string[]; signature?: string };
  if ((await ctx.store.objectType(body.tree)) !== 'tree') throw new HttpError(422, 'Tree SHA does not exist');
  for (const parent of body.parents ?? []) {
    if ((await ctx.store.objectType(parent)) !== 'commit') {
      throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
    }
  }
  const author = personFrom(ctx, req.body.author);
  const committer = personFrom(ctx, req.body.committer);
  const by = author ?? actorPerson(ctx);
  const sha = await ctx.store.commitTree({
    tree: (await ctx.store.resolveObject(body.tree))!.oid,
    parents: body.parents ?? [],
    message: body.message,
    author: by,
    committer: committer ?? (author ? by : { ...GITHUB_WEB_FLOW, date: by.date }),
  });
  // GitHub signs (verifies) bot commits only without custom author, committer or signature.
  if (author === undefined && committer === undefined && body.signature === undefined) {
    ctx.state.verifiedCommits.add(sha);
  }
  const commit = await ctx.store.readCommit(sha);
  return {
    status: 201,
    body: gitCommitJson(ctx.repo, commit, ctx.state.verifiedCommits.has(sha)),
    headers: { location: ctx.repo.apiUrl(`/git/commits/${sha}`) },
  };
};

/** The user object GitHub links to a commit identity, when it knows one. */
function linkedUser(ctx: RequestContext, email: string) {
  if (email === ctx.actor.email) return userJson(ctx.repo, ctx.actor);
  return null;
}

const getCommit: RestHandler = async (ctx, req: RestRequest) => {
  const ref = req.params.ref!;
  const oid = await ctx.store.resolveCommit(ref);
  if (oid === undefined) throw new HttpError(422, `No commit found for SHA: ${ref}`);
  if ((await ctx.store.readRef(`refs/heads/${ref}`)) !== undefined) ctx.noteRefRead(ref);
  // Media types GitHub offers for cheap reads: `.sha` is the usual "what is the head" probe.
  if (req.accept.includes('vnd.github.sha')) {
    return { status: 200, raw: { bytes: oid, contentType: 'application/vnd.github.sha; charset=utf-8' } };
  }
  const commit = await ctx.store.readCommit(oid);
  if (req.accept.includes('vnd.github.diff') || req.accept.includes('vnd.github.patch')) {
    const args = req.accept.includes('patch')
      ? ['format-patch', '-1', '--stdout', oid]
      : [
          'diff-tree',
          '-p',
          '--no-commit-id',
          ...(commit.parents[0] ? [commit.parents[0], oid] : ['--root', oid]),
        ];
    const text = (await ctx.store.git(args)).stdout;
    return { status: 200, raw: { bytes: text, contentType: 'text/plain; charset=utf-8' } };
  }
  const files = await ctx.store.diffCommit(commit);
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return {
    status: 200,
    body: {
      url: ctx.repo.apiUrl(`/commits/${oid}`),
      sha: oid,
      node_id: nodeId('C', parseInt(oid.slice(0, 8), 16)),
      html_url: ctx.repo.webUrl(`/commit/${oid}`),
      comments_url: ctx.repo.apiUrl(`/commits/${oid}/comments`),
      commit: {
        url: ctx.repo.apiUrl(`/git/commits/${oid}`),
        author: { ...commit.author },
        committer: { ...commit.committer },
        message: commit.message,
        comment_count: 0,
        tree: { sha: commit.tree, url: ctx.repo.apiUrl(`/git/trees/${commit.tree}`) },
        verification: verificationJson(ctx.state.verifiedCommits.has(oid), commit.committer.date),
      },
      author: linkedUser(ctx, commit.author.email),
      committer:
        commit.committer.email === GITHUB_WEB_FLOW.email
          ? webFlowUser(ctx)
          : linkedUser(ctx, commit.committer.email),
      parents: commit.parents.map((sha) => ({
        sha,
        url: ctx.repo.apiUrl(`/commits/${sha}`),
        html_url: ctx.repo.webUrl(`/commit/${sha}`),
      })),
      stats: { total: additions + deletions, additions, deletions },
      files: files.map((f) => ({
        sha: f.oid,
        filename: f.path,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
        blob_url: ctx.repo.webUrl(`/blob/${oid}/${encodePath(f.path)}`),
        raw_url: ctx.repo.webUrl(`/raw/${oid}/${encodePath(f.path)}`),
        contents_url: ctx.repo.apiUrl(`/contents/${encodePath(f.path)}?ref=${oid}`),
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previousPath !== undefined ? { previous_filename: f.previousPath } : {}),
      })),
    },
  };
};

/** GitHub's "web-flow" user, the committer of commits GitHub creates for API callers. */
function webFlowUser(ctx: RequestContext) {
  return userJson(ctx.repo, { login: 'web-flow', id: 19864447, type: 'User' });
}

/** Handlers by operationId. */
export const gitHandlers: Record<string, RestHandler> = {
  'repos/get-content': getContent,
  'repos/create-or-update-file-contents': putContent,
  'git/get-ref': getRef,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
  'git/create-blob': createBlob,
  'git/get-tree': getTree,
  'git/create-tree': createTree,
  'git/get-commit': getGitCommit,
  'git/create-commit': createGitCommit,
  'repos/get-commit': getCommit,
};
