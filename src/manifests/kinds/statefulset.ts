/** The StatefulSet kind. */
import { workloadKind } from './pod-spec.js';

/** StatefulSet (`apps/v1`): the pod template at `spec.template.spec`. */
export const statefulSet = workloadKind('statefulset', 'apps/v1', 'StatefulSet', [
  'spec',
  'template',
  'spec',
]);
