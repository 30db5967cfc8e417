import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { checkProvenance } from '../../../src/evidence/checks/provenance.js';
import { dsseFormat } from '../../../src/evidence/formats/dsse.js';
import { inTotoFormat } from '../../../src/evidence/formats/in-toto.js';
import { sigstoreBundleFormat } from '../../../src/evidence/formats/sigstore-bundle.js';
import type { EvidenceFormat, ParsedContent } from '../../../src/evidence/formats/types.js';
import { Digest } from '../../../src/evidence/image-ref.js';
import { fixture, FIXTURES, IMAGE_DIGEST, provenancePolicy, readJson } from './fixtures.js';

const json = (value: unknown): ParsedContent => ({ syntax: 'json', value });
const MINE: EvidenceFormat[] = [inTotoFormat, dsseFormat, sigstoreBundleFormat];
const claimedBy = (content: ParsedContent) =>
  MINE.filter((format) => format.recognises(content)).map((f) => f.name);

const statement = readJson('unsigned-statement.json') as Record<string, unknown>;
const envelope = readJson('unsigned-dsse.json') as Record<string, unknown>;
const bundle = readJson('clean.sigstore.json') as Record<string, unknown>;

/** Every JSON document under a directory: files, and each line of a JSON-lines file. */
function jsonDocuments(directory: string): { name: string; value: unknown }[] {
  const documents: { name: string; value: unknown }[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8').trim();
    if (!text.startsWith('{')) continue;
    const name = relative(FIXTURES, path);
    try {
      documents.push({ name, value: JSON.parse(text) });
    } catch {
      text
        .split('\n')
        .forEach((line, index) => documents.push({ name: `${name}:${index + 1}`, value: JSON.parse(line) }));
    }
  }
  return documents;
}

describe('provenance recognisers', () => {
  it.each([
    ['in-toto', statement],
    ['in-toto', readJson('real/sigstore-js/statement.json')],
    ['dsse', envelope],
    ['dsse', { ...envelope, payloadType: 'application/vnd.in-toto.provenance+json' }],
    ['sigstore-bundle', bundle],
    ['sigstore-bundle', { ...bundle, mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1' }],
    ['sigstore-bundle', { ...bundle, mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.2' }],
    ['sigstore-bundle', { ...bundle, mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.3' }],
  ])('exactly %s claims a document of its format', (name, value) => {
    expect(claimedBy(json(value))).toEqual([name]);
  });

  it.each([
    ['a DSSE envelope with another payload type', { ...envelope, payloadType: 'application/json' }],
    ['a DSSE payload type with a suffix', { ...envelope, payloadType: 'application/vnd.in-toto+jsonx' }],
    ['a statement of another framework', { ...statement, _type: 'https://example.com/Statement/v1' }],
    ['a DSSE envelope without signatures', { payloadType: envelope.payloadType, payload: envelope.payload }],
    ['a trusted root', readJson('trusted_root.json')],
    ['SARIF', { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [] }],
    [
      'Trivy JSON',
      { SchemaVersion: 2, ArtifactName: 'alpine:3.10', ArtifactType: 'container_image', Results: [] },
    ],
    ['Grype JSON', { matches: [], source: { type: 'image', target: {} }, descriptor: { name: 'grype' } }],
    ['CycloneDX', { bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }],
    ['SPDX', { spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', packages: [] }],
    ['OpenVEX', { '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'x', statements: [] }],
    ['a JSON array', [statement]],
  ])('none claims %s', (_, value) => {
    expect(claimedBy(json(value))).toEqual([]);
  });

  it('none claims XML', () => {
    expect(claimedBy({ syntax: 'xml', root: 'testsuites', document: { testsuites: [{}] } })).toEqual([]);
  });

  it('claims no other engineer’s fixture, except in-toto attestations of other predicates', () => {
    const others = jsonDocuments(join(FIXTURES, '..', 'evidence'));
    expect(others.length).toBeGreaterThan(10);
    const claimed = others.filter((doc) => claimedBy(json(doc.value)).length > 0).map((doc) => doc.name);
    // Trivy's `cosign attest`-style SBOM attestation is a DSSE envelope around an in-toto Statement.
    expect(claimed).toEqual(['../evidence/sbom/trivy/centos-7-cyclonedx.intoto.jsonl']);
  });

  it('claims every provenance fixture with exactly one format', () => {
    const documents = jsonDocuments(FIXTURES).filter((doc) => !/trusted_root|seeds/.test(doc.name));
    expect(documents.length).toBeGreaterThan(15);
    for (const doc of documents) expect([doc.name, claimedBy(json(doc.value)).length]).toEqual([doc.name, 1]);
  });
});

describe('inTotoFormat.parse', () => {
  it('reads the statement fields', () => {
    expect(inTotoFormat.parse(json(statement), 'p.json')).toEqual({
      format: 'in-toto',
      kind: 'provenance',
      file: 'p.json',
      statement: {
        type: 'https://in-toto.io/Statement/v1',
        subjects: [
          { name: 'ghcr.io/acme/checkout', digest: { sha256: IMAGE_DIGEST.slice('sha256:'.length) } },
        ],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: statement.predicate,
      },
    });
  });

  it.each([
    [{ subject: {} }, 'p.json: in-toto Statement: $.subject must be an array, got an object'],
    [
      { subject: [{ digest: { sha256: 1 } }] },
      'p.json: in-toto Statement: $.subject[0].digest.sha256 must be a string, got a number (1)',
    ],
    [
      { subject: [{ name: 'x' }] },
      'p.json: in-toto Statement: $.subject[0].digest must be an object, got nothing',
    ],
    [
      { subject: [{ name: 7, digest: {} }] },
      'p.json: in-toto Statement: $.subject[0].name must be a string, got a number (7)',
    ],
    [{ predicateType: ['x'] }, 'p.json: in-toto Statement: $.predicateType must be a string, got an array'],
  ])('names the broken field: %j', (change, message) => {
    const broken = json({ ...statement, ...change });
    expect(() => inTotoFormat.parse(broken, 'p.json')).toThrow(EvidenceFormatError);
    expect(() => inTotoFormat.parse(broken, 'p.json')).toThrow(message);
  });
});

describe('dsseFormat.parse', () => {
  it('decodes the payload to the statement', () => {
    const doc = dsseFormat.parse(json(envelope), 'e.json');
    expect(doc).toMatchObject({ format: 'dsse', kind: 'provenance', file: 'e.json' });
    expect(doc).toHaveProperty('statement.subjects', [
      { name: 'ghcr.io/acme/checkout', digest: { sha256: IMAGE_DIGEST.slice(7) } },
    ]);
  });

  const encode = (text: string) => Buffer.from(text).toString('base64');
  it.each([
    [{ payload: 'not base64!' }, 'e.json: DSSE envelope: $.payload must be base64'],
    [{ payload: encode('{"_type":') }, 'e.json: DSSE payload: not JSON'],
    [
      { payload: encode('{"_type":"https://in-toto.io/Statement/v1"}') },
      'e.json: DSSE payload: $.subject must be an array',
    ],
    [
      { payload: encode('{"_type":"x","subject":[]}') },
      'e.json: DSSE payload: $._type must start with https://in-toto.io/Statement/',
    ],
    [{ signatures: [{ sig: 5 }] }, 'e.json: DSSE envelope: $.signatures[0].sig must be a string'],
  ])('names the broken field: %j', (change, message) => {
    expect(() => dsseFormat.parse(json({ ...envelope, ...change }), 'e.json')).toThrow(message);
  });
});

describe('sigstoreBundleFormat.parse', () => {
  it('keeps the bundle JSON for the check to verify', () => {
    expect(sigstoreBundleFormat.parse(json(bundle), 'b.json')).toEqual({
      format: 'sigstore-bundle',
      kind: 'provenance',
      file: 'b.json',
      bundle,
    });
  });

  it('refuses a bundle without its certificate, naming the file and the field (exit 2)', () => {
    const text = readFileSync(
      fixture('real/cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl'),
      'utf8',
    );
    const parse = () => sigstoreBundleFormat.parse(json(JSON.parse(text)), 'missing-cert.jsonl');
    expect(parse).toThrow(EvidenceFormatError);
    expect(parse).toThrow(/^missing-cert\.jsonl: Sigstore bundle: content missing or malformed/);
  });

  it('refuses a DSSE envelope with two signatures', () => {
    const two = structuredClone(bundle) as { dsseEnvelope: { signatures: unknown[] } };
    two.dsseEnvelope.signatures.push(two.dsseEnvelope.signatures[0]);
    expect(() => sigstoreBundleFormat.parse(json(two), 'b.json')).toThrow(
      'b.json: Sigstore bundle: its DSSE envelope must carry exactly one signature',
    );
  });

  it('refuses a certificate that is not DER', () => {
    const garbled = structuredClone(bundle) as {
      verificationMaterial: { certificate: { rawBytes: string } };
    };
    garbled.verificationMaterial.certificate.rawBytes = Buffer.from('not a certificate').toString('base64');
    expect(() => sigstoreBundleFormat.parse(json(garbled), 'b.json')).toThrow(
      /^b\.json: Sigstore bundle: cannot be decoded/,
    );
  });

  it('refuses a field of the wrong type', () => {
    const wrong = { ...bundle, verificationMaterial: { certificate: { rawBytes: 7 } } };
    expect(() => sigstoreBundleFormat.parse(json(wrong), 'b.json')).toThrow(EvidenceFormatError);
  });
});

describe('an SBOM attestation in DSSE', () => {
  const CENTOS = 'sha256:be65f488b7764ad3638f236b7b515b3678369a5124c47b8d32916d6487418ea4';
  const doc = dsseFormat.parse(
    json(
      JSON.parse(
        readFileSync(join(FIXTURES, '..', 'evidence/sbom/trivy/centos-7-cyclonedx.intoto.jsonl'), 'utf8'),
      ),
    ),
    'centos.intoto.jsonl',
  ) as Extract<ReturnType<typeof dsseFormat.parse>, { format: 'dsse' }>;

  it('is warned about as not build provenance, even in Statement v0.1', async () => {
    const [result] = await checkProvenance([doc], {
      digest: Digest.parse(CENTOS),
      policy: provenancePolicy(),
    });
    expect(result).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining('not build provenance; ignored'),
    });
  });

  it('fails when it is about another image', async () => {
    const [result] = await checkProvenance([doc], {
      digest: Digest.parse(IMAGE_DIGEST),
      policy: provenancePolicy(),
    });
    expect(result).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining(`${CENTOS} index.docker.io/library/centos`),
    });
  });
});
