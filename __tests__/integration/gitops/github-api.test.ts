/**
 * The GitHub API backend against the local GitHub fake (__tests__/support/github-fake/), which is
 * backed by a real bare repository and validates every request and response against GitHub's
 * published schemas. The client is production's createOctokit, with waits shrunk and the
 * one-write-a-second spacing off so that races are measured, not the queue.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createBareRepo, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';
import { ConfigurationError } from '../../../src/errors.js';
import { createOctokit, RequestCounter } from '../../../src/github/octokit.js';
import { GitHubApiWriter, type GitHubApiSettings } from '../../../src/gitops/github-api.js';
import { isQuarantined } from '../../../src/gitops/quarantine.js';
import { planRevert } from '../../../src/gitops/revert.js';
import { parseTrailers } from '../../../src/gitops/trailers.js';
import type { CommitRequest, DesiredChange } from '../../../src/gitops/types.js';

const TOKEN = 'ghs_fake_token_for_tests';
/**
 * The production backoff (full jitter over windows as long as an attempt takes) with headroom
 * beyond the default 5 attempts: ten writers released in the same millisecond are a harsher race
 * than jobs that start seconds apart, and this suite proves exactly-once, not the retry budget.
 */
const RETRY = { maxAttempts: 10 };

function setImage(path: string, image: string): DesiredChange {
  return {
    path,
    intent: `image=${image}`,
    render: (current) => (current ?? 'image: none\n').replace(/^image: .*$/m, `image: ${image}`),
  };
}

function request(changes: DesiredChange[], extra: Partial<CommitRequest> = {}): CommitRequest {
  return {
    branch: 'main',
    headline: 'Set the canary image',
    body: 'Admitted by evidence report sha256:…',
    trailers: { 'Glidepath-Rollout': 'checkout-7', 'Glidepath-Step': '1/5', 'Glidepath-Weight': '1' },
    changes,
    ...extra,
  };
}

describe('GitHubApiWriter against the GitHub fake', () => {
  let bare: TempBareRepo;
  let github: GitHubFake;
  let counter: RequestCounter;

  const writer = (settings: Partial<GitHubApiSettings> = {}) => {
    const octokit = createOctokit({
      token: TOKEN,
      baseUrl: github.url,
      retryAfterBaseMs: 1,
      spaceWrites: false,
      counter,
    });
    return new GitHubApiWriter(octokit, { repository: 'acme/gitops', retry: RETRY, ...settings });
  };

  beforeEach(async () => {
    const files = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`apps/svc-${i}/deployment.yaml`, `# svc-${i}\nimage: old\n`]),
    );
    bare = await createBareRepo({ files: { ...files, 'apps/crlf.yaml': 'a: 1\r\nimage: old\r\nb: 2' } });
    github = await startGitHubFake({ repo: 'acme/gitops', bareRepoPath: bare.path, token: TOKEN });
    counter = new RequestCounter();
  });

  afterEach(async () => {
    await github.close();
    await bare.dispose();
  });

  describe('direct (createCommitOnBranch with expectedHeadOid)', () => {
    it('commits a verified commit with trailers, in three requests', async () => {
      const before = await github.headOf('main');
      const result = await writer().commit(request([setImage('apps/svc-0/deployment.yaml', 'new')]));

      expect(result).toMatchObject({ status: 'committed', attempts: 1 });
      expect(await github.headOf('main')).toBe(result.sha);
      expect(await github.readFile('main', 'apps/svc-0/deployment.yaml')).toBe('# svc-0\nimage: new\n');
      const commit = await github.store.readCommit(result.sha);
      expect(commit.parents).toEqual([before]);
      expect(parseTrailers(commit.message)).toMatchObject({
        'Glidepath-Rollout': 'checkout-7',
        'Glidepath-Step': '1/5',
        'Glidepath-Intent': expect.stringMatching(/^sha256:/),
      });
      expect(github.count('graphql createCommitOnBranch')).toBe(1);
      expect(github.count('POST /graphql')).toBe(3);
      expect(counter.total).toBe(3);
      expect(counter.byRoute()).toEqual({
        'POST /graphql GlidepathCommit': 1,
        'POST /graphql GlidepathFiles': 1,
        'POST /graphql GlidepathHead': 1,
      });
    });

    it('keeps CRLF and a missing final newline byte for byte', async () => {
      const result = await writer().commit(
        request([
          { path: 'apps/crlf.yaml', render: (current) => current!.replace('image: old', 'image: new') },
        ]),
      );
      expect(result.status).toBe('committed');
      expect(await github.readFile('main', 'apps/crlf.yaml')).toBe('a: 1\r\nimage: new\r\nb: 2');
    });

    it('makes no commit and no mutation when nothing changes', async () => {
      const result = await writer().commit(request([setImage('apps/svc-0/deployment.yaml', 'old')]));
      expect(result).toMatchObject({ status: 'unchanged', attempts: 1 });
      expect(github.count('graphql createCommitOnBranch')).toBe(0);
    });

    it('re-reads and re-renders from intent when the head moved under it', async () => {
      const stale = github.injectStaleHead({
        path: 'apps/svc-1/deployment.yaml',
        contents: '# svc-1\nimage: old\nreplicas: 3\n',
      });
      const result = await writer().commit(request([setImage('apps/svc-1/deployment.yaml', 'v2')]));

      expect(stale.fired()).toBe(1);
      expect(result).toMatchObject({ status: 'committed', attempts: 2 });
      // The interfering edit to the same file survives: the change was rendered again on the new head.
      expect(await github.readFile('main', 'apps/svc-1/deployment.yaml')).toBe(
        '# svc-1\nimage: v2\nreplicas: 3\n',
      );
      expect(github.count('graphql createCommitOnBranch')).toBe(2);
    });

    it('does not commit twice when the mutation lands but its answer is lost', async () => {
      const before = await github.headOf('main');
      github.inject('graphql createCommitOnBranch', { kind: 'server-error', status: 502, after: true });
      const result = await writer().commit(request([setImage('apps/svc-2/deployment.yaml', 'v2')]));

      expect(result.status).toBe('already-applied');
      const head = await github.headOf('main');
      expect(result.sha).toBe(head);
      expect((await github.store.readCommit(head!)).parents).toEqual([before]);
    });

    it('does not commit twice when the connection drops after the mutation landed', async () => {
      const before = await github.headOf('main');
      github.inject('graphql createCommitOnBranch', { kind: 'disconnect', after: true });
      const result = await writer().commit(request([setImage('apps/svc-3/deployment.yaml', 'v2')]));

      expect(result.status).toBe('already-applied');
      expect((await github.store.readCommit(result.sha)).parents).toEqual([before]);
    });

    it('lands 10 concurrent writers exactly once each, losing no edit', async () => {
      const before = (await github.headOf('main'))!;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          writer().commit(
            request([setImage(`apps/svc-${i}/deployment.yaml`, `v2-${i}`)], {
              headline: `svc-${i} to v2`,
              trailers: { 'Glidepath-Service': `svc-${i}`, 'Glidepath-Rollout': `svc-${i}-1` },
            }),
          ),
        ),
      );

      expect(results.map((result) => result.status)).toEqual(Array(10).fill('committed'));
      // Walk the first-parent chain back to where we started: exactly the 10 commits, linear.
      const chain: string[] = [];
      for (let sha = (await github.headOf('main'))!; sha !== before;) {
        chain.push(sha);
        const parents = (await github.store.readCommit(sha)).parents;
        expect(parents).toHaveLength(1);
        sha = parents[0]!;
      }
      expect(new Set(chain)).toEqual(new Set(results.map((result) => result.sha)));
      for (let i = 0; i < 10; i++) {
        expect(await github.readFile('main', `apps/svc-${i}/deployment.yaml`)).toBe(
          `# svc-${i}\nimage: v2-${i}\n`,
        );
      }
      expect(github.count('graphql createCommitOnBranch')).toBe(
        results.reduce((sum, result) => sum + result.attempts, 0),
      );
    });

    it('refuses a render that throws without writing', async () => {
      const before = await github.headOf('main');
      const refused = writer().commit(
        request([
          setImage('apps/svc-4/deployment.yaml', 'v2'),
          {
            path: 'apps/svc-5/deployment.yaml',
            render: () => {
              throw new ConfigurationError('apps/svc-5/deployment.yaml:2:1: no container named "web"');
            },
          },
        ]),
      );
      await expect(refused).rejects.toThrow('no container named "web"');
      expect(await github.headOf('main')).toBe(before);
      expect(github.count('graphql createCommitOnBranch')).toBe(0);
    });

    it('names a missing branch and a wrong token as configuration problems', async () => {
      await expect(writer().commit(request([setImage('a.yaml', 'x')], { branch: 'nope' }))).rejects.toThrow(
        /branch nope does not exist in acme\/gitops/,
      );
      const wrong = new GitHubApiWriter(
        createOctokit({ token: 'ghs_wrong', baseUrl: github.url, retryAfterBaseMs: 1, spaceWrites: false }),
        { repository: 'acme/gitops' },
      );
      await expect(wrong.commit(request([setImage('a.yaml', 'x')]))).rejects.toBeInstanceOf(
        ConfigurationError,
      );
    });

    it('retries a secondary rate limit once through the throttling plugin', async () => {
      github.inject('graphql createCommitOnBranch', { kind: 'secondary-rate-limit', retryAfter: 1 });
      const result = await writer().commit(request([setImage('apps/svc-6/deployment.yaml', 'v2')]));
      expect(result.status).toBe('committed');
      expect(github.count('graphql createCommitOnBranch')).toBe(2);
    });
  });

  describe('git-data (REST blobs, tree, commit, ref update with force: false)', () => {
    it('commits through the Git data API', async () => {
      const before = await github.headOf('main');
      const result = await writer({ mode: 'git-data' }).commit(
        request([
          setImage('apps/svc-0/deployment.yaml', 'gd'),
          { path: 'apps/svc-9/deployment.yaml', render: () => undefined },
        ]),
      );
      expect(result).toMatchObject({ status: 'committed', attempts: 1 });
      expect(await github.readFile('main', 'apps/svc-0/deployment.yaml')).toBe('# svc-0\nimage: gd\n');
      expect(await github.readFile('main', 'apps/svc-9/deployment.yaml')).toBeUndefined();
      expect((await github.store.readCommit(result.sha)).parents).toEqual([before]);
      expect(github.count('PATCH /repos/{owner}/{repo}/git/refs/{ref}')).toBe(1);
      const patch = github.requests().find((record) => record.method === 'PATCH');
      expect(patch?.status).toBe(200);
    });

    it('sends force: false and re-renders after a non-fast-forward', async () => {
      const stale = github.injectStaleHead({
        path: 'apps/svc-1/deployment.yaml',
        contents: '# svc-1\nimage: old\nreplicas: 5\n',
      });
      const result = await writer({ mode: 'git-data' }).commit(
        request([setImage('apps/svc-1/deployment.yaml', 'gd')]),
      );
      expect(stale.fired()).toBe(1);
      expect(result).toMatchObject({ status: 'committed', attempts: 2 });
      expect(await github.readFile('main', 'apps/svc-1/deployment.yaml')).toBe(
        '# svc-1\nimage: gd\nreplicas: 5\n',
      );
      const patches = github.requests().filter((record) => record.method === 'PATCH');
      expect(patches.map((record) => record.status)).toEqual([422, 200]);
    });

    it('lands 10 concurrent writers exactly once each', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          writer({ mode: 'git-data' }).commit(
            request([setImage(`apps/svc-${i}/deployment.yaml`, `gd-${i}`)], { headline: `svc-${i}` }),
          ),
        ),
      );
      expect(results.map((result) => result.status)).toEqual(Array(10).fill('committed'));
      for (let i = 0; i < 10; i++) {
        expect(await github.readFile('main', `apps/svc-${i}/deployment.yaml`)).toBe(
          `# svc-${i}\nimage: gd-${i}\n`,
        );
      }
    });
  });

  describe('pull-request', () => {
    it('opens a pull request with the commit and enables auto-merge', async () => {
      const before = await github.headOf('main');
      const result = await writer({ mode: 'pull-request', pullRequest: { autoMerge: 'squash' } }).commit(
        request([setImage('apps/svc-0/deployment.yaml', 'pr')]),
      );
      expect(result.status).toBe('committed');
      expect(result.pullRequest?.number).toBeGreaterThan(0);
      expect(await github.headOf('main')).toBe(before);
      const [pull] = github.pulls();
      expect(pull).toMatchObject({
        base: 'main',
        state: 'open',
        headSha: result.sha,
        autoMerge: { mergeMethod: 'squash' },
      });
      expect(pull!.head).toMatch(/^glidepath\/checkout-7-[0-9a-f]{12}$/);
      expect(await github.readFile(pull!.head, 'apps/svc-0/deployment.yaml')).toBe('# svc-0\nimage: pr\n');

      // Running the same request again finds the pull request instead of opening another.
      const again = await writer({ mode: 'pull-request' }).commit(
        request([setImage('apps/svc-0/deployment.yaml', 'pr')]),
      );
      expect(again).toMatchObject({
        status: 'already-applied',
        sha: result.sha,
        pullRequest: result.pullRequest,
      });
      expect(github.pulls()).toHaveLength(1);

      // When the checks pass, GitHub merges it.
      expect(await github.runAutoMerge()).toEqual([pull!.number]);
      expect(await github.readFile('main', 'apps/svc-0/deployment.yaml')).toBe('# svc-0\nimage: pr\n');
    });
  });

  describe('history', () => {
    it('reads the log with trailers, files at a commit, and the paths a commit changed', async () => {
      const w = writer();
      const first = await w.commit(request([setImage('apps/svc-0/deployment.yaml', 'h1')]));
      await w.commit(request([setImage('apps/svc-1/deployment.yaml', 'h2')], { headline: 'second' }));
      const log = await w.log('main', 3);
      expect(log.map((commit) => commit.headline)).toEqual(['second', 'Set the canary image', 'Seed']);
      expect(log[0]!.parents).toEqual([first.sha]);
      expect(log[1]!.trailers['Glidepath-Rollout']).toBe('checkout-7');
      expect(await w.readFile(log[2]!.sha, 'apps/svc-0/deployment.yaml')).toBe('# svc-0\nimage: old\n');
      expect(await w.readFile('main', 'no/such/file')).toBeUndefined();
      await expect(w.readFile('f'.repeat(40), 'apps/svc-0/deployment.yaml')).rejects.toBeInstanceOf(
        ConfigurationError,
      );
      expect(await w.changedFiles(first.sha)).toEqual(['apps/svc-0/deployment.yaml']);
    });

    it('reverts one service to byte-identical files in one verified commit', async () => {
      const w = writer();
      const before = (await github.headOf('main'))!;
      const canary = `sha256:${'c'.repeat(64)}`;
      const checkout = (weight: string) =>
        request(
          [setImage('apps/svc-0/deployment.yaml', `app@${canary}`), setImage('apps/crlf.yaml', `w${weight}`)],
          {
            headline: `checkout ${weight}%`,
            trailers: {
              'Glidepath-Service': 'checkout',
              'Glidepath-Rollout': 'checkout-8',
              'Glidepath-Step': weight,
              'Glidepath-Digest': canary,
            },
          },
        );
      await w.commit(checkout('5'));
      await w.commit(
        request([setImage('apps/svc-1/deployment.yaml', 'cart-v2')], {
          headline: 'cart',
          trailers: { 'Glidepath-Service': 'cart' },
        }),
      );
      await w.commit(checkout('25'));

      const plan = await planRevert(w, {
        branch: 'main',
        scope: { service: 'checkout' },
        target: { to: before },
        reason: 'burn rate 14x',
      });
      const result = await w.commit(plan.request);
      expect(result.status).toBe('committed');
      for (const path of ['apps/svc-0/deployment.yaml', 'apps/crlf.yaml']) {
        expect((await github.store.entryAt('main', path))?.oid).toBe(
          (await github.store.entryAt(before, path))?.oid,
        );
      }
      expect(await github.readFile('main', 'apps/svc-1/deployment.yaml')).toBe('# svc-1\nimage: cart-v2\n');
      expect(
        isQuarantined(await github.readFile('main', '.glidepath/quarantine.yaml'), canary),
      ).toMatchObject({
        rollout: 'checkout-8',
        reason: 'burn rate 14x',
      });
    });
  });
});
