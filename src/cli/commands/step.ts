import { readFile } from 'node:fs/promises';
import { ConfigurationError, ExitCode, UsageError } from '../../errors.js';
import { ROLLOUT_COMMANDS, type RolloutCommand } from '../../rollout/types.js';
import { forkOrigin } from '../../github/fork.js';
import { createOctokit } from '../../github/octokit.js';
import { admissionJson, admissionText } from '../../report/admission.js';
import { rolloutJson, rolloutText } from '../../report/rollout.js';
import type { CliIo, Command } from '../command.js';
import { ROLLOUT_EXIT, ROLLOUT_OPTIONS, runRolloutCommand, settingsFrom } from './rollout.js';

/** The deployment statuses that say whether a commit was applied: the ones that start a step. */
const FINAL_STATES: readonly string[] = ['success', 'failure', 'error'];

/**
 * The event that started this run must be one a rollout may act on: a `workflow_run` from a fork,
 * or from a branch other than the default one, is refused (its evidence is not ours to trust).
 * Returns why the event is no step to take, when it is not: a `deployment_status` that is not
 * final (`queued`, `pending`, `in_progress` — Glidepath's own progress statuses among them — or
 * `inactive`) runs nothing and exits 0, so a token that makes statuses start workflows cannot turn
 * every status into a step. `success`, `failure` and `error` run one: the live step's reconcile wait
 * reads which it was (applied, or not applied at once).
 */
export async function checkEvent(
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  const name = env.GITHUB_EVENT_NAME;
  if (!name || !env.GITHUB_EVENT_PATH) return undefined;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(
      `cannot read the event payload: ${(error as Error).message}`,
      env.GITHUB_EVENT_PATH,
    );
  }
  return checkEventPayload(name, payload);
}

/** {@link checkEvent} on a payload already read (the action's settings hold it). */
export function checkEventPayload(name: string, payload: Record<string, unknown>): string | undefined {
  const fork = forkOrigin(name, payload);
  if (fork) {
    throw new ConfigurationError(
      `refusing to roll out from a ${name} event triggered by the fork ${fork}: its artifacts and evidence are not this repository's`,
    );
  }
  if (name === 'workflow_run') {
    const run = (payload.workflow_run ?? {}) as { head_branch?: unknown; conclusion?: unknown };
    const defaultBranch = (payload.repository as { default_branch?: unknown } | undefined)?.default_branch;
    if (typeof defaultBranch === 'string' && run.head_branch !== defaultBranch) {
      throw new ConfigurationError(
        `refusing to roll out from a workflow_run on branch ${String(run.head_branch)}; only ${defaultBranch} (the default branch) deploys`,
      );
    }
    if (run.conclusion !== undefined && run.conclusion !== 'success') {
      throw new ConfigurationError(
        `refusing to roll out after a ${String(run.conclusion)} CI run; it must succeed`,
      );
    }
  }
  if (name === 'deployment_status') {
    const state = (payload.deployment_status as { state?: unknown } | undefined)?.state;
    const id = (payload.deployment as { id?: unknown } | undefined)?.id;
    if (!FINAL_STATES.includes(String(state))) {
      return (
        `this deployment_status is ${String(state)} (deployment ${String(id)}); only a final one ` +
        `(${FINAL_STATES.join(', ')}: the controller reporting whether it applied the commit) starts a step, so there is nothing to do`
      );
    }
  }
  return undefined;
}

/** `text` as a manual control; anything else is a UsageError listing them (`field` names the flag or input). */
export function parseControl(text: string, field = '--control'): RolloutCommand {
  if (!(ROLLOUT_COMMANDS as readonly string[]).includes(text)) {
    throw new UsageError(`${field} must be one of ${ROLLOUT_COMMANDS.join(', ')}; got "${text}"`);
  }
  return text as RolloutCommand;
}

/**
 * Dispatches the next run of `workflow` (works with GITHUB_TOKEN, unlike other events) with inputs
 * `command: step` and `artifact`; returns what was dispatched, for the log.
 */
export async function dispatchNext(
  io: Pick<CliIo, 'env'>,
  workflow: string,
  artifact: string,
): Promise<string> {
  const env = io.env ?? {};
  const token = env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN;
  const repository = env.GITHUB_REPOSITORY;
  if (!token || !repository) {
    throw new ConfigurationError(
      '--dispatch needs GITHUB_REPOSITORY and GITHUB_TOKEN (or GLIDEPATH_TOKEN) in the environment',
    );
  }
  const [owner, repo] = repository.split('/') as [string, string];
  const ref = env.GITHUB_REF_NAME || 'main';
  const octokit = createOctokit({ token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
  await octokit.rest.actions.createWorkflowDispatch({
    owner,
    repo,
    workflow_id: workflow,
    ref,
    inputs: { command: 'step', artifact },
  });
  return `${repository} ${workflow} on ${ref}`;
}

export const stepCommand: Omit<Command, 'summary'> = {
  name: 'step',
  description: [
    'One unit of the rollout per run, for workflows started by workflow_run, deployment_status or',
    'workflow_dispatch. Where the rollout stands is read from the GitOps branch (Glidepath-* trailers):',
    'nothing yet commits the first step; a step in progress is waited for, baked and judged, then the',
    'next step is committed (or the canary promoted, or the smallest reversal committed) and the run',
    'ends. With --dispatch, the next run of that workflow is dispatched (events made with GITHUB_TOKEN',
    'start no other workflow, dispatch does). A rerun of the same event changes nothing. A workflow_run',
    'from a fork, from a branch other than the default, or of a failed CI run is refused; a',
    'deployment_status that is not final (queued, pending, in_progress, inactive) runs nothing (exit 0).',
    '',
    'Exit status: 0 continuing or promoted, 1 rejected or reverted, 4 paused, 2 bad usage, policy or event,',
    '3 infrastructure retries exhausted, 70 internal error.',
  ].join('\n'),
  options: [
    ...ROLLOUT_OPTIONS(),
    {
      name: 'control',
      type: 'string',
      placeholder: 'CMD',
      description:
        'a manual control for the rollout in progress: promote, promote-full, abort, retry, pause or resume',
    },
    {
      name: 'dispatch',
      type: 'string',
      placeholder: 'WORKFLOW',
      description: 'workflow file or id to dispatch for the next step (with inputs command=step, artifact)',
    },
  ],
  examples: [
    'glidepath step --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --dispatch rollout.yml',
  ],
  async run(values, io) {
    const skip = await checkEvent(io.env ?? {});
    if (skip) {
      io.stderr(`glidepath step: ${skip}\n`);
      return ExitCode.ok;
    }
    const control = values.control === undefined ? undefined : parseControl(values.control as string);
    const settings = { ...settingsFrom(values), singleStep: true, ...(control ? { control } : {}) };
    const result = await runRolloutCommand(settings, io);
    if (!result.admitted) {
      io.stdout(values.json ? admissionJson(result.admission) : admissionText(result.admission));
      return ExitCode.rejected;
    }
    io.stdout(values.json ? rolloutJson(result.record) : rolloutText(result.record));
    const workflow = values.dispatch as string | undefined;
    if (result.record.outcome === 'continuing' && workflow) {
      io.stderr(`dispatched the next step: ${await dispatchNext(io, workflow, settings.artifact)}\n`);
    }
    return ROLLOUT_EXIT[result.record.outcome];
  },
};

/** What each control does, for its command's help. */
const CONTROL_HELP: Readonly<Record<'promote' | 'abort' | 'retry' | 'pause' | 'resume', string>> = {
  promote:
    'Moves the rollout in progress to its next step now, without waiting for the bake (at the last step it promotes). With --full, commits 100% as the last step.',
  abort:
    'Reverses the rollout in progress now with the smallest reversal (rollback.order). The digest is not quarantined: a person aborting is no evidence against it.',
  retry: 'Bakes the paused step again (a person decided the inconclusive analysis deserves another look).',
  pause:
    'Holds the rollout in progress at its current step: nothing advances until promote, retry, resume or abort.',
  resume: 'Continues a paused rollout: the same as retry.',
};

/**
 * `glidepath promote|abort|retry|pause|resume`: a person's decision about the rollout in progress,
 * the same as `glidepath step --control …` (and the action's `control` input).
 */
export function controlCommand(control: keyof typeof CONTROL_HELP): Omit<Command, 'summary'> {
  return {
    name: control,
    description: [
      CONTROL_HELP[control],
      'Where the rollout stands is read from the GitOps branch; the command acts on the live step and ends',
      '(with --dispatch, the next run is dispatched). A command that cannot act says why and changes nothing.',
      '',
      'Exit status: 0 continuing or promoted, 1 reverted, 4 paused, 2 bad usage or no rollout in progress,',
      '3 infrastructure retries exhausted, 70 internal error.',
    ].join('\n'),
    options: [
      ...stepCommand.options.filter((option) => option.name !== 'control'),
      ...(control === 'promote'
        ? [{ name: 'full', type: 'boolean' as const, description: 'commit 100% as the last step' }]
        : []),
    ],
    examples: [
      `glidepath ${control} --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef${control === 'promote' ? ' --full' : ''}`,
    ],
    run(values, io) {
      const { full, ...rest } = values;
      return stepCommand.run(
        { ...rest, control: control === 'promote' && full ? 'promote-full' : control },
        io,
      );
    },
  };
}
