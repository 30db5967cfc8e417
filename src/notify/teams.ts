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
import { noticeFacts, noticeHeadline, type NotifyFormat, type RolloutNotice } from './types.js';

/** The attachment content type Teams requires for an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The headline colour: green for a promotion, red for a revert, the theme's default otherwise. */
const HEADLINE_COLOR = {
  start: 'Default',
  step: 'Default',
  promoted: 'Good',
  reverted: 'Attention',
} as const satisfies Record<RolloutNotice['event'], string>;

/** The webhook message for `notice`: one Adaptive Card with the headline, the facts and a run link. */
export function teamsMessage(notice: RolloutNotice): Record<string, unknown> {
  const card: Record<string, unknown> = {
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
  if (notice.runUrl) card.actions = [{ type: 'Action.OpenUrl', title: 'View the run', url: notice.runUrl }];
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
}

/** The Teams format (see the file comment for the payload's source). */
export const teamsFormat: NotifyFormat = {
  kind: 'teams',
  label: 'Teams webhook',
  needsSecret: false,
  render: (notice) => ({ body: JSON.stringify(teamsMessage(notice)), headers: {} }),
};
