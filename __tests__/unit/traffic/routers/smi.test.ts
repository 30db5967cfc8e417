import { describe, expect, it } from '@jest/globals';
import { parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { smiRouter as router } from '../../../../src/traffic/routers/smi.js';

/** A TrafficSplit `ts` with backends `app` and `app-canary` weighing `stable` and `canary` (YAML scalars). */
const split = (stable: string, canary: string, apiVersion = 'split.smi-spec.io/v1alpha1', extra = '') =>
  parseManifestSource(
    `apiVersion: ${apiVersion}\nkind: TrafficSplit\nmetadata:\n  name: ts\nspec:\n  service: app\n  backends:\n` +
      `  - service: app\n    weight: ${stable}\n  - service: app-canary\n    weight: ${canary}\n${extra}`,
    'split.yaml',
  );

describe('smi router reads every weight form', () => {
  it.each([
    ['v1alpha1 milli-quantities', '500m', '500m', 50],
    ['v1alpha1 milli-quantities not totalling 1', '30m', '10m', 25],
    ['v1alpha1 whole quantities as strings', '"1"', '"0"', 0],
    ['v1alpha1 decimal quantities', '"0.9"', '"0.1"', 10],
    ['v1alpha1 plain integers', '9', '1', 10],
    ['v1alpha2+ integers that are not percentages', '3', '1', 25],
    ['a split not on a whole percent, rounded half up', '1', '2', 67],
  ])('%s: %s / %s is %i %% canary', (_what, stable, canary, percent) => {
    expect(router.readWeights(split(stable, canary), { route: 'ts' }).canary.percent).toBe(percent);
  });
});

describe('smi router writes the form the file uses', () => {
  it.each([
    ['milli stays milli (1000m in all)', '500m', '500m', 'split.smi-spec.io/v1alpha1', ['990m', '10m']],
    ['quoted whole quantities stay strings', '"1"', '"0"', 'split.smi-spec.io/v1alpha1', ['99', '1']],
    ['integers stay integers', '100', '0', 'split.smi-spec.io/v1alpha4', [99, 1]],
  ])('%s', (_what, stable, canary, apiVersion, values) => {
    expect(
      router
        .planWeights(split(stable, canary, apiVersion), { route: 'ts', canary: 1 })
        .map((edit) => edit.value),
    ).toEqual(values);
  });

  it('leaves 1:0 alone at 0 % (the split is already exact)', () => {
    expect(
      router.planWeights(split('1', '0', 'split.smi-spec.io/v1alpha2'), { route: 'ts', canary: 0 }),
    ).toEqual([]);
  });
});

describe('smi router refuses what it cannot do exactly', () => {
  it('refuses a weight that is neither a number nor a quantity, at its line', () => {
    expect(() => router.readWeights(split('half', '500m'), { route: 'ts' })).toThrow(
      /split\.yaml:9:13: backend weight "half" is neither a whole number nor a quantity such as "500m"/,
    );
  });

  it('refuses a split with a third backend', () => {
    const source = split(
      '80',
      '10',
      'split.smi-spec.io/v1alpha2',
      '  - service: app-legacy\n    weight: 10\n',
    );
    expect(() => router.planWeights(source, { route: 'ts', canary: 5 })).toThrow(
      /the split has 3 backends \(app, app-canary, app-legacy\); Glidepath moves traffic between exactly two/,
    );
  });

  it('refuses a split where both weigh 0', () => {
    expect(() => router.readWeights(split('0', '0', 'split.smi-spec.io/v1alpha2'), { route: 'ts' })).toThrow(
      /both backends weigh 0/,
    );
  });
});
