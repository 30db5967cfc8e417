import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { cycloneDxFormat } from '../../../src/evidence/formats/cyclonedx.js';
import type { SbomReport } from '../../../src/evidence/types.js';
import { json, parseFixture } from '../../support/evidence-fixtures.js';

const HEX = 'ef'.repeat(32);

/** A CycloneDX 1.6 JSON SBOM whose subject is `component`. */
function bom(component: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): unknown {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: { timestamp: '2024-05-01T12:00:00Z', ...(component ? { component } : {}) },
    components: [],
    ...extra,
  };
}

function parse(value: unknown, file = 'sbom.cdx.json'): SbomReport {
  const document = cycloneDxFormat.parse(json(value), file);
  if (document.kind !== 'sbom') throw new Error('expected an sbom document');
  return document.report;
}

describe('cycloneDxFormat.recognises', () => {
  it.each([
    ['bomFormat CycloneDX', { bomFormat: 'CycloneDX', specVersion: '1.5' }, true],
    ['bomFormat in other case', { bomFormat: 'cyclonedx', specVersion: '1.5' }, false],
    [
      'an in-toto statement carrying a CycloneDX predicate',
      { _type: 'https://in-toto.io/Statement/v1', predicate: { bomFormat: 'CycloneDX' } },
      false,
    ],
  ])('%s → %s', (_case, value, expected) => {
    expect(cycloneDxFormat.recognises(json(value))).toBe(expected);
  });
});

describe('cycloneDxFormat.parse on real SBOMs', () => {
  it.each<[string, SbomReport]>([
    [
      // Syft writes the manifest digest as the container component's version.
      'sbom/guac/alpine-cyclonedx.json',
      {
        format: 'cyclonedx',
        specVersion: '1.4',
        subjectDigests: ['sha256:cbaa390ec61abd889dfa5146a411c11717c19ef9e5e18458dbdc06439076ffe7'],
        subjectName: 'docker.io/library/alpine:latest',
        componentCount: 15,
      },
    ],
    [
      'sbom/guac/distroless-cyclonedx.json',
      {
        format: 'cyclonedx',
        specVersion: '1.4',
        subjectDigests: ['sha256:6ad5b696af3ca05a048bd29bf0f623040462638cb0b29c8d702cbb2805687388'],
        subjectName: 'gcr.io/distroless/static:nonroot',
        componentCount: 3,
      },
    ],
    [
      // A local tarball: Trivy records only the ImageID (config digest), which is never a subject.
      'sbom/trivy/centos-7-cyclonedx.json',
      {
        format: 'cyclonedx',
        specVersion: '1.5',
        subjectDigests: [],
        subjectName: 'integration/testdata/fixtures/images/centos-7.tar.gz',
        componentCount: 3,
      },
    ],
  ])('%s', (path, expected) => {
    expect(parseFixture<'sbom'>(cycloneDxFormat, path).report).toEqual(expected);
  });
});

describe('cycloneDxFormat subject digests', () => {
  it.each([
    [
      'a SHA-256 hash (hex in upper case)',
      { type: 'container', name: 'app', hashes: [{ alg: 'SHA-256', content: HEX.toUpperCase() }] },
    ],
    [
      'a pkg:oci purl',
      { type: 'container', name: 'app', purl: `pkg:oci/app@sha256%3A${HEX}?repository_url=ghcr.io/acme/app` },
    ],
    ['a pkg:oci bom-ref', { type: 'container', name: 'app', 'bom-ref': `pkg:oci/app@sha256%3A${HEX}` }],
    [
      "Trivy's RepoDigest property",
      {
        type: 'container',
        name: 'ghcr.io/acme/app:1.0',
        properties: [
          { name: 'aquasecurity:trivy:ImageID', value: `sha256:${'00'.repeat(32)}` },
          { name: 'aquasecurity:trivy:RepoDigest', value: `ghcr.io/acme/app@sha256:${HEX}` },
        ],
      },
    ],
    [
      "Syft's container version",
      { type: 'container', name: 'ghcr.io/acme/app:1.0', version: `sha256:${HEX}` },
    ],
    ['a digest-pinned name', { type: 'container', name: `ghcr.io/acme/app@sha256:${HEX}` }],
  ])('reads %s', (_case, component) => {
    expect(parse(bom(component)).subjectDigests).toEqual([`sha256:${HEX}`]);
  });

  it('ignores other hash algorithms and versions of non-container subjects', () => {
    const report = parse(
      bom({
        type: 'application',
        name: 'app',
        version: `sha256:${HEX}`,
        hashes: [{ alg: 'SHA-1', content: 'ab'.repeat(20) }],
      }),
    );
    expect(report.subjectDigests).toEqual([]);
  });

  it('names no digest when there is no metadata.component', () => {
    expect(parse(bom(undefined))).toMatchObject({ subjectDigests: [], componentCount: 0 });
  });

  it('counts nested components', () => {
    const components = [
      {
        type: 'library',
        name: 'a',
        components: [
          { type: 'library', name: 'a-1' },
          { type: 'library', name: 'a-2' },
        ],
      },
      { type: 'library', name: 'b' },
    ];
    expect(parse(bom(undefined, { components })).componentCount).toBe(4);
  });
});

describe('cycloneDxFormat malformed content', () => {
  it.each([
    [
      'specVersion is a number',
      bom(undefined, { specVersion: 1.5 }),
      '$.specVersion must be a string, got a number (1.5)',
    ],
    [
      'components is an object',
      bom(undefined, { components: {} }),
      '$.components must be an array, got an object',
    ],
    [
      'a hash has no content',
      bom({ type: 'container', name: 'a', hashes: [{ alg: 'SHA-256' }] }),
      '$.metadata.component.hashes[0].content must be a string',
    ],
    [
      'metadata.component is a string',
      bom(undefined, { metadata: { component: 'app' } }),
      '$.metadata.component must be an object',
    ],
  ])('%s', (_case, value, message) => {
    const parsing = () => parse(value, 'sbom/app.cdx.json');
    expect(parsing).toThrow(EvidenceFormatError);
    expect(parsing).toThrow(`sbom/app.cdx.json: CycloneDX JSON: ${message}`);
  });
});
