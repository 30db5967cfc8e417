import { describe, expect, it } from '@jest/globals';
import { compileCondition, type Condition } from '../../../src/analysis/condition.js';
import {
  measurementPhase,
  type MeasuredResult,
  type MeasurementPhase,
  type MetricCriteria,
} from '../../../src/analysis/phase.js';

const condition = (source: string) => compileCondition(source, 'test');
const success = (source: string): MetricCriteria => ({ successCondition: condition(source) });
const failure = (source: string): MetricCriteria => ({ failureCondition: condition(source) });
const both = (s: string, f: string): MetricCriteria => ({
  successCondition: condition(s),
  failureCondition: condition(f),
});
const scalar = (value: number): MeasuredResult => ({ value, noData: false });
const vector = (...values: number[]): MeasuredResult => ({ values, noData: values.length === 0 });
const NO_DATA: MeasuredResult = { values: [], noData: true };
const { NaN: NAN, POSITIVE_INFINITY: INF, NEGATIVE_INFINITY: NEG_INF } = Number;

describe("measurementPhase: Argo's four-row table (§b.1 EvaluateResult)", () => {
  const S = 'result >= 0.95';
  const F = 'result < 0.9';
  it.each<{ row: string; metric: MetricCriteria; value: number; phase: MeasurementPhase['phase'] }>([
    // Row 1: nothing set → pass (Argo's code; its docs say Inconclusive).
    { row: 'unset/unset', metric: {}, value: 0.5, phase: 'pass' },
    // Row 2: success only → fail unless success.
    { row: 'success only, met', metric: success(S), value: 0.97, phase: 'pass' },
    { row: 'success only, not met', metric: success(S), value: 0.93, phase: 'fail' },
    // Row 3: failure only → fail if failure, else pass.
    { row: 'failure only, met', metric: failure(F), value: 0.85, phase: 'fail' },
    { row: 'failure only, not met', metric: failure(F), value: 0.93, phase: 'pass' },
    // Row 4: both → failure wins; success → pass; neither → inconclusive.
    { row: 'both, failure met', metric: both(S, F), value: 0.85, phase: 'fail' },
    { row: 'both, success met', metric: both(S, F), value: 0.97, phase: 'pass' },
    { row: 'both, neither met', metric: both(S, F), value: 0.93, phase: 'inconclusive' },
    { row: 'both met: failure wins', metric: both('result >= 0', F), value: 0.5, phase: 'fail' },
  ])('$row: $value → $phase', ({ metric, value, phase }) => {
    const outcome = measurementPhase(metric, scalar(value));
    expect(outcome.phase).toBe(phase);
    expect(outcome.nodata).toBe(false);
    expect(outcome.value).toBe(value);
  });

  it('says why, value first', () => {
    expect(measurementPhase(success(S), scalar(0.93)).reason).toBe(
      '0.93 fails successCondition `result >= 0.95`',
    );
    expect(measurementPhase(failure(F), scalar(0.85)).reason).toBe(
      '0.85 meets failureCondition `result < 0.9`',
    );
    expect(measurementPhase(failure(F), scalar(0.93)).reason).toBe(
      '0.93 does not meet failureCondition `result < 0.9`',
    );
    expect(measurementPhase(both(S, F), scalar(0.93)).reason).toBe(
      '0.93 fails successCondition `result >= 0.95`, and does not meet failureCondition `result < 0.9`: ' +
        'neither success nor failure',
    );
  });
});

describe('measurementPhase: A4 NaN / Inf / empty rows (conditions decide, exactly as in Argo)', () => {
  it.each<{
    row: string;
    metric: MetricCriteria;
    measured: MeasuredResult;
    phase: MeasurementPhase['phase'];
  }>([
    {
      row: 'isNaN(result) || result >= 0.95 passes NaN',
      metric: success('isNaN(result) || result >= 0.95'),
      measured: scalar(NAN),
      phase: 'pass',
    },
    {
      row: 'result >= 0.95 with failureCondition result < 0.95: NaN is inconclusive',
      metric: both('result >= 0.95', 'result < 0.95'),
      measured: scalar(NAN),
      phase: 'inconclusive',
    },
    {
      row: 'result >= 0.95 alone fails NaN',
      metric: success('result >= 0.95'),
      measured: scalar(NAN),
      phase: 'fail',
    },
    {
      row: '+Inf passes result >= 0.95',
      metric: success('result >= 0.95'),
      measured: scalar(INF),
      phase: 'pass',
    },
    {
      row: 'failureCondition isInf(result) fails +Inf',
      metric: failure('isInf(result)'),
      measured: scalar(INF),
      phase: 'fail',
    },
    {
      row: 'failureCondition isInf(result) fails -Inf',
      metric: failure('isInf(result)'),
      measured: scalar(NEG_INF),
      phase: 'fail',
    },
    {
      row: 'failureCondition isInf(result) passes 1',
      metric: failure('isInf(result)'),
      measured: scalar(1),
      phase: 'pass',
    },
    {
      row: 'empty vector: len(result) == 0 || result[0] >= 0.95 passes',
      metric: success('len(result) == 0 || result[0] >= 0.95'),
      measured: NO_DATA,
      phase: 'pass',
    },
    {
      row: 'empty vector: len(result) > 0 && result[0] >= 0.95 fails',
      metric: success('len(result) > 0 && result[0] >= 0.95'),
      measured: NO_DATA,
      phase: 'fail',
    },
    {
      row: 'range query: all(result, # < 1000) passes',
      metric: success('all(result, # < 1000)'),
      measured: vector(10, 999),
      phase: 'pass',
    },
    {
      row: 'range query: all(result, # < 1000) fails',
      metric: success('all(result, # < 1000)'),
      measured: vector(10, 1200),
      phase: 'fail',
    },
  ])('$row', ({ metric, measured, phase }) => {
    const outcome = measurementPhase(metric, measured);
    expect(outcome.phase).toBe(phase);
    expect(outcome.nodata).toBe(false);
  });
});

describe('measurementPhase: conditions that cannot be evaluated', () => {
  it('an empty vector indexed with result[0] is nodata, not an error, with the likely cause', () => {
    // Argo makes this an Error measurement ("metric result is nil or empty"); Glidepath lets the
    // limits decide (held in warm-up, inconclusive after, failed at the deadline).
    const outcome = measurementPhase(success('result[0] >= 0.95'), NO_DATA);
    expect(outcome).toEqual({
      phase: 'inconclusive',
      nodata: true,
      value: undefined,
      reason:
        'no series returned: is the canary receiving traffic? (successCondition `result[0] >= 0.95` could not be ' +
        'evaluated: metric result is nil or empty; write len(result) == 0 || … to decide an empty result yourself)',
    });
  });

  it('a missing result altogether (no values, no raw) is also nodata', () => {
    expect(measurementPhase(failure('result < 0.9'), { noData: true }).nodata).toBe(true);
  });

  it.each([
    { source: 'result[2] > 0', measured: vector(1, 2), says: 'index 2 is out of range' },
    { source: 'result >= 0.95', measured: vector(0.97), says: 'compares two numbers or two strings' },
    { source: 'result.ok == true', measured: { raw: 'ok', noData: false }, says: 'cannot read' },
  ])('$source on data it cannot judge is an error measurement', ({ source, measured, says }) => {
    const outcome = measurementPhase(success(source), measured);
    expect(outcome.phase).toBe('error');
    expect(outcome.nodata).toBe(false);
    expect(outcome.reason).toContain(`successCondition \`${source}\` could not be evaluated: `);
    expect(outcome.reason).toContain(says);
  });

  it('rethrows anything that is not a ConditionError (a bug, not a measurement)', () => {
    const broken: Condition = {
      source: 'x',
      evaluate: () => {
        throw new TypeError('bug');
      },
    };
    expect(() => measurementPhase({ successCondition: broken }, scalar(1))).toThrow(TypeError);
  });
});

describe('measurementPhase: min/max thresholds (inclusive bounds)', () => {
  it.each<{
    metric: MetricCriteria;
    measured: MeasuredResult;
    phase: MeasurementPhase['phase'];
    value?: number;
    reason: string;
  }>([
    { metric: { min: 0.99 }, measured: scalar(0.99), phase: 'pass', value: 0.99, reason: '0.99 ≥ min 0.99' },
    { metric: { min: 0.99 }, measured: scalar(0.93), phase: 'fail', value: 0.93, reason: '0.93 < min 0.99' },
    { metric: { max: 0.01 }, measured: scalar(0.01), phase: 'pass', value: 0.01, reason: '0.01 ≤ max 0.01' },
    {
      metric: { max: 0.01 },
      measured: scalar(0.0101),
      phase: 'fail',
      value: 0.0101,
      reason: '0.0101 > max 0.01',
    },
    { metric: { min: 0, max: 1 }, measured: scalar(1), phase: 'pass', value: 1, reason: '1 within [0, 1]' },
    {
      metric: { min: 0, max: 1 },
      measured: scalar(-0.5),
      phase: 'fail',
      value: -0.5,
      reason: '-0.5 < min 0',
    },
    { metric: { max: 500 }, measured: scalar(INF), phase: 'fail', value: INF, reason: '+Inf > max 500' },
    { metric: { min: 0.99 }, measured: scalar(INF), phase: 'pass', value: INF, reason: '+Inf ≥ min 0.99' },
    {
      metric: { min: 0.99 },
      measured: scalar(NEG_INF),
      phase: 'fail',
      value: NEG_INF,
      reason: '-Inf < min 0.99',
    },
    // Every value of a vector or range result must be inside; the offending one is reported.
    {
      metric: { min: 0.99 },
      measured: vector(0.995, 0.5, 0.999),
      phase: 'fail',
      value: 0.5,
      reason: '0.5 < min 0.99',
    },
    {
      metric: { min: 0.99 },
      measured: vector(0.995, 0.999),
      phase: 'pass',
      reason: 'all 2 values ≥ min 0.99',
    },
    // NaN points are no data, never healthy, but real points around them still judge.
    {
      metric: { min: 0.99 },
      measured: vector(0.995, NAN, 0.999),
      phase: 'pass',
      reason: 'all 2 values ≥ min 0.99 (1 NaN ignored)',
    },
    {
      metric: { min: 0.99 },
      measured: vector(NAN, 0.5),
      phase: 'fail',
      value: 0.5,
      reason: '0.5 < min 0.99',
    },
    // A web provider's numeric selection.
    {
      metric: { max: 200 },
      measured: { raw: 150, noData: false },
      phase: 'pass',
      value: 150,
      reason: '150 ≤ max 200',
    },
  ])('$metric with $measured → $phase ($reason)', ({ metric, measured, phase, value, reason }) => {
    const outcome = measurementPhase(metric, measured);
    expect(outcome).toEqual({ phase, nodata: false, value, reason });
  });

  it.each([
    { name: 'no series', measured: NO_DATA, reason: 'no series returned: is the canary receiving traffic?' },
    {
      name: 'NaN (a ratio over zero requests)',
      measured: scalar(NAN),
      reason: 'the query returned NaN, a ratio over zero requests: is the canary receiving traffic?',
    },
    {
      name: 'only NaN points',
      measured: vector(NAN, NAN),
      reason: 'the query returned NaN, a ratio over zero requests: is the canary receiving traffic?',
    },
  ])('$name with min/max is nodata, never a pass', ({ measured, reason }) => {
    expect(measurementPhase({ min: 0.99 }, measured)).toMatchObject({
      phase: 'inconclusive',
      nodata: true,
      reason,
    });
  });

  it('names the subject in the no-data hint', () => {
    expect(measurementPhase({ max: 0.01 }, NO_DATA, { subject: 'checkout-canary' }).reason).toBe(
      'no series returned: is checkout-canary receiving traffic?',
    );
  });

  it('a non-numeric selection cannot be judged by min/max: an error that says what to do', () => {
    const outcome = measurementPhase({ min: 1 }, { raw: 'healthy', noData: false });
    expect(outcome.phase).toBe('error');
    expect(outcome.reason).toBe(
      'min/max need numbers, got "healthy"; select a number in the query, or judge it with successCondition',
    );
  });
});

describe('measurementPhase: min/max combined with conditions (bounds are a success criterion)', () => {
  const F = 'result < 0.9';
  it.each<{
    name: string;
    metric: MetricCriteria;
    measured: MeasuredResult;
    phase: MeasurementPhase['phase'];
    nodata: boolean;
  }>([
    // Row 4 with min as the success criterion: the b.1 worked example's "0.95 is inconclusive".
    {
      name: 'min 0.99 + failure: 0.995 passes',
      metric: { min: 0.99, ...failure(F) },
      measured: scalar(0.995),
      phase: 'pass',
      nodata: false,
    },
    {
      name: 'min 0.99 + failure: 0.95 is inconclusive',
      metric: { min: 0.99, ...failure(F) },
      measured: scalar(0.95),
      phase: 'inconclusive',
      nodata: false,
    },
    {
      name: 'min 0.99 + failure: 0.85 fails',
      metric: { min: 0.99, ...failure(F) },
      measured: scalar(0.85),
      phase: 'fail',
      nodata: false,
    },
    // Row 2: bounds AND successCondition must both hold.
    {
      name: 'min 0 + success: in bounds, condition false → fail',
      metric: { min: 0, ...success('result <= 1') },
      measured: scalar(1.5),
      phase: 'fail',
      nodata: false,
    },
    {
      name: 'min 0 + success: out of bounds, condition true → fail',
      metric: { min: 0, ...success('result <= 1') },
      measured: scalar(-1),
      phase: 'fail',
      nodata: false,
    },
    {
      name: 'min 0 + success: both hold → pass',
      metric: { min: 0, ...success('result <= 1') },
      measured: scalar(0.5),
      phase: 'pass',
      nodata: false,
    },
    // A failureCondition that decides NaN wins over the bounds' "no data".
    {
      name: 'min + failureCondition isNaN(result): NaN fails',
      metric: { min: 0.99, ...failure('isNaN(result)') },
      measured: scalar(NAN),
      phase: 'fail',
      nodata: false,
    },
    {
      name: 'min + failureCondition silent on NaN: nodata',
      metric: { min: 0.99, ...failure(F) },
      measured: scalar(NAN),
      phase: 'inconclusive',
      nodata: true,
    },
  ])('$name', ({ metric, measured, phase, nodata }) => {
    expect(measurementPhase(metric, measured)).toMatchObject({ phase, nodata });
  });

  it('explains a combined inconclusive result', () => {
    expect(measurementPhase({ min: 0.99, ...failure(F) }, scalar(0.95)).reason).toBe(
      '0.95 < min 0.99, and does not meet failureCondition `result < 0.9`: neither success nor failure',
    );
    expect(measurementPhase({ min: 0, ...success('result <= 1') }, scalar(1.5)).reason).toBe(
      '1.5 ≥ min 0 and fails successCondition `result <= 1`',
    );
  });
});

describe('measurementPhase: no criteria at all (Argo passes anything)', () => {
  it('passes a measurement with data, saying why', () => {
    expect(measurementPhase({}, scalar(0.5))).toEqual({
      phase: 'pass',
      nodata: false,
      value: 0.5,
      reason: '0.5: no min, max, successCondition or failureCondition, so a measurement with data passes',
    });
  });

  it.each([
    { name: 'no series', measured: NO_DATA },
    { name: 'NaN', measured: scalar(NAN) },
  ])('$name is nodata: silence is not a pass', ({ measured }) => {
    expect(measurementPhase({}, measured)).toMatchObject({ phase: 'inconclusive', nodata: true });
  });
});
