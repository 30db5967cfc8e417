/**
 * The generic kind for anything the other kinds do not know (a CRD, an Argo CD Application
 * parameter, a config file): set the image string at an explicit YAML path. Chosen only by name,
 * never detected, since any document could hold any path.
 */
import { ConfigurationError } from '../../errors.js';
import type { ScalarEdit, YamlPath } from '../yaml-edit.js';
import { pinnedImage } from './image-text.js';
import type { ManifestKind } from './types.js';

/** A single edit: `value` at `path` in `document`, for callers that set something other than an image. */
export function setPath(document: number, path: YamlPath, value: ScalarEdit['value']): ScalarEdit[] {
  return [{ document, path, value }];
}

/** Any YAML or JSON: the pinned image string at `request.path`. */
export const yamlPath: ManifestKind = {
  name: 'yaml-path',
  matches: (document, request) => request?.path !== undefined && document.hasIn(request.path),
  planImage(source, document, request) {
    if (!request.path || request.path.length === 0) {
      throw new ConfigurationError(
        `the yaml-path kind needs a path to the image (for example spec.image); add path to the target`,
        `${source.file}`,
      );
    }
    return setPath(document, request.path, pinnedImage(request.image));
  },
  describeTargets: () => 'yaml-path: only the configured path',
};
