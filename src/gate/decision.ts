/**
 * The gate's decision: may a deployment to an environment start now? One pure function, used by
 * the deployment-protection-rule server (which posts the result to `deployment_callback_url`) and
 * by `glidepath gate check` in a workflow step, so both always agree (issue 6 Build 4 and 5;
 * github-platform.md §1: a custom protection rule answers `approved` or `rejected` with a comment of
 * at most 1,024 characters).
 *
 * Two kinds of rule:
 * - hard: a quarantined digest, and evidence that does not admit the artifact. No override bypasses
 *   them: a person re-admits a digest by deleting its quarantine entry, and evidence by fixing it.
 * - soft: a closed deploy window or a freeze (deny window), a spent error budget (when
 *   `deploy.freezeOnBudget`), and a failed rollout nobody has acknowledged. An override the policy
 *   allows (`deploy.overrides`) with a non-empty reason approves in spite of them, and the comment
 *   records who overrode what and why: the audit trail the issue asks for.
 */
import type { DeployPolicy, OverrideKind } from '../config/types.js';
import { formatInZone, windowVerdict } from './windows.js';

/** Everything the decision looks at, gathered beforehand (facts.ts) so deciding is pure. */
export interface GateFacts {
  /** The GitHub deployment environment asked about. */
  environment: string;
  /** The digest to be deployed, `sha256:…`, when known. */
  digest?: string;
  /** The instant the decision is for (now, or `--at`). */
  at: Date;
  /** The digest's entry in the quarantine list, when it has one. */
  quarantined?: { digest: string; reason?: string; rollout?: string };
  /** The evidence verdict for the digest, when known; absent: not judged here. */
  admission?: { admitted: boolean; reason: string };
  /** The SLO error budget, when the policy has `analysis.slo` and it was measured. */
  budget?: { frozen: boolean; remaining?: number; reason: string };
  /** The service's newest rollout was reverted and no newer commit acknowledges it (facts.ts). */
  openFailure?: { rollout: string; reason: string; sha: string };
  /**
   * An audited override: asked for (`--override p0 --reason …`, `by` the actor), or committed to the
   * overrides file (`committed`: where the entry is and until when it applies).
   */
  override?: {
    kind: OverrideKind;
    reason: string;
    by?: string;
    committed?: { where: string; until: string };
  };
  /** The overrides file an incident can commit an entry to (gatherFacts sets it), for the hint. */
  overridesFile?: string;
  /** Why the overrides file could not be used (FILE:LINE:COL and the fix), when it is broken. */
  overridesError?: string;
}

/** The answer, in the shape a deployment protection rule posts. */
export interface GateDecision {
  state: 'approved' | 'rejected';
  /** Why it was rejected, or what an override bypassed; each says what to do. Empty on a plain approval. */
  reasons: string[];
  /** Markdown for the review comment, at most COMMENT_LIMIT characters. */
  comment: string;
  /** Set when an override turned a rejection into an approval. */
  overridden?: OverrideKind;
}

/** GitHub's limit on a deployment protection rule review comment. */
export const COMMENT_LIMIT = 1024;

/** What applies when the policy has no `deploy:` section: any time, budget freezes on, both overrides. */
const DEFAULT_OVERRIDES: readonly OverrideKind[] = ['p0', 'security'];

/** One rule's outcome, for the reasons and the checklist in the comment. */
interface Check {
  passed: boolean;
  /** Hard rules cannot be overridden. */
  hard: boolean;
  text: string;
}

/** Decides. Throws ConfigurationError only when `deploy`'s time zone or windows cannot be read. */
export function decideGate(deploy: DeployPolicy | undefined, facts: GateFacts): GateDecision {
  const checks = gateChecks(deploy, facts);
  const hard = checks.filter((check) => check.hard && !check.passed);
  const soft = checks.filter((check) => !check.hard && !check.passed);
  const override = facts.override;
  const allowed = deploy?.overrides ?? DEFAULT_OVERRIDES;
  const overrideProblem =
    override === undefined
      ? undefined
      : !allowed.includes(override.kind)
        ? `override ${override.kind} is not allowed by deploy.overrides (allowed: ${allowed.join(', ') || 'none'}); ask the policy's owners, or wait`
        : override.reason.trim() === ''
          ? `override ${override.kind} needs a reason (--reason TEXT): it is recorded for the audit`
          : undefined;

  let state: GateDecision['state'];
  let reasons: string[];
  let overridden: OverrideKind | undefined;
  if (hard.length > 0) {
    state = 'rejected';
    reasons = [...hard, ...soft].map((check) => check.text);
    if (override)
      reasons.push(`override ${override.kind} cannot bypass a quarantined digest or failed evidence`);
  } else if (soft.length === 0) {
    state = 'approved';
    reasons = [];
  } else if (override && overrideProblem === undefined) {
    state = 'approved';
    overridden = override.kind;
    reasons = soft.map((check) => check.text);
  } else {
    state = 'rejected';
    reasons = soft.map((check) => check.text);
    reasons.push(
      overrideProblem ??
        (facts.overridesError ? `the overrides file cannot be used: ${facts.overridesError}` : undefined) ??
        (allowed.length === 0
          ? 'no override is allowed (deploy.overrides is empty)'
          : `an incident may override with --override ${allowed.join('|')} --reason TEXT` +
            (facts.overridesFile
              ? `, or an entry in ${facts.overridesFile} (environment, kind ${allowed.join('|')}, reason, until)`
              : '')),
    );
  }
  const decision: GateDecision = {
    state,
    reasons,
    comment: commentFor(state, facts, checks, reasons, overridden),
  };
  if (overridden) decision.overridden = overridden;
  return decision;
}

function gateChecks(deploy: DeployPolicy | undefined, facts: GateFacts): Check[] {
  const checks: Check[] = [];
  const quarantined = facts.quarantined;
  if (quarantined) {
    const why = [quarantined.reason, quarantined.rollout && `rollout ${quarantined.rollout}`]
      .filter(Boolean)
      .join('; ');
    checks.push({
      passed: false,
      hard: true,
      text:
        `${quarantined.digest} is quarantined${why ? ` (${why})` : ''}: deploy another digest, or re-admit ` +
        'this one by deleting its entry from the quarantine list in a reviewed commit',
    });
  } else if (facts.digest) {
    checks.push({ passed: true, hard: true, text: `${facts.digest} is not quarantined` });
  }
  if (facts.admission) {
    checks.push(
      facts.admission.admitted
        ? { passed: true, hard: true, text: `evidence admits the artifact: ${facts.admission.reason}` }
        : {
            passed: false,
            hard: true,
            text: `evidence does not admit the artifact (${facts.admission.reason}): fix the evidence and run glidepath verify again`,
          },
    );
  }
  if (deploy) {
    const window = windowVerdict(deploy, facts.at);
    checks.push(
      window.open
        ? { passed: true, hard: false, text: `deploy window open: ${window.reason}` }
        : {
            passed: false,
            hard: false,
            text:
              `deploy window closed: ${window.reason}; ` +
              (window.next
                ? `it opens at ${formatInZone(window.next, deploy.timeZone)} (${window.next.toISOString()})`
                : `it does not open within 14 days; change deploy.allow/deploy.deny`),
          },
    );
  }
  const budget = facts.budget;
  if (budget) {
    const freezes = deploy?.freezeOnBudget ?? true;
    checks.push(
      budget.frozen && freezes
        ? {
            passed: false,
            hard: false,
            text: `error budget spent: ${budget.reason}; deploy once the budget recovers (or set deploy.freezeOnBudget: false)`,
          }
        : { passed: true, hard: false, text: `error budget: ${budget.reason}` },
    );
  }
  const failure = facts.openFailure;
  checks.push(
    failure
      ? {
          passed: false,
          hard: false,
          text:
            `rollout ${failure.rollout} was reverted (${failure.reason}, ${failure.sha.slice(0, 12)}) and nobody has ` +
            'acknowledged it: commit the fix (or a change to the quarantine list) to the GitOps repository',
        }
      : { passed: true, hard: false, text: 'no reverted rollout left unacknowledged' },
  );
  return checks;
}

function commentFor(
  state: GateDecision['state'],
  facts: GateFacts,
  checks: readonly Check[],
  reasons: readonly string[],
  overridden: OverrideKind | undefined,
): string {
  const subject = `\`${facts.environment}\`${facts.digest ? ` — \`${facts.digest}\`` : ''}`;
  const lines: string[] = [];
  if (overridden && facts.override) {
    const { committed } = facts.override;
    const by =
      (facts.override.by ? ` by ${facts.override.by}` : '') +
      (committed ? ` (committed in ${committed.where}, until ${committed.until})` : '');
    lines.push(
      `**Glidepath gate: approved by override \`${overridden}\`**${by} for ${subject}`,
      `> ${oneLine(facts.override.reason)}`,
      ...reasons.map((reason) => `- ⚠️ bypassed: ${oneLine(reason)}`),
    );
  } else if (state === 'rejected') {
    lines.push(
      `**Glidepath gate: rejected** ${subject}`,
      ...reasons.map((reason) => `- ⛔ ${oneLine(reason)}`),
    );
  } else {
    lines.push(`**Glidepath gate: approved** ${subject}`);
  }
  lines.push(...checks.filter((check) => check.passed).map((check) => `- ✅ ${oneLine(check.text)}`));
  return clip(lines.join('\n'), COMMENT_LIMIT);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `text` cut to `limit` UTF-16 units (so also ≤ limit characters), ending in an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  // Never split a surrogate pair (an emoji would turn into a replacement character).
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
