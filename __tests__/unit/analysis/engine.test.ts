/**
 * The analysis executor with an in-memory provider and a virtual clock: scheduling, stop rules,
 * dry-run, configuration errors, bake extension, SLO burn and the budget freeze. The scenarios on a
 * real Prometheus are in __tests__/integration/analysis/.
 */
import { describe, expect, it } from '@jest/globals';

import { runAnalysis, type AnalysisReport } from '../../../src/analysis/engine.js';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { Duration } from '../../../src/config/duration.js';
import { ConfigurationError, TransientError } from '../../../src/errors.js';
import type {
  Measurement,
  MeasurementRequest,
  MetricProvider,
} from '../../../src/metrics/providers/types.js';

const STEP = new Date('2026-11-22T10:00:00Z');
const minutes = (n: number) => new Date(STEP.getTime() + n * 60_000);

/** A provider answering `answer(query, time)`: a number, undefined for no data, or an Error to throw. */
function provider(answer: (query: string, time: Date) => number | undefined | Error): MetricProvider & {
  calls: MeasurementRequest[];
} {
  const calls: MeasurementRequest[] = [];
  return {
    kind: 'prometheus',
    calls,
    async query(request): Promise<Measurement> {
      calls.push(request);
      const value = answer(request.query, request.time ?? new Date(0));
      if (value instanceof Error) throw value;
      if (value === undefined) return { query: request.query, mode: 'instant', series: [], noData: true };
      return {
        query: request.query,
        mode: 'instant',
        series: [{ labels: {}, samples: [{ timestamp: 0, value }] }],
        noData: false,
        value,
      };
    },
  };
}

function policyOf(analysis: string) {
  const policy = parsePolicy(
    `analysis:\n  provider: { kind: prometheus, address: http://prom:9090 }\n${analysis}`,
    'p.yaml',
  );
  return policy.analysis!;
}

async function run(
  analysis: string,
  answer: Parameters<typeof provider>[0],
  options: { at?: Date; bake?: string } = {},
): Promise<AnalysisReport & { calls: MeasurementRequest[] }> {
  let now = (options.at ?? STEP).getTime();
  const fake = provider(answer);
  const report = await runAnalysis(
    {
      policy: policyOf(analysis),
      target: { canary: 'v2', stable: 'v1', service: 'checkout' },
      stepStart: STEP,
      ...(options.bake ? { bake: Duration.parse(options.bake) } : {}),
    },
    {
      provider: fake,
      now: () => new Date(now),
      sleep: async (ms) => {
        now += ms;
      },
    },
  );
  return { ...report, calls: fake.calls };
}

const metric = (report: AnalysisReport, name: string) => report.metrics.find((entry) => entry.name === name);

describe('once (no bake)', () => {
  const guard = `  warmup: 2m
  guardrails:
    - { name: errors, query: 'errors{v="{{canary}}",s="{{service}}"}[{{window}}]', max: 0.01 }
`;
  it.each<[string, number | undefined, Date, string]>([
    ['a value inside the bound passes', 0.005, minutes(5), 'pass'],
    ['a value outside the bound fails', 0.02, minutes(5), 'fail'],
    ['no data after warm-up fails (the single look is the deadline)', undefined, minutes(5), 'fail'],
    ['no data during warm-up holds: inconclusive', undefined, minutes(1), 'inconclusive'],
  ])('%s', async (_name, value, at, phase) => {
    const report = await run(guard, () => value, { at });
    expect(report.phase).toBe(phase);
    expect(report.looks).toBe(1);
  });

  it('renders the query and evaluates it metricLag (default 1m) before now', async () => {
    const report = await run(guard, () => 0.001, { at: minutes(5) });
    expect(report.calls).toEqual([{ query: 'errors{v="v2",s="checkout"}[5m]', time: minutes(4) }]);
    expect(metric(report, 'errors')).toMatchObject({
      queries: ['errors{v="v2",s="checkout"}[5m]'],
      values: [0.001],
    });
  });

  it('a query the back-end rejects stops the analysis with a configuration error naming the guardrail', async () => {
    await expect(
      run(
        guard,
        () => new ConfigurationError('prometheus instant query failed with HTTP 400 bad_data; fix the query'),
      ),
    ).rejects.toThrow(/^guardrail errors: prometheus instant query failed with HTTP 400/);
  });

  it('a template key with no value is a configuration error, not an empty string', async () => {
    await expect(
      run(`  guardrails:\n    - { name: x, query: 'q{a="{{args.team}}"}', max: 1 }\n`, () => 1),
    ).rejects.toThrow(/no value for \{\{args\.team\}\}; add team to the metric's args/);
  });
});

describe('bake', () => {
  it('measures every interval until the bake ends, then passes', async () => {
    const report = await run(`  guardrails:\n    - { name: errors, query: e, max: 0.01 }\n`, () => 0.001, {
      bake: '10m',
    });
    expect(report.phase).toBe('pass');
    // Minutes 0..10: eleven looks, each one measurement.
    expect(report.calls.map((call) => call.time!.getTime())).toEqual(
      Array.from({ length: 11 }, (_, minute) => minutes(minute - 1).getTime()),
    );
    expect(report.finishedAt).toEqual(minutes(10));
  });

  it('stops at the first gating failure, with the offending value in the reason', async () => {
    const report = await run(
      `  guardrails:\n    - { name: errors, query: e, max: 0.01 }\n`,
      (_query, time) => (time.getTime() >= minutes(3).getTime() ? 0.05 : 0.001),
      { bake: '10m' },
    );
    expect(report.phase).toBe('fail');
    expect(report.finishedAt).toEqual(minutes(4));
    expect(metric(report, 'errors')?.reason).toMatch(
      /^failed 1 of 5 measurements, more than failureLimit 0; last value 0.05 > max 0.01/,
    );
  });

  it('a dry-run guardrail is reported but never gates', async () => {
    const report = await run(
      `  guardrails:
    - { name: errors, query: e, max: 0.01 }
    - { name: cpu, query: c, max: 0.5, dryRun: true }
`,
      (query) => (query === 'c' ? 0.9 : 0.001),
      { bake: '5m' },
    );
    expect(report.phase).toBe('pass');
    expect(metric(report, 'cpu')).toMatchObject({ phase: 'fail', dryRun: true });
  });

  it('only dry-run guardrails: inconclusive, because silence is not evidence', async () => {
    const report = await run(
      `  guardrails:\n    - { name: cpu, query: c, max: 0.5, dryRun: true }\n`,
      () => 0.1,
    );
    expect(report.phase).toBe('inconclusive');
    expect(report.reason).toMatch(/only dry-run metrics/);
  });

  it('a provider that keeps failing ends in error after consecutiveErrorLimit, retried every 10 s', async () => {
    const report = await run(
      `  guardrails:\n    - { name: errors, query: e, max: 0.01, consecutiveErrorLimit: 2 }\n`,
      () => new TransientError('prometheus unreachable'),
      { bake: '10m' },
    );
    expect(report.phase).toBe('error');
    expect(report.calls.map((call) => (call.time!.getTime() - minutes(-1).getTime()) / 1000)).toEqual([
      0, 10, 20,
    ]);
  });

  it('extends the bake to reach minSamples, then holds as inconclusive at the limit', async () => {
    const analysis = `  minSamples: 500
  maxExtension: 3m
  counts: { requests: 'req{v="{{canary}}"}[{{window}}]', errors: 'err{v="{{canary}}"}[{{window}}]' }
  guardrails:
    - { name: errors, query: e, max: 0.01 }
`;
    // One canary request per second: 500 need 8.3 minutes (the window ends metricLag before now).
    const perSecond = (query: string, time: Date) => {
      const seconds = Math.max((time.getTime() - STEP.getTime()) / 1000, 0);
      if (query.startsWith('req{v="v2"')) return seconds;
      if (query.startsWith('req{v="v1"')) return seconds * 10;
      if (query.startsWith('err')) return 0;
      return 0.001;
    };
    const short = await run(analysis, perSecond, { bake: '5m' });
    expect(short.deadline).toEqual(minutes(8));
    expect(short.phase).toBe('inconclusive');
    expect(metric(short, 'minSamples')?.reason).toMatch(/when the bake limit \(3m\) ran out/);
    const enough = await run(analysis, perSecond, { bake: '7m' });
    expect(enough.deadline.getTime()).toBeGreaterThan(minutes(7).getTime());
    expect(enough.deadline.getTime()).toBeLessThanOrEqual(minutes(10).getTime());
    expect(metric(enough, 'minSamples')?.phase).toBe('pass');
    expect(enough.canaryRequests).toBeGreaterThanOrEqual(500);
  });
});

describe('SLO', () => {
  const slo = (extra = '') => `  slo:
    objective: 99.9
    errorRatio: 'ratio[{{window}}]'
${extra}  guardrails:
    - { name: errors, query: e, max: 0.5 }
`;
  it('fails when the step and its last twelfth both burn faster than 14.4x', async () => {
    const report = await run(slo(), (query) => (query.startsWith('ratio') ? 0.02 : 0.001), { bake: '12m' });
    expect(report.phase).toBe('fail');
    const burn = metric(report, 'slo-burn');
    expect(burn?.phase).toBe('fail');
    // 0.02 / (1 − 0.999) = 20 in both windows.
    expect(burn?.values[0]).toBeCloseTo(20, 9);
    expect(burn?.values[1]).toBeCloseTo(20, 9);
  });

  it('passes when only the short window burns (a blip, not a page)', async () => {
    const report = await run(
      slo(),
      (query) => (query === 'ratio[660s]' ? 0.005 : query.startsWith('ratio') ? 0.02 : 0.001),
      { at: minutes(12) },
    );
    const burn = metric(report, 'slo-burn');
    expect(burn?.phase).toBe('pass');
    // The step (660 s of lagged window) burns 0.005 / 0.001 = 5x; its last twelfth 20x.
    expect(burn?.values[0]).toBeCloseTo(5, 9);
    expect(burn?.values[1]).toBeCloseTo(20, 9);
  });

  it('holds (release freeze) when the period budget is spent, unless freezeWhenExhausted is false', async () => {
    const budget = `    budgetErrorRatio: 'ratio30[{{window}}]'\n`;
    const answer = (query: string) =>
      query === 'ratio30[30d]' ? 0.0015 : query.startsWith('ratio') ? 0.0001 : 0.001;
    const frozen = await run(slo(budget), answer, { at: minutes(10) });
    expect(frozen.phase).toBe('inconclusive');
    expect(metric(frozen, 'error-budget')?.reason).toMatch(
      /error budget is spent \(-50\.0% remaining\): release freeze/,
    );
    const free = await run(slo(`${budget}    freezeWhenExhausted: false\n`), answer, { at: minutes(10) });
    expect(free.phase).toBe('pass');
    expect(metric(free, 'error-budget')).toMatchObject({ phase: 'inconclusive', dryRun: true });
  });
});

describe('repeat and history', () => {
  it('repeat 3 with majority: one flaky measurement in three still passes; two fail the look', async () => {
    const guard = `  guardrails:\n    - { name: probe, query: p, max: 0.01, repeat: 3, agreement: majority }\n`;
    let call = 0;
    const oneBad = await run(guard, () => (call++ % 3 === 1 ? 0.5 : 0.001), { at: minutes(5) });
    expect(oneBad.calls).toHaveLength(3);
    expect(oneBad.phase).toBe('pass');
    call = 0;
    const twoBad = await run(guard, () => (call++ % 3 === 0 ? 0.001 : 0.5), { at: minutes(5) });
    expect(twoBad.phase).toBe('fail');
  });

  it('repeat 2 with all: disagreement is inconclusive, never a pass', async () => {
    let call = 0;
    const report = await run(
      `  guardrails:\n    - { name: probe, query: p, max: 0.01, repeat: 2 }\n`,
      () => (call++ === 0 ? 0.001 : 0.5),
      { at: minutes(5) },
    );
    expect(report.phase).toBe('inconclusive');
  });

  const withHistory = `  guardrails:\n    - { name: latency, query: l, history: { tolerance: '+10%', releases: 3 } }\n`;
  it('fails a value more than 10% above the median of the last releases', async () => {
    let now = minutes(5).getTime();
    const report = await runAnalysis(
      {
        policy: policyOf(withHistory),
        target: { canary: 'v2' },
        stepStart: STEP,
        history: { latency: [0.5, 0.2, 0.21, 0.19] },
      },
      { provider: provider(() => 0.24), now: () => new Date(now), sleep: async (ms) => void (now += ms) },
    );
    expect(report.phase).toBe('fail');
    // The last three releases: median 0.2; bound 0.2 × 1.1 = 0.22 < 0.24.
    expect(metric(report, 'latency vs history')).toMatchObject({ phase: 'fail', dryRun: false });
    expect(metric(report, 'latency vs history')?.criterion).toMatch(
      /median of last 3 releases \(0\.2\).*0\.22/,
    );
  });

  it('with no release recorded yet, reports the comparison without gating', async () => {
    const report = await run(withHistory, () => 0.24, { at: minutes(5) });
    expect(report.phase).toBe('pass');
    expect(metric(report, 'latency vs history')).toMatchObject({ phase: 'inconclusive', dryRun: true });
    expect(metric(report, 'latency vs history')?.reason).toMatch(
      /not gating until a promoted release is recorded/,
    );
  });
});

describe('once, with a flaky provider', () => {
  const guard = `  guardrails:\n    - { name: errors, query: e, max: 0.01 }\n`;
  it('retries an errored measurement 10 s later until it counts', async () => {
    let call = 0;
    const report = await run(guard, () => (call++ < 2 ? new TransientError('502 from the proxy') : 0.001), {
      at: minutes(5),
    });
    expect(report.phase).toBe('pass');
    expect(report.calls.map((c) => (c.time!.getTime() - minutes(4).getTime()) / 1000)).toEqual([0, 10, 20]);
  });
  it('a provider that stays down is an error after consecutiveErrorLimit (default 4), never a pass', async () => {
    const report = await run(guard, () => new TransientError('connection refused'), { at: minutes(5) });
    expect(report.phase).toBe('error');
    expect(report.calls).toHaveLength(5);
  });
});
