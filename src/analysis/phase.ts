/**
 * Measurement → phase: what one measurement of one metric says, before the per-metric limits
 * (limits.ts) decide what the metric says.
 *
 * Source: anchors-rollouts.md §b.1 "Measurement → phase" (Argo's `EvaluateResult`) and
 * decision-and-evidence.md A4 (NaN/Inf/empty semantics) and "Decision layer — ship" item 1.
 *
 * `min`/`max` are Flagger-style `thresholdRange` bounds, both inclusive (`value >= min` and
 * `value <= max` pass). They count as a success criterion: the measurement "succeeds" when every
 * value is inside the bounds and the successCondition (if any) holds. Success and failure criteria
 * then combine by Argo's four-row table:
 *
 * | success criteria (min/max, successCondition) | failureCondition | phase |
 * |---|---|---|
 * | none | none | pass (Argo's code; its docs still say Inconclusive: the code branch dates to PR #368) |
 * | set | none | fail unless success |
 * | none | set | fail if failure, else pass |
 * | set | set | fail if failure (failure wins); pass if success; otherwise inconclusive |
 *
 * A condition that cannot be evaluated (`result[0]` of an empty vector, `nil < 0.95`, a list compared
 * with a number) makes an `error` measurement, as in Argo.
 *
 * Glidepath's fix of Argo's no-data gotcha: when nothing the user wrote decides a measurement with no
 * data — min/max with no series or only NaN (a ratio over zero requests), no criteria at all, or a
 * condition that cannot be evaluated because the result is empty — the measurement is `nodata`, not a
 * pass and not an error. It carries phase `inconclusive` and `nodata: true`, and the caller's limits
 * decide: held during warm-up, inconclusive after it, a failure at the step deadline. Conditions that
 * do evaluate on NaN or an empty result decide for themselves, exactly as in Argo (A4):
 * `isNaN(result) || result >= 0.95` passes NaN, and `len(result) == 0 || result[0] >= 0.95` passes an
 * empty vector.
 */
import { ConditionError, formatNumber, type Condition } from './condition.js';
import type { Phase } from './verdict.js';

/** How one metric judges a measurement. */
export interface MetricCriteria {
  /** Lowest acceptable value, inclusive. */
  readonly min?: number;
  /** Highest acceptable value, inclusive. */
  readonly max?: number;
  /** Holds for a good measurement (compiled with compileCondition). */
  readonly successCondition?: Condition;
  /** Holds for a bad measurement; wins over the success criteria. */
  readonly failureCondition?: Condition;
}

/** What a provider measured, as the analysis sees it. */
export interface MeasuredResult {
  /** The one value, for a scalar or single-sample result. */
  readonly value?: number;
  /** Every value, for a vector or range result; conditions see it as a list (`result[0]`). */
  readonly values?: readonly number[];
  /** A provider's selected document (`web`: the JSONPath selection); conditions see it as `result`. */
  readonly raw?: unknown;
  /** True when the back-end returned no series. */
  readonly noData: boolean;
}

/** Wording for reasons. */
export interface PhaseContext {
  /** What should be receiving traffic, for the no-data hint. Default `the canary`. */
  readonly subject?: string;
}

/** One measurement's phase and why. */
export interface MeasurementPhase {
  /** `inconclusive` when `nodata`; the limits turn that into held, inconclusive or failed. */
  readonly phase: Phase;
  /** True when no criterion could judge the measurement for lack of data (see the file comment). */
  readonly nodata: boolean;
  /** The value the judgement turned on (the offending one for a bound), when there is one number. */
  readonly value?: number;
  /** One clause saying why, starting with the value when there is one: `0.93 < min 0.99`. */
  readonly reason: string;
}

/**
 * The phase of one measurement under `metric`'s criteria. Pure; conditions are evaluated with
 * `result` bound to `raw` when set, else `values` (a list, as Argo's vector results), else `value`,
 * else an empty list when there is no data.
 */
export function measurementPhase(
  metric: MetricCriteria,
  measurement: MeasuredResult,
  context: PhaseContext = {},
): MeasurementPhase {
  const subject = context.subject ?? 'the canary';
  const shown = representativeValue(measurement);
  const shownText = describeResult(measurement, shown);
  const noDataHint = `no series returned: is ${subject} receiving traffic?`;

  // Argo evaluates both conditions first; an evaluation error makes the measurement an Error.
  const result = conditionInput(measurement);
  const outcomes: { success?: boolean; failure?: boolean } = {};
  for (const [key, name, condition] of [
    ['success', 'successCondition', metric.successCondition],
    ['failure', 'failureCondition', metric.failureCondition],
  ] as const) {
    if (!condition) continue;
    try {
      outcomes[key] = condition.evaluate(result);
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      const what = `${name} \`${condition.source}\` could not be evaluated: ${error.message}`;
      if (measurement.noData) {
        return nodata(
          `${noDataHint} (${what}; write len(result) == 0 || … to decide an empty result yourself)`,
        );
      }
      return { phase: 'error', nodata: false, value: shown, reason: `${shownText}: ${what}` };
    }
  }
  const { success, failure } = outcomes;
  const failureText = metric.failureCondition && `failureCondition \`${metric.failureCondition.source}\``;
  const successText = metric.successCondition && `successCondition \`${metric.successCondition.source}\``;

  if (failure === true) {
    return { phase: 'fail', nodata: false, value: shown, reason: `${shownText} meets ${failureText}` };
  }

  const hasBounds = metric.min !== undefined || metric.max !== undefined;
  const bounds = hasBounds ? checkBounds(metric, measurement, subject) : undefined;
  if (bounds?.state === 'nodata') return nodata(bounds.text);
  if (bounds?.state === 'not-numeric') {
    return { phase: 'error', nodata: false, value: shown, reason: bounds.text };
  }

  if (!hasBounds && !metric.successCondition && !metric.failureCondition) {
    if (measurement.noData) return nodata(`${noDataHint} (no criterion decides an empty result)`);
    const numbers = numericValues(measurement);
    if (numbers && numbers.length > 0 && numbers.every(Number.isNaN)) return nodata(nanHint(subject));
    return {
      phase: 'pass',
      nodata: false,
      value: shown,
      reason: `${shownText}: no min, max, successCondition or failureCondition, so a measurement with data passes`,
    };
  }

  const successSet = hasBounds || metric.successCondition !== undefined;
  const succeeded = bounds?.state !== 'out' && success !== false;
  const value = bounds?.value ?? shown;
  const valueText = bounds?.value !== undefined ? formatNumber(bounds.value) : shownText;
  const successParts = [bounds?.text, successText && `${succeeded ? 'meets' : 'fails'} ${successText}`];
  const successReason = successParts.filter(Boolean).join(' and ');
  // Bounds already start with the value; a condition alone needs the value in front.
  const withValue = (text: string) => (bounds ? text : `${valueText} ${text}`);

  if (!successSet) {
    return { phase: 'pass', nodata: false, value, reason: `${shownText} does not meet ${failureText}` };
  }
  if (succeeded) return { phase: 'pass', nodata: false, value, reason: withValue(successReason) };
  if (!metric.failureCondition)
    return { phase: 'fail', nodata: false, value, reason: withValue(successReason) };
  return {
    phase: 'inconclusive',
    nodata: false,
    value,
    reason: withValue(`${successReason}, and does not meet ${failureText}: neither success nor failure`),
  };

  function nodata(reason: string): MeasurementPhase {
    return { phase: 'inconclusive', nodata: true, value: shown, reason };
  }
}

/** The `result` a condition sees (see measurementPhase). */
function conditionInput(measurement: MeasuredResult): unknown {
  if (measurement.raw !== undefined) return measurement.raw;
  if (measurement.values !== undefined) return measurement.values;
  if (measurement.value !== undefined) return measurement.value;
  return measurement.noData ? [] : undefined;
}

/** The numbers min/max judge, or undefined when the result is not numeric (a `web` string, say). */
function numericValues(measurement: MeasuredResult): readonly number[] | undefined {
  if (measurement.values !== undefined) return measurement.values;
  if (measurement.value !== undefined) return [measurement.value];
  const raw = measurement.raw;
  if (raw === undefined) return [];
  if (typeof raw === 'number') return [raw];
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'number')) return raw as number[];
  return undefined;
}

/** The single number a measurement stands for, when it has one. */
function representativeValue(measurement: MeasuredResult): number | undefined {
  const numbers = numericValues(measurement);
  return numbers?.length === 1 ? numbers[0] : undefined;
}

/** The result in a few characters, for reasons. */
function describeResult(measurement: MeasuredResult, shown: number | undefined): string {
  if (shown !== undefined) return formatNumber(shown);
  const numbers = numericValues(measurement);
  if (numbers && numbers.length > 0) {
    const head = numbers.slice(0, 5).map(formatNumber).join(', ');
    return `[${head}${numbers.length > 5 ? `, … ${numbers.length} values` : ''}]`;
  }
  if (measurement.raw !== undefined && numbers === undefined) {
    const text = JSON.stringify(measurement.raw) ?? String(measurement.raw);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  }
  return 'no data';
}

function nanHint(subject: string): string {
  return `the query returned NaN, a ratio over zero requests: is ${subject} receiving traffic?`;
}

interface BoundsCheck {
  readonly state: 'in' | 'out' | 'nodata' | 'not-numeric';
  /** The offending value when out; the value when in and there is just one. */
  readonly value?: number;
  readonly text: string;
}

/** min/max, inclusive, over every non-NaN value; NaN points are no data, not a pass. */
function checkBounds(metric: MetricCriteria, measurement: MeasuredResult, subject: string): BoundsCheck {
  const { min, max } = metric;
  const numbers = numericValues(measurement);
  if (numbers === undefined) {
    return {
      state: 'not-numeric',
      text:
        `min/max need numbers, got ${describeResult(measurement, undefined)}; ` +
        'select a number in the query, or judge it with successCondition',
    };
  }
  if (measurement.noData || numbers.length === 0) {
    return { state: 'nodata', text: `no series returned: is ${subject} receiving traffic?` };
  }
  const real = numbers.filter((value) => !Number.isNaN(value));
  for (const value of real) {
    if (min !== undefined && value < min) {
      return { state: 'out', value, text: `${formatNumber(value)} < min ${formatNumber(min)}` };
    }
    if (max !== undefined && value > max) {
      return { state: 'out', value, text: `${formatNumber(value)} > max ${formatNumber(max)}` };
    }
  }
  const last = real[real.length - 1];
  if (last === undefined) return { state: 'nodata', text: nanHint(subject) };
  const range =
    min !== undefined && max !== undefined
      ? `within [${formatNumber(min)}, ${formatNumber(max)}]`
      : min !== undefined
        ? `≥ min ${formatNumber(min)}`
        : `≤ max ${formatNumber(max as number)}`;
  const skipped = numbers.length - real.length;
  const text =
    numbers.length === 1
      ? `${formatNumber(last)} ${range}`
      : `all ${real.length} values ${range}${skipped > 0 ? ` (${skipped} NaN ignored)` : ''}`;
  return { state: 'in', value: numbers.length === 1 ? last : undefined, text };
}
