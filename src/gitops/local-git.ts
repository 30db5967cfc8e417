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
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigurationError, TransientError } from '../errors.js';
import { realRetryEffects, retryPolicy, type RetryEffects, type RetryPolicy } from './backoff.js';
import {
  commitWithCompareAndSwap,
  type CompareAndSwapTarget,
  type FileEdit,
  type WriteOutcome,
} from './compare-and-swap.js';
import { spawnGit, type GitResult, type GitRunner } from './git-command.js';
import { headlineOf, parseTrailers } from './trailers.js';
import {
  silentLogger,
  type CommitRequest,
  type CommitResult,
  type DesiredStateWriter,
  type LoggedCommit,
  type Logger,
} from './types.js';

/** Who a commit says made it. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** The default author and committer. */
export const GLIDEPATH_BOT: GitIdentity = {
  name: 'glidepath[bot]',
  email: 'glidepath[bot]@users.noreply.github.com',
};

/** Settings of the local git backend. */
export interface LocalGitSettings {
  /**
   * Where the GitOps repository is: `{ url }` (https://, ssh://, file:// or a path) is fetched into
   * a private bare repository; `{ checkout }` reuses an existing clone's objects, remote and
   * credentials without touching its HEAD, index or files.
   */
  source: { url: string } | { checkout: string; remote?: string };
  /** Token for HTTP(S) remotes, sent as an Authorization header; never put it in the URL. */
  token?: string;
  /** `basic` (default): `x-access-token:<token>` as GitHub and most hosts expect; `bearer`: `Bearer <token>`. */
  authScheme?: 'basic' | 'bearer';
  /** Commit author; default glidepath[bot]. */
  author?: GitIdentity;
  /** Commit committer; default the author. */
  committer?: GitIdentity;
  /** Compare-and-swap retries (default 5 attempts, full-jitter backoff). */
  retry?: Partial<RetryPolicy>;
  /** A push running longer than this is killed and treated as ambiguous. Default 60 s. */
  pushTimeoutMs?: number;
  /** A fetch running longer than this is killed (a transient error). Default 120 s. */
  fetchTimeoutMs?: number;
  /** Commits of recent history searched for a request's Glidepath-Intent after a failure. Default 50. */
  historyDepth?: number;
  /** Directory for the private repository and temporary index files. Default the OS temp dir. */
  tempDir?: string;
}

/** Injected effects. */
export interface LocalGitDeps {
  git?: GitRunner;
  effects?: RetryEffects;
  logger?: Logger;
  /** Registers a secret so logs mask it (the action passes core.setSecret). */
  mask?: (secret: string) => void;
  /** Commit timestamps; default the system clock. */
  now?: () => Date;
}

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Writes desired state with the git executable; see the module comment. */
export class LocalGitWriter implements DesiredStateWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    /** Where git commands run: the private bare repository or the user's checkout. */
    private readonly cwd: string,
    /** What fetch and push talk to: a URL, or a remote name of the checkout. */
    private readonly remote: string,
    /** Private directory (temp index files; the private repository itself for URL sources). */
    private readonly scratch: string,
    /** Private ref namespace, unique per writer, so concurrent writers never share a ref. */
    private readonly refPrefix: string,
    private readonly env: Readonly<Record<string, string>>,
    private readonly secrets: readonly string[],
    private readonly settings: LocalGitSettings,
    private readonly retry: RetryPolicy,
    private readonly git: GitRunner,
    private readonly effects: RetryEffects,
    private readonly logger: Logger,
    private readonly now: () => Date,
    private readonly ownsCwd: boolean,
  ) {}

  /** Prepares a writer: masks the token, creates the private repository or checks the checkout. */
  static async open(settings: LocalGitSettings, deps: LocalGitDeps = {}): Promise<LocalGitWriter> {
    const git = deps.git ?? spawnGit;
    const logger = deps.logger ?? silentLogger;
    const retry = retryPolicy(settings.retry);
    const scratch = await mkdtemp(join(settings.tempDir ?? tmpdir(), 'glidepath-git-'));
    const id = randomBytes(6).toString('hex');
    try {
      let cwd: string;
      let remote: string;
      let remoteUrl: string | undefined;
      if ('url' in settings.source) {
        remoteUrl = settings.source.url;
        refuseCredentialsInUrl(remoteUrl);
        cwd = join(scratch, 'repo.git');
        await mustRun(
          git,
          ['init', '--quiet', '--bare', cwd],
          { cwd: scratch },
          'create a private repository',
        );
        // No background gc while concurrent commands of this writer share the repository.
        await mustRun(git, ['config', 'gc.auto', '0'], { cwd }, 'configure the private repository');
        remote = remoteUrl;
      } else {
        cwd = settings.source.checkout;
        remote = settings.source.remote ?? 'origin';
        const inside = await git(['rev-parse', '--git-dir'], { cwd });
        if (inside.code !== 0) {
          throw new ConfigurationError(
            `${cwd} is not a git checkout (${inside.stderr.trim()}); point the writer at a clone of the GitOps repository or give its URL`,
          );
        }
        const url = await git(['remote', 'get-url', '--push', remote], { cwd });
        if (url.code !== 0) {
          throw new ConfigurationError(
            `the checkout at ${cwd} has no remote "${remote}"; add it (git remote add ${remote} URL) or name the remote to push to`,
          );
        }
        remoteUrl = url.stdout.toString('utf8').trim();
        refuseCredentialsInUrl(remoteUrl);
      }
      const secrets: string[] = [];
      const env: Record<string, string> = {
        // Never wait for a password on a terminal nobody is watching.
        GIT_TERMINAL_PROMPT: '0',
        GCM_INTERACTIVE: 'never',
        // git's messages in English, so that push and fetch outcomes can be recognised.
        LC_ALL: 'C',
        LANGUAGE: 'C',
      };
      if (settings.token) {
        const header =
          settings.authScheme === 'bearer'
            ? `Bearer ${settings.token}`
            : `basic ${Buffer.from(`x-access-token:${settings.token}`).toString('base64')}`;
        secrets.push(settings.token, header.slice(header.indexOf(' ') + 1));
        for (const secret of secrets) deps.mask?.(secret);
        Object.assign(
          env,
          gitConfigEnv([
            // An empty value first clears headers a checkout persisted (actions/checkout does), so
            // exactly one Authorization header is sent.
            [`http.${remoteUrl}.extraheader`, ''],
            [`http.${remoteUrl}.extraheader`, `AUTHORIZATION: ${header}`],
            // With the header set, a credential helper could only offer a different identity.
            ['credential.helper', ''],
          ]),
        );
      }
      return new LocalGitWriter(
        cwd,
        remote,
        scratch,
        `refs/glidepath/${id}`,
        env,
        secrets,
        settings,
        retry,
        git,
        deps.effects ?? realRetryEffects,
        logger,
        deps.now ?? (() => new Date()),
        'url' in settings.source,
      );
    } catch (error) {
      await rm(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  /** Removes the private repository (or, for a checkout, this writer's private refs). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => {});
    if (!this.ownsCwd && existsSync(this.cwd)) {
      const refs = await this.run(['for-each-ref', '--format=%(refname)', this.refPrefix]);
      const input = refs.stdout
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((ref) => `delete ${ref}\n`)
        .join('');
      if (input) await this.run(['update-ref', '--stdin'], { input });
    }
    await rm(this.scratch, { recursive: true, force: true });
  }

  /** See DesiredStateWriter.commit. */
  commit(request: CommitRequest): Promise<CommitResult> {
    return this.exclusive(() =>
      commitWithCompareAndSwap(request, this.target(request.branch), {
        retry: this.retry,
        effects: this.effects,
        logger: this.logger,
      }),
    );
  }

  /** See DesiredStateWriter.readFile; `ref` is a branch (fetched first) or a commit already fetched. */
  readFile(ref: string, path: string): Promise<string | undefined> {
    return this.exclusive(async () => {
      const oid = FULL_SHA.test(ref) ? ref : await this.fetchBranch(ref);
      // A missing commit must not read as a missing file: a revert would delete the file.
      const known = await this.run(['cat-file', '-e', `${oid}^{commit}`]);
      if (known.code !== 0) {
        throw new ConfigurationError(
          `commit ${oid} is not in the fetched history of ${this.describeRemote()}; read its branch first (log) or check the sha`,
        );
      }
      return (await this.readBlobs(oid, [path])).get(path);
    });
  }

  /** See DesiredStateWriter.log. */
  log(branch: string, n: number): Promise<LoggedCommit[]> {
    return this.exclusive(async () => this.history(await this.fetchBranch(branch), n));
  }

  /** See DesiredStateWriter.changedFiles. */
  changedFiles(sha: string): Promise<string[]> {
    return this.exclusive(async () => {
      const result = await this.mustRun(
        [
          'diff-tree',
          '-r',
          '--no-commit-id',
          '--name-only',
          '-z',
          '--root',
          '--diff-merges=first-parent',
          sha,
        ],
        `list the files commit ${sha} changed`,
      );
      return result.stdout.toString('utf8').split('\0').filter(Boolean);
    });
  }

  /** The compare-and-swap target for `branch`. */
  private target(branch: string): CompareAndSwapTarget {
    return {
      readHead: async (withHistory) => {
        const oid = await this.fetchBranch(branch);
        return withHistory ? { oid, history: await this.history(oid, this.historyDepth) } : { oid };
      },
      readFiles: (oid, paths) => this.readBlobs(oid, paths),
      write: (base, edits, message) => this.write(branch, base, edits, message),
    };
  }

  private get historyDepth(): number {
    return this.settings.historyDepth ?? 50;
  }

  /** Fetches `branch` into this writer's private ref and returns its head. */
  private async fetchBranch(branch: string): Promise<string> {
    const privateRef = `${this.refPrefix}/${branch}`;
    const result = await this.run(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        this.remote,
        `+refs/heads/${branch}:${privateRef}`,
      ],
      { timeoutMs: this.settings.fetchTimeoutMs ?? 120_000 },
    );
    if (result.code !== 0) {
      const detail = this.scrub(result.stderr.trim()) || `exit status ${result.code}`;
      if (/couldn't find remote ref/i.test(result.stderr)) {
        throw new ConfigurationError(
          `branch ${branch} does not exist in ${this.describeRemote()}; create it, or set desired.branch to an existing branch`,
        );
      }
      if (isAuthFailure(result.stderr)) {
        throw new ConfigurationError(
          `cannot read ${this.describeRemote()}: ${detail}; check that the token can read the repository (contents: read) and that the URL is right`,
        );
      }
      const why = result.timedOut ? `no answer in ${this.settings.fetchTimeoutMs ?? 120_000} ms` : detail;
      throw new TransientError(`fetching ${branch} from ${this.describeRemote()} failed: ${why}`);
    }
    const head = await this.mustRun(
      ['rev-parse', '--verify', '--quiet', `${privateRef}^{commit}`],
      `read ${branch}`,
    );
    return head.stdout.toString('utf8').trim();
  }

  /** Newest `n` first-parent commits from `oid`, with their trailers. */
  private async history(oid: string, n: number): Promise<LoggedCommit[]> {
    const result = await this.mustRun(
      ['log', '--first-parent', `-n${n}`, '--format=%H%x00%P%x00%B%x00%x1e', oid, '--'],
      'read the branch history',
    );
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
          headline: headlineOf(message),
          message,
          trailers: parseTrailers(message),
        };
      });
  }

  /** Content of each path at `oid` through one `cat-file --batch`; missing paths map to undefined. */
  private async readBlobs(oid: string, paths: readonly string[]): Promise<Map<string, string | undefined>> {
    const result = await this.mustRun(['cat-file', '--batch'], 'read files', {
      input: paths.map((path) => `${oid}:${path}\n`).join(''),
    });
    const out = result.stdout;
    const files = new Map<string, string | undefined>();
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
        throw new ConfigurationError(
          `${path} is a ${type === 'tree' ? 'directory' : (type ?? 'non-file')} at ${oid}; Glidepath edits files only`,
        );
      }
      files.set(path, out.subarray(offset, offset + length).toString('utf8'));
      offset += length + 1;
    }
    return files;
  }

  /** One compare-and-swap write: blobs, tree, commit on `base`, plain push. */
  private async write(
    branch: string,
    base: string,
    edits: readonly FileEdit[],
    message: string,
  ): Promise<WriteOutcome> {
    const index = join(this.scratch, `index-${randomBytes(6).toString('hex')}`);
    const indexEnv = { GIT_INDEX_FILE: index };
    try {
      await this.mustRun(['read-tree', base], 'prepare the commit', { env: indexEnv });
      const modes = await this.modesOf(
        base,
        edits.map((edit) => edit.path),
      );
      let indexInfo = '';
      for (const edit of edits) {
        if (edit.content === undefined) {
          indexInfo += `0 ${'0'.repeat(base.length)}\t${edit.path}\n`;
          continue;
        }
        const blob = await this.mustRun(
          ['hash-object', '-w', '--no-filters', '--stdin'],
          `store ${edit.path}`,
          {
            input: edit.content,
          },
        );
        indexInfo += `${modes.get(edit.path) ?? '100644'} ${blob.stdout.toString('utf8').trim()}\t${edit.path}\n`;
      }
      await this.mustRun(['update-index', '--index-info'], 'prepare the commit', {
        env: indexEnv,
        input: indexInfo,
      });
      const tree = (await this.mustRun(['write-tree'], 'prepare the commit', { env: indexEnv })).stdout
        .toString('utf8')
        .trim();
      const commit = (
        await this.mustRun(['commit-tree', tree, '-p', base, '-F', '-'], 'create the commit', {
          env: this.identityEnv(),
          input: message,
        })
      ).stdout
        .toString('utf8')
        .trim();
      return await this.push(branch, commit);
    } finally {
      await rm(index, { force: true });
    }
  }

  /** File modes of `paths` at `base` (so an executable file stays executable). */
  private async modesOf(base: string, paths: readonly string[]): Promise<Map<string, string>> {
    const result = await this.mustRun(['ls-tree', '-z', base, '--', ...paths], 'read file modes');
    const modes = new Map<string, string>();
    for (const entry of result.stdout.toString('utf8').split('\0').filter(Boolean)) {
      const tab = entry.indexOf('\t');
      const [mode = '100644', type] = entry.slice(0, tab).split(' ');
      if (type === 'blob') modes.set(entry.slice(tab + 1), mode);
    }
    return modes;
  }

  /**
   * Pushes `commit` to `branch` without force: the remote takes it only as a fast-forward of the
   * head it was rendered on. `--porcelain` reports each ref's fate on stdout, which separates a
   * lost race (retry) from a refusal (the user must act) from no answer at all (ambiguous).
   */
  private async push(branch: string, commit: string): Promise<WriteOutcome> {
    const timeoutMs = this.settings.pushTimeoutMs ?? 60_000;
    const result = await this.run(
      ['push', '--porcelain', '--no-verify', this.remote, `${commit}:refs/heads/${branch}`],
      { timeoutMs },
    );
    const stdout = result.stdout.toString('utf8');
    const status = stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .find((fields) => fields.length >= 3 && fields[1]?.endsWith(`:refs/heads/${branch}`));
    const detail = this.scrub(`${status?.[2] ?? ''} ${result.stderr}`.trim());
    if (status && result.code === 0 && status[0] !== '!') return { kind: 'written', sha: commit };
    if (status?.[0] === '!') {
      const summary = status[2] ?? '';
      if (/^\[rejected\]/.test(summary)) return { kind: 'conflict', detail: summary };
      if (/^\[remote rejected\]/.test(summary)) {
        if (
          /cannot lock ref|failed to update ref|incorrect old value|non-fast-forward|fetch first|stale/i.test(
            summary,
          )
        ) {
          return { kind: 'conflict', detail: summary };
        }
        throw new ConfigurationError(
          `${this.describeRemote()} refused the push to ${branch}: ${detail}; if the branch is protected, allow this ` +
            'identity to push, or use the GitHub backend with mode: pull-request',
        );
      }
      return { kind: 'ambiguous', detail };
    }
    if (!result.timedOut && isAuthFailure(result.stderr)) {
      throw new ConfigurationError(
        `cannot push to ${this.describeRemote()}: ${detail}; the token needs write access to the repository contents`,
      );
    }
    return {
      kind: 'ambiguous',
      detail: result.timedOut
        ? `push gave no answer in ${timeoutMs} ms`
        : detail || `exit status ${result.code}`,
    };
  }

  private identityEnv(): Record<string, string> {
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

  private run(
    args: readonly string[],
    options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
  ): Promise<GitResult> {
    return this.git(args, {
      cwd: this.cwd,
      env: { ...this.env, ...options.env },
      ...(options.input === undefined ? {} : { input: options.input }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  /** Runs a local command that must succeed; a failure here is not the network's fault. */
  private async mustRun(
    args: readonly string[],
    what: string,
    options: { env?: Record<string, string>; input?: string } = {},
  ): Promise<GitResult> {
    const result = await this.run(args, options);
    if (result.code !== 0) {
      throw new Error(`git ${args[0]} failed to ${what}: ${this.scrub(result.stderr.trim())}`);
    }
    return result;
  }

  /** Runs `task` after every earlier call of this writer finished (they share refs and objects). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('this LocalGitWriter is closed'));
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => {});
    return next;
  }

  private scrub(text: string): string {
    let scrubbed = text;
    for (const secret of this.secrets) scrubbed = scrubbed.split(secret).join('***');
    return scrubbed;
  }

  private describeRemote(): string {
    return 'url' in this.settings.source ? redactUrl(this.remote) : `remote "${this.remote}"`;
  }
}

/**
 * GIT_CONFIG_COUNT/KEY_n/VALUE_n entries for `pairs`, appended after any the environment already
 * has (git ≥ 2.31 reads them as if given with -c, without putting them on the command line).
 */
export function gitConfigEnv(pairs: readonly (readonly [string, string])[]): Record<string, string> {
  const existing = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(existing + pairs.length) };
  pairs.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${existing + index}`] = key;
    env[`GIT_CONFIG_VALUE_${existing + index}`] = value;
  });
  return env;
}

/** Credentials in a remote URL end up in logs and in .git/config; refuse them. */
function refuseCredentialsInUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed && /^https?:$/.test(parsed.protocol) && (parsed.username || parsed.password)) {
    throw new ConfigurationError(
      `the GitOps repository URL ${redactUrl(url)} carries credentials; remove them from the URL and pass the token separately (the action input \`token\`)`,
    );
  }
}

/** `url` with any user or password replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

function isAuthFailure(stderr: string): boolean {
  return /authentication failed|could not read (username|password)|returned error: 40[134]|permission denied|repository not found|does not appear to be a git repository|invalid username or password/i.test(
    stderr,
  );
}

async function mustRun(
  git: GitRunner,
  args: readonly string[],
  options: { cwd: string },
  what: string,
): Promise<GitResult> {
  const result = await git(args, options);
  if (result.code !== 0) throw new Error(`git ${args[0]} failed to ${what}: ${result.stderr.trim()}`);
  return result;
}
