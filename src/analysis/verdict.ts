/**
 * The verdict vocabulary every judge in `src/analysis/` speaks (decision-and-evidence.md,
 * "Decision layer — ship" item 1): `pass | fail | inconclusive | error`, Argo-style.
 *
 * - `pass`: the signals stayed inside bounds; exposure may grow.
 * - `fail`: the canary is worse, or no data arrived by the step deadline; reverse.
 * - `inconclusive`: not enough evidence either way; hold (never promote) until more data or a person.
 * - `error`: the measurement itself kept failing (provider down, garbage) past its limit; never a pass.
 */

/** One outcome, for a measurement, a metric, or the whole analysis. */
export type Phase = 'pass' | 'fail' | 'inconclusive' | 'error';

/**
 * Worst first, as Argo Rollouts orders a run's status (Successful < Inconclusive < Error < Failed):
 * a failure outranks an error, which outranks an inconclusive result, which outranks a pass.
 */
const SEVERITY: Readonly<Record<Phase, number>> = { pass: 0, inconclusive: 1, error: 2, fail: 3 };

/** The worse of the phases; `pass` for none. */
export function worstPhase(phases: Iterable<Phase>): Phase {
  let worst: Phase = 'pass';
  for (const phase of phases) if (SEVERITY[phase] > SEVERITY[worst]) worst = phase;
  return worst;
}

/** The judgement on one metric (guardrail, statistical test, SLO), carrying what explains it. */
export interface MetricVerdict {
  /** The metric's name as the policy spells it. */
  readonly name: string;
  readonly phase: Phase;
  /** Observed, reported, never gating. */
  readonly dryRun: boolean;
  /** The resolved queries (templates rendered), canary first; empty for derived checks. */
  readonly queries: readonly string[];
  /** The values the judgement used, most recent last (at most a handful for the report). */
  readonly values: readonly number[];
  /** The threshold or statistic applied, e.g. `max 0.01` or `mSPRT p = 0.003 < 0.05`. */
  readonly criterion: string;
  /** One sentence saying why this phase. */
  readonly reason: string;
}

/** The judgement on a whole analysis. */
export interface Verdict {
  readonly phase: Phase;
  readonly metrics: readonly MetricVerdict[];
  /** One sentence for the job summary's first line. */
  readonly reason: string;
}

/**
 * Combines metric verdicts the way Argo combines a run: the worst phase among gating (non-dry-run)
 * metrics. Fixes Argo's gotcha: an analysis with no gating metric measured never passes — it is
 * `inconclusive`, because silence is not evidence.
 */
export function combineVerdicts(metrics: readonly MetricVerdict[]): Verdict {
  const gating = metrics.filter((metric) => !metric.dryRun);
  if (gating.length === 0) {
    return {
      phase: 'inconclusive',
      metrics,
      reason:
        metrics.length === 0
          ? 'no metric was measured, and an analysis with no measurement never passes'
          : 'only dry-run metrics were measured, and they never gate; add a metric without dryRun',
    };
  }
  const phase = worstPhase(gating.map((metric) => metric.phase));
  const culprits = gating.filter((metric) => metric.phase === phase);
  const reason =
    phase === 'pass'
      ? `all ${gating.length} gating metric${gating.length === 1 ? '' : 's'} passed`
      : culprits.map((metric) => `${metric.name}: ${metric.reason}`).join('; ');
  return { phase, metrics, reason };
}
