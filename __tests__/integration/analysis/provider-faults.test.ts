/**
 * A provider that is down, slow, or returns garbage: `glidepath analyze` ends in `error` (exit 3)
 * after consecutiveErrorLimit — never a pass. The back-ends are real sockets: a port nobody listens
 * on, an in-process server that never answers, and one that answers 200 with an HTML page. The bake
 * is replayed with --at, so the 10-second retry spacing costs no wall-clock time; the provider's
 * own request timeout (200 ms here) is real.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../../src/cli/main.js';
import { freePort } from '../../support/prometheus.js';

let dir: string;
const servers: http.Server[] = [];
let requests = 0;

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer((request, response) => {
    requests++;
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-faults-'));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

async function analyze(address: string): Promise<{ code: number; stdout: string }> {
  const file = join(dir, `policy-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(
    file,
    `analysis:
  provider: { kind: prometheus, address: ${address}, timeout: 200ms }
  warmup: 0s
  guardrails:
    - name: error-ratio
      query: sum(rate(http_requests_total{code="500"}[5m])) / sum(rate(http_requests_total[5m]))
      max: 0.01
`,
  );
  let stdout = '';
  const code = await runCli(
    ['analyze', '--policy', file, '--since', '1700000000', '--at', '1700000000', '--bake', '10m', '--json'],
    { cwd: dir, now: () => new Date(), env: {}, stdout: (text) => (stdout += text), stderr: () => undefined },
    'test',
  );
  return { code, stdout };
}

describe('a failing provider never passes', () => {
  it.each<[string, () => Promise<string>]>([
    ['down (connection refused)', async () => `http://127.0.0.1:${await freePort()}`],
    ['slow (never answers)', () => serve(() => undefined)],
    [
      'returning garbage (200 with an HTML page)',
      () =>
        serve((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/html' });
          response.end('<html><body>Sign in</body></html>');
        }),
    ],
  ])(
    '%s: error after consecutiveErrorLimit, exit 3',
    async (_name, start) => {
      requests = 0;
      const address = await start();
      const { code, stdout } = await analyze(address);
      expect(code).toBe(3);
      const report = JSON.parse(stdout) as {
        phase: string;
        metrics: { name: string; phase: string; reason: string }[];
      };
      expect(report.phase).toBe('error');
      const guard = report.metrics.find((metric) => metric.name === 'error-ratio');
      expect(guard?.phase).toBe('error');
      // Default consecutiveErrorLimit 4: the fifth consecutive error decides it.
      expect(guard?.reason).toMatch(/^5 consecutive measurement errors, more than consecutiveErrorLimit 4/);
    },
    60_000,
  );

  it('the garbage server was asked 3 times per measurement (the quick transient retries)', async () => {
    requests = 0;
    const address = await serve((_request, response) => {
      response.writeHead(200);
      response.end('not json');
    });
    await analyze(address);
    expect(requests).toBe(5 * 3);
  });
});
