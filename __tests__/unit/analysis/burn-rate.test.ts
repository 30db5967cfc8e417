import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  burnRate,
  burnRateThreshold,
  errorBudgetRemaining,
  multiWindowBurnFires,
  workbookBurnWindows,
} from '../../../src/analysis/burn-rate.js';

describe('burnRate = error_ratio / (1 − SLO) (A1)', () => {
  // SRE Workbook Table 5-4, 99.9% SLO: burn rate → error rate.
  it.each([
    [0.001, 1],
    [0.002, 2],
    [0.01, 10],
    [1, 1000],
  ])('error ratio %p at 99.9%% is burn rate %p', (ratio, expected) => {
    expect(burnRate(ratio, 0.999)).toBeCloseTo(expected, 9);
  });

  it('zero errors burn nothing', () => {
    expect(burnRate(0, 0.999)).toBe(0);
  });

  it.each([1, 0, 99.9, -0.5])('rejects objective %p (must be a fraction in (0, 1))', (objective) => {
    expect(() => burnRate(0.001, objective)).toThrow(/fraction in \(0, 1\)/);
  });

  it.each([NaN, -0.1, 1.5])('rejects error ratio %p', (ratio) => {
    expect(() => burnRate(ratio, 0.999)).toThrow(RangeError);
  });

  it('property: monotone in the error ratio', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(burnRate(lo, 0.995)).toBeLessThanOrEqual(burnRate(hi, 0.995));
        },
      ),
    );
  });
});

describe('multi-window table (Workbook Table 5-8, Sloth google-30d)', () => {
  it.each([
    ['page', 1, 5 / 60, 0.02, 14.4],
    ['page', 6, 0.5, 0.05, 6],
    ['ticket', 24, 2, 0.1, 3],
    ['ticket', 72, 6, 0.1, 1],
  ])(
    '%s: long %ph, short %ph, %p of budget → burn rate %p',
    (severity, longHours, shortHours, budget, rate) => {
      const row = workbookBurnWindows.find((w) => w.longHours === longHours)!;
      expect(row).toMatchObject({ severity, shortHours, budgetFraction: budget });
      expect(row.burnRate).toBeCloseTo(rate, 12);
      expect(row.shortHours).toBeCloseTo(row.longHours / 12, 12); // "short window 1/12 of the long window"
    },
  );

  it('threshold B × period / W: 0.02 × 720 / 1 = 14.4 and 0.10 × 720 / 72 = 1', () => {
    expect(burnRateThreshold(0.02, 1)).toBeCloseTo(14.4, 12);
    expect(burnRateThreshold(0.1, 72)).toBeCloseTo(1, 12);
    expect(burnRateThreshold(0.02, 1, 672)).toBeCloseTo(13.44, 12); // a 28-day period
  });

  it.each([
    { long: 20, short: 20, fires: true, why: 'both windows above' },
    { long: 20, short: 10, fires: false, why: 'the short window has recovered' },
    { long: 10, short: 20, fires: false, why: 'only a short spike' },
    {
      long: burnRate(0.0144, 0.999),
      short: 15,
      fires: false,
      why: 'exactly at the threshold (1 − 0.999 ≠ 0.001 in doubles)',
    },
  ])('page at 14.4: long $long, short $short → $fires ($why)', ({ long, short, fires }) => {
    expect(multiWindowBurnFires(long, short, 14.4)).toBe(fires);
  });
});

describe('errorBudgetRemaining = 1 − period error ratio / (1 − SLO)', () => {
  it.each([
    [0, 1],
    [0.0005, 0.5],
    [0.001, 0],
    [0.002, -1],
  ])('period error ratio %p at 99.9%% leaves %p of the budget', (ratio, remaining) => {
    expect(errorBudgetRemaining(ratio, 0.999)).toBeCloseTo(remaining, 9);
  });
});
