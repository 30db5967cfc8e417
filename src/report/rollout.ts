/**
 * The rollout record as a terminal summary: one line per step with its commit and verdict, then
 * the outcome. (The job summary's charts and timeline are the action's; see issue 5's report work.)
 */
import type { RolloutRecord } from '../rollout/executor.js';

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
        : `PAUSED: ${record.reason}`;
  return [line(header), ...rows.map(line), '', outcome, ''].join('\n');
}
