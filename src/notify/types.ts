/**
 * The notification family (issue 6, Build 7): one interface, one file per destination (slack.ts,
 * teams.ts, webhook.ts), one exhaustive factory (index.ts). A destination is a *format*: it turns a
 * `RolloutNotice` into the bytes and headers to POST, and nothing else. Delivery (the environment
 * variables, the 5 s timeout, the one retry, masking, logging) is the factory's, so every format gets
 * it the same way and a format is a pure function tested with tables.
 *
 * Why notifications never fail a rollout: a chat outage or a revoked incoming-webhook URL says
 * nothing about the canary. `notifyAll` logs a failure and carries on; the job log and the GitHub
 * deployment status stay the record of truth.
 */
import type { NotifyEvent, NotifyTarget } from '../config/types.js';
import type { Fetch } from '../metrics/providers/types.js';

export type { Fetch } from '../metrics/providers/types.js';
export type { NotifyEvent, NotifyTarget } from '../config/types.js';

/** The destination kinds, as `notify[].kind` names them. */
export type NotifyKind = NotifyTarget['kind'];

/** What happened to a rollout, in the words every destination renders. */
export interface RolloutNotice {
  /** `start`, `step` (exposure grew), `promoted` (100 % and done) or `reverted`. */
  event: NotifyEvent;
  /** The service, e.g. `checkout` (policy `service`). */
  service?: string;
  /** The GitHub deployment environment, e.g. `production`. */
  environment?: string;
  /** The rollout id (the `Glidepath-Rollout` trailer). */
  rollout: string;
  /** The canary image digest, `sha256:…`. */
  digest: string;
  /** Where exposure stands: step `index` (1-based) of `of`, at `weight` percent. */
  step?: { index: number; of: number; weight: number };
  /** Why: the verdict's one-line summary, or what started the rollout. */
  reason: string;
  /** The GitOps commit that made the change, full SHA. */
  commit?: string;
  /** The Actions run that did it. */
  runUrl?: string;
  /** When it happened. */
  at: Date;
}

/** One destination, ready to send. */
export interface Notifier {
  readonly kind: NotifyKind;
  /**
   * Sends one notice. Throws a TransientError (timeout, network, 408/429/5xx twice) or a
   * ConfigurationError (any other non-2xx), both with every secret masked; `notifyAll` logs them.
   */
  send(notice: RolloutNotice): Promise<void>;
}

/** Effects a notifier needs, passed in so tests use loopback servers and fixed clocks. */
export interface NotifyDeps {
  fetch: Fetch;
  /** Where `urlEnv` and `secretEnv` are looked up (process.env in production). */
  env: Readonly<Record<string, string | undefined>>;
  /** The clock, for the elapsed time in log lines. */
  now(): Date;
  /** One line to the job log. Never receives a secret. */
  log(line: string): void;
  /** Per-attempt timeout, counting the response body. Default `NOTIFY_TIMEOUT_MS` (5 s). */
  timeoutMs?: number;
  /** Waits before the retry. Default a real timer. */
  sleep?(ms: number): Promise<void>;
  /** The delivery id generator. Default `crypto.randomUUID`. */
  randomUUID?(): string;
}

/** What a format may put into a request besides the notice. */
export interface RenderContext {
  /** The signing secret (`secretEnv`'s value); present exactly when the format `needsSecret`. */
  secret?: string;
  /** A UUID for this delivery, the same on the retry so a receiver can drop the duplicate. */
  deliveryId: string;
}

/** A request body and the headers that go with it (Content-Type is always application/json). */
export interface RenderedRequest {
  /** The exact bytes sent, and signed when the format signs. */
  body: string;
  headers: Readonly<Record<string, string>>;
}

/** One destination format: how a notice becomes a request. Pure. */
export interface NotifyFormat {
  readonly kind: NotifyKind;
  /** How messages name the destination, e.g. `Slack incoming webhook`. */
  readonly label: string;
  /** Whether `secretEnv` is required (the generic webhook signs its body). */
  readonly needsSecret: boolean;
  /** The request for `notice`. */
  render(notice: RolloutNotice, context: RenderContext): RenderedRequest;
}

/**
 * The one-line headline every chat format shows first and uses as the notification text, e.g.
 * `checkout: step 2 of 4 at 25% in production`. Kept here, beside the notice it reads, so Slack and
 * Teams say the same thing.
 */
export function noticeHeadline(notice: RolloutNotice): string {
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

/** A labelled value in a notice's details. */
export interface NoticeFact {
  name: string;
  value: string;
}

/**
 * The details under the headline, in display order; absent fields are left out rather than shown
 * as blanks. The commit is cut to 12 characters (unambiguous in any repository Glidepath writes);
 * the digest is shown whole because it is what a reader pastes into `crane` or `cosign`.
 */
export function noticeFacts(notice: RolloutNotice): NoticeFact[] {
  const facts: NoticeFact[] = [{ name: 'Rollout', value: notice.rollout }];
  if (notice.environment) facts.push({ name: 'Environment', value: notice.environment });
  facts.push({ name: 'Digest', value: notice.digest });
  if (notice.step) {
    const { index, of, weight } = notice.step;
    facts.push({ name: 'Step', value: `${index} of ${of} (${weight}%)` });
  }
  facts.push({ name: 'Reason', value: notice.reason });
  if (notice.commit) facts.push({ name: 'Commit', value: notice.commit.slice(0, 12) });
  facts.push({ name: 'At', value: notice.at.toISOString() });
  return facts;
}
