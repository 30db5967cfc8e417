/**
 * Two-way proportional weights (Gateway API, SMI, Traefik): traffic goes to each backend in
 * proportion to its weight, so 9:1, 90:10 and 900m:100m are the same split. Glidepath writes
 * percentages (they read as what they mean) but accepts any proportion it finds.
 */
import { ConfigurationError } from '../../errors.js';
import { Weight } from './types.js';

/**
 * The canary's share of `stable`:`canary` as a whole percent. A split that is not a whole
 * percent (1:2 is 33.3 %) is reported to the nearest percent, halves rounded up, because readings
 * feed messages and step comparisons, never a write.
 */
export function canaryPercent(stable: number, canary: number, where: string): Weight {
  if (stable < 0 || canary < 0) {
    throw new ConfigurationError(`weights must not be negative (stable ${stable}, canary ${canary})`, where);
  }
  if (stable + canary === 0) {
    throw new ConfigurationError(
      'both backends weigh 0, so the route sends no traffic anywhere; give the stable backend a weight',
      where,
    );
  }
  return Weight.of(Math.floor((canary * 100) / (stable + canary) + 0.5));
}

/**
 * Whether `stable`:`canary` already is exactly `target` (by cross-multiplication, no rounding):
 * then nothing needs writing, and 1:0 stays 1:0 instead of becoming 100:0.
 */
export function splitsExactly(stable: number, canary: number, target: Weight): boolean {
  return stable + canary > 0 && stable * target.percent === canary * (100 - target.percent);
}
