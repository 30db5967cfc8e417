/**
 * Setting one image across every document of a manifest file: the kinds say where (as edits),
 * the engine writes them byte-minimally, the schemas check the result.
 */
import { ConfigurationError } from '../errors.js';
import { detectKind, MANIFEST_KINDS } from './kinds/index.js';
import type { ContainerInfo, ImageEditRequest, KindName, ManifestKind } from './kinds/index.js';
import { planManifestEdits } from './plan.js';
import type { ManifestPlan } from './plan.js';
import type { ManifestSource, ScalarEdit } from './yaml-edit.js';
import { parseManifestSource } from './yaml-edit.js';

export type { ManifestChange, ManifestPlan } from './plan.js';

/** A set-image request: the image, and optionally the kind to use instead of detecting it. */
export interface SetImageRequest extends ImageEditRequest {
  /** Use this kind for every document it matches; without it each document's kind is detected. */
  kind?: KindName;
}

interface Target {
  document: number;
  kind: ManifestKind;
}

/**
 * Plans setting `request.image` in every document of `text` (documents of other kinds are left
 * alone) and validates the edited workloads. Throws ConfigurationError when nothing in the file
 * takes the image, when the container is unknown or ambiguous (listing the containers with
 * FILE:LINE), or when the result would be invalid.
 */
export function planSetImage(text: string, file: string, request: SetImageRequest): ManifestPlan {
  const source = parseManifestSource(text, file);
  const targets = findTargets(source, request);
  let edits = planTargets(source, targets, request);
  if (edits.length === 0) {
    const sole = request.container === undefined ? soleContainer(source, targets) : undefined;
    if (!sole) throw nothingMatched(source, targets, request);
    // One workload with one container: like `kubectl set image`, the name may be left out.
    edits = planTargets(source, targets, { ...request, container: sole.name });
  }
  return planManifestEdits(source, edits);
}

function findTargets(source: ManifestSource, request: SetImageRequest): Target[] {
  const targets: Target[] = [];
  source.documents.forEach((doc, document) => {
    if (doc.contents === null) return;
    const kind = request.kind ? MANIFEST_KINDS[request.kind] : detectKind(doc, request);
    if (kind?.matches(doc, request)) targets.push({ document, kind });
  });
  if (targets.length === 0 && request.kind && source.documents.length === 1 && request.kind !== 'yaml-path') {
    // A named kind that is not recognisable by content (a values file without the image block
    // yet, a HelmRelease patch): trust the name for a one-document file.
    targets.push({ document: 0, kind: MANIFEST_KINDS[request.kind] });
  }
  if (targets.length === 0) {
    const kinds = source.documents
      .map((doc) => doc.get('kind'))
      .filter((kind): kind is string => typeof kind === 'string');
    const found = kinds.length > 0 ? `it holds ${[...new Set(kinds)].join(', ')}` : 'no document has a kind';
    const expected = request.kind ?? 'a workload, Rollout, kustomization, HelmRelease or Helm values';
    throw new ConfigurationError(
      `nothing in this file takes an image: ${found}, and Glidepath looks for ${expected}; check the file, or name the target's kind and path`,
      source.file,
    );
  }
  return targets;
}

function planTargets(
  source: ManifestSource,
  targets: readonly Target[],
  request: ImageEditRequest,
): ScalarEdit[] {
  return targets.flatMap(({ document, kind }) => kind.planImage(source, document, request));
}

function soleContainer(source: ManifestSource, targets: readonly Target[]): ContainerInfo | undefined {
  // Workloads with a pod template of their own (a workloadRef Rollout has none).
  const workloads = targets
    .map(({ document, kind }) => kind.containers?.(source, document) ?? [])
    .filter((containers) => containers.length > 0);
  if (workloads.length !== 1) return undefined;
  const containers = workloads[0]!.filter((container) => container.list === 'containers');
  return containers.length === 1 ? containers[0] : undefined;
}

function nothingMatched(
  source: ManifestSource,
  targets: readonly Target[],
  request: ImageEditRequest,
): ConfigurationError {
  const offered = targets.map(({ document, kind }) => kind.describeTargets(source, document)).join('\n  ');
  const firstContainer = targets
    .flatMap(({ document, kind }) => kind.containers?.(source, document) ?? [])
    .at(0);
  // FILE:LINE of the first container, so an editor jumps to the list the message shows.
  const located = firstContainer ? firstContainer.position.replace(/:\d+$/, '') : source.file;
  const problem =
    request.container !== undefined
      ? `no container is named "${request.container}"`
      : firstContainer
        ? `no container runs ${request.image.name} and there is more than one to choose from; name one with --container`
        : `nothing in this file runs ${request.image.name}`;
  return new ConfigurationError(`${problem}; this file has:\n  ${offered}`, located);
}
