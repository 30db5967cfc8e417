import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import { parseQuarantine } from '../../../src/gitops/quarantine.js';
import { planRevert, type RevertHistory } from '../../../src/gitops/revert.js';
import { formatCommitMessage, parseTrailers } from '../../../src/gitops/trailers.js';
import type { LoggedCommit, Trailers } from '../../../src/gitops/types.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const NOW = () => new Date('2026-05-04T10:00:00Z');

/** A linear in-memory history: each commit is a full snapshot plus what it changed. */
class History implements RevertHistory {
  private readonly commits: {
    sha: string;
    message: string;
    files: Map<string, string>;
    changed: string[];
  }[] = [];

  commit(headline: string, trailers: Trailers, changes: Record<string, string | undefined>): string {
    const files = new Map(this.commits[this.commits.length - 1]?.files ?? []);
    for (const [path, content] of Object.entries(changes)) {
      if (content === undefined) files.delete(path);
      else files.set(path, content);
    }
    const sha = createHash('sha1').update(String(this.commits.length)).digest('hex');
    this.commits.push({
      sha,
      message: formatCommitMessage(headline, undefined, trailers),
      files,
      changed: Object.keys(changes),
    });
    return sha;
  }

  async log(_branch: string, n: number): Promise<LoggedCommit[]> {
    return this.commits
      .map((commit, index) => ({
        sha: commit.sha,
        parents: index === 0 ? [] : [this.commits[index - 1]!.sha],
        headline: commit.message.split('\n')[0]!,
        message: commit.message,
        trailers: parseTrailers(commit.message),
      }))
      .reverse()
      .slice(0, n);
  }

  async readFile(ref: string, path: string): Promise<string | undefined> {
    return this.commits.find((commit) => commit.sha === ref)?.files.get(path);
  }

  async changedFiles(sha: string): Promise<string[]> {
    return this.commits.find((commit) => commit.sha === sha)?.changed ?? [];
  }
}

/** Seed, checkout at D1 (stable), a cart commit, checkout canary D2 at 5% then 25%, a person's edit. */
function scenario() {
  const history = new History();
  const seed = history.commit(
    'seed',
    {},
    {
      'apps/checkout/deploy.yaml': 'image: app@' + D1 + '\r\n',
      'apps/checkout/route.yaml': 'canary: 0\n',
      'apps/cart/deploy.yaml': 'image: cart@v1\n',
    },
  );
  const cart = history.commit(
    'cart v2',
    { 'Glidepath-Service': 'cart', 'Glidepath-Rollout': 'cart-9' },
    {
      'apps/cart/deploy.yaml': 'image: cart@v2\n',
    },
  );
  const step1 = history.commit(
    'checkout 5%',
    {
      'Glidepath-Service': 'checkout',
      'Glidepath-Rollout': 'checkout-42',
      'Glidepath-Step': '1/5',
      'Glidepath-Weight': '5',
      'Glidepath-Digest': D2,
    },
    {
      'apps/checkout/deploy.yaml': 'image: app@' + D2 + '\r\n',
      'apps/checkout/route.yaml': 'canary: 5\n',
      'apps/checkout/new.yaml': 'x: 1',
    },
  );
  const cart2 = history.commit(
    'cart v3',
    { 'Glidepath-Service': 'cart', 'Glidepath-Rollout': 'cart-10' },
    {
      'apps/cart/deploy.yaml': 'image: cart@v3\n',
    },
  );
  const step2 = history.commit(
    'checkout 25%',
    {
      'Glidepath-Service': 'checkout',
      'Glidepath-Rollout': 'checkout-42',
      'Glidepath-Step': '2/5',
      'Glidepath-Weight': '25',
      'Glidepath-Digest': D2,
    },
    { 'apps/checkout/route.yaml': 'canary: 25\n' },
  );
  return { history, seed, cart, step1, cart2, step2 };
}

async function renderAll(
  plan: Awaited<ReturnType<typeof planRevert>>,
  current: Record<string, string | undefined> = {},
) {
  return Object.fromEntries(
    plan.request.changes.map((change) => [change.path, change.render(current[change.path])]),
  );
}

describe('planRevert --previous', () => {
  it('restores the state before the latest Glidepath commit of the service, byte for byte', async () => {
    const { history, cart2, step2 } = scenario();
    const plan = await planRevert(history, {
      branch: 'main',
      scope: { service: 'checkout' },
      target: { previous: true },
      reason: 'error rate 0.4% > 0.1%',
      verdict: 'fail',
      now: NOW,
    });
    // The parent of checkout's latest commit (a cart commit: checkout's files are as step 1 left them).
    expect(plan.target).toBe(cart2);
    expect(plan.revertOf).toBe(step2);
    expect(plan.paths).toEqual(['apps/checkout/route.yaml']);
    // The digest is the same before and after (the step only moved traffic): no quarantine.
    expect(plan.quarantined).toBeUndefined();
    expect(await renderAll(plan)).toEqual({ 'apps/checkout/route.yaml': 'canary: 5\n' });
    expect(plan.request.trailers).toEqual({
      'Glidepath-Revert-Of': step2,
      'Glidepath-Rollout': 'checkout-42',
      'Glidepath-Service': 'checkout',
      'Glidepath-Digest': D2,
      'Glidepath-Verdict': 'fail',
    });
  });
});

describe('planRevert --to', () => {
  it('restores every file the service touched since, deletes files it created, and quarantines the digest', async () => {
    const { history, seed, step2 } = scenario();
    const plan = await planRevert(history, {
      branch: 'main',
      scope: { service: 'checkout' },
      target: { to: seed.slice(0, 8) },
      reason: 'error rate 0.4% > 0.1%',
      image: 'ghcr.io/acme/checkout',
      now: NOW,
    });
    expect(plan.target).toBe(seed);
    expect(plan.revertOf).toBe(step2);
    expect(plan.paths).toEqual([
      'apps/checkout/deploy.yaml',
      'apps/checkout/new.yaml',
      'apps/checkout/route.yaml',
    ]);
    const rendered = await renderAll(plan, { 'apps/checkout/deploy.yaml': 'anything' });
    expect(rendered['apps/checkout/deploy.yaml']).toBe('image: app@' + D1 + '\r\n');
    expect(rendered['apps/checkout/route.yaml']).toBe('canary: 0\n');
    expect(rendered['apps/checkout/new.yaml']).toBeUndefined();
    // Other services' files are not part of the revert.
    expect(plan.paths.some((path) => path.startsWith('apps/cart/'))).toBe(false);
    expect(plan.quarantined).toEqual({
      digest: D2,
      image: 'ghcr.io/acme/checkout',
      reason: 'error rate 0.4% > 0.1%',
      rollout: 'checkout-42',
      at: '2026-05-04T10:00:00.000Z',
    });
    expect(parseQuarantine(rendered['.glidepath/quarantine.yaml'])).toMatchObject([{ digest: D2 }]);
  });

  it('with no scope restores everything after the target', async () => {
    const { history, step1 } = scenario();
    const plan = await planRevert(history, { branch: 'main', scope: {}, target: { to: step1 }, now: NOW });
    expect(plan.paths).toEqual(['apps/cart/deploy.yaml', 'apps/checkout/route.yaml']);
  });

  it('is a no-op plan after the revert landed (idempotent re-run)', async () => {
    const { history, cart2, step2 } = scenario();
    history.commit(
      'Revert checkout',
      { 'Glidepath-Service': 'checkout', 'Glidepath-Revert-Of': step2 },
      {
        'apps/checkout/route.yaml': 'canary: 5\n',
      },
    );
    const plan = await planRevert(history, {
      branch: 'main',
      scope: { service: 'checkout' },
      target: { previous: true },
    });
    // The revert commit is skipped as an anchor: the state to restore is still the one before step 2.
    expect(plan.target).toBe(cart2);
    expect(await renderAll(plan)).toEqual({ 'apps/checkout/route.yaml': 'canary: 5\n' });
  });
});

describe('planRevert refuses', () => {
  it.each([
    [
      'a service with no commits',
      { scope: { service: 'search' }, target: { previous: true } },
      /no Glidepath commit of service search/,
    ],
    [
      'a sha that is not on the branch',
      { scope: {}, target: { to: 'deadbeef' } },
      /not among the last 100 commits/,
    ],
    ['something that is not a sha', { scope: {}, target: { to: 'HEAD~1' } }, /not a commit sha/],
  ] as const)('%s', async (_, options, message) => {
    const { history } = scenario();
    await expect(planRevert(history, { branch: 'main', ...options })).rejects.toThrow(message);
    await expect(planRevert(history, { branch: 'main', ...options })).rejects.toBeInstanceOf(
      ConfigurationError,
    );
  });

  it('a target after which the service changed nothing', async () => {
    const { history, step2 } = scenario();
    await expect(
      planRevert(history, { branch: 'main', scope: { service: 'checkout' }, target: { to: step2 } }),
    ).rejects.toThrow(/already that of/);
  });
});
