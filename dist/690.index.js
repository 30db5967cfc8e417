export const id = 690;
export const ids = [690];
export const modules = {

/***/ 62084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ workbookBurnWindows),
/* harmony export */   Kk: () => (/* binding */ multiWindowBurnFires),
/* harmony export */   YH: () => (/* binding */ errorBudgetRemaining),
/* harmony export */   g0: () => (/* binding */ burnRate)
/* harmony export */ });
/* unused harmony export burnRateThreshold */
/**
 * SLO burn rate and error budget.
 *
 * Source: decision-and-evidence.md A1 (Google SRE Workbook ch. 5 "Alerting on SLOs", Tables 5-4,
 * 5-6, 5-8; Sloth's google-30d windows) and "Decision layer — ship" item 5.
 */
/** `burn_rate = error_ratio / (1 − SLO)` (A1). `objective` is a fraction, e.g. 0.999. */
function burnRate(errorRatio, objective) {
    assertObjective(objective);
    if (!(errorRatio >= 0 && errorRatio <= 1))
        throw new RangeError(`error ratio must be in [0, 1]; got ${errorRatio}`);
    return errorRatio / (1 - objective);
}
/**
 * The burn-rate threshold that consumes `budgetFraction` of the budget within `windowHours`:
 * `B × period / W` (A1; e.g. 0.02 × 720 h / 1 h = 14.4).
 */
function burnRateThreshold(budgetFraction, windowHours, periodHours = 720) {
    return (budgetFraction * periodHours) / windowHours;
}
/**
 * The SRE Workbook multi-window table for a 30-day (720 h) period, with Sloth's google-30d windows:
 * 14.4 for 1h/5m, 6 for 6h/30m, 3 for 1d/2h, 1 for 3d/6h (A1).
 */
const workbookBurnWindows = [
    ['page', 1, 5 / 60, 0.02],
    ['page', 6, 0.5, 0.05],
    ['ticket', 24, 2, 0.1],
    ['ticket', 72, 6, 0.1],
].map(([severity, longHours, shortHours, budgetFraction]) => ({
    severity,
    longHours,
    shortHours,
    budgetFraction,
    burnRate: burnRateThreshold(budgetFraction, longHours),
}));
/**
 * Whether a multi-window alert fires: both the long- and short-window burn rates exceed the threshold
 * (A1: `ratio_rate1h > 14.4·(1−SLO) and ratio_rate5m > 14.4·(1−SLO)`). The threshold is compared with a
 * relative tolerance because `1 − 0.999` is not exactly 0.001 in doubles (A1, Sloth note).
 */
function multiWindowBurnFires(longBurnRate, shortBurnRate, threshold) {
    const exceeds = (rate) => rate > threshold * (1 + 1e-9);
    return exceeds(longBurnRate) && exceeds(shortBurnRate);
}
/**
 * Fraction of the period's error budget left: `1 − error_ratio(period) / (1 − SLO)` (Sloth's
 * `slo:period_error_budget_remaining:ratio`). Negative when the budget is overspent; ≤ 0 freezes
 * releases under the Workbook error budget policy.
 */
function errorBudgetRemaining(periodErrorRatio, objective) {
    return 1 - burnRate(periodErrorRatio, objective);
}
function assertObjective(objective) {
    if (!(objective > 0 && objective < 1)) {
        throw new RangeError(`SLO objective must be a fraction in (0, 1), e.g. 0.999; got ${objective}`);
    }
}


/***/ }),

/***/ 95606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ runAnalysis)
});

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/metrics/template.ts
var template = __webpack_require__(17155);
// EXTERNAL MODULE: ./src/analysis/burn-rate.ts
var burn_rate = __webpack_require__(62084);
// EXTERNAL MODULE: ./src/analysis/condition.ts
var analysis_condition = __webpack_require__(10399);
;// CONCATENATED MODULE: ./src/analysis/exact-binomial.ts
/**
 * Exact conditional binomial test for two Poisson rates: given k = x_c + x_b errors in total, the
 * canary's share is Binomial(k, π₀) under H₀, with π₀ = r·n_c / (r·n_c + n_b).
 *
 * Source: decision-and-evidence.md A4 "Exact tests for low counts"; used at the end of a step as the
 * low-count cross-check of the mSPRT and as its fallback ("Decision layer — ship" item 4). It is a
 * fixed-horizon test: run it once per step, not at every look.
 */
/**
 * One-sided p-value P(X ≥ x_c), X ~ Binomial(x_c + x_b, π₀), for "the canary's error rate is more than
 * `ratio` times the baseline's". `ratio = 1` tests equality; `ratio > 1` tolerates a relative increase.
 * Returns 1 when the canary has no errors (nothing can be worse) or either arm has no requests.
 */
function conditionalBinomialPValue(baseline, canary, ratio = 1) {
    for (const [arm, c] of [
        ['baseline', baseline],
        ['canary', canary],
    ]) {
        if (!Number.isInteger(c.requests) ||
            !Number.isInteger(c.errors) ||
            c.errors < 0 ||
            c.errors > c.requests) {
            throw new RangeError(`${arm} counts must be integers with 0 ≤ errors ≤ requests; got ${c.errors} errors of ${c.requests} requests`);
        }
    }
    if (!(ratio > 0 && Number.isFinite(ratio)))
        throw new RangeError(`ratio must be positive; got ${ratio}`);
    if (canary.errors === 0 || canary.requests === 0 || baseline.requests === 0)
        return 1;
    const k = baseline.errors + canary.errors;
    const p = (ratio * canary.requests) / (ratio * canary.requests + baseline.requests);
    return binomialUpperTail(canary.errors, k, p);
}
/**
 * P(X ≥ x) for X ~ Binomial(n, p), summed in log space (log-sum-exp over log pmf terms) so that
 * thousands of trials and tiny probabilities neither underflow nor lose precision.
 */
function binomialUpperTail(x, n, p) {
    if (x <= 0)
        return 1;
    if (x > n)
        return 0;
    if (p <= 0)
        return 0;
    if (p >= 1)
        return 1;
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
        }
        else {
            const rel = Math.exp(logTerm - maxLog);
            scaledSum += rel;
            // Past the mode terms only shrink; once they are below double precision the rest cannot matter.
            if (rel < 1e-17 * scaledSum && i + 1 > n * p)
                break;
        }
    }
    return Math.min(1, Math.exp(maxLog + Math.log(scaledSum)));
}
function logChoose(n, k) {
    return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
// Lanczos approximation (g = 7, 9 coefficients; Numerical Recipes 3rd ed. §6.1), ~15 significant digits.
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** ln Γ(z) for z > 0. */
function logGamma(z) {
    if (z < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
    const zm1 = z - 1;
    let a = LANCZOS[0];
    const t = zm1 + 7.5;
    for (let i = 1; i < 9; i++)
        a += LANCZOS[i] / (zm1 + i);
    return 0.5 * Math.log(2 * Math.PI) + (zm1 + 0.5) * Math.log(t) - t + Math.log(a);
}

;// CONCATENATED MODULE: ./src/analysis/msprt.ts
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
/** The state before the first look. */
const initialMsprtState = { pAlwaysValid: 1 };
/**
 * One look of the one-sided ("canary worse") mSPRT on cumulative counts. Looks before the warm-up
 * (`minCanaryRequests` and `n_c · p̂_b ≥ 1`) are skipped: they leave the state unchanged and never
 * reject, because the Gaussian approximation breaks at 0–2 errors (A3 simulation).
 */
function msprtProportions(baseline, canary, options = {}, previous = initialMsprtState) {
    assertCounts('baseline', baseline);
    assertCounts('canary', canary);
    const alpha = options.alpha ?? 0.05;
    const theta0 = options.theta0 ?? 0;
    const minCanaryRequests = options.minCanaryRequests ?? 500;
    if (!(alpha > 0 && alpha < 1))
        throw new RangeError(`mSPRT alpha must be in (0, 1); got ${alpha}`);
    const pBaseline = baseline.requests > 0 ? baseline.errors / baseline.requests : 0;
    const pCanary = canary.requests > 0 ? canary.errors / canary.requests : 0;
    const difference = pCanary - pBaseline;
    // Default gate C: τ = the smallest regression worth catching (A3 "practical rule").
    const tau = options.tau ?? Math.max(3 * pBaseline, 0.001);
    if (!(tau > 0))
        throw new RangeError(`mSPRT tau must be positive; got ${tau}`);
    const totalRequests = baseline.requests + canary.requests;
    const pooled = totalRequests > 0 ? (baseline.errors + canary.errors) / totalRequests : 0;
    // A3: s² = p̄(1−p̄)(1/n_c + 1/n_b), the variance of the difference under H₀.
    const variance = baseline.requests > 0 && canary.requests > 0
        ? pooled * (1 - pooled) * (1 / baseline.requests + 1 / canary.requests)
        : 0;
    const skipped = canary.requests < minCanaryRequests
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
    const logLambda = 0.5 * Math.log(variance / (variance + t2)) + (t2 * d * d) / (2 * variance * (variance + t2));
    const lambda = Math.exp(logLambda);
    // A3: p_n = min(p_{n−1}, 1/Λ_n); 1/Λ is capped at 1 because a p-value is a probability.
    const pValue = Math.min(previous.pAlwaysValid, Math.exp(-Math.max(logLambda, 0)));
    // A3: CS = d ± sqrt(s²(s²+τ²)/τ² · (2 ln(1/α) + ln((s²+τ²)/s²))), here centred on the difference
    // itself rather than on d = difference − θ₀, so it bounds p_canary − p_baseline directly.
    const half = Math.sqrt(((variance * (variance + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((variance + t2) / variance)));
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
function assertCounts(arm, counts) {
    const { requests, errors } = counts;
    // Providers' numbers are validated where they are parsed; reaching here with these is a bug.
    if (!Number.isInteger(requests) ||
        !Number.isInteger(errors) ||
        requests < 0 ||
        errors < 0 ||
        errors > requests) {
        throw new RangeError(`${arm} counts must be integers with 0 ≤ errors ≤ requests; got ${errors} errors of ${requests} requests`);
    }
}

;// CONCATENATED MODULE: ./src/analysis/error-rate-gate.ts
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


/** Default `minRatio`: issue 4's "≥ 3× regressions". */
const DEFAULT_MIN_RATIO = 3;
/** Spread of the prior on ln r: half its mass within 1.6× of `minRatio`, 95% within 3.9×. */
const RATIO_SPREAD = Math.LN2;
/**
 * The canary requests this gate needs before a step can pass: `minCanaryRequests`, and enough that the
 * canary should have seen one error at the baseline's rate (`n_c · p̂_b ≥ 1`, A3). `Infinity` while the
 * baseline has no errors. Pass it to `assessSufficiency` as `minSamples`.
 */
function canaryRequestsNeeded(baseline, minCanaryRequests = 500) {
    if (baseline.errors <= 0 || baseline.requests <= 0)
        return Infinity;
    return Math.max(minCanaryRequests, Math.ceil(baseline.requests / baseline.errors));
}
/** Judges one look of the canary's error rate against the baseline's. */
function judgeErrorRate(look, options = {}) {
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
    const state = finalLook
        ? { pAlwaysValid: pValue, completedSteps: steps }
        : { pAlwaysValid: pValue, ...(completed.length > 0 ? { completedSteps: completed } : {}) };
    const canaryRatio = canary.requests > 0 ? canary.errors / canary.requests : NaN;
    const baselineRatio = baseline.requests > 0 ? baseline.errors / baseline.requests : NaN;
    const expectedCanaryErrors = baseline.requests > 0 ? canary.requests * baselineRatio : 0;
    const base = { canaryRatio, baselineRatio, expectedCanaryErrors, stepAlpha, mixture, pValue };
    const arms = `canary ${ratio(canary)}, baseline ${ratio(baseline)}`;
    const evidence = `${arms}; rate ratio ${times(mixture.ratioEstimate)} over ${steps.length === 1 ? 'the step' : `${steps.length} steps`}`;
    const judgement = (phase, rule, criterion, reason, exactPValue) => ({
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
            return judgement('fail', 'guard', `error ratio ≤ ${percent(max)}`, observed
                ? `canary error ratio ${percent(canaryRatio)} (${ratio(canary)}) is above the guard max ${percent(max)}`
                : `canary error ratio ${percent(canaryRatio)} (${ratio(canary)}) is above the guard max ${percent(max)} already (one-sided binomial p = ${fmt(pAboveMax)} < ${level(stepAlpha)})`);
        }
    }
    // Gate C. Λ ≥ 1/α only when the canary is worse: the prior has no mass at r ≤ 1, and L(r) ≤ 1 there
    // whenever the estimate is at most 1 (ln L is concave in ln r with L(1) = 1).
    const p = `mSPRT p = ${fmt(pValue)}`;
    if (mixture.logLambda >= Math.log(1 / stepAlpha)) {
        return judgement('fail', 'msprt', `${p} ≤ ${level(stepAlpha)}`, `canary error rate is higher: ${evidence} (Λ = ${magnitude(mixture.lambda)} ≥ 1/α = ${magnitude(1 / stepAlpha)})`);
    }
    const why = insufficiency(canary, minCanaryRequests, expectedCanaryErrors);
    if (!finalLook) {
        return judgement('inconclusive', 'watching', `${p} > ${level(stepAlpha)}`, `keep watching: no significant regression yet (${evidence})${why ? `; ${why}` : ''}`);
    }
    // The fixed-horizon exact test of this step alone is the A4 cross-check: reported, not gated on,
    // because the sequential test is already exact and a second test would spend a second alpha.
    const exactPValue = conditionalBinomialPValue(baseline, canary);
    if (why) {
        return judgement('inconclusive', 'insufficient', `${p} > ${level(stepAlpha)}`, `not enough data to pass the step: ${why}, and no significant regression (${evidence}; exact p = ${fmt(exactPValue)})`, exactPValue);
    }
    return judgement('pass', 'no-regression', `${p} > ${level(stepAlpha)}`, `no significant error-rate regression: ${evidence} (exact p = ${fmt(exactPValue)})`, exactPValue);
}
/**
 * The exact mixture likelihood ratio of "the canary's error rate is r times the baseline's, r from the
 * prior" against "the same", given how each step's errors split between the arms (see the file comment).
 * Each step's counts are cumulative since that step started.
 */
function ratioMixture(steps, prior) {
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
    if (strata.length === 0)
        return { lambda: 1, logLambda: 0, ratioEstimate, ...common };
    const logLambda = logMixture(strata, Math.log(prior.minRatio), prior.spread);
    return { lambda: Math.exp(logLambda), logLambda, ratioEstimate, ...common };
}
function stratum({ baseline, canary }) {
    const requests = baseline.requests + canary.requests;
    return {
        x: canary.errors,
        m: canary.errors + baseline.errors,
        pi: requests > 0 ? canary.requests / requests : 0,
    };
}
/** ln L at u = ln r: Σ x u − m ln(1 + π (e^u − 1)). */
function logLikelihood(strata, u) {
    const grow = Math.expm1(u);
    let sum = 0;
    for (const { x, m, pi } of strata)
        sum += x * u - m * Math.log1p(pi * grow);
    return sum;
}
/** d ln L / du: canary errors minus those expected in the canary at ratio e^u. */
function score(strata, u) {
    const r = Math.exp(u);
    let sum = 0;
    for (const { x, m, pi } of strata)
        sum += x - (m * pi * r) / (1 + pi * (r - 1));
    return sum;
}
/** −d² ln L / du², the information: Σ m π (1 − π) r / (1 + π (r − 1))². */
function information(strata, u) {
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
function logMixture(strata, u0, s) {
    const s2 = s * s;
    const logF = (v) => logLikelihood(strata, u0 + v) - (v * v) / (2 * s2);
    const slope = (v) => score(strata, u0 + v) - v / s2;
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
            if (g > 0)
                lo = mode;
            else
                hi = mode;
            const next = mode + g / (information(strata, u0 + mode) + 1 / s2);
            mode = next > lo && next < hi ? next : (lo + hi) / 2;
        }
    }
    const peak = logF(mode);
    // At the boundary the integrand may fall off exponentially, faster than its curvature says.
    const width = Math.min(1 / Math.sqrt(information(strata, u0 + mode) + 1 / s2), mode === 0 && slope(0) < 0 ? -1 / slope(0) : Infinity);
    let lo = Math.max(0, mode - 12 * width);
    let hi = mode + 12 * width;
    while (lo > 0 && logF(lo) > peak - 40)
        lo = Math.max(0, mode - 2 * (mode - lo));
    while (logF(hi) > peak - 40)
        hi = mode + 2 * (hi - mode);
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
function maximumLikelihoodRatio(strata) {
    const x = strata.reduce((sum, s) => sum + s.x, 0);
    const m = strata.reduce((sum, s) => sum + s.m, 0);
    if (m === 0)
        return NaN;
    if (x === 0)
        return 0;
    if (x === m)
        return Infinity;
    let lo = -1;
    let hi = 1;
    while (score(strata, lo) < 0)
        lo *= 2;
    while (score(strata, hi) > 0)
        hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
        const mid = (lo + hi) / 2;
        if (score(strata, mid) > 0)
            lo = mid;
        else
            hi = mid;
    }
    return Math.exp((lo + hi) / 2);
}
/** `minRatio`, or `tau` as a ratio at the rollout's baseline rate so far. */
function minRatioOf(options, steps) {
    if (options.minRatio !== undefined || options.tau === undefined)
        return options.minRatio ?? DEFAULT_MIN_RATIO;
    const requests = steps.reduce((sum, s) => sum + s.baseline.requests, 0);
    const errors = steps.reduce((sum, s) => sum + s.baseline.errors, 0);
    return errors > 0 ? 1 + options.tau / (errors / requests) : DEFAULT_MIN_RATIO;
}
/** Why the step may not pass yet (gate A), or `undefined` when it may. */
function insufficiency(canary, minCanaryRequests, expectedCanaryErrors) {
    if (canary.requests < minCanaryRequests) {
        return `${count(canary.requests)} canary requests of the ${count(minCanaryRequests)} needed`;
    }
    if (expectedCanaryErrors < 1) {
        return `the canary would expect ${expectedCanaryErrors.toFixed(2)} errors at the baseline's rate, fewer than 1`;
    }
    return undefined;
}
function ratio(arm) {
    return `${count(arm.errors)}/${count(arm.requests)}`;
}
function count(n) {
    return n.toLocaleString('en-US');
}
function percent(x) {
    return `${Number((x * 100).toPrecision(3))}%`;
}
/** A rate ratio to two significant figures: `4.6×`, `∞×`, `—` when undefined. */
function times(r) {
    if (Number.isNaN(r))
        return '—';
    if (!Number.isFinite(r))
        return '∞×';
    return `${Number(r.toPrecision(2))}×`;
}
/** A p-value to two significant figures, in exponent form below 0.001 (`2.4e-4`). */
function fmt(p) {
    return p > 0 && p < 0.001 ? p.toExponential(1) : Number(p.toPrecision(2)).toString();
}
/** A likelihood ratio to three significant figures, in exponent form from 10⁶ (`124`, `2.2e+55`). */
function magnitude(x) {
    return x >= 1e6 ? x.toExponential(1) : Number(x.toPrecision(3)).toString();
}
/** A significance level, exact to three figures (`0.0125`, not `0.013`). */
function level(alpha) {
    return Number(alpha.toPrecision(3)).toString();
}

;// CONCATENATED MODULE: ./src/analysis/mann-whitney.ts
/**
 * Kayenta-compatible judge for one continuous metric (latency, CPU, memory) on time-series points:
 * Mann–Whitney U with the normal approximation, a confidence interval for the shift found by Brent
 * root finding, and Kayenta's effect-size gates.
 *
 * Source: decision-and-evidence.md A2 (spinnaker/kayenta@a69573b `MannWhitneyClassifier.scala`,
 * `kayenta-mannwhitney/…/MannWhitney.scala`, which follows R `wilcox.test(conf.int = TRUE)` with
 * `exact = FALSE, correct = TRUE`) and "Decision layer — ship" item 6 (defaults).
 * Samples are time-series points (one value per step), not individual requests.
 */
/** Kayenta's `MannWhitneyClassifier.classify` for one metric (A2, logic-exact). */
function judgeMetric(experimentRaw, controlRaw, options = {}) {
    const direction = options.direction ?? 'either';
    const nanStrategy = options.nanStrategy ?? 'remove';
    const critical = options.critical ?? false;
    const clean = (values) => nanStrategy === 'remove'
        ? values.filter((v) => !Number.isNaN(v))
        : values.map((v) => (Number.isNaN(v) ? 0 : v));
    const experiment = clean(experimentRaw);
    const control = clean(controlRaw);
    if (experiment.length === 0 || control.length === 0) {
        if (nanStrategy === 'replace') {
            return {
                classification: 'Pass',
                criticalFailure: false,
                meanRatio: NaN,
                reason: 'no data, and NaN strategy is replace',
            };
        }
        const failing = (options.mustHaveData ?? false) && !critical;
        return {
            classification: failing ? 'NodataFailMetric' : 'Nodata',
            criticalFailure: critical,
            meanRatio: NaN,
            reason: `no data in the ${experiment.length === 0 ? 'canary' : 'baseline'} sample`,
        };
    }
    const meanRatio = meanRatioOf(experiment, control);
    // Typed arrays sort numerically without a comparator, several times faster than Array#sort with one.
    const sortedE = Float64Array.from(experiment).sort();
    const sortedC = Float64Array.from(control).sort();
    if (sortedE.length === sortedC.length && sortedE.every((v, i) => v === sortedC[i])) {
        return {
            classification: 'Pass',
            criticalFailure: false,
            meanRatio,
            reason: 'canary and baseline are identical',
        };
    }
    if (sortedE[0] === sortedE.at(-1) && sortedC[0] === sortedC.at(-1) && sortedE[0] === sortedC[0]) {
        return {
            classification: 'Pass',
            criticalFailure: false,
            meanRatio,
            reason: 'every point has the same value',
        };
    }
    let x = sortedE;
    let y = sortedC;
    if (sortedE[0] === sortedE.at(-1) && sortedC[0] === sortedC.at(-1)) {
        // Kayenta: all ties within each sample make σ = 0 under a shift; jitter both by sd = value·1e-5.
        const gaussian = options.gaussian ?? seededGaussian(0x9e3779b9);
        const jitter = (v) => v + gaussian() * Math.abs(v) * 1e-5;
        x = sortedE.map(jitter).sort();
        y = sortedC.map(jitter).sort();
    }
    const test = sortedMannWhitneyTest(x, y, options.confidenceLevel ?? 0.98);
    // A2 calculateBounds: the interval must clear tolerance × |estimate| on the far side of zero.
    const bound = (options.tolerance ?? 0.25) * Math.abs(test.estimate);
    const allowedIncrease = options.allowedIncrease ?? 1;
    const allowedDecrease = options.allowedDecrease ?? 1;
    const isHigh = direction !== 'decrease' &&
        test.lowerConfidence > bound &&
        (Number.isNaN(meanRatio) || meanRatio >= allowedIncrease);
    const isLow = direction !== 'increase' &&
        test.upperConfidence < -bound &&
        (Number.isNaN(meanRatio) || meanRatio <= allowedDecrease);
    const criticalFailure = critical &&
        ((isHigh && (Number.isNaN(meanRatio) || meanRatio >= (options.criticalIncrease ?? 1))) ||
            (isLow && (Number.isNaN(meanRatio) || meanRatio <= (options.criticalDecrease ?? 1))));
    const ci = `[${test.lowerConfidence.toPrecision(4)}, ${test.upperConfidence.toPrecision(4)}]`;
    const ratio = Number.isNaN(meanRatio) ? 'undefined' : meanRatio.toPrecision(4);
    if (isHigh) {
        return {
            classification: 'High',
            criticalFailure,
            test,
            meanRatio,
            reason: `canary is higher: shift CI ${ci} lies above +${bound.toPrecision(4)} and mean ratio ${ratio} ≥ ${allowedIncrease}`,
        };
    }
    if (isLow) {
        return {
            classification: 'Low',
            criticalFailure,
            test,
            meanRatio,
            reason: `canary is lower: shift CI ${ci} lies below −${bound.toPrecision(4)} and mean ratio ${ratio} ≤ ${allowedDecrease}`,
        };
    }
    return {
        classification: 'Pass',
        criticalFailure: false,
        test,
        meanRatio,
        reason: `no significant ${direction === 'either' ? 'change' : direction}: shift CI ${ci}, mean ratio ${ratio}`,
    };
}
/** mean(experiment)/mean(control), NaN when either mean is 0 (Kayenta's meanRatio effect size). */
function meanRatioOf(experiment, control) {
    const mean = (v) => v.reduce((s, a) => s + a, 0) / v.length;
    const e = mean(experiment);
    const c = mean(control);
    return e === 0 || c === 0 ? NaN : e / c;
}
/**
 * Two-sided Mann–Whitney test of `x` (experiment) against `y` (control) with the confidence interval
 * and estimate of the shift x − y, as R `wilcox.test(x, y, conf.int = TRUE, exact = FALSE)` and
 * Kayenta compute them (A2). Throws when every observation is tied (σ = 0), as both do.
 */
function mannWhitneyTest(x, y, confidenceLevel = 0.98) {
    // Typed arrays sort numerically without a comparator and keep the hot merge loop monomorphic.
    return sortedMannWhitneyTest(Float64Array.from(x).sort(), Float64Array.from(y).sort(), confidenceLevel);
}
/** `mannWhitneyTest` on samples already sorted ascending (as typed-array `sort()` leaves them). */
function sortedMannWhitneyTest(xs, ys, confidenceLevel) {
    const nx = xs.length;
    const ny = ys.length;
    if (nx === 0 || ny === 0)
        throw new RangeError('Mann–Whitney needs at least one point in each sample');
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
        throw new RangeError(`confidence level must be in (0, 1); got ${confidenceLevel}`);
    }
    // Infinite points make the search interval ∞ − ∞; the caller maps them (NaN strategy) or rejects them.
    // Sorted typed arrays put −∞ first and +∞ then NaN last, so the two ends decide for every point.
    if (!(Number.isFinite(xs[0]) &&
        Number.isFinite(xs[nx - 1]) &&
        Number.isFinite(ys[0]) &&
        Number.isFinite(ys[ny - 1])))
        throw new RangeError('Mann–Whitney needs finite values; got NaN or ±Infinity');
    // f(μ) = (dz − 0.5·sign(dz)) / σ − z, with dz = Σ ranks(x − μ) − n_x(n_x+1)/2 − n_x n_y/2 and
    // σ = sqrt(n_x n_y/12 · ((n_x+n_y+1) − Σ(t³−t)/((n_x+n_y)(n_x+n_y−1)))) (A2, R's wdiff).
    const control = groupSorted(ys);
    const ranks = { rankSumX: 0, tieTerm: 0 };
    const standardized = (mu) => {
        rankSumOfShifted(xs, control, mu, ranks);
        const dz = ranks.rankSumX - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
        const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - ranks.tieTerm / ((nx + ny) * (nx + ny - 1))));
        if (!(sigma > 0))
            throw new RangeError('cannot compute a Mann–Whitney interval when all observations are tied');
        return (dz - 0.5 * Math.sign(dz)) / sigma;
    };
    const z0 = standardized(0);
    const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z0)));
    const muMin = xs[0] - ys[ny - 1];
    const muMax = xs[nx - 1] - ys[0];
    const tolerance = 1e-10 * Math.max(muMax - muMin, Number.MIN_VALUE);
    // The ends are the same for all three roots: evaluate them once (each evaluation is a full merge).
    const atMin = standardized(muMin);
    const atMax = standardized(muMax);
    // R's root(): clamp to the search interval's ends when f does not change sign there.
    const root = (zq) => {
        const fLow = atMin - zq;
        const fHigh = atMax - zq;
        if (fLow <= 0)
            return muMin;
        if (fHigh >= 0)
            return muMax;
        return brentRoot((mu) => standardized(mu) - zq, muMin, muMax, fLow, fHigh, tolerance);
    };
    const zq = inverseNormalCdf(1 - (1 - confidenceLevel) / 2);
    return { pValue, lowerConfidence: root(zq), upperConfidence: root(-zq), estimate: root(0) };
}
function groupSorted(sorted) {
    const values = [];
    const before = [];
    let tieTerm = 0;
    for (let j = 0; j < sorted.length;) {
        let t = 1;
        while (j + t < sorted.length && sorted[j + t] === sorted[j])
            t++;
        values.push(sorted[j]);
        before.push(j);
        tieTerm += t * t * t - t;
        j += t;
    }
    before.push(sorted.length);
    return { values: Float64Array.from(values), before: Float64Array.from(before), tieTerm };
}
/**
 * Rank sum of `xs − mu` in the pooled sample (average ranks for ties) and Σ(t³ − t) over the pooled
 * tie groups, written into `out`: one O(n) merge of the shifted experiment against the control's
 * groups per evaluation instead of a re-sort, which keeps 2 × 100,000 points fast enough for the root
 * finder's few dozen evaluations.
 *
 * Midranks within the experiment always sum to n_x(n_x+1)/2, so the rank sum is that plus, for each
 * experiment point, the control points below it and half those equal to it. Every term is a
 * half-integer, so the sums are exact in doubles (below 2^53, about 2 × 208,000 points) and equal, bit
 * for bit, to ranking the pooled sample. Experiment tie groups are found on shifted values
 * (`xs[i] − mu`): rounding can make two different points equal after the shift, and R ranks the
 * shifted values.
 */
function rankSumOfShifted(xs, control, mu, out) {
    const { values, before } = control;
    const nx = xs.length;
    const groups = values.length;
    let g = 0;
    let above = 0; // Σ over experiment points of (control below) + ½ (control equal)
    let tieTerm = control.tieTerm;
    for (let i = 0; i < nx;) {
        const v = xs[i] - mu;
        let tx = 1;
        while (i + tx < nx && xs[i + tx] - mu === v)
            tx++;
        while (g < groups && values[g] < v)
            g++;
        if (g < groups && values[g] === v) {
            // A pooled group of tx + ty: replace the control group's own term by the pooled one.
            const ty = before[g + 1] - before[g];
            const t = tx + ty;
            above += tx * (before[g] + ty / 2);
            tieTerm += t * t * t - t - (ty * ty * ty - ty);
        }
        else {
            above += tx * before[g];
            tieTerm += tx * tx * tx - tx;
        }
        i += tx;
    }
    out.rankSumX = (nx * (nx + 1)) / 2 + above;
    out.tieTerm = tieTerm;
}
/** Brent's method (Brent 1973, "zeroin"; Numerical Recipes §9.3) for a bracketed root of f. */
function brentRoot(f, lower, upper, fLower = f(lower), fUpper = f(upper), tolerance = 1e-12, maxIterations = 200) {
    let a = lower;
    let b = upper;
    let fa = fLower;
    let fb = fUpper;
    if (fa * fb > 0)
        throw new RangeError(`root is not bracketed by [${lower}, ${upper}]`);
    let c = b;
    let fc = fb;
    let d = b - a;
    let e = d;
    for (let iteration = 0; iteration < maxIterations; iteration++) {
        if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if (Math.abs(fc) < Math.abs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
        const xm = 0.5 * (c - b);
        if (Math.abs(xm) <= tol1 || fb === 0)
            return b;
        if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
            // Inverse quadratic interpolation, or the secant step when only two points are distinct.
            const s = fb / fa;
            let p;
            let q;
            if (a === c) {
                p = 2 * xm * s;
                q = 1 - s;
            }
            else {
                const qa = fa / fc;
                const r = fb / fc;
                p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
                q = (qa - 1) * (r - 1) * (s - 1);
            }
            if (p > 0)
                q = -q;
            p = Math.abs(p);
            if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
                e = d;
                d = p / q;
            }
            else {
                d = xm;
                e = d;
            }
        }
        else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += Math.abs(d) > tol1 ? d : xm >= 0 ? tol1 : -tol1;
        fb = f(b);
    }
    return b;
}
/** Standard normal CDF Φ (Hart 1968 algorithm 5666 as given by West 2005); relative error ≲ 1e-9 in the tails. */
function normalCdf(x) {
    const z = Math.abs(x);
    let tail;
    if (z > 37) {
        tail = 0;
    }
    else if (z < 7.07106781186547) {
        const e = Math.exp((-z * z) / 2);
        const n = (((((0.0352624965998911 * z + 0.700383064443688) * z + 6.37396220353165) * z + 33.912866078383) * z +
            112.079291497871) *
            z +
            221.213596169931) *
            z +
            220.206867912376;
        const d = ((((((0.0883883476483184 * z + 1.75566716318264) * z + 16.064177579207) * z + 86.7807322029461) * z +
            296.564248779674) *
            z +
            637.333633378831) *
            z +
            793.826512519948) *
            z +
            440.413735824752;
        tail = (e * n) / d;
    }
    else {
        const e = Math.exp((-z * z) / 2);
        const f = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
        tail = e / f / 2.506628274631;
    }
    return x <= 0 ? tail : 1 - tail;
}
/** Φ⁻¹ (Acklam's rational approximation plus one Halley step against `normalCdf`). */
function inverseNormalCdf(p) {
    if (!(p > 0 && p < 1)) {
        if (p === 0)
            return -Infinity;
        if (p === 1)
            return Infinity;
        throw new RangeError(`probability must be in [0, 1]; got ${p}`);
    }
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const tailRational = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    let x;
    if (p < 0.02425) {
        x = tailRational(Math.sqrt(-2 * Math.log(p)));
    }
    else if (p > 1 - 0.02425) {
        x = -tailRational(Math.sqrt(-2 * Math.log1p(-p)));
    }
    else {
        const q = p - 0.5;
        const r = q * q;
        x =
            ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const u = (normalCdf(x) - p) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    return x - u / (1 + (x * u) / 2);
}
/** Mulberry32 uniform generator feeding Box–Muller: deterministic standard normals. */
function seededGaussian(seed) {
    let state = seed >>> 0;
    const uniform = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

;// CONCATENATED MODULE: ./src/analysis/kayenta-score.ts
/**
 * Kayenta-compatible canary scoring: per metric NaN strategy → optional IQR outlier removal →
 * Mann–Whitney classification (`judgeMetric`), then group scores, a weighted summary score and the
 * Pass / Marginal / Fail classification, mapped to our `Verdict`.
 *
 * Source: decision-and-evidence.md A2 and "Decision layer — ship" item 6; anchors-rollouts.md §(c)
 * (spinnaker/kayenta `NetflixACAJudge.scala`, `WeightedSumScorer.scala`, `ThresholdScoreClassifier.scala`,
 * `IQRDetector.scala`). Where we depart from Kayenta it is on purpose and said at the spot:
 * - a metric with fewer than `minPoints` points makes the judgement `inconclusive` (Kayenta only warns);
 * - a weighted group whose metrics are all muted counts as an empty group (100), not as 0;
 * - weights over 100, and weights that can never add up to 100, are configuration problems.
 */


/** The Kayenta docs' example effect sizes (A2 table): 1.1 / 0.90 / 5.0 / 0.5. */
const KAYENTA_DOCS_EFFECT_SIZE = {
    allowedIncrease: 1.1,
    allowedDecrease: 0.9,
    criticalIncrease: 5.0,
    criticalDecrease: 0.5,
};
/** Every preset by name. */
const EFFECT_SIZE_PRESETS = {
    strict: { allowedIncrease: 1, allowedDecrease: 1, criticalIncrease: 1, criticalDecrease: 1 },
    docs: KAYENTA_DOCS_EFFECT_SIZE,
};
/** The Spinnaker best-practices starting thresholds (A2): pass 95, marginal 75. */
const DEFAULT_KAYENTA_THRESHOLDS = { pass: 95, marginal: 75 };
/** Spinnaker guidance: "at least 50 pieces of time series data per metric" (A2). */
const DEFAULT_MIN_POINTS = 50;
/** Kayenta `NODATA_THRESHOLD`: this percentage of `Nodata` metrics or more scores 0. */
const NODATA_THRESHOLD_PERCENT = 50;
/** The confidence level the judge hard-codes (A2: `MannWhitneyClassifier(tolerance = 0.25, confLevel = 0.98)`). */
const CONFIDENCE_LEVEL = 0.98;
// ---------------------------------------------------------------------------------------------
// Percentiles and outliers
/**
 * The p-th percentile (0 < p ≤ 100) of `values`, as Apache Commons Math's `StatUtils.percentile`
 * computes it, which Kayenta's `IQRDetector` calls. Its default estimation type is `LEGACY`
 * (commons-math3 `Percentile.EstimationType.LEGACY`, the pre-3.4 algorithm): with the n values sorted
 * ascending and 1-based, `pos = p·(n + 1)/100`; `pos < 1` → the smallest value; `pos ≥ n` → the
 * largest; otherwise `x⌊pos⌋ + (pos − ⌊pos⌋)·(x⌊pos⌋+1 − x⌊pos⌋)`. This is Hyndman–Fan type 6 (R
 * `quantile(type = 6)`, Excel PERCENTILE.EXC) except that the ends clamp instead of being undefined.
 * NaN for no values; the single value for one. `p = 100` uses `pos = n` (commons' maxLimit).
 */
function commonsPercentile(values, p) {
    if (!(p > 0 && p <= 100))
        throw new RangeError(`percentile must be in (0, 100]; got ${p}`);
    const n = values.length;
    if (n === 0)
        return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    if (n === 1)
        return sorted[0];
    const pos = p === 100 ? n : (p / 100) * (n + 1);
    if (pos < 1)
        return sorted[0];
    if (pos >= n)
        return sorted[n - 1];
    const whole = Math.floor(pos);
    const lower = sorted[whole - 1];
    const upper = sorted[whole];
    return lower + (pos - whole) * (upper - lower);
}
/**
 * Kayenta's `IQRDetector` fences: `Q1 − f·IQR` and `Q3 + f·IQR` with commons-math percentiles; with
 * `reduceSensitivity` (what the judge uses) widened to `min(P1, Q1 − f·IQR)` and `max(P99, Q3 + f·IQR)`.
 * Hazard: with `reduceSensitivity`, P1 and P99 are the sample's minimum and maximum whenever n ≤ 99
 * (`0.01·(n+1) ≤ 1` and `0.99·(n+1) ≥ n`), so nothing is ever removed from fewer than 100 points.
 */
function outlierFences(values, factor = 3, reduceSensitivity = true) {
    if (!(factor > 0))
        throw new RangeError(`outlier factor must be greater than zero; got ${factor}`);
    const q1 = commonsPercentile(values, 25);
    const q3 = commonsPercentile(values, 75);
    const iqr = q3 - q1;
    const lowerIqr = q1 - factor * iqr;
    const upperIqr = q3 + factor * iqr;
    if (!reduceSensitivity)
        return { lower: lowerIqr, upper: upperIqr };
    return {
        lower: Math.min(commonsPercentile(values, 1), lowerIqr),
        upper: Math.max(commonsPercentile(values, 99), upperIqr),
    };
}
/** The points inside the fences, in their original order (Kayenta `Transforms.removeOutliers`). */
function removeOutliers(values, factor = 3, reduceSensitivity = true) {
    const { lower, upper } = outlierFences(values, factor, reduceSensitivity);
    // Kayenta flags `x > upper || x < lower`; with NaN fences (infinite points) nothing is flagged.
    return values.filter((x) => !(x > upper || x < lower));
}
// ---------------------------------------------------------------------------------------------
// Validation
/** Every problem with `config`; empty when it can be used. */
function kayentaConfigProblems(config) {
    const problems = [];
    const problem = (path, message) => problems.push({ path, message });
    if (config.metrics.length === 0)
        problem('metrics', 'list at least one metric to judge');
    const seen = new Map();
    const metricGroups = new Set();
    config.metrics.forEach((metric, index) => {
        const at = `metrics[${index}]`;
        if (metric.name.trim() === '')
            problem(`${at}.name`, 'give the metric a name');
        const earlier = seen.get(metric.name);
        if (earlier !== undefined)
            problem(`${at}.name`, `"${metric.name}" is already metrics[${earlier}]; name each metric once`);
        else
            seen.set(metric.name, index);
        if (metric.group.trim() === '')
            problem(`${at}.group`, 'name the group the metric scores in');
        metricGroups.add(metric.group);
        const factor = metric.outliers?.factor;
        if (factor !== undefined && !(Number.isFinite(factor) && factor > 0))
            problem(`${at}.outliers.factor`, `must be a number greater than 0 (Kayenta uses 3.0); got ${factor}`);
        const effect = metric.effectSize;
        if (typeof effect === 'string') {
            if (!Object.hasOwn(EFFECT_SIZE_PRESETS, effect))
                problem(`${at}.effectSize`, `unknown preset "${effect}"; use strict or docs, or give the four ratios`);
        }
        else if (effect !== undefined) {
            for (const key of ['allowedIncrease', 'criticalIncrease']) {
                if (!(Number.isFinite(effect[key]) && effect[key] >= 1))
                    problem(`${at}.effectSize.${key}`, `is a mean ratio and must be at least 1, e.g. 1.1; got ${effect[key]}`);
            }
            for (const key of ['allowedDecrease', 'criticalDecrease']) {
                if (!(Number.isFinite(effect[key]) && effect[key] > 0 && effect[key] <= 1))
                    problem(`${at}.effectSize.${key}`, `is a mean ratio and must be in (0, 1], e.g. 0.9; got ${effect[key]}`);
            }
        }
    });
    const weights = Object.entries(config.groups ?? {});
    let total = 0;
    for (const [group, weight] of weights) {
        if (!(Number.isFinite(weight) && weight >= 0)) {
            problem(`groups.${group}`, `weight must be a percentage of at least 0; got ${weight}`);
            continue;
        }
        total += weight;
        if (!metricGroups.has(group))
            problem(`groups.${group}`, `no metric is in group "${group}"; delete the weight or put a metric in it`);
    }
    const unweighted = [...metricGroups].filter((group) => !Object.hasOwn(config.groups ?? {}, group));
    if (total > 100) {
        problem('groups', `weights add up to ${total}, over 100; Kayenta's group weights must total 100`);
    }
    else if (weights.length > 0 && unweighted.length === 0 && total < 100) {
        problem('groups', `weights add up to ${total} and every group has one, so the score can never reach 100; make them total 100`);
    }
    else if (unweighted.length > 0 && total === 100) {
        problem('groups', `weights already total 100, so ${unweighted.join(', ')} would weigh 0; give ${unweighted.length === 1 ? 'it' : 'them'} a weight or lower the others`);
    }
    const pass = config.thresholds?.pass ?? DEFAULT_KAYENTA_THRESHOLDS.pass;
    const marginal = config.thresholds?.marginal ?? DEFAULT_KAYENTA_THRESHOLDS.marginal;
    if (!(Number.isFinite(pass) && pass >= 0 && pass <= 100))
        problem('thresholds.pass', `must be a score in [0, 100]; got ${pass}`);
    if (!(Number.isFinite(marginal) && marginal >= 0 && marginal <= 100))
        problem('thresholds.marginal', `must be a score in [0, 100]; got ${marginal}`);
    else if (marginal > pass)
        problem('thresholds.marginal', `${marginal} is above pass ${pass}; marginal must not exceed pass`);
    const minPoints = config.minPoints ?? DEFAULT_MIN_POINTS;
    if (!(Number.isInteger(minPoints) && minPoints >= 1))
        problem('minPoints', `must be a whole number of at least 1 (Spinnaker advises 50); got ${minPoints}`);
    return problems;
}
// ---------------------------------------------------------------------------------------------
// Scoring
/**
 * Rounds half-up on the shortest decimal form of `value`, as Kayenta's `MathUtils.round(score, 2)`
 * does (`new BigDecimal(Double.toString(x)).setScale(2, ROUND_HALF_UP)`): 66.665 → 66.67 and
 * 1.005 → 1.01, where `Math.round(x·100)/100` gives 66.66 and 1.
 */
function roundHalfUp(value, places = 2) {
    const text = value.toString();
    const match = /^(\d+)\.(\d+)$/.exec(text);
    if (!match) {
        // Integers need nothing; exponent forms (< 1e-6) and negatives do not occur for scores.
        return /^\d+$/.test(text) ? value : Math.round(value * 10 ** places) / 10 ** places;
    }
    const [, whole, fraction] = match;
    if (fraction.length <= places)
        return value;
    const kept = Number(whole + fraction.slice(0, places));
    const roundedUp = fraction.charCodeAt(places) >= '5'.charCodeAt(0) ? kept + 1 : kept;
    return roundedUp / 10 ** places;
}
/**
 * Kayenta's `WeightedSumScorer` + `ThresholdScoreClassifier` over classified metrics (§(c)):
 * muted metrics dropped; any critical failure → 0 ("Canary Failed: …"); ≥ 50 % `Nodata` → 0;
 * otherwise Σ group score × weight/100, rounded to 2 decimals, with unweighted groups sharing
 * `(100 − Σ weights)/#unweighted`. Throws RangeError when nothing is left to score.
 */
function scoreKayenta(metrics, groupWeights = {}, thresholds = DEFAULT_KAYENTA_THRESHOLDS) {
    const scored = metrics.filter((metric) => !metric.muted);
    if (scored.length === 0)
        throw new RangeError('Kayenta scoring needs at least one metric that is not muted');
    // Groups of the scored metrics, then weighted groups whose metrics are all muted. Kayenta would let
    // such a group's weight vanish (contributing 0); we count it as empty (100), so muting a metric can
    // never by itself fail a canary.
    const names = [...new Set([...scored.map((metric) => metric.group), ...Object.keys(groupWeights)])];
    const weightSum = Object.values(groupWeights).reduce((sum, weight) => sum + weight, 0);
    const unweightedCount = names.filter((name) => !Object.hasOwn(groupWeights, name)).length;
    const share = unweightedCount > 0 ? (100 - weightSum) / unweightedCount : 0;
    const groups = names.map((name) => {
        const members = scored.filter((metric) => metric.group === name);
        const count = (label) => members.filter((m) => m.classification === label).length;
        const passed = count('Pass');
        // Nodata and Error are left out of the denominator; NodataFailMetric counts as a failure.
        const counted = passed + count('High') + count('Low') + count('NodataFailMetric');
        return {
            name,
            weight: Object.hasOwn(groupWeights, name) ? groupWeights[name] : share,
            score: counted === 0 ? 100 : (100 * passed) / counted,
            counted,
            passed,
        };
    });
    const classify = (score) => score >= thresholds.pass ? 'Pass' : score >= thresholds.marginal ? 'Marginal' : 'Fail';
    const critical = scored.filter((metric) => metric.criticalFailure && metric.classification !== 'Pass');
    if (critical.length > 0) {
        const first = critical[0];
        const others = critical.length > 1
            ? ` (and ${critical
                .slice(1)
                .map((m) => m.name)
                .join(', ')})`
            : '';
        return {
            score: 0,
            // Forced, not classified: even with a marginal threshold of 0 an override is a failure.
            classification: 'Fail',
            override: 'critical',
            reason: `score 0: Canary Failed: critical metric ${first.name}${others}: ${first.reason}`,
            groups,
        };
    }
    const nodata = scored.filter((metric) => metric.classification === 'Nodata').length;
    const nodataPercent = (100 * nodata) / scored.length;
    if (nodataPercent >= NODATA_THRESHOLD_PERCENT) {
        return {
            score: 0,
            classification: 'Fail',
            override: 'nodata',
            reason: `score 0: Canary Failed: ${nodata} of ${scored.length} metrics returned NODATA, at least ${NODATA_THRESHOLD_PERCENT}%`,
            groups,
        };
    }
    const score = roundHalfUp(groups.reduce((sum, group) => sum + (group.score * group.weight) / 100, 0));
    const classification = classify(score);
    const reason = classification === 'Pass'
        ? `score ${score} ≥ pass ${thresholds.pass}`
        : classification === 'Marginal'
            ? `score ${score} ≥ marginal ${thresholds.marginal} but < pass ${thresholds.pass}`
            : `score ${score} < marginal ${thresholds.marginal}`;
    return { score, classification, reason, groups };
}
// ---------------------------------------------------------------------------------------------
// The whole judgement
/** The phase a Kayenta score classification maps to. Marginal holds: it never promotes. */
const PHASE_OF_SCORE = {
    Pass: 'pass',
    Marginal: 'inconclusive',
    Fail: 'fail',
};
/**
 * Runs Kayenta's NetflixACAJudge over `samples` and maps the result to a `Verdict`.
 *
 * Per metric: NaN strategy → outlier strategy → `judgeMetric` (confidence 0.98, tolerance 0.25).
 * A RangeError from the statistics (all observations tied, infinite points) becomes `Error`, as
 * Kayenta's judge catches its RuntimeException; any other exception is a bug and propagates.
 *
 * `minPoints` (our addition; Kayenta only warns below 50 control points): a metric that is not muted,
 * not `Nodata`/`NodataFailMetric`, and has fewer than `minPoints` points in either sample after the
 * NaN strategy is "short". With a short metric the verdict is `inconclusive` — we do not let a score
 * built on too little data promote, nor guess a failure from it — except when the failure does not
 * depend on the short metrics' outcome: a critical failure (on any metric, short ones included: a
 * critical regression is worth reverting for even on few points), the `Nodata` override (short
 * metrics are never `Nodata`), or a score still below marginal with every short metric counted as
 * `Pass` (the best they could do). Outlier removal is not counted against `minPoints`.
 *
 * Each `MetricVerdict` carries the baseline and canary means as `values`, and is `dryRun` when muted.
 * Samples for a metric the config does not list are a bug (RangeError); a configured metric with no
 * samples has no data. Throws ConfigurationError naming `where` when the config has problems.
 */
function judgeKayenta(config, samples, where = 'kayenta', deps = {}) {
    const problems = kayentaConfigProblems(config);
    if (problems.length > 0) {
        throw new src_errors/* ConfigurationError */.j1(problems.map((problem) => `${where}.${problem.path}: ${problem.message}`).join('\n'));
    }
    const judge = deps.judge ?? judgeMetric;
    const thresholds = { ...DEFAULT_KAYENTA_THRESHOLDS, ...config.thresholds };
    const minPoints = config.minPoints ?? DEFAULT_MIN_POINTS;
    const byName = new Map(samples.map((sample) => [sample.name, sample]));
    for (const sample of samples) {
        if (!config.metrics.some((metric) => metric.name === sample.name))
            throw new RangeError(`samples for metric "${sample.name}", which the Kayenta config does not list`);
    }
    const results = config.metrics.map((metric) => classifyMetric(metric, byName.get(metric.name), minPoints, judge));
    const verdicts = config.metrics.map((metric, index) => metricVerdictOf(metric, results[index], byName.get(metric.name), minPoints));
    if (results.every((result) => result.muted)) {
        return {
            verdict: {
                phase: 'inconclusive',
                metrics: verdicts,
                reason: 'every metric is muted, and an analysis with no gating metric never passes; unmute one',
            },
            metrics: results,
        };
    }
    const score = scoreKayenta(results, config.groups, thresholds);
    const short = results.filter((result) => !result.muted && result.tooFewPoints);
    let phase = PHASE_OF_SCORE[score.classification];
    let reason = score.reason;
    if (short.length > 0 && score.override === undefined) {
        const list = short
            .map((r) => `${r.name} (${r.points.experiment} canary, ${r.points.control} baseline)`)
            .join(', ');
        const bestCase = scoreKayenta(results.map((result) => result.tooFewPoints ? { ...result, classification: 'Pass', criticalFailure: false } : result), config.groups, thresholds);
        if (bestCase.classification === 'Fail') {
            phase = 'fail';
            reason = `${score.reason}, and still ${bestCase.score} < marginal ${thresholds.marginal} if ${list}, which had fewer than minPoints ${minPoints} points, had passed`;
        }
        else {
            phase = 'inconclusive';
            reason = `${score.reason} is not trusted: ${list} had fewer than minPoints ${minPoints} points; lengthen the step or query at a finer resolution`;
        }
    }
    return { verdict: { phase, metrics: verdicts, reason }, score, metrics: results };
}
/** NaN strategy → outliers → judge, for one metric. */
function classifyMetric(metric, sample, minPoints, judge) {
    const nanStrategy = metric.nanStrategy ?? 'remove';
    const clean = (values) => nanStrategy === 'remove'
        ? values.filter((v) => !Number.isNaN(v))
        : values.map((v) => (Number.isNaN(v) ? 0 : v));
    const experiment = clean(sample?.experiment ?? []);
    const control = clean(sample?.control ?? []);
    const outliers = metric.outliers ?? { strategy: 'keep' };
    // Kayenta's transform chain: NaN strategy first, then outliers, each sample on its own.
    const strip = (values) => outliers.strategy === 'remove' && values.length > 0
        ? removeOutliers(values, outliers.factor ?? 3)
        : values;
    const keptExperiment = strip(experiment);
    const keptControl = strip(control);
    const effect = effectSizeOf(metric);
    const options = {
        direction: metric.direction ?? 'either',
        nanStrategy,
        critical: metric.critical ?? false,
        mustHaveData: metric.mustHaveData ?? false,
        confidenceLevel: CONFIDENCE_LEVEL,
        ...effect,
    };
    const base = {
        name: metric.name,
        group: metric.group,
        muted: metric.muted ?? false,
        points: { experiment: experiment.length, control: control.length },
        outliersRemoved: {
            experiment: experiment.length - keptExperiment.length,
            control: control.length - keptControl.length,
        },
        means: { experiment: meanOf(keptExperiment), control: meanOf(keptControl) },
    };
    let judgement;
    try {
        judgement = judge(keptExperiment, keptControl, options);
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
        return {
            ...base,
            classification: 'Error',
            criticalFailure: false,
            tooFewPoints: false,
            reason: `the judge could not classify it (${error.message}), so like Kayenta it is left out of the score`,
        };
    }
    const noData = judgement.classification === 'Nodata' || judgement.classification === 'NodataFailMetric';
    return {
        ...base,
        classification: judgement.classification,
        criticalFailure: judgement.criticalFailure,
        tooFewPoints: !noData && Math.min(experiment.length, control.length) < minPoints,
        judgement,
        reason: judgement.reason,
    };
}
function effectSizeOf(metric) {
    const effect = metric.effectSize ?? 'strict';
    return typeof effect === 'string' ? EFFECT_SIZE_PRESETS[effect] : effect;
}
/** The per-metric phase: the classification's, held to `inconclusive` on too few points. */
function metricPhase(result) {
    if (result.classification === 'Error')
        return 'error';
    if (result.criticalFailure)
        return 'fail';
    if (result.tooFewPoints)
        return 'inconclusive';
    switch (result.classification) {
        case 'Pass':
            return 'pass';
        case 'Nodata':
            return 'inconclusive';
        case 'High':
        case 'Low':
        case 'NodataFailMetric':
            return 'fail';
    }
}
function metricVerdictOf(metric, result, sample, minPoints) {
    const notes = [];
    if (result.tooFewPoints && !result.criticalFailure)
        notes.push(`only ${result.points.experiment} canary and ${result.points.control} baseline points, fewer than minPoints ${minPoints}`);
    if (result.criticalFailure)
        notes.push('critical, so it fails the whole canary');
    if (result.muted)
        notes.push('muted, so it is reported and not scored');
    const { control, experiment } = result.means;
    const values = Number.isNaN(control) || Number.isNaN(experiment) ? [] : [control, experiment];
    return {
        name: metric.name,
        phase: metricPhase(result),
        dryRun: result.muted,
        queries: sample?.queries ?? [],
        values,
        criterion: criterionOf(metric, result),
        reason: [result.reason, ...notes].join('; '),
    };
}
/** Arithmetic mean; NaN for no values. */
function meanOf(values) {
    return values.reduce((sum, v) => sum + v, 0) / values.length;
}
/** E.g. `Mann–Whitney 98% CI [0.8, 1.4] ms, meanRatio 1.31 ≥ allowedIncrease 1.1`. */
function criterionOf(metric, result) {
    const test = result.judgement?.test;
    const head = `Mann–Whitney ${CONFIDENCE_LEVEL * 100}% CI`;
    if (!test) {
        const why = result.classification === 'Error'
            ? 'not computable'
            : result.classification === 'Pass'
                ? 'not needed'
                : 'not computed: no data';
        return `${head} ${why}`;
    }
    const unit = metric.unit ? ` ${metric.unit}` : '';
    const interval = `${head} [${formatNumber(test.lowerConfidence)}, ${formatNumber(test.upperConfidence)}]${unit}`;
    const ratioValue = result.judgement.meanRatio;
    const ratio = Number.isNaN(ratioValue)
        ? 'meanRatio undefined (a mean is 0)'
        : `meanRatio ${formatNumber(ratioValue)}`;
    const effect = effectSizeOf(metric);
    const critical = result.criticalFailure;
    switch (result.classification) {
        case 'High':
            return `${interval}, ${ratio} ≥ allowedIncrease ${effect.allowedIncrease}${critical ? ` and ≥ criticalIncrease ${effect.criticalIncrease}` : ''}`;
        case 'Low':
            return `${interval}, ${ratio} ≤ allowedDecrease ${effect.allowedDecrease}${critical ? ` and ≤ criticalDecrease ${effect.criticalDecrease}` : ''}`;
        default: {
            const direction = metric.direction ?? 'either';
            const allowed = direction === 'increase'
                ? `allowedIncrease ${effect.allowedIncrease}`
                : direction === 'decrease'
                    ? `allowedDecrease ${effect.allowedDecrease}`
                    : `allowed ${effect.allowedDecrease}–${effect.allowedIncrease}`;
            return `${interval}, ${ratio}, ${allowed}`;
        }
    }
}
/** Four significant digits without trailing zeros: 1.3125 → "1.313", 0.80 → "0.8". */
function formatNumber(value) {
    return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

;// CONCATENATED MODULE: ./src/analysis/verdict.ts
/**
 * The verdict vocabulary every judge in `src/analysis/` speaks (decision-and-evidence.md,
 * "Decision layer — ship" item 1): `pass | fail | inconclusive | error`, Argo-style.
 *
 * - `pass`: the signals stayed inside bounds; exposure may grow.
 * - `fail`: the canary is worse, or no data arrived by the step deadline; reverse.
 * - `inconclusive`: not enough evidence either way; hold (never promote) until more data or a person.
 * - `error`: the measurement itself kept failing (provider down, garbage) past its limit; never a pass.
 */
/**
 * Worst first, as Argo Rollouts orders a run's status (Successful < Inconclusive < Error < Failed):
 * a failure outranks an error, which outranks an inconclusive result, which outranks a pass.
 */
const SEVERITY = { pass: 0, inconclusive: 1, error: 2, fail: 3 };
/** The worse of the phases; `pass` for none. */
function worstPhase(phases) {
    let worst = 'pass';
    for (const phase of phases)
        if (SEVERITY[phase] > SEVERITY[worst])
            worst = phase;
    return worst;
}
/**
 * Combines metric verdicts the way Argo combines a run: the worst phase among gating (non-dry-run)
 * metrics. Fixes Argo's gotcha: an analysis with no gating metric measured never passes — it is
 * `inconclusive`, because silence is not evidence.
 */
function verdict_combineVerdicts(metrics) {
    const gating = metrics.filter((metric) => !metric.dryRun);
    if (gating.length === 0) {
        return {
            phase: 'inconclusive',
            metrics,
            reason: metrics.length === 0
                ? 'no metric was measured, and an analysis with no measurement never passes'
                : 'only dry-run metrics were measured, and they never gate; add a metric without dryRun',
        };
    }
    const phase = worstPhase(gating.map((metric) => metric.phase));
    const culprits = gating.filter((metric) => metric.phase === phase);
    const reason = phase === 'pass'
        ? `all ${gating.length} gating metric${gating.length === 1 ? '' : 's'} passed`
        : culprits.map((metric) => `${metric.name}: ${metric.reason}`).join('; ');
    return { phase, metrics, reason };
}

;// CONCATENATED MODULE: ./src/analysis/limits.ts


/** Argo's `DefaultErrorRetryInterval`: an errored measurement is retried this soon. */
const ERROR_RETRY_INTERVAL_MS = 10_000;
/** Measurements kept per metric for the report (Argo keeps 10). */
const KEPT_MEASUREMENTS = 10;
/** Argo's defaults (`utils/defaults/defaults.go`, type comments). */
const DEFAULT_METRIC_LIMITS = {
    failureLimit: 0,
    inconclusiveLimit: 0,
    consecutiveErrorLimit: 4,
    consecutiveSuccessLimit: 0,
    dryRun: false,
};
/** `limits` with every unset field at its default. */
function metricLimits(limits = {}) {
    const defined = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
    return { ...DEFAULT_METRIC_LIMITS, ...defined };
}
/** The state before the first measurement. */
function initialMetricRun() {
    return {
        count: 0,
        successful: 0,
        failed: 0,
        inconclusive: 0,
        error: 0,
        consecutiveError: 0,
        consecutiveSuccess: 0,
        held: 0,
        measurements: [],
    };
}
/**
 * The measurements a metric takes: `count`, or 1 when neither count nor interval is set, or
 * undefined (until the run ends) for an interval without a count (Argo's `EffectiveCount`).
 */
function effectiveCount(limits) {
    if (limits.count === undefined || limits.count === 0)
        return limits.interval ? undefined : 1;
    return limits.count;
}
/** Problems with `limits`, each naming the field under `where`; empty when they are usable. */
function validateLimits(limits, where) {
    const problems = [];
    const whole = (field, value, least, meaning) => {
        if (value === undefined)
            return;
        if (!Number.isInteger(value) || value < least) {
            problems.push(`${where}.${field}: must be a whole number ${meaning}; got ${value}`);
        }
    };
    whole('failureLimit', limits.failureLimit, -1, 'of at least -1 (-1 disables it)');
    whole('inconclusiveLimit', limits.inconclusiveLimit, 0, 'of at least 0');
    whole('consecutiveErrorLimit', limits.consecutiveErrorLimit, 0, 'of at least 0');
    whole('consecutiveSuccessLimit', limits.consecutiveSuccessLimit, 0, 'of at least 0 (0 turns it off)');
    whole('count', limits.count, 0, 'of at least 0');
    if (limits.interval && limits.interval.milliseconds <= 0) {
        problems.push(`${where}.interval: must be longer than 0; got ${limits.interval.toString()}`);
    }
    if (limits.count !== undefined && limits.count > 1 && !limits.interval) {
        problems.push(`${where}.count: ${limits.count} measurements need an interval between them; ` +
            'set interval (e.g. 1m), or count: 1');
    }
    if (limits.failureLimit === -1 && limits.consecutiveSuccessLimit === 0) {
        problems.push(`${where}.failureLimit: -1 disables failing and consecutiveSuccessLimit 0 disables passing early, ` +
            'so nothing could decide the metric; set failureLimit to 0 or more, or consecutiveSuccessLimit above 0');
    }
    return problems;
}
/**
 * Records one measurement's outcome (from measurementPhase, or `{ phase: 'error', … }` for a provider
 * that kept failing) and decides the metric if a rule now applies. No-data outcomes are classed by
 * `context.now`: held before warm-up ends, failed at or after the step deadline, inconclusive between.
 * A measurement recorded after the metric was decided is ignored.
 */
function recordMeasurement(state, outcome, limits, context) {
    if (state.decided)
        return state;
    const at = context.now.getTime();
    let phase = outcome.phase;
    let reason = outcome.reason;
    if (outcome.nodata && outcome.phase !== 'error') {
        if (at >= context.stepDeadline.getTime()) {
            phase = 'fail';
            reason = `no data by the step deadline: ${outcome.reason}`;
        }
        else {
            // Held until the deadline: late data is waited for, and silence that lasts the step fails it.
            phase = 'held';
            reason =
                at < context.warmupEnd.getTime()
                    ? `no data during warm-up: ${outcome.reason}`
                    : `no data yet (the step deadline is ${context.stepDeadline.toISOString()}): ${outcome.reason}`;
        }
    }
    const next = { ...state, lastMeasuredAt: at };
    switch (phase) {
        case 'pass':
            next.successful++;
            next.count++;
            next.consecutiveError = 0;
            next.consecutiveSuccess++;
            break;
        case 'fail':
            next.failed++;
            next.count++;
            next.consecutiveError = 0;
            next.consecutiveSuccess = 0;
            break;
        case 'inconclusive':
            next.inconclusive++;
            next.count++;
            next.consecutiveError = 0;
            next.consecutiveSuccess = 0;
            break;
        case 'error':
            next.error++;
            next.consecutiveError++;
            next.consecutiveSuccess = 0;
            break;
        case 'held':
            next.held++;
            next.consecutiveError = 0;
            next.consecutiveSuccess = 0;
            break;
    }
    const recorded = {
        at,
        phase,
        nodata: outcome.nodata,
        reason,
        ...(outcome.value !== undefined ? { value: outcome.value } : {}),
    };
    next.measurements = [...state.measurements, recorded].slice(-KEPT_MEASUREMENTS);
    const assessment = assessMetric(next, limits, context);
    return assessment.status === 'running' ? next : { ...next, decided: assessment };
}
/**
 * The metric's status now, in Argo's order: the limits (Error > Inconclusive > Failed when several
 * are exceeded), consecutiveSuccessLimit, the count, then the end of the run (see the file comment).
 */
function assessMetric(state, limits, context) {
    if (state.decided)
        return state.decided;
    let exceeded;
    if (limits.failureLimit >= 0 && state.failed > limits.failureLimit) {
        exceeded = {
            status: 'fail',
            rule: 'failureLimit',
            reason: `failed ${state.failed} of ${measurementsText(state.count)}, more than failureLimit ${limits.failureLimit}` +
                lastOf(state, 'fail'),
        };
    }
    if (state.inconclusive > limits.inconclusiveLimit) {
        exceeded = {
            status: 'inconclusive',
            rule: 'inconclusiveLimit',
            reason: `${state.inconclusive} of ${measurementsText(state.count)} inconclusive, more than inconclusiveLimit ` +
                `${limits.inconclusiveLimit}` +
                lastOf(state, 'inconclusive'),
        };
    }
    if (state.consecutiveError > limits.consecutiveErrorLimit) {
        exceeded = {
            status: 'error',
            rule: 'consecutiveErrorLimit',
            reason: `${state.consecutiveError} consecutive measurement errors, more than consecutiveErrorLimit ` +
                `${limits.consecutiveErrorLimit}` +
                lastOf(state, 'error'),
        };
    }
    if (exceeded)
        return exceeded;
    const successLimit = limits.consecutiveSuccessLimit;
    const successApplies = successLimit > 0;
    const failureApplies = limits.failureLimit >= 0;
    if (successApplies && state.consecutiveSuccess >= successLimit) {
        return {
            status: 'pass',
            rule: 'consecutiveSuccessLimit',
            reason: `passed ${state.consecutiveSuccess} consecutive measurements, reaching consecutiveSuccessLimit ${successLimit}`,
        };
    }
    const target = effectiveCount(limits);
    if (target !== undefined && state.count >= target) {
        const taken = `${measurementsText(state.count)} taken`;
        if (failureApplies && successApplies) {
            return {
                status: 'inconclusive',
                rule: 'count',
                reason: `${taken} without ${successLimit} consecutive passes (consecutiveSuccessLimit) ` +
                    `or more than failureLimit ${limits.failureLimit} failures`,
            };
        }
        if (successApplies) {
            return {
                status: 'fail',
                rule: 'count',
                reason: `${taken} without ${successLimit} consecutive passes (consecutiveSuccessLimit)`,
            };
        }
        if (state.successful === 0) {
            return {
                status: 'inconclusive',
                rule: 'count',
                reason: `${taken} and none passed, which is no evidence of health` + lastOf(state),
            };
        }
        return { status: 'pass', rule: 'count', reason: `${taken}: ${tally(state)}, within the limits` };
    }
    if (context.terminating)
        return terminated(state, limits);
    const sofar = target === undefined ? `${state.count} so far` : `${state.count} of ${target}`;
    return { status: 'running', reason: `still measuring: ${sofar} measurements (${tally(state)})` };
}
/**
 * When the next measurement is due, or undefined when none is: the step start plus initialDelay
 * first, 10 s after an error, `interval` after anything else; none once the metric is decided, its
 * count reached, or the run ending.
 */
function nextMeasurementAt(state, limits, context) {
    if (state.decided || context.terminating)
        return undefined;
    const target = effectiveCount(limits);
    if (target !== undefined && state.count >= target)
        return undefined;
    const last = state.measurements[state.measurements.length - 1];
    if (state.lastMeasuredAt === undefined || !last) {
        return new Date(context.stepStart.getTime() + (limits.initialDelay?.milliseconds ?? 0));
    }
    if (last.phase === 'error')
        return new Date(state.lastMeasuredAt + ERROR_RETRY_INTERVAL_MS);
    if (limits.interval)
        return new Date(state.lastMeasuredAt + limits.interval.milliseconds);
    // No interval means a single measurement; one held without data is retried (after warm-up).
    return new Date(Math.max(state.lastMeasuredAt + ERROR_RETRY_INTERVAL_MS, context.warmupEnd.getTime()));
}
/**
 * The verdict on one metric: its assessment as a phase (a metric still running reads as
 * inconclusive: it has not earned a pass), with its recent values and the one-sentence reason.
 * `limits.dryRun` marks it as never gating.
 */
function metricRunVerdict(name, state, limits, context, details = {}) {
    const assessment = assessMetric(state, limits, context);
    const values = state.measurements.flatMap((measurement) => measurement.value === undefined ? [] : [measurement.value]);
    return {
        name,
        phase: assessment.status === 'running' ? 'inconclusive' : assessment.status,
        dryRun: limits.dryRun,
        queries: details.queries ?? [],
        values: values.slice(-5),
        criterion: details.criterion ?? describeLimits(limits),
        reason: assessment.reason,
    };
}
/**
 * The run's verdict: the worst phase among gating metrics (combineVerdicts: dry-run metrics never
 * gate, and a run with no gating metric is inconclusive); dry-run metrics that did not pass are
 * named at the end of the reason, as Argo's `dryRunSummary` tallies them.
 */
function judgeRun(metrics) {
    const verdict = combineVerdicts(metrics);
    const dryRunIssues = metrics.filter((metric) => metric.dryRun && metric.phase !== 'pass');
    if (dryRunIssues.length === 0)
        return verdict;
    const noted = dryRunIssues.map((metric) => `${metric.name} ${metric.phase}`).join(', ');
    return { ...verdict, reason: `${verdict.reason} (dry-run, not gating: ${noted})` };
}
/** Settles a metric the run stopped before anything else decided it. */
function terminated(state, limits) {
    if (state.count === 0) {
        const why = state.held > 0
            ? `only ${state.held} measurement${state.held === 1 ? '' : 's'} without data before the deadline` +
                lastOf(state, 'held')
            : state.error > 0
                ? `every measurement errored (${state.error})` + lastOf(state, 'error')
                : 'no measurement was taken' +
                    (limits.initialDelay
                        ? ` (is initialDelay ${limits.initialDelay.toString()} longer than the step?)`
                        : '');
        return {
            status: 'inconclusive',
            rule: 'terminated',
            reason: `the run ended before any measurement counted: ${why}; a metric never passes without one`,
        };
    }
    if (limits.failureLimit < 0) {
        return {
            status: 'inconclusive',
            rule: 'terminated',
            reason: `the run ended after ${state.consecutiveSuccess} consecutive passes, ` +
                `before consecutiveSuccessLimit ${limits.consecutiveSuccessLimit}`,
        };
    }
    if (state.successful === 0) {
        return {
            status: 'inconclusive',
            rule: 'terminated',
            reason: `the run ended after ${measurementsText(state.count)} and none passed` + lastOf(state),
        };
    }
    return {
        status: 'pass',
        rule: 'terminated',
        reason: `the run ended after ${measurementsText(state.count)}: ${tally(state)}, within the limits`,
    };
}
function measurementsText(count) {
    return `${count} measurement${count === 1 ? '' : 's'}`;
}
/** `8 passed, 2 failed` — the non-zero counters. */
function tally(state) {
    const parts = [
        [state.successful, 'passed'],
        [state.failed, 'failed'],
        [state.inconclusive, 'inconclusive'],
        [state.error, state.error === 1 ? 'error' : 'errors'],
        [state.held, 'held without data'],
    ];
    const shown = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
    return shown.length > 0 ? shown.join(', ') : 'none yet';
}
/** `; last value 0.93 < min 0.99` from the latest measurement of `phase` (any phase when omitted). */
function lastOf(state, phase) {
    const found = [...state.measurements]
        .reverse()
        .find((measurement) => !phase || measurement.phase === phase);
    if (!found)
        return '';
    return found.value !== undefined && found.reason.startsWith((0,analysis_condition/* formatNumber */.ZV)(found.value))
        ? `; last value ${found.reason}`
        : `; last: ${found.reason}`;
}
/** `failureLimit 2, count 10 every 1m` — the limits in a few words, for the report. */
function describeLimits(limits) {
    const parts = [
        limits.failureLimit < 0 ? 'failureLimit off' : `failureLimit ${limits.failureLimit}`,
        `inconclusiveLimit ${limits.inconclusiveLimit}`,
        `consecutiveErrorLimit ${limits.consecutiveErrorLimit}`,
    ];
    if (limits.consecutiveSuccessLimit > 0)
        parts.push(`consecutiveSuccessLimit ${limits.consecutiveSuccessLimit}`);
    const target = effectiveCount(limits);
    const every = limits.interval ? ` every ${limits.interval.toString()}` : '';
    parts.push(target === undefined ? `until the run ends${every}` : `count ${target}${every}`);
    return parts.join(', ');
}

// EXTERNAL MODULE: ./src/analysis/history.ts
var analysis_history = __webpack_require__(61374);
;// CONCATENATED MODULE: ./src/analysis/phase.ts
/**
 * Measurement → phase: what one measurement of one metric says, before the per-metric limits
 * (limits.ts) decide what the metric says.
 *
 * Source: anchors-rollouts.md §b.1 "Measurement → phase" (Argo's `EvaluateResult`) and
 * decision-and-evidence.md A4 (NaN/Inf/empty semantics) and "Decision layer — ship" item 1.
 *
 * `min`/`max` are Flagger-style `thresholdRange` bounds, both inclusive (`value >= min` and
 * `value <= max` pass). They count as a success criterion: the measurement "succeeds" when every
 * value is inside the bounds and the successCondition (if any) holds. Success and failure criteria
 * then combine by Argo's four-row table:
 *
 * | success criteria (min/max, successCondition) | failureCondition | phase |
 * |---|---|---|
 * | none | none | pass (Argo's code; its docs still say Inconclusive: the code branch dates to PR #368) |
 * | set | none | fail unless success |
 * | none | set | fail if failure, else pass |
 * | set | set | fail if failure (failure wins); pass if success; otherwise inconclusive |
 *
 * A condition that cannot be evaluated (`result[0]` of an empty vector, `nil < 0.95`, a list compared
 * with a number) makes an `error` measurement, as in Argo.
 *
 * Glidepath's fix of Argo's no-data gotcha: when nothing the user wrote decides a measurement with no
 * data — min/max with no series or only NaN (a ratio over zero requests), no criteria at all, or a
 * condition that cannot be evaluated because the result is empty — the measurement is `nodata`, not a
 * pass and not an error. It carries phase `inconclusive` and `nodata: true`, and the caller's limits
 * decide: held during warm-up, inconclusive after it, a failure at the step deadline. Conditions that
 * do evaluate on NaN or an empty result decide for themselves, exactly as in Argo (A4):
 * `isNaN(result) || result >= 0.95` passes NaN, and `len(result) == 0 || result[0] >= 0.95` passes an
 * empty vector.
 */

/**
 * The phase of one measurement under `metric`'s criteria. Pure; conditions are evaluated with
 * `result` bound to `raw` when set, else `values` (a list, as Argo's vector results), else `value`,
 * else an empty list when there is no data.
 */
function measurementPhase(metric, measurement, context = {}) {
    const subject = context.subject ?? 'the canary';
    const shown = representativeValue(measurement);
    const shownText = describeResult(measurement, shown);
    const noDataHint = `no series returned: is ${subject} receiving traffic?`;
    // Argo evaluates both conditions first; an evaluation error makes the measurement an Error.
    const result = conditionInput(measurement);
    const outcomes = {};
    for (const [key, name, condition] of [
        ['success', 'successCondition', metric.successCondition],
        ['failure', 'failureCondition', metric.failureCondition],
    ]) {
        if (!condition)
            continue;
        try {
            outcomes[key] = condition.evaluate(result);
        }
        catch (error) {
            if (!(error instanceof analysis_condition/* ConditionError */.iG))
                throw error;
            const what = `${name} \`${condition.source}\` could not be evaluated: ${error.message}`;
            if (measurement.noData) {
                return nodata(`${noDataHint} (${what}; write len(result) == 0 || … to decide an empty result yourself)`);
            }
            return { phase: 'error', nodata: false, value: shown, reason: `${shownText}: ${what}` };
        }
    }
    const { success, failure } = outcomes;
    const failureText = metric.failureCondition && `failureCondition \`${metric.failureCondition.source}\``;
    const successText = metric.successCondition && `successCondition \`${metric.successCondition.source}\``;
    if (failure === true) {
        return { phase: 'fail', nodata: false, value: shown, reason: `${shownText} meets ${failureText}` };
    }
    const hasBounds = metric.min !== undefined || metric.max !== undefined;
    const bounds = hasBounds ? checkBounds(metric, measurement, subject) : undefined;
    if (bounds?.state === 'nodata')
        return nodata(bounds.text);
    if (bounds?.state === 'not-numeric') {
        return { phase: 'error', nodata: false, value: shown, reason: bounds.text };
    }
    if (!hasBounds && !metric.successCondition && !metric.failureCondition) {
        if (measurement.noData)
            return nodata(`${noDataHint} (no criterion decides an empty result)`);
        const numbers = numericValues(measurement);
        if (numbers && numbers.length > 0 && numbers.every(Number.isNaN))
            return nodata(nanHint(subject));
        return {
            phase: 'pass',
            nodata: false,
            value: shown,
            reason: `${shownText}: no min, max, successCondition or failureCondition, so a measurement with data passes`,
        };
    }
    const successSet = hasBounds || metric.successCondition !== undefined;
    const succeeded = bounds?.state !== 'out' && success !== false;
    const value = bounds?.value ?? shown;
    const valueText = bounds?.value !== undefined ? (0,analysis_condition/* formatNumber */.ZV)(bounds.value) : shownText;
    const successParts = [bounds?.text, successText && `${succeeded ? 'meets' : 'fails'} ${successText}`];
    const successReason = successParts.filter(Boolean).join(' and ');
    // Bounds already start with the value; a condition alone needs the value in front.
    const withValue = (text) => (bounds ? text : `${valueText} ${text}`);
    if (!successSet) {
        return { phase: 'pass', nodata: false, value, reason: `${shownText} does not meet ${failureText}` };
    }
    if (succeeded)
        return { phase: 'pass', nodata: false, value, reason: withValue(successReason) };
    if (!metric.failureCondition)
        return { phase: 'fail', nodata: false, value, reason: withValue(successReason) };
    return {
        phase: 'inconclusive',
        nodata: false,
        value,
        reason: withValue(`${successReason}, and does not meet ${failureText}: neither success nor failure`),
    };
    function nodata(reason) {
        return { phase: 'inconclusive', nodata: true, value: shown, reason };
    }
}
/** The `result` a condition sees (see measurementPhase). */
function conditionInput(measurement) {
    if (measurement.raw !== undefined)
        return measurement.raw;
    if (measurement.values !== undefined)
        return measurement.values;
    if (measurement.value !== undefined)
        return measurement.value;
    return measurement.noData ? [] : undefined;
}
/** The numbers min/max judge, or undefined when the result is not numeric (a `web` string, say). */
function numericValues(measurement) {
    if (measurement.values !== undefined)
        return measurement.values;
    if (measurement.value !== undefined)
        return [measurement.value];
    const raw = measurement.raw;
    if (raw === undefined)
        return [];
    if (typeof raw === 'number')
        return [raw];
    if (Array.isArray(raw) && raw.every((item) => typeof item === 'number'))
        return raw;
    return undefined;
}
/** The single number a measurement stands for, when it has one. */
function representativeValue(measurement) {
    const numbers = numericValues(measurement);
    return numbers?.length === 1 ? numbers[0] : undefined;
}
/** The result in a few characters, for reasons. */
function describeResult(measurement, shown) {
    if (shown !== undefined)
        return (0,analysis_condition/* formatNumber */.ZV)(shown);
    const numbers = numericValues(measurement);
    if (numbers && numbers.length > 0) {
        const head = numbers.slice(0, 5).map(analysis_condition/* formatNumber */.ZV).join(', ');
        return `[${head}${numbers.length > 5 ? `, … ${numbers.length} values` : ''}]`;
    }
    if (measurement.raw !== undefined && numbers === undefined) {
        const text = JSON.stringify(measurement.raw) ?? String(measurement.raw);
        return text.length > 60 ? `${text.slice(0, 60)}…` : text;
    }
    return 'no data';
}
function nanHint(subject) {
    return `the query returned NaN, a ratio over zero requests: is ${subject} receiving traffic?`;
}
/** min/max, inclusive, over every non-NaN value; NaN points are no data, not a pass. */
function checkBounds(metric, measurement, subject) {
    const { min, max } = metric;
    const numbers = numericValues(measurement);
    if (numbers === undefined) {
        return {
            state: 'not-numeric',
            text: `min/max need numbers, got ${describeResult(measurement, undefined)}; ` +
                'select a number in the query, or judge it with successCondition',
        };
    }
    if (measurement.noData || numbers.length === 0) {
        return { state: 'nodata', text: `no series returned: is ${subject} receiving traffic?` };
    }
    const real = numbers.filter((value) => !Number.isNaN(value));
    for (const value of real) {
        if (min !== undefined && value < min) {
            return { state: 'out', value, text: `${(0,analysis_condition/* formatNumber */.ZV)(value)} < min ${(0,analysis_condition/* formatNumber */.ZV)(min)}` };
        }
        if (max !== undefined && value > max) {
            return { state: 'out', value, text: `${(0,analysis_condition/* formatNumber */.ZV)(value)} > max ${(0,analysis_condition/* formatNumber */.ZV)(max)}` };
        }
    }
    const last = real[real.length - 1];
    if (last === undefined)
        return { state: 'nodata', text: nanHint(subject) };
    const range = min !== undefined && max !== undefined
        ? `within [${(0,analysis_condition/* formatNumber */.ZV)(min)}, ${(0,analysis_condition/* formatNumber */.ZV)(max)}]`
        : min !== undefined
            ? `≥ min ${(0,analysis_condition/* formatNumber */.ZV)(min)}`
            : `≤ max ${(0,analysis_condition/* formatNumber */.ZV)(max)}`;
    const skipped = numbers.length - real.length;
    const text = numbers.length === 1
        ? `${(0,analysis_condition/* formatNumber */.ZV)(last)} ${range}`
        : `all ${real.length} values ${range}${skipped > 0 ? ` (${skipped} NaN ignored)` : ''}`;
    return { state: 'in', value: numbers.length === 1 ? last : undefined, text };
}

;// CONCATENATED MODULE: ./src/analysis/repeat.ts
/**
 * Repeated measurements: a stage measured `repeat: N` times, decided by an agreement rule.
 *
 * Source: [ours], in the vocabulary of verdict.ts (decision-and-evidence.md "Decision layer — ship"
 * item 1: `inconclusive` holds and never promotes). The nearest anchors are Argo Rollouts'
 * `count` / `failureLimit` / `consecutiveSuccessLimit` (anchors-rollouts.md §(b) b.1), which count
 * failures against a limit rather than asking the measurements to agree.
 *
 * The rule needs `k` agreeing measurements: `all` → k = N, `majority` → k = ⌊N/2⌋ + 1,
 * `{ atLeast: k }` → k, which must itself be a majority (⌊N/2⌋ < k ≤ N). Then:
 *
 * | outcome        | when                                                      |
 * |----------------|-----------------------------------------------------------|
 * | `pass`         | at least k measurements passed                            |
 * | `fail`         | at least k measurements failed                            |
 * | `error`        | at least k measurements errored                           |
 * | `inconclusive` | otherwise: no phase reached agreement, so the stage holds |
 *
 * Conservative by construction: every measurement that did not pass — failed, inconclusive or
 * errored — counts against passing, and because k is a strict majority, at most one phase can
 * reach it: a stage never promotes while as many measurements disagree as agree. Failing needs the
 * same agreement as passing, so `all` is the strictest rule both ways: it promotes only on unanimous
 * passes and reverts only on unanimous failures; anything between holds for a person or a longer step.
 */

/** Validates `repeat` and `agreement`; ConfigurationError naming `where` otherwise. */
function parseRepeat(input, where) {
    const repeat = input.repeat ?? 1;
    if (!(Number.isInteger(repeat) && repeat >= 1)) {
        throw new src_errors/* ConfigurationError */.j1(`${where}.repeat: must be a whole number of at least 1; got ${repeat}`);
    }
    const agreement = input.agreement ?? 'all';
    if (agreement === 'all' || agreement === 'majority')
        return { repeat, agreement };
    if (typeof agreement !== 'object' || agreement === null || !('atLeast' in agreement)) {
        throw new src_errors/* ConfigurationError */.j1(`${where}.agreement: ${JSON.stringify(agreement)} is not a rule; use all, majority or { atLeast: k }`);
    }
    const k = agreement.atLeast;
    const majority = Math.floor(repeat / 2) + 1;
    if (!(Number.isInteger(k) && k >= majority && k <= repeat)) {
        const fix = !Number.isInteger(k)
            ? 'must be a whole number of measurements'
            : k > repeat
                ? `${k} is more than the ${repeat} measurements`
                : `${k} of ${repeat} would promote while as many measurements disagree`;
        throw new src_errors/* ConfigurationError */.j1(`${where}.agreement.atLeast: ${fix}; use a number from ${majority} to ${repeat}, or majority; got ${k}`);
    }
    return { repeat, agreement: { atLeast: k } };
}
/** Agreeing measurements the rule needs out of N (k). */
function requiredAgreement(settings) {
    const { repeat, agreement } = settings;
    if (agreement === 'all')
        return repeat;
    if (agreement === 'majority')
        return Math.floor(repeat / 2) + 1;
    return agreement.atLeast;
}
/** Decides a stage from its N measurement phases (in any order; order does not matter). */
function decideRepeated(phases, settings) {
    const n = settings.repeat;
    if (phases.length !== n) {
        throw new RangeError(`decideRepeated needs exactly ${n} measurement phases (repeat); got ${phases.length}`);
    }
    const required = requiredAgreement(settings);
    // Settings that did not come through parseRepeat could let a minority promote; that is a bug.
    if (!(Number.isInteger(required) && required > n / 2 && required <= n))
        throw new RangeError(`agreement must need a majority of ${n}; got ${required} (use parseRepeat)`);
    const counts = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
    for (const phase of phases)
        counts[phase]++;
    const rule = settings.agreement === 'all'
        ? 'all'
        : settings.agreement === 'majority'
            ? 'majority'
            : `at least ${settings.agreement.atLeast}`;
    const tally = [
        ['pass', 'passed'],
        ['fail', 'failed'],
        ['inconclusive', 'inconclusive'],
        ['error', 'errored'],
    ]
        .filter(([phase]) => counts[phase] > 0)
        .map(([phase, word]) => `${counts[phase]} ${word}`)
        .join(', ');
    // k is a strict majority (parseRepeat), so at most one of these can hold.
    for (const [phase, word] of [
        ['pass', 'passed'],
        ['fail', 'failed'],
        ['error', 'errored'],
    ]) {
        if (counts[phase] >= required) {
            return {
                phase,
                reason: `${counts[phase]} of ${n} measurements ${word}, meeting the ${rule} rule (${required} of ${n})`,
                required,
                counts,
            };
        }
    }
    return {
        phase: 'inconclusive',
        reason: `no agreement among ${n} measurements (${tally}): the ${rule} rule needs ${required} to pass, fail or error alike, so the stage holds`,
        required,
        counts,
    };
}

;// CONCATENATED MODULE: ./src/analysis/sufficiency.ts
/**
 * Default gate A, data sufficiency: whether a step has seen enough canary requests to be judged,
 * whether to extend its bake to get them, and which samples are too fresh to trust.
 *
 * Source: decision-and-evidence.md A4 (metric lag: Flagger's Datadog client skips the newest bucket
 * because it "almost always contains an incomplete bucket"; LaunchDarkly extends a step that lacks its
 * minimum sample and reverts when it still lacks it) and "Decision layer — ship" item 2 (defaults:
 * `minCanaryRequests` 500, `minStepDuration` 5 min, `metricLag` 1 min).
 * Pure: the clock comes in as `now`.
 */

/** Gate A's defaults ("Decision layer — ship" item 2). */
const sufficiencyDefaults = {
    /** Canary requests before a step may be judged. */
    minSamples: 500,
    /** A step bakes at least this long, whatever its plan says. */
    minStepDuration: duration/* Duration */.d.parse('5m'),
    /** Samples newer than `now − metricLag` are dropped: the newest bucket is still filling. */
    metricLag: duration/* Duration */.d.parse('1m'),
};
/**
 * Decides whether the step may end now with enough data, must keep baking, or has run out of bake.
 * The extension is projected from the canary's request rate so far (rounded up to a whole minute)
 * and capped at `plannedEnd + maxExtension`; with no canary traffic yet it runs to the cap.
 */
function assessSufficiency(input) {
    const { stepStart, now, canaryRequests, maxExtension } = input;
    const minSamples = input.minSamples ?? sufficiencyDefaults.minSamples;
    const minStepDuration = input.minStepDuration ?? sufficiencyDefaults.minStepDuration;
    if (!Number.isInteger(canaryRequests) || canaryRequests < 0) {
        throw new RangeError(`canary requests must be a non-negative integer; got ${canaryRequests}`);
    }
    if (!(minSamples >= 0))
        throw new RangeError(`minSamples must be non-negative; got ${minSamples}`);
    const startMs = stepStart.getTime();
    const nowMs = now.getTime();
    if (nowMs < startMs) {
        throw new RangeError(`the look at ${now.toISOString()} is before the step started at ${stepStart.toISOString()}`);
    }
    const endMs = Math.max(input.plannedEnd.getTime(), startMs + minStepDuration.milliseconds);
    const limitMs = endMs + maxExtension.milliseconds;
    const have = `${sufficiency_count(canaryRequests)} canary request${canaryRequests === 1 ? '' : 's'}`;
    const of = Number.isFinite(minSamples)
        ? `of minSamples ${sufficiency_count(minSamples)}`
        : 'of an unbounded minSamples';
    if (nowMs < endMs) {
        return {
            kind: 'bake',
            until: new Date(endMs),
            finalLook: false,
            reason: `${have} ${of}; the bake runs until ${clock(endMs)}`,
        };
    }
    if (canaryRequests >= minSamples) {
        return { kind: 'enough', finalLook: true, reason: `${have} ${of}; the bake is over` };
    }
    if (nowMs >= limitMs) {
        return {
            kind: 'inconclusive',
            finalLook: true,
            reason: `${have} ${of} when the bake limit (${maxExtension}) ran out at ${clock(limitMs)}; not enough data to judge`,
        };
    }
    // Project when minSamples arrives at the rate seen so far; looks happen on whole minutes, so round up.
    const rate = canaryRequests / Math.max(nowMs - startMs, 1);
    const projectedMs = rate > 0 && Number.isFinite(minSamples) ? nowMs + (minSamples - canaryRequests) / rate : Infinity;
    const untilMs = Math.min(Math.ceil(projectedMs / 60_000) * 60_000, limitMs);
    return {
        kind: 'extend',
        until: new Date(untilMs),
        finalLook: false,
        reason: `${have} ${of}; extending the bake to ${clock(untilMs)} (limit ${maxExtension})`,
    };
}
/** The newest instant whose samples are trusted: `now − metricLag`. Evaluate instant queries here. */
function metricLagCutoff(now, metricLag = sufficiencyDefaults.metricLag) {
    return new Date(now.getTime() - metricLag.milliseconds);
}
/**
 * Drops samples whose bucket is newer than `now − metricLag` (the newest, partial buckets). A series
 * left without samples is dropped too, so a result that was all partial buckets reads as no data
 * rather than as an empty-but-present series.
 */
function dropLaggingSamples(series, now, metricLag = sufficiencyDefaults.metricLag) {
    // Sample timestamps are Unix seconds (Prometheus reports fractional seconds).
    const cutoffSeconds = metricLagCutoff(now, metricLag).getTime() / 1000;
    const kept = [];
    for (const one of series) {
        const samples = one.samples.filter((sample) => sample.timestamp <= cutoffSeconds);
        if (samples.length > 0)
            kept.push({ labels: one.labels, samples });
    }
    return kept;
}
function sufficiency_count(n) {
    return n.toLocaleString('en-US');
}
/** `12:40 UTC`, with seconds only when they are not zero. */
function clock(ms) {
    const iso = new Date(ms).toISOString();
    return `${iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19)} UTC`;
}

;// CONCATENATED MODULE: ./src/analysis/engine.ts














/** Runs the analysis. Throws ConfigurationError when a query cannot be rendered or is rejected. */
async function runAnalysis(request, effects) {
    const { policy, stepStart } = request;
    const baking = (request.bake?.milliseconds ?? 0) > 0;
    const started = effects.now();
    const warmupEnd = new Date(stepStart.getTime() + policy.warmup.milliseconds);
    // Once: this look is the last, and no data after warm-up is a failure; during warm-up it holds.
    let deadline = baking
        ? new Date(stepStart.getTime() + request.bake.milliseconds)
        : new Date(Math.max(started.getTime(), warmupEnd.getTime()));
    const plannedEnd = deadline;
    const variables = {
        ...request.target,
        args: policy.args,
        stepStart: Math.floor(stepStart.getTime() / 1000),
    };
    const thresholds = policy.guardrails
        .filter((guard) => judgesMeasurements(guard))
        .map((guard) => ({
        guard,
        criteria: criteriaOf(guard),
        limits: metricLimits({
            ...guard.limits,
            // Once means one measurement each; a bake measures every interval until it ends.
            ...(baking ? {} : { count: 1, interval: undefined }),
            initialDelay: baking ? guard.limits.initialDelay : undefined,
            dryRun: guard.dryRun,
        }),
        state: initialMetricRun(),
        queries: [],
    }));
    const compared = policy.guardrails.filter((guard) => guard.compare?.test === 'msprt');
    const scored = policy.guardrails.filter((guard) => guard.compare?.test === 'mann-whitney');
    const msprt = new Map(compared.map((guard) => [
        guard.name,
        { state: request.errorRateState?.[guard.name] ?? initialMsprtState },
    ]));
    // Counts and the SLO are looked at every interval, whatever the guardrails' own schedules.
    const periodic = policy.counts !== undefined || policy.slo !== undefined;
    let looks = 0;
    let canaryRequests;
    let countsQueries = [];
    let stableServedNothing = false;
    let sampleVerdict;
    const sloVerdicts = [];
    let lastPeriodicLook;
    let now = started;
    for (;;) {
        now = effects.now();
        const lagged = new Date(now.getTime() - policy.metricLag.milliseconds);
        // Once is a single look: it is the final one even in warm-up, where no data then holds.
        let final = !baking || now.getTime() >= deadline.getTime();
        looks++;
        // Cumulative counts (minSamples, the sequential comparison) and the SLO, every interval.
        const periodicDue = periodic &&
            (lastPeriodicLook === undefined ||
                now.getTime() - lastPeriodicLook >= policy.interval.milliseconds ||
                final);
        if (periodicDue)
            lastPeriodicLook = now.getTime();
        const elapsed = Math.max(lagged.getTime() - stepStart.getTime(), 1000);
        if (periodicDue && policy.counts) {
            const window = `${Math.round(elapsed / 1000)}s`;
            const arms = await measureArms(policy.counts, variables, window, lagged, effects.provider);
            countsQueries = arms.queries;
            stableServedNothing = arms.stable !== undefined && arms.stable.requests === 0;
            if (arms.canary)
                canaryRequests = arms.canary.requests;
            if (baking && final) {
                const decision = assessSufficiency({
                    stepStart,
                    plannedEnd,
                    now,
                    canaryRequests: canaryRequests ?? 0,
                    // A comparison also needs the canary to expect an error at stable's rate (n_c · p̂_b ≥ 1).
                    minSamples: compared.length > 0 && arms.stable && arms.stable.requests > 0
                        ? canaryRequestsNeeded(arms.stable, policy.minSamples)
                        : policy.minSamples,
                    minStepDuration: duration/* Duration */.d.ofMilliseconds(0),
                    maxExtension: policy.maxExtension,
                });
                if (decision.kind === 'extend') {
                    deadline = decision.until;
                    final = false;
                    effects.progress?.(decision.reason);
                }
                sampleVerdict = samplesVerdict(canaryRequests, policy.minSamples, decision.reason, countsQueries);
            }
            else if (final) {
                sampleVerdict = samplesVerdict(canaryRequests, policy.minSamples, undefined, countsQueries);
            }
            for (const guard of compared) {
                const entry = msprt.get(guard.name);
                if (!arms.canary || !arms.stable)
                    continue;
                const compare = guard.compare;
                const judgement = judgeErrorRate({ baseline: arms.stable, canary: arms.canary, state: entry.state, finalLook: final }, {
                    alpha: compare.alpha,
                    ...(compare.tau === undefined ? {} : { tau: compare.tau }),
                    minCanaryRequests: policy.minSamples,
                });
                entry.state = judgement.state;
                entry.last = judgement;
            }
        }
        if (periodicDue && policy.slo) {
            sloVerdicts.length = 0;
            sloVerdicts.push(...(await sloChecks(policy, variables, elapsed, lagged, effects.provider)));
        }
        // Threshold guardrails that are due.
        for (const run of thresholds) {
            const due = nextMeasurementAt(run.state, run.limits, context(false));
            if (!due || due.getTime() > now.getTime())
                continue;
            const query = (0,template/* renderQuery */.n)(run.guard.query, { ...variables, window: policy.window.toString() });
            run.queries = [query];
            const judged = await measureRepeated(run, query, lagged, effects.provider);
            run.state = recordMeasurement(run.state, judged, run.limits, context(false));
        }
        // Argo terminates a run once a gating metric is decided anything but a pass.
        const gatingFailure = thresholds.some((run) => !run.guard.dryRun && run.state.decided !== undefined && run.state.decided.status !== 'pass') ||
            compared.some((guard) => {
                const last = msprt.get(guard.name)?.last;
                return !guard.dryRun && last?.decided === true && last.phase === 'fail';
            }) ||
            sloVerdicts.some((verdict) => !verdict.dryRun && verdict.phase === 'fail');
        const thresholdsSettled = thresholds.every((run) => assessMetric(run.state, run.limits, context(false)).status !== 'running');
        const onlyThresholds = !periodic && scored.length === 0;
        // A measurement that errored is retried (10 s apart, Argo's spacing) even past the deadline, until
        // it counts or consecutiveErrorLimit makes it an error: a provider outage must end in `error`,
        // not in a quiet "no evidence" because the bake ran out first.
        const retrying = thresholds.some((run) => run.state.decided === undefined && run.state.measurements.at(-1)?.phase === 'error');
        if (gatingFailure || (final && !retrying) || (onlyThresholds && thresholdsSettled))
            break;
        // The next thing due strictly after now; a loop that cannot advance time would spin.
        const upcoming = [
            deadline.getTime(),
            ...thresholds.flatMap((run) => {
                const due = nextMeasurementAt(run.state, run.limits, context(false));
                return due ? [due.getTime()] : [];
            }),
            ...(lastPeriodicLook !== undefined && baking ? [lastPeriodicLook + policy.interval.milliseconds] : []),
        ].filter((time) => time > now.getTime());
        if (upcoming.length === 0)
            break;
        const wait = Math.min(...upcoming) - now.getTime();
        effects.progress?.(progressLine(now, currentVerdicts(), wait));
        await effects.sleep(wait);
    }
    // Kayenta comparisons judge the step's whole series once, at the end.
    const kayenta = scored.length > 0 ? await kayentaVerdicts(policy, scored, variables, stepStart, now, effects) : [];
    const versusHistory = policy.guardrails.flatMap((guard) => {
        const run = thresholds.find((candidate) => candidate.guard === guard);
        return guard.history && run ? [historyVerdict(guard, run, request.history?.[guard.name] ?? [])] : [];
    });
    const metrics = [...currentVerdicts(), ...versusHistory, ...kayenta];
    const verdict = verdict_combineVerdicts(metrics);
    return {
        ...verdict,
        stepStart,
        finishedAt: now,
        deadline,
        looks,
        ...(canaryRequests === undefined ? {} : { canaryRequests }),
        errorRateState: Object.fromEntries([...msprt].map(([name, entry]) => [name, entry.state])),
    };
    function currentVerdicts() {
        const ending = context(true);
        const verdicts = thresholds.map((run) => metricRunVerdict(run.guard.name, run.state, run.limits, ending, {
            queries: run.queries,
            criterion: engine_criterionOf(run.guard),
        }));
        for (const guard of compared) {
            const last = msprt.get(guard.name)?.last;
            // At 100% stable serves nothing: there is no baseline to compare with, only the absolute guards.
            const noBaseline = stableServedNothing && last?.phase !== 'fail';
            verdicts.push({
                name: `${guard.name} vs stable`,
                phase: last ? (last.decided ? last.phase : 'inconclusive') : 'inconclusive',
                dryRun: guard.dryRun || noBaseline,
                queries: countsQueries,
                values: last ? [last.statistics.canaryRatio, last.statistics.baselineRatio] : [],
                criterion: last?.criterion ?? 'mSPRT on cumulative counts',
                reason: noBaseline
                    ? 'stable served no requests in this step (the canary takes all traffic), so there is no baseline to compare with; the absolute guards decide'
                    : (last?.reason ?? 'no counts were measured, so the canary was not compared with stable'),
            });
        }
        if (sampleVerdict)
            verdicts.push(sampleVerdict);
        verdicts.push(...sloVerdicts);
        return verdicts;
    }
    function context(terminating) {
        return { now, stepStart, warmupEnd, stepDeadline: deadline, terminating };
    }
}
/** Whether a guardrail judges each measurement (bounds or conditions), not only a comparison. */
function judgesMeasurements(guard) {
    return [guard.min, guard.max, guard.successCondition, guard.failureCondition, guard.history].some((part) => part !== undefined);
}
function criteriaOf(guard) {
    const where = (key) => `analysis.guardrails[${guard.name}].${key}`;
    return {
        ...(guard.min === undefined ? {} : { min: guard.min }),
        ...(guard.max === undefined ? {} : { max: guard.max }),
        ...(guard.successCondition === undefined
            ? {}
            : { successCondition: (0,analysis_condition/* compileCondition */.vs)(guard.successCondition, where('successCondition')) }),
        ...(guard.failureCondition === undefined
            ? {}
            : { failureCondition: (0,analysis_condition/* compileCondition */.vs)(guard.failureCondition, where('failureCondition')) }),
    };
}
function engine_criterionOf(guard) {
    const parts = [
        guard.min === undefined ? undefined : `min ${(0,analysis_condition/* formatNumber */.ZV)(guard.min)}`,
        guard.max === undefined ? undefined : `max ${(0,analysis_condition/* formatNumber */.ZV)(guard.max)}`,
        guard.successCondition && `success: ${guard.successCondition}`,
        guard.failureCondition && `failure: ${guard.failureCondition}`,
    ].filter(Boolean);
    const limit = guard.limits.failureLimit;
    return `${parts.join(', ')}${limit > 0 ? ` (failureLimit ${limit})` : ''}`;
}
/**
 * One look at a threshold guardrail: `repeat` measurements, each judged, combined by the agreement
 * rule (repeat.ts). No data in every one of them is no data; otherwise disagreement is inconclusive.
 */
async function measureRepeated(run, query, time, provider) {
    const phases = [];
    for (let attempt = 0; attempt < run.guard.repeat; attempt++) {
        const outcome = await measure(provider, query, time, run.guard.name);
        phases.push(outcome.kind === 'error'
            ? { phase: 'error', nodata: false, reason: outcome.reason }
            : measurementPhase(run.criteria, toMeasured(outcome.measurement)));
    }
    if (phases.length === 1)
        return phases[0];
    if (phases.every((phase) => phase.nodata))
        return phases[0];
    const decided = decideRepeated(phases.map((phase) => (phase.nodata ? 'inconclusive' : phase.phase)), parseRepeat({ repeat: run.guard.repeat, agreement: run.guard.agreement }, `guardrail ${run.guard.name}`));
    const last = [...phases].reverse().find((phase) => phase.value !== undefined);
    return {
        phase: decided.phase,
        nodata: false,
        ...(last?.value === undefined ? {} : { value: last.value }),
        reason: decided.reason,
    };
}
/** The guardrail's last value against the last promoted releases' values. */
function historyVerdict(guard, run, releases) {
    const history = guard.history;
    const where = `analysis.guardrails[${guard.name}].history`;
    const criterion = (0,analysis_history/* parseHistoryCriterion */.lz)({ tolerance: history.tolerance, direction: history.direction, releases: history.releases }, where);
    const current = [...run.state.measurements]
        .reverse()
        .find((measurement) => measurement.value !== undefined)?.value;
    const name = `${guard.name} vs history`;
    if (current === undefined) {
        return {
            name,
            phase: 'inconclusive',
            dryRun: guard.dryRun,
            queries: run.queries,
            values: [],
            criterion: `within ${history.tolerance} of the last ${history.releases} releases`,
            reason: 'the guardrail measured no value to compare with history',
        };
    }
    const compared = (0,analysis_history/* compareWithHistory */.KG)(current, releases, criterion);
    // Until a release is recorded there is nothing to compare with: report it, do not hold every first rollout.
    const noHistory = releases.filter((value) => !Number.isNaN(value)).length === 0;
    return {
        name,
        phase: compared.phase,
        dryRun: guard.dryRun || noHistory,
        queries: run.queries,
        values: compared.values,
        criterion: compared.criterion,
        reason: noHistory
            ? `${compared.reason}; not gating until a promoted release is recorded`
            : compared.reason,
    };
}
/** One query; transient failures become an error outcome, configuration failures stop the run. */
async function measure(provider, query, time, name) {
    try {
        return { kind: 'measured', measurement: await provider.query({ query, time }) };
    }
    catch (error) {
        if (error instanceof src_errors/* ConfigurationError */.j1) {
            throw new src_errors/* ConfigurationError */.j1(`guardrail ${name}: ${error.message}`, undefined, { cause: error });
        }
        if (error instanceof src_errors/* GlidepathError */.HT)
            return { kind: 'error', reason: error.message };
        throw error;
    }
}
function toMeasured(measurement) {
    const values = measurement.series.flatMap((series) => series.samples.map((sample) => sample.value));
    return {
        noData: measurement.noData,
        ...(measurement.value === undefined ? {} : { value: measurement.value }),
        ...(measurement.value === undefined && values.length > 0 ? { values } : {}),
        ...(measurement.raw === undefined ? {} : { raw: measurement.raw }),
    };
}
/** Cumulative requests and errors of both arms; an arm that cannot be measured is undefined. */
async function measureArms(counts, variables, window, time, provider) {
    const queries = [];
    const arm = async (label) => {
        if (label === undefined)
            return undefined;
        const bound = { ...variables, canary: label, window };
        const requestsQuery = (0,template/* renderQuery */.n)(counts.requests, bound);
        const errorsQuery = (0,template/* renderQuery */.n)(counts.errors, bound);
        queries.push(requestsQuery, errorsQuery);
        const [requests, errors] = await Promise.all([
            measure(provider, requestsQuery, time, 'counts.requests'),
            measure(provider, errorsQuery, time, 'counts.errors'),
        ]);
        const number = (outcome) => outcome.kind === 'measured' ? (outcome.measurement.noData ? 0 : outcome.measurement.value) : undefined;
        const n = number(requests);
        const x = number(errors);
        if (n === undefined || x === undefined || !Number.isFinite(n) || !Number.isFinite(x))
            return undefined;
        // increase() extrapolates to fractions; the tests need whole requests and errors.
        const total = Math.max(Math.round(n), 0);
        return { requests: total, errors: Math.min(Math.max(Math.round(x), 0), total) };
    };
    const canary = await arm(variables.canary);
    const stable = await arm(variables.stable);
    return { ...(canary ? { canary } : {}), ...(stable ? { stable } : {}), queries };
}
/** The minSamples verdict: pass once the canary has enough requests, inconclusive otherwise. */
function samplesVerdict(canaryRequests, minSamples, reason, queries) {
    const have = canaryRequests ?? 0;
    const enough = canaryRequests !== undefined && have >= minSamples;
    return {
        name: 'minSamples',
        phase: enough ? 'pass' : 'inconclusive',
        dryRun: false,
        queries,
        values: canaryRequests === undefined ? [] : [have],
        criterion: `canary requests ≥ ${minSamples}`,
        reason: reason ??
            (canaryRequests === undefined
                ? 'the canary request count could not be measured'
                : `${have} canary requests of minSamples ${minSamples}${enough ? '' : '; not enough to judge'}`),
    };
}
/** SLO checks on the canary: the page-level multi-window burn over the step, and the budget freeze. */
async function sloChecks(policy, variables, elapsedMs, time, provider) {
    const slo = policy.slo;
    const objective = slo.objective / 100;
    const page = burn_rate/* workbookBurnWindows */.Hn[0];
    const ratioOver = async (ms) => {
        const query = (0,template/* renderQuery */.n)(slo.errorRatio, {
            ...variables,
            window: `${Math.max(Math.round(ms / 1000), 1)}s`,
        });
        const outcome = await measure(provider, query, time, 'slo.errorRatio');
        return {
            query,
            ...(outcome.kind === 'measured' && outcome.measurement.value !== undefined
                ? { value: outcome.measurement.value }
                : {}),
        };
    };
    const long = await ratioOver(elapsedMs);
    const short = await ratioOver(elapsedMs / 12);
    const verdicts = [];
    const measured = long.value !== undefined &&
        short.value !== undefined &&
        !Number.isNaN(long.value) &&
        !Number.isNaN(short.value);
    const longBurn = measured ? (0,burn_rate/* burnRate */.g0)(long.value, objective) : NaN;
    const shortBurn = measured ? (0,burn_rate/* burnRate */.g0)(short.value, objective) : NaN;
    const fires = measured && (0,burn_rate/* multiWindowBurnFires */.Kk)(longBurn, shortBurn, page.burnRate);
    verdicts.push({
        name: 'slo-burn',
        phase: !measured ? 'inconclusive' : fires ? 'fail' : 'pass',
        dryRun: false,
        queries: [long.query, short.query],
        values: measured ? [longBurn, shortBurn] : [],
        criterion: `burn rate over the step and its last twelfth both ≤ ${(0,analysis_condition/* formatNumber */.ZV)(Number(page.burnRate.toFixed(2)))}`,
        reason: !measured
            ? 'the canary error ratio returned no data, so the burn rate is unknown'
            : fires
                ? `the canary burns the error budget ${longBurn.toFixed(1)}× (step) and ${shortBurn.toFixed(1)}× (recent) too fast for a ${slo.objective}% SLO`
                : `burn rate ${longBurn.toFixed(2)}× over the step, ${shortBurn.toFixed(2)}× recently, within ${page.burnRate.toFixed(1)}×`,
    });
    if (slo.budgetErrorRatio) {
        const query = (0,template/* renderQuery */.n)(slo.budgetErrorRatio, { ...variables, window: slo.period.toString() });
        const outcome = await measure(provider, query, time, 'slo.budgetErrorRatio');
        const ratio = outcome.kind === 'measured' ? outcome.measurement.value : undefined;
        const known = ratio !== undefined && !Number.isNaN(ratio);
        const remaining = known ? (0,burn_rate/* errorBudgetRemaining */.YH)(ratio, objective) : NaN;
        const frozen = known && remaining <= 0;
        verdicts.push({
            name: 'error-budget',
            phase: !known ? 'inconclusive' : frozen ? 'inconclusive' : 'pass',
            dryRun: !slo.freezeWhenExhausted,
            queries: [query],
            values: known ? [remaining] : [],
            criterion: `error budget remaining > 0 over ${slo.period.toString()}`,
            reason: !known
                ? 'the budget error ratio returned no data'
                : frozen
                    ? `the ${slo.period.toString()} error budget is spent (${(remaining * 100).toFixed(1)}% remaining): release freeze`
                    : `${(remaining * 100).toFixed(1)}% of the ${slo.period.toString()} error budget remains`,
        });
    }
    return verdicts;
}
/** Range-queries canary and stable over the step and scores them the Kayenta way. */
async function kayentaVerdicts(policy, scored, variables, stepStart, now, effects) {
    const end = new Date(now.getTime() - policy.metricLag.milliseconds);
    const start = new Date(stepStart.getTime() + policy.warmup.milliseconds);
    if (end.getTime() <= start.getTime()) {
        // Still warming up: there are no trusted points to compare yet, which is no evidence either way.
        return [
            {
                name: 'canary-score',
                phase: 'inconclusive',
                dryRun: scored.every((guard) => guard.dryRun),
                queries: [],
                values: [],
                criterion: `score ≥ ${policy.scoring.pass} passes, ≥ ${policy.scoring.marginal} holds`,
                reason: `no points to compare yet: the step warms up until ${start.toISOString()} and the newest ${policy.metricLag.toString()} is skipped`,
            },
        ];
    }
    const samples = [];
    const errors = [];
    for (const guard of scored) {
        const compare = guard.compare;
        const points = async (label) => {
            if (label === undefined) {
                throw new src_errors/* ConfigurationError */.j1(`guardrail ${guard.name} compares with stable; pass the stable version (--stable)`);
            }
            const query = (0,template/* renderQuery */.n)(guard.query, {
                ...variables,
                canary: label,
                window: policy.window.toString(),
            });
            if (end.getTime() <= start.getTime())
                return { query, values: [] };
            const stepSeconds = Math.max(compare.step.milliseconds / 1000, 1);
            try {
                const measurement = await effects.provider.query({ query, range: { start, end, stepSeconds } });
                if (measurement.series.length > 1) {
                    throw new src_errors/* ConfigurationError */.j1(`guardrail ${guard.name}: ${JSON.stringify(query)} returned ${measurement.series.length} series; aggregate it to one (e.g. wrap it in max())`);
                }
                return { query, values: measurement.series[0]?.samples.map((sample) => sample.value) ?? [] };
            }
            catch (error) {
                if (error instanceof src_errors/* ConfigurationError */.j1 || !(error instanceof src_errors/* GlidepathError */.HT))
                    throw error;
                return { query, error: error.message };
            }
        };
        const canary = await points(variables.canary);
        const stable = await points(variables.stable);
        if ('error' in canary || 'error' in stable) {
            errors.push({
                name: guard.name,
                phase: 'error',
                dryRun: guard.dryRun,
                queries: [canary.query, stable.query],
                values: [],
                criterion: 'Mann–Whitney, canary vs stable',
                reason: ('error' in canary ? canary.error : undefined) ?? stable.error,
            });
            continue;
        }
        samples.push({
            name: guard.name,
            experiment: canary.values,
            control: stable.values,
            queries: [canary.query, stable.query],
        });
    }
    const judged = scored.filter((guard) => samples.some((sample) => sample.name === guard.name));
    if (judged.length === 0)
        return errors;
    const judgement = judgeKayenta({
        metrics: judged.map((guard) => {
            const compare = guard.compare;
            return {
                name: guard.name,
                group: compare.group,
                critical: compare.critical,
                mustHaveData: compare.mustHaveData,
                muted: guard.dryRun,
                direction: compare.direction,
                nanStrategy: compare.nanStrategy,
                outliers: { strategy: compare.outliers },
                effectSize: {
                    allowedIncrease: compare.allowedIncrease,
                    allowedDecrease: compare.allowedDecrease,
                    criticalIncrease: Math.max(compare.allowedIncrease, 5),
                    criticalDecrease: Math.min(compare.allowedDecrease, 0.5),
                },
            };
        }),
        groups: policy.scoring.groups,
        thresholds: { pass: policy.scoring.pass, marginal: policy.scoring.marginal },
        minPoints: policy.scoring.minPoints,
    }, samples, 'analysis.scoring');
    const score = {
        name: 'canary-score',
        phase: judgement.verdict.phase,
        dryRun: judged.every((guard) => guard.dryRun),
        queries: [],
        values: judgement.score ? [judgement.score.score] : [],
        criterion: `score ≥ ${policy.scoring.pass} passes, ≥ ${policy.scoring.marginal} holds`,
        reason: judgement.verdict.reason,
    };
    // Per-metric verdicts explain the score; only the score gates, as in Kayenta.
    const explained = judgement.verdict.metrics.map((metric) => ({ ...metric, dryRun: true }));
    return [...errors, score, ...explained];
}
function progressLine(now, verdicts, waitMs) {
    const summary = verdicts.map((verdict) => `${verdict.name} ${verdict.phase}`).join(', ');
    return `${now.toISOString()} ${summary || 'measuring'}; next look in ${Math.round(waitMs / 1000)}s`;
}


/***/ }),

/***/ 61374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   KG: () => (/* binding */ compareWithHistory),
/* harmony export */   lz: () => (/* binding */ parseHistoryCriterion)
/* harmony export */ });
/* unused harmony exports DEFAULT_HISTORY_RELEASES, parseHistoryTolerance */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * Criteria relative to history: compare a metric's current value with what the last N promoted
 * releases measured for the same metric, e.g. "no more than 10 % above the median of the last 5".
 *
 * Source: anchors-rollouts.md §(b) b.4 (Keptn `slo.yaml` relative criteria `<=+10%`, `<=+50`,
 * `compare_with: several_results`, aggregate avg/p50/p90/p95) and §(e) (comparison with history is
 * something users ask for and none of the anchors ship outside Keptn). Two departures from Keptn:
 * - the reference is the **median** of the last N values, not their mean: one odd release (a
 *   regression that got promoted and was then fixed, a noisy measurement, a traffic spike) moves a
 *   mean of five by a fifth of its size but leaves the median where the other four put it, and a
 *   bad release must not loosen the bar for the next one;
 * - with no history Keptn passes the criterion; we return `inconclusive` ("no history yet"), because
 *   silence is not evidence (verdict.ts).
 */

/** The default N: five releases. */
const DEFAULT_HISTORY_RELEASES = 5;
const RELATIVE = /^([+-])(\d+(?:\.\d+)?|\.\d+)%$/;
const ABSOLUTE = /^([+-])(\d+(?:\.\d+)?|\.\d+)$/;
const RATIO = /^x(\d+(?:\.\d+)?|\.\d+)$/;
/**
 * Parses a tolerance: `+10%` / `-5%` (relative, sign required), `+0.02` (absolute, sign required),
 * `x1.5` (ratio, greater than 0). Anything else is a ConfigurationError naming `where`. The sign is
 * required so that a bare `10` cannot be read as either "10 above" or "at most 10".
 */
function parseHistoryTolerance(text, where) {
    const trimmed = text.trim();
    const relative = RELATIVE.exec(trimmed);
    if (relative) {
        const size = Number(relative[2]) / 100;
        return { kind: 'relative', fraction: relative[1] === '-' ? -size : size, text: trimmed };
    }
    const absolute = ABSOLUTE.exec(trimmed);
    if (absolute) {
        const size = Number(absolute[2]);
        return { kind: 'absolute', delta: absolute[1] === '-' ? -size : size, text: trimmed };
    }
    const ratio = RATIO.exec(trimmed);
    if (ratio && Number(ratio[1]) > 0)
        return { kind: 'ratio', factor: Number(ratio[1]), text: trimmed };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: "${text}" is not a tolerance; write +10% or -5% (relative to history), +0.02 (absolute, with its sign) or x1.5 (a ratio above 0)`);
}
/** Validates the text form into a `HistoryCriterion`; ConfigurationError naming `where` otherwise. */
function parseHistoryCriterion(input, where) {
    const tolerance = parseHistoryTolerance(input.tolerance, `${where}.tolerance`);
    if (input.direction !== 'higher-is-worse' && input.direction !== 'lower-is-worse') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}.direction: "${String(input.direction)}" is not a direction; use higher-is-worse or lower-is-worse`);
    }
    const releases = input.releases ?? DEFAULT_HISTORY_RELEASES;
    if (!(Number.isInteger(releases) && releases >= 1)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}.releases: must be a whole number of at least 1; got ${releases}`);
    }
    const minReleases = input.minReleases ?? 1;
    if (!(Number.isInteger(minReleases) && minReleases >= 1 && minReleases <= releases)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}.minReleases: must be a whole number from 1 to releases (${releases}); got ${minReleases}`);
    }
    return {
        tolerance,
        direction: input.direction,
        releases,
        minReleases,
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
    };
}
/** The median; the mean of the two middle values for an even count. */
function median(values) {
    if (values.length === 0)
        throw new RangeError('the median of no values is undefined');
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/**
 * Compares `current` with the last `criterion.releases` values of `history` (promoted releases only,
 * oldest first; NaN entries — releases that did not measure the metric — are skipped before taking
 * the last N). The bound is the reference (their median) moved by the tolerance; the current value
 * passes at the bound itself. `inconclusive` with fewer than `minReleases` usable values ("no history
 * yet"), with a NaN current value, and for relative or ratio tolerances on a reference ≤ 0, where
 * "10 % more than nothing" means nothing (use an absolute tolerance there).
 */
function compareWithHistory(current, history, criterion) {
    const usable = history.filter((value) => !Number.isNaN(value));
    const used = usable.slice(-criterion.releases);
    const unit = (value) => (criterion.unit ? `${format(value)} ${criterion.unit}` : format(value));
    const comparator = criterion.direction === 'higher-is-worse' ? '≤' : '≥';
    const values = [...used, current];
    if (used.length < criterion.minReleases) {
        return {
            phase: 'inconclusive',
            criterion: `${comparator} median of last ${criterion.releases} releases ${describe(criterion.tolerance)}`,
            reason: used.length === 0
                ? 'no history yet: no promoted release has a value for this metric'
                : `no history yet: ${used.length} promoted release${used.length === 1 ? ' has' : 's have'} a value, fewer than minReleases ${criterion.minReleases}`,
            values,
        };
    }
    const reference = median(used);
    const what = used.length === 1 ? 'the last release' : `median of last ${used.length} releases`;
    const base = `${comparator} ${what} (${unit(reference)}) ${describe(criterion.tolerance)}`;
    const tolerance = criterion.tolerance;
    if (tolerance.kind !== 'absolute' && !(reference > 0)) {
        return {
            phase: 'inconclusive',
            criterion: base,
            reason: `the reference is ${unit(reference)}, and a ${tolerance.kind} tolerance needs a positive one; use an absolute tolerance such as +0.01`,
            values,
            reference,
        };
    }
    // Rounded to 12 significant digits so float noise never decides a comparison the user wrote in
    // decimal: 1.13 × 1.1 is 1.2429999999999999 in binary, which would fail a current 1.243.
    const raw = tolerance.kind === 'relative'
        ? reference * (1 + tolerance.fraction)
        : tolerance.kind === 'absolute'
            ? reference + tolerance.delta
            : reference * tolerance.factor;
    const bound = Number(raw.toPrecision(12));
    const criterionText = `${base} = ${unit(bound)}`;
    if (Number.isNaN(current)) {
        return {
            phase: 'inconclusive',
            criterion: criterionText,
            reason: 'no current value to compare (NaN: no data)',
            values,
            reference,
            bound,
        };
    }
    const within = criterion.direction === 'higher-is-worse' ? current <= bound : current >= bound;
    const change = ` (${signedPercent(current, reference)} against ${unit(reference)})`;
    return {
        phase: within ? 'pass' : 'fail',
        criterion: criterionText,
        reason: within
            ? `current ${unit(current)} ${comparator} ${unit(bound)}${change}`
            : `current ${unit(current)} is ${criterion.direction === 'higher-is-worse' ? 'above' : 'below'} ${unit(bound)}${change}`,
        values,
        reference,
        bound,
    };
}
/** `+ 10%`, `− 5%`, `+ 0.02`, `× 1.5`, as they read after the reference. */
function describe(tolerance) {
    switch (tolerance.kind) {
        case 'relative':
            return `${tolerance.fraction < 0 ? '−' : '+'} ${format(Math.abs(tolerance.fraction) * 100)}%`;
        case 'absolute':
            return `${tolerance.delta < 0 ? '−' : '+'} ${format(Math.abs(tolerance.delta))}`;
        case 'ratio':
            return `× ${format(tolerance.factor)}`;
    }
}
/** `+16.7%`; `±0%` when equal. */
function signedPercent(current, reference) {
    if (current === reference)
        return '±0%';
    // |reference|, so that moving up from a negative reference still reads as "+".
    const percent = (100 * (current - reference)) / Math.abs(reference);
    if (!Number.isFinite(percent))
        return current > reference ? '+∞%' : '−∞%';
    const size = format(Number(Math.abs(percent).toFixed(1)));
    return percent > 0 ? `+${size}%` : percent < 0 ? `−${size}%` : '±0%';
}
/** Six significant digits without float noise: 120 × 1.1 → "132", not "132.00000000000003". */
function format(value) {
    return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}


/***/ }),

/***/ 58690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ANALYSIS_EXIT: () => (/* binding */ ANALYSIS_EXIT),
  analyzeCommand: () => (/* binding */ analyzeCommand),
  openMetricProvider: () => (/* binding */ openMetricProvider),
  parseTime: () => (/* binding */ parseTime),
  readHistory: () => (/* binding */ readHistory),
  runAnalyze: () => (/* binding */ runAnalyze)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/analysis/engine.ts + 10 modules
var engine = __webpack_require__(95606);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/config/load-policy.ts + 3 modules
var load_policy = __webpack_require__(28031);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/metrics/provider-settings.ts
var provider_settings = __webpack_require__(14692);
;// CONCATENATED MODULE: ./src/metrics/number.ts
/**
 * The one parser for numbers read from a metric back-end. Prometheus sends sample values as quoted
 * strings because JSON has no NaN or infinities, and JavaScript's `Number` gets both wrong:
 * `Number("+Inf")` is NaN and `Number("")` is 0. A zero invented from an empty field would read as
 * "no errors" and pass a guardrail, so empty and null values are refused, never coerced.
 */

/** The special values Go's strconv writes, mapped explicitly. */
const SPECIAL_VALUES = new Map([
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
]);
/** A decimal or exponent literal, the only other strings a provider may send. */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * The number in `value`, a JSON number or a numeric string from a provider response; `field`
 * names where it came from (`prometheus result[0].value[1]`) for the error message.
 */
function parseMetricNumber(value, field) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string') {
        const special = SPECIAL_VALUES.get(value);
        if (special !== undefined)
            return special;
        if (NUMERIC.test(value))
            return Number(value);
    }
    const shown = value === undefined ? 'undefined' : JSON.stringify(value);
    throw new src_errors/* ConfigurationError */.j1(`${field}: expected a number ("NaN", "+Inf", "-Inf" or a decimal), got ${shown}; ` +
        'check that the query returns a number');
}

// EXTERNAL MODULE: ./src/metrics/providers/http.ts
var http = __webpack_require__(37302);
;// CONCATENATED MODULE: ./src/metrics/providers/datadog.ts
/**
 * Datadog metrics provider (decision-and-evidence.md A5, "Decision layer — ship" item 8): the v2
 * timeseries query (`POST /api/v2/query/timeseries`), with the v1 query (`GET /api/v1/query`) as a
 * fallback.
 *
 * Time windows. A range request asks for `[start, end]` with `interval = stepSeconds × 1000` ms (v2
 * only: v1 has no interval parameter and Datadog picks the rollup). An instant request asks for the
 * five minutes ending at `time` (or now) — `[time − 5 min, time]` — because Datadog has no instant
 * query. Every point of that window is returned: choosing one (Flagger takes the oldest, to avoid
 * the incomplete newest bucket, A4) is the analysis layer's judgement, not the provider's, so
 * `value` is set only when exactly one series holds exactly one point.
 *
 * Null points (no data in that bucket) are dropped, never read as zero, and a series left without
 * points is dropped with them, as Prometheus omits a series with no sample in range.
 *
 * v1 fallback rule: with `api: 'v2'` (the default), a v2 answer of HTTP 404 (a proxy or region
 * without the v2 endpoint) retries the same window on v1, once per query. A 403 does not: both
 * endpoints need the same `timeseries_query` permission, so v1 would refuse too and the fallback
 * would only hide the real error. `api: 'v1'` skips v2 altogether.
 *
 * Errors. HTTP statuses follow `http.ts` (408, 429, 5xx transient; other 4xx configuration). An
 * `errors` field (v2) or `status: "error"` (v1) in a 2xx answer is transient when its message says
 * timeout, rate limit or "try again", and a configuration error (fix the query) otherwise.
 *
 * Security: the keys travel only in the `DD-API-KEY` and `DD-APPLICATION-KEY` headers and are masked
 * in every message this module builds.
 */



/** Default site. */
const DEFAULT_DATADOG_SITE = 'datadoghq.com';
/** Default per-request timeout. */
const DEFAULT_DATADOG_TIMEOUT_MS = 30_000;
/** The window an instant request covers, ending at its time. */
const DATADOG_INSTANT_WINDOW_MS = 5 * 60_000;
/** A DNS name of two or more labels: what `site` must look like. */
const SITE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
/** Messages in an `errors` field that mean "try again" rather than "fix the query". */
const TRANSIENT_MESSAGE = /timed? ?out|timeout|rate limit|too many requests|temporarily unavailable|try again/i;
/** A provider for the Datadog organisation in `settings`; `fetch` and `now` are injected for tests. */
function createDatadogProvider(settings, fetch = globalThis.fetch, now = Date.now) {
    const base = datadogBase(settings);
    const timeoutMs = (0,http/* checkTimeout */.eN)('datadog', settings.timeoutMs ?? DEFAULT_DATADOG_TIMEOUT_MS);
    for (const key of ['apiKey', 'applicationKey']) {
        if (typeof settings[key] !== 'string' || settings[key] === '') {
            throw new src_errors/* ConfigurationError */.j1(`datadog ${key} is empty; pass the key from a secret`);
        }
    }
    const api = settings.api ?? 'v2';
    if (api !== 'v2' && api !== 'v1') {
        throw new src_errors/* ConfigurationError */.j1(`datadog api must be v2 or v1; got ${JSON.stringify(api)}`);
    }
    const mask = (0,http/* createMasker */.aD)([settings.apiKey, settings.applicationKey]);
    const context = {
        base,
        fetch,
        timeoutMs,
        mask,
        headers: {
            'DD-API-KEY': settings.apiKey,
            'DD-APPLICATION-KEY': settings.applicationKey,
            Accept: 'application/json',
        },
    };
    return {
        kind: 'datadog',
        async query(request) {
            if (request.query.trim() === '') {
                throw new src_errors/* ConfigurationError */.j1('datadog query is empty; write a metric query, e.g. avg:trace.http.request.errors{*}');
            }
            const window = queryWindow(request, now);
            if (api === 'v1')
                return queryV1(context, request, window, '');
            const reply = await queryV2Request(context, request, window);
            if (reply.status === 404)
                return queryV1(context, request, window, ' (after v2 answered HTTP 404)');
            return parseV2(reply, request, window, describe(context, 'v2', request), context.mask);
        },
    };
}
/** The API base URL from `address`, else from `site`. */
function datadogBase(settings) {
    const rules = {
        provider: 'datadog',
        example: 'https://api.datadoghq.eu',
        credentialsFix: 'pass the keys in apiKey and applicationKey',
    };
    if (settings.address !== undefined)
        return (0,http/* parseBaseAddress */.dR)(settings.address, rules);
    const site = settings.site ?? DEFAULT_DATADOG_SITE;
    if (!SITE.test(site)) {
        throw new src_errors/* ConfigurationError */.j1(`datadog site ${JSON.stringify(site)} is not a site name; write the domain, e.g. datadoghq.eu or us5.datadoghq.com (a full URL goes in address)`);
    }
    return (0,http/* parseBaseAddress */.dR)(`https://api.${site}`, rules);
}
function queryWindow(request, now) {
    if (request.range) {
        const { start, end, stepSeconds } = request.range;
        if (!(stepSeconds > 0) || end.getTime() < start.getTime()) {
            throw new src_errors/* ConfigurationError */.j1(`datadog range query ${JSON.stringify(request.query)}: need end ≥ start and step > 0; ` +
                `got start ${start.toISOString()}, end ${end.toISOString()}, step ${stepSeconds}s`);
        }
        return { fromMs: start.getTime(), toMs: end.getTime(), intervalMs: stepSeconds * 1000, mode: 'range' };
    }
    const toMs = request.time ? request.time.getTime() : now();
    return { fromMs: toMs - DATADOG_INSTANT_WINDOW_MS, toMs, mode: 'instant' };
}
function describe(context, api, request, note = '') {
    const mode = request.range ? 'range' : 'instant';
    return `datadog ${api} ${mode} query ${JSON.stringify(request.query)} at ${(0,http/* displayAddress */.RD)(context.base)}${note}`;
}
const FIXES = {
    credentials: 'check apiKey and applicationKey (the application key needs the timeseries_query scope) and that the site is your organisation’s',
    notFound: 'check the site or address (it should be the Datadog API root, e.g. https://api.datadoghq.com)',
    other: 'fix the query',
};
const SEND_FIX = 'check that the Datadog API is reachable';
async function queryV2Request(context, request, window) {
    const attributes = {
        from: window.fromMs,
        to: window.toMs,
        ...(window.intervalMs !== undefined ? { interval: window.intervalMs } : {}),
        queries: [{ data_source: 'metrics', query: request.query, name: 'a' }],
        formulas: [{ formula: 'a' }],
    };
    return (0,http/* fetchText */.Sy)(context.fetch, new URL('api/v2/query/timeseries', context.base).toString(), {
        method: 'POST',
        headers: { ...context.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { type: 'timeseries_request', attributes } }),
    }, {
        timeoutMs: context.timeoutMs,
        what: describe(context, 'v2', request),
        mask: context.mask,
        unreachableFix: SEND_FIX,
    });
}
async function queryV1(context, request, window, note) {
    const what = describe(context, 'v1', request, note);
    const url = new URL('api/v1/query', context.base);
    // v1 takes whole seconds; flooring both ends keeps the window's length.
    url.searchParams.set('from', String(Math.floor(window.fromMs / 1000)));
    url.searchParams.set('to', String(Math.floor(window.toMs / 1000)));
    url.searchParams.set('query', request.query);
    const reply = await (0,http/* fetchText */.Sy)(context.fetch, url.toString(), { method: 'GET', headers: context.headers }, { timeoutMs: context.timeoutMs, what, mask: context.mask, unreachableFix: SEND_FIX });
    const body = readBody(reply, what, context.mask);
    const error = typeof body.error === 'string' && body.error !== '' ? body.error : undefined;
    if (body.status === 'error' || error !== undefined) {
        throw answerError(error ?? (0,http/* bodyExcerpt */.kG)(reply.text, context.mask), what, context.mask);
    }
    if (body.series === undefined || body.series === null)
        return measurement(request, window, []);
    if (!Array.isArray(body.series))
        throw malformed(what, 'series is not a list');
    const series = body.series.map((item, index) => {
        const field = `series[${index}]`;
        const entry = (0,http/* asObject */.eB)(item);
        if (!entry)
            throw malformed(what, `${field} is not an object`);
        if (!Array.isArray(entry.pointlist))
            throw malformed(what, `${field}.pointlist is not a list`);
        const samples = [];
        entry.pointlist.forEach((point, j) => {
            const pointField = `${field}.pointlist[${j}]`;
            if (!Array.isArray(point) || point.length !== 2)
                throw malformed(what, `${pointField} is not a [time, value] pair`);
            if (point[1] === null)
                return;
            samples.push({
                timestamp: parseMetricNumber(point[0], `${what} ${pointField}[0]`) / 1000,
                value: parseMetricNumber(point[1], `${what} ${pointField}[1]`),
            });
        });
        return { labels: v1Labels(entry), samples };
    });
    return measurement(request, window, series);
}
/** The v2 answer as series; `values[i]` belongs to `series[i]` and pairs with `times` point by point. */
function parseV2(reply, request, window, what, mask) {
    const body = readBody(reply, what, mask);
    const error = errorDetail(body);
    if (error !== undefined)
        throw answerError(error, what, mask);
    const data = (0,http/* asObject */.eB)(body.data);
    if (!data)
        throw malformed(what, 'no data object');
    // Datadog leaves out `series`, `times` and `values` when the window holds no data at all.
    const attributes = (0,http/* asObject */.eB)(data.attributes) ?? {};
    const list = (name) => {
        const value = attributes[name];
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value))
            throw malformed(what, `data.attributes.${name} is not a list`);
        return value;
    };
    const entries = list('series');
    const times = list('times').map((time, j) => parseMetricNumber(time, `${what} data.attributes.times[${j}]`));
    const values = list('values');
    if (values.length !== entries.length) {
        throw malformed(what, `${values.length} values lists for ${entries.length} series`);
    }
    const series = entries.map((item, index) => {
        const field = `data.attributes.values[${index}]`;
        const entry = (0,http/* asObject */.eB)(item);
        if (!entry)
            throw malformed(what, `data.attributes.series[${index}] is not an object`);
        const points = values[index];
        if (!Array.isArray(points) || points.length !== times.length) {
            throw malformed(what, `${field} is not a list of ${times.length} points, one per time`);
        }
        const samples = [];
        points.forEach((point, j) => {
            if (point === null)
                return;
            samples.push({
                timestamp: times[j] / 1000,
                value: parseMetricNumber(point, `${what} ${field}[${j}]`),
            });
        });
        return { labels: Array.isArray(entry.group_tags) ? tagLabels(entry.group_tags) : {}, samples };
    });
    return measurement(request, window, series);
}
/** Labels from `tag_set` (`["k:v", …]`), else from `scope` (`k:v,k2:v2`; `*` means none). */
function v1Labels(entry) {
    if (Array.isArray(entry.tag_set))
        return tagLabels(entry.tag_set);
    if (typeof entry.scope === 'string' && entry.scope !== '*')
        return tagLabels(entry.scope.split(','));
    return {};
}
/**
 * Labels from Datadog tags: `key:value` splits at the first colon (values may hold colons, like
 * URLs); a bare tag becomes a label with an empty value.
 */
function tagLabels(tags) {
    const labels = {};
    for (const tag of tags) {
        if (typeof tag !== 'string' || tag === '')
            continue;
        const colon = tag.indexOf(':');
        if (colon === -1)
            labels[tag] = '';
        else
            labels[tag.slice(0, colon)] = tag.slice(colon + 1);
    }
    return labels;
}
function measurement(request, window, all) {
    const series = all.filter((entry) => entry.samples.length > 0);
    return {
        query: request.query,
        mode: window.mode,
        series,
        noData: series.length === 0,
        ...(0,http/* singleValue */.u9)(series),
    };
}
/** The JSON object in a 2xx reply; a non-2xx reply or a body that is not a JSON object throws. */
function readBody(reply, what, mask) {
    const parsed = (0,http/* parseJson */.qF)(reply.text);
    const body = (0,http/* asObject */.eB)(parsed?.value);
    if (reply.status < 200 || reply.status > 299) {
        throw (0,http/* httpStatusError */.H6)(reply.status, errorDetail(body) ?? (0,http/* bodyExcerpt */.kG)(reply.text, mask), what, mask, FIXES);
    }
    if (!body) {
        throw new src_errors/* TransientError */.N_(mask(`${what}: unexpected response, ${parsed ? 'not a JSON object' : 'not JSON'} (${(0,http/* bodyExcerpt */.kG)(reply.text, mask)}); ` +
            'check that the site or address points at the Datadog API'));
    }
    return body;
}
/** Datadog's error text: `errors` (a string or a list of strings) or `error`. */
function errorDetail(body) {
    const errors = body?.errors;
    if (typeof errors === 'string' && errors !== '')
        return errors;
    if (Array.isArray(errors) && errors.length > 0)
        return errors.map(String).join('; ');
    if (typeof body?.error === 'string' && body.error !== '')
        return body.error;
    return undefined;
}
/** An error reported inside a 2xx answer. */
function answerError(detail, what, mask) {
    const message = mask(`${what} failed: ${detail}`);
    return TRANSIENT_MESSAGE.test(detail)
        ? new src_errors/* TransientError */.N_(message)
        : new src_errors/* ConfigurationError */.j1(`${message}; ${FIXES.other}`);
}
/** A 2xx answer we cannot read: a proxy's page, a truncated body. Retried, then an `error` measurement. */
function malformed(what, detail) {
    return new src_errors/* TransientError */.N_(`${what}: unexpected response, ${detail}; check that the site or address points at the Datadog API`);
}

;// CONCATENATED MODULE: ./src/metrics/providers/newrelic.ts
/**
 * New Relic provider: NRQL through NerdGraph, New Relic's GraphQL API (decision-and-evidence.md
 * A5). One `POST /graphql` per query with Argo Rollouts' query document and the variables
 * `{query, accountId, timeout}`; the answer is `data.actor.account.nrql.results`, a list of rows.
 *
 * NRQL carries its own time window (`SINCE 5 minutes ago`, `TIMESERIES 1 minute`), so the request's
 * `time` and `range` are not sent; the query decides.
 *
 * Rows to series. A row's number is its one numeric field (nested objects count by their dotted
 * path: `{"percentile.duration": {"99": 1.2}}` has the one field `percentile.duration.99`), or the
 * field `valueKey` names when there are several. A null number is a missing point, never a zero.
 * String fields (`facet`, the FACET attributes) are the series' labels. TIMESERIES rows
 * (`beginTimeSeconds`/`endTimeSeconds`) with the same labels become the samples of one series,
 * stamped with `beginTimeSeconds` like Datadog's bucket times; other rows carry no time, so their
 * sample is stamped with the request's `time`, else the clock, and the measurement is `instant`.
 * `raw` holds the rows as New Relic sent them, for conditions over other fields.
 *
 * Errors. GraphQL errors arrive in a top-level `errors` list, often with HTTP 200. They are
 * transient when `extensions.errorClass` says so (TIMEOUT, SERVER_ERROR, TOO_MANY_REQUESTS, …) or,
 * for an error without a class, when the message speaks of a timeout or rate limit; anything else
 * (an NRQL syntax error, an unknown account) is a configuration error. HTTP statuses follow
 * `http.ts`.
 *
 * Security: the User key travels only in the `API-Key` header and is masked in every message.
 */



/** Default per-request timeout. */
const DEFAULT_NEWRELIC_TIMEOUT_MS = 30_000;
/** NerdGraph base URL per region. */
const NEWRELIC_REGION_ADDRESSES = {
    us: 'https://api.newrelic.com',
    eu: 'https://api.eu.newrelic.com',
};
/** Argo Rollouts' NerdGraph document (`metricproviders/newrelic/newrelic.go`), A5. */
const NERDGRAPH_NRQL_QUERY = 'query ($query: Nrql!, $accountId: Int!, $timeout: Seconds!) ' +
    '{ actor { account(id: $accountId) { nrql(query: $query, timeout: $timeout) { results } } } }';
/**
 * The longest NRQL timeout NerdGraph accepts for a synchronous query, in seconds [ours, from New
 * Relic's NerdGraph docs; longer queries need the asynchronous API].
 */
const MAX_NRQL_TIMEOUT_SECONDS = 120;
/** `extensions.errorClass` values that mean "try again". */
const TRANSIENT_ERROR_CLASSES = new Set([
    'TIMEOUT',
    'SERVER_ERROR',
    'INTERNAL_SERVER_ERROR',
    'SERVICE_UNAVAILABLE',
    'TOO_MANY_REQUESTS',
    'RATE_LIMITED',
]);
/** `extensions.errorClass` values that mean the key cannot read the account. */
const ACCESS_ERROR_CLASSES = new Set(['FORBIDDEN', 'UNAUTHORIZED', 'UNAUTHENTICATED', 'ACCESS_DENIED']);
const newrelic_TRANSIENT_MESSAGE = /timed? ?out|timeout|rate limit|too many requests|temporarily unavailable|try again/i;
const ACCESS_MESSAGE = /api[- ]key|unauthori[sz]ed|forbidden|access denied|not authori[sz]ed/i;
/** Row fields that carry the bucket of a TIMESERIES row, never a value or a label. */
const TIME_FIELDS = new Set(['beginTimeSeconds', 'endTimeSeconds']);
/** A provider for the New Relic account in `settings`; `fetch` and `now` are injected for tests. */
function createNewRelicProvider(settings, fetch = globalThis.fetch, now = Date.now) {
    if (!Number.isSafeInteger(settings.accountId) || settings.accountId <= 0) {
        throw new src_errors/* ConfigurationError */.j1(`newrelic accountId must be a positive whole number; got ${JSON.stringify(settings.accountId)}`);
    }
    if (typeof settings.apiKey !== 'string' || settings.apiKey === '') {
        throw new src_errors/* ConfigurationError */.j1('newrelic apiKey is empty; pass a User key (NRAK-…) from a secret');
    }
    const region = settings.region ?? 'us';
    if (!Object.hasOwn(NEWRELIC_REGION_ADDRESSES, region)) {
        throw new src_errors/* ConfigurationError */.j1(`newrelic region must be us or eu; got ${JSON.stringify(region)}`);
    }
    if (settings.valueKey !== undefined && settings.valueKey.trim() === '') {
        throw new src_errors/* ConfigurationError */.j1('newrelic valueKey is empty; name a result field, e.g. count, or leave it out');
    }
    const base = (0,http/* parseBaseAddress */.dR)(settings.address ?? NEWRELIC_REGION_ADDRESSES[region], {
        provider: 'newrelic',
        example: 'https://api.eu.newrelic.com',
        credentialsFix: 'pass the key in apiKey',
    });
    const timeoutMs = (0,http/* checkTimeout */.eN)('newrelic', settings.timeoutMs ?? DEFAULT_NEWRELIC_TIMEOUT_MS);
    const timeoutSeconds = Math.min(MAX_NRQL_TIMEOUT_SECONDS, Math.max(1, Math.floor(timeoutMs / 1000)));
    const mask = (0,http/* createMasker */.aD)([settings.apiKey]);
    const fixes = {
        credentials: `check apiKey (a User key, NRAK-…) and that it can read account ${settings.accountId}`,
        notFound: 'check region or address (it should be the NerdGraph root, e.g. https://api.newrelic.com)',
        other: 'check the NRQL query and accountId',
    };
    return {
        kind: 'newrelic',
        async query(request) {
            const what = `newrelic NRQL query ${JSON.stringify(request.query)} in account ${settings.accountId} at ${(0,http/* displayAddress */.RD)(base)}`;
            if (request.query.trim() === '') {
                throw new src_errors/* ConfigurationError */.j1(`${what}: the query is empty; write NRQL, e.g. SELECT count(*) FROM Transaction`);
            }
            const reply = await (0,http/* fetchText */.Sy)(fetch, new URL('graphql', base).toString(), {
                method: 'POST',
                headers: {
                    'API-Key': settings.apiKey,
                    'Content-Type': 'application/json',
                    Accept: 'application/json',
                },
                body: JSON.stringify({
                    query: NERDGRAPH_NRQL_QUERY,
                    variables: { query: request.query, accountId: settings.accountId, timeout: timeoutSeconds },
                }),
            }, { timeoutMs, what, mask, unreachableFix: 'check that the New Relic API is reachable' });
            const parsed = (0,http/* parseJson */.qF)(reply.text);
            const body = (0,http/* asObject */.eB)(parsed?.value);
            if (reply.status < 200 || reply.status > 299) {
                throw (0,http/* httpStatusError */.H6)(reply.status, graphqlErrors(body)?.detail ?? (0,http/* bodyExcerpt */.kG)(reply.text, mask), what, mask, fixes);
            }
            if (!body) {
                throw new src_errors/* TransientError */.N_(mask(`${what}: unexpected response, ${parsed ? 'not a JSON object' : 'not JSON'} (${(0,http/* bodyExcerpt */.kG)(reply.text, mask)}); ` +
                    'check that the region or address points at NerdGraph'));
            }
            const errors = graphqlErrors(body);
            if (errors) {
                const message = mask(`${what} failed: ${errors.detail}`);
                if (errors.transient)
                    throw new src_errors/* TransientError */.N_(message);
                throw new src_errors/* ConfigurationError */.j1(`${message}; ${errors.access ? fixes.credentials : 'fix the NRQL query'}`);
            }
            const results = (0,http/* asObject */.eB)((0,http/* asObject */.eB)((0,http/* asObject */.eB)((0,http/* asObject */.eB)(body.data)?.actor)?.account)?.nrql)?.results;
            if (!Array.isArray(results)) {
                throw new src_errors/* TransientError */.N_(`${what}: unexpected response, no list at data.actor.account.nrql.results; check accountId and that the address points at NerdGraph`);
            }
            const stamp = (request.time ? request.time.getTime() : now()) / 1000;
            return { query: request.query, ...rowsToSeries(results, settings.valueKey, stamp, what), raw: results };
        },
    };
}
/** The GraphQL `errors` list summarised, or undefined when there is none. */
function graphqlErrors(body) {
    const errors = body?.errors;
    if (!Array.isArray(errors) || errors.length === 0)
        return undefined;
    let transient = false;
    let access = false;
    const messages = errors.map((error) => {
        const entry = (0,http/* asObject */.eB)(error);
        const message = typeof entry?.message === 'string' ? entry.message : JSON.stringify(error);
        const errorClass = (0,http/* asObject */.eB)(entry?.extensions)?.errorClass;
        if (typeof errorClass === 'string') {
            // The class is authoritative: an NRQL syntax error may well quote the word "timeout".
            transient ||= TRANSIENT_ERROR_CLASSES.has(errorClass);
            access ||= ACCESS_ERROR_CLASSES.has(errorClass);
            return `${message} (${errorClass})`;
        }
        transient ||= newrelic_TRANSIENT_MESSAGE.test(message);
        access ||= ACCESS_MESSAGE.test(message);
        return message;
    });
    return { detail: messages.join('; '), transient, access };
}
/** A row flattened to its leaves: dotted path → value, nested objects walked, lists kept whole. */
function leaves(row, prefix = '', out = new Map()) {
    for (const [key, value] of Object.entries(row)) {
        const path = prefix + key;
        const nested = (0,http/* asObject */.eB)(value);
        if (nested)
            leaves(nested, `${path}.`, out);
        else
            out.set(path, value);
    }
    return out;
}
/**
 * The field at dotted `path` in `row`. Keys may themselves contain dots (`percentile.duration`),
 * so at each level the longest run of segments naming an existing key wins.
 */
function resolveValueKey(row, path) {
    const segments = path.split('.');
    let current = row;
    let index = 0;
    while (index < segments.length) {
        const object = (0,http/* asObject */.eB)(current);
        if (!object)
            return undefined;
        let matched = 0;
        for (let end = segments.length; end > index; end--) {
            if (Object.hasOwn(object, segments.slice(index, end).join('.'))) {
                matched = end;
                break;
            }
        }
        if (matched === 0)
            return undefined;
        current = object[segments.slice(index, matched).join('.')];
        index = matched;
    }
    return current;
}
/** NRQL result rows as series (see the module comment for the rules). */
function rowsToSeries(rows, valueKey, stamp, what) {
    const bySeries = new Map();
    let timeseries = false;
    rows.forEach((item, index) => {
        const row = (0,http/* asObject */.eB)(item);
        if (!row)
            throw new src_errors/* TransientError */.N_(`${what}: unexpected response, results[${index}] is not an object`);
        const fields = leaves(row);
        if (fields.size === 0)
            return;
        const begin = row.beginTimeSeconds;
        if (typeof begin === 'number')
            timeseries = true;
        let key;
        let raw;
        if (valueKey !== undefined) {
            raw = resolveValueKey(row, valueKey);
            key = valueKey;
            if (raw === undefined) {
                throw new src_errors/* ConfigurationError */.j1(`${what}: results[${index}] has no field ${JSON.stringify(valueKey)}; fields: ${[...fields.keys()].join(', ')}; ` +
                    'set valueKey to one of them, or name the value in NRQL with AS');
            }
        }
        else {
            const numeric = [...fields].filter(([path, value]) => !TIME_FIELDS.has(path) && (typeof value === 'number' || value === null));
            if (numeric.length !== 1) {
                throw new src_errors/* ConfigurationError */.j1(`${what}: results[${index}] has ${numeric.length === 0 ? 'no numeric field' : `${numeric.length} numeric fields (${numeric.map(([path]) => path).join(', ')})`}; ` +
                    (numeric.length === 0 ? 'select a number, e.g. count(*)' : 'set valueKey to the one to measure'));
            }
            [key, raw] = numeric[0];
        }
        const labels = {};
        for (const [path, value] of fields) {
            if (path === key || TIME_FIELDS.has(path))
                continue;
            if (typeof value === 'string')
                labels[path] = value;
            // A multi-attribute FACET arrives as a list of the attribute values.
            else if (path === 'facet' && Array.isArray(value))
                labels.facet = value.map(String).join(',');
        }
        const id = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const series = bySeries.get(id) ?? { labels, samples: [] };
        bySeries.set(id, series);
        if (raw === null)
            return; // no events in this bucket: a missing point, not a zero
        series.samples.push({
            timestamp: typeof begin === 'number' ? begin : stamp,
            value: parseMetricNumber(raw, `${what} results[${index}].${key}`),
        });
    });
    const series = [...bySeries.values()]
        .filter((entry) => entry.samples.length > 0)
        .map((entry) => ({
        labels: entry.labels,
        samples: entry.samples.sort((a, b) => a.timestamp - b.timestamp),
    }));
    return {
        mode: timeseries ? 'range' : 'instant',
        series,
        noData: series.length === 0,
        ...(0,http/* singleValue */.u9)(series),
    };
}

;// CONCATENATED MODULE: ./src/metrics/providers/prometheus.ts
/**
 * Prometheus HTTP API provider (`/api/v1/query`, `/api/v1/query_range`); Thanos, Mimir and
 * VictoriaMetrics speak the same API. Queries go as form-encoded POST, which the API accepts for
 * long expressions that would overflow a URL.
 *
 * Security: credentials travel only in request headers. Every message this module builds passes
 * through `mask` (`http.ts`), which replaces the token, password, encoded basic credentials and
 * custom header values with `***`, because a proxy's error page may echo request headers back and
 * error messages end up in Actions logs and pull-request comments.
 */



/** Default per-request timeout. */
const DEFAULT_PROMETHEUS_TIMEOUT_MS = 30_000;
/** A provider for the Prometheus endpoint in `settings`; `fetch` is injected for tests. */
function createPrometheusProvider(settings, fetch = globalThis.fetch) {
    const base = (0,http/* parseBaseAddress */.dR)(settings.address, {
        provider: 'prometheus',
        example: 'http://prometheus:9090',
        credentialsFix: 'use auth: basic instead',
    });
    const timeoutMs = (0,http/* checkTimeout */.eN)('prometheus', settings.timeoutMs ?? DEFAULT_PROMETHEUS_TIMEOUT_MS);
    const headers = requestHeaders(settings);
    const mask = (0,http/* createMasker */.aD)([
        ...(0,http/* headerSecrets */.n3)(headers),
        settings.auth?.kind === 'bearer' ? settings.auth.token : undefined,
        settings.auth?.kind === 'basic' ? settings.auth.password : undefined,
    ]);
    return {
        kind: 'prometheus',
        async query(request) {
            const mode = request.range ? 'range' : 'instant';
            const endpoint = mode === 'range' ? 'api/v1/query_range' : 'api/v1/query';
            const url = new URL(endpoint, base).toString();
            const body = formBody(request, timeoutMs);
            const what = `prometheus ${mode} query ${JSON.stringify(request.query)} at ${(0,http/* displayAddress */.RD)(base)}`;
            const reply = await (0,http/* fetchText */.Sy)(fetch, url, {
                method: 'POST',
                headers: {
                    ...headers,
                    'Content-Type': 'application/x-www-form-urlencoded',
                    Accept: 'application/json',
                },
                body,
            }, { timeoutMs, what, mask, unreachableFix: 'check that Prometheus is reachable' });
            return parseResponse(reply.status, reply.text, request, mode, what, mask);
        },
    };
}
function requestHeaders(settings) {
    const headers = { ...settings.headers };
    if (settings.auth?.kind === 'bearer')
        headers.Authorization = `Bearer ${settings.auth.token}`;
    if (settings.auth?.kind === 'basic') {
        const encoded = Buffer.from(`${settings.auth.username}:${settings.auth.password}`).toString('base64');
        headers.Authorization = `Basic ${encoded}`;
    }
    return headers;
}
function formBody(request, timeoutMs) {
    const form = new URLSearchParams({ query: request.query });
    if (request.range) {
        const { start, end, stepSeconds } = request.range;
        if (!(stepSeconds > 0) || end.getTime() < start.getTime()) {
            throw new src_errors/* ConfigurationError */.j1(`prometheus range query ${JSON.stringify(request.query)}: need end ≥ start and step > 0; ` +
                `got start ${start.toISOString()}, end ${end.toISOString()}, step ${stepSeconds}s`);
        }
        form.set('start', unixSeconds(start));
        form.set('end', unixSeconds(end));
        form.set('step', String(stepSeconds));
    }
    else if (request.time) {
        form.set('time', unixSeconds(request.time));
    }
    // Ask the server to stop evaluating when the client stops waiting.
    form.set('timeout', `${Math.max(1, Math.floor(timeoutMs / 1000))}s`);
    return form;
}
function unixSeconds(date) {
    return String(date.getTime() / 1000);
}
/** errorType values that mean "try again" (web/api/v1/api.go). */
const TRANSIENT_ERROR_TYPES = new Set(['timeout', 'canceled', 'internal', 'unavailable']);
function parseResponse(status, text, request, mode, what, mask) {
    const parsed = (0,http/* parseJson */.qF)(text)?.value;
    const envelope = parsed && typeof parsed === 'object' ? parsed : undefined;
    if (envelope?.status !== 'success' || status < 200 || status > 299) {
        const errorType = typeof envelope?.errorType === 'string' ? envelope.errorType : undefined;
        const detail = typeof envelope?.error === 'string' ? envelope.error : (0,http/* bodyExcerpt */.kG)(text, mask);
        const message = mask(`${what} failed with HTTP ${status}${errorType ? ` ${errorType}` : ''}: ${detail}`);
        if (status === 408 ||
            status === 429 ||
            status >= 500 ||
            (errorType !== undefined && TRANSIENT_ERROR_TYPES.has(errorType))) {
            throw new src_errors/* TransientError */.N_(message);
        }
        if (status === 401 || status === 403) {
            throw new src_errors/* ConfigurationError */.j1(`${message}; check the credentials in the provider's auth settings`);
        }
        if (status === 404) {
            throw new src_errors/* ConfigurationError */.j1(`${message}; check the address (it should be the Prometheus root URL)`);
        }
        if (errorType === 'bad_data' || errorType === 'execution' || status === 400 || status === 422) {
            throw new src_errors/* ConfigurationError */.j1(`${message}; fix the query`);
        }
        const fix = `${message}; check that the address points at a Prometheus API`;
        // Garbage with a 2xx status is what a struggling proxy sends: retried, then an `error` measurement.
        if (status >= 200 && status <= 299)
            throw new src_errors/* TransientError */.N_(fix);
        throw new src_errors/* ConfigurationError */.j1(fix);
    }
    return { query: request.query, mode, ...parseData(envelope.data, what) };
}
function parseData(data, what) {
    // A 2xx answer we cannot read (a proxy's page, a truncated body): retried, then an `error` measurement.
    const malformed = (detail) => new src_errors/* TransientError */.N_(`${what}: unexpected response, ${detail}; check that the address points at a Prometheus API`);
    if (!data || typeof data !== 'object')
        throw malformed('no data object');
    const { resultType, result } = data;
    if (resultType === 'scalar') {
        const sample = parseSample(result, 'result', what);
        return { series: [{ labels: {}, samples: [sample] }], noData: false, value: sample.value };
    }
    if (resultType === 'string') {
        throw new src_errors/* ConfigurationError */.j1(`${what} returned a string, not a number; fix the query`);
    }
    if (resultType !== 'vector' && resultType !== 'matrix')
        throw malformed(`resultType ${JSON.stringify(resultType)}`);
    if (!Array.isArray(result))
        throw malformed('result is not a list');
    const series = result.map((item, index) => {
        const field = `result[${index}]`;
        if (!item || typeof item !== 'object')
            throw malformed(`${field} is not an object`);
        const entry = item;
        const labels = (entry.metric && typeof entry.metric === 'object' ? entry.metric : {});
        if (entry.value === undefined &&
            entry.values === undefined &&
            (entry.histogram ?? entry.histograms) !== undefined) {
            throw new src_errors/* ConfigurationError */.j1(`${what}: ${field} is a native histogram, not a number; wrap it in histogram_quantile() or histogram_count()`);
        }
        const samples = resultType === 'vector'
            ? [parseSample(entry.value, `${field}.value`, what)]
            : parseSamples(entry.values, `${field}.values`, what);
        return { labels, samples };
    });
    return { series, noData: series.length === 0, ...(0,http/* singleValue */.u9)(series) };
}
function parseSamples(values, field, what) {
    if (!Array.isArray(values))
        throw new src_errors/* TransientError */.N_(`${what}: unexpected response, ${field} is not a list`);
    return values.map((pair, index) => parseSample(pair, `${field}[${index}]`, what));
}
function parseSample(pair, field, what) {
    if (!Array.isArray(pair) || pair.length !== 2) {
        throw new src_errors/* TransientError */.N_(`${what}: unexpected response, ${field} is not a [time, value] pair`);
    }
    return {
        timestamp: parseMetricNumber(pair[0], `${what} ${field}[0]`),
        value: parseMetricNumber(pair[1], `${what} ${field}[1]`),
    };
}

// EXTERNAL MODULE: ./node_modules/jsonpath-plus/dist/index-node-esm.js
var index_node_esm = __webpack_require__(96229);
;// CONCATENATED MODULE: ./src/metrics/providers/web.ts
/**
 * Generic `web` provider, Argo Rollouts style (decision-and-evidence.md A5; `docs/analysis/web.md`):
 * one HTTP request, a JSONPath selection from the JSON answer, and the selection as `raw` for the
 * success and failure conditions.
 *
 * The URL is the request's `query`. The policy's query template is a URL, so `{{canary}}` and
 * `{{args.NAME}}` work in it exactly as in PromQL, and the caller renders it before calling
 * `query`; the settings hold what does not change between measurements (method, headers, body).
 * Bodies are sent as written: render templates in them before creating the provider.
 *
 * Selection. `jsonPath` is written as in client-go, in braces (`{$.data.ok}`; default `{$}`, the
 * whole document); the braces are stripped and the path evaluated with jsonpath-plus with `eval:
 * false` and `wrap: false`, so filter and script expressions (`[?(…)]`) are refused rather than
 * run. A body that is not JSON is the selection itself (trimmed) when the path is `{$}`. A number,
 * or a string holding one, also becomes `value` (through `parseMetricNumber`, so `"NaN"` and
 * `"+Inf"` work); a list of numbers becomes one series.
 *
 * A path that selects nothing is a TransientError "could not find JSONPath … in body", not a
 * configuration error: the endpoint may answer without the field only while it warms up, and Argo
 * counts this case as an Error measurement, which fails the analysis only after
 * `consecutiveErrorLimit` of them. Glidepath's analysis counts TransientError the same way.
 *
 * Security: every header value is treated as a secret and masked in messages (together with the
 * credentials inside `Bearer`/`Basic` values). The URL is printed in messages and reports, so
 * credentials belong in headers, never in the query string.
 */




/** Default per-request timeout (Argo's `timeoutSeconds` default). */
const DEFAULT_WEB_TIMEOUT_MS = 10_000;
/** Default selection: the whole document. */
const DEFAULT_WEB_JSON_PATH = '{$}';
const METHODS = ['GET', 'POST', 'PUT'];
/** A provider for web metrics with `settings`; `fetch` and `now` are injected for tests. */
function createWebProvider(settings, fetch = globalThis.fetch, now = Date.now) {
    const method = settings.method ?? 'GET';
    if (!METHODS.includes(method)) {
        throw new src_errors/* ConfigurationError */.j1(`web method must be one of ${METHODS.join(', ')}; got ${JSON.stringify(method)}`);
    }
    if (settings.body !== undefined && settings.jsonBody !== undefined) {
        throw new src_errors/* ConfigurationError */.j1('web body and jsonBody are both set; keep one of them');
    }
    if (method === 'GET' && (settings.body !== undefined || settings.jsonBody !== undefined)) {
        throw new src_errors/* ConfigurationError */.j1(`web ${settings.body !== undefined ? 'body' : 'jsonBody'} needs method POST or PUT; a GET request has no body`);
    }
    const jsonPath = settings.jsonPath ?? DEFAULT_WEB_JSON_PATH;
    const path = parseJsonPath(jsonPath);
    const timeoutMs = (0,http/* checkTimeout */.eN)('web', settings.timeoutMs ?? DEFAULT_WEB_TIMEOUT_MS);
    const headers = { ...settings.headers };
    const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (settings.jsonBody !== undefined && !hasContentType)
        headers['Content-Type'] = 'application/json';
    const body = settings.jsonBody !== undefined ? JSON.stringify(settings.jsonBody) : settings.body;
    const mask = (0,http/* createMasker */.aD)((0,http/* headerSecrets */.n3)(settings.headers ?? {}));
    return {
        kind: 'web',
        async query(request) {
            const url = (0,http/* parseHttpUrl */.f$)(request.query, 'web url', {
                example: 'https://metrics.example/api/health?service=checkout',
                credentialsFix: 'send credentials in an Authorization header',
            });
            const what = `web ${method} ${url.toString()}`;
            const reply = await (0,http/* fetchText */.Sy)(fetch, url.toString(), { method, headers, ...(body !== undefined ? { body } : {}) }, { timeoutMs, what, mask, unreachableFix: 'check that the URL is reachable' });
            if (reply.status < 200 || reply.status > 299) {
                throw (0,http/* httpStatusError */.H6)(reply.status, (0,http/* bodyExcerpt */.kG)(reply.text, mask), what, mask, {
                    credentials: 'check the credentials in headers',
                    notFound: 'check the URL',
                    other: 'check the URL, method and body',
                });
            }
            const parsed = (0,http/* parseJson */.qF)(reply.text);
            let selection;
            if (!parsed) {
                if (path !== '$') {
                    throw new src_errors/* TransientError */.N_(mask(`${what}: could not find JSONPath ${jsonPath} in body: the body is not JSON (${(0,http/* bodyExcerpt */.kG)(reply.text, mask)}); ` +
                        'check that the URL answers JSON, or use jsonPath {$} for a text answer'));
                }
                selection = reply.text.trim();
            }
            else {
                selection = web_select(path, jsonPath, parsed.value);
                if (selection === undefined) {
                    throw new src_errors/* TransientError */.N_(mask(`${what}: could not find JSONPath ${jsonPath} in body (${(0,http/* bodyExcerpt */.kG)(reply.text, mask)}); ` +
                        'check jsonPath against the answer'));
                }
            }
            return { query: request.query, mode: 'instant', ...numbers(selection, now() / 1000), raw: selection };
        },
    };
}
/**
 * The jsonpath-plus path in a client-go style `{…}` expression. Braces are optional; a path
 * starting with `.` or `[` (client-go allows `{.data}`) is rooted at `$`.
 */
function parseJsonPath(expression) {
    const inner = /^\s*\{(.*)\}\s*$/s.exec(expression)?.[1] ?? expression;
    let path = inner.trim();
    if (path.startsWith('.') || path.startsWith('['))
        path = `$${path}`;
    if (!path.startsWith('$')) {
        throw new src_errors/* ConfigurationError */.j1(`web jsonPath ${JSON.stringify(expression)} must start at the document root; write e.g. {$.data.ok}`);
    }
    if (/\?\s*\(|\(\s*@/.test(path)) {
        throw new src_errors/* ConfigurationError */.j1(`web jsonPath ${JSON.stringify(expression)} uses a filter or script expression; ` +
            'those would need eval, so select a plain path (e.g. {$.data.items[0].value}) and compare in the condition');
    }
    return path;
}
/** The selection; undefined when the path matches nothing. */
function web_select(path, expression, document) {
    // jsonpath-plus answers `$` on a JSON `null` with "no match"; the whole document is the answer.
    if (path === '$')
        return document;
    try {
        return (0,index_node_esm/* JSONPath */.E)({ path, json: document, eval: false, wrap: false });
    }
    catch (error) {
        throw new src_errors/* ConfigurationError */.j1(`web jsonPath ${JSON.stringify(expression)} cannot be evaluated: ${error instanceof Error ? error.message : String(error)}; write a plain path like {$.data.ok}`);
    }
}
/** The number in `value` (a JSON number or a numeric string), or undefined. */
function asNumber(value) {
    if (typeof value !== 'number' && typeof value !== 'string')
        return undefined;
    try {
        return parseMetricNumber(typeof value === 'string' ? value.trim() : value, 'web');
    }
    catch {
        return undefined;
    }
}
/** The series a selection carries: one sample for a number, one series for a list of numbers. */
function numbers(selection, timestamp) {
    if (selection === null)
        return { series: [], noData: true };
    const single = asNumber(selection);
    if (single !== undefined) {
        const series = [{ labels: {}, samples: [{ timestamp, value: single }] }];
        return { series, noData: false, ...(0,http/* singleValue */.u9)(series) };
    }
    if (Array.isArray(selection)) {
        // An empty list, or one holding only nulls, is no data, never a zero.
        const values = selection.filter((item) => item !== null).map(asNumber);
        if (values.length === 0)
            return { series: [], noData: true };
        if (values.every((value) => value !== undefined)) {
            // A list carries no times: every element is stamped with the time of the measurement.
            const series = [{ labels: {}, samples: values.map((value) => ({ timestamp, value })) }];
            return { series, noData: false, ...(0,http/* singleValue */.u9)(series) };
        }
    }
    return { series: [], noData: false };
}

;// CONCATENATED MODULE: ./src/metrics/providers/index.ts
/**
 * The one factory for metric providers. Adding a back-end is one new file and one case here; the
 * `never` check makes the compiler list every place a new kind must be handled.
 */





/** Every kind the factory knows, for error messages and schema checks. */
const METRIC_PROVIDER_KINDS = [
    'prometheus',
    'datadog',
    'newrelic',
    'web',
];
/** The provider for `settings`; an unknown kind is a ConfigurationError listing the known ones. */
function createMetricProvider(settings, effects = {}) {
    const kind = settings.kind;
    switch (settings.kind) {
        case 'prometheus':
            return createPrometheusProvider(settings, effects.fetch);
        case 'datadog':
            return createDatadogProvider(settings, effects.fetch, effects.now);
        case 'newrelic':
            return createNewRelicProvider(settings, effects.fetch, effects.now);
        case 'web':
            return createWebProvider(settings, effects.fetch, effects.now);
        default: {
            const unreachable = settings;
            void unreachable;
            throw new src_errors/* ConfigurationError */.j1(`unknown metric provider kind ${JSON.stringify(kind)}; use one of ${METRIC_PROVIDER_KINDS.join(', ')}`);
        }
    }
}

// EXTERNAL MODULE: ./src/gitops/backoff.ts
var backoff = __webpack_require__(51484);
;// CONCATENATED MODULE: ./src/metrics/retry.ts
/**
 * Transient-error retry for metric providers, through the same bounded full-jitter backoff the
 * GitOps writer uses. Only TransientError is retried: a bad query fails the same way every time.
 */


/** `provider` with each query retried on TransientError, up to `policy.maxAttempts` attempts in all. */
function withTransientRetries(provider, policy = {}, effects = backoff/* realRetryEffects */.$v) {
    const resolved = (0,backoff/* retryPolicy */.Jb)(policy);
    return {
        kind: provider.kind,
        async query(request) {
            for (let attempt = 1;; attempt++) {
                const started = effects.now();
                try {
                    return await provider.query(request);
                }
                catch (error) {
                    if (!(error instanceof src_errors/* TransientError */.N_) || attempt >= resolved.maxAttempts) {
                        if (error instanceof src_errors/* TransientError */.N_ && resolved.maxAttempts > 1) {
                            throw new src_errors/* TransientError */.N_(`${error.message} (gave up after ${attempt} attempts)`, {
                                cause: error,
                            });
                        }
                        throw error;
                    }
                    await effects.sleep((0,backoff/* backoffDelay */.EY)(attempt, resolved, effects.random, effects.now() - started));
                }
            }
        },
    };
}

// EXTERNAL MODULE: ./src/report/analysis.ts
var analysis = __webpack_require__(83002);
// EXTERNAL MODULE: ./src/cli/commands/verify.ts + 24 modules
var verify = __webpack_require__(32651);
;// CONCATENATED MODULE: ./src/cli/commands/analyze.ts











/** Exit status per verdict (the CLI contract in DESIGN.md "Errors and exit codes"). */
const ANALYSIS_EXIT = {
    pass: src_errors/* ExitCode */.yU.ok,
    fail: src_errors/* ExitCode */.yU.rejected,
    inconclusive: src_errors/* ExitCode */.yU.inconclusive,
    error: src_errors/* ExitCode */.yU.transient,
};
/** Loads the policy, builds the provider, runs the analysis: the library call both faces share. */
async function runAnalyze(settings, io, effects = {}) {
    const policyFile = (0,verify.policyFileIn)(io.cwd, settings.policyFile);
    if (policyFile === undefined) {
        throw new src_errors/* UsageError */.eb(`no policy: pass --policy FILE, or create ${load_policy/* DEFAULT_POLICY_FILE */.mY} with an analysis section`);
    }
    const policy = await (0,load_policy/* loadPolicy */.tb)(policyFile);
    if (!policy.analysis) {
        throw new src_errors/* ConfigurationError */.j1('has no analysis section; add analysis: with a provider and guardrails (see the policy reference in the README)', policyFile);
    }
    // --at replays: a virtual clock that starts there and moves only when the analysis waits.
    let virtual = settings.at?.getTime();
    const now = () => (virtual === undefined ? io.now() : new Date(virtual));
    const sleep = virtual === undefined
        ? (effects.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))))
        : async (ms) => {
            virtual += ms;
        };
    const provider = openMetricProvider(policy.analysis, io.env ?? {}, { now, sleep }, effects);
    const stepStart = settings.since ?? now();
    if (stepStart.getTime() > now().getTime()) {
        throw new src_errors/* UsageError */.eb(`--since ${stepStart.toISOString()} is in the future of the analysis time ${now().toISOString()}`);
    }
    const service = settings.service ?? policy.service;
    return (0,engine/* runAnalysis */.A)({
        policy: policy.analysis,
        target: {
            ...(settings.canary === undefined ? {} : { canary: settings.canary }),
            ...(settings.stable === undefined ? {} : { stable: settings.stable }),
            ...(service === undefined ? {} : { service }),
        },
        stepStart,
        ...(settings.bake ? { bake: settings.bake } : {}),
        ...(settings.historyFile ? { history: await readHistory((0,external_node_path_.resolve)(io.cwd, settings.historyFile)) } : {}),
    }, { provider, now, sleep, ...(effects.progress ? { progress: effects.progress } : {}) });
}
/**
 * The history file: `{ "releases": [ { "version": "v1.3.0", "metrics": { "latency-p99": 0.21 } } ] }`,
 * oldest first — each promoted release's guardrail values (the last value `analyze --json` reported).
 * Returns each guardrail's values in release order; a release without the metric gives NaN, which
 * the comparison skips.
 */
async function readHistory(file) {
    let document;
    try {
        document = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new src_errors/* ConfigurationError */.j1(`cannot read the history file: ${error.message}; write JSON like {"releases": [{"version": "v1", "metrics": {"latency-p99": 0.21}}]}`, file);
    }
    const releases = document?.releases;
    if (!Array.isArray(releases)) {
        throw new src_errors/* ConfigurationError */.j1('releases: expected a list of {version, metrics}, oldest first', file);
    }
    const names = new Set();
    releases.forEach((release, index) => {
        const metrics = release?.metrics;
        if (!metrics || typeof metrics !== 'object' || Array.isArray(metrics)) {
            throw new src_errors/* ConfigurationError */.j1(`releases[${index}].metrics: expected an object of guardrail name → number`, file);
        }
        for (const [name, value] of Object.entries(metrics)) {
            if (typeof value !== 'number') {
                throw new src_errors/* ConfigurationError */.j1(`releases[${index}].metrics.${name}: expected a number, got ${JSON.stringify(value)}`, file);
            }
            names.add(name);
        }
    });
    return Object.fromEntries([...names].map((name) => [
        name,
        releases.map((release) => release.metrics[name] ?? Number.NaN),
    ]));
}
/**
 * The provider `analysis.provider` describes, secrets from `env`, each query retried a few times on
 * transient failures (the analysis's consecutiveErrorLimit is the real budget) on the given clock.
 */
function openMetricProvider(analysis, env, clock, effects = {}) {
    const { settings } = (0,provider_settings/* resolveProvider */.K)(analysis.provider, env);
    const now = () => clock.now().getTime();
    return withTransientRetries(createMetricProvider(settings, { ...effects, now }), { maxAttempts: 3 }, { sleep: (ms) => clock.sleep(ms), now, random: Math.random });
}
/** RFC 3339 or unix seconds, for --since and --at. */
function parseTime(text, flag) {
    const trimmed = text.trim();
    const date = /^\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
    if (Number.isNaN(date.getTime()) || !/^\d+(\.\d+)?$|^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
        throw new src_errors/* UsageError */.eb(`--${flag} "${text}" is not a time; write RFC 3339 (2026-11-22T10:00:00Z) or unix seconds (1795860000)`);
    }
    return date;
}
function settingsFrom(values) {
    const text = (name) => values[name];
    const bake = text('bake');
    return {
        ...(text('policy') ? { policyFile: text('policy') } : {}),
        ...(text('canary') ? { canary: text('canary') } : {}),
        ...(text('stable') ? { stable: text('stable') } : {}),
        ...(text('service') ? { service: text('service') } : {}),
        ...(text('since') ? { since: parseTime(text('since'), 'since') } : {}),
        ...(text('at') ? { at: parseTime(text('at'), 'at') } : {}),
        ...(bake ? { bake: parseBake(bake) } : {}),
        ...(text('history') ? { historyFile: text('history') } : {}),
    };
}
function parseBake(text) {
    try {
        return duration/* Duration */.d.parse(text, '--bake');
    }
    catch (error) {
        throw new src_errors/* UsageError */.eb(error.message);
    }
}
const analyzeCommand = {
    name: 'analyze',
    description: [
        "Runs the analysis section of the policy: each guardrail's query against the metric provider",
        '(Prometheus, Datadog, New Relic or a web JSON endpoint), judged with min/max or conditions and',
        "Argo-compatible limits; canary-vs-stable comparisons (mSPRT on error counts, Kayenta's",
        'Mann-Whitney on time series); minimum canary requests with bake extension; SLO burn rate and',
        'error budget. Without --bake every guardrail is measured once; with --bake they are measured',
        'every interval until the bake ends or a guardrail fails. No data is inconclusive during warm-up',
        'and a failure after the deadline; an analysis never passes without a measurement.',
        'Secrets come from the environment variables the policy names.',
        '',
        'Exit status: 0 pass, 1 fail, 4 inconclusive (hold), 3 provider errors exhausted,',
        '2 bad usage or policy, 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'policy',
            type: 'string',
            placeholder: 'FILE',
            description: `policy file with an analysis section (default: ${load_policy/* DEFAULT_POLICY_FILE */.mY} in the working directory)`,
        },
        { name: 'canary', type: 'string', placeholder: 'REF', description: 'value for {{canary}} in queries' },
        {
            name: 'stable',
            type: 'string',
            placeholder: 'REF',
            description: 'value for {{stable}}; comparisons need it',
        },
        {
            name: 'service',
            type: 'string',
            placeholder: 'NAME',
            description: "value for {{service}} (default: the policy's service)",
        },
        {
            name: 'since',
            type: 'string',
            placeholder: 'TIME',
            description: 'when the step started (RFC 3339 or unix seconds; default now): windows and warm-up start here',
        },
        {
            name: 'bake',
            type: 'string',
            placeholder: 'DURATION',
            description: 'measure repeatedly for this long after --since (e.g. 10m); default: once',
        },
        {
            name: 'at',
            type: 'string',
            placeholder: 'TIME',
            description: 'judge as of this past time instead of now, skipping the waits (post-mortems, tests)',
        },
        {
            name: 'history',
            type: 'string',
            placeholder: 'FILE',
            description: "JSON of the last promoted releases' guardrail values, for history criteria",
        },
        { name: 'json', type: 'boolean', description: 'print the report as JSON instead of a table' },
    ],
    examples: [
        'glidepath analyze --policy glidepath.yaml --canary v2 --stable v1',
        'glidepath analyze --canary v2 --stable v1 --since 2026-11-22T10:00:00Z --bake 15m --json',
    ],
    async run(values, io) {
        const report = await runAnalyze(settingsFrom(values), io, {
            progress: (line) => io.stderr(`${line}\n`),
        });
        io.stdout(values.json ? (0,analysis/* analysisJson */.RC)(report) : (0,analysis/* analysisText */.io)(report));
        return ANALYSIS_EXIT[report.phase];
    },
};


/***/ }),

/***/ 14692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ resolveProvider)
/* harmony export */ });
/* unused harmony export DEFAULT_SECRET_VARIABLES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** Default variable names for keys the policy may leave out. */
const DEFAULT_SECRET_VARIABLES = {
    datadogApiKey: 'DD_API_KEY',
    datadogApplicationKey: 'DD_APP_KEY',
    newRelicApiKey: 'NEW_RELIC_API_KEY',
};
/** The provider settings `policy` describes, with secrets from `env`. */
function resolveProvider(policy, env) {
    const secrets = [];
    const secret = (variable, key) => {
        const value = env[variable];
        if (value === undefined || value === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`analysis.provider.${key} names the environment variable ${variable}, which is not set; ` +
                `set it (in Actions: env: ${variable}: \${{ secrets.${variable} }})`);
        }
        secrets.push(value);
        return value;
    };
    const headers = { ...policy.headers };
    for (const [name, variable] of Object.entries(policy.headersFromEnv)) {
        headers[name] = secret(variable, `headersFromEnv.${name}`);
    }
    const timeoutMs = policy.timeout.milliseconds;
    const settings = (() => {
        switch (policy.kind) {
            case 'prometheus':
                return {
                    kind: 'prometheus',
                    address: policy.address,
                    headers,
                    timeoutMs,
                    ...(policy.tokenEnv
                        ? { auth: { kind: 'bearer', token: secret(policy.tokenEnv, 'tokenEnv') } }
                        : policy.username && policy.passwordEnv
                            ? {
                                auth: {
                                    kind: 'basic',
                                    username: policy.username,
                                    password: secret(policy.passwordEnv, 'passwordEnv'),
                                },
                            }
                            : {}),
                };
            case 'datadog':
                return {
                    kind: 'datadog',
                    site: policy.site,
                    ...(policy.address ? { address: policy.address } : {}),
                    apiKey: secret(policy.apiKeyEnv ?? DEFAULT_SECRET_VARIABLES.datadogApiKey, 'apiKeyEnv'),
                    applicationKey: secret(policy.applicationKeyEnv ?? DEFAULT_SECRET_VARIABLES.datadogApplicationKey, 'applicationKeyEnv'),
                    api: policy.api,
                    timeoutMs,
                };
            case 'newrelic':
                return {
                    kind: 'newrelic',
                    accountId: policy.accountId,
                    apiKey: secret(policy.apiKeyEnv ?? DEFAULT_SECRET_VARIABLES.newRelicApiKey, 'apiKeyEnv'),
                    region: policy.region,
                    ...(policy.address ? { address: policy.address } : {}),
                    ...(policy.valueKey ? { valueKey: policy.valueKey } : {}),
                    timeoutMs,
                };
            case 'web':
                return {
                    kind: 'web',
                    method: policy.method,
                    headers,
                    ...(policy.body === undefined ? {} : { body: policy.body }),
                    jsonPath: policy.jsonPath,
                    timeoutMs,
                };
        }
    })();
    return { settings, secrets };
}


/***/ }),

/***/ 37302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   H6: () => (/* binding */ httpStatusError),
/* harmony export */   RD: () => (/* binding */ displayAddress),
/* harmony export */   Sy: () => (/* binding */ fetchText),
/* harmony export */   V$: () => (/* binding */ describeCause),
/* harmony export */   aD: () => (/* binding */ createMasker),
/* harmony export */   dR: () => (/* binding */ parseBaseAddress),
/* harmony export */   eB: () => (/* binding */ asObject),
/* harmony export */   eN: () => (/* binding */ checkTimeout),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   kG: () => (/* binding */ bodyExcerpt),
/* harmony export */   n3: () => (/* binding */ headerSecrets),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   u9: () => (/* binding */ singleValue)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * HTTP plumbing shared by the metric providers (decision-and-evidence.md A5): base addresses, one
 * request with a timeout, the mapping from HTTP status to the error vocabulary, and secret masking.
 *
 * The status rule every provider follows unless its API says more: 408, 429 and 5xx are
 * TransientError (the same request may work later: the retry wrapper and `consecutiveErrorLimit`
 * deal with them); every other non-2xx is a ConfigurationError naming the provider, the query and
 * the fix, because sending the same request again gets the same answer.
 *
 * Security: error messages end up in Actions logs and pull-request comments, and a proxy's error
 * page may echo request headers back. Providers therefore build every message through a `Masker`
 * holding each secret they send, and the forms a secret takes on the wire or in a message: without
 * its `Bearer`/`Basic` scheme, base64-decoded Basic credentials, JSON-escaped and URL-encoded.
 * Excerpts of a response body are masked before they are cut, so a secret straddling the cut
 * cannot leak half of itself.
 */

/**
 * Secrets shorter than this are not masked: replacing every `a` or `1` in a message would make it
 * unreadable and hides nothing worth hiding.
 */
const MIN_SECRET_LENGTH = 3;
/** A masker for `secrets`; undefined and short entries are ignored. */
function createMasker(secrets) {
    const forms = new Set();
    for (const secret of secrets) {
        if (secret === undefined)
            continue;
        forms.add(secret);
        forms.add(JSON.stringify(secret).slice(1, -1));
        forms.add(encodeURIComponent(secret));
    }
    const sorted = [...forms]
        .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
        // Longest first, so a token inside its `Bearer …` header value is not half-replaced.
        .sort((a, b) => b.length - a.length);
    return (message) => sorted.reduce((text, secret) => text.split(secret).join('***'), message);
}
/**
 * The secrets in request header values: each value, the credentials after a `Bearer` or `Basic`
 * scheme, and for Basic the decoded `user:password` and the password alone. Every header value is
 * treated as secret, because providers cannot know which custom header carries a key.
 */
function headerSecrets(headers) {
    const secrets = [];
    for (const value of Object.values(headers)) {
        secrets.push(value);
        const scheme = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(value);
        if (!scheme?.[2])
            continue;
        secrets.push(scheme[2]);
        if (scheme[1]?.toLowerCase() === 'basic') {
            const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0)
                secrets.push(decoded, decoded.slice(colon + 1));
        }
    }
    return secrets;
}
/**
 * `address` as a base URL ending in `/`, so `new URL('api/v1/query', base)` keeps a path prefix
 * like `/prometheus`. Refuses non-URLs, schemes other than http(s), and embedded credentials
 * (fetch refuses them, and they would be printed in every message).
 */
function parseBaseAddress(address, rules) {
    const url = parseHttpUrl(address, `${rules.provider} address`, rules);
    if (!url.pathname.endsWith('/'))
        url.pathname += '/';
    return url;
}
/**
 * `text` as an absolute http(s) URL without credentials; `field` names it in the message
 * (`web url`, `datadog address`).
 */
function parseHttpUrl(text, field, rules) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field} ${JSON.stringify(text)} is not a URL; write e.g. ${rules.example}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field} must be http or https; got ${url.protocol}`);
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field} must not contain credentials; ${rules.credentialsFix}`);
    }
    return url;
}
/** The base address as printed in messages: origin and path, without the trailing slash. */
function displayAddress(base) {
    return base.origin + base.pathname.replace(/\/$/, '');
}
/** `timeoutMs`, or a ConfigurationError naming the provider when it is not a positive number. */
function checkTimeout(provider, timeoutMs) {
    if (!(timeoutMs > 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${provider} timeoutMs must be positive; got ${timeoutMs}`);
    }
    return timeoutMs;
}
/**
 * Sends one request and reads the whole body, under one timeout that covers both. A network
 * failure or the timeout is a TransientError saying which, with the cause attached.
 */
async function fetchText(fetch, url, init, options) {
    try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
        return { status: response.status, text: await response.text() };
    }
    catch (error) {
        // AbortSignal.timeout rejects with a DOMException, which is not `instanceof Error` in every
        // realm (Jest's VM contexts), so go by its name.
        const name = error && typeof error === 'object' && 'name' in error ? error.name : undefined;
        const reason = name === 'TimeoutError' || name === 'AbortError'
            ? `timed out after ${options.timeoutMs} ms`
            : `failed: ${describeCause(error)}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(options.mask(`${options.what} ${reason}; ${options.unreachableFix}`), {
            cause: error,
        });
    }
}
/** An error's message with the system error code fetch hides in its cause (`ECONNREFUSED`). */
function describeCause(error) {
    // Duck-typed rather than `instanceof Error`: undici's errors come from Node's own realm, which is
    // not the realm of a Jest test (and would print as "TypeError: fetch failed" without the code).
    const { message, cause } = (error && typeof error === 'object' ? error : {});
    if (typeof message !== 'string')
        return String(error);
    const code = cause && typeof cause === 'object' && 'code' in cause ? ` (${String(cause.code)})` : '';
    return `${message}${code}`;
}
/** Whether a status is worth retrying: 408 Request Timeout, 429 Too Many Requests, and 5xx. */
function isTransientStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * The error for a non-2xx reply: TransientError for 408, 429 and 5xx, otherwise a
 * ConfigurationError ending in the fix for the status. `detail` is what the server said.
 */
function httpStatusError(status, detail, what, mask, fixes) {
    const message = mask(`${what} failed with HTTP ${status}: ${detail}`);
    if (isTransientStatus(status))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(message);
    const fix = status === 401 || status === 403 ? fixes.credentials : status === 404 ? fixes.notFound : fixes.other;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${message}; ${fix}`);
}
/** Longest body excerpt quoted in a message. */
const EXCERPT_LENGTH = 200;
/** `body "…"`: the start of a response body for a message, masked before it is cut. */
function bodyExcerpt(text, mask) {
    return `body ${JSON.stringify(mask(text).slice(0, EXCERPT_LENGTH))}`;
}
/** The JSON in `text`, or undefined when it is not JSON (an HTML error page, a truncated body). */
function parseJson(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch {
        return undefined;
    }
}
/** `value` as a plain object, or undefined. */
function asObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
/**
 * The `value` field for a measurement: the one sample when there is exactly one series holding
 * exactly one sample, so a caller never mistakes one series among many for the answer.
 */
function singleValue(series) {
    const only = series.length === 1 && series[0]?.samples.length === 1 ? series[0].samples[0] : undefined;
    return only ? { value: only.value } : {};
}


/***/ }),

/***/ 17155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ renderQuery)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * Query templates: `{{canary}}`, `{{stable}}`, `{{service}}`, `{{window}}`, `{{stepStart}}` and
 * `{{args.NAME}}` for policy args. A key with no value is a configuration error naming the key and
 * the template: an empty string would turn `{track="{{canary}}"}` into a query that silently
 * matches nothing, or everything.
 *
 * Values are substituted verbatim. Quoting is the template author's job: PromQL label values go in
 * double quotes in the template (`{version="{{canary}}"}`), and a value containing `"` or `\` must
 * arrive escaped. Glidepath does not guess the query language, so it does not escape for one.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)?)\s*\}\}/g;
const BUILT_IN = ['canary', 'stable', 'service', 'window', 'stepStart'];
/** The query with every placeholder replaced; throws ConfigurationError for a missing key. */
function renderQuery(template, variables) {
    const unparsed = template.replace(PLACEHOLDER, '').indexOf('{{');
    if (unparsed !== -1) {
        const fragment = template.replace(PLACEHOLDER, '').slice(unparsed, unparsed + 20);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`query template ${JSON.stringify(template)}: malformed placeholder near ${JSON.stringify(fragment)}; ` +
            `write {{NAME}} with NAME one of ${BUILT_IN.join(', ')} or args.NAME`);
    }
    return template.replace(PLACEHOLDER, (_match, key) => {
        const value = lookup(key, variables);
        if (value === undefined || value === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`query template ${JSON.stringify(template)}: no value for {{${key}}}; ` +
                (key.startsWith('args.')
                    ? `add ${key.slice(5)} to the metric's args`
                    : BUILT_IN.includes(key)
                        ? `${key} is not known at this point of the rollout`
                        : `use one of ${BUILT_IN.join(', ')} or args.NAME`));
        }
        return String(value);
    });
}
function lookup(key, variables) {
    if (key.startsWith('args.')) {
        const name = key.slice(5);
        return variables.args && Object.hasOwn(variables.args, name) ? variables.args[name] : undefined;
    }
    if (!BUILT_IN.includes(key))
        return undefined;
    return variables[key];
}


/***/ }),

/***/ 83002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RC: () => (/* binding */ analysisJson),
/* harmony export */   io: () => (/* binding */ analysisText),
/* harmony export */   s0: () => (/* binding */ analysisMarkdown)
/* harmony export */ });
/* harmony import */ var _analysis_condition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10399);

const MARK = {
    pass: '✅ pass',
    fail: '❌ fail',
    inconclusive: '⏸️ inconclusive',
    error: '⚠️ error',
};
/** The `--json` document. Numbers that JSON cannot hold (NaN, ±Inf) are written as Prometheus spells them. */
function analysisJson(report) {
    const document = {
        phase: report.phase,
        reason: report.reason,
        stepStart: report.stepStart.toISOString(),
        deadline: report.deadline.toISOString(),
        finishedAt: report.finishedAt.toISOString(),
        looks: report.looks,
        ...(report.canaryRequests === undefined ? {} : { canaryRequests: report.canaryRequests }),
        metrics: report.metrics.map((metric) => ({
            ...metric,
            values: metric.values.map((value) => (Number.isFinite(value) ? value : (0,_analysis_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(value))),
        })),
        errorRateState: report.errorRateState,
    };
    return JSON.stringify(document, null, 2) + '\n';
}
/** A terminal table: one line per metric, then the verdict. */
function analysisText(report) {
    const header = ['PHASE', 'METRIC', 'VALUES', 'CRITERION'];
    const rows = report.metrics.map((metric) => [
        metric.phase.toUpperCase() + (metric.dryRun ? '*' : ''),
        metric.name,
        valuesText(metric),
        metric.criterion,
    ]);
    const widths = header.map((title, column) => Math.min(column === 3 ? 60 : 28, Math.max(title.length, ...rows.map((row) => row[column].length))));
    const line = (cells) => cells
        .map((cell, column) => clip(cell, widths[column]).padEnd(widths[column]))
        .join('  ')
        .trimEnd();
    const reasons = report.metrics.map((metric) => `  ${metric.name}: ${metric.reason}`);
    const dry = report.metrics.some((metric) => metric.dryRun) ? ['* observed only, never gates', ''] : [];
    return [
        line(header),
        ...rows.map(line),
        '',
        ...reasons,
        '',
        ...dry,
        `${report.phase.toUpperCase()}: ${report.reason}`,
        '',
    ].join('\n');
}
/** Job-summary markdown. */
function analysisMarkdown(report) {
    const rows = report.metrics.map((metric) => `| ${MARK[metric.phase]}${metric.dryRun ? ' (not gating)' : ''} | ${metric.name} | ${cell(valuesText(metric))} | ${cell(metric.criterion)} | ${cell(metric.reason)} |`);
    const queries = report.metrics.flatMap((metric) => metric.queries.map((query) => `- ${metric.name}: \`${query.replaceAll('`', "'")}\``));
    return [
        `### ${MARK[report.phase]}: ${cell(report.reason)}`,
        '',
        '| Phase | Metric | Values | Criterion | Reason |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        ...(queries.length ? ['', '<details><summary>Queries</summary>', '', ...queries, '', '</details>'] : []),
        '',
    ].join('\n');
}
function valuesText(metric) {
    return metric.values.length === 0
        ? '-'
        : metric.values.map((value) => (0,_analysis_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(round(value))).join(', ');
}
function round(value) {
    return Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
}
function clip(text, width) {
    return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
function cell(text) {
    return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}


/***/ })

};

//# sourceMappingURL=690.index.js.map