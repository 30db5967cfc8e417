/**
 * Hand-off mode (issue 5, Build 6): when the target is an Argo Rollouts Rollout or a Flagger Canary,
 * that controller steps traffic and runs its own analysis. Glidepath makes ONE desired-state commit
 * (the new image, no weights), watches the controller's phase through the controller's own
 * Prometheus metrics (controller-phase.ts), and closes the loop through Git:
 *
 * - `succeeded`: the promotion record is committed (gitops/promotion.ts), the deployment status goes
 *   to success; the outcome is `promoted`.
 * - `failed` (the controller aborted, degraded or failed its analysis): the controller already sent
 *   traffic back to stable, but Git still holds the bad image, so the next sync or a restart would
 *   roll it out again. Glidepath commits the image revert — the targets' files restored to their
 *   bytes before the rollout, `Glidepath-Revert-Of` the rollout's commit — with the digest added to
 *   the quarantine file in the same commit (planRevert, as the executor's image lever does).
 * - no verdict before `timeout`: the same revert without quarantine (no evidence against the digest).
 * - `paused` (an Argo `pause` step, a Flagger confirm gate) is logged and waited on.
 *
 * Provider errors (TransientError) are retried every interval until the timeout; a
 * ConfigurationError stops the run. A rerun is idempotent: when the branch already holds this
 * rollout's commit (its trailers, recover.ts) nothing is committed again, and a reverted rollout
 * stays reverted.
 */
import type { DesiredPolicy, Policy } from '../config/types.js';
import { ConfigurationError, TransientError } from '../errors.js';
import type { ImageRef } from '../evidence/image-ref.js';
import { desireCommit } from '../gitops/desire.js';
import { planRevert } from '../gitops/revert.js';
import type { DesiredStateWriter, LoggedCommit } from '../gitops/types.js';
import { shortSha } from './reconcile/types.js';
import type { MetricProvider } from '../metrics/providers/types.js';
import {
  describeObject,
  phaseQuery,
  readControllerPhase,
  type HandoffSpec,
  type PhaseReading,
} from './controller-phase.js';
import type { RolloutRecord, StepRecord } from './executor.js';
import { initialRolloutState } from './machine.js';
import { promotionCommit } from '../gitops/promotion.js';
import { recoverRollout } from './recover.js';
import type { DeploymentState, RolloutState } from './types.js';

export {
  describeObject,
  phaseQuery,
  readControllerPhase,
  type ControllerPhase,
  type HandoffController,
  type HandoffSpec,
  type PhaseReading,
} from './controller-phase.js';

/** What to hand off. */
export interface HandoffRequest {
  policy: Policy;
  desired: DesiredPolicy;
  image: ImageRef;
  /** The rollout id (`Glidepath-Rollout`). */
  id: string;
  /** Digest of the admission report (`Glidepath-Evidence`). */
  evidence?: string;
  /** The controller and object to observe (`exposure.handoff`). */
  spec: HandoffSpec;
}

/** Effects, injected (the same shape as the executor's RolloutDeps, minus the analysis). */
export interface HandoffDeps {
  writer: DesiredStateWriter;
  /** The Prometheus (or compatible) back-end that scrapes the controller. */
  provider: MetricProvider;
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** Deployment statuses, when the rollout is tracked as a GitHub deployment. */
  setStatus?(state: DeploymentState, description: string): Promise<void>;
  /** Progress lines. */
  log(line: string): void;
}

/** How many commits of the branch to read for a rerun's recovery (as the executor). */
const HISTORY_DEPTH = 200;

/** Commits the image, watches the controller and promotes or reverts; see the module comment. */
export async function runHandoff(request: HandoffRequest, deps: HandoffDeps): Promise<RolloutRecord> {
  const { desired, image, spec } = request;
  const service = request.policy.service;
  const digest = image.digest.toString();
  const object = describeObject(spec);
  const query = phaseQuery(spec);
  const started = deps.now();
  const state0 = initialRolloutState({ id: request.id, digest, at: started.getTime() });

  const history = await deps.writer.log(desired.branch, HISTORY_DEPTH);
  const recovered = recoverRollout(history, { rollout: request.id });
  const revertedBy = recovered?.commits.find((commit) => commit.revertOf !== undefined);
  if (recovered && revertedBy) {
    deps.log(`rollout ${request.id} already reverted at ${shortSha(revertedBy.sha)}; nothing to do`);
    return record({
      outcome: 'reverted',
      reason: `already reverted (${shortSha(revertedBy.sha)}): a rerun changes nothing`,
      steps: [],
      revertCommit: revertedBy.sha,
      status: 'reverted',
    });
  }

  if (recovered?.status === 'promoted') {
    deps.log(`rollout ${request.id} already promoted at ${shortSha(recovered.head)}; nothing to do`);
    return record({
      outcome: 'promoted',
      reason: `already promoted (${shortSha(recovered.head)}): a rerun changes nothing`,
      steps: [],
      status: 'promoted',
    });
  }

  let rolloutCommit: string;
  let beforeRollout: string | undefined;
  // A verdict counts only once the controller was seen working on a change since the commit: until
  // it notices the commit, it still shows the previous rollout's end state (controller-phase.ts).
  let armed: boolean;
  if (recovered) {
    // Rerun: the commit is on the branch already. The controller may have finished while no run
    // watched, so its end state is taken as this rollout's — the stale-state window is the seconds
    // after a commit, and the commit predates this run.
    const oldest = recovered.commits.at(-1)!;
    rolloutCommit = oldest.sha;
    beforeRollout = history.find((commit) => commit.sha === oldest.sha)?.parents[0];
    armed = true;
    deps.log(
      `resuming ${request.id}: ${object} observes commit ${shortSha(rolloutCommit)} (already on ${desired.branch})`,
    );
  } else {
    const commit = await deps.writer.commit(
      // No weight: the controller steps traffic, so only the image targets change.
      desireCommit(desired, {
        image,
        rollout: request.id,
        step: '1/1',
        ...(service ? { service } : {}),
        ...(request.evidence ? { evidence: request.evidence } : {}),
      }),
    );
    if (commit.status === 'unchanged') {
      // No commit of this rollout means nothing to revert to if the controller fails it.
      throw new ConfigurationError(
        `${desired.branch} already desires ${image.name}@${digest.slice(0, 19)}… without a commit of rollout ${request.id}; nothing to hand off (start a new rollout with a new digest, or give the id of the rollout that committed it)`,
      );
    }
    rolloutCommit = commit.sha;
    beforeRollout = parentOf(await deps.writer.log(desired.branch, 2), commit.sha);
    armed = false;
    deps.log(
      `handoff: committed ${image.name}@${digest.slice(0, 19)}… as ${shortSha(commit.sha)} (${commit.status}); ${object} steps traffic`,
    );
  }
  const step: StepRecord = { step: 1, weight: 100, commit: rolloutCommit };
  await deps.setStatus?.('in_progress', `${object} is rolling out ${digest.slice(0, 19)}…`);

  const deadline = deps.now().getTime() + spec.timeout.milliseconds;
  let last: PhaseReading | undefined;
  let lastError: string | undefined;
  for (;;) {
    const reading = await observe();
    if (reading) {
      if (reading.phase === 'progressing' || reading.phase === 'paused') armed = true;
      if (reading.phase === 'succeeded' && armed) {
        const reason = `${object} ${reading.detail}: promoted`;
        deps.log(reason);
        Object.assign(step, { phase: 'pass', reason });
        // Git says so too (gitops/promotion.ts): `glidepath status` and a rerun read it there.
        await deps.writer.commit(
          promotionCommit(
            desired.branch,
            {
              ...(service ? { service } : {}),
              rollout: request.id,
              digest,
              at: deps.now().toISOString(),
              steps: 1,
              ...(request.evidence ? { evidence: request.evidence } : {}),
            },
            desired.quarantineFile,
          ),
        );
        await deps.setStatus?.('success', `${object} promoted ${digest.slice(0, 19)}…`);
        return record({ outcome: 'promoted', reason, steps: [step], status: 'promoted' });
      }
      if (reading.phase === 'failed' && armed) {
        const reason = `${object} ${reading.detail}: the controller went back to stable; reverting the image in Git`;
        return revert(reason, reading.quarantine);
      }
    }
    if (deps.now().getTime() + spec.interval.milliseconds > deadline) break;
    await deps.sleep(spec.interval.milliseconds);
  }

  const lastSeen = last ? `last phase ${last.phase} (${last.detail})` : 'no phase read';
  const reason =
    `timeout: ${object} gave no verdict within ${spec.timeout.toString()}; ${lastSeen}` +
    (lastError ? `; last error: ${lastError}` : '') +
    '; reverting the image in Git without quarantine';
  return revert(reason, false);

  /** One reading; undefined after a transient error. Logs each change of phase. */
  async function observe(): Promise<PhaseReading | undefined> {
    let reading: PhaseReading;
    try {
      reading = readControllerPhase(spec, await deps.provider.query({ query }));
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      lastError = error.message;
      deps.log(`${object}: ${error.message}; retrying in ${spec.interval.toString()}`);
      return undefined;
    }
    if (!last || last.phase !== reading.phase || last.detail !== reading.detail) {
      const ignored =
        (reading.phase === 'succeeded' || reading.phase === 'failed') && !armed
          ? ' (not yet counted: the controller has not been seen working on the commit)'
          : '';
      deps.log(`${object}: ${reading.phase} — ${reading.detail}${ignored}`);
    }
    last = reading;
    return reading;
  }

  /** Commits the image revert (with the quarantine entry when `quarantine`), then reports failure. */
  async function revert(reason: string, quarantine: boolean): Promise<RolloutRecord> {
    if (!beforeRollout) {
      throw new ConfigurationError(
        `cannot revert ${request.id}: commit ${shortSha(rolloutCommit)} is the first of ${desired.branch}, so there is no earlier state; seed the branch before handing off`,
      );
    }
    const plan = await planRevert(deps.writer, {
      branch: desired.branch,
      scope: { rollout: request.id },
      target: { to: beforeRollout },
      verdict: quarantine ? 'fail' : 'abort',
      reason,
      image: image.name,
      quarantineFile: desired.quarantineFile,
      ...(quarantine ? {} : { skipQuarantine: true }),
      now: deps.now,
    });
    const commit = await deps.writer.commit(plan.request);
    deps.log(
      `reverted with the image lever: ${shortSha(commit.sha)}` +
        (plan.quarantined ? `; quarantined ${digest.slice(0, 19)}…` : ''),
    );
    Object.assign(step, { phase: quarantine ? 'fail' : 'error', reason });
    await deps.setStatus?.('failure', reason);
    return record({
      outcome: 'reverted',
      reason,
      steps: [step],
      revertCommit: commit.sha,
      status: 'reverted',
    });
  }

  function record(fields: {
    outcome: RolloutRecord['outcome'];
    reason: string;
    steps: StepRecord[];
    revertCommit?: string;
    status: RolloutState['status'];
  }): RolloutRecord {
    const at = deps.now().getTime();
    const state: RolloutState = {
      ...state0,
      status: fields.status,
      step: 0,
      weight: fields.status === 'promoted' ? 100 : 0,
      reason: fields.reason,
      ...(fields.revertCommit ? { commit: fields.revertCommit } : {}),
      history: [
        {
          step: 0,
          weight: 100,
          reason: fields.reason,
          at,
          ...(fields.revertCommit ? { sha: fields.revertCommit } : {}),
        },
      ],
    };
    return {
      id: request.id,
      digest,
      outcome: fields.outcome,
      reason: fields.reason,
      steps: fields.steps,
      ...(fields.revertCommit ? { revertCommit: fields.revertCommit, lever: 'image' as const } : {}),
      startedAt: started.toISOString(),
      finishedAt: new Date(at).toISOString(),
      state,
    };
  }
}

/** The first parent of `sha` in `log`. */
function parentOf(log: readonly LoggedCommit[], sha: string): string | undefined {
  return log.find((commit) => commit.sha === sha)?.parents[0];
}
