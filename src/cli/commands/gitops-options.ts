/**
 * What `desire` and `revert` share: the policy with a `desired` section, where the GitOps
 * repository is, and the writer for it.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_POLICY_FILE, loadPolicy } from '../../config/load-policy.js';
import type { DesiredPolicy, Policy } from '../../config/types.js';
import { ConfigurationError, UsageError } from '../../errors.js';
import { openDesiredStateWriter, type OpenWriter } from '../../gitops/index.js';
import type { CliIo, OptionSpec, OptionValues } from '../command.js';

/** The flags both commands take, documented once. */
export const GITOPS_OPTIONS: OptionSpec[] = [
  {
    name: 'policy',
    type: 'string',
    placeholder: 'FILE',
    description: `policy file with a desired section (default: ${DEFAULT_POLICY_FILE} in the working directory)`,
  },
  {
    name: 'repo',
    type: 'string',
    placeholder: 'PATH|URL',
    description:
      'GitOps repository instead of desired.repo: a local checkout, a git URL (any host), or owner/name on GitHub',
  },
  {
    name: 'backend',
    type: 'string',
    placeholder: 'git|github',
    description: 'how to commit (default: desired.backend; a path or URL means git)',
  },
  { name: 'json', type: 'boolean', description: 'print the result as JSON' },
];

/** The policy and its `desired` section with the command line's overrides applied. */
export async function gitopsPolicy(
  values: OptionValues,
  io: CliIo,
): Promise<{ policy: Policy; desired: DesiredPolicy; checkout?: string }> {
  const explicit = values.policy as string | undefined;
  const file =
    explicit ?? (existsSync(resolve(io.cwd, DEFAULT_POLICY_FILE)) ? DEFAULT_POLICY_FILE : undefined);
  if (!file) {
    throw new UsageError(
      `--policy FILE is required (no ${DEFAULT_POLICY_FILE} in ${io.cwd}); it must have a desired section`,
    );
  }
  const policy = await loadPolicy(isAbsolute(file) ? file : resolve(io.cwd, file));
  if (!policy.desired) {
    throw new ConfigurationError(
      'has no desired section: add desired.repo and desired.targets (see the README)',
      file,
    );
  }
  let desired = policy.desired;
  let checkout: string | undefined;
  const repo = values.repo as string | undefined;
  if (repo !== undefined) {
    const local = resolve(io.cwd, repo);
    if (existsSync(local)) {
      checkout = local;
      desired = { ...desired, repo: local, backend: 'git' };
    } else if (/^[\w.-]+\/[\w.-]+$/.test(repo)) {
      desired = { ...desired, repo, backend: 'github' };
    } else {
      desired = { ...desired, repo, backend: 'git' };
    }
  }
  const backend = values.backend as string | undefined;
  if (backend !== undefined) {
    if (backend !== 'git' && backend !== 'github')
      throw new UsageError(`--backend must be git or github, got "${backend}"`);
    desired = { ...desired, backend };
  }
  return { policy, desired, ...(checkout ? { checkout } : {}) };
}

/**
 * The token for the GitOps repository: GLIDEPATH_GITOPS_TOKEN when the GitOps repository lives
 * where the workflow's own tokens cannot write (another organisation), else GLIDEPATH_TOKEN, else
 * GITHUB_TOKEN. Deployments and dispatches of the workflow's repository never use the first.
 */
export function gitopsToken(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env.GLIDEPATH_GITOPS_TOKEN || env.GLIDEPATH_TOKEN || env.GITHUB_TOKEN || undefined;
}

/**
 * The writer for `desired`. Tokens come from the environment only (never a flag, so they stay out
 * of shell history): see {@link gitopsToken}; GITHUB_API_URL points at GitHub Enterprise Server
 * (or a test fake).
 */
export function openWriter(desired: DesiredPolicy, io: CliIo, checkout?: string): Promise<OpenWriter> {
  const env = io.env ?? {};
  const token = gitopsToken(env);
  return openDesiredStateWriter(desired, {
    // Many services desiring on one branch at once is the normal case for a platform team: give
    // compare-and-swap room to converge (each retry re-renders on the new head, so it is safe).
    retry: { maxAttempts: 10 },
    ...(token ? { token } : {}),
    ...(checkout ? { checkout } : {}),
    ...(env.GITHUB_API_URL ? { octokitSettings: { baseUrl: env.GITHUB_API_URL } } : {}),
  });
}
