/**
 * The `http` waiter against a loopback server with a fake clock: applied when a 2xx body names the
 * full sha or `canary=<weight>` (not `canary=50` for 5), asked again after errors and refusals,
 * and a timeout reason that names the URL and what it answered last.
 */
import { afterEach, describe, expect, it } from '@jest/globals';

import { Duration } from '../../../../src/config/duration.js';
import { createReconcileWaiter } from '../../../../src/rollout/reconcile/index.js';
import { closeServers, serve, type Answer } from '../../../support/http-server.js';
import { fakeDeps, sha } from './support.js';

afterEach(closeServers);

const COMMIT = sha('c0ffee');
const spec = (url: string) =>
  ({ wait: 'http', url, timeout: Duration.parse('30s'), interval: Duration.parse('5s') }) as const;

describe('http reconcile wait', () => {
  it.each<[string, boolean, Answer, number]>([
    ['the full sha in a JSON body', true, { body: { revision: COMMIT } }, 5],
    ['canary=<weight> in a text body', true, { body: 'stable=95 canary=5\n', contentType: 'text/plain' }, 5],
    ['canary=50 when the step is 5', false, { body: 'canary=50', contentType: 'text/plain' }, 5],
    ['canary=5.5 when the step is 5', false, { body: 'canary=5.5', contentType: 'text/plain' }, 5],
    [
      'the sha on a 503 page',
      false,
      { status: 503, body: `deploying ${COMMIT}`, contentType: 'text/plain' },
      5,
    ],
    ['a 12-character prefix of the sha', false, { body: { revision: COMMIT.slice(0, 12) } }, 5],
  ])('%s → applied: %s', async (_name, applied, answer, weight) => {
    const server = await serve(() => answer);
    const deps = fakeDeps();
    const outcome = await createReconcileWaiter(spec(`${server.address}/version`), deps).wait({
      sha: COMMIT,
      weight,
    });
    expect(outcome.applied).toBe(applied);
    // Applied at the first look; otherwise every 5 s for 30 s: 7 looks.
    expect(outcome.polls).toBe(applied ? 1 : 7);
    expect(server.requests).toHaveLength(outcome.polls);
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('keeps asking until the service reports the commit', async () => {
    let calls = 0;
    const server = await serve(() => {
      calls += 1;
      if (calls === 1) return { status: 502, body: 'Bad Gateway', contentType: 'text/plain' };
      return { body: { revision: calls < 4 ? sha('0ld') : COMMIT } };
    });
    const deps = fakeDeps();
    const outcome = await createReconcileWaiter(spec(`${server.address}/version`), deps).wait({
      sha: COMMIT,
      weight: 25,
    });
    expect(outcome).toEqual({ applied: true, polls: 4, waitedMs: 15_000 });
    expect(deps.lines).toEqual([
      `reconcile (http ${server.address}/version): HTTP 502, body "Bad Gateway"`,
      `reconcile (http ${server.address}/version): HTTP 200, body ${JSON.stringify(JSON.stringify({ revision: sha('0ld') }))}`,
    ]);
  });

  it('times out naming the URL, the commit and the last answer', async () => {
    const server = await serve(() => ({ body: { revision: sha('0ld') } }));
    const url = `${server.address}/version`;
    const outcome = await createReconcileWaiter(spec(url), fakeDeps()).wait({ sha: COMMIT, weight: 25 });
    expect(outcome).toEqual({
      applied: false,
      polls: 7,
      waitedMs: 30_000,
      reason:
        `reconcile: ${url} did not show commit ${COMMIT.slice(0, 12)} or canary=25 within 30s ` +
        `(last: HTTP 200, body ${JSON.stringify(JSON.stringify({ revision: sha('0ld') }))}); ` +
        'check that the reconciler syncs the branch and that the page reports the applied revision',
    });
  });

  it('treats an unreachable endpoint as not yet, and says so', async () => {
    const server = await serve(() => ({ body: '' }));
    const url = `${server.address}/version`;
    await server.close();
    const outcome = await createReconcileWaiter(spec(url), fakeDeps()).wait({ sha: COMMIT, weight: 25 });
    expect(outcome.applied).toBe(false);
    expect(outcome.polls).toBe(7);
    expect(outcome.applied === false && outcome.reason).toMatch(
      /\(last: unreachable: fetch failed \(ECONNREFUSED\)\)/,
    );
  });
});
