/**
 * The signed generic webhook (src/notify/webhook.ts): a fixed JSON shape, and GitHub's
 * X-Hub-Signature-256 scheme under Glidepath's header names, checked against GitHub's published
 * test vector and against `@octokit/webhooks-methods` `verify`, the receiver's side.
 */
import { describe, expect, it } from '@jest/globals';
import { verify } from '@octokit/webhooks-methods';

import type { RolloutNotice } from '../../../src/notify/types.js';
import { signatureOf, WEBHOOK_HEADERS, webhookFormat, webhookPayload } from '../../../src/notify/webhook.js';

const notice: RolloutNotice = {
  event: 'step',
  service: 'checkout',
  environment: 'production',
  rollout: 'r-7f3a',
  digest: `sha256:${'ef'.repeat(32)}`,
  step: { index: 1, of: 4, weight: 5 },
  reason: 'bake passed',
  commit: '0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/checkout/actions/runs/42',
  at: new Date('2026-03-02T09:00:00Z'),
};
const SECRET = 'whsec-glidepath-test-0001';

describe('signatureOf', () => {
  it('matches GitHub’s documented test vector', () => {
    // docs.github.com "Validating webhook deliveries" → "Testing the webhook payload validation":
    // secret "It's a Secret to Everybody", payload "Hello, World!".
    expect(signatureOf("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it('hashes UTF-8 bytes, as a receiver reading the raw body does', async () => {
    const body = JSON.stringify({ reason: 'p99 ↑ 12 % – zurückgesetzt' });
    expect(await verify(SECRET, body, signatureOf(SECRET, body))).toBe(true);
  });
});

describe('webhookPayload', () => {
  it('carries every field of the notice, the time as ISO UTC', () => {
    expect(webhookPayload(notice)).toEqual({
      event: 'step',
      service: 'checkout',
      environment: 'production',
      rollout: 'r-7f3a',
      digest: `sha256:${'ef'.repeat(32)}`,
      step: { index: 1, of: 4, weight: 5 },
      reason: 'bake passed',
      commit: '0123456789abcdef0123456789abcdef01234567',
      runUrl: 'https://github.com/acme/checkout/actions/runs/42',
      at: '2026-03-02T09:00:00.000Z',
    });
  });

  it('keeps every key, null when the notice lacks it', () => {
    const bare: RolloutNotice = {
      event: 'start',
      rollout: 'r-1',
      digest: 'sha256:00',
      reason: 'started',
      at: notice.at,
    };
    expect(JSON.parse(JSON.stringify(webhookPayload(bare)))).toEqual({
      event: 'start',
      service: null,
      environment: null,
      rollout: 'r-1',
      digest: 'sha256:00',
      step: null,
      reason: 'started',
      commit: null,
      runUrl: null,
      at: '2026-03-02T09:00:00.000Z',
    });
  });
});

describe('webhookFormat', () => {
  const rendered = webhookFormat.render(notice, {
    secret: SECRET,
    deliveryId: 'a3c1e1d2-0000-4000-8000-000000000001',
  });

  it('sends the event, the delivery id and a signature of the exact body', async () => {
    expect(JSON.parse(rendered.body)).toEqual(webhookPayload(notice));
    expect(rendered.headers[WEBHOOK_HEADERS.event]).toBe('step');
    expect(rendered.headers[WEBHOOK_HEADERS.delivery]).toBe('a3c1e1d2-0000-4000-8000-000000000001');
    const signature = rendered.headers[WEBHOOK_HEADERS.signature] ?? '';
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verify(SECRET, rendered.body, signature)).toBe(true);
  });

  it.each([
    ['another secret', 'whsec-someone-else', (body: string) => body],
    ['a changed body', SECRET, (body: string) => body.replace('"weight":5', '"weight":50')],
  ])('fails verification with %s', async (_name, secret, change) => {
    expect(
      await verify(secret, change(rendered.body), rendered.headers[WEBHOOK_HEADERS.signature] ?? ''),
    ).toBe(false);
  });

  it('needs its secret', () => {
    expect(webhookFormat.needsSecret).toBe(true);
    expect(() => webhookFormat.render(notice, { deliveryId: 'x' })).toThrow('without its signing secret');
  });
});
