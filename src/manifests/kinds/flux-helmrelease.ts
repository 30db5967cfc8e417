/** A Flux HelmRelease: Helm values inline under `spec.values`, in the same layouts as a values file. */
import { DEFAULT_IMAGE_PATH, planHelmImage } from './helm-values.js';
import { hasKind } from './pod-spec.js';
import { readPath } from '../yaml-edit.js';
import type { ManifestKind } from './types.js';

const VALUES = ['spec', 'values'] as const;

/** HelmRelease (`helm.toolkit.fluxcd.io`): the image block under `spec.values`. */
export const fluxHelmRelease: ManifestKind = {
  name: 'flux-helmrelease',
  matches: (document) => hasKind(document, 'helm.toolkit.fluxcd.io/', 'HelmRelease'),
  planImage: (source, document, request) => planHelmImage(source, document, VALUES, request),
  describeTargets(source, document) {
    const name = String(source.documents[document]?.getIn(['metadata', 'name']) ?? '');
    const image = readPath(source, document, [...VALUES, ...DEFAULT_IMAGE_PATH]);
    return `HelmRelease ${name}: spec.values.image ${JSON.stringify(image ?? null)}`;
  },
};
