import type { Policy } from '../config/types.js';
import { checkProvenance } from './checks/provenance.js';
import { checkSboms } from './checks/sbom.js';
import { checkScans } from './checks/scan.js';
import { checkTests } from './checks/tests.js';
import type { ImageRef } from './image-ref.js';
import { loadEvidence, type EvidenceFs } from './load.js';
import type { Check, EvidenceDocument, EvidenceKind } from './types.js';

/** The admission decision and everything it rests on: what `verify` prints and writes. */
export interface AdmissionReport {
  /** The artifact as given, pinned form (`name@sha256:…`). */
  artifact: string;
  digest: string;
  admitted: boolean;
  checks: Check[];
  /** Files that held nothing Glidepath reads. */
  ignored: { file: string; reason: string }[];
  /** The policy file used, or "defaults". */
  policy: string;
}

/** What `verifyArtifact` needs; the clock is passed in so report ages are testable. */
export interface VerifyRequest {
  artifact: ImageRef;
  evidencePaths: readonly string[];
  policy: Policy;
  trustedRootFile?: string;
  now: Date;
  fs?: EvidenceFs;
}

type DocumentOf<K extends EvidenceDocument['kind']> = Extract<EvidenceDocument, { kind: K }>;

/**
 * Admits an image digest only when its evidence satisfies policy: reads the evidence, runs every
 * check, then adds a `missing` line for each required kind that no check passed. The artifact is
 * admitted when no line is `fail` or `missing`.
 */
export async function verifyArtifact(request: VerifyRequest): Promise<AdmissionReport> {
  const { artifact, policy, now } = request;
  const loaded = await loadEvidence(request.evidencePaths, { fs: request.fs });
  const of = <K extends EvidenceDocument['kind']>(kind: K) =>
    loaded.documents.filter((document): document is DocumentOf<K> => document.kind === kind);

  const checks: Check[] = [
    ...checkTests(of('tests'), policy.evidence.tests),
    ...checkScans(of('scan'), of('vex'), { digest: artifact.digest, policy: policy.evidence, now }),
    ...checkSboms(of('sbom'), { digest: artifact.digest, policy: policy.evidence }),
    ...(await checkProvenance(of('provenance'), {
      digest: artifact.digest,
      policy: policy.evidence.provenance,
      trustedRootFile: request.trustedRootFile,
    })),
  ];
  checks.push(...absentKinds(checks, policy.evidence.require));

  return {
    artifact: artifact.toString(),
    digest: artifact.digest.toString(),
    admitted: !checks.some((check) => check.status === 'fail' || check.status === 'missing'),
    checks,
    ignored: loaded.ignored,
    policy: policy.source ?? 'defaults',
  };
}

/** Why a required kind counts as absent, per kind, when no check of that kind passed. */
const HOW_TO_PROVIDE: Record<EvidenceKind, string> = {
  tests: 'pass the JUnit XML your test runner writes (e.g. jest-junit, pytest --junitxml, go-junit-report)',
  scan: 'pass a Trivy or Grype JSON report, or SARIF, for this digest',
  sbom: 'pass a CycloneDX or SPDX JSON SBOM (e.g. syft or trivy --format cyclonedx)',
  provenance:
    'pass the Sigstore bundle from actions/attest-build-provenance (bundle-path output) or `gh attestation download`',
};

/**
 * Whether a check can satisfy a requirement. A warning is still evidence (tests that passed but
 * whose declared totals disagree), except for provenance: there a warning means an unsigned or
 * non-provenance statement, and an unsigned statement must never satisfy `require: [provenance]`.
 */
function satisfies(check: Check): boolean {
  return check.status === 'pass' || (check.status === 'warn' && check.kind !== 'provenance');
}

function absentKinds(checks: readonly Check[], required: readonly EvidenceKind[]): Check[] {
  const absent: Check[] = [];
  for (const kind of required) {
    const ofKind = checks.filter((check) => check.kind === kind);
    // A kind that already failed says why itself; a "missing" line would only repeat it.
    if (ofKind.some((check) => check.status === 'fail' || satisfies(check))) continue;
    const reason = ofKind.length
      ? `required by policy, but no ${kind} evidence passed (${ofKind.length} ${ofKind.length === 1 ? 'file was' : 'files were'} only warnings); ${HOW_TO_PROVIDE[kind]}`
      : `required by policy, but no ${kind} evidence was given; ${HOW_TO_PROVIDE[kind]}`;
    absent.push({ kind, file: '', status: 'missing', reason });
  }
  const hasSbom = checks.some((check) => check.kind === 'sbom');
  if (!hasSbom && !required.includes('sbom')) {
    absent.push({
      kind: 'sbom',
      file: '',
      status: 'warn',
      reason: 'no SBOM given; set evidence.require: [sbom] to make one mandatory',
    });
  }
  return absent;
}
