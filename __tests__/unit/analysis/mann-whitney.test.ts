import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  brentRoot,
  inverseNormalCdf,
  judgeMetric,
  mannWhitneyTest,
  meanRatioOf,
  normalCdf,
} from '../../../src/analysis/mann-whitney.js';

// Reference values from an independent implementation of R's wilcox.test(x, y, conf.int = TRUE,
// conf.level = 0.98, exact = FALSE, correct = TRUE) in Python (scipy.stats.rankdata + scipy.optimize.brentq;
// p-value from scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True)), the method
// decision-and-evidence.md A2 says Kayenta ports.
const rReference = [
  {
    name: 'hand',
    x: [1.0, 2.0, 3.0, 4.0, 5.0],
    y: [6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0],
    pValue: 0.005766120914237261,
    lower: -9.999999999999938,
    upper: -2.0000000000000147,
    estimate: -6.0,
  },
  {
    name: 'ties',
    x: [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 9.0],
    y: [2.0, 3.0, 3.0, 4.0, 4.0, 5.0, 5.0, 6.0, 7.0],
    pValue: 0.12883314743015434,
    lower: -3.0000000000000027,
    upper: 1.000000000000005,
    estimate: -1.000000000000031,
  },
  {
    name: 'shifted',
    x: [
      110.012, 112.987, 107.259, 101.094, 105.453, 100.084, 110.601, 123.402, 105.078, 103.795, 114.898,
      113.569, 111.054, 100.695, 109.707, 116.953, 96.558, 105.424, 90.988, 97.105, 91.583, 107.649, 97.326,
      112.713, 111.568, 108.131, 84.832, 104.613, 109.515, 111.133, 94.699,
    ],
    y: [
      95.222, 90.215, 91.912, 110.609, 91.925, 99.675, 108.844, 94.164, 98.883, 101.105, 100.638, 87.749,
      100.761, 113.588, 84.529, 108.594, 101.194, 93.585, 120.004, 107.623, 88.007, 100.745, 105.767, 98.112,
      106.829, 99.335, 106.672, 114.385, 93.243,
    ],
    pValue: 0.0285742009525727,
    lower: -0.34299999999995034,
    upper: 11.129,
    estimate: 5.371594561884675,
  },
  {
    name: 'overlap',
    x: [
      102.03, 95.37, 101.27, 88.13, 94.21, 98.04, 108.99, 111.45, 86.76, 92.05, 106.47, 80.08, 95.37, 99.03,
      112.57, 106.89, 96.73, 96.31, 97.5, 115.24, 95.72, 96.96, 103.53, 98.79, 98.03,
    ],
    y: [
      88.86, 99.88, 95.56, 111.66, 106.53, 99.76, 106.68, 96.6, 110.52, 99.95, 105.83, 87.09, 103.47, 83.12,
      79.65, 96.96, 91.0, 101.64, 122.45, 91.68, 93.76, 102.05, 104.93, 98.24, 97.94, 107.02, 105.2,
    ],
    pValue: 0.7209774842489245,
    lower: -6.679999999999955,
    upper: 5.309999999999957,
    estimate: -0.806712696709527,
  },
];

describe('mannWhitneyTest (A2: normal approximation, Brent-root confidence interval)', () => {
  it.each(rReference)('$name matches the R-method reference', ({ x, y, pValue, lower, upper, estimate }) => {
    const result = mannWhitneyTest(x, y, 0.98);
    expect(result.pValue).toBeCloseTo(pValue, 10);
    expect(result.lowerConfidence).toBeCloseTo(lower, 6);
    expect(result.upperConfidence).toBeCloseTo(upper, 6);
    expect(result.estimate).toBeCloseTo(estimate, 6);
  });

  it('hand case: 1..5 against 6..12 has U = 0, z = (−17.5 + 0.5)/sqrt(35/12 · 13)', () => {
    const z = (-17.5 + 0.5) / Math.sqrt((35 / 12) * 13);
    expect(mannWhitneyTest([1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11, 12]).pValue).toBeCloseTo(
      2 * normalCdf(z),
      14,
    );
  });

  it('clamps the interval to [min x − max y, max x − min y] when f does not change sign', () => {
    // Two points each: the 98% interval cannot be narrower than the search range.
    const result = mannWhitneyTest([10, 11], [1, 2]);
    expect(result.lowerConfidence).toBe(8);
    expect(result.upperConfidence).toBe(10);
  });

  it('throws when every observation is tied, as R and Kayenta do', () => {
    expect(() => mannWhitneyTest([3, 3], [3, 3, 3])).toThrow(/all observations are tied/);
  });

  it('rejects non-finite points instead of searching an infinite interval', () => {
    expect(() => mannWhitneyTest([1, Infinity], [1, 2])).toThrow(/finite/);
  });

  it('handles 2 × 100,000 points (O(n) merge ranking; bench/decisions owns the timing target)', () => {
    const x = Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 10 + 101);
    const y = Array.from({ length: 100_000 }, (_, i) => Math.cos(i) * 10 + 100);
    const result = mannWhitneyTest(x, y);
    expect(result.lowerConfidence).toBeLessThan(result.estimate);
    expect(result.estimate).toBeLessThan(result.upperConfidence);
  });

  it('is shift-equivariant: adding c to the experiment adds c to the interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        (x, y, c) => {
          fc.pre(new Set([...x, ...y]).size > 1);
          const before = mannWhitneyTest(x, y);
          const after = mannWhitneyTest(
            x.map((v) => v + c),
            y,
          );
          expect(after.lowerConfidence).toBeCloseTo(before.lowerConfidence + c, 6);
          expect(after.upperConfidence).toBeCloseTo(before.upperConfidence + c, 6);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('normal distribution helpers', () => {
  it.each([
    [0, 0.5],
    [-1.5, 0.06680720126885807],
    [-6, 9.865876450376946e-10],
  ])('Φ(%p) = %p (scipy.stats.norm.cdf)', (x, p) => {
    expect(normalCdf(x) / p).toBeCloseTo(1, 8);
  });

  it('Φ⁻¹(0.99) = 2.3263478740408408 (the z for confidence 0.98)', () => {
    expect(inverseNormalCdf(0.99)).toBeCloseTo(2.3263478740408408, 12);
  });

  it('Brent finds √2 on [0, 2]', () => {
    expect(brentRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 11);
  });
});

describe('judgeMetric (Kayenta MannWhitneyClassifier, defaults: confidence 0.98, tolerance 0.25)', () => {
  const low = Array.from({ length: 50 }, (_, i) => 100 + (i % 10));
  const high = low.map((v) => v * 1.5);

  it.each([
    { name: 'identical samples pass', experiment: low, control: [...low].reverse(), expected: 'Pass' },
    {
      name: 'a single repeated value in both passes',
      experiment: [5, 5],
      control: [5, 5, 5],
      expected: 'Pass',
    },
    { name: 'canary 1.5× higher is High', experiment: high, control: low, expected: 'High' },
    { name: 'canary 1.5× lower is Low', experiment: low, control: high, expected: 'Low' },
    {
      name: 'direction increase ignores a decrease',
      experiment: low,
      control: high,
      direction: 'increase',
      expected: 'Pass',
    },
    {
      name: 'direction decrease ignores an increase',
      experiment: high,
      control: low,
      direction: 'decrease',
      expected: 'Pass',
    },
    {
      name: 'allowedIncrease 1.6 tolerates a 1.5× increase',
      experiment: high,
      control: low,
      allowedIncrease: 1.6,
      expected: 'Pass',
    },
    {
      name: 'allowedDecrease 0.5 tolerates a 1/1.5 decrease',
      experiment: low,
      control: high,
      allowedDecrease: 0.5,
      expected: 'Pass',
    },
    {
      name: 'overlapping noise passes',
      experiment: rReference[3]!.x,
      control: rReference[3]!.y,
      expected: 'Pass',
    },
  ] as const)('$name', ({ experiment, control, expected, ...options }) => {
    expect(judgeMetric(experiment, control, options).classification).toBe(expected);
  });

  it('jitters samples that are each one repeated value, then judges them (Kayenta noise sd = value·1e-5)', () => {
    expect(judgeMetric([200, 200, 200, 200, 200, 200], [100, 100, 100, 100, 100, 100]).classification).toBe(
      'High',
    );
  });

  it.each([
    {
      name: 'remove (default): empty canary is Nodata',
      options: {},
      expected: 'Nodata',
      criticalFailure: false,
    },
    {
      name: 'remove + mustHaveData: NodataFailMetric',
      options: { mustHaveData: true },
      expected: 'NodataFailMetric',
      criticalFailure: false,
    },
    {
      name: 'remove + critical: Nodata that fails the canary',
      options: { critical: true, mustHaveData: true },
      expected: 'Nodata',
      criticalFailure: true,
    },
    {
      name: 'replace: empty data passes',
      options: { nanStrategy: 'replace' },
      expected: 'Pass',
      criticalFailure: false,
    },
  ] as const)('no data, $name', ({ options, expected, criticalFailure }) => {
    const judgement = judgeMetric([], low, options);
    expect(judgement.classification).toBe(expected);
    expect(judgement.criticalFailure).toBe(criticalFailure);
  });

  it('NaN strategy remove drops NaN points; replace turns them into 0', () => {
    const withNaN = [...high, NaN, NaN];
    expect(judgeMetric(withNaN, low).test).toEqual(judgeMetric(high, low).test);
    expect(judgeMetric([NaN, NaN], low).classification).toBe('Nodata');
    expect(judgeMetric([NaN, NaN], low, { nanStrategy: 'replace' }).classification).toBe('Low');
  });

  it('critical metric fails the canary only at the critical effect size', () => {
    expect(judgeMetric(high, low, { critical: true, criticalIncrease: 1.4 }).criticalFailure).toBe(true);
    expect(judgeMetric(high, low, { critical: true, criticalIncrease: 5 }).criticalFailure).toBe(false);
    expect(judgeMetric(high, low, { criticalIncrease: 1.4 }).criticalFailure).toBe(false);
  });

  it('meanRatio is NaN when either mean is 0, and then does not block High', () => {
    expect(meanRatioOf([1, 2], [0, 0])).toBeNaN();
    expect(meanRatioOf([3, 3], [1, 2])).toBe(2);
    expect(judgeMetric([5, 6, 7, 8, 9, 10, 11], [-3, -2, -1, 0, 1, 2, 3]).classification).toBe('High');
  });

  it('explains itself in one sentence', () => {
    expect(judgeMetric(high, low).reason).toMatch(/^canary is higher: shift CI \[.*\] lies above/);
  });
});
