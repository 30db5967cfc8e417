/**
 * The webhook payloads tests deliver (__tests__/support/webhook-payloads.ts) are ones GitHub could
 * send: each is validated against GitHub's published webhook schema (`@octokit/openapi-webhooks`,
 * __tests__/support/webhook-schema.ts), before and after the rewrites a scenario applies, and the
 * validator is shown to catch what GitHub would never send.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  protectionRulePayload,
  protectionRuleStart,
  webhookExample,
  webhookPayload,
  type StepEventName,
} from '../../support/webhook-payloads.js';
import {
  KNOWN_SCHEMA_GAPS,
  webhookKey,
  webhookSchemaErrors,
  webhookSchemaSource,
} from '../../support/webhook-schema.js';

const REPOSITORY = 'acme/checkout';
const CAPTURE = new URL(
  '../../fixtures/github/webhooks/deployment_protection_rule.requested.json',
  import.meta.url,
);
const capture = () => JSON.parse(readFileSync(CAPTURE, 'utf8')) as Record<string, unknown>;

const rewrites: readonly [StepEventName, Parameters<typeof webhookPayload>[1]][] = [
  ['workflow_run', { repository: REPOSITORY }],
  ['workflow_run', { repository: REPOSITORY, branch: 'feature/x', conclusion: 'failure' }],
  ['workflow_run', { repository: REPOSITORY, headRepository: 'mallory/checkout' }],
  [
    'workflow_dispatch',
    {
      repository: REPOSITORY,
      inputs: { command: 'step', artifact: 'ghcr.io/acme/checkout@sha256:' + 'a'.repeat(64) },
    },
  ],
  ['deployment_status', { repository: REPOSITORY }],
  [
    'deployment_status',
    {
      repository: REPOSITORY,
      deployment: {
        id: 4242,
        sha: 'b'.repeat(40),
        payload: { rollout: 'r-1', digest: 'sha256:' + 'c'.repeat(64) },
      },
    },
  ],
];

describe(`payloads match GitHub's webhook schema (${webhookSchemaSource()})`, () => {
  it.each(['workflow_run', 'workflow_dispatch', 'deployment_status'] as const)(
    "@octokit/webhooks-examples' %s example as shipped",
    (event) => {
      expect(webhookSchemaErrors(event, webhookExample(event))).toEqual([]);
    },
  );

  it.each(rewrites)('%s rewritten for a scenario: %j', (event, rewrite) => {
    expect(webhookSchemaErrors(event, webhookPayload(event, rewrite))).toEqual([]);
  });

  it('the captured deployment_protection_rule delivery as GitHub sent it (only the known gaps forgiven)', () => {
    expect(webhookSchemaErrors('deployment_protection_rule', capture())).toEqual([]);
  });

  it("the delivery assembled from @octokit/webhooks-examples' deployment example, before any rewrite", () => {
    expect(webhookSchemaErrors('deployment_protection_rule', protectionRuleStart('examples'))).toEqual([]);
  });

  it.each(['capture', 'examples'] as const)(
    'the %s delivery rewritten for the fake keeps no trace of where it came from',
    (source) => {
      const start = protectionRuleStart(source);
      const payload = protectionRulePayload(
        { repository: REPOSITORY, apiUrl: 'http://127.0.0.1:40123', runId: 5, installationId: 77 },
        source,
      );
      expect(webhookSchemaErrors('deployment_protection_rule', payload)).toEqual([]);
      const text = JSON.stringify(payload);
      expect(text).not.toContain((start.repository as { full_name: string }).full_name);
      expect(text).not.toContain('https://api.github.com');
      expect(Object.keys(payload).sort()).toEqual(Object.keys(start).sort());
    },
  );

  it('the captured delivery rewritten for the fake: repository, API root, run, installation, environment, digest', () => {
    const apiUrl = 'http://127.0.0.1:40123';
    const payload = protectionRulePayload({
      repository: REPOSITORY,
      apiUrl,
      runId: 987,
      installationId: 77,
      environment: 'production',
      deploymentPayload: { digest: 'sha256:' + 'd'.repeat(64) },
    });
    expect(webhookSchemaErrors('deployment_protection_rule', payload)).toEqual([]);
    expect(payload).toMatchObject({
      action: 'requested',
      environment: 'production',
      event: 'push',
      deployment_callback_url: `${apiUrl}/repos/acme/checkout/actions/runs/987/deployment_protection_rule`,
      installation: { id: 77 },
      repository: { full_name: 'acme/checkout', name: 'checkout', owner: { login: 'acme' } },
      deployment: {
        environment: 'production',
        original_environment: 'production',
        payload: { digest: 'sha256:' + 'd'.repeat(64) },
        url: expect.stringMatching(new RegExp(`^${apiUrl}/repos/acme/checkout/deployments/\\d+$`)),
      },
    });
    const text = JSON.stringify(payload);
    expect(text).not.toContain('product-os/deploynaut');
    expect(text).not.toContain('https://api.github.com');
  });
});

describe('the schema check catches what GitHub would never send', () => {
  it('a delivery without the required repository', () => {
    const payload = capture();
    delete payload.repository;
    expect(webhookSchemaErrors('deployment_protection_rule', payload)).toContainEqual(
      expect.stringContaining("must have required property 'repository'"),
    );
  });

  it('a deployment id sent as a string', () => {
    const payload = capture() as { deployment: { id: unknown } };
    payload.deployment.id = '2018818995';
    expect(webhookSchemaErrors('deployment_protection_rule', payload)).toContainEqual(
      expect.stringMatching(/^\/deployment\/id: must be integer/),
    );
  });

  it('an action the event does not have', () => {
    expect(() =>
      webhookSchemaErrors('deployment_protection_rule', { ...capture(), action: 'approved' }),
    ).toThrow('no schema for the deployment-protection-rule-approved webhook');
  });

  it('a workflow_run whose conclusion is not one of GitHub’s', () => {
    const payload = webhookPayload('workflow_run', { repository: REPOSITORY, conclusion: 'passed' });
    expect(webhookSchemaErrors('workflow_run', payload)).toContainEqual(
      expect.stringContaining('/workflow_run/conclusion'),
    );
  });

  it('the known gap forgives only the counters GitHub leaves out, not a pull request without its number', () => {
    const payload = capture() as { pull_requests: Record<string, unknown>[] };
    delete payload.pull_requests[0]!.number;
    expect(webhookSchemaErrors('deployment_protection_rule', payload)).toEqual([
      expect.stringContaining("/pull_requests/0: must have required property 'number'"),
    ]);
    expect(KNOWN_SCHEMA_GAPS.map((gap) => gap.webhook)).toEqual(['deployment-protection-rule-requested']);
  });

  it('names webhooks as the description does', () => {
    expect(webhookKey('deployment_status', 'created')).toBe('deployment-status-created');
    expect(webhookKey('workflow_dispatch')).toBe('workflow-dispatch');
  });
});
