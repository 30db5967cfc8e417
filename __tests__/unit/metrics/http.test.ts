import { afterEach, describe, expect, it } from '@jest/globals';

import { ConfigurationError, TransientError } from '../../../src/errors.js';
import {
  bodyExcerpt,
  checkTimeout,
  createMasker,
  displayAddress,
  fetchText,
  headerSecrets,
  httpStatusError,
  isTransientStatus,
  parseBaseAddress,
  parseJson,
  singleValue,
  type SendOptions,
} from '../../../src/metrics/providers/http.js';
import { closeServers, serve as serveRequests, type Answer } from '../../support/http-server.js';

afterEach(closeServers);

/** The server answers every request with `answer()`, as text. */
const serve = (answer: () => Answer) =>
  serveRequests(() => {
    const reply = answer();
    return reply === 'hang' ? reply : { ...reply, contentType: 'text/plain' };
  });

const SECRET = 'tok-sekrit-123';
const mask = createMasker([SECRET]);
const options = (timeoutMs = 1000): SendOptions => ({
  timeoutMs,
  what: 'test query "up"',
  mask,
  unreachableFix: 'check that the test server is reachable',
});

describe('createMasker', () => {
  it.each<[string, string[], string, string]>([
    ['a plain secret', ['abc123'], 'key abc123 rejected', 'key *** rejected'],
    ['every occurrence', ['abc123'], 'abc123/abc123', '***/***'],
    ['its JSON-escaped form', ['p"w\\1'], JSON.stringify('p"w\\1 here'), '"*** here"'],
    ['its URL-encoded form', ['a b&c'], 'GET /q?key=a%20b%26c', 'GET /q?key=***'],
    ['the longest secret first', ['abc', 'Bearer abc'], 'Authorization: Bearer abc', 'Authorization: ***'],
    ['nothing shorter than 3 characters', ['ab'], 'abacus', 'abacus'],
    ['nothing when there are no secrets', [], 'plain', 'plain'],
  ])('replaces %s', (_name, secrets, message, expected) => {
    expect(createMasker(secrets)(message)).toBe(expected);
  });

  it('ignores undefined entries', () => {
    expect(createMasker([undefined, 'xyz'])('xyz')).toBe('***');
  });
});

describe('headerSecrets', () => {
  it('lists a bearer token with and without its scheme', () => {
    expect(headerSecrets({ Authorization: 'Bearer tok-1' })).toEqual(['Bearer tok-1', 'tok-1']);
  });

  it('decodes Basic credentials: the encoding, user:password and the password', () => {
    const encoded = Buffer.from('ops:pw-456').toString('base64'); // b3BzOnB3LTQ1Ng==
    expect(headerSecrets({ Authorization: `Basic ${encoded}` })).toEqual([
      `Basic ${encoded}`,
      encoded,
      'ops:pw-456',
      'pw-456',
    ]);
  });

  it('treats every custom header value as secret', () => {
    expect(headerSecrets({ 'X-Scope-OrgID': 'tenant-1', 'X-Api-Key': 'k-2' })).toEqual(['tenant-1', 'k-2']);
  });
});

describe('status rule', () => {
  it.each([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [408, true],
    [409, false],
    [422, false],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])('isTransientStatus(%d) is %s', (status, transient) => {
    expect(isTransientStatus(status)).toBe(transient);
  });

  const fixes = { credentials: 'check the key', notFound: 'check the address', other: 'fix the query' };

  it.each<[number, typeof ConfigurationError | typeof TransientError, string]>([
    [400, ConfigurationError, `test failed with HTTP 400: bad ***; fix the query`],
    [401, ConfigurationError, `test failed with HTTP 401: bad ***; check the key`],
    [403, ConfigurationError, `test failed with HTTP 403: bad ***; check the key`],
    [404, ConfigurationError, `test failed with HTTP 404: bad ***; check the address`],
    [408, TransientError, `test failed with HTTP 408: bad ***`],
    [429, TransientError, `test failed with HTTP 429: bad ***`],
    [503, TransientError, `test failed with HTTP 503: bad ***`],
  ])('httpStatusError(%d) is a %p with the fix, masked', (status, expected, message) => {
    const error = httpStatusError(status, `bad ${SECRET}`, 'test', mask, fixes);
    expect(error).toBeInstanceOf(expected);
    expect(error.message).toBe(message);
  });
});

describe('fetchText', () => {
  it('returns the status and the whole body', async () => {
    const server = await serve(() => ({ status: 418, body: 'short and stout' }));
    expect(await fetchText(globalThis.fetch, server.address, { method: 'GET' }, options())).toEqual({
      status: 418,
      text: 'short and stout',
    });
  });

  it('gives up after timeoutMs on a server that never answers', async () => {
    const server = await serve(() => 'hang');
    const error = await fetchText(globalThis.fetch, server.address, { method: 'GET' }, options(100)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toBe(
      'test query "up" timed out after 100 ms; check that the test server is reachable',
    );
  });

  it('reports a refused connection with its code', async () => {
    const server = await serve(() => ({ body: '' }));
    await server.close(); // nothing listens on the port now
    const error = await fetchText(globalThis.fetch, server.address, { method: 'GET' }, options()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toBe(
      'test query "up" failed: fetch failed (ECONNREFUSED); check that the test server is reachable',
    );
  });

  it('masks secrets in the failure message', async () => {
    const error = await fetchText(
      () => Promise.reject(new Error(`proxy refused Bearer ${SECRET}`)),
      'http://127.0.0.1:1',
      { method: 'GET' },
      options(),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toContain('proxy refused Bearer ***');
    expect((error as Error).message).not.toContain(SECRET);
  });
});

describe('bodyExcerpt', () => {
  it('quotes at most 200 characters', () => {
    expect(bodyExcerpt('x'.repeat(300), mask)).toBe(`body "${'x'.repeat(200)}"`);
  });

  it('masks before cutting, so a secret straddling the cut leaks no part of itself', () => {
    const text = `${'x'.repeat(195)}${SECRET}`; // the secret spans characters 195–208
    const excerpt = bodyExcerpt(text, mask);
    expect(excerpt).toBe(`body "${'x'.repeat(195)}***"`);
    expect(excerpt).not.toContain(SECRET.slice(0, 5));
  });
});

describe('addresses and settings', () => {
  const rules = { provider: 'test', example: 'http://t:1', credentialsFix: 'use the key setting' };

  it.each([
    ['http://prom:9090', 'http://prom:9090/', 'http://prom:9090'],
    [
      'https://mimir.example/prometheus',
      'https://mimir.example/prometheus/',
      'https://mimir.example/prometheus',
    ],
    [
      'https://mimir.example/prometheus/',
      'https://mimir.example/prometheus/',
      'https://mimir.example/prometheus',
    ],
  ])('parseBaseAddress(%s) ends in a slash; displayAddress drops it', (address, base, shown) => {
    const url = parseBaseAddress(address, rules);
    expect(url.toString()).toBe(base);
    expect(displayAddress(url)).toBe(shown);
  });

  it.each([
    ['nope', 'test address "nope" is not a URL; write e.g. http://t:1'],
    ['file:///etc/passwd', 'test address must be http or https; got file:'],
    ['http://u:p@t:1', 'test address must not contain credentials; use the key setting'],
  ])('parseBaseAddress refuses %s', (address, message) => {
    expect(() => parseBaseAddress(address, rules)).toThrow(new ConfigurationError(message));
  });

  it.each([0, -5, Number.NaN])('checkTimeout refuses %d', (timeoutMs) => {
    expect(() => checkTimeout('test', timeoutMs)).toThrow(
      `test timeoutMs must be positive; got ${timeoutMs}`,
    );
  });

  it('checkTimeout returns a positive timeout', () => {
    expect(checkTimeout('test', 250)).toBe(250);
  });
});

describe('small readers', () => {
  it.each<[string, { value: unknown } | undefined]>([
    ['{"a":1}', { value: { a: 1 } }],
    ['null', { value: null }],
    ['<html>', undefined],
    ['', undefined],
  ])('parseJson(%j)', (text, expected) => {
    expect(parseJson(text)).toEqual(expected);
  });

  const sample = (value: number) => ({ timestamp: 1, value });
  it.each<[string, { samples: { value: number }[] }[], { value?: number }]>([
    ['one series of one sample', [{ samples: [sample(7)] }], { value: 7 }],
    ['one series of two samples', [{ samples: [sample(7), sample(8)] }], {}],
    ['two series of one sample', [{ samples: [sample(7)] }, { samples: [sample(8)] }], {}],
    ['no series', [], {}],
  ])('singleValue of %s', (_name, series, expected) => {
    expect(singleValue(series)).toEqual(expected);
  });
});
