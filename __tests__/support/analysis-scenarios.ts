/**
 * Deterministic series for the analysis scenarios on a real Prometheus: one backfilled block holds
 * every scenario, told apart by the `service` label, so one server answers them all.
 *
 * Timeline (unix seconds): samples every 15 s from START for 40 minutes; the canary's step starts at
 * STEP_START (10 minutes in) and the scenarios are judged over the following 20 minutes.
 *
 * Per service and track (`canary`, `stable`):
 * - `http_requests_total{service,track,code}`: counters computed from time (no accumulation drift);
 *   stable serves 100 req/s, the canary 10 req/s (a 10% canary).
 * - `http_request_duration_p99_seconds{service,track}`: a gauge with seeded jitter around a level,
 *   the shape a recording rule over histogram_quantile gives; Mann–Whitney needs points that vary.
 *
 * Scenarios:
 * - `healthy`: both tracks 0.1% errors, p99 ≈ 200 ms.
 * - `errors`: the canary's error ratio is 5× stable's (0.5% vs 0.1%) from the step start.
 * - `latency`: the canary's p99 is 2× stable's (≈ 400 ms vs 200 ms) from the step start.
 * - `nodata`: the canary sends nothing: no canary series at all.
 * - `nan`: the canary's counters exist but stay flat: no requests, so error ratios are 0/0 = NaN.
 * - `late`: like healthy, but the newest 45 s of every series is missing (ingestion lag).
 */

export const START = 1_700_000_000;
export const STEP_START = START + 600;
export const END = START + 2400;
export const SCRAPE = 15;
/** Seconds of data missing at the end of the `late` scenario. */
export const LATE_BY = 45;

export type Scenario = 'healthy' | 'errors' | 'latency' | 'nodata' | 'nan' | 'late';
export const SCENARIOS: readonly Scenario[] = ['healthy', 'errors', 'latency', 'nodata', 'nan', 'late'];

type Track = 'canary' | 'stable';

interface TrackShape {
  /** Requests per second. */
  rps: number;
  /** Error ratio. */
  errorRatio: number;
  /** p99 level in seconds. */
  p99: number;
}

/** The canary's and stable's shape after the step starts; before it, the canary equals stable scaled. */
function shape(scenario: Scenario, track: Track): TrackShape | undefined {
  const stable: TrackShape = { rps: 100, errorRatio: 0.001, p99: 0.2 };
  if (track === 'stable') return stable;
  const canary: TrackShape = { rps: 10, errorRatio: 0.001, p99: 0.2 };
  switch (scenario) {
    case 'healthy':
    case 'late':
      return canary;
    case 'errors':
      return { ...canary, errorRatio: 0.005 };
    case 'latency':
      return { ...canary, p99: 0.4 };
    case 'nodata':
      return undefined;
    case 'nan':
      return { ...canary, rps: 0 };
  }
}

/** mulberry32: a small seeded generator, so the jitter is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number): number => Number(value.toPrecision(12));

/** The OpenMetrics text holding every scenario. */
export function analysisScenarios(): string {
  const counters: string[] = [];
  const gauges: string[] = [];
  SCENARIOS.forEach((scenario, scenarioIndex) => {
    const last = scenario === 'late' ? END - LATE_BY : END;
    for (const track of ['canary', 'stable'] as const) {
      const after = shape(scenario, track);
      if (after === undefined) continue;
      // Before the step the canary track does not exist yet: it is deployed at STEP_START.
      const first = track === 'canary' ? STEP_START : START;
      const served = (t: number) => after.rps * (t - first);
      for (const [code, share] of [
        ['200', 1 - after.errorRatio],
        ['500', after.errorRatio],
      ] as const) {
        for (let t = first; t <= last; t += SCRAPE) {
          counters.push(
            `http_requests_total{service="${scenario}",track="${track}",code="${code}"} ${round(served(t) * share)} ${t}`,
          );
        }
      }
      const random = seeded(1000 * scenarioIndex + (track === 'canary' ? 1 : 2));
      for (let t = first; t <= last; t += SCRAPE) {
        const jitter = (random() - 0.5) * 0.2 * after.p99;
        gauges.push(
          `http_request_duration_p99_seconds{service="${scenario}",track="${track}"} ${round(after.p99 + jitter)} ${t}`,
        );
      }
    }
  });
  return [
    '# HELP http_requests_total Requests served.',
    '# TYPE http_requests_total counter',
    ...counters,
    '# HELP http_request_duration_p99_seconds p99 request latency.',
    '# TYPE http_request_duration_p99_seconds gauge',
    ...gauges,
    '# EOF',
    '',
  ].join('\n');
}

/** Guardrail queries over these series; `{{service}}` selects the scenario. */
export const QUERIES = {
  errorRatio:
    'sum(rate(http_requests_total{service="{{service}}",track="{{canary}}",code="500"}[{{window}}]))' +
    ' / sum(rate(http_requests_total{service="{{service}}",track="{{canary}}"}[{{window}}]))',
  requests: 'sum(increase(http_requests_total{service="{{service}}",track="{{canary}}"}[{{window}}]))',
  errors:
    'sum(increase(http_requests_total{service="{{service}}",track="{{canary}}",code="500"}[{{window}}]))',
  p99: 'max(http_request_duration_p99_seconds{service="{{service}}",track="{{canary}}"})',
} as const;
