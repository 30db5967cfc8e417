import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPolicy } from '../../../src/config/load-policy.js';
import type { ProvenancePolicy } from '../../../src/config/types.js';
import { dsseFormat } from '../../../src/evidence/formats/dsse.js';
import { inTotoFormat } from '../../../src/evidence/formats/in-toto.js';
import { sigstoreBundleFormat } from '../../../src/evidence/formats/sigstore-bundle.js';
import type { EvidenceFormat } from '../../../src/evidence/formats/types.js';
import type { EvidenceDocument } from '../../../src/evidence/types.js';

/** Shared fixtures for the provenance tests: paths, digests and a policy builder. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'provenance');
export const fixture = (name: string): string => join(FIXTURES, name);

/** The generated PKI's trusted root (scripts/make-provenance-fixtures.mjs). */
export const TEST_ROOT = fixture('trusted_root.json');
/** The image digest every generated bundle except other-digest attests. */
export const IMAGE_DIGEST = 'sha256:8e0cc2aae323739fe2d528db7432d58f5e86f023e16c1a7ecc23bd57ec28f176';
export const OTHER_DIGEST = 'sha256:1213e1606caedf2085125ca776676f01cc18b22b5b96b1026e6e9c9a03cfe47b';
export const RELEASE_SAN = 'https://github.com/acme/checkout/.github/workflows/release.yml@refs/heads/main';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export type ProvenanceDocument = Extract<EvidenceDocument, { kind: 'provenance' }>;

/** The defaults of evidence.provenance, with overrides. */
export function provenancePolicy(overrides: Partial<ProvenancePolicy> = {}): ProvenancePolicy {
  return { ...defaultPolicy().evidence.provenance, ...overrides };
}

export function readJson(name: string): unknown {
  return JSON.parse(readFileSync(fixture(name), 'utf8'));
}

const FORMATS: EvidenceFormat[] = [sigstoreBundleFormat, dsseFormat, inTotoFormat];

/**
 * Parses a fixture the way the loader does (JSON, or JSON lines named `path:LINE`), with only the
 * provenance formats; fails the test when none recognises a document.
 */
export function loadDocuments(name: string): ProvenanceDocument[] {
  const path = fixture(name);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').filter((line) => line.trim());
  const values: [unknown, string][] = name.endsWith('.jsonl')
    ? lines.map((line, index) => [JSON.parse(line), lines.length > 1 ? `${path}:${index + 1}` : path])
    : [[JSON.parse(text), path]];
  return values.map(([value, file]) => documentOf(value, file));
}

/** Turns a JSON value into a provenance document through the format that recognises it. */
export function documentOf(value: unknown, file = 'in-memory.json'): ProvenanceDocument {
  const content = { syntax: 'json' as const, value };
  const format = FORMATS.find((candidate) => candidate.recognises(content));
  if (!format) throw new Error(`${file}: no provenance format recognises it`);
  return format.parse(content, file) as ProvenanceDocument;
}

/** Re-encodes a bundle's DSSE payload after `edit`, keeping the original signature. */
export function withEditedPayload(
  bundle: unknown,
  edit: (statement: Record<string, unknown>) => void,
): unknown {
  const copy = structuredClone(bundle) as { dsseEnvelope: { payload: string } };
  const statement = JSON.parse(Buffer.from(copy.dsseEnvelope.payload, 'base64').toString('utf8'));
  edit(statement);
  copy.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
  return copy;
}
