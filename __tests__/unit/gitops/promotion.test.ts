/**
 * The promotion record (src/gitops/promotion.ts): the commit that says a rollout's last step was
 * judged at 100%, carrying the trailers recovery reads and one line per service in promoted.yaml.
 */
import { describe, expect, it } from '@jest/globals';
import { commitMessageOf } from '../../../src/gitops/intent.js';
import { promotionCommit, promotionFileFor, recordPromotion } from '../../../src/gitops/promotion.js';
import { parseTrailers } from '../../../src/gitops/trailers.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const AT = '2026-11-22T09:00:00.000Z';

describe('promotionCommit', () => {
  it("carries every rollout commit's trailers, at the last of its steps and 100%, plus the verdict", () => {
    const request = promotionCommit(
      'main',
      {
        service: 'checkout',
        rollout: 'r-7',
        digest: DIGEST,
        at: AT,
        steps: 5,
        evidence: 'ghcr.io/acme/evidence@sha256:1',
      },
      '.glidepath/quarantine.yaml',
    );
    expect(request.branch).toBe('main');
    expect(parseTrailers(commitMessageOf(request))).toEqual({
      'Glidepath-Rollout': 'r-7',
      'Glidepath-Service': 'checkout',
      'Glidepath-Step': '5/5',
      'Glidepath-Weight': '100',
      'Glidepath-Digest': DIGEST,
      'Glidepath-Evidence': 'ghcr.io/acme/evidence@sha256:1',
      'Glidepath-Verdict': 'promoted',
      // Added by every commit message: the hash of what the commit means (src/gitops/intent.ts).
      'Glidepath-Intent': expect.stringMatching(/^sha256:[0-9a-f]+$/),
    });
    expect(request.headline).toBe(`glidepath: checkout promoted ${DIGEST.slice(0, 19)}… (100%, judged)`);
    expect(request.changes.map((change) => change.path)).toEqual(['.glidepath/promoted.yaml']);
    expect(request.changes[0]!.render(undefined)).toContain(
      `checkout:\n  rollout: r-7\n  digest: ${DIGEST}\n  at: ${AT}\n`,
    );
  });

  it('without a service: no Glidepath-Service trailer, and the file is keyed by the rollout id', () => {
    const request = promotionCommit(
      'main',
      { rollout: 'r-8', digest: DIGEST, at: AT, steps: 1 },
      'ops/quarantine.yaml',
    );
    const trailers = parseTrailers(commitMessageOf(request));
    expect(trailers['Glidepath-Service']).toBeUndefined();
    expect(trailers['Glidepath-Step']).toBe('1/1');
    expect(trailers['Glidepath-Evidence']).toBeUndefined();
    expect(request.changes[0]!.path).toBe('ops/promoted.yaml');
    expect(request.changes[0]!.render(undefined)).toContain('r-8:\n  rollout: r-8\n');
  });
});

describe('recordPromotion', () => {
  it("replaces the service's line and keeps comments and other services", () => {
    const before = `# promotions\nbilling: # pinned by hand\n  rollout: r-1\n  digest: sha256:${'b'.repeat(64)}\n  at: x\n`;
    const after = recordPromotion(
      before,
      { service: 'checkout', rollout: 'r-9', digest: DIGEST, at: AT },
      promotionFileFor('.glidepath/quarantine.yaml'),
    );
    expect(after.startsWith('# promotions\nbilling:')).toBe(true);
    expect(after).toContain('# pinned by hand');
    expect(after).toContain(`  rollout: r-1\n  digest: sha256:${'b'.repeat(64)}\n  at: x\n`);
    expect(after).toContain(`checkout:\n  rollout: r-9\n  digest: ${DIGEST}\n`);
  });

  it('refuses a file that is not a map, naming it and the fix', () => {
    expect(() =>
      recordPromotion(
        '- a\n- b\n',
        { service: 's', rollout: 'r', digest: DIGEST, at: AT },
        '.glidepath/promoted.yaml',
      ),
    ).toThrow(/\.glidepath\/promoted\.yaml.*must be a map of service → promotion; fix or delete it/);
  });
});
