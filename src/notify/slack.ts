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
import { noticeFacts, noticeHeadline, type NotifyFormat, type RolloutNotice } from './types.js';

/** Slack's limit on a header block's text. */
const HEADER_MAX = 150;
/** Slack's limit on one section field's text, less room for the bold label. */
const FIELD_MAX = 1_900;

/** `text` with Slack's three control characters escaped, for `mrkdwn` text objects. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `text` cut to `max` characters, ending in an ellipsis when cut. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The incoming-webhook message for `notice`: `text` fallback, header, fields, run link. */
export function slackMessage(notice: RolloutNotice): { text: string; blocks: unknown[] } {
  const headline = noticeHeadline(notice);
  const blocks: unknown[] = [
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
export const slackFormat: NotifyFormat = {
  kind: 'slack',
  label: 'Slack incoming webhook',
  needsSecret: false,
  render: (notice) => ({ body: JSON.stringify(slackMessage(notice)), headers: {} }),
};
