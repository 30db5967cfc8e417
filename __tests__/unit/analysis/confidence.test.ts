/**
 * Pass confidence for adaptive pacing (src/analysis/confidence.ts): headroom of every judged value
 * against its threshold, computed by hand in each row.
 */
import { describe, expect, it } from '@jest/globals';

import { passConfidence } from '../../../src/analysis/confidence.js';
import type { MetricVerdict, Phase } from '../../../src/analysis/verdict.js';
import type { GuardrailPolicy } from '../../../src/config/types.js';

const metric = (name: string, values: number[], dryRun = false): MetricVerdict => ({
  name,
  phase: 'pass',
  dryRun,
  queries: [],
  values,
  criterion: '',
  reason: '',
});

const guard = (name: string, bounds: { min?: number; max?: number }) =>
  ({ name, ...bounds }) as unknown as GuardrailPolicy;

const GUARDS = [guard('errors', { max: 0.01 }), guard('success', { min: 0.99 }), guard('zero', { max: 0 })];

describe('passConfidence', () => {
  it.each([
    // (0.01 − 0.001) / 0.01 = 0.9 ≥ 0.5 → strong
    ['far below max', [metric('errors', [0.001, 0.002])], false, 'strong'],
    // (0.01 − 0.0095) / 0.01 = 0.05 < 0.1 → weak
    ['within 10% of max', [metric('errors', [0.001, 0.0095])], false, 'weak'],
    // (0.01 − 0.007) / 0.01 = 0.3: neither
    ['in between', [metric('errors', [0.007])], false, undefined],
    // min 0.99: (0.995 − 0.99) / 0.99 = 0.005 → weak
    ['close above min', [metric('success', [0.995])], false, 'weak'],
    // an extended bake is weak whatever the margin
    ['extended bake', [metric('errors', [0.0001])], true, 'weak'],
    // threshold 0: a value of 0 has no headroom → weak
    ['at a zero threshold', [metric('zero', [0])], false, 'weak'],
    // dry-run metrics and guardrails without a threshold do not count: nothing left → normal pace
    ['only dry-run', [metric('errors', [0.0099], true)], false, undefined],
    ['no threshold guardrail', [metric('latency-compare', [1])], false, undefined],
  ])('%s → %s', (_name, metrics, extended, expected) => {
    expect(passConfidence({ phase: 'pass', metrics, reason: '', extended }, GUARDS)).toBe(expected);
  });

  it.each<Phase>(['fail', 'inconclusive', 'error'])('a %s verdict has no confidence', (phase) => {
    expect(
      passConfidence({ phase, metrics: [metric('errors', [0.001])], reason: '', extended: false }, GUARDS),
    ).toBeUndefined();
  });
});
