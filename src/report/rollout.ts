/**
 * Renders a rollout record (DESIGN.md "Loops" 1, issue 5 "report"): a terminal table, the `--json`
 * document (the action's `record` output), and the job summary — the outcome, a steps table, a
 * mermaid flowchart of the steps, one mermaid `xychart-beta` per guardrail (its values across the
 * steps against its threshold) and, on a reversal, the root cause in one paragraph. A reverted
 * rollout explains itself in the summary without anyone opening a dashboard.
 *
 * Markdown hazards: every text that comes from outside (reasons, criteria, guardrail names) goes
 * through `cell` or `inline`, so a `|` cannot split a table row, a newline cannot end one, and a
 * `<` cannot open an HTML tag in the summary. Mermaid is stricter still: its labels cannot hold `"` and
 * its numbers cannot be written with an exponent, so both are rewritten (`label`, `plain`).
 */
import { formatNumber } from '../analysis/condition.js';
import type { MetricVerdict, Phase } from '../analysis/verdict.js';
import type { RolloutRecord, StepRecord } from '../rollout/executor.js';
import { analysisMarkdown } from './analysis.js';

const MARK: Readonly<Record<Phase, string>> = {
  pass: '✅ pass',
  fail: '❌ fail',
  inconclusive: '⏸️ inconclusive',
  error: '⚠️ error',
};

/** Plain text for a terminal. */
export function rolloutText(record: RolloutRecord): string {
  const header = ['STEP', 'WEIGHT', 'COMMIT', 'ANALYSIS', 'REASON'];
  const rows = record.steps.map((step) => [
    String(step.step),
    `${step.weight}%`,
    step.commit?.slice(0, 12) ?? '-',
    step.phase?.toUpperCase() ?? '-',
    step.reason ?? '',
  ]);
  const widths = header.map((title, column) =>
    column === 4 ? 0 : Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 4 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const outcome =
    record.outcome === 'promoted'
      ? `PROMOTED ${record.digest.slice(0, 19)}… to 100%`
      : record.outcome === 'reverted'
        ? `REVERTED with the ${record.lever ?? 'image'} lever at ${record.revertCommit?.slice(0, 12) ?? '?'}: ${record.reason}`
        : `${record.outcome.toUpperCase()}: ${record.reason}`;
  return [line(header), ...rows.map(line), '', outcome, ''].join('\n');
}

/** The `--json` document and the action's `record` file: the record as is, two-space indented. */
export function rolloutJson(record: RolloutRecord): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/**
 * Job-summary markdown: the outcome line, the steps table, a flowchart of the steps, a chart per
 * guardrail with values, the root cause on a reversal, and each step's analysis folded away.
 */
export function rolloutMarkdown(record: RolloutRecord): string {
  const cause = revertCause(record);
  const charts = guardrailSeries(record.steps).flatMap(chartLines);
  const analyses = record.steps.flatMap((step) =>
    step.analysis
      ? [
          `<details><summary>Step ${step.step} (${step.weight}%) analysis</summary>`,
          '',
          analysisMarkdown(step.analysis).trimEnd(),
          '',
          '</details>',
          '',
        ]
      : [],
  );
  return [
    outcomeLine(record),
    '',
    `Rollout \`${code(inline(record.id))}\` of \`${shortDigest(record.digest)}\`, ${record.startedAt} → ${record.finishedAt}.`,
    ...(record.outcome === 'promoted' ? [] : ['', inline(record.reason)]),
    ...(record.override
      ? [
          '',
          `> **Deploy policy overridden (${record.override.kind})**: ${inline(record.override.reason)} — recorded as \`Glidepath-Override\` on every commit of this rollout.`,
        ]
      : []),
    '',
    '| Step | Weight | Commit | Analysis | Reason |',
    '| ---: | ---: | --- | --- | --- |',
    ...record.steps.map(
      (step) =>
        `| ${step.step} | ${step.weight}% | ${step.commit ? `\`${step.commit.slice(0, 12)}\`` : '-'} | ${phaseMark(step.phase)} | ${cell(step.reason ?? '')} |`,
    ),
    '',
    ...flowchart(record),
    '',
    ...(cause ? ['#### Root cause', '', inline(cause), ''] : []),
    ...(charts.length ? ['#### Guardrails', '', ...charts] : []),
    ...analyses,
  ].join('\n');
}

/**
 * On a reversal, one paragraph naming the cause: the failing step, each gating guardrail that
 * failed there with its values against its criterion, the lever and the reversal commit. Undefined
 * unless the record is `reverted`. Plain text with backticks, so it reads as an annotation too.
 */
export function revertCause(record: RolloutRecord): string | undefined {
  if (record.outcome !== 'reverted') return undefined;
  const failed = record.steps.findLast((step) => step.phase === 'fail' || step.phase === 'error');
  const culprits =
    failed?.analysis?.metrics.filter((metric) => !metric.dryRun && metric.phase === failed.phase) ?? [];
  const where = failed
    ? `step ${failed.step} (${failed.weight}%)`
    : record.steps.length > 0
      ? `step ${record.steps.at(-1)!.step} (${record.steps.at(-1)!.weight}%)`
      : 'before the first step';
  const what =
    culprits.length > 0
      ? culprits
          .map(
            (metric) =>
              `guardrail \`${code(metric.name)}\` ${metric.phase === 'fail' ? 'failed' : 'errored'}: ${valuesText(metric)} against ${metric.criterion} (${metric.reason})`,
          )
          .join('; ')
      : record.reason;
  const commit = record.revertCommit ? ` in commit \`${record.revertCommit.slice(0, 12)}\`` : '';
  return (
    `At ${where}, ${what}. The ${record.lever ?? 'image'} lever reverted it${commit}, and ` +
    `${shortDigest(record.digest)} is quarantined until a person removes it from the quarantine list.`
  );
}

function outcomeLine(record: RolloutRecord): string {
  const last = record.steps.at(-1);
  const at = last ? ` at step ${last.step} (${last.weight}%)` : '';
  switch (record.outcome) {
    case 'promoted':
      return `### ✅ Rollout promoted: \`${shortDigest(record.digest)}\` serves 100%`;
    case 'reverted':
      return `### ❌ Rollout reverted${at} with the ${record.lever ?? 'image'} lever${record.revertCommit ? ` (\`${record.revertCommit.slice(0, 12)}\`)` : ''}`;
    case 'paused':
      return `### ⏸️ Rollout held${at}: a person decides`;
    case 'continuing':
      return `### ⏩ Rollout continuing${at}: the next run takes the next step`;
  }
}

/** A left-to-right flowchart: the digest, one node per step (weight, analysis, commit), the outcome. */
function flowchart(record: RolloutRecord): string[] {
  const nodes = record.steps.map((step, index) => ({
    id: `s${index + 1}`,
    text: [`step ${step.step} · ${step.weight}%`, phaseMark(step.phase), step.commit?.slice(0, 7)]
      .filter((part): part is string => Boolean(part) && part !== '-')
      .join('<br/>'),
    style: step.phase === 'pass' ? 'pass' : step.phase === undefined ? 'open' : 'bad',
  }));
  const end =
    record.outcome === 'promoted'
      ? { text: '✅ promoted', style: 'pass' }
      : record.outcome === 'reverted'
        ? {
            text: [`↩️ reverted · ${record.lever ?? 'image'}`, record.revertCommit?.slice(0, 7)]
              .filter(Boolean)
              .join('<br/>'),
            style: 'bad',
          }
        : record.outcome === 'continuing'
          ? { text: '⏩ next run', style: 'open' }
          : { text: '⏸️ held', style: 'held' };
  const chain = ['origin', ...nodes.map((node) => node.id), 'outcome'].join(' --> ');
  return [
    '```mermaid',
    'flowchart LR',
    `  origin(["${label(shortDigest(record.digest))}"])`,
    ...nodes.map((node) => `  ${node.id}["${label(node.text)}"]:::${node.style}`),
    `  outcome(["${label(end.text)}"]):::${end.style}`,
    `  ${chain}`,
    '  classDef pass fill:#dafbe1,stroke:#1a7f37',
    '  classDef bad fill:#ffebe9,stroke:#cf222e',
    '  classDef held fill:#fff8c5,stroke:#9a6700',
    '  classDef open fill:#f6f8fa,stroke:#57606a',
    '```',
  ];
}

/** One guardrail's values across the steps, and its bounds. */
interface GuardrailSeries {
  name: string;
  criterion: string;
  points: { label: string; value: number }[];
  bounds: { kind: 'min' | 'max'; value: number }[];
}

/**
 * A threshold guardrail's verdict, told from the comparisons, SLO and sample checks by its
 * criterion, which the engine writes as `min N`, `max N`, `success: …` or `failure: …`
 * (engine.ts `criterionOf`). Hazard: this reads the engine's wording; the report test builds its
 * record with the real engine so a change there fails here.
 */
const GUARDRAIL_CRITERION = /^(?:min|max) |^(?:success|failure): /;
const BOUND = /(?:^|, )(min|max) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?=,|$| )/g;

/** Each guardrail's finite values in step order, labelled by weight (and look, when a step has several). */
function guardrailSeries(steps: readonly StepRecord[]): GuardrailSeries[] {
  const series = new Map<string, GuardrailSeries>();
  for (const step of steps) {
    for (const metric of step.analysis?.metrics ?? []) {
      if (!GUARDRAIL_CRITERION.test(metric.criterion)) continue;
      const values = metric.values.filter(Number.isFinite);
      if (values.length === 0) continue;
      let entry = series.get(metric.name);
      if (!entry) {
        entry = {
          name: metric.name,
          criterion: metric.criterion,
          points: [],
          bounds: [...metric.criterion.matchAll(BOUND)].map((match) => ({
            kind: match[1] as 'min' | 'max',
            value: Number(match[2]),
          })),
        };
        series.set(metric.name, entry);
      }
      for (const [index, value] of values.entries()) {
        entry.points.push({
          label: values.length === 1 ? `${step.weight}%` : `${step.weight}% #${index + 1}`,
          value,
        });
      }
    }
  }
  return [...series.values()];
}

/** The caption and the xychart: the values as the first line, each bound as a further line. */
function chartLines(series: GuardrailSeries): string[] {
  const bounds = series.bounds.map((bound) => `${bound.kind} ${formatNumber(bound.value)}`);
  const caption = bounds.length
    ? `**${inline(series.name)}**: values per look (first line) against ${bounds.join(' and ')} (${bounds.length === 1 ? 'second line' : 'further lines'}).`
    : `**${inline(series.name)}**: values per look; the criterion is a condition (${inline(series.criterion)}), so no threshold line.`;
  const line = (values: readonly number[]) => `  line [${values.map(plain).join(', ')}]`;
  return [
    caption,
    '',
    '```mermaid',
    'xychart-beta',
    `  title "${label(series.name)}"`,
    `  x-axis [${series.points.map((point) => `"${label(point.label)}"`).join(', ')}]`,
    line(series.points.map((point) => point.value)),
    ...series.bounds.map((bound) => line(series.points.map(() => bound.value))),
    '```',
    '',
  ];
}

function phaseMark(phase: string | undefined): string {
  return phase && phase in MARK ? MARK[phase as Phase] : (phase ?? '-');
}

function valuesText(metric: MetricVerdict): string {
  if (metric.values.length === 0) return 'no values';
  const shown = metric.values.map((value) =>
    formatNumber(Number.isFinite(value) ? Number(value.toPrecision(4)) : value),
  );
  return `${shown.length === 1 ? 'value' : 'values'} ${shown.join(', ')}`;
}

/**
 * A number mermaid's xychart lexer accepts (`[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent), to four
 * significant digits.
 */
function plain(value: number): string {
  if (value === 0) return '0';
  const decimals = Math.min(20, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))));
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

function shortDigest(digest: string): string {
  return `${digest.slice(0, 19)}…`;
}

/** Text for a mermaid label in double quotes: no quotes, no line breaks. */
function label(text: string): string {
  return text.replaceAll('"', "'").replace(/[\r\n]+/g, ' ');
}

/** Text inside a code span. */
function code(text: string): string {
  return text.replaceAll('`', "'");
}

/**
 * One line of markdown prose: no line breaks, no HTML. Only a `<` that could open a tag (CommonMark:
 * followed by a letter, `/`, `!` or `?`) is escaped: `result < 0.8` stays readable, also inside a
 * code span, where an entity would show as written.
 */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/** A table cell: `inline`, with `|` escaped so it cannot split the row. */
function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}
