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
import { createHmac } from 'node:crypto';

import type { NotifyFormat, RolloutNotice } from './types.js';

/** The header names, in one place for the receiver's documentation and the tests. */
export const WEBHOOK_HEADERS = {
  event: 'X-Glidepath-Event',
  delivery: 'X-Glidepath-Delivery',
  signature: 'X-Glidepath-Signature-256',
} as const;

/**
 * The body a receiver parses. Every key is always present (absent values are `null`), so a
 * receiver's schema need not guess which keys may be missing; `at` is ISO 8601 in UTC.
 */
export interface WebhookPayload {
  event: RolloutNotice['event'];
  service: string | null;
  environment: string | null;
  rollout: string;
  digest: string;
  step: { index: number; of: number; weight: number } | null;
  reason: string;
  commit: string | null;
  runUrl: string | null;
  at: string;
}

/** The JSON document for `notice`. */
export function webhookPayload(notice: RolloutNotice): WebhookPayload {
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
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The signed-webhook format (see the file comment for the scheme). */
export const webhookFormat: NotifyFormat = {
  kind: 'webhook',
  label: 'webhook',
  needsSecret: true,
  render(notice, { secret, deliveryId }) {
    // index.ts refuses a webhook target without a secret, so this is a bug if it ever throws.
    if (secret === undefined) throw new Error('webhook notifier rendered without its signing secret');
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
