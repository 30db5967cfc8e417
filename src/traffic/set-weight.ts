/**
 * Setting a canary weight in one manifest file: the library call behind `glidepath edit
 * set-weight` and the traffic part of `desire`. Pure: text in, text out.
 */
import { applyEdits, parseManifestSource, type ScalarEdit } from '../manifests/yaml-edit.js';
import { routerFor } from './routers/index.js';
import { Weight, type RouteOptions, type WeightReading } from './routers/types.js';

/** What to set: the router, the route and the canary's share. */
export interface SetWeightRequest extends RouteOptions {
  /** A RouterName; anything else is a ConfigurationError listing the names. */
  router: string;
  /** Whole percent 0..100 for the canary. */
  canary: Weight | number;
}

/** The planned change, ready to diff or write. */
export interface SetWeightPlan {
  file: string;
  /** The file's text after the edit; the input itself when nothing changes. */
  after: string;
  /** Whether `after` differs from the input. */
  changed: boolean;
  /** The split before the edit. */
  before: WeightReading;
  /** The split the edited text holds, read back from `after`. */
  reading: WeightReading;
  edits: ScalarEdit[];
}

/**
 * Plans setting `request.canary` on `request.route` in `text`. A refused edit (unknown route,
 * weights that do not add up, a result the schema rejects) throws ConfigurationError
 * `FILE:LINE:COL: …` and plans nothing.
 */
export function planSetWeight(text: string, file: string, request: SetWeightRequest): SetWeightPlan {
  const router = routerFor(request.router);
  const canary = Weight.from(request.canary, 'canary weight');
  const source = parseManifestSource(text, file);
  const before = router.readWeights(source, request);
  const edits = router.planWeights(source, { ...request, canary });
  const after = edits.length > 0 ? applyEdits(source, edits) : text;
  // Read the result back through the same router: what gets written is what was asked for, or
  // nothing is written at all.
  const reading = router.readWeights(parseManifestSource(after, file), request);
  if (!router.approximate && reading.canary.percent !== canary.percent) {
    throw new Error(
      `${router.name} planned ${canary} for ${request.route} in ${file} but the edited file reads ${reading.canary} (a bug in Glidepath)`,
    );
  }
  return { file, after, changed: after !== text, before, reading, edits };
}
