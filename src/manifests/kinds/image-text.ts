/** Image reference text as manifests write it: rendering the pinned form, comparing repositories. */
import type { ImageSpec } from './types.js';

/** `name@sha256:…`, or `name:tag@sha256:…` when the image carries a tag (kept as a label only). */
export function pinnedImage(image: ImageSpec): string {
  return `${image.name}${image.tag ? `:${image.tag}` : ''}@${image.digest.toString()}`;
}

/** The repository part of an image reference as written: no tag, no digest. */
export function repositoryOf(reference: string): string {
  const at = reference.indexOf('@');
  const withoutDigest = at < 0 ? reference : reference.slice(0, at);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (localhost:5000/app), not a tag.
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/**
 * Whether two repository names mean the same repository. Docker Hub names have short forms
 * (`nginx` = `docker.io/library/nginx`), and manifests use both, so they are normalised first.
 */
export function sameRepository(a: string, b: string): boolean {
  return normaliseRepository(a) === normaliseRepository(b);
}

function normaliseRepository(name: string): string {
  const lower = name.toLowerCase();
  const hub = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/(.+)$/.exec(lower);
  const path = hub ? hub[1]! : lower;
  if (!hub && path.includes('/') && /[.:]|^localhost$/.test(path.split('/')[0]!)) return path;
  return path.includes('/') ? path : `library/${path}`;
}
