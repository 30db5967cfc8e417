import { describe, expect, it } from '@jest/globals';
import { cycloneDxFormat } from '../../../src/evidence/formats/cyclonedx.js';
import { grypeFormat } from '../../../src/evidence/formats/grype.js';
import { junitFormat } from '../../../src/evidence/formats/junit.js';
import { openVexFormat } from '../../../src/evidence/formats/openvex.js';
import { sarifFormat } from '../../../src/evidence/formats/sarif.js';
import { spdxFormat } from '../../../src/evidence/formats/spdx.js';
import { trivyFormat } from '../../../src/evidence/formats/trivy.js';
import type { ParsedContent } from '../../../src/evidence/formats/types.js';
import { fixtureContent, fixtureText, json } from '../../support/evidence-fixtures.js';
import { parseXml } from '../../support/parse-xml.js';

/**
 * Formats are recognised by content alone, so at most one may claim any file. The provenance formats
 * (in-toto, DSSE, Sigstore bundle) belong to another module; here we only prove ours leave them alone.
 */
const FORMATS = [
  junitFormat,
  sarifFormat,
  trivyFormat,
  grypeFormat,
  cycloneDxFormat,
  spdxFormat,
  openVexFormat,
];

function claimants(content: ParsedContent): string[] {
  return FORMATS.filter((format) => format.recognises(content)).map((format) => format.name);
}

describe('each real fixture is claimed by exactly one format', () => {
  it.each([
    ['junit/go-junit-report/001-report.xml', 'junit'],
    ['junit/jest-junit/jest-junit.xml', 'junit'],
    ['junit/nextest/basic.xml', 'junit'],
    ['junit/pytest/python-xunit-pytest.xml', 'junit'],
    ['junit/surefire/TEST-action.surefire.report.calc.StringUtilsTest.xml', 'junit'],
    ['junit/trivy/alpine-310.junit.golden', 'junit'],
    ['scans/trivy/alpine-310.json.golden', 'trivy'],
    ['scans/trivy/npm.json.golden', 'trivy'],
    ['scans/trivy/alpine-310.sarif.golden', 'sarif'],
    ['scans/grype/TestSarifPresenter_image.golden', 'sarif'],
    ['scans/sarif/valid-sarif.sarif', 'sarif'],
    ['scans/sarif/invalid-sarif.sarif', 'sarif'],
    ['scans/grype/keycloak-test.json', 'grype'],
    ['scans/grype/TestJsonImgsPresenter.golden', 'grype'],
    ['scans/trivy/openvex.json', 'openvex'],
    ['scans/openvex/v0.0.1.json', 'openvex'],
    ['scans/openvex/trivy.openvex.json', 'openvex'],
    ['sbom/guac/alpine-cyclonedx.json', 'cyclonedx'],
    ['sbom/trivy/centos-7-cyclonedx.json', 'cyclonedx'],
    ['sbom/trivy/centos-7-spdx.json', 'spdx'],
    ['sbom/guac/oci-kubectl-linux-amd64-spdx-1.json', 'spdx'],
  ])('%s → %s', (path, format) => {
    expect(claimants(fixtureContent(path))).toEqual([format]);
  });
});

describe('provenance and foreign documents are claimed by none of these formats', () => {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: 'ab'.repeat(32) } }],
    predicateType: 'https://cyclonedx.org/bom',
    // A predicate that is itself an SBOM must not make the statement look like one.
    predicate: { bomFormat: 'CycloneDX', specVersion: '1.5', components: [] },
  };
  it.each<[string, ParsedContent]>([
    ['an in-toto statement with an SBOM predicate', json(statement)],
    [
      'a DSSE envelope',
      json({
        payloadType: 'application/vnd.in-toto+json',
        payload: 'e30=',
        signatures: [{ keyid: '', sig: 'MEUC' }],
      }),
    ],
    [
      'a Sigstore bundle',
      json({
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: {},
        dsseEnvelope: {},
      }),
    ],
    // The real cosign-attest line: an in-toto statement carrying Trivy's CycloneDX SBOM, in DSSE.
    [
      'a DSSE line of centos-7-cyclonedx.intoto.jsonl',
      json(JSON.parse(fixtureText('sbom/trivy/centos-7-cyclonedx.intoto.jsonl').split('\n')[0] ?? '')),
    ],
    ['an old bare-array Trivy report', json([{ Target: 'alpine:3.10', Vulnerabilities: [] }])],
    ['a checkstyle XML report', parseXml('<checkstyle version="4.3"><file name="a.ts"/></checkstyle>')],
    ['an empty JSON object', json({})],
    ['null', json(null)],
  ])('%s', (_case, content) => {
    expect(claimants(content)).toEqual([]);
  });
});
