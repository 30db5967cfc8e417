/**
 * The `delay` reconcile waiter: no signal from the reconciler, only time. It sleeps
 * `exposure.reconcile.delay` and reports the commit applied. Right for a reconciler that polls Git
 * on a known period (Argo CD's default 3 minutes, a Flux GitRepository `interval`) when nothing can
 * be asked; any of the other waiters is better when something can.
 */
import type { ReconcileDeps, ReconcileSpec, ReconcileWaiter } from './types.js';

/** A waiter that sleeps `spec.delay`. */
export function createDelayWaiter(
  spec: Extract<ReconcileSpec, { wait: 'delay' }>,
  deps: ReconcileDeps,
): ReconcileWaiter {
  return {
    name: 'delay',
    async wait() {
      const started = deps.now().getTime();
      await deps.sleep(spec.delay.milliseconds);
      return { applied: true, polls: 0, waitedMs: deps.now().getTime() - started };
    },
  };
}
