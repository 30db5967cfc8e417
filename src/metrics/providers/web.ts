/**
 * Generic `web` provider, Argo Rollouts style (decision-and-evidence.md A5; `docs/analysis/web.md`):
 * one HTTP request, a JSONPath selection from the JSON answer, and the selection as `raw` for the
 * success and failure conditions.
 *
 * The URL is the request's `query`. The policy's query template is a URL, so `{{canary}}` and
 * `{{args.NAME}}` work in it exactly as in PromQL, and the caller renders it before calling
 * `query`; the settings hold what does not change between measurements (method, headers, body).
 * Bodies are sent as written: render templates in them before creating the provider.
 *
 * Selection. `jsonPath` is written as in client-go, in braces (`{$.data.ok}`; default `{$}`, the
 * whole document); the braces are stripped and the path evaluated with jsonpath-plus with `eval:
 * false` and `wrap: false`, so filter and script expressions (`[?(…)]`) are refused rather than
 * run. A body that is not JSON is the selection itself (trimmed) when the path is `{$}`. A number,
 * or a string holding one, also becomes `value` (through `parseMetricNumber`, so `"NaN"` and
 * `"+Inf"` work); a list of numbers becomes one series.
 *
 * A path that selects nothing is a TransientError "could not find JSONPath … in body", not a
 * configuration error: the endpoint may answer without the field only while it warms up, and Argo
 * counts this case as an Error measurement, which fails the analysis only after
 * `consecutiveErrorLimit` of them. Glidepath's analysis counts TransientError the same way.
 *
 * Security: every header value is treated as a secret and masked in messages (together with the
 * credentials inside `Bearer`/`Basic` values). The URL is printed in messages and reports, so
 * credentials belong in headers, never in the query string.
 */
import { JSONPath } from 'jsonpath-plus';

import { ConfigurationError, TransientError } from '../../errors.js';
import { parseMetricNumber } from '../number.js';
import {
  bodyExcerpt,
  checkTimeout,
  createMasker,
  fetchText,
  headerSecrets,
  httpStatusError,
  parseHttpUrl,
  parseJson,
  singleValue,
} from './http.js';
import type { Fetch, Measurement, MeasurementRequest, MetricProvider, Series } from './types.js';

/** HTTP methods the provider sends. */
export type WebMethod = 'GET' | 'POST' | 'PUT';

/** Settings for one web metric; the URL comes with each request (see the module comment). */
export interface WebSettings {
  /** Request method. Default `GET`. */
  method?: WebMethod;
  /** Request headers, e.g. `Authorization`. Every value is masked in messages. */
  headers?: Readonly<Record<string, string>>;
  /** Request body, sent as is (POST and PUT only; not with `jsonBody`). */
  body?: string;
  /** Request body as JSON, sent with `Content-Type: application/json` (POST and PUT only; not with `body`). */
  jsonBody?: unknown;
  /** What to select from a JSON answer, client-go style: `{$.data.ok}`. Default `{$}`. */
  jsonPath?: string;
  /** Give up on one request after this many milliseconds (a TransientError). Default 10000. */
  timeoutMs?: number;
}

/** Default per-request timeout (Argo's `timeoutSeconds` default). */
export const DEFAULT_WEB_TIMEOUT_MS = 10_000;

/** Default selection: the whole document. */
export const DEFAULT_WEB_JSON_PATH = '{$}';

const METHODS: readonly WebMethod[] = ['GET', 'POST', 'PUT'];

/** A provider for web metrics with `settings`; `fetch` and `now` are injected for tests. */
export function createWebProvider(
  settings: WebSettings,
  fetch: Fetch = globalThis.fetch,
  now: () => number = Date.now,
): MetricProvider {
  const method = settings.method ?? 'GET';
  if (!METHODS.includes(method)) {
    throw new ConfigurationError(
      `web method must be one of ${METHODS.join(', ')}; got ${JSON.stringify(method)}`,
    );
  }
  if (settings.body !== undefined && settings.jsonBody !== undefined) {
    throw new ConfigurationError('web body and jsonBody are both set; keep one of them');
  }
  if (method === 'GET' && (settings.body !== undefined || settings.jsonBody !== undefined)) {
    throw new ConfigurationError(
      `web ${settings.body !== undefined ? 'body' : 'jsonBody'} needs method POST or PUT; a GET request has no body`,
    );
  }
  const jsonPath = settings.jsonPath ?? DEFAULT_WEB_JSON_PATH;
  const path = parseJsonPath(jsonPath);
  const timeoutMs = checkTimeout('web', settings.timeoutMs ?? DEFAULT_WEB_TIMEOUT_MS);
  const headers: Record<string, string> = { ...settings.headers };
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (settings.jsonBody !== undefined && !hasContentType) headers['Content-Type'] = 'application/json';
  const body = settings.jsonBody !== undefined ? JSON.stringify(settings.jsonBody) : settings.body;
  const mask = createMasker(headerSecrets(settings.headers ?? {}));

  return {
    kind: 'web',
    async query(request: MeasurementRequest): Promise<Measurement> {
      const url = parseHttpUrl(request.query, 'web url', {
        example: 'https://metrics.example/api/health?service=checkout',
        credentialsFix: 'send credentials in an Authorization header',
      });
      const what = `web ${method} ${url.toString()}`;
      const reply = await fetchText(
        fetch,
        url.toString(),
        { method, headers, ...(body !== undefined ? { body } : {}) },
        { timeoutMs, what, mask, unreachableFix: 'check that the URL is reachable' },
      );
      if (reply.status < 200 || reply.status > 299) {
        throw httpStatusError(reply.status, bodyExcerpt(reply.text, mask), what, mask, {
          credentials: 'check the credentials in headers',
          notFound: 'check the URL',
          other: 'check the URL, method and body',
        });
      }

      const parsed = parseJson(reply.text);
      let selection: unknown;
      if (!parsed) {
        if (path !== '$') {
          throw new TransientError(
            mask(
              `${what}: could not find JSONPath ${jsonPath} in body: the body is not JSON (${bodyExcerpt(reply.text, mask)}); ` +
                'check that the URL answers JSON, or use jsonPath {$} for a text answer',
            ),
          );
        }
        selection = reply.text.trim();
      } else {
        selection = select(path, jsonPath, parsed.value);
        if (selection === undefined) {
          throw new TransientError(
            mask(
              `${what}: could not find JSONPath ${jsonPath} in body (${bodyExcerpt(reply.text, mask)}); ` +
                'check jsonPath against the answer',
            ),
          );
        }
      }
      return { query: request.query, mode: 'instant', ...numbers(selection, now() / 1000), raw: selection };
    },
  };
}

/**
 * The jsonpath-plus path in a client-go style `{…}` expression. Braces are optional; a path
 * starting with `.` or `[` (client-go allows `{.data}`) is rooted at `$`.
 */
export function parseJsonPath(expression: string): string {
  const inner = /^\s*\{(.*)\}\s*$/s.exec(expression)?.[1] ?? expression;
  let path = inner.trim();
  if (path.startsWith('.') || path.startsWith('[')) path = `$${path}`;
  if (!path.startsWith('$')) {
    throw new ConfigurationError(
      `web jsonPath ${JSON.stringify(expression)} must start at the document root; write e.g. {$.data.ok}`,
    );
  }
  if (/\?\s*\(|\(\s*@/.test(path)) {
    throw new ConfigurationError(
      `web jsonPath ${JSON.stringify(expression)} uses a filter or script expression; ` +
        'those would need eval, so select a plain path (e.g. {$.data.items[0].value}) and compare in the condition',
    );
  }
  return path;
}

/** The selection; undefined when the path matches nothing. */
function select(path: string, expression: string, document: unknown): unknown {
  // jsonpath-plus answers `$` on a JSON `null` with "no match"; the whole document is the answer.
  if (path === '$') return document;
  try {
    return JSONPath({ path, json: document, eval: false, wrap: false });
  } catch (error) {
    throw new ConfigurationError(
      `web jsonPath ${JSON.stringify(expression)} cannot be evaluated: ${error instanceof Error ? error.message : String(error)}; write a plain path like {$.data.ok}`,
    );
  }
}

/** The number in `value` (a JSON number or a numeric string), or undefined. */
function asNumber(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  try {
    return parseMetricNumber(typeof value === 'string' ? value.trim() : value, 'web');
  } catch {
    return undefined;
  }
}

/** The series a selection carries: one sample for a number, one series for a list of numbers. */
function numbers(selection: unknown, timestamp: number): Pick<Measurement, 'series' | 'noData' | 'value'> {
  if (selection === null) return { series: [], noData: true };
  const single = asNumber(selection);
  if (single !== undefined) {
    const series: Series[] = [{ labels: {}, samples: [{ timestamp, value: single }] }];
    return { series, noData: false, ...singleValue(series) };
  }
  if (Array.isArray(selection)) {
    // An empty list, or one holding only nulls, is no data, never a zero.
    const values = selection.filter((item) => item !== null).map(asNumber);
    if (values.length === 0) return { series: [], noData: true };
    if (values.every((value) => value !== undefined)) {
      // A list carries no times: every element is stamped with the time of the measurement.
      const series: Series[] = [{ labels: {}, samples: values.map((value) => ({ timestamp, value })) }];
      return { series, noData: false, ...singleValue(series) };
    }
  }
  return { series: [], noData: false };
}
