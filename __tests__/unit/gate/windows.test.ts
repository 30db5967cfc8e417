/**
 * Deploy windows (src/gate/windows.ts): weekly and dated windows in the policy's time zone, deny over
 * allow, crossing midnight, and the DST changes of 2026 — Europe/Berlin moves to CEST on Sunday
 * 29 March at 01:00Z (02:00 CET → 03:00 CEST) and back on Sunday 25 October at 01:00Z (03:00 CEST →
 * 02:00 CET); America/New_York moves to EDT on Sunday 8 March at 07:00Z and back on Sunday
 * 1 November at 06:00Z. Weekdays: 1 January 2026 is a Thursday, so 27 March is a Friday, 30 March a
 * Monday, 23 October a Friday, 26 October a Monday, 24 December a Thursday.
 */
import { describe, expect, it } from '@jest/globals';
import type { DeployPolicy, DeployWindow } from '../../../src/config/types.js';
import { ConfigurationError } from '../../../src/errors.js';
import { formatInZone, windowVerdict } from '../../../src/gate/windows.js';

function policy(timeZone: string, allow: DeployWindow[], deny: DeployWindow[] = []): DeployPolicy {
  return { timeZone, allow, deny, freezeOnBudget: true, overrides: ['p0', 'security'] };
}

const officeHours: DeployWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' };
const berlin = policy('Europe/Berlin', [officeHours]);
const newYork = policy('America/New_York', [officeHours]);
const christmas = policy(
  'Europe/Berlin',
  [officeHours],
  [{ from: '2026-12-24T00:00', to: '2026-12-27T00:00', reason: 'holiday freeze' }],
);
const nightFreeze = policy('Europe/Berlin', [], [{ days: ['fri'], from: '22:00', to: '06:00' }]);
// 02:30 does not exist in Berlin on 29 March 2026; 02:30 happens twice on 25 October 2026.
const springGap = policy('Europe/Berlin', [{ days: ['sun'], from: '02:30', to: '04:00' }]);
const autumnTwice = policy('Europe/Berlin', [{ days: ['sun'], from: '02:30', to: '02:45' }]);
const dated = policy('UTC', [{ from: '2026-05-01T10:00', to: '2026-05-01T12:00' }]);
const anyTime = policy('UTC', []);

describe('windowVerdict', () => {
  it.each<[string, DeployPolicy, string, boolean, string | undefined]>([
    // name, policy, at (UTC), open, next (UTC)
    [
      'Berlin winter Friday 08:59 CET: before hours',
      berlin,
      '2026-03-27T07:59:00Z',
      false,
      '2026-03-27T08:00:00Z',
    ],
    ['Berlin winter Friday 09:00 CET: open', berlin, '2026-03-27T08:00:00Z', true, undefined],
    ['Berlin Friday 16:59 CET: open', berlin, '2026-03-27T15:59:59Z', true, undefined],
    // to is exclusive; the weekend lies between, and Monday is already CEST: 09:00 CEST = 07:00Z.
    [
      'Berlin Friday 17:00 CET: closed until Monday 09:00 CEST',
      berlin,
      '2026-03-27T16:00:00Z',
      false,
      '2026-03-30T07:00:00Z',
    ],
    ['Berlin summer Monday 08:59 CEST', berlin, '2026-03-30T06:59:00Z', false, '2026-03-30T07:00:00Z'],
    ['Berlin summer Monday 09:00 CEST', berlin, '2026-03-30T07:00:00Z', true, undefined],
    // Back to CET: Friday 17:00 CEST = 15:00Z; Monday 26 Oct 09:00 CET = 08:00Z.
    [
      'Berlin Friday 17:00 CEST: closed until Monday 09:00 CET',
      berlin,
      '2026-10-23T15:00:00Z',
      false,
      '2026-10-26T08:00:00Z',
    ],
    ['Berlin Monday 09:00 CET', berlin, '2026-10-26T08:00:00Z', true, undefined],
    [
      'Berlin winter Monday 07:30Z is 08:30 CET: still closed',
      berlin,
      '2026-10-26T07:30:00Z',
      false,
      '2026-10-26T08:00:00Z',
    ],
    // New York: Friday 6 March 17:00 EST = 22:00Z; Monday 9 March 09:00 EDT = 13:00Z.
    [
      'New York Friday 17:00 EST, Monday opens at 09:00 EDT',
      newYork,
      '2026-03-06T22:00:00Z',
      false,
      '2026-03-09T13:00:00Z',
    ],
    ['New York Monday 09:00 EDT', newYork, '2026-03-09T13:00:00Z', true, undefined],
    // Friday 30 October 17:00 EDT = 21:00Z; Monday 2 November 09:00 EST = 14:00Z.
    [
      'New York Friday 17:00 EDT, Monday opens at 09:00 EST',
      newYork,
      '2026-10-30T21:00:00Z',
      false,
      '2026-11-02T14:00:00Z',
    ],
    ['New York Monday 13:30Z is 08:30 EST', newYork, '2026-11-02T13:30:00Z', false, '2026-11-02T14:00:00Z'],
    // Crossing midnight: Friday 22:00 → Saturday 06:00 Berlin (CET, +1).
    ['freeze crossing midnight: Friday 21:59 CET', nightFreeze, '2026-03-27T20:59:00Z', true, undefined],
    [
      'freeze crossing midnight: Friday 22:00 CET',
      nightFreeze,
      '2026-03-27T21:00:00Z',
      false,
      '2026-03-28T05:00:00Z',
    ],
    [
      'freeze crossing midnight: Saturday 04:00 CET (the morning after)',
      nightFreeze,
      '2026-03-28T03:00:00Z',
      false,
      '2026-03-28T05:00:00Z',
    ],
    ['freeze crossing midnight: Saturday 06:00 CET', nightFreeze, '2026-03-28T05:00:00Z', true, undefined],
    [
      'freeze crossing midnight: Thursday 23:00 CET is not a Friday night',
      nightFreeze,
      '2026-03-26T22:00:00Z',
      true,
      undefined,
    ],
    // The skipped 02:30: the window opens when the clock jumps to 03:00 CEST (01:00Z).
    ['spring gap: Sunday 01:00 CET', springGap, '2026-03-29T00:00:00Z', false, '2026-03-29T01:00:00Z'],
    ['spring gap: Sunday 03:00 CEST is past 02:30', springGap, '2026-03-29T01:00:00Z', true, undefined],
    // The repeated 02:30: first 02:30 CEST = 00:30Z, again 02:30 CET = 01:30Z.
    ['autumn repeat: Sunday 02:00 CEST', autumnTwice, '2026-10-25T00:00:00Z', false, '2026-10-25T00:30:00Z'],
    ['autumn repeat: first 02:40 (CEST)', autumnTwice, '2026-10-25T00:40:00Z', true, undefined],
    [
      'autumn repeat: 02:50 CEST, then 02:30 again in CET',
      autumnTwice,
      '2026-10-25T00:50:00Z',
      false,
      '2026-10-25T01:30:00Z',
    ],
    ['autumn repeat: second 02:40 (CET)', autumnTwice, '2026-10-25T01:40:00Z', true, undefined],
    // Deny wins: Thursday 24 December 11:00 CET is inside office hours and inside the freeze.
    ['dated deny over weekly allow', christmas, '2026-12-24T10:00:00Z', false, '2026-12-28T08:00:00Z'],
    ['the day before the freeze', christmas, '2026-12-23T10:00:00Z', true, undefined],
    ['dated allow: before', dated, '2026-05-01T09:59:00Z', false, '2026-05-01T10:00:00Z'],
    ['dated allow: inside', dated, '2026-05-01T11:59:00Z', true, undefined],
    ['dated allow: after, never again', dated, '2026-05-01T12:00:00Z', false, undefined],
    ['no windows: always open', anyTime, '2026-05-02T03:00:00Z', true, undefined],
  ])('%s', (_name, deploy, at, open, next) => {
    const verdict = windowVerdict(deploy, new Date(at));
    expect(verdict.open).toBe(open);
    expect(verdict.next?.toISOString()).toBe(next === undefined ? undefined : new Date(next).toISOString());
  });

  it('names the window that decided', () => {
    expect(windowVerdict(christmas, new Date('2026-12-24T10:00:00Z')).reason).toBe(
      'inside the deny window 2026-12-24T00:00–2026-12-27T00:00 (Europe/Berlin): holiday freeze',
    );
    expect(windowVerdict(berlin, new Date('2026-03-28T10:00:00Z')).reason).toBe(
      'outside every allow window (mon,tue,wed,thu,fri 09:00–17:00; Europe/Berlin)',
    );
    expect(windowVerdict(berlin, new Date('2026-03-27T10:00:00Z')).reason).toBe(
      'inside the allow window mon,tue,wed,thu,fri 09:00–17:00 (Europe/Berlin)',
    );
    expect(windowVerdict(anyTime, new Date('2026-03-27T10:00:00Z')).reason).toBe(
      'no deploy window restricts this time',
    );
  });

  it('a window without days opens every day; 24:00 ends at midnight', () => {
    const daily = policy('UTC', [{ from: '20:00', to: '24:00' }]);
    // 2 May 2026 is a Saturday.
    expect(windowVerdict(daily, new Date('2026-05-02T23:59:00Z')).open).toBe(true);
    expect(windowVerdict(daily, new Date('2026-05-03T00:00:00Z')).next?.toISOString()).toBe(
      '2026-05-03T20:00:00.000Z',
    );
  });

  it.each<[string, DeployPolicy, RegExp]>([
    [
      'unknown zone',
      policy('Mars/Olympus_Mons', []),
      /^deploy\.timeZone: "Mars\/Olympus_Mons" is not an IANA time zone/,
    ],
    [
      'hour 25',
      policy('UTC', [{ days: ['mon'], from: '25:00', to: '26:00' }]),
      /^deploy\.allow\[0\]\.from: "25:00" is not a time; write HH:MM/,
    ],
    [
      '24:00 as a start',
      policy('UTC', [{ days: ['mon'], from: '24:00', to: '01:00' }]),
      /^deploy\.allow\[0\]\.from/,
    ],
    [
      'unknown day',
      policy('UTC', [], [{ days: ['funday' as never], from: '09:00', to: '10:00' }]),
      /^deploy\.deny\[0\]\.days\[0\]: "funday" is not a day/,
    ],
    [
      'empty days',
      policy('UTC', [{ days: [], from: '09:00', to: '10:00' }]),
      /^deploy\.allow\[0\]\.days is empty/,
    ],
    [
      'dated end before start',
      policy('UTC', [], [{ from: '2026-12-27T00:00', to: '2026-12-24T00:00' }]),
      /^deploy\.deny\[0\]: a dated window must end after it starts/,
    ],
    [
      '31 February',
      policy('UTC', [{ from: '2026-02-31T00:00', to: '2026-03-02T00:00' }]),
      /^deploy\.allow\[0\]\.from: "2026-02-31T00:00" is not a local date-time/,
    ],
    [
      'date-time with days',
      policy('UTC', [{ days: ['mon'], from: '2026-05-04T09:00', to: '10:00' }]),
      /^deploy\.allow\[0\]\.from: .* is a date-time in a weekly window/,
    ],
  ])('%s is a ConfigurationError naming the field', (_name, deploy, message) => {
    const attempt = () => windowVerdict(deploy, new Date('2026-05-04T10:00:00Z'));
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(message);
  });

  it('formats instants in the zone for messages', () => {
    expect(formatInZone(new Date('2026-03-30T07:00:00Z'), 'Europe/Berlin')).toBe(
      '2026-03-30 09:00 Europe/Berlin',
    );
    expect(formatInZone(new Date('2026-11-02T14:00:00Z'), 'America/New_York')).toBe(
      '2026-11-02 09:00 America/New_York',
    );
  });
});
