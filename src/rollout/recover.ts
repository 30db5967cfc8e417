/**
 * Progress recovered from Git alone (DESIGN.md "State"): every Glidepath commit carries
 * `Glidepath-Rollout`, `-Step`, `-Weight`, `-Digest` and, on a reversal, `-Revert-Of` and
 * `-Verdict`, so where a rollout stands is a reading of the branch's history — no state file, no
 * server. This is what `glidepath status` prints and what an event-driven step starts from.
 */
import type { LoggedCommit } from '../gitops/types.js';

/** A rollout as the branch's history tells it. */
export interface RecoveredRollout {
  id: string;
  digest?: string;
  service?: string;
  /** Where it stands: still exposing, promoted at 100%, or reversed. */
  status: 'in-progress' | 'promoted' | 'reverted';
  /** 1-based step of the newest step commit, and the step count (`3/5`). */
  step?: { index: number; of: number };
  /** Canary weight after the newest commit. */
  weight?: number;
  /** The newest commit of the rollout. */
  head: string;
  /** The rollout's commits, newest first. */
  commits: {
    sha: string;
    headline: string;
    step?: string;
    weight?: string;
    verdict?: string;
    revertOf?: string;
    /** The error-rate test's state the commit carries (`Glidepath-Analysis`), encoded. */
    analysis?: string;
  }[];
}

/**
 * The newest rollout in `log` (newest first), optionally of one `service` or one `rollout` id;
 * undefined when no Glidepath commit matches.
 */
export function recoverRollout(
  log: readonly LoggedCommit[],
  scope: { service?: string; rollout?: string } = {},
): RecoveredRollout | undefined {
  const ours = log.filter(
    (commit) =>
      commit.trailers['Glidepath-Rollout'] !== undefined &&
      (scope.service === undefined || commit.trailers['Glidepath-Service'] === scope.service) &&
      (scope.rollout === undefined || commit.trailers['Glidepath-Rollout'] === scope.rollout),
  );
  const newest = ours[0];
  if (!newest) return undefined;
  const id = newest.trailers['Glidepath-Rollout']!;
  const commits = ours.filter((commit) => commit.trailers['Glidepath-Rollout'] === id);
  const stepCommit = commits.find((commit) => commit.trailers['Glidepath-Step'] !== undefined);
  const [index, of] = (stepCommit?.trailers['Glidepath-Step'] ?? '').split('/').map(Number);
  const reverted = commits.some((commit) => commit.trailers['Glidepath-Revert-Of'] !== undefined);
  const weightText = newest.trailers['Glidepath-Weight'];
  const weight = weightText === undefined ? undefined : Number(weightText);
  // Promoted only once the last step was judged: the promotion record (gitops/promotion.ts) says so.
  const promoted = !reverted && commits.some((commit) => commit.trailers['Glidepath-Verdict'] === 'promoted');
  return {
    id,
    ...(newest.trailers['Glidepath-Digest'] ? { digest: newest.trailers['Glidepath-Digest'] } : {}),
    ...(newest.trailers['Glidepath-Service'] ? { service: newest.trailers['Glidepath-Service'] } : {}),
    status: reverted ? 'reverted' : promoted ? 'promoted' : 'in-progress',
    ...(index !== undefined && of !== undefined && !Number.isNaN(index) && !Number.isNaN(of)
      ? { step: { index, of } }
      : {}),
    ...(weight !== undefined && !Number.isNaN(weight) ? { weight } : {}),
    head: newest.sha,
    commits: commits.map((commit) => ({
      sha: commit.sha,
      headline: commit.headline,
      ...(commit.trailers['Glidepath-Step'] ? { step: commit.trailers['Glidepath-Step'] } : {}),
      ...(commit.trailers['Glidepath-Weight'] ? { weight: commit.trailers['Glidepath-Weight'] } : {}),
      ...(commit.trailers['Glidepath-Verdict'] ? { verdict: commit.trailers['Glidepath-Verdict'] } : {}),
      ...(commit.trailers['Glidepath-Revert-Of'] ? { revertOf: commit.trailers['Glidepath-Revert-Of'] } : {}),
      ...(commit.trailers['Glidepath-Analysis'] ? { analysis: commit.trailers['Glidepath-Analysis'] } : {}),
    })),
  };
}

/** One paragraph for a terminal. */
export function recoveredText(rollout: RecoveredRollout | undefined): string {
  if (!rollout) return 'no Glidepath rollout on this branch\n';
  const where =
    rollout.step && rollout.weight !== undefined
      ? ` at step ${rollout.step.index}/${rollout.step.of} (${rollout.weight}%)`
      : rollout.weight !== undefined
        ? ` at ${rollout.weight}%`
        : '';
  const lines = rollout.commits.map(
    (commit) =>
      `  ${commit.sha.slice(0, 12)} ${commit.headline}${commit.verdict ? ` [${commit.verdict}]` : ''}`,
  );
  return [
    `${rollout.id} ${rollout.status}${where}${rollout.digest ? ` — ${rollout.digest}` : ''}`,
    ...lines,
    '',
  ].join('\n');
}
