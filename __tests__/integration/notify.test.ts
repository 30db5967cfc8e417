/**
 * Notifications end to end on loopback (src/notify/): real HTTP servers stand in for Slack, Teams
 * and a webhook receiver. Each receives the JSON its documentation describes; the webhook receiver
 * verifies the signature with `@octokit/webhooks-methods` `verify` over the raw body it read, as a
 * real receiver does. Delivery rules: one retry on 5xx and network failures, with the same delivery
 * id; none on a 4xx; timeouts; `notifyAll` filters by `on`, logs failures instead of throwing, and
 * no URL or secret reaches a log line or an error.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { verify } from '@octokit/webhooks-methods';

import { ConfigurationError, TransientError } from '../../src/errors.js';
import { createNotifier, NOTIFY_RETRY_DELAY_MS, notifyAll } from '../../src/notify/index.js';
import { slackMessage } from '../../src/notify/slack.js';
import { teamsMessage } from '../../src/notify/teams.js';
import type { NotifyDeps, NotifyEvent, NotifyTarget, RolloutNotice } from '../../src/notify/types.js';
import { webhookPayload } from '../../src/notify/webhook.js';
import { VERSION } from '../../src/version.js';
import { closeServers, failure, serve, type Answer, type TestServer } from '../support/http-server.js';

afterEach(closeServers);

/** Path tokens as Slack and Teams Workflows put them in their URLs: the credential. */
const SLACK_TOKEN = 'xoxSlackPathToken0123456789';
const TEAMS_SIG = 'teamsWorkflowSig-abcdefghijklmnopqrstuvwxyz0123';
const SECRET = 'whsec-loopback-9f8e7d6c5b4a';

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

const OK: Answer = { status: 200, body: 'ok', contentType: 'text/plain' };

/** Deps over `env`, collecting log lines and the retry waits requested (none actually waited). */
function harness(env: Record<string, string | undefined>, timeoutMs?: number) {
  const lines: string[] = [];
  const sleeps: number[] = [];
  const deps: NotifyDeps = {
    fetch: (input, init) => fetch(input, init),
    env,
    now: () => new Date('2026-03-02T09:30:00Z'),
    log: (line) => lines.push(line),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  return { deps, lines, sleeps };
}

const slackPath = `/services/T0000/B0000/${SLACK_TOKEN}`;
const teamsPath = `/workflows/0f1e/triggers/manual/paths/invoke?api-version=1&sig=${TEAMS_SIG}`;

/** The answers in order, then the last one again. */
function inTurn(...answers: Answer[]): () => Answer {
  let next = 0;
  return () => answers[Math.min(next++, answers.length - 1)] ?? OK;
}

/** Every secret a line must never carry. */
function expectNoSecrets(text: string, server?: TestServer): void {
  for (const secret of [
    SLACK_TOKEN,
    TEAMS_SIG,
    SECRET,
    slackPath,
    ...(server ? [server.address + slackPath] : []),
  ]) {
    expect(text).not.toContain(secret);
  }
}

describe('each destination receives its documented JSON', () => {
  it('Slack: POST of a text fallback and Block Kit blocks to the webhook path', async () => {
    const slack = await serve(() => OK);
    const { deps, lines } = harness({ SLACK_WEBHOOK_URL: slack.address + slackPath });
    await createNotifier({ kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: ['promoted'] }, deps).send(notice);

    expect(slack.requests).toHaveLength(1);
    const [request] = slack.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(slackPath);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe(`Glidepath/${VERSION}`);
    const body = JSON.parse(request?.body ?? '') as { text: string; blocks: { type: string }[] };
    expect(body).toEqual(slackMessage(notice));
    expect(body.text).toBe('checkout: promoted to 100% in production: all guardrails passed at every step');
    expect(body.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    expect(lines).toEqual(['notify slack (SLACK_WEBHOOK_URL): sent "promoted" for rollout r-7f3a (0 ms)']);
  });

  it('Teams: POST of a message with one Adaptive Card attachment, accepted with 202', async () => {
    // A Workflows webhook answers 202 Accepted.
    const teams = await serve(() => ({ status: 202, body: '' }));
    const { deps } = harness({ TEAMS_WEBHOOK_URL: teams.address + teamsPath });
    await createNotifier({ kind: 'teams', urlEnv: 'TEAMS_WEBHOOK_URL', on: ['promoted'] }, deps).send(notice);

    expect(teams.requests).toHaveLength(1);
    const [request] = teams.requests;
    expect(request?.url).toBe(teamsPath);
    const body = JSON.parse(request?.body ?? '') as {
      type: string;
      attachments: { contentType: string; content: { type: string } }[];
    };
    expect(body).toEqual(teamsMessage(notice));
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]?.content.type).toBe('AdaptiveCard');
  });

  it('webhook: POST of the notice, signed so @octokit/webhooks-methods verify accepts it', async () => {
    const receiver = await serve(() => ({ status: 204, body: '' }));
    const { deps } = harness({ HOOK_URL: `${receiver.address}/glidepath`, HOOK_SECRET: SECRET });
    const target: NotifyTarget = {
      kind: 'webhook',
      urlEnv: 'HOOK_URL',
      secretEnv: 'HOOK_SECRET',
      on: ['promoted'],
    };
    await createNotifier(target, deps).send(notice);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.url).toBe('/glidepath');
    expect(request?.headers['x-glidepath-event']).toBe('promoted');
    expect(request?.headers['x-glidepath-delivery']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const signature = String(request?.headers['x-glidepath-signature-256']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verify(SECRET, request?.body ?? '', signature)).toBe(true);
    expect(await verify('another-secret', request?.body ?? '', signature)).toBe(false);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      event: 'promoted',
      service: 'checkout',
      environment: 'production',
      rollout: 'r-7f3a',
      digest: `sha256:${'ab'.repeat(32)}`,
      step: { index: 4, of: 4, weight: 100 },
      reason: 'all guardrails passed at every step',
      commit: '0123456789abcdef0123456789abcdef01234567',
      runUrl: 'https://github.com/acme/checkout/actions/runs/42',
      at: '2026-03-02T09:30:00.000Z',
    });
    expect(JSON.parse(request?.body ?? '')).toEqual(webhookPayload(notice));
  });
});

describe('delivery', () => {
  const hookTarget: NotifyTarget = {
    kind: 'webhook',
    urlEnv: 'HOOK_URL',
    secretEnv: 'HOOK_SECRET',
    on: ['promoted'],
  };

  it('retries a 503 once, after 1 s, with the same delivery id and the same signed body', async () => {
    const receiver = await serve(inTurn({ status: 503, body: 'busy' }, { status: 200, body: '' }));
    const { deps, lines, sleeps } = harness({ HOOK_URL: `${receiver.address}/h`, HOOK_SECRET: SECRET });
    await createNotifier(hookTarget, deps).send(notice);

    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests;
    expect(second?.headers['x-glidepath-delivery']).toBe(first?.headers['x-glidepath-delivery']);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-glidepath-signature-256']).toBe(first?.headers['x-glidepath-signature-256']);
    expect(sleeps).toEqual([NOTIFY_RETRY_DELAY_MS]);
    expect(NOTIFY_RETRY_DELAY_MS).toBe(1000);
    expect(lines[0]).toBe(
      'notify webhook (HOOK_URL): POST "promoted" for rollout r-7f3a failed with HTTP 503: body "busy"; retrying once in 1000 ms',
    );
  });

  it('gives up after the retry with a TransientError', async () => {
    const slack = await serve(() => ({ status: 500, body: 'internal_error', contentType: 'text/plain' }));
    const { deps } = harness({ SLACK_WEBHOOK_URL: slack.address + slackPath });
    const error = await failure(
      createNotifier({ kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: [] }, deps).send(notice),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe(
      'notify slack (SLACK_WEBHOOK_URL): POST "promoted" for rollout r-7f3a failed with HTTP 500: body "internal_error"',
    );
    expect(slack.requests).toHaveLength(2);
  });

  it.each<[number, string, string]>([
    [
      404,
      'no_service',
      'the URL in SLACK_WEBHOOK_URL no longer exists; create a new Slack incoming webhook and update the secret',
    ],
    [
      403,
      'invalid_token',
      'the URL in SLACK_WEBHOOK_URL was revoked or is wrong; create a new Slack incoming webhook and update the secret',
    ],
    [400, 'invalid_payload', 'the Slack incoming webhook refused the message; see its answer above'],
    [302, 'moved', 'redirects are not followed; put the final URL in SLACK_WEBHOOK_URL'],
  ])('does not retry HTTP %i (%s): a ConfigurationError with the fix', async (status, body, fix) => {
    const slack = await serve(() => ({ status, body, contentType: 'text/plain' }));
    const { deps, sleeps } = harness({ SLACK_WEBHOOK_URL: slack.address + slackPath });
    const error = await failure(
      createNotifier({ kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: [] }, deps).send(notice),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      `notify slack (SLACK_WEBHOOK_URL): POST "promoted" for rollout r-7f3a failed with HTTP ${status}: body ${JSON.stringify(body)}; ${fix}`,
    );
    expect(slack.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a receiver that never answers, twice, then gives up', async () => {
    const receiver = await serve(() => 'hang');
    const { deps } = harness({ HOOK_URL: `${receiver.address}/h`, HOOK_SECRET: SECRET }, 200);
    const error = await failure(createNotifier(hookTarget, deps).send(notice));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe(
      'notify webhook (HOOK_URL): POST "promoted" for rollout r-7f3a timed out after 200 ms; check that the webhook host is reachable from the runner',
    );
    expect(receiver.requests).toHaveLength(2);
  });

  it('retries a refused connection once, then reports it without the URL', async () => {
    const gone = await serve(() => OK);
    await gone.close();
    const { deps, lines } = harness({ SLACK_WEBHOOK_URL: gone.address + slackPath });
    const error = await failure(
      createNotifier({ kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: [] }, deps).send(notice),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(
      /^notify slack \(SLACK_WEBHOOK_URL\): POST "promoted" for rollout r-7f3a failed: .*ECONNREFUSED.*; check that the Slack incoming webhook host is reachable from the runner$/,
    );
    expect(lines).toHaveLength(1);
    expectNoSecrets(error.message + lines.join('\n'), gone);
  });

  it('masks the URL and its token when a server echoes them back', async () => {
    // A proxy error page quoting the request line, and an API quoting just the token.
    const teams = await serve((request) => ({
      status: 400,
      body: `bad request POST ${request.url} (sig ${TEAMS_SIG})`,
      contentType: 'text/plain',
    }));
    const { deps } = harness({ TEAMS_WEBHOOK_URL: teams.address + teamsPath });
    const error = await failure(
      createNotifier({ kind: 'teams', urlEnv: 'TEAMS_WEBHOOK_URL', on: [] }, deps).send(notice),
    );
    expect(error.message).toBe(
      'notify teams (TEAMS_WEBHOOK_URL): POST "promoted" for rollout r-7f3a failed with HTTP 400: ' +
        'body "bad request POST *** (sig ***)"; the Teams webhook refused the message; see its answer above',
    );
  });
});

describe('notifyAll', () => {
  /** Slack hears the outcome, Teams only the start, the webhook (no `on` narrowing) everything. */
  async function destinations() {
    const slack = await serve(() => OK);
    const teams = await serve(() => ({ status: 202, body: '' }));
    const hook = await serve(() => ({ status: 200, body: '' }));
    const targets: NotifyTarget[] = [
      { kind: 'slack', urlEnv: 'SLACK_WEBHOOK_URL', on: ['promoted', 'reverted'] },
      { kind: 'teams', urlEnv: 'TEAMS_WEBHOOK_URL', on: ['start'] },
      {
        kind: 'webhook',
        urlEnv: 'HOOK_URL',
        secretEnv: 'HOOK_SECRET',
        on: ['start', 'step', 'promoted', 'reverted'],
      },
    ];
    const env = {
      SLACK_WEBHOOK_URL: slack.address + slackPath,
      TEAMS_WEBHOOK_URL: teams.address + teamsPath,
      HOOK_URL: `${hook.address}/h`,
      HOOK_SECRET: SECRET,
    };
    return { slack, teams, hook, targets, env };
  }

  it.each<[NotifyEvent, number, number, number]>([
    ['start', 0, 1, 1],
    ['step', 0, 0, 1],
    ['promoted', 1, 0, 1],
    ['reverted', 1, 0, 1],
  ])('sends "%s" to slack %i, teams %i, webhook %i time(s)', async (event, toSlack, toTeams, toHook) => {
    const { slack, teams, hook, targets, env } = await destinations();
    const { deps, lines } = harness(env);
    await notifyAll(targets, { ...notice, event }, deps);
    expect([slack.requests.length, teams.requests.length, hook.requests.length]).toEqual([
      toSlack,
      toTeams,
      toHook,
    ]);
    expect(lines).toHaveLength(toSlack + toTeams + toHook);
    expect(hook.requests[0]?.headers['x-glidepath-event']).toBe(event);
  });

  it('logs each failure, delivers to the others, and never throws or leaks a secret', async () => {
    const { hook, targets, env } = await destinations();
    const teams = await serve((request) => ({ status: 500, body: `upstream failed for ${request.url}` }));
    const { deps, lines } = harness({
      ...env,
      SLACK_WEBHOOK_URL: undefined,
      TEAMS_WEBHOOK_URL: teams.address + teamsPath,
    });
    const everyone = targets.map((target) => ({ ...target, on: ['reverted' as const] }));

    await expect(notifyAll(everyone, { ...notice, event: 'reverted' }, deps)).resolves.toBeUndefined();

    expect(hook.requests).toHaveLength(1);
    expect(teams.requests).toHaveLength(2);
    expect(lines).toContain(
      'notify slack: environment variable SLACK_WEBHOOK_URL is not set; set it to the Slack incoming webhook URL ' +
        'from a secret (in a workflow: env: SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}) ' +
        '(not sent; the rollout continues)',
    );
    expect(lines).toContain(
      'notify teams (TEAMS_WEBHOOK_URL): POST "reverted" for rollout r-7f3a failed with HTTP 500: ' +
        'body "upstream failed for ***" (not sent; the rollout continues)',
    );
    expect(lines).toContain('notify webhook (HOOK_URL): sent "reverted" for rollout r-7f3a (0 ms)');
    expectNoSecrets(lines.join('\n'));
    expect(lines.join('\n')).not.toContain(teams.address + teamsPath);
  });

  it('sends nothing when no target listens for the event', async () => {
    const { slack, teams, hook, targets, env } = await destinations();
    const { deps, lines } = harness(env);
    await notifyAll(targets.slice(0, 2), { ...notice, event: 'step' }, deps);
    expect([slack.requests.length, teams.requests.length, hook.requests.length]).toEqual([0, 0, 0]);
    expect(lines).toEqual([]);
  });
});
