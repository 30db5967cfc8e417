/**
 * Before/after pairs: `<router>/<case>.input.yaml` with the operation below must become exactly
 * `<case>.expected.yaml`, and running the operation again on the result changes nothing.
 */
import { describe, expect, it } from '@jest/globals';
import {
  applyEdits,
  parseManifestSource,
  type ManifestSource,
  type ScalarEdit,
} from '../../../../src/manifests/yaml-edit.js';
import { routerFor } from '../../../../src/traffic/routers/index.js';
import type { RouterName, TrafficRouter } from '../../../../src/traffic/routers/types.js';
import { fixture } from './support.js';

type Operation = (router: TrafficRouter, source: ManifestSource) => ScalarEdit[];

const weight =
  (route: string, canary: number, extra: object = {}): Operation =>
  (router, source) =>
    router.planWeights(source, { route, canary, ...extra });
const header =
  (route: string, name: string, value: string, extra: object = {}): Operation =>
  (router, source) =>
    router.planHeaderRoute!(source, { route, header: name, value, ...extra });
const mirror =
  (route: string, percent: number, extra: object = {}): Operation =>
  (router, source) =>
    router.planMirror!(source, { route, percent, ...extra });

const PAIRS: [RouterName, string, string, Operation][] = [
  ['gateway-api', 'weights', 'canary 10 → 25, trailing comments kept', weight('checkout', 25)],
  [
    'gateway-api',
    'path-rules',
    'every weighted rule moves, the header rule does not',
    weight('storefront', 50),
  ],
  ['gateway-api', 'default-weights', 'absent weights (1:1) are written next to port', weight('search', 5)],
  ['gateway-api', 'flow-style', 'flow mappings stay flow', weight('cart', 1)],
  [
    'gateway-api',
    'header-route',
    'header value set, header rule sent to the canary',
    header('checkout', 'x-canary', 'always'),
  ],
  ['gateway-api', 'mirror', 'RequestMirror percent set', mirror('payments', 10)],
  ['gateway-api', 'mirror-insert', 'RequestMirror percent inserted', mirror('payments', 20)],
  ['istio', 'weights', 'host split on FQDN hosts', weight('reviews', 25)],
  ['istio', 'subset-split', 'subset split, networking.istio.io/v1', weight('ratings', 50)],
  ['istio', 'header-route', 'exact header value set', header('checkout', 'X-Canary', 'always')],
  ['istio', 'mirror', 'mirrorPercentage.value set', mirror('payments', 10)],
  ['istio', 'mirror-insert', 'mirrorPercentage inserted under the mirror', mirror('payments', 5)],
  ['smi', 'weights', 'v1alpha2 integers', weight('podinfo', 25)],
  ['smi', 'v1alpha1-milli', 'v1alpha1 milli-quantities stay milli', weight('web-split', 25)],
  ['smi', 'v1alpha1-quoted', 'v1alpha1 quoted quantities stay quoted strings', weight('api', 5)],
  ['nginx', 'weights', 'canary-weight string replaced', weight('shop-canary', 25)],
  [
    'nginx',
    'insert-weight',
    'canary-weight inserted, quoted, at the annotations indent',
    weight('canary-example-com', 40),
  ],
  ['nginx', 'header-route', 'canary-by-header and -value inserted', header('api-canary', 'X-Canary', 'true')],
  ['nginx', 'weight-total', 'canary-weight scaled to canary-weight-total', weight('web-canary', 25)],
  ['traefik', 'weights', 'traefik.io weighted services', weight('whoami-wrr', 25)],
  [
    'traefik',
    'containous',
    'traefik.containo.us, 3:1 proportion rewritten as percent',
    weight('app', 50, { canaryService: 'app-v2' }),
  ],
  ['traefik', 'mirror', 'mirror percent set', mirror('orders-mirror', 10)],
  ['replicas', 'weights', '20 replicas at 25 % is 15 + 5', weight('checkout', 25)],
];

describe.each(PAIRS)('%s %s: %s', (name, fixtureName, _what, operation) => {
  const file = `${name}/${fixtureName}.input.yaml`;
  const router = routerFor(name);

  it('turns the input into the expected file', () => {
    const source = parseManifestSource(fixture(file), file);
    expect(applyEdits(source, operation(router, source))).toBe(
      fixture(`${name}/${fixtureName}.expected.yaml`),
    );
  });

  it('plans nothing on the expected file', () => {
    const expected = fixture(`${name}/${fixtureName}.expected.yaml`);
    expect(operation(router, parseManifestSource(expected, file))).toEqual([]);
  });
});
