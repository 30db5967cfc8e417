import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import { parseMetricNumber } from '../../../src/metrics/number.js';

describe('parseMetricNumber', () => {
  it.each<[unknown, number]>([
    ['1', 1],
    ['0', 0],
    ['-0.25', -0.25],
    ['0.01', 0.01],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
    ['.5', 0.5],
    ['+7', 7],
    [42, 42],
    [1767436620.123, 1767436620.123],
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
  ])('reads %j as %d', (input, expected) => {
    expect(parseMetricNumber(input, 'f')).toBe(expected);
  });

  it.each<[unknown]>([
    [''],
    [' '],
    [null],
    [undefined],
    ['abc'],
    ['1,5'],
    ['0x10'],
    ['Infinity'],
    ['Inf'],
    ['nan'],
    [{}],
    [[]],
    [true],
  ])('rejects %j with an error naming the field', (input) => {
    expect(() => parseMetricNumber(input, 'result[0].value[1]')).toThrow(ConfigurationError);
    expect(() => parseMetricNumber(input, 'result[0].value[1]')).toThrow(
      /^result\[0\]\.value\[1\]: expected a number/,
    );
  });

  it('never turns an empty string into zero (Number("") is 0)', () => {
    expect(() => parseMetricNumber('', 'v')).toThrow('got ""');
  });
});
