/**
 * An Octokit for tests against the GitHub fake: `@octokit/core` with the REST endpoint methods and
 * the same retry and throttling plugins production code uses, with waits shrunk to milliseconds and
 * the limit callbacks counted.
 */
import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { GitHubFake } from './index.js';

/** The Octokit class tests use: core + REST methods + retry + throttling. */
export const TestOctokit = Octokit.plugin(restEndpointMethods, retry, throttling);

/** Calls the throttling plugin made to its limit callbacks. */
export interface ThrottleLog {
  rateLimit: { retryAfter: number; route: string }[];
  secondaryRateLimit: { retryAfter: number; route: string }[];
}

/** Options of {@link testOctokit}. */
export interface TestOctokitOptions {
  /** Token; default the fake's. */
  token?: string;
  /** Retries plugin-retry makes (default 3, as in production). */
  retries?: number;
  /**
   * Statuses plugin-retry leaves alone; default the plugin's own `[400, 401, 403, 404, 410, 422,
   * 451]`. Hazard: 429 is not among them, so with both plugins installed plugin-retry retries a
   * 429 with its own backoff (ignoring `retry-after` and the reset time) and plugin-throttling
   * never sees it. Add 429 to hand rate limits to plugin-throttling.
   */
  doNotRetry?: number[];
  /** How many times the throttling callbacks ask for a retry of one request (default 2). */
  throttleRetries?: number;
}

/**
 * Builds an Octokit pointed at the fake. Waits are scaled down: plugin-retry's base is 1 ms
 * (so its 1, 4, 9… backoff is milliseconds) and a `retry-after` of N seconds waits N × 10 ms.
 * The throttling plugin's pacing queues (one write per second, one notification-triggering write
 * such as a PR or merge per three seconds, one search per two) are replaced by pass-throughs:
 * tests would otherwise measure those queues instead of the code under test. Production keeps them.
 */
export function testOctokit(
  fake: Pick<GitHubFake, 'url' | 'token'>,
  options: TestOctokitOptions = {},
): { octokit: InstanceType<typeof TestOctokit>; throttled: ThrottleLog } {
  const throttled: ThrottleLog = { rateLimit: [], secondaryRateLimit: [] };
  const maxThrottleRetries = options.throttleRetries ?? 2;
  // A stand-in for Bottleneck.Group with the only method the plugin calls: key(id).schedule(...).
  const passThrough = {
    key: () => ({
      schedule: (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) =>
        Promise.resolve(task(...args)),
    }),
  };
  const octokit = new TestOctokit({
    auth: options.token ?? fake.token,
    baseUrl: fake.url,
    retry: {
      retryAfterBaseValue: 1,
      retries: options.retries ?? 3,
      ...(options.doNotRetry ? { doNotRetry: options.doNotRetry } : {}),
    },
    throttle: {
      retryAfterBaseValue: 10,
      fallbackSecondaryRateRetryAfter: 1,
      write: passThrough as never,
      notifications: passThrough as never,
      search: passThrough as never,
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        throttled.rateLimit.push({ retryAfter, route: `${request.method} ${request.url}` });
        return retryCount < maxThrottleRetries;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        throttled.secondaryRateLimit.push({ retryAfter, route: `${request.method} ${request.url}` });
        return retryCount < maxThrottleRetries;
      },
    },
    // Silence the plugins' warnings about retries; tests assert on counts instead.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { octokit, throttled };
}
