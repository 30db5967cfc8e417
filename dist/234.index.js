export const id = 234;
export const ids = [234];
export const modules = {

/***/ 27234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATE_LOG_DEPTH: () => (/* binding */ GATE_LOG_DEPTH),
  gatherFacts: () => (/* binding */ gatherFacts),
  measureBudget: () => (/* binding */ measureBudget),
  openFailure: () => (/* binding */ openFailure)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/evidence/image-ref.ts
var image_ref = __webpack_require__(70912);
// EXTERNAL MODULE: ./src/analysis/burn-rate.ts
var burn_rate = __webpack_require__(62084);
// EXTERNAL MODULE: ./src/gitops/quarantine.ts
var quarantine = __webpack_require__(34910);
// EXTERNAL MODULE: ./src/metrics/template.ts
var metrics_template = __webpack_require__(17155);
// EXTERNAL MODULE: ./src/rollout/recover.ts
var recover = __webpack_require__(11693);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/gitops/yaml-list.ts
var yaml_list = __webpack_require__(46897);
;// CONCATENATED MODULE: ./src/gate/overrides.ts
/**
 * Committed overrides: an incident's audited bypass of deploy windows and freezes, written where a
 * custom deployment protection rule (which takes no flags) and every rollout read it — the GitOps
 * repository, next to the quarantine list (`.glidepath/overrides.yaml` by default). The commit that
 * adds an entry is its audit record (who, when, reviewed like any change); the entry says for which
 * environment, why, and until when. Like `--override`, it never bypasses a quarantined digest or
 * failed evidence, and only the kinds `deploy.overrides` allows count.
 *
 * ```yaml
 * overrides:
 *   - environment: production
 *     kind: p0                        # p0 | security
 *     reason: "INC-4211: checkout hotfix"
 *     until: 2026-11-22T18:00:00Z     # at most 7 days ahead; expired entries are ignored
 *     service: checkout               # optional: only this service's deployments
 * ```
 *
 * A file Glidepath cannot read is a ConfigurationError at FILE:LINE:COL; gatherFacts keeps it as
 * no override plus the reason, so a deployment that needed the override is rejected (fail closed)
 * saying what to fix, and one inside its window is not held up by a typo here.
 */




/** The longest an entry may stay in force: an override is for an incident, not a standing exception. */
const MAX_OVERRIDE_DAYS = 7;
const KINDS = ['p0', 'security'];
/** ISO 8601 with a zone, as `until` must be written (a bare date or local time is ambiguous). */
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;
/** The overrides file next to `quarantineFile`. */
function overridesFileFor(quarantineFile) {
    return external_node_path_.posix.join((0,external_node_path_.dirname)(quarantineFile), 'overrides.yaml');
}
/** Every entry of an overrides file; undefined or empty text means none. */
function parseOverrides(text, file) {
    const list = (0,yaml_list/* readYamlList */.O)(text, file, 'overrides', 'an `overrides:` list');
    if (!list)
        return [];
    const { at } = list;
    return list.items.map((item, index) => {
        const name = `overrides[${index}]`;
        if (!(0,dist/* isMap */.jh)(item)) {
            throw new errors/* ConfigurationError */.j1(`${name}: expected a mapping with environment, kind, reason and until`, at(item));
        }
        const text = (key, required) => {
            const node = item.get(key, true);
            const value = (0,dist/* isScalar */.jn)(node) && node.value !== null ? String(node.value).trim() : undefined;
            if (required && !value) {
                throw new errors/* ConfigurationError */.j1(`${name}.${key} is required: ${HELP[key]}`, at(node ?? item));
            }
            return value || undefined;
        };
        const kind = text('kind', true);
        if (!KINDS.includes(kind)) {
            throw new errors/* ConfigurationError */.j1(`${name}.kind must be ${KINDS.join(' or ')}; got "${kind}"`, at(item.get('kind', true)));
        }
        const untilNode = item.get('until', true);
        // YAML may have read an unquoted timestamp as a Date already; keep what was written.
        const untilText = (0,dist/* isScalar */.jn)(untilNode)
            ? untilNode.value instanceof Date
                ? untilNode.value.toISOString()
                : String(untilNode.value ?? '').trim()
            : '';
        if (!untilText)
            throw new errors/* ConfigurationError */.j1(`${name}.until is required: ${HELP.until}`, at(untilNode ?? item));
        if (!INSTANT.test(untilText) || Number.isNaN(Date.parse(untilText))) {
            throw new errors/* ConfigurationError */.j1(`${name}.until must be an instant with a zone, e.g. 2026-11-22T18:00:00Z; got "${untilText}"`, at(untilNode));
        }
        const service = text('service', false);
        return {
            environment: text('environment', true),
            kind: kind,
            reason: text('reason', true),
            until: new Date(untilText),
            ...(service ? { service } : {}),
            where: at(item),
        };
    });
}
const HELP = {
    environment: 'the environment whose deployments it lets through (e.g. production)',
    kind: `why: ${KINDS.join(' or ')}`,
    reason: 'the incident or advisory, recorded with every commit it lets through',
    until: `when it stops applying, at most ${MAX_OVERRIDE_DAYS} days ahead (e.g. 2026-11-22T18:00:00Z)`,
};
/**
 * The entry in force for `environment` (and `service`) at `at`: the first listed whose `until` is
 * still ahead. An entry in force longer than MAX_OVERRIDE_DAYS from `at` is a ConfigurationError:
 * a standing exception belongs in `deploy.allow`, reviewed as policy.
 */
function overrideInForce(entries, scope) {
    const limit = scope.at.getTime() + MAX_OVERRIDE_DAYS * 24 * 3600 * 1000;
    for (const entry of entries) {
        if (entry.environment !== scope.environment)
            continue;
        if (entry.service !== undefined && entry.service !== scope.service)
            continue;
        if (entry.until.getTime() <= scope.at.getTime())
            continue;
        if (entry.until.getTime() > limit) {
            throw new errors/* ConfigurationError */.j1(`until ${entry.until.toISOString()} is more than ${MAX_OVERRIDE_DAYS} days away: an override is for an ` +
                'incident; shorten it, or change deploy.allow/deny in the policy for a standing exception', entry.where);
        }
        return entry;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/gate/facts.ts







/** How many branch commits are read to find the newest rollout (as `glidepath status` reads). */
const GATE_LOG_DEPTH = 200;
/** Reads the facts. Throws ConfigurationError when the policy has no `desired` section. */
async function gatherFacts(request) {
    const { policy, writer, at } = request;
    const desired = policy.desired;
    if (!desired) {
        throw new errors/* ConfigurationError */.j1('the gate reads the quarantine list and rollout history from the GitOps repository: add a desired section', policy.source);
    }
    const facts = {
        environment: request.environment ?? policy.environment ?? 'production',
        at,
    };
    // One read of the branch: every file below is read at its head commit (a sha needs no fetch), so
    // all the facts come from the same commit.
    const log = request.log ?? (await writer.log(desired.branch, GATE_LOG_DEPTH));
    const head = log[0]?.sha ?? desired.branch;
    if (request.digest) {
        const digest = image_ref/* Digest */.n.parse(request.digest, '--artifact').toString();
        facts.digest = digest;
        const text = await writer.readFile(head, desired.quarantineFile);
        const entry = (0,quarantine/* isQuarantined */.fK)(text, digest, desired.quarantineFile);
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
    // An override asked for now (--override) wins; else an entry committed to the overrides file.
    const overridesFile = overridesFileFor(desired.quarantineFile);
    facts.overridesFile = overridesFile;
    if (request.override) {
        facts.override = request.override;
    }
    else {
        // A broken file only matters when an override is needed: the decision then says what to fix
        // (and rejects); a deployment inside its window is not held up by it.
        let entry;
        try {
            const entries = parseOverrides(await writer.readFile(head, overridesFile), overridesFile);
            entry = overrideInForce(entries, {
                environment: facts.environment,
                ...(policy.service ? { service: policy.service } : {}),
                at,
            });
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigurationError */.j1))
                throw error;
            facts.overridesError = error.message;
        }
        if (entry) {
            facts.override = {
                kind: entry.kind,
                reason: entry.reason,
                committed: { where: entry.where, until: entry.until.toISOString() },
            };
        }
    }
    return facts;
}
/** The service's newest rollout when it was reverted and no later commit acknowledges it. */
async function openFailure(log, service, managed, writer) {
    const rollout = (0,recover/* recoverRollout */.k)(log, service === undefined ? {} : { service });
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
    const query = (0,metrics_template/* renderQuery */.n)(template, {
        ...(policy.service ? { service: policy.service } : {}),
        window: slo.period.toString(),
        args: policy.analysis.args,
    });
    let value;
    try {
        value = (await provider.query({ query, time: at })).value;
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1) {
            throw new errors/* ConfigurationError */.j1(`${field}: ${error.message}`, undefined, { cause: error });
        }
        if (!(error instanceof errors/* GlidepathError */.HT))
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
    const remaining = (0,burn_rate/* errorBudgetRemaining */.YH)(value, slo.objective / 100);
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


/***/ })

};

//# sourceMappingURL=234.index.js.map