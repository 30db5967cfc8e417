export const id = 73;
export const ids = [73];
export const modules = {

/***/ 57073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createNotifier: () => (/* binding */ createNotifier),
  notifyAll: () => (/* binding */ notifyAll)
});

// UNUSED EXPORTS: NOTIFY_EVENTS, NOTIFY_KINDS, NOTIFY_RETRY_DELAY_MS, NOTIFY_TIMEOUT_MS, noticeFacts, noticeHeadline

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/metrics/providers/http.ts
var http = __webpack_require__(37302);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/notify/types.ts
/**
 * The one-line headline every chat format shows first and uses as the notification text, e.g.
 * `checkout: step 2 of 4 at 25% in production`. Kept here, beside the notice it reads, so Slack and
 * Teams say the same thing.
 */
function noticeHeadline(notice) {
    const subject = notice.service ?? `rollout ${notice.rollout}`;
    const where = notice.environment ? ` in ${notice.environment}` : '';
    switch (notice.event) {
        case 'start':
            return `${subject}: rollout started${where}`;
        case 'step':
            return notice.step
                ? `${subject}: step ${notice.step.index} of ${notice.step.of} at ${notice.step.weight}%${where}`
                : `${subject}: exposure stepped${where}`;
        case 'promoted':
            return `${subject}: promoted to 100%${where}`;
        case 'reverted':
            return `${subject}: reverted${where}`;
    }
}
/**
 * The details under the headline, in display order; absent fields are left out rather than shown
 * as blanks. The commit is cut to 12 characters (unambiguous in any repository Glidepath writes);
 * the digest is shown whole because it is what a reader pastes into `crane` or `cosign`.
 */
function noticeFacts(notice) {
    const facts = [{ name: 'Rollout', value: notice.rollout }];
    if (notice.environment)
        facts.push({ name: 'Environment', value: notice.environment });
    facts.push({ name: 'Digest', value: notice.digest });
    if (notice.step) {
        const { index, of, weight } = notice.step;
        facts.push({ name: 'Step', value: `${index} of ${of} (${weight}%)` });
    }
    facts.push({ name: 'Reason', value: notice.reason });
    if (notice.commit)
        facts.push({ name: 'Commit', value: notice.commit.slice(0, 12) });
    facts.push({ name: 'At', value: notice.at.toISOString() });
    return facts;
}

;// CONCATENATED MODULE: ./src/notify/slack.ts
/**
 * Slack incoming webhooks: a POST of JSON to the channel's `https://hooks.slack.com/services/…` URL,
 * answered `200 ok`. The message is Block Kit `blocks` with a top-level `text`, which Slack shows in
 * notifications and to screen readers instead of the blocks, so it carries the headline and reason.
 * Source: Slack, "Sending messages using incoming webhooks", https://api.slack.com/messaging/webhooks
 * ("Making it fancy with advanced formatting": `{ "text": …, "blocks": [ { "type": "section", … } ] }`;
 * "Handling errors": 400 `invalid_payload`, 403 `invalid_token`/`action_prohibited`, 404
 * `no_service`, none of which succeed on a retry).
 *
 * Text limits from the Block Kit reference (https://api.slack.com/reference/block-kit/blocks): a
 * header's plain_text is at most 150 characters, a section field's text at most 2,000. Text in
 * `mrkdwn` must escape `&`, `<` and `>` (https://api.slack.com/reference/surfaces/formatting), or a
 * reason quoting `<html>` would be read as a link or mention.
 *
 * The URL is the credential: anyone holding it can post to the channel. It comes from `urlEnv` and
 * never appears in a message (index.ts masks it).
 */

/** Slack's limit on a header block's text. */
const HEADER_MAX = 150;
/** Slack's limit on one section field's text, less room for the bold label. */
const FIELD_MAX = 1_900;
/** `text` with Slack's three control characters escaped, for `mrkdwn` text objects. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `text` cut to `max` characters, ending in an ellipsis when cut. */
function cut(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** The incoming-webhook message for `notice`: `text` fallback, header, fields, run link. */
function slackMessage(notice) {
    const headline = noticeHeadline(notice);
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: cut(headline, HEADER_MAX), emoji: false } },
        {
            type: 'section',
            fields: noticeFacts(notice).map(({ name, value }) => ({
                type: 'mrkdwn',
                text: `*${name}*\n${escapeMrkdwn(cut(value, FIELD_MAX))}`,
            })),
        },
    ];
    if (notice.runUrl) {
        blocks.push({
            type: 'context',
            elements: [{ type: 'mrkdwn', text: `<${escapeMrkdwn(notice.runUrl)}|View the run>` }],
        });
    }
    return { text: escapeMrkdwn(`${headline}: ${notice.reason}`), blocks };
}
/** The Slack format (see the file comment for the payload's source). */
const slackFormat = {
    kind: 'slack',
    label: 'Slack incoming webhook',
    needsSecret: false,
    render: (notice) => ({ body: JSON.stringify(slackMessage(notice)), headers: {} }),
};

;// CONCATENATED MODULE: ./src/notify/teams.ts
/**
 * Microsoft Teams: a POST of an Adaptive Card wrapped in a message, to either a Workflows webhook
 * (the "When a Teams webhook request is received" trigger, a `…logic.azure.com/workflows/…` or
 * `…powerplatform.com/…` URL) or a legacy incoming webhook. The envelope is the one Microsoft
 * documents for both: `"type": "message"`, and `attachments[0]` with `contentType`
 * `application/vnd.microsoft.card.adaptive` and the card as `content`.
 * Sources: MicrosoftDocs/msteams-docs `msteams-platform/webhooks-and-connectors/how-to/connectors-using.md`
 * ("Send adaptive cards using an incoming webhook": "The `type` field must be `message`… The
 * `contentType` field must be set to adaptive card type"), and the same page on learn.microsoft.com
 * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using):
 * Microsoft 365 Connectors are being retired and "Workflows support Adaptive Cards only. It doesn't
 * support the older message card format", which is why no MessageCard is sent.
 *
 * The card uses only Adaptive Cards 1.2 elements (TextBlock, FactSet, Action.OpenUrl), the version
 * of Microsoft's own webhook sample; Action.OpenUrl is among the actions a webhook card supports.
 * The URL carries its credential (the Workflows `sig=` query parameter); index.ts masks it.
 */

/** The attachment content type Teams requires for an Adaptive Card. */
const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The headline colour: green for a promotion, red for a revert, the theme's default otherwise. */
const HEADLINE_COLOR = {
    start: 'Default',
    step: 'Default',
    promoted: 'Good',
    reverted: 'Attention',
};
/** The webhook message for `notice`: one Adaptive Card with the headline, the facts and a run link. */
function teamsMessage(notice) {
    const card = {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.2',
        // Shown by a client that cannot render this card version (Adaptive Cards schema, `fallbackText`).
        fallbackText: `${noticeHeadline(notice)}: ${notice.reason}`,
        body: [
            {
                type: 'TextBlock',
                text: noticeHeadline(notice),
                size: 'Medium',
                weight: 'Bolder',
                color: HEADLINE_COLOR[notice.event],
                wrap: true,
            },
            {
                type: 'FactSet',
                facts: noticeFacts(notice).map(({ name, value }) => ({ title: name, value })),
            },
        ],
    };
    if (notice.runUrl)
        card.actions = [{ type: 'Action.OpenUrl', title: 'View the run', url: notice.runUrl }];
    return {
        type: 'message',
        attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
    };
}
/** The Teams format (see the file comment for the payload's source). */
const teamsFormat = {
    kind: 'teams',
    label: 'Teams webhook',
    needsSecret: false,
    render: (notice) => ({ body: JSON.stringify(teamsMessage(notice)), headers: {} }),
};

;// CONCATENATED MODULE: ./src/notify/webhook.ts
/**
 * The generic webhook: a POST of the notice as JSON, signed the way GitHub signs its webhooks so a
 * receiver can reuse GitHub's verification code. GitHub's scheme ("Validating webhook deliveries",
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries): the header
 * carries `sha256=` and the hex HMAC-SHA256 of the exact request body keyed with the shared secret,
 * and the receiver recomputes it over the raw bytes and compares in constant time. Ours is
 * `X-Glidepath-Signature-256`, checked with `@octokit/webhooks-methods`
 * `verify(secret, rawBody, signature)` exactly as for `X-Hub-Signature-256`.
 *
 * Headers, after GitHub's `X-GitHub-Event` and `X-GitHub-Delivery`:
 * - `X-Glidepath-Event`: `start`, `step`, `promoted` or `reverted`;
 * - `X-Glidepath-Delivery`: a UUID per notice, the same on the retry, so a receiver that saw the
 *   first attempt can drop the second;
 * - `X-Glidepath-Signature-256`: `sha256=<hex>`.
 *
 * Security: the signature covers the body only, so a receiver that wants replay protection keeps
 * the delivery ids it has seen (and may reject an `at` older than it tolerates). The secret never
 * leaves this process except as the HMAC; index.ts masks it and the endpoint URL in every message.
 */

/** The header names, in one place for the receiver's documentation and the tests. */
const WEBHOOK_HEADERS = {
    event: 'X-Glidepath-Event',
    delivery: 'X-Glidepath-Delivery',
    signature: 'X-Glidepath-Signature-256',
};
/** The JSON document for `notice`. */
function webhookPayload(notice) {
    return {
        event: notice.event,
        service: notice.service ?? null,
        environment: notice.environment ?? null,
        rollout: notice.rollout,
        digest: notice.digest,
        step: notice.step ? { index: notice.step.index, of: notice.step.of, weight: notice.step.weight } : null,
        reason: notice.reason,
        commit: notice.commit ?? null,
        runUrl: notice.runUrl ?? null,
        at: notice.at.toISOString(),
    };
}
/** `sha256=` and the hex HMAC-SHA256 of `body` keyed with `secret` (GitHub's X-Hub-Signature-256 form). */
function signatureOf(secret, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
/** The signed-webhook format (see the file comment for the scheme). */
const webhookFormat = {
    kind: 'webhook',
    label: 'webhook',
    needsSecret: true,
    render(notice, { secret, deliveryId }) {
        // index.ts refuses a webhook target without a secret, so this is a bug if it ever throws.
        if (secret === undefined)
            throw new Error('webhook notifier rendered without its signing secret');
        const body = JSON.stringify(webhookPayload(notice));
        return {
            body,
            headers: {
                [WEBHOOK_HEADERS.event]: notice.event,
                [WEBHOOK_HEADERS.delivery]: deliveryId,
                [WEBHOOK_HEADERS.signature]: signatureOf(secret, body),
            },
        };
    },
};

;// CONCATENATED MODULE: ./src/notify/index.ts
/**
 * The notifier factory and delivery (issue 6, Build 7). Adding a destination is one new format file
 * and one line in `FORMATS`; `satisfies` makes a kind missing from `NotifyTarget['kind']` a compile
 * error. Delivery is the same for every format:
 *
 * - The URL comes from the environment variable `urlEnv` names, the signing secret from `secretEnv`
 *   (webhook). A missing one is a ConfigurationError when the notifier is created, naming the
 *   variable, so `createNotifier` at the start of a rollout finds it before anything is deployed.
 * - One POST with a 5 s timeout covering the response body; one retry, after 1 s and with the same
 *   delivery id, on a timeout, a network failure or HTTP 408/429/5xx (the house rule for transient
 *   statuses, src/metrics/providers/http.ts). Any other non-2xx is a ConfigurationError: the same
 *   request would be refused again. Redirects are not followed: a POST that is redirected is not
 *   delivered, and a signed body should not be forwarded to a host nobody configured.
 * - `notifyAll` never throws. A chat outage must not fail or even delay a rollout beyond the
 *   timeouts, so targets are sent in parallel and each failure is one log line.
 *
 * Security: every incoming-webhook URL is a bearer credential (Slack's path token, the Workflows
 * `sig=` parameter), so messages name the *environment variable*, never the URL. Every message and
 * log line passes through a masker holding the URL, its path and query, their long segments (a
 * server may echo just the token) and the signing secret, in raw, JSON-escaped and URL-encoded
 * form. Plain http is refused except to loopback, where tests run: on any other host it would send
 * the token in clear.
 */







const FORMATS = {
    slack: slackFormat,
    teams: teamsFormat,
    webhook: webhookFormat,
};
/** Every destination kind, in the order messages list them. */
const NOTIFY_KINDS = Object.keys(FORMATS);
/** Every event, in a rollout's order: what a target without `on` receives. */
const NOTIFY_EVENTS = ['start', 'step', 'promoted', 'reverted'];
/** Per-attempt timeout. */
const NOTIFY_TIMEOUT_MS = 5_000;
/** Wait before the one retry. */
const NOTIFY_RETRY_DELAY_MS = 1_000;
/** Attempts per notice: the first and one retry. */
const ATTEMPTS = 2;
/**
 * URL path segments and query values at least this long are masked on their own: long enough to
 * be a token (Slack's is 24 characters, a Workflows `sig` 43), short enough to leave `services` or
 * `api-version` readable.
 */
const TOKEN_SEGMENT_MIN = 16;
/**
 * The notifier for `target`, its URL and secret read from `deps.env` now. Throws a
 * ConfigurationError for an unknown kind, a missing or empty variable, a value that is not an
 * https URL (http only to loopback), or a webhook target without `secretEnv`.
 */
function createNotifier(target, deps) {
    const format = formatFor(target.kind);
    const where = `notify ${target.kind}`;
    if (!target.urlEnv) {
        throw new errors/* ConfigurationError */.j1(`${where}: urlEnv is required; name the environment variable holding the ${format.label} URL`);
    }
    const urlText = readVariable(deps.env, target.urlEnv, where, `the ${format.label} URL`);
    const url = parseWebhookUrl(urlText, target.urlEnv, where, format.label);
    let secret;
    if (format.needsSecret) {
        if (!target.secretEnv) {
            throw new errors/* ConfigurationError */.j1(`${where}: secretEnv is required; name the environment variable holding the HMAC-SHA256 ` +
                `signing secret the receiver verifies X-Glidepath-Signature-256 with`);
        }
        secret = readVariable(deps.env, target.secretEnv, where, 'the signing secret');
    }
    const mask = (0,http/* createMasker */.aD)([...urlSecrets(urlText, url), secret]);
    const name = `${target.kind} (${target.urlEnv})`;
    const timeoutMs = deps.timeoutMs ?? NOTIFY_TIMEOUT_MS;
    const sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const newDeliveryId = deps.randomUUID ?? external_node_crypto_.randomUUID;
    return {
        kind: target.kind,
        async send(notice) {
            const started = deps.now().getTime();
            const request = format.render(notice, { secret, deliveryId: newDeliveryId() });
            const init = {
                method: 'POST',
                headers: {
                    ...request.headers,
                    'Content-Type': 'application/json',
                    'User-Agent': `Glidepath/${version/* VERSION */.x}`,
                },
                body: request.body,
                redirect: 'manual',
            };
            const what = `notify ${name}: POST "${notice.event}" for rollout ${notice.rollout}`;
            for (let attempt = 1;; attempt++) {
                const failure = await attemptOnce(deps, url.href, init, { what, mask, timeoutMs, format, target });
                if (failure === undefined) {
                    const elapsed = deps.now().getTime() - started;
                    deps.log(mask(`notify ${name}: sent "${notice.event}" for rollout ${notice.rollout} (${elapsed} ms)`));
                    return;
                }
                if (!(failure instanceof errors/* TransientError */.N_) || attempt >= ATTEMPTS)
                    throw failure;
                deps.log(`${failure.message}; retrying once in ${NOTIFY_RETRY_DELAY_MS} ms`);
                await sleep(NOTIFY_RETRY_DELAY_MS);
            }
        },
    };
}
/**
 * Sends `notice` to every target whose `on` lists its event, in parallel. Never throws: a failure
 * (including a target that cannot be created) is logged with its fix, and secrets masked.
 */
async function notifyAll(targets, notice, deps) {
    // Masks every target's secrets in every line, so no error path can print another target's URL.
    const mask = (0,http/* createMasker */.aD)(targets.flatMap((target) => [target.urlEnv, target.secretEnv].map((name) => (name ? deps.env[name]?.trim() : undefined))));
    const chosen = targets.filter((target) => (target.on ?? NOTIFY_EVENTS).includes(notice.event));
    await Promise.all(chosen.map(async (target) => {
        try {
            await createNotifier(target, { ...deps, log: (line) => deps.log(mask(line)) }).send(notice);
        }
        catch (error) {
            deps.log(mask(`${(0,errors/* describeError */.Uc)(error)} (not sent; the rollout continues)`));
        }
    }));
}
/** The format for `kind`; an unknown kind is a ConfigurationError listing the known ones. */
function formatFor(kind) {
    if (!Object.hasOwn(FORMATS, kind)) {
        throw new errors/* ConfigurationError */.j1(`notify: unknown kind ${JSON.stringify(kind)}; use one of: ${NOTIFY_KINDS.join(', ')}`);
    }
    return FORMATS[kind];
}
/** The value of `variable`, or a ConfigurationError naming it and how to set it. */
function readVariable(env, variable, where, holding) {
    const value = env[variable]?.trim();
    if (!value) {
        throw new errors/* ConfigurationError */.j1(`${where}: environment variable ${variable} is not set; set it to ${holding} from a secret ` +
            `(in a workflow: env: ${variable}: \${{ secrets.${variable} }})`);
    }
    return value;
}
/**
 * `text` as the URL to POST to. Messages name the variable and never quote the value: the value is
 * the credential.
 */
function parseWebhookUrl(text, variable, where, label) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${where}: environment variable ${variable} does not hold a URL; set it to the ${label} URL`);
    }
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new errors/* ConfigurationError */.j1(`${where}: the URL in ${variable} must be https (${url.protocol} would send its token in clear); ` +
            `set it to the ${label} URL`);
    }
    if (url.username || url.password) {
        throw new errors/* ConfigurationError */.j1(`${where}: the URL in ${variable} must not contain user:password@; fetch refuses such URLs`);
    }
    return url;
}
/** The forms of a URL a message could carry: whole, path and query, and their token-length parts. */
function urlSecrets(text, url) {
    const secrets = [text, url.href, url.pathname + url.search, url.search.slice(1)];
    for (const segment of url.pathname.split('/')) {
        if (segment.length >= TOKEN_SEGMENT_MIN)
            secrets.push(segment, decodeSafely(segment));
    }
    for (const [, value] of url.searchParams) {
        if (value.length >= TOKEN_SEGMENT_MIN)
            secrets.push(value);
    }
    return secrets;
}
/** `decodeURIComponent`, or the text itself when it is not valid percent-encoding. */
function decodeSafely(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** One POST: undefined on 2xx, else the error to retry on (TransientError) or to throw. */
async function attemptOnce(deps, url, init, { what, mask, timeoutMs, format, target }) {
    let reply;
    try {
        reply = await (0,http/* fetchText */.Sy)(deps.fetch, url, init, {
            timeoutMs,
            what,
            mask,
            unreachableFix: `check that the ${format.label} host is reachable from the runner`,
        });
    }
    catch (error) {
        if (error instanceof errors/* TransientError */.N_)
            return error;
        throw error;
    }
    if (reply.status >= 200 && reply.status < 300)
        return undefined;
    return (0,http/* httpStatusError */.H6)(reply.status, (0,http/* bodyExcerpt */.kG)(reply.text, mask), what, mask, {
        credentials: format.needsSecret
            ? `check that the receiver verifies with the secret in ${target.secretEnv ?? 'secretEnv'}`
            : `the URL in ${target.urlEnv} was revoked or is wrong; create a new ${format.label} and update the secret`,
        notFound: `the URL in ${target.urlEnv} no longer exists; create a new ${format.label} and update the secret`,
        other: reply.status >= 300 && reply.status < 400
            ? `redirects are not followed; put the final URL in ${target.urlEnv}`
            : `the ${format.label} refused the message; see its answer above`,
    });
}



/***/ })

};

//# sourceMappingURL=73.index.js.map