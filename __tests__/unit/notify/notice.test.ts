/**
 * The words every chat format shares (src/notify/types.ts): the headline for each event, and the
 * facts under it with absent fields left out.
 */
import { describe, expect, it } from '@jest/globals';

import { noticeFacts, noticeHeadline, type RolloutNotice } from '../../../src/notify/types.js';

const notice: RolloutNotice = {
  event: 'step',
  service: 'checkout',
  environment: 'production',
  rollout: 'r-7f3a',
  digest: `sha256:${'ab'.repeat(32)}`,
  step: { index: 2, of: 4, weight: 25 },
  reason: 'error rate 0.11% vs 0.10% on stable: pass',
  commit: '0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/checkout/actions/runs/42',
  at: new Date('2026-03-02T09:30:00Z'),
};

describe('noticeHeadline', () => {
  it.each<[string, Partial<RolloutNotice>, string]>([
    ['start', { event: 'start', step: undefined }, 'checkout: rollout started in production'],
    ['step', { event: 'step' }, 'checkout: step 2 of 4 at 25% in production'],
    ['step without a step', { event: 'step', step: undefined }, 'checkout: exposure stepped in production'],
    ['promoted', { event: 'promoted' }, 'checkout: promoted to 100% in production'],
    ['reverted', { event: 'reverted' }, 'checkout: reverted in production'],
    [
      'no service: the rollout id',
      { event: 'promoted', service: undefined },
      'rollout r-7f3a: promoted to 100% in production',
    ],
    ['no environment', { event: 'reverted', environment: undefined }, 'checkout: reverted'],
  ])('%s', (_name, change, expected) => {
    expect(noticeHeadline({ ...notice, ...change })).toBe(expected);
  });
});

describe('noticeFacts', () => {
  it('lists every field in order, the commit cut to 12 characters and the time in ISO UTC', () => {
    expect(noticeFacts(notice)).toEqual([
      { name: 'Rollout', value: 'r-7f3a' },
      { name: 'Environment', value: 'production' },
      { name: 'Digest', value: `sha256:${'ab'.repeat(32)}` },
      { name: 'Step', value: '2 of 4 (25%)' },
      { name: 'Reason', value: 'error rate 0.11% vs 0.10% on stable: pass' },
      { name: 'Commit', value: '0123456789ab' },
      { name: 'At', value: '2026-03-02T09:30:00.000Z' },
    ]);
  });

  it('leaves out what the notice does not have', () => {
    const bare = { ...notice, environment: undefined, step: undefined, commit: undefined };
    expect(noticeFacts(bare).map((fact) => fact.name)).toEqual(['Rollout', 'Digest', 'Reason', 'At']);
  });
});
