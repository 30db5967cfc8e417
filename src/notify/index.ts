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
import { randomUUID } from 'node:crypto';

import { ConfigurationError, TransientError, describeError } from '../errors.js';
import {
  bodyExcerpt,
  createMasker,
  fetchText,
  httpStatusError,
  type Masker,
} from '../metrics/providers/http.js';
import { VERSION } from '../version.js';
import { slackFormat } from './slack.js';
import { teamsFormat } from './teams.js';
import type {
  NotifyDeps,
  NotifyEvent,
  NotifyFormat,
  NotifyKind,
  NotifyTarget,
  Notifier,
  RolloutNotice,
} from './types.js';
import { webhookFormat } from './webhook.js';

const FORMATS = {
  slack: slackFormat,
  teams: teamsFormat,
  webhook: webhookFormat,
} as const satisfies Record<NotifyKind, NotifyFormat>;

/** Every destination kind, in the order messages list them. */
export const NOTIFY_KINDS = Object.keys(FORMATS) as NotifyKind[];

/** Every event, in a rollout's order: what a target without `on` receives. */
export const NOTIFY_EVENTS: readonly NotifyEvent[] = ['start', 'step', 'promoted', 'reverted'];

/** Per-attempt timeout. */
export const NOTIFY_TIMEOUT_MS = 5_000;

/** Wait before the one retry. */
export const NOTIFY_RETRY_DELAY_MS = 1_000;

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
export function createNotifier(target: NotifyTarget, deps: NotifyDeps): Notifier {
  const format = formatFor(target.kind);
  const where = `notify ${target.kind}`;
  if (!target.urlEnv) {
    throw new ConfigurationError(
      `${where}: urlEnv is required; name the environment variable holding the ${format.label} URL`,
    );
  }
  const urlText = readVariable(deps.env, target.urlEnv, where, `the ${format.label} URL`);
  const url = parseWebhookUrl(urlText, target.urlEnv, where, format.label);

  let secret: string | undefined;
  if (format.needsSecret) {
    if (!target.secretEnv) {
      throw new ConfigurationError(
        `${where}: secretEnv is required; name the environment variable holding the HMAC-SHA256 ` +
          `signing secret the receiver verifies X-Glidepath-Signature-256 with`,
      );
    }
    secret = readVariable(deps.env, target.secretEnv, where, 'the signing secret');
  }

  const mask = createMasker([...urlSecrets(urlText, url), secret]);
  const name = `${target.kind} (${target.urlEnv})`;
  const timeoutMs = deps.timeoutMs ?? NOTIFY_TIMEOUT_MS;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const newDeliveryId = deps.randomUUID ?? randomUUID;

  return {
    kind: target.kind,
    async send(notice: RolloutNotice): Promise<void> {
      const started = deps.now().getTime();
      const request = format.render(notice, { secret, deliveryId: newDeliveryId() });
      const init: RequestInit = {
        method: 'POST',
        headers: {
          ...request.headers,
          'Content-Type': 'application/json',
          'User-Agent': `Glidepath/${VERSION}`,
        },
        body: request.body,
        redirect: 'manual',
      };
      const what = `notify ${name}: POST "${notice.event}" for rollout ${notice.rollout}`;
      for (let attempt = 1; ; attempt++) {
        const failure = await attemptOnce(deps, url.href, init, { what, mask, timeoutMs, format, target });
        if (failure === undefined) {
          const elapsed = deps.now().getTime() - started;
          deps.log(
            mask(`notify ${name}: sent "${notice.event}" for rollout ${notice.rollout} (${elapsed} ms)`),
          );
          return;
        }
        if (!(failure instanceof TransientError) || attempt >= ATTEMPTS) throw failure;
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
export async function notifyAll(
  targets: readonly NotifyTarget[],
  notice: RolloutNotice,
  deps: NotifyDeps,
): Promise<void> {
  // Masks every target's secrets in every line, so no error path can print another target's URL.
  const mask = createMasker(
    targets.flatMap((target) =>
      [target.urlEnv, target.secretEnv].map((name) => (name ? deps.env[name]?.trim() : undefined)),
    ),
  );
  const chosen = targets.filter((target) => (target.on ?? NOTIFY_EVENTS).includes(notice.event));
  await Promise.all(
    chosen.map(async (target) => {
      try {
        await createNotifier(target, { ...deps, log: (line) => deps.log(mask(line)) }).send(notice);
      } catch (error) {
        deps.log(mask(`${describeError(error)} (not sent; the rollout continues)`));
      }
    }),
  );
}

/** The format for `kind`; an unknown kind is a ConfigurationError listing the known ones. */
function formatFor(kind: string): NotifyFormat {
  if (!Object.hasOwn(FORMATS, kind)) {
    throw new ConfigurationError(
      `notify: unknown kind ${JSON.stringify(kind)}; use one of: ${NOTIFY_KINDS.join(', ')}`,
    );
  }
  return FORMATS[kind as NotifyKind];
}

/** The value of `variable`, or a ConfigurationError naming it and how to set it. */
function readVariable(env: NotifyDeps['env'], variable: string, where: string, holding: string): string {
  const value = env[variable]?.trim();
  if (!value) {
    throw new ConfigurationError(
      `${where}: environment variable ${variable} is not set; set it to ${holding} from a secret ` +
        `(in a workflow: env: ${variable}: \${{ secrets.${variable} }})`,
    );
  }
  return value;
}

/**
 * `text` as the URL to POST to. Messages name the variable and never quote the value: the value is
 * the credential.
 */
function parseWebhookUrl(text: string, variable: string, where: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      `${where}: environment variable ${variable} does not hold a URL; set it to the ${label} URL`,
    );
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigurationError(
      `${where}: the URL in ${variable} must be https (${url.protocol} would send its token in clear); ` +
        `set it to the ${label} URL`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(
      `${where}: the URL in ${variable} must not contain user:password@; fetch refuses such URLs`,
    );
  }
  return url;
}

/** The forms of a URL a message could carry: whole, path and query, and their token-length parts. */
function urlSecrets(text: string, url: URL): string[] {
  const secrets = [text, url.href, url.pathname + url.search, url.search.slice(1)];
  for (const segment of url.pathname.split('/')) {
    if (segment.length >= TOKEN_SEGMENT_MIN) secrets.push(segment, decodeSafely(segment));
  }
  for (const [, value] of url.searchParams) {
    if (value.length >= TOKEN_SEGMENT_MIN) secrets.push(value);
  }
  return secrets;
}

/** `decodeURIComponent`, or the text itself when it is not valid percent-encoding. */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What one attempt needs to say what it did. */
interface AttemptContext {
  what: string;
  mask: Masker;
  timeoutMs: number;
  format: NotifyFormat;
  target: NotifyTarget;
}

/** One POST: undefined on 2xx, else the error to retry on (TransientError) or to throw. */
async function attemptOnce(
  deps: NotifyDeps,
  url: string,
  init: RequestInit,
  { what, mask, timeoutMs, format, target }: AttemptContext,
): Promise<TransientError | ConfigurationError | undefined> {
  let reply;
  try {
    reply = await fetchText(deps.fetch, url, init, {
      timeoutMs,
      what,
      mask,
      unreachableFix: `check that the ${format.label} host is reachable from the runner`,
    });
  } catch (error) {
    if (error instanceof TransientError) return error;
    throw error;
  }
  if (reply.status >= 200 && reply.status < 300) return undefined;
  return httpStatusError(reply.status, bodyExcerpt(reply.text, mask), what, mask, {
    credentials: format.needsSecret
      ? `check that the receiver verifies with the secret in ${target.secretEnv ?? 'secretEnv'}`
      : `the URL in ${target.urlEnv} was revoked or is wrong; create a new ${format.label} and update the secret`,
    notFound: `the URL in ${target.urlEnv} no longer exists; create a new ${format.label} and update the secret`,
    other:
      reply.status >= 300 && reply.status < 400
        ? `redirects are not followed; put the final URL in ${target.urlEnv}`
        : `the ${format.label} refused the message; see its answer above`,
  });
}

export type { NotifyDeps, NotifyFormat, NotifyKind, Notifier, RolloutNotice } from './types.js';
export { noticeFacts, noticeHeadline } from './types.js';
