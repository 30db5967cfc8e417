/**
 * Committed overrides: an incident's audited bypass of deploy windows and freezes, written where a
 * custom deployment protection rule (which takes no flags) and every rollout read it — the GitOps
 * repository, next to the quarantine list (`.glidepath/overrides.yaml` by default). The commit that
 * adds an entry is its audit record (who, when, reviewed like any change); the entry says for which
 * environment, why, and until when. Like `--override`, it never bypasses a quarantined digest or
 * failed evidence, and only the kinds `deploy.overrides` allows count.
 *
 * ```yaml
 * overrides:
 *   - environment: production
 *     kind: p0                        # p0 | security
 *     reason: "INC-4211: checkout hotfix"
 *     until: 2026-11-22T18:00:00Z     # at most 7 days ahead; expired entries are ignored
 *     service: checkout               # optional: only this service's deployments
 * ```
 *
 * A file Glidepath cannot read is a ConfigurationError at FILE:LINE:COL; gatherFacts keeps it as
 * no override plus the reason, so a deployment that needed the override is rejected (fail closed)
 * saying what to fix, and one inside its window is not held up by a typo here.
 */
import { dirname, posix } from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { OverrideKind } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { readYamlList } from '../gitops/yaml-list.js';

/** The longest an entry may stay in force: an override is for an incident, not a standing exception. */
export const MAX_OVERRIDE_DAYS = 7;

const KINDS: readonly OverrideKind[] = ['p0', 'security'];
/** ISO 8601 with a zone, as `until` must be written (a bare date or local time is ambiguous). */
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;

/** One entry of the file. */
export interface CommittedOverride {
  environment: string;
  kind: OverrideKind;
  reason: string;
  /** When it stops applying. */
  until: Date;
  /** Only deployments of this service, when set. */
  service?: string;
  /** Where it is written (`FILE:LINE:COL`), for messages. */
  where: string;
}

/** The overrides file next to `quarantineFile`. */
export function overridesFileFor(quarantineFile: string): string {
  return posix.join(dirname(quarantineFile), 'overrides.yaml');
}

/** Every entry of an overrides file; undefined or empty text means none. */
export function parseOverrides(text: string | undefined, file: string): CommittedOverride[] {
  const list = readYamlList(text, file, 'overrides', 'an `overrides:` list');
  if (!list) return [];
  const { at } = list;
  return list.items.map((item, index) => {
    const name = `overrides[${index}]`;
    if (!isMap(item)) {
      throw new ConfigurationError(
        `${name}: expected a mapping with environment, kind, reason and until`,
        at(item),
      );
    }
    const text = (key: string, required: boolean): string | undefined => {
      const node = item.get(key, true) as Node | undefined;
      const value = isScalar(node) && node.value !== null ? String(node.value).trim() : undefined;
      if (required && !value) {
        throw new ConfigurationError(`${name}.${key} is required: ${HELP[key]}`, at(node ?? item));
      }
      return value || undefined;
    };
    const kind = text('kind', true)!;
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new ConfigurationError(
        `${name}.kind must be ${KINDS.join(' or ')}; got "${kind}"`,
        at(item.get('kind', true)),
      );
    }
    const untilNode = item.get('until', true) as Node | undefined;
    // YAML may have read an unquoted timestamp as a Date already; keep what was written.
    const untilText = isScalar(untilNode)
      ? untilNode.value instanceof Date
        ? untilNode.value.toISOString()
        : String(untilNode.value ?? '').trim()
      : '';
    if (!untilText)
      throw new ConfigurationError(`${name}.until is required: ${HELP.until}`, at(untilNode ?? item));
    if (!INSTANT.test(untilText) || Number.isNaN(Date.parse(untilText))) {
      throw new ConfigurationError(
        `${name}.until must be an instant with a zone, e.g. 2026-11-22T18:00:00Z; got "${untilText}"`,
        at(untilNode),
      );
    }
    const service = text('service', false);
    return {
      environment: text('environment', true)!,
      kind: kind as OverrideKind,
      reason: text('reason', true)!,
      until: new Date(untilText),
      ...(service ? { service } : {}),
      where: at(item),
    };
  });
}

const HELP: Record<string, string> = {
  environment: 'the environment whose deployments it lets through (e.g. production)',
  kind: `why: ${KINDS.join(' or ')}`,
  reason: 'the incident or advisory, recorded with every commit it lets through',
  until: `when it stops applying, at most ${MAX_OVERRIDE_DAYS} days ahead (e.g. 2026-11-22T18:00:00Z)`,
};

/**
 * The entry in force for `environment` (and `service`) at `at`: the first listed whose `until` is
 * still ahead. An entry in force longer than MAX_OVERRIDE_DAYS from `at` is a ConfigurationError:
 * a standing exception belongs in `deploy.allow`, reviewed as policy.
 */
export function overrideInForce(
  entries: readonly CommittedOverride[],
  scope: { environment: string; service?: string; at: Date },
): CommittedOverride | undefined {
  const limit = scope.at.getTime() + MAX_OVERRIDE_DAYS * 24 * 3600 * 1000;
  for (const entry of entries) {
    if (entry.environment !== scope.environment) continue;
    if (entry.service !== undefined && entry.service !== scope.service) continue;
    if (entry.until.getTime() <= scope.at.getTime()) continue;
    if (entry.until.getTime() > limit) {
      throw new ConfigurationError(
        `until ${entry.until.toISOString()} is more than ${MAX_OVERRIDE_DAYS} days away: an override is for an ` +
          'incident; shorten it, or change deploy.allow/deny in the policy for a standing exception',
        entry.where,
      );
    }
    return entry;
  }
  return undefined;
}
