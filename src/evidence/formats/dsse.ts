import { EvidenceFormatError } from '../../errors.js';
import type { InTotoStatement } from '../types.js';
import { readStatement } from './in-toto.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'DSSE envelope';

/**
 * in-toto's envelope.md: payloadType "MUST be set to `application/vnd.in-toto.<predicate>+json` or
 * to `application/vnd.in-toto+json`".
 */
const IN_TOTO_PAYLOAD_TYPE = /^application\/vnd\.in-toto(?:\.[^\s+/]+)?\+json$/;

/** Base64 as DSSE writers emit it: standard or URL-safe alphabet, optional padding. */
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

/** True for the payload types in-toto allows for a Statement inside DSSE. */
export function isInTotoPayloadType(payloadType: string): boolean {
  return IN_TOTO_PAYLOAD_TYPE.test(payloadType);
}

/**
 * A bare DSSE envelope (`{payloadType, payload, signatures}`) carrying an in-toto Statement, as
 * `cosign attest` or in-toto tooling writes it. Glidepath has no key to check its signatures with,
 * so it is as unsigned as a plain Statement; only a Sigstore bundle carries verifiable signatures.
 */
export const dsseFormat: EvidenceFormat = {
  name: 'dsse',

  recognises(content: ParsedContent): boolean {
    if (content.syntax !== 'json' || !isRecord(content.value)) return false;
    const { payloadType, payload, signatures, _type, mediaType } = content.value;
    return (
      typeof payloadType === 'string' &&
      isInTotoPayloadType(payloadType) &&
      typeof payload === 'string' &&
      Array.isArray(signatures) &&
      _type === undefined &&
      mediaType === undefined
    );
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const payloadType = root.field('payloadType').string();
    if (!isInTotoPayloadType(payloadType)) {
      root
        .field('payloadType')
        .fail(`must be application/vnd.in-toto+json, got ${JSON.stringify(payloadType)}`);
    }
    for (const signature of root.field('signatures').array()) {
      signature.object();
      signature.field('sig').string();
      signature.field('keyid').optionalString();
    }
    const payloadField: JsonCursor = root.field('payload');
    const payload = decodeBase64(payloadField.string());
    if (!payload) payloadField.fail('must be base64');
    return { format: 'dsse', kind: 'provenance', file, statement: readStatementPayload(payload, file) };
  },
};

/** Decodes standard or URL-safe base64; undefined when the text is not base64. */
export function decodeBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

/**
 * Reads a DSSE payload as an in-toto Statement. Throws EvidenceFormatError naming `file` when the
 * payload is not JSON or not a Statement.
 */
export function readStatementPayload(payload: Buffer, file: string): InTotoStatement {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new EvidenceFormatError(
      `DSSE payload: not JSON (${(error as Error).message}); payload must be a base64-encoded in-toto Statement`,
      file,
    );
  }
  return readStatement(value, file, 'DSSE payload');
}
