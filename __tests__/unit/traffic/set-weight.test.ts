import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import { planSetWeight } from '../../../src/traffic/set-weight.js';
import { fixture } from './routers/support.js';

describe('planSetWeight', () => {
  const text = fixture('gateway-api/weights.input.yaml');

  it('returns the edited text with the split before and after', () => {
    const plan = planSetWeight(text, 'route.yaml', { router: 'gateway-api', route: 'checkout', canary: 25 });
    expect(plan.after).toBe(fixture('gateway-api/weights.expected.yaml'));
    expect(plan.changed).toBe(true);
    expect(plan.before.canary.percent).toBe(10);
    expect(plan.reading).toMatchObject({ canaryService: 'checkout-canary', stableService: 'checkout' });
    expect(plan.reading.canary.percent).toBe(25);
    expect(plan.edits).toHaveLength(2);
  });

  it('reports the approximate split the replicas router reached', () => {
    const plan = planSetWeight(fixture('replicas/weights.input.yaml'), 'r.yaml', {
      router: 'replicas',
      route: 'checkout',
      canary: 1,
    });
    expect(plan.reading.canary.percent).toBe(5);
  });

  it('refuses an unknown router before reading the file', () => {
    expect(() => planSetWeight('not: [yaml', 'f.yaml', { router: 'linkerd', route: 'x', canary: 5 })).toThrow(
      /unknown traffic router "linkerd"; use one of: gateway-api, istio/,
    );
  });

  it('refuses a file that is not YAML with FILE:LINE:COL', () => {
    expect(() => planSetWeight('a: [1\n', 'f.yaml', { router: 'istio', route: 'x', canary: 5 })).toThrow(
      /^f\.yaml:\d+:\d+: /,
    );
  });

  it('refuses a split it cannot read, returning nothing', () => {
    const broken = fixture('istio/weights.input.yaml').replace('weight: 95', 'weight: 90');
    let plan;
    try {
      plan = planSetWeight(broken, 'vs.yaml', { router: 'istio', route: 'reviews', canary: 25 });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/^vs\.yaml:27:15: route weights must total 100/);
    }
    expect(plan).toBeUndefined();
  });
});
