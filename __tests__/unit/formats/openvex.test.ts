import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { openVexFormat } from '../../../src/evidence/formats/openvex.js';
import type { VexDocument } from '../../../src/evidence/types.js';
import { json, parseFixture } from '../../support/evidence-fixtures.js';

const ALPINE = 'pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126';
const HEX = '9f'.repeat(32);

/** An OpenVEX v0.2.0 document as vexctl writes it. */
function vex(statements: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/app-1',
    author: 'Acme Security <security@acme.example>',
    timestamp: '2024-05-01T12:00:00Z',
    version: 1,
    statements,
    ...extra,
  };
}

function parse(value: unknown, file = 'app.openvex.json'): VexDocument {
  const document = openVexFormat.parse(json(value), file);
  if (document.kind !== 'vex') throw new Error('expected a vex document');
  return document.report;
}

describe('openVexFormat.recognises', () => {
  it.each([
    ['@context v0.2.0', { '@context': 'https://openvex.dev/ns/v0.2.0', statements: [] }, true],
    ['@context v0.0.1', { '@context': 'https://openvex.dev/ns/v0.0.1', statements: [] }, true],
    ['@context without a version', { '@context': 'https://openvex.dev/ns', statements: [] }, true],
    ['a CSAF document', { document: { category: 'csaf_vex' } }, false],
    ['another JSON-LD context', { '@context': 'https://www.w3.org/ns/credentials/v2' }, false],
  ])('%s → %s', (_case, value, expected) => {
    expect(openVexFormat.recognises(json(value))).toBe(expected);
  });
});

describe('openVexFormat.parse on real documents', () => {
  it('reads v0.2.0 (go-vex): products with subcomponents, the document timestamp inherited', () => {
    const { report } = parseFixture<'vex'>(openVexFormat, 'scans/openvex/v0.2.0.json');
    expect(report).toMatchObject({ version: 1, timestamp: new Date('2023-07-18T00:28:47.696Z') });
    expect(report.statements.map((statement) => [statement.vulnerability, statement.status])).toEqual([
      ['CVE-2023-1255', 'fixed'],
      ['CVE-2023-2650', 'fixed'],
      ['CVE-2023-2975', 'fixed'],
      ['CVE-2023-3446', 'not_affected'],
      ['CVE-2023-3817', 'not_affected'],
    ]);
    expect(report.statements[3]).toEqual({
      vulnerability: 'CVE-2023-3446',
      aliases: [],
      products: [ALPINE],
      subcomponents: ['pkg:apk/alpine/libssl3@3.0.8-r3', 'pkg:apk/alpine/libcrypto3@3.0.8-r3'],
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      impactStatement: 'affected functions were removed before packaging',
      timestamp: new Date('2023-07-18T00:28:47.696Z'),
    });
  });

  it('reads v0.0.1: vulnerability and products as strings, version as a string', () => {
    const { report } = parseFixture<'vex'>(openVexFormat, 'scans/openvex/v0.0.1.json');
    expect(report.version).toBe(1);
    expect(report.statements).toEqual([
      {
        vulnerability: 'CVE-2023-12345',
        aliases: [],
        products: ['pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64'],
        subcomponents: [],
        status: 'fixed',
        timestamp: new Date('2023-01-09T00:02:03.647Z'),
      },
    ]);
  });

  it('keeps a statement timestamp when the document has none', () => {
    const { report } = parseFixture<'vex'>(openVexFormat, 'scans/openvex/v020-1.vex.json');
    expect(report.timestamp).toBeUndefined();
    expect(report.statements[0]).toMatchObject({
      vulnerability: 'CVE-9876-54321',
      status: 'under_investigation',
      timestamp: new Date('2022-12-22T21:36:43.000Z'),
    });
  });

  it("reads Trivy's test VEX, whose vulnerability has only an @id", () => {
    const { report } = parseFixture<'vex'>(openVexFormat, 'scans/trivy/openvex.json');
    expect(report.statements[0]).toMatchObject({
      vulnerability: 'CVE-2022-23628',
      products: ['pkg:golang/github.com/testdata/testdata'],
      subcomponents: ['pkg:golang/github.com/open-policy-agent/opa@v0.35.0'],
      justification: 'vulnerable_code_not_in_execute_path',
    });
  });

  it("reads Trivy's published VEX: names over @id IRIs, aliases, identifiers merged with @id", () => {
    const { report } = parseFixture<'vex'>(openVexFormat, 'scans/openvex/trivy.openvex.json');
    expect(report.statements.length).toBeGreaterThan(20);
    expect(report.statements[0]).toMatchObject({
      vulnerability: 'GO-2024-2575',
      aliases: ['CVE-2024-26147', 'GHSA-r53h-jv2g-vpx6'],
      products: ['pkg:golang/github.com/aquasecurity/trivy'],
      subcomponents: ['pkg:golang/helm.sh/helm/v3'],
    });
  });
});

describe('openVexFormat.parse on hand-written documents', () => {
  it('turns sha-256 and sha-512 product hashes into digests and adds identifiers', () => {
    const report = parse(
      vex([
        {
          vulnerability: { name: 'CVE-2024-0001' },
          products: [
            {
              '@id': 'https://acme.example/images/app',
              identifiers: { purl: 'pkg:oci/app?repository_url=ghcr.io/acme/app' },
              hashes: { 'sha-256': HEX, md5: 'ab'.repeat(16) },
            },
          ],
          status: 'fixed',
        },
      ]),
    );
    expect(report.statements[0]?.products).toEqual([
      'https://acme.example/images/app',
      'pkg:oci/app?repository_url=ghcr.io/acme/app',
      `sha256:${HEX}`,
    ]);
  });

  it('prefers a statement last_updated over its timestamp over the document timestamp', () => {
    const report = parse(
      vex([
        {
          vulnerability: { name: 'A' },
          products: ['x'],
          status: 'fixed',
          timestamp: '2024-05-02T00:00:00Z',
          last_updated: '2024-05-03T00:00:00Z',
        },
        { vulnerability: { name: 'B' }, products: ['x'], status: 'fixed', timestamp: '2024-05-02T00:00:00Z' },
        { vulnerability: { name: 'C' }, products: ['x'], status: 'fixed' },
      ]),
    );
    expect(report.statements.map((statement) => statement.timestamp?.toISOString())).toEqual([
      '2024-05-03T00:00:00.000Z',
      '2024-05-02T00:00:00.000Z',
      '2024-05-01T12:00:00.000Z',
    ]);
  });

  it('gives statements without products the document products', () => {
    const report = parse(
      vex([{ vulnerability: { name: 'CVE-2024-0001' }, status: 'fixed' }], {
        products: [{ '@id': 'pkg:npm/app@1.0.0' }],
      }),
    );
    expect(report.statements[0]?.products).toEqual(['pkg:npm/app@1.0.0']);
  });

  it('keeps an impact statement without a justification (the scan check decides what it is worth)', () => {
    const report = parse(
      vex([
        {
          vulnerability: { name: 'CVE-2024-0001' },
          products: ['pkg:npm/app@1.0.0'],
          status: 'not_affected',
          impact_statement: 'not reachable',
        },
      ]),
    );
    expect(report.statements[0]).toMatchObject({ status: 'not_affected', impactStatement: 'not reachable' });
    expect(report.statements[0]?.justification).toBeUndefined();
  });
});

describe('openVexFormat malformed content', () => {
  const statement = {
    vulnerability: { name: 'CVE-2024-0001' },
    products: ['pkg:npm/app@1.0.0'],
    status: 'fixed',
  };
  it.each([
    [
      'statements is missing',
      vex([], { statements: undefined }),
      '$.statements must be an array, got nothing',
    ],
    [
      'a status is not an OpenVEX status',
      vex([{ ...statement, status: 'unaffected' }]),
      '$.statements[0].status must be one of not_affected, affected, fixed, under_investigation, got "unaffected"',
    ],
    [
      'a justification is misspelt',
      vex([{ ...statement, status: 'not_affected', justification: 'vulnerable_code_not_presnt' }]),
      '$.statements[0].justification must be one of component_not_present',
    ],
    [
      'a vulnerability is a number',
      vex([{ ...statement, vulnerability: 42 }]),
      '$.statements[0].vulnerability must be an object',
    ],
    [
      'a vulnerability has no name',
      vex([{ ...statement, vulnerability: {} }]),
      '$.statements[0].vulnerability must have a name',
    ],
    [
      'a hash is a number',
      vex([{ ...statement, products: [{ '@id': 'x', hashes: { 'sha-256': 1 } }] }]),
      `$.statements[0].products[0].hashes["sha-256"] must be a string`,
    ],
    [
      'the timestamp is not RFC 3339',
      vex([statement], { timestamp: '01/05/2024' }),
      '$.timestamp must be an RFC 3339 timestamp',
    ],
  ])('%s', (_case, value, message) => {
    const parsing = () => parse(value, '.vex/app.openvex.json');
    expect(parsing).toThrow(EvidenceFormatError);
    expect(parsing).toThrow(`.vex/app.openvex.json: OpenVEX: ${message}`);
  });
});
