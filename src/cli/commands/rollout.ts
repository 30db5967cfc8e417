/**
 * `glidepath rollout`: the whole rollout in one job (DESIGN.md "Loops" 1). `runRolloutCommand` is
 * the library call the CLI and the action share; this file's command only reads flags into
 * `RolloutSettings` and prints the result.
 */
import { createHash } from 'node:crypto';
import type { AnalysisPolicy, OverrideKind, Policy } from '../../config/types.js';
import { ConfigurationError, describeError, ExitCode, HeldError, UsageError } from '../../errors.js';
import type { DesiredStateWriter } from '../../gitops/types.js';
import { recoverRollout } from '../../rollout/recover.js';
import { ImageRef } from '../../evidence/image-ref.js';
import { findOrCreateDeployment, setDeploymentStatus } from '../../github/deployments.js';
import { createOctokit } from '../../github/octokit.js';
import type { AdmissionReport } from '../../evidence/verify.js';
import { admissionJson, admissionText } from '../../report/admission.js';
import { rolloutJson, rolloutText } from '../../report/rollout.js';
import { runRollout, type RolloutDeps, type RolloutRecord } from '../../rollout/executor.js';
import type { RolloutCommand } from '../../rollout/types.js';
import type { CliIo, Command, OptionSpec, OptionValues } from '../command.js';
import { openMetricProvider } from './analyze.js';
import { GITOPS_OPTIONS, gitopsPolicy, openWriter } from './gitops-options.js';

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Everything `rollout` needs, whichever face (CLI or action) collected it. */
export interface RolloutSettings {
  /** The image pinned by digest. */
  artifact: string;
  /** Evidence files and directories; empty skips admission (the rollout trusts its caller). */
  evidence: string[];
  /** Policy file; undefined means `glidepath.yaml` in the working directory. */
  policyFile?: string;
  /** The GitOps repository instead of `desired.repo`: a checkout, a git URL or owner/name. */
  repo?: string;
  /** `git` or `github`, instead of `desired.backend`. */
  backend?: string;
  /** Value for `{{canary}}` in queries; default `canary`. */
  canaryLabel?: string;
  /** Value for `{{stable}}` in queries; default `stable`. */
  stableLabel?: string;
  /** The rollout id; default the service and the digest's first 12 hex digits. */
  id?: string;
  /** Sigstore trusted_root.json for the admission; undefined means the embedded roots. */
  trustedRoot?: string;
  /** A checked-out quarantine list the admission refuses listed digests by. */
  quarantineFile?: string;
  /** Event-driven: do at most one step and hand the next to a new run (`glidepath step`). */
  singleStep?: boolean;
  /** A manual control for the rollout in progress. */
  control?: RolloutCommand;
  /** An audited override of the deploy windows and freezes (recorded as Glidepath-Override). */
  override?: { kind: OverrideKind; reason: string };
}

/** How a rollout ended: refused at admission, or run to promotion, reversal or a pause. */
export type RolloutResult =
  /** The evidence did not admit the artifact; nothing was committed. */
  | { readonly admitted: false; readonly admission: AdmissionReport }
  /** The rollout ran; `admission` is there when evidence was checked first. */
  | { readonly admitted: true; readonly record: RolloutRecord; readonly admission?: AdmissionReport };

/** Exit status per outcome (DESIGN.md "Errors and exit codes"). */
export const ROLLOUT_EXIT: Readonly<Record<RolloutRecord['outcome'], ExitCode>> = {
  promoted: ExitCode.ok,
  reverted: ExitCode.rejected,
  paused: ExitCode.inconclusive,
  // This run did its step and handed the next to a new run: nothing is wrong.
  continuing: ExitCode.ok,
};

export const rolloutCommand: Omit<Command, 'summary'> = {
  name: 'rollout',
  description: [
    'Admits the artifact (with --evidence), then commits each exposure step of the policy (exposure.steps',
    'or the risk tier) to the GitOps repository, waits until the reconciler applied it, bakes it with the',
    "policy's analysis, and advances only on a pass. A fail (or provider errors past their limit) commits",
    'the smallest reversal (rollback.order: flag off, canary weight 0, previous image) together with the',
    "digest's quarantine entry, and the command fails. An inconclusive analysis does what",
    "exposure.onInconclusive says. With GITHUB_REPOSITORY, a token and the policy's environment set, the",
    'rollout is also a GitHub deployment whose statuses follow the steps.',
    '',
    'Exit status: 0 promoted, 1 rejected or reverted, 4 paused (a person decides), 2 bad usage or policy,',
    '3 infrastructure retries exhausted, 70 internal error.',
  ].join('\n'),
  options: [
    {
      name: 'artifact',
      type: 'string',
      required: true,
      placeholder: 'REF',
      description: 'the image pinned by digest',
    },
    {
      name: 'evidence',
      type: 'string',
      multiple: true,
      placeholder: 'PATH...',
      description: 'admit the artifact against this evidence first (as verify does)',
    },
    {
      name: 'canary-label',
      type: 'string',
      placeholder: 'REF',
      description: 'value for {{canary}} (default canary)',
    },
    {
      name: 'stable-label',
      type: 'string',
      placeholder: 'REF',
      description: 'value for {{stable}} (default stable)',
    },
    {
      name: 'rollout',
      type: 'string',
      placeholder: 'ID',
      description: 'rollout id (default: service and digest)',
    },
    {
      name: 'override',
      type: 'string',
      placeholder: 'KIND',
      description:
        'an audited override of the deploy windows and freezes: p0 or security (with --reason; recorded as Glidepath-Override)',
    },
    {
      name: 'reason',
      type: 'string',
      placeholder: 'TEXT',
      description: 'why the override is needed (an incident, an advisory); required with --override',
    },
    ...GITOPS_OPTIONS,
  ],
  examples: [
    'glidepath rollout --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence reports/',
  ],
  async run(values, io) {
    const result = await runRolloutCommand(settingsFrom(values), io);
    if (!result.admitted) {
      io.stdout(values.json ? admissionJson(result.admission) : admissionText(result.admission));
      return ExitCode.rejected;
    }
    io.stdout(values.json ? rolloutJson(result.record) : rolloutText(result.record));
    return ROLLOUT_EXIT[result.record.outcome];
  },
};

/** Flags shared by `rollout` and `step` (`step` adds its own). */
export const ROLLOUT_OPTIONS = (): OptionSpec[] => rolloutCommand.options;

export function settingsFrom(values: OptionValues): RolloutSettings {
  const text = (name: string) => values[name] as string | undefined;
  return {
    artifact: values.artifact as string,
    evidence: (values.evidence as string[] | undefined) ?? [],
    ...(text('policy') === undefined ? {} : { policyFile: text('policy') }),
    ...(text('repo') === undefined ? {} : { repo: text('repo') }),
    ...(text('backend') === undefined ? {} : { backend: text('backend') }),
    ...(text('canary-label') === undefined ? {} : { canaryLabel: text('canary-label') }),
    ...(text('stable-label') === undefined ? {} : { stableLabel: text('stable-label') }),
    ...(text('rollout') === undefined ? {} : { id: text('rollout') }),
    ...overrideFrom(text('override'), text('reason')),
  };
}

/** `--override KIND --reason TEXT` as settings; either without the other is a usage error. */
export function overrideFrom(
  kind: string | undefined,
  reason: string | undefined,
  names = { override: '--override', reason: '--reason' },
): Pick<RolloutSettings, 'override'> {
  if (kind === undefined && reason === undefined) return {};
  if (kind !== 'p0' && kind !== 'security') {
    throw new UsageError(
      kind === undefined
        ? `${names.reason} goes with ${names.override} p0|security`
        : `${names.override} must be p0 or security; got "${kind}"`,
    );
  }
  if (!reason?.trim()) {
    throw new UsageError(
      `${names.override} ${kind} needs ${names.reason}: say why (it is recorded with the commits)`,
    );
  }
  return { override: { kind, reason: reason.trim() } };
}

/**
 * Admits the artifact (when evidence is given), then runs the rollout to promotion, reversal or a
 * pause: the library call both faces share. Progress goes to `io.stderr`; nothing to `io.stdout`.
 * Throws the usual errors (ConfigurationError for the policy or flags, TransientError when the
 * infrastructure kept failing).
 */
export async function runRolloutCommand(settings: RolloutSettings, io: CliIo): Promise<RolloutResult> {
  const image = ImageRef.parse(settings.artifact);
  const { policy, desired, checkout } = await gitopsPolicy(
    { policy: settings.policyFile, repo: settings.repo, backend: settings.backend },
    io,
  );
  if (!policy.analysis) {
    throw new ConfigurationError(
      'has no analysis section: a rollout without analysis would advance on a timer; add analysis.provider and guardrails',
      policy.source,
    );
  }
  let admission: AdmissionReport | undefined;
  let evidence: string | undefined;
  if (settings.evidence.length > 0) {
    // Loaded only when evidence is given (Sigstore and the evidence parsers are most of the bundle).
    const { runVerify } = await import('./verify.js');
    admission = await runVerify(
      {
        artifact: image.toString(),
        evidence: settings.evidence,
        ...(policy.source ? { policyFile: policy.source } : {}),
        ...(settings.trustedRoot ? { trustedRoot: settings.trustedRoot } : {}),
        ...(settings.quarantineFile ? { quarantineFile: settings.quarantineFile } : {}),
      },
      io,
    );
    if (!admission.admitted) return { admitted: false, admission };
    evidence = `sha256:${createHash('sha256').update(admissionJson(admission)).digest('hex')}`;
    io.stderr(`admitted ${image.toString()}\n`);
  }
  const id = settings.id ?? `${policy.service ?? 'rollout'}-${image.digest.hex.slice(0, 12)}`;
  const clock = { now: io.now, sleep };
  const writer = await openWriter(desired, io, checkout);
  let setStatus: RolloutDeps['setStatus'];
  try {
    const deps: RolloutDeps = {
      writer,
      provider: openMetricProvider(policy.analysis, io.env ?? {}, clock),
      ...clock,
      env: io.env ?? {},
      log: (line) => io.stderr(`${io.now().toISOString().slice(11, 19)} ${line}\n`),
      ...(await deploymentStatuses(io, policy.environment, id, image.digest.toString(), evidence)),
    };
    setStatus = deps.setStatus;
    const committedOverride = await holdUnlessAllowed(
      policy,
      writer,
      deps.provider,
      image.digest.toString(),
      id,
      settings,
      io,
    );
    const override = settings.override ?? committedOverride;
    const announce = await announcer(policy, io, id, image.digest.toString());
    if (announce) deps.announce = announce;
    const handoff = policy.exposure.handoff;
    if (handoff) {
      if (policy.analysis.provider.kind !== 'prometheus') {
        throw new ConfigurationError(
          `exposure.handoff reads ${handoff.controller}'s metrics from Prometheus; set analysis.provider.kind to prometheus (where the controller is scraped)`,
          policy.source,
        );
      }
      const { runHandoff } = await import('../../rollout/handoff.js');
      const record = await runHandoff(
        { policy, desired, image, id, spec: handoff, ...(evidence ? { evidence } : {}) },
        deps,
      );
      return { admitted: true, record, ...(admission ? { admission } : {}) };
    }
    const record = await runRollout(
      {
        policy: { ...policy, analysis: policy.analysis as AnalysisPolicy },
        desired,
        image,
        id,
        labels: { canary: settings.canaryLabel ?? 'canary', stable: settings.stableLabel ?? 'stable' },
        ...(evidence ? { evidence } : {}),
        ...(settings.singleStep ? { singleStep: true } : {}),
        ...(settings.control ? { control: settings.control } : {}),
        ...(override ? { override } : {}),
      },
      deps,
    );
    return { admitted: true, record, ...(admission ? { admission } : {}) };
  } catch (error) {
    // The deployment says the run stopped, and why; the branch holds only whole steps (the writers'
    // compare-and-swap), so a rerun carries on from there. Best effort: GitHub may be the cause.
    await setStatus?.('error', `stopped: ${describeError(error)}; rerun to carry on`).catch(() => undefined);
    throw error;
  } finally {
    await writer.close();
  }
}

/**
 * The deploy policy (`deploy:`), asked once before a rollout's first commit (a rollout in progress
 * carries on whatever the clock says: stopping it half-way would leave exposure where it is). The
 * same decision as the gate (src/gate/decision.ts); a hold throws HeldError naming every reason.
 * Returns the committed override (the overrides file) that let the rollout through, for its
 * commits' Glidepath-Override trailer; `--override` is the caller's to record.
 */
async function holdUnlessAllowed(
  policy: Policy,
  writer: DesiredStateWriter,
  provider: RolloutDeps['provider'],
  digest: string,
  id: string,
  settings: RolloutSettings,
  io: CliIo,
): Promise<RolloutSettings['override']> {
  if (!policy.deploy || !policy.desired) return undefined;
  const [{ gatherFacts, GATE_LOG_DEPTH }, { decideGate }] = await Promise.all([
    import('../../gate/facts.js'),
    import('../../gate/decision.js'),
  ]);
  const log = await writer.log(policy.desired.branch, GATE_LOG_DEPTH);
  if (recoverRollout(log, { rollout: id })) return undefined;
  const facts = await gatherFacts({
    policy,
    writer,
    log,
    digest,
    at: io.now(),
    ...(policy.analysis?.slo ? { provider } : {}),
    ...(settings.override
      ? {
          override: {
            ...settings.override,
            ...(io.env?.GITHUB_ACTOR ? { by: io.env.GITHUB_ACTOR } : {}),
          },
        }
      : {}),
  });
  const decision = decideGate(policy.deploy, facts);
  if (decision.state === 'rejected') {
    throw new HeldError(`the deploy policy holds rollout ${id}: ${decision.reasons.join('; ')}`);
  }
  const given = facts.override;
  const override =
    decision.overridden && given?.committed
      ? { kind: given.kind, reason: `${given.reason} (committed in ${given.committed.where})` }
      : undefined;
  if (decision.overridden) {
    io.stderr(
      `deploy policy overridden (${decision.overridden}): ${override?.reason ?? settings.override?.reason ?? ''}\n`,
    );
  }
  return override;
}

/**
 * Notifications per the policy's `notify:` (src/notify/): every destination is created first, so a
 * missing variable stops the command before anything is deployed; sending never fails a rollout.
 */
async function announcer(
  policy: Policy,
  io: CliIo,
  rollout: string,
  digest: string,
): Promise<RolloutDeps['announce'] | undefined> {
  const targets = policy.notify ?? [];
  if (targets.length === 0) return undefined;
  const { createNotifier, notifyAll } = await import('../../notify/index.js');
  const env = io.env ?? {};
  const deps = { fetch: globalThis.fetch, env, now: io.now, log: (line: string) => io.stderr(`${line}\n`) };
  for (const target of targets) createNotifier(target, deps);
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return (event, details) =>
    notifyAll(
      targets,
      {
        event,
        ...(policy.service ? { service: policy.service } : {}),
        ...(policy.environment ? { environment: policy.environment } : {}),
        rollout,
        digest,
        ...details,
        ...(runUrl ? { runUrl } : {}),
        at: io.now(),
      },
      deps,
    );
}

/**
 * Deployment statuses when running in (or for) a GitHub repository with a token and an environment,
 * and what the deployment-status reconcile wait needs: the deployment and who created it.
 */
async function deploymentStatuses(
  io: CliIo,
  environment: string | undefined,
  rollout: string,
  digest: string,
  evidence: string | undefined,
): Promise<Pick<RolloutDeps, 'setStatus' | 'github' | 'deploymentId'>> {
  const env = io.env ?? {};
  const token = env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN;
  const repository = env.GITHUB_REPOSITORY;
  if (!token || !repository || !environment) return {};
  const [owner, repo] = repository.split('/') as [string, string];
  const octokit = createOctokit({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
  const deployment = await findOrCreateDeployment(octokit, {
    owner,
    repo,
    ref: env.GITHUB_SHA || env.GITHUB_REF_NAME || 'main',
    environment,
    payload: { rollout, digest, ...(evidence ? { evidence } : {}) },
  });
  const logUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    setStatus: (state, description) =>
      setDeploymentStatus(octokit, { owner, repo, deploymentId: deployment.id }, state, {
        description,
        ...(logUrl ? { logUrl } : {}),
      }),
    github: { octokit, owner, repo, ...(deployment.creator ? { actor: deployment.creator } : {}) },
    deploymentId: deployment.id,
  };
}
