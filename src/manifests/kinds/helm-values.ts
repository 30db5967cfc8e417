/**
 * A Helm values file: the image block at a configurable path (default `image`) in one of the
 * layouts charts use (see HelmImageLayout). Also the engine of the Flux HelmRelease kind, whose
 * values are the same shape under `spec.values`.
 */
import { ConfigurationError } from '../../errors.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../yaml-edit.js';
import { positionOf, readPath } from '../yaml-edit.js';
import { pinnedImage, sameRepository } from './image-text.js';
import type { HelmImageLayout, ImageEditRequest, ManifestKind } from './types.js';

/** Where charts conventionally keep the image block. */
export const DEFAULT_IMAGE_PATH: YamlPath = ['image'];

interface ImageBlock {
  registry?: unknown;
  repository?: unknown;
  tag?: unknown;
  digest?: unknown;
}

/** The layout the values already use, or undefined when they do not show one. */
function detectLayout(current: unknown): HelmImageLayout | undefined {
  if (typeof current === 'string') return 'image';
  if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
  if ('digest' in current) return 'repository-digest';
  if ('tag' in current) return 'repository-tag';
  return undefined;
}

/** Edits that set the image block at `base` + the request's path (values file or HelmRelease). */
export function planHelmImage(
  source: ManifestSource,
  document: number,
  base: YamlPath,
  request: ImageEditRequest,
): ScalarEdit[] {
  const block = [...base, ...(request.path ?? DEFAULT_IMAGE_PATH)];
  const current = readPath(source, document, block);
  const layout = request.layout ?? detectLayout(current);
  const where = positionOf(source, document, block);
  const shown = block.join('.');
  if (!layout) {
    throw new ConfigurationError(
      `cannot tell how the chart spells its image at ${shown} (found ${current === undefined ? 'nothing' : JSON.stringify(current)}); set the target's layout to image, repository-tag or repository-digest`,
      where,
    );
  }
  const { image } = request;
  if (layout === 'image') return [{ document, path: block, value: pinnedImage(image) }];
  const existing = (current && typeof current === 'object' ? current : {}) as ImageBlock;
  const edits = repositoryEdits(document, block, existing, image.name);
  if (layout === 'repository-tag') {
    if (!image.tag) {
      // The chart joins repository:tag, so a digest alone would render `repo:@sha256:…`.
      throw new ConfigurationError(
        `${shown} uses repository + tag, which the chart joins as repository:tag, so it needs a tag to pin ${image.digest.toString()} as TAG@digest; pass the image as ${image.name}:TAG@${image.digest.toString()}, or use a chart value for the digest`,
        where,
      );
    }
    edits.push({ document, path: [...block, 'tag'], value: `${image.tag}@${image.digest.toString()}` });
    return edits;
  }
  if (image.tag && 'tag' in existing) edits.push({ document, path: [...block, 'tag'], value: image.tag });
  edits.push({ document, path: [...block, 'digest'], value: image.digest.toString() });
  return edits;
}

/** `repository` (and `registry`, when the chart splits the host off, Bitnami style). */
function repositoryEdits(
  document: number,
  block: YamlPath,
  existing: ImageBlock,
  name: string,
): ScalarEdit[] {
  if (typeof existing.registry === 'string') {
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const hosted = /[.:]/.test(first) || first === 'localhost';
    const registry = hosted ? first : 'docker.io';
    const repository = hosted ? name.slice(slash + 1) : name;
    const joined = `${existing.registry}/${String(existing.repository ?? '')}`;
    if (sameRepository(joined, name)) return [];
    return [
      { document, path: [...block, 'registry'], value: registry },
      { document, path: [...block, 'repository'], value: repository },
    ];
  }
  if (typeof existing.repository === 'string' && sameRepository(existing.repository, name)) return [];
  return [{ document, path: [...block, 'repository'], value: name }];
}

/** Helm values (no apiVersion or kind; the image block at the configured path, default `image`). */
export const helmValues: ManifestKind = {
  name: 'helm-values',
  matches: (document, request) =>
    !document.has('apiVersion') &&
    !document.has('kind') &&
    document.hasIn(request?.path ?? DEFAULT_IMAGE_PATH),
  planImage: (source, document, request) => planHelmImage(source, document, [], request),
  describeTargets: (source, document) =>
    `Helm values: image ${JSON.stringify(readPath(source, document, DEFAULT_IMAGE_PATH) ?? null)}`,
};
