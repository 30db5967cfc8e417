/**
 * The Argo Rollouts Rollout kind. A Rollout either carries its own pod template (like a
 * Deployment) or points at a Deployment through `spec.workloadRef`; then the image lives in that
 * Deployment, and this kind plans nothing and says so.
 */
import { planPodSpecImage, podContainers, describeContainers, hasKind } from './pod-spec.js';
import type { ManifestKind } from './types.js';

const POD_SPEC = ['spec', 'template', 'spec'] as const;

/** Rollout (`argoproj.io/v1alpha1`): `spec.template.spec`, or nothing when it uses `workloadRef`. */
export const rollout: ManifestKind = {
  name: 'rollout',
  matches: (document) => hasKind(document, 'argoproj.io/', 'Rollout'),
  planImage: (source, document, request) =>
    source.documents[document]?.hasIn(['spec', 'template'])
      ? planPodSpecImage(source, document, POD_SPEC, request)
      : [],
  containers: (source, document) => podContainers(source, document, POD_SPEC),
  describeTargets(source, document) {
    const doc = source.documents[document];
    const name = String(doc?.getIn(['metadata', 'name']) ?? '');
    const ref = doc?.getIn(['spec', 'workloadRef']) as { toJSON(): unknown } | undefined;
    if (ref && !doc?.hasIn(['spec', 'template'])) {
      const { kind, name: target } = (ref.toJSON() ?? {}) as { kind?: string; name?: string };
      return `Rollout ${name} takes its pod template from spec.workloadRef (${kind ?? 'Deployment'} ${target ?? '?'}): set the image in that ${kind ?? 'Deployment'}'s manifest`;
    }
    return `Rollout ${name}: ${describeContainers(podContainers(source, document, POD_SPEC))}`;
  },
};
