/**
 * The reconcile-waiter family: the factory knows every waiter and refuses unknown ones, `delay`
 * sleeps and reports applied, and the shared polling loop keeps its schedule (fixed or backing
 * off with a cap), looks once more at the deadline and logs each new observation once.
 */
import { describe, expect, it } from '@jest/globals';

import { Duration } from '../../../../src/config/duration.js';
import { ConfigurationError } from '../../../../src/errors.js';
import {
  createReconcileWaiter,
  isReconcileWait,
  RECONCILE_WAITS,
  type ReconcileSpec,
} from '../../../../src/rollout/reconcile/index.js';
import { pollUntil, type PollResult } from '../../../../src/rollout/reconcile/types.js';
import { fakeDeps, sha } from './support.js';

const d = (text: string) => Duration.parse(text);

describe('createReconcileWaiter', () => {
  it('knows the four waits', () => {
    expect(RECONCILE_WAITS).toEqual(['delay', 'http', 'deployment-status', 'argocd']);
    expect(isReconcileWait('argocd')).toBe(true);
    expect(isReconcileWait('flux')).toBe(false);
  });

  it.each<[string, ReconcileSpec]>([
    ['delay', { wait: 'delay', delay: d('30s'), timeout: d('5m') }],
    ['http', { wait: 'http', url: 'http://127.0.0.1:1/version', timeout: d('5m'), interval: d('5s') }],
    [
      'argocd',
      {
        wait: 'argocd',
        server: 'https://argocd.example.com',
        application: 'web',
        tokenEnv: 'ARGOCD_TOKEN',
        timeout: d('5m'),
        interval: d('5s'),
      },
    ],
  ])('builds the %s waiter', (_name, spec) => {
    const waiter = createReconcileWaiter(spec, fakeDeps({ env: { ARGOCD_TOKEN: 'argocd-token-1' } }));
    expect(waiter.name).toBe(spec.wait);
  });

  it.each<[string, ReconcileSpec, RegExp]>([
    [
      'unknown wait',
      { wait: 'flux', timeout: d('5m') } as unknown as ReconcileSpec,
      /unknown wait "flux"; use one of: delay, http, deployment-status, argocd/,
    ],
    [
      'http url that is not a URL',
      { wait: 'http', url: 'web/version', timeout: d('5m'), interval: d('5s') },
      /exposure\.reconcile\.url "web\/version" is not a URL/,
    ],
    [
      'http url with credentials',
      { wait: 'http', url: 'https://u:p@web.example.com/v', timeout: d('5m'), interval: d('5s') },
      /must not contain credentials/,
    ],
    [
      'deployment-status without GitHub',
      { wait: 'deployment-status', timeout: d('5m'), interval: d('10s') },
      /needs a token: set GITHUB_TOKEN/,
    ],
    [
      'argocd without its token variable',
      {
        wait: 'argocd',
        server: 'https://argocd.example.com',
        application: 'web',
        tokenEnv: 'ARGOCD_TOKEN',
        timeout: d('5m'),
        interval: d('5s'),
      },
      /environment variable ARGOCD_TOKEN is not set/,
    ],
  ])('refuses %s with a ConfigurationError saying what to fix', (_name, spec, message) => {
    let error: unknown;
    try {
      createReconcileWaiter(spec, fakeDeps());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('delay', () => {
  it('sleeps the delay and reports applied without asking anything', async () => {
    const deps = fakeDeps();
    const waiter = createReconcileWaiter({ wait: 'delay', delay: d('90s'), timeout: d('5m') }, deps);
    const outcome = await waiter.wait({ sha: sha('a'), weight: 5 });
    expect(outcome).toEqual({ applied: true, polls: 0, waitedMs: 90_000 });
    expect(deps.sleeps).toEqual([90_000]);
  });
});

describe('pollUntil', () => {
  const waiting = (seen: string): PollResult => ({ kind: 'waiting', seen });

  it.each([
    ['a fixed interval', { timeoutMs: 20_000, intervalMs: 5_000 }, [5_000, 5_000, 5_000, 5_000]],
    [
      'doubling, capped, and cut at the deadline',
      { timeoutMs: 200_000, intervalMs: 10_000, factor: 2, maxIntervalMs: 60_000 },
      [10_000, 20_000, 40_000, 60_000, 60_000, 10_000],
    ],
    ['a zero timeout: one look, no wait', { timeoutMs: 0, intervalMs: 5_000 }, []],
  ])('keeps %s, looking once more at the deadline', async (_name, schedule, expected) => {
    const deps = fakeDeps();
    let looks = 0;
    const outcome = await pollUntil(
      deps,
      'test',
      schedule,
      async () => {
        looks += 1;
        return waiting('OutOfSync');
      },
      () => looks,
      (seen) => `timed out, last ${seen}`,
    );
    expect(deps.sleeps).toEqual(expected);
    expect(outcome).toEqual({
      applied: false,
      polls: expected.length + 1,
      waitedMs: schedule.timeoutMs,
      reason: 'timed out, last OutOfSync',
    });
  });

  it('stops at the first applied or failed look and logs each new observation once', async () => {
    const deps = fakeDeps();
    const answers: PollResult[] = [
      waiting('OutOfSync'),
      waiting('OutOfSync'),
      waiting('Synced/Progressing'),
      { kind: 'failed', reason: 'Degraded' },
      { kind: 'applied' },
    ];
    let looks = 0;
    const outcome = await pollUntil(
      deps,
      'reconcile (test)',
      { timeoutMs: 60_000, intervalMs: 1_000 },
      async () => answers[looks++]!,
      () => looks,
      () => 'unreachable',
    );
    expect(outcome).toEqual({ applied: false, polls: 4, waitedMs: 3_000, reason: 'Degraded' });
    expect(deps.lines).toEqual(['reconcile (test): OutOfSync', 'reconcile (test): Synced/Progressing']);
  });
});
