/**
 * Real git for tests: temporary bare repositories, a smart-HTTP remote on 127.0.0.1 that serves them
 * through `git http-backend` with token auth (the way an Action pushes), and working checkouts.
 *
 * Everything here runs the `git` binary; nothing is mocked. Every helper returns a `dispose()` /
 * `close()` that removes what it created, so a test's `afterAll` can clean up.
 *
 * ```ts
 * const repo = await createBareRepo({ files: { 'apps/web/kustomization.yaml': 'images: []\n' } });
 * const remote = await startGitRemote({ repos: { 'acme/gitops': repo.path } });
 * const work = await cloneCheckout(remote.authenticatedUrl('acme/gitops'));
 * await work.git(['commit', '--allow-empty', '-m', 'x']);
 * await work.git(['push', 'origin', 'HEAD:main']);
 * await Promise.all([work.dispose(), remote.close(), repo.dispose()]);
 * ```
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** A failed git command, with the arguments and what git printed. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} exited ${exitCode}: ${stderr.trim()}`);
    this.name = 'GitCommandError';
  }
}

/** Options for {@link runGit}. */
export interface RunGitOptions {
  /** Working directory (a checkout, or anywhere when `--git-dir` is among the arguments). */
  cwd?: string;
  /** Bytes written to git's stdin. */
  input?: string | Uint8Array;
  /** Extra environment; merged over the isolated base environment. */
  env?: Record<string, string | undefined>;
  /** Exit codes that are not errors (e.g. `[0, 1]` for `merge-base --is-ancestor`). */
  okExitCodes?: readonly number[];
}

/** Result of {@link runGit}. */
export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/**
 * Fixed identity and dates so tests that seed repositories get the same object ids every run,
 * and the user's global git config (signing, hooks, templates) never leaks into a test.
 */
export const TEST_GIT_ENV: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'Glidepath Test',
  GIT_AUTHOR_EMAIL: 'test@glidepath.invalid',
  GIT_COMMITTER_NAME: 'Glidepath Test',
  GIT_COMMITTER_EMAIL: 'test@glidepath.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  // A wrong token must fail fast instead of asking a credential helper or a terminal.
  GIT_ASKPASS: 'true',
};

/** Runs `git ARGS`, resolving with its output; rejects with {@link GitCommandError} on failure. */
export function runGit(args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, ...TEST_GIT_ENV, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const ok = options.okExitCodes ?? [0];
      if (code === null || !ok.includes(code)) reject(new GitCommandError(args, code, stderr));
      else resolve({ stdout: Buffer.concat(out), stderr, exitCode: code });
    });
    // git may exit before reading all of stdin (e.g. on a bad argument); that is reported by 'close'.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns stdout as trimmed text. */
export async function gitText(args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  return (await runGit(args, options)).stdout.toString('utf8').trim();
}

/** Files to seed a repository with: repository path → contents. */
export type SeedFiles = Readonly<Record<string, string | Uint8Array>>;

/** Options for {@link createBareRepo}. */
export interface CreateBareRepoOptions {
  /** A directory whose files become the first commit (copied; the directory is not changed). */
  seedDir?: string;
  /** Files written over `seedDir` (or alone) for the first commit. */
  files?: SeedFiles;
  /** Branch of the first commit; also the bare repository's HEAD. Default `main`. */
  branch?: string;
  /** Message of the first commit. */
  message?: string;
  /** With neither seedDir nor files: `true` leaves the repository without any commit. */
  empty?: boolean;
}

/** A temporary bare repository. */
export interface TempBareRepo {
  /** Absolute path of the bare repository (`…/NAME.git`). */
  path: string;
  /** The default branch. */
  branch: string;
  /** The first commit's id, or undefined for an empty repository. */
  head: string | undefined;
  /** Runs git against this repository (`--git-dir` is added). */
  git(args: readonly string[], options?: RunGitOptions): Promise<GitResult>;
  /** Removes the repository. */
  dispose(): Promise<void>;
}

/**
 * Creates a bare repository in a temp dir, seeded with one commit holding `seedDir` and `files`.
 * The repository accepts smart-HTTP pushes (`http.receivepack`) so {@link startGitRemote} can serve it.
 */
export async function createBareRepo(options: CreateBareRepoOptions = {}): Promise<TempBareRepo> {
  const branch = options.branch ?? 'main';
  const root = await mkdtemp(join(tmpdir(), 'glidepath-bare-'));
  const path = join(root, 'repo.git');
  await runGit(['init', '--quiet', '--bare', '--initial-branch', branch, path]);
  await runGit(['--git-dir', path, 'config', 'http.receivepack', 'true']);
  const git = (args: readonly string[], runOptions: RunGitOptions = {}) =>
    runGit(['--git-dir', path, ...args], runOptions);

  let head: string | undefined;
  const hasSeed = options.seedDir !== undefined || Object.keys(options.files ?? {}).length > 0;
  if (hasSeed || !options.empty) {
    const work = await mkdtemp(join(tmpdir(), 'glidepath-seed-'));
    try {
      if (options.seedDir !== undefined) await cp(options.seedDir, work, { recursive: true });
      await writeSeedFiles(work, options.files ?? {});
      // A temporary index over the seed directory: the bare repository never needs a worktree.
      const env = { GIT_INDEX_FILE: join(root, 'seed.index'), GIT_WORK_TREE: work };
      await git(['add', '--all', '--force', '.'], { cwd: work, env });
      const tree = await gitText(['--git-dir', path, 'write-tree'], { env });
      head = await gitText(['--git-dir', path, 'commit-tree', tree, '-m', options.message ?? 'Seed'], {
        env: { GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' },
      });
      await git(['update-ref', `refs/heads/${branch}`, head]);
      await rm(env.GIT_INDEX_FILE, { force: true });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return { path, branch, head, git, dispose: () => rm(root, { recursive: true, force: true }) };
}

async function writeSeedFiles(dir: string, files: SeedFiles): Promise<void> {
  for (const [relative, contents] of Object.entries(files)) {
    if (relative.startsWith('/') || relative.split('/').includes('..')) {
      throw new Error(`seed file path must stay inside the repository: ${relative}`);
    }
    const target = join(dir, relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}

/** Options for {@link startGitRemote}. */
export interface GitRemoteOptions {
  /** Repositories to serve: `owner/name` → bare repository path. */
  repos: Readonly<Record<string, string>>;
  /** The token a client must present as the Basic password. Default: a random one. */
  token?: string;
}

/** Counts of what the remote served, for tests that budget calls. */
export interface GitRemoteStats {
  /** Requests answered by git http-backend. */
  served: number;
  /** `git-receive-pack` POSTs (pushes). */
  pushes: number;
  /** `git-upload-pack` POSTs (fetches and clones). */
  fetches: number;
  /** Requests refused with 401. */
  unauthorized: number;
}

/** A running smart-HTTP git remote. */
export interface GitRemote {
  /** `http://127.0.0.1:PORT/owner/name.git`, without credentials. */
  url(repo: string): string;
  /** The same URL with `x-access-token:TOKEN@` (what actions/checkout-style pushes use). */
  authenticatedUrl(repo: string, token?: string): string;
  /** `-c http.extraheader=…` value that authenticates like actions/checkout does. */
  extraHeader(token?: string): string;
  /** The accepted token. */
  token: string;
  /** Serves another repository. */
  addRepo(repo: string, barePath: string): void;
  /** Request counts so far. */
  stats(): GitRemoteStats;
  /** Stops the server (it does not delete the repositories). */
  close(): Promise<void>;
}

/**
 * Starts a smart-HTTP git server on 127.0.0.1 (random free port) serving bare repositories through
 * `git http-backend`. Clients authenticate with HTTP Basic, any user name and the token as password
 * (GitHub's `x-access-token:TOKEN`); anything else gets 401, as GitHub does.
 *
 * Security note: this exists for tests and binds to loopback only. Request data reaches git solely as
 * CGI environment variables and stdin, never as command-line arguments or a shell string.
 */
export async function startGitRemote(options: GitRemoteOptions): Promise<GitRemote> {
  const token = options.token ?? `ghs_test${Math.random().toString(36).slice(2)}`;
  const repos = new Map<string, string>();
  const stats: GitRemoteStats = { served: 0, pushes: 0, fetches: 0, unauthorized: 0 };
  const addRepo = (repo: string, barePath: string) => repos.set(repo.toLowerCase(), barePath);
  for (const [repo, barePath] of Object.entries(options.repos)) addRepo(repo, barePath);

  const server = http.createServer((req, res) => {
    if (!hasToken(req.headers.authorization, token)) {
      stats.unauthorized += 1;
      req.resume();
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"', 'Content-Type': 'text/plain' });
      res.end('Authentication failed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // /owner/name.git/<service path>; the repository name is everything up to ".git".
    const match = /^\/([^/]+\/[^/]+?)(?:\.git)?(\/.*)$/.exec(url.pathname);
    const barePath = match ? repos.get(match[1]!.toLowerCase()) : undefined;
    if (!match || barePath === undefined) {
      req.resume();
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Repository not found.\n');
      return;
    }
    const servicePath = match[2]!;
    if (req.method === 'POST' && servicePath.endsWith('/git-receive-pack')) stats.pushes += 1;
    if (req.method === 'POST' && servicePath.endsWith('/git-upload-pack')) stats.fetches += 1;
    stats.served += 1;
    serveWithHttpBackend(req, res, {
      projectRoot: dirname(barePath),
      pathInfo: `/${basename(barePath)}${servicePath}`,
      query: url.search.slice(1),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    token,
    url: (repo) => `${base}/${repo}.git`,
    authenticatedUrl: (repo, other = token) =>
      `http://x-access-token:${encodeURIComponent(other)}@127.0.0.1:${port}/${repo}.git`,
    extraHeader: (other = token) =>
      `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${other}`).toString('base64')}`,
    addRepo,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function hasToken(header: string | undefined, token: string): boolean {
  const match = /^basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return decoded.includes(':') && password === token;
}

/** Runs one CGI request through `git http-backend` and streams its response back. */
function serveWithHttpBackend(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  cgi: { projectRoot: string; pathInfo: string; query: string },
): void {
  const child = spawn('git', ['http-backend'], {
    env: {
      ...process.env,
      ...TEST_GIT_ENV,
      GIT_PROJECT_ROOT: cgi.projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: cgi.pathInfo,
      QUERY_STRING: cgi.query,
      REQUEST_METHOD: req.method ?? 'GET',
      // http-backend only enables receive-pack for an authenticated user (or http.receivepack).
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: req.headers['content-length'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      // Protocol v2 is negotiated through this header; without it clients fall back to v0.
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.on('error', () => undefined);
  req.pipe(child.stdin);

  let head = Buffer.alloc(0);
  let headersSent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersSent = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.on('error', (error) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(`git http-backend failed: ${error.message}\n`);
  });
  child.on('close', (code) => {
    if (!headersSent) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`git http-backend exited ${code}: ${Buffer.concat(stderr).toString('utf8')}`);
      return;
    }
    res.end();
  });
}

/** A working checkout in a temp dir. */
export interface Checkout {
  /** The checkout's directory. */
  dir: string;
  /** Runs git inside the checkout. */
  git(args: readonly string[], options?: RunGitOptions): Promise<GitResult>;
  /** Removes the checkout. */
  dispose(): Promise<void>;
}

/** Options for {@link cloneCheckout}. */
export interface CloneOptions {
  /** Branch to check out; default the remote's HEAD. */
  branch?: string;
  /** Extra `-c key=value` settings for the clone (e.g. `http.extraheader=…`); kept in the checkout. */
  config?: Readonly<Record<string, string>>;
}

/** Clones `url` (a bare path or a remote URL) into a temp dir with a test identity configured. */
export async function cloneCheckout(url: string, options: CloneOptions = {}): Promise<Checkout> {
  const root = await mkdtemp(join(tmpdir(), 'glidepath-checkout-'));
  const dir = join(root, 'work');
  const config = Object.entries(options.config ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const branch = options.branch ? ['--branch', options.branch] : [];
  try {
    await runGit(['clone', '--quiet', ...config, ...branch, url, dir]);
    for (const [key, value] of Object.entries(options.config ?? {})) {
      await runGit(['config', key, value], { cwd: dir });
    }
    await runGit(['config', 'user.name', TEST_GIT_ENV.GIT_AUTHOR_NAME!], { cwd: dir });
    await runGit(['config', 'user.email', TEST_GIT_ENV.GIT_AUTHOR_EMAIL!], { cwd: dir });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    git: (args, runOptions = {}) => runGit(args, { cwd: dir, ...runOptions }),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
