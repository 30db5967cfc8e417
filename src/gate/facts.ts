/**
 * What the gate decides on, read from where Glidepath keeps it: the quarantine list and the branch
 * history of the GitOps repository (through a DesiredStateWriter, so both backends work), and,
 * when the policy has `analysis.slo` and a metric provider is given, the error budget
 * (burn-rate.ts). decision.ts then decides without any I/O.
 *
 * "Open failure": the service's newest rollout on the branch (recoverRollout) was reverted, and no
 * newer commit acknowledges it. A commit acknowledges a reverted rollout when it is newer than the
 * rollout's last commit, is not a Glidepath rollout commit (no `Glidepath-Rollout` trailer: a person
 * or another tool made it) and changes a file the policy manages — an image target, the traffic or
 * flag file, or the quarantine list. That covers the ordinary ways a team says "seen, handled":
 * deleting the digest's quarantine entry, or committing a fix to the manifests. A newer rollout of
 * the service also ends it, because it becomes the newest rollout.
 *
 * The override is the caller's (`--override`), else an entry in force in the overrides file next to
 * the quarantine list (overrides.ts): how a deployment protection rule, which takes no flags, is
 * overridden in an incident.
 */
import type { Policy } from '../config/types.js';
import { ConfigurationError, GlidepathError } from '../errors.js';
import { Digest } from '../evidence/image-ref.js';
import { errorBudgetRemaining } from '../analysis/burn-rate.js';
import { isQuarantined } from '../gitops/quarantine.js';
import type { DesiredStateWriter, LoggedCommit } from '../gitops/types.js';
import { renderQuery } from '../metrics/template.js';
import type { MetricProvider } from '../metrics/providers/types.js';
import { recoverRollout } from '../rollout/recover.js';
import type { GateFacts } from './decision.js';
import { overrideInForce, overridesFileFor, parseOverrides } from './overrides.js';

/** How many branch commits are read to find the newest rollout (as `glidepath status` reads). */
export const GATE_LOG_DEPTH = 200;

/** What gatherFacts needs. */
export interface GatherRequest {
  /** The policy; its `desired` section says where the GitOps repository and quarantine list are. */
  policy: Policy;
  writer: DesiredStateWriter;
  /** The digest to be deployed (`sha256:…`); without it the quarantine list is not consulted. */
  digest?: string;
  at: Date;
  /** The environment asked about; default the policy's, else `production`. */
  environment?: string;
  override?: GateFacts['override'];
  /** Measures the error budget; absent: `budget` is left out. */
  provider?: MetricProvider;
  /** The evidence verdict, when the caller has one. */
  admission?: GateFacts['admission'];
  /** The branch history (newest first, GATE_LOG_DEPTH deep) when the caller already read it. */
  log?: readonly LoggedCommit[];
}

/** Reads the facts. Throws ConfigurationError when the policy has no `desired` section. */
export async function gatherFacts(request: GatherRequest): Promise<GateFacts> {
  const { policy, writer, at } = request;
  const desired = policy.desired;
  if (!desired) {
    throw new ConfigurationError(
      'the gate reads the quarantine list and rollout history from the GitOps repository: add a desired section',
      policy.source,
    );
  }
  const facts: GateFacts = {
    environment: request.environment ?? policy.environment ?? 'production',
    at,
  };
  // One read of the branch: every file below is read at its head commit (a sha needs no fetch), so
  // all the facts come from the same commit.
  const log = request.log ?? (await writer.log(desired.branch, GATE_LOG_DEPTH));
  const head = log[0]?.sha ?? desired.branch;
  if (request.digest) {
    const digest = Digest.parse(request.digest, '--artifact').toString();
    facts.digest = digest;
    const text = await writer.readFile(head, desired.quarantineFile);
    const entry = isQuarantined(text, digest, desired.quarantineFile);
    if (entry) {
      facts.quarantined = {
        digest: entry.digest,
        ...(entry.reason ? { reason: entry.reason } : {}),
        ...(entry.rollout ? { rollout: entry.rollout } : {}),
      };
    }
  }
  if (request.admission) facts.admission = request.admission;

  const managed = new Set<string>([
    ...desired.targets.map((target) => target.path),
    ...(desired.traffic ? [desired.traffic.path] : []),
    ...(desired.flags ? [desired.flags.path] : []),
    desired.quarantineFile,
  ]);
  const failure = await openFailure(log, policy.service, managed, writer);
  if (failure) facts.openFailure = failure;

  if (policy.analysis?.slo && request.provider) {
    facts.budget = await measureBudget(policy, request.provider, at);
  }
  // An override asked for now (--override) wins; else an entry committed to the overrides file.
  const overridesFile = overridesFileFor(desired.quarantineFile);
  facts.overridesFile = overridesFile;
  if (request.override) {
    facts.override = request.override;
  } else {
    // A broken file only matters when an override is needed: the decision then says what to fix
    // (and rejects); a deployment inside its window is not held up by it.
    let entry: ReturnType<typeof overrideInForce>;
    try {
      const entries = parseOverrides(await writer.readFile(head, overridesFile), overridesFile);
      entry = overrideInForce(entries, {
        environment: facts.environment,
        ...(policy.service ? { service: policy.service } : {}),
        at,
      });
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      facts.overridesError = error.message;
    }
    if (entry) {
      facts.override = {
        kind: entry.kind,
        reason: entry.reason,
        committed: { where: entry.where, until: entry.until.toISOString() },
      };
    }
  }
  return facts;
}

/** The service's newest rollout when it was reverted and no later commit acknowledges it. */
export async function openFailure(
  log: readonly LoggedCommit[],
  service: string | undefined,
  managed: ReadonlySet<string>,
  writer: Pick<DesiredStateWriter, 'changedFiles'>,
): Promise<GateFacts['openFailure']> {
  const rollout = recoverRollout(log, service === undefined ? {} : { service });
  if (!rollout || rollout.status !== 'reverted') return undefined;
  const headIndex = log.findIndex((commit) => commit.sha === rollout.head);
  for (const commit of log.slice(0, Math.max(headIndex, 0))) {
    if (commit.trailers['Glidepath-Rollout'] !== undefined) continue;
    const changed = await writer.changedFiles(commit.sha);
    if (changed.some((path) => managed.has(path))) return undefined;
  }
  const reversal = rollout.commits.find((commit) => commit.revertOf !== undefined)!;
  return {
    rollout: rollout.id,
    reason: `${reversal.verdict ? `verdict ${reversal.verdict}: ` : ''}${reversal.headline}`,
    sha: reversal.sha,
  };
}

/**
 * The error budget over `analysis.slo.period`: `budgetErrorRatio` (else `errorRatio`) measured with
 * `{{window}}` set to the period, then `1 − ratio / (1 − objective)` (burn-rate.ts). The budget is
 * spent at ≤ 0 remaining. A measurement that fails or returns nothing leaves the budget unknown and
 * not frozen — a metrics outage must not stop every deployment — and the reason says so, so the
 * comment shows it; a query the back-end rejects is a ConfigurationError for the user to fix.
 */
export async function measureBudget(
  policy: Policy,
  provider: MetricProvider,
  at: Date,
): Promise<NonNullable<GateFacts['budget']>> {
  const slo = policy.analysis!.slo!;
  const template = slo.budgetErrorRatio ?? slo.errorRatio;
  const field = slo.budgetErrorRatio ? 'analysis.slo.budgetErrorRatio' : 'analysis.slo.errorRatio';
  const query = renderQuery(template, {
    ...(policy.service ? { service: policy.service } : {}),
    window: slo.period.toString(),
    args: policy.analysis!.args,
  });
  let value: number | undefined;
  try {
    value = (await provider.query({ query, time: at })).value;
  } catch (error) {
    if (error instanceof ConfigurationError) {
      throw new ConfigurationError(`${field}: ${error.message}`, undefined, { cause: error });
    }
    if (!(error instanceof GlidepathError)) throw error;
    return {
      frozen: false,
      reason: `unknown (${field} could not be measured: ${error.message}); not frozen`,
    };
  }
  if (value === undefined || !Number.isFinite(value) || value < 0 || value > 1) {
    return {
      frozen: false,
      reason: `unknown (${field} returned ${value === undefined ? 'no single value' : String(value)}); not frozen`,
    };
  }
  const remaining = errorBudgetRemaining(value, slo.objective / 100);
  // Rounded first so that floating-point noise (1 − 0.999 is not 0.001) never prints as "-0.0%".
  const tenths = Math.round(remaining * 1000) / 10;
  const percent = `${(tenths === 0 ? 0 : tenths).toFixed(1)}%`;
  return remaining <= 0
    ? {
        frozen: true,
        remaining,
        reason: `${percent} of the ${slo.period.toString()} budget remains (${slo.objective}% SLO)`,
      }
    : { frozen: false, remaining, reason: `${percent} of the ${slo.period.toString()} budget remains` };
}
