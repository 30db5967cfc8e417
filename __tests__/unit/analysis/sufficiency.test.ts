import { describe, expect, it } from '@jest/globals';
import { Duration } from '../../../src/config/duration.js';
import {
  assessSufficiency,
  dropLaggingSamples,
  metricLagCutoff,
  sufficiencyDefaults,
  type SufficiencyInput,
} from '../../../src/analysis/sufficiency.js';
import type { Series } from '../../../src/metrics/providers/types.js';

const at = (hhmmss: string) => new Date(`2025-01-01T${hhmmss}Z`);
const step = (over: Partial<SufficiencyInput>): SufficiencyInput => ({
  stepStart: at('12:00:00'),
  plannedEnd: at('12:10:00'),
  now: at('12:10:00'),
  canaryRequests: 0,
  maxExtension: Duration.parse('30m'),
  ...over,
});

describe('assessSufficiency (gate A: minSamples with bake extension)', () => {
  it('has the defaults of "Decision layer — ship" item 2', () => {
    expect(sufficiencyDefaults.minSamples).toBe(500);
    expect(sufficiencyDefaults.minStepDuration.milliseconds).toBe(5 * 60_000);
    expect(sufficiencyDefaults.metricLag.milliseconds).toBe(60_000);
  });

  it.each([
    {
      name: 'before the planned end the bake goes on, however much data there is',
      input: { now: at('12:04:00'), canaryRequests: 5_000 },
      expected: {
        kind: 'bake',
        until: at('12:10:00'),
        finalLook: false,
        reason: '5,000 canary requests of minSamples 500; the bake runs until 12:10 UTC',
      },
    },
    {
      name: 'a planned end shorter than minStepDuration (5m) is raised to it',
      input: { plannedEnd: at('12:02:00'), now: at('12:03:00'), canaryRequests: 900 },
      expected: {
        kind: 'bake',
        until: at('12:05:00'),
        finalLook: false,
        reason: '900 canary requests of minSamples 500; the bake runs until 12:05 UTC',
      },
    },
    {
      name: 'at the planned end with minSamples reached: enough, final look',
      input: { canaryRequests: 500 },
      expected: {
        kind: 'enough',
        finalLook: true,
        reason: '500 canary requests of minSamples 500; the bake is over',
      },
    },
    {
      // 312 requests in 10 min = 31.2/min; 188 more take 6.03 min → 12:16:02, rounded up to 12:17.
      name: 'short of minSamples: extends to when the current rate reaches it, on a whole minute',
      input: { canaryRequests: 312 },
      expected: {
        kind: 'extend',
        until: at('12:17:00'),
        finalLook: false,
        reason: '312 canary requests of minSamples 500; extending the bake to 12:17 UTC (limit 30m)',
      },
    },
    {
      // 12 requests in 10 min = 1.2/min; 488 more would take 6 h 47 min, past the 12:40 limit.
      name: 'a projection past the bake limit is capped at plannedEnd + maxExtension',
      input: { canaryRequests: 12 },
      expected: {
        kind: 'extend',
        until: at('12:40:00'),
        finalLook: false,
        reason: '12 canary requests of minSamples 500; extending the bake to 12:40 UTC (limit 30m)',
      },
    },
    {
      name: 'no canary traffic yet: extends to the limit',
      input: { now: at('12:20:00'), canaryRequests: 0 },
      expected: {
        kind: 'extend',
        until: at('12:40:00'),
        finalLook: false,
        reason: '0 canary requests of minSamples 500; extending the bake to 12:40 UTC (limit 30m)',
      },
    },
    {
      name: 'the bake limit spent and still short: inconclusive, final look',
      input: { now: at('12:40:00'), canaryRequests: 499 },
      expected: {
        kind: 'inconclusive',
        finalLook: true,
        reason:
          '499 canary requests of minSamples 500 when the bake limit (30m) ran out at 12:40 UTC; not enough data to judge',
      },
    },
    {
      name: 'data arriving during the extension ends the step at once',
      input: { now: at('12:14:00'), canaryRequests: 510 },
      expected: {
        kind: 'enough',
        finalLook: true,
        reason: '510 canary requests of minSamples 500; the bake is over',
      },
    },
    {
      name: 'an unbounded minSamples (error-free baseline) extends to the limit',
      input: { canaryRequests: 4_000, minSamples: Infinity },
      expected: {
        kind: 'extend',
        until: at('12:40:00'),
        finalLook: false,
        reason:
          '4,000 canary requests of an unbounded minSamples; extending the bake to 12:40 UTC (limit 30m)',
      },
    },
    {
      name: 'a bake limit of 0 makes the planned end the last look',
      input: { canaryRequests: 100, maxExtension: Duration.parse('0s') },
      expected: {
        kind: 'inconclusive',
        finalLook: true,
        reason:
          '100 canary requests of minSamples 500 when the bake limit (0ms) ran out at 12:10 UTC; not enough data to judge',
      },
    },
  ])('$name', ({ input, expected }) => {
    expect(assessSufficiency(step(input))).toEqual(expected);
  });

  it('a limit that does not fall on a whole minute is printed with seconds', () => {
    const decision = assessSufficiency(step({ canaryRequests: 0, maxExtension: Duration.parse('90s') }));
    expect(decision).toMatchObject({ kind: 'extend', until: at('12:11:30') });
    expect(decision.reason).toBe(
      '0 canary requests of minSamples 500; extending the bake to 12:11:30 UTC (limit 90s)',
    );
  });

  it.each([
    { name: 'a negative request count', input: { canaryRequests: -1 } },
    { name: 'a fractional request count', input: { canaryRequests: 1.5 } },
    { name: 'a look before the step started', input: { now: at('11:59:00') } },
    { name: 'a negative minSamples', input: { minSamples: -3 } },
  ])('rejects $name', ({ input }) => {
    expect(() => assessSufficiency(step(input))).toThrow(RangeError);
  });
});

describe('metric lag: drop the newest, partial buckets', () => {
  const now = at('12:10:00');
  const seconds = (hhmmss: string) => at(hhmmss).getTime() / 1000;
  const series: Series[] = [
    {
      labels: { arm: 'canary' },
      samples: [
        { timestamp: seconds('12:08:00'), value: 1 },
        { timestamp: seconds('12:09:00'), value: 2 }, // exactly now − 60 s: complete, kept
        { timestamp: seconds('12:09:30'), value: 3 }, // newer: the partial bucket
      ],
    },
    { labels: { arm: 'baseline' }, samples: [{ timestamp: seconds('12:09:45'), value: 9 }] },
  ];

  it('the cutoff is now − metricLag, 1 minute by default', () => {
    expect(metricLagCutoff(now)).toEqual(at('12:09:00'));
    expect(metricLagCutoff(now, Duration.parse('5m'))).toEqual(at('12:05:00'));
  });

  it('keeps samples at or before the cutoff and drops series left empty', () => {
    expect(dropLaggingSamples(series, now)).toEqual([
      {
        labels: { arm: 'canary' },
        samples: [
          { timestamp: seconds('12:08:00'), value: 1 },
          { timestamp: seconds('12:09:00'), value: 2 },
        ],
      },
    ]);
  });

  it('a shorter lag keeps more', () => {
    const kept = dropLaggingSamples(series, now, Duration.parse('10s'));
    expect(kept.map((s) => s.samples.map((sample) => sample.value))).toEqual([[1, 2, 3], [9]]);
  });

  it('all samples partial reads as no data (no series), and the input is not modified', () => {
    expect(dropLaggingSamples(series, at('12:09:10'), Duration.parse('5m'))).toEqual([]);
    expect(series[0]!.samples).toHaveLength(3);
  });
});
