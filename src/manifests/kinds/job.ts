/** The Job kind. */
import { workloadKind } from './pod-spec.js';

/** Job (`batch/v1`): the pod template at `spec.template.spec`. */
export const job = workloadKind('job', 'batch/v1', 'Job', ['spec', 'template', 'spec']);
