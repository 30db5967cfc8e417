/**
 * The evidence vocabulary: what the format parsers produce and what the checks consume. Parsers
 * only describe what a file says; checks (src/evidence/checks/) judge it against policy.
 */

/** The kinds of evidence a policy can require. */
export type EvidenceKind =
  /** Test results (JUnit XML). */
  | 'tests'
  /** Vulnerability scans (SARIF 2.1.0, Trivy JSON, Grype JSON). */
  | 'scan'
  /** Software bill of materials (CycloneDX JSON, SPDX JSON). */
  | 'sbom'
  /** Build provenance (in-toto Statement v1, plain, in DSSE, or in a Sigstore bundle). */
  | 'provenance';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['tests', 'scan', 'sbom', 'provenance'];

/** Outcome of one check, as printed in the report. */
export type CheckStatus =
  /** The evidence satisfies policy. */
  | 'pass'
  /** The evidence contradicts policy; the artifact is rejected. */
  | 'fail'
  /** Worth a look, not a rejection (an SBOM missing when not required, skipped tests). */
  | 'warn'
  /** A kind the policy requires has no evidence at all; the artifact is rejected. */
  | 'missing'
  /** A finding that OpenVEX says does not apply; listed so every suppression is visible. */
  | 'suppressed';

/** One line of the admission report. `kind` is `vex` for problems with a VEX document itself. */
export interface Check {
  kind: EvidenceKind | 'vex' | 'artifact';
  /** The evidence file the check is about, as the user passed it ('' for a missing kind). */
  file: string;
  status: CheckStatus;
  /** One sentence a person can act on. */
  reason: string;
}

/** Severity bands shared by SARIF (security-severity), Trivy and Grype, lowest to highest. */
export type Severity = 'none' | 'unknown' | 'low' | 'medium' | 'high' | 'critical';

/** The severities a policy may name in `evidence.scan.failOn`. */
export type FailOn = 'low' | 'medium' | 'high' | 'critical';

/** Rank for comparison; `none` and `unknown` rank below every failOn value. */
export const SEVERITY_RANK: Record<Severity, number> = {
  none: 0,
  unknown: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

/** A software package a finding or VEX statement is about. */
export interface PackageRef {
  name: string;
  version?: string;
  /** Package URL, when the tool gave one. */
  purl?: string;
}

/** One vulnerability or rule hit from a scanner. */
export interface Finding {
  /** CVE / GHSA / rule id as the tool reports it. */
  id: string;
  /** Other names of the same vulnerability (GHSA ↔ CVE), used for VEX matching. */
  aliases: string[];
  severity: Severity;
  /** Where the severity came from, for the report ("level error", "security-severity 9.8", "CRITICAL"). */
  severitySource: string;
  package?: PackageRef;
  /** true when the tool knows a fixed version exists, false when it knows none does. */
  fixAvailable?: boolean;
  /** Short human title or message. */
  title?: string;
}

/** A parsed scanner report. */
export interface ScanReport {
  format: 'sarif' | 'trivy' | 'grype';
  /** The scanner's name and version as it reports them ("Trivy 0.50.1"). */
  tool: string;
  /** When the scan ran, if the report says. */
  createdAt?: Date;
  /** Image digests (`sha256:…`) the report names as its subject; empty when it names none. */
  subjectDigests: string[];
  /** The artifact name the report gives ("alpine:3.10"), for messages only. */
  subjectName?: string;
  findings: Finding[];
}

/** A parsed JUnit report: counts come from `testcase` elements, aggregates are only hints. */
export interface TestReport {
  format: 'junit';
  /** Number of `testcase` elements. */
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  /** Totals declared by the root's attributes, when present (to flag disagreement). */
  declared?: { tests?: number; failures?: number; errors?: number; skipped?: number };
  /** The failing and erroring cases (at most 20), for the report. */
  problems: { name: string; classname?: string; outcome: 'failure' | 'error'; message?: string }[];
}

/** A parsed SBOM. */
export interface SbomReport {
  format: 'cyclonedx' | 'spdx';
  specVersion: string;
  /** Digests (`sha256:…`) of the artifact the SBOM describes, when it names them. */
  subjectDigests: string[];
  subjectName?: string;
  /** Number of components or packages listed. */
  componentCount: number;
}

/** VEX status values (OpenVEX v0.2.0). */
export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** One OpenVEX statement with the document defaults already applied. */
export interface VexStatement {
  /** Vulnerability name, e.g. CVE-2023-1234. */
  vulnerability: string;
  aliases: string[];
  /** Product identifiers: `@id`s, purls from `identifiers`, and `sha256:…` from `hashes`. */
  products: string[];
  /** Subcomponent identifiers (purls), empty when the statement names none. */
  subcomponents: string[];
  status: VexStatus;
  justification?: string;
  impactStatement?: string;
  timestamp?: Date;
}

export interface VexDocument {
  format: 'openvex';
  id: string;
  timestamp?: Date;
  version?: number;
  statements: VexStatement[];
}

/** in-toto Statement (v1, or v0.1 which is accepted only where a policy allows legacy statements). */
export interface InTotoStatement {
  type: string;
  subjects: { name?: string; digest: Record<string, string> }[];
  predicateType: string;
  predicate: unknown;
}

/** Everything a file can turn into. One evidence file may hold several documents (JSON lines). */
export type EvidenceDocument =
  | { format: 'junit'; kind: 'tests'; file: string; report: TestReport }
  | { format: 'sarif' | 'trivy' | 'grype'; kind: 'scan'; file: string; report: ScanReport }
  | { format: 'cyclonedx' | 'spdx'; kind: 'sbom'; file: string; report: SbomReport }
  | { format: 'openvex'; kind: 'vex'; file: string; report: VexDocument }
  /** An unsigned in-toto statement, plain or in a DSSE envelope without a way to verify it. */
  | { format: 'in-toto' | 'dsse'; kind: 'provenance'; file: string; statement: InTotoStatement }
  /** A Sigstore bundle as JSON; verified later against the trusted root. */
  | { format: 'sigstore-bundle'; kind: 'provenance'; file: string; bundle: unknown };

export type EvidenceFormatName = EvidenceDocument['format'];
