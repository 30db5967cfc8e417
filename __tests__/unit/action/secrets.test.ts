/**
 * What the action masks before anything runs (src/action/secrets.ts): the GitHub tokens, and every
 * secret the policy's metric provider reads from the environment. A policy that cannot be resolved
 * yields no provider secrets (the command then fails with that error before any request).
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { secretsToMask } from '../../../src/action/secrets.js';

const PROVIDER =
  '{ kind: prometheus, address: http://prometheus:9090, tokenEnv: PROM_TOKEN, headersFromEnv: { X-Scope-OrgID: TENANT } }';

/** A workspace holding `glidepath.yaml` with this provider (or no policy at all). */
function workspace(provider?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'glidepath-secrets-'));
  if (provider) {
    writeFileSync(
      join(dir, 'glidepath.yaml'),
      `analysis:\n  provider: ${provider}\n  guardrails: [{ name: x, query: up, max: 1 }]\n`,
    );
  }
  return dir;
}

const ENV = { PROM_TOKEN: 'prom-s3cret', TENANT: 'team-a', GITHUB_TOKEN: 'ghs_x' };

describe('secretsToMask', () => {
  it.each<[string, 'verify' | 'analyze' | 'rollout', string | undefined, string[]]>([
    // resolveProvider reads headersFromEnv first, then the bearer token.
    [
      'analyze: the tokens, then the provider secrets',
      'analyze',
      PROVIDER,
      ['ghs_x', 'team-a', 'prom-s3cret'],
    ],
    ['rollout: the same', 'rollout', PROVIDER, ['ghs_x', 'team-a', 'prom-s3cret']],
    ['verify: only the tokens (it queries no provider)', 'verify', PROVIDER, ['ghs_x']],
    ['no policy in the workspace: only the tokens', 'analyze', undefined, ['ghs_x']],
    [
      'a provider naming an unset variable: only the tokens (the command reports the variable)',
      'analyze',
      '{ kind: prometheus, address: http://p:9090, tokenEnv: UNSET_TOKEN }',
      ['ghs_x'],
    ],
    ['a policy that does not parse: only the tokens', 'analyze', '{ kind: prometheus, address: [', ['ghs_x']],
  ])('%s', async (_name, command, provider, expected) => {
    const dir = workspace(provider);
    expect(await secretsToMask({ command, workspace: dir, env: ENV, tokens: ['ghs_x'] })).toEqual(expected);
  });

  it('reads the policy input relative to the workspace, and drops duplicates and empty values', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'other.yaml'),
      `analysis:\n  provider: { kind: web, headersFromEnv: { Authorization: AUTH, X-Tenant: TENANT } }\n  guardrails: [{ name: x, query: 'http://m/x', max: 1 }]\n`,
    );
    expect(
      await secretsToMask({
        command: 'analyze',
        policyFile: 'other.yaml',
        workspace: dir,
        env: { AUTH: 'ghs_x', TENANT: 'team-a' },
        tokens: ['ghs_x', ''],
      }),
    ).toEqual(['ghs_x', 'team-a']);
  });
});
