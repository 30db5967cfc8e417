/**
 * New Relic provider: NRQL through NerdGraph, New Relic's GraphQL API (decision-and-evidence.md
 * A5). One `POST /graphql` per query with Argo Rollouts' query document and the variables
 * `{query, accountId, timeout}`; the answer is `data.actor.account.nrql.results`, a list of rows.
 *
 * NRQL carries its own time window (`SINCE 5 minutes ago`, `TIMESERIES 1 minute`), so the request's
 * `time` and `range` are not sent; the query decides.
 *
 * Rows to series. A row's number is its one numeric field (nested objects count by their dotted
 * path: `{"percentile.duration": {"99": 1.2}}` has the one field `percentile.duration.99`), or the
 * field `valueKey` names when there are several. A null number is a missing point, never a zero.
 * String fields (`facet`, the FACET attributes) are the series' labels. TIMESERIES rows
 * (`beginTimeSeconds`/`endTimeSeconds`) with the same labels become the samples of one series,
 * stamped with `beginTimeSeconds` like Datadog's bucket times; other rows carry no time, so their
 * sample is stamped with the request's `time`, else the clock, and the measurement is `instant`.
 * `raw` holds the rows as New Relic sent them, for conditions over other fields.
 *
 * Errors. GraphQL errors arrive in a top-level `errors` list, often with HTTP 200. They are
 * transient when `extensions.errorClass` says so (TIMEOUT, SERVER_ERROR, TOO_MANY_REQUESTS, …) or,
 * for an error without a class, when the message speaks of a timeout or rate limit; anything else
 * (an NRQL syntax error, an unknown account) is a configuration error. HTTP statuses follow
 * `http.ts`.
 *
 * Security: the User key travels only in the `API-Key` header and is masked in every message.
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
  type StatusFixes,
} from './http.js';
import type { Fetch, Measurement, MeasurementRequest, MetricProvider, Sample, Series } from './types.js';

/** Settings for one New Relic account. */
export interface NewRelicSettings {
  /** The account the NRQL runs in. */
  accountId: number;
  /** A User key (`NRAK-…`), sent as `API-Key`. */
  apiKey: string;
  /** Data centre: `us` (api.newrelic.com) or `eu` (api.eu.newrelic.com). Default `us`. */
  region?: 'us' | 'eu';
  /** NerdGraph base URL instead of the region's, for proxies and tests; `graphql` is appended. */
  address?: string;
  /** Give up on one request after this many milliseconds (a TransientError). Default 30000. */
  timeoutMs?: number;
  /**
   * The row field holding the number, as a dotted path (`count`, `percentile.duration.99`), when a
   * row has more than one numeric field. A key containing dots (`average.duration`) matches as is.
   */
  valueKey?: string;
}

/** Default per-request timeout. */
export const DEFAULT_NEWRELIC_TIMEOUT_MS = 30_000;

/** NerdGraph base URL per region. */
export const NEWRELIC_REGION_ADDRESSES: Readonly<Record<'us' | 'eu', string>> = {
  us: 'https://api.newrelic.com',
  eu: 'https://api.eu.newrelic.com',
};

/** Argo Rollouts' NerdGraph document (`metricproviders/newrelic/newrelic.go`), A5. */
export const NERDGRAPH_NRQL_QUERY =
  'query ($query: Nrql!, $accountId: Int!, $timeout: Seconds!) ' +
  '{ actor { account(id: $accountId) { nrql(query: $query, timeout: $timeout) { results } } } }';

/**
 * The longest NRQL timeout NerdGraph accepts for a synchronous query, in seconds [ours, from New
 * Relic's NerdGraph docs; longer queries need the asynchronous API].
 */
const MAX_NRQL_TIMEOUT_SECONDS = 120;

/** `extensions.errorClass` values that mean "try again". */
const TRANSIENT_ERROR_CLASSES = new Set([
  'TIMEOUT',
  'SERVER_ERROR',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TOO_MANY_REQUESTS',
  'RATE_LIMITED',
]);

/** `extensions.errorClass` values that mean the key cannot read the account. */
const ACCESS_ERROR_CLASSES = new Set(['FORBIDDEN', 'UNAUTHORIZED', 'UNAUTHENTICATED', 'ACCESS_DENIED']);

const TRANSIENT_MESSAGE =
  /timed? ?out|timeout|rate limit|too many requests|temporarily unavailable|try again/i;
const ACCESS_MESSAGE = /api[- ]key|unauthori[sz]ed|forbidden|access denied|not authori[sz]ed/i;

/** Row fields that carry the bucket of a TIMESERIES row, never a value or a label. */
const TIME_FIELDS = new Set(['beginTimeSeconds', 'endTimeSeconds']);

/** A provider for the New Relic account in `settings`; `fetch` and `now` are injected for tests. */
export function createNewRelicProvider(
  settings: NewRelicSettings,
  fetch: Fetch = globalThis.fetch,
  now: () => number = Date.now,
): MetricProvider {
  if (!Number.isSafeInteger(settings.accountId) || settings.accountId <= 0) {
    throw new ConfigurationError(
      `newrelic accountId must be a positive whole number; got ${JSON.stringify(settings.accountId)}`,
    );
  }
  if (typeof settings.apiKey !== 'string' || settings.apiKey === '') {
    throw new ConfigurationError('newrelic apiKey is empty; pass a User key (NRAK-…) from a secret');
  }
  const region = settings.region ?? 'us';
  if (!Object.hasOwn(NEWRELIC_REGION_ADDRESSES, region)) {
    throw new ConfigurationError(`newrelic region must be us or eu; got ${JSON.stringify(region)}`);
  }
  if (settings.valueKey !== undefined && settings.valueKey.trim() === '') {
    throw new ConfigurationError(
      'newrelic valueKey is empty; name a result field, e.g. count, or leave it out',
    );
  }
  const base = parseBaseAddress(settings.address ?? NEWRELIC_REGION_ADDRESSES[region], {
    provider: 'newrelic',
    example: 'https://api.eu.newrelic.com',
    credentialsFix: 'pass the key in apiKey',
  });
  const timeoutMs = checkTimeout('newrelic', settings.timeoutMs ?? DEFAULT_NEWRELIC_TIMEOUT_MS);
  const timeoutSeconds = Math.min(MAX_NRQL_TIMEOUT_SECONDS, Math.max(1, Math.floor(timeoutMs / 1000)));
  const mask = createMasker([settings.apiKey]);
  const fixes: StatusFixes = {
    credentials: `check apiKey (a User key, NRAK-…) and that it can read account ${settings.accountId}`,
    notFound: 'check region or address (it should be the NerdGraph root, e.g. https://api.newrelic.com)',
    other: 'check the NRQL query and accountId',
  };

  return {
    kind: 'newrelic',
    async query(request: MeasurementRequest): Promise<Measurement> {
      const what = `newrelic NRQL query ${JSON.stringify(request.query)} in account ${settings.accountId} at ${displayAddress(base)}`;
      if (request.query.trim() === '') {
        throw new ConfigurationError(
          `${what}: the query is empty; write NRQL, e.g. SELECT count(*) FROM Transaction`,
        );
      }
      const reply = await fetchText(
        fetch,
        new URL('graphql', base).toString(),
        {
          method: 'POST',
          headers: {
            'API-Key': settings.apiKey,
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
          body: JSON.stringify({
            query: NERDGRAPH_NRQL_QUERY,
            variables: { query: request.query, accountId: settings.accountId, timeout: timeoutSeconds },
          }),
        },
        { timeoutMs, what, mask, unreachableFix: 'check that the New Relic API is reachable' },
      );
      const parsed = parseJson(reply.text);
      const body = asObject(parsed?.value);
      if (reply.status < 200 || reply.status > 299) {
        throw httpStatusError(
          reply.status,
          graphqlErrors(body)?.detail ?? bodyExcerpt(reply.text, mask),
          what,
          mask,
          fixes,
        );
      }
      if (!body) {
        throw new TransientError(
          mask(
            `${what}: unexpected response, ${parsed ? 'not a JSON object' : 'not JSON'} (${bodyExcerpt(reply.text, mask)}); ` +
              'check that the region or address points at NerdGraph',
          ),
        );
      }
      const errors = graphqlErrors(body);
      if (errors) {
        const message = mask(`${what} failed: ${errors.detail}`);
        if (errors.transient) throw new TransientError(message);
        throw new ConfigurationError(
          `${message}; ${errors.access ? fixes.credentials : 'fix the NRQL query'}`,
        );
      }
      const results = asObject(asObject(asObject(asObject(body.data)?.actor)?.account)?.nrql)?.results;
      if (!Array.isArray(results)) {
        throw new TransientError(
          `${what}: unexpected response, no list at data.actor.account.nrql.results; check accountId and that the address points at NerdGraph`,
        );
      }
      const stamp = (request.time ? request.time.getTime() : now()) / 1000;
      return { query: request.query, ...rowsToSeries(results, settings.valueKey, stamp, what), raw: results };
    },
  };
}

/** The GraphQL `errors` list summarised, or undefined when there is none. */
function graphqlErrors(
  body: Record<string, unknown> | undefined,
): { detail: string; transient: boolean; access: boolean } | undefined {
  const errors = body?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  let transient = false;
  let access = false;
  const messages = errors.map((error: unknown) => {
    const entry = asObject(error);
    const message = typeof entry?.message === 'string' ? entry.message : JSON.stringify(error);
    const errorClass = asObject(entry?.extensions)?.errorClass;
    if (typeof errorClass === 'string') {
      // The class is authoritative: an NRQL syntax error may well quote the word "timeout".
      transient ||= TRANSIENT_ERROR_CLASSES.has(errorClass);
      access ||= ACCESS_ERROR_CLASSES.has(errorClass);
      return `${message} (${errorClass})`;
    }
    transient ||= TRANSIENT_MESSAGE.test(message);
    access ||= ACCESS_MESSAGE.test(message);
    return message;
  });
  return { detail: messages.join('; '), transient, access };
}

/** A row flattened to its leaves: dotted path → value, nested objects walked, lists kept whole. */
function leaves(
  row: Record<string, unknown>,
  prefix = '',
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    const path = prefix + key;
    const nested = asObject(value);
    if (nested) leaves(nested, `${path}.`, out);
    else out.set(path, value);
  }
  return out;
}

/**
 * The field at dotted `path` in `row`. Keys may themselves contain dots (`percentile.duration`),
 * so at each level the longest run of segments naming an existing key wins.
 */
export function resolveValueKey(row: unknown, path: string): unknown {
  const segments = path.split('.');
  let current: unknown = row;
  let index = 0;
  while (index < segments.length) {
    const object = asObject(current);
    if (!object) return undefined;
    let matched = 0;
    for (let end = segments.length; end > index; end--) {
      if (Object.hasOwn(object, segments.slice(index, end).join('.'))) {
        matched = end;
        break;
      }
    }
    if (matched === 0) return undefined;
    current = object[segments.slice(index, matched).join('.')];
    index = matched;
  }
  return current;
}

/** NRQL result rows as series (see the module comment for the rules). */
function rowsToSeries(
  rows: readonly unknown[],
  valueKey: string | undefined,
  stamp: number,
  what: string,
): Pick<Measurement, 'mode' | 'series' | 'noData' | 'value'> {
  const bySeries = new Map<string, { labels: Record<string, string>; samples: Sample[] }>();
  let timeseries = false;
  rows.forEach((item: unknown, index) => {
    const row = asObject(item);
    if (!row) throw new TransientError(`${what}: unexpected response, results[${index}] is not an object`);
    const fields = leaves(row);
    if (fields.size === 0) return;
    const begin = row.beginTimeSeconds;
    if (typeof begin === 'number') timeseries = true;

    let key: string;
    let raw: unknown;
    if (valueKey !== undefined) {
      raw = resolveValueKey(row, valueKey);
      key = valueKey;
      if (raw === undefined) {
        throw new ConfigurationError(
          `${what}: results[${index}] has no field ${JSON.stringify(valueKey)}; fields: ${[...fields.keys()].join(', ')}; ` +
            'set valueKey to one of them, or name the value in NRQL with AS',
        );
      }
    } else {
      const numeric = [...fields].filter(
        ([path, value]) => !TIME_FIELDS.has(path) && (typeof value === 'number' || value === null),
      );
      if (numeric.length !== 1) {
        throw new ConfigurationError(
          `${what}: results[${index}] has ${numeric.length === 0 ? 'no numeric field' : `${numeric.length} numeric fields (${numeric.map(([path]) => path).join(', ')})`}; ` +
            (numeric.length === 0 ? 'select a number, e.g. count(*)' : 'set valueKey to the one to measure'),
        );
      }
      [key, raw] = numeric[0] as [string, unknown];
    }

    const labels: Record<string, string> = {};
    for (const [path, value] of fields) {
      if (path === key || TIME_FIELDS.has(path)) continue;
      if (typeof value === 'string') labels[path] = value;
      // A multi-attribute FACET arrives as a list of the attribute values.
      else if (path === 'facet' && Array.isArray(value)) labels.facet = value.map(String).join(',');
    }
    const id = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const series = bySeries.get(id) ?? { labels, samples: [] };
    bySeries.set(id, series);
    if (raw === null) return; // no events in this bucket: a missing point, not a zero
    series.samples.push({
      timestamp: typeof begin === 'number' ? begin : stamp,
      value: parseMetricNumber(raw, `${what} results[${index}].${key}`),
    });
  });

  const series: Series[] = [...bySeries.values()]
    .filter((entry) => entry.samples.length > 0)
    .map((entry) => ({
      labels: entry.labels,
      samples: entry.samples.sort((a, b) => a.timestamp - b.timestamp),
    }));
  return {
    mode: timeseries ? 'range' : 'instant',
    series,
    noData: series.length === 0,
    ...singleValue(series),
  };
}
