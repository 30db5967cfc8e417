export const id = 529;
export const ids = [529];
export const modules = {

/***/ 60366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q7: () => (/* binding */ decideGate)
});

// UNUSED EXPORTS: COMMENT_LIMIT, clip

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/gate/windows.ts

/** How far ahead `next` looks. */
const NEXT_HORIZON_DAYS = 14;
const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** Index 0 is Sunday, as Date#getUTCDay counts. */
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/**
 * The verdict at `at`. Throws ConfigurationError naming the field (`deploy.timeZone`,
 * `deploy.allow[0].from`, …) when the zone or a window cannot be read.
 */
function windowVerdict(deploy, at) {
    const clock = zoneClock(deploy.timeZone);
    const allow = deploy.allow.map((window, index) => parseWindow(window, `deploy.allow[${index}]`));
    const deny = deploy.deny.map((window, index) => parseWindow(window, `deploy.deny[${index}]`));
    const zone = deploy.timeZone;
    const verdict = verdictAtWall(allow, deny, clock.wallOf(at.getTime()), zone);
    if (verdict.open)
        return verdict;
    const next = nextOpening(allow, deny, at, clock);
    return next === undefined ? verdict : { ...verdict, next };
}
/** `minutes` since the local epoch as `YYYY-MM-DD HH:MM`, for messages. */
function formatWall(minutes) {
    return new Date(minutes * MINUTE).toISOString().slice(0, 16).replace('T', ' ');
}
/** The instant `at` as local wall-clock text in `timeZone` (`2026-03-30 09:00 Europe/Berlin`). */
function formatInZone(at, timeZone) {
    return `${formatWall(zoneClock(timeZone).wallOf(at.getTime()))} ${timeZone}`;
}
function verdictAtWall(allow, deny, wall, zone) {
    const denied = deny.find((window) => contains(window, wall));
    if (denied) {
        return {
            open: false,
            reason: `inside the deny window ${denied.text} (${zone})${denied.reason ? `: ${denied.reason}` : ''}`,
        };
    }
    if (allow.length === 0)
        return { open: true, reason: 'no deploy window restricts this time' };
    const allowed = allow.find((window) => contains(window, wall));
    if (allowed)
        return { open: true, reason: `inside the allow window ${allowed.text} (${zone})` };
    return {
        open: false,
        reason: `outside every allow window (${allow.map((window) => window.text).join('; ')}; ${zone})`,
    };
}
function contains(window, wall) {
    if (window.kind === 'dated')
        return window.from <= wall && wall < window.to;
    const day = Math.floor(wall / DAY_MINUTES);
    const minute = wall - day * DAY_MINUTES;
    const opensOn = (d) => window.days.has(WEEKDAYS[(((d + 4) % 7) + 7) % 7]);
    if (window.from < window.to)
        return opensOn(day) && window.from <= minute && minute < window.to;
    // Crossing midnight (or `to` equal to `from`: a whole 24 hours): the evening of an opening day,
    // or the morning after one.
    return (opensOn(day) && minute >= window.from) || (opensOn(day - 1) && minute < window.to);
}
/**
 * The first instant in (at, at + 14 days] at which the gate is open. Openness changes only at a
 * window's edge, so only edges are tried: each window's `from` and `to` on every local day in range.
 */
function nextOpening(allow, deny, at, clock) {
    const start = at.getTime();
    const end = start + NEXT_HORIZON_DAYS * DAY_MINUTES * MINUTE;
    const firstDay = Math.floor(clock.wallOf(start) / DAY_MINUTES) - 1;
    const walls = new Set();
    for (const window of [...allow, ...deny]) {
        if (window.kind === 'dated') {
            walls.add(window.from).add(window.to);
            continue;
        }
        for (let day = firstDay; day <= firstDay + NEXT_HORIZON_DAYS + 2; day++) {
            walls.add(day * DAY_MINUTES + window.from).add(day * DAY_MINUTES + window.to);
        }
    }
    const instants = [...walls]
        .flatMap((wall) => clock.instantsOf(wall))
        .filter((instant) => instant > start && instant <= end)
        .sort((a, b) => a - b);
    const found = instants.find((instant) => verdictAtWall(allow, deny, clock.wallOf(instant), '').open);
    return found === undefined ? undefined : new Date(found);
}
const clocks = new Map();
function zoneClock(timeZone) {
    const cached = clocks.get(timeZone);
    if (cached)
        return cached;
    let format;
    try {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
        });
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`deploy.timeZone: "${timeZone}" is not an IANA time zone; write one such as UTC, Europe/Berlin or America/New_York`);
    }
    const wallOf = (instant) => {
        const parts = {};
        for (const part of format.formatToParts(new Date(instant))) {
            if (part.type !== 'literal')
                parts[part.type] = Number(part.value);
        }
        return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute) / MINUTE;
    };
    const instantsOf = (wall) => {
        const guess = wall * MINUTE;
        // The zone's offsets a day either side: at most one DST change lies between them.
        const offsets = [guess - MINUTE * DAY_MINUTES, guess + MINUTE * DAY_MINUTES].map((instant) => (wallOf(instant) - Math.floor(instant / MINUTE)) * MINUTE);
        const candidates = offsets.map((offset) => guess - offset);
        const exact = candidates.filter((instant) => wallOf(instant) === wall);
        if (exact.length > 0)
            return [...new Set(exact)];
        // A spring-forward gap: this wall time never occurs. Find the change itself, the first minute
        // whose wall clock is past `wall`, between the two readings (at most a few hours apart).
        let low = Math.min(...candidates) / MINUTE;
        let high = Math.max(...candidates) / MINUTE;
        while (low < high) {
            const middle = Math.floor((low + high) / 2);
            if (wallOf(middle * MINUTE) >= wall)
                high = middle;
            else
                low = middle + 1;
        }
        return [high * MINUTE];
    };
    const clock = { wallOf, instantsOf };
    clocks.set(timeZone, clock);
    return clock;
}
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
function parseWindow(window, field) {
    const reason = window.reason ? { reason: window.reason } : {};
    if (window.days === undefined && LOCAL_DATE_TIME.test(window.from)) {
        const from = parseLocalDateTime(window.from, `${field}.from`);
        const to = parseLocalDateTime(window.to, `${field}.to`);
        if (to <= from) {
            throw new errors/* ConfigurationError */.j1(`${field}: a dated window must end after it starts; got from ${window.from} to ${window.to}`);
        }
        return { kind: 'dated', from, to, text: `${window.from}–${window.to}`, ...reason };
    }
    const days = window.days ?? WEEKDAYS.slice(1).concat('sun');
    for (const [index, day] of days.entries()) {
        if (!WEEKDAYS.includes(day)) {
            throw new errors/* ConfigurationError */.j1(`${field}.days[${index}]: "${String(day)}" is not a day; write one of mon, tue, wed, thu, fri, sat, sun`);
        }
    }
    if (days.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${field}.days is empty; list the days the window opens on (mon … sun)`);
    }
    const from = parseClock(window.from, `${field}.from`, false);
    const to = parseClock(window.to, `${field}.to`, true);
    const dayText = window.days === undefined ? 'daily' : window.days.join(',');
    return {
        kind: 'weekly',
        days: new Set(days),
        from,
        to,
        text: `${dayText} ${window.from}–${window.to}`,
        ...reason,
    };
}
/** `HH:MM` as minutes of the day; `24:00` is allowed as an end (the end of the day). */
function parseClock(text, field, end) {
    if (end && text === '24:00')
        return DAY_MINUTES;
    const match = HH_MM.exec(text);
    if (!match) {
        const dated = LOCAL_DATE_TIME.test(text);
        throw new errors/* ConfigurationError */.j1(dated
            ? `${field}: "${text}" is a date-time in a weekly window (it has days); drop days for a dated window or write HH:MM`
            : `${field}: "${text}" is not a time; write HH:MM (weekly, 24-hour) or YYYY-MM-DDTHH:MM (dated)`);
    }
    return Number(match[1]) * 60 + Number(match[2]);
}
/** Local `YYYY-MM-DDTHH:MM` as wall-clock minutes since the local epoch. */
function parseLocalDateTime(text, field) {
    const match = LOCAL_DATE_TIME.exec(text);
    const [year, month, day, hour, minute] = (match?.slice(1) ?? []).map(Number);
    const date = match ? new Date(Date.UTC(year, month - 1, day, hour, minute)) : undefined;
    if (!date || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        throw new errors/* ConfigurationError */.j1(`${field}: "${text}" is not a local date-time; write YYYY-MM-DDTHH:MM (e.g. 2026-12-24T00:00) in deploy.timeZone`);
    }
    return date.getTime() / MINUTE;
}

;// CONCATENATED MODULE: ./src/gate/decision.ts

/** GitHub's limit on a deployment protection rule review comment. */
const COMMENT_LIMIT = 1024;
/** What applies when the policy has no `deploy:` section: any time, budget freezes on, both overrides. */
const DEFAULT_OVERRIDES = ['p0', 'security'];
/** Decides. Throws ConfigurationError only when `deploy`'s time zone or windows cannot be read. */
function decideGate(deploy, facts) {
    const checks = gateChecks(deploy, facts);
    const hard = checks.filter((check) => check.hard && !check.passed);
    const soft = checks.filter((check) => !check.hard && !check.passed);
    const override = facts.override;
    const allowed = deploy?.overrides ?? DEFAULT_OVERRIDES;
    const overrideProblem = override === undefined
        ? undefined
        : !allowed.includes(override.kind)
            ? `override ${override.kind} is not allowed by deploy.overrides (allowed: ${allowed.join(', ') || 'none'}); ask the policy's owners, or wait`
            : override.reason.trim() === ''
                ? `override ${override.kind} needs a reason (--reason TEXT): it is recorded for the audit`
                : undefined;
    let state;
    let reasons;
    let overridden;
    if (hard.length > 0) {
        state = 'rejected';
        reasons = [...hard, ...soft].map((check) => check.text);
        if (override)
            reasons.push(`override ${override.kind} cannot bypass a quarantined digest or failed evidence`);
    }
    else if (soft.length === 0) {
        state = 'approved';
        reasons = [];
    }
    else if (override && overrideProblem === undefined) {
        state = 'approved';
        overridden = override.kind;
        reasons = soft.map((check) => check.text);
    }
    else {
        state = 'rejected';
        reasons = soft.map((check) => check.text);
        reasons.push(overrideProblem ??
            `an incident may override with --override ${allowed.join('|') || '(none allowed)'} --reason TEXT`);
    }
    const decision = {
        state,
        reasons,
        comment: commentFor(state, facts, checks, reasons, overridden),
    };
    if (overridden)
        decision.overridden = overridden;
    return decision;
}
function gateChecks(deploy, facts) {
    const checks = [];
    const quarantined = facts.quarantined;
    if (quarantined) {
        const why = [quarantined.reason, quarantined.rollout && `rollout ${quarantined.rollout}`]
            .filter(Boolean)
            .join('; ');
        checks.push({
            passed: false,
            hard: true,
            text: `${quarantined.digest} is quarantined${why ? ` (${why})` : ''}: deploy another digest, or re-admit ` +
                'this one by deleting its entry from the quarantine list in a reviewed commit',
        });
    }
    else if (facts.digest) {
        checks.push({ passed: true, hard: true, text: `${facts.digest} is not quarantined` });
    }
    if (facts.admission) {
        checks.push(facts.admission.admitted
            ? { passed: true, hard: true, text: `evidence admits the artifact: ${facts.admission.reason}` }
            : {
                passed: false,
                hard: true,
                text: `evidence does not admit the artifact (${facts.admission.reason}): fix the evidence and run glidepath verify again`,
            });
    }
    if (deploy) {
        const window = windowVerdict(deploy, facts.at);
        checks.push(window.open
            ? { passed: true, hard: false, text: `deploy window open: ${window.reason}` }
            : {
                passed: false,
                hard: false,
                text: `deploy window closed: ${window.reason}; ` +
                    (window.next
                        ? `it opens at ${formatInZone(window.next, deploy.timeZone)} (${window.next.toISOString()})`
                        : `it does not open within 14 days; change deploy.allow/deploy.deny`),
            });
    }
    const budget = facts.budget;
    if (budget) {
        const freezes = deploy?.freezeOnBudget ?? true;
        checks.push(budget.frozen && freezes
            ? {
                passed: false,
                hard: false,
                text: `error budget spent: ${budget.reason}; deploy once the budget recovers (or set deploy.freezeOnBudget: false)`,
            }
            : { passed: true, hard: false, text: `error budget: ${budget.reason}` });
    }
    const failure = facts.openFailure;
    checks.push(failure
        ? {
            passed: false,
            hard: false,
            text: `rollout ${failure.rollout} was reverted (${failure.reason}, ${failure.sha.slice(0, 12)}) and nobody has ` +
                'acknowledged it: commit the fix (or a change to the quarantine list) to the GitOps repository',
        }
        : { passed: true, hard: false, text: 'no reverted rollout left unacknowledged' });
    return checks;
}
function commentFor(state, facts, checks, reasons, overridden) {
    const subject = `\`${facts.environment}\`${facts.digest ? ` — \`${facts.digest}\`` : ''}`;
    const lines = [];
    if (overridden && facts.override) {
        const by = facts.override.by ? ` by ${facts.override.by}` : '';
        lines.push(`**Glidepath gate: approved by override \`${overridden}\`**${by} for ${subject}`, `> ${oneLine(facts.override.reason)}`, ...reasons.map((reason) => `- ⚠️ bypassed: ${oneLine(reason)}`));
    }
    else if (state === 'rejected') {
        lines.push(`**Glidepath gate: rejected** ${subject}`, ...reasons.map((reason) => `- ⛔ ${oneLine(reason)}`));
    }
    else {
        lines.push(`**Glidepath gate: approved** ${subject}`);
    }
    lines.push(...checks.filter((check) => check.passed).map((check) => `- ✅ ${oneLine(check.text)}`));
    return clip(lines.join('\n'), COMMENT_LIMIT);
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
/** `text` cut to `limit` UTF-16 units (so also ≤ limit characters), ending in an ellipsis when cut. */
function clip(text, limit) {
    if (text.length <= limit)
        return text;
    let end = limit - 1;
    // Never split a surrogate pair (an emoji would turn into a replacement character).
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}…`;
}


/***/ }),

/***/ 36324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pc: () => (/* binding */ gatherFacts)
/* harmony export */ });
/* unused harmony exports GATE_LOG_DEPTH, openFailure, measureBudget */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70912);
/* harmony import */ var _analysis_burn_rate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62084);
/* harmony import */ var _gitops_quarantine_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34910);
/* harmony import */ var _metrics_template_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17155);
/* harmony import */ var _rollout_recover_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11693);






/** How many branch commits are read to find the newest rollout (as `glidepath status` reads). */
const GATE_LOG_DEPTH = 200;
/** Reads the facts. Throws ConfigurationError when the policy has no `desired` section. */
async function gatherFacts(request) {
    const { policy, writer, at } = request;
    const desired = policy.desired;
    if (!desired) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('the gate reads the quarantine list and rollout history from the GitOps repository: add a desired section', policy.source);
    }
    const facts = {
        environment: request.environment ?? policy.environment ?? 'production',
        at,
    };
    if (request.digest) {
        const digest = _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .Digest */ .n.parse(request.digest, '--artifact').toString();
        facts.digest = digest;
        const text = await writer.readFile(desired.branch, desired.quarantineFile);
        const entry = (0,_gitops_quarantine_js__WEBPACK_IMPORTED_MODULE_3__/* .isQuarantined */ .fK)(text, digest, desired.quarantineFile);
        if (entry) {
            facts.quarantined = {
                digest: entry.digest,
                ...(entry.reason ? { reason: entry.reason } : {}),
                ...(entry.rollout ? { rollout: entry.rollout } : {}),
            };
        }
    }
    if (request.admission)
        facts.admission = request.admission;
    const log = await writer.log(desired.branch, GATE_LOG_DEPTH);
    const managed = new Set([
        ...desired.targets.map((target) => target.path),
        ...(desired.traffic ? [desired.traffic.path] : []),
        ...(desired.flags ? [desired.flags.path] : []),
        desired.quarantineFile,
    ]);
    const failure = await openFailure(log, policy.service, managed, writer);
    if (failure)
        facts.openFailure = failure;
    if (policy.analysis?.slo && request.provider) {
        facts.budget = await measureBudget(policy, request.provider, at);
    }
    if (request.override)
        facts.override = request.override;
    return facts;
}
/** The service's newest rollout when it was reverted and no later commit acknowledges it. */
async function openFailure(log, service, managed, writer) {
    const rollout = (0,_rollout_recover_js__WEBPACK_IMPORTED_MODULE_5__/* .recoverRollout */ .k)(log, service === undefined ? {} : { service });
    if (!rollout || rollout.status !== 'reverted')
        return undefined;
    const headIndex = log.findIndex((commit) => commit.sha === rollout.head);
    for (const commit of log.slice(0, Math.max(headIndex, 0))) {
        if (commit.trailers['Glidepath-Rollout'] !== undefined)
            continue;
        const changed = await writer.changedFiles(commit.sha);
        if (changed.some((path) => managed.has(path)))
            return undefined;
    }
    const reversal = rollout.commits.find((commit) => commit.revertOf !== undefined);
    return {
        rollout: rollout.id,
        reason: `${reversal.verdict ? `verdict ${reversal.verdict}: ` : ''}${reversal.headline}`,
        sha: reversal.sha,
    };
}
/**
 * The error budget over `analysis.slo.period`: `budgetErrorRatio` (else `errorRatio`) measured with
 * `{{window}}` set to the period, then `1 − ratio / (1 − objective)` (burn-rate.ts). The budget is
 * spent at ≤ 0 remaining. A measurement that fails or returns nothing leaves the budget unknown and
 * not frozen — a metrics outage must not stop every deployment — and the reason says so, so the
 * comment shows it; a query the back-end rejects is a ConfigurationError for the user to fix.
 */
async function measureBudget(policy, provider, at) {
    const slo = policy.analysis.slo;
    const template = slo.budgetErrorRatio ?? slo.errorRatio;
    const field = slo.budgetErrorRatio ? 'analysis.slo.budgetErrorRatio' : 'analysis.slo.errorRatio';
    const query = (0,_metrics_template_js__WEBPACK_IMPORTED_MODULE_4__/* .renderQuery */ .n)(template, {
        ...(policy.service ? { service: policy.service } : {}),
        window: slo.period.toString(),
        args: policy.analysis.args,
    });
    let value;
    try {
        value = (await provider.query({ query, time: at })).value;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: ${error.message}`, undefined, { cause: error });
        }
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GlidepathError */ .HT))
            throw error;
        return {
            frozen: false,
            reason: `unknown (${field} could not be measured: ${error.message}); not frozen`,
        };
    }
    if (value === undefined || !Number.isFinite(value) || value < 0 || value > 1) {
        return {
            frozen: false,
            reason: `unknown (${field} returned ${value === undefined ? 'no single value' : String(value)}); not frozen`,
        };
    }
    const remaining = (0,_analysis_burn_rate_js__WEBPACK_IMPORTED_MODULE_2__/* .errorBudgetRemaining */ .YH)(value, slo.objective / 100);
    // Rounded first so that floating-point noise (1 − 0.999 is not 0.001) never prints as "-0.0%".
    const tenths = Math.round(remaining * 1000) / 10;
    const percent = `${(tenths === 0 ? 0 : tenths).toFixed(1)}%`;
    return remaining <= 0
        ? {
            frozen: true,
            remaining,
            reason: `${percent} of the ${slo.period.toString()} budget remains (${slo.objective}% SLO)`,
        }
        : { frozen: false, remaining, reason: `${percent} of the ${slo.period.toString()} budget remains` };
}


/***/ }),

/***/ 11693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ recoveredText),
/* harmony export */   k: () => (/* binding */ recoverRollout)
/* harmony export */ });
/**
 * The newest rollout in `log` (newest first), optionally of one `service` or one `rollout` id;
 * undefined when no Glidepath commit matches.
 */
function recoverRollout(log, scope = {}) {
    const ours = log.filter((commit) => commit.trailers['Glidepath-Rollout'] !== undefined &&
        (scope.service === undefined || commit.trailers['Glidepath-Service'] === scope.service) &&
        (scope.rollout === undefined || commit.trailers['Glidepath-Rollout'] === scope.rollout));
    const newest = ours[0];
    if (!newest)
        return undefined;
    const id = newest.trailers['Glidepath-Rollout'];
    const commits = ours.filter((commit) => commit.trailers['Glidepath-Rollout'] === id);
    const stepCommit = commits.find((commit) => commit.trailers['Glidepath-Step'] !== undefined);
    const [index, of] = (stepCommit?.trailers['Glidepath-Step'] ?? '').split('/').map(Number);
    const reverted = commits.some((commit) => commit.trailers['Glidepath-Revert-Of'] !== undefined);
    const weightText = newest.trailers['Glidepath-Weight'];
    const weight = weightText === undefined ? undefined : Number(weightText);
    // Promoted only once the last step was judged: the promotion record (gitops/promotion.ts) says so.
    const promoted = !reverted && commits.some((commit) => commit.trailers['Glidepath-Verdict'] === 'promoted');
    return {
        id,
        ...(newest.trailers['Glidepath-Digest'] ? { digest: newest.trailers['Glidepath-Digest'] } : {}),
        ...(newest.trailers['Glidepath-Service'] ? { service: newest.trailers['Glidepath-Service'] } : {}),
        status: reverted ? 'reverted' : promoted ? 'promoted' : 'in-progress',
        ...(index !== undefined && of !== undefined && !Number.isNaN(index) && !Number.isNaN(of)
            ? { step: { index, of } }
            : {}),
        ...(weight !== undefined && !Number.isNaN(weight) ? { weight } : {}),
        head: newest.sha,
        commits: commits.map((commit) => ({
            sha: commit.sha,
            headline: commit.headline,
            ...(commit.trailers['Glidepath-Step'] ? { step: commit.trailers['Glidepath-Step'] } : {}),
            ...(commit.trailers['Glidepath-Weight'] ? { weight: commit.trailers['Glidepath-Weight'] } : {}),
            ...(commit.trailers['Glidepath-Verdict'] ? { verdict: commit.trailers['Glidepath-Verdict'] } : {}),
            ...(commit.trailers['Glidepath-Revert-Of'] ? { revertOf: commit.trailers['Glidepath-Revert-Of'] } : {}),
            ...(commit.trailers['Glidepath-Analysis'] ? { analysis: commit.trailers['Glidepath-Analysis'] } : {}),
        })),
    };
}
/** One paragraph for a terminal. */
function recoveredText(rollout) {
    if (!rollout)
        return 'no Glidepath rollout on this branch\n';
    const where = rollout.step && rollout.weight !== undefined
        ? ` at step ${rollout.step.index}/${rollout.step.of} (${rollout.weight}%)`
        : rollout.weight !== undefined
            ? ` at ${rollout.weight}%`
            : '';
    const lines = rollout.commits.map((commit) => `  ${commit.sha.slice(0, 12)} ${commit.headline}${commit.verdict ? ` [${commit.verdict}]` : ''}`);
    return [
        `${rollout.id} ${rollout.status}${where}${rollout.digest ? ` — ${rollout.digest}` : ''}`,
        ...lines,
        '',
    ].join('\n');
}


/***/ })

};

//# sourceMappingURL=529.index.js.map