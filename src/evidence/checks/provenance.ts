import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import type { ProvenancePolicy } from '../../config/types.js';
import { ConfigurationError } from '../../errors.js';
import { isInTotoPayloadType, readStatementPayload } from '../formats/dsse.js';
import { STATEMENT_V01, STATEMENT_V1 } from '../formats/in-toto.js';
import { describeBundleError } from '../formats/sigstore-bundle.js';
import type { Digest } from '../image-ref.js';
import {
  defaultTrustRoots,
  identityPolicy,
  loadTrustedRoot,
  verifyBundle,
  type CertificateIdentity,
  type IdentityPolicy,
  type TrustRoot,
} from '../sigstore.js';
import type { Check, CheckStatus, EvidenceDocument, InTotoStatement } from '../types.js';

type ProvenanceDocument = Extract<EvidenceDocument, { kind: 'provenance' }>;

/** What the provenance check judges against. */
export interface ProvenanceContext {
  /** The artifact being admitted; some statement subject must carry exactly this digest. */
  digest: Digest;
  policy: ProvenancePolicy;
  /** --trusted-root: replaces the embedded public-good and GitHub roots. */
  trustedRootFile?: string;
}

/**
 * One check per provenance document (a JSON-lines file gives one per line). Only a Sigstore bundle
 * that verifies offline, names the artifact digest as a subject, carries the policy's predicate type
 * and was signed by the policy's identity from the policy's source passes; an unsigned statement
 * about the artifact is at best a warning. Throws ConfigurationError when the trusted root is unusable.
 */
export async function checkProvenance(
  docs: ProvenanceDocument[],
  context: ProvenanceContext,
): Promise<Check[]> {
  const explicitRoots = context.trustedRootFile ? await loadTrustedRoot(context.trustedRootFile) : undefined;
  const roots = () => explicitRoots ?? defaultTrustRoots();
  const identity = identityPolicy(context.policy);
  return docs.map((doc): Check => {
    const { status, reason } =
      doc.format === 'sigstore-bundle'
        ? judgeBundle(doc.bundle, doc.file, context, roots(), identity)
        : judgeUnsigned(doc.statement, context);
    return { kind: 'provenance', file: doc.file, status, reason };
  });
}

interface Verdict {
  status: CheckStatus;
  reason: string;
}

const fail = (reason: string): Verdict => ({ status: 'fail', reason });
const warn = (reason: string): Verdict => ({ status: 'warn', reason });

function judgeUnsigned(statement: InTotoStatement, context: ProvenanceContext): Verdict {
  const subject = subjectFailure(statement, context.digest);
  if (subject) return fail(subject);
  if (statement.predicateType !== context.policy.predicateType) {
    return warn(notBuildProvenance(statement, context));
  }
  const version = versionFailure(statement, context.policy);
  if (version) return fail(version);
  return warn(
    `unsigned: cannot satisfy require: [provenance]; the statement names ${context.digest} but nothing vouches for it: ` +
      'pass the Sigstore bundle from actions/attest-build-provenance (bundle-path) or `gh attestation download`',
  );
}

/**
 * The order decides which reason is printed: bundle structure, then the cryptography (a tampered
 * bundle says so whatever its payload claims), then what the authenticated payload claims (payload
 * type, subject, predicate type, statement version), then who signed it and from where. A statement
 * with another predicate type is only warned about: the signer policy is about build provenance.
 * Verifying twice (without, then with, the identity policy) costs a few milliseconds and keeps the
 * identity check inside @sigstore/verify.
 */
function judgeBundle(
  json: unknown,
  file: string,
  context: ProvenanceContext,
  roots: readonly TrustRoot[],
  identity: IdentityPolicy,
): Verdict {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (error) {
    return fail(`not a valid Sigstore bundle: ${describeBundleError(error)}`);
  }
  if (bundle.content.$case !== 'dsseEnvelope') {
    return warn(
      'a message-signature bundle signs a file, not an in-toto attestation: not build provenance; ignored',
    );
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.signatures.length !== 1) {
    return fail(
      `its DSSE envelope carries ${envelope.signatures.length} signatures; a bundle must carry exactly one (sigstore_bundle.proto)`,
    );
  }
  const authentic = verifyBundle(bundle, roots);
  if (!authentic.verified) return fail(`does not verify: ${authentic.reason}`);
  if (!isInTotoPayloadType(envelope.payloadType)) {
    return fail(
      `its DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, not application/vnd.in-toto+json: not an in-toto attestation`,
    );
  }

  let statement: InTotoStatement;
  try {
    statement = readStatementPayload(envelope.payload, file);
  } catch (error) {
    return fail(`its DSSE payload is not an in-toto Statement: ${bareMessage(error)}`);
  }
  const subject = subjectFailure(statement, context.digest);
  if (subject) return fail(subject);
  if (statement.predicateType !== context.policy.predicateType) {
    return warn(`${notBuildProvenance(statement, context)} (its signature verified)`);
  }
  const version = versionFailure(statement, context.policy);
  if (version) return fail(version);

  const signer = verifyBundle(bundle, roots, identity);
  if (!signer.verified) {
    return fail(signer.wrongSigner ? `wrong signer: ${signer.reason}` : `does not verify: ${signer.reason}`);
  }
  const certificateFailure = sourceFailure(signer.identity, context.policy);
  if (certificateFailure) return fail(certificateFailure);
  return { status: 'pass', reason: describePass(statement, signer.identity, signer.root, identity) };
}

/**
 * Every statement, signed or not and whatever its predicate, must be about the artifact: evidence
 * for another digest in the set is a mistake worth stopping for.
 */
function subjectFailure(statement: InTotoStatement, digest: Digest): string | undefined {
  const matches = statement.subjects.some(
    (subject) =>
      Object.hasOwn(subject.digest, digest.algorithm) && subject.digest[digest.algorithm] === digest.hex,
  );
  if (matches) return undefined;
  return `its subjects (${describeSubjects(statement)}) do not include the artifact digest ${digest}: this attestation is about another artifact`;
}

/**
 * The statement version, checked only for build provenance: an SBOM attestation in Statement v0.1
 * (Trivy and cosign still write them) is ignored like any other predicate, not rejected.
 */
function versionFailure(statement: InTotoStatement, policy: ProvenancePolicy): string | undefined {
  if (statement.type === STATEMENT_V1 || (statement.type === STATEMENT_V01 && policy.allowLegacyStatement)) {
    return undefined;
  }
  if (statement.type === STATEMENT_V01) {
    return `in-toto Statement v0.1 (${STATEMENT_V01}) is accepted only with evidence.provenance.allowLegacyStatement: true; attest with a current tool to get Statement v1`;
  }
  return `unsupported in-toto Statement type ${statement.type}; Glidepath reads ${STATEMENT_V1}`;
}

function describeSubjects(statement: InTotoStatement): string {
  const named = statement.subjects.flatMap((subject) =>
    Object.entries(subject.digest)
      .filter(([algorithm]) => algorithm === 'sha256' || algorithm === 'sha512')
      .map(([algorithm, hex]) => `${algorithm}:${hex}${subject.name ? ` ${subject.name}` : ''}`),
  );
  if (named.length === 0) return 'no sha256 or sha512 digest';
  const shown = named.slice(0, 3).join(', ');
  return named.length > 3 ? `${shown} and ${named.length - 3} more` : shown;
}

function notBuildProvenance(statement: InTotoStatement, { policy }: ProvenanceContext): string {
  return `predicateType ${statement.predicateType} is not ${policy.predicateType} (evidence.provenance.predicateType): not build provenance; ignored`;
}

/**
 * Source repository, ref and runner environment, each from the verified signing certificate
 * (Fulcio extensions .12, .14, .11). The predicate says the same things, but it is written by the
 * build itself; the certificate is written by Fulcio from the OIDC token.
 */
function sourceFailure(identity: CertificateIdentity, policy: ProvenancePolicy): string | undefined {
  if (policy.sourceRepository !== undefined) {
    const expected = `https://github.com/${policy.sourceRepository}`;
    if (identity.sourceRepository !== expected) {
      const actual =
        identity.sourceRepository ??
        'a source repository its certificate does not name (no extension 1.3.6.1.4.1.57264.1.12)';
      return `built from ${actual}, but evidence.provenance.sourceRepository requires ${expected} (read from the signing certificate, not the predicate)`;
    }
  }
  if (policy.sourceRef !== undefined && identity.sourceRef !== policy.sourceRef) {
    const actual =
      identity.sourceRef ?? 'a ref its certificate does not name (no extension 1.3.6.1.4.1.57264.1.14)';
    return `built from ${actual}, but evidence.provenance.sourceRef requires ${policy.sourceRef} (read from the signing certificate)`;
  }
  if (policy.runnerEnvironment !== 'any' && identity.runnerEnvironment !== policy.runnerEnvironment) {
    const actual = identity.runnerEnvironment
      ? `a ${identity.runnerEnvironment} runner`
      : 'a runner its certificate does not name (no extension 1.3.6.1.4.1.57264.1.11)';
    return `built on ${actual}, but evidence.provenance.runnerEnvironment requires ${policy.runnerEnvironment}; set it to any to accept every runner`;
  }
  return undefined;
}

function describePass(
  statement: InTotoStatement,
  certificate: CertificateIdentity,
  root: string,
  identity: IdentityPolicy,
): string {
  const source = certificate.sourceRepository
    ? `${certificate.sourceRepository}@${certificate.sourceRef ?? '(ref not recorded)'}`
    : '(not recorded in the certificate)';
  const builder = builderId(statement.predicate) ?? '(not named)';
  const anySigner = identity.subjectAlternativeName
    ? ''
    : '; any signer accepted; set evidence.provenance.signerWorkflow';
  return (
    `signed by ${certificate.subjectAlternativeName ?? '(no SAN)'} (issuer ${certificate.issuer ?? 'not recorded'}); ` +
    `source ${source}; builder ${builder}; verified offline against the ${root} trusted root${anySigner}`
  );
}

/** `runDetails.builder.id` (SLSA v1) or `builder.id` (SLSA v0.2), for the report only. */
function builderId(predicate: unknown): string | undefined {
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  const id =
    field(field(field(predicate, 'runDetails'), 'builder'), 'id') ?? field(field(predicate, 'builder'), 'id');
  return typeof id === 'string' ? id : undefined;
}

/** A ConfigurationError's message without the `file: ` prefix (the check already names the file). */
function bareMessage(error: unknown): string {
  if (
    error instanceof ConfigurationError &&
    error.location &&
    error.message.startsWith(`${error.location}: `)
  ) {
    return error.message.slice(error.location.length + 2);
  }
  return error instanceof Error ? error.message : String(error);
}
