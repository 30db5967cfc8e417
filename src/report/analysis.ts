/**
 * Renders an analysis report: a terminal table, the `--json` document, and job-summary markdown.
 * Every metric line carries the query, the values, the criterion and the one-sentence reason, so a
 * reverted rollout explains itself without anyone opening a dashboard.
 */
import type { AnalysisReport } from '../analysis/engine.js';
import { formatNumber } from '../analysis/condition.js';
import type { MetricVerdict, Phase } from '../analysis/verdict.js';

const MARK: Readonly<Record<Phase, string>> = {
  pass: '✅ pass',
  fail: '❌ fail',
  inconclusive: '⏸️ inconclusive',
  error: '⚠️ error',
};

/** The `--json` document. Numbers that JSON cannot hold (NaN, ±Inf) are written as Prometheus spells them. */
export function analysisJson(report: AnalysisReport): string {
  const document = {
    phase: report.phase,
    reason: report.reason,
    stepStart: report.stepStart.toISOString(),
    deadline: report.deadline.toISOString(),
    finishedAt: report.finishedAt.toISOString(),
    looks: report.looks,
    ...(report.canaryRequests === undefined ? {} : { canaryRequests: report.canaryRequests }),
    metrics: report.metrics.map((metric) => ({
      ...metric,
      values: metric.values.map((value) => (Number.isFinite(value) ? value : formatNumber(value))),
    })),
    errorRateState: report.errorRateState,
  };
  return JSON.stringify(document, null, 2) + '\n';
}

/** A terminal table: one line per metric, then the verdict. */
export function analysisText(report: AnalysisReport): string {
  const header = ['PHASE', 'METRIC', 'VALUES', 'CRITERION'];
  const rows = report.metrics.map((metric) => [
    metric.phase.toUpperCase() + (metric.dryRun ? '*' : ''),
    metric.name,
    valuesText(metric),
    metric.criterion,
  ]);
  const widths = header.map((title, column) =>
    Math.min(column === 3 ? 60 : 28, Math.max(title.length, ...rows.map((row) => row[column]!.length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => clip(cell, widths[column]!).padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const reasons = report.metrics.map((metric) => `  ${metric.name}: ${metric.reason}`);
  const dry = report.metrics.some((metric) => metric.dryRun) ? ['* observed only, never gates', ''] : [];
  return [
    line(header),
    ...rows.map(line),
    '',
    ...reasons,
    '',
    ...dry,
    `${report.phase.toUpperCase()}: ${report.reason}`,
    '',
  ].join('\n');
}

/** Job-summary markdown. */
export function analysisMarkdown(report: AnalysisReport): string {
  const rows = report.metrics.map(
    (metric) =>
      `| ${MARK[metric.phase]}${metric.dryRun ? ' (not gating)' : ''} | ${metric.name} | ${cell(valuesText(metric))} | ${cell(metric.criterion)} | ${cell(metric.reason)} |`,
  );
  const queries = report.metrics.flatMap((metric) =>
    metric.queries.map((query) => `- ${metric.name}: \`${query.replaceAll('`', "'")}\``),
  );
  return [
    `### ${MARK[report.phase]}: ${cell(report.reason)}`,
    '',
    '| Phase | Metric | Values | Criterion | Reason |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(queries.length ? ['', '<details><summary>Queries</summary>', '', ...queries, '', '</details>'] : []),
    '',
  ].join('\n');
}

function valuesText(metric: MetricVerdict): string {
  return metric.values.length === 0
    ? '-'
    : metric.values.map((value) => formatNumber(round(value))).join(', ');
}

function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
