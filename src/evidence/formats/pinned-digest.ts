import { Digest } from '../image-ref.js';

/**
 * A digest written bare (`sha256:…`), after an `@` in an image reference (`alpine@sha256:…`), or as
 * the version of an OCI package URL, where purl percent-encodes the colon
 * (`pkg:oci/alpine@sha256%3A…?arch=amd64`). The digest must end the reference or be followed by
 * purl qualifiers (`?`) or a subpath (`#`), so a digest inside some other text never matches.
 */
const PINNED = /(?:^|@)((?:sha256|sha512)(?::|%3[Aa])[0-9A-Fa-f]+)(?=$|[?#])/;

/**
 * The content digest a reference, purl or bare digest pins, as `sha256:<lowercase hex>`; undefined
 * when the text pins none. Used to find what artifact a report, SBOM or VEX product is about.
 */
export function pinnedDigest(text: string): string | undefined {
  const match = PINNED.exec(text.trim());
  if (!match?.[1]) return undefined;
  return Digest.tryParse(match[1].replace(/%3a/i, ':'))?.toString();
}

/** The distinct digests pinned by any of `texts`, in first-seen order. */
export function pinnedDigests(texts: Iterable<string | undefined>): string[] {
  const digests = new Set<string>();
  for (const text of texts) {
    const digest = text === undefined ? undefined : pinnedDigest(text);
    if (digest) digests.add(digest);
  }
  return [...digests];
}

/** `sha256:<hex>` from a hash value given with its algorithm named separately (CycloneDX, SPDX, OpenVEX). */
export function digestOfHash(algorithm: string, hex: string): string | undefined {
  const name = algorithm.toLowerCase().replace(/[-_]/g, '');
  if (name !== 'sha256' && name !== 'sha512') return undefined;
  return Digest.tryParse(`${name}:${hex.trim()}`)?.toString();
}
