/**
 * The vocabulary of the rollout state machine (DESIGN.md "State", "Loops"; STYLE.md 5 "pure core,
 * effects at the edge"): the state a rollout is in, the events that move it, the effects an
 * executor performs, and the slice of the policy the machine reads. Everything here is plain
 * JSON-safe data (times are epoch milliseconds), so a state can be persisted between workflow runs
 * and recovered from Git, and a transition can be replayed in a test without a clock.
 */
import type { Phase } from '../analysis/verdict.js';

/** Where a rollout is. */
export type RolloutStatus =
  /** Created, nothing committed yet. */
  | 'pending'
  /** The current step's desired-state commit is being made or waiting for the reconciler. */
  | 'applying'
  /** The current step is live and being analysed. */
  | 'baking'
  /** Holding at the current step until a person (or a command) decides. Exposure stays as it is. */
  | 'paused'
  /** Terminal: the canary reached 100% and passed. */
  | 'promoted'
  /** The reversal was requested and has not landed yet. */
  | 'reverting'
  /** Terminal: the reversal commit landed; the job fails. */
  | 'reverted';

/** A reversal lever (`rollback.order`), smallest first by default. */
export type Lever =
  /** Turn the feature flag's split off (`desired.flags`). */
  | 'flag'
  /** Route all traffic back to stable (`desired.traffic`). */
  | 'traffic'
  /** Set the targets' image back to the previous digest (`desired.targets`). */
  | 'image';

/** One line of a rollout's history: what happened at which step. */
export interface HistoryEntry {
  /** Index into the steps (as `RolloutState.step`), −1 before the first. */
  readonly step: number;
  /** Canary percentage at that step. */
  readonly weight: number;
  /** The analysis phase, for entries made by a verdict. */
  readonly phase?: Phase;
  readonly reason: string;
  /** Epoch ms of the event. */
  readonly at: number;
  /** The commit the entry is about (a step's desired commit or the reversal), when there is one. */
  readonly sha?: string;
}

/** A rollout's whole state. Plain data: `JSON.parse(JSON.stringify(state))` is the same state. */
export interface RolloutState {
  /** The rollout's id (`Glidepath-Rollout` trailer). */
  readonly id: string;
  /** The canary image digest, `sha256:…`. */
  readonly digest: string;
  readonly status: RolloutStatus;
  /** Index into the steps of the current step; −1 before the first. */
  readonly step: number;
  /** Canary percentage of the current step (0 before the first). */
  readonly weight: number;
  /** Bakes repeated on the current step (inconclusive `extend`, adaptive weak pass). */
  readonly extensions: number;
  /** Epoch ms the rollout started (set again by the `started` event). */
  readonly startedAt: number;
  /** Epoch ms the current step's exposure began (its commit was applied); unset until then. */
  readonly stepStartedAt?: number;
  /** Epoch ms the reconciler applied the current step's commit; unset until then. */
  readonly appliedAt?: number;
  /**
   * SHA of the last desired commit: the current step's commit once it landed (unset between asking
   * for a new step's commit and its landing), or the reversal commit once reverted.
   */
  readonly commit?: string;
  /** Everything that happened, oldest first. */
  readonly history: readonly HistoryEntry[];
  /**
   * Why the rollout is reverting, reverted or paused, naming where: `step 2/5 at 5%: analysis failed: …`
   * (self-contained, so an executor can print it as is).
   */
  readonly reason?: string;
}

/** How sure a passing analysis is (adaptive stepping only). */
export type Confidence = 'strong' | 'weak';

/** The manual controls, in the order help and errors list them. */
export const ROLLOUT_COMMANDS = ['promote', 'promote-full', 'abort', 'retry', 'pause', 'resume'] as const;

/** A manual control (`workflow_dispatch` input or CLI subcommand). */
export type RolloutCommand =
  /** Move to the next step (from a pause or a bake), or promote at the last step. */
  | 'promote'
  /** Skip to 100% as the last step. */
  | 'promote-full'
  /** Reverse now. */
  | 'abort'
  /** Bake the current step again (from a pause). */
  | 'retry'
  /** Hold at the current step. */
  | 'pause'
  /** Continue from a pause; the same as `retry`. */
  | 'resume';

/** Something that happened, as the executor reports it. `at` is epoch ms, read by the executor. */
export type RolloutEvent =
  /** Begin: commit the first step. */
  | { readonly type: 'started'; readonly at: number }
  /** The desired-state commit for the current step landed as `sha`. */
  | { readonly type: 'committed'; readonly at: number; readonly sha: string }
  /** The reconciler caught up with the current step's commit. */
  | { readonly type: 'applied'; readonly at: number }
  /** The analysis of the current step finished. */
  | {
      readonly type: 'verdict';
      readonly at: number;
      readonly phase: Phase;
      readonly reason: string;
      readonly confidence?: Confidence;
    }
  /** A person (or automation) asked for something. */
  | { readonly type: 'command'; readonly at: number; readonly command: RolloutCommand }
  /** A deadline passed: the reconciler's for the current commit, or the whole rollout's. */
  | { readonly type: 'timeout'; readonly at: number; readonly what: 'reconcile' | 'rollout' }
  /** The reversal commit landed as `sha`. */
  | { readonly type: 'reverted'; readonly at: number; readonly sha: string };

/** A GitHub deployment status state the machine sets (`error`: the command stopped on an error, set by its caller). */
export type DeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'error';

/** Work for the executor, in the order it must be done. */
export type Effect =
  /** Commit the canary at `weight` as step `step` (1-based) of `of` (idempotent on re-run). */
  | { readonly type: 'commit'; readonly weight: number; readonly step: number; readonly of: number }
  /** Wait until the reconciler has applied `sha`, then report `applied` (or `timeout reconcile`). */
  | { readonly type: 'wait-reconcile'; readonly sha: string }
  /** Bake and judge step `step` (1-based, as `commit`) at `weight`, then report a `verdict`. */
  | { readonly type: 'analyze'; readonly step: number; readonly weight: number }
  /** Set the deployment's status; `description` is at most 140 characters (GitHub's limit). */
  | { readonly type: 'set-status'; readonly state: DeploymentState; readonly description: string }
  /** Commit the reversal with `lever`, then report `reverted`. */
  | { readonly type: 'revert'; readonly lever: Lever; readonly reason: string }
  /** Add `digest` to the quarantine list so nothing re-rolls it until a person removes it. */
  | { readonly type: 'quarantine'; readonly digest: string; readonly reason: string }
  /**
   * The next unit of work (a new step, or a bake re-entered by a command) may run in a fresh job:
   * an event-driven executor dispatches its next run here; a single-job executor ignores it.
   */
  | { readonly type: 'dispatch-next' }
  /** Tell people (job log, summary, chat). */
  | { readonly type: 'notify'; readonly message: string }
  /** End the job as failed with `message` (exit 1: the rollout failed and was reversed). */
  | { readonly type: 'fail-job'; readonly message: string };

/** What the machine needs from the policy (`machineContext` derives it). */
export interface MachineContext {
  /** Canary percentages, increasing, ending at 100 (`exposure.steps`). */
  readonly steps: readonly number[];
  /** What an inconclusive analysis does (`exposure.onInconclusive`). */
  readonly onInconclusive: 'pause' | 'extend' | 'fail';
  /** Whole-rollout limit in ms (`exposure.maxDuration`). */
  readonly maxDurationMs: number;
  /** Which reversal levers the policy configures. */
  readonly levers: { readonly flag: boolean; readonly traffic: boolean; readonly image: boolean };
  /** Levers in the order to try them (`rollback.order`). */
  readonly order: readonly Lever[];
  /** Let the verdict's confidence skip or extend steps. Default false. */
  readonly adaptive?: boolean;
  /** The reconcile deadline in ms (`exposure.reconcile.timeout`), only for messages. */
  readonly reconcileTimeoutMs?: number;
}

/** The result of one transition. */
export interface Transition {
  readonly state: RolloutState;
  readonly effects: readonly Effect[];
}
