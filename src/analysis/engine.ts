/**
 * The analysis executor: runs a policy's guardrails against a metric provider, once or repeatedly
 * for a bake, and returns the verdict. Everything it decides is decided by the pure parts —
 * `phase.ts` (measurement → phase), `limits.ts` (Argo's counters and limits), `error-rate-gate.ts`
 * (mSPRT and the exact test), `kayenta-score.ts` (Mann–Whitney scoring), `sufficiency.ts` (minSamples
 * and bake extension), `burn-rate.ts` (SLO) — and this file only measures, schedules and sleeps,
 * through effects passed in (provider, clock, sleep), so tests replay a day in milliseconds.
 *
 * Time: every query is evaluated at `now − metricLag`, because the newest bucket is still filling
 * (A4). `{{window}}` is the policy's window for guardrails and the time since the step started for
 * the cumulative `counts` queries, whose `{{canary}}` is bound to the canary and then to the stable
 * version: the same query measures both arms.
 *
 * Provider failures: a TransientError (down, slow, garbage) is an `error` measurement and counts
 * toward `consecutiveErrorLimit`, as Argo's Error measurement does — never a pass. A
 * ConfigurationError (the back-end rejected the query or the credentials) stops the analysis: it
 * will not fix itself by waiting, and the user must change the policy.
 */
import type { AnalysisPolicy, GuardrailPolicy } from '../config/types.js';
import { Duration } from '../config/duration.js';
import { ConfigurationError, GlidepathError } from '../errors.js';
import { renderQuery, type TemplateVariables } from '../metrics/template.js';
import type { Measurement, MetricProvider } from '../metrics/providers/types.js';
import { burnRate, errorBudgetRemaining, multiWindowBurnFires, workbookBurnWindows } from './burn-rate.js';
import { compileCondition, formatNumber } from './condition.js';
import {
  canaryRequestsNeeded,
  judgeErrorRate,
  type ErrorRateJudgement,
  type ErrorRateState,
} from './error-rate-gate.js';
import { judgeKayenta, type KayentaMetricSamples } from './kayenta-score.js';
import {
  assessMetric,
  initialMetricRun,
  metricLimits,
  metricRunVerdict,
  nextMeasurementAt,
  recordMeasurement,
  type MetricLimits,
  type MetricRunState,
  type RunContext,
} from './limits.js';
import { initialMsprtState, type ArmCounts } from './msprt.js';
import { compareWithHistory, parseHistoryCriterion } from './history.js';
import { measurementPhase, type MeasurementPhase, type MetricCriteria } from './phase.js';
import { decideRepeated, parseRepeat } from './repeat.js';
import { assessSufficiency } from './sufficiency.js';
import { combineVerdicts, type MetricVerdict, type Verdict } from './verdict.js';

/** What is being judged. */
export interface AnalysisTarget {
  /** The canary's label value for `{{canary}}` (a version, track or pod-template hash). */
  canary?: string;
  /** The stable version's label value for `{{stable}}`; needed by comparisons. */
  stable?: string;
  /** `{{service}}`; the policy's service by default. */
  service?: string;
}

/** One analysis to run. */
export interface AnalysisRequest {
  policy: AnalysisPolicy;
  target: AnalysisTarget;
  /** When the step began (exposure changed): windows and warm-up are anchored here. */
  stepStart: Date;
  /** How long to bake; zero or undefined runs every guardrail once, now. */
  bake?: Duration;
  /**
   * Each guardrail's value in the last promoted releases, oldest first, for `history` criteria
   * (the `values` a passing analysis reported, kept by whoever records promotions).
   */
  history?: Readonly<Record<string, readonly number[]>>;
  /**
   * The error-rate test's state from the previous step's last look, per guardrail: one sequential
   * test spans the rollout, so its false-alarm bound is spent once (error-rate-gate.ts).
   */
  errorRateState?: Readonly<Record<string, ErrorRateState>>;
}

/** Effects, injected. */
export interface AnalysisEffects {
  provider: MetricProvider;
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** Progress lines for a person watching a long bake (stderr in the CLI). */
  progress?(line: string): void;
}

/** The verdict with the facts of the run. */
export interface AnalysisReport extends Verdict {
  stepStart: Date;
  /** When the last look happened. */
  finishedAt: Date;
  /** The deadline the bake ended at, after any extension. */
  deadline: Date;
  /** How many times the guardrails were looked at. */
  looks: number;
  /** Cumulative canary requests at the last look, when `counts` is configured. */
  canaryRequests?: number;
  /** mSPRT state per compared guardrail, to persist between workflow runs of one step. */
  /**
   * Sequential-test state per compared guardrail after the last look. The test spans the whole
   * rollout: pass it back as `errorRateState` for the next step (never for the same step again).
   */
  errorRateState: Readonly<Record<string, ErrorRateState>>;
}

/** One guardrail's threshold measurement loop. */
interface ThresholdRun {
  guard: GuardrailPolicy;
  criteria: MetricCriteria;
  limits: MetricLimits;
  state: MetricRunState;
  queries: string[];
}

/** Runs the analysis. Throws ConfigurationError when a query cannot be rendered or is rejected. */
export async function runAnalysis(
  request: AnalysisRequest,
  effects: AnalysisEffects,
): Promise<AnalysisReport> {
  const { policy, stepStart } = request;
  const baking = (request.bake?.milliseconds ?? 0) > 0;
  const started = effects.now();
  const warmupEnd = new Date(stepStart.getTime() + policy.warmup.milliseconds);
  // Once: this look is the last, and no data after warm-up is a failure; during warm-up it holds.
  let deadline = baking
    ? new Date(stepStart.getTime() + request.bake!.milliseconds)
    : new Date(Math.max(started.getTime(), warmupEnd.getTime()));
  const plannedEnd = deadline;
  const variables: TemplateVariables = {
    ...request.target,
    args: policy.args,
    stepStart: Math.floor(stepStart.getTime() / 1000),
  };

  const thresholds: ThresholdRun[] = policy.guardrails
    .filter((guard) => judgesMeasurements(guard))
    .map((guard) => ({
      guard,
      criteria: criteriaOf(guard),
      limits: metricLimits({
        ...guard.limits,
        // Once means one measurement each; a bake measures every interval until it ends.
        ...(baking ? {} : { count: 1, interval: undefined }),
        initialDelay: baking ? guard.limits.initialDelay : undefined,
        dryRun: guard.dryRun,
      }),
      state: initialMetricRun(),
      queries: [],
    }));
  const compared = policy.guardrails.filter((guard) => guard.compare?.test === 'msprt');
  const scored = policy.guardrails.filter((guard) => guard.compare?.test === 'mann-whitney');
  const msprt = new Map<string, { state: ErrorRateState; last?: ErrorRateJudgement }>(
    compared.map((guard) => [
      guard.name,
      { state: request.errorRateState?.[guard.name] ?? initialMsprtState },
    ]),
  );
  // Counts and the SLO are looked at every interval, whatever the guardrails' own schedules.
  const periodic = policy.counts !== undefined || policy.slo !== undefined;

  let looks = 0;
  let canaryRequests: number | undefined;
  let countsQueries: string[] = [];
  let stableServedNothing = false;
  let sampleVerdict: MetricVerdict | undefined;
  const sloVerdicts: MetricVerdict[] = [];
  let lastPeriodicLook: number | undefined;
  let now = started;

  for (;;) {
    now = effects.now();
    const lagged = new Date(now.getTime() - policy.metricLag.milliseconds);
    // Once is a single look: it is the final one even in warm-up, where no data then holds.
    let final = !baking || now.getTime() >= deadline.getTime();
    looks++;

    // Cumulative counts (minSamples, the sequential comparison) and the SLO, every interval.
    const periodicDue =
      periodic &&
      (lastPeriodicLook === undefined ||
        now.getTime() - lastPeriodicLook >= policy.interval.milliseconds ||
        final);
    if (periodicDue) lastPeriodicLook = now.getTime();
    const elapsed = Math.max(lagged.getTime() - stepStart.getTime(), 1000);
    if (periodicDue && policy.counts) {
      const window = `${Math.round(elapsed / 1000)}s`;
      const arms = await measureArms(policy.counts, variables, window, lagged, effects.provider);
      countsQueries = arms.queries;
      stableServedNothing = arms.stable !== undefined && arms.stable.requests === 0;
      if (arms.canary) canaryRequests = arms.canary.requests;
      if (baking && final) {
        const decision = assessSufficiency({
          stepStart,
          plannedEnd,
          now,
          canaryRequests: canaryRequests ?? 0,
          // A comparison also needs the canary to expect an error at stable's rate (n_c · p̂_b ≥ 1).
          minSamples:
            compared.length > 0 && arms.stable && arms.stable.requests > 0
              ? canaryRequestsNeeded(arms.stable, policy.minSamples)
              : policy.minSamples,
          minStepDuration: Duration.ofMilliseconds(0),
          maxExtension: policy.maxExtension,
        });
        if (decision.kind === 'extend') {
          deadline = decision.until;
          final = false;
          effects.progress?.(decision.reason);
        }
        sampleVerdict = samplesVerdict(canaryRequests, policy.minSamples, decision.reason, countsQueries);
      } else if (final) {
        sampleVerdict = samplesVerdict(canaryRequests, policy.minSamples, undefined, countsQueries);
      }
      for (const guard of compared) {
        const entry = msprt.get(guard.name)!;
        if (!arms.canary || !arms.stable) continue;
        const compare = guard.compare as Extract<GuardrailPolicy['compare'], { test: 'msprt' }>;
        const judgement = judgeErrorRate(
          { baseline: arms.stable, canary: arms.canary, state: entry.state, finalLook: final },
          {
            alpha: compare.alpha,
            ...(compare.tau === undefined ? {} : { tau: compare.tau }),
            minCanaryRequests: policy.minSamples,
          },
        );
        entry.state = judgement.state;
        entry.last = judgement;
      }
    }
    if (periodicDue && policy.slo) {
      sloVerdicts.length = 0;
      sloVerdicts.push(...(await sloChecks(policy, variables, elapsed, lagged, effects.provider)));
    }

    // Threshold guardrails that are due.
    for (const run of thresholds) {
      const due = nextMeasurementAt(run.state, run.limits, context(false));
      if (!due || due.getTime() > now.getTime()) continue;
      const query = renderQuery(run.guard.query, { ...variables, window: policy.window.toString() });
      run.queries = [query];
      const judged = await measureRepeated(run, query, lagged, effects.provider);
      run.state = recordMeasurement(run.state, judged, run.limits, context(false));
    }

    // Argo terminates a run once a gating metric is decided anything but a pass.
    const gatingFailure =
      thresholds.some(
        (run) => !run.guard.dryRun && run.state.decided !== undefined && run.state.decided.status !== 'pass',
      ) ||
      compared.some((guard) => {
        const last = msprt.get(guard.name)?.last;
        return !guard.dryRun && last?.decided === true && last.phase === 'fail';
      }) ||
      sloVerdicts.some((verdict) => !verdict.dryRun && verdict.phase === 'fail');
    const thresholdsSettled = thresholds.every(
      (run) => assessMetric(run.state, run.limits, context(false)).status !== 'running',
    );
    const onlyThresholds = !periodic && scored.length === 0;
    // A measurement that errored is retried (10 s apart, Argo's spacing) even past the deadline, until
    // it counts or consecutiveErrorLimit makes it an error: a provider outage must end in `error`,
    // not in a quiet "no evidence" because the bake ran out first.
    const retrying = thresholds.some(
      (run) => run.state.decided === undefined && run.state.measurements.at(-1)?.phase === 'error',
    );
    if (gatingFailure || (final && !retrying) || (onlyThresholds && thresholdsSettled)) break;

    // The next thing due strictly after now; a loop that cannot advance time would spin.
    const upcoming = [
      deadline.getTime(),
      ...thresholds.flatMap((run) => {
        const due = nextMeasurementAt(run.state, run.limits, context(false));
        return due ? [due.getTime()] : [];
      }),
      ...(lastPeriodicLook !== undefined && baking ? [lastPeriodicLook + policy.interval.milliseconds] : []),
    ].filter((time) => time > now.getTime());
    if (upcoming.length === 0) break;
    const wait = Math.min(...upcoming) - now.getTime();
    effects.progress?.(progressLine(now, currentVerdicts(), wait));
    await effects.sleep(wait);
  }

  // Kayenta comparisons judge the step's whole series once, at the end.
  const kayenta =
    scored.length > 0 ? await kayentaVerdicts(policy, scored, variables, stepStart, now, effects) : [];
  const versusHistory = policy.guardrails.flatMap((guard) => {
    const run = thresholds.find((candidate) => candidate.guard === guard);
    return guard.history && run ? [historyVerdict(guard, run, request.history?.[guard.name] ?? [])] : [];
  });
  const metrics = [...currentVerdicts(), ...versusHistory, ...kayenta];
  const verdict = combineVerdicts(metrics);
  return {
    ...verdict,
    stepStart,
    finishedAt: now,
    deadline,
    looks,
    ...(canaryRequests === undefined ? {} : { canaryRequests }),
    errorRateState: Object.fromEntries([...msprt].map(([name, entry]) => [name, entry.state])),
  };

  function currentVerdicts(): MetricVerdict[] {
    const ending = context(true);
    const verdicts: MetricVerdict[] = thresholds.map((run) =>
      metricRunVerdict(run.guard.name, run.state, run.limits, ending, {
        queries: run.queries,
        criterion: criterionOf(run.guard),
      }),
    );
    for (const guard of compared) {
      const last = msprt.get(guard.name)?.last;
      // At 100% stable serves nothing: there is no baseline to compare with, only the absolute guards.
      const noBaseline = stableServedNothing && last?.phase !== 'fail';
      verdicts.push({
        name: `${guard.name} vs stable`,
        phase: last ? (last.decided ? last.phase : 'inconclusive') : 'inconclusive',
        dryRun: guard.dryRun || noBaseline,
        queries: countsQueries,
        values: last ? [last.statistics.canaryRatio, last.statistics.baselineRatio] : [],
        criterion: last?.criterion ?? 'mSPRT on cumulative counts',
        reason: noBaseline
          ? 'stable served no requests in this step (the canary takes all traffic), so there is no baseline to compare with; the absolute guards decide'
          : (last?.reason ?? 'no counts were measured, so the canary was not compared with stable'),
      });
    }
    if (sampleVerdict) verdicts.push(sampleVerdict);
    verdicts.push(...sloVerdicts);
    return verdicts;
  }

  function context(terminating: boolean): RunContext {
    return { now, stepStart, warmupEnd, stepDeadline: deadline, terminating };
  }
}

/** Whether a guardrail judges each measurement (bounds or conditions), not only a comparison. */
function judgesMeasurements(guard: GuardrailPolicy): boolean {
  return [guard.min, guard.max, guard.successCondition, guard.failureCondition, guard.history].some(
    (part) => part !== undefined,
  );
}

function criteriaOf(guard: GuardrailPolicy): MetricCriteria {
  const where = (key: string) => `analysis.guardrails[${guard.name}].${key}`;
  return {
    ...(guard.min === undefined ? {} : { min: guard.min }),
    ...(guard.max === undefined ? {} : { max: guard.max }),
    ...(guard.successCondition === undefined
      ? {}
      : { successCondition: compileCondition(guard.successCondition, where('successCondition')) }),
    ...(guard.failureCondition === undefined
      ? {}
      : { failureCondition: compileCondition(guard.failureCondition, where('failureCondition')) }),
  };
}

function criterionOf(guard: GuardrailPolicy): string {
  const parts = [
    guard.min === undefined ? undefined : `min ${formatNumber(guard.min)}`,
    guard.max === undefined ? undefined : `max ${formatNumber(guard.max)}`,
    guard.successCondition && `success: ${guard.successCondition}`,
    guard.failureCondition && `failure: ${guard.failureCondition}`,
  ].filter(Boolean);
  const limit = guard.limits.failureLimit;
  return `${parts.join(', ')}${limit > 0 ? ` (failureLimit ${limit})` : ''}`;
}

type Outcome = { kind: 'measured'; measurement: Measurement } | { kind: 'error'; reason: string };

/**
 * One look at a threshold guardrail: `repeat` measurements, each judged, combined by the agreement
 * rule (repeat.ts). No data in every one of them is no data; otherwise disagreement is inconclusive.
 */
async function measureRepeated(
  run: ThresholdRun,
  query: string,
  time: Date,
  provider: MetricProvider,
): Promise<MeasurementPhase> {
  const phases: MeasurementPhase[] = [];
  for (let attempt = 0; attempt < run.guard.repeat; attempt++) {
    const outcome = await measure(provider, query, time, run.guard.name);
    phases.push(
      outcome.kind === 'error'
        ? { phase: 'error', nodata: false, reason: outcome.reason }
        : measurementPhase(run.criteria, toMeasured(outcome.measurement)),
    );
  }
  if (phases.length === 1) return phases[0]!;
  if (phases.every((phase) => phase.nodata)) return phases[0]!;
  const decided = decideRepeated(
    phases.map((phase) => (phase.nodata ? 'inconclusive' : phase.phase)),
    parseRepeat({ repeat: run.guard.repeat, agreement: run.guard.agreement }, `guardrail ${run.guard.name}`),
  );
  const last = [...phases].reverse().find((phase) => phase.value !== undefined);
  return {
    phase: decided.phase,
    nodata: false,
    ...(last?.value === undefined ? {} : { value: last.value }),
    reason: decided.reason,
  };
}

/** The guardrail's last value against the last promoted releases' values. */
function historyVerdict(
  guard: GuardrailPolicy,
  run: ThresholdRun,
  releases: readonly number[],
): MetricVerdict {
  const history = guard.history!;
  const where = `analysis.guardrails[${guard.name}].history`;
  const criterion = parseHistoryCriterion(
    { tolerance: history.tolerance, direction: history.direction, releases: history.releases },
    where,
  );
  const current = [...run.state.measurements]
    .reverse()
    .find((measurement) => measurement.value !== undefined)?.value;
  const name = `${guard.name} vs history`;
  if (current === undefined) {
    return {
      name,
      phase: 'inconclusive',
      dryRun: guard.dryRun,
      queries: run.queries,
      values: [],
      criterion: `within ${history.tolerance} of the last ${history.releases} releases`,
      reason: 'the guardrail measured no value to compare with history',
    };
  }
  const compared = compareWithHistory(current, releases, criterion);
  // Until a release is recorded there is nothing to compare with: report it, do not hold every first rollout.
  const noHistory = releases.filter((value) => !Number.isNaN(value)).length === 0;
  return {
    name,
    phase: compared.phase,
    dryRun: guard.dryRun || noHistory,
    queries: run.queries,
    values: compared.values,
    criterion: compared.criterion,
    reason: noHistory
      ? `${compared.reason}; not gating until a promoted release is recorded`
      : compared.reason,
  };
}

/** One query; transient failures become an error outcome, configuration failures stop the run. */
async function measure(provider: MetricProvider, query: string, time: Date, name: string): Promise<Outcome> {
  try {
    return { kind: 'measured', measurement: await provider.query({ query, time }) };
  } catch (error) {
    if (error instanceof ConfigurationError) {
      throw new ConfigurationError(`guardrail ${name}: ${error.message}`, undefined, { cause: error });
    }
    if (error instanceof GlidepathError) return { kind: 'error', reason: error.message };
    throw error;
  }
}

function toMeasured(measurement: Measurement) {
  const values = measurement.series.flatMap((series) => series.samples.map((sample) => sample.value));
  return {
    noData: measurement.noData,
    ...(measurement.value === undefined ? {} : { value: measurement.value }),
    ...(measurement.value === undefined && values.length > 0 ? { values } : {}),
    ...(measurement.raw === undefined ? {} : { raw: measurement.raw }),
  };
}

/** Cumulative requests and errors of both arms; an arm that cannot be measured is undefined. */
async function measureArms(
  counts: NonNullable<AnalysisPolicy['counts']>,
  variables: TemplateVariables,
  window: string,
  time: Date,
  provider: MetricProvider,
): Promise<{ canary?: ArmCounts; stable?: ArmCounts; queries: string[] }> {
  const queries: string[] = [];
  const arm = async (label: string | undefined): Promise<ArmCounts | undefined> => {
    if (label === undefined) return undefined;
    const bound = { ...variables, canary: label, window };
    const requestsQuery = renderQuery(counts.requests, bound);
    const errorsQuery = renderQuery(counts.errors, bound);
    queries.push(requestsQuery, errorsQuery);
    const [requests, errors] = await Promise.all([
      measure(provider, requestsQuery, time, 'counts.requests'),
      measure(provider, errorsQuery, time, 'counts.errors'),
    ]);
    const number = (outcome: Outcome): number | undefined =>
      outcome.kind === 'measured' ? (outcome.measurement.noData ? 0 : outcome.measurement.value) : undefined;
    const n = number(requests);
    const x = number(errors);
    if (n === undefined || x === undefined || !Number.isFinite(n) || !Number.isFinite(x)) return undefined;
    // increase() extrapolates to fractions; the tests need whole requests and errors.
    const total = Math.max(Math.round(n), 0);
    return { requests: total, errors: Math.min(Math.max(Math.round(x), 0), total) };
  };
  const canary = await arm(variables.canary);
  const stable = await arm(variables.stable);
  return { ...(canary ? { canary } : {}), ...(stable ? { stable } : {}), queries };
}

/** The minSamples verdict: pass once the canary has enough requests, inconclusive otherwise. */
function samplesVerdict(
  canaryRequests: number | undefined,
  minSamples: number,
  reason: string | undefined,
  queries: readonly string[],
): MetricVerdict {
  const have = canaryRequests ?? 0;
  const enough = canaryRequests !== undefined && have >= minSamples;
  return {
    name: 'minSamples',
    phase: enough ? 'pass' : 'inconclusive',
    dryRun: false,
    queries,
    values: canaryRequests === undefined ? [] : [have],
    criterion: `canary requests ≥ ${minSamples}`,
    reason:
      reason ??
      (canaryRequests === undefined
        ? 'the canary request count could not be measured'
        : `${have} canary requests of minSamples ${minSamples}${enough ? '' : '; not enough to judge'}`),
  };
}

/** SLO checks on the canary: the page-level multi-window burn over the step, and the budget freeze. */
async function sloChecks(
  policy: AnalysisPolicy,
  variables: TemplateVariables,
  elapsedMs: number,
  time: Date,
  provider: MetricProvider,
): Promise<MetricVerdict[]> {
  const slo = policy.slo!;
  const objective = slo.objective / 100;
  const page = workbookBurnWindows[0]!;
  const ratioOver = async (ms: number): Promise<{ query: string; value?: number }> => {
    const query = renderQuery(slo.errorRatio, {
      ...variables,
      window: `${Math.max(Math.round(ms / 1000), 1)}s`,
    });
    const outcome = await measure(provider, query, time, 'slo.errorRatio');
    return {
      query,
      ...(outcome.kind === 'measured' && outcome.measurement.value !== undefined
        ? { value: outcome.measurement.value }
        : {}),
    };
  };
  const long = await ratioOver(elapsedMs);
  const short = await ratioOver(elapsedMs / 12);
  const verdicts: MetricVerdict[] = [];
  const measured =
    long.value !== undefined &&
    short.value !== undefined &&
    !Number.isNaN(long.value) &&
    !Number.isNaN(short.value);
  const longBurn = measured ? burnRate(long.value!, objective) : NaN;
  const shortBurn = measured ? burnRate(short.value!, objective) : NaN;
  const fires = measured && multiWindowBurnFires(longBurn, shortBurn, page.burnRate);
  verdicts.push({
    name: 'slo-burn',
    phase: !measured ? 'inconclusive' : fires ? 'fail' : 'pass',
    dryRun: false,
    queries: [long.query, short.query],
    values: measured ? [longBurn, shortBurn] : [],
    criterion: `burn rate over the step and its last twelfth both ≤ ${formatNumber(Number(page.burnRate.toFixed(2)))}`,
    reason: !measured
      ? 'the canary error ratio returned no data, so the burn rate is unknown'
      : fires
        ? `the canary burns the error budget ${longBurn.toFixed(1)}× (step) and ${shortBurn.toFixed(1)}× (recent) too fast for a ${slo.objective}% SLO`
        : `burn rate ${longBurn.toFixed(2)}× over the step, ${shortBurn.toFixed(2)}× recently, within ${page.burnRate.toFixed(1)}×`,
  });
  if (slo.budgetErrorRatio) {
    const query = renderQuery(slo.budgetErrorRatio, { ...variables, window: slo.period.toString() });
    const outcome = await measure(provider, query, time, 'slo.budgetErrorRatio');
    const ratio = outcome.kind === 'measured' ? outcome.measurement.value : undefined;
    const known = ratio !== undefined && !Number.isNaN(ratio);
    const remaining = known ? errorBudgetRemaining(ratio, objective) : NaN;
    const frozen = known && remaining <= 0;
    verdicts.push({
      name: 'error-budget',
      phase: !known ? 'inconclusive' : frozen ? 'inconclusive' : 'pass',
      dryRun: !slo.freezeWhenExhausted,
      queries: [query],
      values: known ? [remaining] : [],
      criterion: `error budget remaining > 0 over ${slo.period.toString()}`,
      reason: !known
        ? 'the budget error ratio returned no data'
        : frozen
          ? `the ${slo.period.toString()} error budget is spent (${(remaining * 100).toFixed(1)}% remaining): release freeze`
          : `${(remaining * 100).toFixed(1)}% of the ${slo.period.toString()} error budget remains`,
    });
  }
  return verdicts;
}

/** Range-queries canary and stable over the step and scores them the Kayenta way. */
async function kayentaVerdicts(
  policy: AnalysisPolicy,
  scored: readonly GuardrailPolicy[],
  variables: TemplateVariables,
  stepStart: Date,
  now: Date,
  effects: AnalysisEffects,
): Promise<MetricVerdict[]> {
  const end = new Date(now.getTime() - policy.metricLag.milliseconds);
  const start = new Date(stepStart.getTime() + policy.warmup.milliseconds);
  if (end.getTime() <= start.getTime()) {
    // Still warming up: there are no trusted points to compare yet, which is no evidence either way.
    return [
      {
        name: 'canary-score',
        phase: 'inconclusive',
        dryRun: scored.every((guard) => guard.dryRun),
        queries: [],
        values: [],
        criterion: `score ≥ ${policy.scoring.pass} passes, ≥ ${policy.scoring.marginal} holds`,
        reason: `no points to compare yet: the step warms up until ${start.toISOString()} and the newest ${policy.metricLag.toString()} is skipped`,
      },
    ];
  }
  const samples: KayentaMetricSamples[] = [];
  const errors: MetricVerdict[] = [];
  for (const guard of scored) {
    const compare = guard.compare as Extract<GuardrailPolicy['compare'], { test: 'mann-whitney' }>;
    const points = async (label: string | undefined) => {
      if (label === undefined) {
        throw new ConfigurationError(
          `guardrail ${guard.name} compares with stable; pass the stable version (--stable)`,
        );
      }
      const query = renderQuery(guard.query, {
        ...variables,
        canary: label,
        window: policy.window.toString(),
      });
      if (end.getTime() <= start.getTime()) return { query, values: [] as number[] };
      const stepSeconds = Math.max(compare.step.milliseconds / 1000, 1);
      try {
        const measurement = await effects.provider.query({ query, range: { start, end, stepSeconds } });
        if (measurement.series.length > 1) {
          throw new ConfigurationError(
            `guardrail ${guard.name}: ${JSON.stringify(query)} returned ${measurement.series.length} series; aggregate it to one (e.g. wrap it in max())`,
          );
        }
        return { query, values: measurement.series[0]?.samples.map((sample) => sample.value) ?? [] };
      } catch (error) {
        if (error instanceof ConfigurationError || !(error instanceof GlidepathError)) throw error;
        return { query, error: error.message };
      }
    };
    const canary = await points(variables.canary);
    const stable = await points(variables.stable);
    if ('error' in canary || 'error' in stable) {
      errors.push({
        name: guard.name,
        phase: 'error',
        dryRun: guard.dryRun,
        queries: [canary.query, stable.query],
        values: [],
        criterion: 'Mann–Whitney, canary vs stable',
        reason: ('error' in canary ? canary.error : undefined) ?? (stable as { error: string }).error,
      });
      continue;
    }
    samples.push({
      name: guard.name,
      experiment: canary.values!,
      control: stable.values!,
      queries: [canary.query, stable.query],
    });
  }
  const judged = scored.filter((guard) => samples.some((sample) => sample.name === guard.name));
  if (judged.length === 0) return errors;
  const judgement = judgeKayenta(
    {
      metrics: judged.map((guard) => {
        const compare = guard.compare as Extract<GuardrailPolicy['compare'], { test: 'mann-whitney' }>;
        return {
          name: guard.name,
          group: compare.group,
          critical: compare.critical,
          mustHaveData: compare.mustHaveData,
          muted: guard.dryRun,
          direction: compare.direction,
          nanStrategy: compare.nanStrategy,
          outliers: { strategy: compare.outliers },
          effectSize: {
            allowedIncrease: compare.allowedIncrease,
            allowedDecrease: compare.allowedDecrease,
            criticalIncrease: Math.max(compare.allowedIncrease, 5),
            criticalDecrease: Math.min(compare.allowedDecrease, 0.5),
          },
        };
      }),
      groups: policy.scoring.groups,
      thresholds: { pass: policy.scoring.pass, marginal: policy.scoring.marginal },
      minPoints: policy.scoring.minPoints,
    },
    samples,
    'analysis.scoring',
  );
  const score: MetricVerdict = {
    name: 'canary-score',
    phase: judgement.verdict.phase,
    dryRun: judged.every((guard) => guard.dryRun),
    queries: [],
    values: judgement.score ? [judgement.score.score] : [],
    criterion: `score ≥ ${policy.scoring.pass} passes, ≥ ${policy.scoring.marginal} holds`,
    reason: judgement.verdict.reason,
  };
  // Per-metric verdicts explain the score; only the score gates, as in Kayenta.
  const explained = judgement.verdict.metrics.map((metric) => ({ ...metric, dryRun: true }));
  return [...errors, score, ...explained];
}

function progressLine(now: Date, verdicts: readonly MetricVerdict[], waitMs: number): string {
  const summary = verdicts.map((verdict) => `${verdict.name} ${verdict.phase}`).join(', ');
  return `${now.toISOString()} ${summary || 'measuring'}; next look in ${Math.round(waitMs / 1000)}s`;
}
