/**
 * The library call behind `glidepath edit set-flag` and the flag part of `desire`: one flag file's
 * text in, the edited text out. No I/O, so the desired-state writers can call it on whatever head
 * they are about to commit on.
 */
import { parseManifestSource } from '../../manifests/yaml-edit.js';
import { Weight } from '../routers/types.js';
import { createFlagProvider } from './index.js';
import type { FlagExposure, FlagProviderName } from './types.js';

/** Which variants mean on and off, and which flag system reads the file (default flagd). */
interface SetFlagCommon {
  /** The flag's key. */
  flag: string;
  /** The on variant; required unless the flag is boolean. */
  onVariant?: string;
  /** The off variant; required unless the flag is boolean. */
  offVariant?: string;
  /** Default `flagd`. */
  provider?: FlagProviderName;
}

/** Expose the flag to `percent` % of targeting keys, or switch it off for everyone. */
export type SetFlagRequest =
  | (SetFlagCommon & { percent: number | Weight; off?: undefined })
  | (SetFlagCommon & { off: true; percent?: undefined });

/** The planned file. */
export interface SetFlagResult {
  /** The whole file after the change; the input byte for byte when `changed` is false. */
  after: string;
  /** False when the flag already exposes what was asked. */
  changed: boolean;
  /** What the flag exposed before. */
  before: FlagExposure;
}

/** Plans `request` on the flag file `text` (named `file` in messages); throws ConfigurationError when it cannot. */
export function planSetFlag(text: string, file: string, request: SetFlagRequest): SetFlagResult {
  const provider = createFlagProvider(request.provider ?? 'flagd');
  const source = parseManifestSource(text, file);
  const ref = { key: request.flag, onVariant: request.onVariant, offVariant: request.offVariant };
  const plan =
    request.off === true
      ? provider.planKill(source, ref)
      : provider.planSplit(source, ref, Weight.from(request.percent, 'percent'));
  return { after: plan.after, changed: plan.changed, before: plan.before };
}
