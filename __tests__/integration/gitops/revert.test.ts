/**
 * Revert against real git: forward commits of two services through the local backend, then a
 * revert of one of them. "Byte-identical" is checked the strictest way git offers: the restored
 * files have the same blob ids as at the target commit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createBareRepo,
  gitText,
  startGitRemote,
  type GitRemote,
  type TempBareRepo,
} from '../../support/git-remote.js';
import { LocalGitWriter } from '../../../src/gitops/local-git.js';
import { assertNotQuarantined, QuarantinedError } from '../../../src/gitops/quarantine.js';
import { planRevert } from '../../../src/gitops/revert.js';
import type { CommitRequest, DesiredChange } from '../../../src/gitops/types.js';

const STABLE = `sha256:${'5'.repeat(64)}`;
const CANARY = `sha256:${'c'.repeat(64)}`;
const FAST = { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 50 };

const DEPLOY = `# checkout, prod overlay\r\napiVersion: apps/v1\r\nkind: Deployment\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: app\r\n          image: ghcr.io/acme/checkout@${STABLE}   # pinned\r\n`;
const ROUTE = 'backendRefs:\n  - name: stable\n    weight: 100\n  - name: canary\n    weight: 0';

function replace(path: string, from: RegExp, to: string): DesiredChange {
  return { path, intent: `${from.source}=${to}`, render: (current) => current!.replace(from, to) };
}

function step(weight: number, digest: string, position: string): CommitRequest {
  return {
    branch: 'main',
    headline: `checkout: canary ${weight}%`,
    trailers: {
      'Glidepath-Rollout': 'checkout-42',
      'Glidepath-Service': 'checkout',
      'Glidepath-Step': position,
      'Glidepath-Weight': String(weight),
      'Glidepath-Digest': digest,
    },
    changes: [
      replace('apps/checkout/deployment.yaml', /@sha256:[0-9a-f]{64}/, `@${digest}`),
      {
        path: 'apps/checkout/route.yaml',
        intent: `weights ${100 - weight}/${weight}`,
        render: (current) =>
          current!
            .replace(/(name: stable\n {4}weight: )\d+/, `$1${100 - weight}`)
            .replace(/(name: canary\n {4}weight: )\d+/, `$1${weight}`),
      },
    ],
  };
}

describe('revert with the local git backend', () => {
  let repo: TempBareRepo;
  let remote: GitRemote;
  let writer: LocalGitWriter;

  beforeAll(async () => {
    repo = await createBareRepo({
      files: {
        'apps/checkout/deployment.yaml': DEPLOY,
        'apps/checkout/route.yaml': ROUTE,
        'apps/cart/deployment.yaml': 'image: cart@v1\n',
      },
    });
    remote = await startGitRemote({ repos: { 'acme/gitops': repo.path } });
    writer = await LocalGitWriter.open({
      source: { url: remote.url('acme/gitops') },
      token: remote.token,
      retry: FAST,
    });
  });

  afterAll(async () => {
    await writer.close();
    await remote.close();
    await repo.dispose();
  });

  it('restores byte-identical files, leaves other services alone, and quarantines the canary', async () => {
    const before = await gitText(['--git-dir', repo.path, 'rev-parse', 'main']);
    await writer.commit(step(5, CANARY, '1/5'));
    await writer.commit({
      branch: 'main',
      headline: 'cart v2',
      trailers: { 'Glidepath-Service': 'cart', 'Glidepath-Rollout': 'cart-3' },
      changes: [replace('apps/cart/deployment.yaml', /v1/, 'v2')],
    });
    await writer.commit(step(25, CANARY, '2/5'));

    const plan = await planRevert(writer, {
      branch: 'main',
      scope: { service: 'checkout' },
      target: { to: before },
      reason: 'error-rate 0.4% above 0.1% at step 2/5',
      verdict: 'fail',
      image: 'ghcr.io/acme/checkout',
    });
    const result = await writer.commit(plan.request);
    expect(result.status).toBe('committed');

    for (const path of ['apps/checkout/deployment.yaml', 'apps/checkout/route.yaml']) {
      const blobThen = await gitText(['--git-dir', repo.path, 'rev-parse', `${before}:${path}`]);
      const blobNow = await gitText(['--git-dir', repo.path, 'rev-parse', `main:${path}`]);
      expect(blobNow).toBe(blobThen);
    }
    expect(await gitText(['--git-dir', repo.path, 'show', 'main:apps/cart/deployment.yaml'])).toBe(
      'image: cart@v2',
    );
    const trailers = await gitText([
      '--git-dir',
      repo.path,
      'log',
      '-1',
      '--format=%(trailers:only,unfold)',
      'main',
    ]);
    expect(trailers).toContain(`Glidepath-Revert-Of: ${plan.revertOf}`);
    // The target predates Glidepath, so no digest is claimed for it; the canary's is not repeated.
    expect(trailers).not.toContain(CANARY);

    // desire would now refuse the canary digest.
    const quarantine = await writer.readFile('main', '.glidepath/quarantine.yaml');
    expect(() => assertNotQuarantined(quarantine, CANARY)).toThrow(QuarantinedError);
    expect(() => assertNotQuarantined(quarantine, STABLE)).not.toThrow();

    // Running the same revert again changes nothing.
    const again = await planRevert(writer, {
      branch: 'main',
      scope: { service: 'checkout' },
      target: { to: before },
      reason: 'error-rate 0.4% above 0.1% at step 2/5',
    });
    expect((await writer.commit(again.request)).status).toBe('unchanged');
  });
});
