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
import { TransientError } from '../errors.js';
import { backoffDelay, type RetryEffects, type RetryPolicy } from './backoff.js';
import { commitMessageOf, findIntent, intentOf, validateRequest } from './intent.js';
import type { CommitRequest, CommitResult, DesiredChange, Logger, LoggedCommit } from './types.js';

/** One file's new content (undefined deletes it), as rendered on a specific head. */
export interface FileEdit {
  path: string;
  content: string | undefined;
}

/** How one write attempt ended, short of an error the user must fix (those are thrown). */
export type WriteOutcome =
  /** The branch now points at `sha`. */
  | { kind: 'written'; sha: string }
  /** The branch had moved: nothing was written. */
  | { kind: 'conflict'; detail: string }
  /** Unknown whether the write landed (timeout, reset connection, 5xx). */
  | { kind: 'ambiguous'; detail: string };

/** What a backend offers the loop. */
export interface CompareAndSwapTarget {
  /** The branch head; with `withHistory`, also its newest commits (newest first) for the intent check. */
  readHead(withHistory: boolean): Promise<{ oid: string; history?: LoggedCommit[] }>;
  /** Content of `paths` at commit `oid`; a missing file maps to undefined. */
  readFiles(oid: string, paths: readonly string[]): Promise<Map<string, string | undefined>>;
  /** Commits `edits` on top of `base` and moves the branch there only if it still points at `base`. */
  write(base: string, edits: readonly FileEdit[], message: string): Promise<WriteOutcome>;
}

/** Settings of one loop run. */
export interface CompareAndSwapOptions {
  retry: RetryPolicy;
  effects: RetryEffects;
  logger: Logger;
}

/**
 * Renders `changes` on `current`: the edits that actually change something (deleting a file that
 * does not exist, or writing what is already there, is no edit). Render errors propagate untouched.
 */
export function renderChanges(
  changes: readonly DesiredChange[],
  current: ReadonlyMap<string, string | undefined>,
): FileEdit[] {
  const edits: FileEdit[] = [];
  for (const change of changes) {
    const before = current.get(change.path);
    const after = change.render(before);
    if (after !== before) edits.push({ path: change.path, content: after });
  }
  return edits;
}

/** Runs the compare-and-swap loop for `request` against `target`; see the module comment. */
export async function commitWithCompareAndSwap(
  request: CommitRequest,
  target: CompareAndSwapTarget,
  options: CompareAndSwapOptions,
): Promise<CommitResult> {
  validateRequest(request);
  const intent = intentOf(request);
  const message = commitMessageOf(request);
  const paths = request.changes.map((change) => change.path);
  const { retry, effects, logger } = options;

  let firstBase: string | undefined;
  let failures = 0;
  let lastFailure = '';
  for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
    const started = effects.now();
    const head = await target.readHead(failures > 0);
    firstBase ??= head.oid;
    if (failures > 0) {
      const landed = findIntent(head.history ?? [], intent, firstBase);
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
      const wait = backoffDelay(attempt, retry, effects.random, effects.now() - started);
      logger.debug(
        `${request.branch}: attempt ${attempt} lost (${lastFailure}); re-rendering after ${wait} ms`,
      );
      await effects.sleep(wait);
    }
  }
  // One last look: the final failed attempt may itself have landed.
  const head = await target.readHead(true);
  const landed = findIntent(head.history ?? [], intent, firstBase);
  if (landed) return { status: 'already-applied', sha: landed.sha, attempts: retry.maxAttempts };
  throw new TransientError(
    `could not commit to ${request.branch} in ${retry.maxAttempts} attempts (last: ${lastFailure}); ` +
      'other writers kept moving the branch or the remote kept failing. Nothing was committed; run the ' +
      'command again, and serialise writers to this branch (a `concurrency` group) if it keeps happening',
  );
}
