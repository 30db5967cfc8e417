/**
 * The quarantine list: digests that failed a rollout, kept in the GitOps repository itself
 * (`.glidepath/quarantine.yaml` by default) so that every writer sees it, it is reviewed like any
 * other change, and re-admitting a digest is a deliberate, recorded act: a person deletes the
 * entry. `verify` and `desire` refuse a quarantined digest; `revert` adds the digest it reverts.
 *
 * ```yaml
 * digests:
 *   - digest: sha256:4f…
 *     image: ghcr.io/acme/checkout
 *     reason: "error-rate 0.4% above 0.1% at step 3/6"
 *     rollout: checkout-production-42
 *     at: "2026-05-04T10:12:00.000Z"
 * ```
 *
 * Reading is lenient (only `digest` is required, so a hand-written entry still blocks); writing is
 * strict and appends without reformatting anything already in the file.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair } from 'yaml';
import { ConfigurationError } from '../errors.js';
import { readYamlList } from './yaml-list.js';
import { Digest } from '../evidence/image-ref.js';
import type { DesiredChange } from './types.js';

/** Where the quarantine list lives unless the policy says otherwise. */
export const DEFAULT_QUARANTINE_FILE = '.glidepath/quarantine.yaml';

/** One quarantined digest. */
export interface QuarantineEntry {
  /** The refused digest, `sha256:…`. */
  digest: string;
  /** Image repository it was built as, for people reading the file. */
  image?: string;
  /** Why it was quarantined: the verdict and the evidence in one line. */
  reason?: string;
  /** The rollout that failed with it. */
  rollout?: string;
  /** When, as an ISO 8601 timestamp. */
  at?: string;
}

/** An entry found in a file, with where it is (1-based). */
export interface LocatedQuarantineEntry extends QuarantineEntry {
  line: number;
  column: number;
}

/**
 * The digest is quarantined. Exit 2 like any configuration problem: nothing is wrong with
 * Glidepath, and a person must decide whether to re-admit the digest.
 */
export class QuarantinedError extends ConfigurationError {
  constructor(
    readonly entry: LocatedQuarantineEntry,
    readonly file: string,
  ) {
    const why = [
      entry.reason && `reason: ${entry.reason}`,
      entry.rollout && `rollout ${entry.rollout}`,
      entry.at && `since ${entry.at}`,
    ]
      .filter(Boolean)
      .join('; ');
    super(
      `${entry.digest} is quarantined${why ? ` (${why})` : ''}; Glidepath will not deploy it. To re-admit it, ` +
        `delete its entry (the "- digest: ${entry.digest}" item) from ${file} in a reviewed commit`,
      `${file}:${entry.line}:${entry.column}`,
    );
  }
}

/**
 * Every entry of a quarantine file; undefined or empty text means none. A file Glidepath cannot
 * read is a ConfigurationError at FILE:LINE:COL: a broken list must not silently admit anything.
 */
export function parseQuarantine(
  text: string | undefined,
  file = DEFAULT_QUARANTINE_FILE,
): LocatedQuarantineEntry[] {
  const list = readYamlList(text, file, 'digests', 'a `digests:` list');
  if (!list) return [];
  const { at } = list;
  return list.items.map((item, index) => {
    const where = at(item);
    if (!isMap(item)) {
      throw new ConfigurationError(
        `digests[${index}]: expected a mapping with at least "digest: sha256:…"`,
        where,
      );
    }
    const field = (key: keyof QuarantineEntry): string | undefined => {
      const value = item.get(key, true) as Node | undefined;
      if (value === undefined || value === null) return undefined;
      if (!isScalar(value) || value.value === null) return undefined;
      return String(value.value);
    };
    const digest = field('digest');
    if (!digest) throw new ConfigurationError(`digests[${index}]: missing "digest: sha256:…"`, where);
    const parsed = Digest.tryParse(digest);
    if (!parsed) {
      throw new ConfigurationError(
        `digests[${index}].digest: "${digest}" is not a sha256 or sha512 digest`,
        at(item.get('digest', true)),
      );
    }
    const { line, col } = list.position(item);
    const entry: LocatedQuarantineEntry = { digest: parsed.toString(), line, column: col };
    for (const key of ['image', 'reason', 'rollout', 'at'] as const) {
      const value = field(key);
      if (value !== undefined) entry[key] = value;
    }
    return entry;
  });
}

/** The entry that quarantines `digest`, or undefined when it is admitted. */
export function isQuarantined(
  text: string | undefined,
  digest: string | Digest,
  file = DEFAULT_QUARANTINE_FILE,
): LocatedQuarantineEntry | undefined {
  const wanted = typeof digest === 'string' ? Digest.parse(digest) : digest;
  return parseQuarantine(text, file).find((entry) => Digest.parse(entry.digest).equals(wanted));
}

/** Throws QuarantinedError when `digest` is in the list. */
export function assertNotQuarantined(
  text: string | undefined,
  digest: string | Digest,
  file = DEFAULT_QUARANTINE_FILE,
): void {
  const entry = isQuarantined(text, digest, file);
  if (entry) throw new QuarantinedError(entry, file);
}

/**
 * `text` with `entry` appended (idempotent: the text is returned as it is when the digest is
 * already listed). Existing bytes are kept: the entry is spliced in after the last item, in the
 * list's indentation and line ending; a missing file gets a short header explaining the file.
 */
export function addToQuarantine(
  text: string | undefined,
  entry: QuarantineEntry,
  file = DEFAULT_QUARANTINE_FILE,
): string {
  const digest = Digest.parse(entry.digest, 'quarantine digest').toString();
  if (isQuarantined(text, digest, file)) return text!;
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const item = (indent: string): string => entryLines({ ...entry, digest }, indent).join(eol) + eol;

  if (text === undefined || text.trim() === '') {
    return [
      '# Digests Glidepath refuses to deploy: `desire` and `verify` check this list, `revert` adds to it.',
      '# To re-admit a digest, delete its entry in a reviewed commit.',
      'digests:',
      item('  ').replace(/\r?\n$/, ''),
      '',
    ].join(eol);
  }
  const doc = parseDocument(text);
  const root = doc.contents;
  const withNewline = /\n$/.test(text) ? text : text + eol;
  if (root === null || (isMap(root) && !root.has('digests'))) {
    return `${withNewline}digests:${eol}${item('  ')}`;
  }
  const digests = isMap(root) ? root.get('digests', true) : undefined;
  if (isSeq(digests) && digests.items.length > 0 && !digests.flow && digests.range) {
    const start = digests.range[0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = text.slice(lineStart, start);
    const end = digests.range[1];
    const before = text.slice(0, end);
    const joint = /\n$/.test(before) ? '' : eol;
    return `${before}${joint}${item(indent)}${text.slice(end)}`;
  }
  // Unusual shapes (`digests: []`, a flow list, `digests:` with nothing under it): let the YAML
  // library rewrite the list; comments survive, though its formatting may change.
  if (isMap(root)) {
    const pair = root.items.find(
      (candidate: Pair) => isScalar(candidate.key) && candidate.key.value === 'digests',
    );
    if (pair) {
      const items = isSeq(pair.value) ? pair.value.toJSON() : [];
      const list = doc.createNode([...(items as unknown[]), compact({ ...entry, digest })]);
      list.flow = false;
      pair.value = list as never;
      return doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
    }
  }
  throw new ConfigurationError('expected a mapping with a `digests:` list', `${file}:1:1`);
}

/** A DesiredChange that adds `entry` to the quarantine file at `file`. */
export function quarantineChange(entry: QuarantineEntry, file = DEFAULT_QUARANTINE_FILE): DesiredChange {
  return {
    path: file,
    intent: `quarantine ${entry.digest}`,
    render: (current) => addToQuarantine(current, entry, file),
  };
}

function entryLines(entry: QuarantineEntry, indent: string): string[] {
  const fields = compact(entry);
  const keys = Object.keys(fields) as (keyof QuarantineEntry)[];
  return keys.map(
    (key, index) => `${index === 0 ? `${indent}- ` : `${indent}  `}${key}: ${scalar(key, fields[key]!)}`,
  );
}

/** Digests, images and rollout ids are plain; free text and timestamps are double-quoted (JSON is valid YAML). */
function scalar(key: keyof QuarantineEntry, value: string): string {
  if ((key === 'digest' || key === 'image' || key === 'rollout') && /^[\w./:@-]+$/.test(value)) return value;
  return JSON.stringify(value.replace(/[\r\n]+/g, ' '));
}

function compact(entry: QuarantineEntry): QuarantineEntry {
  const out: QuarantineEntry = { digest: entry.digest };
  for (const key of ['image', 'reason', 'rollout', 'at'] as const) {
    const value = entry[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
