import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { sarifFormat } from '../../../src/evidence/formats/sarif.js';
import type { ScanReport } from '../../../src/evidence/types.js';
import { fixtureContent, json, parseFixture } from '../../support/evidence-fixtures.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** One SARIF run in the shape Trivy and CodeQL write, with the given rules and results. */
function sarif(run: { rules?: unknown[]; results?: unknown[]; [key: string]: unknown }): unknown {
  const { rules = [], results = [], ...rest } = run;
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'Scanner', version: '1.2.3', rules } }, results, ...rest }],
  };
}

function parse(value: unknown, file = 'scan.sarif'): ScanReport {
  const document = sarifFormat.parse(json(value), file);
  if (document.kind !== 'scan') throw new Error('expected a scan document');
  return document.report;
}

describe('sarifFormat.recognises', () => {
  it.each([
    ['SARIF 2.1.0 with runs', { version: '2.1.0', runs: [] }, true],
    [
      'SARIF 2.1.0 whose runs are broken (parse reports it)',
      { version: '2.1.0', runs: [{ results: 42 }] },
      true,
    ],
    ['SARIF 2.0.0', { version: '2.0.0', runs: [] }, false],
    ['a version without runs', { version: '2.1.0' }, false],
    ['a Trivy report', { SchemaVersion: 2, ArtifactName: 'x', Results: [] }, false],
    ['a JSON array', [{ version: '2.1.0', runs: [] }], false],
  ])('%s → %s', (_case, value, expected) => {
    expect(sarifFormat.recognises(json(value))).toBe(expected);
  });
});

describe('sarifFormat.parse on real reports', () => {
  it("reads Trivy's SARIF: security-severity bands, package from the message, image name", () => {
    const { report } = parseFixture<'scan'>(sarifFormat, 'scans/trivy/alpine-310.sarif.golden');
    expect(report).toMatchObject({
      format: 'sarif',
      tool: 'Trivy dev',
      // repoDigests is null (a local tarball), and imageID is the config digest, which is never a subject.
      subjectDigests: [],
      subjectName: 'testdata/fixtures/images/alpine-310.tar.gz',
    });
    expect(report.createdAt).toBeUndefined();
    expect(report.findings).toHaveLength(4);
    expect(report.findings[0]).toEqual({
      id: 'CVE-2019-1549',
      aliases: [],
      severity: 'medium',
      severitySource: 'security-severity 5.3',
      package: { name: 'libcrypto1.1', version: '1.1.1c-r0' },
      title: 'openssl: information disclosure in fork()',
    });
  });

  it("reads grype's SARIF: security-severity outranks the level, CVE ids become aliases, purls from the rule", () => {
    const { report } = parseFixture<'scan'>(sarifFormat, 'scans/grype/TestSarifPresenter_image.golden');
    expect(report.tool).toBe('grype 0.0.0-dev');
    expect(report.findings).toEqual([
      expect.objectContaining({
        id: 'CVE-1999-0001-package-1',
        aliases: ['CVE-1999-0001'],
        severity: 'high',
        severitySource: 'security-severity 8.2',
      }),
      expect.objectContaining({
        id: 'CVE-1999-0002-package-2',
        aliases: ['CVE-1999-0002'],
        severity: 'high',
        package: { name: 'package-2', purl: 'pkg:deb/package-2@2.2.2' },
      }),
    ]);
  });

  it('reads every run of a CodeQL/LGTM file and falls back to the rule default level', () => {
    const { report } = parseFixture<'scan'>(sarifFormat, 'scans/sarif/valid-sarif.sarif');
    expect(report.tool).toBe('LGTM.com 1.24.0-SNAPSHOT, CodeQL command-line toolchain 2.0.0');
    expect(report.findings.map((finding) => [finding.id, finding.severity, finding.severitySource])).toEqual([
      ['js/unused-local-variable', 'low', 'level note (rule default)'],
      ['js/unused-local-variable', 'low', 'level note (rule default)'],
      ['js/inconsistent-use-of-new', 'low', 'level note (rule default)'],
    ]);
  });

  it('uses the SARIF default level warning when the rule index points at no rule', () => {
    const { report } = parseFixture<'scan'>(sarifFormat, 'scans/sarif/fingerprinting.input.sarif');
    expect(report.findings.map((finding) => finding.severitySource)).toEqual([
      'level warning (SARIF default)',
      'level warning (SARIF default)',
    ]);
    expect(report.findings.every((finding) => finding.severity === 'medium')).toBe(true);
  });

  it('reads a run with no results as a clean report', () => {
    expect(parseFixture<'scan'>(sarifFormat, 'scans/sarif/empty-sarif.sarif').report.findings).toEqual([]);
  });

  it('rejects results that are not an array, naming the file and the JSON path', () => {
    const content = fixtureContent('scans/sarif/invalid-sarif.sarif');
    expect(sarifFormat.recognises(content)).toBe(true);
    expect(() => sarifFormat.parse(content, 'invalid-sarif.sarif')).toThrow(
      new EvidenceFormatError(
        'SARIF: $.runs[0].results must be an array, got a number (42)',
        'invalid-sarif.sarif',
      ),
    );
  });
});

describe('sarifFormat severity', () => {
  // GitHub's bands for rule security-severity; without a usable score, the level decides (error → high).
  it.each([
    ['security-severity "9.8"', { 'security-severity': '9.8' }, 'note', 'critical'],
    ['security-severity "9.0"', { 'security-severity': '9.0' }, 'note', 'critical'],
    ['security-severity "8.9"', { 'security-severity': '8.9' }, 'note', 'high'],
    ['security-severity "7.0"', { 'security-severity': '7.0' }, 'error', 'high'],
    ['security-severity "6.9"', { 'security-severity': '6.9' }, 'error', 'medium'],
    ['security-severity "4.0"', { 'security-severity': '4.0' }, 'error', 'medium'],
    ['security-severity "3.9"', { 'security-severity': '3.9' }, 'error', 'low'],
    ['security-severity "0.1"', { 'security-severity': '0.1' }, 'error', 'low'],
    ['security-severity 10 as a number', { 'security-severity': 10 }, 'note', 'critical'],
    ['security-severity "0.0": no score, the level decides', { 'security-severity': '0.0' }, 'error', 'high'],
    ['security-severity "11": no score, the level decides', { 'security-severity': '11' }, 'note', 'low'],
    ['level error', {}, 'error', 'high'],
    ['level warning', {}, 'warning', 'medium'],
    ['level note', {}, 'note', 'low'],
    ['level none', {}, 'none', 'none'],
  ])('%s → %s', (_case, properties, level, severity) => {
    const report = parse(
      sarif({
        rules: [{ id: 'R1', properties }],
        results: [{ ruleId: 'R1', ruleIndex: 0, level, message: { text: 'm' } }],
      }),
    );
    expect(report.findings[0]?.severity).toBe(severity);
  });

  it('takes the level from the rule default when the result has none, else warning', () => {
    const report = parse(
      sarif({
        rules: [{ id: 'R1', defaultConfiguration: { level: 'error' } }],
        results: [
          { ruleId: 'R1', message: { text: 'by rule default' } },
          { ruleId: 'unknown-rule', message: { text: 'by SARIF default' } },
        ],
      }),
    );
    expect(report.findings.map((finding) => [finding.severity, finding.severitySource])).toEqual([
      ['high', 'level error (rule default)'],
      ['medium', 'level warning (SARIF default)'],
    ]);
  });

  it('finds rules by ruleIndex, by ruleId, and in tool extensions', () => {
    const value = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'CodeQL',
              semanticVersion: '2.17.0',
              rules: [{ id: 'A', properties: { 'security-severity': '9.1' } }],
            },
            extensions: [
              { name: 'codeql/js-queries', rules: [{ id: 'B', properties: { 'security-severity': '7.5' } }] },
            ],
          },
          results: [
            { ruleId: 'A', ruleIndex: 0, message: { text: 'by index' } },
            { ruleId: 'A', message: { text: 'by id' } },
            { ruleId: 'B', message: { text: 'by id in an extension' } },
            { rule: { id: 'B', index: 0, toolComponent: { index: 0 } }, message: { text: 'by reference' } },
          ],
        },
      ],
    };
    const report = parse(value);
    expect(report.tool).toBe('CodeQL 2.17.0');
    expect(report.findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['A', 'critical'],
      ['A', 'critical'],
      ['B', 'high'],
      ['B', 'high'],
    ]);
  });
});

describe('sarifFormat results that are not findings', () => {
  it.each([
    ['kind pass', { kind: 'pass' }, 0],
    ['kind notApplicable', { kind: 'notApplicable' }, 0],
    ['kind fail', { kind: 'fail' }, 1],
    ['an accepted suppression', { suppressions: [{ kind: 'inSource', status: 'accepted' }] }, 0],
    ['a suppression without status', { suppressions: [{ kind: 'external' }] }, 0],
    ['a suppression under review', { suppressions: [{ kind: 'external', status: 'underReview' }] }, 1],
    ['a rejected suppression', { suppressions: [{ kind: 'external', status: 'rejected' }] }, 1],
  ])('%s → %s findings', (_case, extra, count) => {
    const report = parse(
      sarif({ results: [{ ruleId: 'R', level: 'error', message: { text: 'm' }, ...extra }] }),
    );
    expect(report.findings).toHaveLength(count);
  });
});

describe('sarifFormat subject and time', () => {
  it("collects digests from Trivy's run properties, never the imageID", () => {
    const report = parse(
      sarif({
        properties: {
          imageID: `sha256:${'cd'.repeat(32)}`,
          imageName: 'ghcr.io/acme/app:1.0',
          repoDigests: [`ghcr.io/acme/app@${DIGEST}`],
          repoTags: ['ghcr.io/acme/app:1.0'],
        },
      }),
    );
    expect(report.subjectDigests).toEqual([DIGEST]);
    expect(report.subjectName).toBe('ghcr.io/acme/app:1.0');
  });

  it('dates the report by the oldest invocation (end time, else start time)', () => {
    const value = sarif({
      invocations: [{ executionSuccessful: true, endTimeUtc: '2024-05-01T10:05:00Z' }],
    }) as {
      runs: Record<string, unknown>[];
    };
    value.runs.push({
      tool: { driver: { name: 'Other' } },
      invocations: [{ executionSuccessful: true, startTimeUtc: '2024-05-01T09:00:00.5Z' }],
    });
    expect(parse(value).createdAt).toEqual(new Date('2024-05-01T09:00:00.500Z'));
  });
});

describe('sarifFormat malformed content', () => {
  it.each([
    ['runs is an object', { version: '2.1.0', runs: {} }, '$.runs must be an array'],
    [
      'a result level is a number',
      sarif({ results: [{ ruleId: 'R', level: 3 }] }),
      '$.runs[0].results[0].level must be a string',
    ],
    [
      'a result level is not a SARIF level',
      sarif({ results: [{ ruleId: 'R', level: 'critical' }] }),
      '$.runs[0].results[0].level must be one of none, note, warning, error, got "critical"',
    ],
    [
      'security-severity is a word',
      sarif({
        rules: [{ id: 'R', properties: { 'security-severity': 'high' } }],
        results: [{ ruleId: 'R' }],
      }),
      `$.runs[0].tool.driver.rules[0].properties["security-severity"] must be a number from 0.1 to 10.0`,
    ],
    [
      'the driver has no name',
      { version: '2.1.0', runs: [{ tool: { driver: {} } }] },
      '$.runs[0].tool.driver.name must be a string',
    ],
    [
      'an invocation time is not RFC 3339',
      sarif({ invocations: [{ endTimeUtc: 'yesterday' }] }),
      '$.runs[0].invocations[0].endTimeUtc must be an RFC 3339 timestamp',
    ],
  ])('%s', (_case, value, message) => {
    expect(() => parse(value, 'reports/codeql.sarif')).toThrow(EvidenceFormatError);
    expect(() => parse(value, 'reports/codeql.sarif')).toThrow(`reports/codeql.sarif: SARIF: ${message}`);
  });
});
