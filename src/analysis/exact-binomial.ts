/**
 * Exact conditional binomial test for two Poisson rates: given k = x_c + x_b errors in total, the
 * canary's share is Binomial(k, π₀) under H₀, with π₀ = r·n_c / (r·n_c + n_b).
 *
 * Source: decision-and-evidence.md A4 "Exact tests for low counts"; used at the end of a step as the
 * low-count cross-check of the mSPRT and as its fallback ("Decision layer — ship" item 4). It is a
 * fixed-horizon test: run it once per step, not at every look.
 */

import type { ArmCounts } from './msprt.js';

/**
 * One-sided p-value P(X ≥ x_c), X ~ Binomial(x_c + x_b, π₀), for "the canary's error rate is more than
 * `ratio` times the baseline's". `ratio = 1` tests equality; `ratio > 1` tolerates a relative increase.
 * Returns 1 when the canary has no errors (nothing can be worse) or either arm has no requests.
 */
export function conditionalBinomialPValue(baseline: ArmCounts, canary: ArmCounts, ratio = 1): number {
  for (const [arm, c] of [
    ['baseline', baseline],
    ['canary', canary],
  ] as const) {
    if (
      !Number.isInteger(c.requests) ||
      !Number.isInteger(c.errors) ||
      c.errors < 0 ||
      c.errors > c.requests
    ) {
      throw new RangeError(
        `${arm} counts must be integers with 0 ≤ errors ≤ requests; got ${c.errors} errors of ${c.requests} requests`,
      );
    }
  }
  if (!(ratio > 0 && Number.isFinite(ratio))) throw new RangeError(`ratio must be positive; got ${ratio}`);
  if (canary.errors === 0 || canary.requests === 0 || baseline.requests === 0) return 1;
  const k = baseline.errors + canary.errors;
  const p = (ratio * canary.requests) / (ratio * canary.requests + baseline.requests);
  return binomialUpperTail(canary.errors, k, p);
}

/**
 * P(X ≥ x) for X ~ Binomial(n, p), summed in log space (log-sum-exp over log pmf terms) so that
 * thousands of trials and tiny probabilities neither underflow nor lose precision.
 */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const log1mP = Math.log1p(-p);
  // log pmf(x) = ln C(n, x) + x ln p + (n − x) ln(1 − p); later terms by the ratio pmf(i+1)/pmf(i).
  let logTerm = logChoose(n, x) + x * logP + (n - x) * log1mP;
  const logOdds = logP - log1mP;
  let maxLog = logTerm;
  let scaledSum = 1; // Σ exp(logTerm_i − maxLog)
  for (let i = x; i < n; i++) {
    logTerm += Math.log((n - i) / (i + 1)) + logOdds;
    if (logTerm > maxLog) {
      scaledSum = scaledSum * Math.exp(maxLog - logTerm) + 1;
      maxLog = logTerm;
    } else {
      const rel = Math.exp(logTerm - maxLog);
      scaledSum += rel;
      // Past the mode terms only shrink; once they are below double precision the rest cannot matter.
      if (rel < 1e-17 * scaledSum && i + 1 > n * p) break;
    }
  }
  return Math.min(1, Math.exp(maxLog + Math.log(scaledSum)));
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

// Lanczos approximation (g = 7, 9 coefficients; Numerical Recipes 3rd ed. §6.1), ~15 significant digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z > 0. */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const zm1 = z - 1;
  let a = LANCZOS[0]!;
  const t = zm1 + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (zm1 + i);
  return 0.5 * Math.log(2 * Math.PI) + (zm1 + 0.5) * Math.log(t) - t + Math.log(a);
}
