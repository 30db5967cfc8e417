import { XMLParser } from 'fast-xml-parser';
import type { ParsedContent } from '../../src/evidence/formats/types.js';
import { XML_PARSER_OPTIONS } from '../../src/evidence/formats/xml-options.js';

/** XML text as the loader hands it to the formats: parsed with the shared options, root named. */
export function parseXml(text: string): Extract<ParsedContent, { syntax: 'xml' }> {
  const document = new XMLParser(XML_PARSER_OPTIONS).parse(text) as Record<string, unknown>;
  const root = Object.keys(document).find((key) => !/^[?#!]/.test(key));
  if (!root) throw new Error('test XML has no root element');
  return { syntax: 'xml', root, document };
}
