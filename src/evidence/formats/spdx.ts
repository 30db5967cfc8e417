import type { SbomReport } from '../types.js';
import { isRecord, JsonCursor } from './json-cursor.js';
import { digestOfHash, pinnedDigest } from './pinned-digest.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

const FORMAT = 'SPDX JSON';
const DOCUMENT = 'SPDXRef-DOCUMENT';

/** SPDX 2.x JSON SBOMs. `specVersion` is the number after `SPDX-` ("2.3"). */
export const spdxFormat: EvidenceFormat = {
  name: 'spdx',

  recognises(content: ParsedContent): boolean {
    return (
      content.syntax === 'json' &&
      isRecord(content.value) &&
      typeof content.value.spdxVersion === 'string' &&
      content.value.spdxVersion.startsWith('SPDX-')
    );
  },

  parse(content: ParsedContent, file: string) {
    const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, FORMAT);
    root.object();
    const packages = root.field('packages').optionalArray();
    const described = describedIds(root);
    const subjects = packages.filter((pkg) => {
      pkg.object();
      return described.has(pkg.field('SPDXID').optionalString() ?? '');
    });

    const digests = new Set<string>();
    for (const subject of subjects) for (const digest of digestsOf(subject)) digests.add(digest);
    const report: SbomReport = {
      format: 'spdx',
      specVersion: root.field('spdxVersion').string().slice('SPDX-'.length),
      subjectDigests: [...digests],
      componentCount: packages.length,
    };
    const name = subjects[0]?.field('name').optionalText() ?? root.field('name').optionalText();
    if (name) report.subjectName = name;
    return { format: 'spdx', kind: 'sbom', file, report };
  },
};

/**
 * The elements the document describes: `SPDXRef-DOCUMENT DESCRIBES x`, `x DESCRIBED_BY
 * SPDXRef-DOCUMENT`, and the older `documentDescribes` list.
 */
function describedIds(root: JsonCursor): Set<string> {
  const ids = new Set(root.field('documentDescribes').optionalStrings());
  for (const relationship of root.field('relationships').optionalArray()) {
    relationship.object();
    const from = relationship.field('spdxElementId').string();
    const type = relationship.field('relationshipType').string();
    const to = relationship.field('relatedSpdxElement').string();
    if (from === DOCUMENT && type === 'DESCRIBES') ids.add(to);
    if (to === DOCUMENT && type === 'DESCRIBED_BY') ids.add(from);
  }
  return ids;
}

/**
 * A described package's digests: SHA256 checksums, `pkg:oci` purls in externalRefs (Syft writes the
 * colon unencoded), and Trivy's `RepoDigest: repo@sha256:…` attribution text. Trivy's `ImageID:`
 * attribution is the config digest and is deliberately not read.
 */
function digestsOf(pkg: JsonCursor): string[] {
  const digests: (string | undefined)[] = [];
  for (const checksum of pkg.field('checksums').optionalArray()) {
    checksum.object();
    digests.push(
      digestOfHash(checksum.field('algorithm').string(), checksum.field('checksumValue').string()),
    );
  }
  for (const reference of pkg.field('externalRefs').optionalArray()) {
    reference.object();
    if (reference.field('referenceType').optionalString() === 'purl') {
      digests.push(pinnedDigest(reference.field('referenceLocator').string()));
    }
  }
  for (const text of pkg.field('attributionTexts').optionalStrings()) {
    if (text.startsWith('RepoDigest:')) digests.push(pinnedDigest(text.slice('RepoDigest:'.length)));
  }
  return digests.filter((digest): digest is string => digest !== undefined);
}
