/**
 * Planning a revert. A revert is not `git revert`: it writes the earlier desired state again, as a
 * new compare-and-swap commit whose files are byte-identical to that state. Only the files that
 * this service's (or rollout's) Glidepath commits touched since then are restored, so other
 * services' commits on the same branch survive. The reverted digest goes into the quarantine list
 * in the same commit, so an image updater or a re-run cannot roll it forward again.
 */
import { ConfigurationError } from '../errors.js';
import { DEFAULT_QUARANTINE_FILE, quarantineChange, type QuarantineEntry } from './quarantine.js';
import type { CommitRequest, DesiredChange, DesiredStateWriter, LoggedCommit, Trailers } from './types.js';

/** What the planner reads: the writer's history methods. */
export type RevertHistory = Pick<DesiredStateWriter, 'log' | 'readFile' | 'changedFiles'>;

/** Which earlier state to go back to. */
export type RevertTarget =
  /** The state before the latest (non-revert) Glidepath commit in scope (`--previous`). */
  | { previous: true }
  /** A commit of the branch, full or abbreviated sha (`--to SHA`). */
  | { to: string };

/** What to revert. */
export interface RevertOptions {
  branch: string;
  /**
   * Which Glidepath commits are "ours": those whose Glidepath-Service and/or Glidepath-Rollout
   * trailers equal these. Empty scope: every commit after the target (all services).
   */
  scope: { service?: string; rollout?: string };
  target: RevertTarget;
  /** Why (a person's `--reason`, or the verdict's summary); goes into the body and the quarantine entry. */
  reason?: string;
  /** Verdict trailer of the revert commit, e.g. `fail`. */
  verdict?: string;
  /** Image repository of the reverted digest, for the quarantine entry. */
  image?: string;
  /** Default `.glidepath/quarantine.yaml`; never restored, only appended to. */
  quarantineFile?: string;
  /** Do not quarantine the reverted digest (e.g. reverting a configuration mistake). */
  skipQuarantine?: boolean;
  /** Commits of history to search. Default 100. */
  depth?: number;
  /** Timestamp of the quarantine entry. */
  now?: () => Date;
}

/** A planned revert: the request to commit and what it is based on. */
export interface RevertPlan {
  /** The commit whose state is restored. */
  target: string;
  /** The Glidepath commit being undone (the Glidepath-Revert-Of trailer). */
  revertOf: string;
  /** The in-scope commits after the target, newest first. */
  reverted: LoggedCommit[];
  /** Restored paths, sorted. */
  paths: string[];
  /** The digest put into quarantine, when there is one. */
  quarantined?: QuarantineEntry;
  /** The compare-and-swap request that performs the revert. */
  request: CommitRequest;
}

/** Plans the revert described by `options` from `history`; see the module comment. */
export async function planRevert(history: RevertHistory, options: RevertOptions): Promise<RevertPlan> {
  const depth = options.depth ?? 100;
  const quarantineFile = options.quarantineFile ?? DEFAULT_QUARANTINE_FILE;
  const commits = await history.log(options.branch, depth);
  const inScope = (commit: LoggedCommit): boolean => isInScope(commit, options.scope);
  const scopeName = describeScope(options.scope);

  let targetSha: string;
  let anchor: LoggedCommit | undefined;
  if ('previous' in options.target) {
    anchor = commits.find((commit) => inScope(commit) && !commit.trailers['Glidepath-Revert-Of']);
    if (!anchor) {
      throw new ConfigurationError(
        `no Glidepath commit of ${scopeName} among the last ${depth} commits of ${options.branch}; there is nothing to revert (use --to SHA to name a state)`,
      );
    }
    const parent = anchor.parents[0];
    if (!parent) {
      throw new ConfigurationError(
        `${anchor.sha} is the first commit of ${options.branch}; there is no earlier state`,
      );
    }
    targetSha = parent;
  } else {
    targetSha = resolveSha(commits, options.target.to, options.branch, depth);
  }

  const targetIndex = commits.findIndex((commit) => commit.sha === targetSha);
  const later = targetIndex < 0 ? commits : commits.slice(0, targetIndex);
  const reverted = later.filter(inScope);
  if (reverted.length === 0) {
    throw new ConfigurationError(
      `no Glidepath commit of ${scopeName} after ${short(targetSha)} on ${options.branch}; the desired state is already that of ${short(targetSha)}`,
    );
  }

  const touched = new Set<string>();
  for (const commit of reverted) {
    for (const path of await history.changedFiles(commit.sha)) touched.add(path);
  }
  touched.delete(quarantineFile);
  const paths = [...touched].sort();
  const changes: DesiredChange[] = [];
  for (const path of paths) {
    const content = await history.readFile(targetSha, path);
    changes.push({
      path,
      intent: `restore ${path} from ${targetSha}`,
      // Byte-identical to the target state, whatever is there now; undefined deletes a file the
      // later commits created.
      render: () => content,
    });
  }

  // With --to, the commit undone is the newest forward (non-revert) commit in scope.
  const undone = anchor ?? reverted.find((commit) => !commit.trailers['Glidepath-Revert-Of']) ?? reverted[0]!;
  const newestDigest = reverted.find((commit) => commit.trailers['Glidepath-Digest'])?.trailers[
    'Glidepath-Digest'
  ];
  const olderCommits = targetIndex < 0 ? [] : commits.slice(targetIndex);
  const restoredDigest = olderCommits.find((commit) => inScope(commit) && commit.trailers['Glidepath-Digest'])
    ?.trailers['Glidepath-Digest'];

  let quarantined: QuarantineEntry | undefined;
  if (!options.skipQuarantine && newestDigest && newestDigest !== restoredDigest) {
    quarantined = {
      digest: newestDigest,
      ...(options.image ? { image: options.image } : {}),
      reason: options.reason ?? `reverted to ${short(targetSha)}`,
      ...(undone.trailers['Glidepath-Rollout'] ? { rollout: undone.trailers['Glidepath-Rollout'] } : {}),
      at: (options.now ?? (() => new Date()))().toISOString(),
    };
    changes.push(quarantineChange(quarantined, quarantineFile));
  }

  const trailers: Trailers = { 'Glidepath-Revert-Of': undone.sha };
  const rollout = options.scope.rollout ?? undone.trailers['Glidepath-Rollout'];
  if (rollout) trailers['Glidepath-Rollout'] = rollout;
  const service = options.scope.service ?? undone.trailers['Glidepath-Service'];
  if (service) trailers['Glidepath-Service'] = service;
  if (restoredDigest) trailers['Glidepath-Digest'] = restoredDigest;
  if (options.verdict) trailers['Glidepath-Verdict'] = options.verdict;

  const body = [
    options.reason ?? '',
    `Restores ${paths.length === 1 ? paths[0] : `${paths.length} files`} to their content at ${targetSha}, undoing:`,
    ...reverted.map((commit) => `  ${short(commit.sha)} ${commit.headline}`),
    quarantined ? `Quarantines ${quarantined.digest} in ${quarantineFile}.` : '',
  ]
    .filter(Boolean)
    .join('\n');

  return {
    target: targetSha,
    revertOf: undone.sha,
    reverted,
    paths,
    ...(quarantined ? { quarantined } : {}),
    request: {
      branch: options.branch,
      headline: `Revert ${service ?? rollout ?? 'desired state'} to ${short(targetSha)}`,
      body,
      trailers,
      changes,
    },
  };
}

/** Whether `commit` is a Glidepath commit of `scope` (any Glidepath commit for an empty scope). */
export function isInScope(commit: LoggedCommit, scope: { service?: string; rollout?: string }): boolean {
  const trailers = commit.trailers;
  if (!trailers['Glidepath-Intent'] && !trailers['Glidepath-Rollout'] && !trailers['Glidepath-Service']) {
    // Not written by Glidepath. With no scope every later commit counts (a plain `--to SHA`).
    return !scope.service && !scope.rollout;
  }
  if (scope.service && trailers['Glidepath-Service'] !== scope.service) return false;
  if (scope.rollout && trailers['Glidepath-Rollout'] !== scope.rollout) return false;
  return true;
}

function resolveSha(commits: readonly LoggedCommit[], wanted: string, branch: string, depth: number): string {
  const text = wanted.trim().toLowerCase();
  if (!/^[0-9a-f]{7,64}$/.test(text)) {
    throw new ConfigurationError(
      `--to ${JSON.stringify(wanted)} is not a commit sha; give at least 7 hex digits`,
    );
  }
  const matches = commits.filter((commit) => commit.sha.startsWith(text));
  if (matches.length === 1) return matches[0]!.sha;
  if (matches.length > 1) {
    throw new ConfigurationError(
      `--to ${wanted} is ambiguous among the last ${depth} commits of ${branch}; give more digits`,
    );
  }
  throw new ConfigurationError(
    `--to ${wanted} is not among the last ${depth} commits of ${branch}; pass a commit of that branch (git log --oneline ${branch})`,
  );
}

function describeScope(scope: { service?: string; rollout?: string }): string {
  if (scope.service && scope.rollout) return `service ${scope.service}, rollout ${scope.rollout}`;
  if (scope.service) return `service ${scope.service}`;
  if (scope.rollout) return `rollout ${scope.rollout}`;
  return 'any service';
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
