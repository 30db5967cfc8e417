import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { binomialUpperTail, conditionalBinomialPValue } from '../../../src/analysis/exact-binomial.js';

describe('conditionalBinomialPValue (A4: x_c | k ~ Binomial(k, n_c/(n_c + n_b)), one-sided)', () => {
  // A4: baseline 109/108,900, canary 1,100 requests → p(x_c = 3, 4, 5, 6) = 0.103, 0.027, 0.006, 0.001.
  // Full precision from scipy.stats.binom.sf(x_c − 1, 109 + x_c, 1100/110000).
  const baseline = { requests: 108_900, errors: 109 };
  it.each([
    [3, 0.10273481410589116],
    [4, 0.027285752615765577],
    [5, 0.005971392744805073],
    [6, 0.0011117186942260872],
  ])('canary with %i errors in 1,100 requests: p = %p', (errors, expected) => {
    expect(conditionalBinomialPValue(baseline, { requests: 1_100, errors })).toBeCloseTo(expected, 12);
  });

  it.each([
    { name: 'no canary errors', base: baseline, can: { requests: 1_100, errors: 0 } },
    { name: 'no errors anywhere', base: { requests: 1_000, errors: 0 }, can: { requests: 100, errors: 0 } },
    { name: 'no canary requests', base: baseline, can: { requests: 0, errors: 0 } },
  ])('is 1 with $name', ({ base, can }) => {
    expect(conditionalBinomialPValue(base, can)).toBe(1);
  });

  it('is 1 with no baseline requests: there is nothing to compare against', () => {
    expect(conditionalBinomialPValue({ requests: 0, errors: 0 }, { requests: 10, errors: 3 })).toBe(1);
  });

  it('a tolerated ratio r > 1 makes the test less eager (non-inferiority)', () => {
    const can = { requests: 1_100, errors: 5 };
    expect(conditionalBinomialPValue(baseline, can, 2)).toBeGreaterThan(
      conditionalBinomialPValue(baseline, can),
    );
  });

  it('rejects impossible counts', () => {
    expect(() => conditionalBinomialPValue(baseline, { requests: 5, errors: 6 })).toThrow(RangeError);
    expect(() => conditionalBinomialPValue(baseline, { requests: 5, errors: 1 }, 0)).toThrow(RangeError);
  });

  it('property: more canary errors never raise the p-value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 100, max: 50_000 }),
        fc.integer({ min: 0, max: 60 }),
        (nb, xb, nc, xc) => {
          const base = { requests: nb, errors: xb };
          const p = conditionalBinomialPValue(base, { requests: nc, errors: xc });
          const pMore = conditionalBinomialPValue(base, { requests: nc, errors: xc + 1 });
          expect(pMore).toBeLessThanOrEqual(p + 1e-12);
        },
      ),
    );
  });
});

describe('binomialUpperTail (log-space P(X ≥ x))', () => {
  it.each([
    [3, 10, 0.3, 0.6172172136000003],
    [5000, 10_000, 0.5, 0.5039893230696917],
    [0, 10, 0.3, 1],
    [11, 10, 0.3, 0],
  ])('P(X ≥ %i), n = %i, p = %p is %p (scipy.stats.binom.sf)', (x, n, p, expected) => {
    expect(binomialUpperTail(x, n, p)).toBeCloseTo(expected, 10);
  });

  it('stays finite and positive far in the tail where plain products underflow', () => {
    const tail = binomialUpperTail(900, 1_000, 0.001);
    expect(tail).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(tail)).toBe(true);
    const moderate = binomialUpperTail(20, 2_000, 0.001);
    expect(moderate).toBeGreaterThan(0);
    expect(moderate).toBeLessThan(1e-8);
  });

  it('property: agrees with the direct sum for small n', () => {
    const choose = (n: number, k: number) => {
      let c = 1;
      for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
      return c;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (n, x, p) => {
          let direct = 0;
          for (let i = x; i <= n; i++) direct += choose(n, i) * p ** i * (1 - p) ** (n - i);
          expect(binomialUpperTail(x, n, p)).toBeCloseTo(Math.min(1, direct), 10);
        },
      ),
    );
  });
});
