/**
 * The `exposure:` and `rollback:` sections: steps (explicit or by risk tier), bake, limits, the
 * reconcile wait, and the reversal order. Both are always present (the schema defaults them), so a
 * policy with neither rolls out 1 → 5 → 25 → 50 → 100 with 10-minute bakes.
 */
import { Duration } from './duration.js';
import type { ExposurePolicy, RiskTier, RollbackPolicy } from './types.js';

type Path = readonly (string | number)[];

/** A rule broken at `path` (load-policy's SemanticProblem shape). */
export interface ExposureProblem {
  path: Path;
  at: 'key' | 'value';
  message: string;
}

/** The section after schema validation with defaults applied (durations still text). */
export interface ExposureInput {
  tier: RiskTier;
  steps?: number[];
  bake: string;
  maxDuration: string;
  onInconclusive: ExposurePolicy['onInconclusive'];
  reconcile?: { wait: 'delay' | 'http'; delay: string; url?: string; timeout: string };
}

/** Steps per risk tier: the more risk, the smaller the first exposures and the more of them. */
export const TIER_STEPS: Readonly<Record<RiskTier, readonly number[]>> = {
  low: [10, 50, 100],
  standard: [1, 5, 25, 50, 100],
  high: [1, 2, 5, 10, 25, 50, 75, 100],
};

/** Rules the schema cannot express. */
export function checkExposure(input: ExposureInput): ExposureProblem[] {
  const problems: ExposureProblem[] = [];
  const steps = input.steps;
  if (steps) {
    steps.forEach((step, index) => {
      if (index > 0 && step <= steps[index - 1]!) {
        problems.push({
          path: ['exposure', 'steps', index],
          at: 'value',
          message: `${step} does not grow from ${steps[index - 1]}; list the percentages in increasing order`,
        });
      }
    });
    if (steps.at(-1) !== 100) {
      problems.push({
        path: ['exposure', 'steps'],
        at: 'value',
        message: 'must end at 100: the last step is the promotion (e.g. [1, 5, 25, 50, 100])',
      });
    }
  }
  if (input.reconcile?.wait === 'http' && input.reconcile.url === undefined) {
    problems.push({
      path: ['exposure', 'reconcile'],
      at: 'value',
      message: 'wait http needs url, the status endpoint that names the applied commit or weight',
    });
  }
  return problems;
}

/** The typed section. */
export function buildExposure(input: ExposureInput): ExposurePolicy {
  const reconcile = input.reconcile ?? { wait: 'delay', delay: '30s', timeout: '15m' };
  return {
    tier: input.tier,
    steps: input.steps ?? [...TIER_STEPS[input.tier]],
    bake: Duration.parse(input.bake, 'exposure.bake'),
    maxDuration: Duration.parse(input.maxDuration, 'exposure.maxDuration'),
    onInconclusive: input.onInconclusive,
    reconcile: {
      wait: reconcile.wait,
      delay: Duration.parse(reconcile.delay, 'exposure.reconcile.delay'),
      ...(reconcile.url ? { url: reconcile.url } : {}),
      timeout: Duration.parse(reconcile.timeout, 'exposure.reconcile.timeout'),
    },
  };
}

/** The typed rollback section. */
export function buildRollback(input: { order: RollbackPolicy['order'] }): RollbackPolicy {
  return { order: [...input.order] };
}
