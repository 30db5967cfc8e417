/**
 * The one parser for numbers read from a metric back-end. Prometheus sends sample values as quoted
 * strings because JSON has no NaN or infinities, and JavaScript's `Number` gets both wrong:
 * `Number("+Inf")` is NaN and `Number("")` is 0. A zero invented from an empty field would read as
 * "no errors" and pass a guardrail, so empty and null values are refused, never coerced.
 */
import { ConfigurationError } from '../errors.js';

/** The special values Go's strconv writes, mapped explicitly. */
const SPECIAL_VALUES: ReadonlyMap<string, number> = new Map([
  ['NaN', Number.NaN],
  ['+Inf', Number.POSITIVE_INFINITY],
  ['-Inf', Number.NEGATIVE_INFINITY],
]);

/** A decimal or exponent literal, the only other strings a provider may send. */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number in `value`, a JSON number or a numeric string from a provider response; `field`
 * names where it came from (`prometheus result[0].value[1]`) for the error message.
 */
export function parseMetricNumber(value: unknown, field: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const special = SPECIAL_VALUES.get(value);
    if (special !== undefined) return special;
    if (NUMERIC.test(value)) return Number(value);
  }
  const shown = value === undefined ? 'undefined' : JSON.stringify(value);
  throw new ConfigurationError(
    `${field}: expected a number ("NaN", "+Inf", "-Inf" or a decimal), got ${shown}; ` +
      'check that the query returns a number',
  );
}
