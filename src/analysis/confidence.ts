/**
 * How sure a passing analysis is, for adaptive stepping (`exposure.adaptive`; issue 5: "a strong
 * passing confidence sequence may skip a step; a weak one extends the bake"). Pure.
 *
 * The judgement already holds statistically (the sequential tests' error rates are controlled
 * whatever the pace); confidence only decides the pace, from how far inside its threshold each
 * gating guardrail stayed:
 * - `weak`: the bake had to be extended to reach enough data, or some gating threshold guardrail's
 *   values came within 10% of its threshold (headroom < 0.1) — bake the step once more;
 * - `strong`: no extension and every gating threshold guardrail stayed at least half its threshold
 *   away (headroom ≥ 0.5 for every value judged) — the next step may be skipped;
 * - otherwise none: the normal pace.
 * Headroom of a value v against `max` M is (M − v) / |M|, against `min` m it is (v − m) / |m|; a
 * threshold of 0 has no scale, so any value at it is weak and any other strong.
 */
import type { GuardrailPolicy } from '../config/types.js';
import type { Confidence } from '../rollout/types.js';
import type { Verdict } from './verdict.js';

/** Headroom below which a pass is weak. */
export const WEAK_HEADROOM = 0.1;
/** Headroom every value must keep for a pass to be strong. */
export const STRONG_HEADROOM = 0.5;

/** What the judgement of a passing analysis says about its margin. */
export interface PassEvidence extends Verdict {
  /** Whether the bake was extended past its planned end to gather enough data. */
  readonly extended: boolean;
}

/** The confidence of a passing `report` under `guardrails`; undefined for a normal pace or a non-pass. */
export function passConfidence(
  report: PassEvidence,
  guardrails: readonly GuardrailPolicy[],
): Confidence | undefined {
  if (report.phase !== 'pass') return undefined;
  if (report.extended) return 'weak';
  const headrooms: number[] = [];
  for (const metric of report.metrics) {
    if (metric.dryRun) continue;
    const guard = guardrails.find((candidate) => candidate.name === metric.name);
    if (!guard || (guard.max === undefined && guard.min === undefined)) continue;
    for (const value of metric.values) {
      if (!Number.isFinite(value)) continue;
      if (guard.max !== undefined) headrooms.push(headroom(guard.max - value, guard.max));
      if (guard.min !== undefined) headrooms.push(headroom(value - guard.min, guard.min));
    }
  }
  if (headrooms.length === 0) return undefined;
  const least = Math.min(...headrooms);
  if (least < WEAK_HEADROOM) return 'weak';
  return least >= STRONG_HEADROOM ? 'strong' : undefined;
}

function headroom(margin: number, threshold: number): number {
  if (threshold === 0) return margin > 0 ? Infinity : 0;
  return margin / Math.abs(threshold);
}
