/**
 * Header-route steps switch a header route on and off (issue 5, "a header-route step"): on, the
 * header reaches the canary at weight 0; off (a reversal, or the first weight step), it goes back
 * to stable. Every plan is read back through the router, changes only the scalars it edits, and
 * plans nothing when the file already says so.
 */
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { ConfigurationError } from '../../../src/errors.js';
import { parseManifestSource } from '../../../src/manifests/yaml-edit.js';
import { ROUTER_NAMES, routerFor } from '../../../src/traffic/routers/index.js';
import type { RouterName } from '../../../src/traffic/routers/types.js';
import { planSetHeaderRoute, type SetHeaderRouteRequest } from '../../../src/traffic/set-header-route.js';
import { comments, crlf, fixture, maskEdited } from './routers/support.js';

/** The Istio fixture with the stable destination added to its header route once, at weight 0 while on. */
const istioWithStable = fixture('istio/header-route.input.yaml').replace(
  '    route:\n    - destination:\n        host: checkout-canary\n  - name: primary',
  '    route:\n    - destination:\n        host: checkout\n      weight: 100\n    - destination:\n        host: checkout-canary\n      weight: 0\n  - name: primary',
);

/** The upstream traffic-split-1 example: its header rule routes to foo-v2 only. */
const trafficSplit1 = fixture('real/gateway-api/examples/standard/traffic-splitting/traffic-split-1.yaml');

interface RoundTrip {
  router: RouterName;
  /** A manifest with the header route off. */
  text: string;
  request: Omit<SetHeaderRouteRequest, 'router' | 'enabled'>;
  /** How many scalars switching on and off edits. */
  onEdits: number;
  offEdits: number;
}

const ROUND_TRIPS: RoundTrip[] = [
  {
    // Header value "off" and stable 1 : canary 0 — off, and left so: no weight is forced to 100.
    router: 'gateway-api',
    text: fixture('gateway-api/header-route.input.yaml'),
    request: { route: 'checkout', header: 'x-canary', value: 'always' },
    onEdits: 3,
    offEdits: 2,
  },
  {
    router: 'istio',
    text: istioWithStable,
    request: { route: 'checkout', header: 'X-Canary', value: 'always' },
    onEdits: 3,
    offEdits: 2,
  },
  {
    // Off as Glidepath leaves it (inserting the annotations the first time is a fixture pair).
    router: 'nginx',
    text: fixture('nginx/header-route.input.yaml').replace(
      "canary-weight: '0'\n",
      "canary-weight: '10'\n    # Header route: off until a header-route step turns it on.\n" +
        '    nginx.ingress.kubernetes.io/canary-by-header: ""\n    nginx.ingress.kubernetes.io/canary-by-header-value: "alpha"\n',
    ),
    request: { route: 'api-canary', header: 'X-Canary', value: 'beta' },
    onEdits: 2,
    offEdits: 1,
  },
];

const plain = (text: string): unknown[] => parseAllDocuments(text).map((document) => document.toJS());

function reading(router: RouterName, text: string, request: RoundTrip['request']) {
  return routerFor(router).readHeaderRoute!(parseManifestSource(text, 'f.yaml'), request);
}

function weights(router: RouterName, text: string, route: string): number {
  return routerFor(router).readWeights(parseManifestSource(text, 'f.yaml'), { route }).canary.percent;
}

describe('planSetHeaderRoute round trip: off → on → off → on', () => {
  it.each(ROUND_TRIPS)('$router', ({ router, text, request, onEdits, offEdits }) => {
    const set = (from: string, enabled: boolean) =>
      planSetHeaderRoute(from, 'f.yaml', { router, ...request, enabled });
    expect(reading(router, text, request).enabled).toBe(false);

    const on = set(text, true);
    expect(on.changed).toBe(true);
    expect(on.edits).toHaveLength(onEdits);
    expect(reading(router, on.after, request)).toMatchObject({ enabled: true, value: request.value });
    // Byte-minimal: outside the edited scalars nothing differs, comments included.
    expect(maskEdited(on.after, on.edits)).toBe(maskEdited(text, on.edits));
    expect(comments(on.after)).toEqual(comments(text));
    // The weight split of the other rules is untouched.
    expect(weights(router, on.after, request.route)).toBe(weights(router, text, request.route));
    expect(set(on.after, true)).toMatchObject({ changed: false, edits: [], after: on.after });

    const off = set(on.after, false);
    expect(off.changed).toBe(true);
    expect(off.edits).toHaveLength(offEdits);
    expect(reading(router, off.after, request).enabled).toBe(false);
    expect(maskEdited(off.after, off.edits)).toBe(maskEdited(on.after, off.edits));
    expect(comments(off.after)).toEqual(comments(text));
    expect(weights(router, off.after, request.route)).toBe(weights(router, text, request.route));
    expect(set(off.after, false)).toMatchObject({ changed: false, edits: [], after: off.after });

    const again = set(off.after, true);
    expect(reading(router, again.after, request)).toMatchObject({ enabled: true, value: request.value });
    expect(plain(again.after)).toEqual(plain(on.after));
  });

  it.each(ROUND_TRIPS)('$router keeps CRLF line endings', ({ router, text, request }) => {
    const on = planSetHeaderRoute(crlf(text), 'f.yaml', { router, ...request, enabled: true });
    const off = planSetHeaderRoute(on.after, 'f.yaml', { router, ...request, enabled: false });
    expect(off.after.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('switches the same bytes back on: the round trip ends where the first switch on did', () => {
    for (const { router, text, request } of ROUND_TRIPS) {
      const on = planSetHeaderRoute(text, 'f.yaml', { router, ...request, enabled: true });
      const off = planSetHeaderRoute(on.after, 'f.yaml', { router, ...request, enabled: false });
      expect(planSetHeaderRoute(off.after, 'f.yaml', { router, ...request, enabled: true }).after).toBe(
        on.after,
      );
    }
  });
});

describe('switching off, router by router', () => {
  it('gateway-api: canary weight 0, and weight 100 on a stable at 0; the header value is not written', () => {
    const on = planSetHeaderRoute(fixture('gateway-api/header-route.input.yaml'), 'route.yaml', {
      router: 'gateway-api',
      route: 'checkout',
      header: 'X-Canary',
      value: 'always',
      enabled: true,
    });
    const off = planSetHeaderRoute(on.after, 'route.yaml', {
      router: 'gateway-api',
      route: 'checkout',
      header: 'X-Canary',
      value: 'ignored when off',
      enabled: false,
    });
    expect(off.edits).toEqual([
      { document: 0, path: ['spec', 'rules', 0, 'backendRefs', 1, 'weight'], value: 0 },
      { document: 0, path: ['spec', 'rules', 0, 'backendRefs', 0, 'weight'], value: 100 },
    ]);
    expect(off.after).toContain('value: "always"');
  });

  it('istio: stable 100 + canary 0 (Istio wants the two to total 100)', () => {
    const on = planSetHeaderRoute(istioWithStable, 'vs.yaml', {
      router: 'istio',
      route: 'checkout',
      header: 'x-canary',
      value: 'always',
      enabled: true,
    });
    const off = planSetHeaderRoute(on.after, 'vs.yaml', {
      router: 'istio',
      route: 'checkout',
      header: 'x-canary',
      value: 'always',
      enabled: false,
    });
    expect(off.edits).toEqual([
      { document: 0, path: ['spec', 'http', 0, 'route', 0, 'weight'], value: 100 },
      { document: 0, path: ['spec', 'http', 0, 'route', 1, 'weight'], value: 0 },
    ]);
  });

  it('nginx: canary-by-header emptied (the controller reads "" as no header); the value kept for next time', () => {
    const on = planSetHeaderRoute(fixture('nginx/header-route.input.yaml'), 'ingress.yaml', {
      router: 'nginx',
      route: 'api-canary',
      header: 'X-Canary',
      value: 'tester',
      enabled: true,
    });
    const off = planSetHeaderRoute(on.after, 'ingress.yaml', {
      router: 'nginx',
      route: 'api-canary',
      header: 'x-canary',
      value: 'tester',
      enabled: false,
    });
    expect(off.edits).toEqual([
      {
        document: 0,
        path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary-by-header'],
        value: '',
      },
    ]);
    expect(off.after).toContain('nginx.ingress.kubernetes.io/canary-by-header: ""\n');
    expect(off.after).toContain('nginx.ingress.kubernetes.io/canary-by-header-value: tester\n');
  });

  it('nginx: a file with no canary-by-header is already off (nothing inserted)', () => {
    const text = fixture('nginx/header-route.input.yaml');
    const plan = planSetHeaderRoute(text, 'ingress.yaml', {
      router: 'nginx',
      route: 'api-canary',
      header: 'X-Canary',
      value: 'x',
      enabled: false,
    });
    expect(plan).toEqual({ file: 'ingress.yaml', after: text, changed: false, edits: [] });
  });

  it('a header rule that only lists stable is already off', () => {
    const text = trafficSplit1;
    const plan = planSetHeaderRoute(text, 'split.yaml', {
      router: 'gateway-api',
      route: 'foo-route',
      canaryService: 'foo-v1',
      stableService: 'foo-v2',
      header: 'traffic',
      value: 'test',
      enabled: false,
    });
    expect(plan).toMatchObject({ changed: false, edits: [] });
  });
});

describe('refusals', () => {
  const refusal = (run: () => unknown): ConfigurationError => {
    let thrown: unknown;
    let plan: unknown;
    try {
      plan = run();
    } catch (error) {
      thrown = error;
    }
    expect(plan).toBeUndefined();
    expect(thrown).toBeInstanceOf(ConfigurationError);
    return thrown as ConfigurationError;
  };

  it.each([
    [
      'gateway-api: the upstream traffic-split-1 header rule routes to foo-v2 only',
      'gateway-api' as const,
      trafficSplit1,
      { route: 'foo-route', canaryService: 'foo-v2', header: 'traffic', value: 'test' },
      /^split\.yaml:21:5: the rule matching header "traffic" has no stable backend to send those requests back to; add foo-v1 to its backendRefs once at weight 0, e\.g\. - name: foo-v1\n {2}port: 8080\n {2}weight: 0$/,
    ],
    [
      'istio: the header route lists only the canary destination',
      'istio' as const,
      fixture('istio/header-route.input.yaml'),
      { route: 'checkout', header: 'X-Canary', value: 'always' },
      /^split\.yaml:16:5: the route matching header "X-Canary" has no stable destination to send those requests back to; add it to its route once at weight 0 \(and weight: 100 on the canary\), e\.g\. - destination: \{host: checkout\}/,
    ],
  ])('switching off without a stable backend in the header rule: %s', (_, router, text, request, message) => {
    const error = refusal(() =>
      planSetHeaderRoute(text, 'split.yaml', { router, ...request, enabled: false }),
    );
    expect(error.message).toMatch(message);
  });

  it('refuses a router without header routes, listing the ones that have them', () => {
    const error = refusal(() =>
      planSetHeaderRoute(fixture('smi/weights.input.yaml'), 'split.yaml', {
        router: 'smi',
        route: 'podinfo',
        header: 'X-Canary',
        value: 'always',
        enabled: false,
      }),
    );
    expect(error.message).toBe(
      'split.yaml: the smi router cannot route by header; use gateway-api, istio, nginx for a header-route step, or remove exposure.headerRoute',
    );
  });

  it.each([
    [
      'an empty header name',
      { header: '', value: 'always', enabled: true },
      /header "" is not an HTTP header name/,
    ],
    [
      'a spaced header name',
      { header: 'X Canary', value: 'always', enabled: false },
      /is not an HTTP header name/,
    ],
    [
      'an empty value to switch on',
      { header: 'X-Canary', value: ' ', enabled: true },
      /the value of header X-Canary is empty/,
    ],
  ])('refuses %s before reading the file', (_, request, message) => {
    const error = refusal(() =>
      planSetHeaderRoute('not: [yaml', 'f.yaml', { router: 'gateway-api', route: 'checkout', ...request }),
    );
    expect(error.message).toMatch(message);
  });

  it('nginx: refuses to switch off a header the canary Ingress does not route by', () => {
    const text = fixture('nginx/header-route.expected.yaml');
    const error = refusal(() =>
      planSetHeaderRoute(text, 'ingress.yaml', {
        router: 'nginx',
        route: 'api-canary',
        header: 'X-Beta',
        value: 'true',
        enabled: false,
      }),
    );
    expect(error.message).toMatch(
      /^ingress\.yaml:8:\d+: Ingress api-canary routes by header "X-Canary", not "X-Beta"; set the policy's header to "X-Canary"/,
    );
  });
});

describe('readHeaderRoute', () => {
  const read = (router: RouterName, text: string, options: { route: string; header: string } & object) =>
    routerFor(router).readHeaderRoute!(parseManifestSource(text, 'f.yaml'), options);

  it('is offered exactly by the routers that plan header routes', () => {
    const offered = ROUTER_NAMES.filter((name) => routerFor(name).readHeaderRoute !== undefined);
    expect(offered).toEqual(ROUTER_NAMES.filter((name) => routerFor(name).planHeaderRoute !== undefined));
    expect(offered).toEqual(['gateway-api', 'istio', 'nginx']);
  });

  it.each([
    [
      'gateway-api off fixture (stable 1 : canary 0)',
      'gateway-api' as const,
      fixture('gateway-api/header-route.input.yaml'),
      { route: 'checkout', header: 'X-CANARY' },
      { enabled: false, value: 'off', location: 'f.yaml:20:15' },
    ],
    [
      'gateway-api on fixture',
      'gateway-api' as const,
      fixture('gateway-api/header-route.expected.yaml'),
      { route: 'checkout', header: 'x-canary' },
      { enabled: true, value: 'always', location: 'f.yaml:20:15' },
    ],
    [
      'gateway-api upstream traffic-split-1: the header rule reaches foo-v2 only',
      'gateway-api' as const,
      trafficSplit1,
      { route: 'foo-route', canaryService: 'foo-v2', header: 'traffic' },
      { enabled: true, value: 'test', location: 'f.yaml:21:7' },
    ],
    [
      'istio lone canary destination',
      'istio' as const,
      fixture('istio/header-route.input.yaml'),
      { route: 'checkout', header: 'x-canary' },
      { enabled: true, value: 'never', location: 'f.yaml:16:7' },
    ],
    [
      'istio stable 100 + canary 0',
      'istio' as const,
      istioWithStable,
      { route: 'checkout', header: 'x-canary' },
      { enabled: false, value: 'never', location: 'f.yaml:21:15' },
    ],
    [
      'nginx without canary-by-header',
      'nginx' as const,
      fixture('nginx/header-route.input.yaml'),
      { route: 'api-canary', header: 'X-Canary' },
      { enabled: false, location: 'f.yaml:6:5' },
    ],
    [
      'nginx with canary-by-header (any case) and its value',
      'nginx' as const,
      fixture('nginx/header-route.expected.yaml'),
      { route: 'api-canary', header: 'x-canary' },
      { enabled: true, value: 'true', location: 'f.yaml:8:51' },
    ],
    [
      'nginx routing by another header',
      'nginx' as const,
      fixture('nginx/header-route.expected.yaml'),
      { route: 'api-canary', header: 'X-Beta' },
      { enabled: false, value: 'true', location: 'f.yaml:8:51' },
    ],
  ])('%s', (_, router, text, options, expected) => {
    expect(read(router, text, options)).toEqual(expected);
  });

  it.each([
    [
      'a gateway-api header rule that splits between stable and canary',
      'gateway-api' as const,
      fixture('gateway-api/header-route.input.yaml')
        .replace('      weight: 1\n', '      weight: 50\n')
        .replace(/(checkout-canary\n {6}port: 8080\n {6}weight: )0/, '$150'),
      { route: 'checkout', header: 'x-canary' },
      /^f\.yaml:20:15: the rule matching header "x-canary" splits its requests between checkout \(50\) and checkout-canary \(50\); a header route sends them to one: set the other's weight to 0$/,
    ],
    [
      'a gateway-api header rule with no weight above 0',
      'gateway-api' as const,
      fixture('gateway-api/header-route.input.yaml').replace('      weight: 1\n', '      weight: 0\n'),
      { route: 'checkout', header: 'x-canary' },
      /gives no backend a weight above 0, so the gateway answers its requests with 500; give checkout weight 100$/,
    ],
    [
      'an istio header route that splits',
      'istio' as const,
      istioWithStable.replace(
        '      weight: 100\n    - destination:\n        host: checkout-canary\n      weight: 0\n  - name',
        '      weight: 60\n    - destination:\n        host: checkout-canary\n      weight: 40\n  - name',
      ),
      { route: 'checkout', header: 'x-canary' },
      /^f\.yaml:21:15: the route matching header "x-canary" splits its requests between checkout \(60\) and checkout-canary \(40\)/,
    ],
    [
      'a route with no rule for the header',
      'gateway-api' as const,
      fixture('gateway-api/weights.input.yaml'),
      { route: 'checkout', header: 'X-Beta' },
      /no rule matching header "X-Beta"; add one once/,
    ],
  ])('refuses %s', (_, router, text, options, message) => {
    expect(() => read(router, text, options)).toThrow(ConfigurationError);
    expect(() => read(router, text, options)).toThrow(message);
  });

  it('refuses gateway-api header rules that disagree', () => {
    const text = fixture('gateway-api/header-route.input.yaml').replace(
      '  - backendRefs:\n',
      '  - matches:\n    - headers:\n      - name: x-canary\n        value: "off"\n      path:\n        value: /beta\n    backendRefs:\n    - name: checkout-canary\n      port: 8080\n  - backendRefs:\n',
    );
    expect(() => read('gateway-api', text, { route: 'checkout', header: 'x-canary' })).toThrow(
      /^f\.yaml:\d+:\d+: rules matching header "x-canary" disagree: f\.yaml:20:15 sends its requests to stable, this rule to the canary; make them agree$/,
    );
  });
});
