import { describe, expect, it } from '@jest/globals';
import { parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { traefikRouter as router } from '../../../../src/traffic/routers/traefik.js';
import { fixture } from './support.js';

const service = (spec: string) =>
  parseManifestSource(
    `apiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata:\n  name: ts\nspec:\n${spec}`,
    'ts.yaml',
  );

describe('traefik router', () => {
  it('weighs services without weight 1 each (Traefik default)', () => {
    const source = service(
      '  weighted:\n    services:\n    - name: app\n      port: 80\n    - name: app-canary\n      port: 80\n',
    );
    expect(router.readWeights(source, { route: 'ts' }).canary.percent).toBe(50);
    expect(router.planWeights(source, { route: 'ts', canary: 50 })).toEqual([]);
  });

  it('asks for the canary name when no service ends in -canary', () => {
    const source = parseManifestSource(fixture('traefik/containous.input.yaml'), 'c.yaml');
    expect(() => router.readWeights(source, { route: 'app' })).toThrow(
      /cannot tell the canary among the backends \(app-v1, app-v2\)/,
    );
    expect(router.readWeights(source, { route: 'app', canaryService: 'app-v2' }).canary.percent).toBe(25);
  });

  it('refuses a TraefikService that is not weighted', () => {
    const source = parseManifestSource(fixture('traefik/mirror.input.yaml'), 'm.yaml');
    expect(() => router.readWeights(source, { route: 'orders-mirror' })).toThrow(
      /m\.yaml:\d+:\d+: TraefikService orders-mirror is not weighted \(no spec\.weighted\)/,
    );
  });

  it('refuses a mirror step on a service that does not mirror, with the spec to add', () => {
    const source = parseManifestSource(fixture('traefik/weights.input.yaml'), 'w.yaml');
    expect(() => router.planMirror!(source, { route: 'whoami-wrr', percent: 5 })).toThrow(
      /does not mirror \(no spec\.mirroring\); define one once/,
    );
  });

  it('refuses mirroring the canary itself', () => {
    const source = service(
      '  mirroring:\n    name: app-canary\n    port: 80\n    mirrors:\n    - name: app\n      port: 80\n',
    );
    expect(() => router.planMirror!(source, { route: 'ts', percent: 5 })).toThrow(
      /the canary app-canary is the service being mirrored/,
    );
  });

  it('plans nothing for 0 % when percent is absent (Traefik mirrors nothing then)', () => {
    const source = service(
      '  mirroring:\n    name: app\n    port: 80\n    mirrors:\n    - name: app-canary\n      port: 80\n',
    );
    expect(router.planMirror!(source, { route: 'ts', percent: 0 })).toEqual([]);
    expect(router.planMirror!(source, { route: 'ts', percent: 5 })).toEqual([
      { document: 0, path: ['spec', 'mirroring', 'mirrors', 0, 'percent'], value: 5 },
    ]);
  });
});
