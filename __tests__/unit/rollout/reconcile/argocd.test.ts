/**
 * The `argocd` waiter against a loopback server answering Application JSON in the shape of Argo
 * CD's `v1alpha1Application` (pkg/apis/application/v1alpha1/types.go: `status.sync.{status,
 * revision, revisions}`, `status.health.status`, `status.operationState.{phase, message,
 * syncResult.revision}`, `status.resources[].health`), with a fake clock: a sync that moves
 * OutOfSync → Synced/Progressing → Synced/Healthy, multi-source revisions, a degraded rollout,
 * refusals (401, 403, 404), a wrong revision until the timeout, and a token that never leaks.
 */
import { afterEach, describe, expect, it } from '@jest/globals';

import { Duration } from '../../../../src/config/duration.js';
import { ConfigurationError } from '../../../../src/errors.js';
import { readApplication } from '../../../../src/rollout/reconcile/argocd.js';
import { createReconcileWaiter, type ReconcileSpec } from '../../../../src/rollout/reconcile/index.js';
import { closeServers, failure, serve, type Answer } from '../../../support/http-server.js';
import { fakeDeps, sha } from './support.js';

afterEach(closeServers);

const TOKEN = 'argocd-token-eyJhbGciOiJIUzI1NiJ9.s3cr3t';
const OURS = sha('7a1b2c');
const OLDER = sha('0de1f2');

/** An Application as Argo CD's API returns it, at `revision` with the given sync and health. */
function application(
  revision: string,
  sync: 'Synced' | 'OutOfSync' | 'Unknown',
  health: 'Healthy' | 'Progressing' | 'Degraded' | 'Missing',
  extra: { operationRevision?: string; phase?: string; message?: string; degraded?: string } = {},
) {
  return {
    metadata: { name: 'web', namespace: 'argocd', resourceVersion: '48213' },
    spec: {
      project: 'shop',
      source: { repoURL: 'https://github.com/acme/gitops.git', path: 'apps/web', targetRevision: 'main' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status: {
      resources: [
        {
          version: 'v1',
          kind: 'Service',
          namespace: 'web',
          name: 'web',
          status: 'Synced',
          health: { status: 'Healthy' },
        },
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'web',
          name: 'web-canary',
          status: sync,
          health:
            health === 'Degraded'
              ? {
                  status: 'Degraded',
                  message: extra.degraded ?? 'Deployment "web-canary" exceeded its progress deadline',
                }
              : { status: health },
        },
      ],
      sync: {
        status: sync,
        comparedTo: {
          source: { repoURL: 'https://github.com/acme/gitops.git', path: 'apps/web', targetRevision: 'main' },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
        },
        revision,
      },
      // Argo CD 3 no longer fills the application-level health message.
      health: { status: health, lastTransitionTime: '2025-06-02T09:00:41Z' },
      reconciledAt: '2025-06-02T09:00:41Z',
      operationState: {
        operation: {
          sync: { revision: extra.operationRevision ?? revision },
          initiatedBy: { automated: true },
        },
        phase: extra.phase ?? 'Succeeded',
        message: extra.message ?? 'successfully synced (all tasks run)',
        syncResult: { revision: extra.operationRevision ?? revision },
        startedAt: '2025-06-02T09:00:38Z',
        finishedAt: '2025-06-02T09:00:40Z',
      },
      sourceType: 'Kustomize',
      summary: { images: ['ghcr.io/acme/web@sha256:' + 'ab'.repeat(32)] },
      controllerNamespace: 'argocd',
    },
  };
}

const spec = (
  server: string,
  more: Partial<Extract<ReconcileSpec, { wait: 'argocd' }>> = {},
): ReconcileSpec => ({
  wait: 'argocd',
  server,
  application: 'web',
  tokenEnv: 'ARGOCD_AUTH_TOKEN',
  timeout: Duration.parse('2m'),
  interval: Duration.parse('10s'),
  ...more,
});

/** Serves `answers` in order, repeating the last one. */
async function argo(answers: Answer[]) {
  let next = 0;
  return serve(() => answers[Math.min(next++, answers.length - 1)]!);
}

const deps = () => fakeDeps({ env: { ARGOCD_AUTH_TOKEN: TOKEN } });

describe('argocd reconcile wait', () => {
  it('waits while the app moves OutOfSync → Synced/Progressing → Synced/Healthy at our commit', async () => {
    const server = await argo([
      { body: application(OLDER, 'OutOfSync', 'Healthy') },
      {
        body: application(OURS, 'OutOfSync', 'Healthy', {
          operationRevision: OLDER,
          phase: 'Running',
          message: 'waiting for healthy state of apps/Deployment/web-canary',
        }),
      },
      { body: application(OURS, 'Synced', 'Progressing') },
      { body: application(OURS, 'Synced', 'Progressing') },
      { body: application(OURS, 'Synced', 'Healthy') },
    ]);
    const d = deps();
    const outcome = await createReconcileWaiter(
      spec(server.address, { appNamespace: 'team-web', project: 'shop' }),
      d,
    ).wait({
      sha: OURS,
      weight: 10,
    });
    expect(outcome).toEqual({ applied: true, polls: 5, waitedMs: 40_000 });
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      url: '/api/v1/applications/web?appNamespace=team-web&project=shop',
    });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(d.lines).toEqual([
      `reconcile (argocd application web (namespace team-web)): OutOfSync/Healthy at ${OLDER.slice(0, 12)}, not ${OURS.slice(0, 12)}`,
      `reconcile (argocd application web (namespace team-web)): OutOfSync/Healthy at ${OURS.slice(0, 12)}`,
      `reconcile (argocd application web (namespace team-web)): Synced/Progressing at ${OURS.slice(0, 12)}: successfully synced (all tasks run)`,
    ]);
  });

  it.each<[string, unknown, boolean]>([
    ['status.sync.revision', application(OURS, 'Synced', 'Healthy'), true],
    [
      'status.sync.revisions[] of a multi-source app',
      (() => {
        const app = application(OURS, 'Synced', 'Healthy') as { status: { sync: Record<string, unknown> } };
        delete app.status.sync.revision;
        app.status.sync.revisions = [sha('9e9e9e'), OURS.toUpperCase()];
        return app;
      })(),
      true,
    ],
    [
      'status.operationState.syncResult.revision',
      application(OLDER, 'Synced', 'Healthy', { operationRevision: OURS }),
      true,
    ],
    ['none of them', application(OLDER, 'Synced', 'Healthy'), false],
    ['no status at all', { metadata: { name: 'web' } }, false],
  ])('reads the commit from %s', (_name, body, atCommit) => {
    expect(readApplication(body, OURS).atCommit).toBe(atCommit);
  });

  it('stops at once when the app is Degraded at our commit, quoting the degraded resource', async () => {
    const server = await argo([
      { body: application(OURS, 'Synced', 'Progressing') },
      { body: application(OURS, 'Synced', 'Degraded') },
    ]);
    const outcome = await createReconcileWaiter(spec(server.address), deps()).wait({ sha: OURS, weight: 10 });
    expect(outcome).toEqual({
      applied: false,
      polls: 2,
      waitedMs: 10_000,
      reason:
        `argocd application web is Degraded at commit ${OURS.slice(0, 12)}: Deployment/web-canary: ` +
        `Deployment "web-canary" exceeded its progress deadline; see ${server.address}/applications/web`,
    });
  });

  it('keeps waiting while the app is Degraded at an older commit (ours may fix it)', async () => {
    const server = await argo([
      { body: application(OLDER, 'Synced', 'Degraded') },
      { body: application(OURS, 'Synced', 'Healthy') },
    ]);
    const outcome = await createReconcileWaiter(spec(server.address), deps()).wait({ sha: OURS, weight: 10 });
    expect(outcome).toEqual({ applied: true, polls: 2, waitedMs: 10_000 });
  });

  it('times out at a wrong revision, naming the application and what it showed last', async () => {
    const server = await argo([{ body: application(OLDER, 'Synced', 'Healthy') }]);
    const outcome = await createReconcileWaiter(spec(server.address), deps()).wait({ sha: OURS, weight: 10 });
    // Every 10 s for 2 minutes: 13 looks.
    expect(outcome).toEqual({
      applied: false,
      polls: 13,
      waitedMs: 120_000,
      reason:
        `reconcile: argocd application web was not Synced and Healthy at commit ${OURS.slice(0, 12)} within 2m ` +
        `(last: Synced/Healthy at ${OLDER.slice(0, 12)}, not ${OURS.slice(0, 12)}); ` +
        'check its sync in Argo CD and that it tracks the desired branch',
    });
    expect(server.requests).toHaveLength(13);
  });

  it('asks again after 5xx answers', async () => {
    const server = await argo([
      { status: 503, body: 'upstream connect error', contentType: 'text/plain' },
      { status: 500, body: { error: 'rpc error', code: 13, message: 'context deadline exceeded' } },
      { body: application(OURS, 'Synced', 'Healthy') },
    ]);
    const d = deps();
    const outcome = await createReconcileWaiter(spec(server.address), d).wait({ sha: OURS, weight: 10 });
    expect(outcome).toEqual({ applied: true, polls: 3, waitedMs: 20_000 });
  });

  it.each<[number, Answer, RegExp]>([
    [
      401,
      {
        status: 401,
        body: {
          error: 'invalid session: token is expired',
          code: 16,
          message: 'invalid session: token is expired',
        },
      },
      /HTTP 401 \(invalid session: token is expired\); check that ARGOCD_AUTH_TOKEN holds a valid Argo CD token/,
    ],
    [
      403,
      { status: 403, body: { error: 'permission denied', code: 7, message: 'permission denied' } },
      /HTTP 403 \(permission denied\); check that ARGOCD_AUTH_TOKEN .* and the application name/,
    ],
    [
      404,
      {
        status: 404,
        body: {
          error: 'applications.argoproj.io "web" not found',
          code: 5,
          message: 'applications.argoproj.io "web" not found',
        },
      },
      /not found \(applications.argoproj.io "web" not found\); check exposure.reconcile.application and appNamespace/,
    ],
  ])('refuses HTTP %i with a ConfigurationError after one request', async (_status, answer, message) => {
    const server = await argo([answer]);
    const error = await failure(
      createReconcileWaiter(spec(server.address), deps()).wait({ sha: OURS, weight: 10 }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(message);
    expect(server.requests).toHaveLength(1);
  });

  it('never prints the token, even when a proxy echoes it back', async () => {
    const server = await serve((request) => ({
      status: 502,
      body: `bad gateway; request had Authorization: ${String(request.headers.authorization)}`,
      contentType: 'text/plain',
    }));
    const d = deps();
    const outcome = await createReconcileWaiter(
      spec(server.address, { timeout: Duration.parse('20s') }),
      d,
    ).wait({
      sha: OURS,
      weight: 10,
    });
    expect(outcome.applied).toBe(false);
    const printed = [...d.lines, outcome.applied ? '' : outcome.reason].join('\n');
    expect(printed).toContain('Authorization: Bearer ***');
    expect(printed).not.toContain('s3cr3t');
  });
});
