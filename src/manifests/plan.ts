/**
 * From edits as data to a checked result: apply them byte-minimally, then validate every edited
 * workload object against its schema. A result that breaks the schema is refused whole, so a
 * caller never sees (or writes) half of a plan.
 */
import { ConfigurationError } from '../errors.js';
import { hasSchema, schemaProblems } from './validate.js';
import type { SchemaProblem } from './validate.js';
import type { ManifestSource, ScalarEdit, YamlPath } from './yaml-edit.js';
import { applyEdits, lineOf, positionOf, readPath } from './yaml-edit.js';

/** One value that changes: where, and from what to what (as written in YAML, unquoted). */
export interface ManifestChange {
  document: number;
  path: YamlPath;
  /** 1-based line of the value (of its parent when the key is new) in the text before. */
  line: number;
  /** The value before, or undefined when the key is new. */
  before: string | undefined;
  after: string;
}

/** The edited text and what changed; `changes` is empty (and `after` the input) when nothing did. */
export interface ManifestPlan {
  after: string;
  changes: ManifestChange[];
}

/**
 * Applies `edits` to `source` and validates every edited object Glidepath has a schema for
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, Rollout). Throws
 * ConfigurationError `FILE:LINE:COL` naming the broken field when the result would be invalid.
 */
export function planManifestEdits(source: ManifestSource, edits: readonly ScalarEdit[]): ManifestPlan {
  const changes: ManifestChange[] = [];
  for (const edit of edits) {
    const current = readPath(source, edit.document, edit.path);
    if (current === edit.value) continue;
    changes.push({
      document: edit.document,
      path: edit.path,
      line: lineOf(source, edit.document, edit.path),
      before: current === undefined || current === null ? undefined : String(current),
      after: String(edit.value),
    });
  }
  if (changes.length === 0) return { after: source.text, changes };
  const after = applyEdits(source, edits);
  for (const document of new Set(changes.map((change) => change.document))) {
    refuseInvalid(
      source,
      document,
      edits.filter((edit) => edit.document === document),
    );
  }
  return { after, changes };
}

/**
 * Validates the edited object. It is built from the original's data with the edits set, rather
 * than by parsing the result again, so checking costs no second parse. Problems the original
 * already had are not the edit's fault and do not block it.
 */
function refuseInvalid(source: ManifestSource, document: number, edits: readonly ScalarEdit[]): void {
  // toJS builds fresh data each call, so the edited copy needs no clone; the original is read
  // again only in the rare case that there is something to compare.
  const doc = source.documents[document];
  // Kind first: converting a values file or kustomization to data only to learn it has no
  // schema would cost as much as validating it.
  if (!hasSchema({ apiVersion: doc?.get('apiVersion'), kind: doc?.get('kind') })) return;
  const edited = readPath(source, document, []);
  for (const edit of edits) setValue(edited, edit.path, edit.value);
  const touched = edits.map((edit) => edit.path);
  const problems = schemaProblems(edited, touched);
  if (problems.length === 0) return;
  const original = readPath(source, document, []);
  const before = new Set(schemaProblems(original, touched).map(problemKey));
  const introduced = problems.filter((problem) => !before.has(problemKey(problem)));
  const first = introduced[0];
  if (!first) return;
  const { kind, metadata } = original as { kind: string; metadata?: { name?: string } };
  const all = introduced.map((problem) => `${pathText(problem.path)} ${problem.message}`).join('; ');
  throw new ConfigurationError(
    `refusing the edit: it would make ${kind} ${metadata?.name ?? ''} invalid: ${all}; nothing was changed`.replace(
      '  ',
      ' ',
    ),
    positionOf(source, document, first.path),
  );
}

function problemKey(problem: SchemaProblem): string {
  return `${problem.path.join('/')} ${problem.message}`;
}

function pathText(path: YamlPath): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${segment}`))
    .join('');
}

/** Sets `value` at `path` in plain data, creating mappings (and lists for index segments). */
function setValue(root: unknown, path: YamlPath, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === null || typeof next !== 'object') {
      node[segment] = typeof path[index + 1] === 'number' ? [] : {};
    }
    node = node[segment] as Record<string | number, unknown>;
  });
}
