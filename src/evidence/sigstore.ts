/**
 * Offline Sigstore verification: trusted roots, the signer-identity policy, and what a verified
 * signing certificate says about the build. Everything here is synchronous and network-free once the
 * trusted root is loaded; @sigstore/verify does the cryptography.
 */
import { readFile } from 'node:fs/promises';
import type { Bundle } from '@sigstore/bundle';
import type { X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  PolicyError,
  toSignedEntity,
  toTrustMaterial,
  VerificationError,
  Verifier,
  type SignedEntity,
  type TrustMaterial,
  type VerificationPolicy,
} from '@sigstore/verify';
import type { ProvenancePolicy } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { describeBundleError } from './formats/sigstore-bundle.js';
import { GITHUB_TRUSTED_ROOT } from './trust/github.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from './trust/public-good.js';

/** A trusted root ready for @sigstore/verify, with the thresholds its contents allow. */
export interface TrustRoot {
  /** For messages: "Sigstore public-good", "GitHub", or the file (and line) it was read from. */
  name: string;
  material: TrustMaterial;
  thresholds: { tlogThreshold: number; ctlogThreshold: number; timestampThreshold: number };
}

const TRUSTED_ROOT_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.trustedroot';

/**
 * Builds a TrustRoot from trusted_root.json content. Thresholds follow the root: one transparency-log
 * entry when it lists logs, one SCT when it lists CT logs, else none (GitHub's instance has neither),
 * and always one verified timestamp. The timestamp threshold must never be 0: @sigstore/verify checks
 * the certificate chain once per verified timestamp, so with no timestamps no chain is checked.
 * Throws ConfigurationError naming `name` when the content is not a usable trusted root.
 */
export function trustRootFromJSON(json: unknown, name: string): TrustRoot {
  const fix = 'pass a trusted_root.json such as `gh attestation trusted-root` writes';
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigurationError(`not a Sigstore trusted root (expected a JSON object); ${fix}`, name);
  }
  const mediaType = (json as Record<string, unknown>).mediaType;
  if (typeof mediaType !== 'string' || !mediaType.startsWith(TRUSTED_ROOT_MEDIA_TYPE_PREFIX)) {
    throw new ConfigurationError(
      `not a Sigstore trusted root: mediaType must be ${TRUSTED_ROOT_MEDIA_TYPE_PREFIX}+json;version=0.1, got ${JSON.stringify(mediaType)}; ${fix}`,
      name,
    );
  }
  let root: TrustedRoot;
  let material: TrustMaterial;
  try {
    root = TrustedRoot.fromJSON(json);
    material = toTrustMaterial(root);
  } catch (error) {
    throw new ConfigurationError(
      `trusted root has an unreadable key or certificate (${(error as Error).message}); ${fix}`,
      name,
      { cause: error },
    );
  }
  if (root.certificateAuthorities.length === 0) {
    throw new ConfigurationError(
      `trusted root lists no certificate authorities, so no bundle can verify; ${fix}`,
      name,
    );
  }
  return {
    name,
    material,
    thresholds: {
      tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
      ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
      timestampThreshold: 1,
    },
  };
}

/**
 * Reads a trusted root file: one JSON object, or JSON lines with one root per line (the format of
 * `gh attestation trusted-root`). A bundle then verifies if it verifies against any of them. Throws
 * ConfigurationError naming the file when it is unreadable or not a trusted root.
 */
export async function loadTrustedRoot(file: string): Promise<TrustRoot[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigurationError(
      `cannot read the trusted root (${code}); check the --trusted-root path`,
      file,
    );
  }
  try {
    return [trustRootFromJSON(JSON.parse(text), file)];
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  const roots: TrustRoot[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new ConfigurationError(
        `not JSON or JSON lines (${(error as Error).message}); pass the trusted_root.json file itself`,
        `${file}:${index + 1}`,
      );
    }
    roots.push(trustRootFromJSON(json, `${file}:${index + 1}`));
  }
  if (roots.length === 0) throw new ConfigurationError('the trusted root file is empty', file);
  return roots;
}

let defaults: TrustRoot[] | undefined;

/**
 * The roots used when no --trusted-root is given: Sigstore public-good (public repositories) and
 * GitHub's instance (private and internal repositories), both embedded in the build.
 */
export function defaultTrustRoots(): TrustRoot[] {
  defaults ??= [
    trustRootFromJSON(PUBLIC_GOOD_TRUSTED_ROOT, 'Sigstore public-good'),
    trustRootFromJSON(GITHUB_TRUSTED_ROOT, 'GitHub'),
  ];
  return defaults;
}

/** What the signing certificate must say: a SAN pattern (when the policy names a signer) and an issuer. */
export interface IdentityPolicy {
  /** OIDC issuer (Fulcio extension 1.3.6.1.4.1.57264.1.8, or the legacy .1), compared exactly. */
  issuer: string;
  /** Absent when the policy names no signer: any identity of the issuer is accepted. */
  subjectAlternativeName?: {
    /** Anchored regular expression for @sigstore/verify; every piece of user text in it is escaped. */
    pattern: string;
    /** The expectation in words, for messages ("https://github.com/o/r/.github/workflows/f.yml@<ref>"). */
    expected: string;
    /** The policy field(s) it came from, so a message can say what to change. */
    fields: string[];
  };
}

/** Escapes every character that has a meaning in a JavaScript regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A GitHub workflow is pinned by a branch, a tag or a full commit SHA: never a pull-request ref. */
const WORKFLOW_REF = '@(?:refs/(?:heads|tags)/[^\\s]+|[0-9a-f]{40})';
const GITHUB = '^https://github\\.com/';

/**
 * Builds the certificate identity policy from `evidence.provenance`.
 *
 * Security: @sigstore/verify tests `subjectAlternativeName` as a JavaScript RegExp against the SAN,
 * unanchored (`san.match(pattern)`). Passing user text through would let `acme/app` match
 * `https://github.com/evil/acme/app-fork/…`, and a `.` in `release.yml` match any character. So every
 * piece of user text is escaped, every pattern is anchored at both ends (`$` without the `m` flag
 * matches only at the very end in JavaScript), and the parts Glidepath adds are fixed: the
 * `https://github.com/` prefix, `/.github/workflows/` for a repository, and a ref that is a branch, a
 * tag or a 40-hex commit (a workflow run from a pull-request ref is not a release signer). When more
 * than one of certIdentity, signerWorkflow and signerRepo is set, the SAN must satisfy all of them
 * (each as a lookahead). Matching is case-sensitive, as Fulcio writes the SAN from the OIDC token.
 */
export function identityPolicy(policy: ProvenancePolicy): IdentityPolicy {
  const parts: { pattern: string; expected: string; field: string }[] = [];
  if (policy.certIdentity !== undefined) {
    parts.push({
      pattern: `^${escapeRegExp(policy.certIdentity)}$`,
      expected: policy.certIdentity,
      field: 'certIdentity',
    });
  }
  if (policy.signerWorkflow !== undefined) {
    parts.push({
      pattern: `${GITHUB}${escapeRegExp(policy.signerWorkflow)}${WORKFLOW_REF}$`,
      expected: `https://github.com/${policy.signerWorkflow}@<branch, tag or commit>`,
      field: 'signerWorkflow',
    });
  }
  if (policy.signerRepo !== undefined) {
    parts.push({
      pattern: `${GITHUB}${escapeRegExp(policy.signerRepo)}/\\.github/workflows/[^@/]+${WORKFLOW_REF}$`,
      expected: `https://github.com/${policy.signerRepo}/.github/workflows/<any workflow>@<branch, tag or commit>`,
      field: 'signerRepo',
    });
  }
  if (parts.length === 0) return { issuer: policy.issuer };
  return {
    issuer: policy.issuer,
    subjectAlternativeName: {
      pattern: parts.length === 1 ? parts[0]!.pattern : parts.map((part) => `(?=${part.pattern})`).join(''),
      expected: parts.map((part) => part.expected).join(' and '),
      fields: parts.map((part) => part.field),
    },
  };
}

/** Fulcio certificate extensions (sigstore/fulcio docs/oid-info.md). */
const FULCIO_OID = {
  issuerV1: '1.3.6.1.4.1.57264.1.1',
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
} as const;

/** What a signing certificate says about its signer and build. Read from the certificate, never the predicate. */
export interface CertificateIdentity {
  subjectAlternativeName?: string;
  issuer?: string;
  /** `github-hosted` or `self-hosted` (…1.11). */
  runnerEnvironment?: string;
  /** `https://github.com/owner/repo` (…1.12). */
  sourceRepository?: string;
  /** Commit SHA the build ran at (…1.13). */
  sourceDigest?: string;
  /** `refs/heads/main` (…1.14). */
  sourceRef?: string;
  /** The workflow that signed (…1.9); differs from the SAN's repository for reusable workflows. */
  buildSignerUri?: string;
}

/** Reads the Fulcio extensions of a leaf certificate. */
export function readCertificateIdentity(certificate: X509Certificate): CertificateIdentity {
  const v2 = (oid: string) => utf8Extension(certificate, oid);
  return {
    subjectAlternativeName: certificate.subjectAltName,
    // The same precedence as @sigstore/verify: the DER-encoded .8, else the raw legacy .1.
    issuer: v2(FULCIO_OID.issuer) ?? rawExtension(certificate, FULCIO_OID.issuerV1),
    runnerEnvironment: v2(FULCIO_OID.runnerEnvironment),
    sourceRepository: v2(FULCIO_OID.sourceRepositoryUri),
    sourceDigest: v2(FULCIO_OID.sourceRepositoryDigest),
    sourceRef: v2(FULCIO_OID.sourceRepositoryRef),
    buildSignerUri: v2(FULCIO_OID.buildSignerUri),
  };
}

/**
 * The string in a "V2" Fulcio extension: the extnValue must be exactly one DER UTF8String. Anything
 * else (a second copy of the extension, trailing bytes, another type) reads as absent, so a policy
 * that requires the value fails instead of trusting an ambiguous certificate.
 */
function utf8Extension(certificate: X509Certificate, oid: string): string | undefined {
  const copies = certificate.extensions.filter((extension) => extension.subs[0]?.toOID() === oid);
  if (copies.length !== 1) return undefined;
  const value = certificate.extension(oid)?.value;
  if (!value || value.length < 2 || value[0] !== 0x0c) return undefined;
  const first = value[1]!;
  // DER length: short form below 128, else 0x81/0x82 followed by one or two length bytes.
  const lengthBytes = first & 0x80 ? first & 0x7f : 0;
  if (first === 0x80 || lengthBytes > 2 || value.length < 2 + lengthBytes) return undefined;
  const length = lengthBytes ? value.readUIntBE(2, lengthBytes) : first;
  const offset = 2 + lengthBytes;
  if (offset + length !== value.length) return undefined;
  return value.subarray(offset).toString('utf8');
}

function rawExtension(certificate: X509Certificate, oid: string): string | undefined {
  return certificate.extension(oid)?.value.toString('ascii');
}

/** The outcome of verifying one bundle against the trusted roots and the identity policy. */
export type BundleVerification =
  | {
      verified: true;
      /** Name of the trusted root the bundle verified against. */
      root: string;
      identity: CertificateIdentity;
    }
  | {
      verified: false;
      /** Why, as a clause a person can act on ("the signature does not match …"). */
      reason: string;
      /** True when the cryptography held and only the signer identity (SAN or issuer) is wrong. */
      wrongSigner: boolean;
    };

/**
 * Verifies a bundle offline: timestamps, certificate chain, transparency-log entries (when the root
 * has logs), the signature over the DSSE envelope and, when `policy` is given, the signer identity.
 * The bundle verifies if it verifies against any root; when all fail, the error from the root that
 * got furthest is reported. The in-toto statement inside is not read here.
 */
export function verifyBundle(
  bundle: Bundle,
  roots: readonly TrustRoot[],
  policy?: IdentityPolicy,
): BundleVerification {
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle);
  } catch (error) {
    return { verified: false, reason: `the bundle ${describeBundleError(error)}`, wrongSigner: false };
  }
  if (entity.key.$case !== 'certificate') {
    return {
      verified: false,
      reason: `it is signed with a bare public key (hint "${entity.key.hint}"), which no trusted root vouches for; attest keyless with a Sigstore certificate (actions/attest-build-provenance)`,
      wrongSigner: false,
    };
  }
  const certificate = entity.key.certificate;
  const libraryPolicy: VerificationPolicy | undefined = policy && {
    extensions: { issuer: policy.issuer },
    ...(policy.subjectAlternativeName && { subjectAlternativeName: policy.subjectAlternativeName.pattern }),
  };
  const failures: unknown[] = [];
  for (const root of roots) {
    try {
      new Verifier(root.material, root.thresholds).verify(entity, libraryPolicy);
      return { verified: true, root: root.name, identity: readCertificateIdentity(certificate) };
    } catch (error) {
      // @sigstore/verify checks the policy last, after timestamps, chain, logs and signature: a
      // PolicyError means this root vouches for the certificate and only the identity is wrong.
      if (error instanceof PolicyError && policy) {
        return { verified: false, reason: describeWrongSigner(certificate, policy), wrongSigner: true };
      }
      failures.push(error);
    }
  }
  const tried = roots.map((root) => root.name).join(', ');
  return {
    verified: false,
    reason: `${describeVerificationError(furthest(failures))} (trusted roots tried: ${tried})`,
    wrongSigner: false,
  };
}

/** How far @sigstore/verify's Verifier.verify got before each error: timestamps, key, logs, signature. */
const STAGE: Record<string, number> = {
  TIMESTAMP_ERROR: 1,
  CERTIFICATE_ERROR: 2,
  PUBLIC_KEY_ERROR: 2,
  TLOG_ERROR: 3,
  TLOG_BODY_ERROR: 3,
  TLOG_INCLUSION_PROOF_ERROR: 3,
  TLOG_INCLUSION_PROMISE_ERROR: 3,
  TLOG_MISSING_INCLUSION_ERROR: 3,
  SIGNATURE_ERROR: 4,
};

function furthest(errors: readonly unknown[]): unknown {
  const stage = (error: unknown) => (error instanceof VerificationError ? (STAGE[error.code] ?? 0) : 0);
  return errors.reduce((best, error) => (stage(error) > stage(best) ? error : best), errors[0]);
}

/** Maps a @sigstore/verify error to one clause a person can act on, with the library's detail. */
export function describeVerificationError(error: unknown): string {
  if (!(error instanceof VerificationError || error instanceof PolicyError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return `the bundle could not be verified (${detail}); regenerate it, and report a Glidepath bug if it verifies with cosign`;
  }
  const message = error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  const detail = `${error.code}: ${message}`;
  switch (error.code) {
    case 'SIGNATURE_ERROR':
      return `the signature does not match the signed content (${detail}): the payload or signature was altered after signing; re-attest the artifact from its build`;
    case 'CERTIFICATE_ERROR':
      return `the signing certificate does not chain to a certificate authority of the trusted root at signing time (${detail}); use the trusted root of the Sigstore instance that issued it (--trusted-root)`;
    case 'TIMESTAMP_ERROR':
      return `no transparency log or timestamp authority of the trusted root vouches for when it was signed (${detail}); use the trusted root of the Sigstore instance that issued it (GitHub's for private repositories)`;
    case 'TLOG_ERROR':
      return `it has no transparency-log entry, and the trusted root requires one (${detail}); bundles from GitHub's private-repository instance need GitHub's trusted root`;
    case 'TLOG_BODY_ERROR':
    case 'TLOG_INCLUSION_PROOF_ERROR':
    case 'TLOG_INCLUSION_PROMISE_ERROR':
    case 'TLOG_MISSING_INCLUSION_ERROR':
      return `its transparency-log entry does not match the bundle or is not proven in a trusted log (${detail}): the bundle was altered or comes from a log the trusted root does not list; re-attest the artifact`;
    case 'PUBLIC_KEY_ERROR':
      return `it is signed with a key no trusted root vouches for (${detail}); attest keyless with a Sigstore certificate`;
    case 'UNTRUSTED_SIGNER_ERROR':
      return `the signer is not the one the policy expects (${detail}); check evidence.provenance`;
    default:
      return `verification failed (${detail}); regenerate the bundle`;
  }
}

function describeWrongSigner(certificate: X509Certificate, policy: IdentityPolicy): string {
  const actual = readCertificateIdentity(certificate);
  if (actual.issuer !== policy.issuer) {
    return actual.issuer === undefined
      ? `its certificate names no OIDC issuer, but evidence.provenance.issuer requires ${policy.issuer}`
      : `its certificate was issued for ${actual.issuer}, but evidence.provenance.issuer requires ${policy.issuer}`;
  }
  const san = policy.subjectAlternativeName;
  const fields = san ? san.fields.map((field) => `evidence.provenance.${field}`).join(' and ') : 'the policy';
  return `signed by ${actual.subjectAlternativeName ?? '(no subject alternative name)'}, but ${fields} expects ${san?.expected ?? 'another signer'}`;
}
