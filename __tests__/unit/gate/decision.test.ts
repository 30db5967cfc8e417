/**
 * The gate's decision (src/gate/decision.ts): every rule alone and with each override. Policy: UTC,
 * allow mon–fri 09:00–17:00, only `p0` overrides. 4 May 2026 is a Monday (open at 10:00Z); 2 May a
 * Saturday (closed; opens Monday 4 May 09:00Z).
 */
import { describe, expect, it } from '@jest/globals';
import type { DeployPolicy } from '../../../src/config/types.js';
import { clip, COMMENT_LIMIT, decideGate, type GateFacts } from '../../../src/gate/decision.js';

const deploy: DeployPolicy = {
  timeZone: 'UTC',
  allow: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
  deny: [],
  freezeOnBudget: true,
  overrides: ['p0'],
};
const OPEN = new Date('2026-05-04T10:00:00Z');
const CLOSED = new Date('2026-05-02T10:00:00Z');
const DIGEST = `sha256:${'a'.repeat(64)}`;

const base: GateFacts = { environment: 'production', digest: DIGEST, at: OPEN };
const quarantined: Partial<GateFacts> = {
  quarantined: { digest: DIGEST, reason: 'error rate 2%', rollout: 'r-1' },
};
const refused: Partial<GateFacts> = { admission: { admitted: false, reason: 'scan: 2 critical findings' } };
const closed: Partial<GateFacts> = { at: CLOSED };
const frozen: Partial<GateFacts> = {
  budget: { frozen: true, remaining: -0.2, reason: '-20.0% of the 30d budget remains' },
};
const failed: Partial<GateFacts> = {
  openFailure: { rollout: 'r-2', reason: 'verdict fail: revert', sha: 'f'.repeat(40) },
};
const p0: Partial<GateFacts> = { override: { kind: 'p0', reason: 'INC-7 checkout down', by: '@ops' } };
const security: Partial<GateFacts> = { override: { kind: 'security', reason: 'CVE-2026-1' } };
const p0NoReason: Partial<GateFacts> = { override: { kind: 'p0', reason: '  ' } };

describe('decideGate', () => {
  it.each<[string, Partial<GateFacts>[], 'approved' | 'rejected', string | undefined, RegExp[]]>([
    // name, facts, state, overridden, reasons (in order)
    ['nothing against it', [], 'approved', undefined, []],
    [
      'quarantined digest',
      [quarantined],
      'rejected',
      undefined,
      [/is quarantined \(error rate 2%; rollout r-1\): deploy another digest/],
    ],
    [
      'quarantined, p0 cannot bypass',
      [quarantined, p0],
      'rejected',
      undefined,
      [/quarantined/, /override p0 cannot bypass/],
    ],
    [
      'evidence refused',
      [refused],
      'rejected',
      undefined,
      [/evidence does not admit .*scan: 2 critical.*run glidepath verify/],
    ],
    [
      'evidence refused, p0 cannot bypass',
      [refused, p0],
      'rejected',
      undefined,
      [/evidence does not admit/, /cannot bypass/],
    ],
    [
      'window closed',
      [closed],
      'rejected',
      undefined,
      [
        /deploy window closed: outside every allow window .*opens at 2026-05-04 09:00 UTC/,
        /--override p0 --reason TEXT/,
      ],
    ],
    ['window closed, p0 with a reason', [closed, p0], 'approved', 'p0', [/deploy window closed/]],
    [
      'window closed, security not allowed',
      [closed, security],
      'rejected',
      undefined,
      [/deploy window closed/, /override security is not allowed by deploy\.overrides \(allowed: p0\)/],
    ],
    [
      'window closed, p0 with a blank reason',
      [closed, p0NoReason],
      'rejected',
      undefined,
      [/deploy window closed/, /override p0 needs a reason/],
    ],
    [
      'budget spent',
      [frozen],
      'rejected',
      undefined,
      [/error budget spent: -20\.0%.*once the budget recovers/, /--override/],
    ],
    ['budget spent, p0', [frozen, p0], 'approved', 'p0', [/error budget spent/]],
    [
      'reverted rollout open',
      [failed],
      'rejected',
      undefined,
      [/rollout r-2 was reverted \(verdict fail: revert, ffffffffffff\).*commit the fix/, /--override/],
    ],
    ['reverted rollout open, p0', [failed, p0], 'approved', 'p0', [/rollout r-2 was reverted/]],
    [
      'closed, spent and reverted, p0 bypasses all three',
      [closed, frozen, failed, p0],
      'approved',
      'p0',
      [/window closed/, /budget spent/, /r-2 was reverted/],
    ],
    [
      'quarantined and closed, p0',
      [quarantined, closed, p0],
      'rejected',
      undefined,
      [/quarantined/, /window closed/, /cannot bypass/],
    ],
    ['override with nothing to bypass', [p0], 'approved', undefined, []],
  ])('%s', (_name, parts, state, overridden, reasons) => {
    const decision = decideGate(deploy, Object.assign({}, base, ...parts) as GateFacts);
    expect(decision.state).toBe(state);
    expect(decision.overridden).toBe(overridden);
    expect(decision.reasons).toHaveLength(reasons.length);
    reasons.forEach((reason, index) => expect(decision.reasons[index]).toMatch(reason));
    expect(decision.comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });

  it.each<
    [string, DeployPolicy | undefined, Partial<GateFacts>[], 'approved' | 'rejected', string | undefined]
  >([
    // Without a deploy section: any time, budget freezes (the default), both overrides allowed.
    ['no deploy section: closed hours do not matter', undefined, [closed], 'approved', undefined],
    ['no deploy section: budget spent freezes', undefined, [frozen], 'rejected', undefined],
    ['no deploy section: security may override', undefined, [frozen, security], 'approved', 'security'],
    [
      'freezeOnBudget false: a spent budget does not hold',
      { ...deploy, freezeOnBudget: false },
      [frozen],
      'approved',
      undefined,
    ],
    ['no overrides allowed', { ...deploy, overrides: [] }, [closed, p0], 'rejected', undefined],
  ])('%s', (_name, policy, parts, state, overridden) => {
    const decision = decideGate(policy, Object.assign({}, base, ...parts) as GateFacts);
    expect(decision.state).toBe(state);
    expect(decision.overridden).toBe(overridden);
  });

  it('the comment says who overrode what and why, and lists what passed', () => {
    const decision = decideGate(deploy, { ...base, ...closed, ...p0 } as GateFacts);
    expect(decision.comment.split('\n')).toEqual([
      `**Glidepath gate: approved by override \`p0\`** by @ops for \`production\` — \`${DIGEST}\``,
      '> INC-7 checkout down',
      '- ⚠️ bypassed: deploy window closed: outside every allow window (mon,tue,wed,thu,fri 09:00–17:00; UTC); it opens at 2026-05-04 09:00 UTC (2026-05-04T09:00:00.000Z)',
      `- ✅ ${DIGEST} is not quarantined`,
      '- ✅ no reverted rollout left unacknowledged',
    ]);
  });

  it('a committed override says where it is committed and until when', () => {
    const committed = {
      override: {
        kind: 'p0' as const,
        reason: 'INC-9 hotfix',
        committed: { where: '.glidepath/overrides.yaml:2:5', until: '2026-05-02T18:00:00.000Z' },
      },
    };
    const decision = decideGate(deploy, { ...base, ...closed, ...committed } as GateFacts);
    expect(decision.overridden).toBe('p0');
    expect(decision.comment.split('\n').slice(0, 2)).toEqual([
      `**Glidepath gate: approved by override \`p0\`** (committed in .glidepath/overrides.yaml:2:5, until 2026-05-02T18:00:00.000Z) for \`production\` — \`${DIGEST}\``,
      '> INC-9 hotfix',
    ]);
  });

  it('a rejection names the overrides file an incident can commit to, when the gate read one', () => {
    const decision = decideGate(deploy, {
      ...base,
      ...closed,
      overridesFile: '.glidepath/overrides.yaml',
    } as GateFacts);
    expect(decision.reasons.at(-1)).toBe(
      'an incident may override with --override p0 --reason TEXT, or an entry in .glidepath/overrides.yaml (environment, kind p0, reason, until)',
    );
    const none = decideGate({ ...deploy, overrides: [] }, { ...base, ...closed } as GateFacts);
    expect(none.reasons.at(-1)).toBe('no override is allowed (deploy.overrides is empty)');
  });

  it('a broken overrides file holds nothing inside the window, and is named as the fix outside it', () => {
    const broken = {
      overridesFile: '.glidepath/overrides.yaml',
      overridesError: 'X:3:11: kind must be p0 or security',
    };
    expect(decideGate(deploy, { ...base, ...broken } as GateFacts).state).toBe('approved');
    const held = decideGate(deploy, { ...base, ...closed, ...broken } as GateFacts);
    expect(held.state).toBe('rejected');
    expect(held.reasons.at(-1)).toBe(
      'the overrides file cannot be used: X:3:11: kind must be p0 or security',
    );
  });

  it('a plain approval lists the checks', () => {
    const decision = decideGate(deploy, base);
    expect(decision.comment).toBe(
      [
        `**Glidepath gate: approved** \`production\` — \`${DIGEST}\``,
        `- ✅ ${DIGEST} is not quarantined`,
        '- ✅ deploy window open: inside the allow window mon,tue,wed,thu,fri 09:00–17:00 (UTC)',
        '- ✅ no reverted rollout left unacknowledged',
      ].join('\n'),
    );
  });

  it('clips the comment to 1,024 characters with an ellipsis', () => {
    const long = { quarantined: { digest: DIGEST, reason: 'x'.repeat(5000) } };
    const decision = decideGate(deploy, { ...base, ...long });
    expect(decision.comment).toHaveLength(1024);
    expect(decision.comment.endsWith('…')).toBe(true);
    // The reasons themselves are not clipped: the CLI and JSON show them whole.
    expect(decision.reasons[0]!.length).toBeGreaterThan(5000);
  });

  it.each([
    ['short text is kept', 'abc', 5, 'abc'],
    ['cut with an ellipsis', 'abcdefgh', 5, 'abcd…'],
    // '😀' is two UTF-16 units; cutting between them would leave a lone surrogate.
    ['a surrogate pair is not split', 'abc😀def', 5, 'abc…'],
  ])('clip: %s', (_name, text, limit, expected) => {
    expect(clip(text, limit)).toBe(expected);
  });
});
