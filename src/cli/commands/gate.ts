import type { CommandGroup } from '../command.js';
import { gateCheckCommand } from './gate-check.js';
import { gateServeCommand } from './gate-serve.js';

/**
 * `glidepath gate …`: the deployment gate — the one decision (src/gate/decision.ts) a custom
 * deployment protection rule answers with (`serve`) and a workflow step can ask for (`check`).
 */
export const gateGroup: Omit<CommandGroup, 'summary'> = {
  name: 'gate',
  description: [
    'Decides whether a deployment may start now: a quarantined digest or failed evidence always holds it;',
    'a closed deploy window, a spent error budget or an unacknowledged failed rollout holds it unless an',
    'audited override (p0 or security, with a reason) is given. One pure decision serves both commands.',
    '',
    'Exit status: 0 approved, 1 rejected, 2 bad usage or policy, 70 internal error.',
  ].join('\n'),
  subcommands: [
    {
      ...gateCheckCommand,
      summary: 'decide now, as the deployment protection rule would (for a workflow step)',
    },
    {
      ...gateServeCommand,
      summary: 'run the GitHub App that approves or rejects deployments (custom deployment protection rule)',
    },
  ],
};
