import type { EvidencePolicy } from '../../config/types.js';
import { pinnedDigest } from '../formats/pinned-digest.js';
import type { Digest } from '../image-ref.js';
import {
  SEVERITY_RANK,
  type Check,
  type EvidenceDocument,
  type Finding,
  type ScanReport,
  type Severity,
  type VexStatement,
} from '../types.js';

type ScanDocument = Extract<EvidenceDocument, { kind: 'scan' }>;
type VexEvidence = Extract<EvidenceDocument, { kind: 'vex' }>;

/** Blocking findings named in a reason; the rest are counted. */
const NAMED_FINDINGS = 5;
const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown', 'none'];

/** What `checkScans` judges against. */
export interface ScanCheckContext {
  /** The digest being admitted. */
  digest: Digest;
  policy: EvidencePolicy;
  /** The clock, for report ages. */
  now: Date;
}

/** A VEX statement with where it came from and its place in the evidence, for "latest wins". */
interface SourcedStatement {
  file: string;
  statement: VexStatement;
  order: number;
}

/**
 * Judges each scan report: it must be about the admitted digest (when it names one), no older than
 * `maxAge`, and hold no finding at or above `failOn` that OpenVEX does not suppress. Every
 * suppression is reported as its own `suppressed` line; VEX statements that look like suppressions
 * but are not (an impact statement without a justification) are reported as `vex` warnings.
 *
 * Security: a VEX statement turns a rejection into an admission, and this function trusts every
 * statement it is given. The caller must pass only VEX documents from the repository's trusted path
 * or from attestations it verified. Matching is therefore kept narrow: a statement must name the
 * vulnerability (or an alias) exactly, and the admitted digest or the finding's own package; a
 * statement pinned to another image never applies here.
 */
export function checkScans(scans: ScanDocument[], vex: VexEvidence[], context: ScanCheckContext): Check[] {
  const statements: SourcedStatement[] = vex
    .flatMap(({ file, report }) => report.statements.map((statement) => ({ file, statement })))
    .map((entry, order) => ({ ...entry, order }));
  const vexWarnings = new Map<SourcedStatement, Check>();
  const checks = scans.flatMap((scan) => checkScan(scan, statements, context, vexWarnings));
  return [...checks, ...vexWarnings.values()];
}

function checkScan(
  { file, report }: ScanDocument,
  statements: SourcedStatement[],
  context: ScanCheckContext,
  vexWarnings: Map<SourcedStatement, Check>,
): Check[] {
  const artifact = context.digest.toString();
  const { policy } = context;
  if (report.subjectDigests.length && !report.subjectDigests.includes(artifact)) {
    const named = report.subjectName ? ` (${report.subjectName})` : '';
    return [
      fail(
        file,
        `scan report is for ${report.subjectDigests.join(' or ')}${named} not ${artifact}; scan the admitted digest`,
      ),
    ];
  }

  const checks: Check[] = [];
  const stale = staleness(report, context);
  if (stale) checks.push(fail(file, stale));

  const threshold = SEVERITY_RANK[policy.scan.failOn];
  const blocking: Finding[] = [];
  let unfixed = 0;
  let suppressed = 0;
  for (const finding of report.findings) {
    if (SEVERITY_RANK[finding.severity] < threshold) continue;
    const decisive = decisiveStatement(finding, statements, artifact);
    if (decisive && suppresses(decisive.statement)) {
      suppressed += 1;
      checks.push({ kind: 'scan', file, status: 'suppressed', reason: suppressionReason(finding, decisive) });
      continue;
    }
    if (decisive?.statement.status === 'not_affected' && !vexWarnings.has(decisive)) {
      vexWarnings.set(decisive, unjustifiedWarning(decisive));
    }
    if (policy.scan.ignoreUnfixed && finding.fixAvailable === false) unfixed += 1;
    else blocking.push(finding);
  }

  const notes = [
    suppressed ? `${suppressed} suppressed by VEX` : '',
    unfixed ? `${unfixed} without a fix ignored (evidence.scan.ignoreUnfixed)` : '',
    report.createdAt ? '' : 'the report has no timestamp, so its age was not checked',
    report.subjectDigests.length
      ? ''
      : `the report names no image digest, so it does not show it scanned ${artifact}`,
  ].filter(Boolean);
  const tail = notes.length ? `; ${notes.join('; ')}` : '';
  if (blocking.length) {
    checks.push(fail(file, `${blockingSummary(blocking, policy.scan.failOn)}${tail}`));
  } else if (!stale) {
    checks.push({
      kind: 'scan',
      file,
      status: 'pass',
      reason: `${report.tool}: no findings at or above ${policy.scan.failOn} (${severityCounts(report)})${tail}`,
    });
  }
  return checks;
}

/** Why the report is too old, or undefined when it is fresh enough (or undated: see the notes). */
function staleness(report: ScanReport, { policy, now }: ScanCheckContext): string | undefined {
  if (!report.createdAt) return undefined;
  const age = now.getTime() - report.createdAt.getTime();
  if (age <= policy.maxAge.milliseconds) return undefined;
  return (
    `scan report is ${formatAge(age)} old (created ${report.createdAt.toISOString()}), older than ` +
    `evidence.maxAge ${policy.maxAge}; rescan the digest and pass the new report`
  );
}

/**
 * The statement that decides a finding: among the statements about the same vulnerability that apply
 * here, the latest by timestamp, then by position in the evidence (a later file or statement wins).
 */
function decisiveStatement(
  finding: Finding,
  statements: SourcedStatement[],
  artifact: string,
): SourcedStatement | undefined {
  const names = new Set([finding.id, ...finding.aliases].map((name) => name.toUpperCase()));
  const applicable = statements.filter(
    ({ statement }) =>
      [statement.vulnerability, ...statement.aliases].some((name) => names.has(name.toUpperCase())) &&
      appliesTo(statement, finding, artifact),
  );
  const time = (entry: SourcedStatement) => entry.statement.timestamp?.getTime() ?? Number.NEGATIVE_INFINITY;
  return applicable.sort((a, b) => time(a) - time(b) || a.order - b.order).at(-1);
}

/**
 * A statement applies when a product names the admitted digest (bare hash, `pkg:oci/…@sha256%3A…`
 * or `image@sha256:…`), narrowed to its subcomponents when it lists them; or when a product or
 * subcomponent purl names the finding's package. A statement whose products are all pinned to other
 * digests is about other images, whatever packages it names.
 */
function appliesTo(statement: VexStatement, finding: Finding, artifact: string): boolean {
  const purl = finding.package?.purl;
  const productDigests = statement.products.map(pinnedDigest).filter((digest) => digest !== undefined);
  if (productDigests.includes(artifact)) {
    if (!statement.subcomponents.length || !purl) return true;
    return statement.subcomponents.some((subcomponent) => purlsMatch(subcomponent, purl));
  }
  if (productDigests.length === statement.products.length && productDigests.length > 0) return false;
  if (!purl) return false;
  return [...statement.products, ...statement.subcomponents].some((id) => purlsMatch(id, purl));
}

/**
 * `fixed`, or `not_affected` with a justification. OpenVEX also allows an impact statement alone,
 * but calls free text "highly discouraged for automated systems": a gate cannot judge prose.
 */
function suppresses(statement: VexStatement): boolean {
  return (
    statement.status === 'fixed' ||
    (statement.status === 'not_affected' && statement.justification !== undefined)
  );
}

function suppressionReason(finding: Finding, { file, statement }: SourcedStatement): string {
  const status =
    statement.status === 'not_affected'
      ? `not_affected, justification ${statement.justification}`
      : statement.status;
  return `${describeFinding(finding)} suppressed by VEX ${file}: ${statement.vulnerability} is ${status}`;
}

function unjustifiedWarning({ file, statement }: SourcedStatement): Check {
  const impact = statement.impactStatement ? ` (impact statement: "${statement.impactStatement}")` : '';
  return {
    kind: 'vex',
    file,
    status: 'warn',
    reason:
      `${statement.vulnerability} is not_affected without a justification${impact}, so it suppresses nothing; ` +
      'add a justification such as vulnerable_code_not_present',
  };
}

function blockingSummary(blocking: Finding[], failOn: string): string {
  const named = blocking.slice(0, NAMED_FINDINGS).map(describeFinding).join(', ');
  const more = blocking.length > NAMED_FINDINGS ? ` and ${blocking.length - NAMED_FINDINGS} more` : '';
  const count = `${blocking.length} ${blocking.length === 1 ? 'finding' : 'findings'}`;
  return (
    `${count} at or above ${failOn}: ${named}${more}; ` +
    'upgrade the packages, or record why they do not apply in an OpenVEX statement'
  );
}

/** `CVE-2019-18224 (critical, libidn2-0 2.0.5-1)`. */
function describeFinding(finding: Finding): string {
  const pkg = finding.package
    ? `, ${[finding.package.name, finding.package.version].filter(Boolean).join(' ')}`
    : '';
  return `${finding.id} (${finding.severity}${pkg})`;
}

function severityCounts(report: ScanReport): string {
  if (!report.findings.length) return 'no findings at all';
  const counts = SEVERITY_ORDER.map((severity) => ({
    severity,
    count: report.findings.filter((finding) => finding.severity === severity).length,
  }));
  return counts
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => `${count} ${severity}`)
    .join(', ');
}

function fail(file: string, reason: string): Check {
  return { kind: 'scan', file, status: 'fail', reason };
}

/** "3d 4h", "5h 12m", "40m": precise enough to compare with a policy limit at a glance. */
function formatAge(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  return `${minutes}m`;
}

/** The parts of a package URL that name a package: type, namespace, name and version. */
interface PackageUrl {
  type: string;
  namespace: string;
  name: string;
  version?: string;
}

/**
 * Package URLs name the same package when type, namespace and name agree (type ignoring case, the
 * rest after percent-decoding) and, when the VEX side gives a version, the versions agree; a VEX
 * purl without a version speaks for every version. Qualifiers and subpath are ignored: scanners and
 * VEX authors disagree on `?arch=…&distro=…`.
 */
function purlsMatch(vexId: string, findingPurl: string): boolean {
  const vex = parsePurl(vexId);
  const found = parsePurl(findingPurl);
  if (!vex || !found) return false;
  return (
    vex.type === found.type &&
    vex.namespace === found.namespace &&
    vex.name === found.name &&
    (vex.version === undefined || vex.version === found.version)
  );
}

function parsePurl(text: string): PackageUrl | undefined {
  if (!text.startsWith('pkg:')) return undefined;
  const withoutScheme = text.slice('pkg:'.length).replace(/^\/+/, '');
  const path = withoutScheme.split('#')[0]?.split('?')[0] ?? '';
  const at = path.lastIndexOf('@');
  // An `@` followed by a `/` is an unencoded npm scope (`pkg:npm/@types/node`), not a version.
  const hasVersion = at >= 0 && !path.slice(at + 1).includes('/');
  const segments = (hasVersion ? path.slice(0, at) : path).split('/').filter(Boolean);
  const type = segments.shift()?.toLowerCase();
  const name = segments.pop();
  if (!type || !name) return undefined;
  const purl: PackageUrl = { type, namespace: segments.map(decode).join('/'), name: decode(name) };
  if (hasVersion) purl.version = decode(path.slice(at + 1));
  return purl;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
