/**
 * The deploy policy and notifications around a rollout, through the CLI on real git: a deny window
 * holds a new rollout before anything is committed (exit 1, the reason named); an audited override
 * lets it start and is recorded on its commit as Glidepath-Override; a signed webhook hears that the
 * rollout started, and its signature verifies with @octokit/webhooks-methods.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { verify } from '@octokit/webhooks-methods';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../../src/cli/main.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, gitText, type TempBareRepo } from '../../support/git-remote.js';
import { closeServers, serve } from '../../support/http-server.js';

const SECRET = 'deploy-hook-secret';
/** A Tuesday, 10:00 in Berlin (09:00 UTC): inside the freeze below. */
const IN_FREEZE = new Date('2026-12-22T09:00:00Z');
let bare: TempBareRepo;
/** A second GitOps repository whose overrides file holds a p0 entry in force. */
let committed: TempBareRepo | undefined;
let dir: string;

/** The policy, for the GitOps repository at `barePath`: Berlin, a year-end freeze, p0 overrides only. */
function policyText(barePath: string): string {
  return `service: demo
desired:
  repo: file://${barePath}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [5, 100]
  reconcile: { wait: delay, delay: 0s }
analysis:
  provider: { kind: prometheus, address: http://127.0.0.1:9 }
  guardrails: [{ name: error-ratio, query: errors, max: 0.01 }]
deploy:
  timeZone: Europe/Berlin
  deny: [{ from: 2026-12-21T00:00, to: 2027-01-04T00:00, reason: year-end freeze }]
  overrides: [p0]
notify:
  - { kind: webhook, urlEnv: DEPLOY_HOOK_URL, secretEnv: DEPLOY_HOOK_SECRET, on: [start] }
`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-deploy-policy-'));
  const seed = join(dir, 'seed');
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  await writeFile(join(dir, 'glidepath.yaml'), policyText(bare.path));
}, 30_000);

afterEach(closeServers);
afterAll(async () => {
  await bare?.dispose();
  await committed?.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function step(hookUrl: string, ...extra: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(
    ['step', '--artifact', `${IMAGE_REPOSITORY}@sha256:${'8'.repeat(64)}`, ...extra],
    {
      stdout: () => undefined,
      stderr: (text) => (err += text),
      cwd: dir,
      now: () => IN_FREEZE,
      env: { DEPLOY_HOOK_URL: hookUrl, DEPLOY_HOOK_SECRET: SECRET, GITHUB_ACTOR: 'octocat' },
    },
    'test',
  );
  return { code, err };
}

const head = () => gitText(['--git-dir', bare.path, 'rev-parse', 'main']);

describe('the deploy policy and notifications around a rollout', () => {
  it('a deny window holds a new rollout: exit 1, the reason named, nothing committed, nobody notified', async () => {
    const hook = await serve(() => ({ body: {} }));
    const before = await head();
    const held = await step(hook.address);
    expect(held.code).toBe(1);
    expect(held.err).toMatch(/the deploy policy holds rollout demo-8{12}: .*year-end freeze/);
    expect(await head()).toBe(before);
    expect(hook.requests).toHaveLength(0);
  });

  it('a security override is not allowed by this policy; a p0 override without a reason is a usage error', async () => {
    const hook = await serve(() => ({ body: {} }));
    expect((await step(hook.address, '--override', 'security', '--reason', 'CVE fix')).code).toBe(1);
    const bare = await step(hook.address, '--override', 'p0');
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/--override p0 needs --reason/);
  });

  it('a p0 override starts it: the commit carries Glidepath-Override, the signed webhook hears "start"', async () => {
    const hook = await serve(() => ({ body: {} }));
    const started = await step(hook.address, '--override', 'p0', '--reason', 'INC-4211 checkout down');
    expect(started.code).toBe(0);
    expect(started.err).toMatch(/deploy policy overridden \(p0\): INC-4211 checkout down/);
    const trailers = await gitText([
      '--git-dir',
      bare.path,
      'log',
      '-1',
      '--format=%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Override,valueonly,separator=)',
      'main',
    ]);
    expect(trailers.trim()).toBe('1/2|p0: INC-4211 checkout down');

    expect(hook.requests).toHaveLength(1);
    const [delivery] = hook.requests;
    expect(delivery!.headers['x-glidepath-event']).toBe('start');
    const signature = String(delivery!.headers['x-glidepath-signature-256']);
    await expect(verify(SECRET, delivery!.body, signature)).resolves.toBe(true);
    await expect(verify('another secret', delivery!.body, signature)).resolves.toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: 'start',
      service: 'demo',
      rollout: 'demo-888888888888',
      step: { index: 1, of: 2, weight: 5 },
    });
  });
});

describe('an override committed to the GitOps repository (how a protection rule is overridden)', () => {
  it('lets a held rollout start and is recorded on its commits with where it is committed', async () => {
    const seed = join(dir, 'seed-committed');
    await seedGitops(seed);
    await mkdir(join(seed, '.glidepath'), { recursive: true });
    await writeFile(
      join(seed, '.glidepath/overrides.yaml'),
      'overrides:\n  - environment: production\n    kind: p0\n    reason: "INC-4300: payment outage"\n' +
        '    until: 2026-12-22T18:00:00Z\n',
    );
    committed = await createBareRepo({ seedDir: seed });
    await writeFile(join(dir, 'committed.yaml'), policyText(committed.path));
    const hook = await serve(() => ({ body: {} }));
    const started = await step(hook.address, '--policy', 'committed.yaml');
    expect({ code: started.code, err: started.err }).toMatchObject({ code: 0 });
    expect(started.err).toContain(
      'deploy policy overridden (p0): INC-4300: payment outage (committed in .glidepath/overrides.yaml:2:5)',
    );
    const trailers = await gitText([
      '--git-dir',
      committed.path,
      'log',
      '-1',
      '--format=%(trailers:key=Glidepath-Step,valueonly,separator=)|%(trailers:key=Glidepath-Override,valueonly,separator=)',
      'main',
    ]);
    expect(trailers.trim()).toBe(
      '1/2|p0: INC-4300: payment outage (committed in .glidepath/overrides.yaml:2:5)',
    );
  });
});
