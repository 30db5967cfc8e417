/**
 * Replica ratio, for clusters with no mesh or canary-aware ingress: one Service selects the pods of
 * a stable and a canary Deployment, so each pod takes about an equal share of requests and the
 * canary's share is its share of the replicas. Both Deployments live in one (multi-document) file.
 *
 * Rounding: with `total` replicas and weight w, the canary gets
 *   0 at w = 0; `total` at w = 100 (stable 0); otherwise round-half-up(total × w / 100), clamped
 *   to 1 .. total − 1,
 * so any weight above 0 runs at least one canary pod and anything short of 100 keeps at least one
 * stable pod. The split is therefore approximate (1 % of 10 replicas is 1 pod, 10 %); readings
 * report the replica share to the nearest percent. A weight between 0 and 100 needs total ≥ 2.
 *
 * Hazard: a HorizontalPodAutoscaler overrides `spec.replicas`, so the ratio would drift; a file
 * that also holds an HPA for either Deployment is refused.
 */
import { ConfigurationError } from '../../errors.js';
import { schemaProblems } from '../../manifests/validate.js';
import type { ManifestSource, ScalarEdit } from '../../manifests/yaml-edit.js';
import {
  asMap,
  changedOnly,
  edited,
  findObject,
  locate,
  objectsOfKind,
  type ManifestObject,
} from './objects.js';
import { canaryPercent } from './proportion.js';
import {
  Weight,
  type RouteOptions,
  type TrafficRouter,
  type WeightReading,
  type WeightRequest,
} from './types.js';

/** Kubernetes' default when `spec.replicas` is absent. */
const DEFAULT_REPLICAS = 1;

interface Workload {
  object: ManifestObject;
  replicas: number;
}

interface Pair {
  stable: Workload;
  canary: Workload;
  total: number;
}

function workload(source: ManifestSource, object: ManifestObject): Workload {
  const replicas = asMap(object.body.spec)?.replicas ?? DEFAULT_REPLICAS;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new ConfigurationError(
      `spec.replicas must be a whole number of 0 or more, got ${JSON.stringify(replicas)}`,
      locate(source, object, ['spec', 'replicas']),
    );
  }
  return { object, replicas };
}

function pairOf(source: ManifestSource, options: RouteOptions): Pair {
  const deployments = objectsOfKind(source, ['Deployment']);
  const names = new Set(deployments.map((deployment) => deployment.name));
  const stableName =
    options.stableService ??
    [options.route, `${options.route}-stable`, `${options.route}-primary`].find((name) => names.has(name)) ??
    options.route;
  const canaryName = options.canaryService ?? `${options.route}-canary`;
  const stable = workload(source, findObject(source, ['Deployment'], stableName, 'Deployment'));
  const canary = workload(source, findObject(source, ['Deployment'], canaryName, 'Deployment'));
  for (const hpa of objectsOfKind(source, ['HorizontalPodAutoscaler'])) {
    const target = asMap(asMap(hpa.body.spec)?.scaleTargetRef)?.name;
    if (target === stableName || target === canaryName) {
      throw new ConfigurationError(
        `HorizontalPodAutoscaler ${hpa.name} scales ${String(target)} and would override the replica split; ` +
          `use a traffic router (gateway-api, istio, smi, nginx, traefik) or remove the HPA for the rollout`,
        locate(source, hpa, ['spec', 'scaleTargetRef']),
      );
    }
  }
  const total = options.totalReplicas ?? stable.replicas + canary.replicas;
  if (!Number.isInteger(total) || total < 1) {
    throw new ConfigurationError(
      `total replicas must be a whole number of at least 1, got ${total}; set totalReplicas (--total-replicas)`,
      locate(source, stable.object, ['spec', 'replicas']),
    );
  }
  return { stable, canary, total };
}

/** Canary replicas for `target` out of `total` (rounding documented at the top of the file). */
export function canaryReplicas(total: number, target: Weight): number {
  if (target.percent === 0) return 0;
  if (target.percent === 100) return total;
  const nearest = Math.floor((total * target.percent) / 100 + 0.5);
  return Math.min(Math.max(nearest, 1), total - 1);
}

function readWeights(source: ManifestSource, options: RouteOptions): WeightReading {
  const pair = pairOf(source, options);
  const location = locate(source, pair.canary.object, ['spec', 'replicas']);
  const canary = canaryPercent(pair.stable.replicas, pair.canary.replicas, location);
  return {
    route: options.route,
    stable: canary.complement,
    canary,
    stableService: pair.stable.object.name,
    canaryService: pair.canary.object.name,
    location,
  };
}

function planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[] {
  const target = Weight.from(request.canary, 'canary weight');
  const pair = pairOf(source, request);
  if (pair.total < 2 && target.percent > 0 && target.percent < 100) {
    throw new ConfigurationError(
      `${pair.total} replica cannot carry a ${target} canary (it would take all traffic); ` +
        `set totalReplicas (--total-replicas) to 2 or more`,
      locate(source, pair.stable.object, ['spec', 'replicas']),
    );
  }
  const canary = canaryReplicas(pair.total, target);
  // Compare effective counts, so an absent replicas (1) already at the plan is left absent.
  if (pair.canary.replicas === canary && pair.stable.replicas === pair.total - canary) return [];
  const changes = [
    ...changedOnly(pair.stable.object, [
      { document: pair.stable.object.document, path: ['spec', 'replicas'], value: pair.total - canary },
    ]),
    ...changedOnly(pair.canary.object, [
      { document: pair.canary.object.document, path: ['spec', 'replicas'], value: canary },
    ]),
  ];
  // The same workload checks `edit set-image` applies (schema, counts, containers).
  for (const { object } of [pair.stable, pair.canary]) {
    const [problem] = schemaProblems(edited(object, changes));
    if (problem) {
      throw new ConfigurationError(
        `Deployment ${object.name} would not be valid after the edit (${problem.path.join('.')} ${problem.message}); nothing was changed`,
        locate(source, object, problem.path),
      );
    }
  }
  return changes;
}

/** The replica-ratio router. */
export const replicasRouter: TrafficRouter = {
  name: 'replicas',
  approximate: true,
  readWeights,
  planWeights,
};
