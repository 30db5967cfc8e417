/**
 * flagd semantics, proved with flagd's own evaluation engine (@openfeature/flagd-core): what a
 * split exposes, which keys it exposes as it grows, what the kill switch leaves, which bytes
 * change, and what is refused.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { FlagdCore } from '@openfeature/flagd-core';
import { parse } from 'yaml';
import { ConfigurationError } from '../../../../src/errors.js';
import { parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { flagdProvider } from '../../../../src/traffic/flags/flagd.js';
import { planSetFlag, type SetFlagRequest } from '../../../../src/traffic/flags/set-flag.js';
import type { FlagRef } from '../../../../src/traffic/flags/types.js';

const DIR = fileURLToPath(new URL('../../../fixtures/flags/', import.meta.url));
const fixture = (name: string): string => readFileSync(`${DIR}${name}`, 'utf8');
const SILENT = { debug() {}, info() {}, warn() {}, error() {} };
const KEYS = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);

/** A boolean flag file with `targeting` (YAML flow is JSON, so one helper writes both). */
function booleanFlag(extra: Record<string, unknown> = {}, key = 'new-checkout'): string {
  const flag = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', ...extra };
  return `${JSON.stringify({ flags: { [key]: flag } }, null, 2)}\n`;
}

/** flagd's answer for `flag` per targeting key (undefined: evaluate without one). */
function evaluate(text: string, flag = 'new-checkout') {
  const core = new FlagdCore(undefined, SILENT);
  core.setConfigurations(JSON.stringify(text.trimStart().startsWith('{') ? JSON.parse(text) : parse(text)));
  return (targetingKey?: string) =>
    core.resolveBooleanEvaluation(flag, true, targetingKey === undefined ? {} : { targetingKey }, SILENT);
}

/** The keys flagd puts on the `on` variant. */
function onKeys(text: string, flag = 'new-checkout'): Set<string> {
  const resolve = evaluate(text, flag);
  return new Set(KEYS.filter((key) => resolve(key).variant === 'on'));
}

function set(
  text: string,
  request: Omit<SetFlagRequest, 'flag'> & { flag?: string },
  file = 'flags.json',
): string {
  return planSetFlag(text, file, { flag: 'new-checkout', ...request } as SetFlagRequest).after;
}

function read(text: string, flag: FlagRef = { key: 'new-checkout' }, file = 'flags.json') {
  return flagdProvider.read(parseManifestSource(text, file), flag);
}

describe('read: what a flag exposes now', () => {
  it.each([
    ['no targeting, default off', booleanFlag(), 'static', 0],
    ['no targeting, default on', booleanFlag({ defaultVariant: 'on' }), 'static', 100],
    ['targeting {} counts as none', booleanFlag({ targeting: {} }), 'static', 0],
    [
      'no default variant: the code default decides',
      booleanFlag({ defaultVariant: null }),
      'static',
      undefined,
    ],
    [
      'split 5/95',
      booleanFlag({
        targeting: {
          fractional: [
            ['on', 5],
            ['off', 95],
          ],
        },
      }),
      'split',
      5,
    ],
    [
      'split 1:3 is 25 %',
      booleanFlag({
        targeting: {
          fractional: [
            ['off', 3],
            ['on', 1],
          ],
        },
      }),
      'split',
      25,
    ],
    [
      'bucket without weight weighs 1',
      booleanFlag({ targeting: { fractional: [['on'], ['off']] } }),
      'split',
      50,
    ],
    [
      'bucketing expression is not a bucket',
      booleanFlag({ targeting: { fractional: [{ var: 'email' }, ['on', 30], ['off', 70]] } }),
      'split',
      30,
    ],
    [
      'all-zero weights fall back to the default',
      booleanFlag({
        targeting: {
          fractional: [
            ['on', 0],
            ['off', 0],
          ],
        },
      }),
      'split',
      0,
    ],
    [
      'if rules',
      booleanFlag({ targeting: { if: [{ '==': [{ var: 'tier' }, 'gold'] }, 'on', 'off'] } }),
      'rules',
      undefined,
    ],
    [
      'disabled',
      booleanFlag({
        state: 'DISABLED',
        targeting: {
          fractional: [
            ['on', 5],
            ['off', 95],
          ],
        },
      }),
      'disabled',
      undefined,
    ],
  ])('%s', (_name, text, mode, percent) => {
    expect(read(text)).toMatchObject({ mode, percent, onVariant: 'on', offVariant: 'off' });
  });

  it('finds the on and off variants of a boolean flag by value, whatever they are called', () => {
    expect(read(fixture('split-update.input.yaml'), { key: 'new-checkout' }, 'f.yaml')).toMatchObject({
      mode: 'split',
      percent: 5,
      onVariant: 'enabled',
      offVariant: 'disabled',
      location: 'f.yaml:3:5',
    });
  });

  it('reads a string flag once its on and off variants are named', () => {
    const text = fixture('real/example_flags.flagd.json');
    expect(read(text, { key: 'myStringFlag', onVariant: 'key2', offVariant: 'key1' })).toMatchObject({
      mode: 'static',
      percent: 0,
    });
  });
});

describe('planSplit: the split flagd evaluates', () => {
  it.each([
    ['JSON', booleanFlag(), 'flags.json'],
    ['YAML', fixture('split-new.input.yaml'), 'flags.yaml'],
  ])('%s: 25 %% puts 25 ± 2 %% of 10,000 keys on, all by targeting', (_format, text, file) => {
    const after = set(text, { percent: 25 }, file);
    const resolve = evaluate(after);
    const results = KEYS.map((key) => resolve(key));
    const on = results.filter((result) => result.variant === 'on').length;
    expect(on / KEYS.length).toBeGreaterThanOrEqual(0.23);
    expect(on / KEYS.length).toBeLessThanOrEqual(0.27);
    expect(results.every((result) => result.reason === 'TARGETING_MATCH')).toBe(true);
  });

  it.each([
    [0, 0],
    [100, KEYS.length],
  ])('%i %% is exact: %i of 10,000 keys on', (percent, expected) => {
    const after = set(set(booleanFlag(), { percent: 50 }), { percent });
    expect(onKeys(after).size).toBe(expected);
  });

  it('an evaluation without a targeting key gets the default variant, not a bucket', () => {
    // Why the new split has no `cat` bucketing expression: with one, every anonymous caller hashes
    // to the same bucket (here: on) at any percentage.
    const after = set(booleanFlag(), { percent: 25 });
    expect(evaluate(after)()).toMatchObject({ variant: 'off', reason: 'DEFAULT' });
    const explicitCat = booleanFlag({
      targeting: {
        fractional: [{ cat: [{ var: '$flagd.flagKey' }, { var: 'targetingKey' }] }, ['on', 25], ['off', 75]],
      },
    });
    expect(evaluate(explicitCat)()).toMatchObject({ reason: 'TARGETING_MATCH' });
  });

  it("flagd's implicit bucketing equals cat($flagd.flagKey, targetingKey) for keyed callers", () => {
    const explicitCat = fixture('split-update.input.json');
    const implicit = booleanFlag({
      targeting: {
        fractional: [
          ['on', 5],
          ['off', 95],
        ],
      },
    });
    expect(onKeys(implicit)).toEqual(onKeys(explicitCat));
  });

  it.each([
    ['on bucket first', booleanFlag()],
    ['off bucket first', fixture('split-off-first.input.json')],
    ['own bucketing expression', fixture('split-update.input.json')],
  ])(
    'sticky (%s): every key on at 5 %% is still on at 25 %%, and back at 5 %% the same keys',
    (_name, text) => {
      // What holds: flagd hashes the bucketing value (flagKey + targetingKey by default) with
      // murmur3 into [0, 2^32) and a key is on when its hash falls in the on bucket's share. The
      // hash does not depend on the weights, and Glidepath keeps the bucket order, so raising the on
      // share only adds keys. It does not hold across a change of flag key or bucketing expression.
      const at5 = set(text, { percent: 5 });
      const at25 = set(at5, { percent: 25 });
      const on5 = onKeys(at5);
      const on25 = onKeys(at25);
      expect(on5.size).toBeGreaterThan(400);
      expect([...on5].filter((key) => !on25.has(key))).toEqual([]);
      expect(on25.size).toBeGreaterThan(on5.size * 4);
      expect(onKeys(set(at25, { percent: 5 }))).toEqual(on5);
    },
  );

  it('enables a disabled flag: disabled, flagd serves the code default instead of the split', () => {
    const text = booleanFlag({
      state: 'DISABLED',
      targeting: {
        fractional: [
          ['on', 25],
          ['off', 75],
        ],
      },
    });
    expect(evaluate(text)('user-1')).toMatchObject({ value: true, reason: 'DISABLED' });
    const after = set(text, { percent: 25 });
    expect(after).toBe(text.replace('"DISABLED"', '"ENABLED"'));
  });

  it.each([
    [
      'a split already at 25',
      booleanFlag({
        targeting: {
          fractional: [
            ['on', 25],
            ['off', 75],
          ],
        },
      }),
      25,
    ],
    [
      'weights 1:3 already expose 25 %',
      booleanFlag({
        targeting: {
          fractional: [
            ['on', 1],
            ['off', 3],
          ],
        },
      }),
      25,
    ],
    ['a static off flag at 0 %', booleanFlag(), 0],
    ['a static on flag at 100 %', booleanFlag({ defaultVariant: 'on' }), 100],
  ])('no change when already there: %s', (_name, text, percent) => {
    expect(planSetFlag(text, 'flags.json', { flag: 'new-checkout', percent })).toMatchObject({
      changed: false,
      after: text,
    });
  });
});

describe('planSplit: byte-minimal', () => {
  it('updating an existing split changes only the weight bytes (any percent, YAML and JSON)', () => {
    const cases = [
      fixture('split-update.input.yaml'),
      fixture('split-update.input.json'),
      fixture('split-off-first.input.json'),
    ].map((text) => {
      // The weights' offsets, found independently of the code under test.
      const spans = [...text.matchAll(/\b(5|95|10|90)\b/g)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        on: match[0] === '5' || match[0] === '10',
      }));
      return { text, spans };
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom(...cases), (percent, { text, spans }) => {
        let expected = text;
        for (const span of [...spans].reverse()) {
          expected =
            expected.slice(0, span.start) +
            String(span.on ? percent : 100 - percent) +
            expected.slice(span.end);
        }
        const file = text.startsWith('{') ? 'f.json' : 'f.yaml';
        expect(planSetFlag(text, file, { flag: 'new-checkout', percent }).after).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('a new split only adds the targeting line; every existing line is kept', () => {
    const text = fixture('real/example_flags.flagd.yaml');
    const lines = set(text, { flag: 'myBoolFlag', percent: 25 }, 'f.yaml').split('\n');
    const added = lines.indexOf('    targeting: {fractional: [["on", 25], ["off", 75]]}');
    expect(added).toBe(8); // right after myBoolFlag's last key
    lines.splice(added, 1);
    expect(lines.join('\n')).toBe(text);
  });
});

describe('structural edits (targeting added or emptied) keep every other byte', () => {
  const head =
    "flags:\r\n  new-checkout:\r\n    state: ENABLED\r\n    variants: {'on': true, 'off': false}\r\n";
  it.each<[string, string, SetFlagRequest, string]>([
    [
      'split into a YAML flag written in flow style',
      "flags:\n  new-checkout: {state: ENABLED, variants: {'on': true, 'off': false}, defaultVariant: 'off'}  # x\n",
      { flag: 'new-checkout', percent: 25 },
      "flags:\n  new-checkout: {state: ENABLED, variants: {'on': true, 'off': false}, defaultVariant: 'off', targeting: {fractional: [[\"on\", 25], [\"off\", 75]]}}  # x\n",
    ],
    [
      'kill with block targeting on the last line, CRLF, no final newline',
      `${head}    defaultVariant: 'off'\r\n    targeting: # rollout\r\n      fractional:\r\n      - ['on', 5]\r\n      - ['off', 95]`,
      { flag: 'new-checkout', off: true },
      `${head}    defaultVariant: 'off'\r\n    targeting: {}`,
    ],
    [
      'kill with flow targeting followed by a comment and another key',
      `${head}    targeting: {fractional: [['on', 5], ['off', 95]]}   # rollout\r\n\r\n    # owner\r\n    defaultVariant: 'off'\r\n`,
      { flag: 'new-checkout', off: true },
      `${head}    targeting: {}   # rollout\r\n\r\n    # owner\r\n    defaultVariant: 'off'\r\n`,
    ],
    [
      'kill in CRLF JSON',
      '{\r\n\t"flags": {\r\n\t\t"new-checkout": {\r\n\t\t\t"state": "ENABLED",\r\n\t\t\t"variants": {"on": true, "off": false},\r\n\t\t\t"defaultVariant": "off",\r\n\t\t\t"targeting": {\r\n\t\t\t\t"fractional": [["on", 5], ["off", 95]]\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n',
      { flag: 'new-checkout', off: true },
      '{\r\n\t"flags": {\r\n\t\t"new-checkout": {\r\n\t\t\t"state": "ENABLED",\r\n\t\t\t"variants": {"on": true, "off": false},\r\n\t\t\t"defaultVariant": "off",\r\n\t\t\t"targeting": {}\r\n\t\t}\r\n\t}\r\n}\r\n',
    ],
  ])('%s', (_name, input, request, expected) => {
    const file = input.startsWith('{') ? 'f.json' : 'f.yaml';
    expect(planSetFlag(input, file, request).after).toBe(expected);
  });
});

describe('planKill: the kill switch', () => {
  it.each([
    [
      'a 25 % split',
      booleanFlag({
        targeting: {
          fractional: [
            ['on', 25],
            ['off', 75],
          ],
        },
      }),
    ],
    [
      'if rules that serve on',
      booleanFlag({ defaultVariant: 'on', targeting: { if: [{ '!': [false] }, 'on', 'off'] } }),
    ],
    ['a disabled flag whose code default is on', booleanFlag({ state: 'DISABLED', defaultVariant: 'on' })],
    [
      'the real flagd sample (YAML)',
      fixture('real/example_flags.flagd.yaml').replace(
        "defaultVariant: 'off'\n    targeting:",
        "defaultVariant: 'on'\n    targeting:",
      ),
    ],
  ])('%s: all 10,000 keys and keyless callers get off', (_name, text) => {
    const flag = text.includes('isColorYellow') ? 'isColorYellow' : 'new-checkout';
    const after = planSetFlag(text, 'f.yaml', { flag, off: true }).after;
    const resolve = evaluate(after, flag);
    for (const key of [...KEYS, undefined]) {
      const result = resolve(key);
      if (result.variant !== 'off' || result.reason !== 'STATIC')
        throw new Error(`${key}: ${JSON.stringify(result)}`);
    }
    expect(read(after, { key: flag }, 'f.yaml')).toMatchObject({ mode: 'static', percent: 0 });
  });

  it('keeps state ENABLED (never DISABLED, which would serve the code default)', () => {
    const after = set(
      booleanFlag({
        targeting: {
          fractional: [
            ['on', 25],
            ['off', 75],
          ],
        },
      }),
      { off: true },
    );
    expect(JSON.parse(after).flags['new-checkout']).toEqual({
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: {},
    });
  });

  it('adds defaultVariant when the flag had none', () => {
    const after = set(
      fixture('split-new.input.yaml').replace("    defaultVariant: 'off'  # safe default\n", ''),
      { off: true },
      'f.yaml',
    );
    expect(parse(after).flags['new-checkout'].defaultVariant).toBe('off');
  });

  it('no change when already off', () => {
    for (const text of [booleanFlag(), booleanFlag({ targeting: {} })]) {
      expect(planSetFlag(text, 'f.json', { flag: 'new-checkout', off: true })).toMatchObject({
        changed: false,
        after: text,
      });
    }
  });
});

describe('refusals name FILE:LINE:COL and what to do', () => {
  const real = fixture('real/example_flags.flagd.yaml');
  it.each<[string, string, string, SetFlagRequest, RegExp]>([
    [
      'if targeting would be overwritten',
      real,
      'flags.yaml',
      { flag: 'isColorYellow', percent: 25 },
      /^flags\.yaml:42:7: flag "isColorYellow" has targeting rules \("if"\) that setting a fractional split would overwrite/,
    ],
    [
      '$ref targeting',
      booleanFlag({ targeting: { $ref: 'beta' } }).replace(
        '"flags"',
        '"$evaluators": {"beta": {"in": ["@acme", {"var": "email"}]}},\n  "flags"',
      ),
      'f.json',
      { flag: 'new-checkout', percent: 5 },
      /targeting rules \("\$ref"\)/,
    ],
    [
      'a fractional over other variants',
      real,
      'flags.yaml',
      { flag: 'headerColor', percent: 5, onVariant: 'blue', offVariant: 'red' },
      /targeting rules \("if"\)/,
    ],
    [
      'a three-way fractional',
      booleanFlag({
        variants: { on: true, off: false, also: true },
        targeting: {
          fractional: [
            ['on', 5],
            ['off', 90],
            ['also', 5],
          ],
        },
      }),
      'f.json',
      { flag: 'new-checkout', percent: 5, onVariant: 'on' },
      /a fractional over "on", "off", "also" rather than exactly "on" and "off"/,
    ],
    [
      'weights that are expressions',
      booleanFlag({
        targeting: {
          fractional: [
            ['on', { '+': [1, 2] }],
            ['off', 95],
          ],
        },
      }),
      'f.json',
      { flag: 'new-checkout', percent: 5 },
      /weights are expressions/,
    ],
    [
      'a string flag without named variants',
      real,
      'flags.yaml',
      { flag: 'fibAlgo', percent: 25 },
      /^flags\.yaml:51:7: flag "fibAlgo" is not boolean \(variants: recursive, memo, loop, binet\).*--on-variant/,
    ],
    [
      'an unknown flag, listing the flags present',
      real,
      'flags.yaml',
      { flag: 'nope', percent: 25 },
      /^flags\.yaml:3:3: flag "nope" is not in this file; its flags: myBoolFlag, myStringFlag, myFloatFlag, myIntFlag, myObjectFlag, isColorYellow, fibAlgo, headerColor, targetedFlag$/,
    ],
    [
      'an unknown variant',
      real,
      'flags.yaml',
      { flag: 'myStringFlag', percent: 25, onVariant: 'key3', offVariant: 'key1' },
      /no variant "key3" \(given as its on variant\); its variants: key1, key2/,
    ],
    [
      'a boolean variant with the wrong value',
      booleanFlag(),
      'f.json',
      { flag: 'new-checkout', percent: 25, onVariant: 'off' },
      /variant "off" of boolean flag "new-checkout" is false, so it cannot be the on variant/,
    ],
    [
      'two variants valued true',
      booleanFlag({ variants: { on: true, yes: true, off: false } }),
      'f.json',
      { flag: 'new-checkout', percent: 25 },
      /has 2 variants valued true \(on, yes\); name the on variant/,
    ],
    [
      'the same variant for on and off',
      real,
      'flags.yaml',
      { flag: 'myStringFlag', off: true, onVariant: 'key1', offVariant: 'key1' },
      /the on and off variants are both "key1"/,
    ],
    [
      'targeting: null (flagd requires an object)',
      booleanFlag({ targeting: null }),
      'f.json',
      { flag: 'new-checkout', percent: 5 },
      /^f\.json: flagd rejects this file as it is \(\/flags\/new-checkout\/targeting must be object/,
    ],
    [
      'a file flagd rejects as it is',
      booleanFlag({ state: 'ON' }),
      'f.json',
      { flag: 'new-checkout', off: true },
      /^f\.json: flagd rejects this file as it is \(.*state must be equal to one of the allowed values.*\); fix it before Glidepath edits it$/,
    ],
    [
      'more than one YAML document',
      `${real}---\nflags: {}\n`,
      'flags.yaml',
      { flag: 'myBoolFlag', off: true },
      /^flags\.yaml:1:1: a flagd file holds one document; this one has 2$/,
    ],
    [
      'a percent outside 0..100',
      booleanFlag(),
      'f.json',
      { flag: 'new-checkout', percent: 101 },
      /percent: 101 is not a weight; use a whole percent from 0 to 100/,
    ],
  ])('%s', (_name, text, file, request, message) => {
    let caught: unknown;
    try {
      planSetFlag(text, file, request);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect((caught as Error).message).toMatch(message);
  });
});
