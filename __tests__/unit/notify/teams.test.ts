/**
 * The Teams message (src/notify/teams.ts): Microsoft's webhook envelope (`type: message`, one
 * attachment of content type `application/vnd.microsoft.card.adaptive`) around an Adaptive Card.
 */
import { describe, expect, it } from '@jest/globals';

import { ADAPTIVE_CARD_CONTENT_TYPE, teamsFormat, teamsMessage } from '../../../src/notify/teams.js';
import type { RolloutNotice } from '../../../src/notify/types.js';

const notice: RolloutNotice = {
  event: 'reverted',
  service: 'checkout',
  environment: 'production',
  rollout: 'r-7f3a',
  digest: `sha256:${'cd'.repeat(32)}`,
  step: { index: 2, of: 4, weight: 25 },
  reason: 'error rate 0.5% vs 0.1% on stable: fail',
  commit: 'fedcba9876543210fedcba9876543210fedcba98',
  runUrl: 'https://github.com/acme/checkout/actions/runs/43',
  at: new Date('2026-03-02T10:05:00Z'),
};

describe('teamsMessage', () => {
  it('wraps one Adaptive Card with the headline, the facts and a run link', () => {
    expect(teamsMessage(notice)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.2',
            fallbackText: 'checkout: reverted in production: error rate 0.5% vs 0.1% on stable: fail',
            body: [
              {
                type: 'TextBlock',
                text: 'checkout: reverted in production',
                size: 'Medium',
                weight: 'Bolder',
                color: 'Attention',
                wrap: true,
              },
              {
                type: 'FactSet',
                facts: [
                  { title: 'Rollout', value: 'r-7f3a' },
                  { title: 'Environment', value: 'production' },
                  { title: 'Digest', value: `sha256:${'cd'.repeat(32)}` },
                  { title: 'Step', value: '2 of 4 (25%)' },
                  { title: 'Reason', value: 'error rate 0.5% vs 0.1% on stable: fail' },
                  { title: 'Commit', value: 'fedcba987654' },
                  { title: 'At', value: '2026-03-02T10:05:00.000Z' },
                ],
              },
            ],
            actions: [
              {
                type: 'Action.OpenUrl',
                title: 'View the run',
                url: 'https://github.com/acme/checkout/actions/runs/43',
              },
            ],
          },
        },
      ],
    });
    expect(ADAPTIVE_CARD_CONTENT_TYPE).toBe('application/vnd.microsoft.card.adaptive');
  });

  it.each<[RolloutNotice['event'], string]>([
    ['start', 'Default'],
    ['step', 'Default'],
    ['promoted', 'Good'],
    ['reverted', 'Attention'],
  ])('colours the %s headline %s', (event, color) => {
    const card = (
      teamsMessage({ ...notice, event }).attachments as { content: { body: { color?: string }[] } }[]
    )[0];
    expect(card?.content.body[0]?.color).toBe(color);
  });

  it('has no actions without a run URL', () => {
    const card = (teamsMessage({ ...notice, runUrl: undefined }).attachments as { content: object }[])[0];
    expect(card?.content).not.toHaveProperty('actions');
  });
});

describe('teamsFormat', () => {
  it('renders the message as the JSON body with no extra headers', () => {
    const rendered = teamsFormat.render(notice, { deliveryId: 'd-1' });
    expect(JSON.parse(rendered.body)).toEqual(teamsMessage(notice));
    expect(rendered.headers).toEqual({});
  });
});
