/**
 * The manifest-kind plugin family: one module per kind of file Glidepath can set an image in,
 * one interface, one exhaustive factory (`index.ts`). A kind reads a parsed document and returns
 * the edits to make as data; `set-image.ts` applies and validates them.
 */
import type { Document } from 'yaml';
import type { ImageRef } from '../../evidence/image-ref.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../yaml-edit.js';

/** Every manifest kind, by the name a policy's `desired.targets[].kind` uses. */
export type KindName =
  /** apps/v1 Deployment: `spec.template.spec`. */
  | 'deployment'
  /** apps/v1 StatefulSet: `spec.template.spec`. */
  | 'statefulset'
  /** apps/v1 DaemonSet: `spec.template.spec`. */
  | 'daemonset'
  /** apps/v1 ReplicaSet: `spec.template.spec`. */
  | 'replicaset'
  /** batch/v1 Job: `spec.template.spec`. */
  | 'job'
  /** batch/v1 CronJob: `spec.jobTemplate.spec.template.spec`. */
  | 'cronjob'
  /** v1 Pod: `spec`. */
  | 'pod'
  /** Argo Rollouts Rollout: `spec.template.spec` (a `workloadRef` Rollout has none). */
  | 'rollout'
  /** kustomize `images:` entries (name, newName, newTag, digest). */
  | 'kustomization'
  /** A Helm values file, the image block at a configurable path (default `image`). */
  | 'helm-values'
  /** A Flux HelmRelease: the same layouts under `spec.values`. */
  | 'flux-helmrelease'
  /** Any file: set the image string at an explicit YAML path. */
  | 'yaml-path';

/**
 * How a Helm chart spells its image (the chart's templates decide, so the values must match):
 * - `image`: one string, `repo:tag@sha256:…`;
 * - `repository-tag`: `repository` + `tag`, the tag written as `TAG@sha256:…` because the chart
 *   joins them as `repository:tag`;
 * - `repository-digest`: `repository` + `digest` (`sha256:…`), the Bitnami style.
 */
export type HelmImageLayout = 'image' | 'repository-tag' | 'repository-digest';

/** The image to write: what `ImageRef` carries. Glidepath writes images only pinned by digest. */
export type ImageSpec = Pick<ImageRef, 'name' | 'tag' | 'digest'>;

/** What to set, and where when the kind cannot tell by itself. */
export interface ImageEditRequest {
  /** The image; written as `name@digest`, or `name:tag@digest` when it carries a tag. */
  image: ImageSpec;
  /**
   * The container to set (workload kinds; `containers` and `initContainers`). Without it, every
   * container already running `image.name` is set.
   */
  container?: string;
  /** helm-values / flux-helmrelease: the image block's path (default `image`); yaml-path: the scalar. */
  path?: YamlPath;
  /** helm-values / flux-helmrelease: the layout, when the values do not show it yet. */
  layout?: HelmImageLayout;
}

/** One container of a workload, for choosing a container and for messages. */
export interface ContainerInfo {
  name: string;
  image: string | undefined;
  list: 'containers' | 'initContainers';
  /** `FILE:LINE:COL` of the container. */
  position: string;
}

/** One kind of manifest Glidepath can set an image in. */
export interface ManifestKind {
  readonly name: KindName;
  /**
   * Whether this kind handles `document`: by apiVersion and kind, or, for files with no kind
   * (kustomization.yaml, Helm values), by shape. The request supplies a configured path.
   */
  matches(document: Document.Parsed, request?: Pick<ImageEditRequest, 'path'>): boolean;
  /**
   * The edits that set the request's image in document `document` of `source`, as data; an empty
   * list when nothing in the document is that image or container. Throws ConfigurationError with
   * FILE:LINE:COL when the document cannot take the image as asked (a Helm layout that needs a
   * tag, a kustomize entry whose newTag would mislabel the digest).
   */
  planImage(source: ManifestSource, document: number, request: ImageEditRequest): ScalarEdit[];
  /** Workload kinds: the containers of the pod template, for choosing one and for messages. */
  containers?(source: ManifestSource, document: number): ContainerInfo[];
  /** One line on where this document keeps its image, for the message when nothing matched. */
  describeTargets(source: ManifestSource, document: number): string;
}
