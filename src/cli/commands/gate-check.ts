/**
 * `glidepath gate check`: the deployment gate's decision from a workflow step — the same decision
 * (src/gate/decision.ts) the protection-rule server posts to GitHub, on the same facts
 * (src/gate/facts.ts), so a team can run the gate without hosting the App (issue 6 Build 4 and 5).
 */
import { ConfigurationError, ExitCode, UsageError } from '../../errors.js';
import { Digest, ImageRef } from '../../evidence/image-ref.js';
import type { DesiredPolicy, OverrideKind, Policy } from '../../config/types.js';
import { decideGate, type GateDecision, type GateFacts } from '../../gate/decision.js';
import { gatherFacts, type GatherRequest } from '../../gate/facts.js';
import { realRetryEffects } from '../../gitops/backoff.js';
import type { CliIo, Command, OptionValues } from '../command.js';
import { openMetricProvider, parseTime } from './analyze.js';
import { GITOPS_OPTIONS, gitopsPolicy, openWriter } from './gitops-options.js';

const OVERRIDES: readonly OverrideKind[] = ['p0', 'security'];

export const gateCheckCommand: Omit<Command, 'summary'> = {
  name: 'check',
  description: [
    'Decides whether a deployment may start now, as the deployment protection rule does: a quarantined',
    'digest (in the GitOps repository) rejects; so do a closed deploy window or freeze (deploy.allow,',
    'deploy.deny), a spent SLO error budget (deploy.freezeOnBudget, measured when analysis.slo is set) and',
    'a reverted rollout of the service that no later commit has acknowledged. An acknowledgement is any',
    'newer commit without a Glidepath-Rollout trailer that changes a file the policy manages (a target, the',
    'traffic or flag file, the quarantine list).',
    '',
    'An override the policy allows (deploy.overrides) with a reason approves in spite of windows, freezes',
    'and a failed rollout, never in spite of quarantine; the decision says who overrode and why.',
    '',
    'Exit status: 0 approved, 1 rejected, 2 bad usage or policy, 3 the host kept failing.',
  ].join('\n'),
  options: [
    {
      name: 'artifact',
      type: 'string',
      placeholder: 'REF',
      description: 'the image to deploy, registry/repository@sha256:… or a bare sha256:… digest',
    },
    {
      name: 'environment',
      type: 'string',
      placeholder: 'NAME',
      description: "the deployment environment (default: the policy's environment); must match the policy's",
    },
    {
      name: 'at',
      type: 'string',
      placeholder: 'TIME',
      description: 'decide for this time instead of now: RFC 3339 or unix seconds',
    },
    {
      name: 'override',
      type: 'string',
      placeholder: 'p0|security',
      description: 'an audited override of windows, freezes and failed rollouts (needs --reason)',
    },
    { name: 'reason', type: 'string', placeholder: 'TEXT', description: 'why the override is needed' },
    ...GITOPS_OPTIONS,
  ],
  examples: [
    'glidepath gate check --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:…',
    'glidepath gate check --policy glidepath.yaml --override p0 --reason "INC-123: checkout down" --json',
  ],
  async run(values, io) {
    const request = requestFrom(values);
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    if (request.environment && policy.environment && request.environment !== policy.environment) {
      throw new ConfigurationError(
        `is the policy for environment "${policy.environment}", not "${request.environment}"; pass the policy for ${request.environment}`,
        policy.source,
      );
    }
    const actor = io.env?.GITHUB_ACTOR;
    const override = request.override
      ? { ...request.override, ...(actor ? { by: `@${actor}` } : {}) }
      : undefined;
    const facts = await readGateFacts(policy, desired, io, checkout, {
      at: request.at ?? io.now(),
      ...(request.digest ? { digest: request.digest } : {}),
      ...(request.environment ? { environment: request.environment } : {}),
      ...(override ? { override } : {}),
    });
    const decision = decideGate(policy.deploy, facts);
    io.stdout(
      values.json ? JSON.stringify(decisionJson(decision, facts), null, 2) + '\n' : decisionText(decision),
    );
    return decision.state === 'approved' ? ExitCode.ok : ExitCode.rejected;
  },
};

/**
 * The gate's facts for one question, as `gate check` and `gate serve` ask it: the policy's metric
 * provider when it has an SLO (for the error budget), and a GitOps writer opened for this read only.
 */
export async function readGateFacts(
  policy: Policy,
  desired: DesiredPolicy,
  io: CliIo,
  checkout: string | undefined,
  ask: Omit<GatherRequest, 'policy' | 'writer' | 'provider'>,
): Promise<GateFacts> {
  const provider = policy.analysis?.slo
    ? openMetricProvider(policy.analysis, io.env ?? {}, {
        now: () => io.now(),
        sleep: realRetryEffects.sleep,
      })
    : undefined;
  const writer = await openWriter(desired, io, checkout);
  try {
    return await gatherFacts({ policy, writer, ...ask, ...(provider ? { provider } : {}) });
  } finally {
    await writer.close();
  }
}

/** The flags as a request; bad combinations are UsageErrors. */
function requestFrom(values: OptionValues): {
  digest?: string;
  environment?: string;
  at?: Date;
  override?: { kind: OverrideKind; reason: string };
} {
  const text = (name: string) => values[name] as string | undefined;
  const artifact = text('artifact');
  const kind = text('override');
  const reason = text('reason');
  if (kind !== undefined && !(OVERRIDES as readonly string[]).includes(kind)) {
    throw new UsageError(`--override must be p0 or security; got "${kind}"`);
  }
  if (kind !== undefined && (reason === undefined || reason.trim() === '')) {
    throw new UsageError(`--override ${kind} needs --reason TEXT: the reason is recorded with the decision`);
  }
  if (kind === undefined && reason !== undefined) {
    throw new UsageError('--reason is the reason for an override; pass --override p0|security with it');
  }
  return {
    ...(artifact !== undefined ? { digest: digestOf(artifact) } : {}),
    ...(text('environment') ? { environment: text('environment') } : {}),
    ...(text('at') ? { at: parseTime(text('at')!, 'at') } : {}),
    ...(kind ? { override: { kind: kind as OverrideKind, reason: reason! } } : {}),
  };
}

function digestOf(artifact: string): string {
  const trimmed = artifact.trim();
  return /^sha(256|512):/.test(trimmed)
    ? Digest.parse(trimmed, '--artifact').toString()
    : ImageRef.parse(trimmed, '--artifact').digest.toString();
}

/** The decision and the facts behind it, for a workflow to read. */
export function decisionJson(decision: GateDecision, facts: GateFacts): Record<string, unknown> {
  return { ...decision, facts: { ...facts, at: facts.at.toISOString() } };
}

/** A few lines for a terminal: the state, then each reason. */
export function decisionText(decision: GateDecision): string {
  const head =
    decision.state === 'approved'
      ? decision.overridden
        ? `approved by override ${decision.overridden}`
        : 'approved'
      : 'rejected';
  const mark = decision.state === 'approved' ? 'bypassed: ' : '';
  return [head, ...decision.reasons.map((reason) => `  - ${mark}${reason}`), ''].join('\n');
}
