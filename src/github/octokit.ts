/**
 * The one way Glidepath talks to GitHub's API: `@octokit/core` with the REST endpoint methods, the
 * retry plugin (5xx and network failures, with growing waits) and the throttling plugin (primary
 * and secondary rate limits, at most one write a second as GitHub asks of integrators). No other
 * module retries HTTP: they call this client and handle what it finally answers.
 *
 * Rate limits bind at organisation scale (DESIGN.md "Scale": GITHUB_TOKEN has 1,000 requests an
 * hour per repository, shared by every job), so every request is counted by route, GraphQL
 * operation and status, and a primary limit whose reset is further away than a job should wait is
 * not waited for: the request fails and the caller reports it as transient.
 */
import { Octokit } from '@octokit/core';
import type { OctokitOptions } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

/** Octokit's logger shape; the action maps it to core.debug/info/warning/error. */
export interface OctokitLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Settings of createOctokit. */
export interface OctokitSettings {
  /** GITHUB_TOKEN, an App installation token or a PAT. Registered with `mask` before use. */
  token: string;
  /** API root: `https://api.github.com` (default), `https://HOST/api/v3` on GHES, or a test fake. */
  baseUrl?: string;
  logger?: OctokitLogger;
  /** Registers a secret so logs mask it (the action passes core.setSecret). */
  mask?: (secret: string) => void;
  /** Retries of a 5xx or network failure (plugin-retry). Default 3. */
  retries?: number;
  /** Retries of a request that hit the primary rate limit. Default 2. */
  rateLimitRetries?: number;
  /** Do not wait for a primary-limit reset further away than this. Default 900 s. */
  maxRateLimitWaitSeconds?: number;
  /** Milliseconds per "second" of every retry wait; tests set 1 so waits take no time. Default 1000. */
  retryAfterBaseMs?: number;
  /**
   * Space writes (and GraphQL calls) at least a second apart, one at a time, as GitHub asks of
   * integrators to avoid secondary limits. Default true; tests that race writers turn it off.
   */
  spaceWrites?: boolean;
  /** Abort one HTTP attempt after this many milliseconds (it then counts as a network failure). Default 60 s. */
  timeoutMs?: number;
  /** Where requests are counted. */
  counter?: RequestCounter;
  /** HTTP transport; default the global fetch. */
  fetch?: typeof fetch;
  userAgent?: string;
}

/** Requests sent, by `METHOD /route` (GraphQL by operation), for budgets and job summaries. */
export class RequestCounter {
  private readonly counts = new Map<string, number>();
  private readonly statuses = new Map<number, number>();

  /** Records one HTTP attempt (retries count again). */
  record(key: string, status: number | undefined): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (status !== undefined) this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  /** Attempts in total. */
  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** Attempts whose key starts with `prefix` (`POST /graphql`, `PATCH /repos/{owner}/{repo}/git/refs/{ref}`). */
  count(prefix: string): number {
    let sum = 0;
    for (const [key, count] of this.counts) if (key.startsWith(prefix)) sum += count;
    return sum;
  }

  /** Every key with its count, sorted by key. */
  byRoute(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Attempts per HTTP status (network failures have none). */
  byStatus(): Record<number, number> {
    return Object.fromEntries(this.statuses);
  }
}

/** The client type: core + REST methods (`octokit.rest.git.updateRef`) + `octokit.graphql`. */
export type GlidepathOctokit = InstanceType<typeof GlidepathOctokitClass>;

/**
 * Registered before the retry and throttling plugins, so its wrap sits inside theirs (only the
 * token's own hook is deeper): it sees every attempt they make, counts it, and gives it its own
 * timeout. Hazard: before-after-hook binds the ORIGINAL options into every inner hook, so options
 * handed to `request(...)` are ignored by the auth hook; the signal must be set on the options
 * object itself (per request, a fresh merge) for fetch to see it.
 */
function attemptPlugin(octokit: Octokit, options: OctokitOptions): void {
  const counter = options.glidepathCounter as RequestCounter | undefined;
  const timeoutMs = options.glidepathTimeoutMs as number | undefined;
  octokit.hook.wrap('request', async (request, endpoint) => {
    const key = routeKey(endpoint.method, endpoint.url, endpoint as unknown as Record<string, unknown>);
    const own = endpoint.request as { signal?: AbortSignal; glidepathTimeout?: boolean } | undefined;
    if (timeoutMs !== undefined && own && (own.signal === undefined || own.glidepathTimeout)) {
      own.signal = AbortSignal.timeout(timeoutMs);
      own.glidepathTimeout = true;
    }
    try {
      const response = await request(endpoint);
      counter?.record(key, response.status);
      return response;
    } catch (error) {
      const status = (error as { status?: unknown; response?: unknown }).response
        ? (error as { status?: number }).status
        : undefined;
      counter?.record(key, status);
      throw error;
    }
  });
}

const GlidepathOctokitClass = Octokit.plugin(attemptPlugin, restEndpointMethods, retry, throttling);

/** A throttling group that schedules immediately (spaceWrites: false). */
const unspacedGroup = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      const index = args.findIndex((arg) => typeof arg === 'function');
      const task = args[index] as (...rest: unknown[]) => unknown;
      return Promise.resolve(task(...args.slice(index + 1)));
    },
  }),
};

/** Creates the client; see OctokitSettings for every knob and its default. */
export function createOctokit(settings: OctokitSettings): GlidepathOctokit {
  settings.mask?.(settings.token);
  const logger = settings.logger ?? quietLogger;
  const rateLimitRetries = settings.rateLimitRetries ?? 2;
  const maxWait = settings.maxRateLimitWaitSeconds ?? 900;
  const baseMs = settings.retryAfterBaseMs ?? 1000;
  const throttle: ThrottlingOptions = {
    retryAfterBaseValue: baseMs,
    onRateLimit: (retryAfter, options, _octokit, retryCount) => {
      const what = `${options.method} ${options.url}`;
      if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
        logger.warn(`GitHub's rate limit is exhausted (${what}); retrying in ${retryAfter} s`);
        return true;
      }
      logger.error(
        `GitHub's rate limit is exhausted (${what}) and resets in ${retryAfter} s; giving up. ` +
          'Use a GitHub App token (5,000+ requests an hour) or fewer parallel rollouts per repository',
      );
      return false;
    },
    onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
      const what = `${options.method} ${options.url}`;
      if (retryCount < 1) {
        logger.warn(`GitHub's secondary rate limit hit (${what}); retrying once in ${retryAfter} s`);
        return true;
      }
      logger.error(
        `GitHub's secondary rate limit hit again (${what}); giving up. Serialise writers to this repository`,
      );
      return false;
    },
    ...(settings.spaceWrites === false ? { write: unspacedGroup, notifications: unspacedGroup } : {}),
  } as ThrottlingOptions;

  return new GlidepathOctokitClass({
    auth: settings.token,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl.replace(/\/+$/, '') } : {}),
    userAgent: settings.userAgent ?? 'glidepath',
    log: logger,
    request: settings.fetch ? { fetch: settings.fetch } : {},
    // 429 and rate-limit 403s belong to the throttling plugin; retrying them here too would double the waits.
    retry: {
      retries: settings.retries ?? 3,
      retryAfterBaseValue: baseMs,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle,
    glidepathCounter: settings.counter,
    glidepathTimeoutMs: settings.timeoutMs ?? 60_000,
  });
}

/** `METHOD /route` for REST; `POST /graphql OperationName` for GraphQL documents with a named operation. */
function routeKey(method: string, url: string, endpoint: Record<string, unknown>): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
  if (path.endsWith('/graphql')) {
    const query = typeof endpoint.query === 'string' ? endpoint.query : '';
    const name = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
    return name ? `${method} /graphql ${name}` : `${method} /graphql`;
  }
  return `${method} ${path}`;
}

const quietLogger: OctokitLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
