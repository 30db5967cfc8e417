import { describe, expect, it } from '@jest/globals';
import type { ProvenancePolicy } from '../../../src/config/types.js';
import { checkProvenance } from '../../../src/evidence/checks/provenance.js';
import { Digest } from '../../../src/evidence/image-ref.js';
import type { Check } from '../../../src/evidence/types.js';
import {
  documentOf,
  fixture,
  IMAGE_DIGEST,
  loadDocuments,
  OTHER_DIGEST,
  provenancePolicy,
  readJson,
  RELEASE_SAN,
  TEST_ROOT,
  withEditedPayload,
  type ProvenanceDocument,
} from './fixtures.js';

const RELEASE_WORKFLOW = 'acme/checkout/.github/workflows/release.yml';

async function check(
  docs: ProvenanceDocument[],
  overrides: Partial<ProvenancePolicy> = {},
  options: { digest?: string; trustedRootFile?: string | null } = {},
): Promise<Check[]> {
  const trustedRootFile =
    options.trustedRootFile === null ? undefined : (options.trustedRootFile ?? TEST_ROOT);
  return checkProvenance(docs, {
    digest: Digest.parse(options.digest ?? IMAGE_DIGEST),
    policy: provenancePolicy(overrides),
    trustedRootFile,
  });
}

async function checkOne(
  name: string | ProvenanceDocument,
  overrides: Partial<ProvenancePolicy> = {},
  options: { digest?: string; trustedRootFile?: string | null } = {},
): Promise<Check> {
  const docs = typeof name === 'string' ? loadDocuments(name) : [name];
  const checks = await check(docs, overrides, options);
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

/** The policy a team would write for the generated release workflow. */
const STRICT = {
  signerWorkflow: RELEASE_WORKFLOW,
  sourceRepository: 'acme/checkout',
  sourceRef: 'refs/heads/main',
};

describe('checkProvenance: the generated GitHub-style bundle', () => {
  it('passes a clean bundle and names the signer, source and builder from the certificate', async () => {
    const result = await checkOne('clean.sigstore.json', STRICT);
    expect(result).toEqual({
      kind: 'provenance',
      file: fixture('clean.sigstore.json'),
      status: 'pass',
      reason: expect.any(String),
    });
    expect(result.reason).toContain(`signed by ${RELEASE_SAN}`);
    expect(result.reason).toContain('source https://github.com/acme/checkout@refs/heads/main');
    expect(result.reason).toContain(`builder https://github.com/${RELEASE_WORKFLOW}@refs/heads/main`);
    expect(result.reason).toContain(`against the ${TEST_ROOT} trusted root`);
    expect(result.reason).not.toContain('any signer');
  });

  it('says so when no signer is configured, and still passes a signer of the issuer', async () => {
    const result = await checkOne('clean.sigstore.json');
    expect(result.status).toBe('pass');
    expect(result.reason).toContain('any signer accepted; set evidence.provenance.signerWorkflow');
  });

  it('fails provenance for another digest, naming both digests', async () => {
    const result = await checkOne('other-digest.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain(`${OTHER_DIGEST} ghcr.io/acme/checkout`);
    expect(result.reason).toContain(`do not include the artifact digest ${IMAGE_DIGEST}`);
  });

  it('fails a payload edited after signing', async () => {
    const result = await checkOne('tampered.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toMatch(
      /^does not verify: the signature does not match the signed content \(SIGNATURE_ERROR/,
    );
  });

  it('fails a bundle signed by another workflow of the same repository, naming expected and actual SAN', async () => {
    const result = await checkOne('wrong-signer.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toBe(
      'wrong signer: signed by https://github.com/acme/checkout/.github/workflows/debug.yml@refs/heads/main, ' +
        'but evidence.provenance.signerWorkflow expects ' +
        'https://github.com/acme/checkout/.github/workflows/release.yml@<branch, tag or commit>',
    );
  });

  it('accepts any workflow of the repository with signerRepo', async () => {
    const result = await checkOne('wrong-signer.sigstore.json', { signerRepo: 'acme/checkout' });
    expect(result.status).toBe('pass');
    expect(result.reason).toContain(
      'signed by https://github.com/acme/checkout/.github/workflows/debug.yml@',
    );
  });

  it('fails the right workflow run from another branch when sourceRef pins main', async () => {
    // The SAN matches signerWorkflow (any branch may run release.yml): only sourceRef catches it.
    const result = await checkOne('feature-branch.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toBe(
      'built from refs/heads/feature/x, but evidence.provenance.sourceRef requires refs/heads/main (read from the signing certificate)',
    );
    expect(
      (await checkOne('feature-branch.sigstore.json', { signerWorkflow: RELEASE_WORKFLOW })).status,
    ).toBe('pass');
  });

  it('fails when the certificate was issued for another OIDC issuer than the policy names', async () => {
    const result = await checkOne('clean.sigstore.json', {
      ...STRICT,
      issuer: 'https://token.actions.githubusercontent.com/acme',
    });
    expect(result.status).toBe('fail');
    expect(result.reason).toBe(
      'wrong signer: its certificate was issued for https://token.actions.githubusercontent.com, ' +
        'but evidence.provenance.issuer requires https://token.actions.githubusercontent.com/acme',
    );
  });

  it('checks the issuer even when no signer is configured', async () => {
    const result = await checkOne('clean.sigstore.json', { issuer: 'https://accounts.google.com' });
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('evidence.provenance.issuer requires https://accounts.google.com');
  });

  it('fails a self-hosted build by default, and accepts it when the policy allows', async () => {
    const result = await checkOne('self-hosted.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain(
      'built on a self-hosted runner, but evidence.provenance.runnerEnvironment requires github-hosted',
    );
    expect(
      (await checkOne('self-hosted.sigstore.json', { ...STRICT, runnerEnvironment: 'any' })).status,
    ).toBe('pass');
    expect(
      (await checkOne('self-hosted.sigstore.json', { ...STRICT, runnerEnvironment: 'self-hosted' })).status,
    ).toBe('pass');
    expect(
      (await checkOne('clean.sigstore.json', { ...STRICT, runnerEnvironment: 'self-hosted' })).status,
    ).toBe('fail');
  });

  it('reads the source repository from the certificate, not from the predicate', async () => {
    // The predicate claims acme/checkout throughout; the certificate says mallory/checkout built it.
    const bySource = await checkOne('predicate-claims-other-repo.sigstore.json', {
      sourceRepository: 'acme/checkout',
    });
    expect(bySource.status).toBe('fail');
    expect(bySource.reason).toContain(
      'built from https://github.com/mallory/checkout, but evidence.provenance.sourceRepository requires https://github.com/acme/checkout',
    );
    const bySigner = await checkOne('predicate-claims-other-repo.sigstore.json', {
      signerRepo: 'acme/checkout',
    });
    expect(bySigner.status).toBe('fail');
    expect(bySigner.reason).toContain('wrong signer: signed by https://github.com/mallory/checkout/');
  });

  it('fails a signature timestamped after the 10-minute certificate expired', async () => {
    const result = await checkOne('timestamp-after-expiry.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('CERTIFICATE_ERROR');
    expect(result.reason).toContain('certificate is not valid or expired at the specified date');
  });

  it('does not trust the test CA without its trusted root (built-in public-good and GitHub roots)', async () => {
    const result = await checkOne('clean.sigstore.json', STRICT, { trustedRootFile: null });
    expect(result.status).toBe('fail');
    expect(result.reason).toMatch(/^does not verify: /);
    expect(result.reason).toContain('(trusted roots tried: Sigstore public-good, GitHub)');
  });

  it('verifies the signature of a statement with another predicate type, then only warns', async () => {
    const other = { predicateType: 'https://example.com/other-predicate/v1' };
    const result = await checkOne('clean.sigstore.json', { ...STRICT, ...other });
    expect(result.status).toBe('warn');
    expect(result.reason).toBe(
      'predicateType https://slsa.dev/provenance/v1 is not https://example.com/other-predicate/v1 ' +
        '(evidence.provenance.predicateType): not build provenance; ignored (its signature verified)',
    );
    expect((await checkOne('tampered.sigstore.json', { ...STRICT, ...other })).status).toBe('fail');
  });

  it('fails a validly signed bundle whose DSSE payload type is not in-toto', async () => {
    const result = await checkOne('not-in-toto-payload-type.sigstore.json', STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toBe(
      'its DSSE payloadType is "application/vnd.dev.cosign.simplesigning.v1+json", not application/vnd.in-toto+json: not an in-toto attestation',
    );
  });

  it('fails a bundle whose payload type was changed after signing (the type is signed too)', async () => {
    const bundle = structuredClone(readJson('clean.sigstore.json')) as {
      dsseEnvelope: { payloadType: string };
    };
    bundle.dsseEnvelope.payloadType = 'application/vnd.in-toto.provenance+json';
    const result = await checkOne(documentOf(bundle), STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('SIGNATURE_ERROR');
  });

  it('fails a bundle with two DSSE signatures', async () => {
    const bundle = structuredClone(readJson('clean.sigstore.json')) as {
      dsseEnvelope: { signatures: unknown[] };
    };
    bundle.dsseEnvelope.signatures.push(bundle.dsseEnvelope.signatures[0]);
    // The loader refuses it (exit 2); a document built some other way still fails the check.
    const doc: ProvenanceDocument = {
      format: 'sigstore-bundle',
      kind: 'provenance',
      file: 'two.json',
      bundle,
    };
    const result = await checkOne(doc, STRICT);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('its DSSE envelope must carry exactly one signature');
  });

  it('checks each line of a JSON-lines file on its own', async () => {
    const docs = loadDocuments('unsigned-statement.json');
    const checks = await check([...docs, ...loadDocuments('other-digest.sigstore.json'), ...docs]);
    expect(checks.map((c) => c.status)).toEqual(['warn', 'fail', 'warn']);
  });
});

describe('checkProvenance: unsigned statements', () => {
  it.each(['unsigned-statement.json', 'unsigned-dsse.json'])(
    '%s about the artifact is a warning that cannot satisfy require',
    async (name) => {
      const result = await checkOne(name, STRICT);
      expect(result.status).toBe('warn');
      expect(result.reason).toMatch(/^unsigned: cannot satisfy require: \[provenance\]/);
    },
  );

  it('fails an unsigned statement about another digest', async () => {
    const result = await checkOne('unsigned-statement.json', STRICT, { digest: OTHER_DIGEST });
    expect(result.status).toBe('fail');
    expect(result.reason).toContain(`do not include the artifact digest ${OTHER_DIGEST}`);
  });

  it('fails an unknown statement version', async () => {
    const statement = {
      ...(readJson('unsigned-statement.json') as object),
      _type: 'https://in-toto.io/Statement/v2',
    };
    const result = await checkOne(documentOf(statement), STRICT);
    expect(result).toMatchObject({
      status: 'fail',
      reason:
        'unsupported in-toto Statement type https://in-toto.io/Statement/v2; Glidepath reads https://in-toto.io/Statement/v1',
    });
  });

  const NPM_V01 = 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1';
  const SIGSTORE_1_0_0 =
    'sha512:7bea9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36';

  it('fails a Statement v0.1 unless allowLegacyStatement', async () => {
    const doc = loadDocuments('real/sigstore-js/statement.json');
    const strict = await checkOne(doc[0]!, { predicateType: NPM_V01 }, { digest: SIGSTORE_1_0_0 });
    expect(strict.status).toBe('fail');
    expect(strict.reason).toContain('evidence.provenance.allowLegacyStatement: true');
    const legacy = await checkOne(
      doc[0]!,
      { predicateType: NPM_V01, allowLegacyStatement: true },
      { digest: SIGSTORE_1_0_0 },
    );
    expect(legacy.status).toBe('warn');
    expect(legacy.reason).toMatch(/^unsigned: cannot satisfy require/);
  });

  it('passes a real v0.1 Sigstore bundle with an email identity when legacy statements are allowed', async () => {
    const policy = {
      predicateType: NPM_V01,
      issuer: 'https://github.com/login/oauth',
      certIdentity: 'brian@dehamer.com',
      runnerEnvironment: 'any' as const,
    };
    for (const name of [
      'real/sigstore-js/bundleV03-dsse.sigstore',
      'real/sigstore-js/bundleV01-dsse-no-proof.sigstore',
    ]) {
      const strict = await checkOne(name, policy, { digest: SIGSTORE_1_0_0, trustedRootFile: null });
      expect(strict.status).toBe('fail');
      expect(strict.reason).toContain('allowLegacyStatement');
      const legacy = await checkOne(
        name,
        { ...policy, allowLegacyStatement: true },
        { digest: SIGSTORE_1_0_0, trustedRootFile: null },
      );
      expect(legacy.status).toBe('pass');
      expect(legacy.reason).toContain('signed by brian@dehamer.com (issuer https://github.com/login/oauth)');
      expect(legacy.reason).toContain('source (not recorded in the certificate)');
    }
  });

  it('anchors certIdentity: a prefix of the real identity does not match', async () => {
    const result = await checkOne(
      'real/sigstore-js/bundleV03-dsse.sigstore',
      {
        predicateType: NPM_V01,
        issuer: 'https://github.com/login/oauth',
        certIdentity: 'brian@dehamer.co',
        runnerEnvironment: 'any',
        allowLegacyStatement: true,
      },
      { digest: SIGSTORE_1_0_0, trustedRootFile: null },
    );
    expect(result.status).toBe('fail');
    expect(result.reason).toBe(
      'wrong signer: signed by brian@dehamer.com, but evidence.provenance.certIdentity expects brian@dehamer.co',
    );
  });
});

describe('checkProvenance: real public-good and GitHub bundles, offline', () => {
  const REUSABLE = 'real/cli-cli/reusable-workflow-attestation.sigstore.json';
  const WHEEL_0_0_0 = 'sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25';
  const REUSABLE_POLICY = {
    signerWorkflow: 'github/artifact-attestations-workflows/.github/workflows/attest.yml',
    sourceRepository: 'malancas/attest-demo',
    sourceRef: 'refs/heads/main',
  };

  it.each([
    [
      'the cli/cli public-good root',
      fixture('real/cli-cli/trusted_root.json'),
      'real/cli-cli/trusted_root.json',
    ],
    ['the embedded default roots', null, 'Sigstore public-good'],
  ])('verifies the reusable-workflow attestation against %s', async (_, trustedRootFile, rootName) => {
    const result = await checkOne(REUSABLE, REUSABLE_POLICY, { digest: WHEEL_0_0_0, trustedRootFile });
    expect(result.status).toBe('pass');
    expect(result.reason).toContain(
      'signed by https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
    );
    expect(result.reason).toContain('source https://github.com/malancas/attest-demo@refs/heads/main');
    expect(result.reason).toContain(`${rootName} trusted root`);
  });

  it('does not take the signer from the predicate: the caller workflow it names is not the SAN', async () => {
    // The predicate's externalParameters name malancas/attest-demo .github/workflows/shared.yml.
    const result = await checkOne(
      REUSABLE,
      { signerWorkflow: 'malancas/attest-demo/.github/workflows/shared.yml' },
      { digest: WHEEL_0_0_0, trustedRootFile: null },
    );
    expect(result.status).toBe('fail');
    expect(result.reason).toMatch(
      /^wrong signer: signed by https:\/\/github\.com\/github\/artifact-attestations-workflows\//,
    );
  });

  it('fails the real bundle when its payload is edited in memory', async () => {
    const tampered = withEditedPayload(readJson(REUSABLE), (statement) => {
      (statement.predicate as { runDetails: { builder: { id: string } } }).runDetails.builder.id =
        'https://evil.example';
    });
    const result = await checkOne(documentOf(tampered), REUSABLE_POLICY, {
      digest: WHEEL_0_0_0,
      trustedRootFile: null,
    });
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('does not verify: its transparency-log entry does not match the bundle');
    expect(result.reason).toContain('TLOG_BODY_ERROR');
  });

  const GITHUB_DEMO = 'real/cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl';
  const WHEEL_0_0_12 = 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b';
  const DEMO_POLICY = { signerWorkflow: 'actions/attest-demo/.github/workflows/build-python.yml' };

  it.each([
    ["GitHub's root (TSA only, no transparency log)", fixture('real/sigstore-rust/trusted_root_github.json')],
    ['the embedded default roots', null],
  ])('verifies a GitHub-issued bundle against %s', async (_, trustedRootFile) => {
    const result = await checkOne(GITHUB_DEMO, DEMO_POLICY, { digest: WHEEL_0_0_12, trustedRootFile });
    expect(result.status).toBe('pass');
    expect(result.reason).toContain(
      'signed by https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
    );
  });

  it('does not verify a GitHub-issued bundle against the public-good root', async () => {
    const result = await checkOne(GITHUB_DEMO, DEMO_POLICY, {
      digest: WHEEL_0_0_12,
      trustedRootFile: fixture('real/cli-cli/trusted_root.json'),
    });
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('TIMESTAMP_ERROR');
  });

  it('fails the bundle whose signature does not match its log entry', async () => {
    const result = await checkOne(
      'real/cli-cli/sigstoreBundle-invalid-signature.json',
      {},
      { trustedRootFile: null },
    );
    expect(result.status).toBe('fail');
    expect(result.reason).toMatch(/^does not verify: its transparency-log entry does not match the bundle/);
    expect(result.reason).toContain('TLOG_BODY_ERROR: tlog entry signature mismatch');
  });

  it('checks both lines of a gh attestation download JSON-lines file, naming each by line', async () => {
    const docs = loadDocuments('real/cli-cli/sigstore-js-2.1.0_with_2_bundles.jsonl');
    const checks = await check(
      docs,
      { signerWorkflow: 'sigstore/sigstore-js/.github/workflows/release.yml' },
      {
        digest:
          'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f',
        trustedRootFile: null,
      },
    );
    expect(checks.map((c) => [c.file.replace(/^.*\//, ''), c.status])).toEqual([
      ['sigstore-js-2.1.0_with_2_bundles.jsonl:1', 'pass'],
      ['sigstore-js-2.1.0_with_2_bundles.jsonl:2', 'pass'],
    ]);
  });

  it('ignores a message-signature bundle: it signs a file, not a statement', async () => {
    const result = await checkOne(
      'real/sigstore-rust/cosign-v3-blob.sigstore.json',
      {},
      { trustedRootFile: null },
    );
    expect(result.status).toBe('warn');
    expect(result.reason).toContain('not build provenance; ignored');
  });

  it('refuses an unusable --trusted-root before judging anything', async () => {
    await expect(
      check(
        loadDocuments('clean.sigstore.json'),
        {},
        { trustedRootFile: fixture('unsigned-statement.json') },
      ),
    ).rejects.toThrow(/unsigned-statement\.json: not a Sigstore trusted root: mediaType must be/);
  });
});
