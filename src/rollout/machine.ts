/**
 * The rollout state machine: `transition(state, event, context) → { state, effects }`.
 *
 * Pure (DESIGN.md "Module map" rollout/, STYLE.md 5): no clock (times come in on events), no I/O,
 * never throws. The executor performs the effects in order and reports what happened as the next
 * event; the same machine drives the single-job loop and the event-driven loop (DESIGN.md "Loops").
 *
 * Vocabulary: the *active* statuses are `applying`, `baking` and `paused` (something is exposed and
 * the clock runs); `promoted` and `reverted` are terminal; `pending` and `reverting` are neither.
 * "Step k/n at w%" counts steps from 1, as commit trailers do (`Glidepath-Step: 3/5`); the state's
 * `step` is the 0-based index into `context.steps`.
 *
 * Rules, in the order they apply:
 *
 * 1. **Max duration.** An event in an active status at `at > startedAt + maxDurationMs` reverses
 *    ("max duration 4h exceeded"), whatever the event was — unless the event's own transition already
 *    reverses (a failed verdict keeps its more specific reason and its quarantine).
 * 2. **pending.** `started` → `applying` step 0 (startedAt = at): commit step 1, set-status
 *    in_progress, dispatch-next (an event-driven run ends once step 1 has landed). `command abort` → `reverted` at once (nothing was committed, so nothing is reversed
 *    and nothing quarantined): set-status failure, notify, fail-job. Other commands notify that the
 *    rollout has not started. Invalid `context.steps` (empty, not increasing, not ending at 100) make
 *    `started` a documented error: state unchanged, one `fail-job` effect naming the problem.
 * 3. **applying.** `committed` with a new sha → remember it (`commit`), wait-reconcile. `applied` once
 *    the step's commit is known → `baking` (appliedAt = stepStartedAt = at), analyze. An `applied` before
 *    the step's commit landed is the reconciler catching up with an older commit: ignored.
 * 4. **baking + verdict pass.** At the last step → `promoted`: set-status success, notify. Otherwise
 *    the next step: commit it, set-status in_progress, dispatch-next. With `context.adaptive`, a
 *    `weak` pass first extends the bake once (analyze again, extensions + 1), and a `strong` pass
 *    skips one step — but never into 100 from a weight below 50.
 * 5. **verdict fail or error** (baking or paused) → `reverting`: revert with the first lever of
 *    `order` that `levers` configures (none → `image`), quarantine the digest, set-status failure,
 *    notify naming the step, weight and reason.
 * 6. **baking + verdict inconclusive** follows `onInconclusive`: `extend` analyses again once
 *    (extensions + 1; one extension per step, whichever asked first, so a second inconclusive
 *    pauses); `pause` → `paused` with set-status in_progress "paused at step …: reason" and a notify
 *    asking a person to decide; `fail` reverses as in rule 5 (with quarantine).
 * 7. **reverting + reverted** → `reverted` (commit = the reversal sha): fail-job with the reason. The
 *    failure status was already set when the reversal began.
 * 8. **Commands.** `pause` in applying or baking → `paused`. `abort` in any active status →
 *    `reverting`. In baking and paused, `promote` moves to the next step (at the last step it
 *    promotes) and `promote-full` commits 100% as the last step; both chain with dispatch-next.
 *    `retry` and `resume` in paused bake again (analyze, extensions reset to 0 — a person's decision
 *    restores the extension), or, when the step's commit had not been applied yet, go back to waiting
 *    for it (wait-reconcile, or the commit again when it had not landed). A command that cannot act
 *    (terminal or reverting status, not started, not paused, promote while applying, pause while
 *    paused) changes nothing and emits one `notify` saying why.
 * 9. **Timeouts.** `reconcile` in applying → `reverting` ("not applied within 15m"); elsewhere
 *    ignored. `rollout` in any active status → `reverting`.
 * 10. **paused keeps facts.** A `committed` or `applied` that arrives while paused (the executor was
 *    mid-step when the pause came) is recorded without effects, so `resume` knows what is left to do.
 * 11. **Idempotence.** Anything else — a repeated `started`, the same `committed` sha, a second
 *    `applied` while baking, a verdict while applying, any event in a terminal status — returns the
 *    same state object and no effects.
 *
 * Why abort and timeouts do not quarantine: quarantine records evidence against the digest and needs a
 * person to lift it; a person's abort or an expired clock says nothing about the digest. Verdict
 * `error` does quarantine, as the design asks: an unmeasurable canary must not be re-rolled silently.
 *
 * `dispatch-next` accompanies a move to a new step (started, pass, promote, promote-full) and a bake
 * re-entered by a command (retry, resume), so an event-driven executor can end its run there and
 * chain the next; an extension continues the bake already under way and does not dispatch.
 */
import { Duration } from '../config/duration.js';
import type { Phase } from '../analysis/verdict.js';
import type { Policy } from '../config/types.js';
import type {
  Effect,
  HistoryEntry,
  Lever,
  MachineContext,
  RolloutCommand,
  RolloutEvent,
  RolloutState,
  RolloutStatus,
  Transition,
} from './types.js';

/** GitHub's limit on a deployment status description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

/** The weight below which a strong pass may not skip straight into 100%. */
const ADAPTIVE_FULL_SKIP_FLOOR = 50;

/** The state of a new rollout: pending, before the first step. */
export function initialRolloutState(init: { id: string; digest: string; at: number }): RolloutState {
  return {
    id: init.id,
    digest: init.digest,
    status: 'pending',
    step: -1,
    weight: 0,
    extensions: 0,
    startedAt: init.at,
    history: [],
  };
}

/** The machine's slice of a validated policy. */
export function machineContext(policy: Policy): MachineContext {
  const desired = policy.desired;
  return {
    steps: [...policy.exposure.steps],
    onInconclusive: policy.exposure.onInconclusive,
    maxDurationMs: policy.exposure.maxDuration.milliseconds,
    levers: {
      flag: desired?.flags !== undefined,
      traffic: desired?.traffic !== undefined,
      image: (desired?.targets.length ?? 0) > 0,
    },
    order: [...policy.rollback.order],
    adaptive: policy.exposure.adaptive,
    reconcileTimeoutMs: policy.exposure.reconcile.timeout.milliseconds,
  };
}

/** Whether nothing more can happen: `promoted` or `reverted`. */
export function isTerminal(status: RolloutStatus): boolean {
  return status === 'promoted' || status === 'reverted';
}

/** Whether something is exposed and the rollout's clock runs: `applying`, `baking` or `paused`. */
export function isActive(status: RolloutStatus): boolean {
  return status === 'applying' || status === 'baking' || status === 'paused';
}

/** The lever a reversal uses: the first of `order` the policy configures, else `image`. */
export function reversalLever(context: Pick<MachineContext, 'levers' | 'order'>): Lever {
  return context.order.find((lever) => context.levers[lever]) ?? 'image';
}

/** One line for logs and summaries, e.g. `rollout r7 (sha256:0123456789ab): baking step 2/5 at 5%`. */
export function describeState(state: RolloutState, steps: readonly number[]): string {
  const head = `rollout ${state.id} (${shortDigest(state.digest)})`;
  const at = position(state, steps);
  switch (state.status) {
    case 'pending':
      return `${head}: pending`;
    case 'applying':
      return `${head}: applying ${at}${state.commit === undefined ? '' : ` (commit ${state.commit.slice(0, 7)})`}`;
    case 'baking':
      return `${head}: baking ${at}${state.extensions > 0 ? `, extended ${state.extensions}×` : ''}`;
    case 'paused':
      return state.reason === undefined ? `${head}: paused at ${at}` : `${head}: paused, ${state.reason}`;
    case 'promoted':
      return `${head}: promoted at ${at}`;
    case 'reverting':
    case 'reverted':
      // The reason already names the step (see `reverse`).
      return `${head}: ${state.status}${state.reason === undefined ? ` from ${at}` : `, ${state.reason}`}`;
    default:
      return `${head}: unknown status ${String(state.status)}`;
  }
}

/** Applies `event` to `state` (see the rules at the top of this file). Never throws. */
export function transition(state: RolloutState, event: RolloutEvent, context: MachineContext): Transition {
  const next = react(state, event, context);
  if (
    isActive(state.status) &&
    event.at > state.startedAt + context.maxDurationMs &&
    next.state.status !== 'reverting' &&
    next.state.status !== 'reverted'
  ) {
    return reverse(state, context, event.at, `max duration ${formatMs(context.maxDurationMs)} exceeded`);
  }
  return next;
}

function react(state: RolloutState, event: RolloutEvent, context: MachineContext): Transition {
  switch (event.type) {
    case 'started':
      return state.status === 'pending' ? start(state, context, event.at) : unchanged(state);
    case 'committed':
      return committed(state, event.sha, event.at);
    case 'applied':
      return applied(state, context, event.at);
    case 'verdict':
      return verdict(state, context, event);
    case 'command':
      return command(state, context, event.command, event.at);
    case 'timeout':
      if (event.what === 'reconcile') {
        if (state.status !== 'applying') return unchanged(state);
        const within = context.reconcileTimeoutMs;
        return reverse(
          state,
          context,
          event.at,
          `not applied within ${within === undefined ? 'the reconcile timeout' : formatMs(within)}`,
        );
      }
      return isActive(state.status)
        ? reverse(
            state,
            context,
            event.at,
            `rollout did not finish within ${formatMs(context.maxDurationMs)}`,
          )
        : unchanged(state);
    case 'reverted':
      return state.status === 'reverting' ? finishReversal(state, event.sha, event.at) : unchanged(state);
    default:
      // Events come from persisted JSON and workflow inputs; an unknown kind changes nothing.
      return unchanged(state);
  }
}

function start(state: RolloutState, context: MachineContext, at: number): Transition {
  const problem = stepsProblem(context.steps);
  if (problem !== undefined) {
    return {
      state,
      effects: [{ type: 'fail-job', message: `rollout ${state.id} cannot start: ${problem}` }],
    };
  }
  // Chained like every new step: an event-driven run ends once step 1 has landed (DESIGN.md Loops 2).
  return moveTo({ ...state, startedAt: at }, context, at, 0, 'started', true);
}

function committed(state: RolloutState, sha: string, at: number): Transition {
  const known = state.commit === sha || state.history.some((entry) => entry.sha === sha);
  if (known) return unchanged(state);
  if (state.status === 'applying') {
    return {
      state: { ...state, commit: sha, history: [...state.history, entry(state, at, 'committed', { sha })] },
      effects: [{ type: 'wait-reconcile', sha }],
    };
  }
  if (state.status === 'paused' && state.commit === undefined && state.appliedAt === undefined) {
    return {
      state: {
        ...state,
        commit: sha,
        history: [...state.history, entry(state, at, 'committed while paused', { sha })],
      },
      effects: [],
    };
  }
  return unchanged(state);
}

function applied(state: RolloutState, context: MachineContext, at: number): Transition {
  const waiting = state.commit !== undefined && state.appliedAt === undefined;
  if (state.status === 'applying' && waiting) {
    return {
      state: {
        ...state,
        status: 'baking',
        appliedAt: at,
        stepStartedAt: at,
        history: [...state.history, entry(state, at, 'applied')],
      },
      effects: [analyze(state)],
    };
  }
  if (state.status === 'paused' && waiting) {
    return {
      state: {
        ...state,
        appliedAt: at,
        stepStartedAt: at,
        history: [...state.history, entry(state, at, 'applied while paused')],
      },
      effects: [],
    };
  }
  return unchanged(state);
}

function verdict(
  state: RolloutState,
  context: MachineContext,
  event: Extract<RolloutEvent, { type: 'verdict' }>,
): Transition {
  const { phase, at } = event;
  if (state.status === 'paused') {
    // A pause holds advancement, not harm: a failure found while paused still reverses.
    return phase === 'fail' || phase === 'error'
      ? reverse(state, context, at, failureCause(phase, event.reason), phase)
      : unchanged(state);
  }
  if (state.status !== 'baking') return unchanged(state);

  switch (phase) {
    case 'fail':
    case 'error':
      return reverse(state, context, at, failureCause(phase, event.reason), phase);
    case 'inconclusive':
      if (context.onInconclusive === 'fail') {
        return reverse(
          state,
          context,
          at,
          `analysis inconclusive (onInconclusive: fail): ${event.reason}`,
          phase,
        );
      }
      if (context.onInconclusive === 'extend' && state.extensions === 0) {
        return extend(state, at, `inconclusive, bake extended: ${event.reason}`, phase);
      }
      return pause(
        state,
        context,
        at,
        `analysis inconclusive${state.extensions > 0 ? ' after an extended bake' : ''}: ${event.reason}`,
        phase,
      );
    case 'pass': {
      const adaptive = context.adaptive === true;
      if (adaptive && event.confidence === 'weak' && state.extensions === 0) {
        return extend(state, at, `weak pass, bake extended: ${event.reason}`, phase);
      }
      const judged = {
        ...state,
        history: [...state.history, entry(state, at, `analysis passed: ${event.reason}`, { phase })],
      };
      const last = context.steps.length - 1;
      if (state.step >= last) return promote(judged, context, at);
      let target = state.step + 1;
      const skip = state.step + 2;
      if (
        adaptive &&
        event.confidence === 'strong' &&
        skip <= last &&
        !(weightAt(context, skip) >= 100 && state.weight < ADAPTIVE_FULL_SKIP_FLOOR)
      ) {
        target = skip;
      }
      const why =
        target === skip
          ? `analysis passed strongly, skipped ${weightAt(context, state.step + 1)}%`
          : 'analysis passed';
      return moveTo(judged, context, at, target, why, true);
    }
    default:
      return unchanged(state);
  }
}

function command(state: RolloutState, context: MachineContext, name: RolloutCommand, at: number): Transition {
  const { id, status } = state;
  if (status === 'pending') {
    if (name !== 'abort') return refuse(state, `rollout ${id} has not started; nothing to ${name}`);
    const reason = 'aborted before the first step';
    return {
      state: {
        ...state,
        status: 'reverted',
        reason,
        history: [...state.history, entry(state, at, reason)],
      },
      effects: [
        { type: 'set-status', state: 'failure', description: reason },
        { type: 'notify', message: `rollout ${id} of ${state.digest} was ${reason}; nothing was committed` },
        { type: 'fail-job', message: `rollout ${id} ${reason}` },
      ],
    };
  }
  if (status === 'reverting') {
    return refuse(state, `rollout ${id} is reverting; ${name} does nothing while the reversal lands`);
  }
  if (status === 'promoted') {
    return refuse(
      state,
      `rollout ${id} is promoted (100%); ${name} does nothing — start a new rollout to change it`,
    );
  }
  if (status === 'reverted') {
    return refuse(
      state,
      `rollout ${id} is reverted; ${name} does nothing — start a new rollout to try again`,
    );
  }
  if (!isActive(status)) return unchanged(state);

  const here = position(state, context.steps);
  switch (name) {
    case 'abort':
      return reverse(state, context, at, 'aborted by command');
    case 'pause':
      return status === 'paused'
        ? refuse(state, `rollout ${id} is already paused at ${here}`)
        : pause(state, context, at, 'paused by command');
    case 'retry':
    case 'resume':
      return status === 'paused'
        ? resumeWork(state, context, at, `${name} by command`)
        : refuse(state, `rollout ${id} is ${status}, not paused; ${name} does nothing`);
    case 'promote':
    case 'promote-full': {
      if (status === 'applying') {
        return refuse(
          state,
          `rollout ${id} is applying ${here}; ${name} acts once it is applied — pause it, or send ${name} while it bakes`,
        );
      }
      const last = context.steps.length - 1;
      if (state.step >= last) {
        // Promoting at 100% claims the canary is live there; when it is not applied yet, finish applying it.
        return state.appliedAt === undefined
          ? resumeWork(state, context, at, `${name} by command`)
          : promote(
              { ...state, history: [...state.history, entry(state, at, `${name} by command`)] },
              context,
              at,
            );
      }
      const target = name === 'promote' ? state.step + 1 : last;
      return moveTo(state, context, at, target, `${name} by command`, true);
    }
    default:
      return unchanged(state);
  }
}

/** Enters step `index`: commit it, set the status, and (`chain`) let an event-driven executor dispatch. */
function moveTo(
  state: RolloutState,
  context: MachineContext,
  at: number,
  index: number,
  why: string,
  chain: boolean,
): Transition {
  const weight = weightAt(context, index);
  const of = context.steps.length;
  const {
    commit: _commit,
    appliedAt: _appliedAt,
    stepStartedAt: _stepStartedAt,
    reason: _reason,
    ...kept
  } = state;
  const moved: RolloutState = { ...kept, status: 'applying', step: index, weight, extensions: 0 };
  const effects: Effect[] = [
    { type: 'commit', weight, step: index + 1, of },
    {
      type: 'set-status',
      state: 'in_progress',
      description: clip(`step ${index + 1}/${of} at ${weight}%: ${why}`),
    },
  ];
  if (chain) effects.push({ type: 'dispatch-next' });
  return {
    state: { ...moved, history: [...state.history, entry(moved, at, `commit requested: ${why}`)] },
    effects,
  };
}

/** Bakes the current step again without leaving it. */
function extend(state: RolloutState, at: number, reason: string, phase: Phase): Transition {
  return {
    state: {
      ...state,
      extensions: state.extensions + 1,
      history: [...state.history, entry(state, at, reason, { phase })],
    },
    effects: [analyze(state)],
  };
}

function promote(state: RolloutState, context: MachineContext, at: number): Transition {
  const { reason: _reason, ...kept } = state;
  const here = position(state, context.steps);
  return {
    state: { ...kept, status: 'promoted', history: [...state.history, entry(state, at, 'promoted')] },
    effects: [
      { type: 'set-status', state: 'success', description: clip(`${here}: promoted`) },
      {
        type: 'notify',
        message: `rollout ${state.id} promoted ${state.digest} to ${state.weight}% (${here})`,
      },
    ],
  };
}

function pause(
  state: RolloutState,
  context: MachineContext,
  at: number,
  cause: string,
  phase?: Phase,
): Transition {
  const here = position(state, context.steps);
  return {
    state: {
      ...state,
      status: 'paused',
      reason: `${here}: ${cause}`,
      history: [...state.history, entry(state, at, `paused: ${cause}`, phase === undefined ? {} : { phase })],
    },
    effects: [
      { type: 'set-status', state: 'in_progress', description: clip(`paused at ${here}: ${cause}`) },
      {
        type: 'notify',
        message: `rollout ${state.id} paused at ${here}: ${cause}; send promote, retry or abort to decide`,
      },
    ],
  };
}

/** Leaves a pause for whatever the step still needs: its bake, its reconcile, or its commit. */
function resumeWork(state: RolloutState, context: MachineContext, at: number, why: string): Transition {
  const { reason: _reason, ...kept } = state;
  const here = position(state, context.steps);
  const status = { type: 'set-status', state: 'in_progress', description: clip(`${here}: ${why}`) } as const;
  const history = [...state.history, entry(state, at, why)];
  if (state.appliedAt !== undefined) {
    return {
      state: { ...kept, status: 'baking', extensions: 0, history },
      effects: [status, analyze(state), { type: 'dispatch-next' }],
    };
  }
  const applying: RolloutState = { ...kept, status: 'applying', history };
  if (state.commit !== undefined) {
    return { state: applying, effects: [status, { type: 'wait-reconcile', sha: state.commit }] };
  }
  return {
    state: applying,
    effects: [
      { type: 'commit', weight: state.weight, step: state.step + 1, of: context.steps.length },
      status,
    ],
  };
}

/** Begins the reversal. `phase` marks a judged failure, which also quarantines the digest. */
function reverse(
  state: RolloutState,
  context: MachineContext,
  at: number,
  cause: string,
  phase?: Phase,
): Transition {
  const lever = reversalLever(context);
  const here = position(state, context.steps);
  const reason = `${here}: ${cause}`;
  const effects: Effect[] = [{ type: 'revert', lever, reason }];
  if (phase !== undefined) effects.push({ type: 'quarantine', digest: state.digest, reason });
  effects.push(
    { type: 'set-status', state: 'failure', description: clip(`failed at ${reason}`) },
    {
      type: 'notify',
      message: `rollout ${state.id} of ${state.digest} is reverting with the ${lever} lever at ${reason}`,
    },
  );
  return {
    state: {
      ...state,
      status: 'reverting',
      reason,
      history: [
        ...state.history,
        entry(state, at, `reverting: ${cause}`, phase === undefined ? {} : { phase }),
      ],
    },
    effects,
  };
}

function finishReversal(state: RolloutState, sha: string, at: number): Transition {
  return {
    state: {
      ...state,
      status: 'reverted',
      commit: sha,
      history: [...state.history, entry(state, at, 'reversal committed', { sha })],
    },
    effects: [
      {
        type: 'fail-job',
        message: `rollout ${state.id} failed and was reverted: ${state.reason ?? 'no reason recorded'}`,
      },
    ],
  };
}

function analyze(state: RolloutState): Effect {
  return { type: 'analyze', step: state.step + 1, weight: state.weight };
}

function unchanged(state: RolloutState): Transition {
  return { state, effects: [] };
}

/** A command that cannot act: the state stays the same object, and people are told why. */
function refuse(state: RolloutState, message: string): Transition {
  return { state, effects: [{ type: 'notify', message }] };
}

function entry(
  state: RolloutState,
  at: number,
  reason: string,
  extra: { phase?: Phase; sha?: string } = {},
): HistoryEntry {
  return { step: state.step, weight: state.weight, ...extra, reason, at };
}

function failureCause(phase: 'fail' | 'error', reason: string): string {
  return `${phase === 'fail' ? 'analysis failed' : 'analysis errored'}: ${reason}`;
}

function weightAt(context: MachineContext, index: number): number {
  // Validated steps always have the index; 100 keeps a malformed context from producing NaN.
  return context.steps[index] ?? 100;
}

function position(state: RolloutState, steps: readonly number[]): string {
  return state.step < 0
    ? 'before the first step'
    : `step ${state.step + 1}/${steps.length} at ${state.weight}%`;
}

function stepsProblem(steps: readonly number[]): string | undefined {
  const shown = `[${steps.join(', ')}]`;
  if (steps.length === 0)
    return 'exposure.steps is empty; list the canary percentages, e.g. [1, 5, 25, 50, 100]';
  for (let i = 0; i < steps.length; i++) {
    const weight = steps[i]!;
    // A leading 0 is a step that exposes no user: a blue-green preview or a mirror step.
    if (!Number.isFinite(weight) || weight < 0 || (weight === 0 && i > 0) || weight > 100) {
      return `exposure.steps ${shown}: ${weight} is not a percentage in (0, 100]${i > 0 && weight === 0 ? ' (only the first step may be 0)' : ''}`;
    }
    if (i > 0 && weight <= steps[i - 1]!) {
      return `exposure.steps ${shown} must increase; got ${weight} after ${steps[i - 1]}`;
    }
  }
  if (steps[steps.length - 1] !== 100) return `exposure.steps ${shown} must end at 100`;
  return undefined;
}

function clip(text: string): string {
  return text.length <= STATUS_DESCRIPTION_LIMIT ? text : `${text.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}

function shortDigest(digest: string): string {
  return /^sha256:[0-9a-f]{13,}$/.test(digest) ? digest.slice(0, 'sha256:'.length + 12) : digest;
}

function formatMs(ms: number): string {
  return Number.isFinite(ms) && ms >= 0 ? Duration.ofMilliseconds(ms).toString() : `${ms}ms`;
}
