/**
 * DORA figures for `glidepath report` (issue 6 "report"): deployment frequency, change failure
 * rate, failed deployment recovery time (the "mean time to recover"), rollback frequency and lead
 * time, per service, read from the GitOps branch's Glidepath commits (DESIGN.md "State": the
 * history is the record) and, when given, the application commits GitHub's deployments name.
 *
 * Definitions (all times are commit times on the GitOps branch unless said otherwise):
 * - A rollout is the commits sharing one `Glidepath-Rollout` trailer. It is **promoted** by the
 *   commit carrying `Glidepath-Verdict: promoted` (gitops/promotion.ts: the last step was judged),
 *   **reverted** by a commit carrying `Glidepath-Revert-Of`, and otherwise **in progress**. Only
 *   commits before the period's end count, so a report for a past period reads as it would have
 *   then; a rollout that began before the period's start counts where its events fall.
 * - **Deployment frequency**: promotion records inside the period, per day and per week.
 * - **Change failure rate**: reverted ÷ finished, over the rollouts that finished inside the period
 *   (a rollout finishes at its revert, or else at its promotion). In-progress rollouts are left out
 *   of both counts: their outcome is not known yet. A rollout promoted and later reverted is a
 *   failed change (and its promotion still counted as a deployment).
 * - **Failed deployment recovery time** ("mean time to recover"): for each rollout reverted inside
 *   the period, its revert commit − its first commit. DORA's 2023 State of DevOps report renamed
 *   "time to restore service" to "failed deployment recovery time", the time to recover from a
 *   deployment that failed in production; Apache DevLake's DORA documentation
 *   (devlake.apache.org/docs/Metrics/FailedDeploymentRecoveryTime) measures it "from deployment to
 *   the incident corresponding to deployment is resolved". Impact therefore starts when the failed
 *   change first reached production — the rollout's first desired-state commit, which put the
 *   canary in front of users — and ends with restoration, the revert commit that writes the earlier
 *   state back. Detection time is not the start: Glidepath detects and reverts in one commit, so
 *   "detection → restoration" would always read as zero and hide the exposure. Both ends are
 *   desired-state times; the cluster's reconcile delay is not observed here (the same on both ends
 *   for a GitOps agent that polls). Mean and median are given; the mean is what the metric's old
 *   name promises, the median is what DORA's survey buckets compare against.
 * - **Rollback frequency**: revert commits of rollouts inside the period, per week (the rate
 *   beside the ratio: ten failures of a thousand and ten of twenty rate alike here).
 * - **Lead time for changes**: for each promotion inside the period, from the change's commit to
 *   its promotion record (100%, judged). The change's commit is the application commit GitHub's
 *   deployment for the rollout names (its committer date) when GitHub data is given; otherwise the
 *   rollout's first GitOps commit (which then measures the delivery alone, not review and build).
 *   Median (the mean of the two middle values for an even count) and p90 (nearest rank: the
 *   ⌈0.9·n⌉-th smallest).
 * - Weeks for the charts are seven-day buckets from the period's start; the last may be shorter.
 *
 * Markdown hazards: service names and rollout ids come from commit trailers, so every one goes
 * through `cell` (tables) or `label` (mermaid) before it is printed.
 */
import { median } from '../analysis/history.js';
import type { Trailers } from '../gitops/types.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The service name used for rollouts whose commits name none. */
export const NO_SERVICE = '(no service)';

/** A commit of the GitOps branch with its committer time and its Glidepath trailers. */
export interface DatedCommit {
  sha: string;
  /** Committer time: when the commit was made on the branch. */
  at: Date;
  trailers: Trailers;
}

/** What GitHub says of a rollout's deployment (its payload names the rollout). */
export interface DeploymentFacts {
  /** The application commit deployed (the deployment's `sha`). */
  sha: string;
  /** That commit's committer date; undefined when GitHub could not tell. */
  committedAt?: Date;
  /** The deployment's newest status (`success`, `failure`, `error`, …); undefined when it has none. */
  state?: string;
}

/** One rollout as the branch tells it, commits oldest first. */
export interface RolloutHistory {
  id: string;
  /** The `Glidepath-Service` trailer, or NO_SERVICE. */
  service: string;
  /** The rollout's commits, oldest first. */
  commits: DatedCommit[];
  /** GitHub's deployment for the rollout, when GitHub data was read. */
  deployment?: DeploymentFacts;
}

/** The half-open interval [since, until) the report covers. */
export interface ReportPeriod {
  since: Date;
  until: Date;
}

/** A median and a 90th percentile, in milliseconds; undefined without samples. */
export interface Spread {
  /** Samples behind the figures. */
  count: number;
  medianMs?: number;
  p90Ms?: number;
}

/** Counts of one seven-day bucket of the period. */
export interface WeekCounts {
  /** The bucket's first instant. */
  start: Date;
  promotions: number;
  reverts: number;
}

/** The figures of one service. */
export interface ServiceDora {
  service: string;
  /** Promotion records inside the period. */
  promotions: number;
  /** Rollouts reverted inside the period. */
  reverted: number;
  /** Rollouts that finished (promoted or reverted) inside the period. */
  finished: number;
  /** Rollouts with commits before the period's end that had neither promoted nor reverted by then. */
  inProgress: number;
  deploymentFrequency: { perDay: number; perWeek: number };
  /** reverted ÷ finished; undefined when nothing finished. */
  changeFailureRate?: number;
  /** Reverts per week. */
  rollbackFrequency: { perWeek: number };
  /** Failed deployment recovery time (see the module comment); undefined figures without reverts. */
  recovery: { count: number; meanMs?: number; medianMs?: number };
  /** Lead time for changes, with how many samples started at an application commit. */
  leadTime: Spread & { fromAppCommit: number };
  /** GitHub deployments' newest statuses of the rollouts counted, by state; absent without GitHub data. */
  deploymentStatuses?: Record<string, number>;
  weeks: WeekCounts[];
}

/** The whole report. */
export interface DoraReport {
  period: { since: Date; until: Date; days: number };
  /** One entry per service with a rollout event before the period's end, sorted by name. */
  services: ServiceDora[];
}

/**
 * Rollouts from a dated log (any order): the commits carrying `Glidepath-Rollout`, grouped by it,
 * oldest first. Commits without that trailer (other tools, people) are not rollouts and are left out.
 */
export function rolloutHistories(log: readonly DatedCommit[]): RolloutHistory[] {
  const byId = new Map<string, DatedCommit[]>();
  for (const commit of log) {
    const id = commit.trailers['Glidepath-Rollout'];
    if (id === undefined) continue;
    const list = byId.get(id) ?? [];
    list.push(commit);
    byId.set(id, list);
  }
  return [...byId].map(([id, commits]) => {
    const sorted = [...commits].sort((a, b) => a.at.getTime() - b.at.getTime());
    const service = sorted.find((commit) => commit.trailers['Glidepath-Service'])?.trailers[
      'Glidepath-Service'
    ];
    return { id, service: service ?? NO_SERVICE, commits: sorted };
  });
}

/** What one rollout did, as of the period's end. */
interface RolloutEvents {
  start: Date;
  promotedAt?: Date;
  revertedAt?: Date;
}

function eventsOf(rollout: RolloutHistory, until: Date): RolloutEvents | undefined {
  const seen = rollout.commits.filter((commit) => commit.at.getTime() < until.getTime());
  const first = seen[0];
  if (!first) return undefined;
  const promoted = seen.find((commit) => commit.trailers['Glidepath-Verdict'] === 'promoted');
  const reverted = seen.find((commit) => commit.trailers['Glidepath-Revert-Of'] !== undefined);
  return {
    start: first.at,
    ...(promoted ? { promotedAt: promoted.at } : {}),
    ...(reverted ? { revertedAt: reverted.at } : {}),
  };
}

/** The DORA figures of `rollouts` over `period`; see the module comment for each definition. */
export function computeDora(rollouts: readonly RolloutHistory[], period: ReportPeriod): DoraReport {
  const since = period.since.getTime();
  const until = period.until.getTime();
  if (!(until > since)) {
    throw new RangeError(
      `the report period must end after it starts; got ${period.since.toISOString()} … ${period.until.toISOString()}`,
    );
  }
  const days = (until - since) / DAY_MS;
  const inside = (at: Date | undefined): at is Date =>
    at !== undefined && at.getTime() >= since && at.getTime() < until;

  const services = new Map<string, { rollout: RolloutHistory; events: RolloutEvents }[]>();
  for (const rollout of rollouts) {
    const events = eventsOf(rollout, period.until);
    if (!events) continue;
    const list = services.get(rollout.service) ?? [];
    list.push({ rollout, events });
    services.set(rollout.service, list);
  }

  const weekCount = Math.ceil((until - since) / WEEK_MS);
  const result: ServiceDora[] = [];
  for (const [service, entries] of [...services].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const weeks: WeekCounts[] = Array.from({ length: weekCount }, (_, index) => ({
      start: new Date(since + index * WEEK_MS),
      promotions: 0,
      reverts: 0,
    }));
    const bucket = (at: Date) => weeks[Math.floor((at.getTime() - since) / WEEK_MS)]!;
    let promotions = 0;
    let reverted = 0;
    let finished = 0;
    let inProgress = 0;
    const recoveries: number[] = [];
    const leadTimes: number[] = [];
    let fromAppCommit = 0;
    const statuses: Record<string, number> = {};
    let sawGitHub = false;

    for (const { rollout, events } of entries) {
      const { start, promotedAt, revertedAt } = events;
      if (!promotedAt && !revertedAt) inProgress++;
      const end = revertedAt ?? promotedAt;
      if (inside(end)) {
        finished++;
        if (revertedAt) {
          reverted++;
          recoveries.push(revertedAt.getTime() - start.getTime());
          bucket(revertedAt).reverts++;
        }
      }
      if (inside(promotedAt)) {
        promotions++;
        bucket(promotedAt).promotions++;
        const appCommit = rollout.deployment?.committedAt;
        if (appCommit) fromAppCommit++;
        leadTimes.push(promotedAt.getTime() - (appCommit ?? start).getTime());
      }
      if (rollout.deployment && (inside(end) || inside(promotedAt))) {
        sawGitHub = true;
        const state = rollout.deployment.state ?? 'none';
        statuses[state] = (statuses[state] ?? 0) + 1;
      }
    }

    const lead = spread(leadTimes);
    result.push({
      service,
      promotions,
      reverted,
      finished,
      inProgress,
      deploymentFrequency: { perDay: promotions / days, perWeek: (promotions * 7) / days },
      ...(finished > 0 ? { changeFailureRate: reverted / finished } : {}),
      rollbackFrequency: { perWeek: (reverted * 7) / days },
      recovery: {
        count: recoveries.length,
        ...(recoveries.length > 0
          ? { meanMs: recoveries.reduce((sum, value) => sum + value, 0) / recoveries.length }
          : {}),
        ...(recoveries.length > 0 ? { medianMs: median(recoveries) } : {}),
      },
      leadTime: { ...lead, fromAppCommit },
      ...(sawGitHub ? { deploymentStatuses: statuses } : {}),
      weeks,
    });
  }
  return { period: { since: period.since, until: period.until, days }, services: result };
}

/** Median (mean of the middle two for an even count) and nearest-rank p90 of `values`. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const p90Ms = sorted[Math.ceil(0.9 * n) - 1]!;
  return { count: n, medianMs: median(sorted), p90Ms };
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/** A length of time for people, its two largest units (`2d 3h`, `45m`, `1m 12s`); `-` when undefined. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '-';
  const seconds = Math.round(ms / 1000);
  const parts: [string, number][] = [
    ['d', Math.floor(seconds / 86_400)],
    ['h', Math.floor((seconds % 86_400) / 3_600)],
    ['m', Math.floor((seconds % 3_600) / 60)],
    ['s', seconds % 60],
  ];
  const first = parts.findIndex(([, value]) => value > 0);
  if (first < 0) return '0s';
  return parts
    .slice(first, first + 2)
    .filter(([, value]) => value > 0)
    .map(([unit, value]) => `${value}${unit}`)
    .join(' ');
}

function rate(value: number): string {
  return value.toFixed(2);
}

function percent(value: number | undefined): string {
  return value === undefined ? '-' : `${(value * 100).toFixed(1)}%`;
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function periodLine(report: DoraReport): string {
  return `${report.period.since.toISOString()} … ${report.period.until.toISOString()} (${+report.period.days.toFixed(2)} days)`;
}

/** The terminal text: one paragraph per service. */
export function doraText(report: DoraReport): string {
  const lines = [`DORA figures for ${periodLine(report)}`];
  if (report.services.length === 0) {
    lines.push('no Glidepath rollout on the branch before the end of the period', '');
    return lines.join('\n');
  }
  for (const s of report.services) {
    lines.push(
      '',
      `${s.service}`,
      `  deployment frequency   ${s.promotions} promotions: ${rate(s.deploymentFrequency.perDay)}/day, ${rate(s.deploymentFrequency.perWeek)}/week`,
      `  change failure rate    ${percent(s.changeFailureRate)} (${s.reverted} reverted of ${s.finished} finished; ${s.inProgress} in progress)`,
      `  recovery time          mean ${formatDuration(s.recovery.meanMs)}, median ${formatDuration(s.recovery.medianMs)} (${s.recovery.count} reverts)`,
      `  rollback frequency     ${rate(s.rollbackFrequency.perWeek)}/week`,
      `  lead time              median ${formatDuration(s.leadTime.medianMs)}, p90 ${formatDuration(s.leadTime.p90Ms)} (${s.leadTime.count} changes, ${s.leadTime.fromAppCommit} from the app commit)`,
    );
    if (s.deploymentStatuses) lines.push(`  GitHub deployments     ${statusList(s.deploymentStatuses)}`);
  }
  lines.push('');
  return lines.join('\n');
}

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([state, count]) => `${state} ${count}`)
    .join(', ');
}

/** The `--json` document: times as ISO strings, durations in milliseconds. */
export function doraJson(report: DoraReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Markdown: a summary table, then per service a mermaid `xychart-beta` of promotions and reverts per week. */
export function doraMarkdown(report: DoraReport): string {
  const lines = [`## DORA figures`, '', `Period: ${periodLine(report)}.`, ''];
  if (report.services.length === 0) {
    lines.push('No Glidepath rollout on the branch before the end of the period.', '');
    return lines.join('\n');
  }
  lines.push(
    '| service | promotions | per week | change failure rate | recovery (mean / median) | rollbacks per week | lead time (median / p90) | in progress |',
    '|---|---:|---:|---:|---|---:|---|---:|',
    ...report.services.map(
      (s) =>
        `| ${cell(s.service)} | ${s.promotions} | ${rate(s.deploymentFrequency.perWeek)} | ${percent(s.changeFailureRate)} (${s.reverted}/${s.finished}) | ${formatDuration(s.recovery.meanMs)} / ${formatDuration(s.recovery.medianMs)} | ${rate(s.rollbackFrequency.perWeek)} | ${formatDuration(s.leadTime.medianMs)} / ${formatDuration(s.leadTime.p90Ms)} | ${s.inProgress} |`,
    ),
    '',
  );
  for (const s of report.services) {
    lines.push(
      `**${cell(s.service)}**: promotions per week (bars) and reverts per week (line), weeks from ${day(report.period.since)}.`,
      '',
      '```mermaid',
      'xychart-beta',
      `  title "${label(s.service)}"`,
      `  x-axis [${s.weeks.map((week) => `"${day(week.start)}"`).join(', ')}]`,
      `  y-axis "changes" 0 --> ${Math.max(1, ...s.weeks.map((week) => Math.max(week.promotions, week.reverts)))}`,
      `  bar [${s.weeks.map((week) => week.promotions).join(', ')}]`,
      `  line [${s.weeks.map((week) => week.reverts).join(', ')}]`,
      '```',
      '',
    );
  }
  return lines.join('\n');
}

/** A mermaid label: no `"`, no line breaks. */
function label(text: string): string {
  return text.replaceAll('"', "'").replace(/[\r\n]+/g, ' ');
}

/** A table cell: no line breaks, no HTML tag openers, `|` escaped. */
function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replaceAll('|', '\\|');
}
