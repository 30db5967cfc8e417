/**
 * What every workload kind shares: a pod spec at some path whose `containers` and
 * `initContainers` carry images. Each workload module only says where its pod spec is.
 */
import { isAlias, isMap, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { positionOf } from '../yaml-edit.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../yaml-edit.js';
import { pinnedImage, repositoryOf, sameRepository } from './image-text.js';
import type { ContainerInfo, ImageEditRequest, KindName, ManifestKind } from './types.js';

const CONTAINER_LISTS = ['containers', 'initContainers'] as const;

/**
 * `name` and `image` of each container in one list, read from the nodes (converting the whole
 * list to data would copy every port and probe, for every file of a repository).
 */
function listContainers(
  source: ManifestSource,
  document: number,
  path: YamlPath,
): { name: unknown; image: unknown }[] {
  const doc = source.documents[document];
  const list = doc?.getIn(path, true);
  if (!isSeq(list)) return [];
  return list.items.map((item) => {
    const container = isAlias(item) ? item.resolve(doc!) : item;
    return isMap(container)
      ? { name: container.get('name'), image: container.get('image') }
      : { name: undefined, image: undefined };
  });
}

/** Whether the document's apiVersion is `apiVersion` (a group with any version when it ends in /) and its kind is `kind`. */
export function hasKind(document: Document.Parsed, apiVersion: string, kind: string): boolean {
  const actualKind = document.get('kind');
  const actualVersion = document.get('apiVersion');
  if (actualKind !== kind || typeof actualVersion !== 'string') return false;
  return apiVersion.endsWith('/') ? actualVersion.startsWith(apiVersion) : actualVersion === apiVersion;
}

/** The containers of the pod spec at `podSpec` (both lists), in file order. */
export function podContainers(source: ManifestSource, document: number, podSpec: YamlPath): ContainerInfo[] {
  const found: ContainerInfo[] = [];
  for (const list of CONTAINER_LISTS) {
    listContainers(source, document, [...podSpec, list]).forEach(({ name, image }, index) => {
      found.push({
        name: typeof name === 'string' ? name : `#${index}`,
        image: typeof image === 'string' ? image : undefined,
        list,
        position: positionOf(source, document, [...podSpec, list, index]),
      });
    });
  }
  return found;
}

/** Edits for the containers the request names, or that already run its repository. */
export function planPodSpecImage(
  source: ManifestSource,
  document: number,
  podSpec: YamlPath,
  request: ImageEditRequest,
): ScalarEdit[] {
  const value = pinnedImage(request.image);
  const edits: ScalarEdit[] = [];
  for (const list of CONTAINER_LISTS) {
    listContainers(source, document, [...podSpec, list]).forEach(({ name, image }, index) => {
      const chosen =
        request.container !== undefined
          ? name === request.container
          : typeof image === 'string' && sameRepository(repositoryOf(image), request.image.name);
      if (chosen) edits.push({ document, path: [...podSpec, list, index, 'image'], value });
    });
  }
  return edits;
}

/** "containers web (FILE:LINE:COL), sidecar (…)" for messages. */
export function describeContainers(containers: readonly ContainerInfo[]): string {
  if (containers.length === 0) return 'no containers';
  return CONTAINER_LISTS.map((list) => {
    const named = containers.filter((container) => container.list === list);
    return named.length === 0
      ? ''
      : `${list} ${named.map((container) => `${container.name} (${container.position})`).join(', ')}`;
  })
    .filter(Boolean)
    .join('; ');
}

/** A workload kind: identified by apiVersion and kind, with its pod spec at `podSpec`. */
export function workloadKind(
  name: KindName,
  apiVersion: string,
  kind: string,
  podSpec: YamlPath,
): ManifestKind {
  return {
    name,
    matches: (document) => hasKind(document, apiVersion, kind),
    planImage: (source, document, request) => planPodSpecImage(source, document, podSpec, request),
    containers: (source, document) => podContainers(source, document, podSpec),
    describeTargets: (source, document) =>
      `${kind} ${String(source.documents[document]?.getIn(['metadata', 'name']) ?? '')}: ${describeContainers(podContainers(source, document, podSpec))}`,
  };
}
