import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import {
  defaultTrustRoots,
  escapeRegExp,
  identityPolicy,
  loadTrustedRoot,
  readCertificateIdentity,
  trustRootFromJSON,
  verifyBundle,
} from '../../../src/evidence/sigstore.js';
import { GITHUB_TRUSTED_ROOT } from '../../../src/evidence/trust/github.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from '../../../src/evidence/trust/public-good.js';
import { fixture, GITHUB_ISSUER, provenancePolicy, readJson, RELEASE_SAN, TEST_ROOT } from './fixtures.js';

/** @sigstore/verify tests the policy SAN with `san.match(pattern)`: do exactly that. */
const sanMatches = (pattern: string, san: string) => san.match(pattern) !== null;
const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('identityPolicy: anchored, escaped SAN patterns', () => {
  const workflow = identityPolicy(
    provenancePolicy({ signerWorkflow: 'acme/checkout/.github/workflows/release.yml' }),
  );
  const repo = identityPolicy(provenancePolicy({ signerRepo: 'acme/checkout' }));
  const exact = identityPolicy(provenancePolicy({ certIdentity: 'a+b@example.com' }));

  it.each([
    [true, RELEASE_SAN],
    [true, 'https://github.com/acme/checkout/.github/workflows/release.yml@refs/tags/v1.2.3'],
    [true, `https://github.com/acme/checkout/.github/workflows/release.yml@${SHA}`],
    [false, 'https://github.com/acme/checkout/.github/workflows/release.yml@refs/pull/7/merge'],
    [false, 'https://github.com/acme/checkout/.github/workflows/releaseXyml@refs/heads/main'],
    [false, 'https://github.com/acme/checkout/.github/workflows/release.yml.evil@refs/heads/main'],
    [false, 'https://github.com/evil/acme/checkout/.github/workflows/release.yml@refs/heads/main'],
    [false, 'https://githubXcom/acme/checkout/.github/workflows/release.yml@refs/heads/main'],
    [false, 'https://github.com.evil.example/acme/checkout/.github/workflows/release.yml@refs/heads/main'],
    [false, `x${RELEASE_SAN}`],
    [false, `${RELEASE_SAN} https://github.com/evil/x`],
    [false, `${RELEASE_SAN}\n`],
    [false, `https://github.com/acme/checkout/.github/workflows/release.yml@${SHA.slice(1)}`],
  ])('signerWorkflow: %s for %s', (expected, san) => {
    expect(sanMatches(workflow.subjectAlternativeName!.pattern, san)).toBe(expected);
  });

  it.each([
    [true, 'https://github.com/acme/checkout/.github/workflows/debug.yml@refs/heads/main'],
    [true, `https://github.com/acme/checkout/.github/workflows/release.yaml@${SHA}`],
    [false, 'https://github.com/acme/checkout-fork/.github/workflows/release.yml@refs/heads/main'],
    [false, 'https://github.com/acme/checkoutX.github/workflows/release.yml@refs/heads/main'],
    [false, 'https://github.com/acme/checkout/.github/workflows/sub/dir.yml@refs/heads/main'],
    [false, 'https://github.com/acme/checkout/.github/workflows/release.yml'],
    [false, 'https://github.com/other/repo/.github/workflows/x.yml@refs/heads/acme/checkout'],
  ])('signerRepo: %s for %s', (expected, san) => {
    expect(sanMatches(repo.subjectAlternativeName!.pattern, san)).toBe(expected);
  });

  it.each([
    [true, 'a+b@example.com'],
    [false, 'aab@example.com'],
    [false, 'a+b@exampleXcom'],
    [false, 'a+b@example.com.evil'],
    [false, 'xa+b@example.com'],
  ])('certIdentity: %s for %s', (expected, san) => {
    expect(sanMatches(exact.subjectAlternativeName!.pattern, san)).toBe(expected);
  });

  it('treats regular-expression syntax in policy values as literal text', () => {
    const hostile = identityPolicy(provenancePolicy({ signerRepo: '.*' }));
    const pattern = hostile.subjectAlternativeName!.pattern;
    expect(
      sanMatches(pattern, 'https://github.com/acme/checkout/.github/workflows/x.yml@refs/heads/main'),
    ).toBe(false);
    expect(sanMatches(pattern, 'https://github.com/.*/.github/workflows/x.yml@refs/heads/main')).toBe(true);
    expect(escapeRegExp('a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o')).toBe(
      'a\\.b\\*c\\+d\\?e\\^f\\$g\\{h\\}i\\(j\\)k\\|l\\[m\\]n\\\\o',
    );
  });

  it('requires every configured identity when several are set', () => {
    const both = identityPolicy(
      provenancePolicy({
        signerRepo: 'acme/checkout',
        signerWorkflow: 'acme/checkout/.github/workflows/release.yml',
      }),
    );
    expect(both.subjectAlternativeName!.fields).toEqual(['signerWorkflow', 'signerRepo']);
    expect(sanMatches(both.subjectAlternativeName!.pattern, RELEASE_SAN)).toBe(true);
    expect(
      sanMatches(
        both.subjectAlternativeName!.pattern,
        'https://github.com/acme/checkout/.github/workflows/debug.yml@refs/heads/main',
      ),
    ).toBe(false);
  });

  it('names no SAN when no signer is configured, and always carries the issuer', () => {
    expect(identityPolicy(provenancePolicy())).toEqual({ issuer: GITHUB_ISSUER });
  });
});

describe('trusted roots', () => {
  it('derives thresholds from what each root lists', () => {
    const thresholds = (json: unknown) => trustRootFromJSON(json, 'x').thresholds;
    expect(thresholds(PUBLIC_GOOD_TRUSTED_ROOT)).toEqual({
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1,
    });
    expect(thresholds(GITHUB_TRUSTED_ROOT)).toEqual({
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 1,
    });
    expect(thresholds(readJson('real/cli-cli/trusted_root.json'))).toEqual({
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1,
    });
    expect(thresholds(readJson('trusted_root.json'))).toEqual({
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 1,
    });
  });

  it('embeds sigstore-rust’s public-good and GitHub roots unchanged', () => {
    expect(PUBLIC_GOOD_TRUSTED_ROOT).toEqual(readJson('real/sigstore-rust/trusted_root.json'));
    expect(GITHUB_TRUSTED_ROOT).toEqual(readJson('real/sigstore-rust/trusted_root_github.json'));
    expect(defaultTrustRoots().map((root) => root.name)).toEqual(['Sigstore public-good', 'GitHub']);
  });

  it('reads a file of one root', async () => {
    const roots = await loadTrustedRoot(TEST_ROOT);
    expect(roots.map((root) => root.name)).toEqual([TEST_ROOT]);
    expect(roots[0]!.material.timestampAuthorities).toHaveLength(1);
  });

  it('reads JSON lines with one root per line, as gh attestation trusted-root writes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'glidepath-')), 'trusted_root.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify(PUBLIC_GOOD_TRUSTED_ROOT)}\n${JSON.stringify(GITHUB_TRUSTED_ROOT)}\n`,
    );
    const roots = await loadTrustedRoot(file);
    expect(roots.map((root) => root.name)).toEqual([`${file}:1`, `${file}:2`]);
    const github = bundleFromJSON(
      readJson('real/cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl'),
    );
    expect(verifyBundle(github, roots)).toMatchObject({ verified: true, root: `${file}:2` });
  });

  it.each([
    [
      'a missing file',
      () => fixture('no-such-root.json'),
      /no-such-root\.json: cannot read the trusted root \(ENOENT\)/,
    ],
    [
      'a bundle',
      () => fixture('clean.sigstore.json'),
      /clean\.sigstore\.json: not a Sigstore trusted root: mediaType must be/,
    ],
    ['not JSON', () => fixture('test-ca.pem'), /test-ca\.pem:1: not JSON or JSON lines/],
    [
      'a root without CAs',
      () =>
        temporary(JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1' })),
      /lists no certificate authorities/,
    ],
    [
      'a root with a broken certificate',
      () =>
        temporary(
          JSON.stringify({
            mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
            certificateAuthorities: [{ certChain: { certificates: [{ rawBytes: 'AAAA' }] } }],
          }),
        ),
      /unreadable key or certificate/,
    ],
  ])('refuses %s with a ConfigurationError naming the file', async (_, file, message) => {
    const load = loadTrustedRoot(file());
    await expect(load).rejects.toThrow(ConfigurationError);
    await expect(loadTrustedRoot(file())).rejects.toThrow(message);
  });
});

function temporary(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'glidepath-')), 'root.json');
  writeFileSync(file, text);
  return file;
}

describe('readCertificateIdentity', () => {
  const leafOf = (name: string) => {
    const json = readJson(name) as { verificationMaterial: { certificate: { rawBytes: string } } };
    return X509Certificate.parse(Buffer.from(json.verificationMaterial.certificate.rawBytes, 'base64'));
  };

  it('reads the Fulcio extensions of the generated leaf', () => {
    expect(readCertificateIdentity(leafOf('clean.sigstore.json'))).toEqual({
      subjectAlternativeName: RELEASE_SAN,
      issuer: GITHUB_ISSUER,
      runnerEnvironment: 'github-hosted',
      sourceRepository: 'https://github.com/acme/checkout',
      sourceDigest: expect.stringMatching(/^[0-9a-f]{40}$/),
      sourceRef: 'refs/heads/main',
      buildSignerUri: RELEASE_SAN,
    });
  });

  it('reads a real reusable-workflow certificate: SAN is the signer, source is the caller', () => {
    expect(
      readCertificateIdentity(leafOf('real/cli-cli/reusable-workflow-attestation.sigstore.json')),
    ).toEqual({
      subjectAlternativeName:
        'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
      issuer: GITHUB_ISSUER,
      runnerEnvironment: 'github-hosted',
      sourceRepository: 'https://github.com/malancas/attest-demo',
      sourceDigest: '95baf27389e83e6a5c48f42e190d48d7abcea19e',
      sourceRef: 'refs/heads/main',
      buildSignerUri:
        'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
    });
  });
});

describe('verifyBundle', () => {
  const clean = () => bundleFromJSON(readJson('clean.sigstore.json'));

  it('verifies against the first root that vouches for it', async () => {
    const roots = [...defaultTrustRoots(), ...(await loadTrustedRoot(TEST_ROOT))];
    expect(verifyBundle(clean(), roots)).toMatchObject({ verified: true, root: TEST_ROOT });
  });

  it('reports the error of the root that got furthest', async () => {
    const tampered = bundleFromJSON(readJson('tampered.sigstore.json'));
    const roots = [...defaultTrustRoots(), ...(await loadTrustedRoot(TEST_ROOT))];
    // The public-good and GitHub roots stop at the timestamp; the test root reaches the signature.
    const result = verifyBundle(tampered, roots);
    expect(result).toMatchObject({ verified: false, wrongSigner: false });
    expect(result.verified || result.reason).toMatch(
      /^the signature does not match the signed content \(SIGNATURE_ERROR/,
    );
  });

  it('marks an identity mismatch as a wrong signer, not a broken bundle', async () => {
    const policy = identityPolicy(provenancePolicy({ signerRepo: 'someone/else' }));
    expect(verifyBundle(clean(), await loadTrustedRoot(TEST_ROOT), policy)).toMatchObject({
      verified: false,
      wrongSigner: true,
    });
  });
});
