/**
 * The contract every traffic router keeps. A new router joins by adding one row to CASES (the
 * first test fails until it does).
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/errors.js';
import { applyEdits, parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { ROUTER_NAMES, routerFor } from '../../../../src/traffic/routers/index.js';
import type { RouteOptions, RouterName } from '../../../../src/traffic/routers/types.js';
import { planSetWeight } from '../../../../src/traffic/set-weight.js';
import { comments, crlf, fixture, maskEdited } from './support.js';

interface ContractCase {
  router: RouterName;
  /** Fixture written in the style real repositories use, with comments and quoted scalars. */
  file: string;
  options: RouteOptions;
  /** The canary weight the fixture holds. */
  initial: number;
  /** How far a read-back may be from the weight set: 0 for exact routers, one replica's share for replicas. */
  tolerance: number;
}

const CASES: ContractCase[] = [
  {
    router: 'gateway-api',
    file: 'gateway-api/weights.input.yaml',
    options: { route: 'checkout' },
    initial: 10,
    tolerance: 0,
  },
  {
    router: 'istio',
    file: 'istio/weights.input.yaml',
    options: { route: 'reviews' },
    initial: 5,
    tolerance: 0,
  },
  { router: 'smi', file: 'smi/weights.input.yaml', options: { route: 'podinfo' }, initial: 10, tolerance: 0 },
  {
    router: 'nginx',
    file: 'nginx/weights.input.yaml',
    options: { route: 'shop-canary' },
    initial: 10,
    tolerance: 0,
  },
  {
    router: 'traefik',
    file: 'traefik/weights.input.yaml',
    options: { route: 'whoami-wrr' },
    initial: 10,
    tolerance: 0,
  },
  // 20 replicas: one pod is 5 %.
  {
    router: 'replicas',
    file: 'replicas/weights.input.yaml',
    options: { route: 'checkout' },
    initial: 10,
    tolerance: 5,
  },
];

const STEPS = [0, 1, 5, 25, 50, 100];

it('every router is in the contract suite', () => {
  expect(CASES.map((c) => c.router).sort()).toEqual([...ROUTER_NAMES].sort());
});

describe.each(CASES)(
  '$router router keeps the contract',
  ({ router: name, file, options, initial, tolerance }) => {
    const router = routerFor(name);
    const text = fixture(file);
    const source = () => parseManifestSource(text, file);

    /** Sets `canary` on `input` and returns the edits, the new text and its reading. */
    function setAndRead(input: string, canary: number) {
      const before = parseManifestSource(input, file);
      const edits = router.planWeights(before, { ...options, canary });
      const after = applyEdits(before, edits);
      return { edits, after, reading: router.readWeights(parseManifestSource(after, file), options) };
    }

    it('reads the weights in the file', () => {
      const reading = router.readWeights(source(), options);
      expect(reading.route).toBe(options.route);
      expect(reading.canary.percent).toBe(initial);
      expect(reading.stable.percent).toBe(100 - initial);
      expect(reading.location).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+$`));
    });

    it.each(STEPS)('sets %i and reads it back', (canary) => {
      const { reading } = setAndRead(text, canary);
      const expected = canary === 0 || canary === 100 ? 0 : tolerance;
      expect(Math.abs(reading.canary.percent - canary)).toBeLessThanOrEqual(expected);
      expect(reading.stable.percent + reading.canary.percent).toBe(100);
      if (canary > 0) expect(reading.canary.percent).toBeGreaterThan(0);
    });

    it.each(STEPS)('changes only the weight bytes when setting %i', (canary) => {
      const { edits, after } = setAndRead(text, canary);
      expect(maskEdited(after, edits)).toBe(maskEdited(text, edits));
    });

    it('keeps comments and quoting', () => {
      const { after } = setAndRead(text, 25);
      expect(comments(text).length).toBeGreaterThan(0);
      expect(comments(after)).toEqual(comments(text));
      expect(after.match(/"/g)?.length ?? 0).toBe(text.match(/"/g)?.length ?? 0);
    });

    it('keeps CRLF line endings', () => {
      const windows = crlf(text);
      const { edits, after } = setAndRead(windows, 25);
      expect(after.replace(/\r\n/g, '')).not.toContain('\n');
      expect(maskEdited(after, edits)).toBe(maskEdited(windows, edits));
    });

    it('plans nothing and changes no bytes when the file already holds the weight', () => {
      expect(router.planWeights(source(), { ...options, canary: initial })).toEqual([]);
      const plan = planSetWeight(text, file, { ...options, router: name, canary: initial });
      expect(plan.changed).toBe(false);
      expect(plan.after).toBe(text);
    });

    it('is idempotent: setting the same weight twice changes nothing the second time', () => {
      const { after } = setAndRead(text, 25);
      expect(router.planWeights(parseManifestSource(after, file), { ...options, canary: 25 })).toEqual([]);
    });

    it.each([-1, 101, 2.5, Number.NaN, 1e9])('refuses weight %p', (canary) => {
      expect(() => router.planWeights(source(), { ...options, canary })).toThrow(ConfigurationError);
      expect(() => planSetWeight(text, file, { ...options, router: name, canary })).toThrow(/0 to 100/);
    });

    it('refuses an unknown route, naming the file and the routes present', () => {
      const unknown = { ...options, route: 'no-such-route' };
      for (const call of [
        () => router.readWeights(source(), unknown),
        () => router.planWeights(source(), { ...unknown, canary: 5 }),
      ]) {
        expect(call).toThrow(ConfigurationError);
        expect(call).toThrow(file);
        expect(call).toThrow(new RegExp(`no-such-route.*${options.route}`));
      }
    });
  },
);
