/**
 * Types for world.mjs (plain ESM run by `node`), so TypeScript tests and scripts can import it.
 * Keep in step with world.mjs, manifests.mjs, metrics.mjs, seed.mjs and yaml-lite.mjs.
 */

/** How one version answers: 500 with probability `errorRate`, else 200, after about `latencyMs`. */
export interface Behaviour {
  /** Probability of a 500, 0..1. */
  errorRate: number;
  /** Milliseconds before the answer (± 10 % seeded jitter). */
  latencyMs: number;
}

/** The HTTPRoute weights of the two Services, as written in the file. */
export interface Weights {
  stable: number;
  canary: number;
}

/** One value per track. */
export interface Pair {
  stable: string;
  canary: string;
}

/** What the world has applied: the `/status` body. */
export interface AppliedState {
  /** The commit whose files are applied (40 hex). */
  commit: string;
  weights: Weights;
  /** The digest each track runs: 64 hex, without `sha256:` (compare with DIGESTS). */
  images: Pair;
  /** The full image reference each track runs. */
  refs: Pair;
  /** When `commit` was applied (ISO 8601). */
  appliedAt: string;
  /**
   * The last commit that could not be applied (`commit` stays the previous one), or the branch
   * could not be read (`commit: null`); null when the head is applied.
   */
  error: { commit: string | null; message: string } | null;
}

/** Options of {@link startWorld}. */
export interface WorldOptions {
  /** The bare GitOps repository the world follows. */
  gitDir: string;
  /** The branch to follow. Default `main`. */
  branch?: string;
  /** The HTTPRoute file. Default `apps/demo/route.yaml`. */
  routeFile?: string;
  /** The canary Deployment file. Default `apps/demo/canary.yaml`. */
  canaryFile?: string;
  /** The stable Deployment file. Default `apps/demo/stable.yaml`. */
  stableFile?: string;
  /** How each version answers, keyed by image digest (64 hex, `sha256:` optional). Default DEFAULT_BEHAVIOURS. */
  behaviours?: Readonly<Record<string, Behaviour>>;
  /** Requests a second from the load generator; 0 sends none. Default 200. */
  rps?: number;
  /** How often the reconciler looks at the branch, in ms. Default 200. */
  pollMs?: number;
  /** Seed of the routing, error and jitter draws. Default 1. */
  seed?: number | string;
  /** Interface both servers listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port of the traffic splitter. Default 0 (any free port). */
  trafficPort?: number;
  /** Port of the metrics server. Default 0 (any free port). */
  metricsPort?: number;
  /** Receives one line per reconcile event. Default: silent. */
  log?: (line: string) => void;
}

/** Cumulative answers of one track. */
export interface TrackTotals {
  requests: number;
  /** 5xx answers. */
  errors: number;
  /** Answers by status code, e.g. `{ "200": 998, "500": 2 }`. */
  codes: Record<string, number>;
}

/** What the load generator did. */
export interface LoadStats {
  sent: number;
  answered: number;
  /** Requests that got no answer (connection errors) while running. */
  failed: number;
  /** Requests not sent because the generator fell more than a second behind. */
  skipped: number;
}

/** A running world. */
export interface World {
  /** The traffic splitter, e.g. `http://127.0.0.1:40123`. */
  trafficUrl: string;
  /** The metrics server: `/status`, `/ratio`, `/count`, `/metrics`. */
  metricsUrl: string;
  /** A copy of the applied state. */
  applied(): AppliedState;
  /** Answers per track since the start. */
  snapshot(): { stable: TrackTotals; canary: TrackTotals };
  loadStats(): LoadStats;
  /** Stops the load, the reconciler and both servers; resolves when every socket is closed. */
  stop(): Promise<void>;
}

/** Starts the world once the branch's head is applied; rejects when it cannot be. */
export function startWorld(options: WorldOptions): Promise<World>;

/** The demo versions' image digests, 64 hex without `sha256:`. */
export const DIGESTS: Readonly<{ v1: string; v2: string; v3: string }>;
/** v1 and v2: 0.1 % errors, 20 ms; v3: 5 % errors, 20 ms. */
export const DEFAULT_BEHAVIOURS: Readonly<Record<string, Readonly<Behaviour>>>;
/** `ghcr.io/acme/demo`. */
export const IMAGE_REPOSITORY: string;
/** The seed files' paths in the GitOps repository. */
export const SEED_FILES: Readonly<{ route: string; stable: string; canary: string }>;
/** `ghcr.io/acme/demo@sha256:<digest>`. */
export function imageOf(digest: string): string;
/** The HTTPRoute `demo` splitting between `demo-stable` and `demo-canary` (default 100 / 0). */
export function routeYaml(weights?: Partial<Weights>): string;
/** The Deployment `demo-<track>` with container `app` running `digest`. */
export function deploymentYaml(track: 'stable' | 'canary', digest: string): string;
/** Writes the seed files into a GitOps working tree; returns the paths written. */
export function seedGitops(dir: string): Promise<string[]>;

/** A file the world cannot apply. */
export class ApplyError extends Error {}
/** The route's weights for the two Services (rules without a header match that list both). */
export function readRouteWeights(
  text: string,
  file: string,
  services: { stable: string; canary: string; route?: string },
): Weights;
/** The image and digest (64 hex) of a Deployment's container. */
export function readDeploymentImage(
  text: string,
  file: string,
  where: { container: string; deployment?: string },
): { image: string; digest: string };

/** A YAML construct outside the subset the world reads; the message names FILE:LINE. */
export class YamlSubsetError extends Error {}
/** Every document of `text` as plain values (the subset manifests use; see yaml-lite.mjs). */
export function parseYamlDocuments(text: string, file?: string): unknown[];

/** Histogram upper bounds in seconds. */
export const DURATION_BUCKETS: readonly number[];
/** `30s`, `2m`, `900s`, `1h`, `500ms` → milliseconds; undefined when not a window. */
export function parseWindow(text: string): number | undefined;
/** Windowed and cumulative answer counts per track. */
export class TrafficMetrics {
  constructor(options?: { now?: () => number; bucketMs?: number; retentionMs?: number });
  record(track: 'stable' | 'canary', code: number, seconds: number): void;
  window(track: 'stable' | 'canary', windowMs: number): { requests: number; errors: number };
  totals(): { stable: TrackTotals; canary: TrackTotals };
  exposition(): string;
}
