/**
 * kustomize's `images:` transformer entries (`name`, `newName`, `newTag`, `digest`). The entry
 * whose `name` or `newName` is the image's repository gets the digest; a missing entry is added.
 */
import type { Document } from 'yaml';
import { ConfigurationError } from '../../errors.js';
import type { ScalarEdit } from '../yaml-edit.js';
import { positionOf, readPath } from '../yaml-edit.js';
import { sameRepository } from './image-text.js';
import { hasKind } from './pod-spec.js';
import type { ManifestKind } from './types.js';

/**
 * Top-level lists a kustomization has: how a kustomization.yaml without `kind` is known. They
 * must be lists of file names, because Helm values files have a `resources:` mapping too.
 */
const KUSTOMIZATION_LISTS = ['resources', 'bases', 'components', 'patchesStrategicMerge'];

interface ImageEntry {
  name?: unknown;
  newName?: unknown;
  newTag?: unknown;
  digest?: unknown;
}

function isKustomization(document: Document.Parsed): boolean {
  if (hasKind(document, 'kustomize.config.k8s.io/', 'Kustomization')) return true;
  // Many kustomization.yaml files omit apiVersion and kind; kustomize accepts them.
  if (document.has('kind') || document.has('apiVersion')) return false;
  const data = document.toJS() as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') return false;
  const listOf = (field: string, item: (value: unknown) => boolean): boolean => {
    const value = data[field];
    return Array.isArray(value) && value.length > 0 && value.every(item);
  };
  return (
    KUSTOMIZATION_LISTS.some((field) => listOf(field, (value) => typeof value === 'string')) ||
    listOf('images', (value) => typeof (value as ImageEntry | null)?.name === 'string')
  );
}

/** kustomize `images:` (kustomize.config.k8s.io Kustomization, or a kustomization.yaml with no kind). */
export const kustomization: ManifestKind = {
  name: 'kustomization',
  matches: isKustomization,
  planImage(source, document, { image }) {
    const listed = readPath(source, document, ['images']);
    const entries = (Array.isArray(listed) ? listed : []) as (ImageEntry | null)[];
    const index = entries.findIndex(
      (entry) =>
        (typeof entry?.name === 'string' && sameRepository(entry.name, image.name)) ||
        (typeof entry?.newName === 'string' && sameRepository(entry.newName, image.name)),
    );
    const digest = image.digest.toString();
    if (index < 0) {
      const at = entries.length;
      return [
        { document, path: ['images', at, 'name'], value: image.name },
        ...(image.tag ? [{ document, path: ['images', at, 'newTag'], value: image.tag }] : []),
        { document, path: ['images', at, 'digest'], value: digest },
      ];
    }
    const entry = entries[index]!;
    const edits: ScalarEdit[] = [];
    // Matched by `name` while `newName` points elsewhere: the new image replaces that target.
    if (typeof entry.newName === 'string' && !sameRepository(entry.newName, image.name)) {
      edits.push({ document, path: ['images', index, 'newName'], value: image.name });
    }
    if (image.tag) {
      edits.push({ document, path: ['images', index, 'newTag'], value: image.tag });
    } else if (entry.newTag !== undefined && entry.newTag !== null) {
      // kustomize renders name:newTag@digest when both are set, so a stale tag would label the
      // new digest with an old version; the user must say which tag goes with the digest.
      throw new ConfigurationError(
        `the images entry for ${image.name} has newTag ${String(entry.newTag)}, which kustomize would show next to the new digest; pass the image with its tag (${image.name}:TAG@${digest}) or delete newTag`,
        positionOf(source, document, ['images', index, 'newTag']),
      );
    }
    edits.push({ document, path: ['images', index, 'digest'], value: digest });
    return edits;
  },
  describeTargets(source, document) {
    const listed = readPath(source, document, ['images']);
    const names = (Array.isArray(listed) ? listed : []).map((entry: ImageEntry | null) =>
      String(entry?.name ?? '?'),
    );
    return `kustomization images: ${names.length > 0 ? names.join(', ') : 'none'}`;
  },
};
