/**
 * The sequential error-rate test's state, carried between the runs of an event-driven rollout in a
 * commit trailer (`Glidepath-Analysis`). The test spans the whole rollout (analysis/error-rate-gate.ts):
 * its false-rollback bound is spent once per rollout only if every step continues from the state
 * the previous step left. In one job the executor keeps it in memory; with one run per step
 * (`glidepath step`) the run that judged step k writes it on step k+1's commit, and the run that
 * bakes step k+1 reads it back from the branch — Git stays the only store (DESIGN.md "State").
 *
 * Encoding: base64url of the JSON `{ guardrail: ErrorRateState }`, one line. A value that does not
 * decode to that shape is ignored (the test then starts afresh, which is conservative about
 * evidence but spends a fresh error budget) and reported by the caller.
 */
import type { ErrorRateState } from '../analysis/error-rate-gate.js';

/** The state per compared guardrail. */
export type AnalysisState = Readonly<Record<string, ErrorRateState>>;

/** The trailer value for `state`; undefined when there is nothing to carry. */
export function encodeAnalysisState(state: AnalysisState | undefined): string | undefined {
  if (!state || Object.keys(state).length === 0) return undefined;
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** The state in a trailer value, or undefined when `value` is absent or not a state. */
export function decodeAnalysisState(value: string | undefined): AnalysisState | undefined {
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  for (const entry of Object.values(parsed)) {
    if (!isErrorRateState(entry)) return undefined;
  }
  return parsed as AnalysisState;
}

function isErrorRateState(value: unknown): value is ErrorRateState {
  if (!value || typeof value !== 'object') return false;
  const state = value as { pAlwaysValid?: unknown; completedSteps?: unknown };
  if (typeof state.pAlwaysValid !== 'number' || !(state.pAlwaysValid >= 0 && state.pAlwaysValid <= 1)) {
    return false;
  }
  if (state.completedSteps === undefined) return true;
  return (
    Array.isArray(state.completedSteps) &&
    state.completedSteps.every((step: unknown) => {
      const counts = step as { baseline?: unknown; canary?: unknown };
      return isArm(counts?.baseline) && isArm(counts?.canary);
    })
  );
}

function isArm(value: unknown): boolean {
  const arm = value as { requests?: unknown; errors?: unknown } | undefined;
  return (
    typeof arm?.requests === 'number' &&
    typeof arm.errors === 'number' &&
    arm.requests >= 0 &&
    arm.errors >= 0 &&
    arm.errors <= arm.requests
  );
}
