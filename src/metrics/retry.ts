/**
 * Transient-error retry for metric providers, through the same bounded full-jitter backoff the
 * GitOps writer uses. Only TransientError is retried: a bad query fails the same way every time.
 */
import { TransientError } from '../errors.js';
import {
  backoffDelay,
  realRetryEffects,
  retryPolicy,
  type RetryEffects,
  type RetryPolicy,
} from '../gitops/backoff.js';
import type { MetricProvider } from './providers/types.js';

/** `provider` with each query retried on TransientError, up to `policy.maxAttempts` attempts in all. */
export function withTransientRetries(
  provider: MetricProvider,
  policy: Partial<RetryPolicy> = {},
  effects: RetryEffects = realRetryEffects,
): MetricProvider {
  const resolved = retryPolicy(policy);
  return {
    kind: provider.kind,
    async query(request) {
      for (let attempt = 1; ; attempt++) {
        const started = effects.now();
        try {
          return await provider.query(request);
        } catch (error) {
          if (!(error instanceof TransientError) || attempt >= resolved.maxAttempts) {
            if (error instanceof TransientError && resolved.maxAttempts > 1) {
              throw new TransientError(`${error.message} (gave up after ${attempt} attempts)`, {
                cause: error,
              });
            }
            throw error;
          }
          await effects.sleep(backoffDelay(attempt, resolved, effects.random, effects.now() - started));
        }
      }
    },
  };
}
