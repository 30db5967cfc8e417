import { describe, expect, it } from '@jest/globals';
import { Duration } from '../../../src/config/duration.js';
import { defaultPolicy } from '../../../src/config/load-policy.js';
import type { EvidencePolicy } from '../../../src/config/types.js';
import { checkScans } from '../../../src/evidence/checks/scan.js';
import { openVexFormat } from '../../../src/evidence/formats/openvex.js';
import { trivyFormat } from '../../../src/evidence/formats/trivy.js';
import { Digest } from '../../../src/evidence/image-ref.js';
import type {
  EvidenceDocument,
  FailOn,
  Finding,
  ScanReport,
  VexStatement,
} from '../../../src/evidence/types.js';
import { parseFixture } from '../../support/evidence-fixtures.js';

type ScanDocument = Extract<EvidenceDocument, { kind: 'scan' }>;
type VexEvidence = Extract<EvidenceDocument, { kind: 'vex' }>;

/** The image go-vex's v0.2.0.json speaks about. */
const ALPINE = Digest.parse('sha256:124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126');
const OTHER = Digest.parse(`sha256:${'0f'.repeat(32)}`);
const NOW = new Date('2024-05-01T12:00:00Z');

function policy(scan: Partial<EvidencePolicy['scan']> = {}, maxAge = '24h'): EvidencePolicy {
  const { evidence } = defaultPolicy();
  return { ...evidence, maxAge: Duration.parse(maxAge), scan: { ...evidence.scan, ...scan } };
}

function finding(id: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding {
  return {
    id,
    aliases: [],
    severity,
    severitySource: severity.toUpperCase(),
    package: {
      name: 'libssl3',
      version: '3.0.8-r3',
      purl: 'pkg:apk/alpine/libssl3@3.0.8-r3?arch=x86_64&distro=3.17.3',
    },
    ...extra,
  };
}

/** A Trivy report of the alpine image, one hour old, holding `findings`. */
function scan(findings: Finding[], report: Partial<ScanReport> = {}, file = 'trivy.json'): ScanDocument {
  return {
    format: 'trivy',
    kind: 'scan',
    file,
    report: {
      format: 'trivy',
      tool: 'Trivy 0.50.1',
      createdAt: new Date('2024-05-01T11:00:00Z'),
      subjectDigests: [ALPINE.toString()],
      subjectName: 'alpine:3.17',
      findings,
      ...report,
    },
  };
}

function statement(vulnerability: string, extra: Partial<VexStatement> = {}): VexStatement {
  return {
    vulnerability,
    aliases: [],
    products: [`pkg:oci/alpine@sha256%3A${ALPINE.hex}`],
    subcomponents: [],
    status: 'not_affected',
    justification: 'vulnerable_code_not_present',
    timestamp: new Date('2024-04-01T00:00:00Z'),
    ...extra,
  };
}

function vexDocument(statements: VexStatement[], file = '.vex/app.openvex.json'): VexEvidence {
  return { format: 'openvex', kind: 'vex', file, report: { format: 'openvex', id: file, statements } };
}

function run(
  scans: ScanDocument[],
  vex: VexEvidence[] = [],
  options: { digest?: Digest; policy?: EvidencePolicy; now?: Date } = {},
) {
  return checkScans(scans, vex, {
    digest: options.digest ?? ALPINE,
    policy: options.policy ?? policy(),
    now: options.now ?? NOW,
  });
}

const statuses = (checks: { status: string }[]) => checks.map((check) => check.status);

describe('checkScans: the report must be about the admitted digest', () => {
  it('rejects a report for another digest, and judges nothing else in it', () => {
    const checks = run([scan([finding('CVE-2024-0001', 'critical')])], [], { digest: OTHER });
    expect(checks).toEqual([
      {
        kind: 'scan',
        file: 'trivy.json',
        status: 'fail',
        reason: `scan report is for ${ALPINE} (alpine:3.17) not ${OTHER}; scan the admitted digest`,
      },
    ]);
  });

  it('accepts a report naming the admitted digest among others (index and platform manifest)', () => {
    const checks = run([scan([], { subjectDigests: [OTHER.toString(), ALPINE.toString()] })]);
    expect(statuses(checks)).toEqual(['pass']);
  });

  it('passes a report that names no digest, but says it cannot show what it scanned', () => {
    const [check] = run([scan([], { subjectDigests: [] })]);
    expect(check?.status).toBe('pass');
    expect(check?.reason).toContain(
      `the report names no image digest, so it does not show it scanned ${ALPINE}`,
    );
  });
});

describe('checkScans: report age', () => {
  it.each([
    ['1h old, limit 24h', '2024-05-01T11:00:00Z', '24h', ['pass']],
    ['exactly 24h old, limit 24h', '2024-04-30T12:00:00Z', '24h', ['pass']],
    ['24h and 1 minute old, limit 24h', '2024-04-30T11:59:00Z', '24h', ['fail']],
    ['3 days old, limit 7d', '2024-04-28T12:00:00Z', '7d', ['pass']],
  ])('%s → %j', (_case, createdAt, maxAge, expected) => {
    const checks = run([scan([], { createdAt: new Date(createdAt) })], [], { policy: policy({}, maxAge) });
    expect(statuses(checks)).toEqual(expected);
  });

  it('names the age and the limit', () => {
    const [check] = run([scan([], { createdAt: new Date('2024-04-28T08:30:00Z') })]);
    expect(check?.reason).toBe(
      'scan report is 3d 3h old (created 2024-04-28T08:30:00.000Z), older than evidence.maxAge 1d; ' +
        'rescan the digest and pass the new report',
    );
  });

  it('reports a stale report with blocking findings twice: once for age, once for findings', () => {
    const checks = run([
      scan([finding('CVE-2024-0001', 'critical')], { createdAt: new Date('2024-04-01T00:00:00Z') }),
    ]);
    expect(statuses(checks)).toEqual(['fail', 'fail']);
    expect(checks[0]?.reason).toMatch(/^scan report is 30d 12h old/);
    expect(checks[1]?.reason).toMatch(/^1 finding at or above high: CVE-2024-0001/);
  });

  it('does not fail an undated report, but says its age was not checked', () => {
    const [check] = run([scan([], { createdAt: undefined })]);
    expect(check?.status).toBe('pass');
    expect(check?.reason).toContain('the report has no timestamp, so its age was not checked');
  });
});

describe('checkScans: findings against failOn', () => {
  it.each<[FailOn, Finding['severity'], 'pass' | 'fail']>([
    ['high', 'critical', 'fail'],
    ['high', 'high', 'fail'],
    ['high', 'medium', 'pass'],
    ['critical', 'high', 'pass'],
    ['critical', 'critical', 'fail'],
    ['low', 'low', 'fail'],
    ['low', 'unknown', 'pass'],
    ['low', 'none', 'pass'],
  ])('failOn %s, a %s finding → %s', (failOn, severity, status) => {
    expect(
      statuses(run([scan([finding('CVE-2024-0001', severity)])], [], { policy: policy({ failOn }) })),
    ).toEqual([status]);
  });

  it('lists up to five blocking findings with severity and package, and counts the rest', () => {
    const findings = Array.from({ length: 7 }, (_, i) =>
      finding(`CVE-2024-000${i}`, i % 2 ? 'high' : 'critical'),
    );
    const [check] = run([scan(findings)]);
    expect(check?.reason).toBe(
      '7 findings at or above high: CVE-2024-0000 (critical, libssl3 3.0.8-r3), CVE-2024-0001 (high, libssl3 3.0.8-r3), ' +
        'CVE-2024-0002 (critical, libssl3 3.0.8-r3), CVE-2024-0003 (high, libssl3 3.0.8-r3), ' +
        'CVE-2024-0004 (critical, libssl3 3.0.8-r3) and 2 more; ' +
        'upgrade the packages, or record why they do not apply in an OpenVEX statement',
    );
  });

  it('reports a clean scan with its counts by severity', () => {
    const findings = [
      finding('A', 'medium'),
      finding('B', 'medium'),
      finding('C', 'low'),
      finding('D', 'unknown'),
    ];
    expect(run([scan(findings)])).toEqual([
      {
        kind: 'scan',
        file: 'trivy.json',
        status: 'pass',
        reason: 'Trivy 0.50.1: no findings at or above high (2 medium, 1 low, 1 unknown)',
      },
    ]);
    expect(run([scan([])])[0]?.reason).toBe(
      'Trivy 0.50.1: no findings at or above high (no findings at all)',
    );
  });

  it.each<[string, boolean | undefined, boolean, 'pass' | 'fail']>([
    ['no fix, ignoreUnfixed', false, true, 'pass'],
    ['no fix, ignoreUnfixed off', false, false, 'fail'],
    ['fix unknown, ignoreUnfixed', undefined, true, 'fail'],
    ['fix available, ignoreUnfixed', true, true, 'fail'],
  ])('%s → %s', (_case, fixAvailable, ignoreUnfixed, status) => {
    const findings = [
      finding('CVE-2024-0001', 'critical', fixAvailable === undefined ? {} : { fixAvailable }),
    ];
    const checks = run([scan(findings)], [], { policy: policy({ ignoreUnfixed }) });
    expect(statuses(checks)).toEqual([status]);
    if (status === 'pass')
      expect(checks[0]?.reason).toContain('1 without a fix ignored (evidence.scan.ignoreUnfixed)');
  });

  it('judges the real debian-buster Trivy report: the critical libidn2 finding rejects', () => {
    const document = parseFixture<'scan'>(trivyFormat, 'scans/trivy/debian-buster.json.golden');
    const [check] = run([document], [], { now: new Date('2021-08-25T13:00:00Z') });
    expect(check?.status).toBe('fail');
    expect(check?.reason).toMatch(
      /^1 finding at or above high: CVE-2019-18224 \(critical, libidn2-0 2\.0\.5-1\);/,
    );
  });

  it('judges the real alpine Trivy report: four medium findings pass failOn high, fail failOn medium', () => {
    const document = parseFixture<'scan'>(trivyFormat, 'scans/trivy/alpine-310.json.golden');
    const now = new Date('2021-08-25T13:00:00Z');
    expect(run([document], [], { now })[0]?.reason).toMatch(
      /^Trivy dev: no findings at or above high \(4 medium\)/,
    );
    expect(statuses(run([document], [], { now, policy: policy({ failOn: 'medium' }) }))).toEqual(['fail']);
    // The golden was written in 2021: today it is stale.
    expect(run([document], [], { now: NOW })[0]?.reason).toMatch(/^scan report is \d+d \d+h old/);
  });
});

describe('checkScans: OpenVEX suppressions', () => {
  it("reproduces Trivy's own VEX filtering: gomod.json.golden minus openvex.json is gomod-vex.json.golden", () => {
    const withoutVex = parseFixture<'scan'>(trivyFormat, 'scans/trivy/gomod.json.golden');
    const withVex = parseFixture<'scan'>(trivyFormat, 'scans/trivy/gomod-vex.json.golden');
    const vex = parseFixture<'vex'>(openVexFormat, 'scans/trivy/openvex.json');
    const filteredByTrivy = withoutVex.report.findings.filter(
      (f) => !withVex.report.findings.some((g) => g.id === f.id),
    );
    expect(filteredByTrivy.map((f) => f.id)).toEqual(['CVE-2022-23628']);

    // failOn low so that the medium finding is judged; the others are severity unknown.
    const checks = run([withoutVex], [vex], {
      policy: policy({ failOn: 'low' }),
      now: new Date('2021-08-25T13:00:00Z'),
    });
    expect(checks).toEqual([
      {
        kind: 'scan',
        file: 'scans/trivy/gomod.json.golden',
        status: 'suppressed',
        reason:
          'CVE-2022-23628 (medium, github.com/open-policy-agent/opa v0.35.0) suppressed by VEX scans/trivy/openvex.json: ' +
          'CVE-2022-23628 is not_affected, justification vulnerable_code_not_in_execute_path',
      },
      expect.objectContaining({ status: 'pass', reason: expect.stringContaining('1 suppressed by VEX') }),
    ]);
  });

  it('suppresses findings in the image go-vex v0.2.0.json names by digest: fixed, and not_affected with a justification', () => {
    const vex = parseFixture<'vex'>(openVexFormat, 'scans/openvex/v0.2.0.json');
    const findings = [
      finding('CVE-2023-2650', 'high'),
      finding('CVE-2023-3446', 'high', {
        package: { name: 'libcrypto3', purl: 'pkg:apk/alpine/libcrypto3@3.0.8-r3' },
      }),
      finding('CVE-2024-9999', 'critical'),
    ];
    const checks = run([scan(findings)], [vex]);
    expect(statuses(checks)).toEqual(['suppressed', 'suppressed', 'fail']);
    expect(checks[0]?.reason).toBe(
      'CVE-2023-2650 (high, libssl3 3.0.8-r3) suppressed by VEX scans/openvex/v0.2.0.json: CVE-2023-2650 is fixed',
    );
    expect(checks[2]?.reason).toMatch(/^1 finding at or above high: CVE-2024-9999 .*; 2 suppressed by VEX$/);
  });

  it('ignores the same VEX for another image, even though its subcomponent purls match the package', () => {
    const vex = parseFixture<'vex'>(openVexFormat, 'scans/openvex/v0.2.0.json');
    const checks = run(
      [scan([finding('CVE-2023-2650', 'high')], { subjectDigests: [OTHER.toString()] })],
      [vex],
      {
        digest: OTHER,
      },
    );
    expect(statuses(checks)).toEqual(['fail']);
  });

  it.each<[string, Partial<VexStatement>, boolean]>([
    ['a pkg:oci purl with the digest', {}, true],
    ['the bare digest (an OpenVEX sha-256 hash)', { products: [ALPINE.toString()] }, true],
    ['an image reference pinned by digest', { products: [`ghcr.io/acme/alpine@${ALPINE}`] }, true],
    ['another digest', { products: [`pkg:oci/alpine@sha256%3A${OTHER.hex}`] }, false],
    [
      "the finding's package purl, without qualifiers",
      { products: ['pkg:apk/alpine/libssl3@3.0.8-r3'] },
      true,
    ],
    ["the finding's package purl, without a version", { products: ['pkg:apk/alpine/libssl3'] }, true],
    ['the package with another version', { products: ['pkg:apk/alpine/libssl3@3.0.9-r0'] }, false],
    ['another package', { products: ['pkg:apk/alpine/busybox@1.36.0-r0'] }, false],
    [
      'the package as a subcomponent of another product',
      { products: ['pkg:github/acme/app'], subcomponents: ['pkg:apk/alpine/libssl3@3.0.8-r3'] },
      true,
    ],
    [
      'the digest, narrowed to the matching subcomponent',
      { subcomponents: ['pkg:apk/alpine/libssl3@3.0.8-r3'] },
      true,
    ],
    [
      'the digest, narrowed to another subcomponent',
      { subcomponents: ['pkg:apk/alpine/busybox@1.36.0-r0'] },
      false,
    ],
    ['an unrelated IRI', { products: ['https://acme.example/products/app'] }, false],
  ])('a statement naming %s → suppressed: %s', (_case, extra, suppressed) => {
    const checks = run(
      [scan([finding('CVE-2024-0001', 'high')])],
      [vexDocument([statement('CVE-2024-0001', extra)])],
    );
    expect(checks[0]?.status).toBe(suppressed ? 'suppressed' : 'fail');
  });

  it('matches vulnerabilities by alias in either direction, ignoring case', () => {
    const findings = [
      finding('GHSA-hv5j-3h9f-99c2', 'high', { aliases: ['CVE-2023-28755'] }),
      finding('CVE-2024-0002', 'high'),
    ];
    const vex = vexDocument([
      statement('cve-2023-28755'),
      statement('GO-2024-0002', { aliases: ['CVE-2024-0002'] }),
    ]);
    expect(statuses(run([scan(findings)], [vex]))).toEqual(['suppressed', 'suppressed', 'pass']);
  });

  it('does not suppress a finding without a package purl by a package-only statement', () => {
    const checks = run(
      [scan([finding('CVE-2024-0001', 'high', { package: { name: 'libssl3' } })])],
      [vexDocument([statement('CVE-2024-0001', { products: ['pkg:apk/alpine/libssl3'] })])],
    );
    expect(statuses(checks)).toEqual(['fail']);
  });

  it.each<[string, Partial<VexStatement>]>([
    ['affected', { status: 'affected', justification: undefined }],
    ['under_investigation', { status: 'under_investigation', justification: undefined }],
  ])('does not suppress on status %s', (_case, extra) => {
    expect(
      statuses(
        run([scan([finding('CVE-2024-0001', 'high')])], [vexDocument([statement('CVE-2024-0001', extra)])]),
      ),
    ).toEqual(['fail']);
  });

  it('does not suppress on an impact statement alone, and warns about the VEX file once', () => {
    const impactOnly = statement('CVE-2024-0001', {
      justification: undefined,
      impactStatement: 'the parser is never reached',
    });
    const findings = [
      finding('CVE-2024-0001', 'high'),
      finding('CVE-2024-0001', 'critical', { package: undefined }),
    ];
    const checks = run([scan(findings), scan(findings, {}, 'grype.json')], [vexDocument([impactOnly])]);
    expect(statuses(checks)).toEqual(['fail', 'fail', 'warn']);
    expect(checks[2]).toEqual({
      kind: 'vex',
      file: '.vex/app.openvex.json',
      status: 'warn',
      reason:
        'CVE-2024-0001 is not_affected without a justification (impact statement: "the parser is never reached"), ' +
        'so it suppresses nothing; add a justification such as vulnerable_code_not_present',
    });
  });

  it.each<[string, VexStatement[], 'suppressed' | 'fail']>([
    [
      'not_affected, then affected a day later',
      [
        statement('CVE-2024-0001'),
        statement('CVE-2024-0001', {
          status: 'affected',
          justification: undefined,
          timestamp: new Date('2024-04-02T00:00:00Z'),
        }),
      ],
      'fail',
    ],
    [
      'affected, then not_affected a day later',
      [
        statement('CVE-2024-0001', {
          status: 'affected',
          justification: undefined,
          timestamp: new Date('2024-04-02T00:00:00Z'),
        }),
        statement('CVE-2024-0001', { timestamp: new Date('2024-04-03T00:00:00Z') }),
      ],
      'suppressed',
    ],
    [
      'a later statement listed first',
      [
        statement('CVE-2024-0001', { timestamp: new Date('2024-04-03T00:00:00Z') }),
        statement('CVE-2024-0001', { status: 'under_investigation', justification: undefined }),
      ],
      'suppressed',
    ],
    [
      'the same timestamp: the later in the document wins',
      [
        statement('CVE-2024-0001'),
        statement('CVE-2024-0001', { status: 'affected', justification: undefined }),
      ],
      'fail',
    ],
    [
      'a later statement about another product does not supersede',
      [
        statement('CVE-2024-0001'),
        statement('CVE-2024-0001', {
          status: 'affected',
          justification: undefined,
          products: ['pkg:apk/alpine/busybox'],
          timestamp: new Date('2024-04-05T00:00:00Z'),
        }),
      ],
      'suppressed',
    ],
  ])('latest statement wins: %s → %s', (_case, statements, status) => {
    expect(run([scan([finding('CVE-2024-0001', 'high')])], [vexDocument(statements)])[0]?.status).toBe(
      status,
    );
  });

  it('lets a later VEX file supersede an earlier one with the same timestamp', () => {
    const checks = run(
      [scan([finding('CVE-2024-0001', 'high')])],
      [
        vexDocument([statement('CVE-2024-0001')], 'a.json'),
        vexDocument([statement('CVE-2024-0001', { status: 'affected', justification: undefined })], 'b.json'),
      ],
    );
    expect(statuses(checks)).toEqual(['fail']);
  });

  it('lists no suppression for findings below failOn', () => {
    const checks = run(
      [scan([finding('CVE-2024-0001', 'medium')])],
      [vexDocument([statement('CVE-2024-0001')])],
    );
    expect(statuses(checks)).toEqual(['pass']);
    expect(checks[0]?.reason).not.toContain('suppressed');
  });

  it('applies VEX to every scan report and judges each report on its own', () => {
    const vex = vexDocument([statement('CVE-2024-0001')]);
    const checks = run(
      [
        scan([finding('CVE-2024-0001', 'high')], {}, 'trivy.json'),
        scan([finding('CVE-2024-0002', 'high')], {}, 'grype.json'),
      ],
      [vex],
    );
    expect(checks.map(({ file, status }) => [file, status])).toEqual([
      ['trivy.json', 'suppressed'],
      ['trivy.json', 'pass'],
      ['grype.json', 'fail'],
    ]);
  });
});
