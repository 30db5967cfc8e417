/**
 * Committed overrides (src/gate/overrides.ts): the file an incident commits to the GitOps repository
 * so that a deployment protection rule, which takes no flags, and every rollout let deployments past
 * closed windows and freezes until the entry expires. Bad entries name FILE:LINE:COL and the fix.
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import {
  MAX_OVERRIDE_DAYS,
  overrideInForce,
  overridesFileFor,
  parseOverrides,
} from '../../../src/gate/overrides.js';

const FILE = '.glidepath/overrides.yaml';
const AT = new Date('2026-11-22T10:00:00Z');

const TEXT = `# incidents only
overrides:
  - environment: production
    kind: p0
    reason: "INC-4211: checkout hotfix"
    until: 2026-11-22T18:00:00Z
    service: checkout
  - environment: production
    kind: security
    reason: CVE-2026-1234
    until: "2026-11-23T09:00:00+01:00"
`;

describe('parseOverrides', () => {
  it('reads every entry with where it is written', () => {
    expect(parseOverrides(TEXT, FILE)).toEqual([
      {
        environment: 'production',
        kind: 'p0',
        reason: 'INC-4211: checkout hotfix',
        until: new Date('2026-11-22T18:00:00Z'),
        service: 'checkout',
        where: `${FILE}:3:5`,
      },
      {
        environment: 'production',
        kind: 'security',
        reason: 'CVE-2026-1234',
        until: new Date('2026-11-23T08:00:00Z'),
        where: `${FILE}:8:5`,
      },
    ]);
  });

  it.each([undefined, '', '# nothing yet\n', 'overrides:\n', 'overrides: []\n'])(
    'no entries in %j',
    (text) => {
      expect(parseOverrides(text, FILE)).toEqual([]);
    },
  );

  it.each([
    ['not YAML', 'overrides: [\n', /^\.glidepath\/overrides\.yaml:\d+:\d+: invalid YAML/],
    ['a list at the top', '- a\n', `${FILE}:1:1: expected a mapping with an \`overrides:\` list`],
    ['overrides not a list', 'overrides: yes\n', `${FILE}:1:12: overrides: expected a list of entries`],
    ['an entry not a mapping', 'overrides:\n  - p0\n', `${FILE}:2:5: overrides[0]: expected a mapping`],
    [
      'no environment',
      'overrides:\n  - kind: p0\n    reason: x\n    until: 2026-11-22T18:00:00Z\n',
      `${FILE}:2:5: overrides[0].environment is required: the environment whose deployments it lets through`,
    ],
    [
      'an empty reason',
      'overrides:\n  - environment: production\n    kind: p0\n    reason: "  "\n    until: 2026-11-22T18:00:00Z\n',
      `${FILE}:4:13: overrides[0].reason is required: the incident or advisory`,
    ],
    [
      'a kind that is not one',
      'overrides:\n  - environment: production\n    kind: friday\n    reason: x\n    until: 2026-11-22T18:00:00Z\n',
      `${FILE}:3:11: overrides[0].kind must be p0 or security; got "friday"`,
    ],
    [
      'no until',
      'overrides:\n  - environment: production\n    kind: p0\n    reason: x\n',
      `${FILE}:2:5: overrides[0].until is required: when it stops applying, at most 7 days ahead`,
    ],
    [
      'an until without a zone',
      'overrides:\n  - environment: production\n    kind: p0\n    reason: x\n    until: "2026-11-22 18:00"\n',
      `${FILE}:5:12: overrides[0].until must be an instant with a zone, e.g. 2026-11-22T18:00:00Z; got "2026-11-22 18:00"`,
    ],
  ])('%s: a ConfigurationError at FILE:LINE:COL with the fix', (_name, text, message) => {
    let error: unknown;
    try {
      parseOverrides(text, FILE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const shown = (error as Error).message;
    if (typeof message === 'string') expect(shown.startsWith(message)).toBe(true);
    else expect(shown).toMatch(message);
  });
});

describe('overrideInForce', () => {
  const entries = parseOverrides(TEXT, FILE);

  it('the first entry for the environment and service whose until is ahead', () => {
    expect(overrideInForce(entries, { environment: 'production', service: 'checkout', at: AT })?.kind).toBe(
      'p0',
    );
  });

  it('an entry for another service does not apply; an entry without one applies to all', () => {
    expect(overrideInForce(entries, { environment: 'production', service: 'billing', at: AT })?.kind).toBe(
      'security',
    );
  });

  it('expired entries and other environments are ignored', () => {
    expect(overrideInForce(entries, { environment: 'staging', at: AT })).toBeUndefined();
    expect(
      overrideInForce(entries, {
        environment: 'production',
        service: 'checkout',
        at: new Date('2026-11-23T08:00:00Z'),
      }),
    ).toBeUndefined();
  });

  it(`an entry in force more than ${MAX_OVERRIDE_DAYS} days is refused, pointing at it and at deploy.allow`, () => {
    const standing = parseOverrides(
      'overrides:\n  - environment: production\n    kind: p0\n    reason: forever\n    until: 2027-01-01T00:00:00Z\n',
      FILE,
    );
    expect(() => overrideInForce(standing, { environment: 'production', at: AT })).toThrow(
      `${FILE}:2:5: until 2027-01-01T00:00:00.000Z is more than 7 days away: an override is for an incident; ` +
        'shorten it, or change deploy.allow/deny in the policy for a standing exception',
    );
  });

  it('lives next to the quarantine list', () => {
    expect(overridesFileFor('.glidepath/quarantine.yaml')).toBe(FILE);
    expect(overridesFileFor('ops/quarantine.yaml')).toBe('ops/overrides.yaml');
  });
});
