import { createHash } from 'node:crypto';
import { ConfigurationError } from '../errors.js';
import { formatCommitMessage } from './trailers.js';
import { TRAILER_KEYS, type CommitRequest, type LoggedCommit, type Trailers } from './types.js';

/**
 * The request's idempotency key: `sha256:` and the first 32 hex characters of a hash over the
 * branch, headline, body, trailers and each change's path and declared intent. The same request
 * made again (a re-run of the same step) hashes the same; an explicit `Glidepath-Intent` wins.
 */
export function intentOf(request: CommitRequest): string {
  const explicit = request.trailers['Glidepath-Intent'];
  if (explicit) return explicit.trim();
  const trailers = Object.fromEntries(
    TRAILER_KEYS.filter(
      (key) =>
        key !== 'Glidepath-Intent' && key !== 'Glidepath-Analysis' && request.trailers[key] !== undefined,
    ).map((key) => [key, request.trailers[key]!.trim()]),
  );
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
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

/** The request's trailers with Glidepath-Intent filled in. */
export function trailersWithIntent(request: CommitRequest): Trailers {
  return { ...request.trailers, 'Glidepath-Intent': intentOf(request) };
}

/** The full commit message the backends write for `request` (trailers include Glidepath-Intent). */
export function commitMessageOf(request: CommitRequest): string {
  return formatCommitMessage(request.headline, request.body, trailersWithIntent(request));
}

/**
 * Refuses a request no backend could commit: no changes, a path twice, or a path that is not a
 * plain relative repository path. Checked before anything is read, so nothing is written.
 */
export function validateRequest(request: CommitRequest): void {
  if (!request.branch || /^refs\//.test(request.branch) || /\s|\.\.|[~^:?*[\\]/.test(request.branch)) {
    throw new ConfigurationError(
      `branch ${JSON.stringify(request.branch)} is not a branch name; write it without refs/heads/, e.g. main`,
    );
  }
  if (request.changes.length === 0)
    throw new ConfigurationError('a commit request must change at least one file');
  const seen = new Set<string>();
  for (const { path } of request.changes) {
    if (
      !path ||
      path.startsWith('/') ||
      path.endsWith('/') ||
      path.split('/').some((part) => part === '' || part === '.' || part === '..') ||
      path.includes('\\')
    ) {
      throw new ConfigurationError(
        `${JSON.stringify(path)} is not a repository path; write it relative to the repository root with / separators, e.g. apps/checkout/kustomization.yaml`,
      );
    }
    if (path === '.git' || path.startsWith('.git/')) {
      throw new ConfigurationError(`${path}: Glidepath does not write inside .git`);
    }
    if (seen.has(path)) {
      throw new ConfigurationError(
        `${path} appears twice in one commit request; merge the edits into one change`,
      );
    }
    seen.add(path);
  }
}

/**
 * The commit among `commits` (newest first) that carries `intent`, looking no further back than
 * `since` (the head the writer first read: anything at or before it cannot be this attempt's).
 */
export function findIntent(
  commits: readonly LoggedCommit[],
  intent: string,
  since: string | undefined,
): LoggedCommit | undefined {
  for (const commit of commits) {
    if (commit.sha === since) return undefined;
    if (commit.trailers['Glidepath-Intent'] === intent) return commit;
  }
  return undefined;
}
