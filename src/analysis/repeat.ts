/**
 * Repeated measurements: a stage measured `repeat: N` times, decided by an agreement rule.
 *
 * Source: [ours], in the vocabulary of verdict.ts (decision-and-evidence.md "Decision layer — ship"
 * item 1: `inconclusive` holds and never promotes). The nearest anchors are Argo Rollouts'
 * `count` / `failureLimit` / `consecutiveSuccessLimit` (anchors-rollouts.md §(b) b.1), which count
 * failures against a limit rather than asking the measurements to agree.
 *
 * The rule needs `k` agreeing measurements: `all` → k = N, `majority` → k = ⌊N/2⌋ + 1,
 * `{ atLeast: k }` → k, which must itself be a majority (⌊N/2⌋ < k ≤ N). Then:
 *
 * | outcome        | when                                                      |
 * |----------------|-----------------------------------------------------------|
 * | `pass`         | at least k measurements passed                            |
 * | `fail`         | at least k measurements failed                            |
 * | `error`        | at least k measurements errored                           |
 * | `inconclusive` | otherwise: no phase reached agreement, so the stage holds |
 *
 * Conservative by construction: every measurement that did not pass — failed, inconclusive or
 * errored — counts against passing, and because k is a strict majority, at most one phase can
 * reach it: a stage never promotes while as many measurements disagree as agree. Failing needs the
 * same agreement as passing, so `all` is the strictest rule both ways: it promotes only on unanimous
 * passes and reverts only on unanimous failures; anything between holds for a person or a longer step.
 */

import { ConfigurationError } from '../errors.js';
import type { Phase } from './verdict.js';

/** How many of the N measurements must agree. */
export type AgreementRule =
  /** Every one (k = N). */
  | 'all'
  /** More than half (k = ⌊N/2⌋ + 1). */
  | 'majority'
  /** At least k, with ⌊N/2⌋ < k ≤ N. */
  | { readonly atLeast: number };

/** A validated repeat setting. */
export interface RepeatSettings {
  /** Measurements per stage (N ≥ 1). */
  readonly repeat: number;
  readonly agreement: AgreementRule;
}

/** What the policy says; both optional. */
export interface RepeatInput {
  /** Default 1. */
  readonly repeat?: number;
  /** Default `all`. */
  readonly agreement?: AgreementRule;
}

/** The stage's decision. */
export interface RepeatOutcome {
  readonly phase: Phase;
  /** One sentence saying why. */
  readonly reason: string;
  /** Agreeing measurements the rule needs (k). */
  readonly required: number;
  /** How many measurements ended in each phase. */
  readonly counts: Readonly<Record<Phase, number>>;
}

/** Validates `repeat` and `agreement`; ConfigurationError naming `where` otherwise. */
export function parseRepeat(input: RepeatInput, where: string): RepeatSettings {
  const repeat = input.repeat ?? 1;
  if (!(Number.isInteger(repeat) && repeat >= 1)) {
    throw new ConfigurationError(`${where}.repeat: must be a whole number of at least 1; got ${repeat}`);
  }
  const agreement = input.agreement ?? 'all';
  if (agreement === 'all' || agreement === 'majority') return { repeat, agreement };
  if (typeof agreement !== 'object' || agreement === null || !('atLeast' in agreement)) {
    throw new ConfigurationError(
      `${where}.agreement: ${JSON.stringify(agreement)} is not a rule; use all, majority or { atLeast: k }`,
    );
  }
  const k = agreement.atLeast;
  const majority = Math.floor(repeat / 2) + 1;
  if (!(Number.isInteger(k) && k >= majority && k <= repeat)) {
    const fix = !Number.isInteger(k)
      ? 'must be a whole number of measurements'
      : k > repeat
        ? `${k} is more than the ${repeat} measurements`
        : `${k} of ${repeat} would promote while as many measurements disagree`;
    throw new ConfigurationError(
      `${where}.agreement.atLeast: ${fix}; use a number from ${majority} to ${repeat}, or majority; got ${k}`,
    );
  }
  return { repeat, agreement: { atLeast: k } };
}

/** Agreeing measurements the rule needs out of N (k). */
export function requiredAgreement(settings: RepeatSettings): number {
  const { repeat, agreement } = settings;
  if (agreement === 'all') return repeat;
  if (agreement === 'majority') return Math.floor(repeat / 2) + 1;
  return agreement.atLeast;
}

/** Decides a stage from its N measurement phases (in any order; order does not matter). */
export function decideRepeated(phases: readonly Phase[], settings: RepeatSettings): RepeatOutcome {
  const n = settings.repeat;
  if (phases.length !== n) {
    throw new RangeError(
      `decideRepeated needs exactly ${n} measurement phases (repeat); got ${phases.length}`,
    );
  }
  const required = requiredAgreement(settings);
  // Settings that did not come through parseRepeat could let a minority promote; that is a bug.
  if (!(Number.isInteger(required) && required > n / 2 && required <= n))
    throw new RangeError(`agreement must need a majority of ${n}; got ${required} (use parseRepeat)`);
  const counts: Record<Phase, number> = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
  for (const phase of phases) counts[phase]++;
  const rule =
    settings.agreement === 'all'
      ? 'all'
      : settings.agreement === 'majority'
        ? 'majority'
        : `at least ${settings.agreement.atLeast}`;
  const tally = (
    [
      ['pass', 'passed'],
      ['fail', 'failed'],
      ['inconclusive', 'inconclusive'],
      ['error', 'errored'],
    ] as const
  )
    .filter(([phase]) => counts[phase] > 0)
    .map(([phase, word]) => `${counts[phase]} ${word}`)
    .join(', ');

  // k is a strict majority (parseRepeat), so at most one of these can hold.
  for (const [phase, word] of [
    ['pass', 'passed'],
    ['fail', 'failed'],
    ['error', 'errored'],
  ] as const) {
    if (counts[phase] >= required) {
      return {
        phase,
        reason: `${counts[phase]} of ${n} measurements ${word}, meeting the ${rule} rule (${required} of ${n})`,
        required,
        counts,
      };
    }
  }
  return {
    phase: 'inconclusive',
    reason: `no agreement among ${n} measurements (${tally}): the ${rule} rule needs ${required} to pass, fail or error alike, so the stage holds`,
    required,
    counts,
  };
}
