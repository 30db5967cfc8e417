import type { EvidenceKind, FailOn } from '../evidence/types.js';
import type { KindName } from '../manifests/kinds/types.js';
import type { HandoffSpec } from '../rollout/controller-phase.js';
import type { ReconcileSpec } from '../rollout/reconcile/types.js';
import type { Duration } from './duration.js';

/**
 * The policy file after validation and defaults: what the rest of Glidepath reads. The published
 * JSON Schema (schema/glidepath.schema.json) is the contract for the YAML; this is its typed form.
 */
export interface Policy {
  /** Where the policy came from (for messages); undefined when defaults were used. */
  source?: string;
  /** The service being delivered, e.g. "checkout". */
  service?: string;
  /** The GitHub deployment environment, e.g. "production". */
  environment?: string;
  evidence: EvidencePolicy;
  /** Where desired state is written; absent when the policy only admits artifacts. */
  desired?: DesiredPolicy;
  /** How live signals are judged; absent when the policy does not verify rollouts. */
  analysis?: AnalysisPolicy;
  /** How exposure grows. Always present (defaults: standard tier, 10m bakes). */
  exposure: ExposurePolicy;
  /** How a failed rollout is reversed. Always present. */
  rollback: RollbackPolicy;
  /** When deployments may start: windows, freezes, overrides. Absent: any time. */
  deploy?: DeployPolicy;
  /** Who hears about a rollout. Absent: nobody beyond the job log and the deployment. */
  notify?: NotifyTarget[];
}

/** A day of the week as the policy writes it. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A window of time: weekly (`days` with `from`/`to` as `HH:MM` wall-clock times in the policy's time
 * zone; `to` may be earlier than `from` to cross midnight) or dated (`from`/`to` as local
 * `YYYY-MM-DDTHH:MM` date-times, for a freeze around a holiday).
 */
export interface DeployWindow {
  /** Weekly windows: the days they open on. Absent: a dated window. */
  days?: Weekday[];
  /** `HH:MM` (weekly) or `YYYY-MM-DDTHH:MM` (dated), local to `DeployPolicy.timeZone`. */
  from: string;
  /** Exclusive end, same form as `from`. */
  to: string;
  /** Why, shown when the window blocks a deployment (deny windows). */
  reason?: string;
}

/** The reasons an audited override may be given for (`override: p0|security`). */
export type OverrideKind = 'p0' | 'security';

/** `deploy:` — when deployments may start (the gate and `rollout` both read it). */
export interface DeployPolicy {
  /** IANA time zone the windows are written in, e.g. `Europe/Berlin`. Default `UTC`. */
  timeZone: string;
  /** Deployments start only inside one of these; absent or empty: any time not denied. */
  allow: DeployWindow[];
  /** Deployments never start inside these (freezes); they win over allow windows. */
  deny: DeployWindow[];
  /** Hold deployments while the SLO error budget of `analysis.slo` is spent. Default true. */
  freezeOnBudget: boolean;
  /** Which overrides may bypass windows and freezes (never quarantine or evidence). Default both. */
  overrides: OverrideKind[];
}

/** When a notification is sent. */
export type NotifyEvent = 'start' | 'step' | 'promoted' | 'reverted';

/** `notify[]` — one destination. Secrets (URLs with tokens, signing keys) come from environment variables. */
export interface NotifyTarget {
  kind: 'slack' | 'teams' | 'webhook';
  /** The environment variable holding the incoming-webhook URL (Slack, Teams) or the endpoint (webhook). */
  urlEnv: string;
  /** webhook: the environment variable holding the HMAC-SHA256 signing secret. */
  secretEnv?: string;
  /** Which events to send. Default all. */
  on: NotifyEvent[];
}

/** Risk tiers, each with its steps (config/exposure-section.ts `TIER_STEPS`). */
export type RiskTier = 'low' | 'standard' | 'high';

/** `exposure:` — the steps and how each is baked. */
export interface ExposurePolicy {
  tier: RiskTier;
  /**
   * `canary` steps the weight; `blueGreen` previews the new version at weight 0 (pre-promotion
   * analysis), then switches all traffic at once (post-promotion analysis). Default `canary`.
   */
  strategy: 'canary' | 'blueGreen';
  /**
   * Canary percentages, increasing, ending at 100 (from the tier unless written). A leading 0 is the
   * preview (blueGreen), the mirror step (`mirror`) or the header-route step (`headerRoute`): the
   * canary serves no user there, or only those who ask for it.
   */
  steps: number[];
  /** A first step mirroring this percent of stable's traffic to the canary (weight 0). */
  mirror?: number;
  /** A first step sending only requests with `header: value` to the canary (weight 0). */
  headerRoute?: { header: string; value: string };
  /** A strong pass may skip a step, a weak one extends the bake once. Default false. */
  adaptive: boolean;
  /** Hand-off mode: an in-cluster controller steps the traffic; Glidepath watches and reverts. */
  handoff?: HandoffSpec;
  /** Per-step bake. Default 10m. */
  bake: Duration;
  /** Whole-rollout limit. Default 4h. */
  maxDuration: Duration;
  /** What an inconclusive analysis does. Default `pause`. */
  onInconclusive: 'pause' | 'extend' | 'fail';
  /** How a commit is known to be live. Default a 30s delay. */
  reconcile: ReconcileSpec;
}

/** `rollback:` — the reversal levers in order. */
export interface RollbackPolicy {
  /** Default `[flag, traffic, image]`: the smallest reversal that stops harm first. */
  order: ('flag' | 'traffic' | 'image')[];
}

/** `evidence:` — what an artifact must bring to be admitted. */
export interface EvidencePolicy {
  /** Kinds that must be present; a missing one rejects. Default: none. */
  require: EvidenceKind[];
  /** Oldest acceptable scan report (by its own timestamp). Default 24h. */
  maxAge: Duration;
  tests: {
    /** Largest acceptable `failures + errors`. Default 0. */
    maxFailed: number;
    /** Fewest test cases a report must hold. Default 1. */
    minTotal: number;
    /** Largest acceptable share of skipped tests (0–1); unset means skipped tests only warn. */
    maxSkippedRatio?: number;
  };
  scan: {
    /** Findings at or above this severity reject. Default `high`. */
    failOn: FailOn;
    /** Ignore findings the scanner knows have no fix yet. Default false. */
    ignoreUnfixed: boolean;
  };
  sbom: {
    /** Oldest accepted CycloneDX specVersion. Default "1.4". */
    minCycloneDxVersion: string;
  };
  provenance: ProvenancePolicy;
}

/** `evidence.provenance:` — who must have signed the build provenance and from where. */
export interface ProvenancePolicy {
  /** Accepted predicate type. Default `https://slsa.dev/provenance/v1`. */
  predicateType: string;
  /** OIDC issuer in the signing certificate. Default `https://token.actions.githubusercontent.com`. */
  issuer: string;
  /** `owner/repo/.github/workflows/file.yml`: the workflow that signed (certificate SAN). */
  signerWorkflow?: string;
  /** `owner/repo`: any workflow of this repository may have signed. */
  signerRepo?: string;
  /** The exact certificate SAN, for identities that are not GitHub workflows. */
  certIdentity?: string;
  /** `owner/repo` the source must come from (certificate extension 1.3.6.1.4.1.57264.1.12). */
  sourceRepository?: string;
  /** Git ref the source must come from, e.g. `refs/heads/main` (extension …1.14). */
  sourceRef?: string;
  /** Runner environment the build must have run on (extension …1.11). Default `github-hosted`; `any` disables. */
  runnerEnvironment: 'github-hosted' | 'self-hosted' | 'any';
  /** Accept in-toto Statement v0.1 as well as v1. Default false. */
  allowLegacyStatement: boolean;
}

/** `desired:` — the GitOps repository Glidepath commits to and what it edits there. */
export interface DesiredPolicy {
  /** `owner/name` on GitHub, or a git URL for any host. */
  repo: string;
  /** Branch the reconciler watches. Default `main`. */
  branch: string;
  /** How commits are made. Default `github` when `repo` is owner/name, else `git`. */
  backend: DesiredBackend;
  /** Default `direct`; `git-data` and `pull-request` need the github backend. */
  mode: DesiredMode;
  /** Pull-request mode: enable auto-merge with this method. */
  autoMerge?: 'merge' | 'squash' | 'rebase';
  /** Manifests whose image is set to the canary digest. Default none. */
  targets: DesiredTarget[];
  /** The route whose weights are stepped. */
  traffic?: TrafficTarget;
  /** The flag whose split follows the weight. */
  flags?: FlagTarget;
  /** The quarantine list in the GitOps repository. Default `.glidepath/quarantine.yaml`. */
  quarantineFile: string;
}

/** Which writer commits desired state. */
export type DesiredBackend =
  /** GitHub's API: verified commits, no clone (src/gitops/github-api.ts). */
  | 'github'
  /** The git executable against any host (src/gitops/local-git.ts). */
  | 'git';

/** How a commit reaches the branch. */
export type DesiredMode =
  /** Straight onto the branch, with compare-and-swap. */
  | 'direct'
  /** GitHub's REST Git data API, ref update with force: false. */
  | 'git-data'
  /** A branch and a pull request (optionally auto-merged). */
  | 'pull-request';

/**
 * Kinds of manifest an image target can be (`desired.targets[].kind`): the manifest kinds, with
 * Flux's HelmRelease spelled `helmrelease` as users write it (src/gitops/desire.ts maps it back).
 */
export type TargetKind = Exclude<KindName, 'flux-helmrelease'> | 'helmrelease';

/** `desired.targets[]` — one manifest whose image Glidepath sets. */
export interface DesiredTarget {
  kind: TargetKind;
  /** Repository-relative path of the file. */
  path: string;
  /** Workloads and Rollouts: the container to set (optional with one container). */
  container?: string;
  /** kustomization: the `images[].name` to set; others: only images of this repository. */
  image?: string;
  /** helm-values, helmrelease: dotted path of the image block in the values. */
  valuesPath?: string;
  /** yaml-path: dotted path of the image scalar. */
  yamlPath?: string;
}

/** `desired.traffic` — the routing object whose weights are stepped. */
export interface TrafficTarget {
  router: 'gateway-api' | 'istio' | 'smi' | 'nginx' | 'traefik' | 'replicas';
  /** Repository-relative path of the routing manifest. */
  path: string;
  /** metadata.name of the route object (for `replicas`: the stable workload). */
  route: string;
}

/** `desired.flags` — the feature flag whose split follows the weight. */
export interface FlagTarget {
  provider: 'flagd';
  /** Repository-relative path of the flag file. */
  path: string;
  /** The flag's key. */
  flag: string;
}

/** `analysis:` — how live signals are judged (schema/glidepath.schema.json has every key's meaning). */
export interface AnalysisPolicy {
  provider: ProviderPolicy;
  /** Values for `{{args.NAME}}`. */
  args: Readonly<Record<string, string | number>>;
  /** Default time between measurements. Default 1m. */
  interval: Duration;
  /** The value of `{{window}}` for guardrail queries. Default 5m. */
  window: Duration;
  /** After the step starts, no data is inconclusive (not a failure) for this long. Default 2m. */
  warmup: Duration;
  /** Samples newer than this are dropped as incomplete. Default 1m. */
  metricLag: Duration;
  /** Canary requests needed before a pass; 0 when `counts` is absent. Default 500 with counts. */
  minSamples: number;
  /** How long a bake may be extended to reach `minSamples`. Default 10m. */
  maxExtension: Duration;
  /** Cumulative request and error queries; `{{canary}}` is bound to each arm in turn. */
  counts?: { requests: string; errors: string };
  guardrails: GuardrailPolicy[];
  /** Kayenta-style scoring of the mann-whitney comparisons. */
  scoring: { pass: number; marginal: number; minPoints: number; groups: Readonly<Record<string, number>> };
  slo?: SloPolicy;
}

/** `analysis.provider:` as written, secrets referred to by environment variable name. */
export interface ProviderPolicy {
  kind: 'prometheus' | 'datadog' | 'newrelic' | 'web';
  address?: string;
  tokenEnv?: string;
  username?: string;
  passwordEnv?: string;
  headers: Readonly<Record<string, string>>;
  headersFromEnv: Readonly<Record<string, string>>;
  site: string;
  apiKeyEnv?: string;
  applicationKeyEnv?: string;
  api: 'v2' | 'v1';
  accountId?: number;
  region: 'us' | 'eu';
  valueKey?: string;
  method: 'GET' | 'POST' | 'PUT';
  body?: string;
  jsonPath: string;
  timeout: Duration;
}

/** `analysis.guardrails[]` — one signal that must stay inside bounds. */
export interface GuardrailPolicy {
  name: string;
  query: string;
  min?: number;
  max?: number;
  successCondition?: string;
  failureCondition?: string;
  compare?: ComparePolicy;
  limits: GuardrailLimits;
  dryRun: boolean;
  /** Measurements per look and how many must agree. Default 1, `all`. */
  repeat: number;
  agreement: 'all' | 'majority';
  /** Relative to the last promoted releases' values. */
  history?: { tolerance: string; direction: 'higher-is-worse' | 'lower-is-worse'; releases: number };
}

/** Argo-compatible per-guardrail limits (anchors-rollouts.md b.1). */
export interface GuardrailLimits {
  /** Failed measurements tolerated; −1 disables. Default 0. */
  failureLimit: number;
  /** Default 0. */
  inconclusiveLimit: number;
  /** Default 4. */
  consecutiveErrorLimit: number;
  /** 0 is off. Default 0. */
  consecutiveSuccessLimit: number;
  /** Measurements to take; undefined means one per interval until the bake ends. */
  count?: number;
  interval: Duration;
  initialDelay: Duration;
}

/** `guardrails[].compare:` — canary against the stable version measured at the same time. */
export type ComparePolicy =
  | { test: 'msprt'; baseline: 'stable'; alpha: number; tau?: number }
  | {
      test: 'mann-whitney';
      baseline: 'stable';
      direction: 'increase' | 'decrease' | 'either';
      allowedIncrease: number;
      allowedDecrease: number;
      critical: boolean;
      group: string;
      step: Duration;
      nanStrategy: 'remove' | 'replace';
      outliers: 'keep' | 'remove';
      mustHaveData: boolean;
    };

/** `analysis.slo:` — burn rate and error budget. */
export interface SloPolicy {
  /** Target success percentage, e.g. 99.9. */
  objective: number;
  errorRatio: string;
  budgetErrorRatio?: string;
  period: Duration;
  freezeWhenExhausted: boolean;
}
