import { afterEach, describe, expect, it } from '@jest/globals';

import { ConfigurationError, TransientError } from '../../../src/errors.js';
import { createMetricProvider } from '../../../src/metrics/providers/index.js';
import {
  createNewRelicProvider,
  NERDGRAPH_NRQL_QUERY,
  resolveValueKey,
  type NewRelicSettings,
} from '../../../src/metrics/providers/newrelic.js';
import type { Fetch } from '../../../src/metrics/providers/types.js';
import { closeServers, failure, serve } from '../../support/http-server.js';

afterEach(closeServers);

// --- documented shapes (decision-and-evidence.md A5) --------------------------------------------

const API_KEY = 'NRAK-0123456789ABCDEFGHIJKLMNOPQ';
const ACCOUNT = 1234567;
const NRQL = "SELECT count(*) FROM Transaction WHERE appName = 'checkout-canary' SINCE 5 minutes ago";
const NOW = 1_700_003_000_000;
const clock = () => NOW;

/** NerdGraph's answer: `{"data":{"actor":{"account":{"nrql":{"results":[…]}}}}}`. */
function answer(results: unknown[]): Record<string, unknown> {
  return { data: { actor: { account: { nrql: { results } } } } };
}

/** A GraphQL error answer (HTTP 200): a top-level `errors` list, data null. */
function graphqlError(message: string, errorClass?: string): Record<string, unknown> {
  return {
    data: { actor: { account: { nrql: null } } },
    errors: [
      {
        message,
        path: ['actor', 'account', 'nrql'],
        ...(errorClass ? { extensions: { errorClass, nrOnly: {} } } : {}),
      },
    ],
  };
}

function settings(address: string, extra: Partial<NewRelicSettings> = {}): NewRelicSettings {
  return { accountId: ACCOUNT, apiKey: API_KEY, address, ...extra };
}

async function measure(results: unknown[], extra: Partial<NewRelicSettings> = {}, query = NRQL) {
  const server = await serve(() => ({ body: answer(results) }));
  return createNewRelicProvider(settings(server.address, extra), undefined, clock).query({ query });
}

describe('newrelic provider: request', () => {
  it("POSTs Argo's NerdGraph query with the NRQL, the account and a timeout in seconds", async () => {
    const server = await serve(() => ({ body: answer([{ count: 1000 }]) }));
    await createNewRelicProvider(settings(server.address, { timeoutMs: 15_000 }), undefined, clock).query({
      query: NRQL,
    });
    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/graphql');
    expect(sent?.headers['api-key']).toBe(API_KEY);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      query:
        'query ($query: Nrql!, $accountId: Int!, $timeout: Seconds!) ' +
        '{ actor { account(id: $accountId) { nrql(query: $query, timeout: $timeout) { results } } } }',
      variables: { query: NRQL, accountId: ACCOUNT, timeout: 15 },
    });
    expect(NERDGRAPH_NRQL_QUERY).toContain('nrql(query: $query, timeout: $timeout) { results }');
  });

  it.each([
    [500, 1], // at least one second
    [30_000, 30],
    [300_000, 120], // NerdGraph's synchronous ceiling
  ])('sends timeoutMs %d as timeout %d', async (timeoutMs, seconds) => {
    const server = await serve(() => ({ body: answer([]) }));
    await createNewRelicProvider(settings(server.address, { timeoutMs })).query({ query: NRQL });
    expect(JSON.parse(server.requests[0]?.body ?? '').variables.timeout).toBe(seconds);
  });

  it.each<[NewRelicSettings['region'], string]>([
    [undefined, 'https://api.newrelic.com/graphql'],
    ['us', 'https://api.newrelic.com/graphql'],
    ['eu', 'https://api.eu.newrelic.com/graphql'],
  ])('sends region %s to %s', async (region, expected) => {
    const urls: string[] = [];
    const fetch: Fetch = async (url) => {
      urls.push(url);
      return new Response(JSON.stringify(answer([])));
    };
    await createNewRelicProvider(
      { accountId: ACCOUNT, apiKey: API_KEY, ...(region ? { region } : {}) },
      fetch,
    ).query({ query: NRQL });
    expect(urls).toEqual([expected]);
  });
});

describe('newrelic provider: results', () => {
  it('reads the documented single row as the value, stamped with the clock', async () => {
    const results = [{ count: 1000 }];
    expect(await measure(results)).toEqual({
      query: NRQL,
      mode: 'instant',
      noData: false,
      series: [{ labels: {}, samples: [{ timestamp: NOW / 1000, value: 1000 }] }],
      value: 1000,
      raw: results,
    });
  });

  it('stamps a row with the request time when given', async () => {
    const server = await serve(() => ({ body: answer([{ count: 3 }]) }));
    const measurement = await createNewRelicProvider(settings(server.address), undefined, clock).query({
      query: NRQL,
      time: new Date(1_600_000_000_000),
    });
    expect(measurement.series[0]?.samples).toEqual([{ timestamp: 1_600_000_000, value: 3 }]);
  });

  it('turns TIMESERIES rows into the samples of one series, dropping null buckets', async () => {
    const results = [
      { beginTimeSeconds: 1_700_002_700, endTimeSeconds: 1_700_002_760, 'average.duration': 0.25 },
      { beginTimeSeconds: 1_700_002_760, endTimeSeconds: 1_700_002_820, 'average.duration': null },
      { beginTimeSeconds: 1_700_002_820, endTimeSeconds: 1_700_002_880, 'average.duration': 0.5 },
    ];
    const measurement = await measure(results);
    expect(measurement).toEqual({
      query: NRQL,
      mode: 'range',
      noData: false,
      series: [
        {
          labels: {},
          samples: [
            { timestamp: 1_700_002_700, value: 0.25 },
            { timestamp: 1_700_002_820, value: 0.5 },
          ],
        },
      ],
      raw: results,
    });
  });

  it('groups FACET TIMESERIES rows by facet', async () => {
    const row = (begin: number, facet: string, count: number) => ({
      beginTimeSeconds: begin,
      endTimeSeconds: begin + 60,
      facet,
      appName: facet,
      count,
    });
    const measurement = await measure([
      row(1_700_002_700, 'checkout-canary', 4),
      row(1_700_002_700, 'checkout-stable', 40),
      row(1_700_002_760, 'checkout-canary', 5),
      row(1_700_002_760, 'checkout-stable', 41),
    ]);
    expect(measurement.series).toEqual([
      {
        labels: { facet: 'checkout-canary', appName: 'checkout-canary' },
        samples: [
          { timestamp: 1_700_002_700, value: 4 },
          { timestamp: 1_700_002_760, value: 5 },
        ],
      },
      {
        labels: { facet: 'checkout-stable', appName: 'checkout-stable' },
        samples: [
          { timestamp: 1_700_002_700, value: 40 },
          { timestamp: 1_700_002_760, value: 41 },
        ],
      },
    ]);
    expect(measurement.value).toBeUndefined();
  });

  it('makes each FACET row a series, a multi-attribute facet joined by commas', async () => {
    const measurement = await measure([
      { facet: ['checkout', 'canary'], count: 7 },
      { facet: ['checkout', 'stable'], count: 70 },
    ]);
    expect(measurement.series).toEqual([
      { labels: { facet: 'checkout,canary' }, samples: [{ timestamp: NOW / 1000, value: 7 }] },
      { labels: { facet: 'checkout,stable' }, samples: [{ timestamp: NOW / 1000, value: 70 }] },
    ]);
  });

  it('finds the one number nested under a percentile key', async () => {
    const measurement = await measure([{ 'percentile.duration': { '99': 1.2 } }]);
    expect(measurement.value).toBe(1.2);
  });

  it.each<[string, string, number]>([
    ['a plain key', 'count', 120],
    ['a key with dots', 'average.duration', 0.3],
    ['a nested percentile', 'percentile.duration.99', 1.2],
  ])('selects %s with valueKey', async (_name, valueKey, expected) => {
    const row = { count: 120, 'average.duration': 0.3, 'percentile.duration': { '99': 1.2, '50': 0.1 } };
    expect((await measure([row], { valueKey })).value).toBe(expected);
  });

  it('asks for valueKey when a row has several numbers, naming them', async () => {
    const error = await failure(measure([{ count: 120, 'average.duration': 0.3 }]));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('has 2 numeric fields (count, average.duration); set valueKey');
  });

  it('names the fields when valueKey matches none', async () => {
    const error = await failure(measure([{ count: 120 }], { valueKey: 'sum.duration' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('has no field "sum.duration"; fields: count');
  });

  it('refuses a row with no number', async () => {
    await expect(measure([{ facet: 'checkout' }])).rejects.toThrow(/no numeric field/);
  });

  it.each<[string, unknown[]]>([
    ['no rows', []],
    ['a null aggregate (no events)', [{ 'average.duration': null }]],
  ])('reports %s as no data, never zero', async (_name, results) => {
    const measurement = await measure(results);
    expect(measurement).toEqual({ query: NRQL, mode: 'instant', series: [], noData: true, raw: results });
  });

  it('keeps a zero count: zero events is a measurement, not a missing one', async () => {
    expect((await measure([{ count: 0 }])).value).toBe(0);
  });
});

describe('newrelic provider: errors', () => {
  it.each<[string, Record<string, unknown>, typeof ConfigurationError | typeof TransientError, RegExp]>([
    [
      'an NRQL syntax error',
      graphqlError("NRDB query failed: NRQL Syntax Error: Error at line 1 position 17, unexpected 'FORM'"),
      ConfigurationError,
      /failed: NRDB query failed: NRQL Syntax Error.*; fix the NRQL query$/,
    ],
    [
      'a TIMEOUT error class',
      graphqlError('NRDB query failed: query took too long', 'TIMEOUT'),
      TransientError,
      /\(TIMEOUT\)$/,
    ],
    [
      'an INVALID_INPUT class whose message says timeout',
      graphqlError('Unknown attribute timeout in WHERE', 'INVALID_INPUT'),
      ConfigurationError,
      /fix the NRQL query$/,
    ],
    [
      'a rate limit without a class',
      graphqlError('Rate limit exceeded, please try again later'),
      TransientError,
      /Rate limit exceeded/,
    ],
    [
      'a forbidden account',
      graphqlError('Access denied to account 1234567', 'FORBIDDEN'),
      ConfigurationError,
      /check apiKey \(a User key, NRAK-…\) and that it can read account 1234567$/,
    ],
  ])('maps %s in a 200 answer', async (_name, body, expected, message) => {
    const server = await serve(() => ({ body }));
    const error = await failure(createNewRelicProvider(settings(server.address)).query({ query: NRQL }));
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(JSON.stringify(NRQL));
  });

  it.each<[string, number, unknown, typeof ConfigurationError | typeof TransientError, RegExp]>([
    [
      '401',
      401,
      graphqlError('Invalid API key'),
      ConfigurationError,
      /HTTP 401: Invalid API key; check apiKey/,
    ],
    ['403', 403, 'forbidden', ConfigurationError, /check apiKey/],
    ['404', 404, 'not found', ConfigurationError, /check region or address/],
    ['429', 429, 'slow down', TransientError, /HTTP 429/],
    ['500', 500, { errors: [{ message: 'Internal error' }] }, TransientError, /HTTP 500: Internal error/],
    ['502 from a proxy', 502, '<html>bad gateway</html>', TransientError, /HTTP 502/],
    ['200 that is not JSON', 200, '<html>login</html>', TransientError, /^newrelic NRQL query .*not JSON/],
    ['200 without results', 200, { data: { actor: { account: null } } }, TransientError, /nrql\.results/],
  ])('maps %s', async (_name, status, body, expected, message) => {
    const server = await serve(() => ({ status, body }));
    const error = await failure(createNewRelicProvider(settings(server.address)).query({ query: NRQL }));
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toMatch(message);
  });

  it('gives up on a server that never answers after timeoutMs, as a TransientError', async () => {
    const server = await serve(() => 'hang');
    const error = await failure(
      createNewRelicProvider(settings(server.address, { timeoutMs: 100 })).query({ query: NRQL }),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('timed out after 100 ms');
  });

  it('never prints the API key, even when the server echoes it', async () => {
    for (const status of [200, 401, 503]) {
      const server = await serve((request) => ({
        status,
        body: graphqlError(`key ${String(request.headers['api-key'])} is not valid`),
      }));
      const error = await failure(createNewRelicProvider(settings(server.address)).query({ query: NRQL }));
      expect(error.message).toContain('key *** is not valid');
      expect(error.message).not.toContain(API_KEY);
    }
  });
});

describe('newrelic provider: settings', () => {
  it.each<[string, Partial<NewRelicSettings>, RegExp]>([
    [
      'a string accountId',
      { accountId: '1234567' as unknown as number },
      /accountId must be a positive whole number/,
    ],
    ['a zero accountId', { accountId: 0 }, /accountId must be a positive whole number/],
    ['an empty apiKey', { apiKey: '' }, /apiKey is empty/],
    ['an unknown region', { region: 'ap' as 'us' }, /region must be us or eu/],
    ['an empty valueKey', { valueKey: ' ' }, /valueKey is empty/],
    ['a negative timeout', { timeoutMs: -1 }, /timeoutMs must be positive/],
  ])('refuses %s', (_name, extra, message) => {
    const create = () => createNewRelicProvider({ ...settings('https://nr.example'), ...extra });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(message);
  });

  it('is built by the factory', () => {
    expect(createMetricProvider({ kind: 'newrelic', accountId: ACCOUNT, apiKey: API_KEY }).kind).toBe(
      'newrelic',
    );
  });

  it.each<[unknown, string, unknown]>([
    [{ count: 1 }, 'count', 1],
    [{ 'average.duration': 2 }, 'average.duration', 2],
    [{ 'percentile.duration': { '99': 3 } }, 'percentile.duration.99', 3],
    [{ a: { b: { c: 4 } } }, 'a.b.c', 4],
    [{ count: 1 }, 'count.x', undefined],
    [{ count: 1 }, 'sum', undefined],
  ])('resolveValueKey(%j, %s) is %j', (row, path, expected) => {
    expect(resolveValueKey(row, path)).toEqual(expected);
  });
});
