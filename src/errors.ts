/**
 * The error vocabulary. Every error a user can act on says what was being done, with which value,
 * and what to do about it. Anything that is not one of these classes is a bug in Glidepath.
 */

/** Exit statuses shared by the CLI and the action (DESIGN.md "Errors and exit codes"). */
export const ExitCode = {
  /** Admitted, promoted, or the command did what was asked. */
  ok: 0,
  /** A result the user must look at: evidence rejected, rollout failed and reverted. */
  rejected: 1,
  /** The user can fix it: bad flag, bad policy, unreadable or malformed input, tag instead of digest. */
  configuration: 2,
  /** Infrastructure kept failing after bounded retries (network, 5xx, compare-and-swap conflicts). */
  transient: 3,
  /** Not enough evidence either way: the analysis is inconclusive and the rollout holds. */
  inconclusive: 4,
  /** A bug in Glidepath. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a failure Glidepath understands and can explain. */
export abstract class GlidepathError extends Error {
  abstract readonly exitCode: ExitCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /**
   * Whether the message already starts with where the problem is (`FILE:LINE:COL: …`), so a
   * terminal prints it bare, the way compilers do, for editors and problem matchers to pick up.
   */
  get located(): boolean {
    return false;
  }
}

/**
 * The user can fix it: a flag, a policy field, a file. `location` names the file (and, where known,
 * line and column) so the message can be printed as `FILE:LINE:COL: message`.
 */
export class ConfigurationError extends GlidepathError {
  readonly exitCode = ExitCode.configuration;
  constructor(
    message: string,
    readonly location?: string,
    options?: { cause?: unknown },
  ) {
    super(location ? `${location}: ${message}` : message, options);
  }

  override get located(): boolean {
    return this.location !== undefined;
  }
}

/**
 * The deploy policy holds this deployment now (a closed window, a freeze, a spent error budget, an
 * unacknowledged failed rollout): nothing was committed. Exit 1, like a rejected artifact.
 */
export class HeldError extends GlidepathError {
  readonly exitCode = ExitCode.rejected;
}

/** A bad command line: unknown flag, missing argument. Printed with a pointer to `--help`. */
export class UsageError extends ConfigurationError {}

/**
 * An evidence file could not be read or is not what it claims to be (truncated JSON or XML, a field
 * of the wrong type). Exit 2: the evidence set is broken, not rejected.
 */
export class EvidenceFormatError extends ConfigurationError {}

/** Infrastructure failed and may work on retry (network, 429, 5xx, a lost compare-and-swap). */
export class TransientError extends GlidepathError {
  readonly exitCode = ExitCode.transient;
}

/** Maps anything thrown to the exit status it deserves; unknown errors are bugs. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof GlidepathError ? error.exitCode : ExitCode.internal;
}

/** The one-line message for a user; unknown errors say they are a bug and where to report it. */
export function describeError(error: unknown): string {
  if (error instanceof GlidepathError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `unexpected error (a bug in Glidepath; please report it with the command you ran): ${detail}`;
}
