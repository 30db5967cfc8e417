import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_POLICY_FILE, loadPolicy } from '../../config/load-policy.js';
import { ConfigurationError, ExitCode, UsageError } from '../../errors.js';
import type { Check } from '../../evidence/types.js';
import { isQuarantined } from '../../gitops/quarantine.js';
import { ImageRef } from '../../evidence/image-ref.js';
import { verifyArtifact, type AdmissionReport } from '../../evidence/verify.js';
import { admissionJson, admissionText } from '../../report/admission.js';
import type { CliIo, Command } from '../command.js';

/** Everything `verify` needs, whichever face (CLI or action) collected it. */
export interface VerifySettings {
  /** Image reference pinned by digest. */
  artifact: string;
  /** Evidence files and directories. */
  evidence: string[];
  /** Policy file; undefined means `glidepath.yaml` when it exists, else the defaults. */
  policyFile?: string;
  /** Sigstore trusted_root.json; undefined means the embedded public-good and GitHub roots. */
  trustedRoot?: string;
  /** The GitOps repository's quarantine list (a checked-out `.glidepath/quarantine.yaml`). */
  quarantineFile?: string;
}

/** Runs admission for `settings`: the library call both faces share. */
export async function runVerify(
  settings: VerifySettings,
  io: Pick<CliIo, 'cwd' | 'now'>,
): Promise<AdmissionReport> {
  const artifact = ImageRef.parse(settings.artifact);
  const policy = await loadPolicy(policyFileIn(io.cwd, settings.policyFile));
  const report = await verifyArtifact({
    artifact,
    evidencePaths: settings.evidence.map((path) => from(io.cwd, path)),
    policy,
    trustedRootFile: settings.trustedRoot && from(io.cwd, settings.trustedRoot),
    now: io.now(),
  });
  return settings.quarantineFile ? refuseQuarantined(report, from(io.cwd, settings.quarantineFile)) : report;
}

/** A quarantined digest is never admitted, whatever its evidence says, until a person removes the line. */
async function refuseQuarantined(report: AdmissionReport, file: string): Promise<AdmissionReport> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigurationError(`cannot read the quarantine list: ${(error as Error).message}`, file);
    }
  }
  const entry = isQuarantined(text, report.digest, file);
  if (!entry) return report;
  const check: Check = {
    kind: 'artifact',
    file,
    status: 'fail',
    reason: `${report.digest} is quarantined (line ${entry.line}: ${entry.reason ?? 'no reason given'}); remove that line to admit it again`,
  };
  return { ...report, admitted: false, checks: [check, ...report.checks] };
}

/**
 * The policy file to load: `explicit` when given, else `glidepath.yaml` in `cwd` when it exists,
 * else undefined (the built-in defaults).
 */
export function policyFileIn(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) return from(cwd, explicit);
  const implicit = from(cwd, DEFAULT_POLICY_FILE);
  return existsSync(implicit) ? implicit : undefined;
}

/**
 * Resolves `path` against `cwd`, but keeps it as the user typed it when that already means the same
 * file: reports and error messages then show the path the user knows.
 */
function from(cwd: string, path: string): string {
  return isAbsolute(path) || resolve(cwd) === process.cwd() ? path : resolve(cwd, path);
}

export const verifyCommand: Omit<Command, 'summary'> = {
  name: 'verify',
  description: [
    'Reads test results (JUnit XML), scans (SARIF 2.1.0, Trivy JSON, Grype JSON) with OpenVEX',
    'suppressions, SBOMs (CycloneDX, SPDX) and provenance (in-toto statements, DSSE envelopes,',
    'Sigstore bundles v0.1-v0.3, verified offline) and checks them against the evidence section of',
    'the policy. Files are recognised by content; directories are walked; other files are listed',
    'and ignored.',
    '',
    'Exit status: 0 admitted, 1 rejected, 2 bad usage or unreadable/malformed input, 70 internal error.',
  ].join('\n'),
  options: [
    {
      name: 'artifact',
      type: 'string',
      required: true,
      placeholder: 'REF',
      description: 'image pinned by digest: registry/repo[:tag]@sha256:<64 hex>; a tag alone is refused',
    },
    {
      name: 'evidence',
      type: 'string',
      multiple: true,
      placeholder: 'PATH...',
      description: 'evidence files or directories (repeat the flag or list several paths after it)',
    },
    {
      name: 'policy',
      type: 'string',
      placeholder: 'FILE',
      description: `policy file (default: ${DEFAULT_POLICY_FILE} in the working directory if present, else built-in defaults)`,
    },
    {
      name: 'quarantine',
      type: 'string',
      placeholder: 'FILE',
      description:
        'the GitOps repository quarantine list (.glidepath/quarantine.yaml); a listed digest is rejected',
    },
    {
      name: 'trusted-root',
      type: 'string',
      placeholder: 'FILE',
      description:
        'Sigstore trusted_root.json for offline bundle verification (default: embedded public-good and GitHub roots)',
    },
    { name: 'json', type: 'boolean', description: 'print the report as JSON instead of a table' },
  ],
  examples: [
    'glidepath verify --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence reports/ --policy glidepath.yaml',
    'glidepath verify --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence junit.xml trivy.json bundle.json --json',
  ],
  async run(values, io) {
    const artifact = values.artifact;
    if (typeof artifact !== 'string') throw new UsageError('--artifact REF is required');
    const report = await runVerify(
      {
        artifact,
        evidence: (values.evidence as string[] | undefined) ?? [],
        policyFile: values.policy as string | undefined,
        trustedRoot: values['trusted-root'] as string | undefined,
        quarantineFile: values.quarantine as string | undefined,
      },
      io,
    );
    io.stdout(values.json ? admissionJson(report) : admissionText(report));
    return report.admitted ? ExitCode.ok : ExitCode.rejected;
  },
};
