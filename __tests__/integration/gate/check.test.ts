/**
 * `glidepath gate check` end to end on a real bare repository seeded like the demo world: a clean
 * history approves; a quarantine entry rejects its digest (no override helps); a rollout reversed
 * through the CLI (`step`, then `abort`) rejects every deployment until a person commits to a
 * managed file, unless a p0 override with a reason is given; deploy windows on the same repository.
 *
 * The command is run through its `run` with parsed flag values (the lead registers it under
 * `glidepath gate`); `step` and `abort` run through the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../../src/cli/main.js';
import { gateCheckCommand } from '../../../src/cli/commands/gate-check.js';
import type { CliIo, OptionValues } from '../../../src/cli/command.js';
import { loadPolicy } from '../../../src/config/load-policy.js';
import type { DeployPolicy } from '../../../src/config/types.js';
import { describeError, exitCodeOf } from '../../../src/errors.js';
import { decideGate } from '../../../src/gate/decision.js';
import { gatherFacts } from '../../../src/gate/facts.js';
import { openDesiredStateWriter } from '../../../src/gitops/index.js';
import { quarantineChange } from '../../../src/gitops/quarantine.js';
import { IMAGE_REPOSITORY, seedGitops } from '../../../examples/demo/world/world.mjs';
import { createBareRepo, type TempBareRepo } from '../../support/git-remote.js';

let bare: TempBareRepo;
let dir: string;
let policyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-gate-'));
  const seed = join(dir, 'seed');
  await seedGitops(seed);
  bare = await createBareRepo({ seedDir: seed });
  policyFile = join(dir, 'glidepath.yaml');
  await writeFile(
    policyFile,
    `service: demo
environment: production
desired:
  repo: file://${bare.path}
  backend: git
  targets: [{ kind: deployment, path: apps/demo/canary.yaml, container: app }]
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [1, 5, 100]
  bake: 1s
  reconcile: { wait: delay, delay: 0s }
analysis:
  provider: { kind: prometheus, address: http://127.0.0.1:9, timeout: 1s }
  interval: 1s
  guardrails: [{ name: error-ratio, query: errors, max: 0.01 }]
`,
  );
}, 30_000);

afterAll(async () => {
  await bare?.dispose();
  await rm(dir, { recursive: true, force: true });
});

function io(sink: { out: string; err: string }): CliIo {
  return {
    stdout: (text) => (sink.out += text),
    stderr: (text) => (sink.err += text),
    cwd: dir,
    now: () => new Date(),
    env: { GITHUB_ACTOR: 'oncall' },
  };
}

/** `glidepath gate check` with these flags: the exit status and what it printed, as the CLI maps errors. */
async function gateCheck(values: OptionValues): Promise<{ code: number; out: string; err: string }> {
  const sink = { out: '', err: '' };
  try {
    const code = await gateCheckCommand.run({ policy: policyFile, ...values }, io(sink));
    return { code, ...sink };
  } catch (error) {
    return { code: exitCodeOf(error), out: sink.out, err: describeError(error) };
  }
}

async function glidepath(...args: string[]): Promise<number> {
  return runCli(args, io({ out: '', err: '' }), 'test');
}

const hex = (char: string) => `sha256:${char.repeat(64)}`;
const artifact = (char: string) => `${IMAGE_REPOSITORY}@${hex(char)}`;

/** Commits `change` to main as a person would (no Glidepath-Rollout trailer). */
async function commitByHand(
  headline: string,
  change: Parameters<typeof quarantineChange>[0] | { path: string; text: string },
) {
  const policy = await loadPolicy(policyFile);
  const writer = await openDesiredStateWriter(policy.desired!);
  try {
    await writer.commit({
      branch: 'main',
      headline,
      trailers: {},
      changes: [
        'digest' in change
          ? quarantineChange(change, policy.desired!.quarantineFile)
          : { path: change.path, render: (current) => `${current ?? ''}${change.text}` },
      ],
    });
  } finally {
    await writer.close();
  }
}

describe('glidepath gate check', () => {
  it('approves on a clean history (exit 0, JSON with the facts)', async () => {
    const result = await gateCheck({ artifact: artifact('a'), json: true });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as {
      state: string;
      reasons: string[];
      facts: Record<string, unknown>;
    };
    expect(json.state).toBe('approved');
    expect(json.reasons).toEqual([]);
    expect(json.facts).toMatchObject({ environment: 'production', digest: hex('a') });
  }, 30_000);

  it('rejects a quarantined digest, with or without an override; other digests pass', async () => {
    await commitByHand('quarantine b', { digest: hex('b'), reason: 'error rate 3%', rollout: 'demo-1' });
    const rejected = await gateCheck({ artifact: artifact('b') });
    expect(rejected.code).toBe(1);
    expect(rejected.out).toMatch(
      /^rejected\n {2}- sha256:b{64} is quarantined \(error rate 3%; rollout demo-1\)/,
    );
    const overridden = await gateCheck({ artifact: hex('b'), override: 'p0', reason: 'INC-1' });
    expect(overridden.code).toBe(1);
    expect(overridden.out).toMatch(/override p0 cannot bypass a quarantined digest/);
    expect((await gateCheck({ artifact: artifact('c') })).code).toBe(0);
  }, 60_000);

  it('a reverted rollout holds deployments until acknowledged; p0 with a reason overrides', async () => {
    expect(await glidepath('step', '--policy', policyFile, '--artifact', artifact('d'))).toBe(0);
    expect(await glidepath('abort', '--policy', policyFile, '--artifact', artifact('d'))).toBe(1);

    const held = await gateCheck({ artifact: artifact('e'), json: true });
    expect(held.code).toBe(1);
    const json = JSON.parse(held.out) as {
      reasons: string[];
      facts: { openFailure: { rollout: string; reason: string } };
    };
    expect(json.facts.openFailure.reason).toMatch(/^verdict abort: /);
    expect(json.reasons[0]).toMatch(
      new RegExp(`^rollout ${json.facts.openFailure.rollout} was reverted .* commit the fix`),
    );

    const overridden = await gateCheck({
      artifact: artifact('e'),
      override: 'p0',
      reason: 'INC-2 outage',
      json: true,
    });
    expect(overridden.code).toBe(0);
    const approved = JSON.parse(overridden.out) as { overridden: string; comment: string };
    expect(approved.overridden).toBe('p0');
    expect(approved.comment).toMatch(/^\*\*Glidepath gate: approved by override `p0`\*\* by @oncall/);
    expect(approved.comment).toContain('> INC-2 outage');

    await commitByHand('fix the canary by hand', { path: 'apps/demo/canary.yaml', text: '# fixed\n' });
    expect((await gateCheck({ artifact: artifact('e') })).code).toBe(0);
  }, 90_000);

  it('deploy windows on the same repository: closed on Saturday, open on Monday', async () => {
    const loaded = await loadPolicy(policyFile);
    // Set in code until the lead's schema accepts a deploy: section in the YAML.
    const deploy: DeployPolicy = {
      timeZone: 'Europe/Berlin',
      allow: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
      deny: [],
      freezeOnBudget: true,
      overrides: ['p0'],
    };
    const policy = { ...loaded, deploy };
    const writer = await openDesiredStateWriter(policy.desired!);
    try {
      // Saturday 2 May 2026 12:00 CEST = 10:00Z; Monday 4 May 09:00 CEST = 07:00Z.
      const saturday = await gatherFacts({
        policy,
        writer,
        digest: hex('f'),
        at: new Date('2026-05-02T10:00:00Z'),
      });
      const closed = decideGate(policy.deploy, saturday);
      expect(closed.state).toBe('rejected');
      expect(closed.reasons[0]).toContain(
        'it opens at 2026-05-04 09:00 Europe/Berlin (2026-05-04T07:00:00.000Z)',
      );
      const monday = await gatherFacts({
        policy,
        writer,
        digest: hex('f'),
        at: new Date('2026-05-04T07:00:00Z'),
      });
      expect(decideGate(policy.deploy, monday).state).toBe('approved');
    } finally {
      await writer.close();
    }
  }, 60_000);

  it.each<[string, OptionValues, RegExp]>([
    ['an unknown override', { override: 'p1', reason: 'x' }, /--override must be p0 or security; got "p1"/],
    ['an override without a reason', { override: 'p0' }, /--override p0 needs --reason TEXT/],
    ['a reason without an override', { reason: 'x' }, /pass --override p0\|security with it/],
    ['a tag instead of a digest', { artifact: `${IMAGE_REPOSITORY}:latest` }, /tags can move/],
    [
      'another environment',
      { environment: 'staging' },
      /is the policy for environment "production", not "staging"/,
    ],
    ['a bad --at', { at: 'tomorrow' }, /--at "tomorrow" is not a time/],
  ])(
    '%s is exit 2',
    async (_name, values, message) => {
      const result = await gateCheck(values);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
    },
    30_000,
  );
});
