/**
 * Validation of edited workload objects against real schemas: the Kubernetes 1.27 OpenAPI
 * schemas compiled in `kubernetes-models`, the Argo Rollouts CRD schema, and the few API-server
 * rules those schemas leave out (the OpenAPI document has no `minimum` on `replicas`: the API
 * server checks it in Go, `ValidateNonnegativeField` in pkg/apis/apps/validation).
 */
// First: lets the schema modules below load inside the ncc bundle (see the module's comment).
import './bundled-require.js';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Pod } from 'kubernetes-models/v1/Pod';
import { PodTemplate } from 'kubernetes-models/v1/PodTemplate';
import type { YamlPath } from './yaml-edit.js';

/** One way an object breaks its schema: where (as a path) and what. */
export interface SchemaProblem {
  path: YamlPath;
  message: string;
}

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

/** The models Glidepath validates, by `apiVersion/kind`. */
const MODELS: Record<string, { model: ModelClass; podSpec: YamlPath; counts: YamlPath[] }> = {
  'apps/v1/Deployment': {
    model: Deployment,
    podSpec: ['spec', 'template', 'spec'],
    counts: [
      ['spec', 'replicas'],
      ['spec', 'minReadySeconds'],
      ['spec', 'revisionHistoryLimit'],
      ['spec', 'progressDeadlineSeconds'],
    ],
  },
  'apps/v1/StatefulSet': {
    model: StatefulSet,
    podSpec: ['spec', 'template', 'spec'],
    counts: [
      ['spec', 'replicas'],
      ['spec', 'minReadySeconds'],
      ['spec', 'revisionHistoryLimit'],
    ],
  },
  'apps/v1/DaemonSet': {
    model: DaemonSet,
    podSpec: ['spec', 'template', 'spec'],
    counts: [
      ['spec', 'minReadySeconds'],
      ['spec', 'revisionHistoryLimit'],
    ],
  },
  'apps/v1/ReplicaSet': {
    model: ReplicaSet,
    podSpec: ['spec', 'template', 'spec'],
    counts: [
      ['spec', 'replicas'],
      ['spec', 'minReadySeconds'],
    ],
  },
  'batch/v1/Job': {
    model: Job,
    podSpec: ['spec', 'template', 'spec'],
    counts: [
      ['spec', 'parallelism'],
      ['spec', 'completions'],
      ['spec', 'backoffLimit'],
    ],
  },
  'batch/v1/CronJob': {
    model: CronJob,
    podSpec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    counts: [
      ['spec', 'successfulJobsHistoryLimit'],
      ['spec', 'failedJobsHistoryLimit'],
      ['spec', 'jobTemplate', 'spec', 'parallelism'],
      ['spec', 'jobTemplate', 'spec', 'completions'],
      ['spec', 'jobTemplate', 'spec', 'backoffLimit'],
    ],
  },
  'v1/Pod': { model: Pod, podSpec: ['spec'], counts: [] },
  'argoproj.io/v1alpha1/Rollout': {
    model: Rollout,
    podSpec: ['spec', 'template', 'spec'],
    counts: [
      ['spec', 'replicas'],
      ['spec', 'minReadySeconds'],
      ['spec', 'revisionHistoryLimit'],
      ['spec', 'progressDeadlineSeconds'],
    ],
  },
};

/** Whether Glidepath has a schema for this object (a workload it validates after editing). */
export function hasSchema(object: unknown): boolean {
  return modelOf(object) !== undefined;
}

const ROLLOUT_TEMPLATE: YamlPath = ['spec', 'template'];

/**
 * Every problem of `object` against its schema and the API server's extra rules; an empty list
 * when it is valid or when it is no kind Glidepath has a schema for. `touched` lists the paths
 * that were edited, when known.
 *
 * A Rollout whose edits all lie in its pod template is checked against the core PodTemplateSpec
 * schema (the same schema the Rollout CRD embeds there) instead of the whole Rollout schema: the
 * Rollout model compiles its schema with ajv on first use, which costs about two seconds, while
 * kubernetes-models ships the core schemas precompiled. Image edits are always in the template.
 */
export function schemaProblems(object: unknown, touched?: readonly YamlPath[]): SchemaProblem[] {
  const entry = modelOf(object);
  if (!entry) return [];
  const problems: SchemaProblem[] = [];
  const templateOnly =
    entry.model === Rollout &&
    touched !== undefined &&
    touched.every((path) => ROLLOUT_TEMPLATE.every((segment, i) => path[i] === segment));
  if (templateOnly) {
    const template = valueAt(object, ROLLOUT_TEMPLATE);
    const wrapped = { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'rollout' }, template };
    for (const problem of modelProblems(PodTemplate, wrapped)) {
      problems.push({ path: [...ROLLOUT_TEMPLATE, ...problem.path.slice(1)], message: problem.message });
    }
  } else {
    problems.push(...modelProblems(entry.model, object));
  }
  for (const path of entry.counts) {
    const value = valueAt(object, path);
    if (typeof value === 'number' && value < 0) problems.push({ path, message: 'must be >= 0' });
  }
  problems.push(...containerProblems(object, entry.podSpec));
  return problems;
}

function modelProblems(model: ModelClass, object: unknown): SchemaProblem[] {
  try {
    new model(object as never).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: { instancePath: string; message?: string }[] }).errors;
    if (!errors) throw error;
    return errors.map((problem) => ({
      path: pointerToPath(problem.instancePath),
      message: problem.message ?? 'is invalid',
    }));
  }
}

/** Container rules of the API server's ValidatePodSpec: unique names, an image for each. */
function containerProblems(object: unknown, podSpec: YamlPath): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const list of ['initContainers', 'containers'] as const) {
    const containers = valueAt(object, [...podSpec, list]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: { name?: unknown; image?: unknown } | null, index) => {
      const path = [...podSpec, list, index];
      if (typeof container?.name === 'string') {
        if (seen.has(container.name))
          problems.push({ path: [...path, 'name'], message: `duplicate container name "${container.name}"` });
        seen.add(container.name);
      }
      if (container?.image === undefined || container.image === '') {
        problems.push({ path: [...path, 'image'], message: 'must have an image' });
      }
    });
  }
  return problems;
}

function modelOf(object: unknown): (typeof MODELS)[string] | undefined {
  if (object === null || typeof object !== 'object') return undefined;
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  return Object.hasOwn(MODELS, `${apiVersion}/${kind}`) ? MODELS[`${apiVersion}/${kind}`] : undefined;
}

function valueAt(object: unknown, path: YamlPath): unknown {
  let node = object;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** `/spec/template/spec/containers/0/image` → spec.template.spec.containers[0].image as a path. */
function pointerToPath(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}
