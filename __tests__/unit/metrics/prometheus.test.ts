import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConfigurationError, TransientError } from '../../../src/errors.js';
import {
  createMetricProvider,
  METRIC_PROVIDER_KINDS,
  type MetricProviderSettings,
} from '../../../src/metrics/providers/index.js';
import {
  createPrometheusProvider,
  type PrometheusSettings,
} from '../../../src/metrics/providers/prometheus.js';
import type { Fetch } from '../../../src/metrics/providers/types.js';
import { withTransientRetries } from '../../../src/metrics/retry.js';

/** Response bodies from the Prometheus OpenAPI golden. */
const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'prometheus-openapi-examples.json'), 'utf8'),
) as Record<string, unknown>;

interface Call {
  url: string;
  init: RequestInit;
  form: URLSearchParams;
}

/** A fetch that records each call and answers with `status` and `body` (JSON-encoded unless a string). */
function fakeFetch(status: number, body: unknown): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, init, form: new URLSearchParams(String(init.body)) });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { fetch, calls };
}

const SETTINGS: PrometheusSettings = { address: 'http://prom.example:9090' };
const QUERY = 'sum(rate(http_requests_total{track="canary",code="500"}[5m]))';

async function measure(status: number, body: unknown, settings: PrometheusSettings = SETTINGS) {
  const { fetch } = fakeFetch(status, body);
  return createPrometheusProvider(settings, fetch).query({ query: QUERY });
}

describe('prometheus provider: requests', () => {
  it('POSTs an instant query form-encoded to /api/v1/query, with time and a server timeout', async () => {
    const { fetch, calls } = fakeFetch(200, golden.scalar);
    await createPrometheusProvider({ ...SETTINGS, timeoutMs: 5000 }, fetch).query({
      query: QUERY,
      time: new Date(1_700_003_000_000),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://prom.example:9090/api/v1/query');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      query: QUERY,
      time: '1700003000',
      timeout: '5s',
    });
  });

  it('POSTs a range query to /api/v1/query_range with start, end and step', async () => {
    const { fetch, calls } = fakeFetch(200, golden.rangeMatrix);
    await createPrometheusProvider(SETTINGS, fetch).query({
      query: QUERY,
      range: { start: new Date(1_700_000_900_000), end: new Date(1_700_002_400_500), stepSeconds: 300 },
    });
    expect(calls[0]?.url).toBe('http://prom.example:9090/api/v1/query_range');
    expect(Object.fromEntries(calls[0]?.form ?? [])).toMatchObject({
      start: '1700000900',
      end: '1700002400.5',
      step: '300',
    });
  });

  it('keeps a path prefix in the address (Mimir, Thanos behind a gateway)', async () => {
    const { fetch, calls } = fakeFetch(200, golden.scalar);
    await createPrometheusProvider({ address: 'https://mimir.example/prometheus' }, fetch).query({
      query: '1',
    });
    expect(calls[0]?.url).toBe('https://mimir.example/prometheus/api/v1/query');
  });

  it.each<[string, PrometheusSettings, Record<string, string>]>([
    [
      'bearer',
      { ...SETTINGS, auth: { kind: 'bearer', token: 'tok-123' } },
      { Authorization: 'Bearer tok-123' },
    ],
    [
      'basic',
      { ...SETTINGS, auth: { kind: 'basic', username: 'ops', password: 'pw-456' } },
      { Authorization: `Basic ${Buffer.from('ops:pw-456').toString('base64')}` },
    ],
    ['custom', { ...SETTINGS, headers: { 'X-Scope-OrgID': 'tenant-1' } }, { 'X-Scope-OrgID': 'tenant-1' }],
  ])('sends %s headers', async (_kind, settings, expected) => {
    const { fetch, calls } = fakeFetch(200, golden.scalar);
    await createPrometheusProvider(settings, fetch).query({ query: '1' });
    expect(calls[0]?.init.headers).toMatchObject(expected);
  });

  it.each([
    ['not a url', /is not a URL/],
    ['ftp://prom', /must be http or https/],
    ['http://user:secret@prom', /must not contain credentials/],
  ])('refuses the address %s', (address, message) => {
    expect(() => createPrometheusProvider({ address })).toThrow(ConfigurationError);
    expect(() => createPrometheusProvider({ address })).toThrow(message);
  });

  it('refuses a range whose end precedes its start', async () => {
    const { fetch } = fakeFetch(200, golden.rangeMatrix);
    const provider = createPrometheusProvider(SETTINGS, fetch);
    await expect(
      provider.query({ query: QUERY, range: { start: new Date(2000), end: new Date(1000), stepSeconds: 1 } }),
    ).rejects.toThrow(ConfigurationError);
  });
});

describe('prometheus provider: responses (OpenAPI golden shapes)', () => {
  it('reads a vector: every series with its labels, no single value when several', async () => {
    const measurement = await measure(200, golden.vector);
    expect(measurement).toEqual({
      query: QUERY,
      mode: 'instant',
      noData: false,
      series: [
        {
          labels: { __name__: 'up', instance: 'demo.prometheus.io:9090', job: 'prometheus' },
          samples: [{ timestamp: 1767436620, value: 1 }],
        },
        {
          labels: { __name__: 'up', env: 'demo', instance: 'demo.prometheus.io:9093', job: 'alertmanager' },
          samples: [{ timestamp: 1767436620, value: 1 }],
        },
      ],
    });
  });

  it('reads a scalar as the value', async () => {
    const measurement = await measure(200, golden.scalar);
    expect(measurement.value).toBe(42);
    expect(measurement.series).toEqual([{ labels: {}, samples: [{ timestamp: 1767436620, value: 42 }] }]);
  });

  it('reads a matrix', async () => {
    const measurement = await measure(200, golden.rangeMatrix);
    expect(measurement.series[0]?.samples.map((s) => s.timestamp)).toEqual([
      1767433020, 1767434820, 1767436620,
    ]);
    expect(measurement.value).toBeUndefined();
  });

  it('gives one-sample vectors a value, including NaN and infinities', async () => {
    const vector = (value: string) => ({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [1700003000, value] }] },
    });
    expect((await measure(200, vector('0.2'))).value).toBe(0.2);
    expect((await measure(200, vector('NaN'))).value).toBeNaN();
    expect((await measure(200, vector('+Inf'))).value).toBe(Number.POSITIVE_INFINITY);
    expect((await measure(200, vector('-Inf'))).value).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reports an empty vector as no data, never as zero', async () => {
    const measurement = await measure(200, { status: 'success', data: { resultType: 'vector', result: [] } });
    expect(measurement).toEqual({ query: QUERY, mode: 'instant', series: [], noData: true });
  });

  it('refuses an empty sample value, naming the field', async () => {
    const body = {
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [1, ''] }] },
    };
    await expect(measure(200, body)).rejects.toThrow(/result\[0\]\.value\[1\]: expected a number/);
  });

  it('refuses a native histogram with a hint', async () => {
    await expect(measure(200, golden.nativeHistogram)).rejects.toThrow(
      /native histogram.*histogram_quantile/,
    );
  });

  it('refuses a string result', async () => {
    const body = { status: 'success', data: { resultType: 'string', result: [1, 'x'] } };
    await expect(measure(200, body)).rejects.toThrow(ConfigurationError);
  });
});

describe('prometheus provider: errors', () => {
  const badData = {
    status: 'error',
    errorType: 'bad_data',
    error: '1:5: parse error: unexpected end of input',
  };

  it('maps 400 bad_data to a ConfigurationError naming the query', async () => {
    const error = await measure(400, badData).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(JSON.stringify(QUERY));
    expect((error as Error).message).toContain('bad_data: 1:5: parse error');
    expect((error as Error).message).toMatch(/fix the query$/);
  });

  it.each<[string, number, unknown, typeof ConfigurationError | typeof TransientError]>([
    [
      '422 execution',
      422,
      { status: 'error', errorType: 'execution', error: 'many-to-many' },
      ConfigurationError,
    ],
    ['503 timeout', 503, { status: 'error', errorType: 'timeout', error: 'query timed out' }, TransientError],
    ['500 TSDB not ready (golden)', 500, golden.tsdbNotReady, TransientError],
    ['502 from a proxy', 502, '<html>bad gateway</html>', TransientError],
    ['429', 429, 'slow down', TransientError],
    ['401', 401, 'unauthorized', ConfigurationError],
    ['404', 404, '404 page not found', ConfigurationError],
    ['200 that is not JSON', 200, '<html>login</html>', TransientError],
    ['200 without data', 200, { status: 'success' }, TransientError],
  ])('maps %s', async (_name, status, body, expected) => {
    await expect(measure(status, body)).rejects.toBeInstanceOf(expected);
  });

  it('maps a network failure to a TransientError', async () => {
    const fetch: Fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    const error = await createPrometheusProvider(SETTINGS, fetch)
      .query({ query: QUERY })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain('fetch failed (ECONNREFUSED)');
  });

  it('maps a timeout to a TransientError', async () => {
    const fetch: Fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const error = await createPrometheusProvider({ ...SETTINGS, timeoutMs: 20 }, fetch)
      .query({ query: QUERY })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain('timed out after 20 ms');
  });

  it.each<[string, PrometheusSettings, string[]]>([
    ['bearer token', { ...SETTINGS, auth: { kind: 'bearer', token: 'sekrit-token' } }, ['sekrit-token']],
    [
      'basic password and encoding',
      { ...SETTINGS, auth: { kind: 'basic', username: 'ops', password: 'sekrit-pw' } },
      ['sekrit-pw', Buffer.from('ops:sekrit-pw').toString('base64')],
    ],
    ['custom header', { ...SETTINGS, headers: { 'X-Api-Key': 'sekrit-key' } }, ['sekrit-key']],
  ])('masks the %s in messages, even when the server echoes it', async (_name, settings, secrets) => {
    const echo = `upstream rejected headers: ${secrets.join(' ')} Bearer ${secrets.join(' ')}`;
    const error = await measure(502, echo, settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    for (const secret of secrets) expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message).toContain('***');
  });
});

describe('createMetricProvider', () => {
  it('builds a prometheus provider', () => {
    expect(createMetricProvider({ kind: 'prometheus', address: 'http://p:9090' }).kind).toBe('prometheus');
  });

  it('refuses an unknown kind, listing the known ones', () => {
    const settings = { kind: 'graphite', address: 'http://g' } as unknown as MetricProviderSettings;
    expect(() => createMetricProvider(settings)).toThrow(ConfigurationError);
    expect(() => createMetricProvider(settings)).toThrow(
      `unknown metric provider kind "graphite"; use one of ${METRIC_PROVIDER_KINDS.join(', ')}`,
    );
  });
});

describe('withTransientRetries', () => {
  const effects = { sleep: async () => {}, random: () => 0.5, now: () => 0 };

  it('retries TransientError and returns the first success', async () => {
    let calls = 0;
    const fetch: Fetch = async () =>
      ++calls < 3 ? new Response('busy', { status: 503 }) : new Response(JSON.stringify(golden.scalar));
    const provider = withTransientRetries(
      createPrometheusProvider(SETTINGS, fetch),
      { maxAttempts: 3 },
      effects,
    );
    expect((await provider.query({ query: '42' })).value).toBe(42);
    expect(calls).toBe(3);
  });

  it('gives up after maxAttempts, saying so', async () => {
    const { fetch, calls } = fakeFetch(503, 'busy');
    const provider = withTransientRetries(
      createPrometheusProvider(SETTINGS, fetch),
      { maxAttempts: 2 },
      effects,
    );
    await expect(provider.query({ query: '1' })).rejects.toThrow(/gave up after 2 attempts/);
    expect(calls).toHaveLength(2);
  });

  it('never retries a ConfigurationError', async () => {
    const { fetch, calls } = fakeFetch(400, { status: 'error', errorType: 'bad_data', error: 'parse error' });
    const provider = withTransientRetries(
      createPrometheusProvider(SETTINGS, fetch),
      { maxAttempts: 5 },
      effects,
    );
    await expect(provider.query({ query: '(' })).rejects.toBeInstanceOf(ConfigurationError);
    expect(calls).toHaveLength(1);
  });
});
