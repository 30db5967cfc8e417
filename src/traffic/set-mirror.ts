/**
 * Setting the share of stable traffic mirrored to the canary in one manifest file: the traffic part
 * of a rollout's mirror step (`exposure.mirror`) and of leaving it. Pure: text in, text out. The
 * canary answers mirrored requests into the void (the caller gets stable's answer), so a mirror step
 * measures the new version under real load with no user exposed (anchors-rollouts.md: Argo
 * `setMirrorRoute`, Flagger `mirror`).
 */
import { applyEdits, parseManifestSource, type ScalarEdit } from '../manifests/yaml-edit.js';
import { ConfigurationError } from '../errors.js';
import { ROUTER_NAMES, routerFor } from './routers/index.js';
import { Weight, type RouteOptions } from './routers/types.js';

/** What to set: the router, the route and the mirrored share. */
export interface SetMirrorRequest extends RouteOptions {
  /** A RouterName with mirroring (gateway-api, istio, traefik). */
  router: string;
  /** Whole percent 0..100 of stable's requests copied to the canary; 0 stops mirroring. */
  percent: Weight | number;
}

/** The planned change. */
export interface SetMirrorPlan {
  file: string;
  /** The file's text after the edit; the input itself when nothing changes. */
  after: string;
  changed: boolean;
  edits: ScalarEdit[];
}

/**
 * Plans mirroring `request.percent` of `request.route`'s stable traffic to the canary in `text`.
 * A router without mirroring, or a route without a mirror to the canary, is a ConfigurationError
 * naming the file and what to add.
 */
export function planSetMirror(text: string, file: string, request: SetMirrorRequest): SetMirrorPlan {
  const router = routerFor(request.router);
  if (!router.planMirror) {
    const able = ROUTER_NAMES.filter((name) => routerFor(name).planMirror !== undefined);
    throw new ConfigurationError(
      `the ${router.name} router cannot mirror traffic; use ${able.join(', ')} for a mirror step, or remove exposure.mirror`,
      file,
    );
  }
  const percent = Weight.from(request.percent, 'mirror percent');
  const source = parseManifestSource(text, file);
  const edits = router.planMirror(source, { ...request, percent });
  const after = edits.length > 0 ? applyEdits(source, edits) : text;
  return { file, after, changed: after !== text, edits };
}
