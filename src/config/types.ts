import type { EvidenceKind, FailOn } from '../evidence/types.js';
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
