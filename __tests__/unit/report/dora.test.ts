/**
 * DORA figures (src/report/dora.ts) on a seeded history whose figures are computed by hand below,
 * and the edge cases: no rollouts, a rollout still in progress (also one whose promotion falls
 * after the period's end), a rollout spanning the period's start, one that finished before it.
 */
import { describe, expect, it } from '@jest/globals';
import type { Trailers } from '../../../src/gitops/types.js';
import {
  computeDora,
  doraJson,
  doraMarkdown,
  doraText,
  formatDuration,
  NO_SERVICE,
  rolloutHistories,
  spread,
  type DatedCommit,
} from '../../../src/report/dora.js';

const H = 3_600_000;
const M = 60_000;
const PERIOD = { since: new Date('2026-01-01T00:00:00Z'), until: new Date('2026-01-15T00:00:00Z') };

let serial = 0;
function commit(at: string, trailers: Trailers): DatedCommit {
  serial++;
  return { sha: serial.toString(16).padStart(40, '0'), at: new Date(at), trailers };
}
const step = (service: string, rollout: string, at: string, s = '1/2') =>
  commit(at, { 'Glidepath-Rollout': rollout, 'Glidepath-Service': service, 'Glidepath-Step': s });
const promoted = (service: string, rollout: string, at: string) =>
  commit(at, { 'Glidepath-Rollout': rollout, 'Glidepath-Service': service, 'Glidepath-Verdict': 'promoted' });
const reverted = (service: string, rollout: string, at: string) =>
  commit(at, {
    'Glidepath-Rollout': rollout,
    'Glidepath-Service': service,
    'Glidepath-Verdict': 'fail',
    'Glidepath-Revert-Of': 'f'.repeat(40),
  });

/**
 * Period 2026-01-01T00:00Z … 2026-01-15T00:00Z: 14 days, two seven-day weeks.
 *
 * checkout
 *   c1  first 12-31 22:00 (before the start), promoted 01-01 02:00  → lead 4h          (week 1)
 *   c2  first 01-03 10:00, step 10:30, promoted 01-03 12:00         → lead 2h          (week 1)
 *   c3  first 01-05 09:00, reverted 01-05 09:45                      → recovery 45m     (week 1)
 *   c4  first 01-09 08:00, promoted 01-09 16:00                      → lead 8h          (week 2)
 *   c5  first 01-12 10:00, reverted 01-12 13:00                      → recovery 3h      (week 2)
 *   c6  first 01-14 20:00, step 21:00, promoted 01-15 01:00 (after the end) → in progress
 *   promotions 3 (c1 c2 c4): 3/14 = 0.2142857…/day, 3·7/14 = 1.5/week
 *   finished 5 (c1–c5), reverted 2 → change failure rate 2/5 = 0.4; rollbacks 2·7/14 = 1/week
 *   recovery [45m, 3h] → mean = median = (2,700 s + 10,800 s)/2 = 6,750 s = 1h 52m 30s
 *   lead [2h, 4h, 8h] → median 4h, p90 the ⌈0.9·3⌉ = 3rd smallest = 8h
 *   weeks: 01-01 → 2 promotions (c1 c2), 1 revert (c3); 01-08 → 1 promotion (c4), 1 revert (c5)
 * payments
 *   p0  first 12-20, promoted 12-21: finished before the period, counted nowhere
 *   p1  first 01-02 00:00, promoted 01-02 01:00 → lead 1h; 1 promotion, 0.5/week, CFR 0/1 = 0
 */
const LOG: DatedCommit[] = [
  step('checkout', 'c1', '2025-12-31T22:00:00Z'),
  promoted('checkout', 'c1', '2026-01-01T02:00:00Z'),
  step('checkout', 'c2', '2026-01-03T10:00:00Z'),
  step('checkout', 'c2', '2026-01-03T10:30:00Z', '2/2'),
  promoted('checkout', 'c2', '2026-01-03T12:00:00Z'),
  step('checkout', 'c3', '2026-01-05T09:00:00Z'),
  reverted('checkout', 'c3', '2026-01-05T09:45:00Z'),
  step('checkout', 'c4', '2026-01-09T08:00:00Z'),
  promoted('checkout', 'c4', '2026-01-09T16:00:00Z'),
  step('checkout', 'c5', '2026-01-12T10:00:00Z'),
  reverted('checkout', 'c5', '2026-01-12T13:00:00Z'),
  step('checkout', 'c6', '2026-01-14T20:00:00Z'),
  step('checkout', 'c6', '2026-01-14T21:00:00Z', '2/2'),
  promoted('checkout', 'c6', '2026-01-15T01:00:00Z'),
  step('payments', 'p0', '2025-12-20T00:00:00Z'),
  promoted('payments', 'p0', '2025-12-21T00:00:00Z'),
  step('payments', 'p1', '2026-01-02T00:00:00Z'),
  promoted('payments', 'p1', '2026-01-02T01:00:00Z'),
  // Not a rollout: no Glidepath-Rollout trailer.
  commit('2026-01-04T00:00:00Z', { 'Glidepath-Service': 'checkout' }),
];

describe('computeDora on the seeded history', () => {
  // Newest first, as git log prints: grouping must not depend on the order.
  const report = computeDora(rolloutHistories([...LOG].reverse()), PERIOD);
  const [checkout, payments] = report.services;

  it('covers 14 days and both services, sorted by name', () => {
    expect(report.period.days).toBe(14);
    expect(report.services.map((s) => s.service)).toEqual(['checkout', 'payments']);
  });

  it('computes the checkout figures by hand', () => {
    expect(checkout).toEqual({
      service: 'checkout',
      promotions: 3,
      reverted: 2,
      finished: 5,
      inProgress: 1,
      deploymentFrequency: { perDay: 3 / 14, perWeek: 1.5 },
      changeFailureRate: 0.4,
      rollbackFrequency: { perWeek: 1 },
      recovery: { count: 2, meanMs: 6_750_000, medianMs: 6_750_000 },
      leadTime: { count: 3, medianMs: 4 * H, p90Ms: 8 * H, fromAppCommit: 0 },
      weeks: [
        { start: new Date('2026-01-01T00:00:00Z'), promotions: 2, reverts: 1 },
        { start: new Date('2026-01-08T00:00:00Z'), promotions: 1, reverts: 1 },
      ],
    });
  });

  it('computes the payments figures by hand (a rollout finished before the period counts nowhere)', () => {
    expect(payments).toMatchObject({
      promotions: 1,
      reverted: 0,
      finished: 1,
      inProgress: 0,
      deploymentFrequency: { perWeek: 0.5 },
      changeFailureRate: 0,
      recovery: { count: 0 },
      leadTime: { count: 1, medianMs: 1 * H, p90Ms: 1 * H },
    });
    expect(payments!.recovery.meanMs).toBeUndefined();
  });

  it('prints the figures as text', () => {
    const text = doraText(report);
    expect(text).toContain('3 promotions: 0.21/day, 1.50/week');
    expect(text).toContain('40.0% (2 reverted of 5 finished; 1 in progress)');
    expect(text).toContain('mean 1h 52m, median 1h 52m (2 reverts)');
    expect(text).toContain('median 4h, p90 8h (3 changes, 0 from the app commit)');
  });

  it('renders markdown with a table row and a weekly xychart per service', () => {
    const markdown = doraMarkdown(report);
    expect(markdown).toContain(
      '| checkout | 3 | 1.50 | 40.0% (2/5) | 1h 52m / 1h 52m | 1.00 | 4h / 8h | 1 |',
    );
    expect(markdown).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '  title "checkout"',
        '  x-axis ["2026-01-01", "2026-01-08"]',
        '  y-axis "changes" 0 --> 2',
        '  bar [2, 1]',
        '  line [1, 1]',
        '```',
      ].join('\n'),
    );
  });

  it('serialises to JSON with ISO times', () => {
    const json = JSON.parse(doraJson(report)) as { period: { since: string }; services: unknown[] };
    expect(json.period.since).toBe('2026-01-01T00:00:00.000Z');
    expect(json.services).toHaveLength(2);
  });
});

describe('edge cases', () => {
  it('reports no services when the branch has no rollout', () => {
    const report = computeDora(rolloutHistories([]), PERIOD);
    expect(report.services).toEqual([]);
    expect(doraText(report)).toContain('no Glidepath rollout');
    expect(doraMarkdown(report)).toContain('No Glidepath rollout');
  });

  it('counts a rollout in progress in neither side of the change failure rate', () => {
    const report = computeDora(rolloutHistories([step('web', 'w1', '2026-01-10T00:00:00Z')]), PERIOD);
    expect(report.services[0]).toMatchObject({
      promotions: 0,
      finished: 0,
      inProgress: 1,
      leadTime: { count: 0 },
    });
    expect(report.services[0]!.changeFailureRate).toBeUndefined();
  });

  it('measures a rollout spanning the period start from its first commit, before the start', () => {
    // First commit 12-30 00:00, reverted 01-01 06:00: recovery 2d 6h = 54h, inside the period.
    const report = computeDora(
      rolloutHistories([
        step('web', 'w1', '2025-12-30T00:00:00Z'),
        reverted('web', 'w1', '2026-01-01T06:00:00Z'),
      ]),
      PERIOD,
    );
    expect(report.services[0]!.recovery).toEqual({ count: 1, meanMs: 54 * H, medianMs: 54 * H });
    expect(formatDuration(report.services[0]!.recovery.meanMs)).toBe('2d 6h');
  });

  it('leaves out rollouts whose commits all come after the period', () => {
    const report = computeDora(rolloutHistories([step('web', 'w1', '2026-02-01T00:00:00Z')]), PERIOD);
    expect(report.services).toEqual([]);
  });

  it('counts a promoted then reverted rollout as a deployment and as a failed change', () => {
    const report = computeDora(
      rolloutHistories([
        step('web', 'w1', '2026-01-02T00:00:00Z'),
        promoted('web', 'w1', '2026-01-02T01:00:00Z'),
        reverted('web', 'w1', '2026-01-02T05:00:00Z'),
      ]),
      PERIOD,
    );
    expect(report.services[0]).toMatchObject({
      promotions: 1,
      reverted: 1,
      finished: 1,
      changeFailureRate: 1,
    });
    expect(report.services[0]!.recovery.meanMs).toBe(5 * H);
  });

  it('starts lead time at the app commit GitHub names, and counts deployment statuses', () => {
    const [history] = rolloutHistories([
      step('web', 'w1', '2026-01-02T00:00:00Z'),
      promoted('web', 'w1', '2026-01-02T01:00:00Z'),
    ]);
    const report = computeDora(
      [
        {
          ...history!,
          deployment: {
            sha: 'a'.repeat(40),
            committedAt: new Date('2026-01-01T19:00:00Z'),
            state: 'success',
          },
        },
      ],
      PERIOD,
    );
    // 01-01 19:00 → 01-02 01:00 = 6h.
    expect(report.services[0]!.leadTime).toEqual({
      count: 1,
      medianMs: 6 * H,
      p90Ms: 6 * H,
      fromAppCommit: 1,
    });
    expect(report.services[0]!.deploymentStatuses).toEqual({ success: 1 });
  });

  it('groups rollouts without a service under NO_SERVICE', () => {
    const [history] = rolloutHistories([commit('2026-01-02T00:00:00Z', { 'Glidepath-Rollout': 'x' })]);
    expect(history!.service).toBe(NO_SERVICE);
  });

  it('escapes service names in markdown tables and mermaid labels', () => {
    const markdown = doraMarkdown(
      computeDora(rolloutHistories([step('a|"b"<i>', 'z1', '2026-01-02T00:00:00Z')]), PERIOD),
    );
    expect(markdown).toContain('| a\\|"b"&lt;i> |');
    expect(markdown).toContain(`title "a|'b'<i>"`);
  });

  it('refuses an empty period', () => {
    expect(() => computeDora([], { since: PERIOD.until, until: PERIOD.since })).toThrow(RangeError);
  });
});

describe('spread', () => {
  it.each([
    { values: [], expected: { count: 0 } },
    { values: [5], expected: { count: 1, medianMs: 5, p90Ms: 5 } },
    // even count: median is the mean of 2 and 3; p90 rank ⌈3.6⌉ = 4 → 4
    { values: [4, 1, 3, 2], expected: { count: 4, medianMs: 2.5, p90Ms: 4 } },
    // ten values 1..10: median (5+6)/2 = 5.5; p90 rank ⌈9⌉ = 9 → 9
    { values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], expected: { count: 10, medianMs: 5.5, p90Ms: 9 } },
    // eleven values 1..11: median the 6th = 6; p90 rank ⌈9.9⌉ = 10 → 10
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], expected: { count: 11, medianMs: 6, p90Ms: 10 } },
  ])('$values → $expected', ({ values, expected }) => {
    expect(spread(values)).toEqual(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [undefined, '-'],
    [0, '0s'],
    [45 * M, '45m'],
    [72_000, '1m 12s'],
    [6_750_000, '1h 52m'],
    [2 * 24 * H + 3 * H + 5 * M, '2d 3h'],
    [24 * H + 30 * M, '1d'],
  ])('%p → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
