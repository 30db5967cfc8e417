import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestError } from '@octokit/request-error';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type DeploymentRecord, type GitHubFake } from '../../support/github-fake/index.js';
import { testOctokit } from '../../support/github-fake/octokit.js';

const TOKEN = 'ghs_rest_test_token';
const owner = 'acme';
const repo = 'gitops';

async function rawRequest(fake: GitHubFake, method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

describe('GitHub fake REST: requests and responses validated against the OpenAPI description', () => {
  let bare: TempBareRepo;
  let fake: GitHubFake;
  let client: ReturnType<typeof testOctokit>;

  beforeAll(async () => {
    bare = await createBareRepo({
      files: {
        'apps/web/kustomization.yaml': 'images:\n  - name: web\n    newTag: "1.0.0"\n',
        'flags/web.json': '{"flags":{}}\n',
      },
    });
    fake = await startGitHubFake({ repo: `${owner}/${repo}`, bareRepoPath: bare.path, token: TOKEN });
    client = testOctokit(fake);
  });

  afterAll(async () => {
    try {
      await fake.close();
    } finally {
      await bare.dispose();
    }
  });

  describe('validation', () => {
    it("rejects a body missing a required field with 422 in GitHub's validation shape", async () => {
      const before = fake.count('POST /repos/{owner}/{repo}/deployments');
      const { status, json } = await rawRequest(fake, 'POST', `/repos/${owner}/${repo}/deployments`, {
        environment: 'production',
      });
      expect(status).toBe(422);
      expect(json).toEqual({
        message: 'Invalid request.\n\n"ref" wasn\'t supplied.',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        status: '422',
      });
      // Octokit sees a RequestError and, 422 being final, plugin-retry does not retry it.
      const error = await client.octokit
        .request('POST /repos/{owner}/{repo}/deployments', { owner, repo } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).status).toBe(422);
      expect(fake.count('POST /repos/{owner}/{repo}/deployments')).toBe(before + 2);
      expect(fake.deployments()).toHaveLength(0);
    });

    it('rejects a value of the wrong type or outside an enum', async () => {
      const typed = await rawRequest(fake, 'POST', `/repos/${owner}/${repo}/deployments`, { ref: 42 });
      expect(typed.status).toBe(422);
      expect(typed.json.message).toBe("Invalid request.\n\nFor 'properties/ref', 42 is not a string.");
      const id = (
        await client.octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', auto_merge: false })
      ).data;
      const enumed = await rawRequest(
        fake,
        'POST',
        `/repos/${owner}/${repo}/deployments/${(id as { id: number }).id}/statuses`,
        {
          state: 'done',
        },
      );
      expect(enumed.status).toBe(422);
      expect(enumed.json.message).toMatch(
        /^Invalid request\.\n\nFor 'properties\/state', "done" is not a member of/,
      );
    });

    it('answers unknown routes, other repositories and bad credentials as GitHub does', async () => {
      expect(await rawRequest(fake, 'GET', '/repos/acme/gitops/nonsense')).toMatchObject({
        status: 404,
        json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
      });
      expect((await rawRequest(fake, 'GET', '/repos/acme/other')).status).toBe(404);
      expect(await rawRequest(fake, 'GET', `/repos/${owner}/${repo}`, undefined, 'wrong')).toMatchObject({
        status: 401,
        json: { message: 'Bad credentials' },
      });
      const bearer = await fetch(`${fake.url}/repos/${owner}/${repo}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(bearer.status).toBe(200);
    });
  });

  describe('deployments and statuses', () => {
    it('round-trips a deployment and its statuses through Octokit, observed by hooks', async () => {
      const seen: string[] = [];
      const off = fake.on('deployment_status', (s) => seen.push(s.state));
      const { octokit } = client;
      const created = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: 'main',
        environment: 'production',
        auto_merge: false,
        required_contexts: [],
        payload: { rolloutId: 'r-1', step: 1, weight: 1 },
        description: 'checkout sha256:abc step 1/5',
      });
      expect(created.status).toBe(201);
      const deployment = created.data as Exclude<typeof created.data, { message?: string }> & { id: number };
      expect(deployment).toMatchObject({
        ref: 'main',
        sha: await fake.headOf('main'),
        environment: 'production',
        production_environment: true,
        payload: { rolloutId: 'r-1', step: 1, weight: 1 },
        creator: { login: 'github-actions[bot]', type: 'Bot' },
      });
      expect(deployment.node_id).toMatch(/^DE_/);

      for (const state of ['queued', 'in_progress', 'success'] as const) {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: deployment.id,
          state,
          description: `step 1/5: ${state}`,
          log_url: 'https://github.com/acme/app/actions/runs/1',
        });
      }
      off();
      const statuses = await octokit.rest.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: deployment.id,
      });
      expect(statuses.data.map((s) => s.state)).toEqual(['success', 'in_progress', 'queued']);
      expect(statuses.data[0]).toMatchObject({
        target_url: 'https://github.com/acme/app/actions/runs/1',
        log_url: 'https://github.com/acme/app/actions/runs/1',
        deployment_url: `${fake.url}/repos/acme/gitops/deployments/${deployment.id}`,
      });
      expect(seen).toEqual(['queued', 'in_progress', 'success']);

      const listed = await octokit.rest.repos.listDeployments({ owner, repo, environment: 'production' });
      expect(listed.data.map((d) => d.id)).toContain(deployment.id);
      expect(fake.deploymentStatuses(deployment.id).map((s) => s.state)).toEqual([
        'queued',
        'in_progress',
        'success',
      ]);
    });

    it('marks earlier successful non-production deployments inactive on success (auto_inactive)', async () => {
      const { octokit } = client;
      const make = async () => {
        const d = (
          await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: 'main',
            environment: 'staging',
            auto_merge: false,
          })
        ).data as DeploymentRecord;
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: d.id,
          state: 'success',
        });
        return d.id;
      };
      const first = await make();
      await make();
      expect(fake.deploymentStatuses(first).map((s) => s.state)).toEqual(['success', 'inactive']);
    });

    it('refuses a description over 140 characters and a ref that does not exist', async () => {
      const { octokit } = client;
      const missing = await octokit.rest.repos
        .createDeployment({ owner, repo, ref: 'nope' })
        .catch((e: RequestError) => e);
      expect((missing as RequestError).status).toBe(422);
      expect((missing as RequestError).message).toContain('No ref found for: nope');
      const d = (await octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', auto_merge: false }))
        .data as DeploymentRecord;
      const long = await octokit.rest.repos
        .createDeploymentStatus({
          owner,
          repo,
          deployment_id: d.id,
          state: 'failure',
          description: 'x'.repeat(141),
        })
        .catch((e: RequestError) => e);
      expect((long as RequestError).status).toBe(422);
    });
  });

  describe('fault injection against the real retry and throttling plugins', () => {
    it('5xx: plugin-retry retries and the deployment is created once', async () => {
      const route = 'POST /repos/{owner}/{repo}/deployments';
      const handle = fake.inject(route, { kind: 'server-error', status: 502 }, { times: 2 });
      const before = fake.count(route);
      const deployments = fake.deployments().length;
      const response = await client.octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: 'main',
        auto_merge: false,
      });
      expect(response.status).toBe(201);
      expect(handle.fired()).toBe(2);
      expect(fake.count(route)).toBe(before + 3);
      expect(fake.deployments()).toHaveLength(deployments + 1);
    });

    it('5xx after the write (an ambiguous failure): the blind retry writes twice', async () => {
      const route = 'repos/create-deployment';
      fake.inject(route, { kind: 'server-error', after: true });
      const deployments = fake.deployments().length;
      await client.octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', auto_merge: false });
      // Why Glidepath must check for its own trailer/record before retrying a write.
      expect(fake.deployments()).toHaveLength(deployments + 2);
    });

    it('429 primary rate limit with retry-after: plugin-throttling waits for the reset and retries', async () => {
      // 429 must be in plugin-retry's doNotRetry, or plugin-retry retries it first (next test).
      const throttledClient = testOctokit(fake, { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] });
      const route = 'GET /repos/{owner}/{repo}';
      fake.inject(route, { kind: 'rate-limit', status: 429, retryAfter: 1 });
      const before = fake.count(route);
      const response = await throttledClient.octokit.rest.repos.get({ owner, repo });
      expect(response.data.default_branch).toBe('main');
      expect(throttledClient.throttled.rateLimit).toEqual([
        { retryAfter: expect.any(Number), route: 'GET /repos/{owner}/{repo}' },
      ]);
      expect(fake.count(route)).toBe(before + 2);
    });

    it("429 with the plugins' default options: plugin-retry retries it and plugin-throttling never hears of it", async () => {
      const route = 'GET /repos/{owner}/{repo}';
      fake.inject(route, { kind: 'rate-limit', status: 429, retryAfter: 1 });
      const before = fake.count(route);
      const calls = client.throttled.rateLimit.length;
      await client.octokit.rest.repos.get({ owner, repo });
      expect(client.throttled.rateLimit).toHaveLength(calls);
      expect(fake.count(route)).toBe(before + 2);
    });

    it('403 primary rate limit (remaining 0): plugin-throttling handles it', async () => {
      const route = 'GET /repos/{owner}/{repo}/git/ref/{ref}';
      fake.inject(route, { kind: 'rate-limit', status: 403, retryAfter: 1 });
      const calls = client.throttled.rateLimit.length;
      const before = fake.count(route);
      await client.octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
      expect(client.throttled.rateLimit).toHaveLength(calls + 1);
      expect(fake.count(route)).toBe(before + 2);
    });

    it('403 secondary rate limit with retry-after: plugin-throttling retries, plugin-retry does not', async () => {
      const d = (
        await client.octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', auto_merge: false })
      ).data as DeploymentRecord;
      const route = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
      fake.inject(route, { kind: 'secondary-rate-limit', retryAfter: 2 });
      const before = fake.count(route);
      const secondary = client.throttled.secondaryRateLimit.length;
      await client.octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: d.id,
        state: 'in_progress',
      });
      expect(client.throttled.secondaryRateLimit).toHaveLength(secondary + 1);
      expect(client.throttled.secondaryRateLimit.at(-1)?.retryAfter).toBe(2);
      expect(fake.count(route)).toBe(before + 2);
      expect(fake.deploymentStatuses(d.id)).toHaveLength(1);
    });

    it('keeps x-ratelimit headers per bucket and serves 304 for a matching ETag without spending one', async () => {
      const first = await rawRequest(fake, 'GET', `/repos/${owner}/${repo}/git/ref/heads/main`);
      const remaining = Number(first.headers.get('x-ratelimit-remaining'));
      expect(first.headers.get('x-ratelimit-resource')).toBe('core');
      expect(Number(first.headers.get('x-ratelimit-used')) + remaining).toBe(1000);
      const etag = first.headers.get('etag')!;
      const conditional = await fetch(`${fake.url}/repos/${owner}/${repo}/git/ref/heads/main`, {
        headers: { authorization: `token ${TOKEN}`, 'if-none-match': etag },
      });
      expect(conditional.status).toBe(304);
      expect(Number(conditional.headers.get('x-ratelimit-remaining'))).toBe(remaining);
      expect(fake.rateLimit('core').remaining).toBe(remaining);
    });
  });

  describe('git data API (the REST fallback of createCommitOnBranch)', () => {
    it('blob → tree → commit → ref update lands a commit; a non-fast-forward update is refused', async () => {
      const { octokit } = client;
      const ref = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
      const head = ref.data.object.sha;
      const parent = await octokit.rest.git.getCommit({ owner, repo, commit_sha: head });
      const blob = await octokit.rest.git.createBlob({
        owner,
        repo,
        content: 'images:\n  - name: web\n    newTag: "2.0.0"\n',
      });
      const tree = await octokit.rest.git.createTree({
        owner,
        repo,
        base_tree: parent.data.tree.sha,
        tree: [
          { path: 'apps/web/kustomization.yaml', mode: '100644', type: 'blob', sha: blob.data.sha },
          { path: 'flags/web.json', mode: '100644', type: 'blob', sha: null },
        ],
      });
      const commit = await octokit.rest.git.createCommit({
        owner,
        repo,
        message: 'web: 2.0.0\n\nGlidepath-Step: 2/5\n',
        tree: tree.data.sha,
        parents: [head],
      });
      expect(commit.data.verification.verified).toBe(true);
      const updated = await octokit.rest.git.updateRef({
        owner,
        repo,
        ref: 'heads/main',
        sha: commit.data.sha,
        force: false,
      });
      expect(updated.data.object.sha).toBe(commit.data.sha);
      expect(await fake.readFile('main', 'apps/web/kustomization.yaml')).toContain('2.0.0');
      expect(await fake.readFile('main', 'flags/web.json')).toBeUndefined();

      // A commit whose parent is the old head is no longer a fast-forward of main.
      const sibling = await octokit.rest.git.createCommit({
        owner,
        repo,
        message: 'stale',
        tree: parent.data.tree.sha,
        parents: [head],
      });
      const refused = await octokit.rest.git
        .updateRef({ owner, repo, ref: 'heads/main', sha: sibling.data.sha, force: false })
        .catch((e: RequestError) => e);
      expect((refused as RequestError).status).toBe(422);
      expect((refused as RequestError).message).toContain('Update is not a fast forward');
      expect(await fake.headOf('main')).toBe(commit.data.sha);
    });

    it('lists trees recursively and reports commits with files and patches', async () => {
      const { octokit } = client;
      const tree = await octokit.rest.git.getTree({ owner, repo, tree_sha: 'main', recursive: 'true' });
      expect(tree.data.tree.map((e) => e.path)).toEqual(['apps', 'apps/web', 'apps/web/kustomization.yaml']);
      const commit = await octokit.rest.repos.getCommit({ owner, repo, ref: 'main' });
      expect(commit.data.files?.map((f) => [f.filename, f.status])).toEqual([
        ['apps/web/kustomization.yaml', 'modified'],
        ['flags/web.json', 'removed'],
      ]);
      expect(commit.data.files?.[0]?.patch).toContain('+    newTag: "2.0.0"');
      const sha = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
        owner,
        repo,
        ref: 'main',
        headers: { accept: 'application/vnd.github.sha' },
      });
      expect(sha.data).toBe(await fake.headOf('main'));
    });
  });

  describe('contents API', () => {
    it('reads a file and updates it with a compare-and-swap on its blob sha', async () => {
      const { octokit } = client;
      const file = await octokit.rest.repos.getContent({ owner, repo, path: 'apps/web/kustomization.yaml' });
      const data = file.data as { sha: string; content: string; encoding: string };
      expect(data.encoding).toBe('base64');
      expect(Buffer.from(data.content, 'base64').toString('utf8')).toContain('2.0.0');

      const content = Buffer.from('images:\n  - name: web\n    newTag: "2.1.0"\n').toString('base64');
      const missingSha = await octokit.rest.repos
        .createOrUpdateFileContents({
          owner,
          repo,
          path: 'apps/web/kustomization.yaml',
          message: 'x',
          content,
        })
        .catch((e: RequestError) => e);
      expect((missingSha as RequestError).status).toBe(422);
      const wrongSha = await octokit.rest.repos
        .createOrUpdateFileContents({
          owner,
          repo,
          path: 'apps/web/kustomization.yaml',
          message: 'x',
          content,
          sha: 'f'.repeat(40),
        })
        .catch((e: RequestError) => e);
      expect((wrongSha as RequestError).status).toBe(409);

      const updated = await octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'apps/web/kustomization.yaml',
        message: 'web: 2.1.0',
        content,
        sha: data.sha,
      });
      expect(updated.status).toBe(200);
      expect(await gitText(['--git-dir', bare.path, 'log', '-1', '--format=%s', 'main'])).toBe('web: 2.1.0');
      const raw = await octokit.rest.repos.getContent({
        owner,
        repo,
        path: 'apps/web/kustomization.yaml',
        mediaType: { format: 'raw' },
      });
      expect(raw.data).toContain('2.1.0');
      const dir = await octokit.rest.repos.getContent({ owner, repo, path: 'apps' });
      expect((dir.data as { name: string; type: string }[]).map((e) => [e.name, e.type])).toEqual([
        ['web', 'dir'],
      ]);
    });
  });

  describe('pull requests and auto-merge', () => {
    it('opens a PR from a branch, enables auto-merge over GraphQL, and merges it when checks "pass"', async () => {
      const { octokit } = client;
      const head = (await fake.headOf('main'))!;
      await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/glidepath/web-3', sha: head });
      const commit = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
        `mutation ($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`,
        {
          input: {
            branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'glidepath/web-3' },
            message: { headline: 'web: 3.0.0' },
            fileChanges: {
              additions: [
                {
                  path: 'apps/web/kustomization.yaml',
                  contents: Buffer.from('images: [web:3]\n').toString('base64'),
                },
              ],
            },
            expectedHeadOid: head,
          },
        },
      );
      const pull = await octokit.rest.pulls.create({
        owner,
        repo,
        head: 'glidepath/web-3',
        base: 'main',
        title: 'web: 3.0.0',
      });
      expect(pull.data).toMatchObject({
        number: 1,
        state: 'open',
        head: { ref: 'glidepath/web-3', sha: commit.createCommitOnBranch.commit.oid },
      });
      const duplicate = await octokit.rest.pulls
        .create({ owner, repo, head: 'glidepath/web-3', base: 'main', title: 'again' })
        .catch((e: RequestError) => e);
      expect((duplicate as RequestError).status).toBe(422);

      const listed = await octokit.rest.pulls.list({ owner, repo, head: 'acme:glidepath/web-3' });
      expect(listed.data.map((p) => p.number)).toEqual([1]);

      const enabled = await octokit.graphql<{
        enablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: { mergeMethod: string } } };
      }>(
        `mutation ($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) {
           pullRequest { autoMergeRequest { mergeMethod } } } }`,
        { id: pull.data.node_id },
      );
      expect(enabled.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe('SQUASH');
      expect(await fake.runAutoMerge()).toEqual([1]);
      expect(await fake.readFile('main', 'apps/web/kustomization.yaml')).toBe('images: [web:3]\n');
      expect(await gitText(['--git-dir', bare.path, 'log', '-1', '--format=%s%n%P', 'main'])).toBe(
        `web: 3.0.0 (#1)\n${head}`,
      );
      const merged = await octokit.rest.pulls.list({ owner, repo, state: 'closed' });
      expect(merged.data[0]).toMatchObject({ number: 1, state: 'closed' });
    });

    it('merges through REST and refuses a merge when the head moved', async () => {
      const { octokit } = client;
      const head = (await fake.headOf('main'))!;
      await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/feature', sha: head });
      await octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'apps/api/kustomization.yaml',
        branch: 'feature',
        message: 'api',
        content: Buffer.from('images: []\n').toString('base64'),
      });
      const pull = await octokit.rest.pulls.create({
        owner,
        repo,
        head: 'feature',
        base: 'main',
        title: 'api',
      });
      const moved = await octokit.rest.pulls
        .merge({ owner, repo, pull_number: pull.data.number, sha: head })
        .catch((e: RequestError) => e);
      expect((moved as RequestError).status).toBe(409);
      const merged = await octokit.rest.pulls.merge({
        owner,
        repo,
        pull_number: pull.data.number,
        merge_method: 'merge',
      });
      expect(merged.data.merged).toBe(true);
      expect(await gitText(['--git-dir', bare.path, 'rev-list', '--parents', '-n1', 'main'])).toContain(head);
    });
  });

  describe('actions: workflow dispatch and artifacts', () => {
    it('records a dispatch and returns run details when asked', async () => {
      const { octokit } = client;
      const seen: string[] = [];
      const off = fake.on('workflow_dispatch', (d) => seen.push(d.workflowId));
      const plain = await octokit.rest.actions.createWorkflowDispatch({
        owner,
        repo,
        workflow_id: 'glidepath-step.yml',
        ref: 'main',
        inputs: { rollout: 'r-1', step: '2' },
      });
      expect(plain.status).toBe(204);
      const detailed = await octokit.request(
        'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
        {
          owner,
          repo,
          workflow_id: 'glidepath-step.yml',
          ref: 'main',
          return_run_details: true,
        } as never,
      );
      expect(detailed.status).toBe(200);
      expect((detailed.data as { workflow_run_id: number }).workflow_run_id).toBe(
        fake.dispatches()[1]!.runId,
      );
      off();
      expect(seen).toEqual(['glidepath-step.yml', 'glidepath-step.yml']);
      expect(fake.dispatches()[0]).toMatchObject({ ref: 'main', inputs: { rollout: 'r-1', step: '2' } });
      const badRef = await octokit.rest.actions
        .createWorkflowDispatch({ owner, repo, workflow_id: 'glidepath-step.yml', ref: 'nope' })
        .catch((e: RequestError) => e);
      expect((badRef as RequestError).status).toBe(422);
    });

    it("lists a run's artifacts and downloads the registered zip through the 302", async () => {
      const { octokit } = client;
      const zip = Buffer.from('PK\u0003\u0004 pretend zip bytes');
      const artifact = fake.addArtifact({ runId: 4242, name: 'evidence', zip });
      fake.addArtifact({ runId: 4242, name: 'gone', zip, expired: true });
      const list = await octokit.rest.actions.listWorkflowRunArtifacts({
        owner,
        repo,
        run_id: 4242,
        name: 'evidence',
      });
      expect(list.data.total_count).toBe(1);
      expect(list.data.artifacts[0]).toMatchObject({
        id: artifact.id,
        name: 'evidence',
        size_in_bytes: zip.length,
      });
      const download = await octokit.rest.actions.downloadArtifact({
        owner,
        repo,
        artifact_id: artifact.id,
        archive_format: 'zip',
      });
      expect(Buffer.from(download.data as ArrayBuffer).equals(zip)).toBe(true);
      const gone = (
        await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: 4242, name: 'gone' })
      ).data.artifacts[0]!;
      expect(gone.expired).toBe(true);
      const expired = await octokit.rest.actions
        .downloadArtifact({ owner, repo, artifact_id: gone.id, archive_format: 'zip' })
        .catch((e: RequestError) => e);
      expect((expired as RequestError).status).toBe(410);
    });
  });

  it('refuses requests once a rate-limit bucket is empty, as GitHub does', async () => {
    const small = await startGitHubFake({
      repo: `${owner}/${repo}`,
      bareRepoPath: bare.path,
      token: TOKEN,
      rateLimit: { core: 2, graphql: 1 },
    });
    try {
      expect((await rawRequest(small, 'GET', `/repos/${owner}/${repo}`)).status).toBe(200);
      const last = await rawRequest(small, 'GET', `/repos/${owner}/${repo}`);
      expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
      const refused = await rawRequest(small, 'GET', `/repos/${owner}/${repo}`);
      expect(refused.status).toBe(403);
      expect(refused.json.message).toMatch(/^API rate limit exceeded/);
      const graphql = async () =>
        (await fetch(small.graphqlUrl, {
          method: 'POST',
          headers: { authorization: `bearer ${TOKEN}` },
          body: JSON.stringify({ query: '{ rateLimit { remaining } }' }),
        }).then((r) => r.json())) as { data?: unknown; errors?: { type: string }[] };
      expect(await graphql()).toEqual({ data: { rateLimit: { remaining: 0 } } });
      expect((await graphql()).errors?.[0]?.type).toBe('RATE_LIMITED');
      small.resetRateLimit();
      expect((await rawRequest(small, 'GET', `/repos/${owner}/${repo}`)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
