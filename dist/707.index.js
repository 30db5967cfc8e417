export const id = 707;
export const ids = [707];
export const modules = {

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

//# sourceMappingURL=707.index.js.map