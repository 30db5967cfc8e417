/**
 * Every top-level command, by name and one-line summary, with its module loaded only when the
 * command runs (or its help is asked for). `glidepath --help` therefore reads nothing but this
 * list, and each command pays only for the libraries it uses (issue 5: cold start ≤ 1.5× `node -e 0`).
 * Adding a command is one entry here; its module exports the command without a summary.
 */
import type { Command, CommandGroup } from '../command.js';

/** A command as the list knows it before its module is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list (and the first line of the command's own help). */
  readonly summary: string;
  /** Loads the command's module and returns the command (or group) with this summary. */
  load(): Promise<Command | CommandGroup>;
}

type Loaded = Omit<Command, 'summary'> | Omit<CommandGroup, 'summary'>;

function entry(name: string, summary: string, load: () => Promise<Loaded>): CommandEntry {
  return { name, summary, load: async () => ({ ...(await load()), summary }) as Command | CommandGroup };
}

/** The manual controls' one-liners (each is `step --control <name>`). */
const CONTROL_SUMMARY = {
  promote: 'move the rollout in progress to its next step now (--full: straight to 100%)',
  abort: 'reverse the rollout in progress now, without quarantining its digest',
  pause: 'hold the rollout in progress at its current step until a person decides',
  retry: 'bake the paused step again',
  resume: 'continue a paused rollout (the same as retry)',
} as const;

/** The commands in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  entry(
    'verify',
    'admit an image digest only when its evidence satisfies policy',
    async () => (await import('./verify.js')).verifyCommand,
  ),
  entry(
    'edit',
    'edit GitOps manifests byte-minimally: images, traffic weights, feature flags',
    async () => (await import('./edit.js')).editGroup,
  ),
  entry(
    'desire',
    'commit the canary image, traffic weight and flag to the GitOps repository (compare-and-swap)',
    async () => (await import('./desire.js')).desireCommand,
  ),
  entry(
    'revert',
    'restore an earlier desired state as a new commit and quarantine the reverted digest',
    async () => (await import('./revert.js')).revertCommand,
  ),
  entry(
    'analyze',
    "judge live signals against the policy's guardrails: pass, fail or inconclusive",
    async () => (await import('./analyze.js')).analyzeCommand,
  ),
  entry(
    'rollout',
    'the whole rollout in one job: verify, then step exposure while the analysis passes, or revert',
    async () => (await import('./rollout.js')).rolloutCommand,
  ),
  entry(
    'step',
    'event-driven rollout: bake and judge the current step, commit the next, hand off to a new run',
    async () => (await import('./step.js')).stepCommand,
  ),
  ...(['promote', 'abort', 'pause', 'retry', 'resume'] as const).map((control) =>
    entry(control, CONTROL_SUMMARY[control], async () => (await import('./step.js')).controlCommand(control)),
  ),
  entry(
    'status',
    "where the service's newest rollout stands, read from the GitOps history alone",
    async () => (await import('./status.js')).statusCommand,
  ),
  entry(
    'gate',
    'decide whether a deployment may start now: windows, freezes, quarantine, failed rollouts',
    async () => (await import('./gate.js')).gateGroup,
  ),
  entry(
    'report',
    'DORA figures per service: deployment frequency, change failure rate, recovery and lead time',
    async () => (await import('./report.js')).reportCommand,
  ),
];
