import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unifiedDiff } from '../../../src/manifests/diff.js';

/** Applies a unified diff with git, the way a reviewer's tools would read it. */
function applyWithGit(before: string, patch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'glidepath-diff-'));
  writeFileSync(join(dir, 'f.yaml'), before);
  writeFileSync(join(dir, 'p.diff'), patch);
  execFileSync('git', ['apply', '--whitespace=nowarn', 'p.diff'], { cwd: dir, stdio: 'ignore' });
  return readFileSync(join(dir, 'f.yaml'), 'utf8');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'f.yaml')).toBe('');
  });

  it('shows one changed line with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = before.replace('e', 'E');
    expect(unifiedDiff(before, after, 'f.yaml')).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    );
  });

  it('splits distant changes into hunks and joins near ones', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${i}`);
    const after = lines.map((l) => (l === 'l2' || l === 'l20' || l === 'l24' ? `${l}!` : l));
    const diff = unifiedDiff(`${lines.join('\n')}\n`, `${after.join('\n')}\n`, 'f.yaml');
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,6 +1,6 @@', '@@ -18,11 +18,11 @@']);
  });

  it('marks a missing final newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'f.yaml')).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });

  it('produces patches git applies back to the edited text', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'key: 1', '');
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 25 }),
        fc.array(line, { maxLength: 25 }),
        fc.boolean(),
        (x, y, nl) => {
          const before = x.join('\n') + (nl ? '\n' : '');
          const after = y.join('\n') + '\n';
          const patch = unifiedDiff(before, after, 'f.yaml');
          if (before === after) return patch === '';
          return applyWithGit(before, patch) === after;
        },
      ),
      { numRuns: 60 },
    );
  });
});
