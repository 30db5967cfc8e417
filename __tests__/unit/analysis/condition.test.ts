import { describe, expect, it } from '@jest/globals';
import jsep from 'jsep';
import {
  compileCondition,
  ConditionError,
  formatNumber,
  type ConditionErrorKind,
} from '../../../src/analysis/condition.js';
import { ConfigurationError } from '../../../src/errors.js';

const WHERE = 'analysis.guardrails[0].successCondition';
const evaluate = (source: string, result: unknown) => compileCondition(source, WHERE).evaluate(result);

/** Compiles `source` expecting a refusal; returns the message. */
function refusal(source: string): string {
  try {
    compileCondition(source, WHERE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe('compileCondition: the allowed grammar evaluates like expr-lang on numbers', () => {
  it.each([
    // Comparisons are IEEE 754 (A4: NaN >= 0.95 is false, +Inf >= 0.95 is true).
    { source: 'result >= 0.95', result: 0.96, expected: true },
    { source: 'result >= 0.95', result: 0.95, expected: true },
    { source: 'result >= 0.95', result: 0.94, expected: false },
    { source: 'result >= 0.95', result: Number.NaN, expected: false },
    { source: 'result >= 0.95', result: Number.POSITIVE_INFINITY, expected: true },
    { source: 'result >= 0.95', result: Number.NEGATIVE_INFINITY, expected: false },
    { source: 'result < 0.95', result: Number.NaN, expected: false },
    { source: 'result != result', result: Number.NaN, expected: true },
    { source: 'isNaN(result) || result >= 0.95', result: Number.NaN, expected: true },
    { source: 'isInf(result)', result: Number.POSITIVE_INFINITY, expected: true },
    { source: 'isInf(result)', result: Number.NEGATIVE_INFINITY, expected: true },
    { source: 'isInf(result)', result: 1e308, expected: false },
    // Vectors (Argo's Prometheus provider hands a list).
    { source: 'result[0] >= 0.95', result: [0.97], expected: true },
    { source: 'result[-1] < 1', result: [5, 0.5], expected: true },
    { source: 'len(result) == 0 || result[0] >= 0.95', result: [], expected: true },
    { source: 'len(result) == 0 || result[0] >= 0.95', result: [0.9], expected: false },
    { source: 'len(result) > 0 && result[0] >= 0.95', result: [], expected: false },
    { source: 'len(result) == 0', result: undefined, expected: true },
    { source: 'len(result) == 2', result: { a: 1, b: 2 }, expected: true },
    { source: 'len("abc") == 3', result: 0, expected: true },
    // JSON documents (the web provider's selection).
    { source: 'result.data.ok == true', result: { data: { ok: true } }, expected: true },
    { source: 'result["p99"] <= 200', result: { p99: 150 }, expected: true },
    { source: 'result.items[1].v > 2', result: { items: [{ v: 1 }, { v: 3 }] }, expected: true },
    { source: 'result.name + "-x" == "a-x"', result: { name: 'a' }, expected: true },
    // No coercion: 1 and "1" differ, nil equals only nil.
    { source: 'result.a == result.b', result: { a: 1, b: '1' }, expected: false },
    { source: 'result.missing == result.alsoMissing', result: {}, expected: true },
    { source: 'result.missing != 0', result: {}, expected: true },
    { source: '"b" > "a"', result: 0, expected: true },
    // Operators and precedence: 2 + 3 * 4 = 14; 0.5 × 100 % 7 = 50 % 7 = 1; 1/0 = +Inf.
    { source: '2 + 3 * 4 == 14', result: 0, expected: true },
    { source: '(2 + 3) * 4 == 20', result: 0, expected: true },
    { source: 'result * 100 % 7 == 1', result: 0.5, expected: true },
    { source: 'result / 0 > 1e308', result: 1, expected: true },
    { source: '-result < 0', result: 2, expected: true },
    { source: '!(result > 1)', result: 0, expected: true },
    { source: 'true && result', result: false, expected: false },
    { source: 'false || result', result: true, expected: true },
    // Function table.
    { source: 'abs(result) == 3', result: -3, expected: true },
    { source: 'min(result) == 1 && max(result) == 3', result: [3, 1, 2], expected: true },
    { source: 'min(result[0], 2) == 2', result: [5], expected: true },
    { source: 'default(result[0], 0) >= 0', result: [], expected: true },
    { source: 'default(result[3], 7) == 7', result: [1], expected: true },
    { source: 'default(result.missing, 5) == 5', result: {}, expected: true },
    { source: 'default(result, 5) == 4', result: 4, expected: true },
    // all/any with Argo's `#`, with a string predicate, and nested logic in the predicate.
    { source: 'all(result, # < 1000)', result: [1, 999], expected: true },
    { source: 'all(result, # < 1000)', result: [1, 1000], expected: false },
    { source: 'any(result, # > 1000)', result: [1, 1001], expected: true },
    { source: 'any(result, # > 1000)', result: [1, 2], expected: false },
    { source: 'all(result, "< 1000")', result: [5, 6], expected: true },
    { source: 'any(result, ">= +Inf")', result: [5, Number.POSITIVE_INFINITY], expected: true },
    { source: 'all(result, isNaN(#) || # < 10)', result: [Number.NaN, 3], expected: true },
    { source: 'all(result.series, #.v > 0)', result: { series: [{ v: 1 }, { v: 2 }] }, expected: true },
    // `#` inside a string literal is text, not the element.
    { source: 'result == "#"', result: '#', expected: true },
  ])('$source with $result → $expected', ({ source, result, expected }) => {
    expect(evaluate(source, result)).toBe(expected);
  });

  it('short-circuits && and || (the right side is never evaluated)', () => {
    // result[5] would throw out-of-range; it is not reached.
    expect(evaluate('len(result) < 5 || result[5] > 0', [1])).toBe(true);
    expect(evaluate('len(result) > 5 && result[5] > 0', [1])).toBe(false);
  });

  it('keeps the source for reasons', () => {
    expect(compileCondition('result[0] >= 0.99', WHERE).source).toBe('result[0] >= 0.99');
  });
});

describe('Condition.evaluate: Argo "Error" measurements are a typed ConditionError', () => {
  it.each<{ source: string; result: unknown; kind: ConditionErrorKind; message: RegExp }>([
    // A4/§b.1: an empty vector indexed with result[0], nil compared with a number.
    {
      source: 'result[0] >= 0.95',
      result: [],
      kind: 'nil-or-empty',
      message: /^metric result is nil or empty$/,
    },
    { source: 'result >= 0.95', result: undefined, kind: 'nil-or-empty', message: /nil or empty/ },
    { source: 'result >= 0.95', result: null, kind: 'nil-or-empty', message: /nil or empty/ },
    { source: 'result.a > 1', result: {}, kind: 'nil-or-empty', message: /nil or empty/ },
    { source: 'result', result: undefined, kind: 'nil-or-empty', message: /nil or empty/ },
    // Glidepath: all/any/min/max over nothing are not vacuously true.
    { source: 'all(result, # < 1)', result: [], kind: 'nil-or-empty', message: /nil or empty/ },
    { source: 'min(result) > 0', result: [], kind: 'nil-or-empty', message: /nil or empty/ },
    // Index out of range of a non-empty list.
    {
      source: 'result[2] > 0',
      result: [1, 2],
      kind: 'out-of-range',
      message: /^index 2 is out of range: the result has 2 values$/,
    },
    { source: 'result[-3] > 0', result: [1, 2], kind: 'out-of-range', message: /index -3/ },
    // No coercion: comparing a list with a number is an error, with a hint.
    {
      source: 'result >= 0.95',
      result: [0.97],
      kind: 'type',
      message: /compares two numbers or two strings, got a list of 1 value \(index it, e\.g\. result\[0\]\)/,
    },
    { source: 'result < "a"', result: 1, kind: 'type', message: /got the number 1 and the string "a"/ },
    { source: 'result + 1 > 0', result: 'x', kind: 'type', message: /\+ needs a number, got the string "x"/ },
    { source: 'result && true', result: 1, kind: 'type', message: /&& needs true or false/ },
    { source: 'result', result: 1, kind: 'type', message: /must be true or false, got the number 1/ },
    { source: 'all(result, #)', result: [1], kind: 'type', message: /all's predicate needs true or false/ },
    { source: 'result[0.5] > 1', result: [1], kind: 'type', message: /indexed by a whole number/ },
    {
      source: 'result.x > 1',
      result: 5,
      kind: 'type',
      message: /cannot read the string "x" of the number 5/,
    },
    { source: 'isNaN(result)', result: 'x', kind: 'type', message: /isNaN needs a number/ },
    { source: 'len(result) > 0', result: 5, kind: 'type', message: /len needs a list/ },
    { source: 'result == result', result: [1], kind: 'type', message: /== compares numbers/ },
    // default() only stands in for missing values, never hides a type error.
    { source: 'default(result + 1, 0) > 0', result: 'x', kind: 'type', message: /needs a number/ },
  ])('$source with $result → $kind', ({ source, result, kind, message }) => {
    let caught: unknown;
    try {
      evaluate(source, result);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConditionError);
    expect((caught as ConditionError).kind).toBe(kind);
    expect((caught as ConditionError).message).toMatch(message);
  });
});

describe('compileCondition refuses everything outside the grammar, naming the field and column', () => {
  it.each([
    { source: 'this.x', column: 1, says: '`this` is not allowed' },
    { source: 'foo > 1', column: 1, says: 'unknown name `foo`' },
    { source: 'result > 1 && process', column: 15, says: 'unknown name `process`' },
    { source: 'result.constructor', column: 8, says: '`.constructor` is not allowed' },
    { source: 'result["constructor"]', column: 8, says: '`["constructor"]` is not allowed' },
    { source: 'result.__proto__', column: 8, says: '`.__proto__` is not allowed' },
    { source: 'result.x.prototype', column: 10, says: '`.prototype` is not allowed' },
    { source: 'new Foo()', column: 1, says: '`new` is not allowed' },
    { source: 'x => x', column: 3, says: 'arrow functions are not allowed' },
    { source: 'result = 1', column: 8, says: 'assignment is not allowed' },
    { source: '`${result}`', column: 1, says: 'template literals are not allowed' },
    { source: '/a/.test(result)', column: 1, says: 'regular expressions are not allowed' },
    { source: 'result ? 1 : 0', column: 8, says: 'conditional operator ?: is not allowed' },
    { source: 'result === 1', column: 8, says: 'operator === is not allowed' },
    { source: 'result ** 2 > 1', column: 8, says: 'operator ** is not allowed' },
    { source: '(result + 1) ** 2', column: 14, says: 'operator ** is not allowed' },
    { source: 'result & 1', column: 8, says: 'operator & is not allowed' },
    { source: 'result ?? 1', column: 8, says: 'operator ?? is not allowed (use default(x, d))' },
    { source: '~result', column: 1, says: 'unary ~ is not allowed' },
    { source: '+result', column: 1, says: 'unary + is not allowed' },
    { source: '[1, 2]', column: 1, says: 'list literals [...] are not allowed' },
    { source: 'null', column: 1, says: 'null is not allowed' },
    { source: 'eval("1")', column: 1, says: 'unknown function `eval`' },
    { source: 'Function("return 1")()', column: 1, says: 'unknown function `Function`' },
    { source: 'result.map(1)', column: 8, says: 'methods cannot' },
    { source: 'len(result)(1)', column: 1, says: 'only the listed functions can be called, by name' },
    { source: 'isNaN', column: 1, says: 'isNaN is a function; call it' },
    { source: 'len(result, 1)', column: 1, says: 'len takes 1 argument, got 2' },
    { source: 'all(result)', column: 1, says: 'all takes 2 arguments, got 1' },
    { source: 'result?.x', column: 7, says: 'optional chaining ?. is not allowed' },
    { source: 'result; result', column: 9, says: 'a second expression follows the first' },
    { source: '(result, 1)', column: 10, says: 'comma expressions are not allowed' },
    { source: '# > 1', column: 1, says: '# is only the element inside all' },
    { source: '__item > 1', column: 1, says: 'unknown name `__item`' },
    // Columns point into what the user wrote, not the `#`-rewritten text: `foo` is the 23rd character.
    { source: 'all(result, # < 1) && foo', column: 23, says: 'unknown name `foo`' },
    { source: 'all(result, "<< 1")', column: 13, says: 'must be "OP NUMBER"' },
    { source: 'result >', column: 9, says: 'cannot parse the condition (Expected expression after >)' },
  ])('$source → column $column: $says', ({ source, column, says }) => {
    const message = refusal(source);
    expect(message.startsWith(`${WHERE}: column ${column}: `)).toBe(true);
    expect(message).toContain(says);
    expect(message).toContain('a condition may use result, numbers, strings');
  });

  it('is an allow-list: an operator another module registers on the shared jsep is still refused', () => {
    jsep.addBinaryOp('=~', 6);
    try {
      expect(refusal('result =~ 1')).toContain('column 8: operator =~ is not allowed');
    } finally {
      jsep.removeBinaryOp('=~');
    }
  });

  it('refuses an empty condition with what to write instead', () => {
    expect(refusal('  ')).toBe(
      `${WHERE}: the condition is empty; write one such as result[0] >= 0.99, or remove the key`,
    );
  });
});

describe('member access reads data, never JavaScript internals', () => {
  it('reads own properties only: inherited names are nil', () => {
    expect(evaluate('default(result.toString, 1) == 1', {})).toBe(true);
    expect(evaluate('len(result.hasOwnProperty) == 0', {})).toBe(true);
    // A computed key naming a prototype property finds nothing either.
    expect(evaluate('result[result.k] == result.nothing', { k: 'constructor' })).toBe(true);
  });

  it('reads an own property that happens to be called like an internal', () => {
    expect(evaluate('result[result.k] == 3', { k: 'valueOf', valueOf: 3 })).toBe(true);
  });

  it('refuses to read fields of anything but JSON objects and lists', () => {
    expect(() => evaluate('result.size > 0', new Map())).toThrow(ConditionError);
  });
});

describe('formatNumber', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '+Inf'],
    [Number.NEGATIVE_INFINITY, '-Inf'],
    [0.93, '0.93'],
    [-2, '-2'],
  ])('%p → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
