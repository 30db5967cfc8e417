/**
 * An in-process HTTP server on 127.0.0.1 for provider tests: it records each request (method, URL,
 * headers, body) and answers with what the test says, or never answers (`'hang'`) to exercise
 * timeouts. Register `closeServers` in `afterEach`.
 */
import { expect } from '@jest/globals';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: a status and body (JSON-encoded unless a string), or never. */
export type Answer = { status?: number; body: unknown; contentType?: string } | 'hang';

/** A running server. */
export interface TestServer {
  address: string;
  requests: Received[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];

/** Stops every server started since the last call. */
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((server) => server.close()));
}

/** Starts a server answering each request with `answer`. */
export async function serve(answer: (request: Received) => Answer): Promise<TestServer> {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(received);
      const reply = answer(received);
      if (reply === 'hang') return;
      res.writeHead(reply.status ?? 200, { 'Content-Type': reply.contentType ?? 'application/json' });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle: TestServer = {
    address: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

/** The error `promise` rejects with (asserting that it rejects with an Error). */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}
