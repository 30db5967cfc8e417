/** The DaemonSet kind. */
import { workloadKind } from './pod-spec.js';

/** DaemonSet (`apps/v1`): the pod template at `spec.template.spec`. */
export const daemonSet = workloadKind('daemonset', 'apps/v1', 'DaemonSet', ['spec', 'template', 'spec']);
