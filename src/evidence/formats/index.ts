import type { EvidenceFormatName } from '../types.js';
import type { EvidenceFormat, ParsedContent } from './types.js';
import { junitFormat } from './junit.js';
import { sarifFormat } from './sarif.js';
import { trivyFormat } from './trivy.js';
import { grypeFormat } from './grype.js';
import { cycloneDxFormat } from './cyclonedx.js';
import { spdxFormat } from './spdx.js';
import { openVexFormat } from './openvex.js';
import { inTotoFormat } from './in-toto.js';
import { dsseFormat } from './dsse.js';
import { sigstoreBundleFormat } from './sigstore-bundle.js';

/**
 * Every evidence format, keyed by name. `satisfies Record<…>` makes the list exhaustive: adding a
 * format name to the EvidenceDocument union without a plugin here is a type error.
 */
export const EVIDENCE_FORMATS = {
  junit: junitFormat,
  sarif: sarifFormat,
  trivy: trivyFormat,
  grype: grypeFormat,
  cyclonedx: cycloneDxFormat,
  spdx: spdxFormat,
  openvex: openVexFormat,
  'in-toto': inTotoFormat,
  dsse: dsseFormat,
  'sigstore-bundle': sigstoreBundleFormat,
} as const satisfies Record<EvidenceFormatName, EvidenceFormat>;

/** The format that recognises `content`, or undefined when none does (the file is listed as ignored). */
export function recogniseFormat(content: ParsedContent): EvidenceFormat | undefined {
  return Object.values(EVIDENCE_FORMATS).find((format) => format.recognises(content));
}
