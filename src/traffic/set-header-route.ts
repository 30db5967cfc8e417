/**
 * Switching a header route on or off in one manifest file: the traffic part of a rollout's
 * header-route step (`exposure.headerRoute`) and of leaving it. On, requests carrying `header:
 * value` reach the canary whatever the weight, so testers can try it at weight 0; off, they go back
 * to stable, so a reversal never leaves testers on a bad canary (issue 5, "a header-route step";
 * anchors-rollouts.md: Argo `setHeaderRoute`, Flagger `match` headers). Pure: text in, text out.
 */
import { applyEdits, parseManifestSource, type ScalarEdit } from '../manifests/yaml-edit.js';
import { ConfigurationError } from '../errors.js';
import { ROUTER_NAMES, routerFor } from './routers/index.js';
import type { RouteOptions } from './routers/types.js';

/** What to set: the router, the route, the header and whether it routes to the canary. */
export interface SetHeaderRouteRequest extends RouteOptions {
  /** A RouterName with header routes (gateway-api, istio, nginx). */
  router: string;
  /** The request header (HTTP header names compare case-insensitively). */
  header: string;
  /** The header value that selects the canary; not written when switching off. */
  value: string;
  /** true: requests carrying `header: value` go to the canary; false: back to stable. */
  enabled: boolean;
}

/** The planned change. */
export interface SetHeaderRoutePlan {
  file: string;
  /** The file's text after the edit; the input itself when nothing changes. */
  after: string;
  /** Whether `after` differs from the input. */
  changed: boolean;
  edits: ScalarEdit[];
}

/**
 * Plans switching `request.header` on or off for `request.route` in `text`. A router without
 * header routes, or a route without a rule for the header (or, to switch off, without a stable
 * backend in that rule), is a ConfigurationError naming the file and what to add; nothing is
 * planned then.
 */
export function planSetHeaderRoute(
  text: string,
  file: string,
  request: SetHeaderRouteRequest,
): SetHeaderRoutePlan {
  const router = routerFor(request.router);
  if (!router.planHeaderRoute || !router.readHeaderRoute) {
    const able = ROUTER_NAMES.filter((name) => {
      const candidate = routerFor(name);
      return candidate.planHeaderRoute !== undefined && candidate.readHeaderRoute !== undefined;
    });
    throw new ConfigurationError(
      `the ${router.name} router cannot route by header; use ${able.join(', ')} for a header-route step, or remove exposure.headerRoute`,
      file,
    );
  }
  // RFC 9110 §5.1: a field name is a token. An empty or spaced name would match no request, and
  // ingress-nginx would read it as no header at all.
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(request.header)) {
    throw new ConfigurationError(
      `header "${request.header}" is not an HTTP header name; use letters, digits and - (e.g. X-Canary)`,
    );
  }
  if (request.enabled && request.value.trim() === '') {
    throw new ConfigurationError(
      `the value of header ${request.header} is empty; give the value testers send to reach the canary (e.g. "always")`,
    );
  }
  const source = parseManifestSource(text, file);
  const edits = router.planHeaderRoute(source, request);
  const after = edits.length > 0 ? applyEdits(source, edits) : text;
  // Read the result back through the same router: what gets written is what was asked for, or
  // nothing is written at all.
  const reading = router.readHeaderRoute(parseManifestSource(after, file), request);
  const valueMissed = request.enabled && reading.value !== request.value;
  if (reading.enabled !== request.enabled || valueMissed) {
    const asked = request.enabled ? `on (${request.header}: ${request.value})` : 'off';
    const found = reading.enabled
      ? `on${reading.value !== undefined ? ` (value ${reading.value})` : ''}`
      : 'off';
    throw new Error(
      `${router.name} planned header route ${request.header} ${asked} for ${request.route} in ${file} but ${reading.location} reads ${found} (a bug in Glidepath)`,
    );
  }
  return { file, after, changed: after !== text, edits };
}
