/**
 * `glidepath verify` through the CLI entry (in process): the acceptance lines, one defect at
 * a time against an otherwise clean evidence set.
 */
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { makeEvidenceSet, TRUSTED_ROOT, type Defect } from '../support/evidence-set.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    args,
    { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), now: () => new Date() },
    'test',
  );
  return { status, stdout: out.join(''), stderr: err.join('') };
}

interface JsonReport {
  admitted: boolean;
  digest: string;
  checks: { kind: string; file: string; status: string; reason: string }[];
  ignored: { file: string; reason: string }[];
}

async function verifyJson(set: ReturnType<typeof makeEvidenceSet>): Promise<Run & { report: JsonReport }> {
  const run = await cli(
    'verify',
    '--artifact',
    set.artifact,
    '--evidence',
    set.dir,
    '--policy',
    set.policyFile,
    '--trusted-root',
    TRUSTED_ROOT,
    '--json',
  );
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

describe('glidepath verify', () => {
  it('admits a clean evidence set (exit 0) and lists the VEX-suppressed finding as suppressed', async () => {
    const set = makeEvidenceSet();
    const { status, report, stderr } = await verifyJson(set);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report.admitted).toBe(true);
    expect(report.digest).toBe(set.digest);
    const statuses = Object.fromEntries(
      report.checks.filter((c) => c.status !== 'suppressed').map((c) => [c.kind, c.status]),
    );
    expect(statuses).toEqual({ tests: 'pass', scan: 'pass', sbom: 'pass', provenance: 'pass' });
    const suppressed = report.checks.filter((c) => c.status === 'suppressed');
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.reason).toContain('CVE-2023-45853');
    expect(suppressed[0]!.file).toBe(join(set.dir, 'trivy.json'));
    expect(report.ignored).toEqual([{ file: join(set.dir, 'NOTES.txt'), reason: 'not JSON or XML' }]);
  });

  const defects: [Defect, string, RegExp][] = [
    ['failed-test', 'junit.xml', /1 failed|failed.*1/],
    ['errored-test', 'junit.xml', /1 errored|errored.*1/],
    ['critical-finding', 'trivy.json', /CVE-2024-6387/],
    ['scan-for-other-digest', 'trivy.json', /sha256:b{64}/],
    ['statement-for-other-digest', 'provenance.sigstore.json', /subject|digest/i],
    ['tampered-bundle', 'provenance.sigstore.json', /signature|tamper/i],
    ['wrong-signer', 'provenance.sigstore.json', /signer|identity|SAN/i],
  ];
  it.each(defects)(
    'rejects (exit 1) a set with one defect: %s, naming %s and the reason',
    async (defect, file, reason) => {
      const set = makeEvidenceSet({ defect });
      const { status, report } = await verifyJson(set);
      expect(status).toBe(1);
      expect(report.admitted).toBe(false);
      const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'missing');
      expect(failing).toHaveLength(1);
      expect(failing[0]!.file).toBe(join(set.dir, file));
      expect(failing[0]!.reason).toMatch(reason);
    },
  );

  it('rejects (exit 1) when a required kind is missing, and says which', async () => {
    const set = makeEvidenceSet({ defect: 'missing-provenance' });
    const { status, report } = await verifyJson(set);
    expect(status).toBe(1);
    const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'missing');
    expect(failing).toEqual([
      expect.objectContaining({
        kind: 'provenance',
        status: 'missing',
        file: '',
        reason: expect.stringMatching(/required/),
      }),
    ]);
  });

  it('rejects (exit 1) a quarantined digest whatever its evidence, naming the line to remove', async () => {
    const set = makeEvidenceSet();
    const quarantine = join(set.dir, '..', 'quarantine.yaml');
    writeFileSync(
      quarantine,
      `digests:\n  - digest: ${set.digest}\n    image: ghcr.io/acme/checkout\n    reason: error rate 4% > 1% at 25%\n`,
    );
    const run = await cli(
      'verify',
      '--artifact',
      set.artifact,
      '--evidence',
      set.dir,
      '--policy',
      set.policyFile,
      '--trusted-root',
      TRUSTED_ROOT,
      '--quarantine',
      quarantine,
      '--json',
    );
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.checks[0]).toEqual({
      kind: 'artifact',
      file: quarantine,
      status: 'fail',
      reason: `${set.digest} is quarantined (line 2: error rate 4% > 1% at 25%); remove that line to admit it again`,
    });
  });

  it('prints a table on a terminal, ending with the verdict', async () => {
    const set = makeEvidenceSet({ defect: 'failed-test' });
    const run = await cli(
      'verify',
      '--artifact',
      set.artifact,
      '--evidence',
      set.dir,
      '--policy',
      set.policyFile,
      '--trusted-root',
      TRUSTED_ROOT,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^STATUS\s+KIND\s+FILE\s+REASON/);
    expect(run.stdout).toMatch(
      /REJECTED ghcr\.io\/acme\/checkout@sha256:[0-9a-f]{64}: 1 of \d+ checks failed/,
    );
  });

  it.each([
    ['a tag-only reference', 'ghcr.io/acme/checkout:1.4.0', /only by digest/],
    ['a bare name', 'ghcr.io/acme/checkout', /only by digest/],
    ['uppercase hex', 'ghcr.io/acme/checkout@sha256:' + 'A'.repeat(64), /64 lowercase hex/],
    ['a short digest', 'ghcr.io/acme/checkout@sha256:abc', /not a valid image reference/],
  ])('exits 2 for %s, naming the digest requirement', async (_label, artifact, message) => {
    const run = await cli('verify', '--artifact', artifact);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/@sha256:/);
  });

  it('exits 2 naming the file and position for truncated evidence, without a stack trace', async () => {
    const set = makeEvidenceSet();
    const truncated = join(set.dir, 'trivy.json');
    writeFileSync(truncated, '{"SchemaVersion": 2, "Results": [ {"Target": "x"');
    const run = await cli(
      'verify',
      '--artifact',
      set.artifact,
      '--evidence',
      set.dir,
      '--trusted-root',
      TRUSTED_ROOT,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${truncated}: 1:`);
    expect(run.stderr).toMatch(/malformed JSON/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for truncated XML with the line and column', async () => {
    const set = makeEvidenceSet();
    const junit = join(set.dir, 'junit.xml');
    writeFileSync(junit, '<testsuites><testsuite name="a"><testcase name="x">');
    const run = await cli('verify', '--artifact', set.artifact, '--evidence', junit);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`${junit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+:\\d+: malformed XML`),
    );
  });

  it('exits 2 for an evidence path that does not exist', async () => {
    const run = await cli(
      'verify',
      '--artifact',
      'ghcr.io/a/b@sha256:' + 'a'.repeat(64),
      '--evidence',
      '/nonexistent/junit.xml',
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/nonexistent/junit.xml: cannot read evidence path (ENOENT)');
  });

  it('exits 2 for an unknown flag and points at --help', async () => {
    const run = await cli('verify', '--artefact', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--artefact'/);
    expect(run.stderr).toMatch(/glidepath verify --help/);
  });

  it('exits 2 with FILE:LINE:COL for a policy error', async () => {
    const set = makeEvidenceSet();
    const policy = join(set.dir, '..', 'bad-policy.yaml');
    writeFileSync(policy, 'evidence:\n  scan:\n    failOn: severe\n');
    const run = await cli('verify', '--artifact', set.artifact, '--policy', policy);
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(`${policy}:3:13: evidence.scan.failOn:`)).toBe(true);
  });

  it('documents every flag in verify --help', async () => {
    const run = await cli('verify', '--help');
    expect(run.status).toBe(0);
    for (const flag of [
      '--artifact REF',
      '--evidence PATH...',
      '--policy FILE',
      '--trusted-root FILE',
      '--json',
      '--help',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('lists only working commands in --help', async () => {
    const run = await cli('--help');
    expect(run.status).toBe(0);
    const commands = run.stdout
      .split('Commands:\n')[1]!
      .split('\n\n')[0]!
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(commands).toEqual([
      'verify',
      'edit',
      'desire',
      'revert',
      'analyze',
      'rollout',
      'step',
      'promote',
      'abort',
      'pause',
      'retry',
      'resume',
      'status',
      'gate',
      'report',
    ]);
  });

  it("shows a group's commands for `edit` and refuses an unknown subcommand with a pointer to help", async () => {
    const group = await cli('edit');
    expect(group.status).toBe(0);
    expect(group.stdout).toMatch(/Usage: glidepath edit <command>/);
    for (const name of ['set-image', 'set-weight', 'set-flag']) expect(group.stdout).toContain(name);
    const sub = await cli('edit', 'set-image', '--help');
    expect(sub.stdout).toMatch(/^Usage: glidepath edit set-image FILE\.\.\. --image REF/);
    const unknown = await cli('edit', 'set-replicas', 'x.yaml');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown edit command "set-replicas"; edit commands: set-image, set-weight, set-flag/,
    );
  });
});
