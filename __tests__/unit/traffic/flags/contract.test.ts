/**
 * The contract every flag provider keeps, run against each one the factory knows: a split reads
 * back as its percent, the kill switch reads back as off, planning what is already there changes
 * nothing, and an unknown flag is a ConfigurationError.
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/errors.js';
import { parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { Weight } from '../../../../src/traffic/routers/types.js';
import { createFlagProvider, FLAG_PROVIDER_NAMES } from '../../../../src/traffic/flags/index.js';
import type { FlagProviderName } from '../../../../src/traffic/flags/types.js';

/** A file each provider understands, holding boolean flag `checkout` at 0 %. */
const SAMPLES: Record<FlagProviderName, { file: string; text: string }> = {
  flagd: {
    file: 'flags.flagd.json',
    text: '{"flags": {"checkout": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off"}}}\n',
  },
};

describe.each(FLAG_PROVIDER_NAMES.map((name) => [name]))('flag provider contract: %s', (name) => {
  const provider = createFlagProvider(name);
  const { file, text } = SAMPLES[name];
  const parse = (t: string) => parseManifestSource(t, file);
  const flag = { key: 'checkout' };

  it('is what the factory was asked for', () => {
    expect(provider.name).toBe(name);
  });

  it.each([0, 1, 25, 50, 100])(
    'a %i %% split reads back as %i %%, and planning it again changes nothing',
    (percent) => {
      const plan = provider.planSplit(parse(text), flag, Weight.of(percent));
      expect(provider.read(parse(plan.after), flag).percent).toBe(percent);
      const again = provider.planSplit(parse(plan.after), flag, Weight.of(percent));
      expect(again).toMatchObject({ changed: false, after: plan.after });
    },
  );

  it('the kill switch reads back as 0 % without rules, and is idempotent', () => {
    const split = provider.planSplit(parse(text), flag, Weight.of(25)).after;
    const killed = provider.planKill(parse(split), flag);
    expect(killed.changed).toBe(true);
    expect(killed.before.percent).toBe(25);
    expect(provider.read(parse(killed.after), flag)).toMatchObject({ mode: 'static', percent: 0 });
    expect(provider.planKill(parse(killed.after), flag)).toMatchObject({
      changed: false,
      after: killed.after,
    });
  });

  it('an unknown flag is a ConfigurationError and plans nothing', () => {
    expect(() => provider.planSplit(parse(text), { key: 'nope' }, Weight.of(5))).toThrow(ConfigurationError);
  });
});

describe('createFlagProvider', () => {
  it('refuses an unknown provider, listing the known ones', () => {
    expect(() => createFlagProvider('launchdarkly')).toThrow(
      new ConfigurationError('flags.provider: unknown flag provider "launchdarkly"; use one of: flagd'),
    );
  });
});
