export const id = 324;
export const ids = [324];
export const modules = {

/***/ 36324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GATE_LOG_DEPTH: () => (/* binding */ GATE_LOG_DEPTH),
/* harmony export */   gatherFacts: () => (/* binding */ gatherFacts),
/* harmony export */   measureBudget: () => (/* binding */ measureBudget),
/* harmony export */   openFailure: () => (/* binding */ openFailure)
/* harmony export */ });
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


/***/ })

};

//# sourceMappingURL=324.index.js.map