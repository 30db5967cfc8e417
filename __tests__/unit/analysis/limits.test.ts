import { describe, expect, it } from '@jest/globals';
import { compileCondition } from '../../../src/analysis/condition.js';
import {
  assessMetric,
  effectiveCount,
  ERROR_RETRY_INTERVAL_MS,
  initialMetricRun,
  judgeRun,
  metricLimits,
  metricRunVerdict,
  nextMeasurementAt,
  recordMeasurement,
  validateLimits,
  type MetricLimits,
  type MetricRunState,
  type RunContext,
} from '../../../src/analysis/limits.js';
import { measurementPhase, type MeasurementPhase, type MetricCriteria } from '../../../src/analysis/phase.js';
import type { MetricVerdict, Phase } from '../../../src/analysis/verdict.js';
import { Duration } from '../../../src/config/duration.js';

// A step that starts at T0, warms up for 2 minutes and must have data by minute 30.
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);
const context = (minutes: number, terminating = false): RunContext => ({
  now: at(minutes),
  stepStart: at(0),
  warmupEnd: at(2),
  stepDeadline: at(30),
  terminating,
});

const PASS: MeasurementPhase = { phase: 'pass', nodata: false, value: 0.995, reason: '0.995 ≥ min 0.99' };
const FAIL: MeasurementPhase = { phase: 'fail', nodata: false, value: 0.93, reason: '0.93 < min 0.99' };
const INCONCLUSIVE: MeasurementPhase = {
  phase: 'inconclusive',
  nodata: false,
  value: 0.95,
  reason: '0.95 < min 0.99, and does not meet failureCondition `result < 0.9`: neither success nor failure',
};
const ERROR: MeasurementPhase = {
  phase: 'error',
  nodata: false,
  reason: 'prometheus query timed out after 30000 ms',
};
const NODATA: MeasurementPhase = {
  phase: 'inconclusive',
  nodata: true,
  reason: 'no series returned: is the canary receiving traffic?',
};
const OUTCOMES = { P: PASS, F: FAIL, I: INCONCLUSIVE, E: ERROR, N: NODATA } as const;

/**
 * Records `sequence` (one letter per measurement: P pass, F fail, I inconclusive, E error, N no data)
 * one minute apart starting at `startMinute` (after warm-up unless told otherwise).
 */
function run(sequence: string, limits: MetricLimits, startMinute = 3): MetricRunState {
  let state = initialMetricRun();
  [...sequence].forEach((letter, i) => {
    state = recordMeasurement(
      state,
      OUTCOMES[letter as keyof typeof OUTCOMES],
      limits,
      context(startMinute + i),
    );
  });
  return state;
}
const interval1m = (limits: Partial<MetricLimits> = {}) =>
  metricLimits({ interval: Duration.parse('1m'), ...limits });
const statusAfter = (sequence: string, limits: MetricLimits) =>
  assessMetric(run(sequence, limits), limits, context(60));

describe('per-metric counters (§b.1)', () => {
  // Hand-computed: a pass adds successful, count and the success streak and clears the error streak;
  // a failure or inconclusive adds its counter and count and clears both streaks; an error adds error
  // and the error streak only (count does not move). A leading P shows streak resets, a leading E
  // shows error-streak resets.
  it.each([
    {
      sequence: 'PP',
      count: 2,
      successful: 2,
      failed: 0,
      inconclusive: 0,
      error: 0,
      consecutiveError: 0,
      consecutiveSuccess: 2,
    },
    {
      sequence: 'EP',
      count: 1,
      successful: 1,
      failed: 0,
      inconclusive: 0,
      error: 1,
      consecutiveError: 0,
      consecutiveSuccess: 1,
    },
    {
      sequence: 'PF',
      count: 2,
      successful: 1,
      failed: 1,
      inconclusive: 0,
      error: 0,
      consecutiveError: 0,
      consecutiveSuccess: 0,
    },
    {
      sequence: 'EF',
      count: 1,
      successful: 0,
      failed: 1,
      inconclusive: 0,
      error: 1,
      consecutiveError: 0,
      consecutiveSuccess: 0,
    },
    {
      sequence: 'PI',
      count: 2,
      successful: 1,
      failed: 0,
      inconclusive: 1,
      error: 0,
      consecutiveError: 0,
      consecutiveSuccess: 0,
    },
    {
      sequence: 'EI',
      count: 1,
      successful: 0,
      failed: 0,
      inconclusive: 1,
      error: 1,
      consecutiveError: 0,
      consecutiveSuccess: 0,
    },
    {
      sequence: 'PE',
      count: 1,
      successful: 1,
      failed: 0,
      inconclusive: 0,
      error: 1,
      consecutiveError: 1,
      consecutiveSuccess: 0,
    },
    {
      sequence: 'EE',
      count: 0,
      successful: 0,
      failed: 0,
      inconclusive: 0,
      error: 2,
      consecutiveError: 2,
      consecutiveSuccess: 0,
    },
  ])('$sequence', ({ sequence, ...expected }) => {
    // Generous limits so nothing decides.
    const state = run(sequence, interval1m({ failureLimit: 5, inconclusiveLimit: 5 }));
    expect(state).toMatchObject(expected);
  });

  it('a pass resets consecutive errors; an error breaks a run of passes', () => {
    const limits = interval1m();
    expect(run('EEP', limits)).toMatchObject({
      error: 2,
      consecutiveError: 0,
      consecutiveSuccess: 1,
      count: 1,
    });
    expect(run('PPE', limits)).toMatchObject({ consecutiveError: 1, consecutiveSuccess: 0, count: 2 });
  });

  it('keeps the last 10 measurements, oldest first', () => {
    const state = run('PPPPPPPPPPPP', interval1m());
    expect(state.measurements).toHaveLength(10);
    expect(state.measurements[0]?.at).toBe(at(5).getTime());
    expect(state.count).toBe(12);
  });
});

describe('limits are strict ">" (§b.1)', () => {
  it.each([
    { failureLimit: 0, failsOn: 1 },
    { failureLimit: 1, failsOn: 2 },
    { failureLimit: 3, failsOn: 4 },
  ])('failureLimit $failureLimit fails on failure number $failsOn', ({ failureLimit, failsOn }) => {
    const limits = interval1m({ failureLimit });
    expect(statusAfter('F'.repeat(failsOn - 1), limits).status).toBe('running');
    const decided = statusAfter('F'.repeat(failsOn), limits);
    expect(decided).toMatchObject({ status: 'fail', rule: 'failureLimit' });
  });

  it.each([
    { inconclusiveLimit: 0, on: 1 },
    { inconclusiveLimit: 2, on: 3 },
  ])('inconclusiveLimit $inconclusiveLimit is inconclusive on number $on', ({ inconclusiveLimit, on }) => {
    const limits = interval1m({ inconclusiveLimit });
    expect(statusAfter('I'.repeat(on - 1), limits).status).toBe('running');
    expect(statusAfter('I'.repeat(on), limits)).toMatchObject({
      status: 'inconclusive',
      rule: 'inconclusiveLimit',
    });
  });

  it('consecutiveErrorLimit (default 4): 5 consecutive errors are an error, and count never moved', () => {
    const limits = interval1m();
    expect(statusAfter('EEEE', limits).status).toBe('running');
    const state = run('EEEEE', limits);
    expect(state.count).toBe(0);
    expect(state.error).toBe(5);
    expect(assessMetric(state, limits, context(60))).toMatchObject({
      status: 'error',
      rule: 'consecutiveErrorLimit',
    });
  });

  it('errors that are not consecutive never reach consecutiveErrorLimit', () => {
    expect(statusAfter('EEEEPEEEE', interval1m()).status).toBe('running');
  });

  it('failureLimit -1 disables failing: twenty failures and still running', () => {
    const limits = interval1m({ failureLimit: -1, consecutiveSuccessLimit: 3 });
    const state = run('F'.repeat(20), limits);
    expect(state.failed).toBe(20);
    expect(assessMetric(state, limits, context(60)).status).toBe('running');
  });
});

describe('assessment order: a later limit overwrites an earlier one (Error > Inconclusive > Failed)', () => {
  const limits = metricLimits();
  const crafted = (counters: Partial<MetricRunState>): MetricRunState => ({
    ...initialMetricRun(),
    ...counters,
  });
  it.each<{ counters: Partial<MetricRunState>; status: Phase; rule: string }>([
    {
      counters: { failed: 1, inconclusive: 1, consecutiveError: 5 },
      status: 'error',
      rule: 'consecutiveErrorLimit',
    },
    { counters: { failed: 1, inconclusive: 1 }, status: 'inconclusive', rule: 'inconclusiveLimit' },
    { counters: { failed: 1, consecutiveError: 5 }, status: 'error', rule: 'consecutiveErrorLimit' },
    { counters: { failed: 1 }, status: 'fail', rule: 'failureLimit' },
  ])('$counters → $status', ({ counters, status, rule }) => {
    expect(assessMetric(crafted(counters), limits, context(10))).toMatchObject({ status, rule });
  });

  it('a limit beats consecutiveSuccessLimit and the count', () => {
    const state = crafted({ count: 5, successful: 4, failed: 1, consecutiveSuccess: 4 });
    const limits5 = interval1m({ count: 5, consecutiveSuccessLimit: 3 });
    expect(assessMetric(state, limits5, context(10))).toMatchObject({ status: 'fail', rule: 'failureLimit' });
  });
});

describe('consecutiveSuccessLimit (≥, 0 = off) passes early', () => {
  it.each([
    { sequence: 'PPP', failureLimit: 0, status: 'pass', rule: 'consecutiveSuccessLimit' },
    { sequence: 'PPFPP', failureLimit: 1, status: 'running', rule: undefined },
    { sequence: 'PPFPPP', failureLimit: 1, status: 'pass', rule: 'consecutiveSuccessLimit' },
    { sequence: 'PPEP', failureLimit: 1, status: 'running', rule: undefined },
  ])(
    '$sequence with consecutiveSuccessLimit 3, failureLimit $failureLimit → $status',
    ({ sequence, failureLimit, status, rule }) => {
      const limits = interval1m({ consecutiveSuccessLimit: 3, failureLimit });
      const assessment = statusAfter(sequence, limits);
      expect(assessment.status).toBe(status);
      expect(assessment.rule).toBe(rule);
    },
  );

  it('is off at 0: passes never decide before the count', () => {
    expect(statusAfter('PPPPP', interval1m({ count: 10 })).status).toBe('running');
  });
});

describe('when the count is reached (§b.1 step 5)', () => {
  it.each<{ name: string; limits: Partial<MetricLimits>; sequence: string; status: Phase }>([
    {
      name: 'only failureLimit applies, not exceeded → pass',
      limits: { failureLimit: 1 },
      sequence: 'PFP',
      status: 'pass',
    },
    {
      name: 'both apply, neither hit → inconclusive',
      limits: { failureLimit: 1, consecutiveSuccessLimit: 3 },
      sequence: 'PFP',
      status: 'inconclusive',
    },
    {
      name: 'only consecutiveSuccessLimit applies, not reached → fail',
      limits: { failureLimit: -1, consecutiveSuccessLimit: 3 },
      sequence: 'PFP',
      status: 'fail',
    },
    // Glidepath: Argo would pass this (only failureLimit applies); no passing measurement, no pass.
    {
      name: 'only failureLimit applies but nothing passed → inconclusive',
      limits: { failureLimit: 3, inconclusiveLimit: 3 },
      sequence: 'FIF',
      status: 'inconclusive',
    },
  ])('$name', ({ limits, sequence, status }) => {
    const all = interval1m({ count: 3, ...limits });
    expect(statusAfter(sequence, all)).toMatchObject({ status, rule: 'count' });
  });

  it.each([
    { count: undefined, interval: undefined, expected: 1 },
    { count: 0, interval: undefined, expected: 1 },
    { count: undefined, interval: '1m', expected: undefined },
    { count: 0, interval: '1m', expected: undefined },
    { count: 5, interval: '1m', expected: 5 },
    { count: 1, interval: undefined, expected: 1 },
  ])('effective count of count $count, interval $interval is $expected', ({ count, interval, expected }) => {
    const limits = metricLimits({ count, interval: interval ? Duration.parse(interval) : undefined });
    expect(effectiveCount(limits)).toBe(expected);
  });

  it('no interval and no count: one measurement decides', () => {
    expect(statusAfter('P', metricLimits())).toMatchObject({ status: 'pass', rule: 'count' });
  });

  it('an interval without a count runs until the run ends', () => {
    expect(statusAfter('P'.repeat(50), interval1m()).status).toBe('running');
  });
});

describe('the b.1 worked example: interval 1m, count 10, failureLimit 2, successCondition result[0] >= 0.99', () => {
  const limits = interval1m({ count: 10, failureLimit: 2 });
  const criteria: MetricCriteria = { successCondition: compileCondition('result[0] >= 0.99', 'example') };
  /** Measures each value one minute apart through measurementPhase and the limits. */
  function measure(values: readonly number[], metric = criteria): MetricRunState {
    let state = initialMetricRun();
    values.forEach((value, i) => {
      const outcome = measurementPhase(metric, { values: [value], noData: false });
      state = recordMeasurement(state, outcome, limits, context(3 + i));
    });
    return state;
  }

  it('the third failed sample fails the metric', () => {
    const state = measure([0.995, 0.98, 0.995, 0.97, 0.995, 0.96]);
    expect(state.decided).toEqual({
      status: 'fail',
      rule: 'failureLimit',
      reason:
        'failed 3 of 6 measurements, more than failureLimit 2; last value 0.96 fails successCondition `result[0] >= 0.99`',
    });
    expect(nextMeasurementAt(state, limits, context(9))).toBeUndefined();
  });

  it('two failures across 10 samples pass, on the tenth', () => {
    const values = [0.995, 0.98, 0.995, 0.995, 0.97, 0.995, 0.995, 0.995, 0.995, 0.995];
    const nine = measure(values.slice(0, 9));
    expect(assessMetric(nine, limits, context(12)).status).toBe('running');
    expect(nextMeasurementAt(nine, limits, context(12))).toEqual(at(12)); // 9th at minute 11, + 1m
    const ten = measure(values);
    expect(ten.decided).toMatchObject({
      status: 'pass',
      rule: 'count',
      reason: '10 measurements taken: 8 passed, 2 failed, within the limits',
    });
    expect(nextMeasurementAt(ten, limits, context(13))).toBeUndefined();
  });

  it('five consecutive query errors, each retried 10 s later, are an Error though count never moved', () => {
    let state = initialMetricRun();
    let now = at(3);
    for (let i = 0; i < 5; i++) {
      state = recordMeasurement(state, ERROR, limits, { ...context(0), now });
      const next = nextMeasurementAt(state, limits, { ...context(0), now });
      if (i < 4) expect(next).toEqual(new Date(now.getTime() + ERROR_RETRY_INTERVAL_MS));
      now = next ?? now;
    }
    expect(state.count).toBe(0);
    expect(state.decided).toMatchObject({
      status: 'error',
      rule: 'consecutiveErrorLimit',
      reason:
        '5 consecutive measurement errors, more than consecutiveErrorLimit 4; last: prometheus query timed out after 30000 ms',
    });
  });

  it('adding failureCondition result[0] < 0.9: the first 0.95 is inconclusive and pauses (inconclusiveLimit 0)', () => {
    const withFailure: MetricCriteria = {
      ...criteria,
      failureCondition: compileCondition('result[0] < 0.9', 'example'),
    };
    const state = measure([0.995, 0.95], withFailure);
    expect(state.decided).toMatchObject({ status: 'inconclusive', rule: 'inconclusiveLimit' });
    expect(state.decided?.reason).toMatch(
      /^1 of 2 measurements inconclusive, more than inconclusiveLimit 0; last value 0\.95 fails/,
    );
  });
});

describe('no data: held until the step deadline, failed at it', () => {
  it('before warmupEnd it is held: recorded, counted nowhere', () => {
    const limits = interval1m();
    const state = recordMeasurement(initialMetricRun(), NODATA, limits, context(1));
    expect(state).toMatchObject({ held: 1, count: 0, inconclusive: 0, failed: 0 });
    expect(state.measurements[0]).toMatchObject({ phase: 'held', nodata: true });
    expect(assessMetric(state, limits, context(1)).status).toBe('running');
  });

  it('after warm-up and before the deadline it is still held: late data is waited for', () => {
    const limits = interval1m();
    const state = recordMeasurement(initialMetricRun(), NODATA, limits, context(2));
    expect(state).toMatchObject({ held: 1, count: 0, inconclusive: 0, failed: 0 });
    expect(state.measurements[0]?.reason).toMatch(
      /^no data yet \(the step deadline is .*\): no series returned/,
    );
    expect(assessMetric(state, limits, context(2)).status).toBe('running');
  });

  it('at the step deadline it is a failure', () => {
    const limits = interval1m({ inconclusiveLimit: 100 });
    const state = recordMeasurement(initialMetricRun(), NODATA, limits, context(30));
    expect(state).toMatchObject({ failed: 1, count: 1 });
    expect(state.decided).toMatchObject({
      status: 'fail',
      rule: 'failureLimit',
      reason:
        'failed 1 of 1 measurement, more than failureLimit 0; last: no data by the step deadline: no series returned: is the canary receiving traffic?',
    });
  });

  it('warm-up no-data never reaches a count: a single-measurement metric retries when warm-up ends', () => {
    const limits = metricLimits(); // count 1, no interval
    const state = recordMeasurement(initialMetricRun(), NODATA, limits, context(0.5));
    expect(assessMetric(state, limits, context(0.5)).status).toBe('running');
    expect(nextMeasurementAt(state, limits, context(0.5))).toEqual(at(2));
  });
});

describe('when the run ends before the metric is decided', () => {
  const terminating = context(20, true);
  it.each<{
    name: string;
    limits: MetricLimits;
    sequence: string;
    start?: number;
    status: Phase;
    says: string;
  }>([
    {
      name: 'zero measurements: inconclusive, never pass (Argo: Successful)',
      limits: interval1m({ count: 10, initialDelay: Duration.parse('30m') }),
      sequence: '',
      status: 'inconclusive',
      says: 'no measurement was taken (is initialDelay 30m longer than the step?)',
    },
    {
      name: 'only warm-up no-data: inconclusive',
      limits: interval1m({ count: 10 }),
      sequence: 'N',
      start: 1,
      status: 'inconclusive',
      says: 'only 1 measurement without data before the deadline',
    },
    {
      name: 'only errors: inconclusive',
      limits: interval1m({ count: 10 }),
      sequence: 'EE',
      status: 'inconclusive',
      says: 'every measurement errored (2)',
    },
    {
      name: 'passing measurements, no limit hit: pass',
      limits: interval1m({ count: 10, failureLimit: 2 }),
      sequence: 'PFP',
      status: 'pass',
      says: 'the run ended after 3 measurements: 2 passed, 1 failed, within the limits',
    },
    {
      name: 'measurements but none passed: inconclusive',
      limits: interval1m({ count: 10, failureLimit: 2 }),
      sequence: 'F',
      status: 'inconclusive',
      says: 'the run ended after 1 measurement and none passed',
    },
    {
      name: 'only consecutiveSuccessLimit applies and the streak was not reached: inconclusive',
      limits: interval1m({ failureLimit: -1, consecutiveSuccessLimit: 3 }),
      sequence: 'PP',
      status: 'inconclusive',
      says: 'before consecutiveSuccessLimit 3',
    },
  ])('$name', ({ limits, sequence, start, status, says }) => {
    const assessment = assessMetric(run(sequence, limits, start), limits, terminating);
    expect(assessment.status).toBe(status);
    expect(assessment.rule).toBe('terminated');
    expect(assessment.reason).toContain(says);
  });

  it('no new measurement starts once the run is terminating', () => {
    expect(nextMeasurementAt(initialMetricRun(), interval1m(), terminating)).toBeUndefined();
  });
});

describe('decisions are sticky', () => {
  it('a measurement recorded after the decision is ignored', () => {
    const limits = interval1m();
    const failed = run('F', limits);
    expect(failed.decided?.status).toBe('fail');
    expect(recordMeasurement(failed, PASS, limits, context(10))).toBe(failed);
  });

  it('an error decision survives later counters (it is stored, not recomputed)', () => {
    const limits = interval1m();
    const errored = run('EEEEE', limits);
    expect(assessMetric(errored, limits, context(60, true)).status).toBe('error');
  });
});

describe('nextMeasurementAt', () => {
  const limits = interval1m({ count: 5, initialDelay: Duration.parse('90s') });
  it.each([
    { name: 'first: step start + initialDelay', sequence: '', expected: T0 + 90_000 },
    { name: 'after a measurement: + interval', sequence: 'P', expected: at(4).getTime() },
    { name: 'after an error: + 10 s', sequence: 'PE', expected: at(4).getTime() + 10_000 },
  ])('$name', ({ sequence, expected }) => {
    expect(nextMeasurementAt(run(sequence, limits), limits, context(10))?.getTime()).toBe(expected);
  });

  it('starts at the step start without initialDelay', () => {
    expect(nextMeasurementAt(initialMetricRun(), interval1m(), context(0))).toEqual(at(0));
  });

  it('none once the count is reached', () => {
    const limits2 = interval1m({ count: 2, failureLimit: 5 });
    expect(nextMeasurementAt(run('PF', limits2), limits2, context(10))).toBeUndefined();
  });
});

describe('validateLimits', () => {
  const where = 'analysis.guardrails[0]';
  it('accepts the defaults and the worked example', () => {
    expect(validateLimits(metricLimits(), where)).toEqual([]);
    expect(validateLimits(interval1m({ count: 10, failureLimit: 2 }), where)).toEqual([]);
  });

  it.each<{ limits: Partial<MetricLimits>; problem: string }>([
    {
      limits: { count: 10 },
      problem: `${where}.count: 10 measurements need an interval between them; set interval (e.g. 1m), or count: 1`,
    },
    {
      limits: { failureLimit: -2 },
      problem: `${where}.failureLimit: must be a whole number of at least -1 (-1 disables it); got -2`,
    },
    {
      limits: { inconclusiveLimit: -1 },
      problem: `${where}.inconclusiveLimit: must be a whole number of at least 0; got -1`,
    },
    {
      limits: { consecutiveErrorLimit: 1.5 },
      problem: `${where}.consecutiveErrorLimit: must be a whole number of at least 0; got 1.5`,
    },
    {
      limits: { consecutiveSuccessLimit: -1 },
      problem: `${where}.consecutiveSuccessLimit: must be a whole number of at least 0 (0 turns it off); got -1`,
    },
    { limits: { count: -1 }, problem: `${where}.count: must be a whole number of at least 0; got -1` },
    {
      limits: { interval: Duration.parse('0s') },
      problem: `${where}.interval: must be longer than 0; got 0ms`,
    },
    {
      limits: { failureLimit: -1 },
      problem:
        `${where}.failureLimit: -1 disables failing and consecutiveSuccessLimit 0 disables passing early, so nothing ` +
        'could decide the metric; set failureLimit to 0 or more, or consecutiveSuccessLimit above 0',
    },
  ])('$limits → one problem', ({ limits, problem }) => {
    expect(validateLimits(metricLimits(limits), where)).toEqual([problem]);
  });
});

describe('metricRunVerdict and judgeRun', () => {
  it('builds the verdict with its one-sentence reason, recent values and criterion', () => {
    const limits = interval1m({ count: 10, failureLimit: 2 });
    const verdict = metricRunVerdict('success-rate', run('PFPFF', limits), limits, context(10), {
      queries: ['sum(rate(ok[2m])) / sum(rate(all[2m]))'],
      criterion: 'min 0.99',
    });
    expect(verdict).toEqual({
      name: 'success-rate',
      phase: 'fail',
      dryRun: false,
      queries: ['sum(rate(ok[2m])) / sum(rate(all[2m]))'],
      values: [0.995, 0.93, 0.995, 0.93, 0.93],
      criterion: 'min 0.99',
      reason: 'failed 3 of 5 measurements, more than failureLimit 2; last value 0.93 < min 0.99',
    });
  });

  it('a metric still running reads as inconclusive, and the criterion defaults to the limits', () => {
    const limits = interval1m({ count: 10 });
    const verdict = metricRunVerdict('latency', run('PP', limits), limits, context(10));
    expect(verdict.phase).toBe('inconclusive');
    expect(verdict.reason).toBe('still measuring: 2 of 10 measurements (2 passed)');
    expect(verdict.criterion).toBe(
      'failureLimit 0, inconclusiveLimit 0, consecutiveErrorLimit 4, count 10 every 1m',
    );
  });

  const verdict = (name: string, phase: Phase, dryRun = false): MetricVerdict => ({
    name,
    phase,
    dryRun,
    queries: [],
    values: [],
    criterion: '',
    reason: `${name} was ${phase}`,
  });

  it.each<{ phases: Phase[]; expected: Phase }>([
    { phases: ['pass', 'pass'], expected: 'pass' },
    { phases: ['pass', 'inconclusive'], expected: 'inconclusive' },
    { phases: ['inconclusive', 'error'], expected: 'error' },
    { phases: ['pass', 'inconclusive', 'error', 'fail'], expected: 'fail' },
  ])('the worst gating phase wins: $phases → $expected', ({ phases, expected }) => {
    expect(judgeRun(phases.map((phase, i) => verdict(`m${i}`, phase))).phase).toBe(expected);
  });

  it('a dry-run metric never gates, but the reason names it', () => {
    const result = judgeRun([verdict('errors', 'pass'), verdict('latency', 'fail', true)]);
    expect(result.phase).toBe('pass');
    expect(result.reason).toBe('all 1 gating metric passed (dry-run, not gating: latency fail)');
  });

  it('a dry-run limit breach decides nothing even when it is the only failure among many', () => {
    const limits = interval1m({ dryRun: true });
    const dry = metricRunVerdict('shadow', run('F', limits), limits, context(10));
    expect(dry).toMatchObject({ phase: 'fail', dryRun: true });
    expect(judgeRun([dry, verdict('errors', 'pass')]).phase).toBe('pass');
  });

  it('only dry-run metrics: inconclusive, never pass', () => {
    expect(judgeRun([verdict('shadow', 'pass', true)]).phase).toBe('inconclusive');
  });
});
