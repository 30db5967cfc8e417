import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import {
  compareWithHistory,
  median,
  parseHistoryCriterion,
  parseHistoryTolerance,
  type HistoryCriterionInput,
} from '../../../src/analysis/history.js';

describe('parseHistoryTolerance', () => {
  it.each([
    { text: '+10%', expected: { kind: 'relative', fraction: 0.1, text: '+10%' } },
    { text: '-5%', expected: { kind: 'relative', fraction: -0.05, text: '-5%' } },
    { text: '+10.5%', expected: { kind: 'relative', fraction: 0.105, text: '+10.5%' } },
    { text: '+.5%', expected: { kind: 'relative', fraction: 0.005, text: '+.5%' } },
    { text: '+0%', expected: { kind: 'relative', fraction: 0, text: '+0%' } },
    { text: '+0.02', expected: { kind: 'absolute', delta: 0.02, text: '+0.02' } },
    { text: '-3', expected: { kind: 'absolute', delta: -3, text: '-3' } },
    { text: 'x1.5', expected: { kind: 'ratio', factor: 1.5, text: 'x1.5' } },
    { text: ' +10% ', expected: { kind: 'relative', fraction: 0.1, text: '+10%' } },
  ])('reads "$text"', ({ text, expected }) => {
    const parsed = parseHistoryTolerance(text, 'metrics[0].history');
    expect(parsed.kind).toBe(expected.kind);
    expect(parsed).toEqual(expect.objectContaining({ ...expected }));
  });

  it.each(['10%', '10', '1.5x', 'x0', 'x-1', '+10 %', '++10%', '+1e3', '', 'abc', '×1.5', '+10%%', '<=+10%'])(
    'rejects "%s" with a ConfigurationError naming where',
    (text) => {
      expect(() => parseHistoryTolerance(text, 'policy.yaml metrics[2].history.tolerance')).toThrow(
        ConfigurationError,
      );
      expect(() => parseHistoryTolerance(text, 'policy.yaml metrics[2].history.tolerance')).toThrow(
        `policy.yaml metrics[2].history.tolerance: "${text}" is not a tolerance; write +10% or -5%`,
      );
    },
  );
});

describe('parseHistoryCriterion', () => {
  const input: HistoryCriterionInput = { tolerance: '+10%', direction: 'higher-is-worse' };

  it('defaults to the last 5 releases and at least 1', () => {
    expect(parseHistoryCriterion(input, 'h')).toEqual({
      tolerance: { kind: 'relative', fraction: 0.1, text: '+10%' },
      direction: 'higher-is-worse',
      releases: 5,
      minReleases: 1,
    });
  });

  it.each([
    { change: { releases: 0 }, message: 'h.releases: must be a whole number of at least 1; got 0' },
    { change: { releases: 2.5 }, message: 'h.releases: must be a whole number of at least 1; got 2.5' },
    {
      change: { minReleases: 0 },
      message: 'h.minReleases: must be a whole number from 1 to releases (5); got 0',
    },
    {
      change: { releases: 3, minReleases: 4 },
      message: 'h.minReleases: must be a whole number from 1 to releases (3); got 4',
    },
    { change: { direction: 'up' }, message: 'h.direction: "up" is not a direction' },
    { change: { tolerance: '10%' }, message: 'h.tolerance: "10%" is not a tolerance' },
  ])('rejects $change', ({ change, message }) => {
    expect(() => parseHistoryCriterion({ ...input, ...change } as HistoryCriterionInput, 'h')).toThrow(
      message,
    );
  });
});

describe('median', () => {
  it.each([
    { values: [120], expected: 120 },
    { values: [130, 100, 120, 110, 125], expected: 120 },
    { values: [100, 110, 130, 120], expected: 115 }, // (110 + 120) / 2
    { values: [120, 120, 500, 120, 120], expected: 120 }, // the mean would be 196
  ])('median($values) = $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('rejects no values', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('compareWithHistory', () => {
  const latency = parseHistoryCriterion(
    { tolerance: '+10%', direction: 'higher-is-worse', unit: 'ms' },
    'latency.history',
  );
  // Sorted 100, 110, 120, 125, 130 → median 120; bound 120 × 1.1 = 132.
  const fiveReleases = [100, 130, 120, 110, 125];

  it.each([
    {
      name: 'within the bound',
      current: 125,
      phase: 'pass',
      reason: 'current 125 ms ≤ 132 ms (+4.2% against 120 ms)', // 5/120 = 4.17 %
    },
    {
      name: 'at the bound itself',
      current: 132,
      phase: 'pass',
      reason: 'current 132 ms ≤ 132 ms (+10% against 120 ms)',
    },
    {
      name: 'above the bound',
      current: 140,
      phase: 'fail',
      reason: 'current 140 ms is above 132 ms (+16.7% against 120 ms)', // 20/120 = 16.67 %
    },
    {
      name: 'better than history',
      current: 90,
      phase: 'pass',
      reason: 'current 90 ms ≤ 132 ms (−25% against 120 ms)',
    },
  ])('$name: $current ms', ({ current, phase, reason }) => {
    const result = compareWithHistory(current, fiveReleases, latency);
    expect(result).toEqual({
      phase,
      criterion: '≤ median of last 5 releases (120 ms) + 10% = 132 ms',
      reason,
      values: [...fiveReleases, current],
      reference: 120,
      bound: 132, // 120 × 1.1 = 132.00000000000003, rounded to 12 significant digits
    });
  });

  it('uses only the last N releases', () => {
    // The two oldest (1000, 1000) fall outside the last 5.
    const result = compareWithHistory(125, [1000, 1000, ...fiveReleases], latency);
    expect(result.reference).toBe(120);
    expect(result.values).toEqual([...fiveReleases, 125]);
  });

  it('takes the mean of the middle two for an even count', () => {
    const four = parseHistoryCriterion({ tolerance: '+10%', direction: 'higher-is-worse', releases: 4 }, 'h');
    const result = compareWithHistory(127, [100, 110, 130, 120], four);
    // median 115, bound 126.5 → 127 fails.
    expect(result).toMatchObject({
      phase: 'fail',
      reference: 115,
      criterion: '≤ median of last 4 releases (115) + 10% = 126.5',
    });
  });

  it('does not let float noise decide a comparison written in decimal', () => {
    // 1.13 × 1.1 = 1.2429999999999999 in binary floating point: 1.243 would fail by 1e-16.
    const higher = parseHistoryCriterion({ tolerance: '+10%', direction: 'higher-is-worse' }, 'h');
    expect(compareWithHistory(1.243, [1.13], higher)).toMatchObject({ phase: 'pass', bound: 1.243 });
    // 4.94 × 0.95 = 4.6930000000000005: 4.693 would fail by 5e-16.
    const lower = parseHistoryCriterion({ tolerance: '-5%', direction: 'lower-is-worse' }, 'h');
    expect(compareWithHistory(4.693, [4.94], lower)).toMatchObject({ phase: 'pass', bound: 4.693 });
  });

  it('is not moved by one odd release', () => {
    // Median 120 → bound 132; a mean (196) would have let 200 ms through.
    expect(compareWithHistory(200, [120, 120, 500, 120, 120], latency).phase).toBe('fail');
  });

  it.each([
    { current: 960, phase: 'pass', reason: 'current 960 rps ≥ 950 rps (−4% against 1000 rps)' },
    { current: 950, phase: 'pass', reason: 'current 950 rps ≥ 950 rps (−5% against 1000 rps)' },
    { current: 940, phase: 'fail', reason: 'current 940 rps is below 950 rps (−6% against 1000 rps)' },
  ])('lower is worse, -5%: $current rps is $phase', ({ current, phase, reason }) => {
    const throughput = parseHistoryCriterion(
      { tolerance: '-5%', direction: 'lower-is-worse', unit: 'rps' },
      'h',
    );
    // Three releases so far, median 1000, bound 1000 × 0.95 = 950.
    const result = compareWithHistory(current, [1000, 980, 1020], throughput);
    expect(result).toMatchObject({
      phase,
      reason,
      criterion: '≥ median of last 3 releases (1000 rps) − 5% = 950 rps',
    });
  });

  it.each([
    { current: 0.029, phase: 'pass' },
    { current: 0.031, phase: 'fail' },
  ])('absolute +0.02 on an error ratio: $current is $phase', ({ current, phase }) => {
    const errors = parseHistoryCriterion({ tolerance: '+0.02', direction: 'higher-is-worse' }, 'h');
    // median(0.01, 0.012, 0.008) = 0.01; bound 0.03.
    const result = compareWithHistory(current, [0.01, 0.012, 0.008], errors);
    expect(result).toMatchObject({ phase, criterion: '≤ median of last 3 releases (0.01) + 0.02 = 0.03' });
  });

  it.each([
    { current: 180, phase: 'pass' },
    { current: 181, phase: 'fail' },
  ])('ratio x1.5 against a single release: $current is $phase', ({ current, phase }) => {
    const ratio = parseHistoryCriterion({ tolerance: 'x1.5', direction: 'higher-is-worse', unit: 'ms' }, 'h');
    expect(compareWithHistory(current, [120], ratio)).toMatchObject({
      phase,
      criterion: '≤ the last release (120 ms) × 1.5 = 180 ms',
    });
  });

  it.each([
    {
      name: 'no release at all',
      history: [],
      minReleases: 1,
      reason: /^no history yet: no promoted release/,
    },
    {
      name: 'fewer than minReleases',
      history: [120, 130],
      minReleases: 3,
      reason: /^no history yet: 2 promoted releases have a value, fewer than minReleases 3$/,
    },
    { name: 'only NaN values', history: [NaN, NaN], minReleases: 1, reason: /^no history yet/ },
  ])('is inconclusive with $name', ({ history, minReleases, reason }) => {
    const criterion = parseHistoryCriterion(
      { tolerance: '+10%', direction: 'higher-is-worse', minReleases },
      'h',
    );
    const result = compareWithHistory(100, history, criterion);
    expect(result.phase).toBe('inconclusive');
    expect(result.reason).toMatch(reason);
    expect(result.reference).toBeUndefined();
  });

  it('skips releases that did not measure the metric (NaN) before taking the last N', () => {
    const two = parseHistoryCriterion({ tolerance: '+10%', direction: 'higher-is-worse', releases: 2 }, 'h');
    // Usable: 100, 120, 140 → last 2 are 120, 140 → median 130.
    expect(compareWithHistory(100, [100, 120, NaN, 140, NaN], two).reference).toBe(130);
  });

  it('is inconclusive for a relative tolerance on a zero reference, and says to use an absolute one', () => {
    const result = compareWithHistory(0.001, [0, 0, 0], latency);
    expect(result.phase).toBe('inconclusive');
    expect(result.reason).toBe(
      'the reference is 0 ms, and a relative tolerance needs a positive one; use an absolute tolerance such as +0.01',
    );
    const absolute = parseHistoryCriterion({ tolerance: '+0.002', direction: 'higher-is-worse' }, 'h');
    expect(compareWithHistory(0.001, [0, 0, 0], absolute).phase).toBe('pass');
  });

  it('is inconclusive when the current value is NaN (no data)', () => {
    const result = compareWithHistory(NaN, fiveReleases, latency);
    expect(result).toMatchObject({
      phase: 'inconclusive',
      reason: 'no current value to compare (NaN: no data)',
    });
  });
});
