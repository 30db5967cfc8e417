/**
 * What "the cluster" takes from the GitOps files: the HTTPRoute's split between the two Services,
 * and the image digest each Deployment runs. Read with the same rules Glidepath writes by
 * (src/traffic/routers/gateway-api.ts): a backendRef without `weight` weighs 1, weights are
 * proportional, the split lives in the rules without a header match that list both Services, and
 * those rules must agree.
 */
import { parseYamlDocuments } from './yaml-lite.mjs';

/** A file the world cannot apply; the message names the file and the fix. */
export class ApplyError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ApplyError';
  }
}

/** @param {unknown} value */
const asMap = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? /** @type {Record<string, unknown>} */ (value)
    : undefined;
/** @param {unknown} value */
const asList = (value) => (Array.isArray(value) ? value : []);

/**
 * The objects of kind `kind` in `text` (optionally only the one named `name`).
 * @param {string} text
 * @param {string} file
 * @param {string} kind
 * @param {string} [name]
 */
function objectsOf(text, file, kind, name) {
  const found = parseYamlDocuments(text, file)
    .map(asMap)
    .filter((doc) => doc?.kind === kind)
    .filter((doc) => name === undefined || asMap(doc?.metadata)?.name === name);
  if (found.length === 0) {
    throw new ApplyError(`${file} has no ${kind}${name ? ` named ${name}` : ''}`);
  }
  return /** @type {Record<string, unknown>[]} */ (found);
}

/**
 * The weights the HTTPRoute in `text` gives the two Services, as written (Glidepath writes
 * percentages, so they add up to 100; any proportional pair is accepted).
 * @param {string} text
 * @param {string} file
 * @param {{ stable: string, canary: string, route?: string }} services
 * @returns {{ stable: number, canary: number }}
 */
export function readRouteWeights(text, file, services) {
  const [route] = objectsOf(text, file, 'HTTPRoute', services.route);
  /** @type {{ stable: number, canary: number } | undefined} */
  let weights;
  for (const rule of asList(asMap(route?.spec)?.rules).map(asMap)) {
    const headerMatch = asList(rule?.matches).some((match) => asList(asMap(match)?.headers).length > 0);
    const refs = asList(rule?.backendRefs).map((ref) => {
      const map = asMap(ref) ?? {};
      const weight = map.weight ?? 1;
      if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
        throw new ApplyError(
          `${file}: backendRef ${String(map.name)} has weight ${JSON.stringify(weight)}; use a whole number`,
        );
      }
      return { name: String(map.name ?? ''), weight };
    });
    const stable = refs.find((ref) => ref.name === services.stable);
    const canary = refs.find((ref) => ref.name === services.canary);
    if (headerMatch || !stable || !canary) continue;
    const others = refs.filter((ref) => ref !== stable && ref !== canary);
    if (others.length > 0) {
      throw new ApplyError(
        `${file}: the rule also routes to ${others.map((ref) => ref.name).join(', ')}; the world splits between exactly two Services`,
      );
    }
    const next = { stable: stable.weight, canary: canary.weight };
    // Rules agree when their proportions do: 90/10 and 9/1 send the canary the same share.
    if (
      weights &&
      weights.canary * (next.stable + next.canary) !== next.canary * (weights.stable + weights.canary)
    ) {
      throw new ApplyError(
        `${file}: rules disagree (${weights.stable}/${weights.canary} and ${next.stable}/${next.canary}); set them equal`,
      );
    }
    weights ??= next;
  }
  if (!weights) {
    throw new ApplyError(
      `${file}: no rule without a header match lists both ${services.stable} and ${services.canary}`,
    );
  }
  return weights;
}

/**
 * The image the Deployment in `text` runs in container `container`, and its digest (64 hex,
 * without `sha256:`). An image not pinned by digest is refused: versions are told apart by digest.
 * @param {string} text
 * @param {string} file
 * @param {{ container: string, deployment?: string }} where
 * @returns {{ image: string, digest: string }}
 */
export function readDeploymentImage(text, file, where) {
  const [deployment] = objectsOf(text, file, 'Deployment', where.deployment);
  const pod = asMap(asMap(asMap(deployment?.spec)?.template)?.spec);
  const container = asList(pod?.containers)
    .map(asMap)
    .find((candidate) => candidate?.name === where.container);
  if (!container) throw new ApplyError(`${file}: the Deployment has no container named ${where.container}`);
  const image = String(container.image ?? '');
  const match = /@sha256:([0-9a-f]{64})$/.exec(image);
  if (!match) {
    throw new ApplyError(
      `${file}: image "${image}" is not pinned by digest; write it as name@sha256:<64 hex>`,
    );
  }
  return { image, digest: /** @type {string} */ (match[1]) };
}
