/**
 * Istio VirtualService. A destination is named by its subset when it has one (subset split:
 * one host, subsets `stable`/`canary`), else by its host (host split: `app-stable`/`app-canary`);
 * `stableService`/`canaryService` may give the subset, the host or the host's short name.
 *
 * Which `http[]` entries are touched:
 * - weight: entries without a header match whose route lists both destinations; Istio wants the
 *   weights of a route to total 100, so a route that does not is refused, never "fixed";
 * - header route: entries matching the header (`match[].headers.<name>.exact`); on, set to the
 *   value and routed wholly to the canary; off, routed wholly to the stable destination the entry
 *   lists (at weight 0 while on). Istio takes the first entry that matches, so a header entry
 *   below a catch-all entry would never be reached and is refused;
 * - mirror: entries without a header match whose `mirror` is the canary; `mirrorPercentage.value`
 *   is set (the deprecated integer `mirrorPercent` where the file still uses it).
 */
import { VirtualService as VirtualServiceV1alpha3 } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService';
import { VirtualService as VirtualServiceV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
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
  type Candidate,
  type ManifestObject,
  type ModelClass,
  type Plain,
} from './objects.js';
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

const MODELS: Record<string, ModelClass> = {
  'networking.istio.io/v1beta1 VirtualService': VirtualServiceV1beta1,
  'networking.istio.io/v1alpha3 VirtualService': VirtualServiceV1alpha3,
};

/** Istio v1 (1.22+) promoted v1beta1 unchanged, so its objects are checked against the v1beta1 schema. */
const SCHEMA_VERSION: Record<string, string> = { 'networking.istio.io/v1': 'networking.istio.io/v1beta1' };

interface Destination {
  /** `host#subset`: what makes two destinations the same. */
  key: string;
  host: string;
  subset?: string;
}

interface RouteEntry {
  index: number;
  destination: Destination;
  /** undefined when the file gives no weight. */
  weight?: number;
}

interface HttpEntry {
  index: number;
  body: Plain;
  routes: RouteEntry[];
  /** Header names matched on, lower-cased. */
  headers: string[];
  /** True when the entry has no `match`: it takes every request that reaches it. */
  catchAll: boolean;
  mirror?: Destination;
}

interface Service {
  object: ManifestObject;
  entries: HttpEntry[];
  stable: Destination;
  canary: Destination;
}

function destinationOf(value: unknown): Destination | undefined {
  const map = asMap(value);
  if (!map || typeof map.host !== 'string') return undefined;
  const subset = typeof map.subset === 'string' ? map.subset : undefined;
  return { key: `${map.host}#${subset ?? ''}`, host: map.host, subset };
}

const label = (destination: Destination): string => destination.subset ?? destination.host;
const entryPath = (entry: HttpEntry): YamlPath => ['spec', 'http', entry.index];
const weightPath = (entry: HttpEntry, route: RouteEntry): YamlPath => [
  ...entryPath(entry),
  'route',
  route.index,
  'weight',
];

function entriesOf(source: ManifestSource, object: ManifestObject): HttpEntry[] {
  return asList(asMap(object.body.spec)?.http).map((value, index) => {
    const body = asMap(value) ?? {};
    const routes = asList(body.route).flatMap((route, routeIndex): RouteEntry[] => {
      const map = asMap(route) ?? {};
      const destination = destinationOf(map.destination);
      if (!destination) return [];
      if (map.weight !== undefined && (typeof map.weight !== 'number' || !Number.isInteger(map.weight))) {
        throw new ConfigurationError(
          `route weight must be a whole number, got ${JSON.stringify(map.weight)}`,
          locate(source, object, ['spec', 'http', index, 'route', routeIndex, 'weight']),
        );
      }
      return [{ index: routeIndex, destination, weight: map.weight as number | undefined }];
    });
    const matches = asList(body.match);
    const headers = matches.flatMap((match) => Object.keys(asMap(asMap(match)?.headers) ?? {}));
    return {
      index,
      body,
      routes,
      headers: headers.map((header) => header.toLowerCase()),
      catchAll: matches.length === 0,
      mirror: destinationOf(body.mirror),
    };
  });
}

function serviceOf(source: ManifestSource, options: RouteOptions): Service {
  const object = findObject(source, ['VirtualService'], options.route, 'VirtualService');
  const entries = entriesOf(source, object);
  const seen = new Map<string, Destination>();
  for (const entry of entries) {
    for (const destination of [...entry.routes.map((route) => route.destination), entry.mirror]) {
      if (destination && !seen.has(destination.key)) seen.set(destination.key, destination);
    }
  }
  const destinations = [...seen.values()];
  const candidates: Candidate[] = destinations.map((destination) => ({
    label: label(destination),
    names: [
      ...(destination.subset ? [destination.subset] : []),
      destination.host,
      ...(destination.host.includes('.') ? [destination.host.split('.')[0]!] : []),
    ],
  }));
  // Two subsets of one host share the host's name; only the subset tells them apart by default.
  const pair = identifyPair(candidates, options, locate(source, object, ['spec', 'http']));
  return { object, entries, stable: destinations[pair.stable]!, canary: destinations[pair.canary]! };
}

function pairOf(entry: HttpEntry, service: Service): { stable?: RouteEntry; canary?: RouteEntry } {
  return {
    stable: entry.routes.find((route) => route.destination.key === service.stable.key),
    canary: entry.routes.find((route) => route.destination.key === service.canary.key),
  };
}

function refuseThirdDestination(source: ManifestSource, service: Service, entry: HttpEntry): void {
  const others = entry.routes.filter(
    (route) => route.destination.key !== service.stable.key && route.destination.key !== service.canary.key,
  );
  if (others.length > 0) {
    throw new ConfigurationError(
      `the route splits between ${entry.routes.map((route) => label(route.destination)).join(', ')}; ` +
        `Glidepath moves traffic between exactly two destinations (${label(service.stable)}, ${label(service.canary)})`,
      locate(source, service.object, [...entryPath(entry), 'route']),
    );
  }
}

function weightedEntries(source: ManifestSource, service: Service): HttpEntry[] {
  const entries = service.entries.filter((entry) => {
    const { stable, canary } = pairOf(entry, service);
    return entry.headers.length === 0 && stable !== undefined && canary !== undefined;
  });
  if (entries.length === 0) {
    throw new ConfigurationError(
      `VirtualService ${service.object.name} has no http route listing both ${label(service.stable)} and ${label(service.canary)}; ` +
        `add the canary destination with weight: 0 next to the stable one once`,
      locate(source, service.object, ['spec', 'http']),
    );
  }
  for (const entry of entries) refuseThirdDestination(source, service, entry);
  return entries;
}

function readWeights(source: ManifestSource, options: RouteOptions): WeightReading {
  const service = serviceOf(source, options);
  let reading: WeightReading | undefined;
  for (const entry of weightedEntries(source, service)) {
    const { stable, canary } = pairOf(entry, service) as Required<ReturnType<typeof pairOf>>;
    const location = locate(source, service.object, weightPath(entry, canary));
    const stableWeight = stable.weight ?? 0;
    const canaryWeight = canary.weight ?? 0;
    if (stableWeight + canaryWeight !== 100 || stableWeight < 0 || canaryWeight < 0) {
      throw new ConfigurationError(
        `route weights must total 100; ${label(service.stable)} has ${stableWeight} and ${label(service.canary)} ${canaryWeight}`,
        location,
      );
    }
    if (reading && reading.canary.percent !== canaryWeight) {
      throw new ConfigurationError(
        `http routes disagree: ${reading.location} gives the canary ${reading.canary}, this route ${canaryWeight}%; ` +
          `set them equal (glidepath edit set-weight does) before stepping`,
        location,
      );
    }
    reading ??= {
      route: options.route,
      stable: Weight.of(stableWeight),
      canary: Weight.of(canaryWeight),
      stableService: label(service.stable),
      canaryService: label(service.canary),
      location,
    };
  }
  return reading!;
}

function planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[] {
  const target = Weight.from(request.canary, 'canary weight');
  const service = serviceOf(source, request);
  const document = service.object.document;
  const edits = weightedEntries(source, service).flatMap((entry) => {
    const { stable, canary } = pairOf(entry, service) as Required<ReturnType<typeof pairOf>>;
    return [
      { document, path: weightPath(entry, stable), value: target.complement.percent },
      { document, path: weightPath(entry, canary), value: target.percent },
    ];
  });
  return checked(source, service.object, edits);
}

/**
 * The `http[]` entries matching `header`; a service without one is refused with the entry to add
 * (`value` fills the example).
 */
function headerEntries(source: ManifestSource, service: Service, header: string, value: string): HttpEntry[] {
  const name = header.toLowerCase();
  const entries = service.entries.filter((entry) => entry.headers.includes(name));
  if (entries.length === 0) {
    throw new ConfigurationError(
      `VirtualService ${service.object.name} has no http route matching header "${header}"; add one above the default route once, e.g. ` +
        `- match: [{headers: {${name}: {exact: "${value}"}}}]\n  route: [{destination: ${destinationYaml(service.canary)}}]`,
      locate(source, service.object, ['spec', 'http']),
    );
  }
  for (const entry of entries) refuseThirdDestination(source, service, entry);
  return entries;
}

/** Each condition of `entry` on `header`, with its path and plain value. */
function headerConditions(entry: HttpEntry, header: string): { path: YamlPath; condition: Plain }[] {
  const name = header.toLowerCase();
  return asList(entry.body.match).flatMap((match, matchIndex) =>
    Object.entries(asMap(asMap(match)?.headers) ?? {}).flatMap(([key, condition]) =>
      key.toLowerCase() === name
        ? [
            {
              path: [...entryPath(entry), 'match', matchIndex, 'headers', key],
              condition: asMap(condition) ?? {},
            },
          ]
        : [],
    ),
  );
}

const destinationYaml = (destination: Destination): string =>
  `{host: ${destination.host}${destination.subset ? `, subset: ${destination.subset}` : ''}}`;

function planHeaderRoute(source: ManifestSource, request: HeaderRouteRequest): ScalarEdit[] {
  const service = serviceOf(source, request);
  const document = service.object.document;
  const entries = headerEntries(source, service, request.header, request.value);
  const edits: ScalarEdit[] = [];
  for (const entry of entries) {
    const { stable, canary } = pairOf(entry, service);
    if (request.enabled === false) {
      if (!stable) {
        throw new ConfigurationError(
          `the route matching header "${request.header}" has no stable destination to send those requests back to; ` +
            `add it to its route once at weight 0 (and weight: 100 on the canary), e.g. - destination: ${destinationYaml(service.stable)}\n  weight: 0`,
          locate(source, service.object, [...entryPath(entry), 'route']),
        );
      }
      // With two destinations Istio wants 100 + 0; a lone stable destination already takes
      // everything. The header value can stay: turning the route on again sets it.
      if (canary) {
        edits.push({ document, path: weightPath(entry, stable), value: 100 });
        edits.push({ document, path: weightPath(entry, canary), value: 0 });
      }
      continue;
    }
    const catchAll = service.entries.find((other) => other.catchAll && other.index < entry.index);
    if (catchAll) {
      throw new ConfigurationError(
        `the route matching header "${request.header}" is never reached: Istio takes the first matching route and ` +
          `${locate(source, service.object, entryPath(catchAll))} matches everything; move the header route above it`,
        locate(source, service.object, entryPath(entry)),
      );
    }
    for (const { path, condition } of headerConditions(entry, request.header)) {
      if (condition.exact === undefined) {
        throw new ConfigurationError(
          `the header match is not exact (${Object.keys(condition).join(', ') || 'empty'}); ` +
            `Glidepath sets exact values, so write it as {exact: "..."}`,
          locate(source, service.object, path),
        );
      }
      edits.push({ document, path: [...path, 'exact'], value: request.value });
    }
    if (!canary) {
      throw new ConfigurationError(
        `the route matching header "${request.header}" does not go to the canary ${label(service.canary)}; add it to its route`,
        locate(source, service.object, [...entryPath(entry), 'route']),
      );
    }
    // A lone destination takes everything whatever its weight; with two, Istio wants 0 + 100.
    if (stable) {
      edits.push({ document, path: weightPath(entry, stable), value: 0 });
      edits.push({ document, path: weightPath(entry, canary), value: 100 });
    } else if (canary.weight !== undefined && canary.weight !== 100) {
      edits.push({ document, path: weightPath(entry, canary), value: 100 });
    }
  }
  return checked(source, service.object, edits);
}

/**
 * On when every route matching the header sends its requests wholly to the canary (a lone canary
 * destination, or canary 100 + stable 0), off when wholly to stable. A route that splits them or
 * disagrees with another is refused: neither answer would be true.
 */
function readHeaderRoute(
  source: ManifestSource,
  options: RouteOptions & { header: string },
): HeaderRouteReading {
  const service = serviceOf(source, options);
  let reading: HeaderRouteReading | undefined;
  for (const entry of headerEntries(source, service, options.header, 'on')) {
    const { stable, canary } = pairOf(entry, service);
    const location = locate(
      source,
      service.object,
      canary
        ? weightPath(entry, canary)
        : stable
          ? weightPath(entry, stable)
          : [...entryPath(entry), 'route'],
    );
    // A lone destination takes everything; two share by weight (absent counts as 0, as for the split).
    const toCanary =
      canary !== undefined && (stable === undefined || (canary.weight === 100 && !stable.weight));
    const toStable =
      stable !== undefined && (canary === undefined || (stable.weight === 100 && !canary.weight));
    if (toCanary === toStable) {
      throw new ConfigurationError(
        stable && canary
          ? `the route matching header "${options.header}" splits its requests between ${label(service.stable)} (${stable.weight ?? 0}) and ${label(service.canary)} (${canary.weight ?? 0}); ` +
              `a header route sends them to one: give it weight 100 and the other 0`
          : `the route matching header "${options.header}" goes to neither ${label(service.stable)} nor ${label(service.canary)}; add the canary to its route`,
        location,
      );
    }
    if (reading && reading.enabled !== toCanary) {
      throw new ConfigurationError(
        `routes matching header "${options.header}" disagree: ${reading.location} sends its requests to ${
          reading.enabled ? 'the canary' : 'stable'
        }, this route to ${toCanary ? 'the canary' : 'stable'}; make them agree`,
        location,
      );
    }
    const value = headerConditions(entry, options.header)
      .map(({ condition }) => condition.exact)
      .find((candidate): candidate is string => typeof candidate === 'string');
    reading ??= { enabled: toCanary, ...(value !== undefined ? { value } : {}), location };
  }
  return reading!;
}

function planMirror(source: ManifestSource, request: MirrorRequest): ScalarEdit[] {
  const target = Weight.from(request.percent, 'mirror percent');
  const service = serviceOf(source, request);
  const document = service.object.document;
  const entries = service.entries.filter(
    (entry) => entry.headers.length === 0 && entry.mirror?.key === service.canary.key,
  );
  if (entries.length === 0) {
    throw new ConfigurationError(
      `VirtualService ${service.object.name} has no http route mirroring to ${label(service.canary)}; add to the stable route once, e.g. ` +
        `mirror: ${destinationYaml(service.canary)} and mirrorPercentage: {value: 0}`,
      locate(source, service.object, ['spec', 'http']),
    );
  }
  const edits = entries.flatMap((entry): ScalarEdit[] => {
    const body = entry.body;
    if (asMap(body.mirrorPercentage) !== undefined || body.mirrorPercent === undefined) {
      // Istio mirrors every request when no percentage is given: 100 needs no edit then.
      if (body.mirrorPercentage === undefined && target.percent === 100) return [];
      return [{ document, path: [...entryPath(entry), 'mirrorPercentage', 'value'], value: target.percent }];
    }
    return [{ document, path: [...entryPath(entry), 'mirrorPercent'], value: target.percent }];
  });
  return checked(source, service.object, edits);
}

function checked(source: ManifestSource, object: ManifestObject, edits: ScalarEdit[]): ScalarEdit[] {
  const changes = changedOnly(object, edits);
  validateModel(source, object, edited(object, changes), MODELS, SCHEMA_VERSION[object.apiVersion]);
  return changes;
}

/** The Istio router. */
export const istioRouter: TrafficRouter = {
  name: 'istio',
  readWeights,
  planWeights,
  planHeaderRoute,
  readHeaderRoute,
  planMirror,
};
