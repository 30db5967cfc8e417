/**
 * Running the `git` executable: the one place that spawns it, so the local backend can be given a
 * fake or a fault-injecting runner in tests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';

/** What one git invocation returned. */
export interface GitResult {
  /** Exit status; -1 when the process was killed (timeout) or could not report one. */
  code: number;
  stdout: Buffer;
  stderr: string;
  /** The process ran past its timeout and was killed. */
  timedOut: boolean;
}

/** How to run one git invocation. */
export interface GitRunOptions {
  /** Working directory (a repository or a bare repository). */
  cwd: string;
  /** Variables added to the process environment. */
  env?: Readonly<Record<string, string>>;
  /** Written to stdin, then stdin is closed. */
  input?: string | Buffer;
  /** Kill the process after this many milliseconds. */
  timeoutMs?: number;
}

/** Runs `git ARGS…`; resolves with the exit status rather than rejecting on a non-zero one. */
export type GitRunner = (args: readonly string[], options: GitRunOptions) => Promise<GitResult>;

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
export const spawnGit: GitRunner = (args, options) =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of REPOSITORY_VARIABLES) delete env[name];
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      env: { ...env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      // spawn reports a missing working directory as ENOENT too; only a missing git is the user's to fix.
      if (error.code === 'ENOENT' && !existsSync(options.cwd)) {
        reject(new Error(`git cannot run in ${options.cwd}: the directory does not exist`, { cause: error }));
      } else if (error.code === 'ENOENT') {
        reject(
          new ConfigurationError(
            'git is not installed or not on PATH; install git 2.31 or newer',
            undefined,
            {
              cause: error,
            },
          ),
        );
      } else {
        reject(error);
      }
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
    // A git that exits before reading stdin closes the pipe; that is its answer, not ours to raise.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
