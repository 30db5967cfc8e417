/**
 * Datadog metrics provider (decision-and-evidence.md A5, "Decision layer — ship" item 8): the v2
 * timeseries query (`POST /api/v2/query/timeseries`), with the v1 query (`GET /api/v1/query`) as a
 * fallback.
 *
 * Time windows. A range request asks for `[start, end]` with `interval = stepSeconds × 1000` ms (v2
 * only: v1 has no interval parameter and Datadog picks the rollup). An instant request asks for the
 * five minutes ending at `time` (or now) — `[time − 5 min, time]` — because Datadog has no instant
 * query. Every point of that window is returned: choosing one (Flagger takes the oldest, to avoid
 * the incomplete newest bucket, A4) is the analysis layer's judgement, not the provider's, so
 * `value` is set only when exactly one series holds exactly one point.
 *
 * Null points (no data in that bucket) are dropped, never read as zero, and a series left without
 * points is dropped with them, as Prometheus omits a series with no sample in range.
 *
 * v1 fallback rule: with `api: 'v2'` (the default), a v2 answer of HTTP 404 (a proxy or region
 * without the v2 endpoint) retries the same window on v1, once per query. A 403 does not: both
 * endpoints need the same `timeseries_query` permission, so v1 would refuse too and the fallback
 * would only hide the real error. `api: 'v1'` skips v2 altogether.
 *
 * Errors. HTTP statuses follow `http.ts` (408, 429, 5xx transient; other 4xx configuration). An
 * `errors` field (v2) or `status: "error"` (v1) in a 2xx answer is transient when its message says
 * timeout, rate limit or "try again", and a configuration error (fix the query) otherwise.
 *
 * Security: the keys travel only in the `DD-API-KEY` and `DD-APPLICATION-KEY` headers and are masked
 * in every message this module builds.
 */
import { ConfigurationError, TransientError } from '../../errors.js';
import { parseMetricNumber } from '../number.js';
import {
  asObject,
  bodyExcerpt,
  checkTimeout,
  createMasker,
  displayAddress,
  fetchText,
  httpStatusError,
  parseBaseAddress,
  parseJson,
  singleValue,
  type HttpReply,
  type Masker,
  type StatusFixes,
} from './http.js';
import type { Fetch, Measurement, MeasurementRequest, MetricProvider, Sample, Series } from './types.js';

/** Settings for one Datadog organisation. */
export interface DatadogSettings {
  /** Datadog site, e.g. `datadoghq.eu` or `us5.datadoghq.com`; the API is `https://api.<site>`. Default `datadoghq.com`. */
  site?: string;
  /** Full base URL instead of `site`, for proxies and tests, e.g. `http://127.0.0.1:8126`. */
  address?: string;
  /** API key, sent as `DD-API-KEY`. */
  apiKey: string;
  /** Application key with the `timeseries_query` scope, sent as `DD-APPLICATION-KEY`. */
  applicationKey: string;
  /** Give up on one request after this many milliseconds (a TransientError). Default 30000. */
  timeoutMs?: number;
  /** Which query API to use; `v2` falls back to `v1` on HTTP 404. Default `v2`. */
  api?: 'v2' | 'v1';
}

/** Default site. */
export const DEFAULT_DATADOG_SITE = 'datadoghq.com';

/** Default per-request timeout. */
export const DEFAULT_DATADOG_TIMEOUT_MS = 30_000;

/** The window an instant request covers, ending at its time. */
export const DATADOG_INSTANT_WINDOW_MS = 5 * 60_000;

/** A DNS name of two or more labels: what `site` must look like. */
const SITE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/** Messages in an `errors` field that mean "try again" rather than "fix the query". */
const TRANSIENT_MESSAGE =
  /timed? ?out|timeout|rate limit|too many requests|temporarily unavailable|try again/i;

/** A provider for the Datadog organisation in `settings`; `fetch` and `now` are injected for tests. */
export function createDatadogProvider(
  settings: DatadogSettings,
  fetch: Fetch = globalThis.fetch,
  now: () => number = Date.now,
): MetricProvider {
  const base = datadogBase(settings);
  const timeoutMs = checkTimeout('datadog', settings.timeoutMs ?? DEFAULT_DATADOG_TIMEOUT_MS);
  for (const key of ['apiKey', 'applicationKey'] as const) {
    if (typeof settings[key] !== 'string' || settings[key] === '') {
      throw new ConfigurationError(`datadog ${key} is empty; pass the key from a secret`);
    }
  }
  const api = settings.api ?? 'v2';
  if (api !== 'v2' && api !== 'v1') {
    throw new ConfigurationError(`datadog api must be v2 or v1; got ${JSON.stringify(api)}`);
  }
  const mask = createMasker([settings.apiKey, settings.applicationKey]);
  const context: Context = {
    base,
    fetch,
    timeoutMs,
    mask,
    headers: {
      'DD-API-KEY': settings.apiKey,
      'DD-APPLICATION-KEY': settings.applicationKey,
      Accept: 'application/json',
    },
  };

  return {
    kind: 'datadog',
    async query(request: MeasurementRequest): Promise<Measurement> {
      if (request.query.trim() === '') {
        throw new ConfigurationError(
          'datadog query is empty; write a metric query, e.g. avg:trace.http.request.errors{*}',
        );
      }
      const window = queryWindow(request, now);
      if (api === 'v1') return queryV1(context, request, window, '');
      const reply = await queryV2Request(context, request, window);
      if (reply.status === 404) return queryV1(context, request, window, ' (after v2 answered HTTP 404)');
      return parseV2(reply, request, window, describe(context, 'v2', request), context.mask);
    },
  };
}

/** The API base URL from `address`, else from `site`. */
function datadogBase(settings: DatadogSettings): URL {
  const rules = {
    provider: 'datadog',
    example: 'https://api.datadoghq.eu',
    credentialsFix: 'pass the keys in apiKey and applicationKey',
  };
  if (settings.address !== undefined) return parseBaseAddress(settings.address, rules);
  const site = settings.site ?? DEFAULT_DATADOG_SITE;
  if (!SITE.test(site)) {
    throw new ConfigurationError(
      `datadog site ${JSON.stringify(site)} is not a site name; write the domain, e.g. datadoghq.eu or us5.datadoghq.com (a full URL goes in address)`,
    );
  }
  return parseBaseAddress(`https://api.${site}`, rules);
}

/** What every request needs. */
interface Context {
  base: URL;
  fetch: Fetch;
  timeoutMs: number;
  mask: Masker;
  headers: Record<string, string>;
}

/** The window asked for, in milliseconds, and the v2 interval when the request sets a step. */
interface Window {
  fromMs: number;
  toMs: number;
  intervalMs?: number;
  mode: Measurement['mode'];
}

function queryWindow(request: MeasurementRequest, now: () => number): Window {
  if (request.range) {
    const { start, end, stepSeconds } = request.range;
    if (!(stepSeconds > 0) || end.getTime() < start.getTime()) {
      throw new ConfigurationError(
        `datadog range query ${JSON.stringify(request.query)}: need end ≥ start and step > 0; ` +
          `got start ${start.toISOString()}, end ${end.toISOString()}, step ${stepSeconds}s`,
      );
    }
    return { fromMs: start.getTime(), toMs: end.getTime(), intervalMs: stepSeconds * 1000, mode: 'range' };
  }
  const toMs = request.time ? request.time.getTime() : now();
  return { fromMs: toMs - DATADOG_INSTANT_WINDOW_MS, toMs, mode: 'instant' };
}

function describe(context: Context, api: 'v1' | 'v2', request: MeasurementRequest, note = ''): string {
  const mode = request.range ? 'range' : 'instant';
  return `datadog ${api} ${mode} query ${JSON.stringify(request.query)} at ${displayAddress(context.base)}${note}`;
}

const FIXES: StatusFixes = {
  credentials:
    'check apiKey and applicationKey (the application key needs the timeseries_query scope) and that the site is your organisation’s',
  notFound: 'check the site or address (it should be the Datadog API root, e.g. https://api.datadoghq.com)',
  other: 'fix the query',
};

const SEND_FIX = 'check that the Datadog API is reachable';

async function queryV2Request(
  context: Context,
  request: MeasurementRequest,
  window: Window,
): Promise<HttpReply> {
  const attributes = {
    from: window.fromMs,
    to: window.toMs,
    ...(window.intervalMs !== undefined ? { interval: window.intervalMs } : {}),
    queries: [{ data_source: 'metrics', query: request.query, name: 'a' }],
    formulas: [{ formula: 'a' }],
  };
  return fetchText(
    context.fetch,
    new URL('api/v2/query/timeseries', context.base).toString(),
    {
      method: 'POST',
      headers: { ...context.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { type: 'timeseries_request', attributes } }),
    },
    {
      timeoutMs: context.timeoutMs,
      what: describe(context, 'v2', request),
      mask: context.mask,
      unreachableFix: SEND_FIX,
    },
  );
}

async function queryV1(
  context: Context,
  request: MeasurementRequest,
  window: Window,
  note: string,
): Promise<Measurement> {
  const what = describe(context, 'v1', request, note);
  const url = new URL('api/v1/query', context.base);
  // v1 takes whole seconds; flooring both ends keeps the window's length.
  url.searchParams.set('from', String(Math.floor(window.fromMs / 1000)));
  url.searchParams.set('to', String(Math.floor(window.toMs / 1000)));
  url.searchParams.set('query', request.query);
  const reply = await fetchText(
    context.fetch,
    url.toString(),
    { method: 'GET', headers: context.headers },
    { timeoutMs: context.timeoutMs, what, mask: context.mask, unreachableFix: SEND_FIX },
  );
  const body = readBody(reply, what, context.mask);
  const error = typeof body.error === 'string' && body.error !== '' ? body.error : undefined;
  if (body.status === 'error' || error !== undefined) {
    throw answerError(error ?? bodyExcerpt(reply.text, context.mask), what, context.mask);
  }
  if (body.series === undefined || body.series === null) return measurement(request, window, []);
  if (!Array.isArray(body.series)) throw malformed(what, 'series is not a list');

  const series = body.series.map((item: unknown, index): Series => {
    const field = `series[${index}]`;
    const entry = asObject(item);
    if (!entry) throw malformed(what, `${field} is not an object`);
    if (!Array.isArray(entry.pointlist)) throw malformed(what, `${field}.pointlist is not a list`);
    const samples: Sample[] = [];
    entry.pointlist.forEach((point: unknown, j) => {
      const pointField = `${field}.pointlist[${j}]`;
      if (!Array.isArray(point) || point.length !== 2)
        throw malformed(what, `${pointField} is not a [time, value] pair`);
      if (point[1] === null) return;
      samples.push({
        timestamp: parseMetricNumber(point[0], `${what} ${pointField}[0]`) / 1000,
        value: parseMetricNumber(point[1], `${what} ${pointField}[1]`),
      });
    });
    return { labels: v1Labels(entry), samples };
  });
  return measurement(request, window, series);
}

/** The v2 answer as series; `values[i]` belongs to `series[i]` and pairs with `times` point by point. */
function parseV2(
  reply: HttpReply,
  request: MeasurementRequest,
  window: Window,
  what: string,
  mask: Masker,
): Measurement {
  const body = readBody(reply, what, mask);
  const error = errorDetail(body);
  if (error !== undefined) throw answerError(error, what, mask);
  const data = asObject(body.data);
  if (!data) throw malformed(what, 'no data object');
  // Datadog leaves out `series`, `times` and `values` when the window holds no data at all.
  const attributes = asObject(data.attributes) ?? {};
  const list = (name: string): unknown[] => {
    const value = attributes[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw malformed(what, `data.attributes.${name} is not a list`);
    return value;
  };
  const entries = list('series');
  const times = list('times').map((time, j) =>
    parseMetricNumber(time, `${what} data.attributes.times[${j}]`),
  );
  const values = list('values');
  if (values.length !== entries.length) {
    throw malformed(what, `${values.length} values lists for ${entries.length} series`);
  }

  const series = entries.map((item: unknown, index): Series => {
    const field = `data.attributes.values[${index}]`;
    const entry = asObject(item);
    if (!entry) throw malformed(what, `data.attributes.series[${index}] is not an object`);
    const points = values[index];
    if (!Array.isArray(points) || points.length !== times.length) {
      throw malformed(what, `${field} is not a list of ${times.length} points, one per time`);
    }
    const samples: Sample[] = [];
    points.forEach((point: unknown, j) => {
      if (point === null) return;
      samples.push({
        timestamp: (times[j] as number) / 1000,
        value: parseMetricNumber(point, `${what} ${field}[${j}]`),
      });
    });
    return { labels: Array.isArray(entry.group_tags) ? tagLabels(entry.group_tags) : {}, samples };
  });
  return measurement(request, window, series);
}

/** Labels from `tag_set` (`["k:v", …]`), else from `scope` (`k:v,k2:v2`; `*` means none). */
function v1Labels(entry: Record<string, unknown>): Record<string, string> {
  if (Array.isArray(entry.tag_set)) return tagLabels(entry.tag_set);
  if (typeof entry.scope === 'string' && entry.scope !== '*') return tagLabels(entry.scope.split(','));
  return {};
}

/**
 * Labels from Datadog tags: `key:value` splits at the first colon (values may hold colons, like
 * URLs); a bare tag becomes a label with an empty value.
 */
export function tagLabels(tags: readonly unknown[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    if (typeof tag !== 'string' || tag === '') continue;
    const colon = tag.indexOf(':');
    if (colon === -1) labels[tag] = '';
    else labels[tag.slice(0, colon)] = tag.slice(colon + 1);
  }
  return labels;
}

function measurement(request: MeasurementRequest, window: Window, all: readonly Series[]): Measurement {
  const series = all.filter((entry) => entry.samples.length > 0);
  return {
    query: request.query,
    mode: window.mode,
    series,
    noData: series.length === 0,
    ...singleValue(series),
  };
}

/** The JSON object in a 2xx reply; a non-2xx reply or a body that is not a JSON object throws. */
function readBody(reply: HttpReply, what: string, mask: Masker): Record<string, unknown> {
  const parsed = parseJson(reply.text);
  const body = asObject(parsed?.value);
  if (reply.status < 200 || reply.status > 299) {
    throw httpStatusError(
      reply.status,
      errorDetail(body) ?? bodyExcerpt(reply.text, mask),
      what,
      mask,
      FIXES,
    );
  }
  if (!body) {
    throw new TransientError(
      mask(
        `${what}: unexpected response, ${parsed ? 'not a JSON object' : 'not JSON'} (${bodyExcerpt(reply.text, mask)}); ` +
          'check that the site or address points at the Datadog API',
      ),
    );
  }
  return body;
}

/** Datadog's error text: `errors` (a string or a list of strings) or `error`. */
function errorDetail(body: Record<string, unknown> | undefined): string | undefined {
  const errors = body?.errors;
  if (typeof errors === 'string' && errors !== '') return errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(String).join('; ');
  if (typeof body?.error === 'string' && body.error !== '') return body.error;
  return undefined;
}

/** An error reported inside a 2xx answer. */
function answerError(detail: string, what: string, mask: Masker): ConfigurationError | TransientError {
  const message = mask(`${what} failed: ${detail}`);
  return TRANSIENT_MESSAGE.test(detail)
    ? new TransientError(message)
    : new ConfigurationError(`${message}; ${FIXES.other}`);
}

/** A 2xx answer we cannot read: a proxy's page, a truncated body. Retried, then an `error` measurement. */
function malformed(what: string, detail: string): TransientError {
  return new TransientError(
    `${what}: unexpected response, ${detail}; check that the site or address points at the Datadog API`,
  );
}
