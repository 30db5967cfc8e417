/**
 * The reconcile-waiter factory (`exposure.reconcile.wait`). Adding a waiter is one new file, one
 * member of `ReconcileSpec` and one line here; `satisfies` makes a missing or mistyped entry a
 * compile error.
 */
import { ConfigurationError } from '../../errors.js';
import { createArgoCdWaiter } from './argocd.js';
import { createDelayWaiter } from './delay.js';
import { createDeploymentStatusWaiter } from './deployment-status.js';
import { createHttpWaiter } from './http.js';
import type { ReconcileDeps, ReconcileSpec, ReconcileWaitName, ReconcileWaiter } from './types.js';

/** Each waiter's constructor, typed by the spec member it accepts. */
type Constructors = {
  [Name in ReconcileWaitName]: (
    spec: Extract<ReconcileSpec, { wait: Name }>,
    deps: ReconcileDeps,
  ) => ReconcileWaiter;
};

const WAITERS = {
  delay: createDelayWaiter,
  http: createHttpWaiter,
  'deployment-status': createDeploymentStatusWaiter,
  argocd: createArgoCdWaiter,
} as const satisfies Constructors;

/** Every waiter name, in the order `--help` and error messages list them. */
export const RECONCILE_WAITS: readonly ReconcileWaitName[] = Object.keys(WAITERS) as ReconcileWaitName[];

/** Whether `name` is a waiter Glidepath knows. */
export function isReconcileWait(name: string): name is ReconcileWaitName {
  return Object.hasOwn(WAITERS, name);
}

/**
 * The waiter for `spec`. Throws a ConfigurationError for what a wait could never get past (an
 * unknown name, a bad URL, a missing token or GitHub client), so a rollout fails before its first
 * commit rather than at its first wait.
 */
export function createReconcileWaiter(spec: ReconcileSpec, deps: ReconcileDeps): ReconcileWaiter {
  if (!isReconcileWait(spec.wait)) {
    throw new ConfigurationError(
      `exposure.reconcile.wait: unknown wait "${String(spec.wait)}"; use one of: ${RECONCILE_WAITS.join(', ')}`,
    );
  }
  // The union is narrowed by `wait` at each entry; TypeScript cannot correlate the two here.
  const create = WAITERS[spec.wait] as (spec: ReconcileSpec, deps: ReconcileDeps) => ReconcileWaiter;
  return create(spec, deps);
}

export type {
  PollResult,
  ReconcileDeps,
  ReconcileOutcome,
  ReconcileSpec,
  ReconcileTarget,
  ReconcileWaitName,
  ReconcileWaiter,
} from './types.js';
