import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { grypeFormat } from '../../../src/evidence/formats/grype.js';
import type { ScanReport } from '../../../src/evidence/types.js';
import { json, parseFixture } from '../../support/evidence-fixtures.js';

const INDEX_DIGEST = `sha256:${'aa'.repeat(32)}`;
const MANIFEST_DIGEST = `sha256:${'bb'.repeat(32)}`;

/** A `grype -o json` match in the shape grype 0.7x writes (fields Glidepath does not read left out). */
function match(vulnerability: Record<string, unknown>, related: string[] = []): unknown {
  return {
    vulnerability: {
      id: 'CVE-2024-0001',
      dataSource: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
      namespace: 'alpine:distro:alpine:3.19',
      severity: 'High',
      fix: { versions: ['3.1.4-r6'], state: 'fixed' },
      ...vulnerability,
    },
    relatedVulnerabilities: related.map((id) => ({ id, dataSource: 'nvd', namespace: 'nvd:cpe' })),
    matchDetails: [{ type: 'exact-direct-match', matcher: 'apk-matcher' }],
    artifact: {
      name: 'openssl',
      version: '3.1.4-r5',
      type: 'apk',
      purl: 'pkg:apk/alpine/openssl@3.1.4-r5?arch=x86_64',
    },
  };
}

function report(matches: unknown, overrides: Record<string, unknown> = {}): unknown {
  return {
    matches,
    ignoredMatches: [],
    source: {
      type: 'image',
      target: {
        userInput: 'ghcr.io/acme/app:1.0',
        imageID: `sha256:${'cc'.repeat(32)}`,
        manifestDigest: MANIFEST_DIGEST,
        repoDigests: [`ghcr.io/acme/app@${INDEX_DIGEST}`],
      },
    },
    distro: { name: 'alpine', version: '3.19.1' },
    descriptor: { name: 'grype', version: '0.74.0', timestamp: '2024-05-01T12:00:00.5+02:00' },
    ...overrides,
  };
}

function parse(value: unknown, file = 'grype.json'): ScanReport {
  const document = grypeFormat.parse(json(value), file);
  if (document.kind !== 'scan') throw new Error('expected a scan document');
  return document.report;
}

describe('grypeFormat.recognises', () => {
  it.each([
    ['matches and descriptor.name grype', { matches: [], descriptor: { name: 'grype' } }, true],
    ['matches and a source', { matches: [], source: { type: 'directory' } }, true],
    ['matches that are broken (parse reports it)', { matches: 'none', descriptor: { name: 'grype' } }, true],
    ['matches alone', { matches: [] }, false],
    ['a descriptor without matches', { descriptor: { name: 'grype' } }, false],
  ])('%s → %s', (_case, value, expected) => {
    expect(grypeFormat.recognises(json(value))).toBe(expected);
  });
});

describe('grypeFormat.parse on real reports', () => {
  it('reads keycloak: wont-fix matches are unfixed, every image digest is a subject', () => {
    const { report } = parseFixture<'scan'>(grypeFormat, 'scans/grype/keycloak-test.json');
    expect(report).toMatchObject({
      tool: 'grype 0.66.0',
      createdAt: new Date('2023-09-01T12:13:42.201Z'),
      subjectName:
        'docker.io/keycloak/keycloak:21.0.2@sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50',
    });
    // manifestDigest is the platform image; the repo digest (and the pinned user input) is the index.
    expect(report.subjectDigests).toEqual([
      'sha256:d1630d3eb8285a978301bcefc5b223e564ae300750af2fc9ea3f413c5376a47e',
      'sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50',
    ]);
    expect(report.findings).toHaveLength(6);
    expect(report.findings[0]).toEqual({
      id: 'CVE-2020-12413',
      aliases: [],
      severity: 'low',
      severitySource: 'Low',
      fixAvailable: false,
      package: {
        name: 'nspr',
        version: '4.34.0-17.el9_1',
        purl: 'pkg:rpm/rhel/nspr@4.34.0-17.el9_1?arch=x86_64&upstream=nss-3.79.0-17.el9_1.src.rpm&distro=rhel-9.1',
      },
    });
  });

  it('reads chainguard ruby: related vulnerabilities become aliases, fix state unknown says nothing', () => {
    const { report } = parseFixture<'scan'>(grypeFormat, 'scans/grype/chainguard-ruby-test.json');
    expect(report.findings.map(({ id, aliases, fixAvailable }) => ({ id, aliases, fixAvailable }))).toEqual([
      { id: 'CVE-2023-28755', aliases: [], fixAvailable: true },
      { id: 'CVE-2023-28755', aliases: [], fixAvailable: undefined },
      { id: 'GHSA-hv5j-3h9f-99c2', aliases: ['CVE-2023-28755'], fixAvailable: true },
    ]);
  });

  it('reads the current presenter snapshot: empty timestamp, empty fix state and empty purl are absent', () => {
    const { report } = parseFixture<'scan'>(grypeFormat, 'scans/grype/TestJsonImgsPresenter.golden');
    expect(report.createdAt).toBeUndefined();
    expect(report.subjectDigests).toEqual([
      'sha256:ca738abb87a8d58f112d3400ebb079b61ceae7dc290beb34bda735be4b1941d5',
    ]);
    expect(report.findings).toEqual([
      {
        id: 'CVE-1999-0001',
        aliases: [],
        severity: 'low',
        severitySource: 'Low',
        fixAvailable: true,
        package: { name: 'package-1', version: '1.1.1' },
      },
      {
        id: 'CVE-1999-0002',
        aliases: [],
        severity: 'critical',
        severitySource: 'Critical',
        package: { name: 'package-2', version: '2.2.2', purl: 'pkg:deb/package-2@2.2.2' },
      },
    ]);
  });
});

describe('grypeFormat.parse on hand-written reports', () => {
  it.each([
    ['Negligible', 'low'],
    ['Low', 'low'],
    ['Medium', 'medium'],
    ['High', 'high'],
    ['Critical', 'critical'],
    ['Unknown', 'unknown'],
    ['CRITICAL', 'critical'],
  ])('normalises severity %s to %s', (written, severity) => {
    expect(parse(report([match({ severity: written })])).findings[0]?.severity).toBe(severity);
  });

  it.each([
    ['fixed', true],
    ['not-fixed', false],
    ['wont-fix', false],
    ['unknown', undefined],
    ['', undefined],
  ])('fix state "%s" → fixAvailable %s', (state, fixAvailable) => {
    const finding = parse(report([match({ fix: { versions: [], state } })])).findings[0];
    expect(finding?.fixAvailable).toBe(fixAvailable);
  });

  it('lists related vulnerabilities as aliases, without the id itself or duplicates', () => {
    const finding = parse(
      report([
        match({ id: 'GHSA-xxxx-yyyy-zzzz' }, ['CVE-2024-0001', 'GHSA-xxxx-yyyy-zzzz', 'CVE-2024-0001']),
      ]),
    ).findings[0];
    expect(finding?.aliases).toEqual(['CVE-2024-0001']);
  });

  it('names the scanned image by manifest digest and repo digests, never imageID', () => {
    const parsed = parse(report([]));
    expect(parsed.subjectDigests).toEqual([MANIFEST_DIGEST, INDEX_DIGEST]);
    expect(parsed.createdAt).toEqual(new Date('2024-05-01T10:00:00.500Z'));
    expect(parsed.tool).toBe('grype 0.74.0');
  });

  it('names no digest for a directory scan', () => {
    const parsed = parse(report([], { source: { type: 'directory', target: '/src' } }));
    expect(parsed.subjectDigests).toEqual([]);
    expect(parsed.subjectName).toBeUndefined();
  });
});

describe('grypeFormat malformed content', () => {
  it.each([
    ['matches is an object', report({}), '$.matches must be an array, got an object'],
    [
      'a severity is not a grype severity',
      report([match({ severity: 'Severe' })]),
      '$.matches[0].vulnerability.severity must be one of Negligible, Low, Medium, High, Critical, Unknown, got "Severe"',
    ],
    [
      'a vulnerability id is missing',
      report([match({ id: undefined })]),
      '$.matches[0].vulnerability.id must be a string, got nothing',
    ],
    [
      'repoDigests is a string',
      report([], { source: { type: 'image', target: { repoDigests: INDEX_DIGEST } } }),
      '$.source.target.repoDigests must be an array',
    ],
  ])('%s', (_case, value, message) => {
    const parsing = () => parse(value, 'out/grype.json');
    expect(parsing).toThrow(EvidenceFormatError);
    expect(parsing).toThrow(`out/grype.json: Grype JSON: ${message}`);
  });
});
