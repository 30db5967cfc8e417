export const id = 171;
export const ids = [171];
export const modules = {

/***/ 46171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _rollout_recover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11693);
/* harmony import */ var _gitops_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30452);



const statusCommand = {
    name: 'status',
    description: [
        "Reads the branch's Glidepath commits (their Glidepath-* trailers) and prints the newest rollout of",
        "the policy's service: in progress at which step and weight, promoted, or reverted, with its commits.",
        'Nothing else is consulted: the GitOps history is the record.',
        '',
        'Exit status: 0 (also when there is no rollout), 2 bad usage or policy, 3 the host kept failing.',
    ].join('\n'),
    options: [
        { name: 'rollout', type: 'string', placeholder: 'ID', description: 'a rollout id instead of the newest' },
        ..._gitops_options_js__WEBPACK_IMPORTED_MODULE_1__/* .GITOPS_OPTIONS */ .q,
    ],
    examples: ['glidepath status --policy glidepath.yaml', 'glidepath status --repo ../gitops --json'],
    async run(values, io) {
        const { policy, desired, checkout } = await (0,_gitops_options_js__WEBPACK_IMPORTED_MODULE_1__/* .gitopsPolicy */ .RR)(values, io);
        const writer = await (0,_gitops_options_js__WEBPACK_IMPORTED_MODULE_1__/* .openWriter */ .Kn)(desired, io, checkout);
        try {
            const log = await writer.log(desired.branch, 200);
            const rollout = (0,_rollout_recover_js__WEBPACK_IMPORTED_MODULE_2__/* .recoverRollout */ .k)(log, {
                ...(policy.service ? { service: policy.service } : {}),
                ...(values.rollout ? { rollout: values.rollout } : {}),
            });
            io.stdout(values.json ? JSON.stringify(rollout ?? null, null, 2) + '\n' : (0,_rollout_recover_js__WEBPACK_IMPORTED_MODULE_2__/* .recoveredText */ .P)(rollout));
            return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.ok;
        }
        finally {
            await writer.close();
        }
    },
};


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

//# sourceMappingURL=171.index.js.map