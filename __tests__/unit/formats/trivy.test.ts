import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { trivyFormat } from '../../../src/evidence/formats/trivy.js';
import type { ScanReport } from '../../../src/evidence/types.js';
import { json, parseFixture } from '../../support/evidence-fixtures.js';

const DIGEST = `sha256:${'12'.repeat(32)}`;
const CONFIG_DIGEST = `sha256:${'34'.repeat(32)}`;

/** A `trivy image --format json` report of a pulled image, trimmed to what Glidepath reads. */
function imageReport(results: unknown[] | undefined, overrides: Record<string, unknown> = {}): unknown {
  return {
    SchemaVersion: 2,
    Trivy: { Version: '0.50.1' },
    CreatedAt: '2024-05-01T12:00:00.123456789Z',
    ArtifactName: 'ghcr.io/acme/app:1.0',
    ArtifactType: 'container_image',
    Metadata: {
      OS: { Family: 'alpine', Name: '3.19.1' },
      ImageID: CONFIG_DIGEST,
      RepoTags: ['ghcr.io/acme/app:1.0'],
      RepoDigests: [`ghcr.io/acme/app@${DIGEST}`],
    },
    ...(results ? { Results: results } : {}),
    ...overrides,
  };
}

function vulnerability(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    VulnerabilityID: 'CVE-2024-0001',
    PkgID: 'openssl@3.1.4-r5',
    PkgName: 'openssl',
    PkgIdentifier: { PURL: 'pkg:apk/alpine/openssl@3.1.4-r5?arch=x86_64&distro=3.19.1', UID: 'abc' },
    InstalledVersion: '3.1.4-r5',
    FixedVersion: '3.1.4-r6',
    Status: 'fixed',
    Severity: 'HIGH',
    ...overrides,
  };
}

function parse(value: unknown, file = 'trivy.json'): ScanReport {
  const document = trivyFormat.parse(json(value), file);
  if (document.kind !== 'scan') throw new Error('expected a scan document');
  return document.report;
}

describe('trivyFormat.recognises', () => {
  it.each([
    ['a SchemaVersion 2 report', { SchemaVersion: 2, ArtifactName: 'alpine:3.19', Results: [] }, true],
    ['a clean report without Results', { SchemaVersion: 2, ArtifactName: 'alpine:3.19' }, true],
    [
      'a report whose Results is broken (parse reports it)',
      { SchemaVersion: 2, ArtifactName: 'a', Results: 'x' },
      true,
    ],
    ['the pre-2021 bare array of results', [{ Target: 'alpine:3.10', Vulnerabilities: [] }], false],
    ['a SchemaVersion written as a string', { SchemaVersion: '2', ArtifactName: 'a' }, false],
    ['a CycloneDX SBOM', { bomFormat: 'CycloneDX', specVersion: '1.5' }, false],
  ])('%s → %s', (_case, value, expected) => {
    expect(trivyFormat.recognises(json(value))).toBe(expected);
  });
});

describe('trivyFormat.parse on real reports', () => {
  it('reads an image scan: findings with package, purl, fix and lowercase severity', () => {
    const { report } = parseFixture<'scan'>(trivyFormat, 'scans/trivy/alpine-310.json.golden');
    expect(report).toMatchObject({
      format: 'trivy',
      tool: 'Trivy dev',
      createdAt: new Date('2021-08-25T12:20:30.000Z'),
      // A local tarball has no RepoDigests; ImageID is the config digest and never a subject.
      subjectDigests: [],
      subjectName: 'testdata/fixtures/images/alpine-310.tar.gz',
    });
    expect(report.findings.map((finding) => `${finding.id} ${finding.package?.name}`)).toEqual([
      'CVE-2019-1549 libcrypto1.1',
      'CVE-2019-1551 libcrypto1.1',
      'CVE-2019-1549 libssl1.1',
      'CVE-2019-1551 libssl1.1',
    ]);
    expect(report.findings[0]).toEqual({
      id: 'CVE-2019-1549',
      aliases: [],
      severity: 'medium',
      severitySource: 'MEDIUM',
      fixAvailable: true,
      package: {
        name: 'libcrypto1.1',
        version: '1.1.1c-r0',
        purl: 'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
      },
      title: 'openssl: information disclosure in fork()',
    });
  });

  it('marks findings without a FixedVersion as unfixed and keeps VendorIDs as aliases (debian)', () => {
    const { report } = parseFixture<'scan'>(trivyFormat, 'scans/trivy/debian-buster.json.golden');
    expect(
      report.findings.map(({ id, severity, fixAvailable, aliases }) => ({
        id,
        severity,
        fixAvailable,
        aliases,
      })),
    ).toEqual([
      { id: 'CVE-2019-18276', severity: 'low', fixAvailable: false, aliases: [] },
      { id: 'CVE-2019-18224', severity: 'critical', fixAvailable: true, aliases: ['DSA-4613-1'] },
    ]);
  });

  it('reads a repository scan with several targets', () => {
    const { report } = parseFixture<'scan'>(trivyFormat, 'scans/trivy/gomod.json.golden');
    expect(report.subjectName).toBe('testdata/fixtures/repo/gomod');
    expect(report.findings.map((finding) => finding.id)).toEqual([
      'GMS-2022-20',
      'CVE-2022-23628',
      'CVE-2021-38561',
      'GMS-2022-20',
      'GMS-2022-20',
    ]);
    expect(report.findings[1]?.package?.purl).toBe('pkg:golang/github.com/open-policy-agent/opa@v0.35.0');
  });
});

describe('trivyFormat.parse on hand-written reports', () => {
  it('takes subject digests from RepoDigests, never from ImageID', () => {
    const report = parse(imageReport([]));
    expect(report.subjectDigests).toEqual([DIGEST]);
    expect(report.subjectDigests).not.toContain(CONFIG_DIGEST);
    expect(report.tool).toBe('Trivy 0.50.1');
    expect(report.createdAt).toEqual(new Date('2024-05-01T12:00:00.123Z'));
  });

  it('also takes the digest of an artifact scanned by digest', () => {
    const report = parse(imageReport([], { ArtifactName: `ghcr.io/acme/app@${DIGEST}`, Metadata: {} }));
    expect(report.subjectDigests).toEqual([DIGEST]);
  });

  it('reads a clean image (no Results, or a target without Vulnerabilities) as no findings', () => {
    expect(parse(imageReport(undefined)).findings).toEqual([]);
    expect(
      parse(imageReport([{ Target: 'app (alpine 3.19.1)', Class: 'os-pkgs', Type: 'alpine' }])).findings,
    ).toEqual([]);
  });

  it.each([
    ['CRITICAL', 'critical'],
    ['High', 'high'],
    ['medium', 'medium'],
    ['LOW', 'low'],
    ['UNKNOWN', 'unknown'],
  ])('normalises Severity %s to %s', (written, severity) => {
    const report = parse(
      imageReport([{ Target: 't', Vulnerabilities: [vulnerability({ Severity: written })] }]),
    );
    expect(report.findings[0]?.severity).toBe(severity);
    expect(report.findings[0]?.severitySource).toBe(written);
  });

  it.each([
    ['a FixedVersion', { FixedVersion: '3.1.4-r6' }, true],
    ['an empty FixedVersion', { FixedVersion: '' }, false],
    ['no FixedVersion (will_not_fix)', { FixedVersion: undefined, Status: 'will_not_fix' }, false],
  ])('a vulnerability with %s has fixAvailable %s', (_case, overrides, fixAvailable) => {
    const report = parse(imageReport([{ Target: 't', Vulnerabilities: [vulnerability(overrides)] }]));
    expect(report.findings[0]?.fixAvailable).toBe(fixAvailable);
  });

  it('includes failed misconfigurations and secrets, as Trivy SARIF does', () => {
    const report = parse(
      imageReport([
        {
          Target: 'Dockerfile',
          Class: 'config',
          Misconfigurations: [
            {
              Type: 'Dockerfile',
              ID: 'DS002',
              AVDID: 'AVD-DS-0002',
              Title: 'Image user should not be root',
              Severity: 'HIGH',
              Status: 'FAIL',
            },
            {
              Type: 'Dockerfile',
              ID: 'DS001',
              AVDID: 'AVD-DS-0001',
              Title: ':latest tag used',
              Severity: 'MEDIUM',
              Status: 'PASS',
            },
          ],
        },
        {
          Target: '/app/.env',
          Class: 'secret',
          Secrets: [
            {
              RuleID: 'aws-access-key-id',
              Category: 'AWS',
              Severity: 'CRITICAL',
              Title: 'AWS Access Key ID',
            },
          ],
        },
      ]),
    );
    expect(report.findings).toEqual([
      {
        id: 'AVD-DS-0002',
        aliases: ['DS002'],
        severity: 'high',
        severitySource: 'HIGH',
        title: 'Image user should not be root',
      },
      {
        id: 'aws-access-key-id',
        aliases: [],
        severity: 'critical',
        severitySource: 'CRITICAL',
        title: 'AWS Access Key ID',
      },
    ]);
  });
});

describe('trivyFormat malformed content', () => {
  it.each([
    [
      'Results is a string',
      imageReport(undefined, { Results: 'none' }),
      '$.Results must be an array, got a string ("none")',
    ],
    [
      'Vulnerabilities is an object',
      imageReport([{ Target: 't', Vulnerabilities: {} }]),
      '$.Results[0].Vulnerabilities must be an array, got an object',
    ],
    [
      'a VulnerabilityID is a number',
      imageReport([{ Target: 't', Vulnerabilities: [vulnerability({ VulnerabilityID: 2024 })] }]),
      '$.Results[0].Vulnerabilities[0].VulnerabilityID must be a string, got a number (2024)',
    ],
    [
      'a Severity is not a Trivy severity',
      imageReport([{ Target: 't', Vulnerabilities: [vulnerability({ Severity: 'SEVERE' })] }]),
      '$.Results[0].Vulnerabilities[0].Severity must be one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL, got "SEVERE"',
    ],
    [
      'RepoDigests is a string',
      imageReport([], { Metadata: { RepoDigests: DIGEST } }),
      '$.Metadata.RepoDigests must be an array',
    ],
    [
      'CreatedAt is not a timestamp',
      imageReport([], { CreatedAt: 'last Tuesday' }),
      '$.CreatedAt must be an RFC 3339 timestamp',
    ],
  ])('%s', (_case, value, message) => {
    const parsing = () => parse(value, 'scans/app.trivy.json');
    expect(parsing).toThrow(EvidenceFormatError);
    expect(parsing).toThrow(`scans/app.trivy.json: Trivy JSON: ${message}`);
  });
});
