/**
 * The policy reference in README.md is rendered from the JSON Schema, so the docs cannot drift from
 * what the loader accepts: descriptions, defaults and allowed values all come from one file.
 */

/** The parts of a JSON Schema (draft 2020-12) node the reference reads. */
export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | readonly string[];
  enum?: readonly unknown[];
  default?: unknown;
  properties?: Readonly<Record<string, SchemaNode>>;
  items?: SchemaNode;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  examples?: readonly unknown[];
  [keyword: string]: unknown;
}

/** Markers in README.md between which the rendered reference lives. */
export const REFERENCE_START = '<!-- policy-reference:start -->';
export const REFERENCE_END = '<!-- policy-reference:end -->';

/**
 * Markdown for the policy schema: one table for the top-level keys, then one per section (an
 * object-valued top-level key) listing every key beneath it with type, default, allowed values
 * and description. `headingLevel` is the level of the per-section headings.
 */
export function renderPolicyReference(schema: SchemaNode, options: { headingLevel?: number } = {}): string {
  const hashes = '#'.repeat(options.headingLevel ?? 3);
  const entries = Object.entries(schema.properties ?? {});
  const scalars = entries.filter(([, node]) => typeOf(node) !== 'object');
  const sections = entries.filter(([, node]) => typeOf(node) === 'object');

  const parts = [
    '<!-- Generated from schema/glidepath.schema.json by src/config/policy-reference.ts; do not edit by hand.',
    '     Regenerate: UPDATE_POLICY_REFERENCE=1 npm test -- __tests__/unit/config/policy-reference.test.ts -->',
  ];
  if (scalars.length > 0) {
    parts.push('', `${hashes} Top level`, '');
    if (schema.description) parts.push(schema.description, '');
    parts.push(...table(scalars.flatMap(([key, node]) => rows(key, node))));
  }
  for (const [key, node] of sections) {
    parts.push('', `${hashes} \`${key}\``, '');
    if (node.description) parts.push(node.description, '');
    parts.push(
      ...table(Object.entries(node.properties ?? {}).flatMap(([child, sub]) => rows(`${key}.${child}`, sub))),
    );
  }
  return parts.join('\n');
}

/**
 * `readme` with the text between the reference markers replaced by `reference`. Throws when the
 * markers are missing or out of order, so a mangled README is noticed rather than appended to.
 */
export function replaceReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md must contain ${REFERENCE_START} followed by ${REFERENCE_END}`);
  }
  return `${readme.slice(0, start + REFERENCE_START.length)}\n${reference}\n${readme.slice(end)}`;
}

/** The text currently between the reference markers (without the newlines around it). */
export function currentReference(readme: string): string | undefined {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) return undefined;
  return readme
    .slice(start + REFERENCE_START.length, end)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
}

function table(body: string[]): string[] {
  return [
    '| Key | Type | Default | Allowed values | Description |',
    '| --- | --- | --- | --- | --- |',
    ...body,
  ];
}

/** The row for `path` and, for an object, rows for every key beneath it. */
function rows(path: string, node: SchemaNode): string[] {
  const row = [`\`${path}\``, typeOf(node), defaultOf(node), allowedOf(node), node.description ?? ''];
  const own = `| ${row.map(cell).join(' | ')} |`;
  // A list of objects (guardrails, targets, notify destinations) documents the keys of its items.
  const children = [
    ...Object.entries(node.properties ?? {}).flatMap(([key, sub]) => rows(`${path}.${key}`, sub)),
    ...Object.entries(node.items?.properties ?? {}).flatMap(([key, sub]) => rows(`${path}[].${key}`, sub)),
  ];
  return [own, ...children];
}

function typeOf(node: SchemaNode): string {
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'any'}`;
  if (Array.isArray(node.type)) return node.type.join(' or ');
  if (typeof node.type === 'string') return node.type;
  // An enum without a type takes the type of its values ("tests", "scan" → string).
  const first = node.enum?.[0];
  return first === undefined ? 'any' : typeof first;
}

function defaultOf(node: SchemaNode): string {
  // Objects default to {} only so that the defaults of their keys apply; that is not worth a cell.
  if (node.default === undefined || typeOf(node) === 'object') return '—';
  return code(typeof node.default === 'string' ? node.default : JSON.stringify(node.default));
}

function allowedOf(node: SchemaNode): string {
  const values = node.enum ?? node.items?.enum;
  if (values) return values.map((value) => code(String(value))).join(', ');
  if (node.type === 'boolean') return `${code('true')}, ${code('false')}`;
  if (node.minimum !== undefined && node.maximum !== undefined) return `${node.minimum} to ${node.maximum}`;
  if (node.minimum !== undefined) return `≥ ${node.minimum}`;
  if (node.maximum !== undefined) return `≤ ${node.maximum}`;
  const examples = (node.examples ?? []).filter((example) => typeof example === 'string').map(code);
  const shape = node.format === 'uri' ? 'absolute URI' : node.minLength ? 'non-empty' : '';
  if (examples.length > 0) return [shape, `e.g. ${examples.join(', ')}`].filter(Boolean).join(', ');
  return shape || '—';
}

function code(text: string): string {
  return `\`${text}\``;
}

/** A table cell: pipes would end the cell and newlines the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
