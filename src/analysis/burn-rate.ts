/**
 * SLO burn rate and error budget.
 *
 * Source: decision-and-evidence.md A1 (Google SRE Workbook ch. 5 "Alerting on SLOs", Tables 5-4,
 * 5-6, 5-8; Sloth's google-30d windows) and "Decision layer — ship" item 5.
 */

/** `burn_rate = error_ratio / (1 − SLO)` (A1). `objective` is a fraction, e.g. 0.999. */
export function burnRate(errorRatio: number, objective: number): number {
  assertObjective(objective);
  if (!(errorRatio >= 0 && errorRatio <= 1))
    throw new RangeError(`error ratio must be in [0, 1]; got ${errorRatio}`);
  return errorRatio / (1 - objective);
}

/**
 * The burn-rate threshold that consumes `budgetFraction` of the budget within `windowHours`:
 * `B × period / W` (A1; e.g. 0.02 × 720 h / 1 h = 14.4).
 */
export function burnRateThreshold(budgetFraction: number, windowHours: number, periodHours = 720): number {
  return (budgetFraction * periodHours) / windowHours;
}

/** Severity of a multi-window burn-rate alert (Workbook Table 5-8). */
export type BurnSeverity =
  /** Wake someone: the budget is going fast. */
  | 'page'
  /** File a ticket: slow burn. */
  | 'ticket';

/** One row of the multi-window, multi-burn-rate table. */
export interface BurnWindow {
  /** Page or ticket. */
  readonly severity: BurnSeverity;
  /** Long window, hours. */
  readonly longHours: number;
  /** Short window, hours: 1/12 of the long window (Workbook guideline). */
  readonly shortHours: number;
  /** Fraction of the period's budget consumed when the long window alerts. */
  readonly budgetFraction: number;
  /** Burn-rate threshold `budgetFraction × period / longHours`. */
  readonly burnRate: number;
}

/**
 * The SRE Workbook multi-window table for a 30-day (720 h) period, with Sloth's google-30d windows:
 * 14.4 for 1h/5m, 6 for 6h/30m, 3 for 1d/2h, 1 for 3d/6h (A1).
 */
export const workbookBurnWindows: readonly BurnWindow[] = (
  [
    ['page', 1, 5 / 60, 0.02],
    ['page', 6, 0.5, 0.05],
    ['ticket', 24, 2, 0.1],
    ['ticket', 72, 6, 0.1],
  ] as const
).map(([severity, longHours, shortHours, budgetFraction]) => ({
  severity,
  longHours,
  shortHours,
  budgetFraction,
  burnRate: burnRateThreshold(budgetFraction, longHours),
}));

/**
 * Whether a multi-window alert fires: both the long- and short-window burn rates exceed the threshold
 * (A1: `ratio_rate1h > 14.4·(1−SLO) and ratio_rate5m > 14.4·(1−SLO)`). The threshold is compared with a
 * relative tolerance because `1 − 0.999` is not exactly 0.001 in doubles (A1, Sloth note).
 */
export function multiWindowBurnFires(
  longBurnRate: number,
  shortBurnRate: number,
  threshold: number,
): boolean {
  const exceeds = (rate: number) => rate > threshold * (1 + 1e-9);
  return exceeds(longBurnRate) && exceeds(shortBurnRate);
}

/**
 * Fraction of the period's error budget left: `1 − error_ratio(period) / (1 − SLO)` (Sloth's
 * `slo:period_error_budget_remaining:ratio`). Negative when the budget is overspent; ≤ 0 freezes
 * releases under the Workbook error budget policy.
 */
export function errorBudgetRemaining(periodErrorRatio: number, objective: number): number {
  return 1 - burnRate(periodErrorRatio, objective);
}

function assertObjective(objective: number): void {
  if (!(objective > 0 && objective < 1)) {
    throw new RangeError(`SLO objective must be a fraction in (0, 1), e.g. 0.999; got ${objective}`);
  }
}
