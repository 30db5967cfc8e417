import type { VexDocument, VexStatement, VexStatus } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import { digestOfHash } from './pinned-digest.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'OpenVEX';
const CONTEXT = 'https://openvex.dev/ns';
const STATUSES: readonly VexStatus[] = ['not_affected', 'affected', 'fixed', 'under_investigation'];
/** The justifications OpenVEX defines (v0.0.1 and v0.2.0 agree); anything else is a typo to fix. */
const JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;

/**
 * OpenVEX documents (v0.2.0, and v0.0.1 whose `vulnerability` and `products` were plain strings).
 * Statements come out with the document's defaults applied, so the scan check never looks back at
 * the document.
 */
export const openVexFormat: EvidenceFormat = {
  name: 'openvex',

  recognises(content: ParsedContent): boolean {
    if (content.syntax !== 'json' || !isRecord(content.value)) return false;
    const context = content.value['@context'];
    return typeof context === 'string' && context.startsWith(CONTEXT);
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const timestamp = root.field('last_updated').optionalDate() ?? root.field('timestamp').optionalDate();
    const defaults = { timestamp, products: root.field('products') };
    const report: VexDocument = {
      format: 'openvex',
      id: root.field('@id').optionalString() ?? '',
      statements: root
        .field('statements')
        .array()
        .map((statement) => readStatement(statement, defaults)),
    };
    if (timestamp) report.timestamp = timestamp;
    const version = readVersion(root.field('version'));
    if (version !== undefined) report.version = version;
    return { format: 'openvex', kind: 'vex', file, report };
  },
};

function readStatement(
  statement: JsonCursor,
  defaults: { timestamp?: Date; products: JsonCursor },
): VexStatement {
  statement.object();
  const { name, aliases } = readVulnerability(statement.field('vulnerability'));
  // A statement without products speaks for the document's (OpenVEX inheritance).
  const productsField = statement.field('products').present ? statement.field('products') : defaults.products;
  const products: string[] = [];
  const subcomponents: string[] = [];
  for (const product of productsField.optionalArray()) {
    products.push(...identifiersOrString(product));
    if (typeof product.value !== 'string') {
      subcomponents.push(...product.field('subcomponents').optionalArray().flatMap(identifiersOrString));
    }
  }
  // v0.0.1 listed subcomponents beside the products, as strings.
  subcomponents.push(...statement.field('subcomponents').optionalArray().flatMap(identifiersOrString));

  const result: VexStatement = {
    vulnerability: name,
    aliases,
    products: [...new Set(products)],
    subcomponents: [...new Set(subcomponents)],
    status: statement.field('status').oneOf(STATUSES),
  };
  const justification = statement.field('justification');
  if (justification.present) result.justification = justification.oneOf(JUSTIFICATIONS);
  const impact = statement.field('impact_statement').optionalText();
  if (impact) result.impactStatement = impact;
  const timestamp =
    statement.field('last_updated').optionalDate() ??
    statement.field('timestamp').optionalDate() ??
    defaults.timestamp;
  if (timestamp) result.timestamp = timestamp;
  return result;
}

/** v0.2.0: `{name, @id, aliases}`; v0.0.1: the name as a string. Trivy writes only `@id`. */
function readVulnerability(vulnerability: JsonCursor): { name: string; aliases: string[] } {
  if (typeof vulnerability.value === 'string') return { name: vulnerability.value, aliases: [] };
  vulnerability.object();
  const id = vulnerability.field('@id').optionalText();
  const name = vulnerability.field('name').optionalText() ?? id;
  if (!name) vulnerability.fail('must have a name, e.g. {"name": "CVE-2024-1234"}');
  const aliases = vulnerability.field('aliases').optionalStrings();
  return { name, aliases: [...new Set(aliases)].filter((alias) => alias !== name) };
}

function identifiersOrString(item: JsonCursor): string[] {
  return typeof item.value === 'string' ? [item.value] : identifiersOf(item);
}

/** A component's `@id`, its purl identifier, and its sha-256/sha-512 hashes as `sha256:<hex>`. */
function identifiersOf(component: JsonCursor): string[] {
  component.object();
  const ids: string[] = [];
  const id = component.field('@id').optionalText();
  if (id) ids.push(id);
  const identifiers = component.field('identifiers');
  identifiers.optionalObject();
  const purl = identifiers.field('purl').optionalText();
  if (purl) ids.push(purl);
  const hashes = component.field('hashes');
  for (const algorithm of Object.keys(hashes.optionalObject() ?? {})) {
    const digest = digestOfHash(algorithm, hashes.field(algorithm).string());
    if (digest) ids.push(digest);
  }
  return ids;
}

/** v0.2.0 writes an integer; v0.0.1 wrote it as a string ("1"). */
function readVersion(field: JsonCursor): number | undefined {
  if (!field.present) return undefined;
  return typeof field.value === 'string' && /^\d+$/.test(field.value) ? Number(field.value) : field.number();
}
