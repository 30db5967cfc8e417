import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphqlResponseError } from '@octokit/graphql';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';
import { testOctokit } from '../../support/github-fake/octokit.js';

const TOKEN = 'ghs_concurrency_token';
const WRITERS = 10;

const READ = `query ($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { target { oid } }
    object(expression: "main:services.txt") { ... on Blob { text } }
  }
}`;

const WRITE = `mutation ($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`;

interface Read {
  repository: { defaultBranchRef: { target: { oid: string } }; object: { text: string } | null };
}

describe('GitHub fake under contention: 10 writers on one branch with createCommitOnBranch', () => {
  let bare: TempBareRepo;
  let fake: GitHubFake;

  beforeAll(async () => {
    bare = await createBareRepo({ files: { 'services.txt': '' } });
    fake = await startGitHubFake({ repo: 'acme/gitops', bareRepoPath: bare.path, token: TOKEN });
  });

  afterAll(async () => {
    try {
      await fake.close();
    } finally {
      await bare.dispose();
    }
  });

  it('lands every writer exactly once, re-reading and re-rendering on a stale head', async () => {
    const { octokit } = testOctokit(fake);
    let stale = 0;

    /** One writer: read the head, render its intent on top, compare-and-swap; repeat while stale. */
    const writer = async (i: number): Promise<number> => {
      const service = `svc-${i}`;
      for (let attempt = 1; attempt <= 50; attempt += 1) {
        const read = await octokit.graphql<Read>(READ, { owner: 'acme', name: 'gitops' });
        const lines = (read.repository.object?.text ?? '').split('\n').filter(Boolean);
        // Re-render from intent on whatever the head holds now, never replay stale bytes.
        const next = [...new Set([...lines, service])].sort().join('\n') + '\n';
        try {
          await octokit.graphql(WRITE, {
            input: {
              branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
              expectedHeadOid: read.repository.defaultBranchRef.target.oid,
              message: { headline: `${service}: desired state`, body: `Glidepath-Rollout: ${service}` },
              fileChanges: {
                additions: [
                  { path: 'services.txt', contents: Buffer.from(next).toString('base64') },
                  {
                    path: `apps/${service}/kustomization.yaml`,
                    contents: Buffer.from(`# ${service}\n`).toString('base64'),
                  },
                ],
              },
            },
          });
          return attempt;
        } catch (error) {
          if (!(error instanceof GraphqlResponseError) || error.errors?.[0]?.type !== 'STALE_DATA')
            throw error;
          stale += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        }
      }
      throw new Error(`${service} never landed`);
    };

    const attempts = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));

    const log = await gitText(['--git-dir', bare.path, 'log', '--format=%b', 'main']);
    const trailers = log.split('\n').filter((line) => line.startsWith('Glidepath-Rollout: '));
    expect(trailers.sort()).toEqual(
      Array.from({ length: WRITERS }, (_, i) => `Glidepath-Rollout: svc-${i}`).sort(),
    );
    expect(await gitText(['--git-dir', bare.path, 'rev-list', '--count', 'main'])).toBe(String(WRITERS + 1));
    // No edit lost: the shared file holds every writer's line.
    expect(await fake.readFile('main', 'services.txt')).toBe(
      Array.from({ length: WRITERS }, (_, i) => `svc-${i}`)
        .sort()
        .join('\n') + '\n',
    );
    // Every attempt was counted: one successful mutation per writer plus one per stale refusal.
    expect(fake.count('graphql createCommitOnBranch')).toBe(WRITERS + stale);
    expect(attempts.reduce((a, b) => a + b, 0)).toBe(WRITERS + stale);
    expect(stale).toBeGreaterThan(0);
  });
});
