import { afterEach, describe, expect, it } from '@jest/globals';

import { ConfigurationError, TransientError } from '../../../src/errors.js';
import {
  createDatadogProvider,
  DATADOG_INSTANT_WINDOW_MS,
  tagLabels,
  type DatadogSettings,
} from '../../../src/metrics/providers/datadog.js';
import { createMetricProvider } from '../../../src/metrics/providers/index.js';
import type { Fetch } from '../../../src/metrics/providers/types.js';
import { closeServers, failure, serve, type Received } from '../../support/http-server.js';

afterEach(closeServers);

// --- documented shapes (decision-and-evidence.md A5) --------------------------------------------

const API_KEY = 'dd-api-0123456789abcdef';
const APP_KEY = 'dd-app-fedcba9876543210';
const QUERY = 'sum:trace.http.request.errors{service:checkout,track:canary}.as_count()';
const NOW = 1_700_003_000_000;

/** v2 TimeseriesFormulaQueryResponse: `values[i]` pairs with `series[i]` and with `times`. */
function v2Body(
  series: { group_tags: string[]; values: (number | null)[] }[],
  times: number[],
): Record<string, unknown> {
  return {
    data: {
      id: '0',
      type: 'timeseries_response',
      attributes: {
        series: series.map(({ group_tags }) => ({
          group_tags,
          query_index: 0,
          unit: [
            { family: 'general', name: 'request', plural: 'requests', scale_factor: 1, short_name: 'req' },
          ],
        })),
        times,
        values: series.map(({ values }) => values),
      },
    },
  };
}

/** v1 MetricsQueryResponse with the field list from datadog-api-client-go. */
function v1Body(series: { tag_set: string[]; scope: string; pointlist: [number, number | null][] }[]) {
  return {
    status: 'ok',
    res_type: 'time_series',
    query: QUERY,
    from_date: NOW - DATADOG_INSTANT_WINDOW_MS,
    to_date: NOW,
    group_by: ['track'],
    message: '',
    error: '',
    series: series.map(({ tag_set, scope, pointlist }, index) => ({
      metric: 'trace.http.request.errors',
      display_name: 'trace.http.request.errors',
      expression: QUERY,
      scope,
      tag_set,
      unit: null,
      interval: 60,
      length: pointlist.length,
      start: pointlist[0]?.[0] ?? 0,
      end: pointlist.at(-1)?.[0] ?? 0,
      aggr: 'sum',
      query_index: index,
      pointlist,
    })),
  };
}

function settings(address: string, extra: Partial<DatadogSettings> = {}): DatadogSettings {
  return { address, apiKey: API_KEY, applicationKey: APP_KEY, ...extra };
}

const clock = () => NOW;

describe('datadog provider: v2 timeseries', () => {
  it('POSTs the documented body with the keys in headers, and maps series, times and values', async () => {
    const server = await serve(() => ({
      body: v2Body(
        [
          { group_tags: ['track:canary', 'region:eu-west-1'], values: [0.5, null, 1.25] },
          { group_tags: ['track:stable', 'region:eu-west-1'], values: [0.25, 0.5, null] },
        ],
        [1_700_000_000_000, 1_700_000_060_000, 1_700_000_120_000],
      ),
    }));
    const measurement = await createDatadogProvider(settings(server.address), undefined, clock).query({
      query: QUERY,
      range: { start: new Date(1_700_000_000_000), end: new Date(1_700_000_120_000), stepSeconds: 60 },
    });

    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/api/v2/query/timeseries');
    expect(sent?.headers['dd-api-key']).toBe(API_KEY);
    expect(sent?.headers['dd-application-key']).toBe(APP_KEY);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      data: {
        type: 'timeseries_request',
        attributes: {
          from: 1_700_000_000_000,
          to: 1_700_000_120_000,
          interval: 60_000, // stepSeconds × 1000
          queries: [{ data_source: 'metrics', query: QUERY, name: 'a' }],
          formulas: [{ formula: 'a' }],
        },
      },
    });
    // Null points are dropped, never zero; times are ms → s.
    expect(measurement).toEqual({
      query: QUERY,
      mode: 'range',
      noData: false,
      series: [
        {
          labels: { track: 'canary', region: 'eu-west-1' },
          samples: [
            { timestamp: 1_700_000_000, value: 0.5 },
            { timestamp: 1_700_000_120, value: 1.25 },
          ],
        },
        {
          labels: { track: 'stable', region: 'eu-west-1' },
          samples: [
            { timestamp: 1_700_000_000, value: 0.25 },
            { timestamp: 1_700_000_060, value: 0.5 },
          ],
        },
      ],
    });
  });

  it('asks an instant request for the five minutes ending now, without an interval', async () => {
    const server = await serve(() => ({
      body: v2Body([{ group_tags: [], values: [0.02] }], [NOW - 60_000]),
    }));
    const measurement = await createDatadogProvider(settings(server.address), undefined, clock).query({
      query: QUERY,
    });
    const attributes = JSON.parse(server.requests[0]?.body ?? '').data.attributes;
    expect(attributes.from).toBe(NOW - 300_000);
    expect(attributes.to).toBe(NOW);
    expect(attributes).not.toHaveProperty('interval');
    // One series with one point: that is the value.
    expect(measurement).toEqual({
      query: QUERY,
      mode: 'instant',
      noData: false,
      series: [{ labels: {}, samples: [{ timestamp: (NOW - 60_000) / 1000, value: 0.02 }] }],
      value: 0.02,
    });
  });

  it('anchors an instant window at the request time when given', async () => {
    const server = await serve(() => ({ body: v2Body([], []) }));
    await createDatadogProvider(settings(server.address), undefined, clock).query({
      query: QUERY,
      time: new Date(1_650_000_000_000),
    });
    const attributes = JSON.parse(server.requests[0]?.body ?? '').data.attributes;
    expect([attributes.from, attributes.to]).toEqual([1_650_000_000_000 - 300_000, 1_650_000_000_000]);
  });

  it('returns every point of an instant window and leaves value unset when there are several', async () => {
    const server = await serve(() => ({
      body: v2Body([{ group_tags: [], values: [1, 2] }], [NOW - 120_000, NOW - 60_000]),
    }));
    const measurement = await createDatadogProvider(settings(server.address), undefined, clock).query({
      query: QUERY,
    });
    expect(measurement.series[0]?.samples).toHaveLength(2);
    expect(measurement.value).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['no series', v2Body([], [])],
    [
      'every point null',
      v2Body([{ group_tags: ['track:canary'], values: [null, null] }], [NOW - 60_000, NOW]),
    ],
    ['attributes left out', { data: { type: 'timeseries_response', attributes: {} } }],
  ])('reports %s as no data, never zero', async (_name, body) => {
    const server = await serve(() => ({ body }));
    const measurement = await createDatadogProvider(settings(server.address), undefined, clock).query({
      query: QUERY,
    });
    expect(measurement).toEqual({ query: QUERY, mode: 'instant', series: [], noData: true });
  });

  it('refuses values that do not line up with times', async () => {
    const body = v2Body([{ group_tags: [], values: [1] }], [NOW - 60_000, NOW]);
    const server = await serve(() => ({ body }));
    const error = await failure(createDatadogProvider(settings(server.address)).query({ query: QUERY }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('is not a list of 2 points');
  });
});

describe('datadog provider: v1 query and the fallback', () => {
  const v1Answer = v1Body([
    {
      tag_set: ['track:canary'],
      scope: 'service:checkout,track:canary',
      pointlist: [
        [1_700_002_700_000, 3],
        [1_700_002_760_000, null],
        [1_700_002_820_000, 4.5],
      ],
    },
    { tag_set: [], scope: 'service:checkout,track:stable', pointlist: [[1_700_002_700_000, 1]] },
  ]);
  const v1Series = [
    {
      labels: { track: 'canary' },
      samples: [
        { timestamp: 1_700_002_700, value: 3 },
        { timestamp: 1_700_002_820, value: 4.5 },
      ],
    },
    // Labels are the group-by tags (tag_set), as v2's group_tags: an ungrouped series has none.
    { labels: {}, samples: [{ timestamp: 1_700_002_700, value: 1 }] },
  ];

  it("GETs /api/v1/query with from, to (seconds) and query when api is 'v1'", async () => {
    const server = await serve(() => ({ body: v1Answer }));
    const measurement = await createDatadogProvider(
      settings(server.address, { api: 'v1' }),
      undefined,
      clock,
    ).query({ query: QUERY });
    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0];
    expect(sent?.method).toBe('GET');
    const url = new URL(sent?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/v1/query');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: String((NOW - 300_000) / 1000), // 1700002700
      to: String(NOW / 1000), // 1700003000
      query: QUERY,
    });
    expect(sent?.headers['dd-api-key']).toBe(API_KEY);
    expect(sent?.headers['dd-application-key']).toBe(APP_KEY);
    expect(measurement).toEqual({ query: QUERY, mode: 'instant', noData: false, series: v1Series });
  });

  it('falls back to v1 when v2 answers 404, asking for the same window', async () => {
    const server = await serve((request) =>
      request.url.startsWith('/api/v2/')
        ? { status: 404, body: { errors: ['Not found'] } }
        : { body: v1Answer },
    );
    const measurement = await createDatadogProvider(settings(server.address), undefined, clock).query({
      query: QUERY,
    });
    expect(server.requests.map((request) => `${request.method} ${request.url.split('?')[0]}`)).toEqual([
      'POST /api/v2/query/timeseries',
      'GET /api/v1/query',
    ]);
    expect(measurement.series).toEqual(v1Series);
  });

  it('does not fall back on 403: v1 needs the same timeseries_query permission', async () => {
    const server = await serve(() => ({ status: 403, body: { errors: ['Forbidden'] } }));
    const error = await failure(createDatadogProvider(settings(server.address)).query({ query: QUERY }));
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('failed with HTTP 403: Forbidden');
    expect(error.message).toContain('timeseries_query');
  });

  it('says the fallback was tried when v1 answers 404 too', async () => {
    const server = await serve(() => ({ status: 404, body: '404 page not found' }));
    const error = await failure(createDatadogProvider(settings(server.address)).query({ query: QUERY }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(
      /^datadog v1 instant query .* \(after v2 answered HTTP 404\) failed with HTTP 404/,
    );
    expect(error.message).toMatch(/check the site or address/);
  });

  it('reads labels from scope when a v1 series has no tag_set', async () => {
    const body = { status: 'ok', series: [{ scope: 'track:canary', pointlist: [[NOW, 7]] }] };
    const server = await serve(() => ({ body }));
    const measurement = await createDatadogProvider(settings(server.address, { api: 'v1' })).query({
      query: QUERY,
    });
    expect(measurement.series).toEqual([
      { labels: { track: 'canary' }, samples: [{ timestamp: NOW / 1000, value: 7 }] },
    ]);
    expect(measurement.value).toBe(7);
  });

  it('drops null v1 points and reports an all-null answer as no data', async () => {
    const body = v1Body([{ tag_set: [], scope: '*', pointlist: [[NOW, null]] }]);
    const server = await serve(() => ({ body }));
    const measurement = await createDatadogProvider(settings(server.address, { api: 'v1' })).query({
      query: QUERY,
    });
    expect(measurement.noData).toBe(true);
    expect(measurement.series).toEqual([]);
  });
});

describe('datadog provider: errors', () => {
  it.each<[string, number, unknown, typeof ConfigurationError | typeof TransientError, RegExp]>([
    [
      '400 parse error',
      400,
      { errors: ["Error parsing query: unable to parse sum:trace{: Rule 'scope_expr' didn't match"] },
      ConfigurationError,
      /HTTP 400: Error parsing query.*; fix the query$/,
    ],
    ['401', 401, { errors: ['Unauthorized'] }, ConfigurationError, /check apiKey and applicationKey/],
    ['408', 408, 'request timeout', TransientError, /HTTP 408/],
    [
      '429',
      429,
      { errors: ['Rate limit of 300 requests in 3600 seconds reached.'] },
      TransientError,
      /Rate limit/,
    ],
    ['500', 500, { errors: ['Internal Server Error'] }, TransientError, /HTTP 500/],
    ['503 from a proxy', 503, '<html>unavailable</html>', TransientError, /body "<html>unavailable/],
    [
      '200 with errors: timeout',
      200,
      { errors: 'Query timed out' },
      TransientError,
      /failed: Query timed out$/,
    ],
    [
      '200 with errors: bad metric',
      200,
      { errors: 'Unknown metric: trace.nope' },
      ConfigurationError,
      /fix the query$/,
    ],
    ['200 that is not JSON', 200, '<html>login</html>', TransientError, /^datadog v2 .*not JSON/],
    ['200 without data', 200, { meta: {} }, TransientError, /^datadog v2 .*no data object/],
  ])('maps %s', async (_name, status, body, expected, message) => {
    const server = await serve(() => ({ status, body }));
    const error = await failure(createDatadogProvider(settings(server.address)).query({ query: QUERY }));
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(JSON.stringify(QUERY));
  });

  it.each<[string, unknown, typeof ConfigurationError | typeof TransientError]>([
    ['status error', { status: 'error', error: 'Error parsing query', series: [] }, ConfigurationError],
    ['a rate limit', { status: 'error', error: 'rate limit exceeded, try again later' }, TransientError],
  ])('maps a v1 answer with %s', async (_name, body, expected) => {
    const server = await serve(() => ({ body }));
    const error = await failure(
      createDatadogProvider(settings(server.address, { api: 'v1' })).query({ query: QUERY }),
    );
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toMatch(/^datadog v1 instant query/);
  });

  it('gives up on a server that never answers after timeoutMs, as a TransientError', async () => {
    const server = await serve(() => 'hang');
    const error = await failure(
      createDatadogProvider(settings(server.address, { timeoutMs: 100 })).query({ query: QUERY }),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('timed out after 100 ms');
  });

  it('never prints either key, even when the server echoes the request headers', async () => {
    const echo = (request: Received) =>
      `rejected: DD-API-KEY=${String(request.headers['dd-api-key'])} DD-APPLICATION-KEY=${String(request.headers['dd-application-key'])}`;
    for (const status of [403, 502, 200]) {
      const server = await serve((request) => ({ status, body: echo(request) }));
      const error = await failure(createDatadogProvider(settings(server.address)).query({ query: QUERY }));
      expect(error.message).toContain('DD-API-KEY=***');
      expect(error.message).not.toContain(API_KEY);
      expect(error.message).not.toContain(APP_KEY);
    }
  });
});

describe('datadog provider: settings', () => {
  /** A fetch that records URLs and answers an empty v2 response. */
  function recordingFetch(): { fetch: Fetch; urls: string[] } {
    const urls: string[] = [];
    const fetch: Fetch = async (url) => {
      urls.push(url);
      return new Response(JSON.stringify(v2Body([], [])));
    };
    return { fetch, urls };
  }

  it.each([
    [undefined, 'https://api.datadoghq.com/api/v2/query/timeseries'],
    ['datadoghq.eu', 'https://api.datadoghq.eu/api/v2/query/timeseries'],
    ['us5.datadoghq.com', 'https://api.us5.datadoghq.com/api/v2/query/timeseries'],
  ])('derives the API URL from site %s', async (site, expected) => {
    const { fetch, urls } = recordingFetch();
    await createDatadogProvider(
      { apiKey: API_KEY, applicationKey: APP_KEY, ...(site ? { site } : {}) },
      fetch,
      clock,
    ).query({ query: QUERY });
    expect(urls).toEqual([expected]);
  });

  it('keeps a path prefix in address', async () => {
    const { fetch, urls } = recordingFetch();
    await createDatadogProvider(settings('https://proxy.example/datadog'), fetch, clock).query({
      query: QUERY,
    });
    expect(urls).toEqual(['https://proxy.example/datadog/api/v2/query/timeseries']);
  });

  it.each<[string, Partial<DatadogSettings>, RegExp]>([
    ['an empty apiKey', { apiKey: '' }, /datadog apiKey is empty/],
    ['an empty applicationKey', { applicationKey: '' }, /datadog applicationKey is empty/],
    ['a URL as site', { address: undefined, site: 'https://api.datadoghq.com' }, /not a site name.*address/],
    ['an unknown api', { api: 'v3' as 'v2' }, /api must be v2 or v1/],
    ['a zero timeout', { timeoutMs: 0 }, /timeoutMs must be positive/],
    ['an address with credentials', { address: 'https://u:p@dd.example' }, /must not contain credentials/],
  ])('refuses %s', (_name, extra, message) => {
    const create = () => createDatadogProvider({ ...settings('https://dd.example'), ...extra });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(message);
  });

  it('refuses a range whose end precedes its start', async () => {
    const { fetch } = recordingFetch();
    await expect(
      createDatadogProvider(settings('https://dd.example'), fetch).query({
        query: QUERY,
        range: { start: new Date(2000), end: new Date(1000), stepSeconds: 60 },
      }),
    ).rejects.toThrow(ConfigurationError);
  });

  it('is built by the factory', () => {
    expect(
      createMetricProvider({ kind: 'datadog', apiKey: API_KEY, applicationKey: APP_KEY }, { now: clock })
        .kind,
    ).toBe('datadog');
  });

  it.each<[string[], Record<string, string>]>([
    [['track:canary', 'region:eu-west-1'], { track: 'canary', region: 'eu-west-1' }],
    [['url:https://a.example/x'], { url: 'https://a.example/x' }], // splits at the first colon
    [['canary'], { canary: '' }], // a bare tag
    [[], {}],
  ])('reads tags %j as labels', (tags, labels) => {
    expect(tagLabels(tags)).toEqual(labels);
  });
});
