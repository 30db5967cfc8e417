import type { ExitCode } from '../errors.js';

/** What a command may touch: passed in so tests run commands without a process of their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The working directory relative paths resolve against. */
  cwd: string;
  now(): Date;
  /** Environment variables (tokens, API URLs); absent in tests that need none. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One flag of a command, documented where it is declared so `--help` can never drift. */
export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  /** May be given more than once (or, for the first such option, followed by extra values). */
  multiple?: boolean;
  required?: boolean;
  /**
   * Values given without a flag belong to this option (`edit set-image a.yaml b.yaml --image …`).
   * At most one option per command sets it; it is shown without `--name` in the usage line.
   */
  positional?: boolean;
  /** Placeholder in the usage line, e.g. REF or FILE. */
  placeholder?: string;
  description: string;
}

/** Parsed flags: strings, string lists for `multiple`, booleans. */
export type OptionValues = Record<string, string | string[] | boolean | undefined>;

/** A group of subcommands under one word (`glidepath edit set-image …`). */
export interface CommandGroup {
  name: string;
  summary: string;
  description: string;
  subcommands: Command[];
}

/** A subcommand. Only commands that work are registered: no stubs in `--help`. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Paragraphs shown by `glidepath <command> --help` after the usage line. */
  description: string;
  options: OptionSpec[];
  /** Examples shown at the end of `--help`. */
  examples: string[];
  run(values: OptionValues, io: CliIo): Promise<ExitCode>;
}
