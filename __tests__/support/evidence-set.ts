/**
 * Builds a complete evidence set for one image digest in a temporary directory from the demo's
 * templates (examples/demo/evidence: JUnit, Trivy JSON, CycloneDX, OpenVEX, in the shapes the real
 * tools write) plus the signed provenance bundle of the test PKI (__tests__/fixtures/provenance).
 * Timestamps are "now", so the default 24h maxAge holds.
 *
 * Each defect changes exactly one file, so a test proves that one defect alone rejects.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
export const TEMPLATES = join(ROOT, 'examples', 'demo', 'evidence');
export const DEMO_POLICY = join(ROOT, 'examples', 'demo', 'glidepath.yaml');
export const PROVENANCE_DIR = join(ROOT, '__tests__', 'fixtures', 'provenance');
export const TRUSTED_ROOT = join(PROVENANCE_DIR, 'trusted_root.json');
const CLEAN_BUNDLE = join(PROVENANCE_DIR, 'clean.sigstore.json');

/** The digest the test PKI's clean bundle attests (read from its signed statement). */
export function provenanceDigest(): string {
  const bundle = JSON.parse(readFileSync(CLEAN_BUNDLE, 'utf8')) as { dsseEnvelope: { payload: string } };
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as {
    subject: { digest: { sha256: string } }[];
  };
  return `sha256:${statement.subject[0]!.digest.sha256}`;
}

export const IMAGE = 'ghcr.io/acme/checkout';
export const OTHER_DIGEST = 'sha256:' + 'b'.repeat(64);

export type Defect =
  | 'failed-test'
  | 'errored-test'
  | 'critical-finding'
  | 'scan-for-other-digest'
  | 'statement-for-other-digest'
  | 'tampered-bundle'
  | 'wrong-signer'
  | 'missing-provenance';

export interface EvidenceSet {
  dir: string;
  digest: string;
  artifact: string;
  /** The demo's policy: every kind required, signed by the test PKI's release workflow. */
  policyFile: string;
}

/** The bundle each provenance defect uses in place of the clean one. */
const BUNDLE_FOR: Partial<Record<Defect, string>> = {
  'statement-for-other-digest': 'other-digest.sigstore.json',
  'tampered-bundle': 'tampered.sigstore.json',
  'wrong-signer': 'wrong-signer.sigstore.json',
};

/** Writes the evidence set (optionally with one defect) into a new temporary directory. */
export function makeEvidenceSet(options: { defect?: Defect; now?: Date } = {}): EvidenceSet {
  const root = mkdtempSync(join(tmpdir(), 'glidepath-evidence-'));
  const dir = join(root, 'evidence');
  mkdirSync(dir);
  const digest = provenanceDigest();
  const now = (options.now ?? new Date()).toISOString();
  const { defect } = options;

  for (const name of readdirSync(TEMPLATES)) {
    const scanDigest = defect === 'scan-for-other-digest' && name === 'trivy.json' ? OTHER_DIGEST : digest;
    const text = readFileSync(join(TEMPLATES, name), 'utf8')
      .replaceAll('__NOW__', now)
      .replaceAll('__DIGEST_HEX__', scanDigest.slice('sha256:'.length))
      .replaceAll('__DIGEST__', scanDigest);
    writeFileSync(join(dir, name), applyDefect(name, text, defect));
  }
  if (defect !== 'missing-provenance') {
    const bundle = (defect && BUNDLE_FOR[defect]) ?? 'clean.sigstore.json';
    copyFileSync(join(PROVENANCE_DIR, bundle), join(dir, 'provenance.sigstore.json'));
  }
  const policyFile = join(root, 'glidepath.yaml');
  copyFileSync(DEMO_POLICY, policyFile);
  return { dir, digest, artifact: `${IMAGE}:1.4.0@${digest}`, policyFile };
}

/** A new unsuppressed HIGH finding, the way Trivy reports one. */
export const REGRESSHION = {
  VulnerabilityID: 'CVE-2024-6387',
  PkgID: 'openssh@9.3_p2-r0',
  PkgName: 'openssh',
  PkgIdentifier: { PURL: 'pkg:apk/alpine/openssh@9.3_p2-r0?arch=x86_64&distro=3.18.0' },
  InstalledVersion: '9.3_p2-r0',
  FixedVersion: '9.3_p2-r3',
  Status: 'fixed',
  SeveritySource: 'nvd',
  Title: 'openssh: regreSSHion remote code execution',
  Severity: 'HIGH',
};

function applyDefect(name: string, text: string, defect: Defect | undefined): string {
  const firstCase =
    '<testcase classname="checkout api creates an order" name="checkout api creates an order" time="0.41">';
  if (name === 'junit.xml' && defect === 'failed-test') {
    return text.replace(
      firstCase,
      `${firstCase}<failure message="expected 200, got 500" type="AssertionError">AssertionError: expected 200, got 500</failure>`,
    );
  }
  if (name === 'junit.xml' && defect === 'errored-test') {
    return text.replace(
      firstCase,
      `${firstCase}<error message="connect ECONNREFUSED 127.0.0.1:5432" type="Error"/>`,
    );
  }
  if (name === 'trivy.json' && defect === 'critical-finding') {
    const report = JSON.parse(text) as { Results: { Vulnerabilities?: unknown[] }[] };
    report.Results[0]!.Vulnerabilities!.push(REGRESSHION);
    return JSON.stringify(report, null, 2);
  }
  return text;
}
