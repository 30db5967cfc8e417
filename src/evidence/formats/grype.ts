import type { Finding, ScanReport, Severity } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import { pinnedDigests } from './pinned-digest.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'Grype JSON';

/** Grype's title-case severities; `Negligible` has no band of its own and counts as low. */
const SEVERITY = new Map<string, Severity>([
  ['negligible', 'low'],
  ['low', 'low'],
  ['medium', 'medium'],
  ['high', 'high'],
  ['critical', 'critical'],
  ['unknown', 'unknown'],
]);

/**
 * What `vulnerability.fix.state` says about a fix. `unknown` and `""` say nothing, so
 * `ignoreUnfixed` never hides those matches.
 */
const FIX_STATE = new Map<string, boolean>([
  ['fixed', true],
  ['not-fixed', false],
  ['wont-fix', false],
]);

/** Grype's JSON report (`grype -o json`; anchore/grype grype/presenter/models). */
export const grypeFormat: EvidenceFormat = {
  name: 'grype',

  recognises(content: ParsedContent): boolean {
    if (content.syntax !== 'json' || !isRecord(content.value) || !('matches' in content.value)) return false;
    const descriptor = content.value.descriptor;
    return (isRecord(descriptor) && descriptor.name === 'grype') || 'source' in content.value;
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const findings = root
      .field('matches')
      .array()
      .map((match) => readMatch(match));

    const descriptor = root.field('descriptor');
    descriptor.optionalObject();
    const name = descriptor.field('name').optionalText() ?? 'grype';
    const version = descriptor.field('version').optionalText();
    const report: ScanReport = {
      format: 'grype',
      tool: version ? `${name} ${version}` : name,
      subjectDigests: [],
      findings,
    };
    const source = root.field('source');
    source.optionalObject();
    if (source.field('type').optionalString() === 'image') {
      const target = source.field('target');
      target.object();
      const userInput = target.field('userInput').optionalText();
      // The manifest digest is the platform image that was scanned; repoDigests and a pinned
      // userInput carry the digest it was pulled by, which for a multi-platform image is the index.
      // Any of them identifies the scanned image. `imageID` (the config digest) never does.
      report.subjectDigests = pinnedDigests([
        target.field('manifestDigest').optionalText(),
        ...target.field('repoDigests').optionalStrings(),
        userInput,
      ]);
      if (userInput) report.subjectName = userInput;
    }
    const createdAt = descriptor.field('timestamp').optionalDate();
    if (createdAt) report.createdAt = createdAt;
    return { format: 'grype', kind: 'scan', file, report };
  },
};

function readMatch(match: JsonCursor): Finding {
  match.object();
  const vulnerability = match.field('vulnerability');
  vulnerability.object();
  const id = vulnerability.field('id').string();
  const severityField = vulnerability.field('severity');
  const severityText = severityField.optionalText();
  const severity =
    severityText === undefined
      ? 'unknown'
      : (SEVERITY.get(severityText.toLowerCase()) ??
        severityField.fail(
          `must be one of Negligible, Low, Medium, High, Critical, Unknown, got ${JSON.stringify(severityText)}`,
        ));
  const aliases = match
    .field('relatedVulnerabilities')
    .optionalArray()
    .map((related) => {
      related.object();
      return related.field('id').string();
    })
    .filter((alias) => alias !== id);

  const finding: Finding = {
    id,
    aliases: [...new Set(aliases)],
    severity,
    severitySource: severityText ?? 'no severity',
  };
  const fix = vulnerability.field('fix');
  fix.optionalObject();
  const fixAvailable = FIX_STATE.get(fix.field('state').optionalText() ?? '');
  if (fixAvailable !== undefined) finding.fixAvailable = fixAvailable;

  const artifact = match.field('artifact');
  artifact.object();
  const version = artifact.field('version').optionalText();
  const purl = artifact.field('purl').optionalText();
  finding.package = {
    name: artifact.field('name').string(),
    ...(version ? { version } : {}),
    ...(purl ? { purl } : {}),
  };
  return finding;
}
