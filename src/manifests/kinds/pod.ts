/** The Pod kind: the pod spec is the object's own spec. */
import { workloadKind } from './pod-spec.js';

/** Pod (`v1`): the pod spec is `spec` itself. */
export const pod = workloadKind('pod', 'v1', 'Pod', ['spec']);
