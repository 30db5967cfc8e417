/**
 * Reconcile waiters (DESIGN.md "Loops"; STYLE.md 3 "a plugin family is an interface, one file per
 * implementation, one exhaustive factory"): after the executor commits a step's desired state, a
 * waiter answers "has the reconciler (Argo CD, Flux, a CI job) applied our commit yet?". This file
 * is the family's vocabulary — the policy's `exposure.reconcile` as a tagged union, what a waiter
 * is asked and answers, the effects it may use — and the one polling loop every polling waiter
 * shares, so deadlines, back-off and the `polls` count mean the same thing in each of them.
 *
 * A waiter never throws for "not yet" or "the reconciler said no": those are outcomes. It throws a
 * ConfigurationError only when asking again cannot help (a missing token, a wrong application
 * name), and the message says what to fix.
 */
import type { Duration } from '../../config/duration.js';
import { ConfigurationError } from '../../errors.js';
import type { GlidepathOctokit } from '../../github/octokit.js';
import type { Fetch } from '../../metrics/providers/types.js';

/** `exposure.reconcile`: how to tell that the reconciler applied a commit. */
export type ReconcileSpec =
  /** Sleep `delay` and assume it applied (no signal from the reconciler at all). */
  | { wait: 'delay'; delay: Duration; timeout: Duration }
  /** GET `url` every `interval` until its 2xx body names the commit's full sha or `canary=<weight>`. */
  | { wait: 'http'; url: string; timeout: Duration; interval: Duration }
  /**
   * The reconciler reports through GitHub deployments (Argo CD notifications' GitHub service, a
   * Flux or CI job): a deployment for the commit with a `success` status. `environment` defaults
   * to the target's.
   */
  | { wait: 'deployment-status'; environment?: string; timeout: Duration; interval: Duration }
  /**
   * Ask Argo CD's API: the application synced at the commit, `Synced` and `Healthy`. The API token
   * is read from the environment variable `tokenEnv`, never from the policy file.
   */
  | {
      wait: 'argocd';
      /** Argo CD's base URL, e.g. `https://argocd.example.com`. */
      server: string;
      application: string;
      /** The Application's own namespace (apps in any namespace); default Argo CD's. */
      appNamespace?: string;
      /** Restrict the lookup to this project. */
      project?: string;
      tokenEnv: string;
      timeout: Duration;
      interval: Duration;
    };

/** The name of a waiter (`exposure.reconcile.wait`). */
export type ReconcileWaitName = ReconcileSpec['wait'];

/** What to wait for: the step's desired-state commit. */
export interface ReconcileTarget {
  /** Full sha of the desired-state commit. */
  sha: string;
  /** Canary weight of the step (http: `canary=<weight>` also counts). */
  weight: number;
  /**
   * The rollout's own GitHub deployment (deployment-status): a status on it counts only when
   * someone other than Glidepath's token wrote it (see deployment-status.ts).
   */
  deploymentId?: number;
  /** The deployment environment, when the spec names none (deployment-status). */
  environment?: string;
}

/** How a wait ended. `polls` counts requests made (deployment-status: GitHub API calls). */
export type ReconcileOutcome =
  | { applied: true; polls: number; waitedMs: number }
  /** `reason` is one line a person can act on: what was awaited, what was seen last, what to check. */
  | { applied: false; polls: number; waitedMs: number; reason: string };

/** Effects a waiter may use, injected so tests pass a fake clock and loopback servers. */
export interface ReconcileDeps {
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** HTTP for `http` and `argocd`. */
  fetch: Fetch;
  /** Where secrets named by the policy are read (`argocd.tokenEnv`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Progress lines (never carry a token). */
  log(line: string): void;
  /** GitHub, for `deployment-status`. */
  github?: {
    octokit: GlidepathOctokit;
    owner: string;
    repo: string;
    /**
     * Login of the token's own actor (`github-actions[bot]` for GITHUB_TOKEN): the `creator.login`
     * GitHub returned for the deployment Glidepath created. Without it statuses on the rollout's own
     * deployment are ignored, because Glidepath could not tell its own statuses from the reconciler's.
     */
    actor?: string;
  };
}

/** One member of the family. */
export interface ReconcileWaiter {
  readonly name: ReconcileWaitName;
  /** Waits until `target.sha` is applied, the reconciler reports a failure, or the timeout passes. */
  wait(target: ReconcileTarget): Promise<ReconcileOutcome>;
}

/** What one look at the reconciler found. */
export type PollResult =
  /** The commit is applied. */
  | { kind: 'applied' }
  /** The reconciler says it will not be applied (failed deployment, degraded app): stop now. */
  | { kind: 'failed'; reason: string }
  /** Not yet; `seen` describes the answer for the log and the timeout reason. */
  | { kind: 'waiting'; seen: string };

/** The schedule of a polling waiter. */
export interface PollSchedule {
  timeoutMs: number;
  /** First wait between looks. */
  intervalMs: number;
  /** Each wait is the previous one times this (default 1: a fixed interval). */
  factor?: number;
  /** Longest wait between looks (default: no cap). */
  maxIntervalMs?: number;
}

/**
 * Looks with `check` until it reports applied or failed, or the deadline passes; always looks at
 * least once, and once more at the deadline. `calls` reads how many requests the waiter has made
 * (the outcome's `polls`); `timedOut` builds the reason from the last thing seen. Each new `seen`
 * is logged once, prefixed with `label`, so a long wait shows its progress without repeating lines.
 */
export async function pollUntil(
  deps: Pick<ReconcileDeps, 'now' | 'sleep' | 'log'>,
  label: string,
  schedule: PollSchedule,
  check: () => Promise<PollResult>,
  calls: () => number,
  timedOut: (lastSeen: string) => string,
): Promise<ReconcileOutcome> {
  const started = deps.now().getTime();
  const deadline = started + schedule.timeoutMs;
  const waited = () => deps.now().getTime() - started;
  let delay = schedule.intervalMs;
  let lastSeen = 'nothing yet';
  for (;;) {
    const result = await check();
    if (result.kind === 'applied') return { applied: true, polls: calls(), waitedMs: waited() };
    if (result.kind === 'failed') {
      return { applied: false, polls: calls(), waitedMs: waited(), reason: result.reason };
    }
    if (result.seen !== lastSeen) deps.log(`${label}: ${result.seen}`);
    lastSeen = result.seen;
    const left = deadline - deps.now().getTime();
    if (left <= 0) return { applied: false, polls: calls(), waitedMs: waited(), reason: timedOut(lastSeen) };
    await deps.sleep(Math.min(delay, left));
    delay = Math.min(delay * (schedule.factor ?? 1), schedule.maxIntervalMs ?? Number.POSITIVE_INFINITY);
  }
}

/** Refuses an interval that would poll without pause (the polling waiters share it). */
export function checkInterval(interval: Duration): void {
  if (!(interval.milliseconds > 0)) {
    throw new ConfigurationError(`exposure.reconcile.interval must be positive; got ${interval.toString()}`);
  }
}

/** The first 12 characters of a sha, as messages print commits. */
export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}
