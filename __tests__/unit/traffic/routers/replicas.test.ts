import { describe, expect, it } from '@jest/globals';
import { applyEdits, parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { canaryReplicas, replicasRouter as router } from '../../../../src/traffic/routers/replicas.js';
import { Weight } from '../../../../src/traffic/routers/types.js';
import { fixture } from './support.js';

const deployment = (name: string, replicas?: number | string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${replicas === undefined ? '' : `  replicas: ${replicas}\n`}` +
  `  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: web:1\n`;
const file = (...documents: string[]) => parseManifestSource(documents.join('---\n'), 'web.yaml');

describe('replicas router rounding: canary pods for a weight', () => {
  it.each([
    // total, weight, canary pods, why
    [20, 0, 0, 'none at 0'],
    [20, 1, 1, 'at least one above 0 (0.2 rounds to 0)'],
    [20, 5, 1, 'exact'],
    [20, 25, 5, 'exact'],
    [20, 50, 10, 'exact'],
    [20, 99, 19, 'one stable pod kept short of 100 (19.8 rounds to 20)'],
    [20, 100, 20, 'all at 100, stable 0'],
    [10, 5, 1, 'halves round up (0.5)'],
    [10, 15, 2, 'halves round up (1.5)'],
    [10, 14, 1, 'nearest (1.4)'],
    [3, 50, 2, 'halves round up (1.5)'],
    [2, 1, 1, 'two pods: one each for any weight between 0 and 100'],
    [2, 99, 1, 'two pods: one each'],
    [1, 100, 1, 'one pod at 100'],
  ])('%i replicas at %i %% → %i canary (%s)', (total, weight, canary) => {
    expect(canaryReplicas(total, Weight.of(weight))).toBe(canary);
  });
});

describe('replicas router', () => {
  it('finds -stable and -primary stable Deployments', () => {
    for (const stable of ['web-stable', 'web-primary']) {
      const reading = router.readWeights(file(deployment(stable, 3), deployment('web-canary', 1)), {
        route: 'web',
      });
      expect(reading).toMatchObject({ stableService: stable, canaryService: 'web-canary' });
      expect(reading.canary.percent).toBe(25);
    }
  });

  it('takes Kubernetes default of 1 for an absent replicas, and leaves it absent when already right', () => {
    const source = file(deployment('web'), deployment('web-canary'));
    expect(router.readWeights(source, { route: 'web' }).canary.percent).toBe(50);
    expect(router.planWeights(source, { route: 'web', canary: 50 })).toEqual([]);
    const after = applyEdits(source, router.planWeights(source, { route: 'web', canary: 100 }));
    expect(after).toContain('name: web\nspec:\n  selector:');
    expect(after).toMatch(/replicas: 0\n/);
    expect(after).toMatch(/replicas: 2\n/);
  });

  it('shares out totalReplicas (a policy value) instead of the file total', () => {
    const source = parseManifestSource(fixture('replicas/weights.input.yaml'), 'r.yaml');
    // 4 at 50 % is 2 + 2; the canary already runs 2, so only the stable count changes.
    expect(router.planWeights(source, { route: 'checkout', totalReplicas: 4, canary: 50 })).toEqual([
      { document: 1, path: ['spec', 'replicas'], value: 2 },
    ]);
  });

  it('refuses a split one replica cannot carry', () => {
    const source = file(deployment('web', 1), deployment('web-canary', 0));
    expect(() => router.planWeights(source, { route: 'web', canary: 5 })).toThrow(
      /web\.yaml:6:13: 1 replica cannot carry a 5% canary .*set totalReplicas \(--total-replicas\) to 2 or more/,
    );
    expect(router.planWeights(source, { route: 'web', canary: 100 }).map((edit) => edit.value)).toEqual([
      0, 1,
    ]);
  });

  it('refuses when an HPA owns either Deployment', () => {
    const hpa =
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-canary\n  minReplicas: 1\n  maxReplicas: 5\n';
    expect(() =>
      router.planWeights(file(deployment('web', 4), deployment('web-canary', 0), hpa), {
        route: 'web',
        canary: 25,
      }),
    ).toThrow(/HorizontalPodAutoscaler web scales web-canary and would override the replica split/);
  });

  it.each([
    [-1, /spec\.replicas must be a whole number of 0 or more, got -1/],
    ['"2"', /spec\.replicas must be a whole number of 0 or more, got "2"/],
  ])('refuses replicas %p at its line', (replicas, message) => {
    expect(() =>
      router.readWeights(file(deployment('web', replicas), deployment('web-canary', 1)), { route: 'web' }),
    ).toThrow(message);
  });

  it('refuses a file scaled to zero', () => {
    expect(() =>
      router.planWeights(file(deployment('web', 0), deployment('web-canary', 0)), {
        route: 'web',
        canary: 5,
      }),
    ).toThrow(/total replicas must be a whole number of at least 1, got 0/);
  });

  it('names the Deployments present when the canary is missing', () => {
    expect(() => router.readWeights(file(deployment('web', 2)), { route: 'web' })).toThrow(
      /no Deployment named "web-canary"; the file has: web/,
    );
  });
});
