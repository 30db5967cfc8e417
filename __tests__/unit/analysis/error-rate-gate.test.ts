import { describe, expect, it } from '@jest/globals';
import {
  canaryRequestsNeeded,
  judgeErrorRate,
  ratioMixture,
  type ErrorRateGateOptions,
  type ErrorRateLook,
  type ErrorRateState,
  type StepCounts,
} from '../../../src/analysis/error-rate-gate.js';
import { initialMsprtState } from '../../../src/analysis/msprt.js';

// decision-and-evidence.md A3/A4 worked example: baseline 109 errors in 108,900 requests (p̂_b ≈ 0.1%),
// canary 1,100 requests, so n_c · p̂_b = 1.10 (sufficient) and π = 1,100 / 110,000 = 0.01.
const baseline = { requests: 108_900, errors: 109 };
const look = (over: Partial<ErrorRateLook>): ErrorRateLook => ({
  baseline,
  canary: { requests: 1_100, errors: 1 },
  state: initialMsprtState,
  finalLook: false,
  ...over,
});
const prior = { minRatio: 3, spread: Math.LN2 };

/**
 * Independent reference for ln Λ: the midpoint rule on 100,000 points of v = ln r − ln minRatio over
 * [0, 40 × spread], straight from the definition Λ = ∫ Π_k r^{x_k} / (1 + π_k (r − 1))^{m_k} dG(r) —
 * no mode search, no Simpson, no window.
 */
function referenceLogLambda(steps: readonly StepCounts[], minRatio = 3, spread = Math.LN2): number {
  const strata = steps.map(({ baseline: b, canary: c }) => ({
    x: c.errors,
    m: c.errors + b.errors,
    pi: c.requests / (c.requests + b.requests),
  }));
  const points = 100_000;
  const h = (40 * spread) / points;
  const logs: number[] = [];
  for (let i = 0; i < points; i++) {
    const v = (i + 0.5) * h;
    const r = minRatio * Math.exp(v);
    let l = Math.log(2 / (spread * Math.sqrt(2 * Math.PI))) - (v * v) / (2 * spread * spread);
    for (const { x, m, pi } of strata) l += x * Math.log(r) - m * Math.log(1 + pi * (r - 1));
    logs.push(l);
  }
  const top = logs.reduce((a, b) => Math.max(a, b), -Infinity);
  return top + Math.log(logs.reduce((sum, l) => sum + Math.exp(l - top), 0) * h);
}

/** ln of the Binomial(m, π) probability of x. */
function logBinomial(x: number, m: number, pi: number): number {
  let logChoose = 0;
  for (let i = 0; i < x; i++) logChoose += Math.log(m - i) - Math.log(i + 1);
  return logChoose + x * Math.log(pi) + (m - x) * Math.log1p(-pi);
}

const step = (canary: [number, number], base: [number, number]): StepCounts => ({
  canary: { requests: canary[1], errors: canary[0] },
  baseline: { requests: base[1], errors: base[0] },
});

describe('ratioMixture (exact mixture SPRT on how the errors split between the arms)', () => {
  // Under "same rate" each of m errors is the canary's with probability π, and for every r
  // Σ_x C(m,x) π^x (1−π)^{m−x} · r^x / (1 + π(r−1))^m = ((1−π) + πr)^m / (1 + π(r−1))^m = 1,
  // so E[Λ] = ∫ 1 dG = 1: the martingale property Ville's bound rests on, and a check of the integral.
  it.each([
    { m: 6, canaryRequests: 500, baselineRequests: 500 },
    { m: 20, canaryRequests: 100, baselineRequests: 900 },
    { m: 115, canaryRequests: 1_100, baselineRequests: 108_900 },
  ])(
    'E[Λ] = 1 when the rates are equal: $m errors, canary share $canaryRequests/($canaryRequests+$baselineRequests)',
    ({ m, canaryRequests, baselineRequests }) => {
      const pi = canaryRequests / (canaryRequests + baselineRequests);
      let expectation = 0;
      for (let x = 0; x <= m; x++) {
        const { logLambda } = ratioMixture([step([x, canaryRequests], [m - x, baselineRequests])], prior);
        expectation += Math.exp(logBinomial(x, m, pi) + logLambda);
      }
      expect(expectation).toBeCloseTo(1, 6);
    },
  );

  it('with a vanishing spread Λ is the likelihood ratio at minRatio: 3⁶ / 1.02¹¹⁵ = 74.76 for 6/1,100', () => {
    // π = 0.01, m = 6 + 109 = 115: ln L(3) = 6 ln 3 − 115 ln 1.02 = 6.5916737 − 2.2773021 = 4.3143716.
    const result = ratioMixture([step([6, 1_100], [109, 108_900])], { minRatio: 3, spread: 1e-7 });
    expect(result.logLambda).toBeCloseTo(4.3143716, 5);
  });

  it.each([
    { name: 'A3 example, 6/1,100 against 109/108,900', steps: [step([6, 1_100], [109, 108_900])] },
    { name: 'a calm canary, 1/1,100 against 109/108,900', steps: [step([1, 1_100], [109, 108_900])] },
    { name: 'a baseline without errors, 3/1,000 against 0/100,000', steps: [step([3, 1_000], [0, 100_000])] },
    {
      name: 'two steps, 7/1,000 against 100/100,000 then 12/3,000 against 60/57,000',
      steps: [step([7, 1_000], [100, 100_000]), step([12, 3_000], [60, 57_000])],
    },
    { name: 'minute one of a 1% step, 4/120 against 12/12,000', steps: [step([4, 120], [12, 12_000])] },
  ])('matches the midpoint-rule reference: $name', ({ steps }) => {
    expect(ratioMixture(steps, prior).logLambda).toBeCloseTo(referenceLogLambda(steps), 5);
  });

  it.each([
    // One step: the conditional MLE is the ratio of the error ratios, (6/1,100) / (109/108,900).
    { steps: [step([6, 1_100], [109, 108_900])], estimate: 6 / 1_100 / (109 / 108_900) },
    { steps: [step([0, 1_100], [109, 108_900])], estimate: 0 },
    { steps: [step([3, 1_000], [0, 100_000])], estimate: Infinity },
    { steps: [step([0, 1_000], [0, 100_000])], estimate: NaN },
    // Two steps with the same rate in both arms of each: the estimate is exactly 1.
    { steps: [step([1, 1_000], [99, 99_000]), step([100, 10_000], [100, 10_000])], estimate: 1 },
  ])('rate-ratio estimate $estimate', ({ steps, estimate }) => {
    const result = ratioMixture(steps, prior);
    if (Number.isFinite(estimate)) expect(result.ratioEstimate).toBeCloseTo(estimate, 9);
    else expect(result.ratioEstimate).toBe(estimate);
  });

  it('without errors, or where one arm took no requests, there is no evidence: Λ = 1', () => {
    expect(ratioMixture([step([0, 1_000], [0, 100_000])], prior)).toMatchObject({ lambda: 1, logLambda: 0 });
    const one = [step([6, 1_100], [109, 108_900])];
    const withEmpty = [...one, step([0, 0], [50, 50_000]), step([4, 4_000], [0, 0])];
    expect(ratioMixture(withEmpty, prior).logLambda).toBe(ratioMixture(one, prior).logLambda);
    expect(ratioMixture(withEmpty, prior)).toMatchObject({ canaryErrors: 10, errors: 169, steps: 3 });
  });

  it.each([
    { minRatio: 0, spread: 1 },
    { minRatio: Infinity, spread: 1 },
    { minRatio: 3, spread: 0 },
  ])('rejects the prior $minRatio, $spread', (bad) => {
    expect(() => ratioMixture([step([1, 10], [1, 10])], bad)).toThrow(RangeError);
  });
});

describe('judgeErrorRate (gates A, B, C; "Decision layer — ship" items 2–4)', () => {
  // ln Λ = 4.8190 for 6/1,100 against 109/108,900 (midpoint reference above): Λ = 123.8, p = 1/Λ = 0.0081.
  const a3 = { canary: { requests: 1_100, errors: 6 } };

  it('A3 example fails by the exact mSPRT: Λ = 124 ≥ 1/0.02', () => {
    const result = judgeErrorRate(look(a3));
    expect(result).toMatchObject({ phase: 'fail', decided: true, rule: 'msprt' });
    expect(result.criterion).toBe('mSPRT p = 0.0081 ≤ 0.02');
    expect(result.reason).toBe(
      'canary error rate is higher: canary 6/1,100, baseline 109/108,900; rate ratio 5.4× over the step (Λ = 124 ≥ 1/α = 50)',
    );
    const reference = referenceLogLambda([{ baseline, ...a3 }]);
    expect(result.statistics.mixture.logLambda).toBeCloseTo(reference, 5);
    expect(result.state.pAlwaysValid).toBeCloseTo(Math.exp(-reference), 9);
  });

  it.each([
    { alpha: 0.05, judgedSteps: 1, phase: 'fail', stepAlpha: 0.05 },
    { alpha: 0.02, judgedSteps: 1, phase: 'fail', stepAlpha: 0.02 },
    // 1/0.005 = 200 > Λ = 124: not yet.
    { alpha: 0.005, judgedSteps: 1, phase: 'inconclusive', stepAlpha: 0.005 },
    // A caller that cannot carry the state splits alpha: 0.05 / 4 = 0.0125 (1/α = 80 ≤ 124),
    // 0.02 / 4 = 0.005.
    { alpha: 0.05, judgedSteps: 4, phase: 'fail', stepAlpha: 0.0125 },
    { alpha: 0.02, judgedSteps: 4, phase: 'inconclusive', stepAlpha: 0.005 },
  ] as const)(
    'A3 example at alpha $alpha over $judgedSteps judged step(s) → $phase',
    ({ alpha, judgedSteps, phase, stepAlpha }) => {
      const result = judgeErrorRate(look(a3), { alpha, judgedSteps });
      expect(result.phase).toBe(phase);
      expect(result.statistics.stepAlpha).toBe(stepAlpha);
    },
  );

  it('needs no warm-up: 4 of the first 120 canary requests against 12/12,000 fail in minute one', () => {
    // Under equal rates the 16 errors each land in the 1% canary with probability 0.01:
    // P(≥ 4 of 16) = C(16,4) · 0.01⁴ · 0.99¹² ≈ 1.6e-5. The exact test may look from the first request.
    const counts = { baseline: { requests: 12_000, errors: 12 }, canary: { requests: 120, errors: 4 } };
    const result = judgeErrorRate(look(counts));
    expect(result).toMatchObject({ phase: 'fail', rule: 'msprt', criterion: 'mSPRT p = 0.0012 ≤ 0.02' });
    expect(result.statistics.mixture.logLambda).toBeCloseTo(referenceLogLambda([counts]), 5);
  });

  it.each<{
    name: string;
    look: Partial<ErrorRateLook>;
    options?: ErrorRateGateOptions;
    expected: { phase: string; decided: boolean; rule: string; criterion: string };
    reason: string;
  }>([
    {
      // Λ = 21.8 < 50: three errors where 0.4 were expected is not yet enough.
      name: 'fewer than 500 canary requests, no significant regression → keep watching',
      look: { canary: { requests: 400, errors: 3 } },
      expected: {
        phase: 'inconclusive',
        decided: false,
        rule: 'watching',
        criterion: 'mSPRT p = 0.046 > 0.02',
      },
      reason:
        'keep watching: no significant regression yet (canary 3/400, baseline 109/108,900; rate ratio 7.5× over the step); 400 canary requests of the 500 needed',
    },
    {
      // n_c · p̂_b = 600 × 100/100,000 = 0.6.
      name: 'fewer than one expected canary error at the baseline rate → keep watching',
      look: { baseline: { requests: 100_000, errors: 100 }, canary: { requests: 600, errors: 2 } },
      expected: {
        phase: 'inconclusive',
        decided: false,
        rule: 'watching',
        criterion: 'mSPRT p = 0.5 > 0.02',
      },
      reason:
        "keep watching: no significant regression yet (canary 2/600, baseline 100/100,000; rate ratio 3.3× over the step); the canary would expect 0.60 errors at the baseline's rate, fewer than 1",
    },
    {
      name: 'guard with enough data: 6/500 = 1.2% is above max 1%',
      look: { canary: { requests: 500, errors: 6 } },
      options: { maxErrorRatio: 0.01 },
      expected: { phase: 'fail', decided: true, rule: 'guard', criterion: 'error ratio ≤ 1%' },
      reason: 'canary error ratio 1.2% (6/500) is above the guard max 1%',
    },
    {
      // The baseline is at 1% too, so the comparison finds nothing (rate ratio 1).
      name: 'guard at exactly the max (5/500 = 1%) holds: the bound is inclusive',
      look: { baseline: { requests: 100_000, errors: 1_000 }, canary: { requests: 500, errors: 5 } },
      options: { maxErrorRatio: 0.01 },
      expected: { phase: 'inconclusive', decided: false, rule: 'watching', criterion: 'mSPRT p = 1 > 0.02' },
      reason:
        'keep watching: no significant regression yet (canary 5/500, baseline 1,000/100,000; rate ratio 1× over the step)',
    },
    {
      // P(X ≥ 1 | Binomial(50, 0.01)) = 1 − 0.99^50 = 0.395: one error in 50 is not evidence.
      name: 'guard before minCanaryRequests: 1/50 = 2% is not yet evidence of > 1%',
      look: { canary: { requests: 50, errors: 1 } },
      options: { maxErrorRatio: 0.01 },
      expected: {
        phase: 'inconclusive',
        decided: false,
        rule: 'watching',
        criterion: 'mSPRT p = 0.23 > 0.02',
      },
      reason:
        'keep watching: no significant regression yet (canary 1/50, baseline 109/108,900; rate ratio 20× over the step); 50 canary requests of the 500 needed',
    },
    {
      // P(X ≥ 30 | Binomial(60, 0.01)) ≈ C(60,30)·0.01^30·0.99^30 = 1.18e17 · 1e-60 · 0.74 = 8.7e-44,
      // plus the next terms (each ≈ 1% of the one before): 8.8e-44.
      name: 'guard catastrophe in minute one: 30/60 fails before minCanaryRequests',
      look: { canary: { requests: 60, errors: 30 } },
      options: { maxErrorRatio: 0.01 },
      expected: { phase: 'fail', decided: true, rule: 'guard', criterion: 'error ratio ≤ 1%' },
      reason:
        'canary error ratio 50% (30/60) is above the guard max 1% already (one-sided binomial p = 8.8e-44 < 0.02)',
    },
    {
      // Fixed-horizon exact p = π₀² = (1,000/101,000)² = 9.8e-5 is reported, not gated on: the
      // sequential test (Λ = 36 < 50) spends the alpha. Never sufficient (no baseline error): hold.
      name: 'final look, never sufficient, no significant regression: hold, exact p reported',
      look: {
        baseline: { requests: 100_000, errors: 0 },
        canary: { requests: 1_000, errors: 2 },
        finalLook: true,
      },
      expected: {
        phase: 'inconclusive',
        decided: true,
        rule: 'insufficient',
        criterion: 'mSPRT p = 0.027 > 0.02',
      },
      reason:
        "not enough data to pass the step: the canary would expect 0.00 errors at the baseline's rate, fewer than 1, and no significant regression (canary 2/1,000, baseline 0/100,000; rate ratio ∞× over the step; exact p = 9.8e-5)",
    },
    {
      name: 'final look, never sufficient, no canary error: inconclusive (hold), not a pass',
      look: { canary: { requests: 300, errors: 0 }, finalLook: true },
      expected: {
        phase: 'inconclusive',
        decided: true,
        rule: 'insufficient',
        criterion: 'mSPRT p = 1 > 0.02',
      },
      reason:
        'not enough data to pass the step: 300 canary requests of the 500 needed, and no significant regression (canary 0/300, baseline 109/108,900; rate ratio 0× over the step; exact p = 1)',
    },
    {
      // Sufficient (n_c · p̂_b = 1.1); exact p = 1 − 0.99^110 = 0.669;
      // rate ratio (1/1,100) / (109/108,900) = 0.91.
      name: 'final look, sufficient, canary not worse: pass',
      look: { canary: { requests: 1_100, errors: 1 }, finalLook: true },
      expected: { phase: 'pass', decided: true, rule: 'no-regression', criterion: 'mSPRT p = 1 > 0.02' },
      reason:
        'no significant error-rate regression: canary 1/1,100, baseline 109/108,900; rate ratio 0.91× over the step (exact p = 0.67)',
    },
    {
      name: 'sufficient but not the final look, not worse: keep watching',
      look: { canary: { requests: 1_100, errors: 1 } },
      expected: { phase: 'inconclusive', decided: false, rule: 'watching', criterion: 'mSPRT p = 1 > 0.02' },
      reason:
        'keep watching: no significant regression yet (canary 1/1,100, baseline 109/108,900; rate ratio 0.91× over the step)',
    },
  ])('$name', ({ look: over, options, expected, reason }) => {
    const result = judgeErrorRate(look(over), options);
    expect(result).toMatchObject(expected);
    expect(result.reason).toEqual(reason);
  });

  it('a much better canary passes: the one-sided prior gives "better" no evidence', () => {
    const result = judgeErrorRate({
      baseline: { requests: 100_000, errors: 1_000 },
      canary: { requests: 10_000, errors: 0 },
      state: initialMsprtState,
      finalLook: true,
    });
    expect(result).toMatchObject({ phase: 'pass', criterion: 'mSPRT p = 1 > 0.02' });
    expect(result.statistics.mixture.lambda).toBeLessThan(1e-70);
  });

  it('computes the exact-test p-value at the final look only', () => {
    expect(judgeErrorRate(look({})).statistics.exactPValue).toBeUndefined();
    expect(judgeErrorRate(look({ finalLook: true })).statistics.exactPValue).toBeCloseTo(0.669, 3);
  });

  it('carries one test over the rollout: completed steps and the running minimum of 1/Λ', () => {
    const first = [
      { baseline: { requests: 50_000, errors: 50 }, canary: { requests: 1_000, errors: 2 } },
      { baseline: { requests: 100_000, errors: 100 }, canary: { requests: 2_000, errors: 4 } },
    ];
    let state: ErrorRateState = initialMsprtState;
    const pValues: number[] = [];
    for (const [i, counts] of first.entries()) {
      const result = judgeErrorRate({ ...counts, state, finalLook: i === first.length - 1 });
      expect(result.statistics.mixture.logLambda).toBeCloseTo(referenceLogLambda([counts]), 5);
      state = result.state;
      pValues.push(state.pAlwaysValid);
    }
    // A look within the step leaves no completed step; the final look hands its counts to the next step.
    expect(state.completedSteps).toEqual([first[1]]);
    const second = { baseline: { requests: 50_000, errors: 48 }, canary: { requests: 10_000, errors: 10 } };
    const next = judgeErrorRate({ ...second, state, finalLook: false });
    expect(next.statistics.mixture).toMatchObject({ steps: 2, canaryErrors: 14, errors: 162 });
    expect(next.statistics.mixture.logLambda).toBeCloseTo(referenceLogLambda([first[1]!, second]), 5);
    expect(next.state.completedSteps).toEqual([first[1]]);
    expect(next.state.pAlwaysValid).toBe(
      Math.min(...pValues, Math.exp(-Math.max(0, next.statistics.mixture.logLambda))),
    );
  });

  it('stratifies by step: a rate that rises in the 50% step does not make an identical canary look worse', () => {
    // Step 1 at 1%: 1/1,000 against 99/99,000 (0.1% both). Step 2 at 50%: 100/10,000 both (1%).
    const step1 = { baseline: { requests: 99_000, errors: 99 }, canary: { requests: 1_000, errors: 1 } };
    const step2 = { baseline: { requests: 10_000, errors: 100 }, canary: { requests: 10_000, errors: 100 } };
    const carried = judgeErrorRate({
      ...step2,
      state: { pAlwaysValid: 1, completedSteps: [step1] },
      finalLook: true,
    });
    expect(carried).toMatchObject({ phase: 'pass', rule: 'no-regression' });
    expect(carried.statistics.mixture.ratioEstimate).toBeCloseTo(1, 9);
    // The same requests pooled into one count: canary 101/11,000 = 0.92%, baseline 199/109,000 = 0.18%.
    const pooled = judgeErrorRate({
      baseline: { requests: 109_000, errors: 199 },
      canary: { requests: 11_000, errors: 101 },
      state: initialMsprtState,
      finalLook: true,
    });
    expect(pooled.phase).toBe('fail');
  });

  it.each([
    // tau = 0.002 at p̂_b = 109/108,900: minRatio = 1 + 0.002 × 108,900/109 = 2.99817.
    { options: { tau: 0.002 }, base: baseline, minRatio: 1 + (0.002 * 108_900) / 109 },
    { options: { tau: 0.002, minRatio: 5 }, base: baseline, minRatio: 5 },
    { options: {}, base: baseline, minRatio: 3 },
    // No baseline error yet: tau has no ratio, the default minRatio applies.
    { options: { tau: 0.002 }, base: { requests: 100_000, errors: 0 }, minRatio: 3 },
  ])('prior from $options → minRatio $minRatio', ({ options, base, minRatio }) => {
    const result = judgeErrorRate(look({ baseline: base }), options);
    expect(result.statistics.mixture.minRatio).toBeCloseTo(minRatio, 12);
  });

  it.each([
    { name: 'alpha outside (0, 1)', options: { alpha: 1 } },
    { name: 'judgedSteps 0', options: { judgedSteps: 0 } },
    { name: 'fractional judgedSteps', options: { judgedSteps: 2.5 } },
    { name: 'maxErrorRatio 0', options: { maxErrorRatio: 0 } },
    { name: 'maxErrorRatio above 1', options: { maxErrorRatio: 1.5 } },
    { name: 'minRatio 1', options: { minRatio: 1 } },
    { name: 'minRatio Infinity', options: { minRatio: Infinity } },
    { name: 'tau 0', options: { tau: 0 } },
  ])('rejects $name', ({ options }) => {
    expect(() => judgeErrorRate(look({}), options)).toThrow(RangeError);
  });

  it('rejects impossible counts, this step or a completed one', () => {
    expect(() => judgeErrorRate(look({ canary: { requests: 10, errors: 11 } }))).toThrow(RangeError);
    const broken = { pAlwaysValid: 1, completedSteps: [step([2, 1], [0, 10])] };
    expect(() => judgeErrorRate(look({ state: broken }))).toThrow(/completed step 1 canary counts/);
  });
});

describe('canaryRequestsNeeded (gate A: minCanaryRequests and n_c · p̂_b ≥ 1)', () => {
  it.each([
    // 108,900 / 109 = 999.1 → 1,000 canary requests for one expected error.
    { base: baseline, min: 500, expected: 1_000 },
    // 100,000 / 1,000 = 100 < 500: minCanaryRequests governs.
    { base: { requests: 100_000, errors: 1_000 }, min: 500, expected: 500 },
    { base: { requests: 100_000, errors: 1_000 }, min: 50, expected: 100 },
    // No baseline error yet: no finite count is enough.
    { base: { requests: 100_000, errors: 0 }, min: 500, expected: Infinity },
    { base: { requests: 0, errors: 0 }, min: 500, expected: Infinity },
  ])('$base.errors/$base.requests with minimum $min → $expected', ({ base, min, expected }) => {
    expect(canaryRequestsNeeded(base, min)).toBe(expected);
  });
});
