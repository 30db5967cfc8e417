import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';

/** The commands `action.yml` can run today (its `command` input). */
export const ACTION_COMMANDS = ['verify'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/**
 * Every action input, read once, typed (STYLE.md 2). Nothing else reads INPUT_* or GITHUB_*.
 * Input names are the ones in action.yml; action.yml passes each through `env:` as INPUT_<NAME>
 * with dashes written as underscores, so `core.getInput` finds it.
 */
export interface ActionSettings {
  /** Which command to run. */
  command: ActionCommand;
  /** `artifact`: the image pinned by digest. */
  artifact: string;
  /** `evidence`: files or directories, one per line (or separated by spaces). */
  evidence: string[];
  /** `policy`: the policy file; empty means glidepath.yaml when present, else defaults. */
  policyFile?: string;
  /** `trusted-root`: a Sigstore trusted_root.json; empty means the embedded roots. */
  trustedRoot?: string;
  /** `quarantine`: the GitOps repository's quarantine list; empty means none is checked. */
  quarantineFile?: string;
  /** `report`: where to write the JSON report; defaults to a file under RUNNER_TEMP. */
  reportPath: string;
  /** GITHUB_WORKSPACE, where relative paths resolve. */
  workspace: string;
  /** GITHUB_EVENT_NAME, to refuse evidence from forks. */
  eventName?: string;
  /** The parsed GITHUB_EVENT_PATH payload, or undefined outside a workflow. */
  eventPayload?: unknown;
}

function input(name: string, options?: core.InputOptions): string {
  return core.getInput(name.replace(/-/g, '_'), options).trim();
}

/** Reads and validates the inputs; a bad value is a ConfigurationError naming the input. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const command = input('command') || 'verify';
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) {
    throw new ConfigurationError(`input "command": "${command}" is not one of ${ACTION_COMMANDS.join(', ')}`);
  }
  const artifact = input('artifact');
  if (!artifact) {
    throw new ConfigurationError(
      'input "artifact" is required: the image pinned by digest, e.g. ghcr.io/acme/app@sha256:…',
    );
  }
  const runnerTemp = env.RUNNER_TEMP || tmpdir();
  return {
    command: command as ActionCommand,
    artifact,
    evidence: input('evidence').split(/\s+/).filter(Boolean),
    policyFile: input('policy') || undefined,
    trustedRoot: input('trusted-root') || undefined,
    quarantineFile: input('quarantine') || undefined,
    reportPath: input('report') || join(runnerTemp, 'glidepath', 'admission.json'),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    eventName: env.GITHUB_EVENT_NAME,
    eventPayload: readEvent(env.GITHUB_EVENT_PATH),
  };
}

function readEvent(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`cannot read the event payload: ${(error as Error).message}`, path);
  }
}
