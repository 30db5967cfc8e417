/**
 * The promotion record: the commit that says a rollout finished at 100% *after* its last step was
 * judged (DESIGN.md "State": progress is read from Git). The last step's own commit only says the
 * canary was asked for 100%; without this record a rerun (or the next event-driven run) could not
 * tell "100% committed, not yet judged" from "promoted", and a canary going bad at 100% would never
 * be judged. The commit carries `Glidepath-Verdict: promoted` and writes one line per service to
 * `.glidepath/promoted.yaml` (next to the quarantine list): the digest now promoted, when, by which
 * rollout — a compare-and-swap commit must change a file, and this one is useful to read.
 */
import { dirname, posix } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { ConfigurationError } from '../errors.js';
import type { CommitRequest, DesiredChange, Trailers } from './types.js';

/** What was promoted. */
export interface PromotionEntry {
  /** The map key: the policy's service, or the rollout id when the policy names none. */
  service: string;
  rollout: string;
  digest: string;
  /** ISO time of the promotion. */
  at: string;
}

/** The promotion file next to `quarantineFile`. */
export function promotionFileFor(quarantineFile: string): string {
  return posix.join(dirname(quarantineFile), 'promoted.yaml');
}

/** Sets `entry.service`'s line in the promotion file's text (comments and other services kept). */
export function recordPromotion(current: string | undefined, entry: PromotionEntry, file: string): string {
  const document = parseDocument(
    current ?? '# The digest each service last promoted to 100%, written by Glidepath.\n',
  );
  if (document.errors.length > 0) {
    throw new ConfigurationError(`is not YAML (${document.errors[0]!.message}); fix or delete it`, file);
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new ConfigurationError('must be a map of service → promotion; fix or delete it', file);
  }
  document.setIn([entry.service], { rollout: entry.rollout, digest: entry.digest, at: entry.at });
  return document.toString();
}

/** What a promotion commit is about: the rollout that passed its last step. */
export interface Promotion {
  /** The policy's service, when it names one (the promotion file is keyed by it, else the rollout id). */
  service?: string;
  rollout: string;
  digest: string;
  /** ISO time of the promotion. */
  at: string;
  /** How many steps the rollout had: the record says the last of them, at 100%, was judged. */
  steps: number;
  /** The evidence reference the rollout was admitted with, when it had one. */
  evidence?: string;
}

/**
 * The promotion commit on `branch`: the promotion file's line for the service, and the trailers
 * every rollout commit carries (recover.ts reads them) plus `Glidepath-Verdict: promoted`.
 */
export function promotionCommit(branch: string, promotion: Promotion, quarantineFile: string): CommitRequest {
  const entry: PromotionEntry = {
    service: promotion.service ?? promotion.rollout,
    rollout: promotion.rollout,
    digest: promotion.digest,
    at: promotion.at,
  };
  const file = promotionFileFor(quarantineFile);
  const change: DesiredChange = {
    path: file,
    intent: `promoted ${entry.rollout}`,
    render: (current) => recordPromotion(current, entry, file),
  };
  const trailers: Trailers = {
    'Glidepath-Rollout': promotion.rollout,
    ...(promotion.service ? { 'Glidepath-Service': promotion.service } : {}),
    'Glidepath-Step': `${promotion.steps}/${promotion.steps}`,
    'Glidepath-Weight': '100',
    'Glidepath-Digest': promotion.digest,
    ...(promotion.evidence ? { 'Glidepath-Evidence': promotion.evidence } : {}),
    'Glidepath-Verdict': 'promoted',
  };
  return {
    branch,
    headline: `glidepath: ${entry.service} promoted ${entry.digest.slice(0, 19)}… (100%, judged)`,
    body: `Rollout ${entry.rollout} passed its last step; the canary serves all traffic.`,
    trailers,
    changes: [change],
  };
}
