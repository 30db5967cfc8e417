import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editSetWeightCommand } from '../../../src/cli/commands/edit-set-weight.js';
import type { CliIo, OptionValues } from '../../../src/cli/command.js';
import { ConfigurationError, exitCodeOf, UsageError } from '../../../src/errors.js';
import { fixture } from '../traffic/routers/support.js';

let dir: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-set-weight-'));
  out = [];
  err = [];
  io = { cwd: dir, stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(0) };
  await writeFile(join(dir, 'route.yaml'), fixture('gateway-api/weights.input.yaml'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (values: OptionValues) => editSetWeightCommand.run(values, io);
const base = { file: ['route.yaml'], router: 'gateway-api', route: 'checkout' };

describe('glidepath edit set-weight', () => {
  it('declares FILE as its first, positional option', () => {
    expect(editSetWeightCommand.options[0]).toMatchObject({
      name: 'file',
      multiple: true,
      positional: true,
      placeholder: 'FILE',
    });
  });

  it('prints a unified diff and leaves the file alone by default', async () => {
    expect(await run({ ...base, canary: '25' })).toBe(0);
    expect(out.join('')).toBe(
      [
        '--- a/route.yaml',
        '+++ b/route.yaml',
        '@@ -24,7 +24,7 @@',
        '     backendRefs:',
        '     - name: checkout',
        '       port: 8080',
        '-      weight: 90   # stable',
        '+      weight: 75   # stable',
        '     - name: checkout-canary',
        '       port: 8080',
        '-      weight: 10   # canary',
        '+      weight: 25   # canary',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(dir, 'route.yaml'), 'utf8')).toBe(fixture('gateway-api/weights.input.yaml'));
  });

  it('--write edits in place, keeping the mode and leaving no temporary file', async () => {
    await chmod(join(dir, 'route.yaml'), 0o640);
    expect(await run({ ...base, canary: '25', write: true })).toBe(0);
    expect(await readFile(join(dir, 'route.yaml'), 'utf8')).toBe(
      fixture('gateway-api/weights.expected.yaml'),
    );
    expect((await stat(join(dir, 'route.yaml'))).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['route.yaml']);
    expect(out).toEqual([]);
    expect(err.join('')).toBe(
      'route.yaml: checkout: canary checkout-canary at 25%, stable checkout at 75% (was 10%)\n',
    );
  });

  it('--write through a symlink replaces the target, not the link', async () => {
    await symlink('route.yaml', join(dir, 'link.yaml'));
    await run({ ...base, file: ['link.yaml'], canary: '50', write: true });
    expect(await readFile(join(dir, 'route.yaml'), 'utf8')).toContain('weight: 50   # canary');
    expect((await stat(join(dir, 'link.yaml'))).isFile()).toBe(true);
    expect(await readdir(dir)).toEqual(['link.yaml', 'route.yaml']);
  });

  it('exits 0 with nothing to change when the file already holds the weight', async () => {
    expect(await run({ ...base, canary: '10', write: true })).toBe(0);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(
      /^route\.yaml: checkout: canary checkout-canary at 10%.*already; nothing to change\n$/,
    );
  });

  it.each([
    [{ ...base, canary: 'lots' }, ConfigurationError, /--canary: "lots" is not a weight/],
    [{ ...base, canary: '101' }, ConfigurationError, /--canary: 101 is not a weight/],
    [{ ...base, file: ['a.yaml', 'b.yaml'], canary: '5' }, UsageError, /give exactly one FILE, got 2/],
    [{ ...base, file: [], canary: '5' }, UsageError, /FILE is required/],
    [{ ...base, router: 'linkerd', canary: '5' }, ConfigurationError, /unknown traffic router "linkerd"/],
    [
      { ...base, route: 'nope', canary: '5' },
      ConfigurationError,
      /^route\.yaml: no HTTPRoute or GRPCRoute named "nope"; the file has: checkout$/,
    ],
    [
      { ...base, file: ['missing.yaml'], canary: '5' },
      ConfigurationError,
      /^missing\.yaml: cannot read the file: ENOENT/,
    ],
    [
      { ...base, 'total-replicas': 'x', canary: '5' },
      UsageError,
      /--total-replicas: "x" is not a whole number/,
    ],
  ])('exits 2 on bad input %#, writing nothing', async (values, type, message) => {
    const error = await run({ ...values, write: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(exitCodeOf(error)).toBe(2);
    expect(await readFile(join(dir, 'route.yaml'), 'utf8')).toBe(fixture('gateway-api/weights.input.yaml'));
  });
});
