/** The manifest kinds, by name: adding a kind is one module and one line here. */
import { ConfigurationError } from '../../errors.js';
import type { Document } from 'yaml';
import { cronJob } from './cronjob.js';
import { daemonSet } from './daemonset.js';
import { deployment } from './deployment.js';
import { fluxHelmRelease } from './flux-helmrelease.js';
import { helmValues } from './helm-values.js';
import { job } from './job.js';
import { kustomization } from './kustomization.js';
import { pod } from './pod.js';
import { replicaSet } from './replicaset.js';
import { rollout } from './rollout.js';
import { statefulSet } from './statefulset.js';
import type { ImageEditRequest, KindName, ManifestKind } from './types.js';
import { yamlPath } from './yaml-path.js';

export type {
  ContainerInfo,
  HelmImageLayout,
  ImageEditRequest,
  ImageSpec,
  KindName,
  ManifestKind,
} from './types.js';

/** Every kind; `satisfies` makes a new KindName without a module a compile error. */
export const MANIFEST_KINDS = {
  deployment,
  statefulset: statefulSet,
  daemonset: daemonSet,
  replicaset: replicaSet,
  job,
  cronjob: cronJob,
  pod,
  rollout,
  kustomization,
  'helm-values': helmValues,
  'flux-helmrelease': fluxHelmRelease,
  'yaml-path': yamlPath,
} as const satisfies Record<KindName, ManifestKind>;

/** Kind names, in the order documents are matched against them when no kind is given. */
export const KIND_NAMES = Object.keys(MANIFEST_KINDS) as KindName[];

/** The kind called `name`; an unknown name is a ConfigurationError listing the known ones. */
export function manifestKind(name: string, field = 'kind'): ManifestKind {
  if (Object.hasOwn(MANIFEST_KINDS, name)) return MANIFEST_KINDS[name as KindName];
  throw new ConfigurationError(
    `${field}: unknown manifest kind "${name}"; known kinds: ${KIND_NAMES.join(', ')}`,
  );
}

/**
 * The kind that handles `document` when the user named none. yaml-path is never guessed: it
 * matches whatever has the path, so it must be asked for.
 */
export function detectKind(
  document: Document.Parsed,
  request?: Pick<ImageEditRequest, 'path'>,
): ManifestKind | undefined {
  return KIND_NAMES.filter((name) => name !== 'yaml-path')
    .map((name) => MANIFEST_KINDS[name])
    .find((kind) => kind.matches(document, request));
}
