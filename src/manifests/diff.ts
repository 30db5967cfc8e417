/**
 * A unified diff of two texts (`--- a/FILE`, `+++ b/FILE`, 3 lines of context), for showing an
 * edit before it is written. Hand-written because no diff library is a dependency and edits are
 * a line or two: common prefix and suffix are trimmed, and Myers' O(ND) algorithm compares what
 * is left.
 */

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; text: string };

/** The unified diff from `before` to `after`, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, file: string, context = CONTEXT): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const { ops, skipped } = diffLines(a, b, context);
  const out = [`--- a/${file}\n`, `+++ b/${file}\n`];
  for (const hunk of hunks(ops, context, skipped)) {
    out.push(`@@ -${range(hunk.aStart, hunk.aLength)} +${range(hunk.bStart, hunk.bLength)} @@\n`);
    for (const index of hunk.ops) {
      const op = ops[index]!;
      if (op.text.endsWith(NO_NEWLINE)) {
        out.push(`${op.kind}${op.text.slice(0, -NO_NEWLINE.length)}\n\\ No newline at end of file\n`);
      } else {
        out.push(`${op.kind}${op.text}\n`);
      }
    }
  }
  return out.join('');
}

/**
 * A last line without a newline is marked, so it differs from the same text with one (and the
 * diff shows `\ No newline at end of file` the way diff and git do).
 */
const NO_NEWLINE = '\u0000no-newline';

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

function range(start: number, length: number): string {
  // GNU diff: a one-line range is just its line; an empty range names the line before it.
  if (length === 1) return String(start + 1);
  return `${length === 0 ? start : start + 1},${length}`;
}

/**
 * The edit script from `a` to `b` as keep/delete/insert operations. Equal lines at the start and
 * end beyond `context` are left out (a one-line edit in a long file is a short script);
 * `skipped` counts the leading lines left out, the same in both texts.
 */
export function diffLines(
  a: readonly string[],
  b: readonly string[],
  context = Infinity,
): { ops: Op[]; skipped: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  const skipped = Math.max(0, prefix - context);
  const trailing = Math.min(suffix, context);
  const keep = (text: string): Op => ({ kind: ' ', text });
  return {
    ops: [
      ...a.slice(skipped, prefix).map(keep),
      ...middle,
      ...a.slice(a.length - suffix, a.length - suffix + trailing).map(keep),
    ],
    skipped,
  };
}

/** Myers' greedy shortest edit script, with the V arrays kept per step for the walk back. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const trace: Int32Array[] = [];
  let v: Int32Array = new Int32Array(2 * max + 3);
  outer: for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice());
        break outer;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d -= 1) {
    v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', text: a[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (d === 0) break;
    if (down) ops.push({ kind: '+', text: b[y - 1]! });
    else ops.push({ kind: '-', text: a[x - 1]! });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', text: a[x - 1]! });
    x -= 1;
    y -= 1;
  }
  return ops.reverse();
}

interface Hunk {
  aStart: number;
  aLength: number;
  bStart: number;
  bLength: number;
  ops: number[];
}

/**
 * Groups changes with `context` lines around them; changes closer than 2×context share a hunk.
 * `skipped` equal lines precede `ops` in both texts.
 */
function hunks(ops: readonly Op[], context: number, skipped: number): Hunk[] {
  const result: Hunk[] = [];
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  let i = 0;
  while (i < changed.length) {
    let end = changed[i]!;
    let j = i + 1;
    while (j < changed.length && changed[j]! - end <= 2 * context) {
      end = changed[j]!;
      j += 1;
    }
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(ops.length - 1, end + context);
    let aStart = skipped;
    let bStart = skipped;
    for (let k = 0; k < from; k += 1) {
      if (ops[k]!.kind !== '+') aStart += 1;
      if (ops[k]!.kind !== '-') bStart += 1;
    }
    const indexes: number[] = [];
    let aLength = 0;
    let bLength = 0;
    for (let k = from; k <= to; k += 1) {
      indexes.push(k);
      if (ops[k]!.kind !== '+') aLength += 1;
      if (ops[k]!.kind !== '-') bLength += 1;
    }
    result.push({ aStart, aLength, bStart, bLength, ops: indexes });
    i = j;
  }
  return result;
}
