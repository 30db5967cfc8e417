import type { SbomReport } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import { digestOfHash, pinnedDigest } from './pinned-digest.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'CycloneDX JSON';

/** Trivy records the digest an image was pulled by as a property of the subject component. */
const TRIVY_REPO_DIGEST = 'aquasecurity:trivy:RepoDigest';

/** CycloneDX JSON SBOMs (any specVersion; the check judges the version against policy). */
export const cycloneDxFormat: EvidenceFormat = {
  name: 'cyclonedx',

  recognises(content: ParsedContent): boolean {
    return content.syntax === 'json' && isRecord(content.value) && content.value.bomFormat === 'CycloneDX';
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const report: SbomReport = {
      format: 'cyclonedx',
      specVersion: root.field('specVersion').string(),
      subjectDigests: [],
      componentCount: countComponents(root.field('components')),
    };
    const metadata = root.field('metadata');
    metadata.optionalObject();
    const subject = metadata.field('component');
    if (subject.optionalObject()) {
      report.subjectDigests = subjectDigests(subject);
      const name = subject.field('name').optionalText();
      if (name) report.subjectName = name;
    }
    return { format: 'cyclonedx', kind: 'sbom', file, report };
  },
};

/** Components may nest (`components[].components`); all of them are listed in the SBOM. */
function countComponents(components: JsonCursor): number {
  return components.optionalArray().reduce((count, component) => {
    component.object();
    return count + 1 + countComponents(component.field('components'));
  }, 0);
}

/**
 * Where real tools put the subject's digest: `hashes` (SHA-256 content), a `pkg:oci/…@sha256%3A…`
 * purl or bom-ref, Trivy's `aquasecurity:trivy:RepoDigest` property, and Syft's `version` (the
 * manifest digest of a container) or a digest-pinned `name` (the user's input). Trivy's
 * `aquasecurity:trivy:ImageID` is the config digest and is deliberately not read.
 */
function subjectDigests(subject: JsonCursor): string[] {
  const digests = new Set<string>();
  const add = (digest: string | undefined) => digest && digests.add(digest);

  for (const hash of subject.field('hashes').optionalArray()) {
    hash.object();
    add(digestOfHash(hash.field('alg').string(), hash.field('content').string()));
  }
  for (const key of ['purl', 'bom-ref', 'name']) {
    const text = subject.field(key).optionalString();
    if (text) add(pinnedDigest(text));
  }
  if (subject.field('type').optionalString() === 'container') {
    const version = subject.field('version').optionalString();
    if (version) add(pinnedDigest(version));
  }
  for (const property of subject.field('properties').optionalArray()) {
    property.object();
    if (property.field('name').optionalString() === TRIVY_REPO_DIGEST) {
      add(pinnedDigest(property.field('value').string()));
    }
  }
  return [...digests];
}
