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

/** One file to change, described by what it should become rather than by its bytes. */
export interface DesiredChange {
  /** Path inside the repository, `/`-separated, no leading slash (`apps/checkout/kustomization.yaml`). */
  path: string;
  /**
   * The new content given the current one (undefined: the file does not exist); undefined deletes
   * the file. Must be pure: it is called again on every new head. A ConfigurationError thrown here
   * refuses the whole commit and nothing is written.
   */
  render(current: string | undefined): string | undefined;
  /**
   * A stable description of the edit (`image checkout=ghcr.io/acme/checkout@sha256:…`), folded into
   * the Glidepath-Intent hash so that two requests with equal trailers but different edits differ.
   */
  intent?: string;
}

/** The trailer keys Glidepath writes, in the order it writes them. */
export const TRAILER_KEYS = [
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
] as const;

/** One of the trailer keys Glidepath writes. */
export type TrailerKey = (typeof TRAILER_KEYS)[number];

/** Commit trailers: the audit record from which a rollout's progress is recovered (DESIGN.md "State"). */
export interface Trailers {
  /** The rollout this commit belongs to, e.g. `checkout-production-42`. */
  'Glidepath-Rollout'?: string;
  /** The service the policy delivers (the policy's `service`); reverts of one service leave others alone. */
  'Glidepath-Service'?: string;
  /** Step of the exposure plan, `3/6`. */
  'Glidepath-Step'?: string;
  /** Canary traffic weight in percent after this commit, `25`. */
  'Glidepath-Weight'?: string;
  /** The canary image digest, `sha256:…`. */
  'Glidepath-Digest'?: string;
  /** Digest of the evidence report that admitted the artifact, `sha256:…`. */
  'Glidepath-Evidence'?: string;
  /** The verdict that led to this commit: `pass`, `fail`, `inconclusive`, `error`. */
  'Glidepath-Verdict'?: string;
  /** On a reversal: the commit whose desired state is being undone. */
  'Glidepath-Revert-Of'?: string;
  /** An audited override of the deploy policy: `p0: <reason>` or `security: <reason>`. */
  'Glidepath-Override'?: string;
  /**
   * The sequential error-rate test's state after the previous step (rollout/analysis-state.ts), so
   * the next run continues it. Statistics, not intent: left out of Glidepath-Intent.
   */
  'Glidepath-Analysis'?: string;
  /** Idempotency key; set by the writer from the request when absent (see intentOf). */
  'Glidepath-Intent'?: string;
}

/** What to commit, where, and why. */
export interface CommitRequest {
  /** Branch to move, without `refs/heads/`. */
  branch: string;
  /** First line of the commit message. */
  headline: string;
  /** Free text between the headline and the trailers. */
  body?: string;
  trailers: Trailers;
  /** At least one; paths must be distinct. */
  changes: DesiredChange[];
}

/** How a commit request ended. */
export type CommitStatus =
  /** A new commit moved the branch. */
  | 'committed'
  /** Every change rendered to the content already present: no commit was made. */
  | 'unchanged'
  /** An earlier, ambiguously failed attempt did land: the branch already carries this intent. */
  | 'already-applied';

/** The outcome of DesiredStateWriter.commit. */
export interface CommitResult {
  status: CommitStatus;
  /** The commit that carries the desired state: the new commit, the existing one, or the head when unchanged. */
  sha: string;
  /** Render-and-write attempts made (1 when the first compare-and-swap won). */
  attempts: number;
  /** Pull-request mode only: the pull request that carries the commit. */
  pullRequest?: { number: number; url: string };
}

/** A commit on the branch, with its Glidepath trailers parsed. */
export interface LoggedCommit {
  sha: string;
  /** Parent shas; the first is the previous state of the branch. */
  parents: string[];
  headline: string;
  /** The full message, trailers included. */
  message: string;
  trailers: Trailers;
}

/** Writes desired state to a GitOps repository; one implementation per backend (local git, GitHub API). */
export interface DesiredStateWriter {
  /** Renders the changes on the branch head and commits them with compare-and-swap; see CommitResult. */
  commit(request: CommitRequest): Promise<CommitResult>;
  /** Content of `path` at `ref` (a branch name or a commit sha); undefined when it does not exist. */
  readFile(ref: string, path: string): Promise<string | undefined>;
  /** The newest `n` commits of `branch`, newest first (first-parent order). */
  log(branch: string, n: number): Promise<LoggedCommit[]>;
  /** Paths a commit changed relative to its first parent. */
  changedFiles(sha: string): Promise<string[]>;
}

/** Where diagnostics go; the action maps it to `core.debug/info/warning`. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** A logger that drops everything (the default in library code and tests). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {} };
