/**
 * A rollout command that stops on an error leaves its GitHub deployment saying so: status `error`
 * with the reason, never a deployment stuck at in_progress. Real git (the route has no mirror to the
 * canary, so the mirror step's commit is refused before anything lands) and the GitHub fake (every
 * request validated against GitHub's OpenAPI description).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../../src/cli/main.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';

const TOKEN = 'ghs_stopped_status';
let bare: TempBareRepo;
let github: GitHubFake;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-stopped-'));
  const seed = join(dir, 'seed');
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  github = await startGitHubFake({ repo: 'acme/demo', bareRepoPath: bare.path, token: TOKEN });
  await writeFile(
    join(dir, 'glidepath.yaml'),
    `service: demo
environment: production
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  mirror: 20
  steps: [5, 100]
  reconcile: { wait: delay, delay: 0s }
analysis:
  provider: { kind: prometheus, address: http://127.0.0.1:9 }
  guardrails: [{ name: error-ratio, query: errors, max: 0.01 }]
`,
  );
}, 30_000);

afterAll(async () => {
  await github?.close();
  await bare?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('a rollout that stops on an error', () => {
  it('sets the deployment status to error with the reason; the branch is untouched; exit 2', async () => {
    const head = await gitText(['--git-dir', bare.path, 'rev-parse', 'main']);
    let err = '';
    const code = await runCli(
      ['rollout', '--artifact', `${IMAGE_REPOSITORY}@sha256:${'7'.repeat(64)}`],
      {
        stdout: () => undefined,
        stderr: (text) => (err += text),
        cwd: dir,
        now: () => new Date(),
        env: { GITHUB_REPOSITORY: 'acme/demo', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url },
      },
      'test',
    );
    expect(code).toBe(2);
    expect(err).toMatch(/no RequestMirror filter to demo-canary/);
    const [deployment] = github.deployments();
    const statuses = github.deploymentStatuses(deployment!.id);
    // The first step's commit is refused before its in_progress status: error is the only status.
    expect(statuses.map((status) => status.state)).toEqual(['error']);
    expect(statuses[0]!.description).toMatch(/^stopped: .*RequestMirror/);
    expect(statuses[0]!.description!.length).toBeLessThanOrEqual(140);
    expect(await gitText(['--git-dir', bare.path, 'rev-parse', 'main'])).toBe(head);
  }, 30_000);
});
