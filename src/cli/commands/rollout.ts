import { createHash } from 'node:crypto';
import type { AnalysisPolicy } from '../../config/types.js';
import { ConfigurationError, ExitCode } from '../../errors.js';
import { ImageRef } from '../../evidence/image-ref.js';
import { ensureDeployment, setDeploymentStatus } from '../../github/deployments.js';
import { createOctokit } from '../../github/octokit.js';
import { admissionJson, admissionText } from '../../report/admission.js';
import { rolloutText } from '../../report/rollout.js';
import { runRollout, type RolloutDeps } from '../../rollout/executor.js';
import type { CliIo, Command } from '../command.js';
import { openMetricProvider } from './analyze.js';
import { GITOPS_OPTIONS, gitopsPolicy, openWriter } from './gitops-options.js';
import { runVerify } from './verify.js';

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export const rolloutCommand: Command = {
  name: 'rollout',
  summary: 'the whole rollout in one job: verify, then step exposure while the analysis passes, or revert',
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
    ...GITOPS_OPTIONS,
  ],
  examples: [
    'glidepath rollout --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence reports/',
  ],
  async run(values, io) {
    const image = ImageRef.parse(values.artifact as string);
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    if (!policy.analysis) {
      throw new ConfigurationError(
        'has no analysis section: a rollout without analysis would advance on a timer; add analysis.provider and guardrails',
        policy.source,
      );
    }
    const evidencePaths = (values.evidence as string[] | undefined) ?? [];
    let evidence: string | undefined;
    if (evidencePaths.length > 0) {
      const report = await runVerify(
        {
          artifact: image.toString(),
          evidence: evidencePaths,
          ...(policy.source ? { policyFile: policy.source } : {}),
        },
        io,
      );
      if (!report.admitted) {
        io.stdout(values.json ? admissionJson(report) : admissionText(report));
        return ExitCode.rejected;
      }
      evidence = `sha256:${createHash('sha256').update(admissionJson(report)).digest('hex')}`;
      io.stderr(`admitted ${image.toString()}\n`);
    }
    const id =
      (values.rollout as string | undefined) ??
      `${policy.service ?? 'rollout'}-${image.digest.hex.slice(0, 12)}`;
    const clock = { now: io.now, sleep };
    const writer = await openWriter(desired, io, checkout);
    try {
      const deps: RolloutDeps = {
        writer,
        provider: openMetricProvider(policy.analysis, io.env ?? {}, clock),
        ...clock,
        log: (line) => io.stderr(`${io.now().toISOString().slice(11, 19)} ${line}\n`),
        ...(await deploymentStatuses(io, policy.environment, id, image.digest.toString(), evidence)),
      };
      const record = await runRollout(
        {
          policy: { ...policy, analysis: policy.analysis as AnalysisPolicy },
          desired,
          image,
          id,
          labels: {
            canary: (values['canary-label'] as string | undefined) ?? 'canary',
            stable: (values['stable-label'] as string | undefined) ?? 'stable',
          },
          ...(evidence ? { evidence } : {}),
        },
        deps,
      );
      io.stdout(values.json ? JSON.stringify(record, null, 2) + '\n' : rolloutText(record));
      return record.outcome === 'promoted'
        ? ExitCode.ok
        : record.outcome === 'reverted'
          ? ExitCode.rejected
          : ExitCode.inconclusive;
    } finally {
      await writer.close();
    }
  },
};

/** Deployment statuses when running in (or for) a GitHub repository with a token and an environment. */
async function deploymentStatuses(
  io: CliIo,
  environment: string | undefined,
  rollout: string,
  digest: string,
  evidence: string | undefined,
): Promise<Pick<RolloutDeps, 'setStatus'>> {
  const env = io.env ?? {};
  const token = env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN;
  const repository = env.GITHUB_REPOSITORY;
  if (!token || !repository || !environment) return {};
  const [owner, repo] = repository.split('/') as [string, string];
  const octokit = createOctokit({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
  const deploymentId = await ensureDeployment(octokit, {
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
      setDeploymentStatus(octokit, { owner, repo, deploymentId }, state, {
        description,
        ...(logUrl ? { logUrl } : {}),
      }),
  };
}
