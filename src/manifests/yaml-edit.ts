/**
 * The byte-minimal YAML (and JSON) editing engine every manifest kind, traffic router and flag
 * file goes through.
 *
 * Why splice instead of `setIn` + `toString`: the `yaml` printer keeps comments but normalises
 * spacing before inline comments, flow-map padding and folded scalars, so a one-value change
 * becomes a noisy diff in someone's GitOps repository. Splicing the source text at the node's
 * range changes only the bytes of that scalar (environment.md §4).
 */
import {
  Alias,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parse,
  parseAllDocuments,
  Scalar,
} from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { ConfigurationError } from '../errors.js';

/** A path inside one YAML document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** One parsed manifest file (all its documents), kept with its source for exact edits. */
export interface ManifestSource {
  /** The file name, for messages. */
  file: string;
  /** The original text, byte for byte (CRLF, a leading BOM, final newline or not): ranges index into it. */
  text: string;
  /** Every document in the file (`---` separated), parsed with source ranges. */
  documents: Document.Parsed[];
  lineCounter: LineCounter;
}

/** Set the scalar at `path` in document `document` to `value`. */
export interface ScalarEdit {
  document: number;
  path: YamlPath;
  value: string | number | boolean;
}

/**
 * Parses `text`; a syntax error is a ConfigurationError `FILE:LINE:COL: <message>`. JSON files
 * parse too (JSON is YAML flow style), so flag files in JSON use the same engine.
 */
export function parseManifestSource(text: string, file: string): ManifestSource {
  const lineCounter = new LineCounter();
  // A leading BOM is kept in `text`: the parser skips it and its offsets count it, so ranges
  // still index into the original string and the BOM survives every splice.
  const documents = parseAllDocuments(text, { lineCounter, keepSourceTokens: false });
  const source: ManifestSource = { file, text, documents: [...documents], lineCounter };
  for (const document of source.documents) {
    const error = document.errors[0];
    if (error) {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new ConfigurationError(
        `${message}; fix the YAML syntax before Glidepath can edit the file`,
        positionAt(source, error.pos[0]),
      );
    }
  }
  return source;
}

/**
 * Applies edits so that only the bytes of the changed scalars change: an existing scalar is
 * spliced at its source range keeping its quote style; comments, key order, anchors/aliases, flow
 * style, `---` separators, CRLF and a missing final newline survive. A key that does not exist yet
 * is inserted next to its siblings with their indentation (and line ending). Returns the text
 * unchanged when every value is already present. Throws ConfigurationError with FILE:LINE:COL when
 * a path runs into an alias target, a non-mapping or a non-scalar.
 */
export function applyEdits(source: ManifestSource, edits: readonly ScalarEdit[]): string {
  let current = source;
  let pending = [...edits];
  // Replacements never move other nodes' offsets relative to each other, so they are planned
  // together against one parse. An insertion creates nodes later edits may walk into (a new
  // `images:` entry, then its `digest`), so after one the text is parsed again before going on.
  while (pending.length > 0) {
    const splices: Splice[] = [];
    let inserted = false;
    let consumed = 0;
    for (const edit of pending) {
      const splice = planEdit(current, edit);
      consumed += 1;
      if (!splice) continue;
      const sameRange = splices.findIndex((s) => s.start === splice.start && s.end === splice.end);
      if (sameRange >= 0 && !splice.insertion) splices.splice(sameRange, 1);
      splices.push(splice);
      if (splice.insertion) {
        inserted = true;
        break;
      }
    }
    if (splices.length === 0) return current.text;
    const text = spliceText(current.text, splices);
    const insertedEdit = inserted ? pending[consumed - 1] : undefined;
    pending = pending.slice(consumed);
    // Parsing again costs as much as the first parse: only after an insertion (to check it) or
    // when edits remain to be planned against the new text.
    if (!insertedEdit && pending.length === 0) return text;
    current = reparse(text, source.file, insertedEdit);
  }
  return current.text;
}

/** `FILE:LINE:COL` of the node at `path` (or of the deepest existing parent), for messages. */
export function positionOf(source: ManifestSource, document: number, path: YamlPath): string {
  return positionAt(source, offsetOf(source, document, path));
}

/** The 1-based line of the node at `path` (or of the deepest existing parent). */
export function lineOf(source: ManifestSource, document: number, path: YamlPath): number {
  return source.lineCounter.linePos(offsetOf(source, document, path)).line;
}

function offsetOf(source: ManifestSource, document: number, path: YamlPath): number {
  const doc = source.documents[document];
  if (!doc) return 0;
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0] ?? doc.range[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = findPair(node, segment);
      if (!pair) break;
      node = pair.value;
      offset = rangeOf(pair.value)?.[0] ?? rangeOf(pair.key)?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeOf(node)?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** `FILE:LINE:COL` of a source offset (1-based, the BOM not counted as a column). */
export function positionAt(source: ManifestSource, offset: number): string {
  const { line, col } = source.lineCounter.linePos(offset);
  const bomShift = line === 1 && source.text.startsWith('\uFEFF') && col > 1 ? 1 : 0;
  return `${source.file}:${line}:${col - bomShift}`;
}

/**
 * The value at `path` as plain data (strings, numbers, maps), or undefined when the path does
 * not exist. Aliases resolve to their anchors' values, for reading current state.
 */
export function readPath(source: ManifestSource, document: number, path: YamlPath): unknown {
  const doc = source.documents[document];
  if (!doc) return undefined;
  const node = path.length === 0 ? doc.contents : (doc.getIn(path, true) as unknown);
  if (node === undefined || node === null) return node ?? undefined;
  return isNode(node) ? node.toJS(doc) : node;
}

// ---------------------------------------------------------------------------------------------
// Planning one edit

interface Splice {
  start: number;
  end: number;
  text: string;
  /** True when new keys or items were added (the text must be parsed again before more edits). */
  insertion: boolean;
}

/** What the walk along a path found. */
type Located =
  | { kind: 'scalar'; node: Scalar.Parsed; inFlow: boolean }
  | { kind: 'missing'; parent: YAMLMap.Parsed | YAMLSeq.Parsed; rest: YamlPath }
  | { kind: 'empty'; pair: Pair<Node, Scalar.Parsed | null>; rest: YamlPath };

function planEdit(source: ManifestSource, edit: ScalarEdit): Splice | undefined {
  const doc = source.documents[edit.document];
  if (!doc) {
    throw new ConfigurationError(
      `there is no document ${edit.document + 1} (the file has ${source.documents.length}); check the file`,
      `${source.file}:1:1`,
    );
  }
  const json = isJsonDocument(doc);
  const located = locate(source, edit.document, edit.path);
  if (located.kind === 'scalar') {
    const { node, inFlow } = located;
    if (node.value === edit.value) return undefined;
    const [start, end] = node.range;
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      throw new ConfigurationError(
        `${describePath(edit.path)} is a block scalar (| or >); Glidepath rewrites only single-line scalars, so change it to a quoted or plain value first`,
        positionAt(source, start),
      );
    }
    return { start, end, text: renderScalar(edit.value, node.type, inFlow, json), insertion: false };
  }
  const eol = lineEnding(source.text);
  // New lists start empty, so only their first item can be created (an existing list may grow by
  // one item at its end, which `locate` already checked).
  if (located.rest.slice(1).some((segment) => typeof segment === 'number' && segment !== 0)) {
    throw refuseNewIndex(source, edit);
  }
  if (located.kind === 'empty' && typeof located.rest[0] === 'number' && located.rest[0] !== 0) {
    throw refuseNewIndex(source, edit);
  }
  if (located.kind === 'empty') return planFillEmpty(source, located.pair, located.rest, edit, eol);
  const { parent, rest } = located;
  if (parent.flow) return planFlowInsert(source, parent, rest, edit, json);
  return planBlockInsert(source, parent, rest, edit, eol);
}

/** Walks `path`, refusing aliases, merge keys and scalars in the way. */
function locate(source: ManifestSource, document: number, path: YamlPath): Located {
  const doc = source.documents[document]!;
  let node: unknown = doc.contents;
  let inFlow = false;
  for (let depth = 0; depth < path.length; depth += 1) {
    const segment = path[depth]!;
    const here = path.slice(0, depth);
    refuseAlias(source, node, here);
    if (isMap(node)) {
      inFlow ||= node.flow === true;
      const pair = findPair(node, segment);
      if (!pair) {
        const merge = node.items.find((item) => isScalar(item.key) && item.key.value === '<<');
        if (merge) {
          throw new ConfigurationError(
            `${describePath(path.slice(0, depth + 1))} is not written here and this mapping has a merge key (<<), so the value may come from an anchor; write the key explicitly or edit the anchored mapping`,
            positionAt(source, rangeOf(merge.key)?.[0] ?? 0),
          );
        }
        return { kind: 'missing', parent: node as YAMLMap.Parsed, rest: path.slice(depth) };
      }
      if (isEmptyScalar(pair.value) && depth < path.length - 1) {
        return { kind: 'empty', pair: pair as Pair<Node, Scalar.Parsed | null>, rest: path.slice(depth + 1) };
      }
      node = pair.value;
    } else if (isSeq(node)) {
      inFlow ||= node.flow === true;
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0) {
        throw new ConfigurationError(
          `${describePath(here)} is a list, so the next step of ${describePath(path)} must be an index, not ${JSON.stringify(segment)}`,
          positionOf(source, document, here),
        );
      }
      if (segment === node.items.length) {
        return { kind: 'missing', parent: node as YAMLSeq.Parsed, rest: path.slice(depth) };
      }
      if (segment > node.items.length) {
        throw new ConfigurationError(
          `${describePath(here)} has ${node.items.length} items, so index ${segment} of ${describePath(path)} does not exist; Glidepath appends at most one item`,
          positionOf(source, document, here),
        );
      }
      node = node.items[segment];
    } else {
      const what = node === null || node === undefined ? 'empty' : 'a scalar';
      throw new ConfigurationError(
        `${describePath(here)} is ${what}, not a mapping or list, so ${describePath(path)} cannot be set`,
        positionOf(source, document, here),
      );
    }
  }
  refuseAlias(source, node, path);
  if (!isScalar(node)) {
    throw new ConfigurationError(
      `${describePath(path)} is a ${isSeq(node) ? 'list' : 'mapping'}, not a single value; point the path at a scalar inside it`,
      positionOf(source, document, path),
    );
  }
  return { kind: 'scalar', node: node as Scalar.Parsed, inFlow };
}

function refuseAlias(source: ManifestSource, node: unknown, path: YamlPath): void {
  if (!isAlias(node)) return;
  const alias = node as Alias.Parsed;
  throw new ConfigurationError(
    `${describePath(path)} is the alias *${alias.source}, so editing it here would change every place that uses the anchor &${alias.source}; edit the anchored value instead, or replace the alias with its own value`,
    positionAt(source, alias.range[0]),
  );
}

function findPair(map: YAMLMap, segment: string | number): Pair | undefined {
  const wanted = String(segment);
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === wanted);
}

function isEmptyScalar(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null && (node.source ?? '') === '');
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null)?.range ?? undefined;
}

/** A document whose root is a flow collection is treated as JSON: double quotes everywhere. */
function isJsonDocument(doc: Document.Parsed): boolean {
  return isCollection(doc.contents) && doc.contents.flow === true;
}

function describePath(path: YamlPath): string {
  if (path.length === 0) return 'the document root';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`,
    )
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Insertion

const INDENT_STEP = 2;

/** A key under a block mapping: a new line after the last pair, at the first key's column. */
function planBlockInsert(
  source: ManifestSource,
  parent: YAMLMap.Parsed | YAMLSeq.Parsed,
  rest: YamlPath,
  edit: ScalarEdit,
  eol: string,
): Splice {
  const { text } = source;
  const last = parent.items[parent.items.length - 1];
  const first = parent.items[0];
  if (!first || !last) {
    // A parsed block collection always has an item; an empty one is written `{}` or `[]` (flow).
    throw new Error('block collection without items');
  }
  let column: number;
  let lines: string[];
  if (isSeq(parent)) {
    // A block sequence's range starts at its first `-`. The first item's own start is no guide: when
    // that item is itself a sequence (`- - "on"`), the dash before it is the inner one.
    const dash = dashBefore(text, parent.range[0]);
    column = columnAt(text, dash);
    lines = blockLines(rest, edit, source);
  } else {
    column = columnAt(text, rangeOf((first as Pair).key)?.[0] ?? parent.range[0]);
    lines = blockLines(rest, edit, source);
  }
  const lastEnd = itemEnd(last);
  const at = lineEndAfter(text, lastEnd);
  const indent = ' '.repeat(column);
  return {
    start: at,
    end: at,
    text: lines.map((line) => `${eol}${indent}${line}`).join(''),
    insertion: true,
  };
}

/** `key:` with no value becomes the parent of the new keys, on the lines after it. */
function planFillEmpty(
  source: ManifestSource,
  pair: Pair<Node, Scalar.Parsed | null>,
  rest: YamlPath,
  edit: ScalarEdit,
  eol: string,
): Splice {
  const { text } = source;
  const keyStart = rangeOf(pair.key)?.[0] ?? 0;
  const keyColumn = columnAt(text, keyStart);
  const inFlowParent = (() => {
    // `{image: }` inside a flow mapping: write a flow value in place instead of new lines.
    const lineStart = text.lastIndexOf('\n', keyStart) + 1;
    return /[{[,]\s*$/.test(text.slice(lineStart, keyStart)) || isJsonDocumentText(text);
  })();
  const valueStart = rangeOf(pair.value)?.[0] ?? rangeOf(pair.key)?.[1] ?? keyStart;
  if (inFlowParent) {
    const json = isJsonDocumentText(text);
    return { start: valueStart, end: valueStart, text: ` ${flowValue(rest, edit, json)}`, insertion: true };
  }
  const at = lineEndAfter(text, valueStart);
  const offset = typeof rest[0] === 'number' ? sequenceIndent(source) : INDENT_STEP;
  const indent = ' '.repeat(keyColumn + offset);
  const lines = blockLines(rest, edit, source);
  return {
    start: at,
    end: at,
    text: lines.map((line) => `${eol}${indent}${line}`).join(''),
    insertion: true,
  };
}

/** A pair (or item) inside a flow collection: after the last one, with the same separator. */
function planFlowInsert(
  source: ManifestSource,
  parent: YAMLMap.Parsed | YAMLSeq.Parsed,
  rest: YamlPath,
  edit: ScalarEdit,
  json: boolean,
): Splice {
  const { text } = source;
  const items = parent.items as unknown[];
  const entry = isSeq(parent)
    ? flowValue(rest.slice(1), edit, json)
    : `${renderKey(String(rest[0]), true, json || quotedKeys(parent))}: ${flowValue(rest.slice(1), edit, json)}`;
  const open = parent.range[0] + 1;
  if (items.length === 0) return { start: open, end: open, text: entry, insertion: true };
  const last = items[items.length - 1];
  const lastEnd = itemEnd(last);
  let separator = ', ';
  if (items.length >= 2) {
    const between = text.slice(itemEnd(items[items.length - 2]), itemStart(items[items.length - 1]));
    if (/^\s*,\s*$/.test(between)) separator = between.replace(/^\s*/, '');
  } else {
    const before = text.slice(open, itemStart(last));
    if (/^\s*$/.test(before) && before.includes('\n')) separator = `,${before}`;
  }
  return { start: lastEnd, end: lastEnd, text: `${separator}${entry}`, insertion: true };
}

function quotedKeys(map: YAMLMap): boolean {
  return map.items.some((pair) => isScalar(pair.key) && pair.key.type === Scalar.QUOTE_DOUBLE);
}

function isJsonDocumentText(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** The lines of a new block structure for `rest`, relative to the parent's indentation. */
function blockLines(rest: YamlPath, edit: ScalarEdit, source: ManifestSource): string[] {
  const [head, ...tail] = rest;
  if (head === undefined) throw new Error('empty insertion path');
  if (typeof head === 'number') {
    if (tail.length === 0) return [`- ${renderScalar(edit.value, Scalar.PLAIN, false, false)}`];
    const inner = blockLines(tail, edit, source);
    return [`- ${inner[0]!}`, ...inner.slice(1).map((line) => `  ${line}`)];
  }
  const key = renderKey(head, false, false);
  if (tail.length === 0) return [`${key}: ${renderScalar(edit.value, Scalar.PLAIN, false, false)}`];
  const pad = ' '.repeat(typeof tail[0] === 'number' ? sequenceIndent(source) : INDENT_STEP);
  return [`${key}:`, ...blockLines(tail, edit, source).map((line) => `${pad}${line}`)];
}

/** The value for `rest` written in flow style: `v`, `{k: v}`, `[v]`. */
function flowValue(rest: YamlPath, edit: ScalarEdit, json: boolean): string {
  const [head, ...tail] = rest;
  if (head === undefined) return renderScalar(edit.value, Scalar.PLAIN, true, json);
  if (typeof head === 'number') return `[${flowValue(tail, edit, json)}]`;
  return `{${renderKey(head, true, json)}: ${flowValue(tail, edit, json)}}`;
}

function refuseNewIndex(source: ManifestSource, edit: ScalarEdit): ConfigurationError {
  return new ConfigurationError(
    `${describePath(edit.path)} asks for an item of a list that does not exist yet; a new list starts at index 0`,
    positionOf(source, edit.document, edit.path),
  );
}

/**
 * How far block sequences under a key are indented in this file (0 for `key:\n- a`, 2 for
 * `key:\n  - a`), so a new list looks like its neighbours. Kubernetes tools write 0, Helm
 * charts usually 2; the file's own first list decides.
 */
function sequenceIndent(source: ManifestSource): number {
  const match = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)- /m.exec(source.text);
  if (!match) return 0;
  return Math.max(0, match[2]!.length - match[1]!.length);
}

function itemStart(item: unknown): number {
  const key = (item as Pair | undefined)?.key;
  return rangeOf(key)?.[0] ?? rangeOf(item)?.[0] ?? 0;
}

/** Where an item's value ends (before any trailing line break a block collection's range includes). */
function itemEnd(item: unknown): number {
  const pair = item as Pair;
  const node = pair && typeof pair === 'object' && 'key' in pair ? (pair.value ?? pair.key) : item;
  const range = rangeOf(node);
  if (!range) throw new Error('node without a source range');
  return range[1];
}

/** The offset of the line break ending the line that contains `offset - 1` (or the text end). */
function lineEndAfter(text: string, offset: number): number {
  let at = offset;
  // Block collections and block scalars end after their final line break: step back onto it.
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at -= 1;
  const newline = text.indexOf('\n', at);
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function dashBefore(text: string, offset: number): number {
  const dash = text.lastIndexOf('-', offset);
  return dash < 0 ? offset : dash;
}

function columnAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const bom = lineStart === 0 && text.startsWith('\uFEFF') ? 1 : 0;
  return offset - lineStart - bom;
}

/** The file's line ending, from its first line break; a file with none gets `\n`. */
function lineEnding(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

// ---------------------------------------------------------------------------------------------
// Rendering scalars

/**
 * The source text for `value`, quoted like the scalar it replaces. A string that would be read
 * back as something else when plain ("1.10", "true", "0755", "yes") is quoted. YAML 1.1 is
 * checked as well as 1.2: Kubernetes reads manifests with go-yaml, which follows 1.1, so "yes"
 * there is a boolean.
 */
export function renderScalar(
  value: string | number | boolean,
  type: Scalar.Type | undefined,
  inFlow: boolean,
  json: boolean,
): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ConfigurationError(`${value} cannot be written to YAML or JSON; give a finite number`);
    }
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (json || type === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  if (type === Scalar.QUOTE_SINGLE) {
    return NEEDS_ESCAPE.test(value) ? doubleQuoted(value) : `'${value.replaceAll("'", "''")}'`;
  }
  return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
}

function renderKey(key: string, inFlow: boolean, double: boolean): string {
  if (double) return doubleQuoted(key);
  return isPlainSafe(key, inFlow) ? key : doubleQuoted(key);
}

/**
 * JSON string syntax is YAML double-quoted syntax (YAML 1.2 is a superset of JSON), except that
 * YAML wants DEL and the C1 controls escaped too, which JSON leaves raw.
 */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Control characters are exactly what this must find: they cannot appear unescaped in a scalar.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const plainCache = new Map<string, boolean>();

/** Whether `value` written without quotes reads back as the same string in YAML 1.1 and 1.2. */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  const cacheKey = `${inFlow ? 'f' : 'b'}${value}`;
  const cached = plainCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const safe = checkPlain(value, inFlow);
  if (plainCache.size > 10_000) plainCache.clear();
  plainCache.set(cacheKey, safe);
  return safe;
}

function checkPlain(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || NEEDS_ESCAPE.test(value)) return false;
  if (/^(?:---|\.\.\.)/.test(value)) return false;
  const first = value[0]!;
  if ('-?:'.includes(first)) {
    const next = value[1];
    if (next === undefined || /[\s,[\]{}]/.test(next)) return false;
  } else if (',[]{}#&*!|>\'"%@`'.includes(first)) {
    return false;
  }
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  try {
    // logLevel 'error': throw on errors (caught below) but print no warnings.
    return (
      parse(value, { logLevel: 'error' }) === value &&
      parse(value, { version: '1.1', logLevel: 'error' }) === value
    );
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Applying

function spliceText(text: string, splices: readonly Splice[]): string {
  // Later offsets first, so earlier ones stay valid; equal offsets keep their planned order.
  const ordered = splices
    .map((splice, order) => ({ splice, order }))
    .sort((a, b) => b.splice.start - a.splice.start || b.order - a.order);
  let result = text;
  for (const { splice } of ordered) {
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  }
  return result;
}

/**
 * Parses the edited text again. After an insertion the new structure is also read back: an
 * indentation guess that made the YAML mean something else is a bug to report, never a file to
 * write.
 */
function reparse(text: string, file: string, inserted: ScalarEdit | undefined): ManifestSource {
  let source: ManifestSource;
  try {
    source = parseManifestSource(text, file);
  } catch (error) {
    throw new Error(`inserting a key into ${file} produced invalid YAML (a bug in Glidepath)`, {
      cause: error,
    });
  }
  if (inserted) {
    const node = source.documents[inserted.document]?.getIn(inserted.path, true);
    if (!isScalar(node) || node.value !== inserted.value) {
      throw new Error(
        `inserting ${describePath(inserted.path)} into ${file} did not read back as ${JSON.stringify(inserted.value)} (a bug in Glidepath)`,
      );
    }
  }
  return source;
}
