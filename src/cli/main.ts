import { parseArgs } from 'node:util';
import { describeError, exitCodeOf, ExitCode, GlidepathError, UsageError } from '../errors.js';
import type { CliIo, Command, CommandGroup, OptionSpec, OptionValues } from './command.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';

const PROGRAM = 'glidepath';

/** Runs the CLI on `argv` (without node and script) and returns the exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      io.stderr(mainHelp());
      return ExitCode.configuration;
    }
    if (name === '--help' || name === '-h') {
      io.stdout(mainHelp());
      return ExitCode.ok;
    }
    if (name === '--version' || name === '-V') {
      io.stdout(`${PROGRAM} ${version}\n`);
      return ExitCode.ok;
    }
    if (name === 'help') {
      const target = rest[0] === undefined ? undefined : await findCommand(rest[0]).load();
      io.stdout(target ? helpFor(target, rest[1]) : mainHelp());
      return ExitCode.ok;
    }
    const found = await findCommand(name).load();
    const [command, args] =
      'subcommands' in found ? [findSubcommand(found, rest[0]), rest.slice(1)] : [found, rest];
    if (args.includes('--help') || args.includes('-h') || !command) {
      io.stdout(command ? commandHelp(command, prefixOf(found, command)) : groupHelp(found as CommandGroup));
      return ExitCode.ok;
    }
    return await command.run(parseOptions(command, args), io);
  } catch (error) {
    const code = exitCodeOf(error);
    const sub = await subcommandNamed(name, rest[0]);
    const hint =
      error instanceof UsageError ? `\nRun '${PROGRAM} ${name ?? ''}${sub} --help' for usage.` : '';
    const prefix = error instanceof GlidepathError && error.located ? '' : `${PROGRAM}: `;
    io.stderr(`${prefix}${describeError(error)}${hint}\n`);
    if (code === ExitCode.internal && error instanceof Error && error.stack && io.env?.GLIDEPATH_DEBUG) {
      io.stderr(`${error.stack}\n`);
    }
    return code;
  }
}

function findCommand(name: string): CommandEntry {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    throw new UsageError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  return command;
}

/** ` sub` when `name` is a group (already loaded) and `sub` one of its commands, for usage hints. */
async function subcommandNamed(name: string | undefined, sub: string | undefined): Promise<string> {
  const entry = COMMANDS.find((command) => command.name === name);
  if (!entry || sub === undefined) return '';
  const found = await entry.load().catch(() => undefined);
  return found && 'subcommands' in found && found.subcommands.some((command) => command.name === sub)
    ? ` ${sub}`
    : '';
}

/** The subcommand `name` of `group`; undefined (show the group's help) when none or `--help` is given. */
function findSubcommand(group: CommandGroup, name: string | undefined): Command | undefined {
  if (name === undefined || name === '--help' || name === '-h') return undefined;
  const command = group.subcommands.find((candidate) => candidate.name === name);
  if (!command) {
    const names = group.subcommands.map((c) => c.name).join(', ');
    throw new UsageError(`unknown ${group.name} command "${name}"; ${group.name} commands: ${names}`);
  }
  return command;
}

function prefixOf(found: Command | CommandGroup, command: Command): string {
  return found === command ? command.name : `${found.name} ${command.name}`;
}

function helpFor(found: Command | CommandGroup, sub: string | undefined): string {
  if (!('subcommands' in found)) return commandHelp(found, found.name);
  const command = findSubcommand(found, sub);
  return command ? commandHelp(command, prefixOf(found, command)) : groupHelp(found);
}

/**
 * Parses flags strictly (an unknown flag is a usage error, not silently ignored). Values after a
 * `multiple` flag that are not flags themselves belong to it: `--evidence a.xml b.json`.
 */
function parseOptions(command: Command, args: readonly string[]): OptionValues {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        command.options.map((option) => [
          option.name,
          { type: option.type, multiple: option.multiple ?? false },
        ]),
      ),
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const values = { ...parsed.values } as OptionValues;
  const positional = command.options.find((option) => option.positional);
  let owner: OptionSpec | undefined;
  for (const token of parsed.tokens) {
    if (token.kind === 'option') owner = command.options.find((option) => option.name === token.name);
    else if (token.kind === 'positional') {
      const target = owner?.multiple ? owner : positional;
      if (!target) throw new UsageError(`unexpected argument "${token.value}"`);
      values[target.name] = target.multiple
        ? [...((values[target.name] as string[] | undefined) ?? []), token.value]
        : token.value;
    }
  }
  for (const option of command.options) {
    if (option.required && values[option.name] === undefined) {
      const what = option.positional
        ? (option.placeholder ?? option.name)
        : `--${option.name} ${option.placeholder ?? ''}`;
      throw new UsageError(`${what} is required`.replace(/ +is/, ' is'));
    }
  }
  return values;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));

  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Glidepath grows production exposure only while the evidence, the desired state and the live',
    'signals agree it should.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run '${PROGRAM} <command> --help' for a command's options.`,
    'Exit status: 0 ok, 1 rejected or failed, 2 usage or configuration, 3 infrastructure retries exhausted, 70 internal.',
    '',
  ].join('\n');
}

function groupHelp(group: CommandGroup): string {
  const width = Math.max(...group.subcommands.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} ${group.name} <command> [options]`,
    '',
    group.description,
    '',
    'Commands:',
    ...group.subcommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run '${PROGRAM} ${group.name} <command> --help' for a command's options.`,
    '',
  ].join('\n');
}

function flag(option: OptionSpec): string {
  if (option.positional) return option.placeholder ?? option.name.toUpperCase();
  return `--${option.name}${option.type === 'string' ? ` ${option.placeholder ?? 'VALUE'}` : ''}`;
}

/** `--help` for one command, generated from its option specs so it documents every flag. */
export function commandHelp(command: Command, invocation = command.name): string {
  const usage = command.options
    .map((option) => (option.required ? flag(option) : `[${flag(option)}]`))
    .join(' ');
  const width = Math.max(...command.options.map((option) => flag(option).length));
  return [
    `Usage: ${PROGRAM} ${invocation} ${usage}`,
    '',
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    '',
    command.description,
    '',
    'Options:',
    ...command.options.map((option) => `  ${flag(option).padEnd(width)}  ${option.description}`),
    `  ${'--help'.padEnd(width)}  show this help`,
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}
