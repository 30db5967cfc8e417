/**
 * The traffic-router plugin family: one interface, one file per router, one exhaustive factory
 * (`index.ts`). A router reads the split a manifest holds and plans the scalar edits that move it;
 * it never writes: `applyEdits` (manifests/yaml-edit.ts) turns the plan into bytes.
 */
import { ConfigurationError } from '../../errors.js';
import type { ManifestSource, ScalarEdit } from '../../manifests/yaml-edit.js';

/** The routers Glidepath drives, as named in the policy (`desired.traffic.router`) and `--router`. */
export type RouterName =
  /** Gateway API HTTPRoute: `spec.rules[].backendRefs[].weight`, header match rules, RequestMirror. */
  | 'gateway-api'
  /** Istio VirtualService: `spec.http[].route[].weight`, header match routes, `mirror` + `mirrorPercentage`. */
  | 'istio'
  /** SMI TrafficSplit: `spec.backends[].weight` (v1alpha1 quantities such as "500m", later integers). */
  | 'smi'
  /** ingress-nginx canary Ingress annotations: `canary`, `canary-weight`, `canary-by-header`. */
  | 'nginx'
  /** Traefik TraefikService: `spec.weighted.services[].weight`, `spec.mirroring.mirrors[].percent`. */
  | 'traefik'
  /** No mesh: stable and canary Deployments scaled so the canary's share of replicas approximates the weight. */
  | 'replicas';

/**
 * A share of traffic in whole percent, 0..100. Parsed once at the boundary so routers never see a
 * fraction, a negative number or 150.
 */
export class Weight {
  private constructor(readonly percent: number) {}

  /** `value` as a Weight; `field` names where it came from for the error message. */
  static of(value: number, field = 'weight'): Weight {
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      throw new ConfigurationError(`${field}: ${value} is not a weight; use a whole percent from 0 to 100`);
    }
    return new Weight(value);
  }

  /** Parses `"25"` or `"25%"`. */
  static parse(text: string, field = 'weight'): Weight {
    const match = /^\s*(\d{1,3})\s*%?\s*$/.exec(text);
    if (!match) {
      throw new ConfigurationError(`${field}: "${text}" is not a weight; use a whole percent from 0 to 100`);
    }
    return Weight.of(Number(match[1]), field);
  }

  /** Accepts a Weight or a number, so callers may pass either. */
  static from(value: Weight | number, field = 'weight'): Weight {
    return value instanceof Weight ? value : Weight.of(value, field);
  }

  /** The rest of the traffic: 100 − this. */
  get complement(): Weight {
    return new Weight(100 - this.percent);
  }

  toString(): string {
    return `${this.percent}%`;
  }
}

/** Which routing object to edit and how to tell its stable backend from its canary. */
export interface RouteOptions {
  /**
   * `metadata.name` of the routing object: the HTTPRoute, VirtualService, TrafficSplit, canary
   * Ingress or TraefikService. For `replicas`, the application name: the canary Deployment is
   * `<route>-canary`, the stable one `<route>`, `<route>-stable` or `<route>-primary`.
   */
  route: string;
  /**
   * The stable backend: a Service name (Gateway API, SMI, Traefik), an Istio destination host or
   * subset, a Deployment name (replicas). Default: the one backend that is not the canary.
   */
  stableService?: string;
  /** The canary backend, named as for `stableService`. Default: the one whose name ends with `-canary`. */
  canaryService?: string;
  /** `replicas` only: the replicas to share out (a policy value). Default: stable + canary `spec.replicas`. */
  totalReplicas?: number;
}

/** What a router found in the file. */
export interface WeightReading {
  /** The routing object's name, as given in `RouteOptions.route`. */
  route: string;
  stable: Weight;
  canary: Weight;
  /** The backends the split is between, as identified (Service, destination or Deployment names). */
  stableService: string;
  canaryService: string;
  /** `FILE:LINE:COL` of the canary's weight (or of the object holding it), for messages. */
  location: string;
}

/** Move the canary to `canary` percent. */
export interface WeightRequest extends RouteOptions {
  canary: Weight | number;
}

/**
 * Switch the header route of a header-route step: on, requests that carry `header: value` go to
 * the canary whatever the weight (only testers who send the header reach a canary at weight 0);
 * off, they go back to stable, so a reversal does not leave testers on a bad canary.
 */
export interface HeaderRouteRequest extends RouteOptions {
  /** The request header (HTTP header names compare case-insensitively). */
  header: string;
  /** The header value that selects the canary; not written when switching off. */
  value: string;
  /**
   * true (the default): route the header to the canary. false: send requests carrying the header
   * to stable again, leaving the weight split of the other rules untouched.
   */
  enabled?: boolean;
}

/** What a router found about a header route. */
export interface HeaderRouteReading {
  /** Whether requests carrying the header are sent to the canary. */
  enabled: boolean;
  /** The header value that selects the canary, where the file gives one. */
  value?: string;
  /** `FILE:LINE:COL` of the setting that decides it, for messages. */
  location: string;
}

/** Mirror `percent` of the stable traffic to the canary (responses discarded). */
export interface MirrorRequest extends RouteOptions {
  percent: Weight | number;
}

/**
 * One traffic router. Every method is pure: it reads `source` and returns data. A request the
 * router cannot satisfy exactly (unknown route, weights that do not add up, an edited object the
 * schema rejects) throws ConfigurationError with `FILE:LINE:COL` and returns no edits.
 */
export interface TrafficRouter {
  readonly name: RouterName;
  /**
   * True where the split is only approximated (replicas: whole pods), so reading back a planned
   * weight may differ from it by up to one replica's share. Exact routers read back what they wrote.
   */
  readonly approximate?: boolean;
  /** The current split of `options.route`. */
  readWeights(source: ManifestSource, options: RouteOptions): WeightReading;
  /** Edits that put `request.canary` percent on the canary; none when the file already says so. */
  planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[];
  /**
   * Edits that switch the header route on or off (`request.enabled`); none when the file already
   * says so. Absent where the router has no header matching.
   */
  planHeaderRoute?(source: ManifestSource, request: HeaderRouteRequest): ScalarEdit[];
  /** Whether the header route for `options.header` is on; present exactly where `planHeaderRoute` is. */
  readHeaderRoute?(source: ManifestSource, options: RouteOptions & { header: string }): HeaderRouteReading;
  /** Edits for a mirror step; absent where the router cannot mirror by percentage. */
  planMirror?(source: ManifestSource, request: MirrorRequest): ScalarEdit[];
}
