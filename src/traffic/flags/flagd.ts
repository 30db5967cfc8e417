/**
 * OpenFeature flagd flag files (JSON or YAML): read a flag's exposure, set a fractional split
 * between its on and off variants, and switch it off. Every result is checked by
 * @openfeature/flagd-core, the evaluation engine flagd's providers embed, before it is returned.
 *
 * How bytes change: weights, `state` and `defaultVariant` are scalars, edited (or inserted) by the
 * byte-minimal engine (manifests/yaml-edit.ts), and so is a new split, one scalar at a time into an
 * (empty) `targeting` mapping. The one structural edit, "targeting becomes `{}`", is beyond the
 * engine (it edits and inserts scalars only): the kill switch needs it to drop rules, and a new
 * split in YAML needs it to create the mapping. JSON goes through jsonc-parser's `modify`, YAML
 * through the `yaml` library's concrete syntax tree; both keep every other byte.
 */
import { MemoryStorage } from '@openfeature/flagd-core';
import { applyEdits as applyJsonEdits, modify as modifyJson } from 'jsonc-parser';
import { CST, Parser } from 'yaml';
import { ConfigurationError } from '../../errors.js';
import {
  applyEdits,
  parseManifestSource,
  positionOf,
  type ManifestSource,
  type ScalarEdit,
  type YamlPath,
} from '../../manifests/yaml-edit.js';
import type { FlagExposure, FlagPlan, FlagProvider, FlagRef } from './types.js';

/** The flagd provider. Stateless: one instance serves every file. */
export const flagdProvider: FlagProvider = {
  name: 'flagd',

  read(source, flag) {
    return inspect(source, flag).exposure;
  },

  planSplit(source, flag, percent) {
    const found = inspect(source, flag);
    const { exposure, targeting } = found;
    if (exposure.mode !== 'disabled' && exposes(found, percent.percent)) {
      return { before: exposure, after: source.text, changed: false };
    }
    const edits: ScalarEdit[] = [];
    // A disabled flag evaluates to the application's code default, not to the split: the split
    // only takes effect once the flag is enabled.
    if (found.state !== 'ENABLED') edits.push(edit(found, ['state'], 'ENABLED'));
    const fractional = [...found.path, 'targeting', 'fractional'];
    if (targeting.kind === 'rules') {
      throw new ConfigurationError(
        `flag "${flag.key}" has targeting rules (${targeting.reason}) that setting a fractional split would overwrite; ` +
          `Glidepath manages only a top-level fractional between "${exposure.onVariant}" and "${exposure.offVariant}". ` +
          'Put the split inside your rules yourself, or remove the targeting so Glidepath can manage this flag',
        positionOf(source, 0, [...found.path, 'targeting']),
      );
    } else if (targeting.kind === 'split') {
      // Only the two weights change, and the buckets keep their order. flagd puts a key on when
      // its hash falls inside the on bucket's share of the buckets laid end to end; with the
      // order fixed, raising the on share only moves keys from off to on (keys already on stay
      // on), whereas swapping the buckets would reshuffle who is on.
      const on = percent.percent;
      edits.push(
        { document: 0, path: [...fractional, targeting.onIndex, 1], value: on },
        { document: 0, path: [...fractional, targeting.offIndex, 1], value: 100 - on },
      );
    } else {
      // No bucketing expression: flagd then hashes flagKey + targetingKey, the same value the
      // documented `{cat: [{var: $flagd.flagKey}, {var: targetingKey}]}` produces, but an
      // evaluation without a targeting key gets the default variant. With the explicit `cat` it
      // would hash the flag key alone and put every anonymous caller in one bucket, possibly on.
      edits.push(
        { document: 0, path: [...fractional, 0, 0], value: exposure.onVariant },
        { document: 0, path: [...fractional, 0, 1], value: percent.percent },
        { document: 0, path: [...fractional, 1, 0], value: exposure.offVariant },
        { document: 0, path: [...fractional, 1, 1], value: 100 - percent.percent },
      );
    }
    // In YAML a missing `targeting` is first added as `{}` so the split is built in flow style
    // (`{fractional: [["on", 25], ["off", 75]]}`): the engine cannot yet add a block list whose
    // first item is itself a list (`- - "on"`) and then a second item after it.
    const start =
      targeting.kind === 'static' && !found.hasTargeting && !isJson(source.text)
        ? parseManifestSource(
            emptyTargeting(source.text, source.file, [...found.path, 'targeting']),
            source.file,
          )
        : source;
    const after = applyEdits(start, edits);
    return checked(
      source,
      found,
      after,
      (result) => result.state === 'ENABLED' && exposes(result, percent.percent),
    );
  },

  planKill(source, flag) {
    const found = inspect(source, flag);
    const { exposure, targeting } = found;
    const edits: ScalarEdit[] = [];
    // `state` stays (or becomes) ENABLED on purpose: a DISABLED flag makes flagd return the
    // application's code default, which may well be the on value. Only an enabled flag with the
    // off variant as default and no targeting is off for every caller.
    if (found.state !== 'ENABLED') edits.push(edit(found, ['state'], 'ENABLED'));
    if (found.defaultVariant !== exposure.offVariant)
      edits.push(edit(found, ['defaultVariant'], exposure.offVariant));
    let after = applyEdits(source, edits);
    if (targeting.kind !== 'static') after = emptyTargeting(after, source.file, [...found.path, 'targeting']);
    return checked(source, found, after, (result) => isKilled(result));
  },
};

// ---------------------------------------------------------------------------------------------
// Reading a flag

/** How the flag's targeting is written, as far as planning cares. */
type TargetingShape =
  /** Absent or `{}`: the default variant for everyone. */
  | { kind: 'static' }
  /** A top-level fractional with exactly the on and off buckets; indexes into its argument list. */
  | { kind: 'split'; onIndex: number; offIndex: number; onWeight: number; offWeight: number }
  /** Anything else; `reason` says what, for the refusal. */
  | { kind: 'rules'; reason: string };

interface InspectedFlag {
  exposure: FlagExposure;
  targeting: TargetingShape;
  /** `['flags', key]`. */
  path: YamlPath;
  /** Whether the flag has a `targeting` key at all (`{}` counts). */
  hasTargeting: boolean;
  state: unknown;
  defaultVariant: unknown;
}

function inspect(source: ManifestSource, ref: FlagRef): InspectedFlag {
  const data = flagdData(source);
  validate(
    data,
    source.file,
    (detail) => `flagd rejects this file as it is (${detail}); fix it before Glidepath edits it`,
  );
  const flags = (data as { flags?: unknown }).flags;
  if (!isPlainObject(flags)) {
    throw new ConfigurationError(
      '"flags" must be a mapping from flag key to flag (the array form is flagd-daemon only and not supported)',
      positionOf(source, 0, ['flags']),
    );
  }
  const flag = Object.hasOwn(flags, ref.key) ? flags[ref.key] : undefined;
  if (!isPlainObject(flag)) {
    const present = Object.keys(flags);
    throw new ConfigurationError(
      `flag "${ref.key}" is not in this file; ${present.length > 0 ? `its flags: ${present.join(', ')}` : 'it has no flags'}`,
      positionOf(source, 0, ['flags']),
    );
  }
  const path: YamlPath = ['flags', ref.key];
  const location = positionOf(source, 0, path);
  const { onVariant, offVariant } = variantsOf(source, ref, flag, path);
  const targeting = shapeOf(flag.targeting, onVariant, offVariant);
  const defaultPercent =
    flag.defaultVariant === onVariant ? 100 : typeof flag.defaultVariant === 'string' ? 0 : undefined;
  let exposure: FlagExposure;
  if (flag.state === 'DISABLED') {
    exposure = { mode: 'disabled', percent: undefined, onVariant, offVariant, location };
  } else if (targeting.kind === 'split') {
    const total = targeting.onWeight + targeting.offWeight;
    // All-zero weights make flagd's fractional return null, so the default variant applies.
    const percent = total === 0 ? defaultPercent : (100 * targeting.onWeight) / total;
    exposure = { mode: 'split', percent, onVariant, offVariant, location };
  } else if (targeting.kind === 'rules') {
    exposure = { mode: 'rules', percent: undefined, onVariant, offVariant, location };
  } else {
    exposure = { mode: 'static', percent: defaultPercent, onVariant, offVariant, location };
  }
  const hasTargeting = Object.hasOwn(flag, 'targeting');
  return { exposure, targeting, path, hasTargeting, state: flag.state, defaultVariant: flag.defaultVariant };
}

/** The file as plain data; a flagd file is exactly one YAML document or one JSON object. */
function flagdData(source: ManifestSource): unknown {
  if (source.documents.length !== 1) {
    throw new ConfigurationError(
      `a flagd file holds one document; this one has ${source.documents.length}`,
      `${source.file}:1:1`,
    );
  }
  return source.documents[0]!.toJS({ maxAliasCount: 1000 });
}

/** Which variants are on and off: as given, or for a boolean flag the ones valued true and false. */
function variantsOf(
  source: ManifestSource,
  ref: FlagRef,
  flag: Record<string, unknown>,
  path: YamlPath,
): { onVariant: string; offVariant: string } {
  const where = positionOf(source, 0, [...path, 'variants']);
  const variants = isPlainObject(flag.variants) ? flag.variants : {};
  const names = Object.keys(variants);
  const boolean = names.length > 0 && names.every((name) => typeof variants[name] === 'boolean');
  const pick = (given: string | undefined, value: boolean, role: 'on' | 'off'): string => {
    if (given !== undefined) {
      if (!Object.hasOwn(variants, given)) {
        throw new ConfigurationError(
          `flag "${ref.key}" has no variant "${given}" (given as its ${role} variant); its variants: ${names.join(', ')}`,
          where,
        );
      }
      if (boolean && variants[given] !== value) {
        throw new ConfigurationError(
          `variant "${given}" of boolean flag "${ref.key}" is ${String(variants[given])}, so it cannot be the ${role} variant`,
          where,
        );
      }
      return given;
    }
    if (!boolean) {
      throw new ConfigurationError(
        `flag "${ref.key}" is not boolean (variants: ${names.join(', ')}), so Glidepath cannot tell which variant is "${role}"; ` +
          `name it (--${role}-variant, or ${role}Variant in the policy)`,
        where,
      );
    }
    const matches = names.filter((name) => variants[name] === value);
    if (matches.length !== 1) {
      throw new ConfigurationError(
        `flag "${ref.key}" has ${matches.length} variants valued ${value} (${matches.join(', ') || 'none'}); name the ${role} variant`,
        where,
      );
    }
    return matches[0]!;
  };
  const onVariant = pick(ref.onVariant, true, 'on');
  const offVariant = pick(ref.offVariant, false, 'off');
  if (onVariant === offVariant) {
    throw new ConfigurationError(
      `flag "${ref.key}": the on and off variants are both "${onVariant}"; name two different variants`,
      where,
    );
  }
  return { onVariant, offVariant };
}

function shapeOf(targeting: unknown, on: string, off: string): TargetingShape {
  if (targeting === undefined) return { kind: 'static' };
  if (!isPlainObject(targeting)) return { kind: 'rules', reason: 'not a JSONLogic object' };
  const operators = Object.keys(targeting);
  if (operators.length === 0) return { kind: 'static' };
  if (operators.length !== 1 || operators[0] !== 'fractional' || !Array.isArray(targeting.fractional)) {
    return { kind: 'rules', reason: operators.map((operator) => `"${operator}"`).join(', ') };
  }
  const args: unknown[] = targeting.fractional;
  // A first argument that is not a bucket is the bucketing expression: kept as it is.
  const first = Array.isArray(args[0]) ? 0 : 1;
  const buckets = args.slice(first);
  const variants = buckets.map((bucket) => (Array.isArray(bucket) ? bucket[0] : undefined));
  const onAt = variants.indexOf(on);
  const offAt = variants.indexOf(off);
  if (buckets.length !== 2 || onAt < 0 || offAt < 0) {
    const listed = variants.map((variant) =>
      typeof variant === 'string' ? `"${variant}"` : 'an expression',
    );
    return {
      kind: 'rules',
      reason: `a fractional over ${listed.join(', ')} rather than exactly "${on}" and "${off}"`,
    };
  }
  const weightOf = (bucket: unknown): number | undefined => {
    const weight = (bucket as unknown[])[1];
    // flagd's default weight for a bucket written without one is 1.
    if (weight === undefined) return 1;
    return typeof weight === 'number' && Number.isInteger(weight) && weight >= 0 ? weight : undefined;
  };
  const onWeight = weightOf(buckets[onAt]);
  const offWeight = weightOf(buckets[offAt]);
  if (onWeight === undefined || offWeight === undefined) {
    return { kind: 'rules', reason: 'a fractional whose weights are expressions' };
  }
  return { kind: 'split', onIndex: first + onAt, offIndex: first + offAt, onWeight, offWeight };
}

/**
 * Whether every caller with a targeting key gets the on variant with probability exactly
 * `percent` %: compared as integers, so weights 1:3 already expose 25 % and need no edit.
 */
function exposes(found: InspectedFlag, percent: number): boolean {
  const { targeting, exposure } = found;
  if (exposure.mode === 'split' && targeting.kind === 'split') {
    const total = targeting.onWeight + targeting.offWeight;
    if (total > 0) return targeting.onWeight * 100 === percent * total;
  }
  return (exposure.mode === 'static' || exposure.mode === 'split') && exposure.percent === percent;
}

function isKilled(found: InspectedFlag): boolean {
  return (
    found.state === 'ENABLED' &&
    found.targeting.kind === 'static' &&
    found.defaultVariant === found.exposure.offVariant
  );
}

function edit(found: InspectedFlag, key: string[], value: string): ScalarEdit {
  return { document: 0, path: [...found.path, ...key], value };
}

// ---------------------------------------------------------------------------------------------
// Validating a result

/**
 * Returns the plan for `after` only once flagd accepts the file and the flag reads back as
 * intended; a file flagd would reject is never returned, so it can never be written.
 */
function checked(
  source: ManifestSource,
  before: InspectedFlag,
  after: string,
  intended: (result: InspectedFlag) => boolean,
): FlagPlan {
  if (after === source.text) return { before: before.exposure, after, changed: false };
  const key = String(before.path[1]);
  const result = parseManifestSource(after, source.file);
  const storage = validate(
    flagdData(result),
    source.file,
    (detail) => `flagd rejects the edited file (${detail}), so nothing was changed`,
    before.exposure.location,
  );
  const evaluated = storage.getFlag(key)?.evaluate({ targetingKey: 'glidepath-check' }, SILENT);
  if (!evaluated || evaluated.reason === 'ERROR') {
    throw new ConfigurationError(
      `flagd cannot evaluate flag "${key}" after the edit (${evaluated?.errorMessage ?? 'flag missing'}), so nothing was changed`,
      before.exposure.location,
    );
  }
  const ref = { key, onVariant: before.exposure.onVariant, offVariant: before.exposure.offVariant };
  if (!intended(inspect(result, ref))) {
    throw new Error(
      `the edit of flag "${key}" in ${source.file} does not read back as intended (a bug in Glidepath)`,
    );
  }
  return { before: before.exposure, after, changed: true };
}

/** flagd-core's logger type (from @openfeature/core, which is flagd-core's peer, not ours). */
type Logger = ConstructorParameters<typeof MemoryStorage>[0];

/** flagd-core logs through this; Glidepath reports its verdicts itself. */
const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Loads `data` into flagd-core with strict schema validation. `FlagdCore.setConfigurations` alone
 * is not enough: it validates non-strictly, only logging schema violations at debug level, so a
 * misspelt operator would pass; the storage it wraps takes the strict flag.
 */
function validate(
  data: unknown,
  file: string,
  message: (detail: string) => string,
  location = file,
): MemoryStorage {
  const storage = new MemoryStorage(SILENT);
  try {
    storage.setConfigurations(JSON.stringify(data), true);
  } catch (error) {
    throw new ConfigurationError(message(describeFlagdError(error)), location, { cause: error });
  }
  return storage;
}

/** flagd-core's schema errors arrive as JSON in the message; the deepest three say the most. */
function describeFlagdError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const list = message.indexOf('[');
  if (list >= 0) {
    try {
      const errors = JSON.parse(message.slice(list)) as { instancePath?: string; message?: string }[];
      const lines = [
        ...new Set(
          [...errors]
            .sort((a, b) => (b.instancePath?.length ?? 0) - (a.instancePath?.length ?? 0))
            .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()),
        ),
      ];
      if (lines.length > 0) return lines.slice(0, 3).join('; ');
    } catch {
      // Not the schema report: fall through to the message as it is.
    }
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`;
}

// ---------------------------------------------------------------------------------------------
// The one structural edit: targeting becomes {}

/**
 * `text` with the mapping key at `path` set to `{}`, replacing its value or, when the key is
 * missing, adding it after its siblings; every other byte is kept.
 */
function emptyTargeting(text: string, file: string, path: YamlPath): string {
  const keys = path.map(String);
  if (isJson(text)) {
    // jsonc-parser replaces exactly the value's range; the formatting options only shape a key it
    // has to add, which the plans never ask of it (a missing key in JSON goes through the engine).
    const edits = modifyJson(text, keys, {}, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    return applyJsonEdits(text, edits);
  }
  const tokens = [...new Parser().parse(text)];
  const document = tokens.find((token) => token.type === 'document');
  let parent: CST.Token | undefined = document?.type === 'document' ? document.value : undefined;
  for (const key of keys.slice(0, -1)) {
    parent = isMapToken(parent) ? findItem(parent, key)?.value : undefined;
  }
  if (!isMapToken(parent))
    throw new Error(
      `${file}: ${keys.join('.')} has no mapping parent in the syntax tree (a bug in Glidepath)`,
    );
  const key = keys[keys.length - 1]!;
  const item = findItem(parent, key);
  if (item) replaceWithEmptyMap(item, keys, file);
  else appendEmptyMap(parent, key, text);
  return tokens.map((token) => CST.stringify(token)).join('');
}

function replaceWithEmptyMap(item: CST.CollectionItem, keys: string[], file: string): void {
  const old = item.value!;
  if (item.sep?.some((token) => token.type === 'anchor')) {
    throw new ConfigurationError(
      `${keys.join('.')} carries an anchor (&) that other nodes may refer to; replace the aliases with their own values first`,
      file,
    );
  }
  item.value = emptyMapToken(old.offset, trailingTokens(old));
  // In block style the separator holds `:`, then the line break and indentation before the old
  // value (and any comment after the colon, which described the rules being removed).
  const colon = item.sep?.findIndex((token) => token.type === 'map-value-ind') ?? -1;
  if (item.sep && colon >= 0 && item.sep.slice(colon + 1).some((token) => token.type === 'newline')) {
    item.sep = [...item.sep.slice(0, colon + 1), sourceToken('space', old.offset, ' ')];
  }
}

/** `key: {}` as the mapping's last entry, in its style: a new line at its column, or `, key: {}`. */
function appendEmptyMap(map: CST.BlockMap | CST.FlowCollection, key: string, text: string): void {
  const at = map.offset;
  const last = map.items[map.items.length - 1];
  const sep = [sourceToken('map-value-ind', at, ':'), sourceToken('space', at, ' ')];
  const keyToken = CST.createScalarToken(key, {
    indent: map.type === 'block-map' ? map.indent : 0,
    implicitKey: true,
    inFlow: map.type === 'flow-collection',
    // Without `end` the token brings its own line break, which would split `key` from `: {}`.
    end: [],
  });
  if (map.type === 'flow-collection') {
    const start = last ? [sourceToken('comma', at, ','), sourceToken('space', at, ' ')] : [];
    map.items.push({ start, key: keyToken, sep, value: emptyMapToken(at, []) });
    return;
  }
  // The file's own line ending; a last line without one (no final newline) gets one first and
  // the new last line goes without, so the file still ends the way it did.
  const eol = /\r?\n/.exec(text)?.[0] ?? '\n';
  const endsLine = last !== undefined && /\n$/.test(CST.stringify(last));
  const start = [
    ...(endsLine ? [] : [sourceToken('newline', at, eol)]),
    sourceToken('space', at, ' '.repeat(map.indent)),
  ];
  map.items.push({
    start,
    key: keyToken,
    sep,
    value: emptyMapToken(at, endsLine ? [sourceToken('newline', at, eol)] : []),
  });
}

/**
 * What follows a value on its line and belongs to the mapping around it: a comment and the line
 * break after a flow value or scalar; after a block value only its final line break (its comments
 * are inside the rules being removed).
 */
function trailingTokens(value: CST.Token): CST.SourceToken[] {
  if (value.type === 'flow-collection') {
    const close = value.end.findIndex(
      (token) => token.type === 'flow-map-end' || token.type === 'flow-seq-end',
    );
    return value.end.slice(close + 1);
  }
  if ('end' in value && Array.isArray(value.end)) return value.end;
  const lineBreak = /\r?\n$/.exec(CST.stringify(value))?.[0];
  return lineBreak ? [sourceToken('newline', value.offset, lineBreak)] : [];
}

function emptyMapToken(offset: number, trailing: CST.SourceToken[]): CST.FlowCollection {
  const end = [sourceToken('flow-map-end', offset, '}'), ...trailing];
  return {
    type: 'flow-collection',
    offset,
    indent: 0,
    start: sourceToken('flow-map-start', offset, '{'),
    items: [],
    end,
  };
}

/** Offsets and indents of new tokens are not read back: `CST.stringify` writes only their source. */
function sourceToken(type: CST.SourceToken['type'], offset: number, source: string): CST.SourceToken {
  return { type, offset, indent: 0, source };
}

function isMapToken(token: CST.Token | undefined): token is CST.BlockMap | CST.FlowCollection {
  return token?.type === 'block-map' || (token?.type === 'flow-collection' && token.start.source === '{');
}

function findItem(map: CST.BlockMap | CST.FlowCollection, key: string): CST.CollectionItem | undefined {
  return map.items.find((item) => item.key && CST.resolveAsScalar(item.key)?.value === key);
}

/** Whether the file is JSON (and so edited with a JSON editor), as opposed to YAML. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
