/**
 * The writer factory: the policy's `desired.backend` picks one implementation of
 * DesiredStateWriter. Adding a backend is one file and one case here.
 */
import type { DesiredPolicy } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { createOctokit, type GlidepathOctokit, type OctokitSettings } from '../github/octokit.js';
import type { RetryEffects, RetryPolicy } from './backoff.js';
import { GitHubApiWriter } from './github-api.js';
import { LocalGitWriter, type GitIdentity } from './local-git.js';
import type { DesiredStateWriter, Logger } from './types.js';

export type {
  CommitRequest,
  CommitResult,
  DesiredChange,
  DesiredStateWriter,
  LoggedCommit,
  Trailers,
} from './types.js';

/** A writer that may hold resources (a private repository) until closed. */
export interface OpenWriter extends DesiredStateWriter {
  close(): Promise<void>;
}

/** What the factory needs besides the policy. */
export interface WriterOptions {
  /** Token for the GitOps repository (GITHUB_TOKEN, an App token, or a host's token). */
  token?: string;
  /** For the github backend: a client to reuse (its counter then covers these calls too). */
  octokit?: GlidepathOctokit;
  /** For the github backend without `octokit`: how to build one (API root, logger, counter…). */
  octokitSettings?: Omit<OctokitSettings, 'token'>;
  /** For the git backend: an existing checkout to reuse instead of fetching `desired.repo`. */
  checkout?: string;
  /** For the git backend: commit identity (default glidepath[bot]). */
  author?: GitIdentity;
  retry?: Partial<RetryPolicy>;
  effects?: RetryEffects;
  logger?: Logger;
  mask?: (secret: string) => void;
}

/** Opens the writer `desired.backend` names; close it when done. */
export async function openDesiredStateWriter(
  desired: DesiredPolicy,
  options: WriterOptions = {},
): Promise<OpenWriter> {
  const common = {
    ...(options.effects ? { effects: options.effects } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  switch (desired.backend) {
    case 'github': {
      if (!options.octokit && !options.token) {
        throw new ConfigurationError(
          `writing to ${desired.repo} through GitHub's API needs a token with contents: write; pass the action input \`token\` (GITHUB_TOKEN or an App token)`,
        );
      }
      const octokit =
        options.octokit ??
        createOctokit({
          ...options.octokitSettings,
          token: options.token ?? '',
          ...(options.mask ? { mask: options.mask } : {}),
        });
      const writer = new GitHubApiWriter(
        octokit,
        {
          repository: desired.repo,
          mode: desired.mode,
          ...(options.retry ? { retry: options.retry } : {}),
          ...(desired.autoMerge ? { pullRequest: { autoMerge: desired.autoMerge } } : {}),
        },
        common,
      );
      return Object.assign(writer, { close: async () => {} });
    }
    case 'git':
      return LocalGitWriter.open(
        {
          source: options.checkout ? { checkout: options.checkout } : { url: desired.repo },
          ...(options.token ? { token: options.token } : {}),
          ...(options.author ? { author: options.author } : {}),
          ...(options.retry ? { retry: options.retry } : {}),
        },
        { ...common, ...(options.mask ? { mask: options.mask } : {}) },
      );
    default: {
      const never: never = desired.backend;
      throw new Error(`unknown desired.backend ${String(never)}`);
    }
  }
}
