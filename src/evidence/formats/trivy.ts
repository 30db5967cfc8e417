import type { Finding, ScanReport, Severity } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import { pinnedDigests } from './pinned-digest.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'Trivy JSON';
const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2; aquasecurity/trivy
 * pkg/types/report.go). Findings are the vulnerabilities, failed misconfigurations and secrets of
 * every result, so the JSON and the SARIF of one scan judge alike. The pre-2021 report, a bare
 * array of results, is not recognised: it names no artifact and no time.
 */
export const trivyFormat: EvidenceFormat = {
  name: 'trivy',

  recognises(content: ParsedContent): boolean {
    return (
      content.syntax === 'json' &&
      isRecord(content.value) &&
      typeof content.value.SchemaVersion === 'number' &&
      ('ArtifactName' in content.value || 'Results' in content.value)
    );
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const findings: Finding[] = [];
    for (const result of root.field('Results').optionalArray()) {
      result.object();
      for (const vulnerability of result.field('Vulnerabilities').optionalArray()) {
        findings.push(readVulnerability(vulnerability));
      }
      for (const misconfiguration of result.field('Misconfigurations').optionalArray()) {
        const finding = readMisconfiguration(misconfiguration);
        if (finding) findings.push(finding);
      }
      for (const secret of result.field('Secrets').optionalArray()) findings.push(readSecret(secret));
    }

    const metadata = root.field('Metadata');
    metadata.optionalObject();
    const artifactName = root.field('ArtifactName').optionalText();
    const version = root.field('Trivy').field('Version').optionalText();
    // `Metadata.ImageID` is the config digest and is deliberately not a subject: it never equals the
    // manifest digest being admitted. RepoDigests are `repo@sha256:…`, one per registry.
    const report: ScanReport = {
      format: 'trivy',
      tool: version ? `Trivy ${version}` : 'Trivy',
      subjectDigests: pinnedDigests([...metadata.field('RepoDigests').optionalStrings(), artifactName]),
      findings,
    };
    const createdAt = root.field('CreatedAt').optionalDate();
    if (createdAt) report.createdAt = createdAt;
    if (artifactName) report.subjectName = artifactName;
    return { format: 'trivy', kind: 'scan', file, report };
  },
};

function readVulnerability(vulnerability: JsonCursor): Finding {
  vulnerability.object();
  const name = vulnerability.field('PkgName').optionalText();
  const version = vulnerability.field('InstalledVersion').optionalText();
  const identifier = vulnerability.field('PkgIdentifier');
  identifier.optionalObject();
  const purl = identifier.field('PURL').optionalText();
  const { severity, severitySource } = severityOf(vulnerability.field('Severity'));
  const finding: Finding = {
    id: vulnerability.field('VulnerabilityID').string(),
    aliases: vulnerability.field('VendorIDs').optionalStrings(),
    severity,
    severitySource,
    fixAvailable: Boolean(vulnerability.field('FixedVersion').optionalText()),
  };
  if (name) finding.package = { name, ...(version ? { version } : {}), ...(purl ? { purl } : {}) };
  const title = vulnerability.field('Title').optionalText();
  if (title) finding.title = title;
  return finding;
}

/** Only failed checks are findings; `--include-non-failures` adds PASS entries to the same list. */
function readMisconfiguration(misconfiguration: JsonCursor): Finding | undefined {
  misconfiguration.object();
  const status = misconfiguration.field('Status').optionalString();
  if (status !== undefined && status !== 'FAIL') return undefined;
  const shortId = misconfiguration.field('ID').optionalText();
  const id = misconfiguration.field('AVDID').optionalText() ?? misconfiguration.field('ID').string();
  const title = misconfiguration.field('Title').optionalText();
  return {
    id,
    aliases: shortId && shortId !== id ? [shortId] : [],
    ...severityOf(misconfiguration.field('Severity')),
    ...(title ? { title } : {}),
  };
}

function readSecret(secret: JsonCursor): Finding {
  secret.object();
  const title = secret.field('Title').optionalText();
  return {
    id: secret.field('RuleID').string(),
    aliases: [],
    ...severityOf(secret.field('Severity')),
    ...(title ? { title } : {}),
  };
}

/** Trivy writes severities in capitals; they are compared case-insensitively and stored lowercase. */
function severityOf(field: JsonCursor): { severity: Severity; severitySource: string } {
  const text = field.optionalText();
  if (text === undefined) return { severity: 'unknown', severitySource: 'no Severity' };
  const upper = text.toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(upper)) {
    field.fail(`must be one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(text)}`);
  }
  return { severity: upper.toLowerCase() as Severity, severitySource: text };
}
