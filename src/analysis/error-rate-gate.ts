/**
 * Glidepath's default judge of a canary's error rate against the baseline's (stable, measured at the
 * same time), one look at a time: the absolute guard, then one sequential test that runs over the whole
 * rollout — an exact mixture SPRT on how the errors split between the arms, step by step.
 *
 * Source: decision-and-evidence.md A3 (mSPRT: mixture likelihood ratio, Ville's inequality, always-valid
 * p-value), A4 (exact conditional binomial test, π₀ = n_c / (n_c + n_b)) and "Decision layer — ship"
 * items 2–4 (gates A, B, C). [ours] The exact sequential form below, which replaces A3's Gaussian one.
 *
 * The test. In step k the canary takes a share π_k = n_c / (n_c + n_b) of the requests (estimated from
 * the step's requests so far). Whatever the error rate does over time, if it is the same in both arms
 * each error lands in the canary with probability π_k; if the canary's rate is r times the baseline's,
 * with probability π_k r / (π_k r + 1 − π_k). Given where the errors fell (x_k of step k's m_k in the
 * canary), the likelihood ratio of r against 1 is L(r) = Π_k r^{x_k} / (1 + π_k (r − 1))^{m_k}, and its
 * mixture Λ = ∫ L(r) dG(r) is a non-negative supermartingale in the sequence of errors when the canary
 * is not worse (a martingale at r = 1). By Ville's inequality P(Λ ever reaches 1/α) ≤ α: at every look,
 * at any traffic, over any number of steps. No Gaussian approximation, so no warm-up before it may
 * reject (A3's Gaussian mSPRT false-alarmed 9% without one). Conditioning on where the errors fell
 * removes the common error rate, so a rate that drifts over the rollout (time of day, load) cannot bias
 * it, and one π per step keeps steps of different canary weight apart: pooling a 1% step's counts with a
 * 50% step's is Simpson's paradox. G: ln r = ln `minRatio` + |N(0, (ln 2)²)|, mass only on regressions
 * worth catching (from 3× by default, issue 4's bar; half of it below 4.8×, 95% below 12×).
 *
 * One test per rollout. The caller passes the state the previous look returned — at the first look of a
 * step after the first, the state the previous step's final look returned, which carries the completed
 * steps' counts and the always-valid p-value — so `alpha` bounds false rollbacks over the whole rollout,
 * with no Bonferroni split over steps. A caller that starts every step from `initialMsprtState` runs one
 * test per step and should set `judgedSteps`.
 *
 * Measured with `bench/decisions.mjs` (seeded 1→5→25→50→100 rollouts, 0.1% errors, a look a minute;
 * 10,000 replications on each of seed sets A and B, where the Argo-style threshold judge reverts 4.25% and
 * 4.54% of identical versions at 200 req/s): identical versions reverted at 200 req/s, and the median
 * canary requests to revert 0.1% → 0.5% at 1% canary weight, 200 req/s.
 * - Previous default, Gaussian mSPRT per step, α 0.05 split over 4 steps: 1.22%, 1,183 (A); 1.32%, 1,185 (B).
 * - Gaussian mSPRT carried over the rollout on cumulative counts, α 0.0125: 1.05%, 1,183 (A); 1.07%, 1,185
 *   (B); but 91% when both arms' rate doubled and tripled in the last two steps (Simpson). The same
 *   stratified by step: 1.05%, 1,183 (A), 0.99% with that drift. τ from 1.5 to 6 × p̂_b hardly matters.
 * - This test at α 0.01 / 0.015 / 0.02 / 0.025 / 0.05: 0.35 / 0.52 / 0.76 / 0.96 / 1.93% and 1,539 / 1,224 /
 *   1,046 / 968 / 798 (A); at 0.01 / 0.015 / 0.02 on B: 0.42 / 0.63 / 0.84% and 1,565 / 1,506 / 1,109.
 * - Other priors at α 0.02 (A): ln r ~ |N(0, (ln 3)²)| 0.59%, 1,583; r − 1 ~ |N(0, 3²)| (A3's τ = 3 p̂_b
 *   as a ratio) 0.67%, 1,504; a point mass at r = 3 (Wald's SPRT) 0.96%, 1,543. Priors with mass near
 *   r = 1 spend α at the 25–50% steps on changes too small to matter, when a 5× regression must be caught
 *   in the 1% step.
 * - A3's warm-up (n_c · p̂_b ≥ 1) before the test may reject: 0.39%, 1,572. Also gating on the
 *   fixed-horizon exact test at the end of a step with too few requests to pass: low-traffic (20 req/s)
 *   false rollbacks 0.11% → 0.91%, nothing else changed — a second test spending a second α.
 * No setting measured meets issue 4's "≤ 1,200 to revert" and "≥ 10× fewer false rollbacks than the
 * threshold judge" together at 200 req/s. To revert within 1,200 the 5× regression must be caught in the
 * 1% step (about 1,000 canary requests: 5 errors expected, against 1 if identical), and even a rule told
 * the baseline's true rate, rejecting at the 6th canary error or at the 5th within 960 requests, spends
 * 0.25% (A) / 0.18% (B) in that step alone for medians of 1,107 / 1,206. `alpha` defaults to 0.02, issue
 * 4's own bound on false rollbacks per rollout, which this test guarantees by construction: 0.76% / 0.84%,
 * 5.6× / 5.4× fewer than the threshold judge; 16× fewer with a flapping provider, ≥ 287× at low traffic.
 */
import { binomialUpperTail, conditionalBinomialPValue } from './exact-binomial.js';
import { assertCounts, type ArmCounts, type MsprtState } from './msprt.js';
import type { Phase } from './verdict.js';

/** Tuning. Every field is optional; the defaults are the measured ones above. */
export interface ErrorRateGateOptions {
  /**
   * Bound on the probability of reverting a version that is not worse: over the whole rollout when the
   * caller carries the state across steps, else over one step (see `judgedSteps`). Default 0.02.
   */
  readonly alpha?: number;
  /**
   * Only for callers that start every step from `initialMsprtState` (one test per step): how many steps
   * the gate judges, so that each spends `alpha / judgedSteps` (Bonferroni). Callers that carry the
   * state across steps leave it at the default, 1.
   */
  readonly judgedSteps?: number;
  /**
   * The smallest regression worth catching, as canary error rate / baseline error rate (> 1). The
   * mixing prior puts all its mass at or above it. Default 3.
   */
  readonly minRatio?: number;
  /**
   * The smallest regression worth catching in absolute error-rate units (A3's τ), used only when
   * `minRatio` is unset: converted at each look to `minRatio = 1 + tau / p̂_baseline` over the rollout so
   * far (the default `minRatio` while the baseline has no errors). The conversion moves the prior with
   * the estimate, which Ville's bound does not cover; prefer `minRatio`.
   */
  readonly tau?: number;
  /** Canary requests in a step before it may pass (gate A, with `n_c · p̂_b ≥ 1`). Default 500. */
  readonly minCanaryRequests?: number;
  /**
   * Gate B: the canary's error ratio must stay at or below this fraction (Flagger's success rate
   * `min 99` is 0.01). Unset: no absolute guard.
   */
  readonly maxErrorRatio?: number;
}

/** Requests and errors of both arms over one step, counted since the step started. */
export interface StepCounts {
  /** Baseline (stable) requests and errors. */
  readonly baseline: ArmCounts;
  /** Canary requests and errors. */
  readonly canary: ArmCounts;
}

/**
 * What the gate carries between looks and between the steps of one rollout. `initialMsprtState` is the
 * state of a rollout's first look; persist the rest as returned.
 */
export interface ErrorRateState extends MsprtState {
  /** Counts of the rollout's completed steps, oldest first. Absent: none (the first step). */
  readonly completedSteps?: readonly StepCounts[];
}

/** One look: cumulative counts since the step started, and what the previous look left. */
export interface ErrorRateLook {
  /** Baseline (stable) requests and errors since the step started. */
  readonly baseline: ArmCounts;
  /** Canary requests and errors since the step started. */
  readonly canary: ArmCounts;
  /**
   * The state the previous look returned: of this step, or at a step's first look the previous step's
   * final look's; `initialMsprtState` at the rollout's first look.
   */
  readonly state: ErrorRateState;
  /** True at the step's last look (gate A says `enough`, or the bake limit ran out). */
  readonly finalLook: boolean;
}

/** Which rule produced the phase. */
export type ErrorRateRule =
  /** Gate B: the canary's error ratio is above `maxErrorRatio`. */
  | 'guard'
  /** Gate C: the sequential test found the canary worse. */
  | 'msprt'
  /** Final look, too few canary requests in the step to pass (gate A), and no regression found. */
  | 'insufficient'
  /** Not the final look and nothing failed: keep watching. */
  | 'watching'
  /** Final look with sufficient data and no regression found. */
  | 'no-regression';

/** The judgement of one look. */
export interface ErrorRateJudgement {
  /** `inconclusive` means "keep watching" when `decided` is false, and "hold" when it is true. */
  readonly phase: Extract<Phase, 'pass' | 'fail' | 'inconclusive'>;
  /** True when the step's outcome is settled: a failure, or anything at the final look. */
  readonly decided: boolean;
  /** Which rule produced the phase. */
  readonly rule: ErrorRateRule;
  /**
   * State to persist: pass it to the step's next look, or, after the final look (it then includes this
   * step's counts), to the first look of the rollout's next step.
   */
  readonly state: ErrorRateState;
  /** The statistic and threshold applied, e.g. `mSPRT p = 0.0031 ≤ 0.02`. */
  readonly criterion: string;
  /** One sentence saying why. */
  readonly reason: string;
  /** The numbers behind the judgement, for the report. */
  readonly statistics: ErrorRateStatistics;
}

/** The numbers behind a judgement, for the report. */
export interface ErrorRateStatistics {
  /** Canary errors / requests this step; NaN with no canary requests. */
  readonly canaryRatio: number;
  /** Baseline errors / requests this step; NaN with no baseline requests. */
  readonly baselineRatio: number;
  /** `n_c · p̂_b` this step: canary errors expected at the baseline's rate (a step may pass at ≥ 1). */
  readonly expectedCanaryErrors: number;
  /** The level the tests use: `alpha / judgedSteps`. */
  readonly stepAlpha: number;
  /** The sequential test over the rollout so far, this step included. */
  readonly mixture: RatioMixture;
  /** Always-valid p-value after this look: the running minimum of 1/Λ over the rollout. */
  readonly pValue: number;
  /**
   * One-sided exact conditional binomial p-value of this step alone (A4), the cross-check: computed at
   * the final look only, reported, not gated on.
   */
  readonly exactPValue?: number;
}

/** The mixing prior over r = canary rate / baseline rate: ln r = ln `minRatio` + |N(0, `spread`²)|. */
export interface RatioPrior {
  /** The smallest ratio the prior gives mass to (> 1 for a one-sided "worse" test). */
  readonly minRatio: number;
  /** Standard deviation of the half-normal on ln r above ln `minRatio`. */
  readonly spread: number;
}

/** The exact mixture likelihood ratio over a rollout's steps. */
export interface RatioMixture {
  /** Λ = ∫ L(r) dG(r); 1 when no step has an error. */
  readonly lambda: number;
  /** ln Λ (finite where Λ overflows). */
  readonly logLambda: number;
  /**
   * Conditional maximum-likelihood rate ratio over the steps (one step: the ratio of the two error
   * ratios). 0 without canary errors; `Infinity` when every error is the canary's; NaN without errors.
   */
  readonly ratioEstimate: number;
  /** The prior's smallest ratio, as used. */
  readonly minRatio: number;
  /** Canary errors and all errors over the steps. */
  readonly canaryErrors: number;
  /** Errors in both arms over the steps. */
  readonly errors: number;
  /** Steps in the test, the current one included. */
  readonly steps: number;
}

/** Default `minRatio`: issue 4's "≥ 3× regressions". */
const DEFAULT_MIN_RATIO = 3;
/** Spread of the prior on ln r: half its mass within 1.6× of `minRatio`, 95% within 3.9×. */
const RATIO_SPREAD = Math.LN2;

/**
 * The canary requests this gate needs before a step can pass: `minCanaryRequests`, and enough that the
 * canary should have seen one error at the baseline's rate (`n_c · p̂_b ≥ 1`, A3). `Infinity` while the
 * baseline has no errors. Pass it to `assessSufficiency` as `minSamples`.
 */
export function canaryRequestsNeeded(baseline: ArmCounts, minCanaryRequests = 500): number {
  if (baseline.errors <= 0 || baseline.requests <= 0) return Infinity;
  return Math.max(minCanaryRequests, Math.ceil(baseline.requests / baseline.errors));
}

/** Judges one look of the canary's error rate against the baseline's. */
export function judgeErrorRate(look: ErrorRateLook, options: ErrorRateGateOptions = {}): ErrorRateJudgement {
  const { baseline, canary, finalLook } = look;
  const alpha = options.alpha ?? 0.02;
  const judgedSteps = options.judgedSteps ?? 1;
  const minCanaryRequests = options.minCanaryRequests ?? 500;
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`error-rate gate alpha must be in (0, 1); got ${alpha}`);
  if (!(Number.isInteger(judgedSteps) && judgedSteps >= 1)) {
    throw new RangeError(`judgedSteps must be a positive integer; got ${judgedSteps}`);
  }
  const max = options.maxErrorRatio;
  if (max !== undefined && !(max > 0 && max < 1)) {
    throw new RangeError(`maxErrorRatio must be in (0, 1); got ${max}`);
  }
  if (options.minRatio !== undefined && !(options.minRatio > 1 && Number.isFinite(options.minRatio))) {
    throw new RangeError(`minRatio must be a finite ratio above 1; got ${options.minRatio}`);
  }
  if (options.tau !== undefined && !(options.tau > 0)) {
    throw new RangeError(`tau must be positive; got ${options.tau}`);
  }
  assertCounts('baseline', baseline);
  assertCounts('canary', canary);
  const completed = look.state.completedSteps ?? [];
  completed.forEach((step, i) => {
    assertCounts(`completed step ${i + 1} baseline`, step.baseline);
    assertCounts(`completed step ${i + 1} canary`, step.canary);
  });
  const stepAlpha = alpha / judgedSteps;

  const steps = [...completed, { baseline, canary }];
  const mixture = ratioMixture(steps, { minRatio: minRatioOf(options, steps), spread: RATIO_SPREAD });
  const pValue = Math.min(look.state.pAlwaysValid, Math.exp(-Math.max(mixture.logLambda, 0)));
  const state: ErrorRateState = finalLook
    ? { pAlwaysValid: pValue, completedSteps: steps }
    : { pAlwaysValid: pValue, ...(completed.length > 0 ? { completedSteps: completed } : {}) };

  const canaryRatio = canary.requests > 0 ? canary.errors / canary.requests : NaN;
  const baselineRatio = baseline.requests > 0 ? baseline.errors / baseline.requests : NaN;
  const expectedCanaryErrors = baseline.requests > 0 ? canary.requests * baselineRatio : 0;
  const base = { canaryRatio, baselineRatio, expectedCanaryErrors, stepAlpha, mixture, pValue };
  const arms = `canary ${ratio(canary)}, baseline ${ratio(baseline)}`;
  const evidence = `${arms}; rate ratio ${times(mixture.ratioEstimate)} over ${
    steps.length === 1 ? 'the step' : `${steps.length} steps`
  }`;
  const judgement = (
    phase: ErrorRateJudgement['phase'],
    rule: ErrorRateRule,
    criterion: string,
    reason: string,
    exactPValue?: number,
  ): ErrorRateJudgement => ({
    phase,
    decided: phase !== 'inconclusive' || finalLook,
    rule,
    state,
    criterion,
    reason,
    statistics: exactPValue === undefined ? base : { ...base, exactPValue },
  });

  // Gate B. "Enough data" is either minCanaryRequests (then the observed ratio is compared, as
  // Flagger does) or, earlier, a one-sided binomial test that already rejects `rate ≤ max`, so a
  // catastrophe is caught in minute one without tripping on the first error of a few requests.
  if (max !== undefined && canary.errors > 0) {
    const pAboveMax = binomialUpperTail(canary.errors, canary.requests, max);
    const observed = canary.requests >= minCanaryRequests && canaryRatio > max;
    if (observed || pAboveMax < stepAlpha) {
      return judgement(
        'fail',
        'guard',
        `error ratio ≤ ${percent(max)}`,
        observed
          ? `canary error ratio ${percent(canaryRatio)} (${ratio(canary)}) is above the guard max ${percent(max)}`
          : `canary error ratio ${percent(canaryRatio)} (${ratio(canary)}) is above the guard max ${percent(max)} already (one-sided binomial p = ${fmt(pAboveMax)} < ${level(stepAlpha)})`,
      );
    }
  }

  // Gate C. Λ ≥ 1/α only when the canary is worse: the prior has no mass at r ≤ 1, and L(r) ≤ 1 there
  // whenever the estimate is at most 1 (ln L is concave in ln r with L(1) = 1).
  const p = `mSPRT p = ${fmt(pValue)}`;
  if (mixture.logLambda >= Math.log(1 / stepAlpha)) {
    return judgement(
      'fail',
      'msprt',
      `${p} ≤ ${level(stepAlpha)}`,
      `canary error rate is higher: ${evidence} (Λ = ${magnitude(mixture.lambda)} ≥ 1/α = ${magnitude(1 / stepAlpha)})`,
    );
  }

  const why = insufficiency(canary, minCanaryRequests, expectedCanaryErrors);
  if (!finalLook) {
    return judgement(
      'inconclusive',
      'watching',
      `${p} > ${level(stepAlpha)}`,
      `keep watching: no significant regression yet (${evidence})${why ? `; ${why}` : ''}`,
    );
  }

  // The fixed-horizon exact test of this step alone is the A4 cross-check: reported, not gated on,
  // because the sequential test is already exact and a second test would spend a second alpha.
  const exactPValue = conditionalBinomialPValue(baseline, canary);
  if (why) {
    return judgement(
      'inconclusive',
      'insufficient',
      `${p} > ${level(stepAlpha)}`,
      `not enough data to pass the step: ${why}, and no significant regression (${evidence}; exact p = ${fmt(exactPValue)})`,
      exactPValue,
    );
  }
  return judgement(
    'pass',
    'no-regression',
    `${p} > ${level(stepAlpha)}`,
    `no significant error-rate regression: ${evidence} (exact p = ${fmt(exactPValue)})`,
    exactPValue,
  );
}

/**
 * The exact mixture likelihood ratio of "the canary's error rate is r times the baseline's, r from the
 * prior" against "the same", given how each step's errors split between the arms (see the file comment).
 * Each step's counts are cumulative since that step started.
 */
export function ratioMixture(steps: readonly StepCounts[], prior: RatioPrior): RatioMixture {
  if (!(prior.minRatio > 0 && Number.isFinite(prior.minRatio))) {
    throw new RangeError(`the prior's minRatio must be a positive finite ratio; got ${prior.minRatio}`);
  }
  if (!(prior.spread > 0 && Number.isFinite(prior.spread))) {
    throw new RangeError(`the prior's spread must be positive and finite; got ${prior.spread}`);
  }
  const canaryErrors = steps.reduce((sum, s) => sum + s.canary.errors, 0);
  const errors = steps.reduce((sum, s) => sum + s.canary.errors + s.baseline.errors, 0);
  const common = { minRatio: prior.minRatio, canaryErrors, errors, steps: steps.length };
  // A step where one arm took no requests says nothing about the split: its factor of L is 1.
  const strata = steps.map(stratum).filter((s) => s.m > 0 && s.pi > 0 && s.pi < 1);
  const ratioEstimate = maximumLikelihoodRatio(strata);
  if (strata.length === 0) return { lambda: 1, logLambda: 0, ratioEstimate, ...common };
  const logLambda = logMixture(strata, Math.log(prior.minRatio), prior.spread);
  return { lambda: Math.exp(logLambda), logLambda, ratioEstimate, ...common };
}

/** A step as the test sees it: canary errors x of m errors, canary share π of the requests. */
interface Stratum {
  readonly x: number;
  readonly m: number;
  readonly pi: number;
}

function stratum({ baseline, canary }: StepCounts): Stratum {
  const requests = baseline.requests + canary.requests;
  return {
    x: canary.errors,
    m: canary.errors + baseline.errors,
    pi: requests > 0 ? canary.requests / requests : 0,
  };
}

/** ln L at u = ln r: Σ x u − m ln(1 + π (e^u − 1)). */
function logLikelihood(strata: readonly Stratum[], u: number): number {
  const grow = Math.expm1(u);
  let sum = 0;
  for (const { x, m, pi } of strata) sum += x * u - m * Math.log1p(pi * grow);
  return sum;
}

/** d ln L / du: canary errors minus those expected in the canary at ratio e^u. */
function score(strata: readonly Stratum[], u: number): number {
  const r = Math.exp(u);
  let sum = 0;
  for (const { x, m, pi } of strata) sum += x - (m * pi * r) / (1 + pi * (r - 1));
  return sum;
}

/** −d² ln L / du², the information: Σ m π (1 − π) r / (1 + π (r − 1))². */
function information(strata: readonly Stratum[], u: number): number {
  const r = Math.exp(u);
  let sum = 0;
  for (const { m, pi } of strata) {
    const d = 1 + pi * (r - 1);
    sum += (m * pi * (1 - pi) * r) / (d * d);
  }
  return sum;
}

/**
 * ln ∫ L(e^{u₀+v}) · 2φ(v/s)/s dv over v ≥ 0. The integrand's log is concave (ln L is, the half-normal's
 * log is strictly), so it is unimodal with Gaussian-or-faster tails: Simpson's rule on a window of
 * ±12 curvature-widths around the mode, widened until its edges are e⁻⁴⁰ below the peak.
 */
function logMixture(strata: readonly Stratum[], u0: number, s: number): number {
  const s2 = s * s;
  const logF = (v: number) => logLikelihood(strata, u0 + v) - (v * v) / (2 * s2);
  const slope = (v: number) => score(strata, u0 + v) - v / s2;
  let mode = 0;
  if (slope(0) > 0) {
    let lo = 0;
    let hi = s;
    while (slope(hi) > 0) {
      lo = hi;
      hi *= 2;
    }
    // Newton from the bracket's middle, falling back to bisection when a step leaves the bracket.
    mode = (lo + hi) / 2;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
      const g = slope(mode);
      if (g > 0) lo = mode;
      else hi = mode;
      const next = mode + g / (information(strata, u0 + mode) + 1 / s2);
      mode = next > lo && next < hi ? next : (lo + hi) / 2;
    }
  }
  const peak = logF(mode);
  // At the boundary the integrand may fall off exponentially, faster than its curvature says.
  const width = Math.min(
    1 / Math.sqrt(information(strata, u0 + mode) + 1 / s2),
    mode === 0 && slope(0) < 0 ? -1 / slope(0) : Infinity,
  );
  let lo = Math.max(0, mode - 12 * width);
  let hi = mode + 12 * width;
  while (lo > 0 && logF(lo) > peak - 40) lo = Math.max(0, mode - 2 * (mode - lo));
  while (logF(hi) > peak - 40) hi = mode + 2 * (hi - mode);
  const intervals = 256;
  const h = (hi - lo) / intervals;
  let sum = 0;
  for (let i = 0; i <= intervals; i++) {
    const weight = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * Math.exp(logF(lo + i * h) - peak);
  }
  // The half-normal's normalising constant, 2 / (s √(2π)).
  return peak + Math.log((sum * h) / 3) + Math.log(2 / (s * Math.sqrt(2 * Math.PI)));
}

/** The conditional MLE of r over strata with errors and both arms: the root of the score in u = ln r. */
function maximumLikelihoodRatio(strata: readonly Stratum[]): number {
  const x = strata.reduce((sum, s) => sum + s.x, 0);
  const m = strata.reduce((sum, s) => sum + s.m, 0);
  if (m === 0) return NaN;
  if (x === 0) return 0;
  if (x === m) return Infinity;
  let lo = -1;
  let hi = 1;
  while (score(strata, lo) < 0) lo *= 2;
  while (score(strata, hi) > 0) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (score(strata, mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** `minRatio`, or `tau` as a ratio at the rollout's baseline rate so far. */
function minRatioOf(options: ErrorRateGateOptions, steps: readonly StepCounts[]): number {
  if (options.minRatio !== undefined || options.tau === undefined)
    return options.minRatio ?? DEFAULT_MIN_RATIO;
  const requests = steps.reduce((sum, s) => sum + s.baseline.requests, 0);
  const errors = steps.reduce((sum, s) => sum + s.baseline.errors, 0);
  return errors > 0 ? 1 + options.tau / (errors / requests) : DEFAULT_MIN_RATIO;
}

/** Why the step may not pass yet (gate A), or `undefined` when it may. */
function insufficiency(
  canary: ArmCounts,
  minCanaryRequests: number,
  expectedCanaryErrors: number,
): string | undefined {
  if (canary.requests < minCanaryRequests) {
    return `${count(canary.requests)} canary requests of the ${count(minCanaryRequests)} needed`;
  }
  if (expectedCanaryErrors < 1) {
    return `the canary would expect ${expectedCanaryErrors.toFixed(2)} errors at the baseline's rate, fewer than 1`;
  }
  return undefined;
}

function ratio(arm: ArmCounts): string {
  return `${count(arm.errors)}/${count(arm.requests)}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function percent(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}

/** A rate ratio to two significant figures: `4.6×`, `∞×`, `—` when undefined. */
function times(r: number): string {
  if (Number.isNaN(r)) return '—';
  if (!Number.isFinite(r)) return '∞×';
  return `${Number(r.toPrecision(2))}×`;
}

/** A p-value to two significant figures, in exponent form below 0.001 (`2.4e-4`). */
function fmt(p: number): string {
  return p > 0 && p < 0.001 ? p.toExponential(1) : Number(p.toPrecision(2)).toString();
}

/** A likelihood ratio to three significant figures, in exponent form from 10⁶ (`124`, `2.2e+55`). */
function magnitude(x: number): string {
  return x >= 1e6 ? x.toExponential(1) : Number(x.toPrecision(3)).toString();
}

/** A significance level, exact to three figures (`0.0125`, not `0.013`). */
function level(alpha: number): string {
  return Number(alpha.toPrecision(3)).toString();
}
