import type { AdmissionReport } from '../evidence/verify.js';
import type { CheckStatus } from '../evidence/types.js';

const MARK: Record<CheckStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  missing: '❌ missing',
  suppressed: '🔕 suppressed',
};

/** The `--json` document: the contract scripts and the action's `report` output rely on. */
export function admissionJson(report: AdmissionReport): string {
  const { artifact, digest, admitted, checks, ignored, policy } = report;
  return JSON.stringify({ artifact, digest, admitted, checks, ignored, policy }, null, 2) + '\n';
}

/** A plain-text table for a terminal, widest columns clipped so the reason stays readable. */
export function admissionText(report: AdmissionReport): string {
  const rows = report.checks.map((check) => [
    check.status.toUpperCase(),
    check.kind,
    check.file || '-',
    check.reason,
  ]);
  const header = ['STATUS', 'KIND', 'FILE', 'REASON'];
  const widths = [0, 1, 2].map((column) =>
    Math.min(
      column === 2 ? 48 : 12,
      Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 3 ? clip(cell, widths[column]!).padEnd(widths[column]!) : cell))
      .join('  ');
  const verdict = report.admitted
    ? `ADMITTED ${report.artifact}`
    : `REJECTED ${report.artifact}: ${failures(report)} of ${report.checks.length} checks failed`;
  const ignored = report.ignored.map((entry) => `ignored ${entry.file}: ${entry.reason}`);
  return [line(header), ...rows.map(line), '', ...ignored, ...(ignored.length ? [''] : []), verdict, ''].join(
    '\n',
  );
}

/** The job summary: the checks table in GitHub-flavoured markdown. */
export function admissionMarkdown(report: AdmissionReport): string {
  const title = report.admitted ? '✅ Admitted' : '❌ Rejected';
  const rows = report.checks.map(
    (check) =>
      `| ${MARK[check.status]} | ${check.kind} | ${code(check.file || '—')} | ${cell(check.reason)} |`,
  );
  const ignored = report.ignored.length
    ? [
        '',
        '<details><summary>Ignored files</summary>',
        '',
        ...report.ignored.map((e) => `- ${code(e.file)}: ${cell(e.reason)}`),
        '',
        '</details>',
      ]
    : [];
  return [
    `### Glidepath admission: ${title}`,
    '',
    `Artifact ${code(report.artifact)} · policy ${code(report.policy)}`,
    '',
    '| Status | Kind | File | Reason |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...ignored,
    '',
  ].join('\n');
}

function failures(report: AdmissionReport): number {
  return report.checks.filter((check) => check.status === 'fail' || check.status === 'missing').length;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

/** Escapes a table cell: pipes split cells and newlines end rows. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}
