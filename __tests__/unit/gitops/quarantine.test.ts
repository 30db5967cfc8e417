import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { ConfigurationError } from '../../../src/errors.js';
import { Digest } from '../../../src/evidence/image-ref.js';
import {
  addToQuarantine,
  assertNotQuarantined,
  isQuarantined,
  parseQuarantine,
  QuarantinedError,
  quarantineChange,
  type QuarantineEntry,
} from '../../../src/gitops/quarantine.js';

const BAD = `sha256:${'b'.repeat(64)}`;
const OTHER = `sha256:${'c'.repeat(64)}`;
const ENTRY: QuarantineEntry = {
  digest: BAD,
  image: 'ghcr.io/acme/checkout',
  reason: 'error-rate 0.4% > 0.1% at step 3/6: "5xx" burst',
  rollout: 'checkout-42',
  at: '2026-05-04T10:12:00.000Z',
};

const LISTED = `# Reviewed by the platform team.
digests:
  - digest: ${OTHER}   # the March incident
    image: ghcr.io/acme/cart
    reason: manual
  - digest: ${BAD}
    reason: "error-rate"
    rollout: checkout-41

# keep this comment
`;

describe('parseQuarantine', () => {
  it('reads every entry with its position', () => {
    expect(parseQuarantine(LISTED, 'q.yaml')).toEqual([
      { digest: OTHER, image: 'ghcr.io/acme/cart', reason: 'manual', line: 3, column: 5 },
      { digest: BAD, reason: 'error-rate', rollout: 'checkout-41', line: 6, column: 5 },
    ]);
  });

  it.each([
    ['a missing file', undefined],
    ['an empty file', ''],
    ['only comments', '# nothing yet\n'],
    ['an empty list', 'digests: []\n'],
    ['a bare key', 'digests:\n'],
  ])('finds nothing in %s', (_, text) => {
    expect(parseQuarantine(text)).toEqual([]);
  });

  it.each([
    ['a list at the top', `- digest: ${BAD}\n`, 'q.yaml:1:1', 'expected a mapping'],
    ['an entry without a digest', 'digests:\n  - reason: x\n', 'q.yaml:2:5', 'missing "digest'],
    ['a tag instead of a digest', 'digests:\n  - digest: v1.2.3\n', 'q.yaml:2:13', 'not a sha256'],
    ['broken YAML', 'digests: [\n', 'q.yaml:', 'invalid YAML'],
  ])('refuses %s at FILE:LINE:COL', (_, text, where, what) => {
    const error = (() => {
      try {
        parseQuarantine(text, 'q.yaml');
      } catch (caught) {
        return caught as ConfigurationError;
      }
      throw new Error('expected a ConfigurationError');
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message.startsWith(where)).toBe(true);
    expect(error.message).toContain(what);
  });
});

describe('isQuarantined / assertNotQuarantined', () => {
  it('finds a listed digest, by string or Digest', () => {
    expect(isQuarantined(LISTED, BAD)?.rollout).toBe('checkout-41');
    expect(isQuarantined(LISTED, Digest.parse(OTHER))?.line).toBe(3);
    expect(isQuarantined(LISTED, `sha256:${'d'.repeat(64)}`)).toBeUndefined();
  });

  it('refuses with the entry’s location and how to re-admit', () => {
    expect(() => assertNotQuarantined(LISTED, BAD, '.glidepath/quarantine.yaml')).toThrow(QuarantinedError);
    try {
      assertNotQuarantined(LISTED, BAD, '.glidepath/quarantine.yaml');
    } catch (error) {
      const refusal = error as QuarantinedError;
      expect(refusal.located).toBe(true);
      expect(refusal.exitCode).toBe(2);
      expect(refusal.message).toBe(
        `.glidepath/quarantine.yaml:6:5: ${BAD} is quarantined (reason: error-rate; rollout checkout-41); ` +
          `Glidepath will not deploy it. To re-admit it, delete its entry (the "- digest: ${BAD}" item) from ` +
          '.glidepath/quarantine.yaml in a reviewed commit',
      );
    }
  });
});

describe('addToQuarantine', () => {
  it('creates the file with an explanation', () => {
    const text = addToQuarantine(undefined, ENTRY);
    expect(text).toBe(
      [
        '# Digests Glidepath refuses to deploy: `desire` and `verify` check this list, `revert` adds to it.',
        '# To re-admit a digest, delete its entry in a reviewed commit.',
        'digests:',
        `  - digest: ${BAD}`,
        '    image: ghcr.io/acme/checkout',
        '    reason: "error-rate 0.4% > 0.1% at step 3/6: \\"5xx\\" burst"',
        '    rollout: checkout-42',
        '    at: "2026-05-04T10:12:00.000Z"',
        '',
      ].join('\n'),
    );
    expect(parse(text)).toEqual({ digests: [ENTRY] });
  });

  it('appends after the last entry and changes no other byte', () => {
    const entry = { ...ENTRY, digest: `sha256:${'e'.repeat(64)}` };
    const text = addToQuarantine(LISTED, entry);
    const item = [
      `  - digest: sha256:${'e'.repeat(64)}`,
      '    image: ghcr.io/acme/checkout',
      '    reason: "error-rate 0.4% > 0.1% at step 3/6: \\"5xx\\" burst"',
      '    rollout: checkout-42',
      '    at: "2026-05-04T10:12:00.000Z"',
      '',
    ].join('\n');
    expect(text).toBe(LISTED.replace('    rollout: checkout-41\n', `    rollout: checkout-41\n${item}`));
    expect(parseQuarantine(text)).toHaveLength(3);
  });

  it('is idempotent', () => {
    expect(addToQuarantine(LISTED, { ...ENTRY, reason: 'again' })).toBe(LISTED);
    const once = addToQuarantine(undefined, ENTRY);
    expect(addToQuarantine(once, ENTRY)).toBe(once);
  });

  it.each([
    ['CRLF and no final newline', `digests:\r\n- digest: ${OTHER}`],
    ['a flow list', `digests: [{digest: ${OTHER}}]\n`],
    ['a bare key', '# list\ndigests:\n'],
    ['another key only', 'owners: [platform]\n'],
  ])('handles %s', (_, original) => {
    const text = addToQuarantine(original, ENTRY);
    expect(isQuarantined(text, BAD)).toBeDefined();
    if (original.includes(OTHER)) expect(isQuarantined(text, OTHER)).toBeDefined();
    if (original.includes('\r\n')) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('is a DesiredChange the writers can commit', () => {
    const change = quarantineChange(ENTRY);
    expect(change.path).toBe('.glidepath/quarantine.yaml');
    expect(change.intent).toBe(`quarantine ${BAD}`);
    expect(change.render(LISTED)).toBe(LISTED);
  });
});
