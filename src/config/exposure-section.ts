/**
 * The `exposure:` and `rollback:` sections: steps (explicit or by risk tier), bake, limits, the
 * reconcile wait, and the reversal order. Both are always present (the schema defaults them), so a
 * policy with neither rolls out 1 → 5 → 25 → 50 → 100 with 10-minute bakes. A blue-green rollout, a
 * mirror step and a header-route step are a leading step at weight 0 (the canary serves no user
 * there, or only those who ask for it).
 */
import { Duration } from './duration.js';
import type { HandoffSpec } from '../rollout/controller-phase.js';
import type { ReconcileSpec } from '../rollout/reconcile/types.js';
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
  strategy: ExposurePolicy['strategy'];
  steps?: number[];
  mirror?: number;
  headerRoute?: { header: string; value: string };
  adaptive: boolean;
  handoff?: {
    controller: HandoffSpec['controller'];
    name: string;
    namespace: string;
    interval: string;
    timeout: string;
  };
  bake: string;
  maxDuration: string;
  onInconclusive: ExposurePolicy['onInconclusive'];
  reconcile?: {
    wait: ReconcileSpec['wait'];
    delay: string;
    timeout: string;
    interval?: string;
    url?: string;
    environment?: string;
    server?: string;
    application?: string;
    appNamespace?: string;
    project?: string;
    tokenEnv?: string;
  };
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
  if (input.strategy === 'blueGreen') {
    for (const key of ['steps', 'mirror', 'headerRoute'] as const) {
      if (input[key] !== undefined) {
        problems.push({
          path: ['exposure', key],
          at: 'key',
          message: `does not apply to strategy blueGreen (preview at 0%, then switch to 100%); remove it, or use strategy canary`,
        });
      }
    }
  }
  if (input.handoff) {
    const stepping = {
      steps: input.steps,
      mirror: input.mirror,
      headerRoute: input.headerRoute,
      adaptive: input.adaptive || undefined,
    };
    for (const [key, value] of Object.entries(stepping)) {
      if (value !== undefined) {
        problems.push({
          path: ['exposure', key],
          at: 'key',
          message: `does not apply with exposure.handoff (${input.handoff.controller} steps the traffic); remove it, or remove handoff`,
        });
      }
    }
    if (input.strategy !== 'canary') {
      problems.push({
        path: ['exposure', 'strategy'],
        at: 'key',
        message: `does not apply with exposure.handoff (${input.handoff.controller} steps the traffic); remove it, or remove handoff`,
      });
    }
  }
  if (input.mirror !== undefined && input.headerRoute !== undefined) {
    problems.push({
      path: ['exposure', 'headerRoute'],
      at: 'key',
      message:
        'cannot come with mirror: each is a first step at weight 0 and a rollout has one; keep one of them',
    });
  }
  const reconcile = input.reconcile;
  const needs: Partial<Record<ReconcileSpec['wait'], Record<string, string>>> = {
    http: { url: 'the status endpoint that names the applied commit or weight' },
    argocd: {
      server: "Argo CD's base URL",
      application: 'the Application that syncs this repository',
      tokenEnv: 'the environment variable holding an Argo CD API token',
    },
  };
  for (const [key, what] of Object.entries((reconcile && needs[reconcile.wait]) ?? {})) {
    if (reconcile?.[key as keyof typeof reconcile] === undefined) {
      problems.push({
        path: ['exposure', 'reconcile'],
        at: 'value',
        message: `wait ${reconcile?.wait} needs ${key}, ${what}`,
      });
    }
  }
  return problems;
}

/** The typed section. */
export function buildExposure(input: ExposureInput): ExposurePolicy {
  const weights = input.steps ?? [...TIER_STEPS[input.tier]];
  return {
    tier: input.tier,
    strategy: input.strategy,
    // The preview (blueGreen), the mirror step and the header-route step are a leading step at weight 0.
    steps:
      input.strategy === 'blueGreen'
        ? [0, 100]
        : input.mirror !== undefined || input.headerRoute !== undefined
          ? [0, ...weights]
          : weights,
    ...(input.mirror === undefined ? {} : { mirror: input.mirror }),
    ...(input.headerRoute === undefined ? {} : { headerRoute: { ...input.headerRoute } }),
    adaptive: input.adaptive,
    ...(input.handoff
      ? {
          handoff: {
            ...input.handoff,
            interval: Duration.parse(input.handoff.interval, 'exposure.handoff.interval'),
            timeout: Duration.parse(input.handoff.timeout, 'exposure.handoff.timeout'),
          },
        }
      : {}),
    bake: Duration.parse(input.bake, 'exposure.bake'),
    maxDuration: Duration.parse(input.maxDuration, 'exposure.maxDuration'),
    onInconclusive: input.onInconclusive,
    reconcile: buildReconcile(input.reconcile ?? { wait: 'delay', delay: '30s', timeout: '15m' }),
  };
}

/** Default look intervals per wait: GitHub's API is spared more than a status page. */
const RECONCILE_INTERVAL: Readonly<Record<ReconcileSpec['wait'], string>> = {
  delay: '1s',
  http: '1s',
  'deployment-status': '10s',
  argocd: '10s',
};

/** The typed reconcile wait (checkExposure has made sure each wait has what it needs). */
function buildReconcile(input: NonNullable<ExposureInput['reconcile']>): ReconcileSpec {
  const timeout = Duration.parse(input.timeout, 'exposure.reconcile.timeout');
  const interval = Duration.parse(
    input.interval ?? RECONCILE_INTERVAL[input.wait],
    'exposure.reconcile.interval',
  );
  switch (input.wait) {
    case 'delay':
      return { wait: 'delay', delay: Duration.parse(input.delay, 'exposure.reconcile.delay'), timeout };
    case 'http':
      return { wait: 'http', url: input.url!, timeout, interval };
    case 'deployment-status':
      return {
        wait: 'deployment-status',
        ...(input.environment ? { environment: input.environment } : {}),
        timeout,
        interval,
      };
    case 'argocd':
      return {
        wait: 'argocd',
        server: input.server!,
        application: input.application!,
        ...(input.appNamespace ? { appNamespace: input.appNamespace } : {}),
        ...(input.project ? { project: input.project } : {}),
        tokenEnv: input.tokenEnv!,
        timeout,
        interval,
      };
  }
}

/** The typed rollback section. */
export function buildRollback(input: { order: RollbackPolicy['order'] }): RollbackPolicy {
  return { order: [...input.order] };
}
