/**
 * The single-job executor (DESIGN.md "Loops" 1): feeds events to the pure state machine and
 * performs the effects it asks for — compare-and-swap commits through the desired-state writer, the
 * reconcile wait, the analysis through the metric provider, deployment statuses, the reversal — until
 * the rollout is promoted, reverted or paused. Every dependency is passed in, so tests drive it with
 * real git and a fake clock.
 *
 * Reversal: the machine names the lever; `flag` commits the flag's kill switch, `traffic` the canary
 * weight 0 (and the flag split 0), `image` the targets' files restored to their bytes before the
 * rollout. Each reversal commit carries `Glidepath-Revert-Of` (the rollout's first commit) and
 * `Glidepath-Verdict`; after a judged failure it also adds the digest to the quarantine file in the
 * same commit, so the reversal and the quarantine land together or not at all (an abort or a
 * timeout reverses without quarantining: they are no evidence against the digest).
 */
import { passConfidence } from '../analysis/confidence.js';
import { runAnalysis, type AnalysisReport } from '../analysis/engine.js';
import type { ErrorRateState } from '../analysis/error-rate-gate.js';
import type { AnalysisPolicy, DesiredPolicy, NotifyEvent, OverrideKind, Policy } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { ImageRef } from '../evidence/image-ref.js';
import { desireCommit, type DesireRequest } from '../gitops/desire.js';
import { quarantineChange } from '../gitops/quarantine.js';
import { promotionCommit } from '../gitops/promotion.js';
import { planRevert } from '../gitops/revert.js';
import type { CommitRequest, DesiredStateWriter } from '../gitops/types.js';
import type { Fetch, MetricProvider } from '../metrics/providers/types.js';
import { planSetFlag } from '../traffic/flags/set-flag.js';
import { describeState, initialRolloutState, isTerminal, machineContext, transition } from './machine.js';
import { createReconcileWaiter, type ReconcileDeps } from './reconcile/index.js';
import { decodeAnalysisState, encodeAnalysisState } from './analysis-state.js';
import { recoverRollout } from './recover.js';
import type { DeploymentState, Effect, Lever, RolloutCommand, RolloutEvent, RolloutState } from './types.js';

/** What to roll out. */
export interface RolloutRequest {
  policy: Policy & { analysis: AnalysisPolicy };
  desired: DesiredPolicy;
  image: ImageRef;
  /** The rollout id (`Glidepath-Rollout`). */
  id: string;
  /** Label values for `{{canary}}` and `{{stable}}` in queries. */
  labels: { canary: string; stable: string };
  /** Digest of the admission report (`Glidepath-Evidence`). */
  evidence?: string;
  /**
   * Event-driven mode (`glidepath step`): stop as soon as the machine hands the next unit of work to
   * a new run (`dispatch-next`: the next step's commit landed). The next run recovers the rollout
   * from the branch's trailers and carries on, exactly as after a kill.
   */
  singleStep?: boolean;
  /**
   * A manual control for the rollout in progress (promote, promote-full, abort, retry, pause,
   * resume): applied to the step the branch shows as live, instead of baking it again.
   */
  control?: RolloutCommand;
  /** An audited override of the deploy policy, recorded on every commit of the rollout. */
  override?: { kind: OverrideKind; reason: string };
}

/** Effects, injected. */
export interface RolloutDeps {
  writer: DesiredStateWriter;
  provider: MetricProvider;
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** For the http and argocd reconcile waits; default global fetch. */
  fetch?: Fetch;
  /** Where the argocd wait reads its token variable; default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** GitHub, for the deployment-status wait. */
  github?: ReconcileDeps['github'];
  /** The rollout's own GitHub deployment, for the deployment-status wait. */
  deploymentId?: number;
  /** Deployment statuses, when the rollout is tracked as a GitHub deployment. */
  setStatus?(state: DeploymentState, description: string): Promise<void>;
  /** Progress lines. */
  log(line: string): void;
  /**
   * Tell people (policy `notify`): the first step committed (`start`), each later step committed
   * (`step`), the promotion recorded (`promoted`), the reversal committed (`reverted`). Must not throw.
   */
  announce?(event: NotifyEvent, details: Announcement): Promise<void>;
}

/** What an announcement says beyond the rollout itself. */
export interface Announcement {
  step?: { index: number; of: number; weight: number };
  reason: string;
  commit?: string;
}

/** One step as it happened. */
export interface StepRecord {
  step: number;
  weight: number;
  commit?: string;
  phase?: string;
  reason?: string;
  analysis?: AnalysisReport;
}

/** The rollout record (the action's `record` output, the summary's source). */
export interface RolloutRecord {
  id: string;
  digest: string;
  /** `continuing`: single-step mode handed the next step to a new run. */
  outcome: 'promoted' | 'reverted' | 'paused' | 'continuing';
  reason: string;
  steps: StepRecord[];
  /** The reversal commit, when reverted. */
  revertCommit?: string;
  /** The lever the reversal used. */
  lever?: Lever;
  /** The audited override the rollout ran under. */
  override?: { kind: OverrideKind; reason: string };
  startedAt: string;
  finishedAt: string;
  state: RolloutState;
}

/** Runs the rollout to promotion, reversal or a pause. */
export async function runRollout(request: RolloutRequest, deps: RolloutDeps): Promise<RolloutRecord> {
  const { policy, desired, image } = request;
  const context = machineContext(policy);
  const digest = image.digest.toString();
  const started = deps.now();
  const waiter = createReconcileWaiter(policy.exposure.reconcile, {
    now: deps.now,
    sleep: deps.sleep,
    fetch: deps.fetch ?? globalThis.fetch,
    env: deps.env ?? {},
    log: deps.log,
    ...(deps.github ? { github: deps.github } : {}),
  });
  let state = initialRolloutState({ id: request.id, digest, at: started.getTime() });
  const steps: StepRecord[] = [];
  let firstCommit: string | undefined;
  let beforeRollout: string | undefined;
  let errorRateState: Readonly<Record<string, ErrorRateState>> | undefined;
  let revertCommit: string | undefined;
  let lever: Lever | undefined;
  let failure: string | undefined;
  let handedOff = false;
  let quarantining = false;

  // Rerun after a kill (or of the same event): the branch's trailers say where this rollout stands.
  const history = await deps.writer.log(desired.branch, 200);
  const recovered = recoverRollout(history, { rollout: request.id });
  const queue: RolloutEvent[] = [{ type: 'started', at: started.getTime() }];
  if (recovered && recovered.status !== 'in-progress') {
    deps.log(
      `rollout ${request.id} already ${recovered.status} at ${recovered.head.slice(0, 12)}; nothing to do`,
    );
    return {
      id: request.id,
      digest,
      outcome: recovered.status,
      reason: `already ${recovered.status} (${recovered.head.slice(0, 12)}): a rerun changes nothing`,
      steps: [],
      ...(recovered.status === 'reverted' ? { revertCommit: recovered.head } : {}),
      startedAt: started.toISOString(),
      finishedAt: deps.now().toISOString(),
      state,
    };
  }
  if (request.control && !recovered) {
    throw new ConfigurationError(
      `no rollout ${request.id} on ${desired.branch} to ${request.control}; start one with glidepath rollout or step`,
    );
  }
  const resumeAt = recovered?.step?.index;
  const resumeWeight = recovered?.weight;
  if (
    recovered &&
    resumeAt !== undefined &&
    resumeWeight !== undefined &&
    context.steps[resumeAt - 1] === resumeWeight
  ) {
    // Resume at the recovered step: its commit is on the branch; wait for it and bake it again.
    const oldest = recovered.commits.at(-1)!.sha;
    firstCommit = oldest;
    beforeRollout = history.find((c) => c.sha === oldest)?.parents[0];
    if (request.control) {
      // A person decides about the live step: it counts as applied and baking, and the command moves it.
      const at = started.getTime();
      state = {
        ...state,
        status: 'baking',
        step: resumeAt - 1,
        weight: resumeWeight,
        commit: recovered.head,
        appliedAt: at,
        stepStartedAt: at,
        history: [
          {
            step: resumeAt - 1,
            weight: resumeWeight,
            reason: 'recovered from the branch',
            at,
            sha: recovered.head,
          },
        ],
      };
      queue[0] = { type: 'command', at, command: request.control };
    } else {
      state = { ...state, status: 'applying', step: resumeAt - 1, weight: resumeWeight };
      queue[0] = { type: 'committed', at: started.getTime(), sha: recovered.head };
    }
    steps.push({ step: resumeAt, weight: resumeWeight, commit: recovered.head });
    // The error-rate test carries on from where the previous step's run left it.
    const carried = recovered.commits.find((commit) => commit.analysis !== undefined)?.analysis;
    errorRateState = decodeAnalysisState(carried);
    if (carried !== undefined && errorRateState === undefined) {
      deps.log(`ignored an unreadable Glidepath-Analysis trailer; the error-rate test starts afresh`);
    }
    deps.log(
      `resuming ${request.id} at step ${resumeAt}/${context.steps.length} (${resumeWeight}%), commit ${recovered.head.slice(0, 12)}`,
    );
  }
  while (queue.length > 0) {
    const event = queue.shift()!;
    const result = transition(state, event, context);
    // Promotion is recorded in Git before anyone is told: the last step's commit alone does not say
    // it was judged, and a run that dies here must judge it again rather than claim a promotion.
    const promotedNow = result.state.status === 'promoted' && state.status !== 'promoted';
    state = result.state;
    if (promotedNow) await recordPromoted();
    // A reversal carries the quarantine entry only when the machine asks for one (a judged failure,
    // not a person's abort or a timeout).
    quarantining = result.effects.some((effect) => effect.type === 'quarantine');
    for (const effect of result.effects) {
      const next = await perform(effect);
      if (next) queue.push(next);
    }
    if (handedOff) break;
    if (isTerminal(state.status) || (state.status === 'paused' && queue.length === 0)) break;
  }

  const outcome =
    state.status === 'promoted'
      ? 'promoted'
      : state.status === 'reverted'
        ? 'reverted'
        : handedOff
          ? 'continuing'
          : 'paused';
  return {
    id: request.id,
    digest,
    outcome,
    reason: failure ?? state.reason ?? describeState(state, context.steps),
    steps,
    ...(revertCommit ? { revertCommit } : {}),
    ...(lever ? { lever } : {}),
    ...(request.override ? { override: request.override } : {}),
    startedAt: started.toISOString(),
    finishedAt: deps.now().toISOString(),
    state,
  };

  async function perform(effect: Effect): Promise<RolloutEvent | undefined> {
    const at = () => deps.now().getTime();
    switch (effect.type) {
      case 'commit': {
        const desire = desireCommit(desired, {
          image,
          weight: effect.weight,
          ...routingAt(effect.step),
          rollout: request.id,
          step: `${effect.step}/${effect.of}`,
          ...(policy.service ? { service: policy.service } : {}),
          ...(request.evidence ? { evidence: request.evidence } : {}),
        });
        // The error-rate test continues in the run that bakes this step (rollout/analysis-state.ts).
        const carried = encodeAnalysisState(errorRateState);
        const commit = await deps.writer.commit({
          ...desire,
          trailers: {
            ...desire.trailers,
            ...overrideTrailer(),
            ...(carried ? { 'Glidepath-Analysis': carried } : {}),
          },
        });
        if (firstCommit === undefined) {
          firstCommit = commit.sha;
          [beforeRollout] =
            (await deps.writer.log(desired.branch, 2)).find((c) => c.sha === commit.sha)?.parents ?? [];
        }
        steps.push({ step: effect.step, weight: effect.weight, commit: commit.sha });
        await deps.announce?.(effect.step === 1 ? 'start' : 'step', {
          step: { index: effect.step, of: effect.of, weight: effect.weight },
          reason: effect.step === 1 ? 'rollout started' : 'the previous step passed',
          commit: commit.sha,
        });
        deps.log(
          `step ${effect.step}/${effect.of}: ${effect.weight}% committed ${commit.sha.slice(0, 12)} (${commit.status})`,
        );
        return { type: 'committed', at: at(), sha: commit.sha };
      }
      case 'wait-reconcile':
        return (await waitReconciled(effect.sha))
          ? { type: 'applied', at: at() }
          : { type: 'timeout', at: at(), what: 'reconcile' };
      case 'analyze': {
        const stepStart = deps.now();
        const report = await runAnalysis(
          {
            policy: policy.analysis,
            target: { ...request.labels, ...(policy.service ? { service: policy.service } : {}) },
            stepStart,
            bake: policy.exposure.bake,
            ...(errorRateState ? { errorRateState } : {}),
          },
          { provider: deps.provider, now: deps.now, sleep: deps.sleep },
        );
        errorRateState = report.errorRateState;
        const record = steps.at(-1);
        if (record) Object.assign(record, { phase: report.phase, reason: report.reason, analysis: report });
        const extended = report.deadline.getTime() > stepStart.getTime() + policy.exposure.bake.milliseconds;
        const confidence = policy.exposure.adaptive
          ? passConfidence({ ...report, extended }, policy.analysis.guardrails)
          : undefined;
        deps.log(
          `step ${effect.step}: ${effect.weight}% analysis ${report.phase}${confidence ? ` (${confidence})` : ''}: ${report.reason}`,
        );
        return {
          type: 'verdict',
          at: at(),
          phase: report.phase,
          reason: report.reason,
          ...(confidence ? { confidence } : {}),
        };
      }
      case 'set-status':
        await deps.setStatus?.(effect.state, effect.description);
        return undefined;
      case 'revert': {
        lever = effect.lever;
        const sha = await revert(effect.lever, effect.reason);
        revertCommit = sha;
        await deps.announce?.('reverted', { reason: effect.reason, commit: sha });
        deps.log(
          `reverted with the ${effect.lever} lever: ${sha.slice(0, 12)}` +
            (quarantining ? `; quarantined ${digest.slice(0, 19)}…` : ''),
        );
        return { type: 'reverted', at: at(), sha };
      }
      case 'quarantine':
        // The reversal commit carries the quarantine entry (see revert), so it is already on the branch.
        return undefined;
      case 'dispatch-next':
        // Single-step mode ends this run once the next step's commit has landed (see the loop).
        if (request.singleStep) handedOff = true;
        return undefined;
      case 'notify':
        deps.log(effect.message);
        return undefined;
      case 'fail-job':
        failure = effect.message;
        return undefined;
    }
  }

  /**
   * The routing part of step `step`'s commit (1-based): with `exposure.mirror` or
   * `exposure.headerRoute`, the first step mirrors that share of stable's traffic to the canary, or
   * sends it the requests carrying the header; every later step stops that (the canary serves real
   * users from then on). Without either, nothing.
   */
  function routingAt(step: number): Pick<DesireRequest, 'mirror' | 'headerRoute'> {
    const { mirror, headerRoute } = policy.exposure;
    return {
      ...(mirror === undefined ? {} : { mirror: step === 1 ? mirror : 0 }),
      ...(headerRoute === undefined ? {} : { headerRoute: { ...headerRoute, enabled: step === 1 } }),
    };
  }

  /** Waits until the reconciler has applied `sha` (policy exposure.reconcile); logs why not. */
  async function waitReconciled(sha: string): Promise<boolean> {
    const outcome = await waiter.wait({
      sha,
      weight: state.weight,
      ...(deps.deploymentId === undefined ? {} : { deploymentId: deps.deploymentId }),
      ...(policy.environment ? { environment: policy.environment } : {}),
    });
    if (!outcome.applied) deps.log(`not applied: ${outcome.reason}`);
    return outcome.applied;
  }

  /** `Glidepath-Override: <kind>: <reason>` when the rollout runs under an audited override. */
  function overrideTrailer(): { 'Glidepath-Override'?: string } {
    const override = request.override;
    return override
      ? { 'Glidepath-Override': `${override.kind}: ${override.reason.replace(/\s+/g, ' ')}` }
      : {};
  }

  /** Commits the promotion record (`Glidepath-Verdict: promoted`); see gitops/promotion.ts. */
  async function recordPromoted(): Promise<void> {
    const commit = await deps.writer.commit(
      promotionCommit(
        desired.branch,
        {
          ...(policy.service ? { service: policy.service } : {}),
          rollout: request.id,
          digest,
          at: deps.now().toISOString(),
          steps: context.steps.length,
          ...(request.evidence ? { evidence: request.evidence } : {}),
        },
        desired.quarantineFile,
      ),
    );
    deps.log(`promoted: recorded ${commit.sha.slice(0, 12)} (${commit.status})`);
    await deps.announce?.('promoted', {
      reason: 'every step passed; the canary serves all traffic',
      commit: commit.sha,
    });
  }

  /** Commits the reversal with `which` lever plus the quarantine entry; returns the commit. */
  async function revert(which: Lever, reason: string): Promise<string> {
    const entry = {
      digest,
      image: image.name,
      reason,
      rollout: request.id,
      at: deps.now().toISOString(),
    };
    const trailers = {
      'Glidepath-Rollout': request.id,
      ...(policy.service ? { 'Glidepath-Service': policy.service } : {}),
      'Glidepath-Digest': digest,
      'Glidepath-Verdict': quarantining ? 'fail' : 'abort',
      ...(firstCommit ? { 'Glidepath-Revert-Of': firstCommit } : {}),
    };
    let commitRequest: CommitRequest;
    if (which === 'image') {
      if (!beforeRollout)
        throw new ConfigurationError('cannot revert the image: the rollout made no commit to undo');
      const plan = await planRevert(deps.writer, {
        branch: desired.branch,
        scope: { rollout: request.id },
        target: { to: beforeRollout },
        verdict: quarantining ? 'fail' : 'abort',
        reason,
        image: image.name,
        quarantineFile: desired.quarantineFile,
        ...(quarantining ? {} : { skipQuarantine: true }),
        now: deps.now,
      });
      commitRequest = plan.request;
    } else if (which === 'flag' && desired.flags) {
      const flags = desired.flags;
      commitRequest = {
        branch: desired.branch,
        headline: `glidepath: ${policy.service ?? 'rollout'} flag ${flags.flag} off (reversal)`,
        body: reason,
        trailers,
        changes: [
          {
            path: flags.path,
            intent: `flag ${flags.flag} off`,
            render: (current) =>
              planSetFlag(current ?? '', flags.path, {
                flag: flags.flag,
                off: true,
                provider: flags.provider,
              }).after,
          },
          ...(quarantining ? [quarantineChange(entry, desired.quarantineFile)] : []),
        ],
      };
    } else {
      // Traffic: the canary weight (and the flag split) back to 0; the image stays, serving nothing.
      const weightZero = desireCommit(desired, {
        image,
        weight: 0,
        // A mirror step's copy and a header route stop too: the canary gets nothing at all.
        ...routingAt(Infinity),
        rollout: request.id,
        ...(policy.service ? { service: policy.service } : {}),
      });
      commitRequest = {
        ...weightZero,
        headline: `glidepath: ${policy.service ?? 'rollout'} canary weight 0 (reversal)`,
        body: reason,
        trailers: { ...weightZero.trailers, ...trailers, 'Glidepath-Weight': '0' },
        // The quarantine guard refuses the digest being quarantined: this commit adds it instead.
        changes: [
          ...weightZero.changes.filter((change) => change.path !== desired.quarantineFile),
          ...(quarantining ? [quarantineChange(entry, desired.quarantineFile)] : []),
        ],
      };
    }
    return (await deps.writer.commit(commitRequest)).sha;
  }
}
