/**
 * The feature-flag plugin family: one interface, one file per flag system, one exhaustive factory
 * (`index.ts`). A provider reads how much of the population a flag exposes and plans the file that
 * exposes a different share, or none at all (the kill switch). It never writes.
 *
 * Why a plan is the edited text rather than a list of ScalarEdits (as traffic routers return):
 * - a kill switch removes targeting rules, a structural change the scalar-edit engine cannot
 *   express, so the provider applies it with the file format's own editor;
 * - the flag system must accept the whole edited file before anyone may write it, so validating
 *   is part of planning, and what was validated is exactly what is returned;
 * - the desired-state writers take a render function from current text to new text (gitops
 *   `DesiredChange.render`), which a plan plugs into directly.
 */
import type { ManifestSource } from '../../manifests/yaml-edit.js';
import type { Weight } from '../routers/types.js';

/** The flag systems Glidepath drives, as named in the policy (`desired.flags.provider`). */
export type FlagProviderName =
  /** OpenFeature flagd flag files (JSON or YAML), validated and evaluated with @openfeature/flagd-core. */
  'flagd';

/** Every provider name, for messages and the factory's exhaustiveness. */
export const FLAG_PROVIDER_NAMES: readonly FlagProviderName[] = ['flagd'];

/** Which flag to change, and which of its variants mean "on" and "off". */
export interface FlagRef {
  /** The flag's key in the file (`flags.<key>`). */
  key: string;
  /**
   * The variant served to the exposed share. Default for a boolean flag: the variant whose value
   * is `true`; a flag of any other type must name it.
   */
  onVariant?: string;
  /** The variant everyone else gets, and everyone after a kill switch. Default as for `onVariant`, with `false`. */
  offVariant?: string;
}

/** How the file decides what a flag evaluates to. */
export type ExposureMode =
  /** No targeting: every evaluation gets the default variant (on → 100 %, off → 0 %). */
  | 'static'
  /** A fractional split between the on and off variants, the one shape Glidepath manages. */
  | 'split'
  /** Other targeting rules (conditions, references, other variants): Glidepath cannot tell the share. */
  | 'rules'
  /** The flag is disabled: the application's code default decides, which Glidepath cannot see. */
  | 'disabled';

/** What a flag exposes now. */
export interface FlagExposure {
  mode: ExposureMode;
  /**
   * Share of targeting keys that get the on variant, 0..100 (not necessarily whole: weights 1:2
   * expose 33.3…); undefined for `rules` and `disabled`, and for `static` without a default variant.
   */
  percent: number | undefined;
  /** The variants identified as on and off, whether given or derived from boolean values. */
  onVariant: string;
  offVariant: string;
  /** `FILE:LINE:COL` of the flag, for messages. */
  location: string;
}

/** A planned change to one flag file. */
export interface FlagPlan {
  /** The exposure before the change. */
  before: FlagExposure;
  /** The whole file after the change, already accepted by the flag system; `source.text` when unchanged. */
  after: string;
  /** False when the file already exposes what was asked: `after` is then the input, byte for byte. */
  changed: boolean;
}

/**
 * One flag system. Every method is pure: it reads `source` and returns data. A request the
 * provider cannot satisfy exactly (unknown flag, targeting it would have to overwrite, a result
 * the flag system rejects) throws ConfigurationError naming `FILE:LINE:COL` and plans nothing.
 */
export interface FlagProvider {
  readonly name: FlagProviderName;
  /** What `flag` exposes now. */
  read(source: ManifestSource, flag: FlagRef): FlagExposure;
  /** The file with `percent` of targeting keys on the on variant, the rest on the off variant. */
  planSplit(source: ManifestSource, flag: FlagRef, percent: Weight): FlagPlan;
  /** The file with everyone on the off variant, whatever targeting said before (the kill switch). */
  planKill(source: ManifestSource, flag: FlagRef): FlagPlan;
}
