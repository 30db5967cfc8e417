/**
 * Traefik TraefikService (`traefik.io/v1alpha1`, and the older `traefik.containo.us/v1alpha1`).
 * A weighted round robin (`spec.weighted.services[]`) splits in proportion to `weight` (default 1);
 * a mirroring service (`spec.mirroring`) copies `mirrors[].percent` of its traffic (default 0).
 * An IngressRoute points at the TraefikService by name, so `route` is the TraefikService's name.
 */
import { ConfigurationError } from '../../errors.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../../manifests/yaml-edit.js';
import {
  asList,
  asMap,
  changedOnly,
  findObject,
  identifyPair,
  locate,
  type ManifestObject,
} from './objects.js';
import { canaryPercent, splitsExactly } from './proportion.js';
import {
  Weight,
  type MirrorRequest,
  type RouteOptions,
  type TrafficRouter,
  type WeightReading,
  type WeightRequest,
} from './types.js';

/** Traefik's default when a weighted service gives no weight. */
const DEFAULT_WEIGHT = 1;

interface Service {
  index: number;
  name: string;
  weight: number;
}

interface Weighted {
  object: ManifestObject;
  stable: Service;
  canary: Service;
}

const weightPath = (service: Service): YamlPath => ['spec', 'weighted', 'services', service.index, 'weight'];

function weightedOf(source: ManifestSource, options: RouteOptions): Weighted {
  const object = findObject(source, ['TraefikService'], options.route, 'TraefikService');
  const weighted = asMap(asMap(object.body.spec)?.weighted);
  if (!weighted) {
    throw new ConfigurationError(
      `TraefikService ${object.name} is not weighted (no spec.weighted); point the router at the weighted TraefikService`,
      locate(source, object, ['spec']),
    );
  }
  const services = asList(weighted.services).map((value, index): Service => {
    const map = asMap(value) ?? {};
    const weight = map.weight ?? DEFAULT_WEIGHT;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
      throw new ConfigurationError(
        `service weight must be a whole number of 0 or more, got ${JSON.stringify(weight)}`,
        locate(source, object, ['spec', 'weighted', 'services', index, 'weight']),
      );
    }
    return { index, name: String(map.name ?? ''), weight };
  });
  const where = locate(source, object, ['spec', 'weighted', 'services']);
  if (services.length !== 2) {
    throw new ConfigurationError(
      `the weighted service lists ${services.length} services (${services.map((service) => service.name).join(', ') || 'none'}); ` +
        `Glidepath moves traffic between exactly two`,
      where,
    );
  }
  const pair = identifyPair(
    services.map((service) => ({ label: service.name, names: [service.name] })),
    options,
    where,
  );
  return { object, stable: services[pair.stable]!, canary: services[pair.canary]! };
}

function readWeights(source: ManifestSource, options: RouteOptions): WeightReading {
  const weighted = weightedOf(source, options);
  const location = locate(source, weighted.object, weightPath(weighted.canary));
  const canary = canaryPercent(weighted.stable.weight, weighted.canary.weight, location);
  return {
    route: options.route,
    stable: canary.complement,
    canary,
    stableService: weighted.stable.name,
    canaryService: weighted.canary.name,
    location,
  };
}

function planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[] {
  const target = Weight.from(request.canary, 'canary weight');
  const weighted = weightedOf(source, request);
  if (splitsExactly(weighted.stable.weight, weighted.canary.weight, target)) return [];
  const document = weighted.object.document;
  return changedOnly(weighted.object, [
    { document, path: weightPath(weighted.stable), value: target.complement.percent },
    { document, path: weightPath(weighted.canary), value: target.percent },
  ]);
}

function planMirror(source: ManifestSource, request: MirrorRequest): ScalarEdit[] {
  const target = Weight.from(request.percent, 'mirror percent');
  const object = findObject(source, ['TraefikService'], request.route, 'TraefikService');
  const mirroring = asMap(asMap(object.body.spec)?.mirroring);
  if (!mirroring) {
    throw new ConfigurationError(
      `TraefikService ${object.name} does not mirror (no spec.mirroring); define one once, e.g. ` +
        `spec: {mirroring: {name: <stable>, port: 80, mirrors: [{name: <canary>, port: 80, percent: 0}]}}`,
      locate(source, object, ['spec']),
    );
  }
  const main = String(mirroring.name ?? '');
  const mirrors = asList(mirroring.mirrors).map((value) => asMap(value) ?? {});
  const names = [main, ...mirrors.map((mirror) => String(mirror.name ?? ''))];
  const pair = identifyPair(
    names.map((name) => ({ label: name, names: [name] })),
    request,
    locate(source, object, ['spec', 'mirroring']),
  );
  if (pair.canary === 0) {
    throw new ConfigurationError(
      `the canary ${main} is the service being mirrored, not a mirror; list it under mirrors`,
      locate(source, object, ['spec', 'mirroring', 'name']),
    );
  }
  const index = pair.canary - 1;
  const current = mirrors[index]!.percent;
  // Traefik mirrors nothing when percent is absent: 0 needs no edit then.
  if (current === undefined && target.percent === 0) return [];
  return changedOnly(object, [
    {
      document: object.document,
      path: ['spec', 'mirroring', 'mirrors', index, 'percent'],
      value: target.percent,
    },
  ]);
}

/** The Traefik router. */
export const traefikRouter: TrafficRouter = {
  name: 'traefik',
  readWeights,
  planWeights,
  planMirror,
};
