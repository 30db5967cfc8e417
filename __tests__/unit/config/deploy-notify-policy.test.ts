/** The `deploy:` and `notify:` policy sections: defaults, and problems named at their line. */
import { describe, expect, it } from '@jest/globals';

import { parsePolicy } from '../../../src/config/load-policy.js';

describe('deploy:', () => {
  it('defaults: UTC, no windows, the budget freeze on, both overrides allowed', () => {
    expect(parsePolicy('deploy: {}\n', 'glidepath.yaml').deploy).toEqual({
      timeZone: 'UTC',
      allow: [],
      deny: [],
      freezeOnBudget: true,
      overrides: ['p0', 'security'],
    });
    expect(parsePolicy('service: x\n', 'glidepath.yaml').deploy).toBeUndefined();
  });

  it('keeps weekly and dated windows as written', () => {
    const { deploy } = parsePolicy(
      `deploy:
  timeZone: Europe/Berlin
  allow: [{ days: [mon, tue, wed, thu], from: "09:00", to: "16:00" }]
  deny: [{ from: 2026-12-21T00:00, to: 2027-01-04T00:00, reason: year-end freeze }]
  overrides: [p0]
`,
      'glidepath.yaml',
    );
    expect(deploy).toMatchObject({
      timeZone: 'Europe/Berlin',
      allow: [{ days: ['mon', 'tue', 'wed', 'thu'], from: '09:00', to: '16:00' }],
      deny: [{ from: '2026-12-21T00:00', to: '2027-01-04T00:00', reason: 'year-end freeze' }],
      overrides: ['p0'],
    });
  });

  it.each([
    [
      'an unknown time zone',
      'deploy: { timeZone: Mars/Olympus }',
      /2:\d+: deploy\.timeZone: "Mars\/Olympus" is not an IANA time zone/,
    ],
    [
      'a weekly window without days',
      'deploy: { allow: [{ from: "09:00", to: "17:00" }] }',
      /deploy\.allow\[0\]: a weekly window \(HH:MM\) needs days/,
    ],
    [
      'a dated window with days',
      'deploy: { deny: [{ days: [mon], from: 2026-12-21T00:00, to: 2026-12-22T00:00 }] }',
      /deploy\.deny\[0\]\.days: a dated window/,
    ],
    [
      'a dated window ending before it starts',
      'deploy: { deny: [{ from: 2026-12-22T00:00, to: 2026-12-21T00:00 }] }',
      /deploy\.deny\[0\]\.to: 2026-12-21T00:00 is not after 2026-12-22T00:00/,
    ],
    [
      'mixed forms',
      'deploy: { deny: [{ from: "09:00", to: 2026-12-21T00:00 }] }',
      /both be times \(HH:MM\) or both date-times/,
    ],
    [
      'a time that is not one',
      'deploy: { allow: [{ days: [mon], from: "9am", to: "17:00" }] }',
      /deploy\.allow\[0\]\.from: .*is not a time; write HH:MM/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parsePolicy(`service: x\n${text}\n`, 'glidepath.yaml')).toThrow(message);
  });
});

describe('notify:', () => {
  it('defaults each destination to every event', () => {
    expect(
      parsePolicy(
        'notify:\n  - { kind: slack, urlEnv: SLACK_URL }\n  - { kind: webhook, urlEnv: HOOK, secretEnv: HOOK_SECRET, on: [reverted] }\n',
        'glidepath.yaml',
      ).notify,
    ).toEqual([
      { kind: 'slack', urlEnv: 'SLACK_URL', on: ['start', 'step', 'promoted', 'reverted'] },
      { kind: 'webhook', urlEnv: 'HOOK', secretEnv: 'HOOK_SECRET', on: ['reverted'] },
    ]);
  });

  it.each([
    [
      'a secret on a Slack webhook',
      'notify: [{ kind: slack, urlEnv: S, secretEnv: K }]',
      /notify\[0\]\.secretEnv: applies only to kind webhook/,
    ],
    [
      'a URL instead of a variable name',
      'notify: [{ kind: teams, urlEnv: "https://example.com/hook" }]',
      /is not an environment variable name/,
    ],
    ['an unknown kind', 'notify: [{ kind: email, urlEnv: S }]', /notify\[0\]\.kind: must be one of/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parsePolicy(`${text}\n`, 'glidepath.yaml')).toThrow(message);
  });
});
