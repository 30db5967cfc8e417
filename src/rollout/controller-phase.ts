/**
 * Hand-off mode's pure part (issue 5, Build 6): which PromQL reads where an Argo Rollouts Rollout or
 * a Flagger Canary stands, and what a measurement of it means. The controllers step traffic
 * themselves; Glidepath only reads their own Prometheus metrics, so this module is a reading of two
 * vocabularies into one (`ControllerPhase`), table-tested in __tests__/unit/rollout/handoff.test.ts.
 *
 * Argo Rollouts (controller `/metrics` on :8090):
 * - `rollout_info{namespace, name, strategy, traffic_router, phase}` is always 1; the phase is a
 *   label. The controller computes it from the Progressing condition's reason (argoproj/argo-rollouts
 *   controller/metrics/rollouts.go `calculatePhase`): `Progressing`, `Paused`, `Completed`,
 *   `Abort` (RolloutAborted: an AnalysisRun failed or a person ran `abort`), `Timeout`
 *   (progressDeadlineSeconds exceeded), `Error` (FailedRSCreate), `InvalidSpec`. Dashboards and
 *   alerts also match the Rollout's `status.phase` vocabulary (pkg/apis/rollouts/v1alpha1 types.go
 *   `RolloutPhase`: `Healthy`, `Degraded`, `Progressing`, `Paused`); an aborted Rollout is
 *   `Degraded` there. Both are read.
 * - `rollout_phase{namespace, name, strategy, phase}` (DEPRECATED in favour of rollout_info,
 *   controller/metrics/prommetrics.go): one series per phase, 1 for the current one, 0 for the rest.
 *
 * Flagger (`/metrics` on :8080; labels from pkg/metrics/recorder.go):
 * - `flagger_canary_status{name, namespace}`: "0 - running, 1 - successful, 2 - failed"
 *   (docs/gitbook/usage/monitoring.md). The source is coarser than the docs: `SetStatus` writes 0
 *   for Progressing, 2 for Failed and 1 for EVERY other phase — Initialized, Waiting,
 *   WaitingPromotion, Promoting, Finalising, Succeeded. So 1 alone is not "promoted".
 * - `flagger_canary_weight{workload, namespace}`: the canary's current weight (`workload` = the
 *   target's name; `<name>-primary` carries the primary's). A 1 with canary weight 0 is a finished
 *   promotion; a 1 with weight above 0 is waiting for promotion approval or still promoting.
 * - `flagger_canary_phase{name, namespace}` (newer Flagger): one distinct value per phase, 0
 *   Initializing … 10 Terminated (recorder.go `canaryPhaseValues`). Read first when present.
 * - `name` is the Canary's `spec.targetRef.name` (the Deployment), usually the Canary's own name.
 *
 * Hazard: both controllers keep showing the PREVIOUS rollout's end state (Completed/Healthy, status
 * 1) until they notice the new commit. `runHandoff` therefore trusts a verdict only after it saw the
 * controller working (progressing or paused) since its commit.
 */
import { ConfigurationError } from '../errors.js';
import type { Duration } from '../config/duration.js';
import type { Measurement, Series } from '../metrics/providers/types.js';

/** Which progressive-delivery controller owns the traffic. */
export type HandoffController =
  /** Argo Rollouts: a `Rollout` (argoproj.io/v1alpha1). */
  | 'argo-rollouts'
  /** Flagger: a `Canary` (flagger.app/v1beta1). */
  | 'flagger';

/** What to observe, and for how long. */
export interface HandoffSpec {
  controller: HandoffController;
  /** The Rollout's name, or the Canary's `spec.targetRef.name` (Flagger's `name` label). */
  name: string;
  /** The Kubernetes namespace of the object. */
  namespace: string;
  /** How often to read the controller's phase. */
  interval: Duration;
  /** How long to wait for a verdict before reverting (without quarantine). */
  timeout: Duration;
}

/** Where the controller's rollout stands, in one vocabulary for both controllers. */
export type ControllerPhase =
  /** Stepping traffic or analysing; keep waiting. */
  | 'progressing'
  /** Holding (an Argo `pause` step, a Flagger confirm gate); keep waiting until the timeout. */
  | 'paused'
  /** Finished and promoted: the new version serves all traffic. */
  | 'succeeded'
  /** Aborted, degraded or failed: the controller went back to stable; Git still holds the image. */
  | 'failed'
  /** No series, or a value this module does not know. */
  | 'unknown';

/** One reading of the controller. */
export interface PhaseReading {
  phase: ControllerPhase;
  /** What was read, for logs and the reversal reason: `rollout_info phase="Degraded"`. */
  detail: string;
  /**
   * For `failed`: whether the failure is evidence against the image (an abort, a degraded rollout,
   * a progress deadline, a failed analysis), so the reversal quarantines the digest. A spec the
   * controller rejects (`InvalidSpec`, `Error`: the ReplicaSet could not be created) says nothing
   * about the image and is reverted without quarantine.
   */
  quarantine: boolean;
}

/** Kubernetes object names and namespaces (RFC 1123 subdomain); also keeps PromQL strings safe. */
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * The PromQL that reads `spec`'s phase in one instant query. Argo: `rollout_info` (the deprecated
 * `rollout_phase`'s current series as a fallback for old controllers). Flagger: the exact phase when
 * the controller exports it, else the status code, plus the canary's weight. `or` keeps each
 * series' `__name__`, which `readControllerPhase` dispatches on.
 */
export function phaseQuery(spec: HandoffSpec): string {
  const name = checkName(spec.name, 'name');
  const namespace = checkName(spec.namespace, 'namespace');
  if (spec.controller === 'argo-rollouts') {
    const selector = `{namespace="${namespace}",name="${name}"}`;
    return `rollout_info${selector} or rollout_phase${selector} == 1`;
  }
  const selector = `{namespace="${namespace}",name="${name}"}`;
  return (
    `flagger_canary_phase${selector} or flagger_canary_status${selector}` +
    ` or flagger_canary_weight{namespace="${namespace}",workload="${name}"}`
  );
}

/** Reads one instant measurement of `phaseQuery(spec)`; see the module comment for the tables. */
export function readControllerPhase(spec: HandoffSpec, measurement: Measurement): PhaseReading {
  const object = describeObject(spec);
  if (measurement.noData || measurement.series.length === 0) {
    return {
      phase: 'unknown',
      detail: `no series for ${object}: is the controller's /metrics scraped, and are name and namespace right?`,
      quarantine: false,
    };
  }
  return spec.controller === 'argo-rollouts'
    ? readArgo(measurement.series, object)
    : readFlagger(measurement.series, object);
}

/** `argo-rollouts Rollout demo/web`, as messages name the object. */
export function describeObject(spec: Pick<HandoffSpec, 'controller' | 'name' | 'namespace'>): string {
  return spec.controller === 'argo-rollouts'
    ? `argo-rollouts Rollout ${spec.namespace}/${spec.name}`
    : `flagger Canary ${spec.namespace}/${spec.name}`;
}

/**
 * Argo phase label values (both vocabularies, see the module comment) to the shared phase, and
 * whether a failure is evidence against the image.
 */
const ARGO_PHASES: Readonly<Record<string, { phase: ControllerPhase; quarantine?: boolean }>> = {
  Progressing: { phase: 'progressing' },
  Paused: { phase: 'paused' },
  Completed: { phase: 'succeeded' },
  Healthy: { phase: 'succeeded' },
  Abort: { phase: 'failed', quarantine: true },
  Degraded: { phase: 'failed', quarantine: true },
  Timeout: { phase: 'failed', quarantine: true },
  Error: { phase: 'failed', quarantine: false },
  InvalidSpec: { phase: 'failed', quarantine: false },
};

/** Which reading wins when several series are current at once (a scrape caught mid-change). */
const PRECEDENCE: readonly ControllerPhase[] = ['failed', 'succeeded', 'paused', 'progressing', 'unknown'];

function readArgo(series: readonly Series[], object: string): PhaseReading {
  const readings: PhaseReading[] = [];
  for (const one of series) {
    const metric = one.labels.__name__ ?? 'rollout_info';
    const value = lastValue(one);
    // rollout_info is always 1; rollout_phase is 1 only for the current phase (the query keeps those).
    if (value !== 1) continue;
    const label = one.labels.phase;
    const known = label === undefined ? undefined : ARGO_PHASES[label];
    readings.push(
      known
        ? {
            phase: known.phase,
            detail: `${metric} phase="${label}"`,
            quarantine: known.quarantine ?? false,
          }
        : {
            phase: 'unknown',
            detail: `${metric} phase=${JSON.stringify(label ?? '')} is not an Argo Rollouts phase Glidepath knows (${Object.keys(ARGO_PHASES).join(', ')})`,
            quarantine: false,
          },
    );
  }
  if (readings.length === 0) {
    return { phase: 'unknown', detail: `no current phase series for ${object}`, quarantine: false };
  }
  return pick(readings);
}

/** `flagger_canary_phase` values (recorder.go `canaryPhaseValues`). */
const FLAGGER_PHASES: readonly { name: string; phase: ControllerPhase; quarantine?: boolean }[] = [
  // First deployment of a Canary: Flagger initialises the primary without an analysis.
  { name: 'Initializing', phase: 'progressing' },
  { name: 'Initialized', phase: 'succeeded' },
  { name: 'Waiting', phase: 'paused' },
  { name: 'Progressing', phase: 'progressing' },
  { name: 'WaitingPromotion', phase: 'paused' },
  { name: 'Promoting', phase: 'progressing' },
  { name: 'Finalising', phase: 'progressing' },
  { name: 'Succeeded', phase: 'succeeded' },
  { name: 'Failed', phase: 'failed', quarantine: true },
  // The Canary object is being deleted: no verdict will come.
  { name: 'Terminating', phase: 'unknown' },
  { name: 'Terminated', phase: 'unknown' },
];

function readFlagger(series: readonly Series[], object: string): PhaseReading {
  const byName = (metric: string) => series.filter((one) => one.labels.__name__ === metric);
  const exact = byName('flagger_canary_phase')[0];
  if (exact) {
    const value = lastValue(exact);
    const known = Number.isInteger(value) ? FLAGGER_PHASES[value] : undefined;
    if (!known) {
      return {
        phase: 'unknown',
        detail: `flagger_canary_phase ${value} is not a Flagger phase Glidepath knows (0 Initializing … 10 Terminated)`,
        quarantine: false,
      };
    }
    return {
      phase: known.phase,
      detail: `flagger_canary_phase ${value} (${known.name})`,
      quarantine: known.quarantine ?? false,
    };
  }
  // Without __name__ (a proxy that strips it) a lone series is taken as the status.
  const status =
    byName('flagger_canary_status')[0] ??
    (series.length === 1 && series[0]!.labels.__name__ === undefined ? series[0] : undefined);
  if (!status)
    return { phase: 'unknown', detail: `no flagger_canary_status for ${object}`, quarantine: false };
  const code = lastValue(status);
  const weightSeries = byName('flagger_canary_weight')[0];
  const weight = weightSeries ? lastValue(weightSeries) : undefined;
  const weightText = weight === undefined ? '' : `, flagger_canary_weight ${weight}`;
  switch (code) {
    case 0:
      return {
        phase: 'progressing',
        detail: `flagger_canary_status 0 (running)${weightText}`,
        quarantine: false,
      };
    case 2:
      return { phase: 'failed', detail: `flagger_canary_status 2 (failed)${weightText}`, quarantine: true };
    case 1:
      // 1 is every phase but Progressing and Failed (recorder.go SetStatus): only a canary weight of
      // 0 tells a finished promotion from a confirm-promotion gate or a promotion under way.
      return weight !== undefined && weight > 0
        ? {
            phase: 'paused',
            detail: `flagger_canary_status 1 with canary weight ${weight}: waiting for promotion approval or promoting`,
            quarantine: false,
          }
        : {
            phase: 'succeeded',
            detail: `flagger_canary_status 1 (successful)${weightText}`,
            quarantine: false,
          };
    default:
      return {
        phase: 'unknown',
        detail: `flagger_canary_status ${code} is not a Flagger status (0 running, 1 successful, 2 failed)`,
        quarantine: false,
      };
  }
}

function pick(readings: readonly PhaseReading[]): PhaseReading {
  return [...readings].sort((a, b) => PRECEDENCE.indexOf(a.phase) - PRECEDENCE.indexOf(b.phase))[0]!;
}

function lastValue(series: Series): number {
  return series.samples.at(-1)?.value ?? Number.NaN;
}

function checkName(value: string, field: 'name' | 'namespace'): string {
  if (!K8S_NAME.test(value)) {
    throw new ConfigurationError(
      `exposure.handoff.${field}: ${JSON.stringify(value)} is not a Kubernetes object ${field}; write the Rollout's or Canary's ${field} as kubectl shows it (lowercase letters, digits, '-' and '.')`,
    );
  }
  return value;
}
