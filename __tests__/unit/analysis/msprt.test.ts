import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { initialMsprtState, msprtProportions, type MsprtState } from '../../../src/analysis/msprt.js';

// decision-and-evidence.md A3 worked example: baseline 109 errors in 108,900 requests, canary 6 in 1,100.
const baseline = { requests: 108_900, errors: 109 };
const canary = { requests: 1_100, errors: 6 };

describe('msprtProportions (A3 mixture SPRT, one-sided "canary worse")', () => {
  it('reproduces the reference Λ = 4105.9 at τ = 0.004', () => {
    const result = msprtProportions(baseline, canary, { tau: 0.004 });
    expect(result.lambda).toBeCloseTo(4105.886806162412, 6);
    expect(result.pValue).toBeCloseTo(1 / 4105.886806162412, 12);
    expect(result.canaryWorse).toBe(true);
    expect(result.skipped).toBeUndefined();
  });

  it('defaults τ to max(3 × p̂_baseline, 0.001) and α to 0.05', () => {
    const result = msprtProportions(baseline, canary);
    expect(result.tau).toBeCloseTo(3 * (109 / 108_900), 15);
    expect(result.lambda).toBeCloseTo(3555.047737386879, 6);
    expect(msprtProportions({ requests: 100_000, errors: 10 }, { requests: 20_000, errors: 2 }).tau).toBe(
      0.001,
    );
  });

  it('the confidence sequence is the inversion of Λ ≥ 1/α: at its upper end Λ(θ₀) = 1/α', () => {
    const alpha = 0.05;
    const first = msprtProportions(baseline, canary, { tau: 0.004, alpha });
    const [low, high] = first.confidenceSequence;
    expect(low).toBeGreaterThan(0); // the canary is worse, so the sequence excludes 0
    expect(high).toBeGreaterThan(first.difference);
    const atEdge = msprtProportions(baseline, canary, { tau: 0.004, alpha, theta0: high });
    expect(atEdge.lambda).toBeCloseTo(1 / alpha, 8);
  });

  it.each([
    {
      name: 'fewer canary requests than minCanaryRequests (default 500)',
      base: baseline,
      can: { requests: 499, errors: 5 },
      skipped: 'too-few-canary-requests',
    },
    {
      name: 'expected baseline-rate canary errors n_c · p̂_b < 1',
      base: { requests: 100_000, errors: 10 },
      can: { requests: 5_000, errors: 3 },
      skipped: 'too-few-expected-errors',
    },
    {
      name: 'zero errors anywhere (p̂_b = 0)',
      base: { requests: 100_000, errors: 0 },
      can: { requests: 5_000, errors: 0 },
      skipped: 'too-few-expected-errors',
    },
    {
      name: 'zero requests in the canary',
      base: baseline,
      can: { requests: 0, errors: 0 },
      skipped: 'too-few-canary-requests',
    },
    {
      name: 'zero pooled variance (every request failed)',
      base: { requests: 1_000, errors: 1_000 },
      can: { requests: 600, errors: 600 },
      skipped: 'no-variance',
    },
  ] as const)('skips a look with $name: no rejection, state unchanged', ({ base, can, skipped }) => {
    const previous: MsprtState = { pAlwaysValid: 0.3 };
    const result = msprtProportions(base, can, {}, previous);
    expect(result.skipped).toBe(skipped);
    expect(result.canaryWorse).toBe(false);
    expect(result.lambda).toBe(1);
    expect(result.pValue).toBe(0.3);
    expect(result.state).toBe(previous);
    expect(result.confidenceSequence).toEqual([-Infinity, Infinity]);
  });

  it('does not reject a canary that is better, however strong the evidence', () => {
    const result = msprtProportions({ requests: 100_000, errors: 1_000 }, { requests: 10_000, errors: 0 });
    expect(result.lambda).toBeGreaterThan(20);
    expect(result.canaryWorse).toBe(false);
  });

  it('an identical rate gives Λ < 1 and p = 1', () => {
    const result = msprtProportions({ requests: 100_000, errors: 100 }, { requests: 10_000, errors: 10 });
    expect(result.lambda).toBeLessThan(1);
    expect(result.pValue).toBe(1);
    expect(result.canaryWorse).toBe(false);
  });

  it('keeps the running minimum of 1/Λ when a later look is calmer', () => {
    const first = msprtProportions(baseline, canary, { tau: 0.004 });
    const calmer = msprtProportions(
      { requests: 217_800, errors: 218 },
      { requests: 2_200, errors: 3 },
      { tau: 0.004 },
      first.state,
    );
    expect(calmer.lambda).toBeLessThan(first.lambda);
    expect(calmer.pValue).toBe(first.pValue);
    expect(calmer.state).toEqual({ pAlwaysValid: first.pValue });
  });

  it.each([
    { requests: 10, errors: 11 },
    { requests: -1, errors: 0 },
    { requests: 10.5, errors: 1 },
  ])('rejects impossible counts %p', (bad) => {
    expect(() => msprtProportions(baseline, bad)).toThrow(RangeError);
  });

  it('property: the always-valid p-value never increases and stays in (0, 1] over cumulative looks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            baseRequests: fc.integer({ min: 1_000, max: 20_000 }),
            baseErrors: fc.integer({ min: 0, max: 40 }),
            canaryRequests: fc.integer({ min: 50, max: 500 }),
            canaryErrors: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        (batches) => {
          let state = initialMsprtState;
          const cumulative = { b: { requests: 0, errors: 0 }, c: { requests: 0, errors: 0 } };
          for (const batch of batches) {
            cumulative.b = {
              requests: cumulative.b.requests + batch.baseRequests,
              errors: cumulative.b.errors + batch.baseErrors,
            };
            cumulative.c = {
              requests: cumulative.c.requests + batch.canaryRequests,
              errors: cumulative.c.errors + batch.canaryErrors,
            };
            const result = msprtProportions(cumulative.b, cumulative.c, {}, state);
            expect(result.pValue).toBeLessThanOrEqual(state.pAlwaysValid);
            expect(result.pValue).toBeGreaterThan(0);
            expect(result.confidenceSequence[0]).toBeLessThanOrEqual(result.confidenceSequence[1]);
            state = result.state;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
