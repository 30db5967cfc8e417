/**
 * A local GitHub API fake for tests, backed by a real bare git repository.
 *
 * It serves the REST operations Glidepath uses (validated against GitHub's OpenAPI description,
 * see `scripts/extract-github-openapi.mjs`) and GraphQL (validated against
 * `@octokit/graphql-schema`) on 127.0.0.1, counts every request, keeps rate-limit headers, and
 * injects faults: 5xx, primary and secondary rate limits, dropped connections, and a branch that
 * moves between a read and a write. A response the fake builds that does not match GitHub's
 * description is a bug in the fake: it is answered 500 and `close()` rejects, so the test fails.
 *
 * ```ts
 * const bare = await createBareRepo({ files: { 'apps/web/kustomization.yaml': 'images: []\n' } });
 * const github = await startGitHubFake({ repo: 'acme/gitops', bareRepoPath: bare.path, token: 't0ken' });
 * const octokit = new Octokit({ auth: 't0ken', baseUrl: github.url });
 * await octokit.graphql(query, variables);          // POST github.graphqlUrl
 * github.count('graphql createCommitOnBranch');      // 1
 * await github.close();
 * ```
 * See README.md beside this file for the full surface and the known fidelity gaps.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  commitOnBranch,
  HttpError,
  type FakeContext,
  type FakeApp,
  type FakeEvents,
  type FakeListener,
  type RateLimitSnapshot,
  type RequestContext,
} from './context.js';
import { GitStore } from './git-store.js';
import { handleGraphQL, rootFieldsOf } from './graphql.js';
import {
  FakeState,
  GITHUB_ACTIONS_BOT,
  nodeId,
  readFileAt,
  RepoIdentity,
  timestamp,
  type ArtifactRecord,
  type DeploymentRecord,
  type DeploymentStatusRecord,
  type DispatchRecord,
  type FakeActor,
  type GateReviewRecord,
  type InstallationTokenRecord,
  type PullRecord,
} from './model.js';
import {
  coerceParameter,
  describeAjvErrors,
  gitHubValidationMessage,
  loadOpenApi,
  type Operation,
} from './openapi.js';
import { deploymentHandlers } from './rest-deployments.js';
import { gitHandlers } from './rest-git.js';
import { mergePull, pullHandlers } from './rest-pulls.js';
import { appHandlers, resolveCaller } from './rest-apps.js';
import { ARTIFACT_BLOB_PREFIX, repoHandlers } from './rest-repo.js';
import type { RestHandler, RestRequest, RestResponse } from './rest-types.js';

export { GITHUB_ACTIONS_BOT, GitStore };
export { staleDataMessage } from './graphql.js';
export type {
  ArtifactRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  DispatchRecord,
  FakeActor,
  FakeApp,
  FakeEvents,
  GateReviewRecord,
  InstallationTokenRecord,
  PullRecord,
  RateLimitSnapshot,
};

/** Options of {@link startGitHubFake}. */
export interface GitHubFakeOptions {
  /** The repository served, `owner/name`; other repositories answer 404. */
  repo: string;
  /** The bare repository that holds its git data (HEAD names the default branch). */
  bareRepoPath: string;
  /** The only token accepted (`Authorization: token X` or `Bearer X`). */
  token: string;
  /** Whom the token belongs to; default GITHUB_TOKEN's `github-actions[bot]`. */
  actor?: FakeActor;
  /**
   * Requests per hour per bucket (`core` = REST, `graphql`). Default 1,000 each, GITHUB_TOKEN's
   * per-repository budget. When a bucket is empty the fake answers as GitHub does (403 /
   * RATE_LIMITED) unless `enforceRateLimit` is false.
   */
  rateLimit?: { core?: number; graphql?: number };
  /** Refuse requests once a bucket is empty. Default true. */
  enforceRateLimit?: boolean;
  /** Workflow ids / file names `createWorkflowDispatch` accepts; default any. */
  workflows?: readonly string[];
  /** Web base for `html_url`s. Default `https://github.com`. */
  webUrl?: string;
  /** Clock for timestamps, commit dates and rate-limit resets. Default `() => new Date()`. */
  now?: () => Date;
  /**
   * A GitHub App: its JWTs (RS256, checked with `publicKey`) may exchange for installation tokens,
   * which the fake then accepts besides `token`, and only those may review deployment protection
   * rules. Absent: no App, and both App endpoints answer 401/403.
   */
  app?: FakeApp;
}

/** A response fault the fake can inject. */
export type Fault =
  /** 5xx with GitHub's error body. `after: true` performs the request first (an ambiguous failure). */
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504; after?: boolean }
  /** Primary rate limit: 429 (or 403) with `x-ratelimit-remaining: 0`, a reset `retryAfter` s ahead and `retry-after`; GraphQL gets 200 + RATE_LIMITED. */
  | { kind: 'rate-limit'; status?: 403 | 429; retryAfter?: number }
  /** Secondary rate limit: 403 (or 429) "You have exceeded a secondary rate limit…", `retry-after` when given. */
  | { kind: 'secondary-rate-limit'; status?: 403 | 429; retryAfter?: number }
  /** Drops the connection without a response. `after: true` performs the request first. */
  | { kind: 'disconnect'; after?: boolean };

/** Controls an injected fault. */
export interface FaultHandle {
  /** How many more requests it will affect. */
  remaining(): number;
  /** How many requests it affected so far. */
  fired(): number;
  /** Disarms it. */
  cancel(): void;
}

/** Options of {@link GitHubFake.injectStaleHead}. */
export interface StaleHeadOptions {
  /** Branch whose next read triggers the interfering commit; default the default branch. */
  branch?: string;
  /** How many reads to interfere with. Default 1. */
  times?: number;
  /** File the interfering commit writes; default `.github-fake/interference-N`. */
  path?: string;
  /** Its contents; default a line naming N. */
  contents?: string;
  /** Its message. */
  message?: string;
}

/** One request as the fake saw it. */
export interface FakeRequestRecord {
  method: string;
  path: string;
  /** `METHOD /template` for REST, `POST /graphql` for GraphQL, undefined for unknown routes. */
  route: string | undefined;
  operationId?: string;
  /** GraphQL root fields. */
  graphql?: string[];
  /** HTTP status answered; -1 when an injected fault dropped the connection. */
  status: number;
  /** The injected fault, if one answered. */
  fault?: Fault['kind'];
}

/** A running fake. */
export interface GitHubFake {
  /** REST base URL (`baseUrl` for Octokit). */
  url: string;
  /** GraphQL endpoint (`${url}/graphql`). */
  graphqlUrl: string;
  /** The accepted token. */
  token: string;
  /** `owner/name`. */
  repo: string;
  /** Git plumbing over the backing bare repository. */
  store: GitStore;
  /**
   * Requests so far by key: REST `METHOD /template` (e.g. `POST /repos/{owner}/{repo}/deployments`),
   * `POST /graphql` for every GraphQL request, and `graphql FIELD` per root field
   * (`graphql createCommitOnBranch`, `graphql repository`).
   */
  counts(): Record<string, number>;
  /** One entry of {@link counts}, 0 when absent. Also accepts an operationId (`repos/create-deployment`). */
  count(key: string): number;
  /** Every request in order. */
  requests(): readonly FakeRequestRecord[];
  /** Clears counts and the request log (not the rate-limit buckets). */
  resetCounts(): void;
  /**
   * Answers the next `times` requests matching `route` with `fault`. `route` is a REST
   * `METHOD /template`, an operationId, `POST /graphql`, `graphql FIELD`, or `*`.
   */
  inject(route: string, fault: Fault, options?: { times?: number }): FaultHandle;
  /** Moves the branch with an extra commit right after the next read of its head (REST or GraphQL). */
  injectStaleHead(options?: StaleHeadOptions): FaultHandle;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof FakeEvents>(event: K, listener: FakeListener<K>): () => void;
  /** Deployments, oldest first. */
  deployments(): DeploymentRecord[];
  /** Statuses of a deployment, oldest first. */
  deploymentStatuses(deploymentId: number): DeploymentStatusRecord[];
  /** Accepted workflow dispatches, oldest first. */
  dispatches(): DispatchRecord[];
  /** Pull requests by number. */
  pulls(): PullRecord[];
  /** Reviews of deployment protection rules (decisions and status reports), oldest first. */
  gateReviews(): GateReviewRecord[];
  /** Installation tokens issued to the App so far. */
  installationTokens(): InstallationTokenRecord[];
  /** Registers a workflow run artifact served by the artifact endpoints. */
  addArtifact(input: {
    runId: number;
    name: string;
    zip: Uint8Array;
    expired?: boolean;
    headBranch?: string;
    headSha?: string;
  }): ArtifactRecord;
  /** Merges every open pull request with auto-merge enabled (as if its checks passed); returns their numbers. */
  runAutoMerge(): Promise<number[]>;
  /** The current numbers of a rate-limit bucket. */
  rateLimit(resource?: 'core' | 'graphql'): RateLimitSnapshot;
  /** Refills both buckets (a new hour). */
  resetRateLimit(): void;
  /** The commit a branch points at, or undefined. */
  headOf(branch: string): Promise<string | undefined>;
  /** A file's text at a ref (branch, tag or sha), or undefined. */
  readFile(ref: string, path: string): Promise<string | undefined>;
  /** Responses that failed validation and handler crashes so far: bugs in the fake. */
  problems(): readonly string[];
  /** Stops the server; rejects when {@link problems} is not empty (unless `ignoreProblems`). */
  close(options?: { ignoreProblems?: boolean }): Promise<void>;
}

const SUPPORTED_API_VERSIONS = new Set(['2022-11-28', '2026-03-10']);
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

interface ArmedFault {
  keys: string;
  fault: Fault;
  remaining: number;
  fired: number;
}

interface ArmedStaleHead {
  branch: string | undefined;
  remaining: number;
  fired: number;
  options: StaleHeadOptions;
}

interface Bucket {
  limit: number;
  used: number;
  reset: number;
}

/** Starts the fake on 127.0.0.1 (random free port). */
export async function startGitHubFake(options: GitHubFakeOptions): Promise<GitHubFake> {
  const openapi = loadOpenApi();
  const handlers: Record<string, RestHandler> = {
    ...gitHandlers,
    ...deploymentHandlers,
    ...pullHandlers,
    ...repoHandlers,
    ...appHandlers,
  };
  // Exhaustive: every operation in the committed subset has a handler, and no handler is orphaned.
  const missing = openapi.operations.filter((op) => handlers[op.operationId] === undefined);
  const orphans = Object.keys(handlers).filter(
    (id) => !openapi.operations.some((op) => op.operationId === id),
  );
  if (missing.length > 0 || orphans.length > 0) {
    throw new Error(
      `GitHub fake out of step with the OpenAPI subset: no handler for [${missing.map((m) => m.operationId).join(', ')}], ` +
        `handlers without an operation [${orphans.join(', ')}]`,
    );
  }

  const now = options.now ?? (() => new Date());
  const store = new GitStore(options.bareRepoPath);
  const state = new FakeState();
  state.workflows = options.workflows ? new Set(options.workflows) : undefined;
  const actor = options.actor ?? GITHUB_ACTIONS_BOT;
  const listeners = new Map<keyof FakeEvents, Set<(payload: unknown) => void>>();
  const counts = new Map<string, number>();
  const log: FakeRequestRecord[] = [];
  const problems: string[] = [];
  const faults: ArmedFault[] = [];
  const staleHeads: ArmedStaleHead[] = [];
  const enforce = options.enforceRateLimit ?? true;
  const hour = () => Math.floor(now().getTime() / 1000) + 3600;
  const buckets: Record<'core' | 'graphql', Bucket> = {
    core: { limit: options.rateLimit?.core ?? 1000, used: 0, reset: hour() },
    graphql: { limit: options.rateLimit?.graphql ?? 1000, used: 0, reset: hour() },
  };
  let interferenceCount = 0;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const repo = new RepoIdentity(options.repo, base, options.webUrl ?? 'https://github.com');

  const ctx: FakeContext = {
    repo,
    store,
    state,
    actor,
    app: options.app,
    now,
    async defaultBranch() {
      return (await store.defaultBranch()) ?? 'main';
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };

  const snapshot = (resource: 'core' | 'graphql'): RateLimitSnapshot => {
    const bucket = buckets[resource];
    if (Math.floor(now().getTime() / 1000) >= bucket.reset) {
      bucket.used = 0;
      bucket.reset = hour();
    }
    return {
      resource,
      limit: bucket.limit,
      used: bucket.used,
      remaining: Math.max(bucket.limit - bucket.used, 0),
      reset: bucket.reset,
    };
  };
  const rateHeaders = (s: RateLimitSnapshot): Record<string, string> => ({
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(s.remaining),
    'x-ratelimit-used': String(s.used),
    'x-ratelimit-reset': String(s.reset),
    'x-ratelimit-resource': s.resource,
  });

  const takeFault = (keys: readonly string[]): Fault | undefined => {
    const armed = faults.find((f) => f.remaining > 0 && keys.includes(f.keys));
    if (armed === undefined) return undefined;
    armed.remaining -= 1;
    armed.fired += 1;
    return armed.fault;
  };

  /** Commits an interfering change on `branch`, as another writer would. */
  const interfere = async (branch: string, armed: ArmedStaleHead) => {
    interferenceCount += 1;
    const n = interferenceCount;
    const head = await store.readRef(`refs/heads/${branch}`);
    if (head === undefined) return;
    const path = armed.options.path ?? `.github-fake/interference-${n}`;
    const blob = await store.writeBlob(Buffer.from(armed.options.contents ?? `interfering commit ${n}\n`));
    await commitOnBranch(ctx, {
      branch,
      parent: head,
      changes: [{ path, mode: '100644', type: 'blob', oid: blob }],
      message: armed.options.message ?? `Interfering commit ${n} (injected by the GitHub fake)\n`,
      author: { name: 'Someone Else', email: 'someone-else@example.com', date: timestamp(now()) },
      committer: { name: 'Someone Else', email: 'someone-else@example.com', date: timestamp(now()) },
      verified: false,
      via: 'fake:stale-head',
    });
  };

  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      serve(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        const message = `GitHub fake crashed on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`;
        problems.push(message);
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'x-github-fake-bug': '1' });
        }
        res.end(JSON.stringify({ message }));
      });
    });
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = (req.method ?? 'GET').toUpperCase();
    const requestId = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`;
    const common: Record<string, string> = {
      'x-github-request-id': requestId,
      'x-github-media-type': 'github.v3; format=json',
    };

    // Artifact downloads land here after the 302, without credentials, like a signed storage URL.
    if (method === 'GET' && url.pathname.startsWith(ARTIFACT_BLOB_PREFIX)) {
      const token = url.pathname.slice(ARTIFACT_BLOB_PREFIX.length).split('/')[0]!;
      const artifact = state.artifacts.get(state.downloadTokens.get(token) ?? -1);
      if (artifact === undefined) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<Error><Code>AuthenticationFailed</Code></Error>');
        return;
      }
      ctx.emit('artifact_download', artifact);
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': String(artifact.zip.length),
      });
      res.end(artifact.zip);
      return;
    }

    const isGraphQL = url.pathname === '/graphql' && method === 'POST';
    const match = isGraphQL ? undefined : openapi.match(method, url.pathname);
    let payload: unknown;
    let parseFailed = false;
    if (raw.length > 0) {
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        parseFailed = true;
      }
    }
    const graphqlFields = isGraphQL ? rootFieldsOf(payload) : undefined;
    const route = isGraphQL ? 'POST /graphql' : match?.operation.route;
    const keys = [
      '*',
      ...(route ? [route] : []),
      ...(match ? [match.operation.operationId] : []),
      ...(graphqlFields ?? []).map((f) => `graphql ${f}`),
    ];
    const record: FakeRequestRecord = {
      method,
      path: url.pathname,
      route,
      ...(match ? { operationId: match.operation.operationId } : {}),
      ...(graphqlFields ? { graphql: graphqlFields } : {}),
      status: 0,
    };
    log.push(record);
    // Counted keys are the ones with a space: `METHOD /template` and `graphql FIELD`.
    for (const key of keys.filter((k) => k.includes(' '))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }

    const resource = isGraphQL ? 'graphql' : 'core';
    const docs = isGraphQL
      ? 'https://docs.github.com/graphql'
      : (match?.operation.documentationUrl ?? 'https://docs.github.com/rest');
    const send = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
      rawBody?: RestResponse['raw'],
    ) => {
      record.status = status;
      const out: Record<string, string> = { ...common, ...headers };
      if (rawBody !== undefined) {
        out['content-type'] = rawBody.contentType;
        res.writeHead(status, out);
        res.end(rawBody.bytes);
        return;
      }
      if (body === undefined) {
        res.writeHead(status, out);
        res.end();
        return;
      }
      out['content-type'] = 'application/json; charset=utf-8';
      res.writeHead(status, out);
      res.end(JSON.stringify(body));
    };
    const errorBody = (status: number, message: string, extra: Record<string, unknown> = {}) => ({
      message,
      documentation_url: docs,
      status: String(status),
      ...extra,
    });

    // Authentication comes first, as on GitHub: a bad token learns nothing about routes. An App
    // JWT authenticates only the App's own endpoints (the installation token exchange), and that
    // exchange takes nothing but a JWT.
    const who = resolveCaller(ctx, req.headers.authorization, options.token);
    const appRoute = match?.operation.operationId === 'apps/create-installation-access-token';
    let refused = 'refused' in who ? who.refused : undefined;
    if ('caller' in who && (who.caller.kind === 'app') !== appRoute) {
      refused = appRoute ? 'A JSON web token could not be decoded' : 'Bad credentials';
    }
    if (refused !== undefined || !('caller' in who)) {
      send(401, { message: refused, documentation_url: docs, status: '401' });
      return;
    }
    const caller = who.caller;
    const version = req.headers['x-github-api-version'];
    if (typeof version === 'string' && !SUPPORTED_API_VERSIONS.has(version)) {
      send(400, errorBody(400, `API version '${version}' is not supported.`));
      return;
    }
    if (!isGraphQL && match === undefined) {
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
      return;
    }
    if (match && match.params.owner !== undefined && !repo.is(match.params.owner, match.params.repo ?? '')) {
      send(404, errorBody(404, 'Not Found'));
      return;
    }

    // Primary rate limit (counted per bucket; 304s are free, as on GitHub).
    const before = snapshot(resource);
    if (enforce && before.remaining === 0) {
      const headers = {
        ...rateHeaders(before),
        'retry-after': String(Math.max(before.reset - Math.floor(now().getTime() / 1000), 0)),
      };
      if (isGraphQL)
        send(
          200,
          { errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for installation ID 1.` }] },
          headers,
        );
      else
        send(
          403,
          errorBody(403, 'API rate limit exceeded for installation ID 1.', {
            documentation_url: RATE_LIMIT_DOCS,
          }),
          headers,
        );
      return;
    }
    const consume = () => {
      buckets[resource].used += 1;
      return rateHeaders(snapshot(resource));
    };

    const fault = takeFault(keys);
    if (fault !== undefined) record.fault = fault.kind;
    if (fault !== undefined && !('after' in fault && fault.after === true)) {
      answerFault(fault, consume());
      return;
    }

    const refReads = new Set<string>();
    const requestCtx: RequestContext = {
      ...ctx,
      caller,
      noteRefRead: (branch) => refReads.add(branch),
      rateLimit: snapshot,
    };

    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    let rawBody: RestResponse['raw'];
    if (isGraphQL) {
      if (parseFailed) {
        status = 400;
        body = { message: 'Problems parsing JSON', documentation_url: docs };
      } else {
        const outcome = await handleGraphQL(requestCtx, payload);
        status = outcome.status;
        body = outcome.body;
      }
    } else {
      const operation = match!.operation;
      const response = await runRest(
        operation,
        match!.params,
        url,
        req,
        raw,
        payload,
        parseFailed,
        requestCtx,
      );
      status = response.status;
      body = response.body;
      headers = response.headers ?? {};
      rawBody = response.raw;
      const invalid = validateResponse(operation, response);
      if (invalid !== undefined) {
        const message = `GitHub fake bug: ${operation.route} answered ${status} that does not match ${openapi.source.package}@${openapi.source.version}: ${invalid}`;
        problems.push(message);
        status = 500;
        body = { message };
        rawBody = undefined;
        headers = { 'x-github-fake-bug': '1' };
      }
    }

    // The stale-head fault: another writer moves the branch after our read, before the client
    // can write with the head it just learned.
    for (const branch of refReads) {
      const defaultBranch = await ctx.defaultBranch();
      const armed = staleHeads.find((s) => s.remaining > 0 && (s.branch ?? defaultBranch) === branch);
      if (armed === undefined) continue;
      armed.remaining -= 1;
      armed.fired += 1;
      await interfere(branch, armed);
    }

    if (fault !== undefined) {
      answerFault(fault, consume());
      return;
    }

    // Conditional requests: a matching ETag answers 304 without touching the rate limit.
    if (method === 'GET' && status === 200 && rawBody === undefined && body !== undefined) {
      const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}"`;
      headers = { ...headers, etag };
      if (req.headers['if-none-match'] === etag) {
        send(304, undefined, { ...headers, ...rateHeaders(snapshot(resource)) });
        return;
      }
    }
    send(status, body, { ...headers, ...consume() }, rawBody);

    function answerFault(f: Fault, limitHeaders: Record<string, string>) {
      switch (f.kind) {
        case 'server-error': {
          const code = f.status ?? 502;
          send(code, isGraphQL ? { message: 'Server Error' } : errorBody(code, 'Server Error'), limitHeaders);
          return;
        }
        case 'rate-limit': {
          const wait = f.retryAfter ?? 1;
          const reset = Math.ceil(now().getTime() / 1000) + wait;
          const headers = {
            ...limitHeaders,
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': limitHeaders['x-ratelimit-limit']!,
            'x-ratelimit-reset': String(reset),
            'retry-after': String(wait),
          };
          const message = 'API rate limit exceeded for installation ID 1.';
          if (isGraphQL && f.status === undefined)
            send(200, { errors: [{ type: 'RATE_LIMITED', message }] }, headers);
          else
            send(
              f.status ?? 429,
              errorBody(f.status ?? 429, message, { documentation_url: RATE_LIMIT_DOCS }),
              headers,
            );
          return;
        }
        case 'secondary-rate-limit': {
          const code = f.status ?? 403;
          const message =
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
            `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
          send(
            code,
            {
              message,
              documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
              status: String(code),
            },
            {
              ...limitHeaders,
              ...(f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {}),
            },
          );
          return;
        }
        case 'disconnect':
          record.status = -1;
          req.socket.destroy();
          return;
      }
    }
  }

  /** Checks parameters and body, runs the handler, and maps HttpError to GitHub's error body. */
  async function runRest(
    operation: Operation,
    params: Record<string, string>,
    url: URL,
    req: http.IncomingMessage,
    raw: Buffer,
    payload: unknown,
    parseFailed: boolean,
    requestCtx: RequestContext,
  ): Promise<RestResponse> {
    const error = (status: number, message: string, extra: Record<string, unknown> = {}): RestResponse => ({
      status,
      body: { message, documentation_url: operation.documentationUrl, status: String(status), ...extra },
    });
    const query: Record<string, string | number | boolean> = {};
    for (const param of operation.parameters) {
      if (param.in !== 'path' && param.in !== 'query') continue;
      const rawValue =
        param.in === 'path' ? params[param.name] : (url.searchParams.get(param.name) ?? undefined);
      if (rawValue === undefined) {
        if (param.required) return error(422, `Invalid request.\n\n"${param.name}" wasn't supplied.`);
        continue;
      }
      const value = coerceParameter(rawValue, param.type);
      const problems = param.validate(value);
      if (problems.length > 0) {
        // GitHub answers a malformed path parameter (e.g. a non-numeric id) with 404.
        if (param.in === 'path') return error(404, 'Not Found');
        return error(422, `Invalid request.\n\n${gitHubValidationMessage(problems, param.name)}`);
      }
      if (param.in === 'query') query[param.name] = value;
    }
    let body: Record<string, unknown> = {};
    if (operation.requestBody) {
      if (parseFailed) return error(400, 'Problems parsing JSON');
      if (raw.length === 0 || payload === undefined || payload === null) {
        if (operation.requestBody.required) {
          return error(422, "Invalid request.\n\nFor 'links/0/schema', nil is not an object.");
        }
      } else {
        const problems = operation.requestBody.validate(payload);
        if (problems.length > 0)
          return error(422, `Invalid request.\n\n${gitHubValidationMessage(problems)}`);
        body = payload as Record<string, unknown>;
      }
    }
    const request: RestRequest = {
      params,
      query,
      body,
      accept: String(req.headers.accept ?? 'application/json').toLowerCase(),
    };
    try {
      return await handlers[operation.operationId]!(requestCtx, request);
    } catch (caught) {
      if (caught instanceof HttpError) return error(caught.status, caught.message, caught.extra);
      throw caught;
    }
  }

  /** Returns a description of why a response does not match the description, or undefined. */
  function validateResponse(operation: Operation, response: RestResponse): string | undefined {
    const declared = operation.responses.get(response.status);
    if (declared === undefined) {
      if (response.status < 400) return `status ${response.status} is not declared`;
      // GitHub answers 401/404/409/5xx on every endpoint even where the description omits them.
      const schema = response.status === 422 ? 'validation-error' : 'basic-error';
      const errors = openapi.validateComponent(schema, response.body);
      return errors.length > 0 ? describeAjvErrors(errors) : undefined;
    }
    if (response.raw !== undefined) {
      const type = response.raw.contentType.split(';')[0]!;
      return declared.has(type) || type.startsWith('text/') || type === 'application/vnd.github.raw'
        ? undefined
        : `media type ${type} is not declared`;
    }
    if (declared.size === 0) return response.body === undefined ? undefined : 'a body where none is declared';
    const validate = declared.get('application/json');
    if (validate === undefined) return 'no application/json schema declared';
    const errors = validate(response.body);
    return errors.length > 0 ? describeAjvErrors(errors) : undefined;
  }

  const fake: GitHubFake = {
    url: base,
    graphqlUrl: `${base}/graphql`,
    token: options.token,
    repo: repo.fullName,
    store,
    counts: () => Object.fromEntries(counts),
    count(key) {
      const direct = counts.get(key);
      if (direct !== undefined) return direct;
      const operation = openapi.operations.find((op) => op.operationId === key);
      return operation ? (counts.get(operation.route) ?? 0) : 0;
    },
    requests: () => [...log],
    resetCounts() {
      counts.clear();
      log.length = 0;
    },
    inject(route, fault, injectOptions = {}) {
      const armed: ArmedFault = { keys: route, fault, remaining: injectOptions.times ?? 1, fired: 0 };
      faults.push(armed);
      return handle(armed);
    },
    injectStaleHead(staleOptions = {}) {
      const armed: ArmedStaleHead = {
        branch: staleOptions.branch,
        remaining: staleOptions.times ?? 1,
        fired: 0,
        options: staleOptions,
      };
      staleHeads.push(armed);
      return handle(armed);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    deployments: () => [...state.deployments.values()],
    deploymentStatuses: (id) => [...(state.statuses.get(id) ?? [])],
    dispatches: () => [...state.dispatches],
    pulls: () => [...state.pulls.values()],
    gateReviews: () => [...state.gateReviews],
    installationTokens: () => [...state.installationTokens.values()],
    addArtifact(input) {
      const id = state.id();
      const created = now();
      const artifact: ArtifactRecord = {
        id,
        node_id: nodeId('MDg6QXJ0aWZhY3Q', id),
        runId: input.runId,
        name: input.name,
        zip: Buffer.from(input.zip),
        expired: input.expired ?? false,
        created_at: timestamp(created),
        expires_at: timestamp(new Date(created.getTime() + 90 * 24 * 3600 * 1000)),
        headBranch: input.headBranch ?? 'main',
        headSha: input.headSha ?? '0'.repeat(40),
        digest: `sha256:${createHash('sha256').update(input.zip).digest('hex')}`,
      };
      state.artifacts.set(id, artifact);
      return artifact;
    },
    async runAutoMerge() {
      const merged: number[] = [];
      for (const pull of state.pulls.values()) {
        if (pull.state !== 'open' || pull.autoMerge === null) continue;
        const { mergeMethod, commitTitle, commitMessage } = pull.autoMerge;
        await mergePull(ctx, pull, {
          method: mergeMethod,
          ...(commitTitle !== '' ? { title: commitTitle } : {}),
          ...(commitMessage !== '' ? { message: commitMessage } : {}),
        });
        merged.push(pull.number);
      }
      return merged;
    },
    rateLimit: (resource = 'core') => snapshot(resource),
    resetRateLimit() {
      for (const bucket of Object.values(buckets)) {
        bucket.used = 0;
        bucket.reset = hour();
      }
    },
    headOf: (branch) => store.readRef(`refs/heads/${branch}`),
    readFile: (ref, path) => readFileAt(store, ref, path),
    problems: () => [...problems],
    close: (closeOptions = {}) =>
      new Promise<void>((resolve, reject) => {
        store.close();
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else if (problems.length > 0 && !closeOptions.ignoreProblems) {
            reject(new Error(`GitHub fake recorded ${problems.length} problem(s):\n${problems.join('\n')}`));
          } else resolve();
        });
      }),
  };
  return fake;
}

function handle(armed: { remaining: number; fired: number }): FaultHandle {
  return {
    remaining: () => armed.remaining,
    fired: () => armed.fired,
    cancel: () => {
      armed.remaining = 0;
    },
  };
}
