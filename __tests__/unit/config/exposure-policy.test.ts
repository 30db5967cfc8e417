/** The policy's `exposure:` and `rollback:` sections. */
import { describe, expect, it } from '@jest/globals';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { FILE, problemsOf, yaml } from '../../support/policy.js';

describe('exposure', () => {
  it.each([
    ['low', [10, 50, 100]],
    ['standard', [1, 5, 25, 50, 100]],
    ['high', [1, 2, 5, 10, 25, 50, 75, 100]],
  ])('tier %s steps %j', (tier, steps) => {
    expect(parsePolicy(yaml('exposure:', `  tier: ${tier}`), FILE).exposure.steps).toEqual(steps);
  });

  it('explicit steps win over the tier; durations become Durations', () => {
    const { exposure, rollback } = parsePolicy(
      yaml(
        'exposure:',
        '  tier: high',
        '  steps: [5, 50, 100]',
        '  bake: 90s',
        '  onInconclusive: extend',
        '  reconcile: { wait: http, url: http://router/status, timeout: 2m }',
        'rollback: { order: [traffic, image] }',
      ),
      FILE,
    );
    expect(exposure.steps).toEqual([5, 50, 100]);
    expect(exposure.bake.milliseconds).toBe(90_000);
    expect(exposure.onInconclusive).toBe('extend');
    expect(exposure.reconcile).toMatchObject({ wait: 'http', url: 'http://router/status' });
    expect(exposure.reconcile.timeout.milliseconds).toBe(120_000);
    expect(rollback.order).toEqual(['traffic', 'image']);
  });

  it.each<[string, string[], RegExp]>([
    [
      'steps that do not grow',
      ['exposure:', '  steps: [5, 5, 100]'],
      /^glidepath\.yaml:2:14: exposure\.steps\[1\]: 5 does not grow from 5; list the percentages in increasing order/,
    ],
    [
      'steps that stop short of 100',
      ['exposure:', '  steps: [1, 5, 25]'],
      /^glidepath\.yaml:2:10: exposure\.steps: must end at 100: the last step is the promotion/,
    ],
    [
      'an http wait without a url',
      ['exposure:', '  reconcile: { wait: http }'],
      /exposure\.reconcile: wait http needs url/,
    ],
    ['a step above 100', ['exposure:', '  steps: [50, 150]'], /exposure\.steps\[1\]: .*150/],
    ['a lever twice', ['rollback: { order: [flag, flag] }'], /rollback\.order/],
  ])('points at %s', (_name, lines, expected) => {
    expect(problemsOf(yaml(...lines)).join('\n')).toMatch(expected);
  });
});
