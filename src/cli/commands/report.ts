/**
 * `glidepath report` (issue 6 "report"): DORA figures per service over a period, read from the
 * GitOps branch's Glidepath commits and, with GITHUB_REPOSITORY, a token and the policy's
 * `environment`, from that environment's GitHub deployments (the application commit each rollout
 * deployed, for lead time, and the deployment's newest status). The figures and their definitions
 * are src/report/dora.ts; this file reads the history and prints.
 *
 * Why the history is read here and not through DesiredStateWriter.log: a report needs every
 * commit's time and the whole period (months of history, hundreds of commits), while the writer's
 * log returns the newest n commits without times (the GitHub backend at most 100). So the branch
 * is fetched once with git — also when `desired.backend` is github, over
 * `GITHUB_SERVER_URL/owner/name.git` — which costs one request however long the period, and no
 * API rate limit.
 *
 * Credentials (as in gitops/local-git.ts): the token travels only as an `http.<url>.extraheader`
 * set through GIT_CONFIG_COUNT/KEY/VALUE environment variables, scoped to the remote's URL; never
 * in a URL, on a command line or in a config file; git's messages are scrubbed of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from '../../config/duration.js';
import type { DesiredPolicy } from '../../config/types.js';
import { ConfigurationError, ExitCode, TransientError, UsageError } from '../../errors.js';
import { spawnGit, type GitRunner } from '../../gitops/git-command.js';
import { gitConfigEnv, redactUrl } from '../../gitops/local-git.js';
import { parseTrailers } from '../../gitops/trailers.js';
import { createOctokit, type GlidepathOctokit } from '../../github/octokit.js';
import {
  computeDora,
  doraJson,
  doraMarkdown,
  doraText,
  rolloutHistories,
  type DatedCommit,
  type DeploymentFacts,
  type ReportPeriod,
  type RolloutHistory,
} from '../../report/dora.js';
import type { Command, OptionValues } from '../command.js';
import { GITOPS_OPTIONS, gitopsPolicy, gitopsToken } from './gitops-options.js';
import { githubCall, payloadOf } from '../../github/deployments.js';

/** What the report's GitHub token needs. */
const READ_ACCESS = 'deployments: read and contents: read';

/** The default `--since`. */
const DEFAULT_SINCE = '90d';
/** Deployment pages read at most (100 each), newest first. */
const MAX_DEPLOYMENT_PAGES = 10;

export const reportCommand: Omit<Command, 'summary'> = {
  name: 'report',
  description: [
    "Prints DORA figures per service for a period, from the GitOps branch's Glidepath commits: deployment",
    'frequency (promotions per day and week), change failure rate (reverted ÷ finished rollouts), failed',
    'deployment recovery time (the rollout’s first commit to its revert commit; mean and median), rollback',
    'frequency (reverts per week) and lead time (change → promotion record; median and p90).',
    '',
    "With GITHUB_REPOSITORY, a token (GLIDEPATH_TOKEN or GITHUB_TOKEN, deployments: read) and the policy's",
    "environment, lead time starts at the application commit the rollout's GitHub deployment names;",
    "otherwise at the rollout's first GitOps commit. Definitions and sources: src/report/dora.ts.",
    '',
    'Exit status: 0, 2 bad usage or policy, 3 the host kept failing.',
  ].join('\n'),
  options: [
    ...GITOPS_OPTIONS,
    {
      name: 'since',
      type: 'string',
      placeholder: 'DURATION|TIME',
      description: `start of the period: a duration before --until (90d, 2w) or an ISO time (default ${DEFAULT_SINCE})`,
    },
    {
      name: 'until',
      type: 'string',
      placeholder: 'TIME',
      description: 'end of the period, exclusive, as an ISO time (default now)',
    },
    {
      name: 'markdown',
      type: 'boolean',
      description: 'print markdown: a table and a mermaid chart per service',
    },
  ],
  examples: [
    'glidepath report --policy glidepath.yaml',
    'glidepath report --policy glidepath.yaml --since 30d --markdown >> "$GITHUB_STEP_SUMMARY"',
    'glidepath report --repo ../gitops --since 2026-01-01T00:00:00Z --until 2026-04-01T00:00:00Z --json',
  ],
  async run(values, io) {
    if (values.json && values.markdown) throw new UsageError('give at most one of --json and --markdown');
    const period = reportPeriod(values, io.now());
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    const env = io.env ?? {};
    const gitops = gitopsToken(env);
    const log = await readDatedHistory({
      branch: desired.branch,
      ...(checkout ? { checkout } : { url: historyUrl(desired, env) }),
      ...(gitops ? { token: gitops } : {}),
    });
    // Deployments are the workflow repository's: never GLIDEPATH_GITOPS_TOKEN.
    const token = env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN || undefined;
    let rollouts = rolloutHistories(log);
    const repository = env.GITHUB_REPOSITORY;
    if (token && repository && policy.environment) {
      const [owner = '', repo = ''] = repository.split('/');
      const octokit = createOctokit({
        token,
        ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
      });
      const facts = await readDeploymentFacts(
        octokit,
        { owner, repo, environment: policy.environment },
        new Set(rollouts.map((rollout) => rollout.id)),
      );
      rollouts = withDeployments(rollouts, facts);
    }
    const report = computeDora(rollouts, period);
    io.stdout(values.json ? doraJson(report) : values.markdown ? doraMarkdown(report) : doraText(report));
    return ExitCode.ok;
  },
};

/** The period `--since` and `--until` describe, `now` being the default end. */
export function reportPeriod(values: OptionValues, now: Date): ReportPeriod {
  const untilText = values.until as string | undefined;
  const until = untilText === undefined ? now : parseTime(untilText, '--until');
  const sinceText = ((values.since as string | undefined) ?? DEFAULT_SINCE).trim();
  const since = /^\d+(\.\d+)?(ms|s|m|h|d|w)$/.test(sinceText)
    ? new Date(until.getTime() - Duration.parse(sinceText, '--since').milliseconds)
    : parseTime(sinceText, '--since');
  if (since.getTime() >= until.getTime()) {
    throw new UsageError(
      `--since (${since.toISOString()}) must be before --until (${until.toISOString()}); give a positive duration or an earlier time`,
    );
  }
  return { since, until };
}

function parseTime(text: string, flag: string): Date {
  // Only ISO 8601 with a date: Date.parse would also take "March 3" in the local time zone.
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) {
    throw new UsageError(
      `${flag} "${text}" is not a time; write an ISO time such as 2026-01-31T00:00:00Z${flag === '--since' ? ' or a duration such as 90d' : ''}`,
    );
  }
  return at;
}

/** Where git fetches the branch from: desired.repo, or the GitHub repository's git URL for the github backend. */
export function historyUrl(
  desired: DesiredPolicy,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (desired.backend !== 'github') return desired.repo;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${desired.repo}.git`;
}

/** Where the branch is read from. */
export interface HistorySource {
  branch: string;
  /** A git URL or path, fetched into a private bare repository… */
  url?: string;
  /** …or an existing checkout, fetched from its `origin` into a private ref removed afterwards. */
  checkout?: string;
  /** For HTTP(S) remotes; see the module comment. */
  token?: string;
}

/**
 * Every commit reachable from `branch` that carries a Glidepath-Rollout trailer, with its committer
 * time. All parents are followed, not only the first: in pull-request mode the rollout's commits
 * reach the branch through merges.
 */
export async function readDatedHistory(
  source: HistorySource,
  git: GitRunner = spawnGit,
): Promise<DatedCommit[]> {
  const scratch = source.checkout ? undefined : await mkdtemp(join(tmpdir(), 'glidepath-report-'));
  const cwd = source.checkout ?? join(scratch!, 'repo.git');
  const ref = `refs/glidepath-report/${randomBytes(6).toString('hex')}`;
  const secrets: string[] = [];
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  try {
    if (scratch)
      await mustRun(git, ['init', '--quiet', '--bare', cwd], scratch, 'create a private repository', scrub);
    let remote = source.url ?? 'origin';
    let remoteUrl = source.url;
    if (source.checkout) {
      const url = await git(['remote', 'get-url', 'origin'], { cwd });
      if (url.code !== 0) {
        throw new ConfigurationError(
          `the checkout at ${cwd} has no remote "origin"; add it (git remote add origin URL) or pass the repository's URL with --repo`,
        );
      }
      remoteUrl = url.stdout.toString('utf8').trim();
      remote = 'origin';
    }
    const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
    if (source.token && remoteUrl && /^https?:\/\//i.test(remoteUrl)) {
      const basic = Buffer.from(`x-access-token:${source.token}`).toString('base64');
      secrets.push(source.token, basic);
      Object.assign(
        env,
        gitConfigEnv([
          [`http.${remoteUrl}.extraheader`, ''],
          [`http.${remoteUrl}.extraheader`, `AUTHORIZATION: basic ${basic}`],
          ['credential.helper', ''],
        ]),
      );
    }
    const fetched = await git(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        remote,
        `+refs/heads/${source.branch}:${ref}`,
      ],
      { cwd, env, timeoutMs: 300_000 },
    );
    const where = source.checkout ? `remote "origin" of ${source.checkout}` : redactUrl(remote);
    if (fetched.code !== 0) {
      const detail = scrub(fetched.stderr.trim()) || `exit status ${fetched.code}`;
      if (/couldn't find remote ref/i.test(fetched.stderr)) {
        throw new ConfigurationError(
          `branch ${source.branch} does not exist in ${where}; set desired.branch to the GitOps branch`,
        );
      }
      if (
        /authentication failed|could not read (username|password)|returned error: 40[134]|not found|does not appear to be a git repository/i.test(
          fetched.stderr,
        )
      ) {
        throw new ConfigurationError(
          `cannot read ${where}: ${detail}; check the URL and that GLIDEPATH_TOKEN (or GITHUB_TOKEN) can read the repository (contents: read)`,
        );
      }
      throw new TransientError(
        `fetching ${source.branch} from ${where} failed: ${detail}; run the command again`,
      );
    }
    const log = await mustRun(
      git,
      ['log', '-i', '--grep=^glidepath-rollout:', '--format=%H%x00%cI%x00%B%x00%x1e', ref, '--'],
      cwd,
      'read the branch history',
      scrub,
    );
    return log.stdout
      .toString('utf8')
      .split('\x1e')
      .map((record) => record.replace(/^\n/, ''))
      .filter(Boolean)
      .map((record) => {
        const [sha = '', at = '', message = ''] = record.split('\0');
        return { sha, at: new Date(at), trailers: parseTrailers(message) };
      });
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    else await git(['update-ref', '-d', ref], { cwd }).catch(() => undefined);
  }
}

async function mustRun(
  git: GitRunner,
  args: readonly string[],
  cwd: string,
  what: string,
  scrub: (text: string) => string,
) {
  const result = await git(args, { cwd });
  if (result.code !== 0) {
    throw new TransientError(`git could not ${what} in ${cwd}: ${scrub(result.stderr.trim())}`);
  }
  return result;
}

/** The rollouts with their GitHub deployment facts attached. */
export function withDeployments(
  rollouts: readonly RolloutHistory[],
  facts: ReadonlyMap<string, DeploymentFacts>,
): RolloutHistory[] {
  return rollouts.map((rollout) => {
    const deployment = facts.get(rollout.id);
    return deployment ? { ...rollout, deployment } : rollout;
  });
}

/**
 * For each rollout in `rollouts` with a deployment in `where.environment` (its payload names the
 * rollout; the newest one when a rollout has several): the application commit, that commit's date
 * and the deployment's newest status. Reads at most MAX_DEPLOYMENT_PAGES pages of deployments, then
 * two requests per matched rollout.
 */
export async function readDeploymentFacts(
  octokit: GlidepathOctokit,
  where: { owner: string; repo: string; environment: string },
  rollouts: ReadonlySet<string>,
): Promise<Map<string, DeploymentFacts>> {
  const { owner, repo, environment } = where;
  const matched = new Map<string, { id: number; sha: string }>();
  for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page++) {
    const response = await githubCall(
      'list deployments',
      where,
      () => octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100, page }),
      READ_ACCESS,
    );
    for (const deployment of response.data) {
      const rollout = payloadOf(deployment.payload)?.rollout;
      if (rollout && rollouts.has(rollout) && !matched.has(rollout)) {
        matched.set(rollout, { id: Number(deployment.id), sha: deployment.sha });
      }
    }
    if (response.data.length < 100 || matched.size === rollouts.size) break;
  }
  const facts = new Map<string, DeploymentFacts>();
  const dates = new Map<string, Date | undefined>();
  for (const [rollout, { id, sha }] of matched) {
    const statuses = await githubCall(
      'list deployment statuses',
      where,
      () => octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id, per_page: 1 }),
      READ_ACCESS,
    );
    if (!dates.has(sha)) {
      const commit = await githubCall(
        `read commit ${sha}`,
        where,
        () => octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: 1 }),
        READ_ACCESS,
      );
      const date = commit.data.commit.committer?.date;
      dates.set(sha, date ? new Date(date) : undefined);
    }
    const committedAt = dates.get(sha);
    const state = statuses.data[0]?.state;
    facts.set(rollout, { sha, ...(committedAt ? { committedAt } : {}), ...(state ? { state } : {}) });
  }
  return facts;
}
