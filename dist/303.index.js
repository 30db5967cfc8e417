export const id = 303;
export const ids = [303,234,366];
export const modules = {

/***/ 75303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateGroup: () => (/* binding */ gateGroup)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/evidence/image-ref.ts
var image_ref = __webpack_require__(70912);
// EXTERNAL MODULE: ./src/gate/decision.ts + 1 modules
var gate_decision = __webpack_require__(60366);
// EXTERNAL MODULE: ./src/gate/facts.ts + 1 modules
var facts = __webpack_require__(27234);
// EXTERNAL MODULE: ./src/gitops/backoff.ts
var backoff = __webpack_require__(51484);
// EXTERNAL MODULE: ./src/cli/commands/analyze.ts + 7 modules
var analyze = __webpack_require__(58690);
// EXTERNAL MODULE: ./src/cli/commands/gitops-options.ts + 2 modules
var gitops_options = __webpack_require__(30452);
;// CONCATENATED MODULE: ./src/cli/commands/gate-check.ts
/**
 * `glidepath gate check`: the deployment gate's decision from a workflow step — the same decision
 * (src/gate/decision.ts) the protection-rule server posts to GitHub, on the same facts
 * (src/gate/facts.ts), so a team can run the gate without hosting the App (issue 6 Build 4 and 5).
 */







const OVERRIDES = ['p0', 'security'];
const gateCheckCommand = {
    name: 'check',
    description: [
        'Decides whether a deployment may start now, as the deployment protection rule does: a quarantined',
        'digest (in the GitOps repository) rejects; so do a closed deploy window or freeze (deploy.allow,',
        'deploy.deny), a spent SLO error budget (deploy.freezeOnBudget, measured when analysis.slo is set) and',
        'a reverted rollout of the service that no later commit has acknowledged. An acknowledgement is any',
        'newer commit without a Glidepath-Rollout trailer that changes a file the policy manages (a target, the',
        'traffic or flag file, the quarantine list).',
        '',
        'An override the policy allows (deploy.overrides) with a reason approves in spite of windows, freezes',
        'and a failed rollout, never in spite of quarantine; the decision says who overrode and why.',
        '',
        'Exit status: 0 approved, 1 rejected, 2 bad usage or policy, 3 the host kept failing.',
    ].join('\n'),
    options: [
        {
            name: 'artifact',
            type: 'string',
            placeholder: 'REF',
            description: 'the image to deploy, registry/repository@sha256:… or a bare sha256:… digest',
        },
        {
            name: 'environment',
            type: 'string',
            placeholder: 'NAME',
            description: "the deployment environment (default: the policy's environment); must match the policy's",
        },
        {
            name: 'at',
            type: 'string',
            placeholder: 'TIME',
            description: 'decide for this time instead of now: RFC 3339 or unix seconds',
        },
        {
            name: 'override',
            type: 'string',
            placeholder: 'p0|security',
            description: 'an audited override of windows, freezes and failed rollouts (needs --reason)',
        },
        { name: 'reason', type: 'string', placeholder: 'TEXT', description: 'why the override is needed' },
        ...gitops_options/* GITOPS_OPTIONS */.q,
    ],
    examples: [
        'glidepath gate check --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:…',
        'glidepath gate check --policy glidepath.yaml --override p0 --reason "INC-123: checkout down" --json',
    ],
    async run(values, io) {
        const request = requestFrom(values);
        const { policy, desired, checkout } = await (0,gitops_options/* gitopsPolicy */.RR)(values, io);
        if (request.environment && policy.environment && request.environment !== policy.environment) {
            throw new errors/* ConfigurationError */.j1(`is the policy for environment "${policy.environment}", not "${request.environment}"; pass the policy for ${request.environment}`, policy.source);
        }
        const actor = io.env?.GITHUB_ACTOR;
        const override = request.override
            ? { ...request.override, ...(actor ? { by: `@${actor}` } : {}) }
            : undefined;
        const facts = await readGateFacts(policy, desired, io, checkout, {
            at: request.at ?? io.now(),
            ...(request.digest ? { digest: request.digest } : {}),
            ...(request.environment ? { environment: request.environment } : {}),
            ...(override ? { override } : {}),
        });
        const decision = (0,gate_decision.decideGate)(policy.deploy, facts);
        io.stdout(values.json ? JSON.stringify(decisionJson(decision, facts), null, 2) + '\n' : decisionText(decision));
        return decision.state === 'approved' ? errors/* ExitCode */.yU.ok : errors/* ExitCode */.yU.rejected;
    },
};
/**
 * The gate's facts for one question, as `gate check` and `gate serve` ask it: the policy's metric
 * provider when it has an SLO (for the error budget), and a GitOps writer opened for this read only.
 */
async function readGateFacts(policy, desired, io, checkout, ask) {
    const provider = policy.analysis?.slo
        ? (0,analyze.openMetricProvider)(policy.analysis, io.env ?? {}, {
            now: () => io.now(),
            sleep: backoff/* realRetryEffects */.$v.sleep,
        })
        : undefined;
    const writer = await (0,gitops_options/* openWriter */.Kn)(desired, io, checkout);
    try {
        return await (0,facts.gatherFacts)({ policy, writer, ...ask, ...(provider ? { provider } : {}) });
    }
    finally {
        await writer.close();
    }
}
/** The flags as a request; bad combinations are UsageErrors. */
function requestFrom(values) {
    const text = (name) => values[name];
    const artifact = text('artifact');
    const kind = text('override');
    const reason = text('reason');
    if (kind !== undefined && !OVERRIDES.includes(kind)) {
        throw new errors/* UsageError */.eb(`--override must be p0 or security; got "${kind}"`);
    }
    if (kind !== undefined && (reason === undefined || reason.trim() === '')) {
        throw new errors/* UsageError */.eb(`--override ${kind} needs --reason TEXT: the reason is recorded with the decision`);
    }
    if (kind === undefined && reason !== undefined) {
        throw new errors/* UsageError */.eb('--reason is the reason for an override; pass --override p0|security with it');
    }
    return {
        ...(artifact !== undefined ? { digest: digestOf(artifact) } : {}),
        ...(text('environment') ? { environment: text('environment') } : {}),
        ...(text('at') ? { at: (0,analyze.parseTime)(text('at'), 'at') } : {}),
        ...(kind ? { override: { kind: kind, reason: reason } } : {}),
    };
}
function digestOf(artifact) {
    const trimmed = artifact.trim();
    return /^sha(256|512):/.test(trimmed)
        ? image_ref/* Digest */.n.parse(trimmed, '--artifact').toString()
        : image_ref/* ImageRef */.j.parse(trimmed, '--artifact').digest.toString();
}
/** The decision and the facts behind it, for a workflow to read. */
function decisionJson(decision, facts) {
    return { ...decision, facts: { ...facts, at: facts.at.toISOString() } };
}
/** A few lines for a terminal: the state, then each reason. */
function decisionText(decision) {
    const head = decision.state === 'approved'
        ? decision.overridden
            ? `approved by override ${decision.overridden}`
            : 'approved'
        : 'rejected';
    const mark = decision.state === 'approved' ? 'bypassed: ' : '';
    return [head, ...decision.reasons.map((reason) => `  - ${mark}${reason}`), ''].join('\n');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/@octokit/auth-app/dist-node/index.js + 9 modules
var dist_node = __webpack_require__(76479);
// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 7 modules
var dist_src = __webpack_require__(3070);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
;// CONCATENATED MODULE: ./src/gate/app-auth.ts
/**
 * The gate server's identity: a GitHub App (reference/github-platform.md §1.1, §1.3). A custom
 * deployment protection rule can only be reviewed by the App that owns it, with an installation
 * token: the server signs a JWT as the App (`@octokit/auth-app`, RS256 with the App's private key),
 * exchanges it for a token of the installation named in the webhook payload, and reviews with that.
 *
 * Security: the private key and the webhook secret come from the environment (or, for the key, a
 * file such as a mounted container secret), are held in memory only, and never appear in a message,
 * a log line or an error — a bad key is reported by variable name, not by content.
 */






/** The environment variables the gate server reads, in one place. */
const GATE_ENV = {
    /** The App's ID (About → App ID on the App's settings page), or its client ID. */
    appId: 'GLIDEPATH_APP_ID',
    /** The App's private key, PEM text (escaped `\n` newlines are accepted). */
    privateKey: 'GLIDEPATH_APP_PRIVATE_KEY',
    /** A file holding the PEM instead (a mounted secret); exclusive with the variable above. */
    privateKeyFile: 'GLIDEPATH_APP_PRIVATE_KEY_FILE',
    /** The App's webhook secret, which signs every delivery (`X-Hub-Signature-256`). */
    webhookSecret: 'GLIDEPATH_WEBHOOK_SECRET',
    /** GitHub's REST API root; default `https://api.github.com` (`https://HOST/api/v3` on GHES). */
    apiUrl: 'GITHUB_API_URL',
};
/** The default REST API root. */
const GITHUB_API_URL = 'https://api.github.com';
/**
 * Reads and checks the App's credentials from `env`. Every problem names the variable and how to
 * fix it; all problems are reported at once, so a deployment is fixed in one round.
 */
async function readAppCredentials(env, deps = {}) {
    const problems = [];
    const appId = env[GATE_ENV.appId]?.trim() ?? '';
    if (appId === '') {
        problems.push(`${GATE_ENV.appId} is not set: set it to the App ID from the GitHub App's settings page (About → App ID)`);
    }
    else if (!/^\d+$/.test(appId) && !/^Iv[\w.]+$/.test(appId)) {
        problems.push(`${GATE_ENV.appId} must be the App ID (digits) or its client ID (Iv…); got ${JSON.stringify(appId.slice(0, 40))}`);
    }
    const privateKey = await readPrivateKey(env, deps, problems);
    const webhookSecret = env[GATE_ENV.webhookSecret] ?? '';
    if (webhookSecret === '') {
        problems.push(`${GATE_ENV.webhookSecret} is not set: set it to the webhook secret entered in the App's settings (Webhook → Secret)`);
    }
    const apiUrl = (env[GATE_ENV.apiUrl] || GITHUB_API_URL).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(apiUrl)) {
        problems.push(`${GATE_ENV.apiUrl} must be an http(s) URL such as ${GITHUB_API_URL}; got ${JSON.stringify(apiUrl)}`);
    }
    if (problems.length > 0) {
        throw new errors/* ConfigurationError */.j1(`the gate server cannot act as the GitHub App:\n- ${problems.join('\n- ')}`);
    }
    return { appId, privateKey: privateKey, webhookSecret, apiUrl };
}
async function readPrivateKey(env, deps, problems) {
    const inline = env[GATE_ENV.privateKey] ?? '';
    const file = env[GATE_ENV.privateKeyFile] ?? '';
    if (inline !== '' && file !== '') {
        problems.push(`set only one of ${GATE_ENV.privateKey} and ${GATE_ENV.privateKeyFile}`);
        return undefined;
    }
    let pem;
    let source;
    if (file !== '') {
        source = `${GATE_ENV.privateKeyFile} (${file})`;
        try {
            pem = await (deps.readFile ?? ((path) => (0,promises_.readFile)(path, 'utf8')))(file);
        }
        catch (error) {
            const code = error?.code;
            problems.push(code === 'ENOENT'
                ? `${source}: no such file; mount the App's private key there or fix the path`
                : `${source}: cannot read it (${String(code ?? error)}); check its permissions`);
            return undefined;
        }
    }
    else if (inline !== '') {
        source = GATE_ENV.privateKey;
        pem = inline;
    }
    else {
        problems.push(`${GATE_ENV.privateKey} (or ${GATE_ENV.privateKeyFile}) is not set: generate a private key on the App's settings ` +
            'page (Private keys → Generate) and pass the PEM text, or the path of the .pem file');
        return undefined;
    }
    // Secrets stores often flatten newlines to `\n`; auth-app accepts that too.
    const normalised = pem.replace(/\\n/g, '\n').trim() + '\n';
    try {
        const key = (0,external_node_crypto_.createPrivateKey)(normalised);
        if (key.asymmetricKeyType !== 'rsa') {
            problems.push(`${source} holds a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub Apps sign with RSA keys`);
            return undefined;
        }
    }
    catch {
        // Deliberately no detail: OpenSSL's message can quote parts of the input.
        problems.push(`${source} is not a PEM private key; paste the whole .pem file the App's settings page generated`);
        return undefined;
    }
    return normalised;
}
/**
 * The permissions an installation token is narrowed to, as GitHub's own guide narrows it
 * (reference/github-platform.md §1.3): reviewing needs Deployments write; the facts behind a
 * decision read Actions and contents.
 */
const GATE_TOKEN_PERMISSIONS = { deployments: 'write', actions: 'read', metadata: 'read' };
const AppRequestOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L);
/**
 * Creates the token source. `@octokit/auth-app` signs the JWT and caches tokens per installation
 * until shortly before they expire (an hour); concurrent first requests for one installation share
 * one exchange here, so 200 simultaneous deliveries mint one token, not 200.
 */
function createInstallationTokens(settings) {
    // The exchange goes through an Octokit with the retry plugin, pointed at `apiUrl`: auth-app's
    // README names `request` as the way to reach GHES (or, here, a test fake).
    const { request } = new AppRequestOctokit({
        baseUrl: settings.apiUrl,
        userAgent: 'glidepath-gate',
        request: settings.fetch ? { fetch: settings.fetch } : {},
        retry: { retryAfterBaseValue: settings.retryAfterBaseMs ?? 1000 },
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
    const auth = (0,dist_node/* createAppAuth */.K)({ appId: settings.appId, privateKey: settings.privateKey, request });
    const inFlight = new Map();
    return {
        tokenFor(installationId) {
            const pending = inFlight.get(installationId);
            if (pending !== undefined)
                return pending;
            const next = auth({ type: 'installation', installationId, permissions: { ...GATE_TOKEN_PERMISSIONS } })
                .then((result) => result.token)
                .catch((error) => {
                throw tokenError(error, installationId, settings.apiUrl);
            })
                .finally(() => inFlight.delete(installationId));
            inFlight.set(installationId, next);
            return next;
        },
    };
}
/** Maps a failed exchange to what the operator should do. */
function tokenError(error, installationId, apiUrl) {
    const status = error.status;
    const detail = error instanceof Error ? error.message : String(error);
    const what = `exchanging the App's JWT for a token of installation ${installationId} at ${apiUrl}`;
    if (status === 401) {
        return new errors/* ConfigurationError */.j1(`${what}: GitHub refused the App's JWT (${detail}); check ${GATE_ENV.appId} and that ${GATE_ENV.privateKey} is a current key of that App, and the server's clock`, undefined, { cause: error });
    }
    if (status === 404 || status === 403 || status === 422) {
        return new errors/* ConfigurationError */.j1(`${what}: HTTP ${String(status)} (${detail}); the App must be installed on the repository with Deployments: read and write and Actions: read`, undefined, { cause: error });
    }
    return new errors/* TransientError */.N_(`${what} failed (${detail}); GitHub will be asked again on the next delivery`, {
        cause: error,
    });
}

// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./node_modules/@octokit/webhooks-methods/dist-node/index.js
var webhooks_methods_dist_node = __webpack_require__(51054);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
;// CONCATENATED MODULE: ./src/gate/server.ts
/**
 * The deployment protection rule's webhook receiver (issue 6 Build 4; reference/github-platform.md
 * §1): GitHub POSTs a `deployment_protection_rule` delivery (action `requested`) when a job reaches
 * an environment that has the App's rule enabled; the server answers at once and reviews the run
 * later, through `deployment_callback_url`, as the App's installation.
 *
 * Each delivery passes, in order:
 * 1. a size limit (default 1 MiB): 413 before more of the body is read;
 * 2. the signature: `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body with the webhook
 *    secret, checked with `@octokit/webhooks-methods` `verify` (constant time) → 401;
 * 3. replay: `X-GitHub-Delivery` ids are remembered (bounded LRU with a TTL); a repeat answers 200
 *    "duplicate" and reviews nothing;
 * 4. 202 at once (GitHub gives a webhook 10 s), then asynchronously: an installation token, status
 *    reports while the decision takes long (comment-only reviews; GitHub accepts 10 reports per run
 *    and environment, so at most 9 progress reports leave room for the decision), and the decision
 *    (`approved` | `rejected`, comment ≤ 1,024 characters).
 *
 * Security: nothing but a verified delivery is parsed; the secret is never logged; the App's token
 * is only ever sent to the configured API root — a callback URL elsewhere is refused, even signed.
 * The decision itself is injected (`decide`), so this module knows nothing of policies.
 */






/** GitHub's limit on a review comment. */
const REVIEW_COMMENT_LIMIT = gate_decision.COMMENT_LIMIT;
/** GitHub's limit on reports to one run's rule per environment (decision included). */
const REVIEW_REPORT_LIMIT = 10;
/** Default body limit: GitHub caps payloads at 25 MB, but a protection-rule payload is a few KB. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/**
 * Remembers delivery ids for a while, oldest forgotten first. `claim` is synchronous so two
 * simultaneous copies of one delivery cannot both pass.
 */
class DeliveryIds {
    capacity;
    ttlMs;
    seen = new Map();
    constructor(capacity, ttlMs) {
        this.capacity = capacity;
        this.ttlMs = ttlMs;
    }
    /** True the first time `id` is seen within the TTL; false for a repeat. */
    claim(id, now) {
        const until = this.seen.get(id);
        if (until !== undefined && until > now)
            return false;
        this.seen.delete(id);
        this.seen.set(id, now + this.ttlMs);
        // Map iteration is insertion order: the first entries are the oldest claims.
        for (const [old, expiry] of this.seen) {
            if (this.seen.size <= this.capacity && expiry > now)
                break;
            this.seen.delete(old);
        }
        return true;
    }
    /** Forgets `id`, so GitHub's "Redeliver" can retry a review that could not be posted. */
    release(id) {
        this.seen.delete(id);
    }
    get size() {
        return this.seen.size;
    }
}
/** `text` cut to GitHub's comment limit, ending in an ellipsis when cut (never splitting a surrogate pair). */
function reviewComment(text) {
    return (0,gate_decision.clip)(text, REVIEW_COMMENT_LIMIT);
}
const quiet = { info: () => { }, warn: () => { }, error: () => { } };
/** Builds the handler; see the module comment for what each delivery goes through. */
function createGateHandler(settings, deps) {
    const log = deps.log ?? quiet;
    const now = deps.now ?? Date.now;
    const maxBody = settings.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const apiUrl = settings.apiUrl.replace(/\/+$/, '');
    const ids = new DeliveryIds(settings.replay?.capacity ?? 10_000, settings.replay?.ttlMs ?? 72 * 3600_000);
    const tokens = deps.tokens ??
        createInstallationTokens({
            appId: settings.appId,
            privateKey: settings.privateKey,
            apiUrl,
            ...(settings.retryAfterBaseMs !== undefined ? { retryAfterBaseMs: settings.retryAfterBaseMs } : {}),
            ...(settings.fetch ? { fetch: settings.fetch } : {}),
        });
    const stats = {
        refused: 0,
        duplicates: 0,
        accepted: 0,
        approved: 0,
        rejected: 0,
        reports: 0,
        failed: 0,
    };
    const pending = new Set();
    const refuse = (status, body, why) => {
        stats.refused += 1;
        log.warn(`refused a delivery (HTTP ${status}): ${why}`);
        return { status, body };
    };
    async function receive(delivery) {
        const header = (name) => {
            const value = delivery.headers[name];
            return Array.isArray(value) ? value[0] : value;
        };
        if (delivery.body.length > maxBody) {
            return refuse(413, 'payload too large\n', `body over ${maxBody} bytes`);
        }
        const signature = header('x-hub-signature-256');
        if (!signature)
            return refuse(401, 'missing X-Hub-Signature-256\n', 'no signature');
        if (delivery.body.length === 0)
            return refuse(400, 'empty body\n', 'empty body');
        // verify() hashes the string's UTF-8 bytes: the same bytes for a valid UTF-8 body, and a
        // different HMAC (a refusal) for anything else.
        const valid = await (0,webhooks_methods_dist_node/* verify */.MX)(settings.webhookSecret, delivery.body.toString('utf8'), signature).catch(() => false);
        if (!valid)
            return refuse(401, 'signature does not match\n', 'X-Hub-Signature-256 does not match the body');
        const deliveryId = header('x-github-delivery');
        if (!deliveryId)
            return refuse(400, 'missing X-GitHub-Delivery\n', 'no delivery id');
        if (!ids.claim(deliveryId, now())) {
            stats.duplicates += 1;
            log.info(`delivery ${deliveryId}: duplicate, not reviewed again`);
            return { status: 200, body: 'duplicate\n' };
        }
        const event = header('x-github-event');
        if (event === 'ping')
            return { status: 200, body: 'pong\n' };
        if (event !== 'deployment_protection_rule') {
            log.info(`delivery ${deliveryId}: ignored event ${String(event)}`);
            return { status: 200, body: `ignored event ${String(event)}\n` };
        }
        let payload;
        try {
            payload = JSON.parse(delivery.body.toString('utf8'));
        }
        catch {
            return refuse(400, 'body is not JSON\n', `delivery ${deliveryId}: body is not JSON`);
        }
        const parsed = parseRequest(payload, deliveryId, apiUrl);
        if (typeof parsed === 'string') {
            if (parsed === 'ignored')
                return { status: 200, body: 'ignored action\n' };
            return refuse(400, `${parsed}\n`, `delivery ${deliveryId}: ${parsed}`);
        }
        stats.accepted += 1;
        log.info(`delivery ${deliveryId}: ${parsed.owner}/${parsed.repo} run ${parsed.runId} asks for ${parsed.environment}`);
        const review = runReview(parsed).catch((error) => {
            stats.failed += 1;
            ids.release(deliveryId);
            log.error(`delivery ${deliveryId}: the review of run ${parsed.runId} (${parsed.environment}) could not be posted: ` +
                `${(0,errors/* describeError */.Uc)(error)}; fix the cause, then redeliver it from the App's Advanced settings`);
        });
        pending.add(review);
        void review.finally(() => pending.delete(review));
        return { status: 202, body: 'accepted\n', review };
    }
    /** Token, progress reports while deciding, then the decision; everything posted in order. */
    async function runReview(request) {
        const token = await tokens.tokenFor(request.installationId);
        const octokit = (0,github_octokit/* createOctokit */.Q)({
            token,
            baseUrl: apiUrl,
            userAgent: 'glidepath-gate',
            ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
            ...(settings.retryAfterBaseMs !== undefined ? { retryAfterBaseMs: settings.retryAfterBaseMs } : {}),
            ...(settings.spaceWrites !== undefined ? { spaceWrites: settings.spaceWrites } : {}),
            ...(settings.fetch ? { fetch: settings.fetch } : {}),
        });
        const target = {
            owner: request.owner,
            repo: request.repo,
            run_id: request.runId,
            environment_name: request.environment,
        };
        let posted = 0;
        let queue = Promise.resolve();
        const post = (body) => {
            const next = queue.then(() => octokit.rest.actions.reviewCustomGatesForRun({
                ...target,
                ...body,
                comment: reviewComment(body.comment),
            }));
            queue = next.catch(() => undefined);
            return next;
        };
        let decided = false;
        const report = async (comment) => {
            // One report is always kept for the decision.
            if (decided || posted >= REVIEW_REPORT_LIMIT - 1)
                return false;
            posted += 1;
            await post({ comment });
            stats.reports += 1;
            return true;
        };
        const started = now();
        let timer;
        const schedule = (delay) => {
            timer = setTimeout(() => {
                const minutes = Math.max(1, Math.round((now() - started) / 60_000));
                report(`Glidepath is still deciding whether \`${request.environment}\` may deploy (${minutes} min so far).`)
                    .then((more) => {
                    if (more && !decided)
                        schedule(settings.progressEveryMs ?? 300_000);
                })
                    .catch((error) => log.warn(`delivery ${request.deliveryId}: a status report failed: ${(0,errors/* describeError */.Uc)(error)}`));
            }, delay);
            timer.unref();
        };
        schedule(settings.progressAfterMs ?? 15_000);
        let verdict;
        try {
            verdict = await deps.decide(request, { octokit, report });
        }
        catch (error) {
            // Fail closed: a gate that cannot decide must not let a deployment through. Re-running the
            // job asks again.
            log.error(`delivery ${request.deliveryId}: the decision failed: ${(0,errors/* describeError */.Uc)(error)}`);
            verdict = {
                state: 'rejected',
                comment: `**Glidepath gate: rejected** \`${request.environment}\`: the gate could not decide ` +
                    `(${(0,errors/* describeError */.Uc)(error)}). Fix the cause and re-run the job.`,
            };
        }
        finally {
            decided = true;
            clearTimeout(timer);
        }
        await post({ state: verdict.state, comment: verdict.comment });
        stats[verdict.state] += 1;
        log.info(`delivery ${request.deliveryId}: run ${request.runId} ${verdict.state} for ${request.environment}`);
    }
    const listener = (req, res) => {
        const answer = (status, body, headers = {}) => {
            if (res.headersSent)
                return;
            res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
            res.end(body);
        };
        if (req.method !== 'POST') {
            stats.refused += 1;
            answer(405, 'POST only\n', { allow: 'POST' });
            req.resume();
            return;
        }
        const tooLarge = () => {
            const refused = refuse(413, 'payload too large\n', `body over ${maxBody} bytes`);
            // Answer without reading further; close the connection so the client stops sending, and
            // drop it if it keeps going.
            answer(refused.status, refused.body, { connection: 'close' });
            req.resume();
            setTimeout(() => req.socket.destroy(), 1000).unref();
        };
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBody) {
            tooLarge();
            return;
        }
        const chunks = [];
        let size = 0;
        let over = false;
        req.on('data', (chunk) => {
            if (over)
                return;
            size += chunk.length;
            if (size > maxBody) {
                over = true;
                chunks.length = 0;
                tooLarge();
                return;
            }
            chunks.push(chunk);
        });
        req.on('error', () => undefined);
        req.on('end', () => {
            if (over)
                return;
            receive({ headers: req.headers, body: Buffer.concat(chunks) })
                .then((result) => answer(result.status, result.body))
                .catch((error) => {
                log.error(`a delivery crashed the handler (a bug in Glidepath): ${(0,errors/* describeError */.Uc)(error)}`);
                answer(500, 'internal error\n');
            });
        });
    };
    return {
        receive,
        listener,
        async idle() {
            while (pending.size > 0)
                await Promise.allSettled([...pending]);
        },
        stats: () => ({ ...stats }),
    };
}
/** Reads the fields a review needs; a string is why the payload cannot be reviewed (or `ignored`). */
function parseRequest(payload, deliveryId, apiUrl) {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
        return 'payload is not an object';
    const body = payload;
    if (body.action !== 'requested')
        return 'ignored';
    const environment = body.environment;
    if (typeof environment !== 'string' || environment === '')
        return 'payload has no environment';
    const installationId = body.installation?.id;
    if (typeof installationId !== 'number')
        return 'payload has no installation.id (is this an App webhook?)';
    const callback = body.deployment_callback_url;
    if (typeof callback !== 'string')
        return 'payload has no deployment_callback_url';
    // Only a callback under our API root: the App's token must never be sent anywhere else.
    const prefix = `${apiUrl}/repos/`;
    const match = callback.startsWith(prefix)
        ? /^([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(callback.slice(prefix.length))
        : null;
    if (!match)
        return `deployment_callback_url is not a review URL under ${apiUrl}`;
    const deployment = body.deployment;
    const text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
    const sender = text(body.sender?.login);
    const request = {
        deliveryId,
        environment,
        owner: decodeURIComponent(match[1]),
        repo: decodeURIComponent(match[2]),
        runId: Number(match[3]),
        installationId,
        deployment: deployment !== null && typeof deployment === 'object'
            ? deployment
            : null,
        payload: body,
    };
    const event = text(body.event);
    const sha = text(body.sha) ?? text(request.deployment?.sha);
    const ref = text(body.ref) ?? text(request.deployment?.ref);
    if (event)
        request.event = event;
    if (sha)
        request.sha = sha;
    if (ref)
        request.ref = ref;
    if (sender)
        request.sender = sender;
    return request;
}
/** Starts the receiver on `host:port` (port 0: any free port). */
async function startGateServer(settings, deps, listen) {
    const handler = createGateHandler(settings, deps);
    const server = external_node_http_default().createServer(handler.listener);
    // A delivery is small and sent at once: slow senders are cut off instead of holding sockets.
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(listen.port, listen.host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address();
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
        url: `http://${host}:${address.port}`,
        stats: handler.stats,
        idle: handler.idle,
        async close() {
            const closed = new Promise((resolve) => server.close(() => resolve()));
            server.closeIdleConnections();
            await handler.idle();
            server.closeAllConnections();
            await closed;
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/commands/gate-serve.ts







const DIGEST = /^sha256:[0-9a-f]{64}$/;
const gateServeCommand = {
    name: 'serve',
    description: [
        "Receives the GitHub App's deployment_protection_rule webhooks and approves or rejects each waiting",
        'job with the decision of `glidepath gate check`: a quarantined digest, a closed deploy window or',
        'freeze, a spent error budget, or an unacknowledged reverted rollout rejects. Deliveries are checked',
        'for size (1 MiB), signature (X-Hub-Signature-256) and replay (X-GitHub-Delivery) and answered at',
        'once; the review is posted as the App to deployment_callback_url, with status reports while it waits.',
        'In an incident, an entry committed to overrides.yaml next to the quarantine list (environment, kind,',
        'reason, until) overrides windows and freezes, never the quarantine list.',
        '',
        'Environment: GLIDEPATH_APP_ID, GLIDEPATH_APP_PRIVATE_KEY (PEM) or GLIDEPATH_APP_PRIVATE_KEY_FILE,',
        'GLIDEPATH_WEBHOOK_SECRET; GITHUB_API_URL on GitHub Enterprise Server. The GitOps repository is read',
        'with GLIDEPATH_TOKEN or GITHUB_TOKEN, as by the other commands. The digest checked against the',
        "quarantine list is the deployment payload's `digest`, when the workflow sets one (an Actions-created",
        'deployment carries none; `glidepath desire` refuses a quarantined digest in any case).',
        '',
        'Runs until SIGINT or SIGTERM, then finishes the reviews in flight. Exit status: 0 after a clean stop,',
        '2 bad usage, policy or App credentials. See docs/gate.md for running it in a container or as a function.',
    ].join('\n'),
    options: [
        {
            name: 'policy',
            type: 'string',
            placeholder: 'FILE',
            required: true,
            description: 'policy file with a desired section (deploy windows, quarantine list, SLO)',
        },
        // Where the quarantine list and rollout history are read from, as `gate check` takes them.
        ...gitops_options/* GITOPS_OPTIONS */.q.filter((option) => option.name === 'repo' || option.name === 'backend'),
        { name: 'port', type: 'string', placeholder: 'N', description: 'TCP port to listen on (default 8080)' },
        {
            name: 'host',
            type: 'string',
            placeholder: 'ADDRESS',
            description: 'address to listen on (default 127.0.0.1; 0.0.0.0 in a container)',
        },
    ],
    examples: [
        'glidepath gate serve --policy glidepath.yaml',
        'glidepath gate serve --policy /etc/glidepath/glidepath.yaml --host 0.0.0.0 --port 8080',
        'glidepath gate serve --policy glidepath.yaml --repo acme/gitops',
    ],
    async run(values, io) {
        const port = portOf(values.port);
        const host = values.host ?? '127.0.0.1';
        const { policy, desired, checkout } = await (0,gitops_options/* gitopsPolicy */.RR)(values, io);
        const credentials = await readAppCredentials(io.env ?? {});
        const log = stderrLog(io);
        const server = await startGateServer(credentials, { decide: policyDecider(policy, desired, io, checkout), log }, { port, host });
        log.info(`listening on ${server.url} for deployment_protection_rule deliveries (App ${credentials.appId})`);
        await stopSignal();
        log.info('stopping: finishing the reviews in flight');
        await server.close();
        const stats = server.stats();
        log.info(`stopped: ${stats.accepted} accepted (${stats.approved} approved, ${stats.rejected} rejected, ` +
            `${stats.failed} failed), ${stats.duplicates} duplicates, ${stats.refused} refused`);
        return errors/* ExitCode */.yU.ok;
    },
};
/**
 * The decision for one request: the policy's facts read now (a fresh GitOps read per delivery, so a
 * quarantine commit takes effect for the next job), then G1's pure decideGate.
 */
function policyDecider(policy, desired, io, checkout) {
    return async (request) => {
        if (policy.environment && policy.environment !== request.environment) {
            return {
                state: 'rejected',
                comment: `**Glidepath gate: rejected** \`${request.environment}\`: this gate's policy (${policy.source ?? 'policy'}) ` +
                    `is for \`${policy.environment}\`. Disable the rule on \`${request.environment}\`, or run a gate with its policy.`,
            };
        }
        const digest = gate_serve_digestOf(request.deployment?.payload);
        const facts = await readGateFacts(policy, desired, io, checkout, {
            at: io.now(),
            environment: request.environment,
            ...(digest ? { digest } : {}),
        });
        return (0,gate_decision.decideGate)(policy.deploy, facts);
    };
}
/** The deployment payload's `digest` (an object, or the JSON string GitHub may keep it as). */
function gate_serve_digestOf(payload) {
    const digest = (0,deployments/* payloadOf */.Md)(payload)?.digest;
    return typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined;
}
function portOf(text) {
    if (text === undefined)
        return 8080;
    const port = Number(text);
    if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
        throw new errors/* UsageError */.eb(`--port must be a TCP port from 1 to 65535; got "${text}"`);
    }
    return port;
}
function stderrLog(io) {
    const line = (level) => (message) => io.stderr(`${io.now().toISOString()} gate ${level}: ${message}\n`);
    return { info: line('info'), warn: line('warn'), error: line('error') };
}
/** Settles on the first SIGINT or SIGTERM (a container stop). */
function stopSignal() {
    return new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
}

;// CONCATENATED MODULE: ./src/cli/commands/gate.ts


/**
 * `glidepath gate …`: the deployment gate — the one decision (src/gate/decision.ts) a custom
 * deployment protection rule answers with (`serve`) and a workflow step can ask for (`check`).
 */
const gateGroup = {
    name: 'gate',
    description: [
        'Decides whether a deployment may start now: a quarantined digest or failed evidence always holds it;',
        'a closed deploy window, a spent error budget or an unacknowledged failed rollout holds it unless an',
        'audited override (p0 or security, with a reason) is given. One pure decision serves both commands.',
        '',
        'Exit status: 0 approved, 1 rejected, 2 bad usage or policy, 70 internal error.',
    ].join('\n'),
    subcommands: [
        {
            ...gateCheckCommand,
            summary: 'decide now, as the deployment protection rule would (for a workflow step)',
        },
        {
            ...gateServeCommand,
            summary: 'run the GitHub App that approves or rejects deployments (custom deployment protection rule)',
        },
    ],
};


/***/ }),

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


/***/ }),

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

//# sourceMappingURL=303.index.js.map