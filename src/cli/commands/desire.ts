import { ExitCode, UsageError } from '../../errors.js';
import { ImageRef } from '../../evidence/image-ref.js';
import { desireCommit } from '../../gitops/desire.js';
import type { CommitResult } from '../../gitops/index.js';
import type { Command } from '../command.js';
import { GITOPS_OPTIONS, gitopsPolicy, openWriter } from './gitops-options.js';

const SAY: Record<CommitResult['status'], string> = {
  committed: 'committed',
  unchanged: 'already at the desired state; nothing committed',
  'already-applied': 'already committed by an earlier attempt; nothing committed again',
};

export const desireCommand: Omit<Command, 'summary'> = {
  name: 'desire',
  description: [
    "Applies the policy's desired section in one commit: the image (pinned by digest) in every",
    'target manifest, the canary weight on the route and the flag split, each edit byte-minimal. The',
    'commit carries Glidepath-* trailers and lands only on the head it was rendered on: when another',
    'writer moved the branch, the edits are rendered again on the new head. A digest listed in the',
    'quarantine file is refused. Tokens come from GLIDEPATH_TOKEN or GITHUB_TOKEN.',
    '',
    'Exit status: 0 committed or already there, 2 bad input, refused edit or quarantined digest,',
    '3 the branch kept moving or the host kept failing after bounded retries, 70 internal error.',
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
      name: 'weight',
      type: 'string',
      placeholder: 'PCT',
      description: 'canary traffic and flag percentage, 0-100',
    },
    {
      name: 'rollout',
      type: 'string',
      placeholder: 'ID',
      description: 'rollout id for the trailer (default: service and digest)',
    },
    ...GITOPS_OPTIONS,
  ],
  examples: [
    'glidepath desire --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --weight 5',
    'GITHUB_TOKEN=… glidepath desire --artifact ghcr.io/acme/checkout@sha256:0123…cdef --repo acme/gitops',
  ],
  async run(values, io) {
    const image = ImageRef.parse(values.artifact as string);
    const weightText = values.weight as string | undefined;
    if (weightText !== undefined && !/^(100|[1-9]?\d)$/.test(weightText)) {
      throw new UsageError(`--weight must be a whole percentage 0-100, got "${weightText}"`);
    }
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    const request = desireCommit(desired, {
      image,
      ...(weightText !== undefined ? { weight: Number(weightText) } : {}),
      ...(policy.service ? { service: policy.service } : {}),
      ...(values.rollout ? { rollout: values.rollout as string } : {}),
    });
    const writer = await openWriter(desired, io, checkout);
    try {
      const result = await writer.commit(request);
      io.stdout(
        values.json
          ? JSON.stringify({ ...result, branch: desired.branch, trailers: request.trailers }, null, 2) + '\n'
          : `${SAY[result.status]}: ${desired.repo} ${desired.branch} at ${result.sha} (${result.attempts} attempt${result.attempts === 1 ? '' : 's'})\n`,
      );
      return ExitCode.ok;
    } finally {
      await writer.close();
    }
  },
};
