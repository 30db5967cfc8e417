/**
 * The rollout state machine (src/rollout/machine.ts): every (status, event) pair against a table of
 * expected outcomes, then walks through whole rollouts, written as the rules at the top of the file read.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parsePolicy } from '../../../src/config/load-policy.js';
import {
  STATUS_DESCRIPTION_LIMIT,
  describeState,
  initialRolloutState,
  isActive,
  isTerminal,
  machineContext,
  reversalLever,
  transition,
} from '../../../src/rollout/machine.js';
import type {
  Effect,
  MachineContext,
  RolloutEvent,
  RolloutState,
  RolloutStatus,
} from '../../../src/rollout/types.js';
import { FILE, yaml } from '../../support/policy.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2025, 5, 2, 9, 0, 0);
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const STEPS = [1, 5, 25, 50, 100];

/** The DESIGN.md policy's context: standard steps, every lever, 4h limit, 15m reconcile timeout. */
function contextWith(overrides: Partial<MachineContext> = {}): MachineContext {
  return {
    steps: STEPS,
    onInconclusive: 'pause',
    maxDurationMs: 4 * HOUR,
    levers: { flag: true, traffic: true, image: true },
    order: ['flag', 'traffic', 'image'],
    reconcileTimeoutMs: 15 * MIN,
    ...overrides,
  };
}
const CONTEXT = contextWith();

const types = (effects: readonly Effect[]): string[] => effects.map((effect) => effect.type);

/** Feeds `events` in order, collecting every effect. */
function run(
  events: readonly RolloutEvent[],
  context: MachineContext = CONTEXT,
  from: RolloutState = initialRolloutState({ id: 'r1', digest: DIGEST, at: T0 }),
): { state: RolloutState; effects: Effect[] } {
  let state = from;
  const effects: Effect[] = [];
  for (const event of events) {
    const next = transition(state, event, context);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

// Events, each at its own minute after T0 so the history shows the order.
const started = (minute = 0): RolloutEvent => ({ type: 'started', at: T0 + minute * MIN });
const committed = (sha: string, minute = 1): RolloutEvent => ({
  type: 'committed',
  at: T0 + minute * MIN,
  sha,
});
const applied = (minute = 2): RolloutEvent => ({ type: 'applied', at: T0 + minute * MIN });
const verdict = (
  phase: 'pass' | 'fail' | 'error' | 'inconclusive',
  minute = 12,
  reason = `analysis ${phase}`,
  confidence?: 'strong' | 'weak',
): RolloutEvent => ({
  type: 'verdict',
  at: T0 + minute * MIN,
  phase,
  reason,
  ...(confidence ? { confidence } : {}),
});
const command = (
  name: 'promote' | 'promote-full' | 'abort' | 'retry' | 'pause' | 'resume',
  minute = 20,
): RolloutEvent => ({ type: 'command', at: T0 + minute * MIN, command: name });

/** Hand-built representative states, one per status, at step 2/5 (index 1, 5%) where a step exists. */
const BASE = { id: 'r1', digest: DIGEST, extensions: 0, startedAt: T0 } as const;
const HISTORY = [{ step: 0, weight: 1, reason: 'committed', at: T0 + MIN, sha: 'sha-1' }];
const REPRESENTATIVE: Record<RolloutStatus, RolloutState> = {
  pending: { ...BASE, status: 'pending', step: -1, weight: 0, history: [] },
  applying: { ...BASE, status: 'applying', step: 1, weight: 5, commit: 'sha-2', history: HISTORY },
  baking: {
    ...BASE,
    status: 'baking',
    step: 1,
    weight: 5,
    commit: 'sha-2',
    appliedAt: T0 + 15 * MIN,
    stepStartedAt: T0 + 15 * MIN,
    history: HISTORY,
  },
  paused: {
    ...BASE,
    status: 'paused',
    step: 1,
    weight: 5,
    commit: 'sha-2',
    appliedAt: T0 + 15 * MIN,
    stepStartedAt: T0 + 15 * MIN,
    reason: 'step 2/5 at 5%: analysis inconclusive: too few requests',
    history: HISTORY,
  },
  promoted: {
    ...BASE,
    status: 'promoted',
    step: 4,
    weight: 100,
    commit: 'sha-5',
    appliedAt: T0 + 50 * MIN,
    stepStartedAt: T0 + 50 * MIN,
    history: HISTORY,
  },
  reverting: {
    ...BASE,
    status: 'reverting',
    step: 1,
    weight: 5,
    commit: 'sha-2',
    appliedAt: T0 + 15 * MIN,
    stepStartedAt: T0 + 15 * MIN,
    reason: 'step 2/5 at 5%: analysis failed: error rate 2%',
    history: HISTORY,
  },
  reverted: {
    ...BASE,
    status: 'reverted',
    step: 1,
    weight: 5,
    commit: 'sha-revert',
    reason: 'step 2/5 at 5%: analysis failed: error rate 2%',
    history: HISTORY,
  },
};
const STATUSES = Object.keys(REPRESENTATIVE) as RolloutStatus[];

/** Every event variant the machine knows, 30 minutes in (well inside the 4h limit). */
const AT = T0 + 30 * MIN;
const EVENTS = {
  started: { type: 'started', at: AT },
  'committed new sha': { type: 'committed', at: AT, sha: 'sha-new' },
  'committed same sha': { type: 'committed', at: AT, sha: 'sha-2' },
  applied: { type: 'applied', at: AT },
  'verdict pass': { type: 'verdict', at: AT, phase: 'pass', reason: 'all 2 gating metrics passed' },
  'verdict pass strong': {
    type: 'verdict',
    at: AT,
    phase: 'pass',
    reason: 'all passed',
    confidence: 'strong',
  },
  'verdict pass weak': { type: 'verdict', at: AT, phase: 'pass', reason: 'all passed', confidence: 'weak' },
  'verdict fail': { type: 'verdict', at: AT, phase: 'fail', reason: 'error-rate 0.02 above max 0.001' },
  'verdict error': { type: 'verdict', at: AT, phase: 'error', reason: 'prometheus unreachable 4 times' },
  'verdict inconclusive': { type: 'verdict', at: AT, phase: 'inconclusive', reason: '120 of 500 requests' },
  promote: { type: 'command', at: AT, command: 'promote' },
  'promote-full': { type: 'command', at: AT, command: 'promote-full' },
  abort: { type: 'command', at: AT, command: 'abort' },
  retry: { type: 'command', at: AT, command: 'retry' },
  pause: { type: 'command', at: AT, command: 'pause' },
  resume: { type: 'command', at: AT, command: 'resume' },
  'timeout reconcile': { type: 'timeout', at: AT, what: 'reconcile' },
  'timeout rollout': { type: 'timeout', at: AT, what: 'rollout' },
  reverted: { type: 'reverted', at: AT, sha: 'sha-revert-2' },
} satisfies Record<string, RolloutEvent>;
type EventName = keyof typeof EVENTS;
const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** `same`: the identical state object, no effects. `notify`: the identical state, one notify. */
type Expected = 'same' | 'notify' | [RolloutStatus, ...string[]];
const SAME = 'same' as const;
const NOTIFY = 'notify' as const;
const REVERSE: [RolloutStatus, ...string[]] = ['reverting', 'revert', 'set-status', 'notify'];
const REVERSE_JUDGED: [RolloutStatus, ...string[]] = [
  'reverting',
  'revert',
  'quarantine',
  'set-status',
  'notify',
];
const NEXT_STEP: [RolloutStatus, ...string[]] = ['applying', 'commit', 'set-status', 'dispatch-next'];
const PAUSE: [RolloutStatus, ...string[]] = ['paused', 'set-status', 'notify'];

const TERMINAL_ROW: Record<EventName, Expected> = {
  started: SAME,
  'committed new sha': SAME,
  'committed same sha': SAME,
  applied: SAME,
  'verdict pass': SAME,
  'verdict pass strong': SAME,
  'verdict pass weak': SAME,
  'verdict fail': SAME,
  'verdict error': SAME,
  'verdict inconclusive': SAME,
  promote: NOTIFY,
  'promote-full': NOTIFY,
  abort: NOTIFY,
  retry: NOTIFY,
  pause: NOTIFY,
  resume: NOTIFY,
  'timeout reconcile': SAME,
  'timeout rollout': SAME,
  reverted: SAME,
};

/** The rules as a table (CONTEXT: not adaptive, onInconclusive pause). */
const TABLE: Record<RolloutStatus, Record<EventName, Expected>> = {
  pending: {
    ...TERMINAL_ROW,
    started: ['applying', 'commit', 'set-status', 'dispatch-next'],
    abort: ['reverted', 'set-status', 'notify', 'fail-job'],
  },
  applying: {
    started: SAME,
    'committed new sha': ['applying', 'wait-reconcile'],
    'committed same sha': SAME,
    applied: ['baking', 'analyze'],
    'verdict pass': SAME,
    'verdict pass strong': SAME,
    'verdict pass weak': SAME,
    'verdict fail': SAME,
    'verdict error': SAME,
    'verdict inconclusive': SAME,
    promote: NOTIFY,
    'promote-full': NOTIFY,
    abort: REVERSE,
    retry: NOTIFY,
    pause: PAUSE,
    resume: NOTIFY,
    'timeout reconcile': REVERSE,
    'timeout rollout': REVERSE,
    reverted: SAME,
  },
  baking: {
    started: SAME,
    'committed new sha': SAME,
    'committed same sha': SAME,
    applied: SAME,
    'verdict pass': NEXT_STEP,
    'verdict pass strong': NEXT_STEP,
    'verdict pass weak': NEXT_STEP,
    'verdict fail': REVERSE_JUDGED,
    'verdict error': REVERSE_JUDGED,
    'verdict inconclusive': PAUSE,
    promote: NEXT_STEP,
    'promote-full': NEXT_STEP,
    abort: REVERSE,
    retry: NOTIFY,
    pause: PAUSE,
    resume: NOTIFY,
    'timeout reconcile': SAME,
    'timeout rollout': REVERSE,
    reverted: SAME,
  },
  paused: {
    started: SAME,
    'committed new sha': SAME,
    'committed same sha': SAME,
    applied: SAME,
    'verdict pass': SAME,
    'verdict pass strong': SAME,
    'verdict pass weak': SAME,
    'verdict fail': REVERSE_JUDGED,
    'verdict error': REVERSE_JUDGED,
    'verdict inconclusive': SAME,
    promote: NEXT_STEP,
    'promote-full': NEXT_STEP,
    abort: REVERSE,
    retry: ['baking', 'set-status', 'analyze', 'dispatch-next'],
    pause: NOTIFY,
    resume: ['baking', 'set-status', 'analyze', 'dispatch-next'],
    'timeout reconcile': SAME,
    'timeout rollout': REVERSE,
    reverted: SAME,
  },
  promoted: TERMINAL_ROW,
  reverting: { ...TERMINAL_ROW, reverted: ['reverted', 'fail-job'] },
  reverted: TERMINAL_ROW,
};

describe('every (status, event) pair', () => {
  it('the table has a row for each of the 7 statuses × 19 events', () => {
    expect(STATUSES).toHaveLength(7);
    for (const status of STATUSES) expect(Object.keys(TABLE[status]).sort()).toEqual([...EVENT_NAMES].sort());
  });

  const pairs = STATUSES.flatMap((status) =>
    EVENT_NAMES.map((name) => [status, name, TABLE[status][name]] as const),
  );
  it.each(pairs)('%s + %s → %j', (status, name, expected) => {
    const state = REPRESENTATIVE[status];
    const frozen = JSON.stringify(state);
    const result = transition(state, EVENTS[name], CONTEXT);
    expect(JSON.stringify(state)).toBe(frozen); // the input is never mutated
    if (expected === SAME) {
      expect(result.state).toBe(state);
      expect(result.effects).toEqual([]);
    } else if (expected === NOTIFY) {
      expect(result.state).toBe(state);
      expect(types(result.effects)).toEqual(['notify']);
    } else {
      const [nextStatus, ...effects] = expected;
      expect(result.state.status).toBe(nextStatus);
      expect(types(result.effects)).toEqual(effects);
      expect(result.state.history.length).toBeGreaterThan(state.history.length);
      expect(JSON.parse(JSON.stringify(result.state))).toStrictEqual(result.state);
    }
    for (const effect of result.effects) {
      if (effect.type === 'set-status') expect(effect.description.length).toBeLessThanOrEqual(140);
    }
  });

  it.each(STATUSES)('%s: an unknown event kind changes nothing', (status) => {
    const state = REPRESENTATIVE[status];
    const result = transition(state, { type: 'exploded', at: AT } as unknown as RolloutEvent, CONTEXT);
    expect(result).toEqual({ state, effects: [] });
  });
});

describe('a healthy rollout: 1 → 5 → 25 → 50 → 100', () => {
  const events: RolloutEvent[] = [started(0)];
  STEPS.forEach((_, i) => {
    const base = i * 15;
    events.push(committed(`sha-${i + 1}`, base + 1), applied(base + 3), verdict('pass', base + 13));
  });
  const { state, effects } = run(events);

  it('is promoted at 100%', () => {
    expect(state).toMatchObject({ status: 'promoted', step: 4, weight: 100, commit: 'sha-5', extensions: 0 });
    expect(describeState(state, STEPS)).toBe(
      'rollout r1 (sha256:0123456789ab): promoted at step 5/5 at 100%',
    );
  });

  it('makes exactly one commit per step, numbered k of 5', () => {
    expect(effects.filter((e) => e.type === 'commit')).toEqual([
      { type: 'commit', weight: 1, step: 1, of: 5 },
      { type: 'commit', weight: 5, step: 2, of: 5 },
      { type: 'commit', weight: 25, step: 3, of: 5 },
      { type: 'commit', weight: 50, step: 4, of: 5 },
      { type: 'commit', weight: 100, step: 5, of: 5 },
    ]);
  });

  it('waits for each commit and analyses each step once', () => {
    expect(effects.filter((e) => e.type === 'wait-reconcile').map((e) => e.sha)).toEqual([
      'sha-1',
      'sha-2',
      'sha-3',
      'sha-4',
      'sha-5',
    ]);
    expect(effects.filter((e) => e.type === 'analyze')).toEqual([
      { type: 'analyze', step: 1, weight: 1 },
      { type: 'analyze', step: 2, weight: 5 },
      { type: 'analyze', step: 3, weight: 25 },
      { type: 'analyze', step: 4, weight: 50 },
      { type: 'analyze', step: 5, weight: 100 },
    ]);
  });

  it('reports each step on the deployment and dispatches each of the five steps', () => {
    expect(effects.filter((e) => e.type === 'set-status')).toEqual([
      { type: 'set-status', state: 'in_progress', description: 'step 1/5 at 1%: started' },
      { type: 'set-status', state: 'in_progress', description: 'step 2/5 at 5%: analysis passed' },
      { type: 'set-status', state: 'in_progress', description: 'step 3/5 at 25%: analysis passed' },
      { type: 'set-status', state: 'in_progress', description: 'step 4/5 at 50%: analysis passed' },
      { type: 'set-status', state: 'in_progress', description: 'step 5/5 at 100%: analysis passed' },
      { type: 'set-status', state: 'success', description: 'step 5/5 at 100%: promoted' },
    ]);
    expect(types(effects).filter((t) => t === 'dispatch-next')).toHaveLength(5);
    expect(types(effects).slice(-2)).toEqual(['set-status', 'notify']);
    expect(types(effects)).not.toContain('revert');
  });

  it('records startedAt from the started event and stepStartedAt from the last applied', () => {
    const late = run([started(7)]).state;
    expect(late.startedAt).toBe(T0 + 7 * MIN);
    expect(state.stepStartedAt).toBe(T0 + 63 * MIN); // step 5's applied: 4 × 15 + 3 minutes
  });

  it('repeated and stale events change nothing: the same five commits', () => {
    const noisy: RolloutEvent[] = [started(0), started(0)];
    STEPS.forEach((_, i) => {
      const base = i * 15;
      noisy.push(
        applied(base + 1), // the reconciler reporting the previous commit: ignored before this step's commit
        verdict('fail', base + 1), // a verdict while applying: the previous step's, ignored
        committed(`sha-${i + 1}`, base + 2),
        committed(`sha-${i + 1}`, base + 2),
        i > 0 ? committed(`sha-${i}`, base + 2) : committed(`sha-${i + 1}`, base + 2), // an older sha again
        applied(base + 3),
        applied(base + 4),
        verdict('pass', base + 13),
      );
    });
    const replay = run(noisy);
    expect(replay.state.status).toBe('promoted');
    expect(replay.effects).toEqual(effects);
  });
});

/** Policies differing only in the reversal levers they configure. */
function policyContext(...desired: string[]): MachineContext {
  return machineContext(parsePolicy(yaml('desired:', '  repo: acme/gitops', ...desired), FILE));
}
const FLAGS = '  flags: { provider: flagd, path: flags/checkout.json, flag: new-pricing }';
const TRAFFIC = '  traffic: { router: gateway-api, path: apps/checkout/route.yaml, route: checkout }';
const TARGETS =
  '  targets: [{ kind: kustomization, path: apps/checkout/kustomization.yaml, image: checkout }]';

describe('a failure at step 2 (5%)', () => {
  const toStep2 = [
    started(0),
    committed('sha-1', 1),
    applied(2),
    verdict('pass', 12),
    committed('sha-2', 13),
  ];
  const failing = [...toStep2, applied(14), verdict('fail', 24, 'error-rate: 0.02 above max 0.001')];

  it.each([
    ['flags, traffic and targets', 'flag', [FLAGS, TRAFFIC, TARGETS]],
    ['flags only', 'flag', [FLAGS]],
    ['traffic only', 'traffic', [TRAFFIC]],
    ['targets only', 'image', [TARGETS]],
    ['traffic and targets', 'traffic', [TRAFFIC, TARGETS]],
    ['nothing to edit', 'image', []],
  ])('with %s reverts with the %s lever', (_, lever, desired) => {
    const context = policyContext(...desired);
    const { state, effects } = run(failing, context);
    const reason = 'step 2/5 at 5%: analysis failed: error-rate: 0.02 above max 0.001';
    expect(state).toMatchObject({ status: 'reverting', step: 1, weight: 5, reason });
    expect(effects.slice(-4)).toEqual([
      { type: 'revert', lever, reason },
      { type: 'quarantine', digest: DIGEST, reason },
      { type: 'set-status', state: 'failure', description: `failed at ${reason}` },
      {
        type: 'notify',
        message: `rollout r1 of ${DIGEST} is reverting with the ${lever} lever at ${reason}`,
      },
    ]);
    expect(effects.filter((e) => e.type === 'commit')).toHaveLength(2);
  });

  it.each([
    [['image', 'traffic', 'flag'], { flag: true, traffic: true, image: true }, 'image'],
    [['traffic', 'image'], { flag: true, traffic: false, image: false }, 'image'],
    [['flag'], { flag: false, traffic: true, image: true }, 'image'],
    [['traffic', 'flag'], { flag: true, traffic: false, image: true }, 'flag'],
  ] as const)('order %j with levers %j uses %s', (order, levers, lever) => {
    expect(reversalLever({ order: [...order], levers })).toBe(lever);
  });

  it('lands as reverted: the job fails with the reason, and the failure status is not sent twice', () => {
    const { state, effects } = run(
      [verdict('fail', 24, 'error-rate: 0.02 above max 0.001')],
      CONTEXT,
      REPRESENTATIVE.baking,
    );
    const done = transition(state, { type: 'reverted', at: T0 + 26 * MIN, sha: 'sha-rev' }, CONTEXT);
    expect(done.state).toMatchObject({ status: 'reverted', commit: 'sha-rev' });
    expect(done.effects).toEqual([
      {
        type: 'fail-job',
        message:
          'rollout r1 failed and was reverted: step 2/5 at 5%: analysis failed: error-rate: 0.02 above max 0.001',
      },
    ]);
    expect(types(effects).filter((t) => t === 'set-status')).toHaveLength(1);
    expect(done.state.history.at(-1)).toEqual({
      step: 1,
      weight: 5,
      reason: 'reversal committed',
      at: T0 + 26 * MIN,
      sha: 'sha-rev',
    });
    expect(describeState(done.state, STEPS)).toBe(
      'rollout r1 (sha256:0123456789ab): reverted, step 2/5 at 5%: analysis failed: error-rate: 0.02 above max 0.001',
    );
  });

  it('an error verdict also reverses and quarantines', () => {
    const { effects } = run(
      [verdict('error', 24, 'prometheus: 503 four times')],
      CONTEXT,
      REPRESENTATIVE.baking,
    );
    expect(effects).toContainEqual({
      type: 'quarantine',
      digest: DIGEST,
      reason: 'step 2/5 at 5%: analysis errored: prometheus: 503 four times',
    });
  });

  it('abort reverses without quarantining: a person stopping it says nothing about the digest', () => {
    const { state, effects } = run([command('abort', 20)], CONTEXT, REPRESENTATIVE.baking);
    expect(state.reason).toBe('step 2/5 at 5%: aborted by command');
    expect(effects[0]).toEqual({
      type: 'revert',
      lever: 'flag',
      reason: 'step 2/5 at 5%: aborted by command',
    });
    expect(types(effects)).not.toContain('quarantine');
  });
});

describe('an inconclusive verdict follows onInconclusive', () => {
  const baking = REPRESENTATIVE.baking;

  it('extend: bakes once more, then a second inconclusive pauses', () => {
    const context = contextWith({ onInconclusive: 'extend' });
    const first = transition(baking, verdict('inconclusive', 25, '120 of 500 requests'), context);
    expect(first.state).toMatchObject({ status: 'baking', extensions: 1, step: 1 });
    expect(first.effects).toEqual([{ type: 'analyze', step: 2, weight: 5 }]);
    const second = transition(first.state, verdict('inconclusive', 35, '410 of 500 requests'), context);
    const cause = 'analysis inconclusive after an extended bake: 410 of 500 requests';
    expect(second.state).toMatchObject({
      status: 'paused',
      reason: `step 2/5 at 5%: ${cause}`,
      extensions: 1,
    });
    expect(second.effects).toEqual([
      { type: 'set-status', state: 'in_progress', description: `paused at step 2/5 at 5%: ${cause}` },
      {
        type: 'notify',
        message: `rollout r1 paused at step 2/5 at 5%: ${cause}; send promote, retry or abort to decide`,
      },
    ]);
  });

  it('extend then pass: the next step starts with no extensions', () => {
    const context = contextWith({ onInconclusive: 'extend' });
    const { state, effects } = run([verdict('inconclusive', 25), verdict('pass', 35)], context, baking);
    expect(state).toMatchObject({ status: 'applying', step: 2, weight: 25, extensions: 0 });
    expect(effects.filter((e) => e.type === 'commit')).toEqual([
      { type: 'commit', weight: 25, step: 3, of: 5 },
    ]);
  });

  it('pause: holds at once; retry bakes again with the extension allowance restored', () => {
    const context = contextWith({ onInconclusive: 'pause' });
    const paused = transition(baking, verdict('inconclusive', 25, 'no data yet'), context);
    expect(paused.state).toMatchObject({
      status: 'paused',
      reason: 'step 2/5 at 5%: analysis inconclusive: no data yet',
    });
    expect(paused.effects[0]).toEqual({
      type: 'set-status',
      state: 'in_progress',
      description: 'paused at step 2/5 at 5%: analysis inconclusive: no data yet',
    });
    const retried = transition({ ...paused.state, extensions: 1 }, command('retry', 40), context);
    expect(retried.state.status).toBe('baking');
    expect(retried.state.extensions).toBe(0);
    expect(retried.state.reason).toBeUndefined();
    expect(retried.effects).toEqual([
      { type: 'set-status', state: 'in_progress', description: 'step 2/5 at 5%: retry by command' },
      { type: 'analyze', step: 2, weight: 5 },
      { type: 'dispatch-next' },
    ]);
    expect(transition(paused.state, command('resume', 40), context).effects).toEqual([
      { type: 'set-status', state: 'in_progress', description: 'step 2/5 at 5%: resume by command' },
      { type: 'analyze', step: 2, weight: 5 },
      { type: 'dispatch-next' },
    ]);
  });

  it('pause, then promote moves one step and promote-full commits 100% as step 5/5', () => {
    const paused = REPRESENTATIVE.paused;
    const promoted = transition(paused, command('promote'), CONTEXT);
    expect(promoted.state).toMatchObject({ status: 'applying', step: 2, weight: 25 });
    expect(promoted.state.commit).toBeUndefined();
    expect(promoted.state.appliedAt).toBeUndefined();
    expect(promoted.state.reason).toBeUndefined();
    expect(promoted.effects[0]).toEqual({ type: 'commit', weight: 25, step: 3, of: 5 });
    const full = transition(paused, command('promote-full'), CONTEXT);
    expect(full.state).toMatchObject({ status: 'applying', step: 4, weight: 100 });
    expect(full.effects).toEqual([
      { type: 'commit', weight: 100, step: 5, of: 5 },
      { type: 'set-status', state: 'in_progress', description: 'step 5/5 at 100%: promote-full by command' },
      { type: 'dispatch-next' },
    ]);
  });

  it('fail: reverses with quarantine', () => {
    const context = contextWith({ onInconclusive: 'fail' });
    const { state, effects } = transition(baking, verdict('inconclusive', 25, 'no data'), context);
    const reason = 'step 2/5 at 5%: analysis inconclusive (onInconclusive: fail): no data';
    expect(state).toMatchObject({ status: 'reverting', reason });
    expect(types(effects)).toEqual(['revert', 'quarantine', 'set-status', 'notify']);
  });
});

describe('adaptive stepping', () => {
  const adaptive = contextWith({ adaptive: true });
  /** A baking state at `index` of `steps`. */
  const bakingAt = (index: number, steps: readonly number[] = STEPS, extensions = 0): RolloutState => ({
    ...REPRESENTATIVE.baking,
    step: index,
    weight: steps[index]!,
    extensions,
  });

  it.each([
    // [steps, from %, to % after a strong pass]
    [STEPS, 1, 25], // skips 5
    [STEPS, 5, 50], // skips 25
    [STEPS, 25, 50], // 100 is two ahead, but 25 < 50: no skip into 100
    [STEPS, 50, 100], // the next step anyway: not a skip
    [[10, 50, 100], 10, 50], // 10 < 50: no skip into 100
    [[1, 60, 80, 100], 60, 100], // from 60 the skip into 100 is allowed
    [[1, 50, 75, 100], 50, 100], // exactly 50 is not below 50
    [[1, 2, 5, 10, 25, 50, 75, 100], 2, 10], // one step only, never two
  ])('steps %j: a strong pass at %p%% commits %p%%', (steps, from, to) => {
    const context = contextWith({ steps, adaptive: true });
    const { state, effects } = transition(
      bakingAt(steps.indexOf(from), steps),
      verdict('pass', 30, 'ok', 'strong'),
      context,
    );
    expect(state.weight).toBe(to);
    expect(effects[0]).toEqual({ type: 'commit', weight: to, step: steps.indexOf(to) + 1, of: steps.length });
  });

  it('a strong pass at 100% promotes', () => {
    expect(transition(bakingAt(4), verdict('pass', 30, 'ok', 'strong'), adaptive).state.status).toBe(
      'promoted',
    );
  });

  it('describes a skip in the status', () => {
    const { effects } = transition(bakingAt(0), verdict('pass', 30, 'ok', 'strong'), adaptive);
    expect(effects[1]).toEqual({
      type: 'set-status',
      state: 'in_progress',
      description: 'step 3/5 at 25%: analysis passed strongly, skipped 5%',
    });
  });

  it('a weak pass extends the bake once, then the next pass advances one step', () => {
    const first = transition(bakingAt(1), verdict('pass', 30, 'borderline', 'weak'), adaptive);
    expect(first.state).toMatchObject({ status: 'baking', step: 1, extensions: 1 });
    expect(first.effects).toEqual([{ type: 'analyze', step: 2, weight: 5 }]);
    const second = transition(first.state, verdict('pass', 40, 'borderline', 'weak'), adaptive);
    expect(second.state).toMatchObject({ status: 'applying', step: 2, weight: 25 });
  });

  it('a weak pass at 100% extends before promoting', () => {
    const { state } = run(
      [verdict('pass', 30, 'x', 'weak'), verdict('pass', 40, 'x', 'weak')],
      adaptive,
      bakingAt(4),
    );
    expect(state.status).toBe('promoted');
    expect(transition(bakingAt(4), verdict('pass', 30, 'x', 'weak'), adaptive).state.status).toBe('baking');
  });

  it('a weak pass after an inconclusive extension advances: one extension per step', () => {
    const { state } = transition(bakingAt(1, STEPS, 1), verdict('pass', 30, 'x', 'weak'), adaptive);
    expect(state).toMatchObject({ status: 'applying', step: 2 });
  });

  it('without adaptive, confidence is ignored', () => {
    expect(transition(bakingAt(0), verdict('pass', 30, 'x', 'strong'), CONTEXT).state.weight).toBe(5);
    expect(transition(bakingAt(0), verdict('pass', 30, 'x', 'weak'), CONTEXT).state.weight).toBe(5);
  });
});

describe('max duration and timeouts', () => {
  const context = contextWith({ maxDurationMs: 4 * HOUR });
  // Started one hour after creation: the deadline is counted from `started`, T0 + 1h + 4h.
  const deadline = T0 + 5 * HOUR;
  const atStep2 = run([
    started(60),
    committed('sha-1', 61),
    applied(62),
    verdict('pass', 72),
    committed('sha-2', 73),
  ]);

  it('an event exactly at the deadline is still inside it', () => {
    const { state } = transition(atStep2.state, { type: 'applied', at: deadline }, context);
    expect(state.status).toBe('baking');
  });

  it.each<[string, RolloutEvent]>([
    ['applied', { type: 'applied', at: deadline + 1 }],
    ['a repeated committed', { type: 'committed', at: deadline + 1, sha: 'sha-2' }],
    ['resume', { type: 'command', at: deadline + 1, command: 'resume' }],
  ])('%s after it reverses: max duration exceeded, no quarantine', (_, event) => {
    const { state, effects } = transition(atStep2.state, event, context);
    const reason = 'step 2/5 at 5%: max duration 4h exceeded';
    expect(state).toMatchObject({ status: 'reverting', reason });
    expect(effects).toEqual([
      { type: 'revert', lever: 'flag', reason },
      { type: 'set-status', state: 'failure', description: `failed at ${reason}` },
      { type: 'notify', message: `rollout r1 of ${DIGEST} is reverting with the flag lever at ${reason}` },
    ]);
  });

  it('a passing verdict at 100% after the deadline reverses rather than promotes', () => {
    const late = { ...REPRESENTATIVE.baking, step: 4, weight: 100 };
    const { state } = transition(late, verdict('pass', 4 * 60 + 1), context);
    expect(state).toMatchObject({
      status: 'reverting',
      reason: 'step 5/5 at 100%: max duration 4h exceeded',
    });
  });

  it('a failing verdict after the deadline keeps its own reason and quarantine', () => {
    const { state, effects } = transition(
      REPRESENTATIVE.baking,
      verdict('fail', 4 * 60 + 1, 'p99 0.9s'),
      context,
    );
    expect(state.reason).toBe('step 2/5 at 5%: analysis failed: p99 0.9s');
    expect(types(effects)).toContain('quarantine');
  });

  it.each(['pending', 'promoted', 'reverting', 'reverted'] as const)(
    '%s is not active: a late event does not reverse it',
    (status) => {
      const state = REPRESENTATIVE[status];
      expect(transition(state, { type: 'applied', at: T0 + 10 * HOUR }, context)).toEqual({
        state,
        effects: [],
      });
    },
  );

  it('the reconcile timeout names the policy timeout, or says so when unknown', () => {
    const applying = REPRESENTATIVE.applying;
    const event: RolloutEvent = { type: 'timeout', at: T0 + 45 * MIN, what: 'reconcile' };
    expect(transition(applying, event, CONTEXT).state.reason).toBe('step 2/5 at 5%: not applied within 15m');
    const { reconcileTimeoutMs: _, ...noTimeout } = CONTEXT;
    expect(transition(applying, event, noTimeout).state.reason).toBe(
      'step 2/5 at 5%: not applied within the reconcile timeout',
    );
  });

  it('the rollout timeout names the limit', () => {
    const event: RolloutEvent = { type: 'timeout', at: T0 + 45 * MIN, what: 'rollout' };
    expect(transition(REPRESENTATIVE.paused, event, CONTEXT).state.reason).toBe(
      'step 2/5 at 5%: rollout did not finish within 4h',
    );
  });
});

describe('applying, pausing and resuming keep track of what the step still needs', () => {
  it('applied before the step commit landed is ignored (an older commit being applied)', () => {
    const state = { ...REPRESENTATIVE.applying, history: [] };
    const { commit: _, ...uncommitted } = state;
    expect(transition(uncommitted, applied(20), CONTEXT)).toEqual({ state: uncommitted, effects: [] });
  });

  it('a new sha for the same step (a re-commit) replaces the one being waited for', () => {
    const { state, effects } = transition(REPRESENTATIVE.applying, committed('sha-2b', 20), CONTEXT);
    expect(state.commit).toBe('sha-2b');
    expect(effects).toEqual([{ type: 'wait-reconcile', sha: 'sha-2b' }]);
  });

  it('paused before the commit landed: resume commits again (idempotent)', () => {
    const { state } = run([started(0), command('pause', 1)]);
    expect(state).toMatchObject({ status: 'paused', step: 0, reason: 'step 1/5 at 1%: paused by command' });
    const resumed = transition(state, command('resume', 5), CONTEXT);
    expect(resumed.state.status).toBe('applying');
    expect(resumed.effects).toEqual([
      { type: 'commit', weight: 1, step: 1, of: 5 },
      { type: 'set-status', state: 'in_progress', description: 'step 1/5 at 1%: resume by command' },
    ]);
  });

  it('paused while the commit lands: it is recorded, and resume waits for it', () => {
    const { state, effects } = run([started(0), command('pause', 1), committed('sha-1', 2)]);
    expect(state).toMatchObject({ status: 'paused', commit: 'sha-1' });
    expect(types(effects)).toEqual(['commit', 'set-status', 'dispatch-next', 'set-status', 'notify']);
    expect(transition(state, command('retry', 5), CONTEXT).effects).toEqual([
      { type: 'set-status', state: 'in_progress', description: 'step 1/5 at 1%: retry by command' },
      { type: 'wait-reconcile', sha: 'sha-1' },
    ]);
  });

  it('paused while the commit is applied: recorded, and resume bakes', () => {
    const { state } = run([started(0), committed('sha-1', 1), command('pause', 2), applied(3)]);
    expect(state).toMatchObject({ status: 'paused', appliedAt: T0 + 3 * MIN, stepStartedAt: T0 + 3 * MIN });
    const resumed = transition(state, command('resume', 5), CONTEXT);
    expect(resumed.state.status).toBe('baking');
    expect(types(resumed.effects)).toEqual(['set-status', 'analyze', 'dispatch-next']);
  });

  it('promote at 100% while paused before it was applied finishes applying instead of promoting', () => {
    const paused: RolloutState = {
      ...REPRESENTATIVE.applying,
      status: 'paused',
      step: 4,
      weight: 100,
      commit: 'sha-5',
    };
    const { state, effects } = transition(paused, command('promote'), CONTEXT);
    expect(state.status).toBe('applying');
    expect(types(effects)).toEqual(['set-status', 'wait-reconcile']);
  });

  it('promote at 100% while baking promotes', () => {
    const baking = { ...REPRESENTATIVE.baking, step: 4, weight: 100 };
    const { state, effects } = transition(baking, command('promote'), CONTEXT);
    expect(state.status).toBe('promoted');
    expect(effects[0]).toEqual({
      type: 'set-status',
      state: 'success',
      description: 'step 5/5 at 100%: promoted',
    });
  });
});

describe('commands that cannot act say why', () => {
  it.each<[RolloutStatus, 'promote' | 'retry' | 'pause' | 'abort', string]>([
    ['pending', 'promote', 'rollout r1 has not started; nothing to promote'],
    ['applying', 'promote', 'rollout r1 is applying step 2/5 at 5%; promote acts once it is applied'],
    ['baking', 'retry', 'rollout r1 is baking, not paused; retry does nothing'],
    ['paused', 'pause', 'rollout r1 is already paused at step 2/5 at 5%'],
    ['reverting', 'abort', 'rollout r1 is reverting; abort does nothing while the reversal lands'],
    ['promoted', 'abort', 'rollout r1 is promoted (100%); abort does nothing'],
    ['reverted', 'retry', 'rollout r1 is reverted; retry does nothing — start a new rollout to try again'],
  ])('%s + %s', (status, name, message) => {
    const { effects } = transition(REPRESENTATIVE[status], command(name), CONTEXT);
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ type: 'notify', message: expect.stringContaining(message) });
  });

  it('abort before the first step ends the rollout with nothing to reverse', () => {
    const { state, effects } = run([command('abort', 0), started(1)]);
    expect(state).toMatchObject({ status: 'reverted', step: -1, reason: 'aborted before the first step' });
    expect(effects).toEqual([
      { type: 'set-status', state: 'failure', description: 'aborted before the first step' },
      {
        type: 'notify',
        message: `rollout r1 of ${DIGEST} was aborted before the first step; nothing was committed`,
      },
      { type: 'fail-job', message: 'rollout r1 aborted before the first step' },
    ]);
  });
});

describe('started with steps the policy loader would reject', () => {
  it.each([
    [[], 'exposure.steps is empty'],
    [[5, 1, 100], 'exposure.steps [5, 1, 100] must increase; got 1 after 5'],
    [[1, 5, 50], 'exposure.steps [1, 5, 50] must end at 100'],
    [
      [5, 0, 100],
      'exposure.steps [5, 0, 100]: 0 is not a percentage in (0, 100] (only the first step may be 0)',
    ],
    [
      [0, 0, 100],
      'exposure.steps [0, 0, 100]: 0 is not a percentage in (0, 100] (only the first step may be 0)',
    ],
    [[-1, 100], 'exposure.steps [-1, 100]: -1 is not a percentage in (0, 100]'],
  ])('%j: state unchanged, the job fails naming the problem', (steps, problem) => {
    const state = initialRolloutState({ id: 'r1', digest: DIGEST, at: T0 });
    const result = transition(state, started(), contextWith({ steps }));
    expect(result.state).toBe(state);
    expect(result.effects).toHaveLength(1);
    expect(result.effects[0]).toMatchObject({ type: 'fail-job', message: expect.stringContaining(problem) });
  });
});

describe('a leading step at weight 0 (blue-green preview, mirror step)', () => {
  it('[0, 100]: the preview is committed at 0%, a pass switches to 100%, a pass there promotes', () => {
    const context = contextWith({ steps: [0, 100] });
    const fresh = initialRolloutState({ id: 'r1', digest: DIGEST, at: T0 });
    let { state, effects } = transition(fresh, started(), context);
    expect(effects[0]).toEqual({ type: 'commit', weight: 0, step: 1, of: 2 });
    state = transition(state, committed('sha-preview', 1), context).state;
    state = transition(state, applied(2), context).state;
    ({ state, effects } = transition(state, verdict('pass', 3), context));
    expect(effects[0]).toEqual({ type: 'commit', weight: 100, step: 2, of: 2 });
    state = transition(state, committed('sha-switch', 4), context).state;
    state = transition(state, applied(5), context).state;
    ({ state } = transition(state, verdict('pass', 6), context));
    expect(state.status).toBe('promoted');
  });
});

describe('set-status descriptions stay within GitHub’s 140 characters', () => {
  it('a long reason is clipped with an ellipsis', () => {
    const reason = 'x'.repeat(300);
    const { effects } = transition(REPRESENTATIVE.baking, verdict('fail', 30, reason), CONTEXT);
    const status = effects.find((e) => e.type === 'set-status');
    expect(STATUS_DESCRIPTION_LIMIT).toBe(140);
    expect(status).toMatchObject({
      description: expect.stringMatching(/^failed at step 2\/5 at 5%: analysis failed: x+…$/),
    });
    expect(status?.type === 'set-status' && status.description.length).toBe(140);
    // The revert keeps the whole reason: it goes into a commit message, which has no such limit.
    expect(effects[0]).toMatchObject({
      type: 'revert',
      reason: `step 2/5 at 5%: analysis failed: ${reason}`,
    });
  });
});

describe('machineContext', () => {
  it('reads the defaults: standard steps, pause, 4h, every lever order, 15m reconcile', () => {
    expect(machineContext(parsePolicy('service: checkout\n', FILE))).toEqual({
      steps: [1, 5, 25, 50, 100],
      onInconclusive: 'pause',
      maxDurationMs: 14_400_000, // 4 × 3,600,000
      levers: { flag: false, traffic: false, image: false },
      order: ['flag', 'traffic', 'image'],
      adaptive: false,
      reconcileTimeoutMs: 900_000, // 15 × 60,000
    });
  });

  it('reads written exposure and rollback settings', () => {
    const policy = parsePolicy(
      yaml(
        'exposure:',
        '  steps: [10, 50, 100]',
        '  maxDuration: 90m',
        '  onInconclusive: extend',
        '  reconcile: { wait: delay, delay: 10s, timeout: 5m }',
        'rollback: { order: [image, flag] }',
        'desired:',
        '  repo: acme/gitops',
        TARGETS,
        FLAGS,
      ),
      FILE,
    );
    expect(machineContext(policy)).toEqual({
      steps: [10, 50, 100],
      onInconclusive: 'extend',
      maxDurationMs: 5_400_000,
      levers: { flag: true, traffic: false, image: true },
      order: ['image', 'flag'],
      adaptive: false,
      reconcileTimeoutMs: 300_000,
    });
  });
});

describe('describeState and isTerminal', () => {
  it.each<[RolloutStatus, string]>([
    ['pending', 'rollout r1 (sha256:0123456789ab): pending'],
    ['applying', 'rollout r1 (sha256:0123456789ab): applying step 2/5 at 5% (commit sha-2)'],
    ['baking', 'rollout r1 (sha256:0123456789ab): baking step 2/5 at 5%'],
    [
      'paused',
      'rollout r1 (sha256:0123456789ab): paused, step 2/5 at 5%: analysis inconclusive: too few requests',
    ],
    ['promoted', 'rollout r1 (sha256:0123456789ab): promoted at step 5/5 at 100%'],
    [
      'reverting',
      'rollout r1 (sha256:0123456789ab): reverting, step 2/5 at 5%: analysis failed: error rate 2%',
    ],
    [
      'reverted',
      'rollout r1 (sha256:0123456789ab): reverted, step 2/5 at 5%: analysis failed: error rate 2%',
    ],
  ])('%s: %s', (status, line) => {
    expect(describeState(REPRESENTATIVE[status], STEPS)).toBe(line);
  });

  it('shows extensions while baking and keeps a digest that is not sha256 whole', () => {
    const state = { ...REPRESENTATIVE.baking, digest: 'sha512:abc', extensions: 1 };
    expect(describeState(state, STEPS)).toBe('rollout r1 (sha512:abc): baking step 2/5 at 5%, extended 1×');
  });

  it.each<[RolloutStatus, boolean, boolean]>([
    ['pending', false, false],
    ['applying', false, true],
    ['baking', false, true],
    ['paused', false, true],
    ['promoted', true, false],
    ['reverting', false, false],
    ['reverted', true, false],
  ])('%s: terminal %p, active %p', (status, terminal, active) => {
    expect(isTerminal(status)).toBe(terminal);
    expect(isActive(status)).toBe(active);
  });
});

describe('properties over random event sequences', () => {
  const eventArb: fc.Arbitrary<RolloutEvent> = fc.oneof(
    fc.constant<RolloutEvent>({ type: 'started', at: 0 }),
    fc
      .constantFrom('sha-a', 'sha-b', 'sha-c')
      .map<RolloutEvent>((sha) => ({ type: 'committed', at: 0, sha })),
    fc.constant<RolloutEvent>({ type: 'applied', at: 0 }),
    fc
      .record({
        phase: fc.constantFrom('pass', 'fail', 'error', 'inconclusive' as const),
        confidence: fc.constantFrom(undefined, 'strong', 'weak' as const),
        reason: fc.string({ maxLength: 200 }),
      })
      .map<RolloutEvent>(({ phase, confidence, reason }) => ({
        type: 'verdict',
        at: 0,
        phase,
        reason,
        ...(confidence ? { confidence } : {}),
      })),
    fc
      .constantFrom('promote', 'promote-full', 'abort', 'retry', 'pause', 'resume' as const)
      .map<RolloutEvent>((name) => ({ type: 'command', at: 0, command: name })),
    fc
      .constantFrom('reconcile', 'rollout' as const)
      .map<RolloutEvent>((what) => ({ type: 'timeout', at: 0, what })),
    fc.constant<RolloutEvent>({ type: 'reverted', at: 0, sha: 'sha-r' }),
  );
  const contextArb = fc.record({
    onInconclusive: fc.constantFrom('pause', 'extend', 'fail' as const),
    adaptive: fc.boolean(),
    steps: fc.constantFrom([1, 5, 25, 50, 100], [10, 50, 100], [100], [1, 2, 5, 10, 25, 50, 75, 100]),
  });

  it('never throws, stays JSON-safe, keeps step and weight in the plan, and terminal states absorb', () => {
    fc.assert(
      fc.property(
        contextArb,
        fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 20 * MIN })), { maxLength: 60 }),
        (overrides, timeline) => {
          const context = contextWith(overrides);
          let state = initialRolloutState({ id: 'p', digest: DIGEST, at: T0 });
          let now = T0;
          for (const [event, gap] of timeline) {
            now += gap;
            const before = state;
            const { state: next, effects } = transition(before, { ...event, at: now }, context);
            expect(JSON.parse(JSON.stringify(next))).toStrictEqual(next);
            expect(next.history.length).toBeGreaterThanOrEqual(before.history.length);
            if (next.step >= 0) expect(next.weight).toBe(context.steps[next.step]);
            if (next.status === 'promoted') expect(next.weight).toBe(100);
            if (isTerminal(before.status)) {
              expect(next).toBe(before);
              expect(effects.every((effect) => effect.type === 'notify')).toBe(true);
            }
            if (types(effects).includes('quarantine')) expect(types(effects)).toContain('revert');
            if (types(effects).includes('revert')) expect(next.status).toBe('reverting');
            for (const effect of effects) {
              if (effect.type === 'set-status') expect(effect.description.length).toBeLessThanOrEqual(140);
              if (effect.type === 'commit') expect(effect.weight).toBe(context.steps[effect.step - 1]);
            }
            state = next;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
