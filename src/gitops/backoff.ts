/**
 * Bounded exponential backoff with full jitter for compare-and-swap conflicts (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"): the wait before attempt n+1 is uniform in
 * [0, min(maxDelay, unit · 2^(n-1))). Full jitter spreads writers that lost the same race, so ten
 * jobs committing to one branch do not collide again in lock step.
 *
 * The unit is the larger of `baseDelayMs` and how long the lost attempt took (read, render,
 * write). Writers only stop colliding once their retries are spread wider than one attempt lasts;
 * a fixed base that is short next to a slow remote (GitHub's mutation takes about a second) keeps
 * them in lock step, one winner per round, which is what exhausts the attempts. HTTP retries are
 * not done here: Octokit's retry and throttling plugins own those.
 */

/** How often and how patiently a writer retries a lost compare-and-swap. */
export interface RetryPolicy {
  /** Render-and-write attempts in total, the first included. Default 5. */
  maxAttempts: number;
  /** Ceiling of the first wait, in milliseconds. Default 250. */
  baseDelayMs: number;
  /** Largest ceiling of any wait, in milliseconds. Default 8000. */
  maxDelayMs: number;
}

/** The defaults: 5 attempts, waits drawn below 250 ms, 500 ms, 1 s, 2 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 8000 };

/** Effects a retry loop needs, injected so tests control time and chance. */
export interface RetryEffects {
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), like Math.random. */
  random(): number;
  /** Milliseconds on a monotonic clock, to measure how long an attempt took. */
  now(): number;
}

/** Real time and Math.random. */
export const realRetryEffects: RetryEffects = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => performance.now(),
};

/** The policy with `overrides` applied; refuses values that would retry forever or never. */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${policy.maxAttempts}`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
    throw new RangeError('delays must satisfy 0 ≤ baseDelayMs ≤ maxDelayMs');
  }
  return policy;
}

/**
 * The wait, in whole milliseconds, after failed attempt `attempt` (1-based) that took
 * `attemptMs`: full jitter below min(maxDelayMs, max(baseDelayMs, attemptMs) · 2^(attempt-1)).
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  attemptMs = 0,
): number {
  const unit = Math.max(policy.baseDelayMs, attemptMs);
  const ceiling = Math.min(policy.maxDelayMs, unit * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
