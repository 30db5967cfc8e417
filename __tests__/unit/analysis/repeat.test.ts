import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import type { Phase } from '../../../src/analysis/verdict.js';
import {
  decideRepeated,
  parseRepeat,
  requiredAgreement,
  type AgreementRule,
} from '../../../src/analysis/repeat.js';

/** 'ppf-' style shorthand: p pass, f fail, i inconclusive, e error. */
const phases = (text: string): Phase[] =>
  [...text].map((c) => ({ p: 'pass', f: 'fail', i: 'inconclusive', e: 'error' })[c] as Phase);

const decide = (text: string, agreement: AgreementRule) =>
  decideRepeated(phases(text), parseRepeat({ repeat: text.length, agreement }, 'stage'));

describe('requiredAgreement', () => {
  it.each([
    { repeat: 1, agreement: 'all', k: 1 },
    { repeat: 5, agreement: 'all', k: 5 },
    { repeat: 1, agreement: 'majority', k: 1 },
    { repeat: 2, agreement: 'majority', k: 2 }, // > 1
    { repeat: 3, agreement: 'majority', k: 2 },
    { repeat: 4, agreement: 'majority', k: 3 }, // > 2
    { repeat: 5, agreement: 'majority', k: 3 },
    { repeat: 5, agreement: { atLeast: 4 }, k: 4 },
  ] as const)('$agreement of $repeat needs $k', ({ repeat, agreement, k }) => {
    expect(requiredAgreement(parseRepeat({ repeat, agreement }, 's'))).toBe(k);
  });
});

describe('decideRepeated', () => {
  it.each([
    // rule all (k = N): unanimity either way, anything else holds.
    { measured: 'ppp', rule: 'all', phase: 'pass' },
    { measured: 'ppf', rule: 'all', phase: 'inconclusive' },
    { measured: 'ppi', rule: 'all', phase: 'inconclusive' },
    { measured: 'ppe', rule: 'all', phase: 'inconclusive' },
    { measured: 'ffp', rule: 'all', phase: 'inconclusive' },
    { measured: 'fff', rule: 'all', phase: 'fail' },
    { measured: 'eee', rule: 'all', phase: 'error' },
    { measured: 'iii', rule: 'all', phase: 'inconclusive' },
    { measured: 'p', rule: 'all', phase: 'pass' },
    { measured: 'f', rule: 'all', phase: 'fail' },
    // rule majority (k = ⌊N/2⌋ + 1).
    { measured: 'ppf', rule: 'majority', phase: 'pass' },
    { measured: 'pfp', rule: 'majority', phase: 'pass' }, // order does not matter
    { measured: 'pff', rule: 'majority', phase: 'fail' },
    { measured: 'pfe', rule: 'majority', phase: 'inconclusive' },
    { measured: 'pfi', rule: 'majority', phase: 'inconclusive' },
    { measured: 'pee', rule: 'majority', phase: 'error' },
    { measured: 'ppff', rule: 'majority', phase: 'inconclusive' }, // a tie never promotes
    { measured: 'pppf', rule: 'majority', phase: 'pass' },
    { measured: 'ppee', rule: 'majority', phase: 'inconclusive' }, // errors count as not-pass
    { measured: 'ppppf', rule: 'majority', phase: 'pass' },
    { measured: 'ppiee', rule: 'majority', phase: 'inconclusive' },
    { measured: 'pp', rule: 'majority', phase: 'pass' },
    { measured: 'pf', rule: 'majority', phase: 'inconclusive' },
    // rule atLeast k (a majority itself).
    { measured: 'ppppf', rule: { atLeast: 4 }, phase: 'pass' },
    { measured: 'pppff', rule: { atLeast: 4 }, phase: 'inconclusive' },
    { measured: 'pffff', rule: { atLeast: 4 }, phase: 'fail' },
    { measured: 'pppee', rule: { atLeast: 3 }, phase: 'pass' },
    { measured: 'ppeee', rule: { atLeast: 3 }, phase: 'error' },
    { measured: 'ppiff', rule: { atLeast: 3 }, phase: 'inconclusive' },
  ] as const)('$measured under $rule → $phase', ({ measured, rule, phase }) => {
    expect(decide(measured, rule).phase).toBe(phase);
  });

  it('never promotes while a pass and a fail both could count (exhaustive over N ≤ 5, every rule)', () => {
    const all: Phase[] = ['pass', 'fail', 'inconclusive', 'error'];
    for (let n = 1; n <= 5; n++) {
      const rules: AgreementRule[] = ['all', 'majority'];
      for (let k = Math.floor(n / 2) + 1; k <= n; k++) rules.push({ atLeast: k });
      for (let code = 0; code < 4 ** n; code++) {
        const measured = Array.from({ length: n }, (_, i) => all[Math.floor(code / 4 ** i) % 4]!);
        const passes = measured.filter((p) => p === 'pass').length;
        for (const agreement of rules) {
          const outcome = decideRepeated(measured, parseRepeat({ repeat: n, agreement }, 's'));
          // A pass needs strictly more passes than every other measurement put together…
          if (outcome.phase === 'pass') expect(passes).toBeGreaterThan(n - passes);
          // …and an all-pass run always passes.
          if (passes === n) expect(outcome.phase).toBe('pass');
        }
      }
    }
  });

  it('explains agreement and disagreement', () => {
    expect(decide('ppf', 'majority')).toEqual({
      phase: 'pass',
      reason: '2 of 3 measurements passed, meeting the majority rule (2 of 3)',
      required: 2,
      counts: { pass: 2, fail: 1, inconclusive: 0, error: 0 },
    });
    expect(decide('ppfe', { atLeast: 3 }).reason).toBe(
      'no agreement among 4 measurements (2 passed, 1 failed, 1 errored): the at least 3 rule needs 3 to pass, fail or error alike, so the stage holds',
    );
    expect(decide('fff', 'all').reason).toBe('3 of 3 measurements failed, meeting the all rule (3 of 3)');
  });

  it('needs exactly N phases', () => {
    expect(() => decideRepeated(phases('pp'), parseRepeat({ repeat: 3 }, 's'))).toThrow(RangeError);
  });

  it('refuses settings that let a minority promote, even when they skipped parseRepeat', () => {
    expect(() => decideRepeated(phases('pfff'), { repeat: 4, agreement: { atLeast: 1 } })).toThrow(
      RangeError,
    );
  });
});

describe('parseRepeat', () => {
  it('defaults to one measurement that must pass', () => {
    expect(parseRepeat({}, 'stage')).toEqual({ repeat: 1, agreement: 'all' });
  });

  it.each([
    { input: { repeat: 0 }, message: 'steps[1].repeat: must be a whole number of at least 1; got 0' },
    { input: { repeat: 2.5 }, message: 'steps[1].repeat: must be a whole number of at least 1; got 2.5' },
    {
      input: { repeat: 4, agreement: { atLeast: 2 } },
      message:
        'steps[1].agreement.atLeast: 2 of 4 would promote while as many measurements disagree; use a number from 3 to 4, or majority; got 2',
    },
    {
      input: { repeat: 3, agreement: { atLeast: 4 } },
      message:
        'steps[1].agreement.atLeast: 4 is more than the 3 measurements; use a number from 2 to 3, or majority; got 4',
    },
    {
      input: { repeat: 3, agreement: { atLeast: 2.5 } },
      message: 'steps[1].agreement.atLeast: must be a whole number of measurements; use a number from 2 to 3',
    },
    {
      input: { repeat: 3, agreement: { atLeast: 0 } },
      message: '0 of 3 would promote while as many measurements disagree',
    },
    { input: { repeat: 3, agreement: 'most' }, message: 'steps[1].agreement: "most" is not a rule' },
  ])('rejects $input', ({ input, message }) => {
    expect(() => parseRepeat(input as never, 'steps[1]')).toThrow(ConfigurationError);
    expect(() => parseRepeat(input as never, 'steps[1]')).toThrow(message);
  });
});
