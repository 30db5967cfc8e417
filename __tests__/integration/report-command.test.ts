/**
 * `glidepath report` end to end: a real bare GitOps repository whose commits carry Glidepath
 * trailers at fixed committer dates, served by the smart-HTTP git remote with token auth, and an
 * application repository behind the GitHub fake whose deployments (payload.rollout) name the app
 * commit each rollout deployed. The printed figures equal the ones computed by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyUrl, reportCommand } from '../../src/cli/commands/report.js';
import type { CliIo, OptionValues } from '../../src/cli/command.js';
import { ConfigurationError, UsageError } from '../../src/errors.js';
import { formatCommitMessage } from '../../src/gitops/trailers.js';
import type { Trailers } from '../../src/gitops/types.js';
import type { DoraReport } from '../../src/report/dora.js';
import {
  createBareRepo,
  gitText,
  startGitRemote,
  type GitRemote,
  type TempBareRepo,
} from '../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../support/github-fake/index.js';
import { testOctokit } from '../support/github-fake/octokit.js';

const TOKEN = 'test-token-report';
const H = 3_600_000;

/** Appends commits to `branch` of `repo` at fixed dates (committer and author), oldest first. */
async function seedCommits(
  repo: TempBareRepo,
  commits: readonly { at: string; headline: string; trailers?: Trailers }[],
): Promise<string[]> {
  let parent = await gitText(['--git-dir', repo.path, 'rev-parse', repo.branch]);
  const tree = await gitText(['--git-dir', repo.path, 'rev-parse', `${parent}^{tree}`]);
  const shas: string[] = [];
  for (const { at, headline, trailers } of commits) {
    parent = await gitText(['--git-dir', repo.path, 'commit-tree', tree, '-p', parent, '-F', '-'], {
      input: formatCommitMessage(headline, undefined, trailers ?? {}),
      env: { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at },
    });
    shas.push(parent);
  }
  await repo.git(['update-ref', `refs/heads/${repo.branch}`, parent]);
  return shas;
}

const rollout = (service: string, id: string, extra: Trailers = {}): Trailers => ({
  'Glidepath-Rollout': id,
  'Glidepath-Service': service,
  ...extra,
});

/**
 * Period 2026-03-01T00:00Z … 2026-03-15T00:00Z (14 days, `--since 14d --until …`).
 * checkout
 *   r1  first 02-28 20:00 (before the start), promoted 03-01 04:00     gitops lead 8h
 *   r2  first 03-02 09:00, step 09:30, promoted 03-02 11:00           app commit 03-02 07:00 → lead 4h
 *   r3  first 03-04 12:00, reverted 03-04 12:30 (Verdict fail)        recovery 30m; deployment failure
 *   r4  first 03-10 10:00, promoted 03-10 14:00                       app commit 03-09 14:00 → lead 24h
 *   r5  first 03-14 22:00, step 23:00                                  in progress
 *   promotions 3: 3·7/14 = 1.5/week, 3/14/day; finished 4, reverted 1 → CFR 0.25; rollbacks 0.5/week
 *   recovery [30m] → mean = median = 1,800,000 ms
 *   lead without GitHub: [8h, 2h, 4h] → median 4h, p90 (3rd of 3) 8h
 *   lead with GitHub:    [8h (r1 has no deployment), 4h, 24h] → median 8h, p90 24h, 2 from app commits
 *   GitHub statuses of the counted rollouts: r2 success, r3 failure, r4 success → success 2, failure 1
 */
const GITOPS_HISTORY = [
  {
    at: '2026-02-28T20:00:00Z',
    headline: 'checkout 1/2',
    trailers: rollout('checkout', 'r1', { 'Glidepath-Step': '1/2' }),
  },
  {
    at: '2026-03-01T04:00:00Z',
    headline: 'checkout promoted',
    trailers: rollout('checkout', 'r1', { 'Glidepath-Verdict': 'promoted' }),
  },
  { at: '2026-03-01T05:00:00Z', headline: 'a person edits a file' },
  {
    at: '2026-03-02T09:00:00Z',
    headline: 'checkout 1/2',
    trailers: rollout('checkout', 'r2', { 'Glidepath-Step': '1/2' }),
  },
  {
    at: '2026-03-02T09:30:00Z',
    headline: 'checkout 2/2',
    trailers: rollout('checkout', 'r2', { 'Glidepath-Step': '2/2' }),
  },
  {
    at: '2026-03-02T11:00:00Z',
    headline: 'checkout promoted',
    trailers: rollout('checkout', 'r2', { 'Glidepath-Verdict': 'promoted' }),
  },
  {
    at: '2026-03-04T12:00:00Z',
    headline: 'checkout 1/2',
    trailers: rollout('checkout', 'r3', { 'Glidepath-Step': '1/2' }),
  },
  {
    at: '2026-03-04T12:30:00Z',
    headline: 'checkout reverted',
    trailers: rollout('checkout', 'r3', {
      'Glidepath-Verdict': 'fail',
      'Glidepath-Revert-Of': 'e'.repeat(40),
    }),
  },
  {
    at: '2026-03-10T10:00:00Z',
    headline: 'checkout 1/2',
    trailers: rollout('checkout', 'r4', { 'Glidepath-Step': '1/2' }),
  },
  {
    at: '2026-03-10T14:00:00Z',
    headline: 'checkout promoted',
    trailers: rollout('checkout', 'r4', { 'Glidepath-Verdict': 'promoted' }),
  },
  {
    at: '2026-03-14T22:00:00Z',
    headline: 'checkout 1/2',
    trailers: rollout('checkout', 'r5', { 'Glidepath-Step': '1/2' }),
  },
  {
    at: '2026-03-14T23:00:00Z',
    headline: 'checkout 2/2',
    trailers: rollout('checkout', 'r5', { 'Glidepath-Step': '2/2' }),
  },
];

const PERIOD_FLAGS = { since: '14d', until: '2026-03-15T00:00:00Z' };

describe('glidepath report', () => {
  let gitops: TempBareRepo;
  let empty: TempBareRepo;
  let app: TempBareRepo;
  let remote: GitRemote;
  let github: GitHubFake;
  let dir: string;
  let policy: string;
  let emptyPolicy: string;

  function policyFile(name: string, repo: string): string {
    const file = join(dir, name);
    writeFileSync(
      file,
      [
        'service: checkout',
        'environment: production',
        'desired:',
        `  repo: ${repo}`,
        '  branch: main',
        '  targets:',
        '    - { kind: deployment, path: apps/checkout/deployment.yaml, container: app }',
        '',
      ].join('\n'),
    );
    return file;
  }

  async function report(values: OptionValues, env: Record<string, string>) {
    const out: string[] = [];
    const io: CliIo = {
      stdout: (text) => out.push(text),
      stderr: () => undefined,
      cwd: dir,
      now: () => new Date('2026-06-01T00:00:00Z'),
      env,
    };
    const status = await reportCommand.run(values, io);
    return { status, stdout: out.join('') };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'glidepath-report-test-'));
    gitops = await createBareRepo({ files: { 'apps/checkout/deployment.yaml': 'kind: Deployment\n' } });
    empty = await createBareRepo({ files: { 'README.md': 'gitops\n' } });
    await seedCommits(gitops, GITOPS_HISTORY);
    remote = await startGitRemote({
      repos: { 'acme/gitops': gitops.path, 'acme/empty': empty.path },
      token: TOKEN,
    });
    policy = policyFile('policy.yaml', remote.url('acme/gitops'));
    emptyPolicy = policyFile('empty.yaml', remote.url('acme/empty'));

    app = await createBareRepo({ files: { 'src/main.ts': 'export {};\n' } });
    const [c2, c3, c4] = await seedCommits(app, [
      { at: '2026-03-02T07:00:00Z', headline: 'feat: r2 change' },
      { at: '2026-03-04T08:00:00Z', headline: 'feat: r3 change' },
      { at: '2026-03-09T14:00:00Z', headline: 'feat: r4 change' },
    ]);
    github = await startGitHubFake({ repo: 'acme/app', bareRepoPath: app.path, token: TOKEN });
    const { octokit } = testOctokit(github);
    const deployments: [string, string, 'success' | 'failure'][] = [
      ['r2', c2!, 'success'],
      ['r3', c3!, 'failure'],
      ['r4', c4!, 'success'],
      // Another environment's deployment of r4 must not be read.
      ['r4', c2!, 'failure'],
    ];
    for (const [index, [id, sha, state]] of deployments.entries()) {
      const created = await octokit.rest.repos.createDeployment({
        owner: 'acme',
        repo: 'app',
        ref: sha,
        environment: index === 3 ? 'staging' : 'production',
        auto_merge: false,
        required_contexts: [],
        payload: { rollout: id, digest: `sha256:${'0'.repeat(64)}` },
      });
      if (!('id' in created.data)) throw new Error('deployment not created');
      await octokit.rest.repos.createDeploymentStatus({
        owner: 'acme',
        repo: 'app',
        deployment_id: Number(created.data.id),
        state: 'in_progress',
      });
      await octokit.rest.repos.createDeploymentStatus({
        owner: 'acme',
        repo: 'app',
        deployment_id: Number(created.data.id),
        state,
      });
    }
  });

  afterAll(async () => {
    await remote?.close();
    await github?.close();
    await Promise.all([gitops?.dispose(), empty?.dispose(), app?.dispose()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes the hand-computed figures from the GitOps history alone (--json)', async () => {
    const { status, stdout } = await report(
      { policy, json: true, ...PERIOD_FLAGS },
      { GLIDEPATH_TOKEN: TOKEN },
    );
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as DoraReport & { period: { since: string; until: string } };
    expect(json.period).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-03-15T00:00:00.000Z',
      days: 14,
    });
    expect(json.services).toEqual([
      {
        service: 'checkout',
        promotions: 3,
        reverted: 1,
        finished: 4,
        inProgress: 1,
        deploymentFrequency: { perDay: 3 / 14, perWeek: 1.5 },
        changeFailureRate: 0.25,
        rollbackFrequency: { perWeek: 0.5 },
        recovery: { count: 1, meanMs: 1_800_000, medianMs: 1_800_000 },
        leadTime: { count: 3, medianMs: 4 * H, p90Ms: 8 * H, fromAppCommit: 0 },
        weeks: [
          { start: '2026-03-01T00:00:00.000Z', promotions: 2, reverts: 1 },
          { start: '2026-03-08T00:00:00.000Z', promotions: 1, reverts: 0 },
        ],
      },
    ]);
  });

  it("starts lead time at the deployment's app commit when GitHub data is given", async () => {
    const { stdout } = await report(
      { policy, json: true, ...PERIOD_FLAGS },
      { GLIDEPATH_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: github.url },
    );
    const [checkout] = (JSON.parse(stdout) as DoraReport).services;
    expect(checkout!.leadTime).toEqual({ count: 3, medianMs: 8 * H, p90Ms: 24 * H, fromAppCommit: 2 });
    expect(checkout!.deploymentStatuses).toEqual({ success: 2, failure: 1 });
    // The figures that do not depend on GitHub are unchanged.
    expect(checkout).toMatchObject({
      promotions: 3,
      changeFailureRate: 0.25,
      recovery: { meanMs: 1_800_000 },
    });
  });

  it('prints text by default and markdown with a mermaid chart on --markdown', async () => {
    const text = (await report({ policy, ...PERIOD_FLAGS }, { GLIDEPATH_TOKEN: TOKEN })).stdout;
    expect(text).toContain('DORA figures for 2026-03-01T00:00:00.000Z … 2026-03-15T00:00:00.000Z (14 days)');
    expect(text).toContain('25.0% (1 reverted of 4 finished; 1 in progress)');
    expect(text).toContain('mean 30m, median 30m (1 reverts)');
    const markdown = (await report({ policy, markdown: true, ...PERIOD_FLAGS }, { GLIDEPATH_TOKEN: TOKEN }))
      .stdout;
    expect(markdown).toContain('| checkout | 3 | 1.50 | 25.0% (1/4) | 30m / 30m | 0.50 | 4h / 8h | 1 |');
    expect(markdown).toContain('  bar [2, 1]\n  line [1, 0]');
  });

  it('moves with --since as an ISO time: a period that starts after r1 and r2', async () => {
    // 03-03 … 03-15: promotions r4 only; finished r3 and r4 → CFR 1/2; 12 days.
    const { stdout } = await report(
      { policy, json: true, since: '2026-03-03T00:00:00Z', until: PERIOD_FLAGS.until },
      { GLIDEPATH_TOKEN: TOKEN },
    );
    const json = JSON.parse(stdout) as DoraReport;
    expect(json.period.days).toBe(12);
    expect(json.services[0]).toMatchObject({
      promotions: 1,
      finished: 2,
      reverted: 1,
      changeFailureRate: 0.5,
    });
  });

  it('reports no rollouts on a branch without Glidepath commits', async () => {
    const { status, stdout } = await report(
      { policy: emptyPolicy, ...PERIOD_FLAGS },
      { GLIDEPATH_TOKEN: TOKEN },
    );
    expect(status).toBe(0);
    expect(stdout).toContain('no Glidepath rollout on the branch before the end of the period');
  });

  it('reads the GitOps history with GLIDEPATH_GITOPS_TOKEN before GLIDEPATH_TOKEN', async () => {
    const { status, stdout } = await report(
      { policy, json: true, ...PERIOD_FLAGS },
      { GLIDEPATH_GITOPS_TOKEN: TOKEN, GLIDEPATH_TOKEN: 'token-of-the-app-repository' },
    );
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as DoraReport).services[0]).toMatchObject({ promotions: 3, reverted: 1 });
  });

  it('says what to fix when the token is refused, without printing it', async () => {
    const attempt = report({ policy, ...PERIOD_FLAGS }, { GLIDEPATH_TOKEN: 'wrong-token-xyz' });
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(/contents: read/);
    await expect(attempt).rejects.not.toThrow(/wrong-token-xyz/);
  });

  it.each([
    [{ since: 'last week' }, /--since "last week" is not a time/],
    [{ until: 'tomorrow' }, /--until "tomorrow" is not a time/],
    [{ since: '2026-04-01T00:00:00Z', until: '2026-03-01T00:00:00Z' }, /must be before --until/],
    [{ json: true, markdown: true }, /at most one of --json and --markdown/],
  ])('refuses bad flags %p', async (flags, message) => {
    await expect(report({ policy, ...flags }, { GLIDEPATH_TOKEN: TOKEN })).rejects.toThrow(UsageError);
    await expect(report({ policy, ...flags }, { GLIDEPATH_TOKEN: TOKEN })).rejects.toThrow(message);
  });

  it.each([
    // The git backend fetches desired.repo itself; the github backend goes through GitHub's git URL.
    [
      { backend: 'git', repo: 'https://git.example/acme/gitops.git' },
      {},
      'https://git.example/acme/gitops.git',
    ],
    [{ backend: 'github', repo: 'acme/gitops' }, {}, 'https://github.com/acme/gitops.git'],
    [
      { backend: 'github', repo: 'acme/gitops' },
      { GITHUB_SERVER_URL: 'https://ghe.example/' },
      'https://ghe.example/acme/gitops.git',
    ],
  ] as const)('reads %p from %p at %s', (desired, env, url) => {
    expect(historyUrl({ ...desired } as Parameters<typeof historyUrl>[0], env)).toBe(url);
  });
});
