import type { EvidenceKind, FailOn } from '../evidence/types.js';
import type { KindName } from '../manifests/kinds/types.js';
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
