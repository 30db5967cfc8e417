/**
 * Default gate A, data sufficiency: whether a step has seen enough canary requests to be judged,
 * whether to extend its bake to get them, and which samples are too fresh to trust.
 *
 * Source: decision-and-evidence.md A4 (metric lag: Flagger's Datadog client skips the newest bucket
 * because it "almost always contains an incomplete bucket"; LaunchDarkly extends a step that lacks its
 * minimum sample and reverts when it still lacks it) and "Decision layer — ship" item 2 (defaults:
 * `minCanaryRequests` 500, `minStepDuration` 5 min, `metricLag` 1 min).
 * Pure: the clock comes in as `now`.
 */
import { Duration } from '../config/duration.js';
import type { Sample, Series } from '../metrics/providers/types.js';

/** Gate A's defaults ("Decision layer — ship" item 2). */
export const sufficiencyDefaults = {
  /** Canary requests before a step may be judged. */
  minSamples: 500,
  /** A step bakes at least this long, whatever its plan says. */
  minStepDuration: Duration.parse('5m'),
  /** Samples newer than `now − metricLag` are dropped: the newest bucket is still filling. */
  metricLag: Duration.parse('1m'),
} as const;

/** What to do about a step's data at this look. */
export type SufficiencyDecision =
  /** The planned bake is still running; look again until `until`. */
  | { readonly kind: 'bake'; readonly until: Date; readonly finalLook: false; readonly reason: string }
  /** The bake is over and there is enough data: this is the step's final look. */
  | { readonly kind: 'enough'; readonly finalLook: true; readonly reason: string }
  /** The bake is over but data is short: keep baking until `until` (at most the bake limit). */
  | { readonly kind: 'extend'; readonly until: Date; readonly finalLook: false; readonly reason: string }
  /**
   * The bake limit is spent and data is still short: this is the step's final look, and a judge that
   * needs the data must say `inconclusive` unless its evidence is decisive anyway.
   */
  | { readonly kind: 'inconclusive'; readonly finalLook: true; readonly reason: string };

/** One step's clock and canary count at a look. */
export interface SufficiencyInput {
  /** When the step started (exposure changed). */
  readonly stepStart: Date;
  /** When the step's bake is planned to end. Raised to `stepStart + minStepDuration` if earlier. */
  readonly plannedEnd: Date;
  /** The time of this look. */
  readonly now: Date;
  /** Canary requests since the step started. */
  readonly canaryRequests: number;
  /**
   * Canary requests the step needs. Default 500. May be `Infinity` when no finite count can be named
   * yet (the error-rate gate's `canaryRequestsNeeded` with an error-free baseline): the bake then
   * extends to its limit.
   */
  readonly minSamples?: number;
  /** Shortest bake. Default 5m. */
  readonly minStepDuration?: Duration;
  /** How far past the planned end the bake may be extended to reach `minSamples` (the bake limit). */
  readonly maxExtension: Duration;
}

/**
 * Decides whether the step may end now with enough data, must keep baking, or has run out of bake.
 * The extension is projected from the canary's request rate so far (rounded up to a whole minute)
 * and capped at `plannedEnd + maxExtension`; with no canary traffic yet it runs to the cap.
 */
export function assessSufficiency(input: SufficiencyInput): SufficiencyDecision {
  const { stepStart, now, canaryRequests, maxExtension } = input;
  const minSamples = input.minSamples ?? sufficiencyDefaults.minSamples;
  const minStepDuration = input.minStepDuration ?? sufficiencyDefaults.minStepDuration;
  if (!Number.isInteger(canaryRequests) || canaryRequests < 0) {
    throw new RangeError(`canary requests must be a non-negative integer; got ${canaryRequests}`);
  }
  if (!(minSamples >= 0)) throw new RangeError(`minSamples must be non-negative; got ${minSamples}`);
  const startMs = stepStart.getTime();
  const nowMs = now.getTime();
  if (nowMs < startMs) {
    throw new RangeError(
      `the look at ${now.toISOString()} is before the step started at ${stepStart.toISOString()}`,
    );
  }
  const endMs = Math.max(input.plannedEnd.getTime(), startMs + minStepDuration.milliseconds);
  const limitMs = endMs + maxExtension.milliseconds;
  const have = `${count(canaryRequests)} canary request${canaryRequests === 1 ? '' : 's'}`;
  const of = Number.isFinite(minSamples)
    ? `of minSamples ${count(minSamples)}`
    : 'of an unbounded minSamples';

  if (nowMs < endMs) {
    return {
      kind: 'bake',
      until: new Date(endMs),
      finalLook: false,
      reason: `${have} ${of}; the bake runs until ${clock(endMs)}`,
    };
  }
  if (canaryRequests >= minSamples) {
    return { kind: 'enough', finalLook: true, reason: `${have} ${of}; the bake is over` };
  }
  if (nowMs >= limitMs) {
    return {
      kind: 'inconclusive',
      finalLook: true,
      reason: `${have} ${of} when the bake limit (${maxExtension}) ran out at ${clock(limitMs)}; not enough data to judge`,
    };
  }
  // Project when minSamples arrives at the rate seen so far; looks happen on whole minutes, so round up.
  const rate = canaryRequests / Math.max(nowMs - startMs, 1);
  const projectedMs =
    rate > 0 && Number.isFinite(minSamples) ? nowMs + (minSamples - canaryRequests) / rate : Infinity;
  const untilMs = Math.min(Math.ceil(projectedMs / 60_000) * 60_000, limitMs);
  return {
    kind: 'extend',
    until: new Date(untilMs),
    finalLook: false,
    reason: `${have} ${of}; extending the bake to ${clock(untilMs)} (limit ${maxExtension})`,
  };
}

/** The newest instant whose samples are trusted: `now − metricLag`. Evaluate instant queries here. */
export function metricLagCutoff(now: Date, metricLag: Duration = sufficiencyDefaults.metricLag): Date {
  return new Date(now.getTime() - metricLag.milliseconds);
}

/**
 * Drops samples whose bucket is newer than `now − metricLag` (the newest, partial buckets). A series
 * left without samples is dropped too, so a result that was all partial buckets reads as no data
 * rather than as an empty-but-present series.
 */
export function dropLaggingSamples(
  series: readonly Series[],
  now: Date,
  metricLag: Duration = sufficiencyDefaults.metricLag,
): Series[] {
  // Sample timestamps are Unix seconds (Prometheus reports fractional seconds).
  const cutoffSeconds = metricLagCutoff(now, metricLag).getTime() / 1000;
  const kept: Series[] = [];
  for (const one of series) {
    const samples: Sample[] = one.samples.filter((sample) => sample.timestamp <= cutoffSeconds);
    if (samples.length > 0) kept.push({ labels: one.labels, samples });
  }
  return kept;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `12:40 UTC`, with seconds only when they are not zero. */
function clock(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19)} UTC`;
}
