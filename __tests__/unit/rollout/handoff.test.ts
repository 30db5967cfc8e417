/**
 * Hand-off mode's reading of the controllers' metrics (src/rollout/controller-phase.ts): every
 * Argo Rollouts phase label and every Flagger status and phase value found in the controllers'
 * sources, mapped to one vocabulary, plus the PromQL that reads them.
 */
import { describe, expect, it } from '@jest/globals';
import { Duration } from '../../../src/config/duration.js';
import { ConfigurationError } from '../../../src/errors.js';
import type { Measurement, Series } from '../../../src/metrics/providers/types.js';
import {
  phaseQuery,
  readControllerPhase,
  type ControllerPhase,
  type HandoffSpec,
} from '../../../src/rollout/handoff.js';

const timing = { interval: Duration.parse('10s'), timeout: Duration.parse('10m') };
const argo: HandoffSpec = { controller: 'argo-rollouts', name: 'web', namespace: 'shop', ...timing };
const flagger: HandoffSpec = { controller: 'flagger', name: 'web', namespace: 'shop', ...timing };

const series = (labels: Record<string, string>, value: number): Series => ({
  labels,
  samples: [{ timestamp: 1_700_000_000, value }],
});
const measured = (...all: Series[]): Measurement => ({
  query: 'q',
  mode: 'instant',
  series: all,
  noData: all.length === 0,
  ...(all.length === 1 ? { value: all[0]!.samples[0]!.value } : {}),
});
const rolloutInfo = (phase: string) =>
  series({ __name__: 'rollout_info', namespace: 'shop', name: 'web', strategy: 'canary', phase }, 1);

type Row = [string, Measurement, ControllerPhase, boolean, RegExp];

describe('readControllerPhase: Argo Rollouts', () => {
  const rows: Row[] = [
    // rollout_info, the controller's calculatePhase vocabulary
    [
      'rollout_info Progressing',
      measured(rolloutInfo('Progressing')),
      'progressing',
      false,
      /phase="Progressing"/,
    ],
    [
      'rollout_info Paused (a pause step)',
      measured(rolloutInfo('Paused')),
      'paused',
      false,
      /phase="Paused"/,
    ],
    ['rollout_info Completed', measured(rolloutInfo('Completed')), 'succeeded', false, /phase="Completed"/],
    [
      'rollout_info Abort (analysis failed or abort)',
      measured(rolloutInfo('Abort')),
      'failed',
      true,
      /Abort/,
    ],
    ['rollout_info Timeout (progress deadline)', measured(rolloutInfo('Timeout')), 'failed', true, /Timeout/],
    ['rollout_info Error (ReplicaSet not created)', measured(rolloutInfo('Error')), 'failed', false, /Error/],
    ['rollout_info InvalidSpec', measured(rolloutInfo('InvalidSpec')), 'failed', false, /InvalidSpec/],
    // status.phase vocabulary
    ['rollout_info Healthy', measured(rolloutInfo('Healthy')), 'succeeded', false, /Healthy/],
    ['rollout_info Degraded (aborted)', measured(rolloutInfo('Degraded')), 'failed', true, /Degraded/],
    [
      'rollout_info with a phase nobody defines',
      measured(rolloutInfo('Sleeping')),
      'unknown',
      false,
      /"Sleeping" is not an Argo Rollouts phase/,
    ],
    [
      'rollout_info without a phase label',
      measured(series({ __name__: 'rollout_info', name: 'web' }, 1)),
      'unknown',
      false,
      /phase=""/,
    ],
    // the deprecated rollout_phase: one series per phase, 1 for the current one
    [
      'rollout_phase, current Degraded among zeros',
      measured(
        series({ __name__: 'rollout_phase', phase: 'Progressing' }, 0),
        series({ __name__: 'rollout_phase', phase: 'Abort' }, 1),
        series({ __name__: 'rollout_phase', phase: 'Completed' }, 0),
      ),
      'failed',
      true,
      /rollout_phase phase="Abort"/,
    ],
    [
      'rollout_phase, only zeros',
      measured(series({ __name__: 'rollout_phase', phase: 'Completed' }, 0)),
      'unknown',
      false,
      /no current phase series/,
    ],
    [
      'no __name__ (a proxy stripped it)',
      measured(series({ phase: 'Completed' }, 1)),
      'succeeded',
      false,
      /rollout_info phase="Completed"/,
    ],
    ['no series at all', measured(), 'unknown', false, /no series for argo-rollouts Rollout shop\/web/],
    [
      'two current series (a scrape caught mid-change): failed wins',
      measured(rolloutInfo('Progressing'), rolloutInfo('Degraded')),
      'failed',
      true,
      /Degraded/,
    ],
    [
      'Completed and Progressing at once: succeeded wins',
      measured(rolloutInfo('Progressing'), rolloutInfo('Completed')),
      'succeeded',
      false,
      /Completed/,
    ],
  ];
  it.each(rows)('%s', (_name, measurement, phase, quarantine, detail) => {
    const reading = readControllerPhase(argo, measurement);
    expect(reading).toEqual({ phase, quarantine, detail: expect.stringMatching(detail) });
  });
});

describe('readControllerPhase: Flagger', () => {
  const status = (code: number) =>
    series({ __name__: 'flagger_canary_status', name: 'web', namespace: 'shop' }, code);
  const weight = (percent: number) =>
    series({ __name__: 'flagger_canary_weight', workload: 'web', namespace: 'shop' }, percent);
  const phase = (value: number) =>
    series({ __name__: 'flagger_canary_phase', name: 'web', namespace: 'shop' }, value);
  const rows: Row[] = [
    // flagger_canary_status: 0 running, 2 failed, 1 every other phase (recorder.go SetStatus)
    [
      'status 0 (Progressing)',
      measured(status(0), weight(20)),
      'progressing',
      false,
      /status 0 \(running\), flagger_canary_weight 20/,
    ],
    ['status 2 (Failed)', measured(status(2), weight(0)), 'failed', true, /status 2 \(failed\)/],
    [
      'status 1, canary weight 0 (Succeeded)',
      measured(status(1), weight(0)),
      'succeeded',
      false,
      /status 1 \(successful\), flagger_canary_weight 0/,
    ],
    ['status 1 and no weight series', measured(status(1)), 'succeeded', false, /status 1 \(successful\)$/],
    [
      'status 1, canary weight 50 (WaitingPromotion or Promoting)',
      measured(status(1), weight(50)),
      'paused',
      false,
      /waiting for promotion approval or promoting/,
    ],
    ['status 3 (not a status)', measured(status(3)), 'unknown', false, /3 is not a Flagger status/],
    [
      'a lone series without __name__ is the status',
      measured(series({ name: 'web' }, 2)),
      'failed',
      true,
      /status 2/,
    ],
    [
      'only the weight',
      measured(weight(10)),
      'unknown',
      false,
      /no flagger_canary_status for flagger Canary shop\/web/,
    ],
    ['no series at all', measured(), 'unknown', false, /no series for flagger Canary shop\/web/],
    // flagger_canary_phase (newer Flagger): one value per phase, read before the status
    ['phase 0 Initializing', measured(phase(0)), 'progressing', false, /0 \(Initializing\)/],
    ['phase 1 Initialized (first deployment)', measured(phase(1)), 'succeeded', false, /1 \(Initialized\)/],
    ['phase 2 Waiting', measured(phase(2)), 'paused', false, /2 \(Waiting\)/],
    ['phase 3 Progressing', measured(phase(3)), 'progressing', false, /3 \(Progressing\)/],
    ['phase 4 WaitingPromotion', measured(phase(4)), 'paused', false, /4 \(WaitingPromotion\)/],
    ['phase 5 Promoting', measured(phase(5)), 'progressing', false, /5 \(Promoting\)/],
    ['phase 6 Finalising', measured(phase(6)), 'progressing', false, /6 \(Finalising\)/],
    ['phase 7 Succeeded', measured(phase(7)), 'succeeded', false, /7 \(Succeeded\)/],
    ['phase 8 Failed', measured(phase(8)), 'failed', true, /8 \(Failed\)/],
    ['phase 9 Terminating', measured(phase(9)), 'unknown', false, /9 \(Terminating\)/],
    ['phase 10 Terminated', measured(phase(10)), 'unknown', false, /10 \(Terminated\)/],
    ['phase 11 (not a phase)', measured(phase(11)), 'unknown', false, /11 is not a Flagger phase/],
    [
      'phase 4 beats status 1 with weight 0',
      measured(phase(4), status(1), weight(0)),
      'paused',
      false,
      /WaitingPromotion/,
    ],
  ];
  it.each(rows)('%s', (_name, measurement, phaseName, quarantine, detail) => {
    const reading = readControllerPhase(flagger, measurement);
    expect(reading).toEqual({ phase: phaseName, quarantine, detail: expect.stringMatching(detail) });
  });
});

describe('phaseQuery', () => {
  it.each([
    [argo, 'rollout_info{namespace="shop",name="web"} or rollout_phase{namespace="shop",name="web"} == 1'],
    [
      flagger,
      'flagger_canary_phase{namespace="shop",name="web"} or flagger_canary_status{namespace="shop",name="web"}' +
        ' or flagger_canary_weight{namespace="shop",workload="web"}',
    ],
  ])('%o', (spec, query) => {
    expect(phaseQuery(spec)).toBe(query);
  });

  it.each([
    ['name', { ...argo, name: 'web"} or vector(1) or x{a="' }],
    ['name', { ...argo, name: 'Web' }],
    ['namespace', { ...flagger, namespace: '' }],
  ])('refuses a %s that is not a Kubernetes name (it would also break the PromQL)', (field, spec) => {
    expect(() => phaseQuery(spec)).toThrow(ConfigurationError);
    expect(() => phaseQuery(spec)).toThrow(
      new RegExp(`exposure\\.handoff\\.${field}: .* is not a Kubernetes object ${field}`),
    );
  });
});
