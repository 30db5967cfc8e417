/**
 * The rollout job summary (src/report/rollout.ts): the outcome line, the steps table, the mermaid
 * flowchart and guardrail charts, the root cause of a reversal. The step analyses of the main
 * record come from the real analysis engine (a fake provider answering fixed values), so the
 * summary is tested against the criteria and reasons the engine really writes.
 */
import { describe, expect, it } from '@jest/globals';

import { runAnalysis, type AnalysisReport } from '../../../src/analysis/engine.js';
import { combineVerdicts, type MetricVerdict } from '../../../src/analysis/verdict.js';
import { parsePolicy } from '../../../src/config/load-policy.js';
import type { Measurement, MetricProvider } from '../../../src/metrics/providers/types.js';
import { revertCause, rolloutJson, rolloutMarkdown } from '../../../src/report/rollout.js';
import type { RolloutRecord, StepRecord } from '../../../src/rollout/executor.js';
import { initialRolloutState } from '../../../src/rollout/machine.js';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const SHA = { one: 'a'.repeat(40), two: 'b'.repeat(40), revert: 'c'.repeat(40) };

const POLICY = parsePolicy(
  [
    'analysis:',
    '  provider: { kind: web }',
    '  guardrails:',
    '    - name: error-ratio',
    '      query: http://metrics/ratio?canary={{canary}}',
    '      max: 0.01',
    '    - name: saturation',
    '      query: http://metrics/cpu?canary={{canary}}',
    "      successCondition: 'isNaN(result) || result < 0.8'",
    '',
  ].join('\n'),
  'glidepath.yaml',
).analysis!;

/** One look of the real engine at `values` (guardrail name → the value its URL answers). */
async function analyse(values: Record<string, number>): Promise<AnalysisReport> {
  const provider: MetricProvider = {
    kind: 'web',
    async query({ query }): Promise<Measurement> {
      const value = query.includes('/ratio') ? values['error-ratio']! : values.saturation!;
      return {
        query,
        mode: 'instant',
        series: [{ labels: {}, samples: [{ timestamp: T0 / 1000, value }] }],
        noData: false,
        value,
        raw: value,
      };
    },
  };
  return runAnalysis(
    { policy: POLICY, target: { canary: 'v2', stable: 'v1' }, stepStart: new Date(T0) },
    { provider, now: () => new Date(T0), sleep: async () => undefined },
  );
}

function record(outcome: RolloutRecord['outcome'], steps: StepRecord[], extra: Partial<RolloutRecord> = {}) {
  return {
    id: 'checkout-0123456789ab',
    digest: DIGEST,
    outcome,
    reason: extra.reason ?? `rollout checkout-0123456789ab ${outcome}`,
    steps,
    startedAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0 + 600_000).toISOString(),
    state: initialRolloutState({ id: 'checkout-0123456789ab', digest: DIGEST, at: T0 }),
    ...extra,
  } satisfies RolloutRecord;
}

function step(index: number, weight: number, commit: string, analysis?: AnalysisReport): StepRecord {
  return {
    step: index,
    weight,
    commit,
    ...(analysis ? { phase: analysis.phase, reason: analysis.reason, analysis } : {}),
  };
}

/** The bodies of the ```mermaid blocks, in order. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);
}

/** `|` that separate cells (not escaped as `\|`). */
const separators = (row: string) => row.match(/(?<!\\)\|/g)?.length ?? 0;

/** A hand-made report of one look with these metric verdicts. */
function handReport(metrics: MetricVerdict[]): AnalysisReport {
  const at = new Date(T0);
  return {
    ...combineVerdicts(metrics),
    stepStart: at,
    finishedAt: at,
    deadline: at,
    looks: 1,
    errorRateState: {},
  };
}

function metric(name: string, values: number[], criterion: string): MetricVerdict {
  return { name, phase: 'pass', dryRun: false, queries: [], values, criterion, reason: 'within the limits' };
}

describe('rolloutMarkdown on a reversal (step analyses from the real engine)', () => {
  // Step 1: error-ratio 0.0000015 ≤ 0.01 and saturation 0.42 < 0.8: pass.
  // Step 2: error-ratio 0.05 > max 0.01 and saturation 0.9 fails `isNaN(result) || result < 0.8`: fail.
  const reverted = (async () => {
    const one = await analyse({ 'error-ratio': 0.0000015, saturation: 0.42 });
    const two = await analyse({ 'error-ratio': 0.05, saturation: 0.9 });
    return record('reverted', [step(1, 1, SHA.one, one), step(2, 5, SHA.two, two)], {
      reason: `rollout checkout-0123456789ab failed and was reverted: step 2/5 at 5%: analysis failed: ${two.reason}`,
      revertCommit: SHA.revert,
      lever: 'traffic',
    });
  })();

  it('the engine judged the steps as the test expects', async () => {
    const { steps } = await reverted;
    expect(steps.map((s) => s.phase)).toEqual(['pass', 'fail']);
    expect(steps[1]!.reason).toContain('`isNaN(result) || result < 0.8`');
  });

  it('opens with the outcome line, then the id, digest and times, then the reason', async () => {
    const lines = rolloutMarkdown(await reverted).split('\n');
    expect(lines[0]).toBe('### ❌ Rollout reverted at step 2 (5%) with the traffic lever (`cccccccccccc`)');
    expect(lines[2]).toBe(
      'Rollout `checkout-0123456789ab` of `sha256:0123456789ab…`, 2026-11-22T10:00:00.000Z → 2026-11-22T10:10:00.000Z.',
    );
    expect(lines[4]).toMatch(/^rollout checkout-0123456789ab failed and was reverted: step 2\/5 at 5%/);
  });

  it('has a steps table whose rows a `|` in a reason cannot split', async () => {
    const markdown = rolloutMarkdown(await reverted);
    const lines = markdown.split('\n');
    const header = lines.indexOf('| Step | Weight | Commit | Analysis | Reason |');
    expect(lines[header + 1]).toBe('| ---: | ---: | --- | --- | --- |');
    expect(lines[header + 2]).toBe('| 1 | 1% | `aaaaaaaaaaaa` | ✅ pass | all 2 gating metrics passed |');
    expect(lines[header + 3]).toMatch(
      /^\| 2 \| 5% \| `bbbbbbbbbbbb` \| ❌ fail \| error-ratio: .*isNaN\(result\) \\\|\\\| result < 0\.8/,
    );
    // Every table row in the summary (steps and the step analyses) has 5 cells: 6 separators.
    const rows = lines.filter((line) => line.startsWith('|'));
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect([row, separators(row)]).toEqual([row, 6]);
  });

  it('draws the steps as a flowchart: digest, each step with its verdict and commit, the reversal', async () => {
    const [flow] = mermaidBlocks(rolloutMarkdown(await reverted));
    expect(flow!.split('\n').slice(0, 6)).toEqual([
      'flowchart LR',
      '  origin(["sha256:0123456789ab…"])',
      '  s1["step 1 · 1%<br/>✅ pass<br/>aaaaaaa"]:::pass',
      '  s2["step 2 · 5%<br/>❌ fail<br/>bbbbbbb"]:::bad',
      '  outcome(["↩️ reverted · traffic<br/>ccccccc"]):::bad',
      '  origin --> s1 --> s2 --> outcome',
    ]);
  });

  it('charts each guardrail across the steps, the threshold as a second line', async () => {
    const markdown = rolloutMarkdown(await reverted);
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(3);
    // 0.0000015 is written without an exponent: mermaid's lexer reads only [+-]?(\d+(\.\d+)?|\.\d+).
    expect(blocks[1]).toBe(
      [
        'xychart-beta',
        '  title "error-ratio"',
        '  x-axis ["1%", "5%"]',
        '  line [0.0000015, 0.05]',
        '  line [0.01, 0.01]',
      ].join('\n'),
    );
    expect(markdown).toContain(
      '**error-ratio**: values per look (first line) against max 0.01 (second line).',
    );
    // A condition has no number to draw: the values alone, and the caption says why.
    expect(blocks[2]).toBe(
      ['xychart-beta', '  title "saturation"', '  x-axis ["1%", "5%"]', '  line [0.42, 0.9]'].join('\n'),
    );
    expect(markdown).toContain(
      '**saturation**: values per look; the criterion is a condition (success: isNaN(result) || result < 0.8), so no threshold line.',
    );
  });

  it('names the root cause: each failed guardrail with its values against its criterion, the step, the revert commit', async () => {
    const rec = await reverted;
    const cause = revertCause(rec)!;
    expect(cause).toMatch(
      /^At step 2 \(5%\), guardrail `error-ratio` failed: value 0\.05 against max 0\.01 \(.+\); guardrail `saturation` failed: value 0\.9 against success: isNaN\(result\) \|\| result < 0\.8 \(.+\)\. The traffic lever reverted it in commit `cccccccccccc`, and sha256:0123456789ab… is quarantined/,
    );
    const markdown = rolloutMarkdown(rec);
    // In the summary the paragraph sits under its heading (`< 0.8` cannot open a tag: kept as is).
    expect(markdown).toContain(`#### Root cause\n\n${cause}\n`);
  });

  it("folds each step's analysis table into a details block", async () => {
    const markdown = rolloutMarkdown(await reverted);
    expect(markdown).toContain(
      '<details><summary>Step 1 (1%) analysis</summary>\n\n### ✅ pass: all 2 gating metrics passed',
    );
    expect(markdown).toContain('<details><summary>Step 2 (5%) analysis</summary>\n\n### ❌ fail: ');
  });

  it('round-trips through rolloutJson', async () => {
    const rec = await reverted;
    expect(JSON.parse(rolloutJson(rec))).toMatchObject({ outcome: 'reverted', revertCommit: SHA.revert });
  });
});

describe('rolloutMarkdown on the other outcomes', () => {
  it('promoted: the outcome line, no reason line, no root cause, the flowchart ends promoted', async () => {
    const rec = record('promoted', [
      step(1, 50, SHA.one, await analyse({ 'error-ratio': 0.001, saturation: 0.1 })),
      step(2, 100, SHA.two, await analyse({ 'error-ratio': 0.002, saturation: 0.2 })),
    ]);
    const markdown = rolloutMarkdown(rec);
    expect(markdown.split('\n')[0]).toBe('### ✅ Rollout promoted: `sha256:0123456789ab…` serves 100%');
    expect(markdown.split('\n')[3]).toBe('');
    expect(markdown.split('\n')[4]).toBe('| Step | Weight | Commit | Analysis | Reason |');
    expect(markdown).not.toContain('Root cause');
    expect(revertCause(rec)).toBeUndefined();
    expect(mermaidBlocks(markdown)[0]).toContain(
      '  outcome(["✅ promoted"]):::pass\n  origin --> s1 --> s2 --> outcome',
    );
  });

  it('paused: held at the step, a person decides, with the reason', () => {
    const rec = record('paused', [step(1, 1, SHA.one)], {
      reason: 'step 1/5 at 1%: analysis inconclusive: error-ratio: no data yet',
    });
    const lines = rolloutMarkdown(rec).split('\n');
    expect(lines[0]).toBe('### ⏸️ Rollout held at step 1 (1%): a person decides');
    expect(lines[4]).toBe('step 1/5 at 1%: analysis inconclusive: error-ratio: no data yet');
    expect(mermaidBlocks(lines.join('\n'))[0]).toContain('  s1["step 1 · 1%<br/>aaaaaaa"]:::open');
    expect(mermaidBlocks(lines.join('\n'))[0]).toContain('  outcome(["⏸️ held"]):::held');
  });

  it('a reversal without an analysis verdict (the reconciler timed out) gives the recorded reason as the cause', () => {
    const rec = record('reverted', [step(1, 1, SHA.one)], {
      reason: 'step 1/5 at 1%: the reconciler did not apply aaaaaaa within 15m',
      revertCommit: SHA.revert,
      lever: 'image',
    });
    expect(revertCause(rec)).toBe(
      'At step 1 (1%), step 1/5 at 1%: the reconciler did not apply aaaaaaa within 15m. The image lever reverted it in commit `cccccccccccc`, and sha256:0123456789ab… is quarantined until a person removes it from the quarantine list.',
    );
  });

  it('escapes a reason that would break the table or open HTML', () => {
    const rec = record('paused', [
      { ...step(1, 1, SHA.one), phase: 'inconclusive', reason: 'a | b\n<script>' },
    ]);
    const row = rolloutMarkdown(rec)
      .split('\n')
      .find((line) => line.startsWith('| 1 |'))!;
    expect(row).toBe('| 1 | 1% | `aaaaaaaaaaaa` | ⏸️ inconclusive | a \\| b &lt;script> |');
    expect(separators(row)).toBe(6);
  });
});

describe('guardrail charts from hand-made verdicts', () => {
  const chartOf = (values: number[], criterion = 'max 1') =>
    mermaidBlocks(
      rolloutMarkdown(
        record('promoted', [step(1, 100, SHA.one, handReport([metric('m', values, criterion)]))]),
      ),
    )[1];

  // Four significant digits, never an exponent (hand-computed).
  it.each<[number, string]>([
    [1e-7, '0.0000001'],
    [0.00042, '0.00042'],
    [-0.00042, '-0.00042'],
    [0.1 + 0.2, '0.3'],
    [2, '2'],
    [123456.789, '123457'],
    [0, '0'],
  ])('writes %p as %s', (value, text) => {
    const chart = chartOf([value])!;
    expect(chart).toContain(`  line [${text}]`);
    for (const line of chart.split('\n').filter((l) => l.startsWith('  line ['))) {
      expect(line).toMatch(/^ {2}line \[[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:, [+-]?(?:\d+(?:\.\d+)?|\.\d+))*\]$/);
    }
  });

  it('labels several looks of a step, drops values mermaid cannot draw, and draws min and max', () => {
    expect(
      chartOf([0.2, Number.NaN, 0.4, Number.POSITIVE_INFINITY], 'min 0.1, max 0.5 (failureLimit 1)'),
    ).toBe(
      [
        'xychart-beta',
        '  title "m"',
        '  x-axis ["100% #1", "100% #2"]',
        '  line [0.2, 0.4]',
        '  line [0.1, 0.1]',
        '  line [0.5, 0.5]',
      ].join('\n'),
    );
  });

  it.each<[string, number[], string]>([
    ['a comparison', [0.05, 0.01], 'mSPRT p = 0.003 < 0.02'],
    ['a sample count', [812], 'canary requests ≥ 500'],
    ['only non-finite values', [Number.NaN], 'max 1'],
    ['no values', [], 'max 1'],
  ])('draws no chart for %s', (_name, values, criterion) => {
    expect(chartOf(values, criterion)).toBeUndefined();
  });
});
