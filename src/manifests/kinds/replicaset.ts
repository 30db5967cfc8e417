/** The ReplicaSet kind. */
import { workloadKind } from './pod-spec.js';

/** ReplicaSet (`apps/v1`): the pod template at `spec.template.spec`. */
export const replicaSet = workloadKind('replicaset', 'apps/v1', 'ReplicaSet', ['spec', 'template', 'spec']);
