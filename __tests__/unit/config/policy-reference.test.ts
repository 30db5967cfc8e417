/**
 * README.md's policy reference (between `<!-- policy-reference:start -->` and
 * `<!-- policy-reference:end -->`) is generated from schema/glidepath.schema.json. When the
 * "README matches" test fails, regenerate the section and commit the result:
 *
 *   UPDATE_POLICY_REFERENCE=1 npm test -- __tests__/unit/config/policy-reference.test.ts
 *
 * With UPDATE_POLICY_REFERENCE=1 the test rewrites only the text between the markers; the rest of
 * the README is left as it is.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { policySchema } from '../../../src/config/load-policy.js';
import {
  REFERENCE_END,
  REFERENCE_START,
  currentReference,
  renderPolicyReference,
  replaceReference,
  type SchemaNode,
} from '../../../src/config/policy-reference.js';

const README = new URL('../../../README.md', import.meta.url);
const FIX = 'UPDATE_POLICY_REFERENCE=1 npm test -- __tests__/unit/config/policy-reference.test.ts';
/** The README puts the reference under "### Policy reference", so its tables get level-4 headings. */
const README_HEADING_LEVEL = 4;

describe('README policy reference', () => {
  it('matches the schema', async () => {
    const rendered = renderPolicyReference(policySchema as SchemaNode, {
      headingLevel: README_HEADING_LEVEL,
    });
    let readme = await readFile(README, 'utf8');
    if (process.env.UPDATE_POLICY_REFERENCE === '1') {
      readme = replaceReference(readme, rendered);
      await writeFile(README, readme);
    }
    const current = currentReference(readme);
    if (current !== rendered) {
      throw new Error(`README.md's policy reference is out of date with the schema; run:\n\n  ${FIX}\n`);
    }
  });
});

describe('renderPolicyReference', () => {
  const reference = renderPolicyReference(policySchema as SchemaNode);

  it('has a table for the top level and one per section', () => {
    expect(reference).toContain('### Top level');
    expect(reference).toContain('### `evidence`');
    expect(reference).toContain('### `desired`');
    expect(reference).toContain('### `analysis`');
    expect(reference).toContain('### `exposure`');
    expect(reference).toContain('### `deploy`');
    expect(reference).toContain('### `rollback`');
    expect(reference.match(/^\| Key \| Type \| Default \| Allowed values \| Description \|$/gm)).toHaveLength(
      7,
    );
  });

  it.each([
    [
      'a key of the items of a list of objects',
      '| `notify[].urlEnv` | string | — | e.g. `SLACK_WEBHOOK_URL` | The environment variable holding the incoming-webhook URL (it contains a secret) or the webhook endpoint. |',
    ],
    [
      'an enum with its default',
      '| `evidence.scan.failOn` | string | `high` | `critical`, `high`, `medium`, `low` | Findings at or above this severity reject the artifact. |',
    ],
    [
      'a list of an enum',
      '| `evidence.require` | list of string | `[]` | `tests`, `scan`, `sbom`, `provenance` |',
    ],
    ['a bounded number without a default', '| `evidence.tests.maxSkippedRatio` | number | — | 0 to 1 |'],
    ['a patterned string, by example', '| `evidence.maxAge` | string | `24h` | e.g. `24h`, `7d` |'],
    ['a nested object', '| `evidence.provenance` | object | — | — |'],
    [
      'a URI',
      '| `evidence.provenance.issuer` | string | `https://token.actions.githubusercontent.com` | absolute URI |',
    ],
    ['a boolean', '| `evidence.scan.ignoreUnfixed` | boolean | `false` | `true`, `false` |'],
    ['a top-level string', '| `service` | string | — | non-empty, e.g. `checkout` |'],
  ])('renders %s', (_, row) => {
    expect(reference).toContain(row);
  });

  it('keeps table cells intact when descriptions hold pipes or newlines', () => {
    const text = renderPolicyReference({
      type: 'object',
      properties: { mode: { type: 'string', description: 'a | b\nc', enum: ['a|b'] } },
    });
    expect(text).toContain('| `mode` | string | — | `a\\|b` | a \\| b c |');
  });

  it('honours the heading level', () => {
    expect(renderPolicyReference(policySchema as SchemaNode, { headingLevel: 2 })).toContain(
      '\n## `evidence`\n',
    );
  });
});

describe('replaceReference', () => {
  const readme = `# Title\n\nintro\n${REFERENCE_START}\nold\n${REFERENCE_END}\n\n## Later\nkept\n`;

  it('replaces only the text between the markers', () => {
    expect(replaceReference(readme, 'new')).toBe(
      `# Title\n\nintro\n${REFERENCE_START}\nnew\n${REFERENCE_END}\n\n## Later\nkept\n`,
    );
    expect(currentReference(replaceReference(readme, 'new'))).toBe('new');
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceReference('# Title\n', 'new')).toThrow(REFERENCE_START);
    expect(currentReference('# Title\n')).toBeUndefined();
  });
});
