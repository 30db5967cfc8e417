import type { Finding, ScanReport, Severity } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import { pinnedDigests } from './pinned-digest.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'SARIF';
const LEVELS = ['none', 'note', 'warning', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * SARIF level → severity, used when the rule carries no usable `security-severity`. The issue says
 * "SARIF: level `error` or security-severity bands", so `error` maps to `high`: the default
 * `failOn: high` then rejects every error-level result, and `warning` stays below it.
 *
 * | level   | severity |
 * |---------|----------|
 * | error   | high     |
 * | warning | medium   |
 * | note    | low      |
 * | none    | none     |
 */
const LEVEL_SEVERITY: Record<Level, Severity> = {
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'none',
};

/** Vulnerability ids inside rule ids such as grype's `CVE-1999-0001-package-1`, for VEX matching. */
const VULNERABILITY_ID = /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;

/**
 * SARIF 2.1.0 (OASIS), as written by CodeQL, Trivy, Grype and most static analysers. A result is a
 * finding unless its `kind` says it is not a failure or a suppression was accepted.
 */
export const sarifFormat: EvidenceFormat = {
  name: 'sarif',

  recognises(content: ParsedContent): boolean {
    return (
      content.syntax === 'json' &&
      isRecord(content.value) &&
      content.value.version === '2.1.0' &&
      Array.isArray(content.value.runs)
    );
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const tools: string[] = [];
    const subjects: (string | undefined)[] = [];
    const names: string[] = [];
    const times: Date[] = [];
    const findings: Finding[] = [];
    for (const run of root.field('runs').array()) {
      run.object();
      const tool = run.field('tool');
      tool.object();
      const driver = tool.field('driver');
      driver.object();
      const version =
        driver.field('version').optionalString() ?? driver.field('semanticVersion').optionalString();
      tools.push([driver.field('name').string(), version].filter(Boolean).join(' '));

      // Trivy writes the image it scanned into the run's property bag. `imageID` is deliberately not
      // read: it is the config digest, which never equals a manifest digest being admitted.
      const properties = run.field('properties');
      properties.optionalObject();
      subjects.push(...properties.field('repoDigests').optionalStrings());
      const imageName = properties.field('imageName').optionalText();
      if (imageName) {
        names.push(imageName);
        subjects.push(imageName);
      }

      for (const invocation of run.field('invocations').optionalArray()) {
        invocation.object();
        const time =
          invocation.field('endTimeUtc').optionalDate() ?? invocation.field('startTimeUtc').optionalDate();
        if (time) times.push(time);
      }

      const rules = new RuleTable(driver, tool.field('extensions').optionalArray());
      for (const result of run.field('results').optionalArray()) {
        const finding = readResult(result, rules);
        if (finding) findings.push(finding);
      }
    }
    const report: ScanReport = {
      format: 'sarif',
      tool: tools.join(', '),
      subjectDigests: pinnedDigests(subjects),
      findings,
    };
    // Several runs or invocations: the oldest one decides how old the evidence is.
    if (times.length) report.createdAt = new Date(Math.min(...times.map((time) => time.getTime())));
    if (names.length) report.subjectName = names.join(', ');
    return { format: 'sarif', kind: 'scan', file, report };
  },
};

/** The rules of a run's driver and extensions, found by index or id as SARIF §3.27.6–7 allow. */
class RuleTable {
  private readonly components: JsonCursor[][];

  constructor(driver: JsonCursor, extensions: JsonCursor[]) {
    this.components = [driver, ...extensions].map((component) => {
      component.object();
      return component.field('rules').optionalArray();
    });
  }

  /**
   * `ruleIndex` (or `rule.index`) indexes the driver's rules unless `rule.toolComponent.index` names
   * an extension; without a usable index the rule is found by id in the driver, then the extensions.
   */
  find(
    id: string | undefined,
    index: number | undefined,
    extension: number | undefined,
  ): JsonCursor | undefined {
    const component = extension === undefined ? this.components[0] : this.components[extension + 1];
    const byIndex = index === undefined ? undefined : component?.[index];
    if (byIndex && (id === undefined || byIndex.field('id').value === id)) return byIndex;
    if (id === undefined) return undefined;
    for (const rules of this.components) {
      const found = rules.find((rule) => rule.field('id').value === id);
      if (found) return found;
    }
    return undefined;
  }
}

function readResult(result: JsonCursor, rules: RuleTable): Finding | undefined {
  result.object();
  const kind = result.field('kind').optionalString();
  // §3.27.9: kind absent means "fail"; pass, open, informational, notApplicable and review are not findings.
  if (kind !== undefined && kind !== 'fail') return undefined;
  if (isSuppressed(result)) return undefined;

  const reference = result.field('rule');
  reference.optionalObject();
  const id = result.field('ruleId').optionalString() ?? reference.field('id').optionalString();
  const index = result.field('ruleIndex').optionalNumber() ?? reference.field('index').optionalNumber();
  const extension = reference.field('toolComponent').field('index').optionalNumber();
  const rule = rules.find(id, index === -1 ? undefined : index, extension);
  const ruleId = id ?? rule?.field('id').optionalString() ?? '(no rule id)';

  const { severity, severitySource } = severityOf(result, rule);
  const message = result.field('message');
  message.optionalObject();
  const text = message.field('text').optionalString();
  const finding: Finding = {
    id: ruleId,
    aliases: vulnerabilityIdsIn(ruleId),
    severity,
    severitySource,
  };
  const pkg = packageOf(rule, text);
  if (pkg) finding.package = pkg;
  const title = rule?.field('shortDescription').field('text').optionalText() ?? firstLine(text);
  if (title) finding.title = title;
  return finding;
}

/** §3.34: a suppression counts unless its status is `underReview` or `rejected`. */
function isSuppressed(result: JsonCursor): boolean {
  return result
    .field('suppressions')
    .optionalArray()
    .some((suppression) => {
      suppression.object();
      const status = suppression.field('status').optionalString();
      return status === undefined || status === 'accepted';
    });
}

/**
 * GitHub's bands for the rule's `properties["security-severity"]` (a string, "greater than 0.0 up to
 * 10.0"): ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. A value outside (0, 10] is
 * "regarded as having no security severity", so the level decides, as it does for rules without one:
 * reading 0.0 as severity `none` would let a malformed score wave an `error` result through.
 */
function severityOf(
  result: JsonCursor,
  rule: JsonCursor | undefined,
): { severity: Severity; severitySource: string } {
  const field = rule?.field('properties').field('security-severity');
  if (field?.present) {
    const score = typeof field.value === 'number' ? field.value : Number(field.string().trim());
    if (Number.isNaN(score) || (typeof field.value === 'string' && field.value.trim() === '')) {
      field.fail(`must be a number from 0.1 to 10.0 written as a string, got ${JSON.stringify(field.value)}`);
    }
    if (score > 0 && score <= 10) {
      const severity: Severity =
        score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
      return { severity, severitySource: `security-severity ${field.value}` };
    }
  }
  const level = result.field('level');
  if (level.present) {
    const value = level.oneOf(LEVELS);
    return { severity: LEVEL_SEVERITY[value], severitySource: `level ${value}` };
  }
  const ruleLevel = rule?.field('defaultConfiguration').field('level');
  if (ruleLevel?.present) {
    const value = ruleLevel.oneOf(LEVELS);
    return { severity: LEVEL_SEVERITY[value], severitySource: `level ${value} (rule default)` };
  }
  return { severity: LEVEL_SEVERITY.warning, severitySource: 'level warning (SARIF default)' };
}

/**
 * SARIF has no package field. Grype lists the package URL in the rule's `properties.purls`; Trivy
 * writes "Package: NAME\nInstalled Version: VERSION" at the top of every result message.
 */
function packageOf(rule: JsonCursor | undefined, text: string | undefined): Finding['package'] {
  const properties = rule?.field('properties').value;
  const purls = isRecord(properties) && Array.isArray(properties.purls) ? properties.purls : [];
  const purl = purls.length === 1 && typeof purls[0] === 'string' ? purls[0] : undefined;
  const name = text && /^Package: (.+)$/m.exec(text)?.[1]?.trim();
  const version = text && /^Installed Version: (.+)$/m.exec(text)?.[1]?.trim();
  if (name) return { name, ...(version ? { version } : {}), ...(purl ? { purl } : {}) };
  if (purl) return { name: /\/([^/@?#]+)(?:@|$)/.exec(purl)?.[1] ?? purl, purl };
  return undefined;
}

/** CVE and GHSA ids inside a rule id, other than the rule id itself, upper-cased. */
function vulnerabilityIdsIn(ruleId: string): string[] {
  const ids = new Set(ruleId.match(VULNERABILITY_ID)?.map((id) => id.toUpperCase()));
  ids.delete(ruleId.toUpperCase());
  return [...ids];
}

function firstLine(text: string | undefined): string | undefined {
  return text
    ?.split('\n')
    .map((line) => line.trim())
    .find(Boolean);
}
