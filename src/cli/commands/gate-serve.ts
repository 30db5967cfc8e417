/**
 * `glidepath gate serve`: runs the GitHub App's webhook receiver for custom deployment protection
 * rules (src/gate/server.ts; issue 6 Build 4; reference/github-platform.md §1). Each request is
 * decided by the same pure function as `glidepath gate check` (src/gate/decision.ts) on the same
 * facts (src/gate/facts.ts), read from the policy's GitOps repository when the delivery arrives.
 * Deployment notes (container, serverless handler): docs/gate.md.
 */
import type { DesiredPolicy, Policy } from '../../config/types.js';
import { ExitCode, UsageError } from '../../errors.js';
import { readAppCredentials } from '../../gate/app-auth.js';
import { decideGate } from '../../gate/decision.js';
import { payloadOf } from '../../github/deployments.js';
import { startGateServer, type GateDecide, type GateLog } from '../../gate/server.js';
import type { CliIo, Command } from '../command.js';
import { readGateFacts } from './gate-check.js';
import { GITOPS_OPTIONS, gitopsPolicy } from './gitops-options.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export const gateServeCommand: Omit<Command, 'summary'> = {
  name: 'serve',
  description: [
    "Receives the GitHub App's deployment_protection_rule webhooks and approves or rejects each waiting",
    'job with the decision of `glidepath gate check`: a quarantined digest, a closed deploy window or',
    'freeze, a spent error budget, or an unacknowledged reverted rollout rejects. Deliveries are checked',
    'for size (1 MiB), signature (X-Hub-Signature-256) and replay (X-GitHub-Delivery) and answered at',
    'once; the review is posted as the App to deployment_callback_url, with status reports while it waits.',
    'In an incident, an entry committed to overrides.yaml next to the quarantine list (environment, kind,',
    'reason, until) overrides windows and freezes, never the quarantine list.',
    '',
    'Environment: GLIDEPATH_APP_ID, GLIDEPATH_APP_PRIVATE_KEY (PEM) or GLIDEPATH_APP_PRIVATE_KEY_FILE,',
    'GLIDEPATH_WEBHOOK_SECRET; GITHUB_API_URL on GitHub Enterprise Server. The GitOps repository is read',
    'with GLIDEPATH_TOKEN or GITHUB_TOKEN, as by the other commands. The digest checked against the',
    "quarantine list is the deployment payload's `digest`, when the workflow sets one (an Actions-created",
    'deployment carries none; `glidepath desire` refuses a quarantined digest in any case).',
    '',
    'Runs until SIGINT or SIGTERM, then finishes the reviews in flight. Exit status: 0 after a clean stop,',
    '2 bad usage, policy or App credentials. See docs/gate.md for running it in a container or as a function.',
  ].join('\n'),
  options: [
    {
      name: 'policy',
      type: 'string',
      placeholder: 'FILE',
      required: true,
      description: 'policy file with a desired section (deploy windows, quarantine list, SLO)',
    },
    // Where the quarantine list and rollout history are read from, as `gate check` takes them.
    ...GITOPS_OPTIONS.filter((option) => option.name === 'repo' || option.name === 'backend'),
    { name: 'port', type: 'string', placeholder: 'N', description: 'TCP port to listen on (default 8080)' },
    {
      name: 'host',
      type: 'string',
      placeholder: 'ADDRESS',
      description: 'address to listen on (default 127.0.0.1; 0.0.0.0 in a container)',
    },
  ],
  examples: [
    'glidepath gate serve --policy glidepath.yaml',
    'glidepath gate serve --policy /etc/glidepath/glidepath.yaml --host 0.0.0.0 --port 8080',
    'glidepath gate serve --policy glidepath.yaml --repo acme/gitops',
  ],
  async run(values, io) {
    const port = portOf(values.port as string | undefined);
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    const credentials = await readAppCredentials(io.env ?? {});
    const log = stderrLog(io);
    const server = await startGateServer(
      credentials,
      { decide: policyDecider(policy, desired, io, checkout), log },
      { port, host },
    );
    log.info(
      `listening on ${server.url} for deployment_protection_rule deliveries (App ${credentials.appId})`,
    );
    await stopSignal();
    log.info('stopping: finishing the reviews in flight');
    await server.close();
    const stats = server.stats();
    log.info(
      `stopped: ${stats.accepted} accepted (${stats.approved} approved, ${stats.rejected} rejected, ` +
        `${stats.failed} failed), ${stats.duplicates} duplicates, ${stats.refused} refused`,
    );
    return ExitCode.ok;
  },
};

/**
 * The decision for one request: the policy's facts read now (a fresh GitOps read per delivery, so a
 * quarantine commit takes effect for the next job), then G1's pure decideGate.
 */
export function policyDecider(
  policy: Policy,
  desired: DesiredPolicy,
  io: CliIo,
  checkout?: string,
): GateDecide {
  return async (request) => {
    if (policy.environment && policy.environment !== request.environment) {
      return {
        state: 'rejected',
        comment:
          `**Glidepath gate: rejected** \`${request.environment}\`: this gate's policy (${policy.source ?? 'policy'}) ` +
          `is for \`${policy.environment}\`. Disable the rule on \`${request.environment}\`, or run a gate with its policy.`,
      };
    }
    const digest = digestOf(request.deployment?.payload);
    const facts = await readGateFacts(policy, desired, io, checkout, {
      at: io.now(),
      environment: request.environment,
      ...(digest ? { digest } : {}),
    });
    return decideGate(policy.deploy, facts);
  };
}

/** The deployment payload's `digest` (an object, or the JSON string GitHub may keep it as). */
function digestOf(payload: unknown): string | undefined {
  const digest = payloadOf(payload)?.digest;
  return typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined;
}

function portOf(text: string | undefined): number {
  if (text === undefined) return 8080;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new UsageError(`--port must be a TCP port from 1 to 65535; got "${text}"`);
  }
  return port;
}

function stderrLog(io: CliIo): GateLog {
  const line = (level: string) => (message: string) =>
    io.stderr(`${io.now().toISOString()} gate ${level}: ${message}\n`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/** Settles on the first SIGINT or SIGTERM (a container stop). */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
