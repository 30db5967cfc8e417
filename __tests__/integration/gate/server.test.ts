/**
 * The deployment protection rule's webhook receiver end to end on loopback (issue 6 Build 4 and its
 * acceptance): signed `deployment_protection_rule` deliveries go to `startGateServer`, which mints
 * an installation token from the GitHub fake with a real RS256 App JWT (`@octokit/auth-app`, a key
 * pair generated here) and posts its review to the fake's
 * `POST /repos/{o}/{r}/actions/runs/{run_id}/deployment_protection_rule`, where GitHub's rules are
 * enforced (App token only, comment ≤ 1,024, ≤ 10 reports per run and environment) and every
 * request is validated against GitHub's OpenAPI description. The decision is G1's pure
 * `decideGate` on facts the test states (a quarantine list), so approved and rejected come from
 * the real rule, not from a stub.
 *
 * Payloads: `@octokit/webhooks-examples` 7.6.1 (the newest) has no `deployment_protection_rule`
 * example, so deliveries come from two real sources: one github.com sent to another App
 * (product-os/deploynaut's captured fixture, __tests__/fixtures/github/webhooks/), and one assembled
 * from the package's `deployment` example (its deployment, repository, organization, sender and
 * installation objects) plus the rule's own fields — each renamed to the fake's repository, run and
 * installation, and each valid against GitHub's published webhook schema (checked in every test
 * here and in __tests__/unit/harness/webhook-payloads.test.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { sign } from '@octokit/webhooks-methods';
import type { CliIo } from '../../../src/cli/command.js';
import { policyDecider } from '../../../src/cli/commands/gate-serve.js';
import { gitopsPolicy } from '../../../src/cli/commands/gitops-options.js';
import { decideGate } from '../../../src/gate/decision.js';
import { ConfigurationError } from '../../../src/errors.js';
import { readAppCredentials, GATE_ENV } from '../../../src/gate/app-auth.js';
import {
  DeliveryIds,
  REVIEW_COMMENT_LIMIT,
  reviewComment,
  startGateServer,
  type GateDecide,
  type GateRequest,
  type GateServer,
  type GateServerSettings,
} from '../../../src/gate/server.js';
import { seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';
import { testOctokit } from '../../support/github-fake/octokit.js';
import {
  protectionRulePayload as capturedPayload,
  type ProtectionRuleSource,
} from '../../support/webhook-payloads.js';
import { webhookSchemaErrors } from '../../support/webhook-schema.js';

const APP_ID = 4242;
const INSTALLATION = 77;
const SECRET = 'gate-webhook-secret-for-tests';
const FAKE_TOKEN = 'ghs_github_token_of_the_workflow';
const REPO = 'acme/checkout';
const QUARANTINED = `sha256:${'b'.repeat(64)}`;
const CLEAN = `sha256:${'a'.repeat(64)}`;

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let bare: TempBareRepo;
let fake: GitHubFake;
let nextRun = 9000;

beforeAll(async () => {
  bare = await createBareRepo({ files: { 'README.md': 'app\n' } });
  fake = await startGitHubFake({
    repo: REPO,
    bareRepoPath: bare.path,
    token: FAKE_TOKEN,
    app: { id: APP_ID, publicKey, installations: [INSTALLATION] },
    // 200 concurrent reviews + token exchanges + the rest of the suite stay inside one bucket.
    rateLimit: { core: 5000 },
  });
});

afterAll(async () => {
  try {
    await fake.close();
  } finally {
    await bare.dispose();
  }
});

/** G1's decision on the facts a test states: the deployment payload's digest against a quarantine list. */
const decideFromQuarantine: GateDecide = async (request) => {
  const digest = (request.deployment?.payload as { digest?: string } | undefined)?.digest;
  return decideGate(undefined, {
    environment: request.environment,
    at: new Date('2026-07-01T10:00:00Z'),
    ...(digest ? { digest } : {}),
    ...(digest === QUARANTINED ? { quarantined: { digest, reason: 'reverted by rollout r-17' } } : {}),
  });
};

function settings(overrides: Partial<GateServerSettings> = {}): GateServerSettings {
  return {
    webhookSecret: SECRET,
    appId: String(APP_ID),
    privateKey,
    apiUrl: fake.url,
    retryAfterBaseMs: 1,
    spaceWrites: false,
    // Progress reports only where a test asks for them.
    progressAfterMs: 60_000,
    ...overrides,
  };
}

const servers: GateServer[] = [];
async function gate(decide: GateDecide, overrides: Partial<GateServerSettings> = {}): Promise<GateServer> {
  const server = await startGateServer(settings(overrides), { decide }, { port: 0, host: '127.0.0.1' });
  servers.push(server);
  return server;
}

beforeEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Example = Record<string, unknown>;

/**
 * A `deployment_protection_rule` delivery (`protectionRulePayload`,
 * __tests__/support/webhook-payloads.ts) for run `runId` of the fake's repository, its URLs moved to
 * the fake, started from `source`: the delivery github.com sent to another App (default) or one
 * assembled from `@octokit/webhooks-examples`' `deployment` example. `digest` rides in the
 * deployment's payload, where a workflow that creates its deployment through the API puts it (an
 * Actions-created deployment carries `{}`, the capture's own, tested below).
 */
function protectionRulePayload(
  runId: number,
  digest: string | undefined,
  environment = 'production',
  source: ProtectionRuleSource = 'capture',
): Example {
  const payload = capturedPayload(
    {
      repository: REPO,
      apiUrl: fake.url,
      runId,
      installationId: INSTALLATION,
      environment,
      ...(digest ? { deploymentPayload: { digest } } : {}),
    },
    source,
  );
  // A delivery GitHub could not send would prove nothing about the server.
  expect(webhookSchemaErrors('deployment_protection_rule', payload)).toEqual([]);
  return payload;
}

interface SendOptions {
  secret?: string;
  deliveryId?: string;
  event?: string;
  signature?: string | null;
  method?: string;
}

/** POSTs `body` as GitHub would: signed with the secret, with event and delivery headers. */
async function deliver(server: GateServer, body: string, options: SendOptions = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-github-event': options.event ?? 'deployment_protection_rule',
    'x-github-delivery': options.deliveryId ?? randomUUID(),
    'user-agent': 'GitHub-Hookshot/test',
  };
  if (options.signature !== null) {
    headers['x-hub-signature-256'] = options.signature ?? (await sign(options.secret ?? SECRET, body));
  }
  const method = options.method ?? 'POST';
  const response = await fetch(server.url, { method, headers, ...(method === 'GET' ? {} : { body }) });
  return { status: response.status, text: await response.text() };
}

function reviewsOf(runId: number) {
  return fake.gateReviews().filter((review) => review.runId === runId);
}

describe('signed deliveries are reviewed through the GitHub fake', () => {
  it.each(
    (['capture', 'examples'] as const).flatMap((source) => [
      // decideGate with no deploy section checks quarantine and the open-failure rule only.
      {
        source,
        digest: CLEAN,
        state: 'approved',
        says: `**Glidepath gate: approved** \`production\` — \`${CLEAN}\``,
      },
      {
        source,
        digest: QUARANTINED,
        state: 'rejected',
        says: `${QUARANTINED} is quarantined (reverted by rollout r-17)`,
      },
    ]),
  )('$state: $digest (delivery from the $source)', async ({ source, digest, state, says }) => {
    const server = await gate(decideFromQuarantine);
    const runId = nextRun++;
    const payload = protectionRulePayload(runId, digest, 'production', source);
    const answer = await deliver(server, JSON.stringify(payload));
    expect(answer).toEqual({ status: 202, text: 'accepted\n' });
    await server.idle();

    const reviews = reviewsOf(runId);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ environment: 'production', state, installationId: INSTALLATION });
    expect(reviews[0]!.comment).toContain(says);
    expect(reviews[0]!.comment!.length).toBeLessThanOrEqual(REVIEW_COMMENT_LIMIT);
    expect(server.stats()).toMatchObject({ accepted: 1, [state]: 1, failed: 0 });
  });

  it('passes the decision what GitHub sent: environment, run, repository, sha, sender', async () => {
    const seen: GateRequest[] = [];
    const server = await gate(async (request) => {
      seen.push(request);
      return { state: 'approved', comment: 'ok' };
    });
    const runId = nextRun++;
    const deliveryId = randomUUID();
    const payload = protectionRulePayload(runId, CLEAN, 'staging');
    await deliver(server, JSON.stringify(payload), { deliveryId });
    await server.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      deliveryId,
      environment: 'staging',
      event: 'push',
      owner: 'acme',
      repo: 'checkout',
      runId,
      installationId: INSTALLATION,
      // The capture has no top-level sha/ref (GitHub's older payload): the deployment's, as sent.
      sha: '8a7d3b7f56830f91e5c0c02ab44d3215b29ad086',
      ref: 'develop',
      sender: 'klutchell',
      deployment: expect.objectContaining({
        task: 'deploy',
        environment: 'staging',
        payload: { digest: CLEAN },
      }),
    });
    expect(reviewsOf(runId)).toEqual([
      expect.objectContaining({ environment: 'staging', state: 'approved' }),
    ]);
  });

  it("prefers the newer payload's top-level sha and ref (from the check suite) to the deployment's", async () => {
    const seen: GateRequest[] = [];
    const server = await gate(async (request) => {
      seen.push(request);
      return { state: 'approved', comment: 'ok' };
    });
    const runId = nextRun++;
    const payload = { ...protectionRulePayload(runId, CLEAN), sha: 'c'.repeat(40), ref: 'refs/heads/main' };
    await deliver(server, JSON.stringify(payload));
    await server.idle();
    expect(seen[0]).toMatchObject({ sha: 'c'.repeat(40), ref: 'refs/heads/main' });
  });

  it("an Actions-created deployment (payload {} as captured) is decided without a digest: approved, the digest's checks left to the rollout", async () => {
    const server = await gate(decideFromQuarantine);
    const runId = nextRun++;
    await deliver(server, JSON.stringify(protectionRulePayload(runId, undefined)));
    await server.idle();
    const reviews = reviewsOf(runId);
    expect(reviews).toEqual([expect.objectContaining({ environment: 'production', state: 'approved' })]);
  });

  it('a decision that throws rejects (fail closed) and says why', async () => {
    const server = await gate(async () => {
      throw new ConfigurationError('policy.yaml:3:1: deploy.timeZone "Mars/Olympus" is not a time zone');
    });
    const runId = nextRun++;
    await deliver(server, JSON.stringify(protectionRulePayload(runId, CLEAN)));
    await server.idle();
    expect(reviewsOf(runId)).toEqual([
      expect.objectContaining({
        state: 'rejected',
        comment: expect.stringContaining('deploy.timeZone "Mars/Olympus" is not a time zone'),
      }),
    ]);
  });

  it('a comment over 1,024 characters is cut to fit, so GitHub accepts it', async () => {
    const server = await gate(async () => ({ state: 'approved', comment: 'x'.repeat(3000) }));
    const runId = nextRun++;
    await deliver(server, JSON.stringify(protectionRulePayload(runId, CLEAN)));
    await server.idle();
    const [review] = reviewsOf(runId);
    // 1,023 characters kept + the ellipsis = 1,024.
    expect(review!.comment).toBe(`${'x'.repeat(1023)}…`);
  });
});

/**
 * What `glidepath gate serve` runs: the policy's decision (policyDecider) reading the GitOps
 * repository afresh for every delivery — a real git repository with a quarantine list — behind the
 * same server, answering the captured delivery through the fake.
 */
describe("gate serve's decision: the policy and its GitOps repository", () => {
  let gitops: TempBareRepo;
  let work: string;
  let policy: Awaited<ReturnType<typeof gitopsPolicy>>;
  // A Tuesday, 10:00 UTC: inside the allow window below.
  const io = (at = '2026-11-24T10:00:00Z'): CliIo => ({
    stdout: () => undefined,
    stderr: () => undefined,
    cwd: work,
    now: () => new Date(at),
    env: {},
  });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'glidepath-gate-policy-'));
    const seed = join(work, 'seed');
    await seedGitops(seed);
    await mkdir(join(seed, '.glidepath'), { recursive: true });
    await writeFile(
      join(seed, '.glidepath/quarantine.yaml'),
      `digests:\n  - digest: ${QUARANTINED}\n    reason: "failed at 5%: error-ratio 0.05 > 0.01"\n`,
    );
    gitops = await createBareRepo({ seedDir: seed });
    await writeFile(
      join(work, 'glidepath.yaml'),
      `service: demo
environment: production
desired:
  repo: file://${gitops.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
deploy:
  timeZone: UTC
  allow: [{ days: [mon, tue, wed, thu], from: "09:00", to: "16:00" }]
`,
    );
    policy = await gitopsPolicy({ policy: 'glidepath.yaml' }, io());
  }, 30_000);

  afterAll(async () => {
    await gitops?.dispose();
    await rm(work, { recursive: true, force: true });
  });

  async function review(digest: string | undefined, environment = 'production', at?: string) {
    const server = await gate(policyDecider(policy.policy, policy.desired, io(at)));
    const runId = nextRun++;
    await deliver(server, JSON.stringify(protectionRulePayload(runId, digest, environment)));
    await server.idle();
    const reviews = reviewsOf(runId);
    expect(reviews).toHaveLength(1);
    return reviews[0]!;
  }

  it('rejects a digest on the quarantine list, quoting why it is there', async () => {
    const rejected = await review(QUARANTINED);
    expect(rejected).toMatchObject({ environment: 'production', state: 'rejected' });
    expect(rejected.comment).toContain('failed at 5%: error-ratio 0.05 > 0.01');
  });

  it('approves a clean digest inside the allow window', async () => {
    expect(await review(CLEAN)).toMatchObject({ state: 'approved' });
  });

  it('approves the Actions-created deployment (payload {} as captured): no digest to check, the window is open', async () => {
    expect(await review(undefined)).toMatchObject({ state: 'approved' });
  });

  it('rejects a clean digest outside the allow window (a Sunday), naming the window', async () => {
    const rejected = await review(CLEAN, 'production', '2026-11-29T10:00:00Z');
    expect(rejected.state).toBe('rejected');
    expect(rejected.comment).toContain(
      'deploy window closed: outside every allow window (mon,tue,wed,thu 09:00–16:00; UTC); it opens at 2026-11-30 09:00 UTC',
    );
  });

  it('rejects an environment the policy is not for, saying which policy and what to do', async () => {
    const rejected = await review(CLEAN, 'staging');
    expect(rejected.state).toBe('rejected');
    expect(rejected.comment).toContain('is for `production`');
  });

  it('reads the repository for every delivery: a digest quarantined after one review is rejected at the next', async () => {
    const later = `sha256:${'c'.repeat(64)}`;
    expect(await review(later)).toMatchObject({ state: 'approved' });
    await push(
      '.glidepath/quarantine.yaml',
      `digests:\n  - digest: ${QUARANTINED}\n    reason: "failed at 5%: error-ratio 0.05 > 0.01"\n` +
        `  - digest: ${later}\n    reason: "reverted by rollout r-9"\n`,
    );
    const rejected = await review(later);
    expect(rejected.state).toBe('rejected');
    expect(rejected.comment).toContain('reverted by rollout r-9');
  });

  it('an override committed to the repository lets a clean digest through a closed window, never a quarantined one', async () => {
    const sunday = '2026-11-29T10:00:00Z';
    await push(
      '.glidepath/overrides.yaml',
      'overrides:\n  - environment: production\n    kind: p0\n    reason: "INC-4300: payment outage"\n' +
        '    until: 2026-11-29T18:00:00Z\n',
    );
    const approved = await review(CLEAN, 'production', sunday);
    expect(approved.state).toBe('approved');
    expect(approved.comment!.split('\n').slice(0, 2)).toEqual([
      `**Glidepath gate: approved by override \`p0\`** (committed in .glidepath/overrides.yaml:2:5, until 2026-11-29T18:00:00.000Z) for \`production\` — \`${CLEAN}\``,
      '> INC-4300: payment outage',
    ]);
    const rejected = await review(QUARANTINED, 'production', sunday);
    expect(rejected.state).toBe('rejected');
    expect(rejected.comment).toContain('override p0 cannot bypass a quarantined digest or failed evidence');
    // Expired: the window rules again.
    expect((await review(CLEAN, 'production', '2026-11-29T18:00:01Z')).state).toBe('rejected');
  });

  /** Commits `text` to `path` on the GitOps repository's main branch, as a person would. */
  async function push(path: string, text: string): Promise<void> {
    const clone = await mkdtemp(join(work, 'clone-'));
    await gitText(['clone', '-q', gitops.path, clone]);
    await writeFile(join(clone, path), text);
    await gitText(['-C', clone, 'add', path]);
    await gitText([
      '-C',
      clone,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-qm',
      `edit ${path}`,
    ]);
    await gitText(['-C', clone, 'push', '-q', 'origin', 'HEAD']);
  }
});

describe('status reports while the decision takes long', () => {
  it('posts progress on a timer, then the decision last', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const runId = nextRun++;
    // Release the decision once two progress reports reached the fake.
    const off = fake.on('gate_review', (review) => {
      if (review.runId === runId && reviewsOf(runId).length === 2) release();
    });
    const server = await gate(
      async () => {
        await released;
        return { state: 'approved', comment: 'approved after waiting' };
      },
      { progressAfterMs: 5, progressEveryMs: 5 },
    );
    await deliver(server, JSON.stringify(protectionRulePayload(runId, CLEAN)));
    await server.idle();
    off();
    const reviews = reviewsOf(runId);
    // Two reports (at least; a third may have been queued before the release) and the decision last.
    expect(reviews.length).toBeGreaterThanOrEqual(3);
    expect(
      reviews.slice(0, -1).every((r) => r.state === undefined && /still deciding/.test(r.comment!)),
    ).toBe(true);
    expect(reviews.at(-1)).toMatchObject({ state: 'approved', comment: 'approved after waiting' });
  });

  it('keeps within GitHub’s 10 reports: 9 progress reports at most, the 10th is the decision', async () => {
    const answers: boolean[] = [];
    const server = await gate(async (_request, { report }) => {
      for (let i = 1; i <= 12; i += 1) answers.push(await report(`step ${i}`));
      return { state: 'rejected', comment: 'done' };
    });
    const runId = nextRun++;
    await deliver(server, JSON.stringify(protectionRulePayload(runId, CLEAN)));
    await server.idle();
    // 12 asked: the first 9 posted, 3 refused locally (none reached GitHub to be refused there).
    expect(answers).toEqual([...Array<boolean>(9).fill(true), false, false, false]);
    const reviews = reviewsOf(runId);
    expect(reviews).toHaveLength(10);
    expect(reviews.map((r) => r.comment)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `step ${i + 1}`),
      'done',
    ]);
    expect(server.stats()).toMatchObject({ reports: 9, rejected: 1, failed: 0 });
  });
});

describe('refused deliveries cause no review', () => {
  const TWO_MIB = 2 * 1024 * 1024;
  it.each([
    { name: 'forged signature (another secret)', options: { secret: 'not-the-secret' }, status: 401 },
    { name: 'no signature', options: { signature: null }, status: 401 },
    { name: 'a signature that is not hex', options: { signature: 'sha256=zz' }, status: 401 },
    { name: 'oversized body, correctly signed', pad: TWO_MIB, options: {}, status: 413 },
    { name: 'GET', options: { method: 'GET' }, status: 405 },
  ])('$name → $status', async ({ options, status, pad }) => {
    let decisions = 0;
    const server = await gate(async () => {
      decisions += 1;
      return { state: 'approved', comment: 'should not happen' };
    });
    const runId = nextRun++;
    const payload = protectionRulePayload(runId, CLEAN);
    if (pad) payload.padding = 'p'.repeat(pad);
    const answer = await deliver(server, JSON.stringify(payload), options);
    expect(answer.status).toBe(status);
    await server.idle();
    expect(decisions).toBe(0);
    expect(reviewsOf(runId)).toEqual([]);
    expect(server.stats()).toMatchObject({ refused: 1, accepted: 0 });
  });

  it('a replayed delivery id answers "duplicate" and is not reviewed again', async () => {
    let decisions = 0;
    const server = await gate(async () => {
      decisions += 1;
      return { state: 'approved', comment: 'once' };
    });
    const runId = nextRun++;
    const body = JSON.stringify(protectionRulePayload(runId, CLEAN));
    const deliveryId = randomUUID();
    expect(await deliver(server, body, { deliveryId })).toEqual({ status: 202, text: 'accepted\n' });
    await server.idle();
    expect(await deliver(server, body, { deliveryId })).toEqual({ status: 200, text: 'duplicate\n' });
    // Replayed while the first is still being decided, too: concurrent copies.
    const again = await Promise.all([1, 2, 3].map(() => deliver(server, body, { deliveryId })));
    expect(again.map((a) => a.status)).toEqual([200, 200, 200]);
    await server.idle();
    expect(decisions).toBe(1);
    expect(reviewsOf(runId)).toHaveLength(1);
    expect(server.stats()).toMatchObject({ accepted: 1, duplicates: 4 });
  });

  it('a signed payload whose callback URL is not under the API root is refused: the token goes nowhere else', async () => {
    const server = await gate(decideFromQuarantine);
    const runId = nextRun++;
    const payload = protectionRulePayload(runId, CLEAN);
    payload.deployment_callback_url = `https://evil.example/repos/acme/checkout/actions/runs/${runId}/deployment_protection_rule`;
    const answer = await deliver(server, JSON.stringify(payload));
    expect(answer).toEqual({
      status: 400,
      text: `deployment_callback_url is not a review URL under ${fake.url}\n`,
    });
    await server.idle();
    expect(reviewsOf(runId)).toEqual([]);
  });

  it.each([
    { event: 'ping', text: 'pong\n' },
    { event: 'push', text: 'ignored event push\n' },
  ])('a signed $event delivery is answered 200 and reviews nothing', async ({ event, text }) => {
    const server = await gate(decideFromQuarantine);
    const runId = nextRun++;
    const answer = await deliver(server, JSON.stringify(protectionRulePayload(runId, CLEAN)), { event });
    expect(answer).toEqual({ status: 200, text });
    expect(reviewsOf(runId)).toEqual([]);
  });
});

describe('200 concurrent signed deliveries', () => {
  it('are all answered, and each run is reviewed exactly once', async () => {
    fake.resetCounts();
    const server = await gate(decideFromQuarantine);
    const runs = Array.from({ length: 200 }, () => nextRun++);
    // Every 4th run deploys the quarantined digest: 50 rejected, 150 approved.
    const answers = await Promise.all(
      runs.map((runId, i) =>
        deliver(
          server,
          JSON.stringify(
            protectionRulePayload(
              runId,
              i % 4 === 0 ? QUARANTINED : CLEAN,
              'production',
              i % 2 === 0 ? 'capture' : 'examples',
            ),
          ),
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 202)).toHaveLength(200);
    await server.idle();

    const reviews = fake.gateReviews().filter((r) => runs.includes(r.runId));
    expect(reviews).toHaveLength(200);
    expect(new Set(reviews.map((r) => r.runId)).size).toBe(200);
    expect(reviews.filter((r) => r.state === 'rejected')).toHaveLength(50);
    expect(reviews.filter((r) => r.state === 'approved')).toHaveLength(150);
    expect(fake.count('actions/review-custom-gates-for-run')).toBe(200);
    // One token exchange serves every delivery: concurrent first requests share it, later ones hit the cache.
    expect(fake.count('apps/create-installation-access-token')).toBe(1);
    expect(server.stats()).toMatchObject({
      accepted: 200,
      approved: 150,
      rejected: 50,
      failed: 0,
      duplicates: 0,
    });
  });
});

describe("the GitHub fake enforces GitHub's rules on reviews", () => {
  // auth-app sends its own Authorization header: its `request` must carry no token of its own.
  const appAuth = (key: string) =>
    createAppAuth({ appId: APP_ID, privateKey: key, request: new Octokit({ baseUrl: fake.url }).request });

  async function appToken(): Promise<string> {
    return (await appAuth(privateKey)({ type: 'installation', installationId: INSTALLATION })).token;
  }

  it('only the App’s installation token may review; GITHUB_TOKEN gets 403', async () => {
    const { octokit } = testOctokit(fake);
    const error = await octokit.rest.actions
      .reviewCustomGatesForRun({
        owner: 'acme',
        repo: 'checkout',
        run_id: 1,
        environment_name: 'production',
        state: 'approved',
      })
      .catch((e: unknown) => e as { status: number; message: string });
    expect(error).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
  });

  it('a JWT signed with another key is refused 401', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const error = await appAuth(String(other))({ type: 'installation', installationId: INSTALLATION }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      status: 401,
      message: expect.stringContaining('A JSON web token could not be decoded'),
    });
  });

  it.each([
    {
      name: 'a comment of 1,025 characters',
      reports: 0,
      comment: 'c'.repeat(1025),
      field: 'comment',
      code: 'too_long',
    },
    {
      name: 'an 11th report for the run and environment',
      reports: 10,
      comment: 'eleventh',
      field: 'comment',
      code: 'custom',
    },
  ])('$name answers 422', async ({ reports, comment, field, code }) => {
    const token = await appToken();
    const { octokit } = testOctokit(fake, { token });
    const run_id = nextRun++;
    const target = { owner: 'acme', repo: 'checkout', run_id, environment_name: 'production' };
    for (let i = 0; i < reports; i += 1)
      await octokit.rest.actions.reviewCustomGatesForRun({ ...target, comment: `r${i}` });
    const error = await octokit.rest.actions
      .reviewCustomGatesForRun({ ...target, comment })
      .catch((e: unknown) => e as { status: number; response: { data: unknown } });
    expect(error).toMatchObject({ status: 422, response: { data: { errors: [{ field, code }] } } });
    expect(reviewsOf(run_id)).toHaveLength(reports);
  });
});

describe('App credentials from the environment', () => {
  const pem = privateKey;
  it.each([
    {
      name: 'nothing set',
      env: {},
      problems: [
        GATE_ENV.appId,
        `${GATE_ENV.privateKey} (or ${GATE_ENV.privateKeyFile}) is not set`,
        GATE_ENV.webhookSecret,
      ],
    },
    {
      name: 'an App id that is neither digits nor a client id',
      env: { GLIDEPATH_APP_ID: 'my-app', GLIDEPATH_APP_PRIVATE_KEY: pem, GLIDEPATH_WEBHOOK_SECRET: 's' },
      problems: ['must be the App ID (digits) or its client ID'],
    },
    {
      name: 'a key that is not PEM',
      env: {
        GLIDEPATH_APP_ID: '1',
        GLIDEPATH_APP_PRIVATE_KEY: 'hunter2-not-a-key',
        GLIDEPATH_WEBHOOK_SECRET: 's',
      },
      problems: [`${GATE_ENV.privateKey} is not a PEM private key`],
    },
    {
      name: 'both the key and its file',
      env: {
        GLIDEPATH_APP_ID: '1',
        GLIDEPATH_APP_PRIVATE_KEY: pem,
        GLIDEPATH_APP_PRIVATE_KEY_FILE: '/k.pem',
        GLIDEPATH_WEBHOOK_SECRET: 's',
      },
      problems: ['set only one of'],
    },
    {
      name: 'a key file that does not exist',
      env: {
        GLIDEPATH_APP_ID: '1',
        GLIDEPATH_APP_PRIVATE_KEY_FILE: '/nowhere/k.pem',
        GLIDEPATH_WEBHOOK_SECRET: 's',
      },
      problems: ['GLIDEPATH_APP_PRIVATE_KEY_FILE (/nowhere/k.pem): no such file'],
    },
  ])('$name: a ConfigurationError naming each problem, never the secret', async ({ env, problems }) => {
    const error = await readAppCredentials(env, {
      readFile: async () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ConfigurationError);
    for (const problem of problems) expect((error as Error).message).toContain(problem);
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).message).not.toContain('BEGIN');
  });

  it('reads the key from a file, with escaped newlines, and the API root', async () => {
    const credentials = await readAppCredentials(
      {
        GLIDEPATH_APP_ID: '4242',
        GLIDEPATH_APP_PRIVATE_KEY_FILE: '/run/secrets/app.pem',
        GLIDEPATH_WEBHOOK_SECRET: SECRET,
        GITHUB_API_URL: 'https://ghe.example/api/v3/',
      },
      { readFile: async (path) => (path === '/run/secrets/app.pem' ? pem.replace(/\n/g, '\\n') : '') },
    );
    expect(credentials).toEqual({
      appId: '4242',
      privateKey: pem,
      webhookSecret: SECRET,
      apiUrl: 'https://ghe.example/api/v3',
    });
  });
});

describe('pieces', () => {
  it.each([
    { text: 'short', expected: 'short' },
    { text: 'y'.repeat(1024), expected: 'y'.repeat(1024) },
    { text: 'y'.repeat(1025), expected: `${'y'.repeat(1023)}…` },
    // An emoji (two UTF-16 units) straddling the cut is dropped whole: 1,022 + ellipsis.
    { text: `${'y'.repeat(1022)}😀tail`, expected: `${'y'.repeat(1022)}…` },
  ])('reviewComment keeps within 1,024 characters ($text.length in)', ({ text, expected }) => {
    expect(reviewComment(text)).toBe(expected);
  });

  it('DeliveryIds forgets the oldest beyond its capacity and everything after its TTL', () => {
    const ids = new DeliveryIds(2, 1000);
    expect([ids.claim('a', 0), ids.claim('b', 0), ids.claim('a', 10)]).toEqual([true, true, false]);
    expect(ids.claim('c', 20)).toBe(true); // evicts a, the oldest
    expect([ids.claim('a', 30), ids.size]).toEqual([true, 2]);
    // a and c were claimed at 30 and 20: both expired by 1,500.
    expect(ids.claim('c', 1500)).toBe(true);
    expect(ids.size).toBe(1);
  });
});
