/**
 * Before/after pairs: each `*.input.*` under __tests__/fixtures/flags/, edited as its row says,
 * must give its `*.expected.*` byte for byte; editing the expected file again must change nothing;
 * and every expected file must load into flagd-core with strict schema validation.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MemoryStorage } from '@openfeature/flagd-core';
import { parse } from 'yaml';
import { planSetFlag, type SetFlagRequest } from '../../../../src/traffic/flags/set-flag.js';

const DIR = fileURLToPath(new URL('../../../fixtures/flags/', import.meta.url));
const read = (name: string): string => readFileSync(`${DIR}${name}`, 'utf8');

const PAIRS: [input: string, expected: string, request: SetFlagRequest, what: string][] = [
  [
    'split-new.input.yaml',
    'split-new.expected.yaml',
    { flag: 'new-checkout', percent: 25 },
    'new split added after the last key, comments kept',
  ],
  [
    'split-new.input.json',
    'split-new.expected.json',
    { flag: 'new-checkout', percent: 25 },
    'new split in JSON, siblings untouched',
  ],
  [
    'split-update.input.yaml',
    'split-update.expected.yaml',
    { flag: 'new-checkout', percent: 25 },
    'existing split: only the two weights, bucketing by accountId kept',
  ],
  [
    'split-update.input.json',
    'split-update.expected.json',
    { flag: 'new-checkout', percent: 25 },
    'existing split with the documented cat bucketing kept',
  ],
  [
    'split-off-first.input.json',
    'split-off-first.expected.json',
    { flag: 'new-checkout', percent: 25 },
    'off bucket first: order kept, minified JSON kept',
  ],
  [
    'split-crlf.input.yaml',
    'split-crlf.expected.yaml',
    { flag: 'new-checkout', percent: 5 },
    'CRLF and no final newline survive',
  ],
  [
    'split-string-variants.input.yaml',
    'split-string-variants.expected.yaml',
    { flag: 'checkout-layout', percent: 10, onVariant: 'compact', offVariant: 'classic' },
    'string flag with named variants',
  ],
  [
    'split-after-kill.input.json',
    'split-after-kill.expected.json',
    { flag: 'new-checkout', percent: 1 },
    'targeting {} filled in',
  ],
  [
    'kill-rules.input.yaml',
    'kill-rules.expected.yaml',
    { flag: 'new-checkout', off: true },
    'kill: if rules removed, default off, metadata and other flags kept',
  ],
  ['kill-rules.input.json', 'kill-rules.expected.json', { flag: 'new-checkout', off: true }, 'kill in JSON'],
  [
    'kill-disabled.input.yaml',
    'kill-disabled.expected.yaml',
    { flag: 'new-checkout', off: true },
    'kill enables a disabled flag (DISABLED serves the code default)',
  ],
  [
    'kill-split.input.yaml',
    'kill-split.expected.yaml',
    { flag: 'new-checkout', off: true },
    'kill removes a split; flow-style sibling kept',
  ],
  [
    'real/example_flags.flagd.json',
    'real/example_flags.flagd.myBoolFlag-25.expected.json',
    { flag: 'myBoolFlag', percent: 25 },
    'flagd sample (JSON): split on a static flag',
  ],
  [
    'real/example_flags.flagd.json',
    'real/example_flags.flagd.isColorYellow-off.expected.json',
    { flag: 'isColorYellow', off: true },
    'flagd sample (JSON): kill an if rule',
  ],
  [
    'real/example_flags.flagd.json',
    'real/example_flags.flagd.headerColor-off.expected.json',
    { flag: 'headerColor', off: true, onVariant: 'blue', offVariant: 'red' },
    'flagd sample (JSON): kill a string flag with $ref and nested fractional',
  ],
  [
    'real/example_flags.flagd.yaml',
    'real/example_flags.flagd.myBoolFlag-25.expected.yaml',
    { flag: 'myBoolFlag', percent: 25 },
    'flagd sample (YAML): split',
  ],
  [
    'real/example_flags.flagd.yaml',
    'real/example_flags.flagd.isColorYellow-off.expected.yaml',
    { flag: 'isColorYellow', off: true },
    'flagd sample (YAML): kill',
  ],
  [
    'real/example_flags.flagd.yaml',
    'real/example_flags.flagd.myStringFlag-10.expected.yaml',
    { flag: 'myStringFlag', percent: 10, onVariant: 'key2', offVariant: 'key1' },
    'flagd sample (YAML): string flag split',
  ],
];

describe('flag file edits: before/after fixtures', () => {
  it.each(PAIRS)('%s → %s (%s)', (input, expected, request) => {
    const result = planSetFlag(read(input), input, request);
    expect(result.changed).toBe(true);
    expect(result.after).toBe(read(expected));
  });

  it.each(PAIRS)('%s: editing %s again changes nothing', (_input, expected, request) => {
    const text = read(expected);
    const again = planSetFlag(text, expected, request);
    expect(again.changed).toBe(false);
    expect(again.after).toBe(text);
  });

  it.each([...new Set(PAIRS.map(([, expected]) => expected))])(
    '%s passes flagd strict validation',
    (expected) => {
      const text = read(expected);
      const data: unknown = expected.endsWith('.json') ? JSON.parse(text) : parse(text);
      const silent = { debug() {}, info() {}, warn() {}, error() {} };
      expect(() => new MemoryStorage(silent).setConfigurations(JSON.stringify(data), true)).not.toThrow();
    },
  );
});
