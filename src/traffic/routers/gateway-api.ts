/**
 * Gateway API routes (HTTPRoute, and GRPCRoute which shares the shape). Weights are proportional
 * (`weight` defaults to 1, so two unweighted backendRefs split 50/50); Glidepath writes percentages.
 *
 * Which rules are touched:
 * - weight: every rule without a header match that lists both the stable and the canary backendRef
 *   (path-split routes repeat the pair per path; they all move together);
 * - header route: rules whose `matches[].headers[]` name the header (HTTP header names compare
 *   case-insensitively); their value is set and their traffic sent to the canary;
 * - mirror: rules without a header match carrying a `RequestMirror` filter to the canary; its
 *   `percent` (Gateway API v1.2+) is set.
 * Structure (a rule, a filter) is never invented: a route missing one is refused with the YAML to
 * add once, so the file stays the reviewed source of truth.
 */
import { GRPCRoute as GRPCRouteV1alpha2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/GRPCRoute';
import { HTTPRoute as HTTPRouteV1alpha2 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/HTTPRoute';
import { HTTPRoute as HTTPRouteV1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { HTTPRoute as HTTPRouteV1beta1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/HTTPRoute';
import { ConfigurationError } from '../../errors.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../../manifests/yaml-edit.js';
import {
  asList,
  asMap,
  changedOnly,
  edited,
  findObject,
  identifyPair,
  locate,
  validateModel,
  type ManifestObject,
  type ModelClass,
  type Plain,
} from './objects.js';
import { canaryPercent, splitsExactly } from './proportion.js';
import {
  Weight,
  type HeaderRouteRequest,
  type MirrorRequest,
  type RouteOptions,
  type TrafficRouter,
  type WeightReading,
  type WeightRequest,
} from './types.js';

const KINDS = ['HTTPRoute', 'GRPCRoute'] as const;

const MODELS: Record<string, ModelClass> = {
  'gateway.networking.k8s.io/v1 HTTPRoute': HTTPRouteV1,
  'gateway.networking.k8s.io/v1beta1 HTTPRoute': HTTPRouteV1beta1,
  'gateway.networking.k8s.io/v1alpha2 HTTPRoute': HTTPRouteV1alpha2,
  'gateway.networking.k8s.io/v1alpha2 GRPCRoute': GRPCRouteV1alpha2,
};

/** A gateway API default: a backendRef without `weight` weighs 1. */
const DEFAULT_WEIGHT = 1;

interface BackendRef {
  index: number;
  name: string;
  weight: number;
}

interface Rule {
  index: number;
  body: Plain;
  backends: BackendRef[];
  /** Header names this rule matches on, lower-cased. */
  headers: string[];
}

interface Route {
  object: ManifestObject;
  rules: Rule[];
  stable: string;
  canary: string;
}

const rulePath = (rule: Rule): YamlPath => ['spec', 'rules', rule.index];
const weightPath = (rule: Rule, backend: BackendRef): YamlPath => [
  ...rulePath(rule),
  'backendRefs',
  backend.index,
  'weight',
];

function rulesOf(source: ManifestSource, object: ManifestObject): Rule[] {
  return asList(asMap(object.body.spec)?.rules).map((value, index) => {
    const body = asMap(value) ?? {};
    const backends = asList(body.backendRefs).map((ref, refIndex) => {
      const map = asMap(ref) ?? {};
      const weight = map.weight ?? DEFAULT_WEIGHT;
      if (typeof weight !== 'number' || !Number.isInteger(weight)) {
        throw new ConfigurationError(
          `backendRef weight must be a whole number, got ${JSON.stringify(weight)}`,
          locate(source, object, ['spec', 'rules', index, 'backendRefs', refIndex, 'weight']),
        );
      }
      return { index: refIndex, name: String(map.name ?? ''), weight };
    });
    const headers = asList(body.matches).flatMap((match) =>
      asList(asMap(match)?.headers).map((header) => String(asMap(header)?.name ?? '').toLowerCase()),
    );
    return { index, body, backends, headers };
  });
}

function mirrorFilters(rule: Rule): { index: number; mirror: Plain }[] {
  return asList(rule.body.filters).flatMap((filter, index) => {
    const map = asMap(filter);
    const mirror = asMap(map?.requestMirror);
    return map?.type === 'RequestMirror' && mirror ? [{ index, mirror }] : [];
  });
}

const mirrorTarget = (mirror: Plain): string => String(asMap(mirror.backendRef)?.name ?? '');

/**
 * The route and which of its backends are stable and canary. Candidates are every backend the
 * route names (backendRefs and mirror targets), so a route whose canary is only mirrored or only
 * header-routed is still understood.
 */
function routeOf(source: ManifestSource, options: RouteOptions): Route {
  const object = findObject(source, KINDS, options.route, 'HTTPRoute or GRPCRoute');
  const rules = rulesOf(source, object);
  const names = [
    ...new Set(
      rules.flatMap((rule) => [
        ...rule.backends.map((backend) => backend.name),
        ...mirrorFilters(rule).map((filter) => mirrorTarget(filter.mirror)),
      ]),
    ),
  ];
  const pair = identifyPair(
    names.map((name) => ({ label: name, names: [name] })),
    options,
    locate(source, object, ['spec', 'rules']),
  );
  return { object, rules, stable: names[pair.stable]!, canary: names[pair.canary]! };
}

/** The rules that carry the weighted split; refuses a route that has none or mixes in a third backend. */
function weightedRules(source: ManifestSource, route: Route): Rule[] {
  const rules = route.rules.filter(
    (rule) =>
      rule.headers.length === 0 &&
      rule.backends.some((backend) => backend.name === route.stable) &&
      rule.backends.some((backend) => backend.name === route.canary),
  );
  if (rules.length === 0) {
    throw new ConfigurationError(
      `${route.object.kind} ${route.object.name} has no rule listing both ${route.stable} and ${route.canary}; ` +
        `add the canary next to the stable backendRef once, e.g. backendRefs: [{name: ${route.stable}, port: 80, weight: 100}, {name: ${route.canary}, port: 80, weight: 0}]`,
      locate(source, route.object, ['spec', 'rules']),
    );
  }
  for (const rule of rules) refuseThirdBackend(source, route, rule);
  return rules;
}

function refuseThirdBackend(source: ManifestSource, route: Route, rule: Rule): void {
  const others = rule.backends.filter(
    (backend) => backend.name !== route.stable && backend.name !== route.canary,
  );
  if (others.length > 0) {
    throw new ConfigurationError(
      `the rule splits between ${rule.backends.map((backend) => backend.name).join(', ')}; ` +
        `Glidepath moves traffic between exactly two backends (${route.stable}, ${route.canary})`,
      locate(source, route.object, [...rulePath(rule), 'backendRefs']),
    );
  }
}

function pairOf(rule: Rule, route: Route): { stable?: BackendRef; canary?: BackendRef } {
  return {
    stable: rule.backends.find((backend) => backend.name === route.stable),
    canary: rule.backends.find((backend) => backend.name === route.canary),
  };
}

function readWeights(source: ManifestSource, options: RouteOptions): WeightReading {
  const route = routeOf(source, options);
  let reading: WeightReading | undefined;
  for (const rule of weightedRules(source, route)) {
    const { stable, canary } = pairOf(rule, route) as Required<ReturnType<typeof pairOf>>;
    const location = locate(source, route.object, weightPath(rule, canary));
    const percent = canaryPercent(stable.weight, canary.weight, location);
    if (reading && reading.canary.percent !== percent.percent) {
      throw new ConfigurationError(
        `rules disagree: ${reading.location} gives the canary ${reading.canary}, this rule ${percent}; ` +
          `set them equal (glidepath edit set-weight does) before stepping`,
        location,
      );
    }
    reading ??= {
      route: options.route,
      stable: percent.complement,
      canary: percent,
      stableService: route.stable,
      canaryService: route.canary,
      location,
    };
  }
  return reading!;
}

function planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[] {
  const target = Weight.from(request.canary, 'canary weight');
  const route = routeOf(source, request);
  const document = route.object.document;
  const edits = weightedRules(source, route).flatMap((rule) => {
    const { stable, canary } = pairOf(rule, route) as Required<ReturnType<typeof pairOf>>;
    if (splitsExactly(stable.weight, canary.weight, target)) return [];
    return [
      { document, path: weightPath(rule, stable), value: target.complement.percent },
      { document, path: weightPath(rule, canary), value: target.percent },
    ];
  });
  return checked(source, route.object, edits);
}

function planHeaderRoute(source: ManifestSource, request: HeaderRouteRequest): ScalarEdit[] {
  const route = routeOf(source, request);
  const document = route.object.document;
  const header = request.header.toLowerCase();
  const rules = route.rules.filter((rule) => rule.headers.includes(header));
  if (rules.length === 0) {
    throw new ConfigurationError(
      `${route.object.kind} ${route.object.name} has no rule matching header "${request.header}"; add one once, e.g. ` +
        `- matches: [{headers: [{name: ${request.header}, value: "${request.value}"}]}]\n  backendRefs: [{name: ${route.canary}, port: 80}]`,
      locate(source, route.object, ['spec', 'rules']),
    );
  }
  const edits: ScalarEdit[] = [];
  for (const rule of rules) {
    asList(rule.body.matches).forEach((match, matchIndex) => {
      asList(asMap(match)?.headers).forEach((value, headerIndex) => {
        const map = asMap(value) ?? {};
        if (String(map.name ?? '').toLowerCase() !== header) return;
        const path: YamlPath = [...rulePath(rule), 'matches', matchIndex, 'headers', headerIndex];
        if (map.type !== undefined && map.type !== 'Exact') {
          throw new ConfigurationError(
            `the header match is type ${String(map.type)}; Glidepath sets exact values, so make it type: Exact (or drop type)`,
            locate(source, route.object, [...path, 'type']),
          );
        }
        edits.push({ document, path: [...path, 'value'], value: request.value });
      });
    });
    refuseThirdBackend(source, route, rule);
    const { stable, canary } = pairOf(rule, route);
    if (!canary) {
      throw new ConfigurationError(
        `the rule matching header "${request.header}" does not route to the canary ${route.canary}; add it to its backendRefs`,
        locate(source, route.object, [...rulePath(rule), 'backendRefs']),
      );
    }
    // Only what keeps the header traffic off stable: a 0 on stable, and a weight on a canary at 0.
    if (stable && stable.weight !== 0) edits.push({ document, path: weightPath(rule, stable), value: 0 });
    if (canary.weight === 0) edits.push({ document, path: weightPath(rule, canary), value: 100 });
  }
  return checked(source, route.object, edits);
}

function planMirror(source: ManifestSource, request: MirrorRequest): ScalarEdit[] {
  const target = Weight.from(request.percent, 'mirror percent');
  const route = routeOf(source, request);
  const document = route.object.document;
  const mirrors = route.rules
    .filter((rule) => rule.headers.length === 0)
    .flatMap((rule) =>
      mirrorFilters(rule)
        .filter((filter) => mirrorTarget(filter.mirror) === route.canary)
        .map((filter) => ({
          ...filter,
          path: [...rulePath(rule), 'filters', filter.index, 'requestMirror'],
        })),
    );
  if (mirrors.length === 0) {
    throw new ConfigurationError(
      `${route.object.kind} ${route.object.name} has no RequestMirror filter to ${route.canary}; add one to the stable rule once, e.g. ` +
        `filters: [{type: RequestMirror, requestMirror: {backendRef: {name: ${route.canary}, port: 80}, percent: 0}}]`,
      locate(source, route.object, ['spec', 'rules']),
    );
  }
  const edits = mirrors.flatMap(({ mirror, path }): ScalarEdit[] => {
    if (mirror.fraction !== undefined) {
      throw new ConfigurationError(
        'the mirror uses fraction; Glidepath writes percent, so replace fraction with percent',
        locate(source, route.object, [...path, 'fraction']),
      );
    }
    // Without percent a RequestMirror copies every request: 100 is already what the file says.
    if (mirror.percent === undefined && target.percent === 100) return [];
    return [{ document, path: [...path, 'percent'], value: target.percent }];
  });
  return checked(source, route.object, edits);
}

function checked(source: ManifestSource, object: ManifestObject, edits: ScalarEdit[]): ScalarEdit[] {
  const changes = changedOnly(object, edits);
  validateModel(source, object, edited(object, changes), MODELS);
  return changes;
}

/** The Gateway API router. */
export const gatewayApiRouter: TrafficRouter = {
  name: 'gateway-api',
  readWeights,
  planWeights,
  planHeaderRoute,
  planMirror,
};
