import { ConfigurationError } from '../errors.js';

/**
 * distribution/reference's ReferenceRegexp (reference.go / regexp.go at 0965666), with `[[:xdigit:]]`
 * spelled out for JavaScript. Groups: 1 name, 2 tag, 3 digest.
 */
const REFERENCE =
  /^((?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$/;

/** Repository names longer than this are refused by registries (RepositoryNameTotalLengthMax). */
const NAME_MAX = 255;

/**
 * Admission is stricter than the reference grammar: the OCI image spec says sha256 digests are
 * exactly 64 lowercase hex characters ("[A-F] MUST NOT be used"), sha512 128.
 */
const DIGEST_HEX = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ } as const;
type DigestAlgorithm = keyof typeof DIGEST_HEX;

const HOW_TO_PIN =
  'pass the image by digest, e.g. ghcr.io/acme/checkout@sha256:<64 lowercase hex> ' +
  '(docker buildx prints it as "digest"; `crane digest REF` or `docker inspect --format "{{index .RepoDigests 0}}"` resolve a tag)';

/** A content digest such as `sha256:4f…`. Immutable; equal digests compare equal as strings. */
export class Digest {
  private constructor(
    readonly algorithm: DigestAlgorithm,
    readonly hex: string,
  ) {}

  /** Parses `algorithm:hex`; `field` names the source of the value for the error message. */
  static parse(text: string, field = 'digest'): Digest {
    const separator = text.indexOf(':');
    const algorithm = text.slice(0, separator);
    const hex = text.slice(separator + 1);
    if (separator < 0 || !(algorithm in DIGEST_HEX)) {
      throw new ConfigurationError(`${field}: "${text}" is not a sha256 or sha512 digest; ${HOW_TO_PIN}`);
    }
    if (!DIGEST_HEX[algorithm as DigestAlgorithm].test(hex)) {
      const length = algorithm === 'sha256' ? 64 : 128;
      throw new ConfigurationError(
        `${field}: "${text}" must be ${algorithm}: followed by exactly ${length} lowercase hex characters; ${HOW_TO_PIN}`,
      );
    }
    return new Digest(algorithm as DigestAlgorithm, hex);
  }

  /** Like parse, but returns undefined instead of throwing (for digests found inside evidence). */
  static tryParse(text: string): Digest | undefined {
    try {
      return Digest.parse(text.toLowerCase());
    } catch {
      return undefined;
    }
  }

  equals(other: Digest): boolean {
    return this.algorithm === other.algorithm && this.hex === other.hex;
  }

  toString(): string {
    return `${this.algorithm}:${this.hex}`;
  }
}

/** A container image reference pinned by digest: `registry/repo[:tag]@sha256:…`. */
export class ImageRef {
  private constructor(
    /** Repository name as written, including any registry host ("ghcr.io/acme/checkout"). */
    readonly name: string,
    /** Tag, when the reference carried one next to the digest (informational only). */
    readonly tag: string | undefined,
    readonly digest: Digest,
  ) {}

  /**
   * Parses a digest-pinned reference. A tag-only, empty or malformed reference is a
   * ConfigurationError telling the user to pass the digest. `field` names the flag or input.
   */
  static parse(text: string, field = '--artifact'): ImageRef {
    const trimmed = text.trim();
    if (!trimmed) throw new ConfigurationError(`${field} is empty; ${HOW_TO_PIN}`);
    const match = REFERENCE.exec(trimmed);
    if (!match) {
      throw new ConfigurationError(
        `${field}: "${trimmed}" is not a valid image reference (registry/repository[:tag]@sha256:…); ${HOW_TO_PIN}`,
      );
    }
    const [, name = '', tag, digest] = match;
    if (name.length > NAME_MAX) {
      throw new ConfigurationError(`${field}: repository name is longer than ${NAME_MAX} characters`);
    }
    if (!digest) {
      const what = tag ? `tag "${tag}"` : 'no tag or digest';
      throw new ConfigurationError(
        `${field}: "${trimmed}" names the image by ${what}, and tags can move: Glidepath admits images only by digest; ${HOW_TO_PIN}`,
      );
    }
    return new ImageRef(name, tag, Digest.parse(digest, field));
  }

  /** The canonical pinned form `name@digest` (the tag is dropped: the digest decides). */
  toString(): string {
    return `${this.name}@${this.digest}`;
  }
}
