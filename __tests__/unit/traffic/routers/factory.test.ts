import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/errors.js';
import { ROUTER_NAMES, routerFor } from '../../../../src/traffic/routers/index.js';
import { Weight } from '../../../../src/traffic/routers/types.js';

describe('router factory', () => {
  it('knows the six routers and returns each by its name', () => {
    expect(ROUTER_NAMES).toEqual(['gateway-api', 'istio', 'smi', 'nginx', 'traefik', 'replicas']);
    for (const name of ROUTER_NAMES) expect(routerFor(name).name).toBe(name);
  });

  it.each(['linkerd', 'Istio', '', 'toString', '__proto__'])('refuses %p, listing the routers', (name) => {
    expect(() => routerFor(name)).toThrow(ConfigurationError);
    expect(() => routerFor(name)).toThrow(
      `router: unknown traffic router "${name}"; use one of: gateway-api, istio, smi, nginx, traefik, replicas`,
    );
  });

  it('offers header routes and mirroring where the router can express them', () => {
    const capabilities = Object.fromEntries(
      ROUTER_NAMES.map((name) => {
        const router = routerFor(name);
        return [
          name,
          { header: router.planHeaderRoute !== undefined, mirror: router.planMirror !== undefined },
        ];
      }),
    );
    expect(capabilities).toEqual({
      'gateway-api': { header: true, mirror: true },
      istio: { header: true, mirror: true },
      smi: { header: false, mirror: false },
      nginx: { header: true, mirror: false },
      traefik: { header: false, mirror: true },
      replicas: { header: false, mirror: false },
    });
  });
});

describe('Weight', () => {
  it.each([
    ['0', 0],
    ['25', 25],
    ['25%', 25],
    [' 100 ', 100],
  ])('parses %p as %i', (text, percent) => {
    expect(Weight.parse(text).percent).toBe(percent);
  });

  it.each(['', 'abc', '-1', '101', '2.5', '1e2', '0x10', '50%%'])('refuses %p, naming the field', (text) => {
    expect(() => Weight.parse(text, '--canary')).toThrow(ConfigurationError);
    expect(() => Weight.parse(text, '--canary')).toThrow(/^--canary: .* use a whole percent from 0 to 100$/);
  });

  it('knows its complement and prints as a percentage', () => {
    expect(Weight.of(30).complement.percent).toBe(70);
    expect(String(Weight.of(5))).toBe('5%');
    expect(Weight.from(Weight.of(7))).toEqual(Weight.of(7));
  });
});
