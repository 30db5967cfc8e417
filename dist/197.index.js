export const id = 197;
export const ids = [197];
export const modules = {

/***/ 61374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   KG: () => (/* binding */ compareWithHistory),
/* harmony export */   lz: () => (/* binding */ parseHistoryCriterion)
/* harmony export */ });
/* unused harmony exports DEFAULT_HISTORY_RELEASES, parseHistoryTolerance */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * Criteria relative to history: compare a metric's current value with what the last N promoted
 * releases measured for the same metric, e.g. "no more than 10 % above the median of the last 5".
 *
 * Source: anchors-rollouts.md §(b) b.4 (Keptn `slo.yaml` relative criteria `<=+10%`, `<=+50`,
 * `compare_with: several_results`, aggregate avg/p50/p90/p95) and §(e) (comparison with history is
 * something users ask for and none of the anchors ship outside Keptn). Two departures from Keptn:
 * - the reference is the **median** of the last N values, not their mean: one odd release (a
 *   regression that got promoted and was then fixed, a noisy measurement, a traffic spike) moves a
 *   mean of five by a fifth of its size but leaves the median where the other four put it, and a
 *   bad release must not loosen the bar for the next one;
 * - with no history Keptn passes the criterion; we return `inconclusive` ("no history yet"), because
 *   silence is not evidence (verdict.ts).
 */

/** The default N: five releases. */
const DEFAULT_HISTORY_RELEASES = 5;
const RELATIVE = /^([+-])(\d+(?:\.\d+)?|\.\d+)%$/;
const ABSOLUTE = /^([+-])(\d+(?:\.\d+)?|\.\d+)$/;
const RATIO = /^x(\d+(?:\.\d+)?|\.\d+)$/;
/**
 * Parses a tolerance: `+10%` / `-5%` (relative, sign required), `+0.02` (absolute, sign required),
 * `x1.5` (ratio, greater than 0). Anything else is a ConfigurationError naming `where`. The sign is
 * required so that a bare `10` cannot be read as either "10 above" or "at most 10".
 */
function parseHistoryTolerance(text, where) {
    const trimmed = text.trim();
    const relative = RELATIVE.exec(trimmed);
    if (relative) {
        const size = Number(relative[2]) / 100;
        return { kind: 'relative', fraction: relative[1] === '-' ? -size : size, text: trimmed };
    }
    const absolute = ABSOLUTE.exec(trimmed);
    if (absolute) {
        const size = Number(absolute[2]);
        return { kind: 'absolute', delta: absolute[1] === '-' ? -size : size, text: trimmed };
    }
    const ratio = RATIO.exec(trimmed);
    if (ratio && Number(ratio[1]) > 0)
        return { kind: 'ratio', factor: Number(ratio[1]), text: trimmed };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: "${text}" is not a tolerance; write +10% or -5% (relative to history), +0.02 (absolute, with its sign) or x1.5 (a ratio above 0)`);
}
/** Validates the text form into a `HistoryCriterion`; ConfigurationError naming `where` otherwise. */
function parseHistoryCriterion(input, where) {
    const tolerance = parseHistoryTolerance(input.tolerance, `${where}.tolerance`);
    if (input.direction !== 'higher-is-worse' && input.direction !== 'lower-is-worse') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}.direction: "${String(input.direction)}" is not a direction; use higher-is-worse or lower-is-worse`);
    }
    const releases = input.releases ?? DEFAULT_HISTORY_RELEASES;
    if (!(Number.isInteger(releases) && releases >= 1)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}.releases: must be a whole number of at least 1; got ${releases}`);
    }
    const minReleases = input.minReleases ?? 1;
    if (!(Number.isInteger(minReleases) && minReleases >= 1 && minReleases <= releases)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}.minReleases: must be a whole number from 1 to releases (${releases}); got ${minReleases}`);
    }
    return {
        tolerance,
        direction: input.direction,
        releases,
        minReleases,
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
    };
}
/** The median; the mean of the two middle values for an even count. */
function median(values) {
    if (values.length === 0)
        throw new RangeError('the median of no values is undefined');
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/**
 * Compares `current` with the last `criterion.releases` values of `history` (promoted releases only,
 * oldest first; NaN entries — releases that did not measure the metric — are skipped before taking
 * the last N). The bound is the reference (their median) moved by the tolerance; the current value
 * passes at the bound itself. `inconclusive` with fewer than `minReleases` usable values ("no history
 * yet"), with a NaN current value, and for relative or ratio tolerances on a reference ≤ 0, where
 * "10 % more than nothing" means nothing (use an absolute tolerance there).
 */
function compareWithHistory(current, history, criterion) {
    const usable = history.filter((value) => !Number.isNaN(value));
    const used = usable.slice(-criterion.releases);
    const unit = (value) => (criterion.unit ? `${format(value)} ${criterion.unit}` : format(value));
    const comparator = criterion.direction === 'higher-is-worse' ? '≤' : '≥';
    const values = [...used, current];
    if (used.length < criterion.minReleases) {
        return {
            phase: 'inconclusive',
            criterion: `${comparator} median of last ${criterion.releases} releases ${describe(criterion.tolerance)}`,
            reason: used.length === 0
                ? 'no history yet: no promoted release has a value for this metric'
                : `no history yet: ${used.length} promoted release${used.length === 1 ? ' has' : 's have'} a value, fewer than minReleases ${criterion.minReleases}`,
            values,
        };
    }
    const reference = median(used);
    const what = used.length === 1 ? 'the last release' : `median of last ${used.length} releases`;
    const base = `${comparator} ${what} (${unit(reference)}) ${describe(criterion.tolerance)}`;
    const tolerance = criterion.tolerance;
    if (tolerance.kind !== 'absolute' && !(reference > 0)) {
        return {
            phase: 'inconclusive',
            criterion: base,
            reason: `the reference is ${unit(reference)}, and a ${tolerance.kind} tolerance needs a positive one; use an absolute tolerance such as +0.01`,
            values,
            reference,
        };
    }
    // Rounded to 12 significant digits so float noise never decides a comparison the user wrote in
    // decimal: 1.13 × 1.1 is 1.2429999999999999 in binary, which would fail a current 1.243.
    const raw = tolerance.kind === 'relative'
        ? reference * (1 + tolerance.fraction)
        : tolerance.kind === 'absolute'
            ? reference + tolerance.delta
            : reference * tolerance.factor;
    const bound = Number(raw.toPrecision(12));
    const criterionText = `${base} = ${unit(bound)}`;
    if (Number.isNaN(current)) {
        return {
            phase: 'inconclusive',
            criterion: criterionText,
            reason: 'no current value to compare (NaN: no data)',
            values,
            reference,
            bound,
        };
    }
    const within = criterion.direction === 'higher-is-worse' ? current <= bound : current >= bound;
    const change = ` (${signedPercent(current, reference)} against ${unit(reference)})`;
    return {
        phase: within ? 'pass' : 'fail',
        criterion: criterionText,
        reason: within
            ? `current ${unit(current)} ${comparator} ${unit(bound)}${change}`
            : `current ${unit(current)} is ${criterion.direction === 'higher-is-worse' ? 'above' : 'below'} ${unit(bound)}${change}`,
        values,
        reference,
        bound,
    };
}
/** `+ 10%`, `− 5%`, `+ 0.02`, `× 1.5`, as they read after the reference. */
function describe(tolerance) {
    switch (tolerance.kind) {
        case 'relative':
            return `${tolerance.fraction < 0 ? '−' : '+'} ${format(Math.abs(tolerance.fraction) * 100)}%`;
        case 'absolute':
            return `${tolerance.delta < 0 ? '−' : '+'} ${format(Math.abs(tolerance.delta))}`;
        case 'ratio':
            return `× ${format(tolerance.factor)}`;
    }
}
/** `+16.7%`; `±0%` when equal. */
function signedPercent(current, reference) {
    if (current === reference)
        return '±0%';
    // |reference|, so that moving up from a negative reference still reads as "+".
    const percent = (100 * (current - reference)) / Math.abs(reference);
    if (!Number.isFinite(percent))
        return current > reference ? '+∞%' : '−∞%';
    const size = format(Number(Math.abs(percent).toFixed(1)));
    return percent > 0 ? `+${size}%` : percent < 0 ? `−${size}%` : '±0%';
}
/** Six significant digits without float noise: 120 × 1.1 → "132", not "132.00000000000003". */
function format(value) {
    return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}


/***/ }),

/***/ 66197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyUrl: () => (/* binding */ historyUrl),
  readDatedHistory: () => (/* binding */ readDatedHistory),
  readDeploymentFacts: () => (/* binding */ readDeploymentFacts),
  reportCommand: () => (/* binding */ reportCommand),
  reportPeriod: () => (/* binding */ reportPeriod),
  withDeployments: () => (/* binding */ withDeployments)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/gitops/git-command.ts
var git_command = __webpack_require__(10416);
// EXTERNAL MODULE: ./src/gitops/local-git.ts
var local_git = __webpack_require__(950);
// EXTERNAL MODULE: ./src/gitops/trailers.ts
var trailers = __webpack_require__(88022);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/analysis/history.ts
var analysis_history = __webpack_require__(61374);
;// CONCATENATED MODULE: ./src/report/dora.ts
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

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** The service name used for rollouts whose commits name none. */
const NO_SERVICE = '(no service)';
/**
 * Rollouts from a dated log (any order): the commits carrying `Glidepath-Rollout`, grouped by it,
 * oldest first. Commits without that trailer (other tools, people) are not rollouts and are left out.
 */
function rolloutHistories(log) {
    const byId = new Map();
    for (const commit of log) {
        const id = commit.trailers['Glidepath-Rollout'];
        if (id === undefined)
            continue;
        const list = byId.get(id) ?? [];
        list.push(commit);
        byId.set(id, list);
    }
    return [...byId].map(([id, commits]) => {
        const sorted = [...commits].sort((a, b) => a.at.getTime() - b.at.getTime());
        const service = sorted.find((commit) => commit.trailers['Glidepath-Service'])?.trailers['Glidepath-Service'];
        return { id, service: service ?? NO_SERVICE, commits: sorted };
    });
}
function eventsOf(rollout, until) {
    const seen = rollout.commits.filter((commit) => commit.at.getTime() < until.getTime());
    const first = seen[0];
    if (!first)
        return undefined;
    const promoted = seen.find((commit) => commit.trailers['Glidepath-Verdict'] === 'promoted');
    const reverted = seen.find((commit) => commit.trailers['Glidepath-Revert-Of'] !== undefined);
    return {
        start: first.at,
        ...(promoted ? { promotedAt: promoted.at } : {}),
        ...(reverted ? { revertedAt: reverted.at } : {}),
    };
}
/** The DORA figures of `rollouts` over `period`; see the module comment for each definition. */
function computeDora(rollouts, period) {
    const since = period.since.getTime();
    const until = period.until.getTime();
    if (!(until > since)) {
        throw new RangeError(`the report period must end after it starts; got ${period.since.toISOString()} … ${period.until.toISOString()}`);
    }
    const days = (until - since) / DAY_MS;
    const inside = (at) => at !== undefined && at.getTime() >= since && at.getTime() < until;
    const services = new Map();
    for (const rollout of rollouts) {
        const events = eventsOf(rollout, period.until);
        if (!events)
            continue;
        const list = services.get(rollout.service) ?? [];
        list.push({ rollout, events });
        services.set(rollout.service, list);
    }
    const weekCount = Math.ceil((until - since) / WEEK_MS);
    const result = [];
    for (const [service, entries] of [...services].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const weeks = Array.from({ length: weekCount }, (_, index) => ({
            start: new Date(since + index * WEEK_MS),
            promotions: 0,
            reverts: 0,
        }));
        const bucket = (at) => weeks[Math.floor((at.getTime() - since) / WEEK_MS)];
        let promotions = 0;
        let reverted = 0;
        let finished = 0;
        let inProgress = 0;
        const recoveries = [];
        const leadTimes = [];
        let fromAppCommit = 0;
        const statuses = {};
        let sawGitHub = false;
        for (const { rollout, events } of entries) {
            const { start, promotedAt, revertedAt } = events;
            if (!promotedAt && !revertedAt)
                inProgress++;
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
                if (appCommit)
                    fromAppCommit++;
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
                ...(recoveries.length > 0 ? { medianMs: (0,analysis_history/* median */.JZ)(recoveries) } : {}),
            },
            leadTime: { ...lead, fromAppCommit },
            ...(sawGitHub ? { deploymentStatuses: statuses } : {}),
            weeks,
        });
    }
    return { period: { since: period.since, until: period.until, days }, services: result };
}
/** Median (mean of the middle two for an even count) and nearest-rank p90 of `values`. */
function spread(values) {
    if (values.length === 0)
        return { count: 0 };
    const sorted = [...values].sort((a, b) => a - b);
    const n = sorted.length;
    const p90Ms = sorted[Math.ceil(0.9 * n) - 1];
    return { count: n, medianMs: (0,analysis_history/* median */.JZ)(sorted), p90Ms };
}
// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------
/** A length of time for people, its two largest units (`2d 3h`, `45m`, `1m 12s`); `-` when undefined. */
function formatDuration(ms) {
    if (ms === undefined)
        return '-';
    const seconds = Math.round(ms / 1000);
    const parts = [
        ['d', Math.floor(seconds / 86_400)],
        ['h', Math.floor((seconds % 86_400) / 3_600)],
        ['m', Math.floor((seconds % 3_600) / 60)],
        ['s', seconds % 60],
    ];
    const first = parts.findIndex(([, value]) => value > 0);
    if (first < 0)
        return '0s';
    return parts
        .slice(first, first + 2)
        .filter(([, value]) => value > 0)
        .map(([unit, value]) => `${value}${unit}`)
        .join(' ');
}
function rate(value) {
    return value.toFixed(2);
}
function percent(value) {
    return value === undefined ? '-' : `${(value * 100).toFixed(1)}%`;
}
function day(at) {
    return at.toISOString().slice(0, 10);
}
function periodLine(report) {
    return `${report.period.since.toISOString()} … ${report.period.until.toISOString()} (${+report.period.days.toFixed(2)} days)`;
}
/** The terminal text: one paragraph per service. */
function doraText(report) {
    const lines = [`DORA figures for ${periodLine(report)}`];
    if (report.services.length === 0) {
        lines.push('no Glidepath rollout on the branch before the end of the period', '');
        return lines.join('\n');
    }
    for (const s of report.services) {
        lines.push('', `${s.service}`, `  deployment frequency   ${s.promotions} promotions: ${rate(s.deploymentFrequency.perDay)}/day, ${rate(s.deploymentFrequency.perWeek)}/week`, `  change failure rate    ${percent(s.changeFailureRate)} (${s.reverted} reverted of ${s.finished} finished; ${s.inProgress} in progress)`, `  recovery time          mean ${formatDuration(s.recovery.meanMs)}, median ${formatDuration(s.recovery.medianMs)} (${s.recovery.count} reverts)`, `  rollback frequency     ${rate(s.rollbackFrequency.perWeek)}/week`, `  lead time              median ${formatDuration(s.leadTime.medianMs)}, p90 ${formatDuration(s.leadTime.p90Ms)} (${s.leadTime.count} changes, ${s.leadTime.fromAppCommit} from the app commit)`);
        if (s.deploymentStatuses)
            lines.push(`  GitHub deployments     ${statusList(s.deploymentStatuses)}`);
    }
    lines.push('');
    return lines.join('\n');
}
function statusList(statuses) {
    return Object.entries(statuses)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([state, count]) => `${state} ${count}`)
        .join(', ');
}
/** The `--json` document: times as ISO strings, durations in milliseconds. */
function doraJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}
/** Markdown: a summary table, then per service a mermaid `xychart-beta` of promotions and reverts per week. */
function doraMarkdown(report) {
    const lines = [`## DORA figures`, '', `Period: ${periodLine(report)}.`, ''];
    if (report.services.length === 0) {
        lines.push('No Glidepath rollout on the branch before the end of the period.', '');
        return lines.join('\n');
    }
    lines.push('| service | promotions | per week | change failure rate | recovery (mean / median) | rollbacks per week | lead time (median / p90) | in progress |', '|---|---:|---:|---:|---|---:|---|---:|', ...report.services.map((s) => `| ${cell(s.service)} | ${s.promotions} | ${rate(s.deploymentFrequency.perWeek)} | ${percent(s.changeFailureRate)} (${s.reverted}/${s.finished}) | ${formatDuration(s.recovery.meanMs)} / ${formatDuration(s.recovery.medianMs)} | ${rate(s.rollbackFrequency.perWeek)} | ${formatDuration(s.leadTime.medianMs)} / ${formatDuration(s.leadTime.p90Ms)} | ${s.inProgress} |`), '');
    for (const s of report.services) {
        lines.push(`**${cell(s.service)}**: promotions per week (bars) and reverts per week (line), weeks from ${day(report.period.since)}.`, '', '```mermaid', 'xychart-beta', `  title "${label(s.service)}"`, `  x-axis [${s.weeks.map((week) => `"${day(week.start)}"`).join(', ')}]`, `  y-axis "changes" 0 --> ${Math.max(1, ...s.weeks.map((week) => Math.max(week.promotions, week.reverts)))}`, `  bar [${s.weeks.map((week) => week.promotions).join(', ')}]`, `  line [${s.weeks.map((week) => week.reverts).join(', ')}]`, '```', '');
    }
    return lines.join('\n');
}
/** A mermaid label: no `"`, no line breaks. */
function label(text) {
    return text.replaceAll('"', "'").replace(/[\r\n]+/g, ' ');
}
/** A table cell: no line breaks, no HTML tag openers, `|` escaped. */
function cell(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
        .replaceAll('|', '\\|');
}

// EXTERNAL MODULE: ./src/cli/commands/gitops-options.ts + 2 modules
var gitops_options = __webpack_require__(30452);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
;// CONCATENATED MODULE: ./src/cli/commands/report.ts
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













/** What the report's GitHub token needs. */
const READ_ACCESS = 'deployments: read and contents: read';
/** The default `--since`. */
const DEFAULT_SINCE = '90d';
/** Deployment pages read at most (100 each), newest first. */
const MAX_DEPLOYMENT_PAGES = 10;
const reportCommand = {
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
        ...gitops_options/* GITOPS_OPTIONS */.q,
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
        if (values.json && values.markdown)
            throw new errors/* UsageError */.eb('give at most one of --json and --markdown');
        const period = reportPeriod(values, io.now());
        const { policy, desired, checkout } = await (0,gitops_options/* gitopsPolicy */.RR)(values, io);
        const env = io.env ?? {};
        const gitops = (0,gitops_options/* gitopsToken */.QQ)(env);
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
            const octokit = (0,github_octokit/* createOctokit */.Q)({
                token,
                ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
            });
            const facts = await readDeploymentFacts(octokit, { owner, repo, environment: policy.environment }, new Set(rollouts.map((rollout) => rollout.id)));
            rollouts = withDeployments(rollouts, facts);
        }
        const report = computeDora(rollouts, period);
        io.stdout(values.json ? doraJson(report) : values.markdown ? doraMarkdown(report) : doraText(report));
        return errors/* ExitCode */.yU.ok;
    },
};
/** The period `--since` and `--until` describe, `now` being the default end. */
function reportPeriod(values, now) {
    const untilText = values.until;
    const until = untilText === undefined ? now : parseTime(untilText, '--until');
    const sinceText = (values.since ?? DEFAULT_SINCE).trim();
    const since = /^\d+(\.\d+)?(ms|s|m|h|d|w)$/.test(sinceText)
        ? new Date(until.getTime() - duration/* Duration */.d.parse(sinceText, '--since').milliseconds)
        : parseTime(sinceText, '--since');
    if (since.getTime() >= until.getTime()) {
        throw new errors/* UsageError */.eb(`--since (${since.toISOString()}) must be before --until (${until.toISOString()}); give a positive duration or an earlier time`);
    }
    return { since, until };
}
function parseTime(text, flag) {
    // Only ISO 8601 with a date: Date.parse would also take "March 3" in the local time zone.
    const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime())) {
        throw new errors/* UsageError */.eb(`${flag} "${text}" is not a time; write an ISO time such as 2026-01-31T00:00:00Z${flag === '--since' ? ' or a duration such as 90d' : ''}`);
    }
    return at;
}
/** Where git fetches the branch from: desired.repo, or the GitHub repository's git URL for the github backend. */
function historyUrl(desired, env) {
    if (desired.backend !== 'github')
        return desired.repo;
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${desired.repo}.git`;
}
/**
 * Every commit reachable from `branch` that carries a Glidepath-Rollout trailer, with its committer
 * time. All parents are followed, not only the first: in pull-request mode the rollout's commits
 * reach the branch through merges.
 */
async function readDatedHistory(source, git = git_command/* spawnGit */.I) {
    const scratch = source.checkout ? undefined : await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'glidepath-report-'));
    const cwd = source.checkout ?? (0,external_node_path_.join)(scratch, 'repo.git');
    const ref = `refs/glidepath-report/${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const secrets = [];
    const scrub = (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
    try {
        if (scratch)
            await mustRun(git, ['init', '--quiet', '--bare', cwd], scratch, 'create a private repository', scrub);
        let remote = source.url ?? 'origin';
        let remoteUrl = source.url;
        if (source.checkout) {
            const url = await git(['remote', 'get-url', 'origin'], { cwd });
            if (url.code !== 0) {
                throw new errors/* ConfigurationError */.j1(`the checkout at ${cwd} has no remote "origin"; add it (git remote add origin URL) or pass the repository's URL with --repo`);
            }
            remoteUrl = url.stdout.toString('utf8').trim();
            remote = 'origin';
        }
        const env = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
        if (source.token && remoteUrl && /^https?:\/\//i.test(remoteUrl)) {
            const basic = Buffer.from(`x-access-token:${source.token}`).toString('base64');
            secrets.push(source.token, basic);
            Object.assign(env, (0,local_git/* gitConfigEnv */.W0)([
                [`http.${remoteUrl}.extraheader`, ''],
                [`http.${remoteUrl}.extraheader`, `AUTHORIZATION: basic ${basic}`],
                ['credential.helper', ''],
            ]));
        }
        const fetched = await git([
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-write-fetch-head',
            remote,
            `+refs/heads/${source.branch}:${ref}`,
        ], { cwd, env, timeoutMs: 300_000 });
        const where = source.checkout ? `remote "origin" of ${source.checkout}` : (0,local_git/* redactUrl */.BO)(remote);
        if (fetched.code !== 0) {
            const detail = scrub(fetched.stderr.trim()) || `exit status ${fetched.code}`;
            if (/couldn't find remote ref/i.test(fetched.stderr)) {
                throw new errors/* ConfigurationError */.j1(`branch ${source.branch} does not exist in ${where}; set desired.branch to the GitOps branch`);
            }
            if (/authentication failed|could not read (username|password)|returned error: 40[134]|not found|does not appear to be a git repository/i.test(fetched.stderr)) {
                throw new errors/* ConfigurationError */.j1(`cannot read ${where}: ${detail}; check the URL and that GLIDEPATH_TOKEN (or GITHUB_TOKEN) can read the repository (contents: read)`);
            }
            throw new errors/* TransientError */.N_(`fetching ${source.branch} from ${where} failed: ${detail}; run the command again`);
        }
        const log = await mustRun(git, ['log', '-i', '--grep=^glidepath-rollout:', '--format=%H%x00%cI%x00%B%x00%x1e', ref, '--'], cwd, 'read the branch history', scrub);
        return log.stdout
            .toString('utf8')
            .split('\x1e')
            .map((record) => record.replace(/^\n/, ''))
            .filter(Boolean)
            .map((record) => {
            const [sha = '', at = '', message = ''] = record.split('\0');
            return { sha, at: new Date(at), trailers: (0,trailers/* parseTrailers */.aw)(message) };
        });
    }
    finally {
        if (scratch)
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
        else
            await git(['update-ref', '-d', ref], { cwd }).catch(() => undefined);
    }
}
async function mustRun(git, args, cwd, what, scrub) {
    const result = await git(args, { cwd });
    if (result.code !== 0) {
        throw new errors/* TransientError */.N_(`git could not ${what} in ${cwd}: ${scrub(result.stderr.trim())}`);
    }
    return result;
}
/** The rollouts with their GitHub deployment facts attached. */
function withDeployments(rollouts, facts) {
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
async function readDeploymentFacts(octokit, where, rollouts) {
    const { owner, repo, environment } = where;
    const matched = new Map();
    for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page++) {
        const response = await (0,deployments/* githubCall */.Mc)('list deployments', where, () => octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100, page }), READ_ACCESS);
        for (const deployment of response.data) {
            const rollout = (0,deployments/* payloadOf */.Md)(deployment.payload)?.rollout;
            if (rollout && rollouts.has(rollout) && !matched.has(rollout)) {
                matched.set(rollout, { id: Number(deployment.id), sha: deployment.sha });
            }
        }
        if (response.data.length < 100 || matched.size === rollouts.size)
            break;
    }
    const facts = new Map();
    const dates = new Map();
    for (const [rollout, { id, sha }] of matched) {
        const statuses = await (0,deployments/* githubCall */.Mc)('list deployment statuses', where, () => octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id, per_page: 1 }), READ_ACCESS);
        if (!dates.has(sha)) {
            const commit = await (0,deployments/* githubCall */.Mc)(`read commit ${sha}`, where, () => octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: 1 }), READ_ACCESS);
            const date = commit.data.commit.committer?.date;
            dates.set(sha, date ? new Date(date) : undefined);
        }
        const committedAt = dates.get(sha);
        const state = statuses.data[0]?.state;
        facts.set(rollout, { sha, ...(committedAt ? { committedAt } : {}), ...(state ? { state } : {}) });
    }
    return facts;
}


/***/ }),

/***/ 16887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ findOrCreateDeployment),
/* harmony export */   Mc: () => (/* binding */ githubCall),
/* harmony export */   Md: () => (/* binding */ payloadOf),
/* harmony export */   e9: () => (/* binding */ setDeploymentStatus)
/* harmony export */ });
/* unused harmony exports MAX_STATUS_DESCRIPTION, statusDescription */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * GitHub Deployments as the rollout's observed state (DESIGN.md "State"): one deployment per rollout
 * and environment, statuses queued → in_progress → success | failure. Created with
 * `auto_merge: false` (a deployment must never merge branches) and `required_contexts: []` (the
 * evidence was judged by `verify`, not by commit statuses), with the rollout id, digest and evidence
 * digest in the payload so a later run finds the same deployment instead of creating another.
 *
 * Facts (github-platform.md 2.5): a status description is at most 140 characters; `log_url` is the
 * run; a deployment created with GITHUB_TOKEN starts no workflow (deployment_status events from it
 * do not trigger `on: deployment_status`), so the event-driven loop chains with dispatch instead.
 */

/** GitHub's limit on a status description. */
const MAX_STATUS_DESCRIPTION = 140;
/** `text` cut to GitHub's 140 characters, with an ellipsis when cut. */
function statusDescription(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= MAX_STATUS_DESCRIPTION ? flat : `${flat.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`;
}
/**
 * The deployment for this rollout, with its creator: an existing one whose payload names the rollout
 * (a rerun of the same event), or a new one. One list request (newest first, the environment's first
 * page) and at most one create.
 */
async function findOrCreateDeployment(octokit, target) {
    const { owner, repo, environment, ref, payload } = target;
    const existing = await githubCall('list deployments', target, () => octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 }));
    const mine = existing.data.find((deployment) => payloadOf(deployment.payload)?.rollout === payload.rollout);
    if (mine)
        return { id: Number(mine.id), ...(mine.creator?.login ? { creator: mine.creator.login } : {}) };
    const created = await githubCall('create a deployment', target, () => octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref,
        environment,
        auto_merge: false,
        required_contexts: [],
        payload: { ...payload },
        description: statusDescription(target.description ?? `Glidepath rollout ${payload.rollout}`),
        production_environment: /^prod/i.test(environment),
    }));
    if (created.status !== 201 || !('id' in created.data)) {
        throw new Error(`GitHub did not create the deployment (HTTP ${created.status})`);
    }
    const creator = created.data.creator?.login;
    return { id: Number(created.data.id), ...(creator ? { creator } : {}) };
}
/** Sets a status on the deployment; the description is cut to 140 characters. */
async function setDeploymentStatus(octokit, where, state, details) {
    await githubCall('set a deployment status', where, () => octokit.rest.repos.createDeploymentStatus({
        owner: where.owner,
        repo: where.repo,
        deployment_id: where.deploymentId,
        state,
        description: statusDescription(details.description),
        ...(details.logUrl ? { log_url: details.logUrl } : {}),
        ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
    }));
}
/**
 * Runs one GitHub API call (Octokit has already retried what it retries) and turns a refusal into
 * an error that says what to do: a token without access is configuration (exit 2, `access` names the
 * permission to grant); a rate limit, a 5xx or the network still failing after the retries is
 * transient (exit 3, run again).
 */
async function githubCall(what, where, run, access = 'deployments: write') {
    try {
        return await run();
    }
    catch (error) {
        const status = error.status;
        const message = error instanceof Error ? error.message : String(error);
        const place = `${where.owner}/${where.repo}`;
        const rateLimited = /rate limit/i.test(message);
        if (status === 401 || status === 404 || (status === 403 && !rateLimited)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub refused to ${what} in ${place} (${String(status)}: ${message}); check the repository and give the token ${access} on ${place}`);
        }
        if (status === 422) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub rejected the request to ${what} in ${place} (422: ${message})`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`GitHub did not accept the request to ${what} in ${place} (${message}) after its retries; run the command again`, { cause: error });
    }
}
/** A deployment's payload as an object (GitHub may keep it as a JSON string); undefined when unreadable. */
function payloadOf(payload) {
    if (typeof payload === 'string') {
        try {
            return JSON.parse(payload);
        }
        catch {
            return undefined;
        }
    }
    return payload && typeof payload === 'object' ? payload : undefined;
}


/***/ })

};

//# sourceMappingURL=197.index.js.map