/**
 * Property: an edit changes only the bytes of its target. Random YAML documents (block and flow
 * collections, plain/single/double quotes, comments, anchors and aliases, several documents, LF or
 * CRLF, with or without a BOM and a final newline) get one scalar set to a random value; every byte
 * outside the scalar's source range must be unchanged, and the result must read back as the
 * original data with only that value changed.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Document } from 'yaml';
import { applyEdits, parseManifestSource } from '../../../src/manifests/yaml-edit.js';
import type { YamlPath } from '../../../src/manifests/yaml-edit.js';

type Value = string | number | boolean;
type Tree =
  | { t: 'scalar'; value: Value; style: 0 | 1 | 2; anchor: boolean; comment: boolean }
  | { t: 'alias'; pick: number }
  | { t: 'map'; flow: boolean; items: Tree[]; comments: boolean[]; quotedKeys: boolean }
  | { t: 'seq'; flow: boolean; items: Tree[] };

const TRICKY = [
  '1.10',
  'true',
  'yes',
  'null',
  '~',
  '0755',
  'a: b',
  '#x',
  '- x',
  '[x]',
  'x,y',
  '@x',
  '*x',
  "it's",
  '"q"',
  'tab\there',
  'line\nbreak',
  ' lead',
  'trail ',
  'ä ü 日本',
  ':',
  '-',
  'y',
  'NO',
  '0x1F',
  '1e3',
  '.inf',
  '2024-01-01',
];
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
  fc.stringMatching(/^[a-z][a-z0-9./:@-]{0,12}$/),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constantFrom(...TRICKY),
);

const { tree } = fc.letrec<{ tree: Tree; scalar: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('scalar'),
    tie('scalar'),
    tie('map'),
    tie('seq'),
  ),
  scalar: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('scalar' as const),
        value,
        style: fc.constantFrom(0 as const, 1 as const, 2 as const),
        anchor: fc.boolean(),
        comment: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('alias' as const), pick: fc.nat() }) },
  ),
  map: fc.record({
    t: fc.constant('map' as const),
    flow: fc.boolean(),
    items: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
    comments: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    quotedKeys: fc.boolean(),
  }),
  seq: fc.record({
    t: fc.constant('seq' as const),
    flow: fc.boolean(),
    items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
  }),
}));

/** Renders a tree as YAML; `anchors` counts the anchors written so far, for aliases to use. */
class Renderer {
  anchors = 0;
  constructor(private readonly eol: string) {}

  scalar(node: Tree & { t: 'scalar' | 'alias' }, inFlow: boolean): string {
    if (node.t === 'alias') return this.anchors === 0 ? 'x' : `*a${node.pick % this.anchors}`;
    const anchor = node.anchor ? `&a${this.anchors++} ` : '';
    return anchor + this.text(node.value, node.style, inFlow);
  }

  text(v: Value, style: 0 | 1 | 2, inFlow: boolean): string {
    if (typeof v !== 'string') return String(v);
    const plainOk = /^[a-zA-Z][a-zA-Z0-9._/-]*$/.test(v) && !(inFlow && /[,[\]{}]/.test(v));
    if (style === 0 && plainOk) return v;
    // eslint-disable-next-line no-control-regex -- control characters cannot be single-quoted
    if (style === 1 && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(v))
      return `'${v.replaceAll("'", "''")}'`;
    return JSON.stringify(v);
  }

  flow(node: Tree): string {
    if (node.t === 'scalar' || node.t === 'alias') return this.scalar(node, true);
    if (node.t === 'seq') return `[${node.items.map((item) => this.flow(item)).join(', ')}]`;
    return `{${node.items.map((item, i) => `${this.key(i, node.quotedKeys)}: ${this.flow(item)}`).join(', ')}}`;
  }

  key(index: number, quoted: boolean): string {
    return quoted ? `"k${index}"` : `k${index}`;
  }

  /** The text after `key:` or `-`: a scalar or flow collection on the same line, or a block below. */
  value(node: Tree, indent: string): string {
    if (node.t === 'scalar' || node.t === 'alias') {
      const comment = node.t === 'scalar' && node.comment ? '  # note' : '';
      return ` ${this.scalar(node, false)}${comment}`;
    }
    if (node.flow) return ` ${this.flow(node)}`;
    return this.eol + this.block(node, `${indent}  `);
  }

  block(node: Tree & { t: 'map' | 'seq' }, indent: string): string {
    if (node.flow) return indent + this.flow(node);
    const lines = node.items.map((item, i) => {
      if (node.t === 'seq') return `${indent}-${this.value(item, indent)}`;
      const comment = node.comments[i] ? `${indent}# about k${i}${this.eol}` : '';
      return `${comment}${indent}${this.key(i, node.quotedKeys)}:${this.value(item, indent)}`;
    });
    return lines.join(this.eol);
  }
}

const file = fc.record({
  documents: fc.array(tree, { minLength: 1, maxLength: 3 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  pick: fc.nat(),
  newValue: value,
});

function render(documents: Tree[], crlf: boolean, bom: boolean, finalNewline: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  const body = documents
    .map((doc) => {
      const renderer = new Renderer(eol);
      // A document root is a block mapping, as manifests are; its values are any tree.
      const root: Tree =
        doc.t === 'map' ? doc : { t: 'map', flow: false, items: [doc], comments: [true], quotedKeys: false };
      return `# document${eol}${renderer.block(root as Tree & { t: 'map' }, '')}`;
    })
    .join(`${eol}---${eol}`);
  return (bom ? '\uFEFF' : '') + body + (finalNewline ? eol : '');
}

/** Paths of every scalar value (not keys, not aliases) and of every mapping, in document order. */
function targets(doc: Document.Parsed): { scalars: YamlPath[]; maps: YamlPath[] } {
  const scalars: YamlPath[] = [];
  const maps: YamlPath[] = [];
  const walk = (node: unknown, path: YamlPath): void => {
    if (isAlias(node)) return;
    if (isScalar(node)) scalars.push(path);
    else if (isMap(node)) {
      maps.push(path);
      for (const pair of node.items)
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return { scalars, maps };
}

describe('applyEdits property: only the target bytes change', () => {
  it('replacing a scalar changes only its source range', () => {
    fc.assert(
      fc.property(file, ({ documents, crlf, bom, finalNewline, pick, newValue }) => {
        const text = render(documents, crlf, bom, finalNewline);
        const source = parseManifestSource(text, 'p.yaml');
        const all = source.documents.flatMap((doc, index) =>
          targets(doc).scalars.map((path) => ({ index, path })),
        );
        fc.pre(all.length > 0);
        const { index, path } = all[pick % all.length]!;
        const node = source.documents[index]!.getIn(path, true) as Scalar.Parsed;
        const after = applyEdits(source, [{ document: index, path, value: newValue }]);
        const [start, end] = node.range;
        // Every byte before and after the scalar is the original's.
        expect(after.slice(0, start)).toBe(text.slice(0, start));
        expect(after.slice(after.length - (text.length - end))).toBe(text.slice(end));
        // And the result means the original with only this value changed (aliases of it follow).
        const expected = source.documents.map((doc) => doc.clone());
        (expected[index]!.getIn(path, true) as Scalar).value = newValue;
        const reread = parseManifestSource(after, 'p.yaml');
        expect(reread.documents.map((doc) => doc.toJS())).toEqual(expected.map((doc) => doc.toJS()));
        if (node.value === newValue) expect(after).toBe(text);
      }),
      { numRuns: Number(process.env.GLIDEPATH_PROPERTY_RUNS ?? 400) },
    );
  });

  it('inserting a key only adds bytes, at one place', () => {
    fc.assert(
      fc.property(file, ({ documents, crlf, bom, finalNewline, pick, newValue }) => {
        const text = render(documents, crlf, bom, finalNewline);
        const source = parseManifestSource(text, 'p.yaml');
        const all = source.documents.flatMap((doc, index) =>
          targets(doc).maps.map((path) => ({ index, path })),
        );
        const { index, path } = all[pick % all.length]!;
        const newPath = [...path, 'added', 'leaf'];
        const after = applyEdits(source, [{ document: index, path: newPath, value: newValue }]);
        let prefix = 0;
        while (prefix < text.length && text[prefix] === after[prefix]) prefix += 1;
        const rest = text.slice(prefix);
        expect(after.endsWith(rest)).toBe(true);
        const reread = parseManifestSource(after, 'p.yaml');
        expect(reread.documents[index]!.getIn(newPath)).toEqual(newValue);
        const expected = source.documents.map((doc) => doc.clone());
        expected[index]!.setIn(newPath, newValue);
        expect(reread.documents.map((doc) => doc.toJS())).toEqual(expected.map((doc) => doc.toJS()));
        if (crlf) expect(after.replaceAll('\r\n', '')).not.toContain('\n');
      }),
      { numRuns: Number(process.env.GLIDEPATH_PROPERTY_RUNS ?? 300) },
    );
  });
});
