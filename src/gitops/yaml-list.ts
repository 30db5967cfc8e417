/**
 * The shape the GitOps repository's own lists share (`.glidepath/quarantine.yaml`'s `digests:`,
 * `overrides.yaml`'s `overrides:`): a YAML mapping holding one list under `key`. Reading is the same
 * for each — empty text or an empty list is no entries; anything else that is not that shape is a
 * ConfigurationError at FILE:LINE:COL — so it lives here once; each file then reads its entries.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { ConfigurationError } from '../errors.js';

/** The list's items, and where a node of the file is. */
export interface YamlList {
  items: unknown[];
  /** `FILE:LINE:COL` of `node` (1-based), for messages. */
  at(node: unknown): string;
  /** Line and column (1-based) of `node`. */
  position(node: unknown): { line: number; col: number };
}

/**
 * The list under `key` in `text` (`file` names it in errors); undefined when there are no entries.
 * `shape` completes "expected a mapping with …", e.g. "a `digests:` list".
 */
export function readYamlList(
  text: string | undefined,
  file: string,
  key: string,
  shape: string,
): YamlList | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const position = (node: unknown) => {
    const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
    return lines.linePos(range?.[0] ?? 0);
  };
  const at = (node: unknown): string => {
    const { line, col } = position(node);
    return `${file}:${line}:${col}`;
  };
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    throw new ConfigurationError(`invalid YAML: ${first.message.split('\n')[0]}`, `${file}:${line}:${col}`);
  }
  const root = doc.contents;
  if (root === null) return undefined;
  if (!isMap(root)) throw new ConfigurationError(`expected a mapping with ${shape}`, at(root));
  const list = root.get(key, true);
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return undefined;
  if (!isSeq(list)) throw new ConfigurationError(`${key}: expected a list of entries`, at(list));
  return { items: list.items, at, position };
}
