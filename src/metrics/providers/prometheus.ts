/**
 * Prometheus HTTP API provider (`/api/v1/query`, `/api/v1/query_range`); Thanos, Mimir and
 * VictoriaMetrics speak the same API. Queries go as form-encoded POST, which the API accepts for
 * long expressions that would overflow a URL.
 *
 * Security: credentials travel only in request headers. Every message this module builds passes
 * through `mask` (`http.ts`), which replaces the token, password, encoded basic credentials and
 * custom header values with `***`, because a proxy's error page may echo request headers back and
 * error messages end up in Actions logs and pull-request comments.
 */
import { ConfigurationError, TransientError } from '../../errors.js';
import { parseMetricNumber } from '../number.js';
import {
  bodyExcerpt,
  checkTimeout,
  createMasker,
  displayAddress,
  fetchText,
  headerSecrets,
  parseBaseAddress,
  parseJson,
  singleValue,
  type Masker,
} from './http.js';
import type { Fetch, Measurement, MeasurementRequest, MetricProvider, Sample, Series } from './types.js';

/** How to authenticate to Prometheus or the proxy in front of it. */
export type PrometheusAuth =
  /** `Authorization: Bearer TOKEN` (Mimir, Thanos behind a gateway, Grafana Cloud). */
  | { kind: 'bearer'; token: string }
  /** `Authorization: Basic …` (Prometheus' own web config, most reverse proxies). */
  | { kind: 'basic'; username: string; password: string };

/** Settings for one Prometheus endpoint. */
export interface PrometheusSettings {
  /** Base URL, e.g. `http://prometheus:9090` or `https://mimir.example.com/prometheus`. */
  address: string;
  /** Credentials, if the endpoint needs them. */
  auth?: PrometheusAuth;
  /** Extra request headers, e.g. `X-Scope-OrgID` for Mimir tenants. Values are masked in messages. */
  headers?: Readonly<Record<string, string>>;
  /** Give up on one request after this many milliseconds (a TransientError). Default 30000. */
  timeoutMs?: number;
}

/** Default per-request timeout. */
export const DEFAULT_PROMETHEUS_TIMEOUT_MS = 30_000;

/** A provider for the Prometheus endpoint in `settings`; `fetch` is injected for tests. */
export function createPrometheusProvider(
  settings: PrometheusSettings,
  fetch: Fetch = globalThis.fetch,
): MetricProvider {
  const base = parseBaseAddress(settings.address, {
    provider: 'prometheus',
    example: 'http://prometheus:9090',
    credentialsFix: 'use auth: basic instead',
  });
  const timeoutMs = checkTimeout('prometheus', settings.timeoutMs ?? DEFAULT_PROMETHEUS_TIMEOUT_MS);
  const headers = requestHeaders(settings);
  const mask = createMasker([
    ...headerSecrets(headers),
    settings.auth?.kind === 'bearer' ? settings.auth.token : undefined,
    settings.auth?.kind === 'basic' ? settings.auth.password : undefined,
  ]);

  return {
    kind: 'prometheus',
    async query(request: MeasurementRequest): Promise<Measurement> {
      const mode = request.range ? 'range' : 'instant';
      const endpoint = mode === 'range' ? 'api/v1/query_range' : 'api/v1/query';
      const url = new URL(endpoint, base).toString();
      const body = formBody(request, timeoutMs);
      const what = `prometheus ${mode} query ${JSON.stringify(request.query)} at ${displayAddress(base)}`;

      const reply = await fetchText(
        fetch,
        url,
        {
          method: 'POST',
          headers: {
            ...headers,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body,
        },
        { timeoutMs, what, mask, unreachableFix: 'check that Prometheus is reachable' },
      );
      return parseResponse(reply.status, reply.text, request, mode, what, mask);
    },
  };
}

function requestHeaders(settings: PrometheusSettings): Record<string, string> {
  const headers: Record<string, string> = { ...settings.headers };
  if (settings.auth?.kind === 'bearer') headers.Authorization = `Bearer ${settings.auth.token}`;
  if (settings.auth?.kind === 'basic') {
    const encoded = Buffer.from(`${settings.auth.username}:${settings.auth.password}`).toString('base64');
    headers.Authorization = `Basic ${encoded}`;
  }
  return headers;
}

function formBody(request: MeasurementRequest, timeoutMs: number): URLSearchParams {
  const form = new URLSearchParams({ query: request.query });
  if (request.range) {
    const { start, end, stepSeconds } = request.range;
    if (!(stepSeconds > 0) || end.getTime() < start.getTime()) {
      throw new ConfigurationError(
        `prometheus range query ${JSON.stringify(request.query)}: need end ≥ start and step > 0; ` +
          `got start ${start.toISOString()}, end ${end.toISOString()}, step ${stepSeconds}s`,
      );
    }
    form.set('start', unixSeconds(start));
    form.set('end', unixSeconds(end));
    form.set('step', String(stepSeconds));
  } else if (request.time) {
    form.set('time', unixSeconds(request.time));
  }
  // Ask the server to stop evaluating when the client stops waiting.
  form.set('timeout', `${Math.max(1, Math.floor(timeoutMs / 1000))}s`);
  return form;
}

function unixSeconds(date: Date): string {
  return String(date.getTime() / 1000);
}

/** Prometheus' error envelope, possibly present on any status. */
interface Envelope {
  status?: unknown;
  data?: unknown;
  errorType?: unknown;
  error?: unknown;
}

/** errorType values that mean "try again" (web/api/v1/api.go). */
const TRANSIENT_ERROR_TYPES = new Set(['timeout', 'canceled', 'internal', 'unavailable']);

function parseResponse(
  status: number,
  text: string,
  request: MeasurementRequest,
  mode: Measurement['mode'],
  what: string,
  mask: Masker,
): Measurement {
  const parsed = parseJson(text)?.value;
  const envelope = parsed && typeof parsed === 'object' ? (parsed as Envelope) : undefined;

  if (envelope?.status !== 'success' || status < 200 || status > 299) {
    const errorType = typeof envelope?.errorType === 'string' ? envelope.errorType : undefined;
    const detail = typeof envelope?.error === 'string' ? envelope.error : bodyExcerpt(text, mask);
    const message = mask(`${what} failed with HTTP ${status}${errorType ? ` ${errorType}` : ''}: ${detail}`);
    if (
      status === 408 ||
      status === 429 ||
      status >= 500 ||
      (errorType !== undefined && TRANSIENT_ERROR_TYPES.has(errorType))
    ) {
      throw new TransientError(message);
    }
    if (status === 401 || status === 403) {
      throw new ConfigurationError(`${message}; check the credentials in the provider's auth settings`);
    }
    if (status === 404) {
      throw new ConfigurationError(`${message}; check the address (it should be the Prometheus root URL)`);
    }
    if (errorType === 'bad_data' || errorType === 'execution' || status === 400 || status === 422) {
      throw new ConfigurationError(`${message}; fix the query`);
    }
    const fix = `${message}; check that the address points at a Prometheus API`;
    // Garbage with a 2xx status is what a struggling proxy sends: retried, then an `error` measurement.
    if (status >= 200 && status <= 299) throw new TransientError(fix);
    throw new ConfigurationError(fix);
  }
  return { query: request.query, mode, ...parseData(envelope.data, what) };
}

function parseData(data: unknown, what: string): Pick<Measurement, 'series' | 'noData' | 'value'> {
  // A 2xx answer we cannot read (a proxy's page, a truncated body): retried, then an `error` measurement.
  const malformed = (detail: string): TransientError =>
    new TransientError(
      `${what}: unexpected response, ${detail}; check that the address points at a Prometheus API`,
    );
  if (!data || typeof data !== 'object') throw malformed('no data object');
  const { resultType, result } = data as { resultType?: unknown; result?: unknown };

  if (resultType === 'scalar') {
    const sample = parseSample(result, 'result', what);
    return { series: [{ labels: {}, samples: [sample] }], noData: false, value: sample.value };
  }
  if (resultType === 'string') {
    throw new ConfigurationError(`${what} returned a string, not a number; fix the query`);
  }
  if (resultType !== 'vector' && resultType !== 'matrix')
    throw malformed(`resultType ${JSON.stringify(resultType)}`);
  if (!Array.isArray(result)) throw malformed('result is not a list');

  const series: Series[] = result.map((item: unknown, index): Series => {
    const field = `result[${index}]`;
    if (!item || typeof item !== 'object') throw malformed(`${field} is not an object`);
    const entry = item as {
      metric?: unknown;
      value?: unknown;
      values?: unknown;
      histogram?: unknown;
      histograms?: unknown;
    };
    const labels = (entry.metric && typeof entry.metric === 'object' ? entry.metric : {}) as Record<
      string,
      string
    >;
    if (
      entry.value === undefined &&
      entry.values === undefined &&
      (entry.histogram ?? entry.histograms) !== undefined
    ) {
      throw new ConfigurationError(
        `${what}: ${field} is a native histogram, not a number; wrap it in histogram_quantile() or histogram_count()`,
      );
    }
    const samples: Sample[] =
      resultType === 'vector'
        ? [parseSample(entry.value, `${field}.value`, what)]
        : parseSamples(entry.values, `${field}.values`, what);
    return { labels, samples };
  });
  return { series, noData: series.length === 0, ...singleValue(series) };
}

function parseSamples(values: unknown, field: string, what: string): Sample[] {
  if (!Array.isArray(values))
    throw new TransientError(`${what}: unexpected response, ${field} is not a list`);
  return values.map((pair: unknown, index) => parseSample(pair, `${field}[${index}]`, what));
}

function parseSample(pair: unknown, field: string, what: string): Sample {
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new TransientError(`${what}: unexpected response, ${field} is not a [time, value] pair`);
  }
  return {
    timestamp: parseMetricNumber(pair[0], `${what} ${field}[0]`),
    value: parseMetricNumber(pair[1], `${what} ${field}[1]`),
  };
}
