import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import { Digest, ImageRef } from '../../../src/evidence/image-ref.js';

const HEX = '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';

describe('ImageRef.parse (OCI distribution reference grammar, digest required)', () => {
  it.each([
    ['registry, path and digest', `ghcr.io/acme/checkout@sha256:${HEX}`, 'ghcr.io/acme/checkout', undefined],
    ['tag and digest', `ghcr.io/acme/checkout:1.4.0@sha256:${HEX}`, 'ghcr.io/acme/checkout', '1.4.0'],
    ['registry with port', `localhost:5000/team/app@sha256:${HEX}`, 'localhost:5000/team/app', undefined],
    ['Docker Hub short name', `alpine@sha256:${HEX}`, 'alpine', undefined],
    [
      'separators __ . -',
      `registry.example.com/a__b/c.d/e--f@sha256:${HEX}`,
      'registry.example.com/a__b/c.d/e--f',
      undefined,
    ],
    ['IPv6 registry', `[::1]:5000/app@sha256:${HEX}`, '[::1]:5000/app', undefined],
  ])('accepts %s', (_label, text, name, tag) => {
    const ref = ImageRef.parse(text);
    expect(ref.name).toBe(name);
    expect(ref.tag).toBe(tag);
    expect(ref.digest.toString()).toBe(`sha256:${HEX}`);
    expect(ref.toString()).toBe(`${name}@sha256:${HEX}`);
  });

  it.each([
    ['a tag only', 'ghcr.io/acme/checkout:1.4.0', /names the image by tag "1\.4\.0".*only by digest/],
    ['no tag or digest', 'ghcr.io/acme/checkout', /by no tag or digest.*only by digest/],
    ['an empty string', '  ', /is empty/],
    ['uppercase repository', `ghcr.io/Acme/checkout@sha256:${HEX}`, /not a valid image reference/],
    ['uppercase hex', `ghcr.io/acme/checkout@sha256:${HEX.toUpperCase()}`, /64 lowercase hex/],
    ['a 32-hex sha256', `ghcr.io/acme/checkout@sha256:${HEX.slice(0, 32)}`, /exactly 64 lowercase hex/],
    ['an unknown algorithm', `ghcr.io/acme/checkout@md5:${HEX}`, /not a sha256 or sha512 digest/],
    ['a digest without a name', `@sha256:${HEX}`, /not a valid image reference/],
    ['a space inside the name', `ghcr.io/acme/check out@sha256:${HEX}`, /not a valid image reference/],
  ])('refuses %s with a ConfigurationError that says to pass the digest', (_label, text, message) => {
    expect(() => ImageRef.parse(text)).toThrow(ConfigurationError);
    expect(() => ImageRef.parse(text)).toThrow(message);
    expect(() => ImageRef.parse(text)).toThrow(/@sha256:/);
  });

  it('refuses repository names longer than 255 characters', () => {
    expect(() => ImageRef.parse(`${'a'.repeat(256)}@sha256:${HEX}`)).toThrow(/longer than 255/);
  });
});

describe('Digest', () => {
  it('accepts sha512 with 128 hex characters', () => {
    expect(Digest.parse(`sha512:${'ab'.repeat(64)}`).algorithm).toBe('sha512');
  });

  it('compares by value', () => {
    expect(Digest.parse(`sha256:${HEX}`).equals(Digest.parse(`sha256:${HEX}`))).toBe(true);
    expect(Digest.parse(`sha256:${HEX}`).equals(Digest.parse(`sha256:${'0'.repeat(64)}`))).toBe(false);
  });

  it('tryParse normalises case for digests found inside evidence and never throws', () => {
    expect(Digest.tryParse(`SHA256:${HEX.toUpperCase()}`)?.toString()).toBe(`sha256:${HEX}`);
    expect(Digest.tryParse('sha256:nothex')).toBeUndefined();
  });
});
