/**
 * Kayenta-compatible canary scoring: per metric NaN strategy → optional IQR outlier removal →
 * Mann–Whitney classification (`judgeMetric`), then group scores, a weighted summary score and the
 * Pass / Marginal / Fail classification, mapped to our `Verdict`.
 *
 * Source: decision-and-evidence.md A2 and "Decision layer — ship" item 6; anchors-rollouts.md §(c)
 * (spinnaker/kayenta `NetflixACAJudge.scala`, `WeightedSumScorer.scala`, `ThresholdScoreClassifier.scala`,
 * `IQRDetector.scala`). Where we depart from Kayenta it is on purpose and said at the spot:
 * - a metric with fewer than `minPoints` points makes the judgement `inconclusive` (Kayenta only warns);
 * - a weighted group whose metrics are all muted counts as an empty group (100), not as 0;
 * - weights over 100, and weights that can never add up to 100, are configuration problems.
 */

import { ConfigurationError } from '../errors.js';
import {
  judgeMetric,
  type MetricClassification,
  type MetricDirection,
  type MetricJudgement,
  type MannWhitneyJudgeOptions,
  type NanStrategy,
} from './mann-whitney.js';
import type { MetricVerdict, Phase, Verdict } from './verdict.js';

/** Kayenta's per-metric classification, plus `Error` for a metric the judge could not classify. */
export type KayentaClassification =
  | MetricClassification
  /** The statistics threw (all observations tied, infinite values); left out of every denominator. */
  | 'Error';

/** Kayenta's classification of the summary score (`ThresholdScoreClassifier`). */
export type ScoreClassification =
  /** score ≥ pass threshold. */
  | 'Pass'
  /** marginal ≤ score < pass. */
  | 'Marginal'
  /** score < marginal. */
  | 'Fail';

/** Mean-ratio effect sizes a significant change must reach (Kayenta `canary.effectSize`). */
export interface KayentaEffectSize {
  /** meanRatio at or above which a significant increase is `High`. */
  readonly allowedIncrease: number;
  /** meanRatio at or below which a significant decrease is `Low`. */
  readonly allowedDecrease: number;
  /** meanRatio at or above which a `High` on a critical metric fails the whole canary. */
  readonly criticalIncrease: number;
  /** meanRatio at or below which a `Low` on a critical metric fails the whole canary. */
  readonly criticalDecrease: number;
}

/** Named effect-size presets. */
export type EffectSizePreset =
  /** Kayenta's code defaults, 1.0 each: any statistically significant move counts. */
  | 'strict'
  /** The Kayenta docs' example: 10 % either way tolerated, ×5 or ÷2 fails a critical metric. */
  | 'docs';

/** The Kayenta docs' example effect sizes (A2 table): 1.1 / 0.90 / 5.0 / 0.5. */
export const KAYENTA_DOCS_EFFECT_SIZE: KayentaEffectSize = {
  allowedIncrease: 1.1,
  allowedDecrease: 0.9,
  criticalIncrease: 5.0,
  criticalDecrease: 0.5,
};

/** Every preset by name. */
export const EFFECT_SIZE_PRESETS: Readonly<Record<EffectSizePreset, KayentaEffectSize>> = {
  strict: { allowedIncrease: 1, allowedDecrease: 1, criticalIncrease: 1, criticalDecrease: 1 },
  docs: KAYENTA_DOCS_EFFECT_SIZE,
};

/** What to do with outliers (Kayenta `canary.outliers.strategy`). */
export type OutlierStrategy =
  /** Use every point (Kayenta's default). */
  | 'keep'
  /** Drop points outside the IQR fences (`IQRDetector(factor, reduceSensitivity = true)`). */
  | 'remove';

/** Outlier handling for one metric. */
export interface OutlierSettings {
  readonly strategy: OutlierStrategy;
  /** IQR multiple for the fences (Kayenta `outlierFactor`). Default 3.0. */
  readonly factor?: number;
}

/** One metric of a Kayenta analysis (Kayenta `analysisConfigurations.canary.*`). */
export interface KayentaMetricConfig {
  /** The metric's name as the policy spells it; samples are matched by it. */
  readonly name: string;
  /** The group it scores in; the group's weight lives in `KayentaConfig.groups`. */
  readonly group: string;
  /** A critical failure (or critical metric with no data) drives the score to 0. Default false. */
  readonly critical?: boolean;
  /** Missing data is `NodataFailMetric` (counted as a failure) instead of `Nodata`. Default false. */
  readonly mustHaveData?: boolean;
  /** Classified and reported, never scored (our `dryRun`). Default false. */
  readonly muted?: boolean;
  /** Which change fails. Default `either`. */
  readonly direction?: MetricDirection;
  /** What NaN points become. Default `remove`. */
  readonly nanStrategy?: NanStrategy;
  /** Default `{ strategy: 'keep' }`. */
  readonly outliers?: OutlierSettings;
  /** A preset name or explicit sizes. Default `strict` (Kayenta's 1.0 each). */
  readonly effectSize?: EffectSizePreset | KayentaEffectSize;
  /** Unit shown after the interval in the criterion, e.g. `ms`. */
  readonly unit?: string;
}

/** Score thresholds (Kayenta `scoreThresholds`). */
export interface KayentaThresholds {
  /** Score at or above which the canary passes. Default 95. */
  readonly pass: number;
  /** Score at or above which a non-passing canary is marginal rather than failed. Default 75. */
  readonly marginal: number;
}

/** The Spinnaker best-practices starting thresholds (A2): pass 95, marginal 75. */
export const DEFAULT_KAYENTA_THRESHOLDS: KayentaThresholds = { pass: 95, marginal: 75 };

/** Spinnaker guidance: "at least 50 pieces of time series data per metric" (A2). */
export const DEFAULT_MIN_POINTS = 50;

/** Kayenta `NODATA_THRESHOLD`: this percentage of `Nodata` metrics or more scores 0. */
export const NODATA_THRESHOLD_PERCENT = 50;

/** The confidence level the judge hard-codes (A2: `MannWhitneyClassifier(tolerance = 0.25, confLevel = 0.98)`). */
const CONFIDENCE_LEVEL = 0.98;

/** A whole Kayenta analysis. */
export interface KayentaConfig {
  readonly metrics: readonly KayentaMetricConfig[];
  /** Group name → weight in percent; groups not listed share what is left of 100 equally. */
  readonly groups?: Readonly<Record<string, number>>;
  /** Default pass 95, marginal 75. */
  readonly thresholds?: Partial<KayentaThresholds>;
  /** Fewest points either sample of a metric may have before the judgement is inconclusive. Default 50. */
  readonly minPoints?: number;
}

/** The time-series points of one metric, one value per step (not per request). */
export interface KayentaMetricSamples {
  /** Matches `KayentaMetricConfig.name`. */
  readonly name: string;
  /** Canary points. */
  readonly experiment: readonly number[];
  /** Baseline points. */
  readonly control: readonly number[];
  /** The resolved queries, canary first, for the report. */
  readonly queries?: readonly string[];
}

/** A problem with a `KayentaConfig`, located by a dotted path such as `groups.latency`. */
export interface KayentaConfigProblem {
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** What scoring needs from one metric's classification. */
export interface ScorableMetric {
  readonly name: string;
  readonly group: string;
  readonly classification: KayentaClassification;
  /** True when this metric alone fails the canary (a critical metric's critical move, or no data). */
  readonly criticalFailure: boolean;
  /** Muted metrics are dropped before scoring. */
  readonly muted?: boolean;
  /** One sentence saying why; quoted in "Canary Failed: …". */
  readonly reason: string;
}

/** One group's score. */
export interface KayentaGroupScore {
  readonly name: string;
  /** The weight the summary used, in percent (configured, or the unweighted share). */
  readonly weight: number;
  /**
   * `100 × Pass / (Pass + High + Low + NodataFailMetric)`; 100 when that denominator is empty — the
   * value the summary uses (Kayenta reports 0 for such a group but adds 100 to the summary).
   */
  readonly score: number;
  /** Metrics in the denominator. */
  readonly counted: number;
  /** Metrics classified `Pass`. */
  readonly passed: number;
}

/** Why the summary score was forced to 0. */
export type ScoreOverride =
  /** A critical metric was not `Pass`. */
  | 'critical'
  /** At least `NODATA_THRESHOLD_PERCENT` of the metrics were `Nodata`. */
  | 'nodata';

/** The summary score and its classification. */
export interface KayentaScore {
  /** 0–100, rounded half-up to 2 decimals. */
  readonly score: number;
  readonly classification: ScoreClassification;
  /** Set when the score was forced to 0; the classification is then always `Fail`. */
  readonly override?: ScoreOverride;
  /** One sentence, e.g. `score 66.67 < marginal 75`. */
  readonly reason: string;
  /** Every scored group, in first-seen order (metrics' groups, then weighted groups without metrics). */
  readonly groups: readonly KayentaGroupScore[];
}

/** One metric after classification. */
export interface KayentaMetricResult extends ScorableMetric {
  readonly muted: boolean;
  /** Points after the NaN strategy and before outlier removal (what `minPoints` is checked on). */
  readonly points: { readonly experiment: number; readonly control: number };
  /** Points the outlier strategy dropped. */
  readonly outliersRemoved: { readonly experiment: number; readonly control: number };
  /** A sample had fewer than `minPoints` points and the metric was not `Nodata`/`NodataFailMetric`. */
  readonly tooFewPoints: boolean;
  /** Means of the points the judge saw (after NaN and outlier strategies); NaN for an empty sample. */
  readonly means: { readonly experiment: number; readonly control: number };
  /** The judge's output; absent for `Error`. */
  readonly judgement?: MetricJudgement;
}

/** The whole Kayenta judgement. */
export interface KayentaJudgement {
  /** Our verdict: Pass → pass, Marginal → inconclusive, Fail → fail; `inconclusive` on too few points. */
  readonly verdict: Verdict;
  /** Kayenta's score; absent when every metric is muted. */
  readonly score?: KayentaScore;
  /** Every metric, in configuration order. */
  readonly metrics: readonly KayentaMetricResult[];
}

/** Injected collaborators. */
export interface KayentaDeps {
  /** The per-metric classifier; `judgeMetric` from mann-whitney.ts by default. */
  readonly judge?: typeof judgeMetric;
}

// ---------------------------------------------------------------------------------------------
// Percentiles and outliers

/**
 * The p-th percentile (0 < p ≤ 100) of `values`, as Apache Commons Math's `StatUtils.percentile`
 * computes it, which Kayenta's `IQRDetector` calls. Its default estimation type is `LEGACY`
 * (commons-math3 `Percentile.EstimationType.LEGACY`, the pre-3.4 algorithm): with the n values sorted
 * ascending and 1-based, `pos = p·(n + 1)/100`; `pos < 1` → the smallest value; `pos ≥ n` → the
 * largest; otherwise `x⌊pos⌋ + (pos − ⌊pos⌋)·(x⌊pos⌋+1 − x⌊pos⌋)`. This is Hyndman–Fan type 6 (R
 * `quantile(type = 6)`, Excel PERCENTILE.EXC) except that the ends clamp instead of being undefined.
 * NaN for no values; the single value for one. `p = 100` uses `pos = n` (commons' maxLimit).
 */
export function commonsPercentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100]; got ${p}`);
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  if (n === 1) return sorted[0]!;
  const pos = p === 100 ? n : (p / 100) * (n + 1);
  if (pos < 1) return sorted[0]!;
  if (pos >= n) return sorted[n - 1]!;
  const whole = Math.floor(pos);
  const lower = sorted[whole - 1]!;
  const upper = sorted[whole]!;
  return lower + (pos - whole) * (upper - lower);
}

/** Outlier fences of one sample: points strictly outside `[lower, upper]` are outliers. */
export interface OutlierFences {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Kayenta's `IQRDetector` fences: `Q1 − f·IQR` and `Q3 + f·IQR` with commons-math percentiles; with
 * `reduceSensitivity` (what the judge uses) widened to `min(P1, Q1 − f·IQR)` and `max(P99, Q3 + f·IQR)`.
 * Hazard: with `reduceSensitivity`, P1 and P99 are the sample's minimum and maximum whenever n ≤ 99
 * (`0.01·(n+1) ≤ 1` and `0.99·(n+1) ≥ n`), so nothing is ever removed from fewer than 100 points.
 */
export function outlierFences(
  values: readonly number[],
  factor = 3,
  reduceSensitivity = true,
): OutlierFences {
  if (!(factor > 0)) throw new RangeError(`outlier factor must be greater than zero; got ${factor}`);
  const q1 = commonsPercentile(values, 25);
  const q3 = commonsPercentile(values, 75);
  const iqr = q3 - q1;
  const lowerIqr = q1 - factor * iqr;
  const upperIqr = q3 + factor * iqr;
  if (!reduceSensitivity) return { lower: lowerIqr, upper: upperIqr };
  return {
    lower: Math.min(commonsPercentile(values, 1), lowerIqr),
    upper: Math.max(commonsPercentile(values, 99), upperIqr),
  };
}

/** The points inside the fences, in their original order (Kayenta `Transforms.removeOutliers`). */
export function removeOutliers(values: readonly number[], factor = 3, reduceSensitivity = true): number[] {
  const { lower, upper } = outlierFences(values, factor, reduceSensitivity);
  // Kayenta flags `x > upper || x < lower`; with NaN fences (infinite points) nothing is flagged.
  return values.filter((x) => !(x > upper || x < lower));
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Every problem with `config`; empty when it can be used. */
export function kayentaConfigProblems(config: KayentaConfig): KayentaConfigProblem[] {
  const problems: KayentaConfigProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  if (config.metrics.length === 0) problem('metrics', 'list at least one metric to judge');
  const seen = new Map<string, number>();
  const metricGroups = new Set<string>();
  config.metrics.forEach((metric, index) => {
    const at = `metrics[${index}]`;
    if (metric.name.trim() === '') problem(`${at}.name`, 'give the metric a name');
    const earlier = seen.get(metric.name);
    if (earlier !== undefined)
      problem(`${at}.name`, `"${metric.name}" is already metrics[${earlier}]; name each metric once`);
    else seen.set(metric.name, index);
    if (metric.group.trim() === '') problem(`${at}.group`, 'name the group the metric scores in');
    metricGroups.add(metric.group);
    const factor = metric.outliers?.factor;
    if (factor !== undefined && !(Number.isFinite(factor) && factor > 0))
      problem(`${at}.outliers.factor`, `must be a number greater than 0 (Kayenta uses 3.0); got ${factor}`);
    const effect = metric.effectSize;
    if (typeof effect === 'string') {
      if (!Object.hasOwn(EFFECT_SIZE_PRESETS, effect))
        problem(
          `${at}.effectSize`,
          `unknown preset "${effect}"; use strict or docs, or give the four ratios`,
        );
    } else if (effect !== undefined) {
      for (const key of ['allowedIncrease', 'criticalIncrease'] as const) {
        if (!(Number.isFinite(effect[key]) && effect[key] >= 1))
          problem(
            `${at}.effectSize.${key}`,
            `is a mean ratio and must be at least 1, e.g. 1.1; got ${effect[key]}`,
          );
      }
      for (const key of ['allowedDecrease', 'criticalDecrease'] as const) {
        if (!(Number.isFinite(effect[key]) && effect[key] > 0 && effect[key] <= 1))
          problem(
            `${at}.effectSize.${key}`,
            `is a mean ratio and must be in (0, 1], e.g. 0.9; got ${effect[key]}`,
          );
      }
    }
  });

  const weights = Object.entries(config.groups ?? {});
  let total = 0;
  for (const [group, weight] of weights) {
    if (!(Number.isFinite(weight) && weight >= 0)) {
      problem(`groups.${group}`, `weight must be a percentage of at least 0; got ${weight}`);
      continue;
    }
    total += weight;
    if (!metricGroups.has(group))
      problem(`groups.${group}`, `no metric is in group "${group}"; delete the weight or put a metric in it`);
  }
  const unweighted = [...metricGroups].filter((group) => !Object.hasOwn(config.groups ?? {}, group));
  if (total > 100) {
    problem('groups', `weights add up to ${total}, over 100; Kayenta's group weights must total 100`);
  } else if (weights.length > 0 && unweighted.length === 0 && total < 100) {
    problem(
      'groups',
      `weights add up to ${total} and every group has one, so the score can never reach 100; make them total 100`,
    );
  } else if (unweighted.length > 0 && total === 100) {
    problem(
      'groups',
      `weights already total 100, so ${unweighted.join(', ')} would weigh 0; give ${unweighted.length === 1 ? 'it' : 'them'} a weight or lower the others`,
    );
  }

  const pass = config.thresholds?.pass ?? DEFAULT_KAYENTA_THRESHOLDS.pass;
  const marginal = config.thresholds?.marginal ?? DEFAULT_KAYENTA_THRESHOLDS.marginal;
  if (!(Number.isFinite(pass) && pass >= 0 && pass <= 100))
    problem('thresholds.pass', `must be a score in [0, 100]; got ${pass}`);
  if (!(Number.isFinite(marginal) && marginal >= 0 && marginal <= 100))
    problem('thresholds.marginal', `must be a score in [0, 100]; got ${marginal}`);
  else if (marginal > pass)
    problem('thresholds.marginal', `${marginal} is above pass ${pass}; marginal must not exceed pass`);
  const minPoints = config.minPoints ?? DEFAULT_MIN_POINTS;
  if (!(Number.isInteger(minPoints) && minPoints >= 1))
    problem('minPoints', `must be a whole number of at least 1 (Spinnaker advises 50); got ${minPoints}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Scoring

/**
 * Rounds half-up on the shortest decimal form of `value`, as Kayenta's `MathUtils.round(score, 2)`
 * does (`new BigDecimal(Double.toString(x)).setScale(2, ROUND_HALF_UP)`): 66.665 → 66.67 and
 * 1.005 → 1.01, where `Math.round(x·100)/100` gives 66.66 and 1.
 */
export function roundHalfUp(value: number, places = 2): number {
  const text = value.toString();
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) {
    // Integers need nothing; exponent forms (< 1e-6) and negatives do not occur for scores.
    return /^\d+$/.test(text) ? value : Math.round(value * 10 ** places) / 10 ** places;
  }
  const [, whole, fraction] = match as unknown as [string, string, string];
  if (fraction.length <= places) return value;
  const kept = Number(whole + fraction.slice(0, places));
  const roundedUp = fraction.charCodeAt(places) >= '5'.charCodeAt(0) ? kept + 1 : kept;
  return roundedUp / 10 ** places;
}

/**
 * Kayenta's `WeightedSumScorer` + `ThresholdScoreClassifier` over classified metrics (§(c)):
 * muted metrics dropped; any critical failure → 0 ("Canary Failed: …"); ≥ 50 % `Nodata` → 0;
 * otherwise Σ group score × weight/100, rounded to 2 decimals, with unweighted groups sharing
 * `(100 − Σ weights)/#unweighted`. Throws RangeError when nothing is left to score.
 */
export function scoreKayenta(
  metrics: readonly ScorableMetric[],
  groupWeights: Readonly<Record<string, number>> = {},
  thresholds: KayentaThresholds = DEFAULT_KAYENTA_THRESHOLDS,
): KayentaScore {
  const scored = metrics.filter((metric) => !metric.muted);
  if (scored.length === 0)
    throw new RangeError('Kayenta scoring needs at least one metric that is not muted');

  // Groups of the scored metrics, then weighted groups whose metrics are all muted. Kayenta would let
  // such a group's weight vanish (contributing 0); we count it as empty (100), so muting a metric can
  // never by itself fail a canary.
  const names = [...new Set([...scored.map((metric) => metric.group), ...Object.keys(groupWeights)])];
  const weightSum = Object.values(groupWeights).reduce((sum, weight) => sum + weight, 0);
  const unweightedCount = names.filter((name) => !Object.hasOwn(groupWeights, name)).length;
  const share = unweightedCount > 0 ? (100 - weightSum) / unweightedCount : 0;
  const groups = names.map((name): KayentaGroupScore => {
    const members = scored.filter((metric) => metric.group === name);
    const count = (label: KayentaClassification) => members.filter((m) => m.classification === label).length;
    const passed = count('Pass');
    // Nodata and Error are left out of the denominator; NodataFailMetric counts as a failure.
    const counted = passed + count('High') + count('Low') + count('NodataFailMetric');
    return {
      name,
      weight: Object.hasOwn(groupWeights, name) ? groupWeights[name]! : share,
      score: counted === 0 ? 100 : (100 * passed) / counted,
      counted,
      passed,
    };
  });

  const classify = (score: number): ScoreClassification =>
    score >= thresholds.pass ? 'Pass' : score >= thresholds.marginal ? 'Marginal' : 'Fail';

  const critical = scored.filter((metric) => metric.criticalFailure && metric.classification !== 'Pass');
  if (critical.length > 0) {
    const first = critical[0]!;
    const others =
      critical.length > 1
        ? ` (and ${critical
            .slice(1)
            .map((m) => m.name)
            .join(', ')})`
        : '';
    return {
      score: 0,
      // Forced, not classified: even with a marginal threshold of 0 an override is a failure.
      classification: 'Fail',
      override: 'critical',
      reason: `score 0: Canary Failed: critical metric ${first.name}${others}: ${first.reason}`,
      groups,
    };
  }
  const nodata = scored.filter((metric) => metric.classification === 'Nodata').length;
  const nodataPercent = (100 * nodata) / scored.length;
  if (nodataPercent >= NODATA_THRESHOLD_PERCENT) {
    return {
      score: 0,
      classification: 'Fail',
      override: 'nodata',
      reason: `score 0: Canary Failed: ${nodata} of ${scored.length} metrics returned NODATA, at least ${NODATA_THRESHOLD_PERCENT}%`,
      groups,
    };
  }
  const score = roundHalfUp(groups.reduce((sum, group) => sum + (group.score * group.weight) / 100, 0));
  const classification = classify(score);
  const reason =
    classification === 'Pass'
      ? `score ${score} ≥ pass ${thresholds.pass}`
      : classification === 'Marginal'
        ? `score ${score} ≥ marginal ${thresholds.marginal} but < pass ${thresholds.pass}`
        : `score ${score} < marginal ${thresholds.marginal}`;
  return { score, classification, reason, groups };
}

// ---------------------------------------------------------------------------------------------
// The whole judgement

/** The phase a Kayenta score classification maps to. Marginal holds: it never promotes. */
const PHASE_OF_SCORE: Readonly<Record<ScoreClassification, Phase>> = {
  Pass: 'pass',
  Marginal: 'inconclusive',
  Fail: 'fail',
};

/**
 * Runs Kayenta's NetflixACAJudge over `samples` and maps the result to a `Verdict`.
 *
 * Per metric: NaN strategy → outlier strategy → `judgeMetric` (confidence 0.98, tolerance 0.25).
 * A RangeError from the statistics (all observations tied, infinite points) becomes `Error`, as
 * Kayenta's judge catches its RuntimeException; any other exception is a bug and propagates.
 *
 * `minPoints` (our addition; Kayenta only warns below 50 control points): a metric that is not muted,
 * not `Nodata`/`NodataFailMetric`, and has fewer than `minPoints` points in either sample after the
 * NaN strategy is "short". With a short metric the verdict is `inconclusive` — we do not let a score
 * built on too little data promote, nor guess a failure from it — except when the failure does not
 * depend on the short metrics' outcome: a critical failure (on any metric, short ones included: a
 * critical regression is worth reverting for even on few points), the `Nodata` override (short
 * metrics are never `Nodata`), or a score still below marginal with every short metric counted as
 * `Pass` (the best they could do). Outlier removal is not counted against `minPoints`.
 *
 * Each `MetricVerdict` carries the baseline and canary means as `values`, and is `dryRun` when muted.
 * Samples for a metric the config does not list are a bug (RangeError); a configured metric with no
 * samples has no data. Throws ConfigurationError naming `where` when the config has problems.
 */
export function judgeKayenta(
  config: KayentaConfig,
  samples: readonly KayentaMetricSamples[],
  where = 'kayenta',
  deps: KayentaDeps = {},
): KayentaJudgement {
  const problems = kayentaConfigProblems(config);
  if (problems.length > 0) {
    throw new ConfigurationError(
      problems.map((problem) => `${where}.${problem.path}: ${problem.message}`).join('\n'),
    );
  }
  const judge = deps.judge ?? judgeMetric;
  const thresholds = { ...DEFAULT_KAYENTA_THRESHOLDS, ...config.thresholds };
  const minPoints = config.minPoints ?? DEFAULT_MIN_POINTS;
  const byName = new Map(samples.map((sample) => [sample.name, sample]));
  for (const sample of samples) {
    if (!config.metrics.some((metric) => metric.name === sample.name))
      throw new RangeError(`samples for metric "${sample.name}", which the Kayenta config does not list`);
  }

  const results = config.metrics.map((metric) =>
    classifyMetric(metric, byName.get(metric.name), minPoints, judge),
  );
  const verdicts = config.metrics.map((metric, index) =>
    metricVerdictOf(metric, results[index]!, byName.get(metric.name), minPoints),
  );

  if (results.every((result) => result.muted)) {
    return {
      verdict: {
        phase: 'inconclusive',
        metrics: verdicts,
        reason: 'every metric is muted, and an analysis with no gating metric never passes; unmute one',
      },
      metrics: results,
    };
  }

  const score = scoreKayenta(results, config.groups, thresholds);
  const short = results.filter((result) => !result.muted && result.tooFewPoints);
  let phase = PHASE_OF_SCORE[score.classification];
  let reason = score.reason;
  if (short.length > 0 && score.override === undefined) {
    const list = short
      .map((r) => `${r.name} (${r.points.experiment} canary, ${r.points.control} baseline)`)
      .join(', ');
    const bestCase = scoreKayenta(
      results.map((result) =>
        result.tooFewPoints ? { ...result, classification: 'Pass' as const, criticalFailure: false } : result,
      ),
      config.groups,
      thresholds,
    );
    if (bestCase.classification === 'Fail') {
      phase = 'fail';
      reason = `${score.reason}, and still ${bestCase.score} < marginal ${thresholds.marginal} if ${list}, which had fewer than minPoints ${minPoints} points, had passed`;
    } else {
      phase = 'inconclusive';
      reason = `${score.reason} is not trusted: ${list} had fewer than minPoints ${minPoints} points; lengthen the step or query at a finer resolution`;
    }
  }
  return { verdict: { phase, metrics: verdicts, reason }, score, metrics: results };
}

/** NaN strategy → outliers → judge, for one metric. */
function classifyMetric(
  metric: KayentaMetricConfig,
  sample: KayentaMetricSamples | undefined,
  minPoints: number,
  judge: typeof judgeMetric,
): KayentaMetricResult {
  const nanStrategy = metric.nanStrategy ?? 'remove';
  const clean = (values: readonly number[]) =>
    nanStrategy === 'remove'
      ? values.filter((v) => !Number.isNaN(v))
      : values.map((v) => (Number.isNaN(v) ? 0 : v));
  const experiment = clean(sample?.experiment ?? []);
  const control = clean(sample?.control ?? []);
  const outliers = metric.outliers ?? { strategy: 'keep' };
  // Kayenta's transform chain: NaN strategy first, then outliers, each sample on its own.
  const strip = (values: number[]) =>
    outliers.strategy === 'remove' && values.length > 0
      ? removeOutliers(values, outliers.factor ?? 3)
      : values;
  const keptExperiment = strip(experiment);
  const keptControl = strip(control);
  const effect = effectSizeOf(metric);
  const options: MannWhitneyJudgeOptions = {
    direction: metric.direction ?? 'either',
    nanStrategy,
    critical: metric.critical ?? false,
    mustHaveData: metric.mustHaveData ?? false,
    confidenceLevel: CONFIDENCE_LEVEL,
    ...effect,
  };
  const base = {
    name: metric.name,
    group: metric.group,
    muted: metric.muted ?? false,
    points: { experiment: experiment.length, control: control.length },
    outliersRemoved: {
      experiment: experiment.length - keptExperiment.length,
      control: control.length - keptControl.length,
    },
    means: { experiment: meanOf(keptExperiment), control: meanOf(keptControl) },
  };
  let judgement: MetricJudgement;
  try {
    judgement = judge(keptExperiment, keptControl, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      ...base,
      classification: 'Error',
      criticalFailure: false,
      tooFewPoints: false,
      reason: `the judge could not classify it (${error.message}), so like Kayenta it is left out of the score`,
    };
  }
  const noData = judgement.classification === 'Nodata' || judgement.classification === 'NodataFailMetric';
  return {
    ...base,
    classification: judgement.classification,
    criticalFailure: judgement.criticalFailure,
    tooFewPoints: !noData && Math.min(experiment.length, control.length) < minPoints,
    judgement,
    reason: judgement.reason,
  };
}

function effectSizeOf(metric: KayentaMetricConfig): KayentaEffectSize {
  const effect = metric.effectSize ?? 'strict';
  return typeof effect === 'string' ? EFFECT_SIZE_PRESETS[effect] : effect;
}

/** The per-metric phase: the classification's, held to `inconclusive` on too few points. */
function metricPhase(result: KayentaMetricResult): Phase {
  if (result.classification === 'Error') return 'error';
  if (result.criticalFailure) return 'fail';
  if (result.tooFewPoints) return 'inconclusive';
  switch (result.classification) {
    case 'Pass':
      return 'pass';
    case 'Nodata':
      return 'inconclusive';
    case 'High':
    case 'Low':
    case 'NodataFailMetric':
      return 'fail';
  }
}

function metricVerdictOf(
  metric: KayentaMetricConfig,
  result: KayentaMetricResult,
  sample: KayentaMetricSamples | undefined,
  minPoints: number,
): MetricVerdict {
  const notes: string[] = [];
  if (result.tooFewPoints && !result.criticalFailure)
    notes.push(
      `only ${result.points.experiment} canary and ${result.points.control} baseline points, fewer than minPoints ${minPoints}`,
    );
  if (result.criticalFailure) notes.push('critical, so it fails the whole canary');
  if (result.muted) notes.push('muted, so it is reported and not scored');
  const { control, experiment } = result.means;
  const values = Number.isNaN(control) || Number.isNaN(experiment) ? [] : [control, experiment];
  return {
    name: metric.name,
    phase: metricPhase(result),
    dryRun: result.muted,
    queries: sample?.queries ?? [],
    values,
    criterion: criterionOf(metric, result),
    reason: [result.reason, ...notes].join('; '),
  };
}

/** Arithmetic mean; NaN for no values. */
function meanOf(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** E.g. `Mann–Whitney 98% CI [0.8, 1.4] ms, meanRatio 1.31 ≥ allowedIncrease 1.1`. */
function criterionOf(metric: KayentaMetricConfig, result: KayentaMetricResult): string {
  const test = result.judgement?.test;
  const head = `Mann–Whitney ${CONFIDENCE_LEVEL * 100}% CI`;
  if (!test) {
    const why =
      result.classification === 'Error'
        ? 'not computable'
        : result.classification === 'Pass'
          ? 'not needed'
          : 'not computed: no data';
    return `${head} ${why}`;
  }
  const unit = metric.unit ? ` ${metric.unit}` : '';
  const interval = `${head} [${formatNumber(test.lowerConfidence)}, ${formatNumber(test.upperConfidence)}]${unit}`;
  const ratioValue = result.judgement!.meanRatio;
  const ratio = Number.isNaN(ratioValue)
    ? 'meanRatio undefined (a mean is 0)'
    : `meanRatio ${formatNumber(ratioValue)}`;
  const effect = effectSizeOf(metric);
  const critical = result.criticalFailure;
  switch (result.classification) {
    case 'High':
      return `${interval}, ${ratio} ≥ allowedIncrease ${effect.allowedIncrease}${critical ? ` and ≥ criticalIncrease ${effect.criticalIncrease}` : ''}`;
    case 'Low':
      return `${interval}, ${ratio} ≤ allowedDecrease ${effect.allowedDecrease}${critical ? ` and ≤ criticalDecrease ${effect.criticalDecrease}` : ''}`;
    default: {
      const direction = metric.direction ?? 'either';
      const allowed =
        direction === 'increase'
          ? `allowedIncrease ${effect.allowedIncrease}`
          : direction === 'decrease'
            ? `allowedDecrease ${effect.allowedDecrease}`
            : `allowed ${effect.allowedDecrease}–${effect.allowedIncrease}`;
      return `${interval}, ${ratio}, ${allowed}`;
    }
  }
}

/** Four significant digits without trailing zeros: 1.3125 → "1.313", 0.80 → "0.8". */
function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}
