import { ConfigurationError } from '../errors.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** A length of time parsed once at the boundary ("90s", "15m", "24h", "7d"). */
export class Duration {
  private constructor(readonly milliseconds: number) {}

  /** Parses `text`; `field` names where it came from for the error message. */
  static parse(text: string, field = 'duration'): Duration {
    const match = DURATION.exec(text.trim());
    if (!match) {
      throw new ConfigurationError(
        `${field}: "${text}" is not a duration; write a number and a unit, e.g. 90s, 15m, 24h or 7d`,
      );
    }
    return new Duration(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
  }

  static ofMilliseconds(ms: number): Duration {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`duration must be a non-negative number, got ${ms}`);
    return new Duration(ms);
  }

  /** The largest whole unit that divides the duration exactly ("36h", "2d"). */
  toString(): string {
    for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
      if (this.milliseconds >= UNIT_MS[unit] && this.milliseconds % UNIT_MS[unit] === 0) {
        return `${this.milliseconds / UNIT_MS[unit]}${unit}`;
      }
    }
    return `${this.milliseconds}ms`;
  }
}
