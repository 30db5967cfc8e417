import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { spdxFormat } from '../../../src/evidence/formats/spdx.js';
import type { SbomReport } from '../../../src/evidence/types.js';
import { json, parseFixture } from '../../support/evidence-fixtures.js';

const HEX = '5a'.repeat(32);

/** An SPDX 2.3 JSON document with an image package and a library package. */
function spdx(image: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'ghcr.io/acme/app',
    documentNamespace: 'https://example.com/spdx/app-1',
    creationInfo: { created: '2024-05-01T12:00:00Z', creators: ['Tool: syft-1.4.1'] },
    packages: [
      { SPDXID: 'SPDXRef-image', name: 'ghcr.io/acme/app', downloadLocation: 'NOASSERTION', ...image },
      {
        SPDXID: 'SPDXRef-lib',
        name: 'openssl',
        downloadLocation: 'NOASSERTION',
        checksums: [{ algorithm: 'SHA256', checksumValue: '00'.repeat(32) }],
      },
    ],
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-image',
      },
    ],
    ...extra,
  };
}

function parse(value: unknown, file = 'sbom.spdx.json'): SbomReport {
  const document = spdxFormat.parse(json(value), file);
  if (document.kind !== 'sbom') throw new Error('expected an sbom document');
  return document.report;
}

describe('spdxFormat.recognises', () => {
  it.each([
    ['spdxVersion SPDX-2.3', { spdxVersion: 'SPDX-2.3' }, true],
    ['spdxVersion SPDX-2.2', { spdxVersion: 'SPDX-2.2' }, true],
    ['spdxVersion without the SPDX- prefix', { spdxVersion: '2.3' }, false],
    ['a CycloneDX SBOM', { bomFormat: 'CycloneDX' }, false],
  ])('%s → %s', (_case, value, expected) => {
    expect(spdxFormat.recognises(json(value))).toBe(expected);
  });
});

describe('spdxFormat.parse on real SBOMs', () => {
  it.each<[string, SbomReport]>([
    [
      // Syft: the described image package carries a SHA256 checksum and a pkg:oci purl with an unencoded colon.
      'sbom/guac/oci-kubectl-linux-amd64-spdx-1.json',
      {
        format: 'spdx',
        specVersion: '2.3',
        subjectDigests: ['sha256:ee398c1e436e28bb57d16e3fed395657e877890295483bf21c016acbab6b7fd1'],
        subjectName: 'k8supstream.azurecr.io/public/oss/kubernetes/kubectl',
        componentCount: 89,
      },
    ],
    [
      // Trivy on a local tarball: only "ImageID:" attribution text, the config digest, which is never a subject.
      'sbom/trivy/centos-7-spdx.json',
      {
        format: 'spdx',
        specVersion: '2.2',
        subjectDigests: [],
        subjectName: 'integration/testdata/fixtures/images/centos-7.tar.gz',
        componentCount: 4,
      },
    ],
  ])('%s', (path, expected) => {
    expect(parseFixture<'sbom'>(spdxFormat, path).report).toEqual(expected);
  });
});

describe('spdxFormat subject digests', () => {
  it.each([
    ['a SHA256 checksum', { checksums: [{ algorithm: 'SHA256', checksumValue: HEX }] }],
    [
      'a pkg:oci purl',
      {
        externalRefs: [
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator: `pkg:oci/app@sha256%3A${HEX}?arch=amd64`,
          },
        ],
      },
    ],
    [
      "Trivy's RepoDigest attribution",
      {
        attributionTexts: [
          'ImageID: sha256:' + '00'.repeat(32),
          `RepoDigest: ghcr.io/acme/app@sha256:${HEX}`,
        ],
      },
    ],
  ])('reads %s of the described package, not of the other packages', (_case, image) => {
    expect(parse(spdx(image)).subjectDigests).toEqual([`sha256:${HEX}`]);
  });

  it('follows documentDescribes and DESCRIBED_BY as well as DESCRIBES', () => {
    const checksums = [{ algorithm: 'SHA256', checksumValue: HEX }];
    expect(
      parse(spdx({ checksums }, { relationships: [], documentDescribes: ['SPDXRef-image'] })).subjectDigests,
    ).toEqual([`sha256:${HEX}`]);
    const describedBy = [
      {
        spdxElementId: 'SPDXRef-image',
        relationshipType: 'DESCRIBED_BY',
        relatedSpdxElement: 'SPDXRef-DOCUMENT',
      },
    ];
    expect(parse(spdx({ checksums }, { relationships: describedBy })).subjectDigests).toEqual([
      `sha256:${HEX}`,
    ]);
  });

  it('ignores SHA1 checksums and non-purl references', () => {
    const report = parse(
      spdx({
        checksums: [{ algorithm: 'SHA1', checksumValue: 'ab'.repeat(20) }],
        externalRefs: [
          {
            referenceCategory: 'SECURITY',
            referenceType: 'cpe23Type',
            referenceLocator: 'cpe:2.3:a:acme:app:1.0:*:*:*:*:*:*:*',
          },
        ],
      }),
    );
    expect(report).toMatchObject({ subjectDigests: [], subjectName: 'ghcr.io/acme/app', componentCount: 2 });
  });
});

describe('spdxFormat malformed content', () => {
  it.each([
    ['packages is an object', spdx({}, { packages: {} }), '$.packages must be an array, got an object'],
    [
      'a relationship type is a number',
      spdx(
        {},
        {
          relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 1, relatedSpdxElement: 'x' },
          ],
        },
      ),
      '$.relationships[0].relationshipType must be a string, got a number (1)',
    ],
    [
      'a checksum value is missing',
      spdx({ checksums: [{ algorithm: 'SHA256' }] }),
      '$.packages[0].checksums[0].checksumValue must be a string',
    ],
  ])('%s', (_case, value, message) => {
    const parsing = () => parse(value, 'sbom/app.spdx.json');
    expect(parsing).toThrow(EvidenceFormatError);
    expect(parsing).toThrow(`sbom/app.spdx.json: SPDX JSON: ${message}`);
  });
});
