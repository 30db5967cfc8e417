import { chmodSync, lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigurationError, UsageError } from '../errors.js';
import type { OptionValues } from './command.js';
import { unifiedDiff } from '../manifests/diff.js';

/** Distinguishes this process's temporary files; the `wx` flag refuses any leftover clash. */
let temporaryCount = 0;

/**
 * Writes `text` over `path` atomically: a temporary file in the same directory (so the rename
 * never crosses filesystems) with the original's mode, then rename. A reader (the reconciler, an
 * editor, `git add`) sees the old bytes or the new, never half a file. Through a symlink the
 * target is replaced, not the link: GitOps repositories link shared overlays. One lstat answers
 * both questions for the usual plain file; this runs for every file of a repository.
 */
export function replaceFile(path: string, text: string): void {
  const link = lstatSync(path);
  const target = link.isSymbolicLink() ? realpathSync(path) : path;
  const mode = (link.isSymbolicLink() ? statSync(target).mode : link.mode) & 0o7777;
  temporaryCount += 1;
  const temporary = join(dirname(target), `.${basename(target)}.glidepath-${process.pid}-${temporaryCount}`);
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode });
    // The creation mode passes through the umask; set it exactly.
    chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** What an `edit set-*` command planned for one file. */
export interface FileEditPlan {
  after: string;
  changed: boolean;
}

/**
 * The shared body of the single-file `edit` commands: read `file`, plan, then print a unified
 * diff, or with `write` replace the file atomically. `say` words the stderr notes.
 */
export async function editOneFile<P extends FileEditPlan>(
  file: string,
  options: { cwd: string; write: boolean; stdout(text: string): void; stderr(text: string): void },
  plan: (text: string) => P,
  say: { unchanged(plan: P): string; written(plan: P): string },
): Promise<P> {
  const path = resolve(options.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read the file: ${(error as Error).message}`, file, { cause: error });
  }
  const planned = plan(text);
  if (!planned.changed) {
    options.stderr(`${file}: ${say.unchanged(planned)}; nothing to change\n`);
  } else if (options.write) {
    replaceFile(path, planned.after);
    options.stderr(`${file}: ${say.written(planned)}\n`);
  } else {
    options.stdout(unifiedDiff(text, planned.after, file));
  }
  return planned;
}

/** The single FILE an `edit set-*` command takes (declared as its positional option `file`). */
export function oneFile(values: OptionValues): string {
  const files = (values.file as string[] | undefined) ?? [];
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0
        ? 'FILE is required'
        : `give exactly one FILE, got ${files.length}: ${files.join(' ')}`,
    );
  }
  return files[0]!;
}

/** A string option's value, or undefined when it was not given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
