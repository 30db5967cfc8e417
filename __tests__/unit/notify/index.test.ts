/**
 * Creating a notifier (src/notify/index.ts): the factory knows every kind, and each configuration
 * mistake is a ConfigurationError that names the environment variable and never quotes its value
 * (the value is the credential). Nothing here touches the network: the fetch refuses to be called.
 */
import { describe, expect, it } from '@jest/globals';

import { ConfigurationError } from '../../../src/errors.js';
import { createNotifier, NOTIFY_EVENTS, NOTIFY_KINDS } from '../../../src/notify/index.js';
import type { NotifyDeps, NotifyTarget } from '../../../src/notify/types.js';

const SLACK_URL = 'https://hooks.slack.com/services/T0000/B0000/xoxTokenValue0123456789';

function deps(env: Record<string, string | undefined>): NotifyDeps {
  return {
    fetch: () => Promise.reject(new Error('no request may be sent while creating a notifier')),
    env,
    now: () => new Date('2026-03-02T09:00:00Z'),
    log: () => undefined,
  };
}

const target = (change: Partial<NotifyTarget> = {}): NotifyTarget => ({
  kind: 'slack',
  urlEnv: 'SLACK_WEBHOOK_URL',
  on: [...NOTIFY_EVENTS],
  ...change,
});

describe('createNotifier', () => {
  it.each<[NotifyTarget['kind'], Partial<NotifyTarget>, Record<string, string>]>([
    ['slack', {}, { SLACK_WEBHOOK_URL: SLACK_URL }],
    [
      'teams',
      { urlEnv: 'TEAMS_URL' },
      { TEAMS_URL: 'https://prod-1.westeurope.logic.azure.com/workflows/abc?sig=s1' },
    ],
    [
      'webhook',
      { urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
      { HOOK_URL: 'https://ops.example/hook', HOOK_SECRET: 's3cret' },
    ],
  ])('creates a %s notifier from its variables', (kind, change, env) => {
    expect(createNotifier(target({ kind, ...change }), deps(env)).kind).toBe(kind);
  });

  it('knows exactly the kinds the policy type allows', () => {
    expect(NOTIFY_KINDS).toEqual(['slack', 'teams', 'webhook']);
  });

  it.each<[string, Partial<NotifyTarget>, Record<string, string | undefined>, string]>([
    [
      'a missing URL variable',
      {},
      {},
      'notify slack: environment variable SLACK_WEBHOOK_URL is not set; set it to the Slack incoming webhook URL from a secret (in a workflow: env: SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }})',
    ],
    [
      'an empty URL variable',
      {},
      { SLACK_WEBHOOK_URL: '  ' },
      'notify slack: environment variable SLACK_WEBHOOK_URL is not set; set it to the Slack incoming webhook URL from a secret (in a workflow: env: SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }})',
    ],
    [
      'no urlEnv at all',
      { urlEnv: '' },
      {},
      'notify slack: urlEnv is required; name the environment variable holding the Slack incoming webhook URL',
    ],
    [
      'a value that is not a URL',
      {},
      { SLACK_WEBHOOK_URL: 'xoxb-not-a-url-0123456789' },
      'notify slack: environment variable SLACK_WEBHOOK_URL does not hold a URL; set it to the Slack incoming webhook URL',
    ],
    [
      'plain http to a real host',
      {},
      { SLACK_WEBHOOK_URL: SLACK_URL.replace('https:', 'http:') },
      'notify slack: the URL in SLACK_WEBHOOK_URL must be https (http: would send its token in clear); set it to the Slack incoming webhook URL',
    ],
    [
      'credentials in the URL',
      { kind: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
      { HOOK_URL: 'https://ops:pa55word-0123456789@ops.example/hook', HOOK_SECRET: 's3cret' },
      'notify webhook: the URL in HOOK_URL must not contain user:password@; fetch refuses such URLs',
    ],
    [
      'a webhook without secretEnv',
      { kind: 'webhook', urlEnv: 'HOOK_URL' },
      { HOOK_URL: 'https://ops.example/hook' },
      'notify webhook: secretEnv is required; name the environment variable holding the HMAC-SHA256 signing secret the receiver verifies X-Glidepath-Signature-256 with',
    ],
    [
      'a webhook whose secret variable is unset',
      { kind: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
      { HOOK_URL: 'https://ops.example/hook' },
      'notify webhook: environment variable HOOK_SECRET is not set; set it to the signing secret from a secret (in a workflow: env: HOOK_SECRET: ${{ secrets.HOOK_SECRET }})',
    ],
    [
      'an unknown kind',
      { kind: 'pagerduty' as NotifyTarget['kind'] },
      { SLACK_WEBHOOK_URL: SLACK_URL },
      'notify: unknown kind "pagerduty"; use one of: slack, teams, webhook',
    ],
  ])('refuses %s, naming the variable and not its value', (_name, change, env, message) => {
    let error: unknown;
    try {
      createNotifier(target(change), deps(env));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(message);
    for (const value of Object.values(env)) {
      if (value?.trim()) expect((error as Error).message).not.toContain(value);
    }
  });

  it.each(['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]:9/hook'])(
    'allows plain http to loopback (%s), where tests and sidecars listen',
    (url) => {
      expect(createNotifier(target(), deps({ SLACK_WEBHOOK_URL: url })).kind).toBe('slack');
    },
  );
});
