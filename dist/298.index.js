export const id = 298;
export const ids = [298,707];
export const modules = {

/***/ 30298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/cli/commands/analyze.ts + 7 modules
var analyze = __webpack_require__(58690);
// EXTERNAL MODULE: ./src/cli/commands/rollout.ts + 8 modules
var rollout = __webpack_require__(79754);
// EXTERNAL MODULE: ./src/cli/commands/step.ts
var commands_step = __webpack_require__(87707);
// EXTERNAL MODULE: ./src/cli/commands/verify.ts + 24 modules
var verify = __webpack_require__(32651);
// EXTERNAL MODULE: ./src/config/load-policy.ts + 3 modules
var load_policy = __webpack_require__(28031);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/fork.ts
var github_fork = __webpack_require__(47975);
// EXTERNAL MODULE: ./src/report/admission.ts
var admission = __webpack_require__(27887);
// EXTERNAL MODULE: ./src/report/analysis.ts
var analysis = __webpack_require__(83002);
// EXTERNAL MODULE: ./src/report/rollout.ts
var report_rollout = __webpack_require__(38363);
// EXTERNAL MODULE: ./src/metrics/provider-settings.ts
var provider_settings = __webpack_require__(14692);
;// CONCATENATED MODULE: ./src/action/secrets.ts
/**
 * Which values the action registers with `core.setSecret` before the command runs: the GitHub
 * tokens in the environment, and every secret the policy's metric provider reads from the
 * environment (`resolveProvider(...).secrets`: tokens, passwords, API keys, `headersFromEnv`
 * values).
 *
 * Security: the runner replaces a registered value with `***` in every later log line, so masking
 * must happen before anything can print one — a provider's error, a request echoed back by a
 * misbehaving endpoint. `runAnalyze` and `runRolloutCommand` load the policy themselves; this reads
 * it once more up front for that reason only. A policy that cannot be loaded, or names a variable
 * that is unset, yields no provider secrets here: the command then stops with that same error
 * before it sends any request, so no unmasked value is used.
 */




/** The values to mask for `settings`, without duplicates or empty strings. */
async function secretsToMask(settings) {
    const secrets = [...settings.tokens];
    if (settings.command !== 'verify')
        secrets.push(...(await providerSecrets(settings)));
    return [...new Set(secrets.filter((secret) => secret !== ''))];
}
async function providerSecrets(settings) {
    const implicit = (0,external_node_path_.resolve)(settings.workspace, load_policy/* DEFAULT_POLICY_FILE */.mY);
    const file = settings.policyFile
        ? (0,external_node_path_.isAbsolute)(settings.policyFile)
            ? settings.policyFile
            : (0,external_node_path_.resolve)(settings.workspace, settings.policyFile)
        : (0,external_node_fs_.existsSync)(implicit)
            ? implicit
            : undefined;
    if (file === undefined)
        return [];
    try {
        const analysis = (await (0,load_policy/* loadPolicy */.tb)(file)).analysis;
        return analysis ? (0,provider_settings/* resolveProvider */.K)(analysis.provider, settings.env).secrets : [];
    }
    catch {
        // Reported by the command itself, before any request (see the module comment).
        return [];
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/rollout/types.ts
var types = __webpack_require__(19747);
;// CONCATENATED MODULE: ./src/action/settings.ts
/**
 * The action's inputs (action.yml), read once into typed settings (STYLE.md 2, like actions/checkout
 * `input-helper.ts`). Nothing else reads INPUT_* or GITHUB_*: the rest of the action and the library
 * get these settings, and the library gets the step's environment as `env` (provider secrets are
 * named by the policy, so the library must look them up by name).
 *
 * Input names are the ones in action.yml; action.yml passes each through `env:` as INPUT_<NAME>
 * with dashes written as underscores (a composite step's env must be a valid shell name). An input
 * that does not apply to the chosen command is refused, naming the command it belongs to: a
 * `bake:` left over from an analyze step would otherwise be silently ignored by a rollout.
 */








/** The commands `action.yml` can run (its `command` input). */
const ACTION_COMMANDS = ['verify', 'analyze', 'rollout', 'step'];
/** Where action.yml checks out `gitops-repository`, relative to the workspace. */
const GITOPS_CHECKOUT = '.glidepath/gitops';
/** Environment variables that may hold a GitHub token (as the library reads them; all are masked). */
const TOKEN_VARIABLES = ['GLIDEPATH_GITOPS_TOKEN', 'GLIDEPATH_TOKEN', 'GITHUB_TOKEN'];
/** Which commands each optional input applies to, and what to do instead elsewhere. */
const APPLIES_TO = {
    artifact: { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze judges labels: set canary-label' },
    evidence: { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze admits nothing' },
    'trusted-root': { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze verifies no evidence' },
    quarantine: { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze admits nothing' },
    report: {
        commands: ['verify', 'rollout', 'step'],
        otherwise: 'the analysis report is the record output, under RUNNER_TEMP',
    },
    'canary-label': { commands: ['analyze', 'rollout', 'step'], otherwise: 'verify runs no queries' },
    'stable-label': { commands: ['analyze', 'rollout', 'step'], otherwise: 'verify runs no queries' },
    since: {
        commands: ['analyze'],
        otherwise: 'a rollout starts each window when its step is applied',
    },
    bake: { commands: ['analyze'], otherwise: "a rollout bakes each step for the policy's exposure.bake" },
    repo: { commands: ['rollout', 'step'], otherwise: 'only a rollout commits to the GitOps repository' },
    control: {
        commands: ['step'],
        otherwise: 'controls act on an event-driven rollout in progress: use command step',
    },
    dispatch: { commands: ['step'], otherwise: 'only step hands the next unit of work to a new run' },
    'evidence-artifact': { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze admits nothing' },
    'gitops-repository': {
        commands: ['rollout', 'step'],
        otherwise: 'only a rollout commits to the GitOps repository',
    },
    override: { commands: ['rollout', 'step'], otherwise: 'only a rollout is held by the deploy policy' },
    'override-reason': {
        commands: ['rollout', 'step'],
        otherwise: 'only a rollout is held by the deploy policy',
    },
};
/** Reads and validates the inputs; a bad value is a ConfigurationError naming the input and the fix. */
function readSettings(env = process.env) {
    const input = (name) => (env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] ?? '').trim();
    const command = input('command') || 'rollout';
    if (!ACTION_COMMANDS.includes(command)) {
        throw new errors/* ConfigurationError */.j1(`input "command": "${command}" is not a command; set it to one of ${ACTION_COMMANDS.join(', ')}`);
    }
    const chosen = command;
    for (const [name, { commands, otherwise }] of Object.entries(APPLIES_TO)) {
        if (input(name) && !commands.includes(chosen)) {
            throw new errors/* ConfigurationError */.j1(`input "${name}" applies only to ${commands.length > 1 ? 'commands' : 'command'} ${new Intl.ListFormat('en').format(commands)}, not ${chosen} (${otherwise}); remove it from the step's with:`);
        }
    }
    const artifact = input('artifact');
    if (!artifact && chosen !== 'analyze') {
        throw new errors/* ConfigurationError */.j1(`input "artifact" is required for command ${chosen}: the image pinned by digest, e.g. ghcr.io/acme/app@sha256:…`);
    }
    const runnerTemp = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const optional = (name) => input(name) || undefined;
    const since = optional('since');
    const bake = optional('bake');
    const control = optional('control');
    if (control !== undefined && !types/* ROLLOUT_COMMANDS */.H.includes(control)) {
        throw new errors/* ConfigurationError */.j1(`input "control": "${control}" is not a control; set it to one of ${types/* ROLLOUT_COMMANDS */.H.join(', ')}`);
    }
    return {
        command: chosen,
        artifact,
        evidence: [
            ...input('evidence').split(/\s+/).filter(Boolean),
            // The composite step downloaded the artifact here (action.yml).
            ...(input('evidence-artifact') ? [(0,external_node_path_.join)(runnerTemp, 'glidepath-evidence')] : []),
        ],
        policyFile: optional('policy'),
        trustedRoot: optional('trusted-root'),
        quarantineFile: optional('quarantine'),
        reportPath: input('report') || (0,external_node_path_.join)(runnerTemp, 'glidepath', 'admission.json'),
        recordPath: (0,external_node_path_.join)(runnerTemp, 'glidepath', `${chosen === 'analyze' ? 'analysis' : 'rollout'}.json`),
        canaryLabel: optional('canary-label'),
        stableLabel: optional('stable-label'),
        ...(since === undefined ? {} : { since: readTime(since) }),
        ...(bake === undefined ? {} : { bake: duration/* Duration */.d.parse(bake, 'input "bake"') }),
        repo: optional('repo') ?? (input('gitops-repository') ? (0,external_node_path_.join)(workspace, GITOPS_CHECKOUT) : undefined),
        ...(control === undefined ? {} : { control: control }),
        dispatch: optional('dispatch'),
        ...readOverride(optional('override'), optional('override-reason')),
        workspace,
        eventName: env.GITHUB_EVENT_NAME,
        eventPayload: readEvent(env.GITHUB_EVENT_PATH),
        env,
        tokens: TOKEN_VARIABLES.map((name) => env[name]).filter((value) => Boolean(value)),
    };
}
function readOverride(kind, reason) {
    try {
        return (0,rollout.overrideFrom)(kind, reason, { override: 'input "override"', reason: 'input "override-reason"' });
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(error.message);
    }
}
function readTime(text) {
    try {
        return (0,analyze.parseTime)(text, 'since');
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`input "since": "${text}" is not a time; write RFC 3339 (2026-11-22T10:00:00Z) or unix seconds (1795860000)`);
    }
}
function readEvent(path) {
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`cannot read the event payload: ${error.message}`, path);
    }
}

;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * The action face (STYLE.md 1): reads the inputs once (settings.ts), masks every secret, runs one
 * command through the same library calls as the CLI (`runVerify`, `runAnalyze`,
 * `runRolloutCommand`), then writes the outputs, the job summary and the annotations, and returns
 * the CLI's exit status. Never throws.
 *
 * How an outcome ends the job (DESIGN.md "Errors and exit codes"):
 * - admitted, `pass`, `promoted` (and `continuing`: this run's step is done, the next run goes on):
 *   success (0);
 * - rejected, `fail`, `reverted`: failed (1);
 * - `inconclusive`, `paused`: failed with "held: …" (4) — nothing advanced, a person decides;
 * - `error` (the provider kept failing) and infrastructure errors: failed (3); bad inputs or
 *   policy: failed (2), with an annotation on each policy problem's line.
 *
 * Security (log injection): progress lines and reports carry text from outside — a metric
 * endpoint's answer quoted in an error, evidence file contents in a reason. A line of it that began
 * with `::` would be a workflow command to the runner (an annotation, a mask, a group), so all such
 * text is written between `::stop-commands::TOKEN` and `::TOKEN::` with a fresh random token
 * (`logUntrusted`). Only this file's own calls (`core.setOutput`, `core.error`, `core.setFailed`)
 * issue commands, and `@actions/core` escapes their data.
 */
















/** Every command `action.yml` offers, each with its handler (exhaustive over ActionCommand). */
const HANDLERS = {
    verify: verifyInAction,
    analyze: analyzeInAction,
    rollout: rolloutInAction,
    step: rolloutInAction,
};
/**
 * Runs the command the inputs name. `env` is the step's environment (process.env on a runner);
 * `now` the clock.
 */
async function runAction(now = () => new Date(), env = process.env) {
    let workspace = process.cwd();
    try {
        const settings = readSettings(env);
        workspace = settings.workspace;
        for (const secret of await secretsToMask(settings))
            core/* setSecret */.Pq(secret);
        return await HANDLERS[settings.command](settings, now);
    }
    catch (error) {
        if (error instanceof load_policy/* PolicyError */.pn)
            annotatePolicy(error, workspace);
        core/* setFailed */.C1((0,errors/* describeError */.Uc)(error));
        return (0,errors/* exitCodeOf */.FO)(error);
    }
}
/** One annotation per policy problem, placed on the policy file's line in the pull request view. */
function annotatePolicy(error, workspace) {
    const file = (0,external_node_path_.relative)(workspace, error.file);
    for (const problem of error.problems) {
        core/* error */.z3(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
            title: 'Glidepath policy',
            file,
            startLine: problem.line,
            startColumn: problem.column,
        });
    }
}
async function verifyInAction(settings, now) {
    const fork = (0,github_fork/* forkOrigin */.t)(settings.eventName, settings.eventPayload);
    const report = fork
        ? refusedFromFork(settings, fork)
        : await (0,verify.runVerify)({
            artifact: settings.artifact,
            evidence: settings.evidence,
            policyFile: settings.policyFile,
            trustedRoot: settings.trustedRoot,
            quarantineFile: settings.quarantineFile,
        }, libraryIo(settings, now));
    publishAdmission(settings, report);
    await core/* summary */.z.addRaw((0,admission/* admissionMarkdown */.ZX)(report)).write();
    return report.admitted ? errors/* ExitCode */.yU.ok : failAdmission(report);
}
async function analyzeInAction(settings, now) {
    const report = await (0,analyze.runAnalyze)({
        ...(settings.policyFile ? { policyFile: settings.policyFile } : {}),
        ...(settings.canaryLabel ? { canary: settings.canaryLabel } : {}),
        ...(settings.stableLabel ? { stable: settings.stableLabel } : {}),
        ...(settings.since ? { since: settings.since } : {}),
        ...(settings.bake ? { bake: settings.bake } : {}),
    }, libraryIo(settings, now), { progress: logUntrusted });
    core/* setOutput */.uH('verdict', report.phase);
    core/* setOutput */.uH('record', writeReport(settings, settings.recordPath, (0,analysis/* analysisJson */.RC)(report)));
    logUntrusted((0,analysis/* analysisText */.io)(report));
    await core/* summary */.z.addRaw((0,analysis/* analysisMarkdown */.s0)(report)).write();
    switch (report.phase) {
        case 'pass':
            break;
        case 'fail':
            core/* setFailed */.C1(`analysis failed: ${report.reason}`);
            break;
        case 'inconclusive':
            core/* setFailed */.C1(`held: the analysis is inconclusive, so nothing may advance: ${report.reason}`);
            break;
        case 'error':
            core/* setFailed */.C1(`the analysis errored (the provider kept failing, never a pass): ${report.reason}`);
            break;
    }
    return analyze.ANALYSIS_EXIT[report.phase];
}
/** `rollout` (the whole loop) and `step` (one unit of it, or a control, then the next run dispatched). */
async function rolloutInAction(settings, now) {
    const step = settings.command === 'step';
    // The event guard of `glidepath step`: no fork, no other branch, no failed CI run; a status that
    // is not final is no step at all.
    const skip = step && settings.eventName && settings.eventPayload
        ? (0,commands_step.checkEventPayload)(settings.eventName, settings.eventPayload)
        : undefined;
    if (skip) {
        core/* info */.pq(skip);
        core/* setOutput */.uH('verdict', 'skipped');
        return errors/* ExitCode */.yU.ok;
    }
    // A fork's workflow could bring its own evidence and its own artifact: never roll out from one.
    const fork = (0,github_fork/* forkOrigin */.t)(settings.eventName, settings.eventPayload);
    const result = fork
        ? { admitted: false, admission: refusedFromFork(settings, fork) }
        : await (0,rollout.runRolloutCommand)({
            artifact: settings.artifact,
            evidence: settings.evidence,
            ...(settings.policyFile ? { policyFile: settings.policyFile } : {}),
            ...(settings.repo ? { repo: settings.repo } : {}),
            ...(settings.canaryLabel ? { canaryLabel: settings.canaryLabel } : {}),
            ...(settings.stableLabel ? { stableLabel: settings.stableLabel } : {}),
            ...(settings.trustedRoot ? { trustedRoot: settings.trustedRoot } : {}),
            ...(settings.quarantineFile ? { quarantineFile: settings.quarantineFile } : {}),
            ...(step ? { singleStep: true } : {}),
            ...(settings.control ? { control: settings.control } : {}),
            ...(settings.override ? { override: settings.override } : {}),
        }, libraryIo(settings, now));
    if (result.admission)
        publishAdmission(settings, result.admission);
    if (!result.admitted) {
        core/* setOutput */.uH('verdict', 'rejected');
        await core/* summary */.z.addRaw((0,admission/* admissionMarkdown */.ZX)(result.admission)).write();
        return failAdmission(result.admission);
    }
    const { record } = result;
    core/* setOutput */.uH('verdict', record.outcome);
    core/* setOutput */.uH('record', writeReport(settings, settings.recordPath, (0,report_rollout/* rolloutJson */.ui)(record)));
    core/* setOutput */.uH('digest', record.digest);
    logUntrusted((0,report_rollout/* rolloutText */.pY)(record));
    await core/* summary */.z
        .addRaw((0,report_rollout/* rolloutMarkdown */.rU)(record))
        .addRaw(result.admission ? `\n${(0,admission/* admissionMarkdown */.ZX)(result.admission)}` : '')
        .write();
    switch (record.outcome) {
        case 'promoted':
            break;
        case 'reverted':
            core/* error */.z3((0,report_rollout/* revertCause */.Wz)(record) ?? record.reason, { title: 'Glidepath rollout reverted' });
            // The executor's reason already reads "rollout … failed and was reverted: step …: …".
            core/* setFailed */.C1(record.reason);
            break;
        case 'paused':
            core/* setFailed */.C1(`held: ${record.reason}; exposure stays where it is until a person decides`);
            break;
        case 'continuing':
            if (settings.dispatch) {
                core/* info */.pq(`dispatched the next step: ${await (0,commands_step.dispatchNext)(settings, settings.dispatch, settings.artifact)}`);
            }
            break;
    }
    return rollout.ROLLOUT_EXIT[record.outcome];
}
/** Writes the admission report and sets `admitted`, `digest` and `report`. */
function publishAdmission(settings, report) {
    core/* setOutput */.uH('admitted', String(report.admitted));
    core/* setOutput */.uH('digest', report.digest);
    core/* setOutput */.uH('report', writeReport(settings, settings.reportPath, (0,admission/* admissionJson */.MV)(report)));
    logUntrusted((0,admission/* admissionText */.b9)(report));
}
/** An error annotation per failing or missing check, and the job failed. */
function failAdmission(report) {
    for (const check of report.checks) {
        if (check.status === 'fail' || check.status === 'missing') {
            core/* error */.z3(check.reason, {
                title: `${check.kind} ${check.status}${check.file ? `: ${check.file}` : ''}`,
            });
        }
    }
    core/* setFailed */.C1(`${report.artifact} was not admitted: see the checks above and the job summary`);
    return errors/* ExitCode */.yU.rejected;
}
/** Writes `text` to `path` (relative to the workspace), creating its directory; returns the absolute path. */
function writeReport(settings, path, text) {
    const absolute = (0,external_node_path_.resolve)(settings.workspace, path);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(absolute), { recursive: true });
    (0,external_node_fs_.writeFileSync)(absolute, text);
    return absolute;
}
/** What the library calls see: the workspace, the clock, the step's environment, and a safe log. */
function libraryIo(settings, now) {
    return { stdout: logUntrusted, stderr: logUntrusted, cwd: settings.workspace, now, env: settings.env };
}
/** Writes `text` to the job log with workflow commands stopped (see the module comment). */
function logUntrusted(text) {
    if (text === '')
        return;
    const token = (0,external_node_crypto_.randomUUID)();
    process.stdout.write(`::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`);
}
function refusedFromFork(settings, fork) {
    const digest = settings.artifact.split('@')[1] ?? '';
    return {
        artifact: settings.artifact,
        digest,
        admitted: false,
        checks: [
            {
                kind: 'artifact',
                file: '',
                status: 'fail',
                reason: `this ${settings.eventName} run was triggered from the fork ${fork}; evidence from forks is never admitted`,
            },
        ],
        ignored: [],
        policy: settings.policyFile ?? 'defaults',
    };
}


/***/ }),

/***/ 87707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkEvent: () => (/* binding */ checkEvent),
/* harmony export */   checkEventPayload: () => (/* binding */ checkEventPayload),
/* harmony export */   controlCommand: () => (/* binding */ controlCommand),
/* harmony export */   dispatchNext: () => (/* binding */ dispatchNext),
/* harmony export */   parseControl: () => (/* binding */ parseControl),
/* harmony export */   stepCommand: () => (/* binding */ stepCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _rollout_types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(19747);
/* harmony import */ var _github_fork_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(47975);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6702);
/* harmony import */ var _report_admission_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27887);
/* harmony import */ var _report_rollout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38363);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79754);








/** The deployment statuses that say whether a commit was applied: the ones that start a step. */
const FINAL_STATES = ['success', 'failure', 'error'];
/**
 * The event that started this run must be one a rollout may act on: a `workflow_run` from a fork,
 * or from a branch other than the default one, is refused (its evidence is not ours to trust).
 * Returns why the event is no step to take, when it is not: a `deployment_status` that is not
 * final (`queued`, `pending`, `in_progress` — Glidepath's own progress statuses among them — or
 * `inactive`) runs nothing and exits 0, so a token that makes statuses start workflows cannot turn
 * every status into a step. `success`, `failure` and `error` run one: the live step's reconcile wait
 * reads which it was (applied, or not applied at once).
 */
async function checkEvent(env) {
    const name = env.GITHUB_EVENT_NAME;
    if (!name || !env.GITHUB_EVENT_PATH)
        return undefined;
    let payload;
    try {
        payload = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot read the event payload: ${error.message}`, env.GITHUB_EVENT_PATH);
    }
    return checkEventPayload(name, payload);
}
/** {@link checkEvent} on a payload already read (the action's settings hold it). */
function checkEventPayload(name, payload) {
    const fork = (0,_github_fork_js__WEBPACK_IMPORTED_MODULE_6__/* .forkOrigin */ .t)(name, payload);
    if (fork) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`refusing to roll out from a ${name} event triggered by the fork ${fork}: its artifacts and evidence are not this repository's`);
    }
    if (name === 'workflow_run') {
        const run = (payload.workflow_run ?? {});
        const defaultBranch = payload.repository?.default_branch;
        if (typeof defaultBranch === 'string' && run.head_branch !== defaultBranch) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`refusing to roll out from a workflow_run on branch ${String(run.head_branch)}; only ${defaultBranch} (the default branch) deploys`);
        }
        if (run.conclusion !== undefined && run.conclusion !== 'success') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`refusing to roll out after a ${String(run.conclusion)} CI run; it must succeed`);
        }
    }
    if (name === 'deployment_status') {
        const state = payload.deployment_status?.state;
        const id = payload.deployment?.id;
        if (!FINAL_STATES.includes(String(state))) {
            return (`this deployment_status is ${String(state)} (deployment ${String(id)}); only a final one ` +
                `(${FINAL_STATES.join(', ')}: the controller reporting whether it applied the commit) starts a step, so there is nothing to do`);
        }
    }
    return undefined;
}
/** `text` as a manual control; anything else is a UsageError listing them (`field` names the flag or input). */
function parseControl(text, field = '--control') {
    if (!_rollout_types_js__WEBPACK_IMPORTED_MODULE_7__/* .ROLLOUT_COMMANDS */ .H.includes(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${field} must be one of ${_rollout_types_js__WEBPACK_IMPORTED_MODULE_7__/* .ROLLOUT_COMMANDS */ .H.join(', ')}; got "${text}"`);
    }
    return text;
}
/**
 * Dispatches the next run of `workflow` (works with GITHUB_TOKEN, unlike other events) with inputs
 * `command: step` and `artifact`; returns what was dispatched, for the log.
 */
async function dispatchNext(io, workflow, artifact) {
    const env = io.env ?? {};
    const token = env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN;
    const repository = env.GITHUB_REPOSITORY;
    if (!token || !repository) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('--dispatch needs GITHUB_REPOSITORY and GITHUB_TOKEN (or GLIDEPATH_TOKEN) in the environment');
    }
    const [owner, repo] = repository.split('/');
    const ref = env.GITHUB_REF_NAME || 'main';
    const octokit = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_2__/* .createOctokit */ .Q)({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
    await octokit.rest.actions.createWorkflowDispatch({
        owner,
        repo,
        workflow_id: workflow,
        ref,
        inputs: { command: 'step', artifact },
    });
    return `${repository} ${workflow} on ${ref}`;
}
const stepCommand = {
    name: 'step',
    description: [
        'One unit of the rollout per run, for workflows started by workflow_run, deployment_status or',
        'workflow_dispatch. Where the rollout stands is read from the GitOps branch (Glidepath-* trailers):',
        'nothing yet commits the first step; a step in progress is waited for, baked and judged, then the',
        'next step is committed (or the canary promoted, or the smallest reversal committed) and the run',
        'ends. With --dispatch, the next run of that workflow is dispatched (events made with GITHUB_TOKEN',
        'start no other workflow, dispatch does). A rerun of the same event changes nothing. A workflow_run',
        'from a fork, from a branch other than the default, or of a failed CI run is refused; a',
        'deployment_status that is not final (queued, pending, in_progress, inactive) runs nothing (exit 0).',
        '',
        'Exit status: 0 continuing or promoted, 1 rejected or reverted, 4 paused, 2 bad usage, policy or event,',
        '3 infrastructure retries exhausted, 70 internal error.',
    ].join('\n'),
    options: [
        ...(0,_rollout_js__WEBPACK_IMPORTED_MODULE_5__.ROLLOUT_OPTIONS)(),
        {
            name: 'control',
            type: 'string',
            placeholder: 'CMD',
            description: 'a manual control for the rollout in progress: promote, promote-full, abort, retry, pause or resume',
        },
        {
            name: 'dispatch',
            type: 'string',
            placeholder: 'WORKFLOW',
            description: 'workflow file or id to dispatch for the next step (with inputs command=step, artifact)',
        },
    ],
    examples: [
        'glidepath step --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --dispatch rollout.yml',
    ],
    async run(values, io) {
        const skip = await checkEvent(io.env ?? {});
        if (skip) {
            io.stderr(`glidepath step: ${skip}\n`);
            return _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.ok;
        }
        const control = values.control === undefined ? undefined : parseControl(values.control);
        const settings = { ...(0,_rollout_js__WEBPACK_IMPORTED_MODULE_5__.settingsFrom)(values), singleStep: true, ...(control ? { control } : {}) };
        const result = await (0,_rollout_js__WEBPACK_IMPORTED_MODULE_5__.runRolloutCommand)(settings, io);
        if (!result.admitted) {
            io.stdout(values.json ? (0,_report_admission_js__WEBPACK_IMPORTED_MODULE_3__/* .admissionJson */ .MV)(result.admission) : (0,_report_admission_js__WEBPACK_IMPORTED_MODULE_3__/* .admissionText */ .b9)(result.admission));
            return _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.rejected;
        }
        io.stdout(values.json ? (0,_report_rollout_js__WEBPACK_IMPORTED_MODULE_4__/* .rolloutJson */ .ui)(result.record) : (0,_report_rollout_js__WEBPACK_IMPORTED_MODULE_4__/* .rolloutText */ .pY)(result.record));
        const workflow = values.dispatch;
        if (result.record.outcome === 'continuing' && workflow) {
            io.stderr(`dispatched the next step: ${await dispatchNext(io, workflow, settings.artifact)}\n`);
        }
        return _rollout_js__WEBPACK_IMPORTED_MODULE_5__.ROLLOUT_EXIT[result.record.outcome];
    },
};
/** What each control does, for its command's help. */
const CONTROL_HELP = {
    promote: 'Moves the rollout in progress to its next step now, without waiting for the bake (at the last step it promotes). With --full, commits 100% as the last step.',
    abort: 'Reverses the rollout in progress now with the smallest reversal (rollback.order). The digest is not quarantined: a person aborting is no evidence against it.',
    retry: 'Bakes the paused step again (a person decided the inconclusive analysis deserves another look).',
    pause: 'Holds the rollout in progress at its current step: nothing advances until promote, retry, resume or abort.',
    resume: 'Continues a paused rollout: the same as retry.',
};
/**
 * `glidepath promote|abort|retry|pause|resume`: a person's decision about the rollout in progress,
 * the same as `glidepath step --control …` (and the action's `control` input).
 */
function controlCommand(control) {
    return {
        name: control,
        description: [
            CONTROL_HELP[control],
            'Where the rollout stands is read from the GitOps branch; the command acts on the live step and ends',
            '(with --dispatch, the next run is dispatched). A command that cannot act says why and changes nothing.',
            '',
            'Exit status: 0 continuing or promoted, 1 reverted, 4 paused, 2 bad usage or no rollout in progress,',
            '3 infrastructure retries exhausted, 70 internal error.',
        ].join('\n'),
        options: [
            ...stepCommand.options.filter((option) => option.name !== 'control'),
            ...(control === 'promote'
                ? [{ name: 'full', type: 'boolean', description: 'commit 100% as the last step' }]
                : []),
        ],
        examples: [
            `glidepath ${control} --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef${control === 'promote' ? ' --full' : ''}`,
        ],
        run(values, io) {
            const { full, ...rest } = values;
            return stepCommand.run({ ...rest, control: control === 'promote' && full ? 'promote-full' : control }, io);
        },
    };
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   HT: () => (/* binding */ GlidepathError),
/* harmony export */   N_: () => (/* binding */ TransientError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   c5: () => (/* binding */ HeldError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   js: () => (/* binding */ EvidenceFormatError),
/* harmony export */   yU: () => (/* binding */ ExitCode)
/* harmony export */ });
/**
 * The error vocabulary. Every error a user can act on says what was being done, with which value,
 * and what to do about it. Anything that is not one of these classes is a bug in Glidepath.
 */
/** Exit statuses shared by the CLI and the action (DESIGN.md "Errors and exit codes"). */
const ExitCode = {
    /** Admitted, promoted, or the command did what was asked. */
    ok: 0,
    /** A result the user must look at: evidence rejected, rollout failed and reverted. */
    rejected: 1,
    /** The user can fix it: bad flag, bad policy, unreadable or malformed input, tag instead of digest. */
    configuration: 2,
    /** Infrastructure kept failing after bounded retries (network, 5xx, compare-and-swap conflicts). */
    transient: 3,
    /** Not enough evidence either way: the analysis is inconclusive and the rollout holds. */
    inconclusive: 4,
    /** A bug in Glidepath. */
    internal: 70,
};
/** Base class: a failure Glidepath understands and can explain. */
class GlidepathError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
    /**
     * Whether the message already starts with where the problem is (`FILE:LINE:COL: …`), so a
     * terminal prints it bare, the way compilers do, for editors and problem matchers to pick up.
     */
    get located() {
        return false;
    }
}
/**
 * The user can fix it: a flag, a policy field, a file. `location` names the file (and, where known,
 * line and column) so the message can be printed as `FILE:LINE:COL: message`.
 */
class ConfigurationError extends GlidepathError {
    location;
    exitCode = ExitCode.configuration;
    constructor(message, location, options) {
        super(location ? `${location}: ${message}` : message, options);
        this.location = location;
    }
    get located() {
        return this.location !== undefined;
    }
}
/**
 * The deploy policy holds this deployment now (a closed window, a freeze, a spent error budget, an
 * unacknowledged failed rollout): nothing was committed. Exit 1, like a rejected artifact.
 */
class HeldError extends GlidepathError {
    exitCode = ExitCode.rejected;
}
/** A bad command line: unknown flag, missing argument. Printed with a pointer to `--help`. */
class UsageError extends ConfigurationError {
}
/**
 * An evidence file could not be read or is not what it claims to be (truncated JSON or XML, a field
 * of the wrong type). Exit 2: the evidence set is broken, not rejected.
 */
class EvidenceFormatError extends ConfigurationError {
}
/** Infrastructure failed and may work on retry (network, 429, 5xx, a lost compare-and-swap). */
class TransientError extends GlidepathError {
    exitCode = ExitCode.transient;
}
/** Maps anything thrown to the exit status it deserves; unknown errors are bugs. */
function exitCodeOf(error) {
    return error instanceof GlidepathError ? error.exitCode : ExitCode.internal;
}
/** The one-line message for a user; unknown errors say they are a bug and where to report it. */
function describeError(error) {
    if (error instanceof GlidepathError)
        return error.message;
    const detail = error instanceof Error ? error.message : String(error);
    return `unexpected error (a bug in Glidepath; please report it with the command you ran): ${detail}`;
}


/***/ }),

/***/ 47975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ forkOrigin)
/* harmony export */ });
/**
 * Evidence from a fork is attacker-controlled: a fork's workflow can write any JUnit, scan or SBOM
 * it likes. Glidepath refuses to admit on the strength of a run whose code came from a fork,
 * whichever event carried it here. Returns the fork's full name, or undefined when the run is the
 * repository's own.
 */
function forkOrigin(eventName, payload) {
    const event = (payload ?? {});
    const repository = fullName(event.repository);
    if (eventName === 'workflow_run') {
        const run = (event.workflow_run ?? {});
        const head = fullName(run.head_repository);
        return head && repository && head !== repository ? head : undefined;
    }
    if (eventName === 'pull_request' ||
        eventName === 'pull_request_target' ||
        eventName === 'pull_request_review') {
        const pull = (event.pull_request ?? {});
        const head = fullName(pull.head?.repo);
        const base = fullName(pull.base?.repo) ?? repository;
        return head && base && head !== base ? head : undefined;
    }
    return undefined;
}
function fullName(repo) {
    const name = repo?.full_name;
    return typeof name === 'string' ? name.toLowerCase() : undefined;
}


/***/ }),

/***/ 19747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ ROLLOUT_COMMANDS)
/* harmony export */ });
/** The manual controls, in the order help and errors list them. */
const ROLLOUT_COMMANDS = ['promote', 'promote-full', 'abort', 'retry', 'pause', 'resume'];


/***/ })

};

//# sourceMappingURL=298.index.js.map