/**
 * The action face (STYLE.md 1): reads the inputs once (settings.ts), masks every secret, runs one
 * command through the same library calls as the CLI (`runVerify`, `runAnalyze`,
 * `runRolloutCommand`), then writes the outputs, the job summary and the annotations, and returns
 * the CLI's exit status. Never throws.
 *
 * How an outcome ends the job (DESIGN.md "Errors and exit codes"):
 * - admitted, `pass`, `promoted` (and `continuing`: this run's step is done, the next run goes on):
 *   success (0);
 * - rejected, `fail`, `reverted`: failed (1);
 * - `inconclusive`, `paused`: failed with "held: …" (4) — nothing advanced, a person decides;
 * - `error` (the provider kept failing) and infrastructure errors: failed (3); bad inputs or
 *   policy: failed (2), with an annotation on each policy problem's line.
 *
 * Security (log injection): progress lines and reports carry text from outside — a metric
 * endpoint's answer quoted in an error, evidence file contents in a reason. A line of it that began
 * with `::` would be a workflow command to the runner (an annotation, a mask, a group), so all such
 * text is written between `::stop-commands::TOKEN` and `::TOKEN::` with a fresh random token
 * (`logUntrusted`). Only this file's own calls (`core.setOutput`, `core.error`, `core.setFailed`)
 * issue commands, and `@actions/core` escapes their data.
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ANALYSIS_EXIT, runAnalyze } from '../cli/commands/analyze.js';
import { ROLLOUT_EXIT, runRolloutCommand } from '../cli/commands/rollout.js';
import { checkEventPayload, dispatchNext } from '../cli/commands/step.js';
import { runVerify } from '../cli/commands/verify.js';
import type { CliIo } from '../cli/command.js';
import { PolicyError } from '../config/load-policy.js';
import { describeError, exitCodeOf, ExitCode } from '../errors.js';
import type { AdmissionReport } from '../evidence/verify.js';
import { forkOrigin } from '../github/fork.js';
import { admissionJson, admissionMarkdown, admissionText } from '../report/admission.js';
import { analysisJson, analysisMarkdown, analysisText } from '../report/analysis.js';
import { revertCause, rolloutJson, rolloutMarkdown, rolloutText } from '../report/rollout.js';
import { secretsToMask } from './secrets.js';
import { readSettings, type ActionCommand, type ActionSettings } from './settings.js';

/** One command's run in the action: returns the exit status. */
type Handler = (settings: ActionSettings, now: () => Date) => Promise<number>;

/** Every command `action.yml` offers, each with its handler (exhaustive over ActionCommand). */
const HANDLERS: Readonly<Record<ActionCommand, Handler>> = {
  verify: verifyInAction,
  analyze: analyzeInAction,
  rollout: rolloutInAction,
  step: rolloutInAction,
};

/**
 * Runs the command the inputs name. `env` is the step's environment (process.env on a runner);
 * `now` the clock.
 */
export async function runAction(
  now: () => Date = () => new Date(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let workspace = process.cwd();
  try {
    const settings = readSettings(env);
    workspace = settings.workspace;
    for (const secret of await secretsToMask(settings)) core.setSecret(secret);
    return await HANDLERS[settings.command](settings, now);
  } catch (error) {
    if (error instanceof PolicyError) annotatePolicy(error, workspace);
    core.setFailed(describeError(error));
    return exitCodeOf(error);
  }
}

/** One annotation per policy problem, placed on the policy file's line in the pull request view. */
function annotatePolicy(error: PolicyError, workspace: string): void {
  const file = relative(workspace, error.file);
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
        libraryIo(settings, now),
      );
  publishAdmission(settings, report);
  await core.summary.addRaw(admissionMarkdown(report)).write();
  return report.admitted ? ExitCode.ok : failAdmission(report);
}

async function analyzeInAction(settings: ActionSettings, now: () => Date): Promise<number> {
  const report = await runAnalyze(
    {
      ...(settings.policyFile ? { policyFile: settings.policyFile } : {}),
      ...(settings.canaryLabel ? { canary: settings.canaryLabel } : {}),
      ...(settings.stableLabel ? { stable: settings.stableLabel } : {}),
      ...(settings.since ? { since: settings.since } : {}),
      ...(settings.bake ? { bake: settings.bake } : {}),
    },
    libraryIo(settings, now),
    { progress: logUntrusted },
  );
  core.setOutput('verdict', report.phase);
  core.setOutput('record', writeReport(settings, settings.recordPath, analysisJson(report)));
  logUntrusted(analysisText(report));
  await core.summary.addRaw(analysisMarkdown(report)).write();
  switch (report.phase) {
    case 'pass':
      break;
    case 'fail':
      core.setFailed(`analysis failed: ${report.reason}`);
      break;
    case 'inconclusive':
      core.setFailed(`held: the analysis is inconclusive, so nothing may advance: ${report.reason}`);
      break;
    case 'error':
      core.setFailed(`the analysis errored (the provider kept failing, never a pass): ${report.reason}`);
      break;
  }
  return ANALYSIS_EXIT[report.phase];
}

/** `rollout` (the whole loop) and `step` (one unit of it, or a control, then the next run dispatched). */
async function rolloutInAction(settings: ActionSettings, now: () => Date): Promise<number> {
  const step = settings.command === 'step';
  // The event guard of `glidepath step`: no fork, no other branch, no failed CI run; a status that
  // is not final is no step at all.
  const skip =
    step && settings.eventName && settings.eventPayload
      ? checkEventPayload(settings.eventName, settings.eventPayload as Record<string, unknown>)
      : undefined;
  if (skip) {
    core.info(skip);
    core.setOutput('verdict', 'skipped');
    return ExitCode.ok;
  }
  // A fork's workflow could bring its own evidence and its own artifact: never roll out from one.
  const fork = forkOrigin(settings.eventName, settings.eventPayload);
  const result = fork
    ? { admitted: false as const, admission: refusedFromFork(settings, fork) }
    : await runRolloutCommand(
        {
          artifact: settings.artifact,
          evidence: settings.evidence,
          ...(settings.policyFile ? { policyFile: settings.policyFile } : {}),
          ...(settings.repo ? { repo: settings.repo } : {}),
          ...(settings.canaryLabel ? { canaryLabel: settings.canaryLabel } : {}),
          ...(settings.stableLabel ? { stableLabel: settings.stableLabel } : {}),
          ...(settings.trustedRoot ? { trustedRoot: settings.trustedRoot } : {}),
          ...(settings.quarantineFile ? { quarantineFile: settings.quarantineFile } : {}),
          ...(step ? { singleStep: true } : {}),
          ...(settings.control ? { control: settings.control } : {}),
          ...(settings.override ? { override: settings.override } : {}),
        },
        libraryIo(settings, now),
      );
  if (result.admission) publishAdmission(settings, result.admission);
  if (!result.admitted) {
    core.setOutput('verdict', 'rejected');
    await core.summary.addRaw(admissionMarkdown(result.admission)).write();
    return failAdmission(result.admission);
  }
  const { record } = result;
  core.setOutput('verdict', record.outcome);
  core.setOutput('record', writeReport(settings, settings.recordPath, rolloutJson(record)));
  core.setOutput('digest', record.digest);
  logUntrusted(rolloutText(record));
  await core.summary
    .addRaw(rolloutMarkdown(record))
    .addRaw(result.admission ? `\n${admissionMarkdown(result.admission)}` : '')
    .write();
  switch (record.outcome) {
    case 'promoted':
      break;
    case 'reverted':
      core.error(revertCause(record) ?? record.reason, { title: 'Glidepath rollout reverted' });
      // The executor's reason already reads "rollout … failed and was reverted: step …: …".
      core.setFailed(record.reason);
      break;
    case 'paused':
      core.setFailed(`held: ${record.reason}; exposure stays where it is until a person decides`);
      break;
    case 'continuing':
      if (settings.dispatch) {
        core.info(
          `dispatched the next step: ${await dispatchNext(settings, settings.dispatch, settings.artifact)}`,
        );
      }
      break;
  }
  return ROLLOUT_EXIT[record.outcome];
}

/** Writes the admission report and sets `admitted`, `digest` and `report`. */
function publishAdmission(settings: ActionSettings, report: AdmissionReport): void {
  core.setOutput('admitted', String(report.admitted));
  core.setOutput('digest', report.digest);
  core.setOutput('report', writeReport(settings, settings.reportPath, admissionJson(report)));
  logUntrusted(admissionText(report));
}

/** An error annotation per failing or missing check, and the job failed. */
function failAdmission(report: AdmissionReport): number {
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

/** Writes `text` to `path` (relative to the workspace), creating its directory; returns the absolute path. */
function writeReport(settings: ActionSettings, path: string, text: string): string {
  const absolute = resolve(settings.workspace, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  return absolute;
}

/** What the library calls see: the workspace, the clock, the step's environment, and a safe log. */
function libraryIo(settings: ActionSettings, now: () => Date): CliIo {
  return { stdout: logUntrusted, stderr: logUntrusted, cwd: settings.workspace, now, env: settings.env };
}

/** Writes `text` to the job log with workflow commands stopped (see the module comment). */
function logUntrusted(text: string): void {
  if (text === '') return;
  const token = randomUUID();
  process.stdout.write(
    `::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`,
  );
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
