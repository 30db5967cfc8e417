/** The Deployment kind. */
import { workloadKind } from './pod-spec.js';

/** Deployment (`apps/v1`): the pod template at `spec.template.spec`. */
export const deployment = workloadKind('deployment', 'apps/v1', 'Deployment', ['spec', 'template', 'spec']);
