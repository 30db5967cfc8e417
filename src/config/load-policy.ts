import { buildAnalysis, checkAnalysis, type AnalysisInput } from './analysis-section.js';
import { buildExposure, buildRollback, checkExposure, type ExposureInput } from './exposure-section.js';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Range, YAMLError } from 'yaml';
import schema from '../../schema/glidepath.schema.json' with { type: 'json' };
import { ConfigurationError } from '../errors.js';
import { Duration } from './duration.js';
import type {
  DeployPolicy,
  DesiredPolicy,
  EvidencePolicy,
  NotifyTarget,
  Policy,
  RollbackPolicy,
} from './types.js';

/** The policy file Glidepath looks for when none is named. */
export const DEFAULT_POLICY_FILE = 'glidepath.yaml';

/** The published JSON Schema of the policy file (schema/glidepath.schema.json). */
export const policySchema = schema;

/** One thing wrong with a policy file, at the YAML node it is about. */
export interface PolicyProblem {
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** Dotted key path, e.g. `evidence.scan.failOn` or `evidence.require[1]`; '' for the whole file. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** A policy file that cannot be used; the message has one `FILE:LINE:COL: path: message` line per problem. */
export class PolicyError extends ConfigurationError {
  constructor(
    readonly file: string,
    readonly problems: readonly PolicyProblem[],
  ) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
  }

  /** Every line starts with FILE:LINE:COL. */
  override get located(): boolean {
    return true;
  }
}

/** Renders one problem as `FILE:LINE:COL: path: message` (no path segment for file-wide problems). */
export function formatProblem(file: string, problem: PolicyProblem): string {
  const where = `${file}:${problem.line}:${problem.column}`;
  return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** Injected effects, so tests need no files. */
export interface LoadPolicyDeps {
  /** Reads a UTF-8 file; rejects with a Node-style `code` ('ENOENT', …) on failure. */
  readFile?: (path: string) => Promise<string>;
}

/**
 * Reads and validates the policy file. No file (undefined or '') means the defaults, which require
 * nothing; whether to fall back to DEFAULT_POLICY_FILE is the caller's choice.
 */
export async function loadPolicy(file: string | undefined, deps: LoadPolicyDeps = {}): Promise<Policy> {
  if (!file) return defaultPolicy();
  const readFile = deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  let text: string;
  try {
    text = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ConfigurationError(
        'policy file not found; create it (an empty file means the defaults; README.md "Policy reference" ' +
          'lists every key) or point --policy (the action input `policy`) at your policy file',
        file,
        { cause: error },
      );
    }
    if (code === 'EISDIR') {
      throw new ConfigurationError(
        'is a directory; point --policy (the action input `policy`) at the policy file',
        file,
        { cause: error },
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`cannot read the policy file (${detail}); check its permissions`, file, {
      cause: error,
    });
  }
  return parsePolicy(text, file);
}

/** The policy used when there is no policy file: every schema default, nothing required. */
export function defaultPolicy(): Policy {
  const input: unknown = {};
  if (!validator()(input)) throw new Error('the schema rejects an empty policy (a bug in the schema)');
  return buildPolicy(input as PolicyInput, undefined);
}

/** Parses policy YAML; `file` is used for messages only. Throws PolicyError listing every problem. */
export function parsePolicy(text: string, file: string): Policy {
  const lines = new LineCounter();
  // uniqueKeys (the default) makes a duplicate key an error rather than last-one-wins.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = new SourceMap(doc, lines, text);

  // Warnings count as errors: they mean the parser had to guess (an unknown tag read as a plain
  // string), and a policy that gates production must mean exactly what it says.
  const yamlProblems = [...doc.errors, ...doc.warnings].map((error) => source.yamlProblem(error));
  if (yamlProblems.length > 0) throw new PolicyError(file, sortProblems(yamlProblems));

  let data: unknown;
  try {
    // An empty file (only comments, or a bare `---`) is null: that is the defaults. The rest is
    // copied into a tree because an alias yields the same object twice, and ajv's useDefaults
    // would write one section's defaults into the other through the shared reference.
    const js: unknown = doc.toJS({ maxAliasCount: 100 });
    data = js === null || js === undefined ? {} : copyTree(js);
  } catch (error) {
    // toJS throws on unresolved aliases and on alias bombs; neither has a parse-time error.
    const detail = error instanceof Error ? error.message : String(error);
    throw new PolicyError(file, [{ ...source.firstAlias(), path: '', message: `invalid YAML: ${detail}` }]);
  }

  const validate = validator();
  const problems: PolicyProblem[] = [];
  if (!validate(data)) {
    problems.push(...schemaProblems(validate.errors ?? [], data, source));
  }
  // Semantic rules run only on sections the schema accepted, so they can trust the shapes.
  const input = data as PolicyInput;
  const wholeFileBroken = problems.some((problem) => problem.path === '');
  for (const key of wholeFileBroken ? [] : SECTION_KEYS) {
    if (problems.some((problem) => problem.path === key || problem.path.startsWith(`${key}.`))) continue;
    for (const found of checkSection(key, input)) {
      problems.push({
        ...source.position(found.path, found.at),
        path: formatPath(found.path),
        message: found.message,
      });
    }
  }
  if (problems.length > 0) throw new PolicyError(file, sortProblems(dedupe(problems)));
  return buildPolicy(input, file);
}

// ---------------------------------------------------------------------------------------------
// Sections. Adding one (desired, exposure, analysis, rollback) means: its schema under
// `properties` in schema/glidepath.schema.json, its field in Policy (types.ts), its validated
// input shape in SectionInputs and its entry in SECTIONS. Nothing else here changes.
// ---------------------------------------------------------------------------------------------

type Path = readonly (string | number)[];

/** A rule the schema cannot express, broken at `path`; `at` says whether to point at the key or the value. */
interface SemanticProblem {
  path: Path;
  at: 'key' | 'value';
  message: string;
}

/** What each section looks like after schema validation with defaults applied (durations still text). */
interface SectionInputs {
  evidence: Omit<EvidencePolicy, 'maxAge'> & { maxAge: string };
  /** Optional: a policy that only admits artifacts has no `desired:`; `backend` is defaulted in build. */
  desired: (Omit<DesiredPolicy, 'backend'> & { backend?: DesiredPolicy['backend'] }) | undefined;
  /** Optional: a policy that does not verify rollouts has no `analysis:`. */
  analysis: AnalysisInput | undefined;
  exposure: ExposureInput;
  rollback: { order: RollbackPolicy['order'] };
  /** Optional: no `deploy:` means deployments may start any time. */
  deploy: DeployPolicy | undefined;
  /** Optional: no `notify:` means nobody is notified. */
  notify: NotifyTarget[] | undefined;
}
type SectionKey = keyof SectionInputs;

interface Section<K extends SectionKey> {
  /** Turns the validated section into its typed form (durations and other value objects). */
  build(input: SectionInputs[K]): Policy[K];
  /** Rules the schema cannot express; runs only when the schema accepted the section. */
  check(input: SectionInputs[K]): SemanticProblem[];
}

const SECTIONS: { [K in SectionKey]: Section<K> } = {
  evidence: {
    build: (input) => ({ ...input, maxAge: Duration.parse(input.maxAge, 'evidence.maxAge') }),
    check: (input) =>
      // The pattern admits "0h", which would reject every report ever made: almost surely a mistake.
      Duration.parse(input.maxAge).milliseconds === 0
        ? [
            {
              path: ['evidence', 'maxAge'],
              at: 'value',
              message: `"${input.maxAge}" would reject every report; use a positive duration, e.g. 24h`,
            },
          ]
        : [],
  },
  desired: {
    build: (input) =>
      input && {
        ...input,
        backend: input.backend ?? (OWNER_NAME.test(input.repo) ? 'github' : 'git'),
      },
    check: (input) => (input ? checkDesired(input) : []),
  },
  analysis: {
    build: (input) => input && buildAnalysis(input),
    check: (input) => (input ? checkAnalysis(input) : []),
  },
  exposure: { build: buildExposure, check: checkExposure },
  rollback: { build: buildRollback, check: () => [] },
  deploy: { build: (input) => input, check: (input) => (input ? checkDeploy(input) : []) },
  notify: {
    build: (input) => input,
    check: (input) =>
      (input ?? []).flatMap((target, index): SemanticProblem[] => {
        if (target.secretEnv !== undefined && target.kind !== 'webhook') {
          return [
            {
              path: ['notify', index, 'secretEnv'],
              at: 'key',
              message: `applies only to kind webhook (${target.kind} webhooks carry their secret in the URL); remove it`,
            },
          ];
        }
        if (target.secretEnv === undefined && target.kind === 'webhook') {
          return [
            {
              path: ['notify', index],
              at: 'value',
              message:
                'a webhook needs secretEnv, the variable holding the HMAC-SHA256 key receivers verify X-Glidepath-Signature-256 with',
            },
          ];
        }
        return [];
      }),
  },
};
const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

/** `deploy:` rules the schema cannot express: a real time zone, weekly times with days, dated ones without. */
function checkDeploy(input: DeployPolicy): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
  } catch {
    problems.push({
      path: ['deploy', 'timeZone'],
      at: 'value',
      message: `"${input.timeZone}" is not an IANA time zone; write one such as Europe/Berlin or America/New_York`,
    });
  }
  for (const list of ['allow', 'deny'] as const) {
    input[list].forEach((window, index) => {
      const dated = window.from.includes('T');
      if (dated !== window.to.includes('T')) {
        problems.push({
          path: ['deploy', list, index],
          at: 'value',
          message: 'from and to must both be times (HH:MM) or both date-times (YYYY-MM-DDTHH:MM)',
        });
      } else if (dated && window.days) {
        problems.push({
          path: ['deploy', list, index, 'days'],
          at: 'key',
          message: 'a dated window (YYYY-MM-DDTHH:MM) has no days; remove days, or write from/to as HH:MM',
        });
      } else if (!dated && !window.days) {
        problems.push({
          path: ['deploy', list, index],
          at: 'value',
          message: 'a weekly window (HH:MM) needs days, e.g. days: [mon, tue, wed, thu, fri]',
        });
      } else if (dated && window.to <= window.from) {
        problems.push({
          path: ['deploy', list, index, 'to'],
          at: 'value',
          message: `${window.to} is not after ${window.from}; a dated window must end after it starts`,
        });
      }
    });
  }
  return problems;
}

/** A GitHub repository named the short way, which the github backend needs. */
const OWNER_NAME = /^[\w.-]+\/[\w.-]+$/;

/** Target kinds that hold containers, where `container` means something. */
const WORKLOAD_KINDS = new Set([
  'deployment',
  'statefulset',
  'daemonset',
  'replicaset',
  'job',
  'cronjob',
  'pod',
  'rollout',
]);

/** `desired:` rules the schema cannot express (they relate keys to each other). */
function checkDesired(input: NonNullable<SectionInputs['desired']>): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const backend = input.backend ?? (OWNER_NAME.test(input.repo) ? 'github' : 'git');
  if (backend === 'github' && !OWNER_NAME.test(input.repo)) {
    problems.push({
      path: ['desired', 'repo'],
      at: 'value',
      message: `the github backend needs the repository as owner/name, e.g. acme/gitops; got "${input.repo}" (or set backend: git)`,
    });
  }
  if (backend === 'git' && input.mode !== 'direct') {
    problems.push({
      path: ['desired', 'mode'],
      at: 'value',
      message: `${input.mode} needs GitHub's API; set backend: github (repo as owner/name), or use mode: direct with git`,
    });
  }
  if (input.autoMerge !== undefined && input.mode !== 'pull-request') {
    problems.push({
      path: ['desired', 'autoMerge'],
      at: 'key',
      message: 'applies only with mode: pull-request; delete it or set the mode',
    });
  }
  const seen = new Map<string, number>();
  input.targets.forEach((target, index) => {
    const at = (key: string): (string | number)[] => ['desired', 'targets', index, key];
    const needs = (key: 'valuesPath' | 'yamlPath', example: string) => {
      if (target[key] === undefined) {
        problems.push({
          path: ['desired', 'targets', index],
          at: 'value',
          message: `kind ${target.kind} needs ${key}, e.g. ${key}: ${example}`,
        });
      }
    };
    if (target.kind === 'yaml-path') needs('yamlPath', 'spec.values.image');
    if (target.container !== undefined && !WORKLOAD_KINDS.has(target.kind)) {
      problems.push({
        path: at('container'),
        at: 'key',
        message: `applies only to workloads and Rollouts, not kind ${target.kind}; delete it`,
      });
    }
    if (target.valuesPath !== undefined && target.kind !== 'helm-values' && target.kind !== 'helmrelease') {
      problems.push({
        path: at('valuesPath'),
        at: 'key',
        message: `applies only to kinds helm-values and helmrelease, not ${target.kind}; delete it`,
      });
    }
    if (target.yamlPath !== undefined && target.kind !== 'yaml-path') {
      problems.push({
        path: at('yamlPath'),
        at: 'key',
        message: `applies only to kind yaml-path, not ${target.kind}; delete it`,
      });
    }
    const key = `${target.path}\0${target.container ?? ''}\0${target.image ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        path: at('path'),
        at: 'value',
        message: `the same file and container as desired.targets[${earlier}]; list each target once`,
      });
    } else {
      seen.set(key, index);
    }
  });
  const quarantine = input.quarantineFile;
  const managed = [...input.targets.map((target) => target.path), input.traffic?.path, input.flags?.path];
  if (managed.includes(quarantine)) {
    problems.push({
      path: ['desired', 'quarantineFile'],
      at: 'value',
      message: 'must be a file of its own, not a manifest Glidepath edits',
    });
  }
  return problems;
}

/** The whole validated document: top-level scalars plus every section (defaults make sections present). */
type PolicyInput = { service?: string; environment?: string } & SectionInputs;

function checkSection<K extends SectionKey>(key: K, input: PolicyInput): SemanticProblem[] {
  return SECTIONS[key].check(input[key]);
}

function buildSection<K extends SectionKey>(key: K, input: PolicyInput): Policy[K] {
  return SECTIONS[key].build(input[key]);
}

function buildPolicy(input: PolicyInput, source: string | undefined): Policy {
  // An optional section that is absent stays absent (no `desired: undefined` key).
  const sections = Object.fromEntries(
    SECTION_KEYS.map((key) => [key, buildSection(key, input)]).filter(([, value]) => value !== undefined),
  ) as Pick<Policy, SectionKey>;
  return {
    ...(source === undefined ? {} : { source }),
    ...(input.service === undefined ? {} : { service: input.service }),
    ...(input.environment === undefined ? {} : { environment: input.environment }),
    ...sections,
  };
}

// ---------------------------------------------------------------------------------------------
// Schema validation
// ---------------------------------------------------------------------------------------------

let compiled: ValidateFunction | undefined;

/**
 * The compiled schema. `x-hint` is our annotation keyword: on a property, the end of the sentence
 * `"<value>" …` printed when a pattern or format fails; on a `not: {}` under dependentSchemas, how to
 * resolve the conflict. Declaring it keeps strict mode (which rejects unknown keywords) on.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  // The CommonJS build exports the class as both module.exports and .default; NodeNext typing sees
  // the module object, so reach for .default, which exists at run time under either loader.
  const ajv = new Ajv2020.default({ strict: true, allErrors: true, useDefaults: true, verbose: true });
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  // A URI with a scheme and no spaces; ajv-formats' full RFC 3986 check is more than a policy needs.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  compiled = ajv.compile(schema);
  return compiled;
}

function schemaProblems(errors: readonly ErrorObject[], data: unknown, source: SourceMap): PolicyProblem[] {
  return errors.map((error) => {
    const { path, at, message } = describeSchemaError(error, pathOf(error.instancePath, data), source);
    const position =
      error.keyword === 'required' && path.length === 1 ? { line: 1, column: 1 } : source.position(path, at);
    return { ...position, path: formatPath(path), message };
  });
}

/** The user-facing message for one ajv error, and the node it is about. */
function describeSchemaError(
  error: ErrorObject,
  path: Path,
  source: SourceMap,
): { path: Path; at: 'key' | 'value'; message: string } {
  const parent = error.parentSchema ?? {};
  const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : undefined;
  const value = error.data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = closest(key, allowed);
      return {
        path: [...path, key],
        at: 'key',
        message: suggestion
          ? `unknown key ${JSON.stringify(key)}; did you mean "${suggestion}"?`
          : `unknown key ${JSON.stringify(key)}; allowed keys here: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      return { path: [...path, key], at: 'key', message: `missing required key ${JSON.stringify(key)}` };
    }
    case 'type': {
      const keys = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      const message = typeMessage(String(error.params.type), value, source.text(path), keys);
      return { path, at: 'value', message };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const shown =
        typeof value === 'string' ? JSON.stringify(value) : describeValue(value, source.text(path));
      return {
        path,
        at: 'value',
        message: `must be one of ${allowed.join(', ')}; got ${shown}${suggestion ? `, did you mean "${suggestion}"?` : ''}`,
      };
    }
    case 'pattern':
    case 'format':
      return {
        path,
        at: 'value',
        message: hint
          ? `${JSON.stringify(value)} ${hint}`
          : `${JSON.stringify(value)} does not match ${error.keyword === 'format' ? `format ${error.params.format}` : error.params.pattern}`,
      };
    case 'minimum':
      return { path, at: 'value', message: `must be at least ${error.params.limit}, got ${String(value)}` };
    case 'maximum':
      return { path, at: 'value', message: `must be at most ${error.params.limit}, got ${String(value)}` };
    case 'minLength':
      return { path, at: 'value', message: 'must not be empty; give it a value or delete the line' };
    case 'uniqueItems': {
      // ajv reports the later duplicate as i and the earlier as j; point at the later one.
      const later = Number(error.params.i);
      const earlier = Number(error.params.j);
      const item = Array.isArray(value) ? value[later] : undefined;
      return {
        path: [...path, later],
        at: 'value',
        message: `${JSON.stringify(item)} is already listed at [${earlier}]; list each value once`,
      };
    }
    case 'not': {
      // Mutually exclusive keys are written as dependentSchemas: { A: { properties: { B: { not: {} } } } }.
      const trigger = /\/dependentSchemas\/([^/]+)\/properties\/[^/]+\/not$/.exec(error.schemaPath)?.[1];
      if (trigger) {
        const other = trigger.replace(/~1/g, '/').replace(/~0/g, '~');
        return {
          path,
          at: 'key',
          message: `cannot be used together with ${other}${hint ? `; ${hint}` : ''}`,
        };
      }
      return { path, at: 'value', message: error.message ?? 'is not allowed here' };
    }
    default:
      // A keyword this switch does not know yet still produces a located, if terse, message.
      return { path, at: 'value', message: error.message ?? `fails the schema's ${error.keyword} rule` };
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (indented key: value lines)',
  array: 'a list',
  null: 'nothing',
};

function typeMessage(
  expected: string,
  value: unknown,
  sourceText: string | undefined,
  keys: readonly string[],
): string {
  const wanted =
    expected === 'object' && keys.length > 0
      ? `a mapping of keys (${keys.join(', ')})`
      : expected
          .split(',')
          .map((type) => TYPE_NAMES[type] ?? type)
          .join(' or ');
  const base = `expected ${wanted}, got ${describeValue(value, sourceText)}`;
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    // YAML reads 1.4 as a number and yes/no only in 1.1; quoting keeps exactly what was typed.
    return `${base}; put it in quotes: "${sourceText ?? String(value)}"`;
  }
  if (expected === 'object' && value === null) return `${base}; add keys under it or delete the line`;
  if (expected === 'array' && (typeof value === 'string' || typeof value === 'number')) {
    return `${base}; write a list, e.g. [${sourceText ?? String(value)}]`;
  }
  if (expected === 'boolean' && typeof value === 'string')
    return `${base}; write true or false without quotes`;
  return base;
}

/** How a value is named in messages; numbers keep their source text so 1.10 is not shown as 1.1. */
function describeValue(value: unknown, sourceText: string | undefined): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `number ${sourceText ?? String(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** A deep copy of plain data in which no object appears twice. */
function copyTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyTree);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyTree(item)]));
  }
  return value;
}

/** Splits an ajv instancePath into keys and array indexes by walking the data it points into. */
function pathOf(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let here: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here)) {
      path.push(Number(segment));
      here = here[Number(segment)];
    } else {
      path.push(segment);
      here =
        here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

/** `evidence.require[1]`; keys that are not plain words are quoted. */
function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = /^[\w-]+$/.test(segment) ? segment : JSON.stringify(segment);
      text += text ? `.${key}` : key;
    }
  }
  return text;
}

/** The allowed word nearest to `word` by edit distance, when it is near enough to be a typo. */
function closest(word: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    // Case-insensitive: "failon" and "max_age"-style slips are the common ones.
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      }
      rows[i]![j] = distance;
    }
  }
  return at(a.length, b.length);
}

function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * One problem per path: a wrong type makes the enum or pattern complaint about the same value
 * noise, and a key excluded by two others needs saying once.
 */
function dedupe(problems: readonly PolicyProblem[]): PolicyProblem[] {
  const byPath = new Map<string, PolicyProblem>();
  for (const problem of problems) {
    const key = `${problem.path}@${problem.line}:${problem.column}`;
    const kept = byPath.get(key);
    if (!kept || (problem.message.startsWith('expected ') && !kept.message.startsWith('expected '))) {
      byPath.set(key, problem);
    }
  }
  return [...byPath.values()];
}

// ---------------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------------

/** Any YAML node, as far as positions go. */
type Located = { range?: Range | null };

/** Maps data paths back to the YAML nodes they came from. */
class SourceMap {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly source: string,
  ) {}

  /**
   * Line and column of the node at `path` (its key or its value). A path that does not reach a
   * node (a default, an alias) falls back to the nearest ancestor that does, then to 1:1.
   */
  position(path: Path, at: 'key' | 'value'): { line: number; column: number } {
    const { key, value, complete } = this.find(path);
    // An empty value (`tests:` with nothing after it) has no width; its key is what a person sees.
    const valueRange = complete ? value?.range : undefined;
    if (at === 'value' && valueRange && valueRange[1] > valueRange[0])
      return this.offsetPosition(valueRange[0]);
    // With no key (the root), the document's first node; with nothing at all, 1:1.
    return this.offsetPosition(key?.range?.[0] ?? (path.length === 0 ? valueRange?.[0] : undefined) ?? 0);
  }

  /** The exact source text of the value at `path`, when it is a scalar that exists in the file. */
  text(path: Path): string | undefined {
    const { value, complete } = this.find(path);
    if (!complete || !isScalar(value) || !value.range) return undefined;
    return this.source.slice(value.range[0], value.range[1]).trim();
  }

  /** A YAML syntax error or warning, with a path and a clearer message for duplicate keys. */
  yamlProblem(error: YAMLError): PolicyProblem {
    const position = this.offsetPosition(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const path = this.pathOfKeyAt(error.pos[0]);
      if (path) {
        const key = path[path.length - 1];
        return {
          ...position,
          path: formatPath(path),
          message: `duplicate key "${String(key)}"; a key may appear only once in a mapping, so delete one of them`,
        };
      }
    }
    if (error.code === 'MULTIPLE_DOCS') {
      return {
        ...position,
        path: '',
        message:
          'a policy file holds one YAML document; delete this "---" and what follows, or merge the two',
      };
    }
    if (error.code === 'TAG_RESOLVE_FAILED') {
      const tag = /: (\S+)$/.exec(error.message)?.[1] ?? 'tag';
      const message = `unknown YAML tag ${tag}; policies use no tags (nor environment variables), so write the value itself`;
      return { ...position, path: '', message };
    }
    const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
    return { ...position, path: '', message: `invalid YAML: ${message}` };
  }

  /** Where the first alias is: the usual culprit when turning the document into data fails. */
  firstAlias(): { line: number; column: number } {
    let offset = 0;
    visit(this.doc, {
      Alias: (_, node) => {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return this.offsetPosition(offset);
  }

  private offsetPosition(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private find(path: Path): { key?: Located; value?: Located | null; complete: boolean } {
    let value: unknown = this.doc.contents;
    let key: Located | undefined;
    for (const segment of path) {
      if (isMap(value)) {
        const pair = value.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) return { key, value: undefined, complete: false };
        key = pair.key as Located;
        value = pair.value;
      } else if (isSeq(value) && typeof segment === 'number') {
        const item: unknown = value.items[segment];
        if (!item) return { key, value: undefined, complete: false };
        // An item has no key; a problem about "the key" of an item points at the item itself.
        key = item as Located;
        value = item;
      } else {
        return { key, value: undefined, complete: false };
      }
    }
    return { key, value: value as Located | null, complete: true };
  }

  /** The key path of the mapping key that starts at `offset`. */
  private pathOfKeyAt(offset: number): Path | undefined {
    let found: Path | undefined;
    visit(this.doc, {
      Pair: (_, pair, ancestors) => {
        if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
        const path: (string | number)[] = [];
        let previous: unknown;
        for (const ancestor of ancestors) {
          if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value));
          if (isSeq(previous)) path.push(previous.items.indexOf(ancestor as never));
          previous = ancestor;
        }
        path.push(String(pair.key.value));
        found = path;
        return visit.BREAK;
      },
    });
    return found;
  }
}
