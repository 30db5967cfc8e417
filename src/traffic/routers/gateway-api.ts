/**
 * Gateway API routes (HTTPRoute, and GRPCRoute which shares the shape). Weights are proportional
 * (`weight` defaults to 1, so two unweighted backendRefs split 50/50); Glidepath writes percentages.
 *
 * Which rules are touched:
 * - weight: every rule without a header match that lists both the stable and the canary backendRef
 *   (path-split routes repeat the pair per path; they all move together);
 * - header route: rules whose `matches[].headers[]` name the header (HTTP header names compare
 *   case-insensitively); on, their value is set and their traffic sent to the canary; off, their
 *   traffic goes back to the stable backendRef the rule lists (at weight 0 while on);
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
  type HeaderRouteReading,
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

/**
 * The rules whose matches name `header`; a route without one is refused with the rule to add
 * (`value` fills the example).
 */
function headerRules(source: ManifestSource, route: Route, header: string, value: string): Rule[] {
  const name = header.toLowerCase();
  const rules = route.rules.filter((rule) => rule.headers.includes(name));
  if (rules.length === 0) {
    throw new ConfigurationError(
      `${route.object.kind} ${route.object.name} has no rule matching header "${header}"; add one once, e.g. ` +
        `- matches: [{headers: [{name: ${header}, value: "${value}"}]}]\n  backendRefs: [{name: ${route.canary}, port: 80}]`,
      locate(source, route.object, ['spec', 'rules']),
    );
  }
  for (const rule of rules) refuseThirdBackend(source, route, rule);
  return rules;
}

/** Each match of `rule` on `header`, with its path and plain value. */
function headerMatches(rule: Rule, header: string): { path: YamlPath; match: Plain }[] {
  const name = header.toLowerCase();
  return asList(rule.body.matches).flatMap((match, matchIndex) =>
    asList(asMap(match)?.headers).flatMap((value, headerIndex) => {
      const map = asMap(value) ?? {};
      if (String(map.name ?? '').toLowerCase() !== name) return [];
      return [{ path: [...rulePath(rule), 'matches', matchIndex, 'headers', headerIndex], match: map }];
    }),
  );
}

function planHeaderRoute(source: ManifestSource, request: HeaderRouteRequest): ScalarEdit[] {
  const route = routeOf(source, request);
  const document = route.object.document;
  const rules = headerRules(source, route, request.header, request.value);
  const edits: ScalarEdit[] = [];
  for (const rule of rules) {
    const { stable, canary } = pairOf(rule, route);
    if (request.enabled === false) {
      if (!stable) {
        const port = asMap(asList(rule.body.backendRefs)[canary?.index ?? 0])?.port ?? 80;
        throw new ConfigurationError(
          `the rule matching header "${request.header}" has no stable backend to send those requests back to; ` +
            `add ${route.stable} to its backendRefs once at weight 0, e.g. - name: ${route.stable}\n  port: ${String(port)}\n  weight: 0`,
          locate(source, route.object, [...rulePath(rule), 'backendRefs']),
        );
      }
      // Only what takes the header traffic off the canary: a 0 on the canary (an absent weight
      // means 1), and a weight on a stable at 0. The header value can stay: nothing matches it
      // to the canary any more, and turning the route on again sets it.
      if (canary && canary.weight !== 0) edits.push({ document, path: weightPath(rule, canary), value: 0 });
      if (stable.weight === 0) edits.push({ document, path: weightPath(rule, stable), value: 100 });
      continue;
    }
    for (const { path, match } of headerMatches(rule, request.header)) {
      if (match.type !== undefined && match.type !== 'Exact') {
        throw new ConfigurationError(
          `the header match is type ${String(match.type)}; Glidepath sets exact values, so make it type: Exact (or drop type)`,
          locate(source, route.object, [...path, 'type']),
        );
      }
      edits.push({ document, path: [...path, 'value'], value: request.value });
    }
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

/**
 * On when every rule matching the header sends its requests wholly to the canary, off when wholly
 * to stable. A rule that splits them, sends them nowhere, or disagrees with another is refused:
 * neither answer would be true.
 */
function readHeaderRoute(
  source: ManifestSource,
  options: RouteOptions & { header: string },
): HeaderRouteReading {
  const route = routeOf(source, options);
  let reading: HeaderRouteReading | undefined;
  for (const rule of headerRules(source, route, options.header, 'on')) {
    const { stable, canary } = pairOf(rule, route);
    const toCanary = (canary?.weight ?? 0) > 0;
    const toStable = (stable?.weight ?? 0) > 0;
    const location = locate(
      source,
      route.object,
      canary
        ? weightPath(rule, canary)
        : stable
          ? weightPath(rule, stable)
          : [...rulePath(rule), 'backendRefs'],
    );
    if (toCanary === toStable) {
      throw new ConfigurationError(
        toCanary
          ? `the rule matching header "${options.header}" splits its requests between ${route.stable} (${stable!.weight}) and ${route.canary} (${canary!.weight}); ` +
              `a header route sends them to one: set the other's weight to 0`
          : `the rule matching header "${options.header}" gives no backend a weight above 0, so the gateway answers its requests with 500; ` +
              `give ${route.stable} weight 100`,
        location,
      );
    }
    if (reading && reading.enabled !== toCanary) {
      throw new ConfigurationError(
        `rules matching header "${options.header}" disagree: ${reading.location} sends its requests to ${
          reading.enabled ? 'the canary' : 'stable'
        }, this rule to ${toCanary ? 'the canary' : 'stable'}; make them agree`,
        location,
      );
    }
    const value = headerMatches(rule, options.header)
      .map(({ match }) => match.value)
      .find((candidate): candidate is string => typeof candidate === 'string');
    reading ??= { enabled: toCanary, ...(value !== undefined ? { value } : {}), location };
  }
  return reading!;
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
  readHeaderRoute,
  planMirror,
};
