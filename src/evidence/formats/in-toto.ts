import type { InTotoStatement } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

/** Every in-toto Statement `_type` starts with this; the version follows (`v1`, `v0.1`). */
export const STATEMENT_TYPE_PREFIX = 'https://in-toto.io/Statement/';
/** in-toto Statement v1, the only version accepted by default. */
export const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** in-toto Statement v0.1 (npm provenance, older attestations): accepted only with allowLegacyStatement. */
export const STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';

const FORMAT = 'in-toto Statement';
const BUNDLE_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';

/**
 * A plain (unsigned) in-toto Statement. Nothing vouches for it, so the provenance check can never
 * let it satisfy `require: [provenance]`; it is still checked against the artifact digest.
 */
export const inTotoFormat: EvidenceFormat = {
  name: 'in-toto',

  recognises(content: ParsedContent): boolean {
    if (content.syntax !== 'json' || !isRecord(content.value)) return false;
    const { _type, payloadType, mediaType } = content.value;
    // A Statement never carries DSSE's payloadType or a bundle's mediaType: leaving those to their own
    // formats keeps recognition mutually exclusive even for odd hybrids.
    return (
      typeof _type === 'string' &&
      _type.startsWith(STATEMENT_TYPE_PREFIX) &&
      payloadType === undefined &&
      !(typeof mediaType === 'string' && mediaType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX))
    );
  },

  parse(content: ParsedContent, file: string) {
    const statement = readStatement(content.syntax === 'json' ? content.value : undefined, file);
    return { format: 'in-toto', kind: 'provenance', file, statement };
  },
};

/**
 * Reads an in-toto Statement (v1 or v0.1, which share these fields), checking the type of every
 * field Glidepath uses. `format` names where the statement came from in error messages ("DSSE
 * payload"). Unknown fields are ignored, as the spec requires of consumers.
 */
export function readStatement(value: unknown, file: string, format = FORMAT): InTotoStatement {
  const root = JsonCursor.root(value, file, format);
  root.object();
  const type = root.field('_type').string();
  if (!type.startsWith(STATEMENT_TYPE_PREFIX)) {
    root.field('_type').fail(`must start with ${STATEMENT_TYPE_PREFIX}, got ${JSON.stringify(type)}`);
  }
  const subjects = root
    .field('subject')
    .array()
    .map((subject) => {
      subject.object();
      const digest = subject.field('digest');
      const algorithms = Object.keys(digest.object());
      return {
        name: subject.field('name').optionalString(),
        digest: Object.fromEntries(
          algorithms.map((algorithm) => [algorithm, digest.field(algorithm).string()]),
        ),
      };
    });
  return {
    type,
    subjects,
    predicateType: root.field('predicateType').string(),
    predicate: root.field('predicate').value,
  };
}
