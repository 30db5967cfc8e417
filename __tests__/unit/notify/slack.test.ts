/**
 * The Slack incoming-webhook message (src/notify/slack.ts): a `text` fallback and Block Kit blocks
 * in the shape of Slack's own example (https://api.slack.com/messaging/webhooks), mrkdwn escaped,
 * and Slack's 150-character header limit kept.
 */
import { describe, expect, it } from '@jest/globals';

import { escapeMrkdwn, slackFormat, slackMessage } from '../../../src/notify/slack.js';
import type { RolloutNotice } from '../../../src/notify/types.js';

const notice: RolloutNotice = {
  event: 'promoted',
  service: 'checkout',
  environment: 'production',
  rollout: 'r-7f3a',
  digest: `sha256:${'ab'.repeat(32)}`,
  step: { index: 4, of: 4, weight: 100 },
  reason: 'all guardrails passed at every step',
  commit: '0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/checkout/actions/runs/42',
  at: new Date('2026-03-02T09:30:00Z'),
};

describe('slackMessage', () => {
  it('is a text fallback, a header, the facts as mrkdwn fields and a link to the run', () => {
    expect(slackMessage(notice)).toEqual({
      text: 'checkout: promoted to 100% in production: all guardrails passed at every step',
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: 'checkout: promoted to 100% in production', emoji: false },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Rollout*\nr-7f3a' },
            { type: 'mrkdwn', text: '*Environment*\nproduction' },
            { type: 'mrkdwn', text: `*Digest*\nsha256:${'ab'.repeat(32)}` },
            { type: 'mrkdwn', text: '*Step*\n4 of 4 (100%)' },
            { type: 'mrkdwn', text: '*Reason*\nall guardrails passed at every step' },
            { type: 'mrkdwn', text: '*Commit*\n0123456789ab' },
            { type: 'mrkdwn', text: '*At*\n2026-03-02T09:30:00.000Z' },
          ],
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: '<https://github.com/acme/checkout/actions/runs/42|View the run>' },
          ],
        },
      ],
    });
  });

  it('has no context block without a run URL', () => {
    const types = slackMessage({ ...notice, runUrl: undefined }).blocks.map(
      (block) => (block as { type: string }).type,
    );
    expect(types).toEqual(['header', 'section']);
  });

  it('escapes a reason quoting markup, so it is not read as a link or a mention', () => {
    const message = slackMessage({ ...notice, reason: 'p99 <500ms> & <!channel>' });
    expect(message.text).toBe(
      'checkout: promoted to 100% in production: p99 &lt;500ms&gt; &amp; &lt;!channel&gt;',
    );
    const section = message.blocks[1] as { fields: { text: string }[] };
    expect(section.fields[4]?.text).toBe('*Reason*\np99 &lt;500ms&gt; &amp; &lt;!channel&gt;');
  });

  it('cuts a header past Slack’s 150 characters to 149 and an ellipsis', () => {
    const service = 's'.repeat(200);
    const header = slackMessage({ ...notice, service }).blocks[0] as { text: { text: string } };
    // 149 characters of the 232-character headline (200 + ": promoted to 100% in production"), then "…": 150 in all.
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text).toBe(`${'s'.repeat(149)}…`);
  });
});

describe('escapeMrkdwn', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['&lt;', '&amp;lt;'],
    ['plain', 'plain'],
  ])('%s → %s', (text, expected) => {
    expect(escapeMrkdwn(text)).toBe(expected);
  });
});

describe('slackFormat', () => {
  it('renders the message as the JSON body, no extra headers and no secret', () => {
    const rendered = slackFormat.render(notice, { deliveryId: 'd-1' });
    expect(JSON.parse(rendered.body)).toEqual(slackMessage(notice));
    expect(rendered.headers).toEqual({});
    expect(slackFormat.needsSecret).toBe(false);
  });
});
