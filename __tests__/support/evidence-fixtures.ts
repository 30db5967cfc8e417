import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvidenceFormat, ParsedContent } from '../../src/evidence/formats/types.js';
import type { EvidenceDocument } from '../../src/evidence/types.js';
import { parseXml } from './parse-xml.js';

const ROOT = fileURLToPath(new URL('../fixtures/evidence/', import.meta.url));

/** Raw text of a copied real fixture, by its path under __tests__/fixtures/evidence/. */
export function fixtureText(path: string): string {
  return readFileSync(ROOT + path, 'utf8');
}

/** A real fixture as the loader would hand it over (JSON or XML by its first character). */
export function fixtureContent(path: string): ParsedContent {
  const text = fixtureText(path);
  return text.trimStart().startsWith('<')
    ? parseXml(text)
    : { syntax: 'json', value: JSON.parse(text) as unknown };
}

/** A real fixture parsed by `format`, after asserting the format recognises it. */
export function parseFixture<K extends EvidenceDocument['kind']>(
  format: EvidenceFormat,
  path: string,
): Extract<EvidenceDocument, { kind: K }> {
  const content = fixtureContent(path);
  if (!format.recognises(content)) throw new Error(`${format.name} does not recognise ${path}`);
  return format.parse(content, path) as Extract<EvidenceDocument, { kind: K }>;
}

/** JSON content as the loader hands it over. */
export function json(value: unknown): ParsedContent {
  return { syntax: 'json', value };
}
