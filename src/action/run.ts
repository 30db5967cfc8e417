import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { PolicyError } from '../config/load-policy.js';
import { runVerify } from '../cli/commands/verify.js';
import { describeError, exitCodeOf, ExitCode } from '../errors.js';
import type { AdmissionReport } from '../evidence/verify.js';
import { forkOrigin } from '../github/fork.js';
import { admissionJson, admissionMarkdown, admissionText } from '../report/admission.js';
import { readSettings, type ActionSettings } from './settings.js';

/**
 * The action face: reads inputs, runs the command, writes outputs and the job summary, and
 * returns the exit status (the same statuses as the CLI). Never throws.
 */
export async function runAction(now: () => Date = () => new Date()): Promise<number> {
  try {
    const settings = readSettings();
    return await verifyInAction(settings, now);
  } catch (error) {
    if (error instanceof PolicyError) annotatePolicy(error);
    core.setFailed(describeError(error));
    return exitCodeOf(error);
  }
}

/** One annotation per policy problem, placed on the policy file's line in the pull request view. */
function annotatePolicy(error: PolicyError): void {
  const file = relative(process.env.GITHUB_WORKSPACE || process.cwd(), error.file);
  for (const problem of error.problems) {
    core.error(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
      title: 'Glidepath policy',
      file,
      startLine: problem.line,
      startColumn: problem.column,
    });
  }
}

async function verifyInAction(settings: ActionSettings, now: () => Date): Promise<number> {
  const fork = forkOrigin(settings.eventName, settings.eventPayload);
  const report = fork
    ? refusedFromFork(settings, fork)
    : await runVerify(
        {
          artifact: settings.artifact,
          evidence: settings.evidence,
          policyFile: settings.policyFile,
          trustedRoot: settings.trustedRoot,
          quarantineFile: settings.quarantineFile,
        },
        { cwd: settings.workspace, now },
      );
  const reportPath = resolve(settings.workspace, settings.reportPath);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, admissionJson(report));

  core.setOutput('admitted', String(report.admitted));
  core.setOutput('digest', report.digest);
  core.setOutput('report', reportPath);
  core.info(admissionText(report));
  await core.summary.addRaw(admissionMarkdown(report)).write();

  if (report.admitted) return ExitCode.ok;
  for (const check of report.checks) {
    if (check.status === 'fail' || check.status === 'missing') {
      core.error(check.reason, {
        title: `${check.kind} ${check.status}${check.file ? `: ${check.file}` : ''}`,
      });
    }
  }
  core.setFailed(`${report.artifact} was not admitted: see the checks above and the job summary`);
  return ExitCode.rejected;
}

function refusedFromFork(settings: ActionSettings, fork: string): AdmissionReport {
  const digest = settings.artifact.split('@')[1] ?? '';
  return {
    artifact: settings.artifact,
    digest,
    admitted: false,
    checks: [
      {
        kind: 'artifact',
        file: '',
        status: 'fail',
        reason: `this ${settings.eventName} run was triggered from the fork ${fork}; evidence from forks is never admitted`,
      },
    ],
    ignored: [],
    policy: settings.policyFile ?? 'defaults',
  };
}
