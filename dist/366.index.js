export const id = 366;
export const ids = [366];
export const modules = {

/***/ 60366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_LIMIT: () => (/* binding */ COMMENT_LIMIT),
  clip: () => (/* binding */ clip),
  decideGate: () => (/* binding */ decideGate)
});

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
            (facts.overridesError ? `the overrides file cannot be used: ${facts.overridesError}` : undefined) ??
            (allowed.length === 0
                ? 'no override is allowed (deploy.overrides is empty)'
                : `an incident may override with --override ${allowed.join('|')} --reason TEXT` +
                    (facts.overridesFile
                        ? `, or an entry in ${facts.overridesFile} (environment, kind ${allowed.join('|')}, reason, until)`
                        : '')));
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
        const { committed } = facts.override;
        const by = (facts.override.by ? ` by ${facts.override.by}` : '') +
            (committed ? ` (committed in ${committed.where}, until ${committed.until})` : '');
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


/***/ })

};

//# sourceMappingURL=366.index.js.map