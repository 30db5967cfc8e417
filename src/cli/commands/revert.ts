import { ExitCode, UsageError } from '../../errors.js';
import { planRevert } from '../../gitops/revert.js';
import type { Command } from '../command.js';
import { GITOPS_OPTIONS, gitopsPolicy, openWriter } from './gitops-options.js';

export const revertCommand: Omit<Command, 'summary'> = {
  name: 'revert',
  description: [
    "Writes the files that this service's Glidepath commits changed back to their bytes at an",
    'earlier commit (--previous: the state before the latest Glidepath commit; --to SHA: that',
    'commit), as a new compare-and-swap commit with a Glidepath-Revert-Of trailer. The digest being',
    'reverted is added to the quarantine file, so desire and the gate refuse it until a person',
    'removes the line. Running the same revert twice commits nothing the second time.',
    '',
    'Exit status: 0 reverted or nothing to revert, 2 bad input, 3 retries exhausted, 70 internal error.',
  ].join('\n'),
  options: [
    {
      name: 'previous',
      type: 'boolean',
      description: 'restore the state before the latest Glidepath commit',
    },
    { name: 'to', type: 'string', placeholder: 'SHA', description: 'restore the state at this commit' },
    {
      name: 'reason',
      type: 'string',
      placeholder: 'TEXT',
      description: 'why; recorded in the commit and the quarantine entry',
    },
    {
      name: 'no-quarantine',
      type: 'boolean',
      description: 'do not quarantine the reverted digest (a configuration mistake)',
    },
    ...GITOPS_OPTIONS,
  ],
  examples: [
    'glidepath revert --policy glidepath.yaml --previous --reason "p99 latency 0.41s > 0.2s at 25%"',
    'glidepath revert --policy glidepath.yaml --to 4f1c2ab --repo ../gitops',
  ],
  async run(values, io) {
    const to = values.to as string | undefined;
    if (Boolean(values.previous) === (to !== undefined))
      throw new UsageError('give exactly one of --previous or --to SHA');
    const { policy, desired, checkout } = await gitopsPolicy(values, io);
    const writer = await openWriter(desired, io, checkout);
    try {
      const plan = await planRevert(writer, {
        branch: desired.branch,
        scope: policy.service ? { service: policy.service } : {},
        target: to !== undefined ? { to } : { previous: true },
        verdict: 'revert',
        quarantineFile: desired.quarantineFile,
        ...(values.reason ? { reason: values.reason as string } : {}),
        ...(values['no-quarantine'] ? { skipQuarantine: true } : {}),
        now: io.now,
      });
      const result = await writer.commit(plan.request);
      const summary = {
        ...result,
        target: plan.target,
        revertOf: plan.revertOf,
        paths: plan.paths,
        quarantined: plan.quarantined?.digest ?? null,
      };
      io.stdout(
        values.json
          ? JSON.stringify(summary, null, 2) + '\n'
          : `${result.status}: restored ${plan.paths.join(', ')} to ${plan.target} (undoing ${plan.revertOf}) at ${result.sha}` +
              (plan.quarantined ? `; quarantined ${plan.quarantined.digest}` : '') +
              '\n',
      );
      return ExitCode.ok;
    } finally {
      await writer.close();
    }
  },
};
