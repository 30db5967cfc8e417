/**
 * ingress-nginx canary Ingress: a second Ingress for the same host and path, marked with
 * `nginx.ingress.kubernetes.io/canary: "true"`, takes `canary-weight` out of `canary-weight-total`
 * (default 100) of the requests; the stable Ingress takes the rest. `route` names the canary
 * Ingress, the one Glidepath edits.
 *
 * Annotation values are strings in Kubernetes: `canary-weight: "25"` is right, `canary-weight: 25`
 * is rejected by the API server. Glidepath writes strings and refuses to read a number, since a
 * file the cluster would reject is not a split it can step from.
 */
import { Ingress as IngressExtensionsV1beta1 } from 'kubernetes-models/extensions/v1beta1/Ingress';
import { Ingress as IngressV1 } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Ingress as IngressV1beta1 } from 'kubernetes-models/networking.k8s.io/v1beta1/Ingress';
import { ConfigurationError } from '../../errors.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../../manifests/yaml-edit.js';
import {
  asList,
  asMap,
  changedOnly,
  edited,
  findObject,
  getIn,
  locate,
  objectsOfKind,
  validateModel,
  type ManifestObject,
  type ModelClass,
  type Plain,
} from './objects.js';
import { canaryPercent } from './proportion.js';
import {
  Weight,
  type HeaderRouteReading,
  type HeaderRouteRequest,
  type RouteOptions,
  type TrafficRouter,
  type WeightReading,
  type WeightRequest,
} from './types.js';

const MODELS: Record<string, ModelClass> = {
  'networking.k8s.io/v1 Ingress': IngressV1,
  'networking.k8s.io/v1beta1 Ingress': IngressV1beta1,
  'extensions/v1beta1 Ingress': IngressExtensionsV1beta1,
};

const PREFIX = 'nginx.ingress.kubernetes.io/';
const annotation = (name: string): YamlPath => ['metadata', 'annotations', `${PREFIX}${name}`];

interface Canary {
  object: ManifestObject;
  weight: number;
  total: number;
}

const isCanary = (object: ManifestObject): boolean => getIn(object.body, annotation('canary')) === 'true';

/** A whole-number annotation, or `fallback` when absent. */
function numberAnnotation(
  source: ManifestSource,
  object: ManifestObject,
  name: string,
  fallback: number,
): number {
  const value = getIn(object.body, annotation(name));
  if (value === undefined) return fallback;
  const where = locate(source, object, annotation(name));
  if (typeof value !== 'string') {
    throw new ConfigurationError(
      `annotation values must be strings; quote it: ${PREFIX}${name}: "${String(value)}"`,
      where,
    );
  }
  if (!/^\d+$/.test(value.trim())) {
    throw new ConfigurationError(`${PREFIX}${name} must be a whole number, got "${value}"`, where);
  }
  return Number(value.trim());
}

function canaryOf(source: ManifestSource, options: RouteOptions): Canary {
  const object = findObject(source, ['Ingress'], options.route, 'Ingress');
  if (!isCanary(object)) {
    const canaries = objectsOfKind(source, ['Ingress']).filter(isCanary);
    throw new ConfigurationError(
      `Ingress ${object.name} is not an ingress-nginx canary (${PREFIX}canary is not "true"); ` +
        (canaries.length
          ? `canary Ingresses in the file: ${canaries.map((canary) => canary.name).join(', ')}`
          : `add ${PREFIX}canary: "true" to the second Ingress that routes to the canary Service`),
      locate(source, object, ['metadata', 'annotations']),
    );
  }
  const total = numberAnnotation(source, object, 'canary-weight-total', 100);
  const weight = numberAnnotation(source, object, 'canary-weight', 0);
  if (total === 0 || weight > total) {
    throw new ConfigurationError(
      `canary-weight ${weight} out of canary-weight-total ${total} is not a share of traffic; keep the weight between 0 and the total`,
      locate(source, object, annotation('canary-weight')),
    );
  }
  return { object, weight, total };
}

/** The first backend Service an Ingress routes to (v1 `service.name` or v1beta1 `serviceName`). */
function backendService(body: Plain): string | undefined {
  const spec = asMap(body.spec);
  const backends = [
    spec?.defaultBackend,
    spec?.backend,
    ...asList(spec?.rules).flatMap((rule) =>
      asList(asMap(asMap(rule)?.http)?.paths).map((path) => asMap(path)?.backend),
    ),
  ];
  for (const backend of backends) {
    const map = asMap(backend);
    const name = asMap(map?.service)?.name ?? map?.serviceName;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

const hostsOf = (body: Plain): string[] =>
  asList(asMap(body.spec)?.rules).map((rule) => String(asMap(rule)?.host ?? ''));

function readWeights(source: ManifestSource, options: RouteOptions): WeightReading {
  const canary = canaryOf(source, options);
  const location = locate(source, canary.object, annotation('canary-weight'));
  const percent = canaryPercent(canary.total - canary.weight, canary.weight, location);
  // The stable Ingress is the non-canary one for the same hosts, when the file holds it.
  const hosts = hostsOf(canary.object.body).join(',');
  const stable = objectsOfKind(source, ['Ingress']).find(
    (object) => !isCanary(object) && hostsOf(object.body).join(',') === hosts,
  );
  return {
    route: options.route,
    stable: percent.complement,
    canary: percent,
    stableService:
      options.stableService ??
      (stable && backendService(stable.body)) ??
      'the stable Ingress for the same host',
    canaryService: options.canaryService ?? backendService(canary.object.body) ?? canary.object.name,
    location,
  };
}

function planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[] {
  const target = Weight.from(request.canary, 'canary weight');
  const canary = canaryOf(source, request);
  const scaled = (target.percent * canary.total) / 100;
  if (!Number.isInteger(scaled)) {
    throw new ConfigurationError(
      `${target} of canary-weight-total ${canary.total} is not a whole number; pick a weight that is, or a total of 100 or 1000`,
      locate(source, canary.object, annotation('canary-weight-total')),
    );
  }
  if (scaled === canary.weight) return [];
  return checked(source, canary.object, [
    { document: canary.object.document, path: annotation('canary-weight'), value: String(scaled) },
  ]);
}

/**
 * The header the canary Ingress routes by (`canary-by-header`), or undefined when it routes by
 * none: absent, or empty (see planHeaderRoute for why empty means none).
 */
function routedHeader(source: ManifestSource, canary: Canary): string | undefined {
  const value = getIn(canary.object.body, annotation('canary-by-header'));
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new ConfigurationError(
      `annotation values must be strings; quote it: ${PREFIX}canary-by-header: "${String(value)}"`,
      locate(source, canary.object, annotation('canary-by-header')),
    );
  }
  return value.trim() === '' ? undefined : value.trim();
}

/**
 * On: `canary-by-header` names the header and `canary-by-header-value` the value (which wins over
 * a `canary-by-header-pattern`).
 *
 * Off: `canary-by-header` is set to "". Why, and what it means: ingress-nginx has no annotation
 * that sends requests carrying `header: value` to stable. "never" is a value the *client* sends
 * (annotations docs, Canary: "When the header is set to never, it will never be routed to the
 * canary"), and only without canary-by-header-value; with a custom value, other values are
 * "ignored and the request compared against the other canary rules by precedence"
 * (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#canary).
 * So off means the header is ignored: those requests follow canary-weight like everyone's, which
 * is stable at weight 0 (the header-route step, and every reversal, which takes the weight to 0
 * too). Removing the annotation is not a scalar edit; an empty one reads the same to the
 * controller: kubernetes/ingress-nginx internal/ingress/annotations/parser (parseString rejects
 * a value that trims to "" and validators.go skips empty values) leaves canary.Config.Header ""
 * (annotations/canary/main.go), and balancer.lua route_to_alternative_balancer then matches no
 * request header and goes on to the cookie and canary-weight. canary-by-header-value "doesn't have
 * any effect if the 'canary-by-header' annotation is not defined" (canary/main.go annotation
 * docs), so the value is kept for turning the route on again.
 */
function planHeaderRoute(source: ManifestSource, request: HeaderRouteRequest): ScalarEdit[] {
  const canary = canaryOf(source, request);
  const document = canary.object.document;
  if (request.enabled === false) {
    const routed = routedHeader(source, canary);
    if (routed === undefined) return [];
    if (routed.toLowerCase() !== request.header.toLowerCase()) {
      throw new ConfigurationError(
        `Ingress ${canary.object.name} routes by header "${routed}", not "${request.header}"; ` +
          `set the policy's header to "${routed}" (or switch ${routed} off by hand: ${PREFIX}canary-by-header: "")`,
        locate(source, canary.object, annotation('canary-by-header')),
      );
    }
    return checked(source, canary.object, [{ document, path: annotation('canary-by-header'), value: '' }]);
  }
  return checked(source, canary.object, [
    { document, path: annotation('canary-by-header'), value: request.header },
    { document, path: annotation('canary-by-header-value'), value: request.value },
  ]);
}

/** On when `canary-by-header` names `options.header` (compared case-insensitively, as HTTP does). */
function readHeaderRoute(
  source: ManifestSource,
  options: RouteOptions & { header: string },
): HeaderRouteReading {
  const canary = canaryOf(source, options);
  const routed = routedHeader(source, canary);
  const value = getIn(canary.object.body, annotation('canary-by-header-value'));
  return {
    enabled: routed !== undefined && routed.toLowerCase() === options.header.toLowerCase(),
    ...(typeof value === 'string' ? { value } : {}),
    location: locate(source, canary.object, annotation('canary-by-header')),
  };
}

function checked(source: ManifestSource, object: ManifestObject, edits: ScalarEdit[]): ScalarEdit[] {
  const changes = changedOnly(object, edits);
  validateModel(source, object, edited(object, changes), MODELS);
  return changes;
}

/** The ingress-nginx canary-annotation router. */
export const nginxRouter: TrafficRouter = {
  name: 'nginx',
  readWeights,
  planWeights,
  planHeaderRoute,
  readHeaderRoute,
};
