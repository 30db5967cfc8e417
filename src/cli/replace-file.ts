import { chmodSync, lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
