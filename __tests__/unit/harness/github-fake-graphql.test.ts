import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphqlResponseError } from '@octokit/graphql';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { staleDataMessage, startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';
import { testOctokit } from '../../support/github-fake/octokit.js';

const TOKEN = 'ghs_graphql_test_token';

const CREATE_COMMIT = `
  mutation ($input: CreateCommitOnBranchInput!) {
    createCommitOnBranch(input: $input) { commit { oid url } ref { name } }
  }`;

const READ_HEAD = `
  query ($owner: String!, $name: String!, $expression: String!) {
    repository(owner: $owner, name: $name) {
      defaultBranchRef { name target { oid ... on Commit { history(first: 5) { nodes { oid message } } } } }
      object(expression: $expression) { ... on Blob { text oid } }
    }
  }`;

interface ReadHead {
  repository: {
    defaultBranchRef: {
      name: string;
      target: { oid: string; history: { nodes: { oid: string; message: string }[] } };
    };
    object: { text: string; oid: string } | null;
  };
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A GraphQL response body as GitHub shapes it. */
interface GraphQLBody {
  data?: unknown;
  errors: { message: string; type?: string; extensions?: Record<string, unknown> }[];
}

/** POSTs a raw GraphQL body so a test can see GitHub's exact HTTP status and error shape. */
async function postGraphQL(fake: GitHubFake, body: unknown): Promise<{ status: number; json: GraphQLBody }> {
  const response = await fetch(fake.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as GraphQLBody };
}

describe('GitHub fake GraphQL: validated against @octokit/graphql-schema, backed by git', () => {
  let bare: TempBareRepo;
  let fake: GitHubFake;
  let octokit: ReturnType<typeof testOctokit>['octokit'];

  beforeAll(async () => {
    bare = await createBareRepo({
      files: {
        'apps/web/kustomization.yaml': 'images:\n  - name: web\n    newTag: "1.0.0"\n',
        'old.txt': 'gone soon\n',
      },
    });
    fake = await startGitHubFake({ repo: 'acme/gitops', bareRepoPath: bare.path, token: TOKEN });
    ({ octokit } = testOctokit(fake));
  });

  afterAll(async () => {
    try {
      await fake.close();
    } finally {
      await bare.dispose();
    }
  });

  it('accepts a valid createCommitOnBranch and the commit lands in the bare repository', async () => {
    const head = (await fake.headOf('main'))!;
    const result = await octokit.graphql<{
      createCommitOnBranch: { commit: { oid: string; url: string }; ref: { name: string } };
    }>(CREATE_COMMIT, {
      input: {
        branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
        message: { headline: 'web: 1.1.0', body: 'Glidepath-Step: 1/5\nGlidepath-Weight: 1' },
        fileChanges: {
          additions: [
            {
              path: 'apps/web/kustomization.yaml',
              contents: b64('images:\n  - name: web\n    newTag: "1.1.0"\n'),
            },
          ],
          deletions: [{ path: 'old.txt' }],
        },
        expectedHeadOid: head,
      },
    });
    const { oid, url } = result.createCommitOnBranch.commit;
    expect(result.createCommitOnBranch.ref.name).toBe('main');
    expect(url).toBe(`https://github.com/acme/gitops/commit/${oid}`);

    // Checked with plain git, not through the fake.
    const git = (args: string[]) => gitText(['--git-dir', bare.path, ...args]);
    expect(await git(['rev-parse', 'refs/heads/main'])).toBe(oid);
    expect(await git(['rev-parse', `${oid}^`])).toBe(head);
    expect(await git(['show', `${oid}:apps/web/kustomization.yaml`])).toContain('newTag: "1.1.0"');
    expect(await git(['ls-tree', '--name-only', oid])).not.toContain('old.txt');
    expect(await git(['log', '-1', '--format=%B', oid])).toBe(
      'web: 1.1.0\n\nGlidepath-Step: 1/5\nGlidepath-Weight: 1',
    );
    expect(await git(['log', '-1', '--format=%an <%ae> / %cn <%ce>', oid])).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com> / GitHub <noreply@github.com>',
    );
    expect(fake.count('graphql createCommitOnBranch')).toBe(1);
  });

  it('serves the read queries: default branch head, history and a file at branch:path', async () => {
    const data = await octokit.graphql<ReadHead>(READ_HEAD, {
      owner: 'acme',
      name: 'gitops',
      expression: 'main:apps/web/kustomization.yaml',
    });
    const ref = data.repository.defaultBranchRef;
    expect(ref.name).toBe('main');
    expect(ref.target.oid).toBe(await fake.headOf('main'));
    expect(ref.target.history.nodes.map((n) => n.message)).toEqual([
      'web: 1.1.0\n\nGlidepath-Step: 1/5\nGlidepath-Weight: 1',
      'Seed',
    ]);
    expect(data.repository.object?.text).toContain('newTag: "1.1.0"');

    const missing = await octokit.graphql<ReadHead>(READ_HEAD, {
      owner: 'acme',
      name: 'gitops',
      expression: 'main:nope',
    });
    expect(missing.repository.object).toBeNull();
  });

  it('rejects an unknown field the way GitHub does: HTTP 200, errors with message, locations, path, extensions', async () => {
    const query =
      'mutation ($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { sha } } }';
    const { status, json } = await postGraphQL(fake, { query, variables: { input: {} } });
    expect(status).toBe(200);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([
      {
        message: "Field 'sha' doesn't exist on type 'Commit'",
        locations: [{ line: 1, column: 96 }],
        path: ['mutation', 'createCommitOnBranch', 'commit', 'sha'],
        extensions: { code: 'undefinedField', typeName: 'Commit', fieldName: 'sha' },
      },
    ]);
    // Octokit surfaces it as a GraphqlResponseError, like against github.com.
    await expect(octokit.graphql(query, { input: {} })).rejects.toBeInstanceOf(GraphqlResponseError);
  });

  it("rejects invalid variables with GitHub's message and problems", async () => {
    const { status, json } = await postGraphQL(fake, {
      query: CREATE_COMMIT,
      variables: {
        input: {
          branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
          message: { headline: 'x' },
        },
      },
    });
    expect(status).toBe(200);
    expect(json.errors[0]!.message).toBe(
      'Variable $input of type CreateCommitOnBranchInput! was provided invalid value for expectedHeadOid (Expected value to not be null)',
    );
    expect(json.errors[0]!.extensions?.problems).toEqual([
      { path: ['expectedHeadOid'], explanation: 'Expected value to not be null' },
    ]);
  });

  it('rejects a stale expectedHeadOid with STALE_DATA and leaves the ref untouched', async () => {
    const head = (await fake.headOf('main'))!;
    const stale = (await gitText(['--git-dir', bare.path, 'rev-parse', 'main^']))!;
    const { status, json } = await postGraphQL(fake, {
      query: CREATE_COMMIT,
      variables: {
        input: {
          branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
          message: { headline: 'should not land' },
          fileChanges: { additions: [{ path: 'x.txt', contents: b64('x') }] },
          expectedHeadOid: stale,
        },
      },
    });
    expect(status).toBe(200);
    expect(json.data).toEqual({ createCommitOnBranch: null });
    expect(json.errors).toEqual([
      {
        type: 'STALE_DATA',
        path: ['createCommitOnBranch'],
        locations: [{ line: 3, column: 5 }],
        message: staleDataMessage(stale),
      },
    ]);
    expect(json.errors[0]!.message).toBe(
      `Expected branch to point to "${stale}" but it did not.  Pull and try again.`,
    );
    expect(await fake.headOf('main')).toBe(head);
  });

  it('refuses what GitHub refuses in fileChanges: duplicate paths, bad base64, deleting a missing path', async () => {
    const head = (await fake.headOf('main'))!;
    const attempt = (fileChanges: unknown) =>
      postGraphQL(fake, {
        query: CREATE_COMMIT,
        variables: {
          input: {
            branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
            message: { headline: 'bad' },
            fileChanges,
            expectedHeadOid: head,
          },
        },
      });
    const duplicate = await attempt({
      additions: [{ path: 'a', contents: b64('1') }],
      deletions: [{ path: 'a' }],
    });
    const badBase64 = await attempt({ additions: [{ path: 'a', contents: 'not base64!' }] });
    const missing = await attempt({ deletions: [{ path: 'no/such/file' }] });
    for (const { json } of [duplicate, badBase64, missing]) {
      expect(json.data).toEqual({ createCommitOnBranch: null });
      expect(json.errors[0]!.type).toBe('UNPROCESSABLE');
    }
    expect(await fake.headOf('main')).toBe(head);
  });

  it('answers NOT_FOUND for another repository', async () => {
    const { json } = await postGraphQL(fake, {
      query: 'query { repository(owner: "acme", name: "other") { id } }',
    });
    expect(json).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 1, column: 9 }],
          message: "Could not resolve to a Repository with the name 'acme/other'.",
        },
      ],
    });
  });

  it('refuses bad credentials with 401', async () => {
    const response = await fetch(fake.graphqlUrl, {
      method: 'POST',
      headers: { authorization: 'bearer nope', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('injects a stale head: the branch moves right after the next read, so the write is refused', async () => {
    fake.injectStaleHead({ branch: 'main' });
    const read = await octokit.graphql<ReadHead>(READ_HEAD, {
      owner: 'acme',
      name: 'gitops',
      expression: 'main:README.md',
    });
    const seen = read.repository.defaultBranchRef.target.oid;
    const moved = await fake.headOf('main');
    expect(moved).not.toBe(seen);
    expect(await gitText(['--git-dir', bare.path, 'log', '-1', '--format=%an', 'main'])).toBe('Someone Else');

    const error = await octokit
      .graphql(CREATE_COMMIT, {
        input: {
          branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
          message: { headline: 'with a stale head' },
          expectedHeadOid: seen,
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect((error as GraphqlResponseError<unknown>).errors?.[0]?.type).toBe('STALE_DATA');
    expect(await fake.headOf('main')).toBe(moved);
  });

  it('drops the connection after applying a mutation (ambiguous failure): the blind retry is refused as stale', async () => {
    const head = (await fake.headOf('main'))!;
    const handle = fake.inject('graphql createCommitOnBranch', { kind: 'disconnect', after: true });
    const before = fake.count('graphql createCommitOnBranch');
    const error = await octokit
      .graphql(CREATE_COMMIT, {
        input: {
          branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
          message: { headline: 'landed, but the client never heard', body: 'Glidepath-Rollout: r-9' },
          expectedHeadOid: head,
        },
      })
      .catch((e: unknown) => e);
    expect(handle.fired()).toBe(1);
    // plugin-retry resent the same mutation; the head had already moved, so GitHub says STALE_DATA.
    expect(fake.count('graphql createCommitOnBranch')).toBe(before + 2);
    expect((error as GraphqlResponseError<unknown>).errors?.[0]?.type).toBe('STALE_DATA');
    // The commit did land: a writer must look for its own trailer before retrying.
    expect(await gitText(['--git-dir', bare.path, 'log', '-1', '--format=%b', 'main'])).toBe(
      'Glidepath-Rollout: r-9',
    );
  });

  it('paginates history the way GitHub does and refuses unbounded connections', async () => {
    const page = await octokit.graphql<{
      repository: {
        ref: {
          target: {
            history: { nodes: { oid: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          };
        };
      };
    }>(
      `query { repository(owner: "acme", name: "gitops") { ref(qualifiedName: "refs/heads/main") {
         target { ... on Commit { history(first: 1) { nodes { oid } pageInfo { hasNextPage endCursor } } } } } } }`,
    );
    expect(page.repository.ref.target.history.nodes).toHaveLength(1);
    expect(page.repository.ref.target.history.pageInfo.hasNextPage).toBe(true);

    const { json } = await postGraphQL(fake, {
      query: `{ repository(owner: "acme", name: "gitops") { defaultBranchRef { target { ... on Commit { history { totalCount } } } } } }`,
    });
    expect(json.errors[0]!.type).toBe('MISSING_PAGINATION_BOUNDARIES');
  });
});
