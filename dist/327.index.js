export const id = 327;
export const ids = [327];
export const modules = {

/***/ 81327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runHandoff: () => (/* binding */ runHandoff)
});

// UNUSED EXPORTS: describeObject, phaseQuery, readControllerPhase

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/gitops/desire.ts + 2 modules
var desire = __webpack_require__(19486);
// EXTERNAL MODULE: ./src/gitops/revert.ts
var gitops_revert = __webpack_require__(96440);
// EXTERNAL MODULE: ./src/rollout/reconcile/types.ts
var types = __webpack_require__(93135);
;// CONCATENATED MODULE: ./src/rollout/controller-phase.ts
/**
 * Hand-off mode's pure part (issue 5, Build 6): which PromQL reads where an Argo Rollouts Rollout or
 * a Flagger Canary stands, and what a measurement of it means. The controllers step traffic
 * themselves; Glidepath only reads their own Prometheus metrics, so this module is a reading of two
 * vocabularies into one (`ControllerPhase`), table-tested in __tests__/unit/rollout/handoff.test.ts.
 *
 * Argo Rollouts (controller `/metrics` on :8090):
 * - `rollout_info{namespace, name, strategy, traffic_router, phase}` is always 1; the phase is a
 *   label. The controller computes it from the Progressing condition's reason (argoproj/argo-rollouts
 *   controller/metrics/rollouts.go `calculatePhase`): `Progressing`, `Paused`, `Completed`,
 *   `Abort` (RolloutAborted: an AnalysisRun failed or a person ran `abort`), `Timeout`
 *   (progressDeadlineSeconds exceeded), `Error` (FailedRSCreate), `InvalidSpec`. Dashboards and
 *   alerts also match the Rollout's `status.phase` vocabulary (pkg/apis/rollouts/v1alpha1 types.go
 *   `RolloutPhase`: `Healthy`, `Degraded`, `Progressing`, `Paused`); an aborted Rollout is
 *   `Degraded` there. Both are read.
 * - `rollout_phase{namespace, name, strategy, phase}` (DEPRECATED in favour of rollout_info,
 *   controller/metrics/prommetrics.go): one series per phase, 1 for the current one, 0 for the rest.
 *
 * Flagger (`/metrics` on :8080; labels from pkg/metrics/recorder.go):
 * - `flagger_canary_status{name, namespace}`: "0 - running, 1 - successful, 2 - failed"
 *   (docs/gitbook/usage/monitoring.md). The source is coarser than the docs: `SetStatus` writes 0
 *   for Progressing, 2 for Failed and 1 for EVERY other phase — Initialized, Waiting,
 *   WaitingPromotion, Promoting, Finalising, Succeeded. So 1 alone is not "promoted".
 * - `flagger_canary_weight{workload, namespace}`: the canary's current weight (`workload` = the
 *   target's name; `<name>-primary` carries the primary's). A 1 with canary weight 0 is a finished
 *   promotion; a 1 with weight above 0 is waiting for promotion approval or still promoting.
 * - `flagger_canary_phase{name, namespace}` (newer Flagger): one distinct value per phase, 0
 *   Initializing … 10 Terminated (recorder.go `canaryPhaseValues`). Read first when present.
 * - `name` is the Canary's `spec.targetRef.name` (the Deployment), usually the Canary's own name.
 *
 * Hazard: both controllers keep showing the PREVIOUS rollout's end state (Completed/Healthy, status
 * 1) until they notice the new commit. `runHandoff` therefore trusts a verdict only after it saw the
 * controller working (progressing or paused) since its commit.
 */

/** Kubernetes object names and namespaces (RFC 1123 subdomain); also keeps PromQL strings safe. */
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/**
 * The PromQL that reads `spec`'s phase in one instant query. Argo: `rollout_info` (the deprecated
 * `rollout_phase`'s current series as a fallback for old controllers). Flagger: the exact phase when
 * the controller exports it, else the status code, plus the canary's weight. `or` keeps each
 * series' `__name__`, which `readControllerPhase` dispatches on.
 */
function phaseQuery(spec) {
    const name = checkName(spec.name, 'name');
    const namespace = checkName(spec.namespace, 'namespace');
    if (spec.controller === 'argo-rollouts') {
        const selector = `{namespace="${namespace}",name="${name}"}`;
        return `rollout_info${selector} or rollout_phase${selector} == 1`;
    }
    const selector = `{namespace="${namespace}",name="${name}"}`;
    return (`flagger_canary_phase${selector} or flagger_canary_status${selector}` +
        ` or flagger_canary_weight{namespace="${namespace}",workload="${name}"}`);
}
/** Reads one instant measurement of `phaseQuery(spec)`; see the module comment for the tables. */
function readControllerPhase(spec, measurement) {
    const object = describeObject(spec);
    if (measurement.noData || measurement.series.length === 0) {
        return {
            phase: 'unknown',
            detail: `no series for ${object}: is the controller's /metrics scraped, and are name and namespace right?`,
            quarantine: false,
        };
    }
    return spec.controller === 'argo-rollouts'
        ? readArgo(measurement.series, object)
        : readFlagger(measurement.series, object);
}
/** `argo-rollouts Rollout demo/web`, as messages name the object. */
function describeObject(spec) {
    return spec.controller === 'argo-rollouts'
        ? `argo-rollouts Rollout ${spec.namespace}/${spec.name}`
        : `flagger Canary ${spec.namespace}/${spec.name}`;
}
/**
 * Argo phase label values (both vocabularies, see the module comment) to the shared phase, and
 * whether a failure is evidence against the image.
 */
const ARGO_PHASES = {
    Progressing: { phase: 'progressing' },
    Paused: { phase: 'paused' },
    Completed: { phase: 'succeeded' },
    Healthy: { phase: 'succeeded' },
    Abort: { phase: 'failed', quarantine: true },
    Degraded: { phase: 'failed', quarantine: true },
    Timeout: { phase: 'failed', quarantine: true },
    Error: { phase: 'failed', quarantine: false },
    InvalidSpec: { phase: 'failed', quarantine: false },
};
/** Which reading wins when several series are current at once (a scrape caught mid-change). */
const PRECEDENCE = ['failed', 'succeeded', 'paused', 'progressing', 'unknown'];
function readArgo(series, object) {
    const readings = [];
    for (const one of series) {
        const metric = one.labels.__name__ ?? 'rollout_info';
        const value = lastValue(one);
        // rollout_info is always 1; rollout_phase is 1 only for the current phase (the query keeps those).
        if (value !== 1)
            continue;
        const label = one.labels.phase;
        const known = label === undefined ? undefined : ARGO_PHASES[label];
        readings.push(known
            ? {
                phase: known.phase,
                detail: `${metric} phase="${label}"`,
                quarantine: known.quarantine ?? false,
            }
            : {
                phase: 'unknown',
                detail: `${metric} phase=${JSON.stringify(label ?? '')} is not an Argo Rollouts phase Glidepath knows (${Object.keys(ARGO_PHASES).join(', ')})`,
                quarantine: false,
            });
    }
    if (readings.length === 0) {
        return { phase: 'unknown', detail: `no current phase series for ${object}`, quarantine: false };
    }
    return pick(readings);
}
/** `flagger_canary_phase` values (recorder.go `canaryPhaseValues`). */
const FLAGGER_PHASES = [
    // First deployment of a Canary: Flagger initialises the primary without an analysis.
    { name: 'Initializing', phase: 'progressing' },
    { name: 'Initialized', phase: 'succeeded' },
    { name: 'Waiting', phase: 'paused' },
    { name: 'Progressing', phase: 'progressing' },
    { name: 'WaitingPromotion', phase: 'paused' },
    { name: 'Promoting', phase: 'progressing' },
    { name: 'Finalising', phase: 'progressing' },
    { name: 'Succeeded', phase: 'succeeded' },
    { name: 'Failed', phase: 'failed', quarantine: true },
    // The Canary object is being deleted: no verdict will come.
    { name: 'Terminating', phase: 'unknown' },
    { name: 'Terminated', phase: 'unknown' },
];
function readFlagger(series, object) {
    const byName = (metric) => series.filter((one) => one.labels.__name__ === metric);
    const exact = byName('flagger_canary_phase')[0];
    if (exact) {
        const value = lastValue(exact);
        const known = Number.isInteger(value) ? FLAGGER_PHASES[value] : undefined;
        if (!known) {
            return {
                phase: 'unknown',
                detail: `flagger_canary_phase ${value} is not a Flagger phase Glidepath knows (0 Initializing … 10 Terminated)`,
                quarantine: false,
            };
        }
        return {
            phase: known.phase,
            detail: `flagger_canary_phase ${value} (${known.name})`,
            quarantine: known.quarantine ?? false,
        };
    }
    // Without __name__ (a proxy that strips it) a lone series is taken as the status.
    const status = byName('flagger_canary_status')[0] ??
        (series.length === 1 && series[0].labels.__name__ === undefined ? series[0] : undefined);
    if (!status)
        return { phase: 'unknown', detail: `no flagger_canary_status for ${object}`, quarantine: false };
    const code = lastValue(status);
    const weightSeries = byName('flagger_canary_weight')[0];
    const weight = weightSeries ? lastValue(weightSeries) : undefined;
    const weightText = weight === undefined ? '' : `, flagger_canary_weight ${weight}`;
    switch (code) {
        case 0:
            return {
                phase: 'progressing',
                detail: `flagger_canary_status 0 (running)${weightText}`,
                quarantine: false,
            };
        case 2:
            return { phase: 'failed', detail: `flagger_canary_status 2 (failed)${weightText}`, quarantine: true };
        case 1:
            // 1 is every phase but Progressing and Failed (recorder.go SetStatus): only a canary weight of
            // 0 tells a finished promotion from a confirm-promotion gate or a promotion under way.
            return weight !== undefined && weight > 0
                ? {
                    phase: 'paused',
                    detail: `flagger_canary_status 1 with canary weight ${weight}: waiting for promotion approval or promoting`,
                    quarantine: false,
                }
                : {
                    phase: 'succeeded',
                    detail: `flagger_canary_status 1 (successful)${weightText}`,
                    quarantine: false,
                };
        default:
            return {
                phase: 'unknown',
                detail: `flagger_canary_status ${code} is not a Flagger status (0 running, 1 successful, 2 failed)`,
                quarantine: false,
            };
    }
}
function pick(readings) {
    return [...readings].sort((a, b) => PRECEDENCE.indexOf(a.phase) - PRECEDENCE.indexOf(b.phase))[0];
}
function lastValue(series) {
    return series.samples.at(-1)?.value ?? Number.NaN;
}
function checkName(value, field) {
    if (!K8S_NAME.test(value)) {
        throw new errors/* ConfigurationError */.j1(`exposure.handoff.${field}: ${JSON.stringify(value)} is not a Kubernetes object ${field}; write the Rollout's or Canary's ${field} as kubectl shows it (lowercase letters, digits, '-' and '.')`);
    }
    return value;
}

// EXTERNAL MODULE: ./src/rollout/machine.ts
var machine = __webpack_require__(60180);
// EXTERNAL MODULE: ./src/gitops/promotion.ts
var promotion = __webpack_require__(96461);
// EXTERNAL MODULE: ./src/rollout/recover.ts
var recover = __webpack_require__(11693);
;// CONCATENATED MODULE: ./src/rollout/handoff.ts









/** How many commits of the branch to read for a rerun's recovery (as the executor). */
const HISTORY_DEPTH = 200;
/** Commits the image, watches the controller and promotes or reverts; see the module comment. */
async function runHandoff(request, deps) {
    const { desired, image, spec } = request;
    const service = request.policy.service;
    const digest = image.digest.toString();
    const object = describeObject(spec);
    const query = phaseQuery(spec);
    const started = deps.now();
    const state0 = (0,machine/* initialRolloutState */.fx)({ id: request.id, digest, at: started.getTime() });
    const history = await deps.writer.log(desired.branch, HISTORY_DEPTH);
    const recovered = (0,recover/* recoverRollout */.k)(history, { rollout: request.id });
    const revertedBy = recovered?.commits.find((commit) => commit.revertOf !== undefined);
    if (recovered && revertedBy) {
        deps.log(`rollout ${request.id} already reverted at ${(0,types/* shortSha */.Fu)(revertedBy.sha)}; nothing to do`);
        return record({
            outcome: 'reverted',
            reason: `already reverted (${(0,types/* shortSha */.Fu)(revertedBy.sha)}): a rerun changes nothing`,
            steps: [],
            revertCommit: revertedBy.sha,
            status: 'reverted',
        });
    }
    if (recovered?.status === 'promoted') {
        deps.log(`rollout ${request.id} already promoted at ${(0,types/* shortSha */.Fu)(recovered.head)}; nothing to do`);
        return record({
            outcome: 'promoted',
            reason: `already promoted (${(0,types/* shortSha */.Fu)(recovered.head)}): a rerun changes nothing`,
            steps: [],
            status: 'promoted',
        });
    }
    let rolloutCommit;
    let beforeRollout;
    // A verdict counts only once the controller was seen working on a change since the commit: until
    // it notices the commit, it still shows the previous rollout's end state (controller-phase.ts).
    let armed;
    if (recovered) {
        // Rerun: the commit is on the branch already. The controller may have finished while no run
        // watched, so its end state is taken as this rollout's — the stale-state window is the seconds
        // after a commit, and the commit predates this run.
        const oldest = recovered.commits.at(-1);
        rolloutCommit = oldest.sha;
        beforeRollout = history.find((commit) => commit.sha === oldest.sha)?.parents[0];
        armed = true;
        deps.log(`resuming ${request.id}: ${object} observes commit ${(0,types/* shortSha */.Fu)(rolloutCommit)} (already on ${desired.branch})`);
    }
    else {
        const commit = await deps.writer.commit(
        // No weight: the controller steps traffic, so only the image targets change.
        (0,desire/* desireCommit */.q)(desired, {
            image,
            rollout: request.id,
            step: '1/1',
            ...(service ? { service } : {}),
            ...(request.evidence ? { evidence: request.evidence } : {}),
        }));
        if (commit.status === 'unchanged') {
            // No commit of this rollout means nothing to revert to if the controller fails it.
            throw new errors/* ConfigurationError */.j1(`${desired.branch} already desires ${image.name}@${digest.slice(0, 19)}… without a commit of rollout ${request.id}; nothing to hand off (start a new rollout with a new digest, or give the id of the rollout that committed it)`);
        }
        rolloutCommit = commit.sha;
        beforeRollout = parentOf(await deps.writer.log(desired.branch, 2), commit.sha);
        armed = false;
        deps.log(`handoff: committed ${image.name}@${digest.slice(0, 19)}… as ${(0,types/* shortSha */.Fu)(commit.sha)} (${commit.status}); ${object} steps traffic`);
    }
    const step = { step: 1, weight: 100, commit: rolloutCommit };
    await deps.setStatus?.('in_progress', `${object} is rolling out ${digest.slice(0, 19)}…`);
    const deadline = deps.now().getTime() + spec.timeout.milliseconds;
    let last;
    let lastError;
    for (;;) {
        const reading = await observe();
        if (reading) {
            if (reading.phase === 'progressing' || reading.phase === 'paused')
                armed = true;
            if (reading.phase === 'succeeded' && armed) {
                const reason = `${object} ${reading.detail}: promoted`;
                deps.log(reason);
                Object.assign(step, { phase: 'pass', reason });
                // Git says so too (gitops/promotion.ts): `glidepath status` and a rerun read it there.
                await deps.writer.commit((0,promotion/* promotionCommit */.v)(desired.branch, {
                    ...(service ? { service } : {}),
                    rollout: request.id,
                    digest,
                    at: deps.now().toISOString(),
                    steps: 1,
                    ...(request.evidence ? { evidence: request.evidence } : {}),
                }, desired.quarantineFile));
                await deps.setStatus?.('success', `${object} promoted ${digest.slice(0, 19)}…`);
                return record({ outcome: 'promoted', reason, steps: [step], status: 'promoted' });
            }
            if (reading.phase === 'failed' && armed) {
                const reason = `${object} ${reading.detail}: the controller went back to stable; reverting the image in Git`;
                return revert(reason, reading.quarantine);
            }
        }
        if (deps.now().getTime() + spec.interval.milliseconds > deadline)
            break;
        await deps.sleep(spec.interval.milliseconds);
    }
    const lastSeen = last ? `last phase ${last.phase} (${last.detail})` : 'no phase read';
    const reason = `timeout: ${object} gave no verdict within ${spec.timeout.toString()}; ${lastSeen}` +
        (lastError ? `; last error: ${lastError}` : '') +
        '; reverting the image in Git without quarantine';
    return revert(reason, false);
    /** One reading; undefined after a transient error. Logs each change of phase. */
    async function observe() {
        let reading;
        try {
            reading = readControllerPhase(spec, await deps.provider.query({ query }));
        }
        catch (error) {
            if (!(error instanceof errors/* TransientError */.N_))
                throw error;
            lastError = error.message;
            deps.log(`${object}: ${error.message}; retrying in ${spec.interval.toString()}`);
            return undefined;
        }
        if (!last || last.phase !== reading.phase || last.detail !== reading.detail) {
            const ignored = (reading.phase === 'succeeded' || reading.phase === 'failed') && !armed
                ? ' (not yet counted: the controller has not been seen working on the commit)'
                : '';
            deps.log(`${object}: ${reading.phase} — ${reading.detail}${ignored}`);
        }
        last = reading;
        return reading;
    }
    /** Commits the image revert (with the quarantine entry when `quarantine`), then reports failure. */
    async function revert(reason, quarantine) {
        if (!beforeRollout) {
            throw new errors/* ConfigurationError */.j1(`cannot revert ${request.id}: commit ${(0,types/* shortSha */.Fu)(rolloutCommit)} is the first of ${desired.branch}, so there is no earlier state; seed the branch before handing off`);
        }
        const plan = await (0,gitops_revert/* planRevert */._)(deps.writer, {
            branch: desired.branch,
            scope: { rollout: request.id },
            target: { to: beforeRollout },
            verdict: quarantine ? 'fail' : 'abort',
            reason,
            image: image.name,
            quarantineFile: desired.quarantineFile,
            ...(quarantine ? {} : { skipQuarantine: true }),
            now: deps.now,
        });
        const commit = await deps.writer.commit(plan.request);
        deps.log(`reverted with the image lever: ${(0,types/* shortSha */.Fu)(commit.sha)}` +
            (plan.quarantined ? `; quarantined ${digest.slice(0, 19)}…` : ''));
        Object.assign(step, { phase: quarantine ? 'fail' : 'error', reason });
        await deps.setStatus?.('failure', reason);
        return record({
            outcome: 'reverted',
            reason,
            steps: [step],
            revertCommit: commit.sha,
            status: 'reverted',
        });
    }
    function record(fields) {
        const at = deps.now().getTime();
        const state = {
            ...state0,
            status: fields.status,
            step: 0,
            weight: fields.status === 'promoted' ? 100 : 0,
            reason: fields.reason,
            ...(fields.revertCommit ? { commit: fields.revertCommit } : {}),
            history: [
                {
                    step: 0,
                    weight: 100,
                    reason: fields.reason,
                    at,
                    ...(fields.revertCommit ? { sha: fields.revertCommit } : {}),
                },
            ],
        };
        return {
            id: request.id,
            digest,
            outcome: fields.outcome,
            reason: fields.reason,
            steps: fields.steps,
            ...(fields.revertCommit ? { revertCommit: fields.revertCommit, lever: 'image' } : {}),
            startedAt: started.toISOString(),
            finishedAt: new Date(at).toISOString(),
            state,
        };
    }
}
/** The first parent of `sha` in `log`. */
function parentOf(log, sha) {
    return log.find((commit) => commit.sha === sha)?.parents[0];
}


/***/ })

};

//# sourceMappingURL=327.index.js.map