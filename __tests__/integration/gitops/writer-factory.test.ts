/** openDesiredStateWriter: the policy's `desired:` section picks and configures the backend. */
import { describe, expect, it } from '@jest/globals';
import { createBareRepo, startGitRemote } from '../../support/git-remote.js';
import { startGitHubFake } from '../../support/github-fake/index.js';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { ConfigurationError } from '../../../src/errors.js';
import { createOctokit } from '../../../src/github/octokit.js';
import { openDesiredStateWriter } from '../../../src/gitops/index.js';
import type { CommitRequest } from '../../../src/gitops/types.js';

const REQUEST: CommitRequest = {
  branch: 'main',
  headline: 'Set the image',
  trailers: { 'Glidepath-Step': '1/5' },
  changes: [{ path: 'app.yaml', render: () => 'image: new\n' }],
};

function desiredOf(yaml: string) {
  const desired = parsePolicy(yaml, 'glidepath.yaml').desired;
  if (!desired) throw new Error('no desired section');
  return desired;
}

describe('openDesiredStateWriter', () => {
  it('opens the git backend for a URL and commits over smart HTTP', async () => {
    const repo = await createBareRepo({ files: { 'app.yaml': 'image: old\n' } });
    const remote = await startGitRemote({ repos: { 'acme/gitops': repo.path } });
    try {
      const desired = desiredOf(`desired:\n  repo: "${remote.url('acme/gitops')}"\n`);
      expect(desired.backend).toBe('git');
      const writer = await openDesiredStateWriter(desired, { token: remote.token });
      const result = await writer.commit(REQUEST);
      await writer.close();
      expect(result.status).toBe('committed');
      expect((await repo.git(['show', 'main:app.yaml'])).stdout.toString()).toBe('image: new\n');
    } finally {
      await remote.close();
      await repo.dispose();
    }
  });

  it('opens the github backend for owner/name', async () => {
    const repo = await createBareRepo({ files: { 'app.yaml': 'image: old\n' } });
    const github = await startGitHubFake({
      repo: 'acme/gitops',
      bareRepoPath: repo.path,
      token: 'ghs_factory',
    });
    try {
      const desired = desiredOf('desired:\n  repo: acme/gitops\n');
      expect(desired.backend).toBe('github');
      const octokit = createOctokit({
        token: 'ghs_factory',
        baseUrl: github.url,
        retryAfterBaseMs: 1,
        spaceWrites: false,
      });
      const writer = await openDesiredStateWriter(desired, { octokit });
      expect((await writer.commit(REQUEST)).status).toBe('committed');
      expect(github.count('graphql createCommitOnBranch')).toBe(1);
      await expect(openDesiredStateWriter(desired, {})).rejects.toBeInstanceOf(ConfigurationError);
    } finally {
      await github.close();
      await repo.dispose();
    }
  });
});
