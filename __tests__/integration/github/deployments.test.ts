/**
 * Deployments and statuses through production Octokit against the GitHub fake, whose every request
 * and response is validated against GitHub's OpenAPI description.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  findOrCreateDeployment,
  setDeploymentStatus,
  statusDescription,
  MAX_STATUS_DESCRIPTION,
} from '../../../src/github/deployments.js';
import { createOctokit, type GlidepathOctokit } from '../../../src/github/octokit.js';
import { createBareRepo, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';

const TOKEN = 'ghs_deployments_test';
let bare: TempBareRepo;
let fake: GitHubFake;
let octokit: GlidepathOctokit;

beforeAll(async () => {
  bare = await createBareRepo({ files: { 'apps/demo/route.yaml': 'kind: HTTPRoute\n' } });
  fake = await startGitHubFake({ repo: 'acme/checkout', bareRepoPath: bare.path, token: TOKEN });
  octokit = createOctokit({ token: TOKEN, baseUrl: fake.url, spaceWrites: false, retryAfterBaseMs: 1 });
});

afterAll(async () => {
  try {
    await fake.close();
  } finally {
    await bare.dispose();
  }
});

const target = {
  owner: 'acme',
  repo: 'checkout',
  ref: 'main',
  environment: 'production',
  payload: { rollout: 'checkout-4f6d1c0e', digest: `sha256:${'4f6d1c0e'.repeat(8)}` },
};

describe('deployments', () => {
  it('creates one deployment per rollout, and a rerun finds it instead of creating another', async () => {
    fake.resetCounts();
    const first = (await findOrCreateDeployment(octokit, target)).id;
    const again = (await findOrCreateDeployment(octokit, target)).id;
    expect(again).toBe(first);
    expect(fake.count('POST /repos/{owner}/{repo}/deployments')).toBe(1);
    const stored = fake.deployments().find((deployment) => deployment.id === first);
    expect(stored).toMatchObject({ environment: 'production', production_environment: true });
    const payload = typeof stored!.payload === 'string' ? JSON.parse(stored!.payload) : stored!.payload;
    expect(payload).toEqual(target.payload);
  });

  it('posts statuses in order, descriptions cut to 140 characters', async () => {
    const deploymentId = (
      await findOrCreateDeployment(octokit, {
        ...target,
        payload: { ...target.payload, rollout: 'r2' },
      })
    ).id;
    const where = { owner: 'acme', repo: 'checkout', deploymentId };
    await setDeploymentStatus(octokit, where, 'queued', { description: 'admitted' });
    await setDeploymentStatus(octokit, where, 'in_progress', {
      description: `step 1/5 at 1%: ${'x'.repeat(200)}`,
      logUrl: 'https://github.com/acme/checkout/actions/runs/1',
    });
    await setDeploymentStatus(octokit, where, 'failure', {
      description: 'error-rate 4% > 1% at 25%: reverted',
    });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({
      owner: 'acme',
      repo: 'checkout',
      deployment_id: deploymentId,
    });
    // Newest first on GitHub.
    expect(statuses.data.map((status) => status.state)).toEqual(['failure', 'in_progress', 'queued']);
    expect(statuses.data[1]!.description).toHaveLength(MAX_STATUS_DESCRIPTION);
    expect(statuses.data[1]!.log_url).toBe('https://github.com/acme/checkout/actions/runs/1');
  });

  it.each([
    ['short text is kept', 'step 2/5 at 5%', 'step 2/5 at 5%'],
    ['whitespace is flattened', 'a\n  b', 'a b'],
  ])('statusDescription: %s', (_name, text, expected) => {
    expect(statusDescription(text)).toBe(expected);
  });
});
