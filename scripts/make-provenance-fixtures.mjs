#!/usr/bin/env node
/**
 * Writes the test PKI and Sigstore bundles under __tests__/fixtures/provenance/ (see the README
 * there). Everything is built with node:crypto and a small DER writer, so the certificates and the
 * RFC 3161 timestamps can carry fixed 2025 dates: `openssl ts -reply` always stamps the current time,
 * and a timestamp outside the 10-minute leaf certificate would not verify.
 *
 * The PKI mirrors GitHub's Sigstore instance (what a private repository's attestation uses):
 *
 *   Glidepath Test Root ──┬── Glidepath Test Fulcio Intermediate ── leaf (10 min, GitHub Actions extensions)
 *                         └── Glidepath Test TSA (RFC 3161 timestamps over the DSSE signature)
 *
 * and trusted_root.json lists the CA and the TSA with no transparency logs and no CT logs, so the
 * bundles verify fully offline with tlogThreshold 0, ctlogThreshold 0, timestampThreshold 1.
 *
 * Keys are fresh on every run and ECDSA signatures are randomised, so a rerun changes every file:
 * commit all of them together. Usage: node scripts/make-provenance-fixtures.mjs [outDir]
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(
  process.argv[2] ??
    join(dirname(fileURLToPath(import.meta.url)), '..', '__tests__', 'fixtures', 'provenance'),
);

/** The image the clean bundle attests: sha256 of the text "glidepath fixture image acme/checkout". */
const IMAGE = 'ghcr.io/acme/checkout';
const DIGEST = sha256Hex('glidepath fixture image acme/checkout');
/** Another image digest, for the "provenance of a different artifact" case. */
const OTHER_DIGEST = sha256Hex('glidepath fixture image acme/checkout, another build');
const COMMIT = sha1Hex('acme/checkout main');

const ISSUER = 'https://token.actions.githubusercontent.com';
const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

// ---------------------------------------------------------------------------------------------
// DER writer: just the types X.509, CMS and RFC 3161 need.

function tlv(tag, ...parts) {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}
function derLength(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const seq = (...parts) => tlv(0x30, ...parts);
/** DER SET OF: elements sorted by their encoding (X.690 11.6). */
const set = (...parts) => tlv(0x31, ...[...parts].sort(Buffer.compare));
const explicit = (n, ...parts) => tlv(0xa0 + n, ...parts);
const octets = (buffer) => tlv(0x04, buffer);
const utf8 = (text) => tlv(0x0c, Buffer.from(text, 'utf8'));
const bool = (value) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const bitString = (buffer, unusedBits = 0) => tlv(0x03, Buffer.from([unusedBits]), buffer);
function integer(value) {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}
function oid(text) {
  const [first, second, ...rest] = text.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}
/** X.509 validity uses UTCTime up to 2049; RFC 3161 genTime is always GeneralizedTime. */
const utcTime = (date) => tlv(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));
const generalizedTime = (date) =>
  tlv(0x18, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'));

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** A policy OID for the test TSA, under the "example" arc. */
  tsaPolicy: '1.3.6.1.4.1.32473.1',
  fulcio: (n) => `1.3.6.1.4.1.57264.1.${n}`,
};
const ECDSA_SHA256 = seq(oid(OID.ecdsaWithSha256));
const SHA256 = seq(oid(OID.sha256));

// ---------------------------------------------------------------------------------------------
// Certificates.

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING contents (the last 65 bytes).
  const keyId = createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
  return { privateKey, spki, keyId };
}

function name(...rdns) {
  return seq(...rdns.map(([type, value]) => set(seq(oid(type), utf8(value)))));
}

function extension(id, critical, value) {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

let nextSerial = 0x4c1d_e0a7_0000_0001n;

/** One X.509 v3 certificate signed with ECDSA P-256 / SHA-256. */
function certificate({ subject, issuer, key, issuerKey, notBefore, notAfter, extensions }) {
  const serial = nextSerial++;
  const tbs = seq(
    explicit(0, integer(2)),
    integer(serial),
    ECDSA_SHA256,
    issuer,
    seq(utcTime(notBefore), utcTime(notAfter)),
    subject,
    key.spki,
    explicit(3, seq(...extensions)),
  );
  const der = seq(tbs, ECDSA_SHA256, bitString(sign('sha256', tbs, issuerKey.privateKey)));
  return { der, serial, subject, issuer };
}

const keyIds = (key, issuerKey) => [
  extension(OID.subjectKeyId, false, octets(key.keyId)),
  extension(OID.authorityKeyId, false, seq(tlv(0x80, issuerKey.keyId))),
];
const caExtensions = (key, issuerKey, pathLength) => [
  // keyCertSign (bit 5) + cRLSign (bit 6): 0b0000_0110 with one unused bit.
  extension(OID.keyUsage, true, bitString(Buffer.from([0x06]), 1)),
  extension(
    OID.basicConstraints,
    true,
    seq(bool(true), ...(pathLength === undefined ? [] : [integer(pathLength)])),
  ),
  ...keyIds(key, issuerKey),
];

const YEARS_2025_2035 = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
};
const ORG = 'Glidepath Test';

const rootKey = newKey();
const rootName = name([OID.organization, ORG], [OID.commonName, 'Glidepath Test Root']);
const root = certificate({
  subject: rootName,
  issuer: rootName,
  key: rootKey,
  issuerKey: rootKey,
  ...YEARS_2025_2035,
  extensions: caExtensions(rootKey, rootKey),
});

const intermediateKey = newKey();
const intermediateName = name(
  [OID.organization, ORG],
  [OID.commonName, 'Glidepath Test Fulcio Intermediate'],
);
const intermediate = certificate({
  subject: intermediateName,
  issuer: rootName,
  key: intermediateKey,
  issuerKey: rootKey,
  ...YEARS_2025_2035,
  extensions: caExtensions(intermediateKey, rootKey, 0),
});

const tsaKey = newKey();
const tsa = certificate({
  subject: name([OID.organization, ORG], [OID.commonName, 'Glidepath Test TSA']),
  issuer: rootName,
  key: tsaKey,
  issuerKey: rootKey,
  ...YEARS_2025_2035,
  extensions: [
    extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)), // digitalSignature
    extension(OID.extKeyUsage, true, seq(oid(OID.timeStamping))), // RFC 3161 2.3: critical, sole purpose
    ...keyIds(tsaKey, rootKey),
  ],
});

/**
 * A Fulcio-style leaf for a GitHub Actions run: empty subject, critical URI SAN naming the signer
 * workflow, and the Fulcio OIDs as DER UTF8Strings (the "V2" encoding, docs/oid-info.md).
 */
function leafCertificate(key, signedAt, claims) {
  const fulcio = (n, value) => extension(OID.fulcio(n), false, utf8(value));
  const optional = (n, value) => (value === undefined ? [] : [fulcio(n, value)]);
  return certificate({
    subject: seq(),
    issuer: intermediateName,
    key,
    issuerKey: intermediateKey,
    notBefore: new Date(signedAt.getTime() - 5_000),
    notAfter: new Date(signedAt.getTime() + 10 * 60_000 - 5_000),
    extensions: [
      extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
      extension(OID.extKeyUsage, false, seq(oid(OID.codeSigning))),
      ...keyIds(key, intermediateKey),
      extension(OID.subjectAltName, true, seq(tlv(0x86, Buffer.from(claims.san)))),
      fulcio(8, claims.issuer),
      fulcio(9, claims.san),
      ...optional(11, claims.runnerEnvironment),
      ...optional(12, claims.sourceRepository),
      fulcio(13, COMMIT),
      ...optional(14, claims.sourceRef),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// RFC 3161 timestamp response over the DSSE signature bytes, as a TSA returns it.

let nextTimestampSerial = 1000n;

function timestampResponse(signature, genTime) {
  const tstInfo = seq(
    integer(1),
    oid(OID.tsaPolicy),
    seq(SHA256, octets(createHash('sha256').update(signature).digest())),
    integer(nextTimestampSerial++),
    generalizedTime(genTime),
  );
  const attributes = [
    seq(oid(OID.contentType), set(oid(OID.tstInfo))),
    seq(oid(OID.messageDigest), set(octets(createHash('sha256').update(tstInfo).digest()))),
    // SigningCertificateV2 { certs: [ ESSCertIDv2 { certHash } ] } (hash algorithm defaults to SHA-256).
    seq(
      oid(OID.signingCertificateV2),
      set(seq(seq(seq(octets(createHash('sha256').update(tsa.der).digest()))))),
    ),
  ];
  const signedAttributes = set(...attributes);
  const signerInfo = seq(
    integer(1),
    seq(tsa.issuer, integer(tsa.serial)),
    SHA256,
    // [0] IMPLICIT SET OF Attribute: same content, context tag; the signature covers the SET form.
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    ECDSA_SHA256,
    octets(sign('sha256', signedAttributes, tsaKey.privateKey)),
  );
  const signedData = seq(
    integer(3),
    set(SHA256),
    seq(oid(OID.tstInfo), explicit(0, octets(tstInfo))),
    explicit(0, tsa.der), // certificates [0] IMPLICIT SET OF Certificate
    set(signerInfo),
  );
  return seq(seq(integer(0)), seq(oid(OID.signedData), explicit(0, signedData)));
}

// ---------------------------------------------------------------------------------------------
// Statements and bundles.

/** An SLSA v1 statement shaped like actions/attest-build-provenance's (actions/toolkit provenance.ts). */
function statement({
  digest,
  workflowPath = '.github/workflows/release.yml',
  repository = 'acme/checkout',
  ref = 'refs/heads/main',
}) {
  const server = 'https://github.com';
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: IMAGE, digest: { sha256: digest } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { ref, repository: `${server}/${repository}`, path: workflowPath } },
        internalParameters: {
          github: {
            event_name: 'push',
            repository_id: '700100200',
            repository_owner_id: '90100200',
            runner_environment: 'github-hosted',
          },
        },
        resolvedDependencies: [{ uri: `git+${server}/${repository}@${ref}`, digest: { gitCommit: COMMIT } }],
      },
      runDetails: {
        builder: { id: `${server}/${repository}/${workflowPath}@${ref}` },
        metadata: { invocationId: `${server}/${repository}/actions/runs/13061979000/attempts/1` },
      },
    },
  };
}

function preAuthEncoding(type, body) {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);
}

const SIGNED_AT = new Date('2025-06-02T14:03:27Z');

/**
 * A v0.3 bundle as GitHub's Sigstore instance writes it: leaf certificate, one RFC 3161 timestamp,
 * no transparency-log entry. `timestampedAt` defaults to one second after signing.
 */
function bundle({
  statement: body,
  claims,
  signedAt = SIGNED_AT,
  timestampedAt,
  payloadType = PAYLOAD_TYPE,
}) {
  const key = newKey();
  const leaf = leafCertificate(key, signedAt, claims);
  const payload = Buffer.from(JSON.stringify(body));
  const signature = sign('sha256', preAuthEncoding(payloadType, payload), key.privateKey);
  const timestamp = timestampResponse(signature, timestampedAt ?? new Date(signedAt.getTime() + 1_000));
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      certificate: { rawBytes: leaf.der.toString('base64') },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [{ signedTimestamp: timestamp.toString('base64') }] },
    },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: signature.toString('base64'), keyid: '' }],
    },
  };
}

const workflowSan = (repository, path, ref) => `https://github.com/${repository}/${path}@${ref}`;
const RELEASE = {
  san: workflowSan('acme/checkout', '.github/workflows/release.yml', 'refs/heads/main'),
  issuer: ISSUER,
  runnerEnvironment: 'github-hosted',
  sourceRepository: 'https://github.com/acme/checkout',
  sourceRef: 'refs/heads/main',
};

const clean = bundle({ statement: statement({ digest: DIGEST }), claims: RELEASE });

// Same signed bytes, payload edited afterwards: the DSSE signature no longer matches.
const tamperedStatement = statement({ digest: DIGEST });
tamperedStatement.predicate.buildDefinition.externalParameters.workflow.ref = 'refs/heads/evil';
const tampered = JSON.parse(JSON.stringify(clean));
tampered.dsseEnvelope.payload = Buffer.from(JSON.stringify(tamperedStatement)).toString('base64');

const outputs = {
  'clean.sigstore.json': clean,
  'other-digest.sigstore.json': bundle({ statement: statement({ digest: OTHER_DIGEST }), claims: RELEASE }),
  'tampered.sigstore.json': tampered,
  'wrong-signer.sigstore.json': bundle({
    statement: statement({ digest: DIGEST, workflowPath: '.github/workflows/debug.yml' }),
    claims: {
      ...RELEASE,
      san: workflowSan('acme/checkout', '.github/workflows/debug.yml', 'refs/heads/main'),
    },
  }),
  'feature-branch.sigstore.json': bundle({
    statement: statement({ digest: DIGEST, ref: 'refs/heads/feature/x' }),
    claims: {
      ...RELEASE,
      san: workflowSan('acme/checkout', '.github/workflows/release.yml', 'refs/heads/feature/x'),
      sourceRef: 'refs/heads/feature/x',
    },
  }),
  'self-hosted.sigstore.json': bundle({
    statement: statement({ digest: DIGEST }),
    claims: { ...RELEASE, runnerEnvironment: 'self-hosted' },
  }),
  // The predicate claims acme/checkout; the certificate says a fork built it. Identity must come
  // from the certificate.
  'predicate-claims-other-repo.sigstore.json': bundle({
    statement: statement({ digest: DIGEST }),
    claims: {
      ...RELEASE,
      san: workflowSan('mallory/checkout', '.github/workflows/release.yml', 'refs/heads/main'),
      sourceRepository: 'https://github.com/mallory/checkout',
    },
  }),
  // Timestamped 20 minutes after signing: the 10-minute certificate had expired by then.
  'timestamp-after-expiry.sigstore.json': bundle({
    statement: statement({ digest: DIGEST }),
    claims: RELEASE,
    timestampedAt: new Date(SIGNED_AT.getTime() + 20 * 60_000),
  }),
  // Validly signed, but the signed payload type says it is not an in-toto attestation.
  'not-in-toto-payload-type.sigstore.json': bundle({
    statement: statement({ digest: DIGEST }),
    claims: RELEASE,
    payloadType: 'application/vnd.dev.cosign.simplesigning.v1+json',
  }),
  'unsigned-statement.json': statement({ digest: DIGEST }),
  'unsigned-dsse.json': clean.dsseEnvelope,
  'trusted_root.json': {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [
      {
        subject: { organization: ORG, commonName: 'Glidepath Test Fulcio Intermediate' },
        uri: 'https://fulcio.glidepath.invalid',
        certChain: {
          certificates: [
            { rawBytes: intermediate.der.toString('base64') },
            { rawBytes: root.der.toString('base64') },
          ],
        },
        validFor: { start: '2025-01-01T00:00:00Z' },
      },
    ],
    ctlogs: [],
    timestampAuthorities: [
      {
        subject: { organization: ORG, commonName: 'Glidepath Test TSA' },
        uri: 'https://tsa.glidepath.invalid',
        certChain: {
          certificates: [{ rawBytes: tsa.der.toString('base64') }, { rawBytes: root.der.toString('base64') }],
        },
        validFor: { start: '2025-01-01T00:00:00Z' },
      },
    ],
  },
};

mkdirSync(OUT, { recursive: true });
for (const [file, value] of Object.entries(outputs)) {
  writeFileSync(join(OUT, file), `${JSON.stringify(value, null, 2)}\n`);
}
// PEM copies of the CA and TSA certificates, for inspecting with openssl.
const pem = (der) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').trimEnd()}\n-----END CERTIFICATE-----\n`;
writeFileSync(join(OUT, 'test-ca.pem'), pem(root.der) + pem(intermediate.der) + pem(tsa.der));

// The demo (npm run demo) admits the clean bundle against the same root: keep its copies in step.
if (process.argv[2] === undefined) {
  const demo = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'demo');
  writeFileSync(
    join(demo, 'provenance.sigstore.json'),
    `${JSON.stringify(outputs['clean.sigstore.json'], null, 2)}\n`,
  );
  writeFileSync(
    join(demo, 'trusted_root.json'),
    `${JSON.stringify(outputs['trusted_root.json'], null, 2)}\n`,
  );
}
console.log(`wrote ${Object.keys(outputs).length + 1} files to ${OUT}`);
console.log(`image ${IMAGE}@sha256:${DIGEST}; other digest sha256:${OTHER_DIGEST}`);

function sha256Hex(text) {
  return createHash('sha256').update(text).digest('hex');
}
function sha1Hex(text) {
  return createHash('sha1').update(text).digest('hex');
}
