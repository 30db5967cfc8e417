/**
 * The `http` reconcile waiter: GET `exposure.reconcile.url` every `interval` until a 2xx answer's
 * body names the step's commit (its full sha) or its weight (`canary=<weight>`), or `timeout`
 * passes. Typical endpoints: a version page the deployed service serves, a status page of the
 * reconciler, a small script in front of `kubectl get`. Each request has its own 5-second limit, so
 * a hung endpoint costs one interval, not the whole wait; an unreachable or failing endpoint is
 * asked again (the service may be restarting into the new version).
 *
 * `canary=<weight>` must not be followed by a digit or a dot: `canary=5` is not `canary=50`.
 */
import { bodyExcerpt, describeCause, parseHttpUrl } from '../../metrics/providers/http.js';
import {
  checkInterval,
  pollUntil,
  shortSha,
  type PollResult,
  type ReconcileDeps,
  type ReconcileSpec,
  type ReconcileWaiter,
} from './types.js';

/** Limit of one request, body included. */
export const HTTP_RECONCILE_REQUEST_TIMEOUT_MS = 5_000;

/** No masking here: the URL is in the policy file, and nothing secret is sent. */
const noMask = (text: string) => text;

/** A waiter polling `spec.url`; refuses a URL that is not absolute http(s) without credentials. */
export function createHttpWaiter(
  spec: Extract<ReconcileSpec, { wait: 'http' }>,
  deps: ReconcileDeps,
): ReconcileWaiter {
  const url = parseHttpUrl(spec.url, 'exposure.reconcile.url', {
    example: 'https://web.example.com/version',
    credentialsFix: 'serve the version page without credentials, or use wait: argocd or deployment-status',
  }).toString();
  checkInterval(spec.interval);

  return {
    name: 'http',
    async wait(target) {
      let requests = 0;
      const canary = new RegExp(`canary=${target.weight}(?![\\d.])`);
      const check = async (): Promise<PollResult> => {
        requests += 1;
        try {
          const response = await deps.fetch(url, {
            method: 'GET',
            signal: AbortSignal.timeout(HTTP_RECONCILE_REQUEST_TIMEOUT_MS),
          });
          const body = await response.text();
          if (response.ok && (body.includes(target.sha) || canary.test(body))) return { kind: 'applied' };
          return { kind: 'waiting', seen: `HTTP ${response.status}, ${bodyExcerpt(body, noMask)}` };
        } catch (error) {
          // AbortSignal.timeout rejects with a DOMException, not an Error in every realm: go by name.
          const name = error && typeof error === 'object' && 'name' in error ? error.name : undefined;
          const seen =
            name === 'TimeoutError' || name === 'AbortError'
              ? `no answer within ${HTTP_RECONCILE_REQUEST_TIMEOUT_MS / 1000} s`
              : `unreachable: ${describeCause(error)}`;
          return { kind: 'waiting', seen };
        }
      };
      return pollUntil(
        deps,
        `reconcile (http ${url})`,
        { timeoutMs: spec.timeout.milliseconds, intervalMs: spec.interval.milliseconds },
        check,
        () => requests,
        (seen) =>
          `reconcile: ${url} did not show commit ${shortSha(target.sha)} or canary=${target.weight} ` +
          `within ${spec.timeout.toString()} (last: ${seen}); check that the reconciler syncs the branch ` +
          'and that the page reports the applied revision',
      );
    },
  };
}
