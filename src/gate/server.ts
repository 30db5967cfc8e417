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
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '@octokit/webhooks-methods';
import { describeError } from '../errors.js';
import { createOctokit, type GlidepathOctokit } from '../github/octokit.js';
import { createInstallationTokens, type InstallationTokens } from './app-auth.js';
import { clip, COMMENT_LIMIT } from './decision.js';

/** GitHub's limit on a review comment. */
export const REVIEW_COMMENT_LIMIT = COMMENT_LIMIT;
/** GitHub's limit on reports to one run's rule per environment (decision included). */
export const REVIEW_REPORT_LIMIT = 10;
/** Default body limit: GitHub caps payloads at 25 MB, but a protection-rule payload is a few KB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A verified `deployment_protection_rule` delivery, as the decision sees it. */
export interface GateRequest {
  /** `X-GitHub-Delivery`. */
  deliveryId: string;
  /** The environment whose rule asks. */
  environment: string;
  /** The event that started the run (`push`, `workflow_dispatch`, …), when given. */
  event?: string;
  /** The commit and ref being deployed, when given. */
  sha?: string;
  ref?: string;
  /** Repository of the run, from the callback URL. */
  owner: string;
  repo: string;
  runId: number;
  installationId: number;
  /** The Actions-created deployment (nullable in GitHub's schema). */
  deployment: { id?: number; sha?: string; ref?: string; payload?: unknown; environment?: string } | null;
  /** Who triggered the run (`sender.login`), when given. */
  sender?: string;
  /** The whole payload as GitHub sent it. */
  payload: Record<string, unknown>;
}

/** What the decision answers: G1's GateDecision (src/gate/decision.ts) has this shape and more. */
export interface GateVerdict {
  state: 'approved' | 'rejected';
  /** Markdown; cut to 1,024 characters when longer. */
  comment: string;
}

/** What a decision may use while it works. */
export interface DecideContext {
  /** An Octokit authenticated as the installation (narrowed to the review's permissions). */
  octokit: GlidepathOctokit;
  /**
   * Posts a status report (a comment-only review) now; false when the report budget is spent.
   * Reports and the decision are posted one at a time, in order.
   */
  report(comment: string): Promise<boolean>;
}

/** Decides one request. A throw rejects the deployment, with the error in the comment. */
export type GateDecide = (request: GateRequest, context: DecideContext) => Promise<GateVerdict>;

/** Where the server writes what happened: one line per event, never a secret. */
export interface GateLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Settings of the server. */
export interface GateServerSettings {
  /** The webhook secret (never logged). */
  webhookSecret: string;
  /** The App's ID or client ID, and its private key (PEM). */
  appId: string;
  privateKey: string;
  /** REST API root the callback URLs must be under; tokens go nowhere else. */
  apiUrl: string;
  /** Bodies above this many bytes are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Delivery ids remembered: at most `capacity` (default 10,000) for `ttlMs` (default 72 h). */
  replay?: { capacity?: number; ttlMs?: number };
  /** The first status report after this long without a decision. Default 15 s. */
  progressAfterMs?: number;
  /** Then one every this long. Default 5 min. */
  progressEveryMs?: number;
  /** Retries of a 5xx or network failure per request (plugin-retry). Default 3. */
  retries?: number;
  /** Milliseconds per "second" of retry waits; tests set 1. Default 1000. */
  retryAfterBaseMs?: number;
  /** Space writes a second apart, as GitHub asks of integrators. Default true. */
  spaceWrites?: boolean;
  /** HTTP transport; default the global fetch. */
  fetch?: typeof fetch;
}

/** The server's dependencies. */
export interface GateServerDeps {
  decide: GateDecide;
  log?: GateLog;
  /** Epoch milliseconds; default Date.now. */
  now?: () => number;
  /** Token source; default `createInstallationTokens` for the settings' App. */
  tokens?: InstallationTokens;
}

/** Counters, for tests and a shutdown line. */
export interface GateStats {
  /** Deliveries refused with 405/413/401/400. */
  refused: number;
  /** Repeats answered "duplicate". */
  duplicates: number;
  /** Deliveries accepted for review (202). */
  accepted: number;
  /** Decisions posted, by state. */
  approved: number;
  rejected: number;
  /** Status reports posted. */
  reports: number;
  /** Accepted deliveries whose decision could not be posted. */
  failed: number;
}

/** A delivery as any host hands it over: headers (lower-case names) and the raw body. */
export interface Delivery {
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body: Buffer;
}

/** The HTTP answer to a delivery; `review` settles when its review is posted (or failed). */
export interface DeliveryAnswer {
  status: number;
  body: string;
  review?: Promise<void>;
}

/** The framework-free core, plus a node:http listener around it. */
export interface GateHandler {
  /** Checks a delivery and starts its review; for serverless hosts that hand over a whole body. */
  receive(delivery: Delivery): Promise<DeliveryAnswer>;
  /** A node:http request listener (streams the body with the size limit). */
  listener: http.RequestListener;
  /** Settles when every review started so far has settled. */
  idle(): Promise<void>;
  stats(): GateStats;
}

/**
 * Remembers delivery ids for a while, oldest forgotten first. `claim` is synchronous so two
 * simultaneous copies of one delivery cannot both pass.
 */
export class DeliveryIds {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
  ) {}

  /** True the first time `id` is seen within the TTL; false for a repeat. */
  claim(id: string, now: number): boolean {
    const until = this.seen.get(id);
    if (until !== undefined && until > now) return false;
    this.seen.delete(id);
    this.seen.set(id, now + this.ttlMs);
    // Map iteration is insertion order: the first entries are the oldest claims.
    for (const [old, expiry] of this.seen) {
      if (this.seen.size <= this.capacity && expiry > now) break;
      this.seen.delete(old);
    }
    return true;
  }

  /** Forgets `id`, so GitHub's "Redeliver" can retry a review that could not be posted. */
  release(id: string): void {
    this.seen.delete(id);
  }

  get size(): number {
    return this.seen.size;
  }
}

/** `text` cut to GitHub's comment limit, ending in an ellipsis when cut (never splitting a surrogate pair). */
export function reviewComment(text: string): string {
  return clip(text, REVIEW_COMMENT_LIMIT);
}

const quiet: GateLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Builds the handler; see the module comment for what each delivery goes through. */
export function createGateHandler(settings: GateServerSettings, deps: GateServerDeps): GateHandler {
  const log = deps.log ?? quiet;
  const now = deps.now ?? Date.now;
  const maxBody = settings.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const apiUrl = settings.apiUrl.replace(/\/+$/, '');
  const ids = new DeliveryIds(settings.replay?.capacity ?? 10_000, settings.replay?.ttlMs ?? 72 * 3600_000);
  const tokens =
    deps.tokens ??
    createInstallationTokens({
      appId: settings.appId,
      privateKey: settings.privateKey,
      apiUrl,
      ...(settings.retryAfterBaseMs !== undefined ? { retryAfterBaseMs: settings.retryAfterBaseMs } : {}),
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
    });
  const stats: GateStats = {
    refused: 0,
    duplicates: 0,
    accepted: 0,
    approved: 0,
    rejected: 0,
    reports: 0,
    failed: 0,
  };
  const pending = new Set<Promise<void>>();

  const refuse = (status: number, body: string, why: string): DeliveryAnswer => {
    stats.refused += 1;
    log.warn(`refused a delivery (HTTP ${status}): ${why}`);
    return { status, body };
  };

  async function receive(delivery: Delivery): Promise<DeliveryAnswer> {
    const header = (name: string) => {
      const value = delivery.headers[name];
      return Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);
    };
    if (delivery.body.length > maxBody) {
      return refuse(413, 'payload too large\n', `body over ${maxBody} bytes`);
    }
    const signature = header('x-hub-signature-256');
    if (!signature) return refuse(401, 'missing X-Hub-Signature-256\n', 'no signature');
    if (delivery.body.length === 0) return refuse(400, 'empty body\n', 'empty body');
    // verify() hashes the string's UTF-8 bytes: the same bytes for a valid UTF-8 body, and a
    // different HMAC (a refusal) for anything else.
    const valid = await verify(settings.webhookSecret, delivery.body.toString('utf8'), signature).catch(
      () => false,
    );
    if (!valid)
      return refuse(401, 'signature does not match\n', 'X-Hub-Signature-256 does not match the body');

    const deliveryId = header('x-github-delivery');
    if (!deliveryId) return refuse(400, 'missing X-GitHub-Delivery\n', 'no delivery id');
    if (!ids.claim(deliveryId, now())) {
      stats.duplicates += 1;
      log.info(`delivery ${deliveryId}: duplicate, not reviewed again`);
      return { status: 200, body: 'duplicate\n' };
    }
    const event = header('x-github-event');
    if (event === 'ping') return { status: 200, body: 'pong\n' };
    if (event !== 'deployment_protection_rule') {
      log.info(`delivery ${deliveryId}: ignored event ${String(event)}`);
      return { status: 200, body: `ignored event ${String(event)}\n` };
    }
    let payload: unknown;
    try {
      payload = JSON.parse(delivery.body.toString('utf8'));
    } catch {
      return refuse(400, 'body is not JSON\n', `delivery ${deliveryId}: body is not JSON`);
    }
    const parsed = parseRequest(payload, deliveryId, apiUrl);
    if (typeof parsed === 'string') {
      if (parsed === 'ignored') return { status: 200, body: 'ignored action\n' };
      return refuse(400, `${parsed}\n`, `delivery ${deliveryId}: ${parsed}`);
    }
    stats.accepted += 1;
    log.info(
      `delivery ${deliveryId}: ${parsed.owner}/${parsed.repo} run ${parsed.runId} asks for ${parsed.environment}`,
    );
    const review = runReview(parsed).catch((error: unknown) => {
      stats.failed += 1;
      ids.release(deliveryId);
      log.error(
        `delivery ${deliveryId}: the review of run ${parsed.runId} (${parsed.environment}) could not be posted: ` +
          `${describeError(error)}; fix the cause, then redeliver it from the App's Advanced settings`,
      );
    });
    pending.add(review);
    void review.finally(() => pending.delete(review));
    return { status: 202, body: 'accepted\n', review };
  }

  /** Token, progress reports while deciding, then the decision; everything posted in order. */
  async function runReview(request: GateRequest): Promise<void> {
    const token = await tokens.tokenFor(request.installationId);
    const octokit = createOctokit({
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
    let queue: Promise<unknown> = Promise.resolve();
    const post = (body: { state?: 'approved' | 'rejected'; comment: string }) => {
      const next = queue.then(() =>
        octokit.rest.actions.reviewCustomGatesForRun({
          ...target,
          ...body,
          comment: reviewComment(body.comment),
        }),
      );
      queue = next.catch(() => undefined);
      return next;
    };
    let decided = false;
    const report = async (comment: string): Promise<boolean> => {
      // One report is always kept for the decision.
      if (decided || posted >= REVIEW_REPORT_LIMIT - 1) return false;
      posted += 1;
      await post({ comment });
      stats.reports += 1;
      return true;
    };

    const started = now();
    let timer: NodeJS.Timeout | undefined;
    const schedule = (delay: number) => {
      timer = setTimeout(() => {
        const minutes = Math.max(1, Math.round((now() - started) / 60_000));
        report(
          `Glidepath is still deciding whether \`${request.environment}\` may deploy (${minutes} min so far).`,
        )
          .then((more) => {
            if (more && !decided) schedule(settings.progressEveryMs ?? 300_000);
          })
          .catch((error: unknown) =>
            log.warn(`delivery ${request.deliveryId}: a status report failed: ${describeError(error)}`),
          );
      }, delay);
      timer.unref();
    };
    schedule(settings.progressAfterMs ?? 15_000);

    let verdict: GateVerdict;
    try {
      verdict = await deps.decide(request, { octokit, report });
    } catch (error) {
      // Fail closed: a gate that cannot decide must not let a deployment through. Re-running the
      // job asks again.
      log.error(`delivery ${request.deliveryId}: the decision failed: ${describeError(error)}`);
      verdict = {
        state: 'rejected',
        comment:
          `**Glidepath gate: rejected** \`${request.environment}\`: the gate could not decide ` +
          `(${describeError(error)}). Fix the cause and re-run the job.`,
      };
    } finally {
      decided = true;
      clearTimeout(timer);
    }
    await post({ state: verdict.state, comment: verdict.comment });
    stats[verdict.state] += 1;
    log.info(
      `delivery ${request.deliveryId}: run ${request.runId} ${verdict.state} for ${request.environment}`,
    );
  }

  const listener: http.RequestListener = (req, res) => {
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      if (res.headersSent) return;
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
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
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
      if (over) return;
      receive({ headers: req.headers, body: Buffer.concat(chunks) })
        .then((result) => answer(result.status, result.body))
        .catch((error: unknown) => {
          log.error(`a delivery crashed the handler (a bug in Glidepath): ${describeError(error)}`);
          answer(500, 'internal error\n');
        });
    });
  };

  return {
    receive,
    listener,
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    stats: () => ({ ...stats }),
  };
}

/** Reads the fields a review needs; a string is why the payload cannot be reviewed (or `ignored`). */
function parseRequest(payload: unknown, deliveryId: string, apiUrl: string): GateRequest | string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return 'payload is not an object';
  const body = payload as Record<string, unknown>;
  if (body.action !== 'requested') return 'ignored';
  const environment = body.environment;
  if (typeof environment !== 'string' || environment === '') return 'payload has no environment';
  const installationId = (body.installation as { id?: unknown } | undefined)?.id;
  if (typeof installationId !== 'number') return 'payload has no installation.id (is this an App webhook?)';
  const callback = body.deployment_callback_url;
  if (typeof callback !== 'string') return 'payload has no deployment_callback_url';
  // Only a callback under our API root: the App's token must never be sent anywhere else.
  const prefix = `${apiUrl}/repos/`;
  const match = callback.startsWith(prefix)
    ? /^([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(
        callback.slice(prefix.length),
      )
    : null;
  if (!match) return `deployment_callback_url is not a review URL under ${apiUrl}`;
  const deployment = body.deployment;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const sender = text((body.sender as { login?: unknown } | undefined)?.login);
  const request: GateRequest = {
    deliveryId,
    environment,
    owner: decodeURIComponent(match[1]!),
    repo: decodeURIComponent(match[2]!),
    runId: Number(match[3]),
    installationId,
    deployment:
      deployment !== null && typeof deployment === 'object'
        ? (deployment as GateRequest['deployment'])
        : null,
    payload: body,
  };
  const event = text(body.event);
  const sha = text(body.sha) ?? text(request.deployment?.sha);
  const ref = text(body.ref) ?? text(request.deployment?.ref);
  if (event) request.event = event;
  if (sha) request.sha = sha;
  if (ref) request.ref = ref;
  if (sender) request.sender = sender;
  return request;
}

/** A running server. */
export interface GateServer {
  /** `http://HOST:PORT`. */
  url: string;
  stats(): GateStats;
  /** Settles when every review started so far has settled. */
  idle(): Promise<void>;
  /** Stops accepting, waits for the reviews in flight, then closes. */
  close(): Promise<void>;
}

/** Starts the receiver on `host:port` (port 0: any free port). */
export async function startGateServer(
  settings: GateServerSettings,
  deps: GateServerDeps,
  listen: { port: number; host: string },
): Promise<GateServer> {
  const handler = createGateHandler(settings, deps);
  const server = http.createServer(handler.listener);
  // A delivery is small and sent at once: slow senders are cut off instead of holding sockets.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    stats: handler.stats,
    idle: handler.idle,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await handler.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}
