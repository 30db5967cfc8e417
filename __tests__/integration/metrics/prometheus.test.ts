/**
 * The Prometheus provider against a real Prometheus (the Debian package) over a backfilled block:
 * every expected value below is computed by hand from the rates in `canaryBreachSeries`, so the
 * real PromQL engine, the HTTP API and our parsing are checked together.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ConfigurationError, TransientError } from '../../../src/errors.js';
import { createPrometheusProvider } from '../../../src/metrics/providers/prometheus.js';
import type { MetricProvider } from '../../../src/metrics/providers/types.js';
import { renderQuery } from '../../../src/metrics/template.js';
import { canaryBreachSeries, startPrometheus, type PrometheusServer } from '../../support/prometheus.js';

const series = canaryBreachSeries();
const ERROR_RATIO =
  'sum(rate(http_requests_total{track="{{canary}}",code="500"}[{{window}}]))' +
  ' / sum(rate(http_requests_total{track="{{canary}}"}[{{window}}]))';
const query = renderQuery(ERROR_RATIO, { canary: 'canary', window: '5m' });

/** error / (ok + error) for a track in one regime: the ratio a 5m window wholly inside it must give. */
function ratio(regime: 'before' | 'after', track: 'canary' | 'stable'): number {
  const { ok, error } = series.rates[regime][track];
  return error / (ok + error);
}

const at = (unixSeconds: number): Date => new Date(unixSeconds * 1000);

let server: PrometheusServer;
let provider: MetricProvider;

beforeAll(async () => {
  server = await startPrometheus({ openMetrics: series.openMetrics });
  provider = createPrometheusProvider({ address: server.address, timeoutMs: 10_000 });
});

afterAll(async () => {
  await server?.close();
});

describe('prometheus provider on a real Prometheus', () => {
  it('measures the canary error ratio before the breach: 0.1 / 10 = 0.01', async () => {
    expect(ratio('before', 'canary')).toBeCloseTo(0.01, 12);
    const measurement = await provider.query({ query, time: at(series.breachAt - 300) });
    expect(measurement.query).toBe(query);
    expect(measurement.noData).toBe(false);
    expect(measurement.value).toBeCloseTo(ratio('before', 'canary'), 12);
  });

  it('measures the canary error ratio after the breach: 2 / 10 = 0.2', async () => {
    const measurement = await provider.query({ query, time: at(series.breachAt + 600) });
    expect(measurement.value).toBeCloseTo(ratio('after', 'canary'), 12);
  });

  it('measures stable unchanged across the breach: 1 / 100 = 0.01', async () => {
    const stable = renderQuery(ERROR_RATIO, { canary: 'stable', window: '5m' });
    for (const time of [series.breachAt - 300, series.breachAt + 600]) {
      expect((await provider.query({ query: stable, time: at(time) })).value).toBeCloseTo(
        ratio('before', 'stable'),
        12,
      );
    }
  });

  it('returns the expected points from a range query across the breach', async () => {
    const start = series.start + 900;
    const end = series.start + 2400;
    const measurement = await provider.query({
      query,
      range: { start: at(start), end: at(end), stepSeconds: 300 },
    });
    expect(measurement.mode).toBe('range');
    expect(measurement.series).toHaveLength(1);
    const samples = measurement.series[0]?.samples ?? [];
    expect(samples.map((s) => s.timestamp)).toEqual(
      [900, 1200, 1500, 1800, 2100, 2400].map((s) => series.start + s),
    );
    // Windows ending at or before the breach see only the old regime; those ending 5m after it only the new.
    const expected = [0.01, 0.01, 0.01, 0.01, 0.2, 0.2];
    samples.forEach((sample, i) => expect(sample.value).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it('reports no data, not zero, for a track that does not exist', async () => {
    const missing = renderQuery(ERROR_RATIO, { canary: 'no-such-track', window: '5m' });
    const measurement = await provider.query({ query: missing, time: at(series.breachAt) });
    expect(measurement.noData).toBe(true);
    expect(measurement.value).toBeUndefined();
  });

  it('passes NaN through as NaN (0 / 0), never as a number', async () => {
    const measurement = await provider.query({
      query: 'scalar(vector(0) / vector(0))',
      time: at(series.breachAt),
    });
    expect(measurement.value).toBeNaN();
  });

  it('turns a bad query into a ConfigurationError naming it', async () => {
    const bad = 'sum(rate(http_requests_total[5m]';
    const error = await provider.query({ query: bad, time: at(series.breachAt) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(JSON.stringify(bad));
    expect((error as Error).message).toContain('bad_data');
  });

  // Last: it stops the shared server.
  it('turns a stopped server into a TransientError', async () => {
    await server.close();
    const error = await provider.query({ query, time: at(series.breachAt) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain(server.address);
  });
});
