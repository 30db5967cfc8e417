/**
 * A YAML reader for the subset Kubernetes manifests are written in, so the demo world runs with
 * Node alone (no `yaml` package): block mappings and sequences (including kubectl's zero-indent
 * lists under a key and compact `- key: value` items), flow collections (`[a, b]`, `{k: v}`,
 * spanning lines too), plain, 'single' and "double" quoted scalars resolved by the YAML 1.2 core
 * schema (null, booleans, integers, floats), comments and `---` separated documents.
 *
 * Everything outside that subset (anchors and aliases, tags, block scalars `|` `>`, multi-line
 * plain or quoted scalars, complex `?` keys, merge keys) is refused with a YamlSubsetError naming
 * the line, never read as something else: the world must apply exactly what Git holds, or say it
 * cannot. Glidepath edits manifests by splicing single scalars (src/manifests/yaml-edit.ts), so a
 * file inside the subset stays inside it after every weight or image change.
 */

/** A file (or a construct in it) this reader does not handle; the message names FILE:LINE. */
export class YamlSubsetError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'YamlSubsetError';
  }
}

/**
 * @typedef {{ indent: number, text: string, line: number }} Line
 * One significant source line: its indentation, its text without indentation and comment, its
 * 1-based line number.
 */

/**
 * Parses every document of `text` into plain values (objects, arrays, strings, numbers,
 * booleans, null). An empty document is `null`, like `yaml`'s `toJS()`.
 * @param {string} text
 * @param {string} [file] for messages
 * @returns {unknown[]}
 */
export function parseYamlDocuments(text, file = '<yaml>') {
  return splitDocuments(text, file).map((lines) =>
    lines.length === 0 ? null : new BlockParser(lines, file).document(),
  );
}

/**
 * @param {string} text
 * @param {string} file
 * @returns {Line[][]}
 */
function splitDocuments(text, file) {
  /** @type {Line[][]} */
  const documents = [];
  /** @type {Line[]} */
  let current = [];
  let started = false;
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  raw.forEach((source, index) => {
    const line = index + 1;
    if (/^---(\s|$)/.test(source)) {
      if (stripComment(source.slice(3), file, line).trim() !== '') {
        throw new YamlSubsetError(
          `${file}:${line}: content after "---" is not supported; start it on the next line`,
        );
      }
      if (started || current.length > 0) documents.push(current);
      current = [];
      started = true;
      return;
    }
    if (/^\.\.\.(\s|$)/.test(source)) return;
    if (source.startsWith('%') && current.length === 0) return; // a %YAML / %TAG directive
    const body = stripComment(source, file, line).trimEnd();
    if (body.trim() === '') return;
    const indentation = /^[ \t]*/.exec(body)?.[0] ?? '';
    if (indentation.includes('\t')) {
      throw new YamlSubsetError(`${file}:${line}: tab in indentation; YAML indents with spaces`);
    }
    current.push({ indent: indentation.length, text: body.slice(indentation.length), line });
  });
  if (current.length > 0 || !started) documents.push(current);
  return documents;
}

/**
 * Removes a trailing comment: `#` at the start or after whitespace, outside quotes. A quote opens
 * a scalar only where a scalar can start (the line's start, after `- ` or `: `, after `[`, `{` or
 * `,` inside a flow collection), so the `'` of a plain `it's` is text.
 * @param {string} source
 * @param {string} file
 * @param {number} line
 */
function stripComment(source, file, line) {
  /** @type {string | undefined} */
  let quote;
  let scalarStart = true;
  let flowDepth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    const next = source[i + 1] ?? ' ';
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (quote === "'") {
      if (c === "'") quote = undefined; // '' (an escaped quote) closes and reopens
    } else if (c === '#' && (i === 0 || /\s/.test(source[i - 1] ?? ''))) {
      return source.slice(0, i);
    } else if (c === ' ' || c === '\t') {
      // whitespace keeps whether a scalar may start here
    } else if ((c === '"' || c === "'") && scalarStart) {
      quote = c;
      scalarStart = false;
    } else if ((c === '[' || c === '{') && scalarStart) {
      flowDepth++;
    } else if ((c === ']' || c === '}') && flowDepth > 0) {
      flowDepth--;
      scalarStart = false;
    } else if (c === ',' && flowDepth > 0) {
      scalarStart = true;
    } else if ((c === ':' || (c === '-' && scalarStart)) && /\s/.test(next)) {
      scalarStart = true;
    } else {
      scalarStart = false;
    }
  }
  if (quote) {
    throw new YamlSubsetError(
      `${file}:${line}: quoted scalar does not end on its line; multi-line quoted scalars are not supported`,
    );
  }
  return source;
}

const isSequenceItem = (/** @type {string} */ text) => text === '-' || text.startsWith('- ');

/** Block structure over significant lines; the parser never looks back. */
class BlockParser {
  /**
   * @param {Line[]} lines
   * @param {string} file
   */
  constructor(lines, file) {
    this.lines = lines;
    this.file = file;
    this.index = 0;
  }

  /** @returns {unknown} */
  document() {
    const value = this.node(this.lines[0].indent);
    const extra = this.lines[this.index];
    if (extra) this.fail(extra, 'unexpected indentation (multi-line plain scalars are not supported)');
    return value;
  }

  /**
   * @param {Line} line
   * @param {string} message
   * @returns {never}
   */
  fail(line, message) {
    throw new YamlSubsetError(`${this.file}:${line.line}: ${message}`);
  }

  /**
   * The block node starting at the current line, whose indentation is `indent`.
   * @param {number} indent
   * @returns {unknown}
   */
  node(indent) {
    const line = this.lines[this.index];
    if (isSequenceItem(line.text)) return this.sequence(indent);
    if (splitKey(line.text, this.file, line.line)) return this.mapping(indent);
    this.index++;
    return this.inline(line.text, line);
  }

  /**
   * @param {number} indent
   * @returns {unknown[]}
   */
  sequence(indent) {
    const items = [];
    for (let line = this.lines[this.index]; line && line.indent === indent && isSequenceItem(line.text);) {
      const rest = line.text.slice(1).replace(/^ +/, '');
      if (rest === '') {
        this.index++;
        const next = this.lines[this.index];
        items.push(next && next.indent > indent ? this.node(next.indent) : null);
      } else {
        // `- name: x` opens a mapping whose keys align with `name`: re-read the rest of the
        // line as a line of its own, indented to where it starts.
        const column = indent + line.text.length - rest.length;
        this.lines[this.index] = { indent: column, text: rest, line: line.line };
        items.push(this.node(column));
      }
      line = this.lines[this.index];
    }
    this.expectDedent(indent);
    return items;
  }

  /**
   * @param {number} indent
   * @returns {Record<string, unknown>}
   */
  mapping(indent) {
    /** @type {Record<string, unknown>} */
    const map = {};
    for (let line = this.lines[this.index]; line && line.indent === indent && !isSequenceItem(line.text);) {
      const split = splitKey(line.text, this.file, line.line);
      if (!split) this.fail(line, `expected "key: value", got "${line.text}"`);
      const { key, rest } = split;
      if (key === '<<') this.fail(line, 'merge keys (<<) are not supported');
      if (key === '__proto__') this.fail(line, 'the key "__proto__" is not supported');
      if (Object.hasOwn(map, key)) this.fail(line, `duplicate key "${key}"`);
      this.index++;
      if (rest === '') {
        const next = this.lines[this.index];
        if (next && next.indent > indent) map[key] = this.node(next.indent);
        // kubectl style: a list under a key at the key's own indentation.
        else if (next && next.indent === indent && isSequenceItem(next.text))
          map[key] = this.sequence(indent);
        else map[key] = null;
      } else {
        map[key] = this.inline(rest, line);
      }
      line = this.lines[this.index];
    }
    this.expectDedent(indent);
    return map;
  }

  /** @param {number} indent */
  expectDedent(indent) {
    const line = this.lines[this.index];
    if (line && line.indent > indent) {
      this.fail(line, 'unexpected indentation (multi-line plain scalars are not supported)');
    }
  }

  /**
   * A value written on one line (a flow collection may continue on the following lines).
   * @param {string} text
   * @param {Line} line
   * @returns {unknown}
   */
  inline(text, line) {
    const first = text[0];
    if (first === '&' || first === '*') this.fail(line, 'anchors and aliases are not supported');
    if (first === '!') this.fail(line, 'tags are not supported');
    if (first === '|' || first === '>') this.fail(line, 'block scalars (| and >) are not supported');
    if (first === '?') this.fail(line, 'complex keys (?) are not supported');
    let source = text;
    if (first === '[' || first === '{') {
      while (!flowBalanced(source)) {
        const next = this.lines[this.index];
        if (!next) this.fail(line, `flow collection ${first}… is not closed`);
        source += ` ${next.text}`;
        this.index++;
      }
    }
    const reader = new FlowReader(source, this.file, line.line);
    const value = reader.value(first === '[' || first === '{' ? 'flow' : 'block');
    reader.end();
    return value;
  }
}

/**
 * Splits `key: rest` (rest may be empty); undefined when the line is not a mapping entry.
 * @param {string} text
 * @param {string} file
 * @param {number} line
 * @returns {{ key: string, rest: string } | undefined}
 */
function splitKey(text, file, line) {
  const first = text[0];
  if (first === '[' || first === '{') return undefined;
  if (first === '"' || first === "'") {
    const reader = new FlowReader(text, file, line);
    const key = reader.quoted();
    const after = text.slice(reader.position);
    const match = /^ *:(?: +|$)/.exec(after);
    if (!match) return undefined;
    return { key, rest: after.slice(match[0].length) };
  }
  const match = /:(?: +|$)/.exec(text);
  if (!match) return undefined;
  return { key: text.slice(0, match.index).trimEnd(), rest: text.slice(match.index + match[0].length) };
}

/**
 * Whether every `[` and `{` outside quotes is closed.
 * @param {string} text
 */
function flowBalanced(text) {
  let depth = 0;
  /** @type {string | undefined} */
  let quote;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}

/** Reads scalars and flow collections from one logical line. */
class FlowReader {
  /**
   * @param {string} text
   * @param {string} file
   * @param {number} line
   */
  constructor(text, file, line) {
    this.text = text;
    this.file = file;
    this.line = line;
    this.position = 0;
  }

  /**
   * @param {string} message
   * @returns {never}
   */
  fail(message) {
    throw new YamlSubsetError(`${this.file}:${this.line}: ${message}`);
  }

  skipSpaces() {
    while (this.text[this.position] === ' ') this.position++;
  }

  /** Everything after the value must be blank. */
  end() {
    this.skipSpaces();
    if (this.position < this.text.length) {
      this.fail(`unexpected "${this.text.slice(this.position)}" after the value`);
    }
  }

  /**
   * A value: a flow collection, a quoted or a plain scalar. In `flow` context a plain scalar
   * ends at `,`, `]` or `}`; in `block` context it runs to the end of the line.
   * @param {'flow' | 'block'} context
   * @returns {unknown}
   */
  value(context) {
    this.skipSpaces();
    const c = this.text[this.position];
    if (c === '[') return this.flowSequence();
    if (c === '{') return this.flowMapping();
    if (c === '"' || c === "'") return this.quoted();
    if (c === '&' || c === '*' || c === '!') this.fail('anchors, aliases and tags are not supported');
    const start = this.position;
    if (context === 'flow') {
      while (this.position < this.text.length && !',]}'.includes(this.text[this.position] ?? '')) {
        if (this.text[this.position] === ':' && /[ ,\]}]|^$/.test(this.text[this.position + 1] ?? '')) break;
        this.position++;
      }
    } else {
      this.position = this.text.length;
    }
    const plain = this.text.slice(start, this.position).trim();
    if (context === 'block' && /: |:$/.test(plain))
      this.fail(`"${plain}": a mapping value is not allowed here`);
    return resolvePlain(plain);
  }

  /** @returns {unknown[]} */
  flowSequence() {
    this.position++; // [
    const items = [];
    for (;;) {
      this.skipSpaces();
      if (this.text[this.position] === ']') break;
      items.push(this.value('flow'));
      this.skipSpaces();
      const c = this.text[this.position];
      if (c === ',') this.position++;
      else if (c !== ']') this.fail(`expected "," or "]" in a flow sequence, got "${c ?? 'end of line'}"`);
    }
    this.position++;
    return items;
  }

  /** @returns {Record<string, unknown>} */
  flowMapping() {
    this.position++; // {
    /** @type {Record<string, unknown>} */
    const map = {};
    for (;;) {
      this.skipSpaces();
      if (this.text[this.position] === '}') break;
      const key = this.value('flow');
      if (key !== null && typeof key === 'object') this.fail('collection keys are not supported');
      const name = String(key);
      if (name === '__proto__' || Object.hasOwn(map, name))
        this.fail(`duplicate or unsupported key "${name}"`);
      this.skipSpaces();
      if (this.text[this.position] === ':') {
        this.position++;
        this.skipSpaces();
        const c = this.text[this.position];
        map[name] = c === ',' || c === '}' ? null : this.value('flow');
      } else {
        map[name] = null;
      }
      this.skipSpaces();
      const c = this.text[this.position];
      if (c === ',') this.position++;
      else if (c !== '}') this.fail(`expected "," or "}" in a flow mapping, got "${c ?? 'end of line'}"`);
    }
    this.position++;
    return map;
  }

  /** A 'single' or "double" quoted scalar starting at the current position. */
  quoted() {
    const quote = this.text[this.position];
    let out = '';
    let i = this.position + 1;
    while (i < this.text.length) {
      const c = this.text[i] ?? '';
      if (c === quote && quote === "'" && this.text[i + 1] === "'") {
        out += "'"; // '' is a quote inside a single-quoted scalar
        i += 2;
      } else if (c === quote) {
        this.position = i + 1;
        return out;
      } else if (c === '\\' && quote === '"') {
        const [text, length] = this.escape(i + 1);
        out += text;
        i += 1 + length;
      } else {
        out += c;
        i++;
      }
    }
    return this.fail('quoted scalar does not end on its line; multi-line quoted scalars are not supported');
  }

  /**
   * The double-quoted escape at `at` (just after the backslash): its text and how many characters
   * it spans.
   * @param {number} at
   * @returns {[string, number]}
   */
  escape(at) {
    const c = this.text[at] ?? '';
    /** @type {Record<string, string>} */
    const simple = {
      0: '\0',
      a: '\x07',
      b: '\b',
      t: '\t',
      '\t': '\t',
      n: '\n',
      v: '\v',
      f: '\f',
      r: '\r',
      e: '\x1b',
      ' ': ' ',
      '"': '"',
      '/': '/',
      '\\': '\\',
      N: '\x85',
      _: '\xa0',
      L: '\u2028',
      P: '\u2029',
    };
    if (Object.hasOwn(simple, c)) return [simple[c] ?? '', 1];
    const width = { x: 2, u: 4, U: 8 }[c];
    const hex = width ? this.text.slice(at + 1, at + 1 + width) : '';
    if (!width || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) this.fail(`bad escape "\\${c}"`);
    return [String.fromCodePoint(parseInt(hex, 16)), 1 + width];
  }
}

/**
 * The YAML 1.2 core schema for a plain scalar.
 * @param {string} text
 * @returns {null | boolean | number | string}
 */
function resolvePlain(text) {
  if (/^(?:~|null|Null|NULL|)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}
