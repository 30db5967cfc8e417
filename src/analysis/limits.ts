/**
 * Per-metric limits: Argo Rollouts' metric state machine, as pure functions over plain data, plus
 * Glidepath's fixes of its gotchas.
 *
 * Source: anchors-rollouts.md §b.1 "Per-metric counters", "Metric assessment", "Run-level
 * aggregation" and the worked example; decision-and-evidence.md A4 and "Decision layer — ship"
 * item 1.
 *
 * Argo's model, kept exactly:
 * - Counters: a pass adds to `successful` and `count`, zeroes `consecutiveError` and extends
 *   `consecutiveSuccess`; a failure or inconclusive result adds to its counter and `count` and zeroes
 *   both consecutive counters; an error adds to `error` and `consecutiveError` only — `count` does
 *   not move, and the next attempt comes 10 s later instead of after `interval`, so errors stretch
 *   the run rather than consume it.
 * - Limits are strict ">": failureLimit 3 fails on the 4th failure, the defaults on the 1st;
 *   failureLimit −1 disables it. They are checked in the order failure, inconclusive, consecutive
 *   errors, and a later hit overwrites an earlier one, so Error > Inconclusive > Failed.
 * - Then consecutiveSuccessLimit (≥, 0 = off) passes early; then, once `count` is reached: both
 *   failureLimit and consecutiveSuccessLimit applicable → inconclusive, only consecutiveSuccessLimit
 *   → fail, only failureLimit → pass.
 * - Effective count: no interval and no count (or count 0) → 1; an interval without a count runs
 *   until the run ends; count > 1 needs an interval.
 *
 * Glidepath's fixes:
 * - No data before `stepDeadline` is held: recorded, but not counted anywhere (not `count`, not
 *   inconclusiveLimit), so metric lag and a slow first scrape are waited out; at or after the
 *   deadline it is a failure (Flagger counts no data as a failed check). A run that ends with only
 *   held measurements is inconclusive — during warm-up that is the expected answer.
 * - A metric never passes without a passing measurement. Argo passes a run that ends before any
 *   measurement (and a background analysis whose initialDelay outlives the steps passes with none);
 *   here a metric with no counted measurement when the run ends is inconclusive, as is a metric
 *   that reached its count or the end of the run with only failed or inconclusive measurements.
 * - A run that ends early passes a metric only when it had a passing measurement and hit no limit;
 *   a metric whose only pass criterion is consecutiveSuccessLimit (failureLimit −1) is inconclusive
 *   if the run ends before the streak.
 * - An error also breaks a run of consecutive successes.
 *
 * Time is passed in (`RunContext.now`), never read. The state is plain JSON-safe data (times as epoch
 * milliseconds) so it can be carried between workflow runs.
 */
import type { Duration } from '../config/duration.js';
import { formatNumber } from './condition.js';
import type { MeasurementPhase } from './phase.js';
import { combineVerdicts, type MetricVerdict, type Phase, type Verdict } from './verdict.js';

/** Argo's `DefaultErrorRetryInterval`: an errored measurement is retried this soon. */
export const ERROR_RETRY_INTERVAL_MS = 10_000;

/** Measurements kept per metric for the report (Argo keeps 10). */
export const KEPT_MEASUREMENTS = 10;

/** How many measurements a metric may take and how many may go wrong. */
export interface MetricLimits {
  /** Failed measurements tolerated; the metric fails on one more. Default 0; −1 disables. */
  readonly failureLimit: number;
  /** Inconclusive measurements tolerated; the metric is inconclusive on one more. Default 0. */
  readonly inconclusiveLimit: number;
  /** Consecutive errors tolerated; the metric errors on one more. Default 4. */
  readonly consecutiveErrorLimit: number;
  /** Consecutive passes that pass the metric early. Default 0 = off. */
  readonly consecutiveSuccessLimit: number;
  /** Measurements to take (errors and warm-up no-data do not count). See {@link effectiveCount}. */
  readonly count?: number;
  /** Time between measurements. */
  readonly interval?: Duration;
  /** Time from the step's start to the first measurement, for metric lag. */
  readonly initialDelay?: Duration;
  /** Observed and reported, never gating. Default false. */
  readonly dryRun: boolean;
}

/** Argo's defaults (`utils/defaults/defaults.go`, type comments). */
export const DEFAULT_METRIC_LIMITS: MetricLimits = {
  failureLimit: 0,
  inconclusiveLimit: 0,
  consecutiveErrorLimit: 4,
  consecutiveSuccessLimit: 0,
  dryRun: false,
};

/** `limits` with every unset field at its default. */
export function metricLimits(limits: Partial<MetricLimits> = {}): MetricLimits {
  const defined = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_METRIC_LIMITS, ...defined };
}

/** Where the run is in time. */
export interface RunContext {
  /** The current time, passed in. */
  readonly now: Date;
  /** When the step (and the metric's clock) started. */
  readonly stepStart: Date;
  /** Before this, no data is held rather than counted. */
  readonly warmupEnd: Date;
  /** From this on, no data is a failure. */
  readonly stepDeadline: Date;
  /** The run is ending: no new measurements start, and undecided metrics are settled. */
  readonly terminating: boolean;
}

/** What happened to one recorded measurement. */
export type RecordedPhase =
  | Phase
  /** No data before the step deadline: kept for the report, counted nowhere. */
  | 'held';

/** One measurement as the metric's history keeps it. */
export interface RecordedMeasurement {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly phase: RecordedPhase;
  /** The measurement had no data (whatever it was counted as). */
  readonly nodata: boolean;
  readonly value?: number;
  readonly reason: string;
}

/** A metric's counters and recent history; plain data. */
export interface MetricRunState {
  /** Counted measurements: passes, failures and inconclusive results; not errors, not held. */
  readonly count: number;
  readonly successful: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly error: number;
  readonly consecutiveError: number;
  readonly consecutiveSuccess: number;
  /** No-data measurements before the step deadline (held, counted nowhere). */
  readonly held: number;
  /** Epoch milliseconds of the last measurement of any kind. */
  readonly lastMeasuredAt?: number;
  /** The last {@link KEPT_MEASUREMENTS} measurements, oldest first. */
  readonly measurements: readonly RecordedMeasurement[];
  /** Set once the metric is decided; later measurements are ignored (Argo terminates them). */
  readonly decided?: MetricAssessment;
}

/** A metric's status: a phase, or still measuring. */
export type MetricStatus = Phase | 'running';

/** Which rule decided a metric. */
export type DecidingRule =
  | 'failureLimit'
  | 'inconclusiveLimit'
  | 'consecutiveErrorLimit'
  | 'consecutiveSuccessLimit'
  /** The effective count was reached. */
  | 'count'
  /** The run ended before the metric was otherwise decided. */
  | 'terminated';

/** The status of a metric and why. */
export interface MetricAssessment {
  readonly status: MetricStatus;
  /** Absent while running. */
  readonly rule?: DecidingRule;
  /** One sentence. */
  readonly reason: string;
}

/** The state before the first measurement. */
export function initialMetricRun(): MetricRunState {
  return {
    count: 0,
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    consecutiveError: 0,
    consecutiveSuccess: 0,
    held: 0,
    measurements: [],
  };
}

/**
 * The measurements a metric takes: `count`, or 1 when neither count nor interval is set, or
 * undefined (until the run ends) for an interval without a count (Argo's `EffectiveCount`).
 */
export function effectiveCount(limits: MetricLimits): number | undefined {
  if (limits.count === undefined || limits.count === 0) return limits.interval ? undefined : 1;
  return limits.count;
}

/** Problems with `limits`, each naming the field under `where`; empty when they are usable. */
export function validateLimits(limits: MetricLimits, where: string): string[] {
  const problems: string[] = [];
  const whole = (field: keyof MetricLimits, value: number | undefined, least: number, meaning: string) => {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < least) {
      problems.push(`${where}.${field}: must be a whole number ${meaning}; got ${value}`);
    }
  };
  whole('failureLimit', limits.failureLimit, -1, 'of at least -1 (-1 disables it)');
  whole('inconclusiveLimit', limits.inconclusiveLimit, 0, 'of at least 0');
  whole('consecutiveErrorLimit', limits.consecutiveErrorLimit, 0, 'of at least 0');
  whole('consecutiveSuccessLimit', limits.consecutiveSuccessLimit, 0, 'of at least 0 (0 turns it off)');
  whole('count', limits.count, 0, 'of at least 0');
  if (limits.interval && limits.interval.milliseconds <= 0) {
    problems.push(`${where}.interval: must be longer than 0; got ${limits.interval.toString()}`);
  }
  if (limits.count !== undefined && limits.count > 1 && !limits.interval) {
    problems.push(
      `${where}.count: ${limits.count} measurements need an interval between them; ` +
        'set interval (e.g. 1m), or count: 1',
    );
  }
  if (limits.failureLimit === -1 && limits.consecutiveSuccessLimit === 0) {
    problems.push(
      `${where}.failureLimit: -1 disables failing and consecutiveSuccessLimit 0 disables passing early, ` +
        'so nothing could decide the metric; set failureLimit to 0 or more, or consecutiveSuccessLimit above 0',
    );
  }
  return problems;
}

/**
 * Records one measurement's outcome (from measurementPhase, or `{ phase: 'error', … }` for a provider
 * that kept failing) and decides the metric if a rule now applies. No-data outcomes are classed by
 * `context.now`: held before warm-up ends, failed at or after the step deadline, inconclusive between.
 * A measurement recorded after the metric was decided is ignored.
 */
export function recordMeasurement(
  state: MetricRunState,
  outcome: MeasurementPhase,
  limits: MetricLimits,
  context: RunContext,
): MetricRunState {
  if (state.decided) return state;
  const at = context.now.getTime();
  let phase: RecordedPhase = outcome.phase;
  let reason = outcome.reason;
  if (outcome.nodata && outcome.phase !== 'error') {
    if (at >= context.stepDeadline.getTime()) {
      phase = 'fail';
      reason = `no data by the step deadline: ${outcome.reason}`;
    } else {
      // Held until the deadline: late data is waited for, and silence that lasts the step fails it.
      phase = 'held';
      reason =
        at < context.warmupEnd.getTime()
          ? `no data during warm-up: ${outcome.reason}`
          : `no data yet (the step deadline is ${context.stepDeadline.toISOString()}): ${outcome.reason}`;
    }
  }

  const next: { -readonly [K in keyof MetricRunState]: MetricRunState[K] } = { ...state, lastMeasuredAt: at };
  switch (phase) {
    case 'pass':
      next.successful++;
      next.count++;
      next.consecutiveError = 0;
      next.consecutiveSuccess++;
      break;
    case 'fail':
      next.failed++;
      next.count++;
      next.consecutiveError = 0;
      next.consecutiveSuccess = 0;
      break;
    case 'inconclusive':
      next.inconclusive++;
      next.count++;
      next.consecutiveError = 0;
      next.consecutiveSuccess = 0;
      break;
    case 'error':
      next.error++;
      next.consecutiveError++;
      next.consecutiveSuccess = 0;
      break;
    case 'held':
      next.held++;
      next.consecutiveError = 0;
      next.consecutiveSuccess = 0;
      break;
  }
  const recorded: RecordedMeasurement = {
    at,
    phase,
    nodata: outcome.nodata,
    reason,
    ...(outcome.value !== undefined ? { value: outcome.value } : {}),
  };
  next.measurements = [...state.measurements, recorded].slice(-KEPT_MEASUREMENTS);
  const assessment = assessMetric(next, limits, context);
  return assessment.status === 'running' ? next : { ...next, decided: assessment };
}

/**
 * The metric's status now, in Argo's order: the limits (Error > Inconclusive > Failed when several
 * are exceeded), consecutiveSuccessLimit, the count, then the end of the run (see the file comment).
 */
export function assessMetric(
  state: MetricRunState,
  limits: MetricLimits,
  context: RunContext,
): MetricAssessment {
  if (state.decided) return state.decided;

  let exceeded: MetricAssessment | undefined;
  if (limits.failureLimit >= 0 && state.failed > limits.failureLimit) {
    exceeded = {
      status: 'fail',
      rule: 'failureLimit',
      reason:
        `failed ${state.failed} of ${measurementsText(state.count)}, more than failureLimit ${limits.failureLimit}` +
        lastOf(state, 'fail'),
    };
  }
  if (state.inconclusive > limits.inconclusiveLimit) {
    exceeded = {
      status: 'inconclusive',
      rule: 'inconclusiveLimit',
      reason:
        `${state.inconclusive} of ${measurementsText(state.count)} inconclusive, more than inconclusiveLimit ` +
        `${limits.inconclusiveLimit}` +
        lastOf(state, 'inconclusive'),
    };
  }
  if (state.consecutiveError > limits.consecutiveErrorLimit) {
    exceeded = {
      status: 'error',
      rule: 'consecutiveErrorLimit',
      reason:
        `${state.consecutiveError} consecutive measurement errors, more than consecutiveErrorLimit ` +
        `${limits.consecutiveErrorLimit}` +
        lastOf(state, 'error'),
    };
  }
  if (exceeded) return exceeded;

  const successLimit = limits.consecutiveSuccessLimit;
  const successApplies = successLimit > 0;
  const failureApplies = limits.failureLimit >= 0;
  if (successApplies && state.consecutiveSuccess >= successLimit) {
    return {
      status: 'pass',
      rule: 'consecutiveSuccessLimit',
      reason: `passed ${state.consecutiveSuccess} consecutive measurements, reaching consecutiveSuccessLimit ${successLimit}`,
    };
  }

  const target = effectiveCount(limits);
  if (target !== undefined && state.count >= target) {
    const taken = `${measurementsText(state.count)} taken`;
    if (failureApplies && successApplies) {
      return {
        status: 'inconclusive',
        rule: 'count',
        reason:
          `${taken} without ${successLimit} consecutive passes (consecutiveSuccessLimit) ` +
          `or more than failureLimit ${limits.failureLimit} failures`,
      };
    }
    if (successApplies) {
      return {
        status: 'fail',
        rule: 'count',
        reason: `${taken} without ${successLimit} consecutive passes (consecutiveSuccessLimit)`,
      };
    }
    if (state.successful === 0) {
      return {
        status: 'inconclusive',
        rule: 'count',
        reason: `${taken} and none passed, which is no evidence of health` + lastOf(state),
      };
    }
    return { status: 'pass', rule: 'count', reason: `${taken}: ${tally(state)}, within the limits` };
  }

  if (context.terminating) return terminated(state, limits);
  const sofar = target === undefined ? `${state.count} so far` : `${state.count} of ${target}`;
  return { status: 'running', reason: `still measuring: ${sofar} measurements (${tally(state)})` };
}

/**
 * When the next measurement is due, or undefined when none is: the step start plus initialDelay
 * first, 10 s after an error, `interval` after anything else; none once the metric is decided, its
 * count reached, or the run ending.
 */
export function nextMeasurementAt(
  state: MetricRunState,
  limits: MetricLimits,
  context: RunContext,
): Date | undefined {
  if (state.decided || context.terminating) return undefined;
  const target = effectiveCount(limits);
  if (target !== undefined && state.count >= target) return undefined;
  const last = state.measurements[state.measurements.length - 1];
  if (state.lastMeasuredAt === undefined || !last) {
    return new Date(context.stepStart.getTime() + (limits.initialDelay?.milliseconds ?? 0));
  }
  if (last.phase === 'error') return new Date(state.lastMeasuredAt + ERROR_RETRY_INTERVAL_MS);
  if (limits.interval) return new Date(state.lastMeasuredAt + limits.interval.milliseconds);
  // No interval means a single measurement; one held without data is retried (after warm-up).
  return new Date(Math.max(state.lastMeasuredAt + ERROR_RETRY_INTERVAL_MS, context.warmupEnd.getTime()));
}

/** Optional detail for {@link metricRunVerdict}. */
export interface MetricVerdictDetails {
  /** The resolved queries, canary first. */
  readonly queries?: readonly string[];
  /** The threshold applied, e.g. `min 0.99`; defaults to a summary of the limits. */
  readonly criterion?: string;
}

/**
 * The verdict on one metric: its assessment as a phase (a metric still running reads as
 * inconclusive: it has not earned a pass), with its recent values and the one-sentence reason.
 * `limits.dryRun` marks it as never gating.
 */
export function metricRunVerdict(
  name: string,
  state: MetricRunState,
  limits: MetricLimits,
  context: RunContext,
  details: MetricVerdictDetails = {},
): MetricVerdict {
  const assessment = assessMetric(state, limits, context);
  const values = state.measurements.flatMap((measurement) =>
    measurement.value === undefined ? [] : [measurement.value],
  );
  return {
    name,
    phase: assessment.status === 'running' ? 'inconclusive' : assessment.status,
    dryRun: limits.dryRun,
    queries: details.queries ?? [],
    values: values.slice(-5),
    criterion: details.criterion ?? describeLimits(limits),
    reason: assessment.reason,
  };
}

/**
 * The run's verdict: the worst phase among gating metrics (combineVerdicts: dry-run metrics never
 * gate, and a run with no gating metric is inconclusive); dry-run metrics that did not pass are
 * named at the end of the reason, as Argo's `dryRunSummary` tallies them.
 */
export function judgeRun(metrics: readonly MetricVerdict[]): Verdict {
  const verdict = combineVerdicts(metrics);
  const dryRunIssues = metrics.filter((metric) => metric.dryRun && metric.phase !== 'pass');
  if (dryRunIssues.length === 0) return verdict;
  const noted = dryRunIssues.map((metric) => `${metric.name} ${metric.phase}`).join(', ');
  return { ...verdict, reason: `${verdict.reason} (dry-run, not gating: ${noted})` };
}

/** Settles a metric the run stopped before anything else decided it. */
function terminated(state: MetricRunState, limits: MetricLimits): MetricAssessment {
  if (state.count === 0) {
    const why =
      state.held > 0
        ? `only ${state.held} measurement${state.held === 1 ? '' : 's'} without data before the deadline` +
          lastOf(state, 'held')
        : state.error > 0
          ? `every measurement errored (${state.error})` + lastOf(state, 'error')
          : 'no measurement was taken' +
            (limits.initialDelay
              ? ` (is initialDelay ${limits.initialDelay.toString()} longer than the step?)`
              : '');
    return {
      status: 'inconclusive',
      rule: 'terminated',
      reason: `the run ended before any measurement counted: ${why}; a metric never passes without one`,
    };
  }
  if (limits.failureLimit < 0) {
    return {
      status: 'inconclusive',
      rule: 'terminated',
      reason:
        `the run ended after ${state.consecutiveSuccess} consecutive passes, ` +
        `before consecutiveSuccessLimit ${limits.consecutiveSuccessLimit}`,
    };
  }
  if (state.successful === 0) {
    return {
      status: 'inconclusive',
      rule: 'terminated',
      reason: `the run ended after ${measurementsText(state.count)} and none passed` + lastOf(state),
    };
  }
  return {
    status: 'pass',
    rule: 'terminated',
    reason: `the run ended after ${measurementsText(state.count)}: ${tally(state)}, within the limits`,
  };
}

function measurementsText(count: number): string {
  return `${count} measurement${count === 1 ? '' : 's'}`;
}

/** `8 passed, 2 failed` — the non-zero counters. */
function tally(state: MetricRunState): string {
  const parts = [
    [state.successful, 'passed'],
    [state.failed, 'failed'],
    [state.inconclusive, 'inconclusive'],
    [state.error, state.error === 1 ? 'error' : 'errors'],
    [state.held, 'held without data'],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  return shown.length > 0 ? shown.join(', ') : 'none yet';
}

/** `; last value 0.93 < min 0.99` from the latest measurement of `phase` (any phase when omitted). */
function lastOf(state: MetricRunState, phase?: RecordedPhase): string {
  const found = [...state.measurements]
    .reverse()
    .find((measurement) => !phase || measurement.phase === phase);
  if (!found) return '';
  return found.value !== undefined && found.reason.startsWith(formatNumber(found.value))
    ? `; last value ${found.reason}`
    : `; last: ${found.reason}`;
}

/** `failureLimit 2, count 10 every 1m` — the limits in a few words, for the report. */
function describeLimits(limits: MetricLimits): string {
  const parts = [
    limits.failureLimit < 0 ? 'failureLimit off' : `failureLimit ${limits.failureLimit}`,
    `inconclusiveLimit ${limits.inconclusiveLimit}`,
    `consecutiveErrorLimit ${limits.consecutiveErrorLimit}`,
  ];
  if (limits.consecutiveSuccessLimit > 0)
    parts.push(`consecutiveSuccessLimit ${limits.consecutiveSuccessLimit}`);
  const target = effectiveCount(limits);
  const every = limits.interval ? ` every ${limits.interval.toString()}` : '';
  parts.push(target === undefined ? `until the run ends${every}` : `count ${target}${every}`);
  return parts.join(', ');
}
