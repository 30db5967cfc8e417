import { readFileSync } from 'node:fs';
import { isScalar, parseAllDocuments } from 'yaml';
import type { ScalarEdit } from '../../../../src/manifests/yaml-edit.js';

/** A fixture under `__tests__/fixtures/traffic/`, as text. */
export function fixture(relative: string): string {
  return readFileSync(new URL(`../../../fixtures/traffic/${relative}`, import.meta.url), 'utf8');
}

/**
 * `text` with the source bytes of every scalar `edits` address replaced by a marker. Two texts
 * whose masks are equal differ only inside those scalars: the proof that an edit touched nothing
 * else (comments, quotes, spacing, line endings). Parsed with `yaml` directly, independently of
 * the edit engine under test.
 */
export function maskEdited(text: string, edits: readonly ScalarEdit[]): string {
  const documents = parseAllDocuments(text);
  const ranges = edits.map((edit) => {
    const node = documents[edit.document]?.getIn(edit.path, true);
    if (!isScalar(node) || !node.range) {
      throw new Error(`no scalar at ${edit.path.join('.')} in document ${edit.document}`);
    }
    return [node.range[0], node.range[1]] as const;
  });
  const unique = [...new Map(ranges.map((range) => [range[0], range])).values()].sort((a, b) => b[0] - a[0]);
  let masked = text;
  for (const [start, end] of unique) masked = `${masked.slice(0, start)}⟦⟧${masked.slice(end)}`;
  return masked;
}

/** Every comment in `text` (from `#` to the end of the line). */
export function comments(text: string): string[] {
  return text.match(/(?:^|(?<=\s))#[^\r\n]*/gm) ?? [];
}

/** `text` with LF line endings turned into CRLF. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
