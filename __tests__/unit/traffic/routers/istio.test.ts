import { describe, expect, it } from '@jest/globals';
import { applyEdits, parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { istioRouter as router } from '../../../../src/traffic/routers/istio.js';
import { fixture, maskEdited } from './support.js';

const parse = (text: string, file = 'vs.yaml') => parseManifestSource(text, file);

/** A VirtualService named `vs` whose `http:` entries are the given YAML. */
const virtualService = (http: string, apiVersion = 'networking.istio.io/v1beta1') =>
  parse(
    `apiVersion: ${apiVersion}\nkind: VirtualService\nmetadata:\n  name: vs\nspec:\n  hosts:\n  - app\n  http:\n${http}`,
  );

const split = (stable: number | undefined, canary: number | undefined) =>
  `  - route:\n    - destination:\n        host: app\n${stable === undefined ? '' : `      weight: ${stable}\n`}` +
  `    - destination:\n        host: app-canary\n${canary === undefined ? '' : `      weight: ${canary}\n`}`;

describe('istio router on the Argo Rollouts examples', () => {
  it('steps the host split in a file with Services and a Rollout, touching only the VirtualService weights', () => {
    const file = 'real/argo-rollouts/test/e2e/istio/istio-host-split.yaml';
    const source = parse(fixture(file), file);
    const options = { route: 'istio-host-split-vsvc' };
    expect(router.readWeights(source, options)).toMatchObject({
      stableService: 'istio-host-split-stable',
      canaryService: 'istio-host-split-canary',
      location: `${file}:44:15`,
    });
    const edits = router.planWeights(source, { ...options, canary: 10 });
    expect(edits).toEqual([
      { document: 2, path: ['spec', 'http', 0, 'route', 0, 'weight'], value: 90 },
      { document: 2, path: ['spec', 'http', 0, 'route', 1, 'weight'], value: 10 },
    ]);
    const after = applyEdits(source, edits);
    expect(maskEdited(after, edits)).toBe(maskEdited(source.text, edits));
  });

  it('steps the subset split (subsets stable/canary, v1alpha3) and keeps the missing final newline', () => {
    const file = 'real/argo-rollouts/examples/istio/istio-subset-split.yaml';
    const source = parse(fixture(file), file);
    const after = applyEdits(
      source,
      router.planWeights(source, { route: 'istio-subset-split-vsvc', canary: 50 }),
    );
    expect(after.endsWith('cpu: 5m')).toBe(true);
    expect(router.readWeights(parse(after, file), { route: 'istio-subset-split-vsvc' })).toMatchObject({
      stableService: 'stable',
      canaryService: 'canary',
    });
  });
});

describe('istio router: naming destinations', () => {
  const source = parse(fixture('istio/weights.input.yaml'));

  it.each([
    ['the short host name', 'reviews-canary'],
    ['the full host name', 'reviews-canary.bookinfo.svc.cluster.local'],
  ])('accepts %s as canaryService', (_what, canaryService) => {
    expect(router.readWeights(source, { route: 'reviews', canaryService }).canary.percent).toBe(5);
  });

  it('refuses a host shared by two subsets as too vague', () => {
    const file = 'real/argo-rollouts/examples/istio/istio-subset-split.yaml';
    expect(() =>
      router.readWeights(parse(fixture(file), file), {
        route: 'istio-subset-split-vsvc',
        canaryService: 'istio-subset-split',
      }),
    ).toThrow(/canary backend "istio-subset-split" matches several backends \(stable, canary\)/);
  });
});

describe('istio router refuses what it cannot do exactly', () => {
  it.each([
    [90, 5],
    [100, 100],
    [undefined, undefined],
  ])('refuses route weights %p + %p that do not total 100, at the canary weight', (stable, canary) => {
    expect(() => router.readWeights(virtualService(split(stable, canary)), { route: 'vs' })).toThrow(
      /vs\.yaml:\d+:\d+: route weights must total 100/,
    );
  });

  it('refuses http routes that disagree', () => {
    const http = split(90, 10) + split(50, 50);
    expect(() => router.readWeights(virtualService(http), { route: 'vs' })).toThrow(/http routes disagree/);
  });

  it('validates networking.istio.io/v1 against the v1beta1 schema', () => {
    const http = `${split(90, 10)}    retries:\n      attempts: three\n`;
    expect(() =>
      router.planWeights(virtualService(http, 'networking.istio.io/v1'), { route: 'vs', canary: 25 }),
    ).toThrow(
      /vs\.yaml:17:17: VirtualService vs would not be valid after the edit \(networking\.istio\.io\/v1beta1 schema: spec\.http\.0\.retries\.attempts must be integer\); nothing was changed/,
    );
  });

  it('refuses a header route below a catch-all route: Istio would never reach it', () => {
    const http = `${split(100, 0)}  - match:\n    - headers:\n        x-canary:\n          exact: "yes"\n    route:\n    - destination:\n        host: app-canary\n`;
    expect(() =>
      router.planHeaderRoute!(virtualService(http), { route: 'vs', header: 'x-canary', value: 'yes' }),
    ).toThrow(
      /vs\.yaml:16:5: the route matching header "x-canary" is never reached: .*vs\.yaml:9:5 matches everything; move the header route above it/,
    );
  });

  it('refuses a prefix header match (it sets exact values)', () => {
    const http = `  - match:\n    - headers:\n        x-canary:\n          prefix: "y"\n    route:\n    - destination:\n        host: app-canary\n${split(100, 0)}`;
    expect(() =>
      router.planHeaderRoute!(virtualService(http), { route: 'vs', header: 'X-Canary', value: 'yes' }),
    ).toThrow(/the header match is not exact \(prefix\)/);
  });

  it('sends a two-destination header route wholly to the canary (0 + 100)', () => {
    const http = `  - match:\n    - headers:\n        x-canary:\n          exact: "yes"\n${split(100, 0).replace('  - route:', '    route:')}${split(100, 0)}`;
    const edits = router.planHeaderRoute!(virtualService(http), {
      route: 'vs',
      header: 'x-canary',
      value: 'yes',
    });
    expect(edits.map((edit) => [edit.path.join('.'), edit.value])).toEqual([
      ['spec.http.0.route.0.weight', 0],
      ['spec.http.0.route.1.weight', 100],
    ]);
  });

  it('sets the deprecated mirrorPercent where the file still uses it', () => {
    const http = `${split(100, 0)}    mirror:\n      host: app-canary\n    mirrorPercent: 0\n`;
    expect(
      router.planMirror!(virtualService(http, 'networking.istio.io/v1alpha3'), { route: 'vs', percent: 20 }),
    ).toEqual([{ document: 0, path: ['spec', 'http', 0, 'mirrorPercent'], value: 20 }]);
  });

  it('refuses a mirror step without a mirror to the canary', () => {
    expect(() => router.planMirror!(virtualService(split(100, 0)), { route: 'vs', percent: 5 })).toThrow(
      /no http route mirroring to app-canary; add to the stable route once, e\.g\. mirror: \{host: app-canary\}/,
    );
  });
});
