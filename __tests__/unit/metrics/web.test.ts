import { afterEach, describe, expect, it } from '@jest/globals';

import { ConfigurationError, TransientError } from '../../../src/errors.js';
import { createMetricProvider } from '../../../src/metrics/providers/index.js';
import { createWebProvider, parseJsonPath, type WebSettings } from '../../../src/metrics/providers/web.js';
import { closeServers, failure, serve } from '../../support/http-server.js';

afterEach(closeServers);

// --- Argo's documented examples (docs/analysis/web.md) ------------------------------------------

/** The payload from Argo's web metric docs. */
const ARGO_PAYLOAD = { data: { ok: true, successPercent: 0.95 } };
const NOW = 1_700_003_000_000;
const clock = () => NOW;

async function measure(body: unknown, settings: WebSettings = {}, contentType?: string) {
  const server = await serve(() => ({ body, ...(contentType ? { contentType } : {}) }));
  return createWebProvider(settings, undefined, clock).query({
    query: `${server.address}/api/v1/measurement`,
  });
}

describe('web provider: requests', () => {
  it('GETs the rendered URL from the query with the headers, and selects the whole body by default', async () => {
    const server = await serve(() => ({ body: ARGO_PAYLOAD }));
    const url = `${server.address}/api/v1/measurement?service=checkout&track=canary`;
    const measurement = await createWebProvider(
      { headers: { Authorization: 'Bearer web-token-123' } },
      undefined,
      clock,
    ).query({ query: url });
    const [sent] = server.requests;
    expect(sent?.method).toBe('GET');
    expect(sent?.url).toBe('/api/v1/measurement?service=checkout&track=canary');
    expect(sent?.headers.authorization).toBe('Bearer web-token-123');
    expect(sent?.body).toBe('');
    // Default jsonPath {$}: the whole document, not a number, so no series; it is data, not "no data".
    expect(measurement).toEqual({
      query: url,
      mode: 'instant',
      series: [],
      noData: false,
      raw: ARGO_PAYLOAD,
    });
  });

  it('POSTs jsonBody as JSON with Content-Type application/json', async () => {
    const server = await serve(() => ({ body: ARGO_PAYLOAD }));
    const jsonBody = { service: 'checkout', window: '5m', tags: ['canary'] };
    await createWebProvider({ method: 'POST', jsonBody }).query({ query: `${server.address}/query` });
    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual(jsonBody);
  });

  it('PUTs a string body as written, with the caller’s Content-Type', async () => {
    const server = await serve(() => ({ body: ARGO_PAYLOAD }));
    await createWebProvider({
      method: 'PUT',
      body: 'service=checkout&track=canary',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }).query({ query: `${server.address}/query` });
    const [sent] = server.requests;
    expect(sent?.method).toBe('PUT');
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.body).toBe('service=checkout&track=canary');
  });

  it.each<[string, WebSettings, RegExp]>([
    ['body and jsonBody together', { method: 'POST', body: 'x', jsonBody: {} }, /both set; keep one/],
    ['a body with GET', { body: 'x' }, /body needs method POST or PUT/],
    ['a jsonBody with GET', { method: 'GET', jsonBody: { a: 1 } }, /jsonBody needs method POST or PUT/],
    ['an unknown method', { method: 'DELETE' as 'GET' }, /method must be one of GET, POST, PUT/],
    [
      'a filter expression',
      { jsonPath: '{$.items[?(@.track=="canary")].value}' },
      /filter or script expression/,
    ],
    ['a path not at the root', { jsonPath: '{data.ok}' }, /must start at the document root/],
    ['a zero timeout', { timeoutMs: 0 }, /web timeoutMs must be positive/],
  ])('refuses %s when created', (_name, settings, message) => {
    expect(() => createWebProvider(settings)).toThrow(ConfigurationError);
    expect(() => createWebProvider(settings)).toThrow(message);
  });

  it.each([
    ['not a url', /web url "not a url" is not a URL/],
    ['ftp://metrics.example/x', /must be http or https/],
    [
      'https://user:pw@metrics.example/x',
      /must not contain credentials; send credentials in an Authorization header/,
    ],
  ])('refuses the URL %s', async (url, message) => {
    const error = await failure(createWebProvider({}).query({ query: url }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(message);
  });

  it('is built by the factory', () => {
    expect(createMetricProvider({ kind: 'web', jsonPath: '{$.data.ok}' }).kind).toBe('web');
  });
});

describe('web provider: selection', () => {
  it('selects {$.data} for a condition like result.ok && result.successPercent >= 0.90', async () => {
    const measurement = await measure(ARGO_PAYLOAD, { jsonPath: '{$.data}' });
    expect(measurement.raw).toEqual({ ok: true, successPercent: 0.95 });
    expect(measurement.noData).toBe(false);
    expect(measurement.value).toBeUndefined();
  });

  it('selects a boolean as raw only', async () => {
    const measurement = await measure(ARGO_PAYLOAD, { jsonPath: '{$.data.ok}' });
    expect(measurement).toMatchObject({ raw: true, series: [], noData: false });
    expect(measurement.value).toBeUndefined();
  });

  it('turns a selected number into the value, stamped with the clock', async () => {
    const measurement = await measure(ARGO_PAYLOAD, { jsonPath: '{$.data.successPercent}' });
    expect(measurement).toEqual({
      query: expect.any(String),
      mode: 'instant',
      series: [{ labels: {}, samples: [{ timestamp: NOW / 1000, value: 0.95 }] }],
      noData: false,
      value: 0.95,
      raw: 0.95,
    });
  });

  it.each<[string, unknown, number]>([
    ['a decimal string', '0.97', 0.97],
    ['"NaN"', 'NaN', Number.NaN],
    ['"+Inf"', '+Inf', Number.POSITIVE_INFINITY],
    ['an exponent string', '1.5e-3', 0.0015],
  ])('reads %s through parseMetricNumber', async (_name, selected, expected) => {
    const measurement = await measure({ result: { value: selected } }, { jsonPath: '{$.result.value}' });
    expect(measurement.value).toBe(expected);
    expect(measurement.raw).toBe(selected); // the condition still sees what the server sent
  });

  it('turns a list of numbers into one series, without a single value', async () => {
    const measurement = await measure({ latencies: [120, '130.5', 99] }, { jsonPath: '{$.latencies}' });
    expect(measurement.series).toEqual([
      {
        labels: {},
        samples: [
          { timestamp: NOW / 1000, value: 120 },
          { timestamp: NOW / 1000, value: 130.5 },
          { timestamp: NOW / 1000, value: 99 },
        ],
      },
    ]);
    expect(measurement.value).toBeUndefined();
  });

  it('selects with wildcards', async () => {
    const body = {
      items: [
        { track: 'canary', p99: 210 },
        { track: 'stable', p99: 180 },
      ],
    };
    const measurement = await measure(body, { jsonPath: '{$.items[*].p99}' });
    expect(measurement.series[0]?.samples.map((sample) => sample.value)).toEqual([210, 180]);
  });

  it('accepts client-go’s {.path} spelling', async () => {
    expect((await measure(ARGO_PAYLOAD, { jsonPath: '{.data.successPercent}' })).value).toBe(0.95);
  });

  it.each<[string, unknown]>([
    ['null', { data: { errorRate: null } }],
    ['an empty list', { data: { errorRate: [] } }],
    ['a list of nulls', { data: { errorRate: [null, null] } }],
  ])('reports %s as no data, never zero', async (_name, body) => {
    const measurement = await measure(body, { jsonPath: '{$.data.errorRate}' });
    expect(measurement.noData).toBe(true);
    expect(measurement.series).toEqual([]);
    expect(measurement.value).toBeUndefined();
  });

  it('makes a missing path a TransientError that counts toward consecutiveErrorLimit', async () => {
    const error = await failure(measure(ARGO_PAYLOAD, { jsonPath: '{$.data.missing}' }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(
      /^web GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/measurement: could not find JSONPath \{\$\.data\.missing\} in body/,
    );
  });

  it('binds a text body, trimmed, when the path is {$}', async () => {
    const measurement = await measure('healthy\n', {}, 'text/plain');
    expect(measurement).toMatchObject({ raw: 'healthy', series: [], noData: false });
  });

  it('reads a number from a text body', async () => {
    expect((await measure('0.991\n', {}, 'text/plain')).value).toBe(0.991);
  });

  it('cannot find a path in a text body', async () => {
    const error = await failure(measure('<html>ok</html>', { jsonPath: '{$.data}' }, 'text/html'));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('could not find JSONPath {$.data} in body: the body is not JSON');
  });

  it.each([
    ['{$}', '$'],
    ['{$.data.ok}', '$.data.ok'],
    [' { $.data.ok } ', '$.data.ok'],
    ['{.data}', '$.data'],
    ['{[0]}', '$[0]'],
    ['$.data', '$.data'],
  ])('parseJsonPath(%j) is %j', (expression, path) => {
    expect(parseJsonPath(expression)).toBe(path);
  });
});

describe('web provider: errors', () => {
  it.each<[string, number, typeof ConfigurationError | typeof TransientError, RegExp]>([
    ['400', 400, ConfigurationError, /HTTP 400: .*; check the URL, method and body$/],
    ['401', 401, ConfigurationError, /check the credentials in headers$/],
    ['404', 404, ConfigurationError, /check the URL$/],
    ['408', 408, TransientError, /HTTP 408/],
    ['429', 429, TransientError, /HTTP 429/],
    ['500', 500, TransientError, /HTTP 500/],
    ['503', 503, TransientError, /HTTP 503/],
  ])('maps %s', async (_name, status, expected, message) => {
    const server = await serve(() => ({ status, body: { error: 'nope' } }));
    const error = await failure(createWebProvider({}).query({ query: `${server.address}/m` }));
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^web GET http:\/\/127\.0\.0\.1:\d+\/m failed/);
  });

  it('gives up on a server that never answers after timeoutMs, as a TransientError', async () => {
    const server = await serve(() => 'hang');
    const error = await failure(
      createWebProvider({ timeoutMs: 100 }).query({ query: `${server.address}/m` }),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('timed out after 100 ms');
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a bearer token', { Authorization: 'Bearer web-token-123' }, ['web-token-123']],
    [
      'basic credentials, encoded and decoded',
      { Authorization: `Basic ${Buffer.from('ops:web-pw-456').toString('base64')}` },
      [Buffer.from('ops:web-pw-456').toString('base64'), 'ops:web-pw-456', 'web-pw-456'],
    ],
    ['a custom header', { 'X-Api-Key': 'web-key-789' }, ['web-key-789']],
  ])('never prints %s, even when the server echoes it', async (_name, headers, secrets) => {
    for (const status of [401, 502]) {
      const server = await serve(() => ({ status, body: `denied: ${secrets.join(' ')}` }));
      const error = await failure(createWebProvider({ headers }).query({ query: `${server.address}/m` }));
      for (const secret of secrets) expect(error.message).not.toContain(secret);
      expect(error.message).toContain('denied: ***');
    }
  });

  it('masks secrets in the missing-path message too', async () => {
    const server = await serve((request) => ({ body: { echo: request.headers['x-api-key'] } }));
    const error = await failure(
      createWebProvider({ headers: { 'X-Api-Key': 'web-key-789' }, jsonPath: '{$.data}' }).query({
        query: `${server.address}/m`,
      }),
    );
    expect(error.message).toContain('{\\"echo\\":\\"***\\"}');
    expect(error.message).not.toContain('web-key-789');
  });
});
