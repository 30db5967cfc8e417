import { bundleFromJSON, ValidationError } from '@sigstore/bundle';
import { toSignedEntity } from '@sigstore/verify';
import { EvidenceFormatError } from '../../errors.js';
import { isRecord } from './json-cursor.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

/**
 * Covers every bundle spelling clients must accept: `application/vnd.dev.sigstore.bundle+json;version=0.1`
 * (0.2, 0.3) and `application/vnd.dev.sigstore.bundle.v0.3+json`.
 */
const MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';

/**
 * A Sigstore bundle (`actions/attest-build-provenance`, `gh attestation download`, `cosign`), kept
 * as JSON and verified by the provenance check against the trusted roots.
 *
 * A bundle that is structurally broken (a field missing or of the wrong type, a certificate or
 * timestamp that is not DER, a DSSE envelope without exactly one signature) is an
 * EvidenceFormatError here, so the run exits 2 naming the file, like any other malformed evidence.
 * Only cryptography and policy (signature, chain, timestamps, identity, subject) are left to the
 * check, where they become a failed check (exit 1).
 */
export const sigstoreBundleFormat: EvidenceFormat = {
  name: 'sigstore-bundle',

  recognises(content: ParsedContent): boolean {
    return (
      content.syntax === 'json' &&
      isRecord(content.value) &&
      typeof content.value.mediaType === 'string' &&
      content.value.mediaType.startsWith(MEDIA_TYPE_PREFIX)
    );
  },

  parse(content: ParsedContent, file: string) {
    const value = content.syntax === 'json' ? content.value : undefined;
    const problem = bundleProblem(value);
    if (problem) throw new EvidenceFormatError(`Sigstore bundle: ${problem}`, file);
    return { format: 'sigstore-bundle', kind: 'provenance', file, bundle: value };
  },
};

/**
 * Why `value` is not a usable Sigstore bundle, or undefined when it is one. Runs @sigstore/bundle's
 * validation and decodes the certificate and timestamps, without any cryptographic check.
 */
export function bundleProblem(value: unknown): string | undefined {
  try {
    toSignedEntity(bundleFromJSON(value));
    return undefined;
  } catch (error) {
    return describeBundleError(error);
  }
}

/** One clause for a @sigstore/bundle ValidationError or a decoding error, naming the broken fields. */
export function describeBundleError(error: unknown): string {
  const regenerate =
    'regenerate it with actions/attest-build-provenance, `gh attestation download` or cosign';
  if (error instanceof ValidationError) {
    const fields = error.fields ?? [];
    if (fields.includes('content.dsseEnvelope.signatures')) {
      return `its DSSE envelope must carry exactly one signature (protobuf-specs sigstore_bundle.proto); ${regenerate}`;
    }
    if (fields.includes('mediaType')) {
      return `unsupported mediaType: use bundle v0.1, v0.2 or v0.3; ${regenerate}`;
    }
    const named = fields.length ? fields.join(', ') : 'unknown fields';
    return `${named} missing or malformed (${error.message}); ${regenerate}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `cannot be decoded (${detail}); ${regenerate}`;
}
