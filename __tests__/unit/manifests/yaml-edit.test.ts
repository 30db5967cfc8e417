import { describe, expect, it } from '@jest/globals';
import { applyEdits, parseManifestSource, positionOf } from '../../../src/manifests/yaml-edit.js';
import type { ScalarEdit, YamlPath } from '../../../src/manifests/yaml-edit.js';
import { ConfigurationError } from '../../../src/errors.js';

/** Applies one edit to `text` in document 0 (or `document`). */
function edit(text: string, path: YamlPath, value: ScalarEdit['value'], document = 0): string {
  return applyEdits(parseManifestSource(text, 'm.yaml'), [{ document, path, value }]);
}

describe('applyEdits: replacing a scalar keeps everything else', () => {
  it.each([
    ['plain', 'image: nginx:1.0 # pinned\n', 'nginx:2.0', 'image: nginx:2.0 # pinned\n'],
    ['double-quoted', 'image: "nginx:1.0"   # x\n', 'nginx:2.0', 'image: "nginx:2.0"   # x\n'],
    ['single-quoted', "image: 'nginx:1.0'\n", "it's", "image: 'it''s'\n"],
    ['plain that would read as a number', 'tag: v1\n', '1.10', 'tag: "1.10"\n'],
    ['plain that would read as a boolean', 'v: x\n', 'true', 'v: "true"\n'],
    ['plain that YAML 1.1 reads as a boolean', 'v: x\n', 'yes', 'v: "yes"\n'],
    ['plain that YAML 1.1 reads as octal', 'v: x\n', '0755', 'v: "0755"\n'],
    ['plain with ": "', 'v: x\n', 'a: b', 'v: "a: b"\n'],
    ['quoted number stays a string when given a string', 'w: "10"\n', '25', 'w: "25"\n'],
    ['number over a quoted string becomes a number', 'r: "1"\n', 3, 'r: 3\n'],
    ['boolean', 'on: false\n', true, 'on: true\n'],
    ['inside a flow mapping', 'm: {a: x, b: y}\n', 'p,q', 'm: {a: "p,q", b: y}\n'],
  ])('%s', (_name, input, value, expected) => {
    const path = Object.keys(parseManifestSource(input, 'm.yaml').documents[0]!.toJS() as object);
    const target: YamlPath = input.startsWith('m:') ? ['m', 'a'] : [path[0]!];
    expect(edit(input, target, value)).toBe(expected);
  });

  it('keeps CRLF line endings', () => {
    expect(edit('a: 1\r\nb: x\r\nc: 3\r\n', ['b'], 'z')).toBe('a: 1\r\nb: z\r\nc: 3\r\n');
  });

  it('keeps a missing final newline', () => {
    expect(edit('a: 1\nb: x', ['b'], 'z')).toBe('a: 1\nb: z');
  });

  it('keeps a byte order mark', () => {
    expect(edit('\uFEFFa: x\n', ['a'], 'z')).toBe('\uFEFFa: z\n');
  });

  it('edits the right document of a multi-document file', () => {
    const input = '# one\na: x\n---\n# two\na: x\n...\n---\na: x\n';
    expect(edit(input, ['a'], 'z', 1)).toBe('# one\na: x\n---\n# two\na: z\n...\n---\na: x\n');
  });

  it('returns the text unchanged when the value is already there', () => {
    const input = 'a: "1.10"\nb: 3\nc: plain\n';
    const source = parseManifestSource(input, 'm.yaml');
    const after = applyEdits(source, [
      { document: 0, path: ['a'], value: '1.10' },
      { document: 0, path: ['b'], value: 3 },
      { document: 0, path: ['c'], value: 'plain' },
    ]);
    expect(after).toBe(input);
  });

  it('edits an anchored scalar at its anchor and keeps the anchor', () => {
    expect(edit('a: &v x\nb: *v\n', ['a'], 'z')).toBe('a: &v z\nb: *v\n');
  });

  it('applies several edits in one pass', () => {
    const source = parseManifestSource('a: 1\nb:\n  c: x # c\n  d: [1, 2]\n', 'm.yaml');
    const after = applyEdits(source, [
      { document: 0, path: ['a'], value: 2 },
      { document: 0, path: ['b', 'c'], value: 'z' },
      { document: 0, path: ['b', 'd', 1], value: 5 },
    ]);
    expect(after).toBe('a: 2\nb:\n  c: z # c\n  d: [1, 5]\n');
  });
});

describe('applyEdits: JSON stays JSON', () => {
  const input = '{\n  "flags": {\n    "a": {\n      "state": "ENABLED",\n      "weight": 10\n    }\n  }\n}\n';

  it('replaces a string and a number', () => {
    const source = parseManifestSource(input, 'flags.json');
    const after = applyEdits(source, [
      { document: 0, path: ['flags', 'a', 'state'], value: 'DISABLED' },
      { document: 0, path: ['flags', 'a', 'weight'], value: 'plain-looking' },
    ]);
    expect(JSON.parse(after)).toEqual({ flags: { a: { state: 'DISABLED', weight: 'plain-looking' } } });
    expect(after).toBe(input.replace('ENABLED', 'DISABLED').replace('10', '"plain-looking"'));
  });

  it('inserts a key with double quotes and the siblings layout', () => {
    const after = edit(input, ['flags', 'a', 'defaultVariant'], 'off');
    expect(after).toBe(
      '{\n  "flags": {\n    "a": {\n      "state": "ENABLED",\n      "weight": 10,\n      "defaultVariant": "off"\n    }\n  }\n}\n',
    );
    expect(JSON.parse(after)).toBeTruthy();
  });

  it('inserts a missing parent object', () => {
    const after = edit('{"a": 1}', ['b', 'c'], true);
    expect(after).toBe('{"a": 1, "b": {"c": true}}');
  });

  it('inserts into an empty object', () => {
    expect(edit('{"a": {}}\n', ['a', 'b'], 1)).toBe('{"a": {"b": 1}}\n');
  });
});

describe('applyEdits: inserting missing keys', () => {
  it('adds a key after its siblings with their indentation', () => {
    const input = 'image:\n  repository: ghcr.io/acme/web # repo\n  tag: 1.0\nother: 1\n';
    expect(edit(input, ['image', 'digest'], 'sha256:ab')).toBe(
      'image:\n  repository: ghcr.io/acme/web # repo\n  tag: 1.0\n  digest: sha256:ab\nother: 1\n',
    );
  });

  it('creates a missing parent mapping', () => {
    expect(edit('a:\n    b: 1\n', ['a', 'c', 'd'], 'x')).toBe('a:\n    b: 1\n    c:\n      d: x\n');
  });

  it('fills an empty key', () => {
    expect(edit('spec:\n  values:\nnext: 1\n', ['spec', 'values', 'image', 'tag'], 'v2')).toBe(
      'spec:\n  values:\n    image:\n      tag: v2\nnext: 1\n',
    );
  });

  it('keeps CRLF and a missing final newline when inserting', () => {
    expect(edit('a:\r\n  b: 1', ['a', 'c'], 2)).toBe('a:\r\n  b: 1\r\n  c: 2');
  });

  it('inserts into a flow mapping', () => {
    expect(edit('m: {a: 1}\n', ['m', 'b'], 'x y')).toBe('m: {a: 1, b: x y}\n');
  });

  it('appends an item to a block list, and creates a list the way the file writes lists', () => {
    const input = 'resources:\n- a.yaml\nimages:\n- name: web\n  newTag: "1"\n';
    const appended = edit(input, ['images', 1, 'name'], 'api');
    expect(appended).toBe(`${input}- name: api\n`);
    expect(edit('resources:\n  - a.yaml\n', ['images', 0, 'name'], 'web')).toBe(
      'resources:\n  - a.yaml\nimages:\n  - name: web\n',
    );
    const source = parseManifestSource('resources:\n- a.yaml\n', 'k.yaml');
    expect(
      applyEdits(source, [
        { document: 0, path: ['images', 0, 'name'], value: 'web' },
        { document: 0, path: ['images', 0, 'digest'], value: 'sha256:ab' },
      ]),
    ).toBe('resources:\n- a.yaml\nimages:\n- name: web\n  digest: sha256:ab\n');
  });

  it('appends to a block list whose items are lists at the outer dash (a flagd fractional)', () => {
    let text = 'flags:\n  f:\n    state: ENABLED\n';
    for (const [path, value] of [
      [['flags', 'f', 'targeting', 'fractional', 0, 0], 'on'],
      [['flags', 'f', 'targeting', 'fractional', 0, 1], 25],
      [['flags', 'f', 'targeting', 'fractional', 1, 0], 'off'],
    ] as const) {
      text = applyEdits(parseManifestSource(text, 'f.yaml'), [{ document: 0, path, value }]);
    }
    expect(text).toBe(
      'flags:\n  f:\n    state: ENABLED\n    targeting:\n      fractional:\n      - - "on"\n        - 25\n      - - "off"\n',
    );
  });

  it('inserts into the right document after a block scalar', () => {
    const input = 'a: |\n  text\n---\nb:\n  c: |\n    more\n  d: 1\n';
    expect(edit(input, ['b', 'e'], 2, 1)).toBe('a: |\n  text\n---\nb:\n  c: |\n    more\n  d: 1\n  e: 2\n');
  });
});

describe('applyEdits: refusals name the place', () => {
  function refusal(text: string, path: YamlPath): string {
    try {
      edit(text, path, 'x');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a refusal');
  }

  it('refuses to edit through an alias', () => {
    expect(refusal('base: &b\n  image: x\nother: *b\n', ['other', 'image'])).toMatch(
      /^m\.yaml:3:8: other is the alias \*b/,
    );
  });

  it('refuses to edit an alias itself', () => {
    expect(refusal('a: &v 1\nb: *v\n', ['b'])).toMatch(/^m\.yaml:2:4: b is the alias \*v/);
  });

  it('refuses a key that a merge key may provide', () => {
    expect(refusal('base: &b {x: 1}\nd:\n  <<: *b\n', ['d', 'x'])).toMatch(/^m\.yaml:3:3: .*merge key/);
  });

  it('refuses a mapping where a scalar is wanted', () => {
    expect(refusal('a:\n  b: 1\n', ['a'])).toMatch(/^m\.yaml:2:3: a is a mapping/);
  });

  it('refuses a scalar where a mapping is needed', () => {
    expect(refusal('a: 1\n', ['a', 'b'])).toMatch(/^m\.yaml:1:4: a is a scalar/);
  });

  it('refuses an index beyond the end of a list', () => {
    expect(refusal('a: [1]\n', ['a', 3])).toMatch(/a has 1 items/);
  });

  it('refuses a block scalar', () => {
    expect(refusal('a: |\n  x\n', ['a'])).toMatch(/block scalar/);
  });

  it('reports YAML syntax errors with FILE:LINE:COL', () => {
    expect(() => parseManifestSource('a: 1\nb: [1\n', 'bad.yaml')).toThrow(/^bad\.yaml:\d+:\d+: /);
  });
});

describe('positionOf', () => {
  it('points at the node, or the deepest existing parent', () => {
    const source = parseManifestSource('a: 1\n---\nspec:\n  template:\n    x: 1\n', 'f.yaml');
    expect(positionOf(source, 1, ['spec', 'template', 'x'])).toBe('f.yaml:5:8');
    expect(positionOf(source, 1, ['spec', 'template', 'missing'])).toBe('f.yaml:5:5');
  });
});
