/** `glidepath edit set-flag`: diff by default, --write in place, exit 0 when already there, 2 on bad input. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editSetFlagCommand } from '../../../../src/cli/commands/edit-set-flag.js';
import type { CliIo, OptionValues } from '../../../../src/cli/command.js';
import { ConfigurationError, exitCodeOf, ExitCode, UsageError } from '../../../../src/errors.js';

const FLAGS = [
  'flags:',
  '  new-checkout:',
  '    state: ENABLED',
  '    variants:',
  "      'on': true",
  "      'off': false",
  "    defaultVariant: 'off'",
  '    targeting:',
  '      fractional:',
  "      - ['on', 5]   # canary",
  "      - ['off', 95]",
  '  other:',
  '    state: ENABLED',
  '    variants: {a: true, b: false}',
  '    defaultVariant: a',
  '',
].join('\n');

let dir: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glidepath-set-flag-'));
  await writeFile(join(dir, 'flags.yaml'), FLAGS);
  out = [];
  err = [];
  io = { cwd: dir, stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(0) };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(values: OptionValues): Promise<number> {
  try {
    return await editSetFlagCommand.run({ file: ['flags.yaml'], flag: 'new-checkout', ...values }, io);
  } catch (error) {
    err.push((error as Error).message);
    return exitCodeOf(error);
  }
}

describe('glidepath edit set-flag', () => {
  it('declares FILE first, positional and multiple, so the CLI maps bare arguments to it', () => {
    expect(editSetFlagCommand.options[0]).toMatchObject({
      name: 'file',
      multiple: true,
      positional: true,
      placeholder: 'FILE',
    });
  });

  it('prints a unified diff by default and leaves the file alone', async () => {
    expect(await run({ percent: '25' })).toBe(ExitCode.ok);
    expect(out.join('')).toBe(
      [
        '--- a/flags.yaml',
        '+++ b/flags.yaml',
        '@@ -7,8 +7,8 @@',
        "     defaultVariant: 'off'",
        '     targeting:',
        '       fractional:',
        "-      - ['on', 5]   # canary",
        "-      - ['off', 95]",
        "+      - ['on', 25]   # canary",
        "+      - ['off', 75]",
        '   other:',
        '     state: ENABLED',
        '     variants: {a: true, b: false}',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(dir, 'flags.yaml'), 'utf8')).toBe(FLAGS);
  });

  it('--write replaces the file atomically, keeps its mode and leaves no temporary file', async () => {
    await chmod(join(dir, 'flags.yaml'), 0o640);
    expect(await run({ off: true, write: true })).toBe(ExitCode.ok);
    const after = await readFile(join(dir, 'flags.yaml'), 'utf8');
    expect(after).toBe(
      FLAGS.replace(
        "    targeting:\n      fractional:\n      - ['on', 5]   # canary\n      - ['off', 95]\n",
        '    targeting: {}\n',
      ),
    );
    expect((await stat(join(dir, 'flags.yaml'))).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['flags.yaml']);
    expect(err.join('')).toBe('flags.yaml: flag "new-checkout" is off for everyone (was a 5 % split)\n');
  });

  it('exits 0 with no diff when the flag is already as asked', async () => {
    expect(await run({ percent: '5' })).toBe(ExitCode.ok);
    expect(out).toEqual([]);
    expect(err.join('')).toBe('flags.yaml: flag "new-checkout" is on for 5 % already; nothing to change\n');
  });

  it.each<[string, OptionValues, RegExp, typeof UsageError | typeof ConfigurationError]>([
    [
      'both --percent and --off',
      { percent: '25', off: true },
      /either --percent PCT or --off, not both/,
      UsageError,
    ],
    ['neither --percent nor --off', {}, /give --percent PCT \(a split\) or --off/, UsageError],
    [
      'percent above 100',
      { percent: '101' },
      /--percent: 101 is not a weight; use a whole percent from 0 to 100/,
      UsageError,
    ],
    ['percent not whole', { percent: '2.5' }, /--percent: "2.5" is not a weight/, UsageError],
    ['percent negative', { percent: '-5' }, /--percent: "-5" is not a weight/, UsageError],
    [
      'two files',
      { file: ['a.yaml', 'b.yaml'], percent: '5' },
      /exactly one FILE, got 2: a\.yaml b\.yaml/,
      UsageError,
    ],
    ['no file', { file: [], percent: '5' }, /FILE is required/, UsageError],
    [
      'an unknown flag, listing the flags present',
      { flag: 'nope', percent: '5' },
      /^flags\.yaml:2:3: flag "nope" is not in this file; its flags: new-checkout, other$/,
      ConfigurationError,
    ],
    [
      'a missing file',
      { file: ['missing.yaml'], percent: '5' },
      /missing\.yaml: cannot read the file/,
      ConfigurationError,
    ],
  ])('exits 2 on %s, writing nothing', async (_name, values, message, kind) => {
    let thrown: unknown;
    try {
      await editSetFlagCommand.run(
        { file: ['flags.yaml'], flag: 'new-checkout', ...values, write: true },
        io,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(kind);
    expect(exitCodeOf(thrown)).toBe(ExitCode.configuration);
    expect((thrown as Error).message).toMatch(message);
    expect(await readFile(join(dir, 'flags.yaml'), 'utf8')).toBe(FLAGS);
    expect(await readdir(dir)).toEqual(['flags.yaml']);
  });

  it('a refused change (targeting rules) exits 2 and leaves the file untouched', async () => {
    const rules = FLAGS.replace(
      "      fractional:\n      - ['on', 5]   # canary\n      - ['off', 95]\n",
      "      if: [{'==': [{var: tier}, gold]}, 'on', 'off']\n",
    );
    await writeFile(join(dir, 'flags.yaml'), rules);
    expect(await run({ percent: '25', write: true })).toBe(ExitCode.configuration);
    expect(err.join('')).toMatch(/^flags\.yaml:9:7: flag "new-checkout" has targeting rules \("if"\)/);
    expect(await readFile(join(dir, 'flags.yaml'), 'utf8')).toBe(rules);
  });
});
