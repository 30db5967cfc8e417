import type { EvidenceDocument, EvidenceFormatName } from '../types.js';

/**
 * A file's content after the loader parsed its syntax once. Formats are recognised by content, never
 * by file name: every format looks at the same parsed value.
 */
export type ParsedContent =
  /** A JSON document (or one line of a JSON-lines file). */
  | { syntax: 'json'; value: unknown }
  /**
   * An XML document parsed by fast-xml-parser with attributes as `@_name` and every element as an
   * array (`{ testsuites: [ { '@_tests': '3', testsuite: [ … ] } ] }`). `root` is the root element name.
   */
  | { syntax: 'xml'; root: string; document: Record<string, unknown> };

/** One evidence format: a plugin of the evidence family (STYLE.md 3). */
export interface EvidenceFormat {
  readonly name: EvidenceFormatName;
  /** Cheap structural test: does this content claim to be this format? Never throws. */
  recognises(content: ParsedContent): boolean;
  /**
   * Reads a recognised document. Throws EvidenceFormatError naming `file`, the field and what is
   * wrong when the content claims the format but breaks it (a field of the wrong type).
   */
  parse(content: ParsedContent, file: string): EvidenceDocument;
}
