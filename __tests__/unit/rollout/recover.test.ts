/** Progress recovered from the branch's Glidepath trailers alone. */
import { describe, expect, it } from '@jest/globals';
import { parseTrailers, formatCommitMessage } from '../../../src/gitops/trailers.js';
import type { LoggedCommit, Trailers } from '../../../src/gitops/types.js';
import { recoverRollout, recoveredText } from '../../../src/rollout/recover.js';

let n = 0;
function commit(headline: string, trailers: Trailers): LoggedCommit {
  const message = formatCommitMessage(headline, undefined, trailers);
  n++;
  return {
    sha: n.toString(16).padStart(40, '0'),
    parents: [],
    headline,
    message,
    trailers: parseTrailers(message),
  };
}
const D2 = `sha256:${'a'.repeat(64)}`;
const D3 = `sha256:${'b'.repeat(64)}`;
const step = (rollout: string, digest: string, index: number, weight: number) =>
  commit(`step ${index}`, {
    'Glidepath-Rollout': rollout,
    'Glidepath-Service': 'demo',
    'Glidepath-Step': `${index}/5`,
    'Glidepath-Weight': String(weight),
    'Glidepath-Digest': digest,
  });

describe('recoverRollout', () => {
  const steps = [1, 5, 25, 50, 100].map((weight, index) => step('r2', D2, index + 1, weight));
  // The promotion record: the last step was judged (gitops/promotion.ts).
  const promotion = commit('promoted', {
    'Glidepath-Rollout': 'r2',
    'Glidepath-Service': 'demo',
    'Glidepath-Step': '5/5',
    'Glidepath-Weight': '100',
    'Glidepath-Digest': D2,
    'Glidepath-Verdict': 'promoted',
  });
  const v2 = [...steps, promotion];
  const v3 = [step('r3', D3, 1, 1), step('r3', D3, 2, 5)];
  const revert = commit('weight 0 (reversal)', {
    'Glidepath-Rollout': 'r3',
    'Glidepath-Service': 'demo',
    'Glidepath-Weight': '0',
    'Glidepath-Digest': D3,
    'Glidepath-Verdict': 'fail',
    'Glidepath-Revert-Of': v3[0]!.sha,
  });
  const newestFirst = (...commits: LoggedCommit[]) => [...commits].reverse();

  it('reads a promoted rollout: step 5/5 at 100%', () => {
    expect(recoverRollout(newestFirst(...v2))).toMatchObject({
      id: 'r2',
      status: 'promoted',
      step: { index: 5, of: 5 },
      weight: 100,
      digest: D2,
    });
  });
  it('100% committed but not yet judged (no promotion record) is still in progress', () => {
    expect(recoverRollout(newestFirst(...steps))).toMatchObject({
      status: 'in-progress',
      step: { index: 5, of: 5 },
      weight: 100,
    });
  });
  it('reads an in-progress rollout at its newest step', () => {
    expect(recoverRollout(newestFirst(...v2.slice(0, 3)))).toMatchObject({
      status: 'in-progress',
      step: { index: 3, of: 5 },
      weight: 25,
    });
  });
  it('reads a reverted rollout, newest first, and keeps other rollouts apart', () => {
    const recovered = recoverRollout(newestFirst(...v2, ...v3, revert));
    expect(recovered).toMatchObject({ id: 'r3', status: 'reverted', weight: 0, step: { index: 2, of: 5 } });
    expect(recovered?.commits.map((c) => c.sha)).toEqual([revert.sha, v3[1]!.sha, v3[0]!.sha]);
    expect(recoveredText(recovered)).toMatch(/^r3 reverted at step 2\/5 \(0%\) — sha256:b{64}\n.*\[fail\]/);
  });
  it('filters by rollout id and by service; none is undefined', () => {
    expect(recoverRollout(newestFirst(...v2, ...v3, revert), { rollout: 'r2' })?.status).toBe('promoted');
    expect(recoverRollout(newestFirst(...v2), { service: 'other' })).toBeUndefined();
    expect(recoveredText(undefined)).toBe('no Glidepath rollout on this branch\n');
  });
});
