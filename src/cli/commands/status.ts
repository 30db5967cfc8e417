import { ExitCode } from '../../errors.js';
import { recoverRollout, recoveredText } from '../../rollout/recover.js';
import type { Command } from '../command.js';
import { GITOPS_OPTIONS, gitopsPolicy, openWriter } from './gitops-options.js';

export const statusCommand: Omit<Command, 'summary'> = {
  name: 'status',
  description: [
    "Reads the branch's Glidepath commits (their Glidepath-* trailers) and prints the newest rollout of",
    "the policy's service: in progress at which step and weight, promoted, or reverted, with its commits.",
    'Nothing else is consulted: the GitOps history is the record.',
    '',
    'Exit status: 0 (also when there is no rollout), 2 bad usage or policy, 3 the host kept failing.',
  ].join('\n'),
  options: [
    { name: 'rollout', type: 'string', placeholder: 'ID', description: 'a rollout id instead of the newest' },
    ...GITOPS_OPTIONS,
  ],
  examples: ['glidepath status --policy glidepath.yaml', 'glidepath status --repo ../gitops --json'],
  async run(values, io) {
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    const writer = await openWriter(desired, io, checkout);
    try {
      const log = await writer.log(desired.branch, 200);
      const rollout = recoverRollout(log, {
        ...(policy.service ? { service: policy.service } : {}),
        ...(values.rollout ? { rollout: values.rollout as string } : {}),
      });
      io.stdout(values.json ? JSON.stringify(rollout ?? null, null, 2) + '\n' : recoveredText(rollout));
      return ExitCode.ok;
    } finally {
      await writer.close();
    }
  },
};
