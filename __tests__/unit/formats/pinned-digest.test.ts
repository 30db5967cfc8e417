import { describe, expect, it } from '@jest/globals';
import { digestOfHash, pinnedDigest, pinnedDigests } from '../../../src/evidence/formats/pinned-digest.js';

const HEX = 'c0ffee'.repeat(10) + 'c0ff';
const DIGEST = `sha256:${HEX}`;

describe('pinnedDigest', () => {
  it.each([
    ['a bare digest', DIGEST, DIGEST],
    ['an image reference', `ghcr.io/acme/app@${DIGEST}`, DIGEST],
    ['a tagged image reference with a digest', `ghcr.io/acme/app:1.0@${DIGEST}`, DIGEST],
    [
      'a pkg:oci purl with an encoded colon and qualifiers',
      `pkg:oci/app@sha256%3A${HEX}?arch=amd64&tag=1.0`,
      DIGEST,
    ],
    ['a pkg:oci purl with a lowercase %3a', `pkg:oci/app@sha256%3a${HEX}`, DIGEST],
    ['a pkg:oci purl with an unencoded colon (Syft)', `pkg:oci/app@sha256:${HEX}?arch=amd64`, DIGEST],
    ['upper-case hex', `app@sha256:${HEX.toUpperCase()}`, DIGEST],
    ['a sha512 digest', `app@sha512:${'ab'.repeat(64)}`, `sha512:${'ab'.repeat(64)}`],
    ['a tag only', 'ghcr.io/acme/app:1.0', undefined],
    ['a short digest', 'app@sha256:abc', undefined],
    ['a digest inside other text', `layer ${DIGEST} extracted`, undefined],
    ['a digest followed by more hex-like text', `app@${DIGEST}0`, undefined],
    ['an md5 "digest"', `app@md5:${'ab'.repeat(16)}`, undefined],
    ['a package purl', 'pkg:apk/alpine/openssl@3.1.4-r5', undefined],
  ])('%s', (_case, text, expected) => {
    expect(pinnedDigest(text)).toBe(expected);
  });

  it('collects distinct digests in first-seen order, skipping texts that pin none', () => {
    expect(pinnedDigests([`a@${DIGEST}`, undefined, 'b:1.0', DIGEST, `sha256:${'00'.repeat(32)}`])).toEqual([
      DIGEST,
      `sha256:${'00'.repeat(32)}`,
    ]);
  });
});

describe('digestOfHash', () => {
  it.each([
    ['SHA-256', HEX, DIGEST],
    ['SHA256', HEX.toUpperCase(), DIGEST],
    ['sha-256', ` ${HEX} `, DIGEST],
    ['sha-512', 'ab'.repeat(64), `sha512:${'ab'.repeat(64)}`],
    ['SHA-1', 'ab'.repeat(20), undefined],
    ['SHA-256', 'not hex', undefined],
  ])('%s %s', (algorithm, hex, expected) => {
    expect(digestOfHash(algorithm, hex)).toBe(expected);
  });
});
