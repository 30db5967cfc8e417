import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import { judgeMetric } from '../../../src/analysis/mann-whitney.js';
import {
  commonsPercentile,
  DEFAULT_KAYENTA_THRESHOLDS,
  EFFECT_SIZE_PRESETS,
  judgeKayenta,
  KAYENTA_DOCS_EFFECT_SIZE,
  kayentaConfigProblems,
  outlierFences,
  removeOutliers,
  roundHalfUp,
  scoreKayenta,
  type KayentaClassification,
  type KayentaConfig,
  type KayentaMetricConfig,
  type KayentaMetricSamples,
  type ScorableMetric,
} from '../../../src/analysis/kayenta-score.js';

/** A classified metric for the scoring tables. */
function m(
  name: string,
  group: string,
  classification: KayentaClassification,
  extra: { critical?: boolean; muted?: boolean } = {},
): ScorableMetric {
  return {
    name,
    group,
    classification,
    criticalFailure: extra.critical ?? false,
    muted: extra.muted ?? false,
    reason: `${name} was ${classification}`,
  };
}

/** `count` metrics in `group`, the first `passing` of them Pass and the rest High. */
function many(group: string, count: number, passing: number): ScorableMetric[] {
  return Array.from({ length: count }, (_, i) => m(`${group}-${i}`, group, i < passing ? 'Pass' : 'High'));
}

const WEIGHTS = { latency: 50, errors: 30 }; // saturation is unweighted: it gets 100 − 80 = 20.

describe('scoreKayenta: weighted groups (latency 50, errors 30, saturation unweighted → 20)', () => {
  it.each([
    {
      name: 'mixed: 50 × 1/2 + 30 × 1 + 20 × 2/3 = 25 + 30 + 13.333… = 68.33',
      metrics: [
        m('p99', 'latency', 'Pass'),
        m('p50', 'latency', 'High'),
        m('5xx', 'errors', 'Pass'),
        m('cpu', 'saturation', 'Pass'),
        m('mem', 'saturation', 'Pass'),
        m('threads', 'saturation', 'Low'),
      ],
      score: 68.33,
      classification: 'Fail',
      groups: { latency: 50, errors: 100, saturation: 200 / 3 },
    },
    {
      name: 'everything passes: 100',
      metrics: [m('p99', 'latency', 'Pass'), m('5xx', 'errors', 'Pass'), m('cpu', 'saturation', 'Pass')],
      score: 100,
      classification: 'Pass',
      groups: { latency: 100, errors: 100, saturation: 100 },
    },
    {
      name: 'errors group fails: 50 + 0 + 20 = 70',
      metrics: [m('p99', 'latency', 'Pass'), m('5xx', 'errors', 'High'), m('cpu', 'saturation', 'Pass')],
      score: 70,
      classification: 'Fail',
      groups: { latency: 100, errors: 0, saturation: 100 },
    },
    {
      name: 'errors 3 of 4: 50 + 30 × 0.75 + 20 = 92.5',
      metrics: [m('p99', 'latency', 'Pass'), ...many('errors', 4, 3), m('cpu', 'saturation', 'Pass')],
      score: 92.5,
      classification: 'Marginal',
      groups: { latency: 100, errors: 75, saturation: 100 },
    },
    {
      name: 'NodataFailMetric counts as a failure: latency 1/2 → 25 + 30 + 20 = 75',
      metrics: [
        m('p99', 'latency', 'Pass'),
        m('p50', 'latency', 'NodataFailMetric'),
        m('5xx', 'errors', 'Pass'),
        m('cpu', 'saturation', 'Pass'),
      ],
      score: 75,
      classification: 'Marginal',
      groups: { latency: 50, errors: 100, saturation: 100 },
    },
    {
      name: 'plain Nodata is left out of the denominator: latency 1/1 → 100 (1 of 4 Nodata = 25 %)',
      metrics: [
        m('p99', 'latency', 'Pass'),
        m('p50', 'latency', 'Nodata'),
        m('5xx', 'errors', 'Pass'),
        m('cpu', 'saturation', 'Pass'),
      ],
      score: 100,
      classification: 'Pass',
      groups: { latency: 100, errors: 100, saturation: 100 },
    },
    {
      name: 'a muted High is dropped: latency 1/1 → 100',
      metrics: [
        m('p99', 'latency', 'Pass'),
        m('p50', 'latency', 'High', { muted: true }),
        m('5xx', 'errors', 'Pass'),
        m('cpu', 'saturation', 'Pass'),
      ],
      score: 100,
      classification: 'Pass',
      groups: { latency: 100, errors: 100, saturation: 100 },
    },
    {
      name: 'an empty group (Nodata + Error only) counts 100: 50 + 30 + 0 = 80',
      metrics: [
        m('p99', 'latency', 'Nodata'),
        m('p50', 'latency', 'Error'),
        m('5xx', 'errors', 'Pass'),
        m('cpu', 'saturation', 'High'),
      ],
      score: 80,
      classification: 'Marginal',
      groups: { latency: 100, errors: 100, saturation: 0 },
    },
    {
      name: 'a weighted group whose only metric is muted counts as empty (100): 50 + 30 + 0 = 80',
      metrics: [
        m('p99', 'latency', 'Pass'),
        m('5xx', 'errors', 'High', { muted: true }),
        m('cpu', 'saturation', 'High'),
      ],
      score: 80,
      classification: 'Marginal',
      groups: { latency: 100, errors: 100, saturation: 0 },
    },
  ])('$name', ({ metrics, score, classification, groups }) => {
    const result = scoreKayenta(metrics, WEIGHTS);
    expect(result.score).toBe(score);
    expect(result.classification).toBe(classification);
    expect(result.override).toBeUndefined();
    expect(Object.fromEntries(result.groups.map((g) => [g.name, g.score]))).toEqual(groups);
    expect(Object.fromEntries(result.groups.map((g) => [g.name, g.weight]))).toEqual({
      latency: 50,
      errors: 30,
      saturation: 20,
    });
  });
});

describe('scoreKayenta: overrides', () => {
  it('any critical metric that is not Pass scores 0 with "Canary Failed: …", whatever the rest', () => {
    const result = scoreKayenta(
      [
        m('p99', 'latency', 'High', { critical: true }),
        ...many('errors', 10, 10),
        m('cpu', 'saturation', 'Pass'),
      ],
      WEIGHTS,
    );
    expect(result).toMatchObject({ score: 0, classification: 'Fail', override: 'critical' });
    expect(result.reason).toBe('score 0: Canary Failed: critical metric p99: p99 was High');
  });

  it('a critical metric with no data (Nodata, criticalFailure) scores 0', () => {
    const result = scoreKayenta([
      m('p99', 'latency', 'Nodata', { critical: true }),
      m('5xx', 'errors', 'Pass'),
    ]);
    expect(result).toMatchObject({ score: 0, override: 'critical' });
  });

  it('a High on a critical metric below criticalIncrease (criticalFailure false) is scored like any High', () => {
    // Unweighted: latency 0, errors 100 → 50.
    const result = scoreKayenta([m('p99', 'latency', 'High'), m('5xx', 'errors', 'Pass')]);
    expect(result).toMatchObject({ score: 50, classification: 'Fail' });
    expect(result.override).toBeUndefined();
  });

  it('a muted critical failure does not fail the canary', () => {
    const result = scoreKayenta([
      m('p99', 'latency', 'High', { critical: true, muted: true }),
      m('5xx', 'errors', 'Pass'),
    ]);
    expect(result).toMatchObject({ score: 100, classification: 'Pass' });
  });

  it.each([
    { name: '2 of 4 Nodata (exactly 50 %) → 0', nodata: 2, pass: 2, score: 0, override: 'nodata' },
    { name: '1 of 2 Nodata → 0', nodata: 1, pass: 1, score: 0, override: 'nodata' },
    // 49 of 100 is under the threshold; the 51 Pass make the only group 51/51 = 100.
    { name: '49 of 100 Nodata (49 %) → scored: 100', nodata: 49, pass: 51, score: 100, override: undefined },
    { name: '3 of 5 Nodata → 0', nodata: 3, pass: 2, score: 0, override: 'nodata' },
  ])('$name', ({ nodata, pass, score, override }) => {
    const metrics = [
      ...Array.from({ length: nodata }, (_, i) => m(`nodata-${i}`, 'g', 'Nodata')),
      ...Array.from({ length: pass }, (_, i) => m(`pass-${i}`, 'g', 'Pass')),
    ];
    const result = scoreKayenta(metrics);
    expect(result.score).toBe(score);
    expect(result.override).toBe(override);
    if (override) expect(result.reason).toContain(`${nodata} of ${nodata + pass} metrics returned NODATA`);
  });

  it('Error counts in the Nodata percentage denominator but not its numerator: 1 Nodata + 1 Error = 50 % → 0', () => {
    const result = scoreKayenta([m('a', 'g', 'Nodata'), m('b', 'g', 'Error')]);
    expect(result).toMatchObject({ score: 0, override: 'nodata' });
  });

  it('refuses to score when every metric is muted', () => {
    expect(() => scoreKayenta([m('a', 'g', 'Pass', { muted: true })])).toThrow(RangeError);
  });
});

describe('scoreKayenta: thresholds and rounding', () => {
  it.each([
    // 19 of 20 Pass in one group = 95 exactly.
    {
      name: 'exactly 95 is Pass',
      metrics: many('g', 20, 19),
      weights: {},
      score: 95,
      classification: 'Pass',
    },
    // a (94.99 %) all Pass, b (5.01 %) all High: 94.99 + 0.
    {
      name: '94.99 is Marginal',
      metrics: [m('a', 'a', 'Pass'), m('b', 'b', 'High')],
      weights: { a: 94.99, b: 5.01 },
      score: 94.99,
      classification: 'Marginal',
    },
    // 3 of 4 Pass = 75 exactly.
    {
      name: 'exactly 75 is Marginal',
      metrics: many('g', 4, 3),
      weights: {},
      score: 75,
      classification: 'Marginal',
    },
    {
      name: '74.99 is Fail',
      metrics: [m('a', 'a', 'Pass'), m('b', 'b', 'High')],
      weights: { a: 74.99, b: 25.01 },
      score: 74.99,
      classification: 'Fail',
    },
    // Three unweighted groups, 33.333…% each: 100 + 100 + 0 → 66.666… → 66.67.
    {
      name: 'two of three equal groups round to 66.67',
      metrics: [m('a', 'a', 'Pass'), m('b', 'b', 'Pass'), m('c', 'c', 'High')],
      weights: {},
      score: 66.67,
      classification: 'Fail',
    },
    // Three groups, one of them 1 of 3: 33.333… × 1/3 + 33.333… = 44.444… → 44.44.
    {
      name: 'one third of a third plus a third rounds to 44.44',
      metrics: [...many('a', 3, 1), m('b', 'b', 'Pass'), m('c', 'c', 'High')],
      weights: {},
      score: 44.44,
      classification: 'Fail',
    },
  ])('$name', ({ metrics, weights, score, classification }) => {
    const result = scoreKayenta(metrics, weights as Record<string, number>);
    expect(result.score).toBe(score);
    expect(result.classification).toBe(classification);
  });

  it.each([
    { score: 100, reason: 'score 100 ≥ pass 95' },
    { score: 75, reason: 'score 75 ≥ marginal 75 but < pass 95' },
  ])('says why: $reason', ({ score, reason }) => {
    const metrics = score === 100 ? many('g', 4, 4) : many('g', 4, 3);
    expect(scoreKayenta(metrics).reason).toBe(reason);
  });

  it('uses the thresholds given: 80 with pass 80 is Pass', () => {
    expect(scoreKayenta(many('g', 5, 4), {}, { pass: 80, marginal: 50 }).classification).toBe('Pass');
  });

  it.each([
    // Java: new BigDecimal(Double.toString(x)).setScale(2, ROUND_HALF_UP).
    { value: 66.665, rounded: 66.67 },
    { value: 1.005, rounded: 1.01 }, // Math.round(100.49999999999999) / 100 would give 1
    { value: 2.675, rounded: 2.68 },
    { value: 0.125, rounded: 0.13 },
    { value: 66.664999, rounded: 66.66 },
    { value: 200 / 3, rounded: 66.67 },
    { value: 100 / 3, rounded: 33.33 },
    { value: 99.995, rounded: 100 },
    { value: 95, rounded: 95 },
    { value: 0, rounded: 0 },
  ])('roundHalfUp($value) = $rounded', ({ value, rounded }) => {
    expect(roundHalfUp(value)).toBe(rounded);
  });
});

describe('commonsPercentile: Apache Commons Math Percentile, EstimationType.LEGACY', () => {
  it.each([
    // MATH-582 (commons JIRA): percentile({0, 1}, 25) = 0 because pos = 0.25·3 = 0.75 < 1 → smallest.
    { values: [0, 1], p: 25, expected: 0 },
    // MATH-582: percentile({0, 1, 1, 1}, 25): pos = 0.25·5 = 1.25 → x1 + 0.25·(x2 − x1) = 0.25.
    { values: [0, 1, 1, 1], p: 25, expected: 0.25 },
    { values: [7], p: 1, expected: 7 }, // n = 1: the element, whatever p
    // [1..9, 100]: P25 pos = 2.75 → 2 + 0.75·1 = 2.75; P75 pos = 8.25 → 8 + 0.25·1 = 8.25;
    // P50 pos = 5.5 → 5.5; P1 pos = 0.11 < 1 → 1; P99 pos = 10.89 ≥ 10 → 100.
    { values: [100, 9, 8, 7, 6, 5, 4, 3, 2, 1], p: 25, expected: 2.75 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], p: 75, expected: 8.25 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], p: 50, expected: 5.5 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], p: 1, expected: 1 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], p: 99, expected: 100 },
    { values: [1, 2, 3], p: 100, expected: 3 },
  ])('percentile($values, $p) = $expected', ({ values, p, expected }) => {
    expect(commonsPercentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('is NaN for no values and rejects p outside (0, 100]', () => {
    expect(commonsPercentile([], 50)).toBeNaN();
    expect(() => commonsPercentile([1], 0)).toThrow(RangeError);
    expect(() => commonsPercentile([1], 101)).toThrow(RangeError);
  });
});

describe('outlier removal: IQRDetector(factor, reduceSensitivity)', () => {
  // 1, 2, …, 100 and one 1000 (n = 101):
  //   Q1: pos = 0.25·102 = 25.5 → 25 + 0.5·1 = 25.5      Q3: pos = 76.5 → 76.5       IQR = 51
  //   Q1 − 3·IQR = 25.5 − 153 = −127.5                    Q3 + 3·IQR = 76.5 + 153 = 229.5
  //   P1: pos = 0.01·102 = 1.02 → 1 + 0.02·(2 − 1) = 1.02
  //   P99: pos = 0.99·102 = 100.98 → x100 + 0.98·(x101 − x100) = 100 + 0.98·900 = 982
  //   fences: min(1.02, −127.5) = −127.5 and max(982, 229.5) = 982 → only 1000 (> 982) goes.
  const high = [...Array.from({ length: 100 }, (_, i) => i + 1), 1000];
  // −900, 0, 1, …, 99 (n = 101), sorted x1 = −900, x_k = k − 2 for k ≥ 2:
  //   Q1 = x25 + 0.5·(x26 − x25) = 23.5    Q3 = x76 + 0.5·(x77 − x76) = 74.5    IQR = 51
  //   Q1 − 3·IQR = −129.5;  P1 = x1 + 0.02·(x2 − x1) = −900 + 0.02·900 = −882
  //   lower fence = min(−882, −129.5) = −882 → −900 goes.
  //   P99 = x100 + 0.98·(x101 − x100) = 98.98; upper = max(98.98, 74.5 + 153 = 227.5) = 227.5.
  const low = [-900, ...Array.from({ length: 100 }, (_, i) => i)];

  it('fences a high outlier at P99 when P99 is wider than Q3 + 3·IQR', () => {
    const fences = outlierFences(high, 3, true);
    expect(fences.lower).toBeCloseTo(-127.5, 9);
    expect(fences.upper).toBeCloseTo(982, 9);
    expect(removeOutliers(high)).toEqual(high.slice(0, 100));
  });

  it('fences a low outlier at P1 when P1 is wider than Q1 − 3·IQR', () => {
    const fences = outlierFences(low, 3, true);
    expect(fences.lower).toBeCloseTo(-882, 9);
    expect(fences.upper).toBeCloseTo(227.5, 9);
    expect(removeOutliers(low)).toEqual(low.slice(1));
  });

  it('removes nothing from fewer than 100 points with reduceSensitivity (P1 = min, P99 = max)', () => {
    // n = 10: P1 = 1 (the min), P99 = 100 (the max); lower = min(1, 2.75 − 16.5) = −13.75, upper = 100.
    const small = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    expect(outlierFences(small)).toEqual({ lower: -13.75, upper: 100 });
    expect(removeOutliers(small)).toEqual(small);
  });

  it('starts removing at 100 points', () => {
    // n = 99 (1…98, 1000): P99 pos = 0.99·100 = 99 ≥ n → the max, so 1000 stays.
    const ninetyNine = [...Array.from({ length: 98 }, (_, i) => i + 1), 1000];
    expect(removeOutliers(ninetyNine)).toEqual(ninetyNine);
    // n = 100 (1…99, 1000): P99 pos = 99.99 → 99 + 0.99·(1000 − 99) = 990.99 < 1000, which goes.
    const hundred = [...Array.from({ length: 99 }, (_, i) => i + 1), 1000];
    expect(outlierFences(hundred).upper).toBeCloseTo(990.99, 9);
    expect(removeOutliers(hundred)).toEqual(hundred.slice(0, 99));
  });

  it('without reduceSensitivity the plain Tukey fences apply: [2.75 − 16.5, 8.25 + 16.5]', () => {
    const small = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    expect(outlierFences(small, 3, false)).toEqual({ lower: -13.75, upper: 24.75 });
    expect(removeOutliers(small, 3, false)).toEqual(small.slice(0, 9));
  });

  it('rejects a factor that is not positive, as Kayenta requires', () => {
    expect(() => outlierFences([1, 2, 3], 0)).toThrow(RangeError);
  });
});

describe('kayentaConfigProblems', () => {
  const metric = (
    name: string,
    group: string,
    extra: Partial<KayentaMetricConfig> = {},
  ): KayentaMetricConfig => ({
    name,
    group,
    ...extra,
  });
  const base: KayentaConfig = {
    metrics: [metric('p99', 'latency'), metric('5xx', 'errors'), metric('cpu', 'saturation')],
    groups: { latency: 50, errors: 30 },
  };

  it('accepts a sound config', () => {
    expect(kayentaConfigProblems(base)).toEqual([]);
  });

  it.each([
    {
      name: 'weights over 100',
      config: { ...base, groups: { latency: 60, errors: 50 } },
      path: 'groups',
      message: /add up to 110, over 100/,
    },
    {
      name: 'weights under 100 with every group weighted',
      config: {
        metrics: [metric('p99', 'latency'), metric('5xx', 'errors')],
        groups: { latency: 50, errors: 30 },
      },
      path: 'groups',
      message: /can never reach 100/,
    },
    {
      name: 'weights at 100 leave unweighted groups nothing',
      config: { ...base, groups: { latency: 70, errors: 30 } },
      path: 'groups',
      message: /saturation would weigh 0/,
    },
    {
      name: 'a weight for a group with no metric',
      config: { ...base, groups: { latency: 50, errors: 30, disk: 10 } },
      path: 'groups.disk',
      message: /no metric is in group "disk"/,
    },
    {
      name: 'a negative weight',
      config: { ...base, groups: { latency: -5 } },
      path: 'groups.latency',
      message: /at least 0; got -5/,
    },
    {
      name: 'marginal above pass',
      config: { ...base, thresholds: { pass: 70, marginal: 80 } },
      path: 'thresholds.marginal',
      message: /above pass 70/,
    },
    { name: 'minPoints 0', config: { ...base, minPoints: 0 }, path: 'minPoints', message: /at least 1/ },
    {
      name: 'a duplicate metric',
      config: { ...base, metrics: [...base.metrics, metric('p99', 'latency')] },
      path: 'metrics[3].name',
      message: /already metrics\[0\]/,
    },
    {
      name: 'an unknown effect-size preset',
      config: {
        ...base,
        metrics: [metric('p99', 'latency', { effectSize: 'lenient' as never }), ...base.metrics.slice(1)],
      },
      path: 'metrics[0].effectSize',
      message: /unknown preset "lenient"/,
    },
    {
      name: 'an allowedIncrease below 1',
      config: {
        ...base,
        metrics: [
          metric('p99', 'latency', { effectSize: { ...KAYENTA_DOCS_EFFECT_SIZE, allowedIncrease: 0.9 } }),
          ...base.metrics.slice(1),
        ],
      },
      path: 'metrics[0].effectSize.allowedIncrease',
      message: /at least 1/,
    },
    {
      name: 'an outlier factor of 0',
      config: {
        ...base,
        metrics: [
          metric('p99', 'latency', { outliers: { strategy: 'remove', factor: 0 } }),
          ...base.metrics.slice(1),
        ],
      },
      path: 'metrics[0].outliers.factor',
      message: /greater than 0/,
    },
    { name: 'no metrics', config: { metrics: [] }, path: 'metrics', message: /at least one metric/ },
  ])('reports $name', ({ config, path, message }) => {
    const problems = kayentaConfigProblems(config as KayentaConfig);
    expect(problems).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
  });

  it('judgeKayenta refuses a config with problems, naming where', () => {
    const config = { ...base, groups: { latency: 60, errors: 50 } };
    expect(() => judgeKayenta(config, [], 'policy.yaml analysis.kayenta')).toThrow(ConfigurationError);
    expect(() => judgeKayenta(config, [], 'policy.yaml analysis.kayenta')).toThrow(
      'policy.yaml analysis.kayenta.groups: weights add up to 110, over 100',
    );
  });
});

describe('effect-size presets', () => {
  it('exports the docs preset 1.1 / 0.90 / 5.0 / 0.5 and Kayenta’s 1.0 defaults', () => {
    expect(KAYENTA_DOCS_EFFECT_SIZE).toEqual({
      allowedIncrease: 1.1,
      allowedDecrease: 0.9,
      criticalIncrease: 5.0,
      criticalDecrease: 0.5,
    });
    expect(EFFECT_SIZE_PRESETS.docs).toBe(KAYENTA_DOCS_EFFECT_SIZE);
    expect(EFFECT_SIZE_PRESETS.strict).toEqual({
      allowedIncrease: 1,
      allowedDecrease: 1,
      criticalIncrease: 1,
      criticalDecrease: 1,
    });
    expect(DEFAULT_KAYENTA_THRESHOLDS).toEqual({ pass: 95, marginal: 75 });
  });
});

// Deterministic time series: 100, 101, …, 109 repeated; `shift` moves every point.
const series = (n: number, shift = 0) => Array.from({ length: n }, (_, i) => 100 + (i % 10) + shift);
const samples = (
  name: string,
  experiment: number[],
  control: number[],
  queries?: string[],
): KayentaMetricSamples => ({
  name,
  experiment,
  control,
  ...(queries ? { queries } : {}),
});

describe('judgeKayenta: the whole judgement as a Verdict', () => {
  const config: KayentaConfig = {
    metrics: [
      { name: 'p99', group: 'latency', unit: 'ms', direction: 'increase', effectSize: 'docs' },
      { name: '5xx', group: 'errors', direction: 'increase' },
      { name: 'cpu', group: 'saturation' },
      { name: 'gc', group: 'saturation', muted: true },
    ],
  };

  it('maps Fail to fail with one MetricVerdict per metric and the score in the reason', () => {
    // p99 +50 ms on every point: mean 154.5 vs 104.5 → meanRatio 1.478 ≥ 1.1, High.
    // Groups (unweighted, 33.33 % each): latency 0, errors 100, saturation 100 → 66.67 < 75.
    const result = judgeKayenta(config, [
      samples('p99', series(60, 50), series(60), ['canary-q', 'baseline-q']),
      samples('5xx', series(60), series(60)),
      samples('cpu', series(60), series(60)),
      samples('gc', series(60, 80), series(60)),
    ]);
    expect(result.verdict.phase).toBe('fail');
    expect(result.verdict.reason).toBe('score 66.67 < marginal 75');
    expect(result.score).toMatchObject({ score: 66.67, classification: 'Fail' });
    expect(result.verdict.metrics.map((v) => [v.name, v.phase, v.dryRun])).toEqual([
      ['p99', 'fail', false],
      ['5xx', 'pass', false],
      ['cpu', 'pass', false],
      ['gc', 'fail', true],
    ]);

    const p99 = result.verdict.metrics[0]!;
    const test = judgeMetric(series(60, 50), series(60), {
      direction: 'increase',
      ...KAYENTA_DOCS_EFFECT_SIZE,
    }).test!;
    const f = (v: number) => String(Number(v.toPrecision(4)));
    expect(p99.criterion).toBe(
      `Mann–Whitney 98% CI [${f(test.lowerConfidence)}, ${f(test.upperConfidence)}] ms, meanRatio 1.478 ≥ allowedIncrease 1.1`,
    );
    expect(test.lowerConfidence).toBeGreaterThan(40); // the shift is 50 on every point
    expect(p99.reason).toMatch(/^canary is higher/);
    expect(p99.values).toEqual([104.5, 154.5]); // baseline mean, canary mean
    expect(p99.queries).toEqual(['canary-q', 'baseline-q']);
    expect(result.verdict.metrics[1]!.criterion).toBe('Mann–Whitney 98% CI not needed');
    expect(result.verdict.metrics[3]!.reason).toContain('muted, so it is reported and not scored');
  });

  it('maps Pass to pass and Marginal to inconclusive', () => {
    const pass = judgeKayenta(config, [
      samples('p99', series(60), series(60)),
      samples('5xx', series(60), series(60)),
      samples('cpu', series(60), series(60)),
    ]);
    expect(pass.verdict).toMatchObject({ phase: 'pass', reason: 'score 100 ≥ pass 95' });

    // latency 75 % (3 of 4 Pass) alone → 75: Marginal.
    const marginal = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'latency' },
          { name: 'b', group: 'latency' },
          { name: 'c', group: 'latency' },
          { name: 'd', group: 'latency', direction: 'increase' },
        ],
      },
      [
        samples('a', series(60), series(60)),
        samples('b', series(60), series(60)),
        samples('c', series(60), series(60)),
        samples('d', series(60, 50), series(60)),
      ],
    );
    expect(marginal.verdict).toMatchObject({
      phase: 'inconclusive',
      reason: 'score 75 ≥ marginal 75 but < pass 95',
    });
  });

  it('fails critically: a critical metric beyond criticalIncrease scores 0', () => {
    // ×6 the baseline: meanRatio ≈ 6 ≥ criticalIncrease 5.
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'p99', group: 'latency', critical: true, effectSize: 'docs' },
          { name: '5xx', group: 'errors' },
        ],
      },
      [
        samples(
          'p99',
          series(60).map((v) => v * 6),
          series(60),
        ),
        samples('5xx', series(60), series(60)),
      ],
    );
    expect(result.verdict.phase).toBe('fail');
    expect(result.verdict.reason).toMatch(/^score 0: Canary Failed: critical metric p99: canary is higher/);
    expect(result.verdict.metrics[0]!.criterion).toMatch(/≥ allowedIncrease 1\.1 and ≥ criticalIncrease 5$/);
  });

  it('classifies a metric the statistics cannot handle as Error and leaves it out of the score', () => {
    // An infinite point makes mannWhitneyTest throw a RangeError; Kayenta's judge catches it as Error.
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'g' },
          { name: 'b', group: 'g' },
        ],
      },
      [samples('a', [...series(59), Infinity], series(60)), samples('b', series(60), series(60))],
    );
    expect(result.metrics[0]!.classification).toBe('Error');
    expect(result.verdict.metrics[0]!.phase).toBe('error');
    expect(result.score!.groups[0]).toMatchObject({ counted: 1, passed: 1, score: 100 });
    expect(result.verdict.phase).toBe('pass');
  });

  it('lets anything but a RangeError from the judge propagate (a bug, not a measurement)', () => {
    const judge = () => {
      throw new TypeError('boom');
    };
    expect(() =>
      judgeKayenta({ metrics: [{ name: 'a', group: 'g' }] }, [samples('a', series(60), series(60))], 'k', {
        judge,
      }),
    ).toThrow(TypeError);
  });

  it('treats a configured metric without samples as no data, and rejects samples nobody configured', () => {
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'g' },
          { name: 'b', group: 'g' },
          { name: 'c', group: 'g' },
        ],
      },
      [samples('a', series(60), series(60)), samples('b', series(60), series(60))],
    );
    expect(result.metrics[2]!.classification).toBe('Nodata');
    expect(result.verdict.metrics[2]!.phase).toBe('inconclusive');
    expect(result.verdict.phase).toBe('pass'); // 1 of 3 Nodata is under 50 %
    expect(() => judgeKayenta({ metrics: [{ name: 'a', group: 'g' }] }, [samples('z', [1], [1])])).toThrow(
      RangeError,
    );
  });

  it('is inconclusive when every metric is muted', () => {
    const result = judgeKayenta({ metrics: [{ name: 'a', group: 'g', muted: true }] }, [
      samples('a', series(60), series(60)),
    ]);
    expect(result.verdict.phase).toBe('inconclusive');
    expect(result.score).toBeUndefined();
  });

  it('removes outliers after the NaN strategy when asked', () => {
    // 101 points, one of them far out (see the hand-computed fences above): the spike goes, NaN first.
    const spiked = [...Array.from({ length: 100 }, (_, i) => i + 1), 1000, NaN];
    const plain = Array.from({ length: 101 }, (_, i) => i + 1);
    const result = judgeKayenta({ metrics: [{ name: 'a', group: 'g', outliers: { strategy: 'remove' } }] }, [
      samples('a', spiked, plain),
    ]);
    expect(result.metrics[0]!.points).toEqual({ experiment: 101, control: 101 });
    expect(result.metrics[0]!.outliersRemoved).toEqual({ experiment: 1, control: 0 });
  });
});

describe('judgeKayenta: minPoints', () => {
  const two: KayentaConfig = {
    metrics: [
      { name: 'a', group: 'g1' },
      { name: 'b', group: 'g2' },
    ],
  };

  it.each([
    { name: '49 points per sample → inconclusive', n: 49, phase: 'inconclusive' },
    { name: '50 points per sample → judged', n: 50, phase: 'pass' },
  ])('$name', ({ n, phase }) => {
    const result = judgeKayenta(two, [
      samples('a', series(n), series(n)),
      samples('b', series(60), series(60)),
    ]);
    expect(result.verdict.phase).toBe(phase);
    if (phase === 'inconclusive') {
      expect(result.verdict.reason).toBe(
        'score 100 ≥ pass 95 is not trusted: a (49 canary, 49 baseline) had fewer than minPoints 50 points; lengthen the step or query at a finer resolution',
      );
      expect(result.verdict.metrics[0]).toMatchObject({ phase: 'inconclusive' });
      expect(result.verdict.metrics[0]!.reason).toContain('fewer than minPoints 50');
    }
  });

  it('counts points after NaN removal: 60 points of which 11 NaN is 49', () => {
    const withNaN = [...series(49), ...Array.from({ length: 11 }, () => NaN)];
    const result = judgeKayenta(two, [
      samples('a', withNaN, series(60)),
      samples('b', series(60), series(60)),
    ]);
    expect(result.metrics[0]!.points).toEqual({ experiment: 49, control: 60 });
    expect(result.verdict.phase).toBe('inconclusive');
  });

  it('does not apply to a metric with no data at all (Kayenta’s Nodata rules decide)', () => {
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'g' },
          { name: 'b', group: 'g' },
          { name: 'c', group: 'g' },
        ],
      },
      [
        samples('a', [], series(60)),
        samples('b', series(60), series(60)),
        samples('c', series(60), series(60)),
      ],
    );
    expect(result.metrics[0]!.tooFewPoints).toBe(false);
    expect(result.verdict.phase).toBe('pass');
  });

  it('holds a Pass on no data under the replace strategy (Kayenta would pass it)', () => {
    const result = judgeKayenta({ metrics: [{ name: 'a', group: 'g', nanStrategy: 'replace' }] }, [
      samples('a', [], series(60)),
    ]);
    expect(result.metrics[0]!.classification).toBe('Pass');
    expect(result.verdict.phase).toBe('inconclusive');
  });

  it('keeps a critical failure a fail even when another metric is short', () => {
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'g1', critical: true },
          { name: 'b', group: 'g2' },
        ],
      },
      [samples('a', series(60, 50), series(60)), samples('b', series(10), series(10))],
    );
    expect(result.verdict.phase).toBe('fail');
    expect(result.verdict.reason).toMatch(/^score 0: Canary Failed: critical metric a/);
  });

  it('keeps a fail that would stand even if the short metrics had passed', () => {
    // Three unweighted groups: g1 High, g2 High, g3 short. Best case g3 = 100 → 33.33 < 75.
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'g1' },
          { name: 'b', group: 'g2' },
          { name: 'c', group: 'g3' },
        ],
      },
      [
        samples('a', series(60, 50), series(60)),
        samples('b', series(60, 50), series(60)),
        samples('c', series(10), series(10)),
      ],
    );
    expect(result.verdict.phase).toBe('fail');
    expect(result.verdict.reason).toBe(
      'score 33.33 < marginal 75, and still 33.33 < marginal 75 if c (10 canary, 10 baseline), which had fewer than minPoints 50 points, had passed',
    );
  });

  it('holds a fail that depends on a short metric', () => {
    // g1 short and High, g2 Pass: 50 → Fail, but 100 if g1 had passed → inconclusive.
    const result = judgeKayenta(two, [
      samples('a', series(20, 50), series(20)),
      samples('b', series(60), series(60)),
    ]);
    expect(result.score!.classification).toBe('Fail');
    expect(result.verdict.phase).toBe('inconclusive');
    expect(result.verdict.metrics[0]!.phase).toBe('inconclusive');
  });

  it('ignores short muted metrics', () => {
    const result = judgeKayenta(
      {
        metrics: [
          { name: 'a', group: 'g', muted: true },
          { name: 'b', group: 'g' },
        ],
      },
      [samples('a', series(5), series(5)), samples('b', series(60), series(60))],
    );
    expect(result.verdict.phase).toBe('pass');
  });
});
