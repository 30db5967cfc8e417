/**
 * src/github/octokit.ts against the GitHub fake: the retry and throttling plugins do the retrying
 * (no loop of our own), with the limits the factory sets, and every attempt is counted. Lives with
 * the gitops suites because the writers are its first users.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createBareRepo, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';
import { createOctokit, RequestCounter, type OctokitSettings } from '../../../src/github/octokit.js';

const TOKEN = 'ghs_octokit_factory_test';
const HEAD = `query GlidepathProbe($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { ref(qualifiedName: "refs/heads/main") { target { oid } } }
}`;

describe('createOctokit', () => {
  let bare: TempBareRepo;
  let github: GitHubFake;
  let warnings: string[];
  let errors: string[];
  let counter: RequestCounter;

  const client = (settings: Partial<OctokitSettings> = {}) =>
    createOctokit({
      token: TOKEN,
      baseUrl: github.url,
      retryAfterBaseMs: 1,
      spaceWrites: false,
      counter,
      logger: {
        debug: () => {},
        info: () => {},
        warn: (m) => warnings.push(m),
        error: (m) => errors.push(m),
      },
      ...settings,
    });
  const getRef = (octokit: ReturnType<typeof client>) =>
    octokit.rest.git.getRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main' });

  beforeEach(async () => {
    bare = await createBareRepo({ files: { 'a.yaml': 'a: 1\n' } });
    github = await startGitHubFake({ repo: 'acme/gitops', bareRepoPath: bare.path, token: TOKEN });
    warnings = [];
    errors = [];
    counter = new RequestCounter();
  });

  afterEach(async () => {
    await github.close();
    await bare.dispose();
  });

  it('registers the token with mask before any request and counts REST routes and GraphQL operations', async () => {
    const masked: string[] = [];
    const octokit = client({ mask: (secret) => masked.push(secret) });
    expect(masked).toEqual([TOKEN]);
    await getRef(octokit);
    await octokit.graphql(HEAD, { owner: 'acme', name: 'gitops' });
    expect(counter.byRoute()).toEqual({
      'GET /repos/{owner}/{repo}/git/ref/{ref}': 1,
      'POST /graphql GlidepathProbe': 1,
    });
    expect(counter.count('POST /graphql')).toBe(1);
    expect(counter.byStatus()).toEqual({ 200: 2 });
  });

  it('retries a 5xx with plugin-retry, counting each attempt', async () => {
    github.inject('git/get-ref', { kind: 'server-error', status: 502 }, { times: 2 });
    await expect(getRef(client())).resolves.toMatchObject({ status: 200 });
    expect(counter.byStatus()).toEqual({ 200: 1, 502: 2 });
    expect(github.count('git/get-ref')).toBe(3);
  });

  it('gives up on a 5xx after `retries`', async () => {
    github.inject('git/get-ref', { kind: 'server-error', status: 503 }, { times: 5 });
    await expect(getRef(client({ retries: 2 }))).rejects.toMatchObject({ status: 503 });
    expect(github.count('git/get-ref')).toBe(3);
  });

  it.each([
    ['429', 429],
    ['403', 403],
  ] as const)('retries a primary rate limit (%s) up to rateLimitRetries times', async (_, status) => {
    github.inject('git/get-ref', { kind: 'rate-limit', status, retryAfter: 1 }, { times: 2 });
    await expect(getRef(client({ rateLimitRetries: 2 }))).resolves.toMatchObject({ status: 200 });
    expect(warnings.filter((w) => w.includes('rate limit is exhausted'))).toHaveLength(2);

    github.inject('git/get-ref', { kind: 'rate-limit', status, retryAfter: 1 }, { times: 3 });
    await expect(getRef(client({ rateLimitRetries: 2 }))).rejects.toMatchObject({ status });
    expect(errors.some((e) => e.includes('giving up'))).toBe(true);
  });

  it('does not wait for a reset further away than maxRateLimitWaitSeconds', async () => {
    github.inject('git/get-ref', { kind: 'rate-limit', status: 429, retryAfter: 3600 });
    await expect(getRef(client({ maxRateLimitWaitSeconds: 60 }))).rejects.toMatchObject({ status: 429 });
    expect(github.count('git/get-ref')).toBe(1);
  });

  it('retries a secondary rate limit once, and only once', async () => {
    github.inject('git/get-ref', { kind: 'secondary-rate-limit', retryAfter: 1 });
    await expect(getRef(client())).resolves.toMatchObject({ status: 200 });

    github.inject('git/get-ref', { kind: 'secondary-rate-limit', retryAfter: 1 }, { times: 2 });
    await expect(getRef(client())).rejects.toMatchObject({ status: 403 });
    expect(errors.some((e) => e.includes('secondary rate limit hit again'))).toBe(true);
  });

  it('leaves a 422 alone (it is an answer, not a failure)', async () => {
    const octokit = client();
    await expect(
      octokit.rest.git.updateRef({
        owner: 'acme',
        repo: 'gitops',
        ref: 'heads/main',
        sha: '0'.repeat(40),
        force: false,
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(github.count('git/update-ref')).toBe(1);
  });
});

describe('createOctokit timeouts', () => {
  it('aborts an attempt that gets no answer and retries it, then reports a failure with no status', async () => {
    const hanging = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const counter = new RequestCounter();
    try {
      const octokit = createOctokit({
        token: TOKEN,
        baseUrl: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`,
        timeoutMs: 100,
        retries: 1,
        retryAfterBaseMs: 1,
        counter,
      });
      const failure = await octokit.rest.git
        .getRef({ owner: 'acme', repo: 'gitops', ref: 'heads/main' })
        .then(
          () => undefined,
          (error: unknown) => error as { status?: number; response?: unknown },
        );
      expect(failure).toBeDefined();
      expect(failure?.response).toBeUndefined();
      expect(counter.count('GET /repos/{owner}/{repo}/git/ref/{ref}')).toBe(2);
      expect(counter.byStatus()).toEqual({});
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });
});
