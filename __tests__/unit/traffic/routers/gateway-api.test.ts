import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/errors.js';
import { applyEdits, parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { gatewayApiRouter as router } from '../../../../src/traffic/routers/gateway-api.js';
import { fixture, maskEdited } from './support.js';

const REAL = 'real/gateway-api/examples/standard/traffic-splitting';
const parse = (text: string, file = 'route.yaml') => parseManifestSource(text, file);
const real = (name: string) => parse(fixture(`${REAL}/${name}`), `${REAL}/${name}`);

/** An HTTPRoute named `r` whose rules are the given YAML (indented under `rules:`). */
const route = (rules: string) =>
  parse(
    `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n${rules}`,
  );

describe('gateway-api router on the upstream traffic-splitting examples', () => {
  it('reads simple-split as 10 % once the canary is named (foo-v1/foo-v2 carry no -canary suffix)', () => {
    expect(() => router.readWeights(real('simple-split.yaml'), { route: 'simple-split' })).toThrow(
      /cannot tell the canary among the backends \(foo-v1, foo-v2\); name it with canaryService/,
    );
    const reading = router.readWeights(real('simple-split.yaml'), {
      route: 'simple-split',
      canaryService: 'foo-v2',
    });
    expect([
      reading.stableService,
      reading.stable.percent,
      reading.canaryService,
      reading.canary.percent,
    ]).toEqual(['foo-v1', 90, 'foo-v2', 10]);
  });

  it('moves traffic-split-2 to 25 % touching only the two weights', () => {
    const source = real('traffic-split-2.yaml');
    const edits = router.planWeights(source, { route: 'foo-route', canaryService: 'foo-v2', canary: 25 });
    const after = applyEdits(source, edits);
    expect(edits.map((edit) => edit.value)).toEqual([75, 25]);
    expect(maskEdited(after, edits)).toBe(maskEdited(source.text, edits));
  });

  it('reads traffic-split-3 (weights 0:1) as 100 % and leaves it alone at 100', () => {
    const source = real('traffic-split-3.yaml');
    const options = { route: 'foo-route', canaryService: 'foo-v2' };
    expect(router.readWeights(source, options).canary.percent).toBe(100);
    expect(router.planWeights(source, { ...options, canary: 100 })).toEqual([]);
    expect(router.planWeights(source, { ...options, canary: 50 }).map((edit) => edit.value)).toEqual([
      50, 50,
    ]);
  });

  it('refuses weights on traffic-split-1 (no rule lists both backends) and says what to add', () => {
    const call = () =>
      router.readWeights(real('traffic-split-1.yaml'), { route: 'foo-route', canaryService: 'foo-v2' });
    expect(call).toThrow(ConfigurationError);
    expect(call).toThrow(
      /traffic-split-1\.yaml:\d+:\d+: .*no rule listing both foo-v1 and foo-v2; add the canary next to the stable/,
    );
  });

  it('uses the header rule of traffic-split-1 for a header route', () => {
    const source = real('traffic-split-1.yaml');
    const options = { route: 'foo-route', canaryService: 'foo-v2', header: 'Traffic' };
    expect(router.planHeaderRoute!(source, { ...options, value: 'test' })).toEqual([]);
    expect(router.planHeaderRoute!(source, { ...options, value: 'canary' })).toEqual([
      { document: 0, path: ['spec', 'rules', 1, 'matches', 0, 'headers', 0, 'value'], value: 'canary' },
    ]);
  });

  it('reads GRPCRoute weights the same way', () => {
    const reading = router.readWeights(real('grpc-traffic-split-2.yaml'), {
      route: 'foo-route',
      canaryService: 'foo-v2',
    });
    expect(reading.canary.percent).toBe(10);
  });
});

describe('gateway-api router refuses what it cannot do exactly', () => {
  const pair = (stable: number, canary: number) =>
    `  - backendRefs:\n    - name: app\n      port: 80\n      weight: ${stable}\n    - name: app-canary\n      port: 80\n      weight: ${canary}\n`;

  it('refuses rules that disagree, naming both places', () => {
    const call = () => router.readWeights(route(pair(90, 10) + pair(50, 50)), { route: 'r' });
    expect(call).toThrow(
      /route\.yaml:\d+:\d+: rules disagree: route\.yaml:\d+:\d+ gives the canary 10%, this rule 50%/,
    );
  });

  it('refuses a rule with a third backend', () => {
    const rules = `${pair(80, 10)}    - name: legacy\n      port: 80\n      weight: 10\n`;
    expect(() => router.planWeights(route(rules), { route: 'r', canary: 5 })).toThrow(
      /cannot tell the stable backend among app, app-canary, legacy; name it with stableService/,
    );
    expect(() => router.planWeights(route(rules), { route: 'r', stableService: 'app', canary: 5 })).toThrow(
      /splits between app, app-canary, legacy; Glidepath moves traffic between exactly two/,
    );
  });

  it('refuses a route whose backends all weigh 0', () => {
    expect(() => router.readWeights(route(pair(0, 0)), { route: 'r' })).toThrow(/both backends weigh 0/);
  });

  it('refuses a non-integer weight with its line', () => {
    expect(() =>
      router.readWeights(route(pair(90, 10).replace('weight: 10', 'weight: ten')), { route: 'r' }),
    ).toThrow(/route\.yaml:13:15: backendRef weight must be a whole number, got "ten"/);
  });

  it('refuses an edit whose result the HTTPRoute schema rejects, at the offending line, planning nothing', () => {
    const invalid = route(
      pair(90, 10).replace(
        '    - name: app-canary\n      port: 80',
        '    - name: app-canary\n      port: http',
      ),
    );
    expect(() => router.planWeights(invalid, { route: 'r', canary: 25 })).toThrow(
      /route\.yaml:12:13: HTTPRoute r would not be valid after the edit \(gateway\.networking\.k8s\.io\/v1 schema: spec\.rules\.0\.backendRefs\.1\.port must be integer\); nothing was changed/,
    );
  });

  it('refuses a header route where no rule matches the header, with the rule to add', () => {
    expect(() =>
      router.planHeaderRoute!(route(pair(90, 10)), { route: 'r', header: 'X-Canary', value: 'yes' }),
    ).toThrow(
      /no rule matching header "X-Canary"; add one once, e\.g\. - matches: \[\{headers: \[\{name: X-Canary, value: "yes"\}\]\}\]/,
    );
  });

  it('refuses a regular-expression header match (it sets exact values)', () => {
    const rules = `  - matches:\n    - headers:\n      - name: x-canary\n        type: RegularExpression\n        value: ".*"\n    backendRefs:\n    - name: app-canary\n      port: 80\n${pair(90, 10)}`;
    expect(() =>
      router.planHeaderRoute!(route(rules), { route: 'r', header: 'X-Canary', value: 'yes' }),
    ).toThrow(/route\.yaml:10:15: the header match is type RegularExpression/);
  });

  it('refuses a header route whose rule does not reach the canary', () => {
    const rules = `  - matches:\n    - headers:\n      - name: x-canary\n        value: "yes"\n    backendRefs:\n    - name: app\n      port: 80\n${pair(90, 10)}`;
    expect(() =>
      router.planHeaderRoute!(route(rules), { route: 'r', header: 'x-canary', value: 'yes' }),
    ).toThrow(/does not route to the canary app-canary/);
  });

  it('refuses a mirror step without a RequestMirror filter, with the filter to add', () => {
    expect(() => router.planMirror!(route(pair(100, 0)), { route: 'r', percent: 5 })).toThrow(
      /no RequestMirror filter to app-canary; add one to the stable rule once, e\.g\. filters: \[\{type: RequestMirror/,
    );
  });

  it('refuses a mirror written with fraction', () => {
    const rules = `${pair(100, 0)}    filters:\n    - type: RequestMirror\n      requestMirror:\n        backendRef: {name: app-canary, port: 80}\n        fraction: {numerator: 1, denominator: 10}\n`;
    expect(() => router.planMirror!(route(rules), { route: 'r', percent: 5 })).toThrow(
      /uses fraction; .*replace fraction with percent/,
    );
  });

  it('refuses a mirror percent above 100', () => {
    const rules = `${pair(100, 0)}    filters:\n    - type: RequestMirror\n      requestMirror:\n        backendRef: {name: app-canary, port: 80}\n`;
    expect(() => router.planMirror!(route(rules), { route: 'r', percent: 101 })).toThrow(
      /mirror percent: 101 is not a weight/,
    );
  });
});
