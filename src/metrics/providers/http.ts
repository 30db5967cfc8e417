/**
 * HTTP plumbing shared by the metric providers (decision-and-evidence.md A5): base addresses, one
 * request with a timeout, the mapping from HTTP status to the error vocabulary, and secret masking.
 *
 * The status rule every provider follows unless its API says more: 408, 429 and 5xx are
 * TransientError (the same request may work later: the retry wrapper and `consecutiveErrorLimit`
 * deal with them); every other non-2xx is a ConfigurationError naming the provider, the query and
 * the fix, because sending the same request again gets the same answer.
 *
 * Security: error messages end up in Actions logs and pull-request comments, and a proxy's error
 * page may echo request headers back. Providers therefore build every message through a `Masker`
 * holding each secret they send, and the forms a secret takes on the wire or in a message: without
 * its `Bearer`/`Basic` scheme, base64-decoded Basic credentials, JSON-escaped and URL-encoded.
 * Excerpts of a response body are masked before they are cut, so a secret straddling the cut
 * cannot leak half of itself.
 */
import { ConfigurationError, TransientError } from '../../errors.js';
import type { Fetch } from './types.js';

/** Replaces every secret a provider knows with `***`. */
export type Masker = (message: string) => string;

/**
 * Secrets shorter than this are not masked: replacing every `a` or `1` in a message would make it
 * unreadable and hides nothing worth hiding.
 */
const MIN_SECRET_LENGTH = 3;

/** A masker for `secrets`; undefined and short entries are ignored. */
export function createMasker(secrets: Iterable<string | undefined>): Masker {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  const sorted = [...forms]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    // Longest first, so a token inside its `Bearer …` header value is not half-replaced.
    .sort((a, b) => b.length - a.length);
  return (message) => sorted.reduce((text, secret) => text.split(secret).join('***'), message);
}

/**
 * The secrets in request header values: each value, the credentials after a `Bearer` or `Basic`
 * scheme, and for Basic the decoded `user:password` and the password alone. Every header value is
 * treated as secret, because providers cannot know which custom header carries a key.
 */
export function headerSecrets(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const value of Object.values(headers)) {
    secrets.push(value);
    const scheme = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(value);
    if (!scheme?.[2]) continue;
    secrets.push(scheme[2]);
    if (scheme[1]?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) secrets.push(decoded, decoded.slice(colon + 1));
    }
  }
  return secrets;
}

/** How a provider names itself and its address in messages about the address. */
export interface AddressRules {
  /** Provider kind, first word of every message. */
  provider: string;
  /** A correct address to show, e.g. `http://prometheus:9090`. */
  example: string;
  /** What to do instead of putting credentials in the URL, e.g. `use auth: basic instead`. */
  credentialsFix: string;
}

/**
 * `address` as a base URL ending in `/`, so `new URL('api/v1/query', base)` keeps a path prefix
 * like `/prometheus`. Refuses non-URLs, schemes other than http(s), and embedded credentials
 * (fetch refuses them, and they would be printed in every message).
 */
export function parseBaseAddress(address: string, rules: AddressRules): URL {
  const url = parseHttpUrl(address, `${rules.provider} address`, rules);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * `text` as an absolute http(s) URL without credentials; `field` names it in the message
 * (`web url`, `datadog address`).
 */
export function parseHttpUrl(text: string, field: string, rules: Omit<AddressRules, 'provider'>): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      `${field} ${JSON.stringify(text)} is not a URL; write e.g. ${rules.example}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`${field} must be http or https; got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`${field} must not contain credentials; ${rules.credentialsFix}`);
  }
  return url;
}

/** The base address as printed in messages: origin and path, without the trailing slash. */
export function displayAddress(base: URL): string {
  return base.origin + base.pathname.replace(/\/$/, '');
}

/** `timeoutMs`, or a ConfigurationError naming the provider when it is not a positive number. */
export function checkTimeout(provider: string, timeoutMs: number): number {
  if (!(timeoutMs > 0)) {
    throw new ConfigurationError(`${provider} timeoutMs must be positive; got ${timeoutMs}`);
  }
  return timeoutMs;
}

/** What a request needs besides its URL and init. */
export interface SendOptions {
  /** Give up after this many milliseconds, counting the body. */
  timeoutMs: number;
  /** The operation, first words of every message: `datadog v2 query "…" at https://…`. */
  what: string;
  /** Masks the provider's secrets. */
  mask: Masker;
  /** The fix when the server cannot be reached, e.g. `check that Prometheus is reachable`. */
  unreachableFix: string;
}

/** A response read to the end. */
export interface HttpReply {
  status: number;
  text: string;
}

/**
 * Sends one request and reads the whole body, under one timeout that covers both. A network
 * failure or the timeout is a TransientError saying which, with the cause attached.
 */
export async function fetchText(
  fetch: Fetch,
  url: string,
  init: RequestInit,
  options: SendOptions,
): Promise<HttpReply> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    // AbortSignal.timeout rejects with a DOMException, which is not `instanceof Error` in every
    // realm (Jest's VM contexts), so go by its name.
    const name = error && typeof error === 'object' && 'name' in error ? error.name : undefined;
    const reason =
      name === 'TimeoutError' || name === 'AbortError'
        ? `timed out after ${options.timeoutMs} ms`
        : `failed: ${describeCause(error)}`;
    throw new TransientError(options.mask(`${options.what} ${reason}; ${options.unreachableFix}`), {
      cause: error,
    });
  }
}

/** An error's message with the system error code fetch hides in its cause (`ECONNREFUSED`). */
export function describeCause(error: unknown): string {
  // Duck-typed rather than `instanceof Error`: undici's errors come from Node's own realm, which is
  // not the realm of a Jest test (and would print as "TypeError: fetch failed" without the code).
  const { message, cause } = (error && typeof error === 'object' ? error : {}) as {
    message?: unknown;
    cause?: unknown;
  };
  if (typeof message !== 'string') return String(error);
  const code = cause && typeof cause === 'object' && 'code' in cause ? ` (${String(cause.code)})` : '';
  return `${message}${code}`;
}

/** Whether a status is worth retrying: 408 Request Timeout, 429 Too Many Requests, and 5xx. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The fix to print for each kind of refused request. */
export interface StatusFixes {
  /** 401 and 403, e.g. `check apiKey and applicationKey`. */
  credentials: string;
  /** 404, e.g. `check the site or address`. */
  notFound: string;
  /** Any other status, usually a bad query: `fix the query`. */
  other: string;
}

/**
 * The error for a non-2xx reply: TransientError for 408, 429 and 5xx, otherwise a
 * ConfigurationError ending in the fix for the status. `detail` is what the server said.
 */
export function httpStatusError(
  status: number,
  detail: string,
  what: string,
  mask: Masker,
  fixes: StatusFixes,
): ConfigurationError | TransientError {
  const message = mask(`${what} failed with HTTP ${status}: ${detail}`);
  if (isTransientStatus(status)) return new TransientError(message);
  const fix =
    status === 401 || status === 403 ? fixes.credentials : status === 404 ? fixes.notFound : fixes.other;
  return new ConfigurationError(`${message}; ${fix}`);
}

/** Longest body excerpt quoted in a message. */
const EXCERPT_LENGTH = 200;

/** `body "…"`: the start of a response body for a message, masked before it is cut. */
export function bodyExcerpt(text: string, mask: Masker): string {
  return `body ${JSON.stringify(mask(text).slice(0, EXCERPT_LENGTH))}`;
}

/** The JSON in `text`, or undefined when it is not JSON (an HTML error page, a truncated body). */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** `value` as a plain object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The `value` field for a measurement: the one sample when there is exactly one series holding
 * exactly one sample, so a caller never mistakes one series among many for the answer.
 */
export function singleValue(series: readonly { samples: readonly { value: number }[] }[]): {
  value?: number;
} {
  const only = series.length === 1 && series[0]?.samples.length === 1 ? series[0].samples[0] : undefined;
  return only ? { value: only.value } : {};
}
