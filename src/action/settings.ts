/**
 * The action's inputs (action.yml), read once into typed settings (STYLE.md 2, like actions/checkout
 * `input-helper.ts`). Nothing else reads INPUT_* or GITHUB_*: the rest of the action and the library
 * get these settings, and the library gets the step's environment as `env` (provider secrets are
 * named by the policy, so the library must look them up by name).
 *
 * Input names are the ones in action.yml; action.yml passes each through `env:` as INPUT_<NAME>
 * with dashes written as underscores (a composite step's env must be a valid shell name). An input
 * that does not apply to the chosen command is refused, naming the command it belongs to: a
 * `bake:` left over from an analyze step would otherwise be silently ignored by a rollout.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTime } from '../cli/commands/analyze.js';
import { overrideFrom } from '../cli/commands/rollout.js';
import type { OverrideKind } from '../config/types.js';
import { Duration } from '../config/duration.js';
import { ConfigurationError } from '../errors.js';
import { ROLLOUT_COMMANDS, type RolloutCommand } from '../rollout/types.js';

/** The commands `action.yml` can run (its `command` input). */
export const ACTION_COMMANDS = ['verify', 'analyze', 'rollout', 'step'] as const;
/**
 * - `verify`: admit an image digest by its evidence.
 * - `analyze`: judge live signals against the policy's guardrails once, or for a bake.
 * - `rollout`: admit, then step exposure through the GitOps repository while the analysis passes.
 * - `step`: one unit of an event-driven rollout (or a manual `control`), then hand off to the next run.
 */
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** Where action.yml checks out `gitops-repository`, relative to the workspace. */
export const GITOPS_CHECKOUT = '.glidepath/gitops';

/** Environment variables that may hold a GitHub token (as the library reads them; all are masked). */
export const TOKEN_VARIABLES = ['GLIDEPATH_GITOPS_TOKEN', 'GLIDEPATH_TOKEN', 'GITHUB_TOKEN'] as const;

/** Every action input, read once, typed. Empty inputs are undefined (or the default shown). */
export interface ActionSettings {
  /** `command`: which command to run. */
  command: ActionCommand;
  /** `artifact` (verify, rollout; required there): the image pinned by digest; '' for analyze. */
  artifact: string;
  /** `evidence` (verify, rollout): files or directories, one per line (or separated by spaces). */
  evidence: string[];
  /** `policy`: the policy file; empty means glidepath.yaml in the workspace when present. */
  policyFile?: string;
  /** `trusted-root` (verify, rollout): a Sigstore trusted_root.json; empty means the embedded roots. */
  trustedRoot?: string;
  /** `quarantine` (verify, rollout): a checked-out quarantine list; empty means none is checked. */
  quarantineFile?: string;
  /** `report` (verify, rollout): where to write the JSON admission report; default under RUNNER_TEMP. */
  reportPath: string;
  /** Where the rollout record (rollout) or analysis report (analyze) is written: RUNNER_TEMP/glidepath/<command>.json. */
  recordPath: string;
  /** `canary-label` (analyze, rollout): the value of `{{canary}}` in queries. */
  canaryLabel?: string;
  /** `stable-label` (analyze, rollout): the value of `{{stable}}` in queries. */
  stableLabel?: string;
  /** `since` (analyze): when the step started; windows and warm-up start here. */
  since?: Date;
  /** `bake` (analyze): measure repeatedly for this long after `since`. */
  bake?: Duration;
  /**
   * `repo` (rollout, step): the GitOps repository instead of the policy's desired.repo; the checkout
   * of `gitops-repository` when that is set and `repo` is not.
   */
  repo?: string;
  /** `control` (step): a manual control for the rollout in progress instead of baking its step. */
  control?: RolloutCommand;
  /** `dispatch` (step): the workflow to dispatch for the next step. */
  dispatch?: string;
  /** `override` + `override-reason` (rollout, step): an audited override of the deploy policy. */
  override?: { kind: OverrideKind; reason: string };
  /** GITHUB_WORKSPACE, where relative paths resolve. */
  workspace: string;
  /** GITHUB_EVENT_NAME, to refuse evidence (and rollouts) from forks. */
  eventName?: string;
  /** The parsed GITHUB_EVENT_PATH payload, or undefined outside a workflow. */
  eventPayload?: unknown;
  /** The step's environment, handed to the library: provider secrets, GITHUB_REPOSITORY, tokens. */
  env: Readonly<Record<string, string | undefined>>;
  /** The values of TOKEN_VARIABLES that are set, to mask before anything runs. */
  tokens: string[];
}

/** Which commands each optional input applies to, and what to do instead elsewhere. */
const APPLIES_TO: Readonly<Record<string, { commands: readonly ActionCommand[]; otherwise: string }>> = {
  artifact: { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze judges labels: set canary-label' },
  evidence: { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze admits nothing' },
  'trusted-root': { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze verifies no evidence' },
  quarantine: { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze admits nothing' },
  report: {
    commands: ['verify', 'rollout', 'step'],
    otherwise: 'the analysis report is the record output, under RUNNER_TEMP',
  },
  'canary-label': { commands: ['analyze', 'rollout', 'step'], otherwise: 'verify runs no queries' },
  'stable-label': { commands: ['analyze', 'rollout', 'step'], otherwise: 'verify runs no queries' },
  since: {
    commands: ['analyze'],
    otherwise: 'a rollout starts each window when its step is applied',
  },
  bake: { commands: ['analyze'], otherwise: "a rollout bakes each step for the policy's exposure.bake" },
  repo: { commands: ['rollout', 'step'], otherwise: 'only a rollout commits to the GitOps repository' },
  control: {
    commands: ['step'],
    otherwise: 'controls act on an event-driven rollout in progress: use command step',
  },
  dispatch: { commands: ['step'], otherwise: 'only step hands the next unit of work to a new run' },
  'evidence-artifact': { commands: ['verify', 'rollout', 'step'], otherwise: 'analyze admits nothing' },
  'gitops-repository': {
    commands: ['rollout', 'step'],
    otherwise: 'only a rollout commits to the GitOps repository',
  },
  override: { commands: ['rollout', 'step'], otherwise: 'only a rollout is held by the deploy policy' },
  'override-reason': {
    commands: ['rollout', 'step'],
    otherwise: 'only a rollout is held by the deploy policy',
  },
};

/** Reads and validates the inputs; a bad value is a ConfigurationError naming the input and the fix. */
export function readSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ActionSettings {
  const input = (name: string): string =>
    (env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] ?? '').trim();
  const command = input('command') || 'rollout';
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) {
    throw new ConfigurationError(
      `input "command": "${command}" is not a command; set it to one of ${ACTION_COMMANDS.join(', ')}`,
    );
  }
  const chosen = command as ActionCommand;
  for (const [name, { commands, otherwise }] of Object.entries(APPLIES_TO)) {
    if (input(name) && !commands.includes(chosen)) {
      throw new ConfigurationError(
        `input "${name}" applies only to ${commands.length > 1 ? 'commands' : 'command'} ${new Intl.ListFormat('en').format(commands)}, not ${chosen} (${otherwise}); remove it from the step's with:`,
      );
    }
  }
  const artifact = input('artifact');
  if (!artifact && chosen !== 'analyze') {
    throw new ConfigurationError(
      `input "artifact" is required for command ${chosen}: the image pinned by digest, e.g. ghcr.io/acme/app@sha256:…`,
    );
  }
  const runnerTemp = env.RUNNER_TEMP || tmpdir();
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const optional = (name: string) => input(name) || undefined;
  const since = optional('since');
  const bake = optional('bake');
  const control = optional('control');
  if (control !== undefined && !(ROLLOUT_COMMANDS as readonly string[]).includes(control)) {
    throw new ConfigurationError(
      `input "control": "${control}" is not a control; set it to one of ${ROLLOUT_COMMANDS.join(', ')}`,
    );
  }
  return {
    command: chosen,
    artifact,
    evidence: [
      ...input('evidence').split(/\s+/).filter(Boolean),
      // The composite step downloaded the artifact here (action.yml).
      ...(input('evidence-artifact') ? [join(runnerTemp, 'glidepath-evidence')] : []),
    ],
    policyFile: optional('policy'),
    trustedRoot: optional('trusted-root'),
    quarantineFile: optional('quarantine'),
    reportPath: input('report') || join(runnerTemp, 'glidepath', 'admission.json'),
    recordPath: join(runnerTemp, 'glidepath', `${chosen === 'analyze' ? 'analysis' : 'rollout'}.json`),
    canaryLabel: optional('canary-label'),
    stableLabel: optional('stable-label'),
    ...(since === undefined ? {} : { since: readTime(since) }),
    ...(bake === undefined ? {} : { bake: Duration.parse(bake, 'input "bake"') }),
    repo: optional('repo') ?? (input('gitops-repository') ? join(workspace, GITOPS_CHECKOUT) : undefined),
    ...(control === undefined ? {} : { control: control as RolloutCommand }),
    dispatch: optional('dispatch'),
    ...readOverride(optional('override'), optional('override-reason')),
    workspace,
    eventName: env.GITHUB_EVENT_NAME,
    eventPayload: readEvent(env.GITHUB_EVENT_PATH),
    env,
    tokens: TOKEN_VARIABLES.map((name) => env[name]).filter((value): value is string => Boolean(value)),
  };
}

function readOverride(
  kind: string | undefined,
  reason: string | undefined,
): Pick<ActionSettings, 'override'> {
  try {
    return overrideFrom(kind, reason, { override: 'input "override"', reason: 'input "override-reason"' });
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
}

function readTime(text: string): Date {
  try {
    return parseTime(text, 'since');
  } catch {
    throw new ConfigurationError(
      `input "since": "${text}" is not a time; write RFC 3339 (2026-11-22T10:00:00Z) or unix seconds (1795860000)`,
    );
  }
}

function readEvent(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`cannot read the event payload: ${(error as Error).message}`, path);
  }
}
