/**
 * The analysis scenarios on a real Prometheus (Debian's package, backfilled with promtool): each
 * scenario's verdict comes out of the real PromQL engine, the Prometheus provider, the policy loader
 * and the engine together. `glidepath analyze` runs with `--at`, so a 15-minute bake replays the
 * backfilled step in virtual time. See __tests__/support/analysis-scenarios.ts for the series.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AnalysisReport } from '../../../src/analysis/engine.js';
import { runCli } from '../../../src/cli/main.js';
import { runAnalyze } from '../../../src/cli/commands/analyze.js';
import { Duration } from '../../../src/config/duration.js';
import {
  analysisScenarios,
  END,
  LATE_BY,
  QUERIES,
  STEP_START,
  type Scenario,
} from '../../support/analysis-scenarios.js';
import { startPrometheus, type PrometheusServer } from '../../support/prometheus.js';

let server: PrometheusServer;
let dir: string;

beforeAll(async () => {
  server = await startPrometheus({ openMetrics: analysisScenarios() });
  dir = await mkdtemp(join(tmpdir(), 'glidepath-analysis-'));
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface PolicyOptions {
  window?: string;
  metricLag?: string;
  /** Replace the guardrails block. */
  guardrails?: string;
}

/** The policy every scenario runs: absolute guards, mSPRT on counts, Mann–Whitney on p99. */
async function policy(name: string, options: PolicyOptions = {}): Promise<string> {
  const guardrails =
    options.guardrails ??
    `
    - name: error-ratio
      query: '${QUERIES.errorRatio}'
      max: 0.02
      compare: { test: msprt }
    - name: latency-p99
      query: '${QUERIES.p99}'
      max: 0.5
      compare: { test: mann-whitney, direction: increase, allowedIncrease: 1.1, step: 15s }`;
  const text = `# analysis scenarios
analysis:
  provider: { kind: prometheus, address: ${server.address}, timeout: 10s }
  window: ${options.window ?? '2m'}
  interval: 1m
  warmup: 2m
  metricLag: ${options.metricLag ?? '1m'}
  minSamples: 500
  maxExtension: 5m
  counts:
    requests: '${QUERIES.requests}'
    errors: '${QUERIES.errors}'
  scoring: { minPoints: 40 }
  guardrails:${guardrails}
`;
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, text);
  return file;
}

const io = { cwd: process.cwd(), now: () => new Date(), env: {} };

/** A 15-minute bake over `scenario`'s step, replayed from its start. */
async function bake(
  scenario: Scenario,
  file: string,
  since = STEP_START,
  minutes = 15,
): Promise<AnalysisReport> {
  return runAnalyze(
    {
      policyFile: file,
      canary: 'canary',
      stable: 'stable',
      service: scenario,
      since: new Date(since * 1000),
      at: new Date(since * 1000),
      bake: Duration.parse(`${minutes}m`),
    },
    io,
  );
}

const verdictOf = (report: AnalysisReport, name: string) =>
  report.metrics.find((metric) => metric.name === name);

describe('analysis on a real Prometheus', () => {
  it('healthy canary: every guardrail passes and the bake runs to its end', async () => {
    const report = await bake('healthy', await policy('healthy'));
    expect(report.phase).toBe('pass');
    expect(report.finishedAt.getTime()).toBe((STEP_START + 900) * 1000);
    expect(verdictOf(report, 'error-ratio')?.phase).toBe('pass');
    expect(verdictOf(report, 'error-ratio vs stable')?.phase).toBe('pass');
    expect(verdictOf(report, 'latency-p99')?.phase).toBe('pass');
    expect(verdictOf(report, 'canary-score')?.phase).toBe('pass');
    // 10 req/s for the 14 minutes the lagged window covers, as increase() extrapolates it.
    expect(report.canaryRequests).toBeGreaterThanOrEqual(8_000);
    expect(verdictOf(report, 'minSamples')?.phase).toBe('pass');
  });

  it('5x error-rate regression: the mSPRT fails the canary against stable, inside the absolute guard', async () => {
    const report = await bake('errors', await policy('errors'));
    expect(report.phase).toBe('fail');
    const compared = verdictOf(report, 'error-ratio vs stable');
    expect(compared?.phase).toBe('fail');
    expect(compared?.reason).toMatch(/canary error rate is higher/);
    // 0.5% is inside the absolute guard of 2%: only the comparison catches it.
    expect(verdictOf(report, 'error-ratio')?.phase).not.toBe('fail');
    // The sequential test decides early rather than at the end of the bake.
    expect(report.finishedAt.getTime()).toBeLessThan((STEP_START + 900) * 1000);
  });

  it('p99 latency regression (2x): the Mann-Whitney judge fails it though the absolute max holds', async () => {
    const report = await bake('latency', await policy('latency'));
    expect(report.phase).toBe('fail');
    expect(verdictOf(report, 'latency-p99')?.phase).toBe('pass');
    const score = verdictOf(report, 'canary-score');
    expect(score?.phase).toBe('fail');
    expect(score?.reason).toMatch(/score 0 |< marginal/);
  });

  it('no data: held through warm-up, then a failure at the step deadline, never a pass', async () => {
    const report = await bake('nodata', await policy('nodata'));
    expect(report.phase).toBe('fail');
    const guard = verdictOf(report, 'error-ratio');
    expect(guard?.phase).toBe('fail');
    expect(guard?.reason).toMatch(/no data by the step deadline/);
    // No canary requests: the bake was extended to its limit (5m) and the sample gate holds.
    expect(report.deadline.getTime()).toBe((STEP_START + 1200) * 1000);
    expect(verdictOf(report, 'minSamples')?.phase).toBe('inconclusive');
  });

  it('no data, judged once during warm-up: inconclusive, not a pass and not yet a failure', async () => {
    const report = await runAnalyze(
      {
        policyFile: await policy('nodata-once'),
        canary: 'canary',
        stable: 'stable',
        service: 'nodata',
        since: new Date(STEP_START * 1000),
        at: new Date((STEP_START + 60) * 1000),
      },
      io,
    );
    expect(report.phase).toBe('inconclusive');
    expect(verdictOf(report, 'error-ratio')?.reason).toMatch(/without data/);
  });

  it('NaN (a canary with zero requests, so 0/0): never passes; fails at the deadline', async () => {
    const file = await policy('nan');
    const report = await bake('nan', file);
    expect(report.phase).toBe('fail');
    expect(verdictOf(report, 'error-ratio')?.reason).toMatch(/no data by the step deadline: .*NaN/);
  });

  it('late data: the metric-lag skip judges complete buckets and passes; without it the newest gap fails', async () => {
    const since = END - 900;
    const lagged = await bake('late', await policy('late', { window: '30s', metricLag: '1m' }), since);
    expect(lagged.phase).toBe('pass');
    expect(LATE_BY).toBeLessThan(60);
    const eager = await bake('late', await policy('late-eager', { window: '30s', metricLag: '0s' }), since);
    expect(eager.phase).toBe('fail');
    expect(verdictOf(eager, 'error-ratio')?.reason).toMatch(/no data by the step deadline/);
  });

  it('glidepath analyze exits 0 on pass, 1 on fail, 4 on inconclusive, with the table on stdout', async () => {
    const run = async (scenario: Scenario, extra: string[] = []) => {
      let stdout = '';
      const code = await runCli(
        [
          'analyze',
          '--policy',
          await policy(`cli-${scenario}`),
          '--canary',
          'canary',
          '--stable',
          'stable',
          '--service',
          scenario,
          '--since',
          String(STEP_START),
          ...extra,
        ],
        { ...io, stdout: (text) => (stdout += text), stderr: () => undefined },
        'test',
      );
      return { code, stdout };
    };
    const healthy = await run('healthy', ['--at', String(STEP_START), '--bake', '15m']);
    expect(healthy).toMatchObject({ code: 0 });
    expect(healthy.stdout).toMatch(/^PHASE +METRIC +VALUES +CRITERION/);
    expect(healthy.stdout).toMatch(/\nPASS: all \d+ gating metrics passed\n$/);
    const errors = await run('errors', ['--at', String(STEP_START), '--bake', '15m', '--json']);
    expect(errors.code).toBe(1);
    expect(JSON.parse(errors.stdout)).toMatchObject({ phase: 'fail' });
    const once = await run('nodata', ['--at', String(STEP_START + 60)]);
    expect(once.code).toBe(4);
  });
});
