/** `glidepath analyze`: time flags, the history file, secrets from the environment, usage errors. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseTime, readHistory } from '../../../src/cli/commands/analyze.js';
import { runCli } from '../../../src/cli/main.js';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { resolveProvider } from '../../../src/metrics/provider-settings.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-analyze-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['analyze', ...args],
    { cwd: dir, now: () => new Date(), env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    'test',
  );
  return { code, stdout, stderr };
}

describe('parseTime', () => {
  it.each([
    ['2026-11-22T10:00:00Z', '2026-11-22T10:00:00.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    ['1700000000.5', '2023-11-14T22:13:20.500Z'],
  ])('reads %s', (text, iso) => {
    expect(parseTime(text, 'since').toISOString()).toBe(iso);
  });
  it.each(['yesterday', '10:00', '2026-13-40T00:00:00Z', ''])(
    'refuses %j naming the flag and the formats',
    (text) => {
      expect(() => parseTime(text, 'since')).toThrow(/^--since ".*" is not a time; write RFC 3339/);
    },
  );
});

describe('readHistory', () => {
  it('turns releases into per-guardrail series, NaN where a release lacks the metric', async () => {
    const file = join(dir, 'history.json');
    await writeFile(
      file,
      JSON.stringify({
        releases: [
          { version: 'v1', metrics: { 'latency-p99': 0.2 } },
          { version: 'v2', metrics: { 'latency-p99': 0.22, 'error-rate': 0.001 } },
        ],
      }),
    );
    expect(await readHistory(file)).toEqual({ 'latency-p99': [0.2, 0.22], 'error-rate': [NaN, 0.001] });
  });
  it.each<[string, string, RegExp]>([
    ['not JSON', '{releases', /history\.json: cannot read the history file: .*write JSON like/],
    ['no list', '{"releases": {}}', /history\.json: releases: expected a list/],
    [
      'a string value',
      '{"releases": [{"metrics": {"x": "0.2"}}]}',
      /releases\[0\]\.metrics\.x: expected a number, got "0\.2"/,
    ],
  ])('refuses %s, naming the file and the field', async (_name, text, expected) => {
    const file = join(dir, 'history.json');
    await writeFile(file, text);
    await expect(readHistory(file)).rejects.toThrow(expected);
  });
});

describe('secrets', () => {
  const policy = (provider: string) =>
    parsePolicy(
      `analysis:\n  provider: ${provider}\n  guardrails: [{ name: x, query: q, max: 1 }]\n`,
      'p.yaml',
    ).analysis!.provider;
  it('reads the bearer token and header values from the variables the policy names', () => {
    const resolved = resolveProvider(
      policy(
        '{ kind: prometheus, address: http://p:9090, tokenEnv: PROM_TOKEN, headersFromEnv: { X-Scope-OrgID: TENANT } }',
      ),
      { PROM_TOKEN: 's3cret', TENANT: 'team-a' },
    );
    expect(resolved.settings).toMatchObject({
      kind: 'prometheus',
      auth: { kind: 'bearer', token: 's3cret' },
      headers: { 'X-Scope-OrgID': 'team-a' },
    });
    expect(resolved.secrets).toEqual(['team-a', 's3cret']);
  });
  it('defaults the Datadog key variables and says which one is missing', () => {
    expect(() => resolveProvider(policy('{ kind: datadog }'), { DD_API_KEY: 'a' })).toThrow(
      /analysis\.provider\.applicationKeyEnv names the environment variable DD_APP_KEY, which is not set; set it/,
    );
    expect(
      resolveProvider(policy('{ kind: datadog, site: datadoghq.eu }'), { DD_API_KEY: 'a', DD_APP_KEY: 'b' })
        .settings,
    ).toMatchObject({ kind: 'datadog', site: 'datadoghq.eu', apiKey: 'a', applicationKey: 'b', api: 'v2' });
  });
});

describe('usage', () => {
  it('without a policy file says how to get one (exit 2)', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /no policy: pass --policy FILE, or create glidepath\.yaml with an analysis section/,
    );
  });
  it('a policy without an analysis section is a configuration error naming the file (exit 2)', async () => {
    const file = join(dir, 'admission-only.yaml');
    await writeFile(file, 'service: checkout\n');
    const run = await cli(['--policy', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: has no analysis section; add analysis:`);
  });
  it('refuses a bad --bake with the duration syntax', async () => {
    const run = await cli(['--bake', '15 minutes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--bake: "15 minutes" is not a duration/);
  });
  it('documents the exit statuses in --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Exit status: 0 pass, 1 fail, 4 inconclusive \(hold\), 3 provider errors exhausted,/,
    );
  });
});
