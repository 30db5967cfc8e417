/**
 * Mixture sequential probability ratio test (mSPRT) for the difference of two binomial proportions:
 * canary error rate minus baseline error rate, on cumulative counts since the step started.
 *
 * Source: decision-and-evidence.md A3 (Johari, Koomen, Pekelis, Walsh, "Peeking at A/B Tests",
 * KDD 2017; unequal-allocation form [ours]) and "Decision layer — ship" item 4 (defaults).
 * The mixture likelihood ratio is a non-negative martingale under H₀, so by Ville's inequality
 * checking after every look does not inflate the type-I error — but only over an accumulating
 * sample: pass cumulative counts, never per-window counts.
 */

/** Requests and errors observed in one arm, cumulative since the step started. */
export interface ArmCounts {
  /** Requests (trials). A non-negative integer. */
  readonly requests: number;
  /** Failed requests (events). A non-negative integer, at most `requests`. */
  readonly errors: number;
}

/** What must be carried between looks (persist it between workflow runs). */
export interface MsprtState {
  /** Always-valid p-value so far: the running minimum of 1/Λ. Starts at 1. */
  readonly pAlwaysValid: number;
}

/** The state before the first look. */
export const initialMsprtState: MsprtState = { pAlwaysValid: 1 };

/** Tuning of the test; every field has the default from "Decision layer — ship" item 4. */
export interface MsprtOptions {
  /** Type-I error bound over all looks. Default 0.05. */
  readonly alpha?: number;
  /**
   * Standard deviation of the normal mixing prior on the difference, in absolute rate units: the
   * smallest regression worth catching. Default `max(3 × p̂_baseline, 0.001)`.
   */
  readonly tau?: number;
  /** Difference under H₀ (tolerated absolute increase). Default 0. */
  readonly theta0?: number;
  /** Canary requests before the first look counts (gate A). Default 500. */
  readonly minCanaryRequests?: number;
}

/** Why a look carried no evidence, or `undefined` when it did. */
export type MsprtSkipReason =
  /** Fewer canary requests than `minCanaryRequests`. */
  | 'too-few-canary-requests'
  /** Expected baseline-rate errors in the canary `n_c · p̂_b` is below 1 (A3 simulation: FPR 9% otherwise). */
  | 'too-few-expected-errors'
  /** Pooled variance is zero: no errors in either arm, or every request failed. */
  | 'no-variance';

/** One look of the mSPRT. */
export interface MsprtResult {
  /** Observed difference p̂_canary − p̂_baseline. */
  readonly difference: number;
  /** Estimated variance of the difference under H₀ (pooled), s². */
  readonly variance: number;
  /** Mixing-prior standard deviation actually used. */
  readonly tau: number;
  /** Mixture likelihood ratio Λ at this look (1 when the look was skipped). */
  readonly lambda: number;
  /**
   * Always-valid p-value after this look. The mixture is symmetric, so this is two-sided: a much
   * better canary also drives it down. Gate on `canaryWorse`, not on this value alone.
   */
  readonly pValue: number;
  /**
   * Always-valid 1 − α confidence sequence for p_canary − p_baseline at this look; (−∞, ∞) when skipped.
   * Not intersected across looks: with a plug-in variance the per-look intervals can be disjoint, and an
   * empty interval would explain nothing.
   */
  readonly confidenceSequence: readonly [low: number, high: number];
  /** True when the canary is significantly worse: Λ ≥ 1/α and the difference is above θ₀. */
  readonly canaryWorse: boolean;
  /** Why this look carried no evidence; absent when it did. */
  readonly skipped?: MsprtSkipReason;
  /** State to pass to the next look. */
  readonly state: MsprtState;
}

/**
 * One look of the one-sided ("canary worse") mSPRT on cumulative counts. Looks before the warm-up
 * (`minCanaryRequests` and `n_c · p̂_b ≥ 1`) are skipped: they leave the state unchanged and never
 * reject, because the Gaussian approximation breaks at 0–2 errors (A3 simulation).
 */
export function msprtProportions(
  baseline: ArmCounts,
  canary: ArmCounts,
  options: MsprtOptions = {},
  previous: MsprtState = initialMsprtState,
): MsprtResult {
  assertCounts('baseline', baseline);
  assertCounts('canary', canary);
  const alpha = options.alpha ?? 0.05;
  const theta0 = options.theta0 ?? 0;
  const minCanaryRequests = options.minCanaryRequests ?? 500;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`mSPRT alpha must be in (0, 1); got ${alpha}`);

  const pBaseline = baseline.requests > 0 ? baseline.errors / baseline.requests : 0;
  const pCanary = canary.requests > 0 ? canary.errors / canary.requests : 0;
  const difference = pCanary - pBaseline;
  // Default gate C: τ = the smallest regression worth catching (A3 "practical rule").
  const tau = options.tau ?? Math.max(3 * pBaseline, 0.001);
  if (!(tau > 0)) throw new RangeError(`mSPRT tau must be positive; got ${tau}`);

  const totalRequests = baseline.requests + canary.requests;
  const pooled = totalRequests > 0 ? (baseline.errors + canary.errors) / totalRequests : 0;
  // A3: s² = p̄(1−p̄)(1/n_c + 1/n_b), the variance of the difference under H₀.
  const variance =
    baseline.requests > 0 && canary.requests > 0
      ? pooled * (1 - pooled) * (1 / baseline.requests + 1 / canary.requests)
      : 0;

  const skipped: MsprtSkipReason | undefined =
    canary.requests < minCanaryRequests
      ? 'too-few-canary-requests'
      : canary.requests * pBaseline < 1
        ? 'too-few-expected-errors'
        : !(variance > 0)
          ? 'no-variance'
          : undefined;
  if (skipped) {
    return {
      difference,
      variance,
      tau,
      lambda: 1,
      pValue: previous.pAlwaysValid,
      confidenceSequence: [-Infinity, Infinity],
      canaryWorse: false,
      skipped,
      state: previous,
    };
  }

  const t2 = tau * tau;
  const d = difference - theta0;
  // A3: Λ = sqrt(s²/(s²+τ²)) · exp(τ² d² / (2 s² (s²+τ²))), computed in log space to avoid overflow.
  const logLambda =
    0.5 * Math.log(variance / (variance + t2)) + (t2 * d * d) / (2 * variance * (variance + t2));
  const lambda = Math.exp(logLambda);
  // A3: p_n = min(p_{n−1}, 1/Λ_n); 1/Λ is capped at 1 because a p-value is a probability.
  const pValue = Math.min(previous.pAlwaysValid, Math.exp(-Math.max(logLambda, 0)));
  // A3: CS = d ± sqrt(s²(s²+τ²)/τ² · (2 ln(1/α) + ln((s²+τ²)/s²))), here centred on the difference
  // itself rather than on d = difference − θ₀, so it bounds p_canary − p_baseline directly.
  const half = Math.sqrt(
    ((variance * (variance + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((variance + t2) / variance)),
  );
  return {
    difference,
    variance,
    tau,
    lambda,
    pValue,
    confidenceSequence: [difference - half, difference + half],
    // One-sided gate with a symmetric mixture: reject only when the canary is the worse arm (A3).
    canaryWorse: d > 0 && logLambda >= Math.log(1 / alpha),
    state: { pAlwaysValid: pValue },
  };
}

/** Refuses counts that are not whole numbers with 0 ≤ errors ≤ requests (a RangeError: a bug upstream). */
export function assertCounts(arm: string, counts: ArmCounts): void {
  const { requests, errors } = counts;
  // Providers' numbers are validated where they are parsed; reaching here with these is a bug.
  if (
    !Number.isInteger(requests) ||
    !Number.isInteger(errors) ||
    requests < 0 ||
    errors < 0 ||
    errors > requests
  ) {
    throw new RangeError(
      `${arm} counts must be integers with 0 ≤ errors ≤ requests; got ${errors} errors of ${requests} requests`,
    );
  }
}
