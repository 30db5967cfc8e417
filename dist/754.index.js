export const id = 754;
export const ids = [754];
export const modules = {

/***/ 79754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ROLLOUT_EXIT: () => (/* binding */ ROLLOUT_EXIT),
  ROLLOUT_OPTIONS: () => (/* binding */ ROLLOUT_OPTIONS),
  overrideFrom: () => (/* binding */ overrideFrom),
  rolloutCommand: () => (/* binding */ rolloutCommand),
  runRolloutCommand: () => (/* binding */ runRolloutCommand),
  settingsFrom: () => (/* binding */ settingsFrom)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/rollout/recover.ts
var recover = __webpack_require__(11693);
// EXTERNAL MODULE: ./src/evidence/image-ref.ts
var image_ref = __webpack_require__(70912);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/report/admission.ts
var report_admission = __webpack_require__(27887);
// EXTERNAL MODULE: ./src/report/rollout.ts
var rollout = __webpack_require__(38363);
;// CONCATENATED MODULE: ./src/analysis/confidence.ts
/** Headroom below which a pass is weak. */
const WEAK_HEADROOM = 0.1;
/** Headroom every value must keep for a pass to be strong. */
const STRONG_HEADROOM = 0.5;
/** The confidence of a passing `report` under `guardrails`; undefined for a normal pace or a non-pass. */
function passConfidence(report, guardrails) {
    if (report.phase !== 'pass')
        return undefined;
    if (report.extended)
        return 'weak';
    const headrooms = [];
    for (const metric of report.metrics) {
        if (metric.dryRun)
            continue;
        const guard = guardrails.find((candidate) => candidate.name === metric.name);
        if (!guard || (guard.max === undefined && guard.min === undefined))
            continue;
        for (const value of metric.values) {
            if (!Number.isFinite(value))
                continue;
            if (guard.max !== undefined)
                headrooms.push(headroom(guard.max - value, guard.max));
            if (guard.min !== undefined)
                headrooms.push(headroom(value - guard.min, guard.min));
        }
    }
    if (headrooms.length === 0)
        return undefined;
    const least = Math.min(...headrooms);
    if (least < WEAK_HEADROOM)
        return 'weak';
    return least >= STRONG_HEADROOM ? 'strong' : undefined;
}
function headroom(margin, threshold) {
    if (threshold === 0)
        return margin > 0 ? Infinity : 0;
    return margin / Math.abs(threshold);
}

// EXTERNAL MODULE: ./src/analysis/engine.ts + 10 modules
var engine = __webpack_require__(95606);
// EXTERNAL MODULE: ./src/gitops/desire.ts + 2 modules
var gitops_desire = __webpack_require__(19486);
// EXTERNAL MODULE: ./src/gitops/quarantine.ts
var quarantine = __webpack_require__(34910);
// EXTERNAL MODULE: ./src/gitops/promotion.ts
var promotion = __webpack_require__(96461);
// EXTERNAL MODULE: ./src/gitops/revert.ts
var gitops_revert = __webpack_require__(96440);
// EXTERNAL MODULE: ./src/traffic/flags/set-flag.ts + 3 modules
var set_flag = __webpack_require__(70601);
// EXTERNAL MODULE: ./src/rollout/machine.ts
var machine = __webpack_require__(60180);
// EXTERNAL MODULE: ./src/metrics/providers/http.ts
var http = __webpack_require__(37302);
// EXTERNAL MODULE: ./src/rollout/reconcile/types.ts
var types = __webpack_require__(93135);
;// CONCATENATED MODULE: ./src/rollout/reconcile/argocd.ts
/**
 * The `argocd` reconcile waiter: asks Argo CD's API for the Application
 * (`GET {server}/api/v1/applications/{name}`, Argo CD's ApplicationService.Get in
 * assets/swagger.json; `project` is its query parameter, `appNamespace` the one argoproj-labs'
 * argocd-mcp client sends for apps in any namespace) until the application is synced at our commit,
 * `Synced` and `Healthy`.
 *
 * Which fields say "at our commit" (the v1alpha1 types, pkg/apis/application/v1alpha1/types.go):
 * `status.sync.revision` (the revision the live state was compared to), `status.sync.revisions[]`
 * (the same per source of a multi-source application), or `status.operationState.syncResult.revision`
 * / `.revisions[]` (what the last sync applied). Health is `status.health.status`. Argo CD 3 stopped
 * filling the application-level `status.health.message` (deprecated in AppHealthStatus), so a
 * `Degraded` reason is taken from it when present, else from the degraded resources in
 * `status.resources[].health.message`, else from the last operation's message.
 *
 * Answers: 401 and 403 are ConfigurationErrors about the token (Argo CD also answers 403 for an
 * application the token may not see, which includes one that does not exist); 404 is about the
 * application's name or namespace; 408, 429, 5xx and network failures are asked again.
 *
 * Security: the token comes from the environment variable named by `tokenEnv` and travels only in
 * the `Authorization` header. Every line this module logs or returns passes through a masker holding
 * the token, because a proxy's error page may echo request headers back into a body excerpt.
 */



/** Limit of one request to Argo CD, body included. */
const ARGOCD_REQUEST_TIMEOUT_MS = 10_000;
/** Reads an Application JSON (`v1alpha1Application`) for `sha`; pure, exported for tests. */
function readApplication(application, sha) {
    const status = (0,http/* asObject */.eB)((0,http/* asObject */.eB)(application)?.status) ?? {};
    const sync = (0,http/* asObject */.eB)(status.sync) ?? {};
    const health = (0,http/* asObject */.eB)(status.health) ?? {};
    const operation = (0,http/* asObject */.eB)(status.operationState) ?? {};
    const result = (0,http/* asObject */.eB)(operation.syncResult) ?? {};
    const wanted = sha.toLowerCase();
    const names = (value) => typeof value === 'string' && value.toLowerCase() === wanted;
    const listNames = (value) => Array.isArray(value) && value.some(names);
    const atCommit = names(sync.revision) ||
        listNames(sync.revisions) ||
        names(result.revision) ||
        listNames(result.revisions);
    const revision = typeof sync.revision === 'string'
        ? (0,types/* shortSha */.Fu)(sync.revision)
        : Array.isArray(sync.revisions)
            ? sync.revisions.map((r) => (0,types/* shortSha */.Fu)(String(r))).join(',')
            : 'no revision';
    const healthMessage = argocd_text(health.message) ?? degradedResources(status.resources) ?? argocd_text(operation.message);
    return {
        atCommit,
        sync: argocd_text(sync.status) ?? 'Unknown',
        health: argocd_text(health.status) ?? 'Unknown',
        revision,
        ...(healthMessage ? { healthMessage } : {}),
    };
}
/** A waiter asking Argo CD; refuses a bad server address or a missing token at once. */
function createArgoCdWaiter(spec, deps) {
    const base = (0,http/* parseBaseAddress */.dR)(spec.server, {
        provider: 'argocd',
        example: 'https://argocd.example.com',
        credentialsFix: `put an API token in the environment variable ${spec.tokenEnv} instead`,
    });
    const token = deps.env[spec.tokenEnv];
    if (!token) {
        throw new errors/* ConfigurationError */.j1(`exposure.reconcile.tokenEnv: environment variable ${spec.tokenEnv} is not set; set it to an Argo CD ` +
            'API token that may get the application (e.g. `argocd account generate-token`, stored as a secret)');
    }
    (0,types/* checkInterval */._D)(spec.interval);
    const mask = (0,http/* createMasker */.aD)([token]);
    const url = new URL(`api/v1/applications/${encodeURIComponent(spec.application)}`, base);
    if (spec.appNamespace)
        url.searchParams.set('appNamespace', spec.appNamespace);
    if (spec.project)
        url.searchParams.set('project', spec.project);
    const where = `argocd application ${spec.application}${spec.appNamespace ? ` (namespace ${spec.appNamespace})` : ''}`;
    const server = (0,http/* displayAddress */.RD)(base);
    return {
        name: 'argocd',
        async wait(target) {
            let requests = 0;
            const check = async () => {
                requests += 1;
                let reply;
                try {
                    reply = await (0,http/* fetchText */.Sy)(deps.fetch, url.toString(), { method: 'GET', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, {
                        timeoutMs: ARGOCD_REQUEST_TIMEOUT_MS,
                        what: `GET ${url.toString()}`,
                        mask,
                        unreachableFix: 'asking again',
                    });
                }
                catch (error) {
                    // fetchText's TransientError: the server may be restarting; ask again until the deadline.
                    return { kind: 'waiting', seen: mask(error.message) };
                }
                if (reply.status === 401 || reply.status === 403) {
                    throw new errors/* ConfigurationError */.j1(mask(`${where} at ${server}: HTTP ${reply.status} (${argoMessage(reply.text, mask)}); check that ${spec.tokenEnv} ` +
                        `holds a valid Argo CD token with "applications, get" permission${spec.project ? ` in project ${spec.project}` : ''}, ` +
                        'and the application name (Argo CD answers 403 for applications the token cannot see)'));
                }
                if (reply.status === 404) {
                    throw new errors/* ConfigurationError */.j1(mask(`${where} at ${server}: not found (${argoMessage(reply.text, mask)}); check exposure.reconcile.application` +
                        ' and appNamespace against `argocd app list`'));
                }
                if ((0,http/* isTransientStatus */.Dm)(reply.status)) {
                    return { kind: 'waiting', seen: mask(`HTTP ${reply.status}, ${(0,http/* bodyExcerpt */.kG)(reply.text, mask)}`) };
                }
                if (reply.status < 200 || reply.status > 299) {
                    throw new errors/* ConfigurationError */.j1(mask(`${where} at ${server}: HTTP ${reply.status} (${argoMessage(reply.text, mask)}); check exposure.reconcile`));
                }
                const parsed = (0,http/* parseJson */.qF)(reply.text);
                if (!parsed)
                    return { kind: 'waiting', seen: mask(`not JSON: ${(0,http/* bodyExcerpt */.kG)(reply.text, mask)}`) };
                const view = readApplication(parsed.value, target.sha);
                if (view.atCommit && view.sync === 'Synced' && view.health === 'Healthy')
                    return { kind: 'applied' };
                if (view.atCommit && view.health === 'Degraded') {
                    return {
                        kind: 'failed',
                        reason: mask(`${where} is Degraded at commit ${(0,types/* shortSha */.Fu)(target.sha)}: ${view.healthMessage ?? 'Argo CD gave no message'}; ` +
                            `see ${server}/applications/${spec.appNamespace ? `${spec.appNamespace}/` : ''}${spec.application}`),
                    };
                }
                const at = view.atCommit
                    ? `at ${(0,types/* shortSha */.Fu)(target.sha)}`
                    : `at ${view.revision}, not ${(0,types/* shortSha */.Fu)(target.sha)}`;
                const why = view.healthMessage && view.health !== 'Healthy' ? `: ${view.healthMessage}` : '';
                return { kind: 'waiting', seen: mask(`${view.sync}/${view.health} ${at}${why}`) };
            };
            return (0,types/* pollUntil */.g3)(deps, `reconcile (${where})`, { timeoutMs: spec.timeout.milliseconds, intervalMs: spec.interval.milliseconds }, check, () => requests, (seen) => `reconcile: ${where} was not Synced and Healthy at commit ${(0,types/* shortSha */.Fu)(target.sha)} within ` +
                `${spec.timeout.toString()} (last: ${seen}); check its sync in Argo CD and that it tracks the desired branch`);
        },
    };
}
function argocd_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;
}
/** `Kind/name: message` of the first degraded resources (Argo CD 3 keeps messages only here). */
function degradedResources(resources) {
    if (!Array.isArray(resources))
        return undefined;
    const lines = resources
        .map((resource) => (0,http/* asObject */.eB)(resource))
        .filter((resource) => (0,http/* asObject */.eB)(resource?.health)?.status === 'Degraded')
        .map((resource) => {
        const message = argocd_text((0,http/* asObject */.eB)(resource?.health)?.message);
        return `${String(resource?.kind)}/${String(resource?.name)}${message ? `: ${message}` : ''}`;
    });
    return lines.length > 0 ? lines.slice(0, 2).join('; ') : undefined;
}
/** The gRPC-gateway error's `message` (`{"error":…,"code":7,"message":"permission denied"}`), or an excerpt. */
function argoMessage(body, mask) {
    const message = (0,http/* asObject */.eB)((0,http/* parseJson */.qF)(body)?.value)?.message;
    return typeof message === 'string' && message !== '' ? message : (0,http/* bodyExcerpt */.kG)(body, mask);
}

;// CONCATENATED MODULE: ./src/rollout/reconcile/delay.ts
/** A waiter that sleeps `spec.delay`. */
function createDelayWaiter(spec, deps) {
    return {
        name: 'delay',
        async wait() {
            const started = deps.now().getTime();
            await deps.sleep(spec.delay.milliseconds);
            return { applied: true, polls: 0, waitedMs: deps.now().getTime() - started };
        },
    };
}

;// CONCATENATED MODULE: ./src/rollout/reconcile/deployment-status.ts
/**
 * The `deployment-status` reconcile waiter: the reconciler reports through GitHub deployments
 * (Argo CD notifications' GitHub service creates a deployment for the synced revision and posts its
 * status; a Flux alert or CI job can do the same), and Glidepath reads them.
 *
 * The rule, per look (REST: `GET /repos/{o}/{r}/deployments?sha=&environment=&per_page=5`, then
 * `GET …/deployments/{id}/statuses?per_page=1` per deployment, newest first — GitHub lists both
 * newest first, so one status is the latest):
 *
 * 1. **A deployment for our commit** (GitHub recorded its `sha` as ours) other than the rollout's
 *    own: its latest status decides, whoever wrote it, because the deployment itself says which
 *    commit it is about. `success` → applied. `failure` / `error` → not applied, at once, quoting
 *    the status description and `log_url`. Anything else (`queued`, `pending`, `in_progress`,
 *    `inactive`, no status yet) → look at the next one, then wait.
 * 2. **The rollout's own deployment** (`target.deploymentId`), when the reconciler is told its id:
 *    its latest status counts the same way, but only when it was written by someone other than
 *    Glidepath's token — `creator.login` differs from `deps.github.actor`, the login GitHub gave as
 *    the creator of the deployment Glidepath made. So no status Glidepath writes (queued,
 *    in_progress, failure, success at promotion) can ever count, whatever the state machine writes
 *    in future. Without `actor` the own deployment is skipped (logged once): guessing could only
 *    produce a false "applied".
 *
 *    Hazards. The own deployment's `sha` is the application commit, not the step's desired-state
 *    commit, so its status does not say which step it is about: the rule relies on the machine
 *    setting `in_progress` on it with every step's commit, before the wait, so a reconciler's
 *    `success` from an earlier step is never the latest one when a new wait begins. And a reconciler
 *    that writes with the same token as Glidepath (a job in the same repository using GITHUB_TOKEN)
 *    is indistinguishable from Glidepath on the own deployment: it must create a deployment for the
 *    commit instead (rule 1), as Argo CD notifications does.
 *
 * Cost: GITHUB_TOKEN has 1,000 requests an hour per repository (DESIGN.md "Scale"), so looks back
 * off — `interval`, then twice as long each time, at most 60 s — and the outcome's `polls` counts
 * every API call. Retries of 5xx and rate limits belong to the Octokit client (src/github/octokit.ts);
 * what still fails is looked at again at the next poll, except 401/403/404, which a retry cannot fix.
 */


/** Longest wait between looks. */
const DEPLOYMENT_STATUS_MAX_INTERVAL_MS = 60_000;
/** Deployments for the commit examined per look (newest first). */
const DEPLOYMENTS_PER_LOOK = 5;
/** A waiter reading GitHub deployments; refuses to start without a GitHub client. */
function createDeploymentStatusWaiter(spec, deps) {
    const github = deps.github;
    if (!github) {
        throw new errors/* ConfigurationError */.j1('exposure.reconcile.wait deployment-status reads GitHub deployments and needs a token: set GITHUB_TOKEN ' +
            '(or GLIDEPATH_TOKEN) with deployments: read, and GITHUB_REPOSITORY, or choose another wait');
    }
    (0,types/* checkInterval */._D)(spec.interval);
    const { octokit, owner, repo } = github;
    const repository = `${owner}/${repo}`;
    let warnedNoActor = false;
    return {
        name: 'deployment-status',
        async wait(target) {
            const environment = spec.environment ?? target.environment;
            const scope = `${repository} deployments of ${(0,types/* shortSha */.Fu)(target.sha)}${environment ? ` in ${environment}` : ''}`;
            let calls = 0;
            /**
             * One API call, counted; `{ failed }` when it failed in a way a later look may not (5xx after
             * the client's retries, network). Failures a retry cannot fix are thrown (describeFailure).
             */
            const ask = async (what, request) => {
                calls += 1;
                try {
                    return await request();
                }
                catch (error) {
                    return { failed: describeFailure(error, what, repository) };
                }
            };
            /** The latest status of deployment `id`, or why it could not be read. */
            const latest = async (id) => {
                const answer = await ask(`deployment ${id}'s statuses`, () => octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id, per_page: 1 }));
                if ('failed' in answer)
                    return answer;
                return { status: answer.data[0] };
            };
            const check = async () => {
                const seen = [];
                const list = await ask('deployments', () => octokit.rest.repos.listDeployments({
                    owner,
                    repo,
                    sha: target.sha,
                    ...(environment ? { environment } : {}),
                    per_page: DEPLOYMENTS_PER_LOOK,
                }));
                if ('failed' in list) {
                    seen.push(list.failed);
                }
                else {
                    // The schema types ids as int64 (number | bigint); JSON gives numbers.
                    const others = list.data.filter((deployment) => Number(deployment.id) !== target.deploymentId);
                    if (others.length === 0)
                        seen.push(`no deployment of ${(0,types/* shortSha */.Fu)(target.sha)} yet`);
                    for (const deployment of others) {
                        const answer = await latest(Number(deployment.id));
                        if ('failed' in answer) {
                            seen.push(answer.failed);
                            continue;
                        }
                        const verdict = judge(answer.status, `deployment ${deployment.id} (${deployment.environment})`, target.sha);
                        if (verdict.kind !== 'waiting')
                            return verdict;
                        seen.push(verdict.seen);
                    }
                }
                if (target.deploymentId !== undefined) {
                    if (github.actor === undefined) {
                        if (!warnedNoActor) {
                            deps.log(`reconcile (deployment-status): statuses on the rollout's deployment ${target.deploymentId} are ignored: ` +
                                "the token's own login is unknown, so Glidepath's statuses could not be told from the reconciler's");
                            warnedNoActor = true;
                        }
                    }
                    else {
                        const answer = await latest(target.deploymentId);
                        if ('failed' in answer) {
                            seen.push(answer.failed);
                        }
                        else if (answer.status && answer.status.creator?.login !== github.actor) {
                            const verdict = judge(answer.status, `the rollout's deployment ${target.deploymentId}`, target.sha);
                            if (verdict.kind !== 'waiting')
                                return verdict;
                            seen.push(verdict.seen);
                        }
                        else {
                            seen.push(`nothing from the reconciler on the rollout's deployment ${target.deploymentId}`);
                        }
                    }
                }
                return { kind: 'waiting', seen: seen.join('; ') };
            };
            return (0,types/* pollUntil */.g3)(deps, `reconcile (${scope})`, {
                timeoutMs: spec.timeout.milliseconds,
                intervalMs: spec.interval.milliseconds,
                factor: 2,
                maxIntervalMs: Math.max(spec.interval.milliseconds, DEPLOYMENT_STATUS_MAX_INTERVAL_MS),
            }, check, () => calls, (seen) => `reconcile: no successful GitHub deployment status for commit ${(0,types/* shortSha */.Fu)(target.sha)} in ${repository}` +
                `${environment ? ` (environment ${environment})` : ''} within ${spec.timeout.toString()} (last: ${seen}); ` +
                'check that the reconciler reports deployments for the commit (e.g. Argo CD notifications github.deployment)');
        },
    };
}
/** What a latest status means for the wait. */
function judge(status, which, sha) {
    if (status === undefined)
        return { kind: 'waiting', seen: `${which}: no status yet` };
    if (status.state === 'success')
        return { kind: 'applied' };
    if (status.state === 'failure' || status.state === 'error') {
        const description = status.description?.trim() ? `"${status.description.trim()}"` : 'no description';
        const log = status.log_url || status.target_url;
        return {
            kind: 'failed',
            reason: `reconcile: ${which} reported ${status.state} for commit ${(0,types/* shortSha */.Fu)(sha)}${status.creator?.login ? ` (by ${status.creator.login})` : ''}: ` +
                `${description}${log ? `; see ${log}` : '; see the reconciler for details'}`,
        };
    }
    return { kind: 'waiting', seen: `${which}: ${status.state}` };
}
/**
 * A failed call as a line for `seen`; throws instead when asking again cannot help: 401 (token),
 * 403 (permission), 404 (repository), and an exhausted rate limit (TransientError: the client
 * already waited as long as a job should).
 */
function describeFailure(error, what, repository) {
    const { status, response, message } = (error ?? {});
    const remaining = response?.headers?.['x-ratelimit-remaining'];
    if (status === 401) {
        throw new errors/* ConfigurationError */.j1(`reconcile: GitHub refused the token reading ${what} of ${repository} (HTTP 401); set a valid GITHUB_TOKEN or GLIDEPATH_TOKEN`);
    }
    if ((status === 403 || status === 429) && (String(remaining) === '0' || status === 429)) {
        throw new errors/* TransientError */.N_(`reconcile: GitHub's rate limit is exhausted reading ${what} of ${repository}; wait for the reset or use a GitHub App token`);
    }
    if (status === 403) {
        throw new errors/* ConfigurationError */.j1(`reconcile: the token may not read ${what} of ${repository} (HTTP 403); give it deployments: read`);
    }
    if (status === 404) {
        throw new errors/* ConfigurationError */.j1(`reconcile: GitHub has no ${what} in ${repository} (HTTP 404); check GITHUB_REPOSITORY and the token's access`);
    }
    return `${what}: ${status ? `HTTP ${status}` : (message ?? String(error))}`;
}

;// CONCATENATED MODULE: ./src/rollout/reconcile/http.ts
/**
 * The `http` reconcile waiter: GET `exposure.reconcile.url` every `interval` until a 2xx answer's
 * body names the step's commit (its full sha) or its weight (`canary=<weight>`), or `timeout`
 * passes. Typical endpoints: a version page the deployed service serves, a status page of the
 * reconciler, a small script in front of `kubectl get`. Each request has its own 5-second limit, so
 * a hung endpoint costs one interval, not the whole wait; an unreachable or failing endpoint is
 * asked again (the service may be restarting into the new version).
 *
 * `canary=<weight>` must not be followed by a digit or a dot: `canary=5` is not `canary=50`.
 */


/** Limit of one request, body included. */
const HTTP_RECONCILE_REQUEST_TIMEOUT_MS = 5_000;
/** No masking here: the URL is in the policy file, and nothing secret is sent. */
const noMask = (text) => text;
/** A waiter polling `spec.url`; refuses a URL that is not absolute http(s) without credentials. */
function createHttpWaiter(spec, deps) {
    const url = (0,http/* parseHttpUrl */.f$)(spec.url, 'exposure.reconcile.url', {
        example: 'https://web.example.com/version',
        credentialsFix: 'serve the version page without credentials, or use wait: argocd or deployment-status',
    }).toString();
    (0,types/* checkInterval */._D)(spec.interval);
    return {
        name: 'http',
        async wait(target) {
            let requests = 0;
            const canary = new RegExp(`canary=${target.weight}(?![\\d.])`);
            const check = async () => {
                requests += 1;
                try {
                    const response = await deps.fetch(url, {
                        method: 'GET',
                        signal: AbortSignal.timeout(HTTP_RECONCILE_REQUEST_TIMEOUT_MS),
                    });
                    const body = await response.text();
                    if (response.ok && (body.includes(target.sha) || canary.test(body)))
                        return { kind: 'applied' };
                    return { kind: 'waiting', seen: `HTTP ${response.status}, ${(0,http/* bodyExcerpt */.kG)(body, noMask)}` };
                }
                catch (error) {
                    // AbortSignal.timeout rejects with a DOMException, not an Error in every realm: go by name.
                    const name = error && typeof error === 'object' && 'name' in error ? error.name : undefined;
                    const seen = name === 'TimeoutError' || name === 'AbortError'
                        ? `no answer within ${HTTP_RECONCILE_REQUEST_TIMEOUT_MS / 1000} s`
                        : `unreachable: ${(0,http/* describeCause */.V$)(error)}`;
                    return { kind: 'waiting', seen };
                }
            };
            return (0,types/* pollUntil */.g3)(deps, `reconcile (http ${url})`, { timeoutMs: spec.timeout.milliseconds, intervalMs: spec.interval.milliseconds }, check, () => requests, (seen) => `reconcile: ${url} did not show commit ${(0,types/* shortSha */.Fu)(target.sha)} or canary=${target.weight} ` +
                `within ${spec.timeout.toString()} (last: ${seen}); check that the reconciler syncs the branch ` +
                'and that the page reports the applied revision');
        },
    };
}

;// CONCATENATED MODULE: ./src/rollout/reconcile/index.ts
/**
 * The reconcile-waiter factory (`exposure.reconcile.wait`). Adding a waiter is one new file, one
 * member of `ReconcileSpec` and one line here; `satisfies` makes a missing or mistyped entry a
 * compile error.
 */





const WAITERS = {
    delay: createDelayWaiter,
    http: createHttpWaiter,
    'deployment-status': createDeploymentStatusWaiter,
    argocd: createArgoCdWaiter,
};
/** Every waiter name, in the order `--help` and error messages list them. */
const RECONCILE_WAITS = Object.keys(WAITERS);
/** Whether `name` is a waiter Glidepath knows. */
function isReconcileWait(name) {
    return Object.hasOwn(WAITERS, name);
}
/**
 * The waiter for `spec`. Throws a ConfigurationError for what a wait could never get past (an
 * unknown name, a bad URL, a missing token or GitHub client), so a rollout fails before its first
 * commit rather than at its first wait.
 */
function createReconcileWaiter(spec, deps) {
    if (!isReconcileWait(spec.wait)) {
        throw new errors/* ConfigurationError */.j1(`exposure.reconcile.wait: unknown wait "${String(spec.wait)}"; use one of: ${RECONCILE_WAITS.join(', ')}`);
    }
    // The union is narrowed by `wait` at each entry; TypeScript cannot correlate the two here.
    const create = WAITERS[spec.wait];
    return create(spec, deps);
}

;// CONCATENATED MODULE: ./src/rollout/analysis-state.ts
/** The trailer value for `state`; undefined when there is nothing to carry. */
function encodeAnalysisState(state) {
    if (!state || Object.keys(state).length === 0)
        return undefined;
    return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}
/** The state in a trailer value, or undefined when `value` is absent or not a state. */
function decodeAnalysisState(value) {
    if (!value || !/^[A-Za-z0-9_-]+$/.test(value))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return undefined;
    for (const entry of Object.values(parsed)) {
        if (!isErrorRateState(entry))
            return undefined;
    }
    return parsed;
}
function isErrorRateState(value) {
    if (!value || typeof value !== 'object')
        return false;
    const state = value;
    if (typeof state.pAlwaysValid !== 'number' || !(state.pAlwaysValid >= 0 && state.pAlwaysValid <= 1)) {
        return false;
    }
    if (state.completedSteps === undefined)
        return true;
    return (Array.isArray(state.completedSteps) &&
        state.completedSteps.every((step) => {
            const counts = step;
            return isArm(counts?.baseline) && isArm(counts?.canary);
        }));
}
function isArm(value) {
    const arm = value;
    return (typeof arm?.requests === 'number' &&
        typeof arm.errors === 'number' &&
        arm.requests >= 0 &&
        arm.errors >= 0 &&
        arm.errors <= arm.requests);
}

;// CONCATENATED MODULE: ./src/rollout/executor.ts
/**
 * The single-job executor (DESIGN.md "Loops" 1): feeds events to the pure state machine and
 * performs the effects it asks for — compare-and-swap commits through the desired-state writer, the
 * reconcile wait, the analysis through the metric provider, deployment statuses, the reversal — until
 * the rollout is promoted, reverted or paused. Every dependency is passed in, so tests drive it with
 * real git and a fake clock.
 *
 * Reversal: the machine names the lever; `flag` commits the flag's kill switch, `traffic` the canary
 * weight 0 (and the flag split 0), `image` the targets' files restored to their bytes before the
 * rollout. Each reversal commit carries `Glidepath-Revert-Of` (the rollout's first commit) and
 * `Glidepath-Verdict`; after a judged failure it also adds the digest to the quarantine file in the
 * same commit, so the reversal and the quarantine land together or not at all (an abort or a
 * timeout reverses without quarantining: they are no evidence against the digest).
 */












/** Runs the rollout to promotion, reversal or a pause. */
async function runRollout(request, deps) {
    const { policy, desired, image } = request;
    const context = (0,machine/* machineContext */.zR)(policy);
    const digest = image.digest.toString();
    const started = deps.now();
    const waiter = createReconcileWaiter(policy.exposure.reconcile, {
        now: deps.now,
        sleep: deps.sleep,
        fetch: deps.fetch ?? globalThis.fetch,
        env: deps.env ?? {},
        log: deps.log,
        ...(deps.github ? { github: deps.github } : {}),
    });
    let state = (0,machine/* initialRolloutState */.fx)({ id: request.id, digest, at: started.getTime() });
    const steps = [];
    let firstCommit;
    let beforeRollout;
    let errorRateState;
    let revertCommit;
    let lever;
    let failure;
    let handedOff = false;
    let quarantining = false;
    // Rerun after a kill (or of the same event): the branch's trailers say where this rollout stands.
    const history = await deps.writer.log(desired.branch, 200);
    const recovered = (0,recover/* recoverRollout */.k)(history, { rollout: request.id });
    const queue = [{ type: 'started', at: started.getTime() }];
    if (recovered && recovered.status !== 'in-progress') {
        deps.log(`rollout ${request.id} already ${recovered.status} at ${recovered.head.slice(0, 12)}; nothing to do`);
        return {
            id: request.id,
            digest,
            outcome: recovered.status,
            reason: `already ${recovered.status} (${recovered.head.slice(0, 12)}): a rerun changes nothing`,
            steps: [],
            ...(recovered.status === 'reverted' ? { revertCommit: recovered.head } : {}),
            startedAt: started.toISOString(),
            finishedAt: deps.now().toISOString(),
            state,
        };
    }
    if (request.control && !recovered) {
        throw new errors/* ConfigurationError */.j1(`no rollout ${request.id} on ${desired.branch} to ${request.control}; start one with glidepath rollout or step`);
    }
    const resumeAt = recovered?.step?.index;
    const resumeWeight = recovered?.weight;
    if (recovered &&
        resumeAt !== undefined &&
        resumeWeight !== undefined &&
        context.steps[resumeAt - 1] === resumeWeight) {
        // Resume at the recovered step: its commit is on the branch; wait for it and bake it again.
        const oldest = recovered.commits.at(-1).sha;
        firstCommit = oldest;
        beforeRollout = history.find((c) => c.sha === oldest)?.parents[0];
        if (request.control) {
            // A person decides about the live step: it counts as applied and baking, and the command moves it.
            const at = started.getTime();
            state = {
                ...state,
                status: 'baking',
                step: resumeAt - 1,
                weight: resumeWeight,
                commit: recovered.head,
                appliedAt: at,
                stepStartedAt: at,
                history: [
                    {
                        step: resumeAt - 1,
                        weight: resumeWeight,
                        reason: 'recovered from the branch',
                        at,
                        sha: recovered.head,
                    },
                ],
            };
            queue[0] = { type: 'command', at, command: request.control };
        }
        else {
            state = { ...state, status: 'applying', step: resumeAt - 1, weight: resumeWeight };
            queue[0] = { type: 'committed', at: started.getTime(), sha: recovered.head };
        }
        steps.push({ step: resumeAt, weight: resumeWeight, commit: recovered.head });
        // The error-rate test carries on from where the previous step's run left it.
        const carried = recovered.commits.find((commit) => commit.analysis !== undefined)?.analysis;
        errorRateState = decodeAnalysisState(carried);
        if (carried !== undefined && errorRateState === undefined) {
            deps.log(`ignored an unreadable Glidepath-Analysis trailer; the error-rate test starts afresh`);
        }
        deps.log(`resuming ${request.id} at step ${resumeAt}/${context.steps.length} (${resumeWeight}%), commit ${recovered.head.slice(0, 12)}`);
    }
    while (queue.length > 0) {
        const event = queue.shift();
        const result = (0,machine/* transition */.kY)(state, event, context);
        // Promotion is recorded in Git before anyone is told: the last step's commit alone does not say
        // it was judged, and a run that dies here must judge it again rather than claim a promotion.
        const promotedNow = result.state.status === 'promoted' && state.status !== 'promoted';
        state = result.state;
        if (promotedNow)
            await recordPromoted();
        // A reversal carries the quarantine entry only when the machine asks for one (a judged failure,
        // not a person's abort or a timeout).
        quarantining = result.effects.some((effect) => effect.type === 'quarantine');
        for (const effect of result.effects) {
            const next = await perform(effect);
            if (next)
                queue.push(next);
        }
        if (handedOff)
            break;
        if ((0,machine/* isTerminal */.Hd)(state.status) || (state.status === 'paused' && queue.length === 0))
            break;
    }
    const outcome = state.status === 'promoted'
        ? 'promoted'
        : state.status === 'reverted'
            ? 'reverted'
            : handedOff
                ? 'continuing'
                : 'paused';
    return {
        id: request.id,
        digest,
        outcome,
        reason: failure ?? state.reason ?? (0,machine/* describeState */.Jw)(state, context.steps),
        steps,
        ...(revertCommit ? { revertCommit } : {}),
        ...(lever ? { lever } : {}),
        ...(request.override ? { override: request.override } : {}),
        startedAt: started.toISOString(),
        finishedAt: deps.now().toISOString(),
        state,
    };
    async function perform(effect) {
        const at = () => deps.now().getTime();
        switch (effect.type) {
            case 'commit': {
                const desire = (0,gitops_desire/* desireCommit */.q)(desired, {
                    image,
                    weight: effect.weight,
                    ...routingAt(effect.step),
                    rollout: request.id,
                    step: `${effect.step}/${effect.of}`,
                    ...(policy.service ? { service: policy.service } : {}),
                    ...(request.evidence ? { evidence: request.evidence } : {}),
                });
                // The error-rate test continues in the run that bakes this step (rollout/analysis-state.ts).
                const carried = encodeAnalysisState(errorRateState);
                const commit = await deps.writer.commit({
                    ...desire,
                    trailers: {
                        ...desire.trailers,
                        ...overrideTrailer(),
                        ...(carried ? { 'Glidepath-Analysis': carried } : {}),
                    },
                });
                if (firstCommit === undefined) {
                    firstCommit = commit.sha;
                    [beforeRollout] =
                        (await deps.writer.log(desired.branch, 2)).find((c) => c.sha === commit.sha)?.parents ?? [];
                }
                steps.push({ step: effect.step, weight: effect.weight, commit: commit.sha });
                await deps.announce?.(effect.step === 1 ? 'start' : 'step', {
                    step: { index: effect.step, of: effect.of, weight: effect.weight },
                    reason: effect.step === 1 ? 'rollout started' : 'the previous step passed',
                    commit: commit.sha,
                });
                deps.log(`step ${effect.step}/${effect.of}: ${effect.weight}% committed ${commit.sha.slice(0, 12)} (${commit.status})`);
                return { type: 'committed', at: at(), sha: commit.sha };
            }
            case 'wait-reconcile':
                return (await waitReconciled(effect.sha))
                    ? { type: 'applied', at: at() }
                    : { type: 'timeout', at: at(), what: 'reconcile' };
            case 'analyze': {
                const stepStart = deps.now();
                const report = await (0,engine/* runAnalysis */.A)({
                    policy: policy.analysis,
                    target: { ...request.labels, ...(policy.service ? { service: policy.service } : {}) },
                    stepStart,
                    bake: policy.exposure.bake,
                    ...(errorRateState ? { errorRateState } : {}),
                }, { provider: deps.provider, now: deps.now, sleep: deps.sleep });
                errorRateState = report.errorRateState;
                const record = steps.at(-1);
                if (record)
                    Object.assign(record, { phase: report.phase, reason: report.reason, analysis: report });
                const extended = report.deadline.getTime() > stepStart.getTime() + policy.exposure.bake.milliseconds;
                const confidence = policy.exposure.adaptive
                    ? passConfidence({ ...report, extended }, policy.analysis.guardrails)
                    : undefined;
                deps.log(`step ${effect.step}: ${effect.weight}% analysis ${report.phase}${confidence ? ` (${confidence})` : ''}: ${report.reason}`);
                return {
                    type: 'verdict',
                    at: at(),
                    phase: report.phase,
                    reason: report.reason,
                    ...(confidence ? { confidence } : {}),
                };
            }
            case 'set-status':
                await deps.setStatus?.(effect.state, effect.description);
                return undefined;
            case 'revert': {
                lever = effect.lever;
                const sha = await revert(effect.lever, effect.reason);
                revertCommit = sha;
                await deps.announce?.('reverted', { reason: effect.reason, commit: sha });
                deps.log(`reverted with the ${effect.lever} lever: ${sha.slice(0, 12)}` +
                    (quarantining ? `; quarantined ${digest.slice(0, 19)}…` : ''));
                return { type: 'reverted', at: at(), sha };
            }
            case 'quarantine':
                // The reversal commit carries the quarantine entry (see revert), so it is already on the branch.
                return undefined;
            case 'dispatch-next':
                // Single-step mode ends this run once the next step's commit has landed (see the loop).
                if (request.singleStep)
                    handedOff = true;
                return undefined;
            case 'notify':
                deps.log(effect.message);
                return undefined;
            case 'fail-job':
                failure = effect.message;
                return undefined;
        }
    }
    /**
     * The routing part of step `step`'s commit (1-based): with `exposure.mirror` or
     * `exposure.headerRoute`, the first step mirrors that share of stable's traffic to the canary, or
     * sends it the requests carrying the header; every later step stops that (the canary serves real
     * users from then on). Without either, nothing.
     */
    function routingAt(step) {
        const { mirror, headerRoute } = policy.exposure;
        return {
            ...(mirror === undefined ? {} : { mirror: step === 1 ? mirror : 0 }),
            ...(headerRoute === undefined ? {} : { headerRoute: { ...headerRoute, enabled: step === 1 } }),
        };
    }
    /** Waits until the reconciler has applied `sha` (policy exposure.reconcile); logs why not. */
    async function waitReconciled(sha) {
        const outcome = await waiter.wait({
            sha,
            weight: state.weight,
            ...(deps.deploymentId === undefined ? {} : { deploymentId: deps.deploymentId }),
            ...(policy.environment ? { environment: policy.environment } : {}),
        });
        if (!outcome.applied)
            deps.log(`not applied: ${outcome.reason}`);
        return outcome.applied;
    }
    /** `Glidepath-Override: <kind>: <reason>` when the rollout runs under an audited override. */
    function overrideTrailer() {
        const override = request.override;
        return override
            ? { 'Glidepath-Override': `${override.kind}: ${override.reason.replace(/\s+/g, ' ')}` }
            : {};
    }
    /** Commits the promotion record (`Glidepath-Verdict: promoted`); see gitops/promotion.ts. */
    async function recordPromoted() {
        const commit = await deps.writer.commit((0,promotion/* promotionCommit */.v)(desired.branch, {
            ...(policy.service ? { service: policy.service } : {}),
            rollout: request.id,
            digest,
            at: deps.now().toISOString(),
            steps: context.steps.length,
            ...(request.evidence ? { evidence: request.evidence } : {}),
        }, desired.quarantineFile));
        deps.log(`promoted: recorded ${commit.sha.slice(0, 12)} (${commit.status})`);
        await deps.announce?.('promoted', {
            reason: 'every step passed; the canary serves all traffic',
            commit: commit.sha,
        });
    }
    /** Commits the reversal with `which` lever plus the quarantine entry; returns the commit. */
    async function revert(which, reason) {
        const entry = {
            digest,
            image: image.name,
            reason,
            rollout: request.id,
            at: deps.now().toISOString(),
        };
        const trailers = {
            'Glidepath-Rollout': request.id,
            ...(policy.service ? { 'Glidepath-Service': policy.service } : {}),
            'Glidepath-Digest': digest,
            'Glidepath-Verdict': quarantining ? 'fail' : 'abort',
            ...(firstCommit ? { 'Glidepath-Revert-Of': firstCommit } : {}),
        };
        let commitRequest;
        if (which === 'image') {
            if (!beforeRollout)
                throw new errors/* ConfigurationError */.j1('cannot revert the image: the rollout made no commit to undo');
            const plan = await (0,gitops_revert/* planRevert */._)(deps.writer, {
                branch: desired.branch,
                scope: { rollout: request.id },
                target: { to: beforeRollout },
                verdict: quarantining ? 'fail' : 'abort',
                reason,
                image: image.name,
                quarantineFile: desired.quarantineFile,
                ...(quarantining ? {} : { skipQuarantine: true }),
                now: deps.now,
            });
            commitRequest = plan.request;
        }
        else if (which === 'flag' && desired.flags) {
            const flags = desired.flags;
            commitRequest = {
                branch: desired.branch,
                headline: `glidepath: ${policy.service ?? 'rollout'} flag ${flags.flag} off (reversal)`,
                body: reason,
                trailers,
                changes: [
                    {
                        path: flags.path,
                        intent: `flag ${flags.flag} off`,
                        render: (current) => (0,set_flag/* planSetFlag */.y)(current ?? '', flags.path, {
                            flag: flags.flag,
                            off: true,
                            provider: flags.provider,
                        }).after,
                    },
                    ...(quarantining ? [(0,quarantine/* quarantineChange */.Fo)(entry, desired.quarantineFile)] : []),
                ],
            };
        }
        else {
            // Traffic: the canary weight (and the flag split) back to 0; the image stays, serving nothing.
            const weightZero = (0,gitops_desire/* desireCommit */.q)(desired, {
                image,
                weight: 0,
                // A mirror step's copy and a header route stop too: the canary gets nothing at all.
                ...routingAt(Infinity),
                rollout: request.id,
                ...(policy.service ? { service: policy.service } : {}),
            });
            commitRequest = {
                ...weightZero,
                headline: `glidepath: ${policy.service ?? 'rollout'} canary weight 0 (reversal)`,
                body: reason,
                trailers: { ...weightZero.trailers, ...trailers, 'Glidepath-Weight': '0' },
                // The quarantine guard refuses the digest being quarantined: this commit adds it instead.
                changes: [
                    ...weightZero.changes.filter((change) => change.path !== desired.quarantineFile),
                    ...(quarantining ? [(0,quarantine/* quarantineChange */.Fo)(entry, desired.quarantineFile)] : []),
                ],
            };
        }
        return (await deps.writer.commit(commitRequest)).sha;
    }
}

// EXTERNAL MODULE: ./src/cli/commands/analyze.ts + 7 modules
var analyze = __webpack_require__(58690);
// EXTERNAL MODULE: ./src/cli/commands/gitops-options.ts + 2 modules
var gitops_options = __webpack_require__(30452);
;// CONCATENATED MODULE: ./src/cli/commands/rollout.ts
/**
 * `glidepath rollout`: the whole rollout in one job (DESIGN.md "Loops" 1). `runRolloutCommand` is
 * the library call the CLI and the action share; this file's command only reads flags into
 * `RolloutSettings` and prints the result.
 */











const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** Exit status per outcome (DESIGN.md "Errors and exit codes"). */
const ROLLOUT_EXIT = {
    promoted: errors/* ExitCode */.yU.ok,
    reverted: errors/* ExitCode */.yU.rejected,
    paused: errors/* ExitCode */.yU.inconclusive,
    // This run did its step and handed the next to a new run: nothing is wrong.
    continuing: errors/* ExitCode */.yU.ok,
};
const rolloutCommand = {
    name: 'rollout',
    description: [
        'Admits the artifact (with --evidence), then commits each exposure step of the policy (exposure.steps',
        'or the risk tier) to the GitOps repository, waits until the reconciler applied it, bakes it with the',
        "policy's analysis, and advances only on a pass. A fail (or provider errors past their limit) commits",
        'the smallest reversal (rollback.order: flag off, canary weight 0, previous image) together with the',
        "digest's quarantine entry, and the command fails. An inconclusive analysis does what",
        "exposure.onInconclusive says. With GITHUB_REPOSITORY, a token and the policy's environment set, the",
        'rollout is also a GitHub deployment whose statuses follow the steps.',
        '',
        'Exit status: 0 promoted, 1 rejected or reverted, 4 paused (a person decides), 2 bad usage or policy,',
        '3 infrastructure retries exhausted, 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'artifact',
            type: 'string',
            required: true,
            placeholder: 'REF',
            description: 'the image pinned by digest',
        },
        {
            name: 'evidence',
            type: 'string',
            multiple: true,
            placeholder: 'PATH...',
            description: 'admit the artifact against this evidence first (as verify does)',
        },
        {
            name: 'canary-label',
            type: 'string',
            placeholder: 'REF',
            description: 'value for {{canary}} (default canary)',
        },
        {
            name: 'stable-label',
            type: 'string',
            placeholder: 'REF',
            description: 'value for {{stable}} (default stable)',
        },
        {
            name: 'rollout',
            type: 'string',
            placeholder: 'ID',
            description: 'rollout id (default: service and digest)',
        },
        {
            name: 'override',
            type: 'string',
            placeholder: 'KIND',
            description: 'an audited override of the deploy windows and freezes: p0 or security (with --reason; recorded as Glidepath-Override)',
        },
        {
            name: 'reason',
            type: 'string',
            placeholder: 'TEXT',
            description: 'why the override is needed (an incident, an advisory); required with --override',
        },
        ...gitops_options/* GITOPS_OPTIONS */.q,
    ],
    examples: [
        'glidepath rollout --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence reports/',
    ],
    async run(values, io) {
        const result = await runRolloutCommand(settingsFrom(values), io);
        if (!result.admitted) {
            io.stdout(values.json ? (0,report_admission/* admissionJson */.MV)(result.admission) : (0,report_admission/* admissionText */.b9)(result.admission));
            return errors/* ExitCode */.yU.rejected;
        }
        io.stdout(values.json ? (0,rollout/* rolloutJson */.ui)(result.record) : (0,rollout/* rolloutText */.pY)(result.record));
        return ROLLOUT_EXIT[result.record.outcome];
    },
};
/** Flags shared by `rollout` and `step` (`step` adds its own). */
const ROLLOUT_OPTIONS = () => rolloutCommand.options;
function settingsFrom(values) {
    const text = (name) => values[name];
    return {
        artifact: values.artifact,
        evidence: values.evidence ?? [],
        ...(text('policy') === undefined ? {} : { policyFile: text('policy') }),
        ...(text('repo') === undefined ? {} : { repo: text('repo') }),
        ...(text('backend') === undefined ? {} : { backend: text('backend') }),
        ...(text('canary-label') === undefined ? {} : { canaryLabel: text('canary-label') }),
        ...(text('stable-label') === undefined ? {} : { stableLabel: text('stable-label') }),
        ...(text('rollout') === undefined ? {} : { id: text('rollout') }),
        ...overrideFrom(text('override'), text('reason')),
    };
}
/** `--override KIND --reason TEXT` as settings; either without the other is a usage error. */
function overrideFrom(kind, reason, names = { override: '--override', reason: '--reason' }) {
    if (kind === undefined && reason === undefined)
        return {};
    if (kind !== 'p0' && kind !== 'security') {
        throw new errors/* UsageError */.eb(kind === undefined
            ? `${names.reason} goes with ${names.override} p0|security`
            : `${names.override} must be p0 or security; got "${kind}"`);
    }
    if (!reason?.trim()) {
        throw new errors/* UsageError */.eb(`${names.override} ${kind} needs ${names.reason}: say why (it is recorded with the commits)`);
    }
    return { override: { kind, reason: reason.trim() } };
}
/**
 * Admits the artifact (when evidence is given), then runs the rollout to promotion, reversal or a
 * pause: the library call both faces share. Progress goes to `io.stderr`; nothing to `io.stdout`.
 * Throws the usual errors (ConfigurationError for the policy or flags, TransientError when the
 * infrastructure kept failing).
 */
async function runRolloutCommand(settings, io) {
    const image = image_ref/* ImageRef */.j.parse(settings.artifact);
    const { policy, desired, checkout } = await (0,gitops_options/* gitopsPolicy */.RR)({ policy: settings.policyFile, repo: settings.repo, backend: settings.backend }, io);
    if (!policy.analysis) {
        throw new errors/* ConfigurationError */.j1('has no analysis section: a rollout without analysis would advance on a timer; add analysis.provider and guardrails', policy.source);
    }
    let admission;
    let evidence;
    if (settings.evidence.length > 0) {
        // Loaded only when evidence is given (Sigstore and the evidence parsers are most of the bundle).
        const { runVerify } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 32651));
        admission = await runVerify({
            artifact: image.toString(),
            evidence: settings.evidence,
            ...(policy.source ? { policyFile: policy.source } : {}),
            ...(settings.trustedRoot ? { trustedRoot: settings.trustedRoot } : {}),
            ...(settings.quarantineFile ? { quarantineFile: settings.quarantineFile } : {}),
        }, io);
        if (!admission.admitted)
            return { admitted: false, admission };
        evidence = `sha256:${(0,external_node_crypto_.createHash)('sha256').update((0,report_admission/* admissionJson */.MV)(admission)).digest('hex')}`;
        io.stderr(`admitted ${image.toString()}\n`);
    }
    const id = settings.id ?? `${policy.service ?? 'rollout'}-${image.digest.hex.slice(0, 12)}`;
    const clock = { now: io.now, sleep };
    const writer = await (0,gitops_options/* openWriter */.Kn)(desired, io, checkout);
    let setStatus;
    try {
        const deps = {
            writer,
            provider: (0,analyze.openMetricProvider)(policy.analysis, io.env ?? {}, clock),
            ...clock,
            env: io.env ?? {},
            log: (line) => io.stderr(`${io.now().toISOString().slice(11, 19)} ${line}\n`),
            ...(await deploymentStatuses(io, policy.environment, id, image.digest.toString(), evidence)),
        };
        setStatus = deps.setStatus;
        const committedOverride = await holdUnlessAllowed(policy, writer, deps.provider, image.digest.toString(), id, settings, io);
        const override = settings.override ?? committedOverride;
        const announce = await announcer(policy, io, id, image.digest.toString());
        if (announce)
            deps.announce = announce;
        const handoff = policy.exposure.handoff;
        if (handoff) {
            if (policy.analysis.provider.kind !== 'prometheus') {
                throw new errors/* ConfigurationError */.j1(`exposure.handoff reads ${handoff.controller}'s metrics from Prometheus; set analysis.provider.kind to prometheus (where the controller is scraped)`, policy.source);
            }
            const { runHandoff } = await __webpack_require__.e(/* import() */ 327).then(__webpack_require__.bind(__webpack_require__, 81327));
            const record = await runHandoff({ policy, desired, image, id, spec: handoff, ...(evidence ? { evidence } : {}) }, deps);
            return { admitted: true, record, ...(admission ? { admission } : {}) };
        }
        const record = await runRollout({
            policy: { ...policy, analysis: policy.analysis },
            desired,
            image,
            id,
            labels: { canary: settings.canaryLabel ?? 'canary', stable: settings.stableLabel ?? 'stable' },
            ...(evidence ? { evidence } : {}),
            ...(settings.singleStep ? { singleStep: true } : {}),
            ...(settings.control ? { control: settings.control } : {}),
            ...(override ? { override } : {}),
        }, deps);
        return { admitted: true, record, ...(admission ? { admission } : {}) };
    }
    catch (error) {
        // The deployment says the run stopped, and why; the branch holds only whole steps (the writers'
        // compare-and-swap), so a rerun carries on from there. Best effort: GitHub may be the cause.
        await setStatus?.('error', `stopped: ${(0,errors/* describeError */.Uc)(error)}; rerun to carry on`).catch(() => undefined);
        throw error;
    }
    finally {
        await writer.close();
    }
}
/**
 * The deploy policy (`deploy:`), asked once before a rollout's first commit (a rollout in progress
 * carries on whatever the clock says: stopping it half-way would leave exposure where it is). The
 * same decision as the gate (src/gate/decision.ts); a hold throws HeldError naming every reason.
 * Returns the committed override (the overrides file) that let the rollout through, for its
 * commits' Glidepath-Override trailer; `--override` is the caller's to record.
 */
async function holdUnlessAllowed(policy, writer, provider, digest, id, settings, io) {
    if (!policy.deploy || !policy.desired)
        return undefined;
    const [{ gatherFacts, GATE_LOG_DEPTH }, { decideGate }] = await Promise.all([
        __webpack_require__.e(/* import() */ 234).then(__webpack_require__.bind(__webpack_require__, 27234)),
        __webpack_require__.e(/* import() */ 366).then(__webpack_require__.bind(__webpack_require__, 60366)),
    ]);
    const log = await writer.log(policy.desired.branch, GATE_LOG_DEPTH);
    if ((0,recover/* recoverRollout */.k)(log, { rollout: id }))
        return undefined;
    const facts = await gatherFacts({
        policy,
        writer,
        log,
        digest,
        at: io.now(),
        ...(policy.analysis?.slo ? { provider } : {}),
        ...(settings.override
            ? {
                override: {
                    ...settings.override,
                    ...(io.env?.GITHUB_ACTOR ? { by: io.env.GITHUB_ACTOR } : {}),
                },
            }
            : {}),
    });
    const decision = decideGate(policy.deploy, facts);
    if (decision.state === 'rejected') {
        throw new errors/* HeldError */.c5(`the deploy policy holds rollout ${id}: ${decision.reasons.join('; ')}`);
    }
    const given = facts.override;
    const override = decision.overridden && given?.committed
        ? { kind: given.kind, reason: `${given.reason} (committed in ${given.committed.where})` }
        : undefined;
    if (decision.overridden) {
        io.stderr(`deploy policy overridden (${decision.overridden}): ${override?.reason ?? settings.override?.reason ?? ''}\n`);
    }
    return override;
}
/**
 * Notifications per the policy's `notify:` (src/notify/): every destination is created first, so a
 * missing variable stops the command before anything is deployed; sending never fails a rollout.
 */
async function announcer(policy, io, rollout, digest) {
    const targets = policy.notify ?? [];
    if (targets.length === 0)
        return undefined;
    const { createNotifier, notifyAll } = await __webpack_require__.e(/* import() */ 73).then(__webpack_require__.bind(__webpack_require__, 57073));
    const env = io.env ?? {};
    const deps = { fetch: globalThis.fetch, env, now: io.now, log: (line) => io.stderr(`${line}\n`) };
    for (const target of targets)
        createNotifier(target, deps);
    const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return (event, details) => notifyAll(targets, {
        event,
        ...(policy.service ? { service: policy.service } : {}),
        ...(policy.environment ? { environment: policy.environment } : {}),
        rollout,
        digest,
        ...details,
        ...(runUrl ? { runUrl } : {}),
        at: io.now(),
    }, deps);
}
/**
 * Deployment statuses when running in (or for) a GitHub repository with a token and an environment,
 * and what the deployment-status reconcile wait needs: the deployment and who created it.
 */
async function deploymentStatuses(io, environment, rollout, digest, evidence) {
    const env = io.env ?? {};
    const token = env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN;
    const repository = env.GITHUB_REPOSITORY;
    if (!token || !repository || !environment)
        return {};
    const [owner, repo] = repository.split('/');
    const octokit = (0,github_octokit/* createOctokit */.Q)({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
    const deployment = await (0,deployments/* findOrCreateDeployment */.GS)(octokit, {
        owner,
        repo,
        ref: env.GITHUB_SHA || env.GITHUB_REF_NAME || 'main',
        environment,
        payload: { rollout, digest, ...(evidence ? { evidence } : {}) },
    });
    const logUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return {
        setStatus: (state, description) => (0,deployments/* setDeploymentStatus */.e9)(octokit, { owner, repo, deploymentId: deployment.id }, state, {
            description,
            ...(logUrl ? { logUrl } : {}),
        }),
        github: { octokit, owner, repo, ...(deployment.creator ? { actor: deployment.creator } : {}) },
        deploymentId: deployment.id,
    };
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


/***/ }),

/***/ 19486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ desireCommit)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/manifests/set-image.ts + 16 modules
var set_image = __webpack_require__(1905);
// EXTERNAL MODULE: ./src/traffic/flags/set-flag.ts + 3 modules
var set_flag = __webpack_require__(70601);
// EXTERNAL MODULE: ./src/manifests/yaml-edit.ts
var yaml_edit = __webpack_require__(13036);
// EXTERNAL MODULE: ./src/traffic/routers/index.ts + 8 modules
var routers = __webpack_require__(74928);
;// CONCATENATED MODULE: ./src/traffic/set-header-route.ts
/**
 * Switching a header route on or off in one manifest file: the traffic part of a rollout's
 * header-route step (`exposure.headerRoute`) and of leaving it. On, requests carrying `header:
 * value` reach the canary whatever the weight, so testers can try it at weight 0; off, they go back
 * to stable, so a reversal never leaves testers on a bad canary (issue 5, "a header-route step";
 * anchors-rollouts.md: Argo `setHeaderRoute`, Flagger `match` headers). Pure: text in, text out.
 */



/**
 * Plans switching `request.header` on or off for `request.route` in `text`. A router without
 * header routes, or a route without a rule for the header (or, to switch off, without a stable
 * backend in that rule), is a ConfigurationError naming the file and what to add; nothing is
 * planned then.
 */
function planSetHeaderRoute(text, file, request) {
    const router = (0,routers/* routerFor */.NF)(request.router);
    if (!router.planHeaderRoute || !router.readHeaderRoute) {
        const able = routers/* ROUTER_NAMES */.x$.filter((name) => {
            const candidate = (0,routers/* routerFor */.NF)(name);
            return candidate.planHeaderRoute !== undefined && candidate.readHeaderRoute !== undefined;
        });
        throw new errors/* ConfigurationError */.j1(`the ${router.name} router cannot route by header; use ${able.join(', ')} for a header-route step, or remove exposure.headerRoute`, file);
    }
    // RFC 9110 §5.1: a field name is a token. An empty or spaced name would match no request, and
    // ingress-nginx would read it as no header at all.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(request.header)) {
        throw new errors/* ConfigurationError */.j1(`header "${request.header}" is not an HTTP header name; use letters, digits and - (e.g. X-Canary)`);
    }
    if (request.enabled && request.value.trim() === '') {
        throw new errors/* ConfigurationError */.j1(`the value of header ${request.header} is empty; give the value testers send to reach the canary (e.g. "always")`);
    }
    const source = (0,yaml_edit/* parseManifestSource */.sp)(text, file);
    const edits = router.planHeaderRoute(source, request);
    const after = edits.length > 0 ? (0,yaml_edit/* applyEdits */.ct)(source, edits) : text;
    // Read the result back through the same router: what gets written is what was asked for, or
    // nothing is written at all.
    const reading = router.readHeaderRoute((0,yaml_edit/* parseManifestSource */.sp)(after, file), request);
    const valueMissed = request.enabled && reading.value !== request.value;
    if (reading.enabled !== request.enabled || valueMissed) {
        const asked = request.enabled ? `on (${request.header}: ${request.value})` : 'off';
        const found = reading.enabled
            ? `on${reading.value !== undefined ? ` (value ${reading.value})` : ''}`
            : 'off';
        throw new Error(`${router.name} planned header route ${request.header} ${asked} for ${request.route} in ${file} but ${reading.location} reads ${found} (a bug in Glidepath)`);
    }
    return { file, after, changed: after !== text, edits };
}

// EXTERNAL MODULE: ./src/traffic/routers/types.ts
var types = __webpack_require__(34461);
;// CONCATENATED MODULE: ./src/traffic/set-mirror.ts
/**
 * Setting the share of stable traffic mirrored to the canary in one manifest file: the traffic part
 * of a rollout's mirror step (`exposure.mirror`) and of leaving it. Pure: text in, text out. The
 * canary answers mirrored requests into the void (the caller gets stable's answer), so a mirror step
 * measures the new version under real load with no user exposed (anchors-rollouts.md: Argo
 * `setMirrorRoute`, Flagger `mirror`).
 */




/**
 * Plans mirroring `request.percent` of `request.route`'s stable traffic to the canary in `text`.
 * A router without mirroring, or a route without a mirror to the canary, is a ConfigurationError
 * naming the file and what to add.
 */
function planSetMirror(text, file, request) {
    const router = (0,routers/* routerFor */.NF)(request.router);
    if (!router.planMirror) {
        const able = routers/* ROUTER_NAMES */.x$.filter((name) => (0,routers/* routerFor */.NF)(name).planMirror !== undefined);
        throw new errors/* ConfigurationError */.j1(`the ${router.name} router cannot mirror traffic; use ${able.join(', ')} for a mirror step, or remove exposure.mirror`, file);
    }
    const percent = types/* Weight */.L.from(request.percent, 'mirror percent');
    const source = (0,yaml_edit/* parseManifestSource */.sp)(text, file);
    const edits = router.planMirror(source, { ...request, percent });
    const after = edits.length > 0 ? (0,yaml_edit/* applyEdits */.ct)(source, edits) : text;
    return { file, after, changed: after !== text, edits };
}

// EXTERNAL MODULE: ./src/traffic/set-weight.ts
var set_weight = __webpack_require__(23530);
// EXTERNAL MODULE: ./src/gitops/quarantine.ts
var quarantine = __webpack_require__(34910);
;// CONCATENATED MODULE: ./src/gitops/desire.ts







/** Policy target kinds whose manifest-kind name differs. */
const KIND_OF = { helmrelease: 'flux-helmrelease' };
/**
 * The commit request for `request`: a quarantine guard first (it refuses a quarantined digest on
 * the very head being committed on, so a digest quarantined a moment ago cannot slip through),
 * then one change per image target, the route and the flag.
 */
function desireCommit(desired, request) {
    const digest = request.image.digest.toString();
    const quarantineGuard = {
        path: desired.quarantineFile,
        intent: `not quarantined ${digest}`,
        render(current) {
            (0,quarantine/* assertNotQuarantined */.c1)(current, digest, desired.quarantineFile);
            return current;
        },
    };
    const changes = [
        quarantineGuard,
        ...desired.targets.map((target) => imageChange(target, request)),
    ];
    const routing = request.mirror !== undefined || request.headerRoute !== undefined;
    if ((request.weight !== undefined || routing) && desired.traffic) {
        const { traffic } = desired;
        const { weight: canary, mirror, headerRoute } = request;
        const route = { route: traffic.route, router: traffic.router };
        const intent = [
            ...(canary === undefined ? [] : [`weight ${traffic.router} ${traffic.route}=${canary}`]),
            ...(mirror === undefined ? [] : [`mirror ${traffic.route}=${mirror}`]),
            ...(headerRoute === undefined
                ? []
                : [`header ${headerRoute.header} ${headerRoute.enabled ? 'on' : 'off'}`]),
        ].join(', ');
        changes.push({
            path: traffic.path,
            intent,
            render: (current) => {
                let text = required(current, traffic.path);
                if (canary !== undefined)
                    text = (0,set_weight/* planSetWeight */.i)(text, traffic.path, { ...route, canary }).after;
                if (mirror !== undefined) {
                    text = planSetMirror(text, traffic.path, { ...route, percent: mirror }).after;
                }
                if (headerRoute !== undefined) {
                    text = planSetHeaderRoute(text, traffic.path, { ...route, ...headerRoute }).after;
                }
                return text;
            },
        });
    }
    else if (routing) {
        throw new errors/* ConfigurationError */.j1('a mirror or header-route step needs desired.traffic: the route that sends the canary its requests');
    }
    if (request.weight !== undefined && desired.flags) {
        const { flags } = desired;
        const percent = request.weight;
        changes.push({
            path: flags.path,
            intent: `flag ${flags.flag}=${percent}`,
            render: (current) => (0,set_flag/* planSetFlag */.y)(required(current, flags.path), flags.path, {
                flag: flags.flag,
                percent,
                provider: flags.provider,
            }).after,
        });
    }
    if (changes.length === 1) {
        throw new errors/* ConfigurationError */.j1('desired: nothing to change; list image targets under desired.targets (and desired.traffic to step weights)');
    }
    mergeSamePath(changes);
    const rollout = request.rollout ?? `${request.service ?? 'rollout'}-${request.image.digest.hex.slice(0, 12)}`;
    const weight = request.weight === undefined ? '' : ` at ${request.weight}%`;
    return {
        branch: desired.branch,
        headline: `glidepath: ${request.service ?? 'desire'} ${request.image.name}@${digest.slice(0, 19)}${weight}`,
        trailers: {
            'Glidepath-Rollout': rollout,
            ...(request.service ? { 'Glidepath-Service': request.service } : {}),
            ...(request.step ? { 'Glidepath-Step': request.step } : {}),
            ...(request.weight !== undefined ? { 'Glidepath-Weight': String(request.weight) } : {}),
            'Glidepath-Digest': digest,
            ...(request.evidence ? { 'Glidepath-Evidence': request.evidence } : {}),
        },
        changes,
    };
}
function imageChange(target, request) {
    const kind = KIND_OF[target.kind] ?? target.kind;
    const path = target.valuesPath ?? target.yamlPath;
    return {
        path: target.path,
        intent: `image ${target.kind}:${target.container ?? ''}=${request.image.toString()}`,
        render: (current) => (0,set_image/* planSetImage */.f)(required(current, target.path), target.path, {
            image: request.image,
            kind,
            ...(target.container ? { container: target.container } : {}),
            ...(path ? { path: path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) } : {}),
        }).after,
    };
}
/** Two targets in one file (a Deployment and its HTTPRoute side by side) become one change. */
function mergeSamePath(changes) {
    for (let i = 0; i < changes.length; i++) {
        for (let j = changes.length - 1; j > i; j--) {
            const [first, second] = [changes[i], changes[j]];
            if (first.path !== second.path)
                continue;
            changes[i] = {
                path: first.path,
                intent: `${first.intent ?? ''}; ${second.intent ?? ''}`,
                render: (current) => second.render(first.render(current)),
            };
            changes.splice(j, 1);
        }
    }
}
function required(current, path) {
    if (current === undefined) {
        throw new errors/* ConfigurationError */.j1(`does not exist on the branch; fix desired.targets/traffic/flags paths (repository-relative)`, path);
    }
    return current;
}


/***/ }),

/***/ 96461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ promotionCommit)
/* harmony export */ });
/* unused harmony exports promotionFileFor, recordPromotion */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/**
 * The promotion record: the commit that says a rollout finished at 100% *after* its last step was
 * judged (DESIGN.md "State": progress is read from Git). The last step's own commit only says the
 * canary was asked for 100%; without this record a rerun (or the next event-driven run) could not
 * tell "100% committed, not yet judged" from "promoted", and a canary going bad at 100% would never
 * be judged. The commit carries `Glidepath-Verdict: promoted` and writes one line per service to
 * `.glidepath/promoted.yaml` (next to the quarantine list): the digest now promoted, when, by which
 * rollout — a compare-and-swap commit must change a file, and this one is useful to read.
 */



/** The promotion file next to `quarantineFile`. */
function promotionFileFor(quarantineFile) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(quarantineFile), 'promoted.yaml');
}
/** Sets `entry.service`'s line in the promotion file's text (comments and other services kept). */
function recordPromotion(current, entry, file) {
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(current ?? '# The digest each service last promoted to 100%, written by Glidepath.\n');
    if (document.errors.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`is not YAML (${document.errors[0].message}); fix or delete it`, file);
    }
    if (document.contents !== null && !(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(document.contents)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('must be a map of service → promotion; fix or delete it', file);
    }
    document.setIn([entry.service], { rollout: entry.rollout, digest: entry.digest, at: entry.at });
    return document.toString();
}
/**
 * The promotion commit on `branch`: the promotion file's line for the service, and the trailers
 * every rollout commit carries (recover.ts reads them) plus `Glidepath-Verdict: promoted`.
 */
function promotionCommit(branch, promotion, quarantineFile) {
    const entry = {
        service: promotion.service ?? promotion.rollout,
        rollout: promotion.rollout,
        digest: promotion.digest,
        at: promotion.at,
    };
    const file = promotionFileFor(quarantineFile);
    const change = {
        path: file,
        intent: `promoted ${entry.rollout}`,
        render: (current) => recordPromotion(current, entry, file),
    };
    const trailers = {
        'Glidepath-Rollout': promotion.rollout,
        ...(promotion.service ? { 'Glidepath-Service': promotion.service } : {}),
        'Glidepath-Step': `${promotion.steps}/${promotion.steps}`,
        'Glidepath-Weight': '100',
        'Glidepath-Digest': promotion.digest,
        ...(promotion.evidence ? { 'Glidepath-Evidence': promotion.evidence } : {}),
        'Glidepath-Verdict': 'promoted',
    };
    return {
        branch,
        headline: `glidepath: ${entry.service} promoted ${entry.digest.slice(0, 19)}… (100%, judged)`,
        body: `Rollout ${entry.rollout} passed its last step; the canary serves all traffic.`,
        trailers,
        changes: [change],
    };
}


/***/ }),

/***/ 96440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ planRevert)
/* harmony export */ });
/* unused harmony export isInScope */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _quarantine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34910);
/**
 * Planning a revert. A revert is not `git revert`: it writes the earlier desired state again, as a
 * new compare-and-swap commit whose files are byte-identical to that state. Only the files that
 * this service's (or rollout's) Glidepath commits touched since then are restored, so other
 * services' commits on the same branch survive. The reverted digest goes into the quarantine list
 * in the same commit, so an image updater or a re-run cannot roll it forward again.
 */


/** Plans the revert described by `options` from `history`; see the module comment. */
async function planRevert(history, options) {
    const depth = options.depth ?? 100;
    const quarantineFile = options.quarantineFile ?? _quarantine_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_QUARANTINE_FILE */ .Q_;
    const commits = await history.log(options.branch, depth);
    const inScope = (commit) => isInScope(commit, options.scope);
    const scopeName = describeScope(options.scope);
    let targetSha;
    let anchor;
    if ('previous' in options.target) {
        anchor = commits.find((commit) => inScope(commit) && !commit.trailers['Glidepath-Revert-Of']);
        if (!anchor) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`no Glidepath commit of ${scopeName} among the last ${depth} commits of ${options.branch}; there is nothing to revert (use --to SHA to name a state)`);
        }
        const parent = anchor.parents[0];
        if (!parent) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${anchor.sha} is the first commit of ${options.branch}; there is no earlier state`);
        }
        targetSha = parent;
    }
    else {
        targetSha = resolveSha(commits, options.target.to, options.branch, depth);
    }
    const targetIndex = commits.findIndex((commit) => commit.sha === targetSha);
    const later = targetIndex < 0 ? commits : commits.slice(0, targetIndex);
    const reverted = later.filter(inScope);
    if (reverted.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`no Glidepath commit of ${scopeName} after ${short(targetSha)} on ${options.branch}; the desired state is already that of ${short(targetSha)}`);
    }
    const touched = new Set();
    for (const commit of reverted) {
        for (const path of await history.changedFiles(commit.sha))
            touched.add(path);
    }
    touched.delete(quarantineFile);
    const paths = [...touched].sort();
    const changes = [];
    for (const path of paths) {
        const content = await history.readFile(targetSha, path);
        changes.push({
            path,
            intent: `restore ${path} from ${targetSha}`,
            // Byte-identical to the target state, whatever is there now; undefined deletes a file the
            // later commits created.
            render: () => content,
        });
    }
    // With --to, the commit undone is the newest forward (non-revert) commit in scope.
    const undone = anchor ?? reverted.find((commit) => !commit.trailers['Glidepath-Revert-Of']) ?? reverted[0];
    const newestDigest = reverted.find((commit) => commit.trailers['Glidepath-Digest'])?.trailers['Glidepath-Digest'];
    const olderCommits = targetIndex < 0 ? [] : commits.slice(targetIndex);
    const restoredDigest = olderCommits.find((commit) => inScope(commit) && commit.trailers['Glidepath-Digest'])
        ?.trailers['Glidepath-Digest'];
    let quarantined;
    if (!options.skipQuarantine && newestDigest && newestDigest !== restoredDigest) {
        quarantined = {
            digest: newestDigest,
            ...(options.image ? { image: options.image } : {}),
            reason: options.reason ?? `reverted to ${short(targetSha)}`,
            ...(undone.trailers['Glidepath-Rollout'] ? { rollout: undone.trailers['Glidepath-Rollout'] } : {}),
            at: (options.now ?? (() => new Date()))().toISOString(),
        };
        changes.push((0,_quarantine_js__WEBPACK_IMPORTED_MODULE_1__/* .quarantineChange */ .Fo)(quarantined, quarantineFile));
    }
    const trailers = { 'Glidepath-Revert-Of': undone.sha };
    const rollout = options.scope.rollout ?? undone.trailers['Glidepath-Rollout'];
    if (rollout)
        trailers['Glidepath-Rollout'] = rollout;
    const service = options.scope.service ?? undone.trailers['Glidepath-Service'];
    if (service)
        trailers['Glidepath-Service'] = service;
    if (restoredDigest)
        trailers['Glidepath-Digest'] = restoredDigest;
    if (options.verdict)
        trailers['Glidepath-Verdict'] = options.verdict;
    const body = [
        options.reason ?? '',
        `Restores ${paths.length === 1 ? paths[0] : `${paths.length} files`} to their content at ${targetSha}, undoing:`,
        ...reverted.map((commit) => `  ${short(commit.sha)} ${commit.headline}`),
        quarantined ? `Quarantines ${quarantined.digest} in ${quarantineFile}.` : '',
    ]
        .filter(Boolean)
        .join('\n');
    return {
        target: targetSha,
        revertOf: undone.sha,
        reverted,
        paths,
        ...(quarantined ? { quarantined } : {}),
        request: {
            branch: options.branch,
            headline: `Revert ${service ?? rollout ?? 'desired state'} to ${short(targetSha)}`,
            body,
            trailers,
            changes,
        },
    };
}
/** Whether `commit` is a Glidepath commit of `scope` (any Glidepath commit for an empty scope). */
function isInScope(commit, scope) {
    const trailers = commit.trailers;
    if (!trailers['Glidepath-Intent'] && !trailers['Glidepath-Rollout'] && !trailers['Glidepath-Service']) {
        // Not written by Glidepath. With no scope every later commit counts (a plain `--to SHA`).
        return !scope.service && !scope.rollout;
    }
    if (scope.service && trailers['Glidepath-Service'] !== scope.service)
        return false;
    if (scope.rollout && trailers['Glidepath-Rollout'] !== scope.rollout)
        return false;
    return true;
}
function resolveSha(commits, wanted, branch, depth) {
    const text = wanted.trim().toLowerCase();
    if (!/^[0-9a-f]{7,64}$/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--to ${JSON.stringify(wanted)} is not a commit sha; give at least 7 hex digits`);
    }
    const matches = commits.filter((commit) => commit.sha.startsWith(text));
    if (matches.length === 1)
        return matches[0].sha;
    if (matches.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--to ${wanted} is ambiguous among the last ${depth} commits of ${branch}; give more digits`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--to ${wanted} is not among the last ${depth} commits of ${branch}; pass a commit of that branch (git log --oneline ${branch})`);
}
function describeScope(scope) {
    if (scope.service && scope.rollout)
        return `service ${scope.service}, rollout ${scope.rollout}`;
    if (scope.service)
        return `service ${scope.service}`;
    if (scope.rollout)
        return `rollout ${scope.rollout}`;
    return 'any service';
}
function short(sha) {
    return sha.slice(0, 12);
}


/***/ }),

/***/ 38363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wz: () => (/* binding */ revertCause),
/* harmony export */   pY: () => (/* binding */ rolloutText),
/* harmony export */   rU: () => (/* binding */ rolloutMarkdown),
/* harmony export */   ui: () => (/* binding */ rolloutJson)
/* harmony export */ });
/* harmony import */ var _analysis_condition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10399);
/* harmony import */ var _analysis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83002);
/**
 * Renders a rollout record (DESIGN.md "Loops" 1, issue 5 "report"): a terminal table, the `--json`
 * document (the action's `record` output), and the job summary — the outcome, a steps table, a
 * mermaid flowchart of the steps, one mermaid `xychart-beta` per guardrail (its values across the
 * steps against its threshold) and, on a reversal, the root cause in one paragraph. A reverted
 * rollout explains itself in the summary without anyone opening a dashboard.
 *
 * Markdown hazards: every text that comes from outside (reasons, criteria, guardrail names) goes
 * through `cell` or `inline`, so a `|` cannot split a table row, a newline cannot end one, and a
 * `<` cannot open an HTML tag in the summary. Mermaid is stricter still: its labels cannot hold `"` and
 * its numbers cannot be written with an exponent, so both are rewritten (`label`, `plain`).
 */


const MARK = {
    pass: '✅ pass',
    fail: '❌ fail',
    inconclusive: '⏸️ inconclusive',
    error: '⚠️ error',
};
/** Plain text for a terminal. */
function rolloutText(record) {
    const header = ['STEP', 'WEIGHT', 'COMMIT', 'ANALYSIS', 'REASON'];
    const rows = record.steps.map((step) => [
        String(step.step),
        `${step.weight}%`,
        step.commit?.slice(0, 12) ?? '-',
        step.phase?.toUpperCase() ?? '-',
        step.reason ?? '',
    ]);
    const widths = header.map((title, column) => column === 4 ? 0 : Math.max(title.length, ...rows.map((row) => row[column].length)));
    const line = (cells) => cells
        .map((cell, column) => (column === 4 ? cell : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd();
    const outcome = record.outcome === 'promoted'
        ? `PROMOTED ${record.digest.slice(0, 19)}… to 100%`
        : record.outcome === 'reverted'
            ? `REVERTED with the ${record.lever ?? 'image'} lever at ${record.revertCommit?.slice(0, 12) ?? '?'}: ${record.reason}`
            : `${record.outcome.toUpperCase()}: ${record.reason}`;
    return [line(header), ...rows.map(line), '', outcome, ''].join('\n');
}
/** The `--json` document and the action's `record` file: the record as is, two-space indented. */
function rolloutJson(record) {
    return JSON.stringify(record, null, 2) + '\n';
}
/**
 * Job-summary markdown: the outcome line, the steps table, a flowchart of the steps, a chart per
 * guardrail with values, the root cause on a reversal, and each step's analysis folded away.
 */
function rolloutMarkdown(record) {
    const cause = revertCause(record);
    const charts = guardrailSeries(record.steps).flatMap(chartLines);
    const analyses = record.steps.flatMap((step) => step.analysis
        ? [
            `<details><summary>Step ${step.step} (${step.weight}%) analysis</summary>`,
            '',
            (0,_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .analysisMarkdown */ .s0)(step.analysis).trimEnd(),
            '',
            '</details>',
            '',
        ]
        : []);
    return [
        outcomeLine(record),
        '',
        `Rollout \`${code(inline(record.id))}\` of \`${shortDigest(record.digest)}\`, ${record.startedAt} → ${record.finishedAt}.`,
        ...(record.outcome === 'promoted' ? [] : ['', inline(record.reason)]),
        ...(record.override
            ? [
                '',
                `> **Deploy policy overridden (${record.override.kind})**: ${inline(record.override.reason)} — recorded as \`Glidepath-Override\` on every commit of this rollout.`,
            ]
            : []),
        '',
        '| Step | Weight | Commit | Analysis | Reason |',
        '| ---: | ---: | --- | --- | --- |',
        ...record.steps.map((step) => `| ${step.step} | ${step.weight}% | ${step.commit ? `\`${step.commit.slice(0, 12)}\`` : '-'} | ${phaseMark(step.phase)} | ${cell(step.reason ?? '')} |`),
        '',
        ...flowchart(record),
        '',
        ...(cause ? ['#### Root cause', '', inline(cause), ''] : []),
        ...(charts.length ? ['#### Guardrails', '', ...charts] : []),
        ...analyses,
    ].join('\n');
}
/**
 * On a reversal, one paragraph naming the cause: the failing step, each gating guardrail that
 * failed there with its values against its criterion, the lever and the reversal commit. Undefined
 * unless the record is `reverted`. Plain text with backticks, so it reads as an annotation too.
 */
function revertCause(record) {
    if (record.outcome !== 'reverted')
        return undefined;
    const failed = record.steps.findLast((step) => step.phase === 'fail' || step.phase === 'error');
    const culprits = failed?.analysis?.metrics.filter((metric) => !metric.dryRun && metric.phase === failed.phase) ?? [];
    const where = failed
        ? `step ${failed.step} (${failed.weight}%)`
        : record.steps.length > 0
            ? `step ${record.steps.at(-1).step} (${record.steps.at(-1).weight}%)`
            : 'before the first step';
    const what = culprits.length > 0
        ? culprits
            .map((metric) => `guardrail \`${code(metric.name)}\` ${metric.phase === 'fail' ? 'failed' : 'errored'}: ${valuesText(metric)} against ${metric.criterion} (${metric.reason})`)
            .join('; ')
        : record.reason;
    const commit = record.revertCommit ? ` in commit \`${record.revertCommit.slice(0, 12)}\`` : '';
    return (`At ${where}, ${what}. The ${record.lever ?? 'image'} lever reverted it${commit}, and ` +
        `${shortDigest(record.digest)} is quarantined until a person removes it from the quarantine list.`);
}
function outcomeLine(record) {
    const last = record.steps.at(-1);
    const at = last ? ` at step ${last.step} (${last.weight}%)` : '';
    switch (record.outcome) {
        case 'promoted':
            return `### ✅ Rollout promoted: \`${shortDigest(record.digest)}\` serves 100%`;
        case 'reverted':
            return `### ❌ Rollout reverted${at} with the ${record.lever ?? 'image'} lever${record.revertCommit ? ` (\`${record.revertCommit.slice(0, 12)}\`)` : ''}`;
        case 'paused':
            return `### ⏸️ Rollout held${at}: a person decides`;
        case 'continuing':
            return `### ⏩ Rollout continuing${at}: the next run takes the next step`;
    }
}
/** A left-to-right flowchart: the digest, one node per step (weight, analysis, commit), the outcome. */
function flowchart(record) {
    const nodes = record.steps.map((step, index) => ({
        id: `s${index + 1}`,
        text: [`step ${step.step} · ${step.weight}%`, phaseMark(step.phase), step.commit?.slice(0, 7)]
            .filter((part) => Boolean(part) && part !== '-')
            .join('<br/>'),
        style: step.phase === 'pass' ? 'pass' : step.phase === undefined ? 'open' : 'bad',
    }));
    const end = record.outcome === 'promoted'
        ? { text: '✅ promoted', style: 'pass' }
        : record.outcome === 'reverted'
            ? {
                text: [`↩️ reverted · ${record.lever ?? 'image'}`, record.revertCommit?.slice(0, 7)]
                    .filter(Boolean)
                    .join('<br/>'),
                style: 'bad',
            }
            : record.outcome === 'continuing'
                ? { text: '⏩ next run', style: 'open' }
                : { text: '⏸️ held', style: 'held' };
    const chain = ['origin', ...nodes.map((node) => node.id), 'outcome'].join(' --> ');
    return [
        '```mermaid',
        'flowchart LR',
        `  origin(["${label(shortDigest(record.digest))}"])`,
        ...nodes.map((node) => `  ${node.id}["${label(node.text)}"]:::${node.style}`),
        `  outcome(["${label(end.text)}"]):::${end.style}`,
        `  ${chain}`,
        '  classDef pass fill:#dafbe1,stroke:#1a7f37',
        '  classDef bad fill:#ffebe9,stroke:#cf222e',
        '  classDef held fill:#fff8c5,stroke:#9a6700',
        '  classDef open fill:#f6f8fa,stroke:#57606a',
        '```',
    ];
}
/**
 * A threshold guardrail's verdict, told from the comparisons, SLO and sample checks by its
 * criterion, which the engine writes as `min N`, `max N`, `success: …` or `failure: …`
 * (engine.ts `criterionOf`). Hazard: this reads the engine's wording; the report test builds its
 * record with the real engine so a change there fails here.
 */
const GUARDRAIL_CRITERION = /^(?:min|max) |^(?:success|failure): /;
const BOUND = /(?:^|, )(min|max) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?=,|$| )/g;
/** Each guardrail's finite values in step order, labelled by weight (and look, when a step has several). */
function guardrailSeries(steps) {
    const series = new Map();
    for (const step of steps) {
        for (const metric of step.analysis?.metrics ?? []) {
            if (!GUARDRAIL_CRITERION.test(metric.criterion))
                continue;
            const values = metric.values.filter(Number.isFinite);
            if (values.length === 0)
                continue;
            let entry = series.get(metric.name);
            if (!entry) {
                entry = {
                    name: metric.name,
                    criterion: metric.criterion,
                    points: [],
                    bounds: [...metric.criterion.matchAll(BOUND)].map((match) => ({
                        kind: match[1],
                        value: Number(match[2]),
                    })),
                };
                series.set(metric.name, entry);
            }
            for (const [index, value] of values.entries()) {
                entry.points.push({
                    label: values.length === 1 ? `${step.weight}%` : `${step.weight}% #${index + 1}`,
                    value,
                });
            }
        }
    }
    return [...series.values()];
}
/** The caption and the xychart: the values as the first line, each bound as a further line. */
function chartLines(series) {
    const bounds = series.bounds.map((bound) => `${bound.kind} ${(0,_analysis_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(bound.value)}`);
    const caption = bounds.length
        ? `**${inline(series.name)}**: values per look (first line) against ${bounds.join(' and ')} (${bounds.length === 1 ? 'second line' : 'further lines'}).`
        : `**${inline(series.name)}**: values per look; the criterion is a condition (${inline(series.criterion)}), so no threshold line.`;
    const line = (values) => `  line [${values.map(plain).join(', ')}]`;
    return [
        caption,
        '',
        '```mermaid',
        'xychart-beta',
        `  title "${label(series.name)}"`,
        `  x-axis [${series.points.map((point) => `"${label(point.label)}"`).join(', ')}]`,
        line(series.points.map((point) => point.value)),
        ...series.bounds.map((bound) => line(series.points.map(() => bound.value))),
        '```',
        '',
    ];
}
function phaseMark(phase) {
    return phase && phase in MARK ? MARK[phase] : (phase ?? '-');
}
function valuesText(metric) {
    if (metric.values.length === 0)
        return 'no values';
    const shown = metric.values.map((value) => (0,_analysis_condition_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(Number.isFinite(value) ? Number(value.toPrecision(4)) : value));
    return `${shown.length === 1 ? 'value' : 'values'} ${shown.join(', ')}`;
}
/**
 * A number mermaid's xychart lexer accepts (`[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent), to four
 * significant digits.
 */
function plain(value) {
    if (value === 0)
        return '0';
    const decimals = Math.min(20, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))));
    const fixed = value.toFixed(decimals);
    return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
function shortDigest(digest) {
    return `${digest.slice(0, 19)}…`;
}
/** Text for a mermaid label in double quotes: no quotes, no line breaks. */
function label(text) {
    return text.replaceAll('"', "'").replace(/[\r\n]+/g, ' ');
}
/** Text inside a code span. */
function code(text) {
    return text.replaceAll('`', "'");
}
/**
 * One line of markdown prose: no line breaks, no HTML. Only a `<` that could open a tag (CommonMark:
 * followed by a letter, `/`, `!` or `?`) is escaped: `result < 0.8` stays readable, also inside a
 * code span, where an entity would show as written.
 */
function inline(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}
/** A table cell: `inline`, with `|` escaped so it cannot split the row. */
function cell(text) {
    return inline(text).replaceAll('|', '\\|');
}


/***/ }),

/***/ 60180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   Jw: () => (/* binding */ describeState),
/* harmony export */   fx: () => (/* binding */ initialRolloutState),
/* harmony export */   kY: () => (/* binding */ transition),
/* harmony export */   zR: () => (/* binding */ machineContext)
/* harmony export */ });
/* unused harmony exports STATUS_DESCRIPTION_LIMIT, isActive, reversalLever */
/* harmony import */ var _config_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97840);
/**
 * The rollout state machine: `transition(state, event, context) → { state, effects }`.
 *
 * Pure (DESIGN.md "Module map" rollout/, STYLE.md 5): no clock (times come in on events), no I/O,
 * never throws. The executor performs the effects in order and reports what happened as the next
 * event; the same machine drives the single-job loop and the event-driven loop (DESIGN.md "Loops").
 *
 * Vocabulary: the *active* statuses are `applying`, `baking` and `paused` (something is exposed and
 * the clock runs); `promoted` and `reverted` are terminal; `pending` and `reverting` are neither.
 * "Step k/n at w%" counts steps from 1, as commit trailers do (`Glidepath-Step: 3/5`); the state's
 * `step` is the 0-based index into `context.steps`.
 *
 * Rules, in the order they apply:
 *
 * 1. **Max duration.** An event in an active status at `at > startedAt + maxDurationMs` reverses
 *    ("max duration 4h exceeded"), whatever the event was — unless the event's own transition already
 *    reverses (a failed verdict keeps its more specific reason and its quarantine).
 * 2. **pending.** `started` → `applying` step 0 (startedAt = at): commit step 1, set-status
 *    in_progress, dispatch-next (an event-driven run ends once step 1 has landed). `command abort` → `reverted` at once (nothing was committed, so nothing is reversed
 *    and nothing quarantined): set-status failure, notify, fail-job. Other commands notify that the
 *    rollout has not started. Invalid `context.steps` (empty, not increasing, not ending at 100) make
 *    `started` a documented error: state unchanged, one `fail-job` effect naming the problem.
 * 3. **applying.** `committed` with a new sha → remember it (`commit`), wait-reconcile. `applied` once
 *    the step's commit is known → `baking` (appliedAt = stepStartedAt = at), analyze. An `applied` before
 *    the step's commit landed is the reconciler catching up with an older commit: ignored.
 * 4. **baking + verdict pass.** At the last step → `promoted`: set-status success, notify. Otherwise
 *    the next step: commit it, set-status in_progress, dispatch-next. With `context.adaptive`, a
 *    `weak` pass first extends the bake once (analyze again, extensions + 1), and a `strong` pass
 *    skips one step — but never into 100 from a weight below 50.
 * 5. **verdict fail or error** (baking or paused) → `reverting`: revert with the first lever of
 *    `order` that `levers` configures (none → `image`), quarantine the digest, set-status failure,
 *    notify naming the step, weight and reason.
 * 6. **baking + verdict inconclusive** follows `onInconclusive`: `extend` analyses again once
 *    (extensions + 1; one extension per step, whichever asked first, so a second inconclusive
 *    pauses); `pause` → `paused` with set-status in_progress "paused at step …: reason" and a notify
 *    asking a person to decide; `fail` reverses as in rule 5 (with quarantine).
 * 7. **reverting + reverted** → `reverted` (commit = the reversal sha): fail-job with the reason. The
 *    failure status was already set when the reversal began.
 * 8. **Commands.** `pause` in applying or baking → `paused`. `abort` in any active status →
 *    `reverting`. In baking and paused, `promote` moves to the next step (at the last step it
 *    promotes) and `promote-full` commits 100% as the last step; both chain with dispatch-next.
 *    `retry` and `resume` in paused bake again (analyze, extensions reset to 0 — a person's decision
 *    restores the extension), or, when the step's commit had not been applied yet, go back to waiting
 *    for it (wait-reconcile, or the commit again when it had not landed). A command that cannot act
 *    (terminal or reverting status, not started, not paused, promote while applying, pause while
 *    paused) changes nothing and emits one `notify` saying why.
 * 9. **Timeouts.** `reconcile` in applying → `reverting` ("not applied within 15m"); elsewhere
 *    ignored. `rollout` in any active status → `reverting`.
 * 10. **paused keeps facts.** A `committed` or `applied` that arrives while paused (the executor was
 *    mid-step when the pause came) is recorded without effects, so `resume` knows what is left to do.
 * 11. **Idempotence.** Anything else — a repeated `started`, the same `committed` sha, a second
 *    `applied` while baking, a verdict while applying, any event in a terminal status — returns the
 *    same state object and no effects.
 *
 * Why abort and timeouts do not quarantine: quarantine records evidence against the digest and needs a
 * person to lift it; a person's abort or an expired clock says nothing about the digest. Verdict
 * `error` does quarantine, as the design asks: an unmeasurable canary must not be re-rolled silently.
 *
 * `dispatch-next` accompanies a move to a new step (started, pass, promote, promote-full) and a bake
 * re-entered by a command (retry, resume), so an event-driven executor can end its run there and
 * chain the next; an extension continues the bake already under way and does not dispatch.
 */

/** GitHub's limit on a deployment status description. */
const STATUS_DESCRIPTION_LIMIT = 140;
/** The weight below which a strong pass may not skip straight into 100%. */
const ADAPTIVE_FULL_SKIP_FLOOR = 50;
/** The state of a new rollout: pending, before the first step. */
function initialRolloutState(init) {
    return {
        id: init.id,
        digest: init.digest,
        status: 'pending',
        step: -1,
        weight: 0,
        extensions: 0,
        startedAt: init.at,
        history: [],
    };
}
/** The machine's slice of a validated policy. */
function machineContext(policy) {
    const desired = policy.desired;
    return {
        steps: [...policy.exposure.steps],
        onInconclusive: policy.exposure.onInconclusive,
        maxDurationMs: policy.exposure.maxDuration.milliseconds,
        levers: {
            flag: desired?.flags !== undefined,
            traffic: desired?.traffic !== undefined,
            image: (desired?.targets.length ?? 0) > 0,
        },
        order: [...policy.rollback.order],
        adaptive: policy.exposure.adaptive,
        reconcileTimeoutMs: policy.exposure.reconcile.timeout.milliseconds,
    };
}
/** Whether nothing more can happen: `promoted` or `reverted`. */
function isTerminal(status) {
    return status === 'promoted' || status === 'reverted';
}
/** Whether something is exposed and the rollout's clock runs: `applying`, `baking` or `paused`. */
function isActive(status) {
    return status === 'applying' || status === 'baking' || status === 'paused';
}
/** The lever a reversal uses: the first of `order` the policy configures, else `image`. */
function reversalLever(context) {
    return context.order.find((lever) => context.levers[lever]) ?? 'image';
}
/** One line for logs and summaries, e.g. `rollout r7 (sha256:0123456789ab): baking step 2/5 at 5%`. */
function describeState(state, steps) {
    const head = `rollout ${state.id} (${shortDigest(state.digest)})`;
    const at = position(state, steps);
    switch (state.status) {
        case 'pending':
            return `${head}: pending`;
        case 'applying':
            return `${head}: applying ${at}${state.commit === undefined ? '' : ` (commit ${state.commit.slice(0, 7)})`}`;
        case 'baking':
            return `${head}: baking ${at}${state.extensions > 0 ? `, extended ${state.extensions}×` : ''}`;
        case 'paused':
            return state.reason === undefined ? `${head}: paused at ${at}` : `${head}: paused, ${state.reason}`;
        case 'promoted':
            return `${head}: promoted at ${at}`;
        case 'reverting':
        case 'reverted':
            // The reason already names the step (see `reverse`).
            return `${head}: ${state.status}${state.reason === undefined ? ` from ${at}` : `, ${state.reason}`}`;
        default:
            return `${head}: unknown status ${String(state.status)}`;
    }
}
/** Applies `event` to `state` (see the rules at the top of this file). Never throws. */
function transition(state, event, context) {
    const next = react(state, event, context);
    if (isActive(state.status) &&
        event.at > state.startedAt + context.maxDurationMs &&
        next.state.status !== 'reverting' &&
        next.state.status !== 'reverted') {
        return reverse(state, context, event.at, `max duration ${formatMs(context.maxDurationMs)} exceeded`);
    }
    return next;
}
function react(state, event, context) {
    switch (event.type) {
        case 'started':
            return state.status === 'pending' ? start(state, context, event.at) : unchanged(state);
        case 'committed':
            return committed(state, event.sha, event.at);
        case 'applied':
            return applied(state, context, event.at);
        case 'verdict':
            return verdict(state, context, event);
        case 'command':
            return command(state, context, event.command, event.at);
        case 'timeout':
            if (event.what === 'reconcile') {
                if (state.status !== 'applying')
                    return unchanged(state);
                const within = context.reconcileTimeoutMs;
                return reverse(state, context, event.at, `not applied within ${within === undefined ? 'the reconcile timeout' : formatMs(within)}`);
            }
            return isActive(state.status)
                ? reverse(state, context, event.at, `rollout did not finish within ${formatMs(context.maxDurationMs)}`)
                : unchanged(state);
        case 'reverted':
            return state.status === 'reverting' ? finishReversal(state, event.sha, event.at) : unchanged(state);
        default:
            // Events come from persisted JSON and workflow inputs; an unknown kind changes nothing.
            return unchanged(state);
    }
}
function start(state, context, at) {
    const problem = stepsProblem(context.steps);
    if (problem !== undefined) {
        return {
            state,
            effects: [{ type: 'fail-job', message: `rollout ${state.id} cannot start: ${problem}` }],
        };
    }
    // Chained like every new step: an event-driven run ends once step 1 has landed (DESIGN.md Loops 2).
    return moveTo({ ...state, startedAt: at }, context, at, 0, 'started', true);
}
function committed(state, sha, at) {
    const known = state.commit === sha || state.history.some((entry) => entry.sha === sha);
    if (known)
        return unchanged(state);
    if (state.status === 'applying') {
        return {
            state: { ...state, commit: sha, history: [...state.history, entry(state, at, 'committed', { sha })] },
            effects: [{ type: 'wait-reconcile', sha }],
        };
    }
    if (state.status === 'paused' && state.commit === undefined && state.appliedAt === undefined) {
        return {
            state: {
                ...state,
                commit: sha,
                history: [...state.history, entry(state, at, 'committed while paused', { sha })],
            },
            effects: [],
        };
    }
    return unchanged(state);
}
function applied(state, context, at) {
    const waiting = state.commit !== undefined && state.appliedAt === undefined;
    if (state.status === 'applying' && waiting) {
        return {
            state: {
                ...state,
                status: 'baking',
                appliedAt: at,
                stepStartedAt: at,
                history: [...state.history, entry(state, at, 'applied')],
            },
            effects: [analyze(state)],
        };
    }
    if (state.status === 'paused' && waiting) {
        return {
            state: {
                ...state,
                appliedAt: at,
                stepStartedAt: at,
                history: [...state.history, entry(state, at, 'applied while paused')],
            },
            effects: [],
        };
    }
    return unchanged(state);
}
function verdict(state, context, event) {
    const { phase, at } = event;
    if (state.status === 'paused') {
        // A pause holds advancement, not harm: a failure found while paused still reverses.
        return phase === 'fail' || phase === 'error'
            ? reverse(state, context, at, failureCause(phase, event.reason), phase)
            : unchanged(state);
    }
    if (state.status !== 'baking')
        return unchanged(state);
    switch (phase) {
        case 'fail':
        case 'error':
            return reverse(state, context, at, failureCause(phase, event.reason), phase);
        case 'inconclusive':
            if (context.onInconclusive === 'fail') {
                return reverse(state, context, at, `analysis inconclusive (onInconclusive: fail): ${event.reason}`, phase);
            }
            if (context.onInconclusive === 'extend' && state.extensions === 0) {
                return extend(state, at, `inconclusive, bake extended: ${event.reason}`, phase);
            }
            return pause(state, context, at, `analysis inconclusive${state.extensions > 0 ? ' after an extended bake' : ''}: ${event.reason}`, phase);
        case 'pass': {
            const adaptive = context.adaptive === true;
            if (adaptive && event.confidence === 'weak' && state.extensions === 0) {
                return extend(state, at, `weak pass, bake extended: ${event.reason}`, phase);
            }
            const judged = {
                ...state,
                history: [...state.history, entry(state, at, `analysis passed: ${event.reason}`, { phase })],
            };
            const last = context.steps.length - 1;
            if (state.step >= last)
                return promote(judged, context, at);
            let target = state.step + 1;
            const skip = state.step + 2;
            if (adaptive &&
                event.confidence === 'strong' &&
                skip <= last &&
                !(weightAt(context, skip) >= 100 && state.weight < ADAPTIVE_FULL_SKIP_FLOOR)) {
                target = skip;
            }
            const why = target === skip
                ? `analysis passed strongly, skipped ${weightAt(context, state.step + 1)}%`
                : 'analysis passed';
            return moveTo(judged, context, at, target, why, true);
        }
        default:
            return unchanged(state);
    }
}
function command(state, context, name, at) {
    const { id, status } = state;
    if (status === 'pending') {
        if (name !== 'abort')
            return refuse(state, `rollout ${id} has not started; nothing to ${name}`);
        const reason = 'aborted before the first step';
        return {
            state: {
                ...state,
                status: 'reverted',
                reason,
                history: [...state.history, entry(state, at, reason)],
            },
            effects: [
                { type: 'set-status', state: 'failure', description: reason },
                { type: 'notify', message: `rollout ${id} of ${state.digest} was ${reason}; nothing was committed` },
                { type: 'fail-job', message: `rollout ${id} ${reason}` },
            ],
        };
    }
    if (status === 'reverting') {
        return refuse(state, `rollout ${id} is reverting; ${name} does nothing while the reversal lands`);
    }
    if (status === 'promoted') {
        return refuse(state, `rollout ${id} is promoted (100%); ${name} does nothing — start a new rollout to change it`);
    }
    if (status === 'reverted') {
        return refuse(state, `rollout ${id} is reverted; ${name} does nothing — start a new rollout to try again`);
    }
    if (!isActive(status))
        return unchanged(state);
    const here = position(state, context.steps);
    switch (name) {
        case 'abort':
            return reverse(state, context, at, 'aborted by command');
        case 'pause':
            return status === 'paused'
                ? refuse(state, `rollout ${id} is already paused at ${here}`)
                : pause(state, context, at, 'paused by command');
        case 'retry':
        case 'resume':
            return status === 'paused'
                ? resumeWork(state, context, at, `${name} by command`)
                : refuse(state, `rollout ${id} is ${status}, not paused; ${name} does nothing`);
        case 'promote':
        case 'promote-full': {
            if (status === 'applying') {
                return refuse(state, `rollout ${id} is applying ${here}; ${name} acts once it is applied — pause it, or send ${name} while it bakes`);
            }
            const last = context.steps.length - 1;
            if (state.step >= last) {
                // Promoting at 100% claims the canary is live there; when it is not applied yet, finish applying it.
                return state.appliedAt === undefined
                    ? resumeWork(state, context, at, `${name} by command`)
                    : promote({ ...state, history: [...state.history, entry(state, at, `${name} by command`)] }, context, at);
            }
            const target = name === 'promote' ? state.step + 1 : last;
            return moveTo(state, context, at, target, `${name} by command`, true);
        }
        default:
            return unchanged(state);
    }
}
/** Enters step `index`: commit it, set the status, and (`chain`) let an event-driven executor dispatch. */
function moveTo(state, context, at, index, why, chain) {
    const weight = weightAt(context, index);
    const of = context.steps.length;
    const { commit: _commit, appliedAt: _appliedAt, stepStartedAt: _stepStartedAt, reason: _reason, ...kept } = state;
    const moved = { ...kept, status: 'applying', step: index, weight, extensions: 0 };
    const effects = [
        { type: 'commit', weight, step: index + 1, of },
        {
            type: 'set-status',
            state: 'in_progress',
            description: clip(`step ${index + 1}/${of} at ${weight}%: ${why}`),
        },
    ];
    if (chain)
        effects.push({ type: 'dispatch-next' });
    return {
        state: { ...moved, history: [...state.history, entry(moved, at, `commit requested: ${why}`)] },
        effects,
    };
}
/** Bakes the current step again without leaving it. */
function extend(state, at, reason, phase) {
    return {
        state: {
            ...state,
            extensions: state.extensions + 1,
            history: [...state.history, entry(state, at, reason, { phase })],
        },
        effects: [analyze(state)],
    };
}
function promote(state, context, at) {
    const { reason: _reason, ...kept } = state;
    const here = position(state, context.steps);
    return {
        state: { ...kept, status: 'promoted', history: [...state.history, entry(state, at, 'promoted')] },
        effects: [
            { type: 'set-status', state: 'success', description: clip(`${here}: promoted`) },
            {
                type: 'notify',
                message: `rollout ${state.id} promoted ${state.digest} to ${state.weight}% (${here})`,
            },
        ],
    };
}
function pause(state, context, at, cause, phase) {
    const here = position(state, context.steps);
    return {
        state: {
            ...state,
            status: 'paused',
            reason: `${here}: ${cause}`,
            history: [...state.history, entry(state, at, `paused: ${cause}`, phase === undefined ? {} : { phase })],
        },
        effects: [
            { type: 'set-status', state: 'in_progress', description: clip(`paused at ${here}: ${cause}`) },
            {
                type: 'notify',
                message: `rollout ${state.id} paused at ${here}: ${cause}; send promote, retry or abort to decide`,
            },
        ],
    };
}
/** Leaves a pause for whatever the step still needs: its bake, its reconcile, or its commit. */
function resumeWork(state, context, at, why) {
    const { reason: _reason, ...kept } = state;
    const here = position(state, context.steps);
    const status = { type: 'set-status', state: 'in_progress', description: clip(`${here}: ${why}`) };
    const history = [...state.history, entry(state, at, why)];
    if (state.appliedAt !== undefined) {
        return {
            state: { ...kept, status: 'baking', extensions: 0, history },
            effects: [status, analyze(state), { type: 'dispatch-next' }],
        };
    }
    const applying = { ...kept, status: 'applying', history };
    if (state.commit !== undefined) {
        return { state: applying, effects: [status, { type: 'wait-reconcile', sha: state.commit }] };
    }
    return {
        state: applying,
        effects: [
            { type: 'commit', weight: state.weight, step: state.step + 1, of: context.steps.length },
            status,
        ],
    };
}
/** Begins the reversal. `phase` marks a judged failure, which also quarantines the digest. */
function reverse(state, context, at, cause, phase) {
    const lever = reversalLever(context);
    const here = position(state, context.steps);
    const reason = `${here}: ${cause}`;
    const effects = [{ type: 'revert', lever, reason }];
    if (phase !== undefined)
        effects.push({ type: 'quarantine', digest: state.digest, reason });
    effects.push({ type: 'set-status', state: 'failure', description: clip(`failed at ${reason}`) }, {
        type: 'notify',
        message: `rollout ${state.id} of ${state.digest} is reverting with the ${lever} lever at ${reason}`,
    });
    return {
        state: {
            ...state,
            status: 'reverting',
            reason,
            history: [
                ...state.history,
                entry(state, at, `reverting: ${cause}`, phase === undefined ? {} : { phase }),
            ],
        },
        effects,
    };
}
function finishReversal(state, sha, at) {
    return {
        state: {
            ...state,
            status: 'reverted',
            commit: sha,
            history: [...state.history, entry(state, at, 'reversal committed', { sha })],
        },
        effects: [
            {
                type: 'fail-job',
                message: `rollout ${state.id} failed and was reverted: ${state.reason ?? 'no reason recorded'}`,
            },
        ],
    };
}
function analyze(state) {
    return { type: 'analyze', step: state.step + 1, weight: state.weight };
}
function unchanged(state) {
    return { state, effects: [] };
}
/** A command that cannot act: the state stays the same object, and people are told why. */
function refuse(state, message) {
    return { state, effects: [{ type: 'notify', message }] };
}
function entry(state, at, reason, extra = {}) {
    return { step: state.step, weight: state.weight, ...extra, reason, at };
}
function failureCause(phase, reason) {
    return `${phase === 'fail' ? 'analysis failed' : 'analysis errored'}: ${reason}`;
}
function weightAt(context, index) {
    // Validated steps always have the index; 100 keeps a malformed context from producing NaN.
    return context.steps[index] ?? 100;
}
function position(state, steps) {
    return state.step < 0
        ? 'before the first step'
        : `step ${state.step + 1}/${steps.length} at ${state.weight}%`;
}
function stepsProblem(steps) {
    const shown = `[${steps.join(', ')}]`;
    if (steps.length === 0)
        return 'exposure.steps is empty; list the canary percentages, e.g. [1, 5, 25, 50, 100]';
    for (let i = 0; i < steps.length; i++) {
        const weight = steps[i];
        // A leading 0 is a step that exposes no user: a blue-green preview or a mirror step.
        if (!Number.isFinite(weight) || weight < 0 || (weight === 0 && i > 0) || weight > 100) {
            return `exposure.steps ${shown}: ${weight} is not a percentage in (0, 100]${i > 0 && weight === 0 ? ' (only the first step may be 0)' : ''}`;
        }
        if (i > 0 && weight <= steps[i - 1]) {
            return `exposure.steps ${shown} must increase; got ${weight} after ${steps[i - 1]}`;
        }
    }
    if (steps[steps.length - 1] !== 100)
        return `exposure.steps ${shown} must end at 100`;
    return undefined;
}
function clip(text) {
    return text.length <= STATUS_DESCRIPTION_LIMIT ? text : `${text.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}
function shortDigest(digest) {
    return /^sha256:[0-9a-f]{13,}$/.test(digest) ? digest.slice(0, 'sha256:'.length + 12) : digest;
}
function formatMs(ms) {
    return Number.isFinite(ms) && ms >= 0 ? _config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .Duration */ .d.ofMilliseconds(ms).toString() : `${ms}ms`;
}


/***/ }),

/***/ 93135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   _D: () => (/* binding */ checkInterval),
/* harmony export */   g3: () => (/* binding */ pollUntil)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Looks with `check` until it reports applied or failed, or the deadline passes; always looks at
 * least once, and once more at the deadline. `calls` reads how many requests the waiter has made
 * (the outcome's `polls`); `timedOut` builds the reason from the last thing seen. Each new `seen`
 * is logged once, prefixed with `label`, so a long wait shows its progress without repeating lines.
 */
async function pollUntil(deps, label, schedule, check, calls, timedOut) {
    const started = deps.now().getTime();
    const deadline = started + schedule.timeoutMs;
    const waited = () => deps.now().getTime() - started;
    let delay = schedule.intervalMs;
    let lastSeen = 'nothing yet';
    for (;;) {
        const result = await check();
        if (result.kind === 'applied')
            return { applied: true, polls: calls(), waitedMs: waited() };
        if (result.kind === 'failed') {
            return { applied: false, polls: calls(), waitedMs: waited(), reason: result.reason };
        }
        if (result.seen !== lastSeen)
            deps.log(`${label}: ${result.seen}`);
        lastSeen = result.seen;
        const left = deadline - deps.now().getTime();
        if (left <= 0)
            return { applied: false, polls: calls(), waitedMs: waited(), reason: timedOut(lastSeen) };
        await deps.sleep(Math.min(delay, left));
        delay = Math.min(delay * (schedule.factor ?? 1), schedule.maxIntervalMs ?? Number.POSITIVE_INFINITY);
    }
}
/** Refuses an interval that would poll without pause (the polling waiters share it). */
function checkInterval(interval) {
    if (!(interval.milliseconds > 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`exposure.reconcile.interval must be positive; got ${interval.toString()}`);
    }
}
/** The first 12 characters of a sha, as messages print commits. */
function shortSha(sha) {
    return sha.slice(0, 12);
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

//# sourceMappingURL=754.index.js.map