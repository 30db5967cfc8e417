/**
 * The demo's GitOps repository contents and its three versions. The files are written the way a
 * platform team commits them (comments, kubectl-style lists), and Glidepath edits only two kinds of
 * scalar in them: the HTTPRoute `weight`s (src/traffic/routers/gateway-api.ts) and the canary
 * Deployment's `image` (src/manifests/kinds/deployment.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The image repository every demo version is built into. */
export const IMAGE_REPOSITORY = 'ghcr.io/acme/demo';

/**
 * The demo versions' image digests (64 lowercase hex, without `sha256:`). Fixed values: the
 * sha256 of `glidepath-demo v1`, `… v2`, `… v3`, so they look real and never change.
 */
export const DIGESTS = Object.freeze({
  /** v1: what production runs (stable) when the demo starts. */
  v1: 'ee12ffc89cb8c609073b4e78507ca3c159a0d186de6ed97f8e83c13a5c029fd5',
  /** v2: a healthy release, promoted step by step. */
  v2: 'a89617db26af115bdc67dcc8a3cff43325ce409ef33a2db3ff65b1ef089db216',
  /** v3: a bad release (5 % errors), reverted through Git. */
  v3: '5e544653cfd6e2ab093fcf23645a7b65cb37647beb37f00ff82a02026da89595',
});

/**
 * How each version answers, by digest: v1 and v2 fail 0.1 % of requests, v3 fails 5 %; all take
 * about 20 ms.
 * @type {Readonly<Record<string, { errorRate: number, latencyMs: number }>>}
 */
export const DEFAULT_BEHAVIOURS = Object.freeze({
  [DIGESTS.v1]: Object.freeze({ errorRate: 0.001, latencyMs: 20 }),
  [DIGESTS.v2]: Object.freeze({ errorRate: 0.001, latencyMs: 20 }),
  [DIGESTS.v3]: Object.freeze({ errorRate: 0.05, latencyMs: 20 }),
});

/** Where the seed files live in the GitOps repository, and what the world reads by default. */
export const SEED_FILES = Object.freeze({
  route: 'apps/demo/route.yaml',
  stable: 'apps/demo/stable.yaml',
  canary: 'apps/demo/canary.yaml',
});

/** `ghcr.io/acme/demo@sha256:<digest>`. @param {string} digest 64 hex */
export const imageOf = (digest) => `${IMAGE_REPOSITORY}@sha256:${digest}`;

/**
 * The HTTPRoute `demo`: one rule splitting between the Services `demo-stable` and `demo-canary`.
 * @param {{ stable?: number, canary?: number }} [weights] default 100 / 0
 */
export function routeYaml({ stable = 100, canary = 0 } = {}) {
  return `# The demo's production route (Gateway API). Glidepath moves the canary's share in steps by
# editing the two weights below, in percent; everything else belongs to the platform team.
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: demo
  namespace: demo
spec:
  parentRefs:
  - name: public-gateway
    namespace: gateway-system
  hostnames:
  - "demo.example.com"
  rules:
  - backendRefs:
    - name: demo-stable
      port: 80
      weight: ${stable}   # stable
    - name: demo-canary
      port: 80
      weight: ${canary}   # canary
`;
}

/**
 * The Deployment of one track (`demo-stable` or `demo-canary`), container `app`.
 * @param {'stable' | 'canary'} track
 * @param {string} digest 64 hex
 */
export function deploymentYaml(track, digest) {
  const owner =
    track === 'stable'
      ? '# What production runs. Glidepath sets this image when a canary is promoted.'
      : '# The canary. Glidepath sets this image when a release is admitted, and puts stable back on revert.';
  return `${owner}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: demo-${track}
  namespace: demo
  labels:
    app.kubernetes.io/name: demo
    app.kubernetes.io/component: ${track}
spec:
  replicas: ${track === 'stable' ? 3 : 1}
  selector:
    matchLabels:
      app.kubernetes.io/name: demo
      app.kubernetes.io/component: ${track}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: demo
        app.kubernetes.io/component: ${track}
    spec:
      containers:
      - name: app
        image: ${imageOf(digest)}
        ports:
        - name: http
          containerPort: 8080
`;
}

/**
 * Writes the seed files into the GitOps working tree `dir` (creating folders): the route at
 * 100 / 0 and both Deployments on v1. There is no `flags/` folder: the demo has no feature flags.
 * Returns the paths written, relative to `dir`.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function seedGitops(dir) {
  const files = {
    [SEED_FILES.route]: routeYaml(),
    [SEED_FILES.stable]: deploymentYaml('stable', DIGESTS.v1),
    [SEED_FILES.canary]: deploymentYaml('canary', DIGESTS.v1),
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return Object.keys(files);
}
