/**
 * Criteria relative to history: compare a metric's current value with what the last N promoted
 * releases measured for the same metric, e.g. "no more than 10 % above the median of the last 5".
 *
 * Source: anchors-rollouts.md §(b) b.4 (Keptn `slo.yaml` relative criteria `<=+10%`, `<=+50`,
 * `compare_with: several_results`, aggregate avg/p50/p90/p95) and §(e) (comparison with history is
 * something users ask for and none of the anchors ship outside Keptn). Two departures from Keptn:
 * - the reference is the **median** of the last N values, not their mean: one odd release (a
 *   regression that got promoted and was then fixed, a noisy measurement, a traffic spike) moves a
 *   mean of five by a fifth of its size but leaves the median where the other four put it, and a
 *   bad release must not loosen the bar for the next one;
 * - with no history Keptn passes the criterion; we return `inconclusive` ("no history yet"), because
 *   silence is not evidence (verdict.ts).
 */

import { ConfigurationError } from '../errors.js';
import type { Phase } from './verdict.js';

/** How far the current value may move from the reference, parsed once from the policy's text. */
export type HistoryTolerance =
  /** `+10%`, `-5%`: bound = reference × (1 + fraction). */
  | { readonly kind: 'relative'; readonly fraction: number; readonly text: string }
  /** `+0.02`, `-3`: bound = reference + delta, in the metric's own unit. */
  | { readonly kind: 'absolute'; readonly delta: number; readonly text: string }
  /** `x1.5`: bound = reference × factor. */
  | { readonly kind: 'ratio'; readonly factor: number; readonly text: string };

/** Which way is a regression. */
export type HistoryDirection =
  /** Latency, error rate, memory: the current value must stay at or below the bound. */
  | 'higher-is-worse'
  /** Throughput, success rate: the current value must stay at or above the bound. */
  | 'lower-is-worse';

/** A validated history criterion. */
export interface HistoryCriterion {
  readonly tolerance: HistoryTolerance;
  readonly direction: HistoryDirection;
  /** How many of the most recent promoted releases make the reference (N). Default 5. */
  readonly releases: number;
  /** Fewer usable releases than this → `inconclusive`. Default 1. */
  readonly minReleases: number;
  /** Shown after numbers, e.g. `ms`. */
  readonly unit?: string;
}

/** The policy's text form of a history criterion. */
export interface HistoryCriterionInput {
  /** `+10%`, `-5%` (relative), `+0.02` (absolute, signed), or `x1.5` (ratio). */
  readonly tolerance: string;
  readonly direction: HistoryDirection;
  readonly releases?: number;
  readonly minReleases?: number;
  readonly unit?: string;
}

/** The default N: five releases. */
export const DEFAULT_HISTORY_RELEASES = 5;

/** What `compareWithHistory` concluded, ready for a `MetricVerdict`. */
export interface HistoryComparison {
  readonly phase: Phase;
  /** E.g. `≤ median of last 5 releases (120 ms) + 10% = 132 ms`. */
  readonly criterion: string;
  /** One sentence saying why this phase. */
  readonly reason: string;
  /** The releases' values used, oldest first, then the current value. */
  readonly values: readonly number[];
  /** Median of the releases used; absent without history. */
  readonly reference?: number;
  /** The limit the current value was held to; absent without a usable reference. */
  readonly bound?: number;
}

const RELATIVE = /^([+-])(\d+(?:\.\d+)?|\.\d+)%$/;
const ABSOLUTE = /^([+-])(\d+(?:\.\d+)?|\.\d+)$/;
const RATIO = /^x(\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Parses a tolerance: `+10%` / `-5%` (relative, sign required), `+0.02` (absolute, sign required),
 * `x1.5` (ratio, greater than 0). Anything else is a ConfigurationError naming `where`. The sign is
 * required so that a bare `10` cannot be read as either "10 above" or "at most 10".
 */
export function parseHistoryTolerance(text: string, where: string): HistoryTolerance {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const size = Number(relative[2]) / 100;
    return { kind: 'relative', fraction: relative[1] === '-' ? -size : size, text: trimmed };
  }
  const absolute = ABSOLUTE.exec(trimmed);
  if (absolute) {
    const size = Number(absolute[2]);
    return { kind: 'absolute', delta: absolute[1] === '-' ? -size : size, text: trimmed };
  }
  const ratio = RATIO.exec(trimmed);
  if (ratio && Number(ratio[1]) > 0) return { kind: 'ratio', factor: Number(ratio[1]), text: trimmed };
  throw new ConfigurationError(
    `${where}: "${text}" is not a tolerance; write +10% or -5% (relative to history), +0.02 (absolute, with its sign) or x1.5 (a ratio above 0)`,
  );
}

/** Validates the text form into a `HistoryCriterion`; ConfigurationError naming `where` otherwise. */
export function parseHistoryCriterion(input: HistoryCriterionInput, where: string): HistoryCriterion {
  const tolerance = parseHistoryTolerance(input.tolerance, `${where}.tolerance`);
  if (input.direction !== 'higher-is-worse' && input.direction !== 'lower-is-worse') {
    throw new ConfigurationError(
      `${where}.direction: "${String(input.direction)}" is not a direction; use higher-is-worse or lower-is-worse`,
    );
  }
  const releases = input.releases ?? DEFAULT_HISTORY_RELEASES;
  if (!(Number.isInteger(releases) && releases >= 1)) {
    throw new ConfigurationError(`${where}.releases: must be a whole number of at least 1; got ${releases}`);
  }
  const minReleases = input.minReleases ?? 1;
  if (!(Number.isInteger(minReleases) && minReleases >= 1 && minReleases <= releases)) {
    throw new ConfigurationError(
      `${where}.minReleases: must be a whole number from 1 to releases (${releases}); got ${minReleases}`,
    );
  }
  return {
    tolerance,
    direction: input.direction,
    releases,
    minReleases,
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
  };
}

/** The median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the median of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Compares `current` with the last `criterion.releases` values of `history` (promoted releases only,
 * oldest first; NaN entries — releases that did not measure the metric — are skipped before taking
 * the last N). The bound is the reference (their median) moved by the tolerance; the current value
 * passes at the bound itself. `inconclusive` with fewer than `minReleases` usable values ("no history
 * yet"), with a NaN current value, and for relative or ratio tolerances on a reference ≤ 0, where
 * "10 % more than nothing" means nothing (use an absolute tolerance there).
 */
export function compareWithHistory(
  current: number,
  history: readonly number[],
  criterion: HistoryCriterion,
): HistoryComparison {
  const usable = history.filter((value) => !Number.isNaN(value));
  const used = usable.slice(-criterion.releases);
  const unit = (value: number) => (criterion.unit ? `${format(value)} ${criterion.unit}` : format(value));
  const comparator = criterion.direction === 'higher-is-worse' ? '≤' : '≥';
  const values = [...used, current];

  if (used.length < criterion.minReleases) {
    return {
      phase: 'inconclusive',
      criterion: `${comparator} median of last ${criterion.releases} releases ${describe(criterion.tolerance)}`,
      reason:
        used.length === 0
          ? 'no history yet: no promoted release has a value for this metric'
          : `no history yet: ${used.length} promoted release${used.length === 1 ? ' has' : 's have'} a value, fewer than minReleases ${criterion.minReleases}`,
      values,
    };
  }
  const reference = median(used);
  const what = used.length === 1 ? 'the last release' : `median of last ${used.length} releases`;
  const base = `${comparator} ${what} (${unit(reference)}) ${describe(criterion.tolerance)}`;
  const tolerance = criterion.tolerance;
  if (tolerance.kind !== 'absolute' && !(reference > 0)) {
    return {
      phase: 'inconclusive',
      criterion: base,
      reason: `the reference is ${unit(reference)}, and a ${tolerance.kind} tolerance needs a positive one; use an absolute tolerance such as +0.01`,
      values,
      reference,
    };
  }
  // Rounded to 12 significant digits so float noise never decides a comparison the user wrote in
  // decimal: 1.13 × 1.1 is 1.2429999999999999 in binary, which would fail a current 1.243.
  const raw =
    tolerance.kind === 'relative'
      ? reference * (1 + tolerance.fraction)
      : tolerance.kind === 'absolute'
        ? reference + tolerance.delta
        : reference * tolerance.factor;
  const bound = Number(raw.toPrecision(12));
  const criterionText = `${base} = ${unit(bound)}`;
  if (Number.isNaN(current)) {
    return {
      phase: 'inconclusive',
      criterion: criterionText,
      reason: 'no current value to compare (NaN: no data)',
      values,
      reference,
      bound,
    };
  }
  const within = criterion.direction === 'higher-is-worse' ? current <= bound : current >= bound;
  const change = ` (${signedPercent(current, reference)} against ${unit(reference)})`;
  return {
    phase: within ? 'pass' : 'fail',
    criterion: criterionText,
    reason: within
      ? `current ${unit(current)} ${comparator} ${unit(bound)}${change}`
      : `current ${unit(current)} is ${criterion.direction === 'higher-is-worse' ? 'above' : 'below'} ${unit(bound)}${change}`,
    values,
    reference,
    bound,
  };
}

/** `+ 10%`, `− 5%`, `+ 0.02`, `× 1.5`, as they read after the reference. */
function describe(tolerance: HistoryTolerance): string {
  switch (tolerance.kind) {
    case 'relative':
      return `${tolerance.fraction < 0 ? '−' : '+'} ${format(Math.abs(tolerance.fraction) * 100)}%`;
    case 'absolute':
      return `${tolerance.delta < 0 ? '−' : '+'} ${format(Math.abs(tolerance.delta))}`;
    case 'ratio':
      return `× ${format(tolerance.factor)}`;
  }
}

/** `+16.7%`; `±0%` when equal. */
function signedPercent(current: number, reference: number): string {
  if (current === reference) return '±0%';
  // |reference|, so that moving up from a negative reference still reads as "+".
  const percent = (100 * (current - reference)) / Math.abs(reference);
  if (!Number.isFinite(percent)) return current > reference ? '+∞%' : '−∞%';
  const size = format(Number(Math.abs(percent).toFixed(1)));
  return percent > 0 ? `+${size}%` : percent < 0 ? `−${size}%` : '±0%';
}

/** Six significant digits without float noise: 120 × 1.1 → "132", not "132.00000000000003". */
function format(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}
