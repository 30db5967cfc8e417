/** `glidepath step`: which events may start a rollout. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkEvent } from '../../../src/cli/commands/step.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-step-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const repository = { full_name: 'acme/checkout', default_branch: 'main' };
const workflowRun = (overrides: Record<string, unknown>) => ({
  action: 'completed',
  repository,
  workflow_run: {
    head_branch: 'main',
    conclusion: 'success',
    head_repository: { full_name: 'acme/checkout' },
    ...overrides,
  },
});

async function event(name: string, payload: unknown) {
  const path = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(payload));
  return checkEvent({ GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path });
}

describe('checkEvent', () => {
  it('accepts a successful CI run on the default branch, a dispatch, and no event at all (a terminal)', async () => {
    await expect(event('workflow_run', workflowRun({}))).resolves.toBeUndefined();
    await expect(
      event('workflow_dispatch', { repository, inputs: { command: 'step' } }),
    ).resolves.toBeUndefined();
    await expect(checkEvent({})).resolves.toBeUndefined();
  });
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a fork', { head_repository: { full_name: 'mallory/checkout' } }, /fork mallory\/checkout/],
    [
      'another branch',
      { head_branch: 'feature/x' },
      /branch feature\/x; only main \(the default branch\) deploys/,
    ],
    ['a failed CI run', { conclusion: 'failure' }, /after a failure CI run; it must succeed/],
  ])('refuses a workflow_run from %s', async (_name, overrides, message) => {
    await expect(event('workflow_run', workflowRun(overrides))).rejects.toThrow(message);
  });
  it.each(['queued', 'pending', 'in_progress', 'inactive'])(
    'a %s deployment_status is no step: it says so and runs nothing',
    async (state) => {
      const why = await event('deployment_status', {
        action: 'created',
        repository,
        deployment: { id: 41, payload: { rollout: 'r-1' } },
        deployment_status: { state },
      });
      expect(why).toBe(
        `this deployment_status is ${state} (deployment 41); only a final one (success, failure, error: ` +
          'the controller reporting whether it applied the commit) starts a step, so there is nothing to do',
      );
    },
  );
  it.each(['success', 'failure', 'error'])('a %s deployment_status runs a step', async (state) => {
    await expect(
      event('deployment_status', {
        action: 'created',
        repository,
        deployment: { id: 41 },
        deployment_status: { state },
      }),
    ).resolves.toBeUndefined();
  });
  it('names the payload file it cannot read', async () => {
    await expect(
      checkEvent({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: join(dir, 'missing.json') }),
    ).rejects.toThrow(/missing\.json: cannot read the event payload/);
  });
});
