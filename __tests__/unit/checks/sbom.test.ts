import { describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '../../../src/config/load-policy.js';
import type { EvidencePolicy } from '../../../src/config/types.js';
import { checkSboms } from '../../../src/evidence/checks/sbom.js';
import { cycloneDxFormat } from '../../../src/evidence/formats/cyclonedx.js';
import { spdxFormat } from '../../../src/evidence/formats/spdx.js';
import { Digest } from '../../../src/evidence/image-ref.js';
import type { EvidenceDocument, SbomReport } from '../../../src/evidence/types.js';
import { parseFixture } from '../../support/evidence-fixtures.js';

const ALPINE = Digest.parse('sha256:cbaa390ec61abd889dfa5146a411c11717c19ef9e5e18458dbdc06439076ffe7');
const OTHER = Digest.parse(`sha256:${'0f'.repeat(32)}`);

function policy(minCycloneDxVersion = '1.4'): EvidencePolicy {
  const { evidence } = defaultPolicy();
  return { ...evidence, sbom: { minCycloneDxVersion } };
}

function sbom(
  report: Partial<SbomReport> & Pick<SbomReport, 'format'>,
): Extract<EvidenceDocument, { kind: 'sbom' }> {
  return {
    format: report.format,
    kind: 'sbom',
    file: 'sbom.json',
    report: {
      specVersion: report.format === 'spdx' ? '2.3' : '1.5',
      subjectDigests: [],
      componentCount: 2,
      ...report,
    },
  };
}

describe('checkSboms', () => {
  it('passes an SBOM of the admitted digest, with its component count', () => {
    const document = parseFixture<'sbom'>(cycloneDxFormat, 'sbom/guac/alpine-cyclonedx.json');
    expect(checkSboms([document], { digest: ALPINE, policy: policy() })).toEqual([
      {
        kind: 'sbom',
        file: 'sbom/guac/alpine-cyclonedx.json',
        status: 'pass',
        reason: `CycloneDX 1.4 SBOM with 15 components for ${ALPINE}`,
      },
    ]);
  });

  it('rejects an SBOM of another digest and says what to do', () => {
    const document = parseFixture<'sbom'>(cycloneDxFormat, 'sbom/guac/alpine-cyclonedx.json');
    const [result] = checkSboms([document], { digest: OTHER, policy: policy() });
    expect(result).toMatchObject({ status: 'fail', kind: 'sbom' });
    expect(result?.reason).toBe(
      `CycloneDX 1.4 SBOM describes ${ALPINE} not ${OTHER}; generate the SBOM from the admitted digest`,
    );
  });

  it('passes an SBOM that names no digest, saying so', () => {
    const document = parseFixture<'sbom'>(spdxFormat, 'sbom/trivy/centos-7-spdx.json');
    const [result] = checkSboms([document], { digest: OTHER, policy: policy() });
    expect(result?.status).toBe('pass');
    expect(result?.reason).toBe(
      `SPDX 2.2 SBOM with 4 components that names no image digest, so it does not show it describes ${OTHER}`,
    );
  });

  it.each<[string, Partial<SbomReport> & Pick<SbomReport, 'format'>, string, 'pass' | 'fail']>([
    ['CycloneDX 1.4 at minimum 1.4', { format: 'cyclonedx', specVersion: '1.4' }, '1.4', 'pass'],
    ['CycloneDX 1.6 at minimum 1.4', { format: 'cyclonedx', specVersion: '1.6' }, '1.4', 'pass'],
    ['CycloneDX 1.3 at minimum 1.4', { format: 'cyclonedx', specVersion: '1.3' }, '1.4', 'fail'],
    ['CycloneDX 1.4 at minimum 1.5', { format: 'cyclonedx', specVersion: '1.4' }, '1.5', 'fail'],
    [
      'CycloneDX 1.10 at minimum 1.9 (numeric, not text)',
      { format: 'cyclonedx', specVersion: '1.10' },
      '1.9',
      'pass',
    ],
    ['CycloneDX "1.x" at minimum 1.0', { format: 'cyclonedx', specVersion: '1.x' }, '1.0', 'fail'],
    ['SPDX 2.3', { format: 'spdx', specVersion: '2.3' }, '1.4', 'pass'],
    ['SPDX 2.2', { format: 'spdx', specVersion: '2.2' }, '1.4', 'pass'],
    ['SPDX 2.1', { format: 'spdx', specVersion: '2.1' }, '1.4', 'fail'],
    ['SPDX 3.0', { format: 'spdx', specVersion: '3.0' }, '1.4', 'fail'],
  ])('%s → %s', (_case, report, minimum, status) => {
    const [result] = checkSboms([sbom(report)], { digest: OTHER, policy: policy(minimum) });
    expect(result?.status).toBe(status);
  });

  it('explains an old CycloneDX or unsupported SPDX version', () => {
    const [cyclonedx, spdx] = checkSboms(
      [sbom({ format: 'cyclonedx', specVersion: '1.3' }), sbom({ format: 'spdx', specVersion: '2.1' })],
      { digest: OTHER, policy: policy('1.4') },
    );
    expect(cyclonedx?.reason).toMatch(
      /^CycloneDX 1\.3 is older than evidence\.sbom\.minCycloneDxVersion 1\.4; regenerate/,
    );
    expect(spdx?.reason).toBe('SPDX 2.1 is not supported; Glidepath reads SPDX 2.2 and 2.3 JSON');
  });

  it('checks the digest before the version', () => {
    const [result] = checkSboms(
      [sbom({ format: 'cyclonedx', specVersion: '1.2', subjectDigests: [ALPINE.toString()] })],
      {
        digest: OTHER,
        policy: policy(),
      },
    );
    expect(result?.reason).toMatch(/describes sha256:cbaa.* not sha256:0f0f/);
  });

  it('passes the real Syft SPDX 2.3 SBOM of kubectl for its digest', () => {
    const document = parseFixture<'sbom'>(spdxFormat, 'sbom/guac/oci-kubectl-linux-amd64-spdx-1.json');
    const digest = Digest.parse('sha256:ee398c1e436e28bb57d16e3fed395657e877890295483bf21c016acbab6b7fd1');
    expect(checkSboms([document], { digest, policy: policy() })[0]).toMatchObject({
      status: 'pass',
      reason: `SPDX 2.3 SBOM with 89 components for ${digest}`,
    });
  });
});
