import type { EvidencePolicy } from '../../config/types.js';
import type { Digest } from '../image-ref.js';
import type { Check, EvidenceDocument, SbomReport } from '../types.js';

type SbomDocument = Extract<EvidenceDocument, { kind: 'sbom' }>;

/** The SPDX versions Glidepath reads (2.2 is what Trivy writes, 2.3 what Syft and GitHub write). */
const SPDX_VERSIONS = ['2.2', '2.3'];

/** What `checkSboms` judges against. */
export interface SbomCheckContext {
  digest: Digest;
  policy: EvidencePolicy;
}

/**
 * One check per SBOM: fail when it describes another digest, or its spec version is older than
 * policy accepts; pass with the component count otherwise. Whether an absent SBOM warns or rejects
 * is the caller's decision.
 */
export function checkSboms(docs: SbomDocument[], context: SbomCheckContext): Check[] {
  return docs.map(({ file, report }) => {
    const artifact = context.digest.toString();
    const label = labelOf(report);
    if (report.subjectDigests.length && !report.subjectDigests.includes(artifact)) {
      return fail(
        file,
        `${label} describes ${report.subjectDigests.join(' or ')} not ${artifact}; generate the SBOM from the admitted digest`,
      );
    }
    const unsupported = versionProblem(report, context.policy.sbom.minCycloneDxVersion);
    if (unsupported) return fail(file, unsupported);
    const components = `${report.componentCount} ${report.componentCount === 1 ? 'component' : 'components'}`;
    const subject = report.subjectDigests.length
      ? `for ${artifact}`
      : `that names no image digest, so it does not show it describes ${artifact}`;
    return { kind: 'sbom', file, status: 'pass', reason: `${label} with ${components} ${subject}` };
  });
}

function versionProblem(report: SbomReport, minCycloneDx: string): string | undefined {
  if (report.format === 'cyclonedx') {
    if (compareVersions(report.specVersion, minCycloneDx) >= 0) return undefined;
    return (
      `CycloneDX ${report.specVersion} is older than evidence.sbom.minCycloneDxVersion ${minCycloneDx}; ` +
      'regenerate the SBOM with a current tool (e.g. syft -o cyclonedx-json)'
    );
  }
  if (SPDX_VERSIONS.includes(report.specVersion)) return undefined;
  return `SPDX ${report.specVersion} is not supported; Glidepath reads SPDX ${SPDX_VERSIONS.join(' and ')} JSON`;
}

/**
 * Compares dotted versions numerically ("1.10" is newer than "1.9"); a part that is not a number
 * ranks below every number, so a malformed version never passes a minimum.
 */
function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = toPart(left[i]);
    const y = toPart(right[i]);
    if (x !== y) return x - y;
  }
  return 0;
}

function toPart(part: string | undefined): number {
  if (part === undefined) return 0;
  return /^\d+$/.test(part) ? Number(part) : -1;
}

function labelOf(report: SbomReport): string {
  return report.format === 'cyclonedx'
    ? `CycloneDX ${report.specVersion} SBOM`
    : `SPDX ${report.specVersion} SBOM`;
}

function fail(file: string, reason: string): Check {
  return { kind: 'sbom', file, status: 'fail', reason };
}
