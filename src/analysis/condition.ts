/**
 * The condition language of `successCondition` and `failureCondition`: a small, safe subset of the
 * expr-lang expressions Argo Rollouts evaluates (anchors-rollouts.md §b.1 "Measurement → phase",
 * decision-and-evidence.md A4), parsed once with jsep when the policy loads, validated into a tree of
 * our own, and evaluated by the interpreter below.
 *
 * Security: policies are data, not code. Nothing here reaches `eval`, `Function` or a JavaScript
 * prototype. The only variable is `result`; member access reads own properties of arrays and plain
 * JSON objects, never inherited ones, and `constructor`, `__proto__` and `prototype` are refused
 * when the policy loads; calls go to a fixed table of functions. Anything jsep can parse beyond that
 * (`this`, other identifiers, `?:`, `===`, array literals, and whatever a plugin registered on the
 * shared jsep instance adds, such as assignment or regular expressions) is refused, because the
 * validator accepts node types from an allow-list rather than rejecting known-bad ones.
 *
 * Semantics follow Argo (expr-lang) where the two agree with JavaScript numbers: comparisons of
 * numbers are IEEE 754, so `NaN >= 0.95` is false and `+Inf >= 0.95` is true. There is no coercion:
 * `<` between anything other than two numbers or two strings, arithmetic on non-numbers, and `&&` on
 * non-booleans are a {@link ConditionError}, which makes the measurement an Argo "Error" measurement.
 *
 * Departures from Argo, each on purpose:
 * - `#` inside `all(list, # < 1000)` / `any(list, …)`: jsep cannot parse `#`, so the source is
 *   rewritten to the reserved identifier `__item` before parsing (outside string literals; columns in
 *   messages still point into what the user wrote). The predicate runs once per element. A predicate
 *   may also be a string `"OP NUMBER"`, e.g. `all(result, "< 1000")`.
 * - `all`/`any`/`min`/`max` over an empty list are "metric result is nil or empty", not the vacuous
 *   `true`/`false`: in expr `all([], …)` is true, which passes a canary that served no traffic. Write
 *   `len(result) == 0 || all(result, # < 1000)` to accept an empty result on purpose.
 * - `default(x, d)` yields `d` when `x` is nil or cannot be read because the result is nil, empty or
 *   too short (`default(result[0], 0)` works on an empty vector); Argo's only tests the whole result.
 * - `len(nil)` is 0, so `len(result) == 0` also guards a result that is missing altogether.
 * - `result[-1]` is the last element, as in expr.
 */
import jsep from 'jsep';
import { ConfigurationError } from '../errors.js';

/** Why a condition could not be evaluated; each is an Argo "Error" measurement. */
export type ConditionErrorKind =
  /** The value needed is missing: the result is nil, an empty list, or a field that is absent. */
  | 'nil-or-empty'
  /** An index past the end of a non-empty list. */
  | 'out-of-range'
  /** A value of the wrong type for the operation, e.g. `<` between a list and a number. */
  | 'type';

/** A condition met a value it cannot judge: the measurement is an error, not a pass or a failure. */
export class ConditionError extends Error {
  constructor(
    readonly kind: ConditionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}

/** A compiled, validated condition. */
export interface Condition {
  /** The expression as the policy wrote it. */
  readonly source: string;
  /** Evaluates the condition with `result` bound; throws {@link ConditionError} when it cannot. */
  evaluate(result: unknown): boolean;
}

/** What the compile-time messages offer instead of what they refuse. */
const ALLOWED =
  'a condition may use result, numbers, strings, true and false, result.field, result[0], result["key"], ' +
  '! and unary -, < <= > >= == != + - * / % && ||, parentheses, and the functions ' +
  'isNaN(x), isInf(x), len(x), default(x, d), abs(x), min(list), max(list), all(list, # < N), any(list, # > N)';

/** The function table: arity and how to call it, for messages. */
const FUNCTIONS = {
  isNaN: { min: 1, max: 1, usage: 'isNaN(result)' },
  isInf: { min: 1, max: 1, usage: 'isInf(result)' },
  len: { min: 1, max: 1, usage: 'len(result)' },
  default: { min: 2, max: 2, usage: 'default(result[0], 0)' },
  abs: { min: 1, max: 1, usage: 'abs(result)' },
  min: { min: 1, max: Number.POSITIVE_INFINITY, usage: 'min(result)' },
  max: { min: 1, max: Number.POSITIVE_INFINITY, usage: 'max(result)' },
  all: { min: 2, max: 2, usage: 'all(result, # < 1000)' },
  any: { min: 2, max: 2, usage: 'any(result, # > 1000)' },
} as const;
type FunctionName = keyof typeof FUNCTIONS;
const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);

type ComparisonOperator = '<' | '<=' | '>' | '>=';
type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
type BinaryOperator = ComparisonOperator | ArithmeticOperator | '==' | '!=';
const BINARY_OPERATORS: ReadonlySet<string> = new Set([
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '+',
  '-',
  '*',
  '/',
  '%',
]);

/** Property names that lead into JavaScript's object model rather than the data. */
const FORBIDDEN_PROPERTIES: ReadonlySet<string> = new Set(['constructor', '__proto__', 'prototype']);

/** The identifier `#` is rewritten to; reserved, so a policy that spells it out is refused. */
const ITEM = '__item';

/** The validated tree the interpreter walks; jsep's AST never reaches evaluation. */
type Node =
  | { readonly kind: 'literal'; readonly value: number | string | boolean }
  | { readonly kind: 'result' }
  /** The element bound by the innermost all/any. */
  | { readonly kind: 'item' }
  | { readonly kind: 'member'; readonly object: Node; readonly property: Node }
  | { readonly kind: 'not'; readonly argument: Node }
  | { readonly kind: 'negate'; readonly argument: Node }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Node; readonly right: Node }
  | { readonly kind: 'logical'; readonly operator: '&&' | '||'; readonly left: Node; readonly right: Node }
  | {
      readonly kind: 'call';
      readonly name: Exclude<FunctionName, 'all' | 'any'>;
      readonly args: readonly Node[];
    }
  | {
      readonly kind: 'quantifier';
      readonly name: 'all' | 'any';
      readonly list: Node;
      readonly predicate: Node;
    };

/**
 * Parses and validates `source`; `where` names the policy field (`analysis.guardrails[0].successCondition`).
 * Throws ConfigurationError naming the field, the 1-based column and what is allowed.
 */
export function compileCondition(source: string, where: string): Condition {
  const refuse = (column: number, message: string): never => {
    throw new ConfigurationError(`${where}: column ${column}: ${message}; ${ALLOWED}`);
  };
  if (source.trim() === '') {
    throw new ConfigurationError(
      `${where}: the condition is empty; write one such as result[0] >= 0.99, or remove the key`,
    );
  }
  const { text, origin } = rewriteItems(source);
  // 1-based column in what the user wrote for an index into the rewritten text.
  const columnOf = (index: number): number => (origin[Math.min(Math.max(index, 0), text.length)] ?? 0) + 1;

  const parser = new SpanningParser(text);
  let tree: jsep.Expression;
  try {
    tree = parser.parse();
  } catch (error) {
    const index =
      error instanceof Error && 'index' in error && typeof error.index === 'number' ? error.index : 0;
    const description =
      error instanceof Error && 'description' in error && typeof error.description === 'string'
        ? error.description
        : String(error);
    return refuse(columnOf(index), `cannot parse the condition (${description})${parseHint(text, index)}`);
  }

  const spans = parser.spans;
  const startOf = (node: jsep.Expression | null | undefined): number => {
    if (!node) return 0;
    const span = spans.get(node);
    if (span) return span[0];
    const child =
      node.left ?? node.test ?? node.object ?? node.callee ?? first(node.body) ?? first(node.expressions);
    return isExpression(child) ? startOf(child) : 0;
  };
  const endOf = (node: jsep.Expression): number => {
    const span = spans.get(node);
    if (span) return span[1];
    const child = node.right ?? node.alternate ?? node.property;
    return isExpression(child) ? endOf(child) : startOf(node);
  };
  // The operator of a binary or conditional node sits between its left operand and its right one.
  const operatorAt = (node: jsep.Expression, operator: string, left: jsep.Expression): number => {
    const found = text.indexOf(operator, endOf(left));
    return found >= 0 ? found : startOf(node);
  };

  const validate = (node: jsep.Expression, predicateDepth: number): Node => {
    switch (node.type) {
      case 'Literal': {
        const value = node.value;
        if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
          return { kind: 'literal', value };
        }
        if (value === null) {
          return refuse(
            columnOf(startOf(node)),
            'null is not allowed (guard missing data with len(result) == 0 or default(x, d))',
          );
        }
        return refuse(columnOf(startOf(node)), 'regular expressions are not allowed');
      }
      case 'Identifier': {
        const name = String(node.name);
        const at = startOf(node);
        if (name === 'result') return { kind: 'result' };
        if (name === ITEM && source[origin[at] ?? -1] === '#') {
          if (predicateDepth > 0) return { kind: 'item' };
          return refuse(columnOf(at), '# is only the element inside all(list, …) or any(list, …)');
        }
        if (name === 'new') return refuse(columnOf(at), '`new` is not allowed');
        if (isFunctionName(name)) {
          return refuse(columnOf(at), `${name} is a function; call it, e.g. ${FUNCTIONS[name].usage}`);
        }
        return refuse(columnOf(at), `unknown name \`${name}\`: the only variable is result`);
      }
      case 'ThisExpression':
        return refuse(columnOf(startOf(node)), '`this` is not allowed');
      case 'MemberExpression': {
        const object = node.object as jsep.Expression;
        const property = node.property as jsep.Expression;
        if (node.optional) {
          return refuse(
            columnOf(text.indexOf('?.', startOf(object))),
            'optional chaining ?. is not allowed (use default(result.field, d))',
          );
        }
        const validObject = validate(object, predicateDepth);
        if (!node.computed) {
          const name = String(property.name);
          if (FORBIDDEN_PROPERTIES.has(name)) {
            return refuse(columnOf(text.indexOf(name, startOf(object))), `\`.${name}\` is not allowed`);
          }
          return { kind: 'member', object: validObject, property: { kind: 'literal', value: name } };
        }
        if (property.type === 'Literal' && FORBIDDEN_PROPERTIES.has(String(property.value))) {
          return refuse(columnOf(startOf(property)), `\`[${String(property.raw)}]\` is not allowed`);
        }
        return { kind: 'member', object: validObject, property: validate(property, predicateDepth) };
      }
      case 'CallExpression': {
        const callee = node.callee as jsep.Expression;
        const args = (node.arguments as jsep.Expression[]) ?? [];
        if (callee.type !== 'Identifier') {
          const method =
            callee.type === 'MemberExpression' && !callee.computed
              ? String((callee.property as jsep.Expression).name)
              : '';
          if (method) {
            return refuse(
              columnOf(text.indexOf(method, startOf(callee.object as jsep.Expression))),
              'only the listed functions can be called, by name; methods cannot',
            );
          }
          // Refuse what is wrong inside the callee first (`Function("…")()`), then the call itself.
          validate(callee, predicateDepth);
          return refuse(columnOf(endOf(callee)), 'only the listed functions can be called, by name');
        }
        const name = String(callee.name);
        if (!isFunctionName(name)) return refuse(columnOf(startOf(callee)), `unknown function \`${name}\``);
        const arity = FUNCTIONS[name];
        if (args.length < arity.min || args.length > arity.max) {
          const wanted = arity.min === arity.max ? `${arity.min}` : `at least ${arity.min}`;
          return refuse(
            columnOf(startOf(callee)),
            `${name} takes ${wanted} argument${arity.max === 1 ? '' : 's'}, got ${args.length} (e.g. ${arity.usage})`,
          );
        }
        if (name === 'all' || name === 'any') {
          const [list, predicate] = args as [jsep.Expression, jsep.Expression];
          const validList = validate(list, predicateDepth);
          if (predicate.type === 'Literal' && typeof predicate.value === 'string') {
            const parsed = parsePredicateString(predicate.value);
            if (!parsed) {
              return refuse(
                columnOf(startOf(predicate)),
                `the predicate string ${String(predicate.raw)} must be "OP NUMBER", e.g. "< 1000"`,
              );
            }
            return { kind: 'quantifier', name, list: validList, predicate: parsed };
          }
          return {
            kind: 'quantifier',
            name,
            list: validList,
            predicate: validate(predicate, predicateDepth + 1),
          };
        }
        return { kind: 'call', name, args: args.map((arg) => validate(arg, predicateDepth)) };
      }
      case 'UnaryExpression': {
        const argument = validate(node.argument as jsep.Expression, predicateDepth);
        if (node.operator === '!') return { kind: 'not', argument };
        if (node.operator === '-') return { kind: 'negate', argument };
        return refuse(columnOf(startOf(node)), `unary ${String(node.operator)} is not allowed`);
      }
      case 'BinaryExpression': {
        const operator = String(node.operator);
        const left = node.left as jsep.Expression;
        const right = node.right as jsep.Expression;
        if (operator === '&&' || operator === '||') {
          return {
            kind: 'logical',
            operator,
            left: validate(left, predicateDepth),
            right: validate(right, predicateDepth),
          };
        }
        if (!BINARY_OPERATORS.has(operator)) {
          const hint =
            operator === '===' || operator === '!=='
              ? ` (write ${operator.slice(0, 2)}: there is no coercion, so it is already strict)`
              : operator === '??'
                ? ' (use default(x, d))'
                : '';
          return refuse(
            columnOf(operatorAt(node, operator, left)),
            `operator ${operator} is not allowed${hint}`,
          );
        }
        return {
          kind: 'binary',
          operator: operator as BinaryOperator,
          left: validate(left, predicateDepth),
          right: validate(right, predicateDepth),
        };
      }
      case 'ConditionalExpression':
        return refuse(
          columnOf(operatorAt(node, '?', node.test as jsep.Expression)),
          'the conditional operator ?: is not allowed (combine with && and ||)',
        );
      case 'ArrayExpression':
        return refuse(columnOf(startOf(node)), 'list literals [...] are not allowed');
      case 'Compound': {
        const body = node.body as jsep.Expression[];
        if (body[0]) validate(body[0], predicateDepth);
        return refuse(
          columnOf(startOf(body[1])),
          'a second expression follows the first (missing operator, or a ; which is not allowed)',
        );
      }
      case 'SequenceExpression':
        return refuse(
          columnOf(startOf((node.expressions as jsep.Expression[])[1])),
          'comma expressions are not allowed',
        );
      default:
        return refuse(columnOf(startOf(node)), `${node.type} is not allowed`);
    }
  };

  const root = validate(tree, 0);
  return {
    source,
    evaluate(result: unknown): boolean {
      const value = evaluateNode(root, result, []);
      if (typeof value === 'boolean') return value;
      if (isNil(value)) throw nilOrEmpty();
      throw new ConditionError('type', `the condition must be true or false, got ${describe(value)}`);
    },
  };
}

/** A number as Prometheus writes it: `NaN`, `+Inf`, `-Inf`, or JavaScript's shortest decimal. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** The jsep parser class; its typings only declare the `jsep()` function. */
interface JsepParserInstance {
  index: number;
  gobbleSpaces(): void;
  gobbleToken(): jsep.Expression | false;
  parse(): jsep.Expression;
}
const JsepParser = (jsep as unknown as { Jsep: new (expr: string) => JsepParserInstance }).Jsep;

/**
 * jsep's AST carries no positions, so this subclass records where each token starts and ends
 * (an instance override, so the shared jsep module and its global hooks stay untouched). Binary
 * nodes are located from their operands; a chain's base (`result` in `result.a[0]`) takes the start
 * of the chain.
 */
class SpanningParser extends JsepParser {
  readonly spans = new Map<jsep.Expression, readonly [start: number, end: number]>();

  override gobbleToken(): jsep.Expression | false {
    this.gobbleSpaces();
    const start = this.index;
    const node = super.gobbleToken();
    if (node && !this.spans.has(node)) {
      this.spans.set(node, [start, this.index]);
      let base = (node.object ?? node.callee) as jsep.Expression | undefined;
      while (base && !this.spans.has(base)) {
        this.spans.set(base, [start, base.type === 'Identifier' ? start + String(base.name).length : start]);
        base = (base.object ?? base.callee) as jsep.Expression | undefined;
      }
    }
    return node;
  }
}

/**
 * Rewrites `#` (outside string literals) to {@link ITEM}; `origin[i]` is the index in `source` of
 * character `i` of the result, with one extra entry for the end.
 */
function rewriteItems(source: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quote) {
      if (char === '\\' && i + 1 < source.length) {
        text += char + source[i + 1];
        origin.push(i, i + 1);
        i++;
        continue;
      }
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#') {
      text += ITEM;
      for (let k = 0; k < ITEM.length; k++) origin.push(i);
      continue;
    }
    text += char;
    origin.push(i);
  }
  origin.push(source.length);
  return { text, origin };
}

/** A hint for the parse errors that forbidden JavaScript syntax produces. */
function parseHint(text: string, index: number): string {
  const char = text[index];
  if (char === '=') {
    return text[index + 1] === '>' ? ': arrow functions are not allowed' : ': assignment is not allowed';
  }
  if (char === '`') return ': template literals are not allowed';
  if (char === '/') return ': regular expressions are not allowed';
  if (char === '{') return ': blocks and object literals are not allowed';
  return '';
}

/** `"< 1000"` → the predicate `__item < 1000`; undefined when the string is not `OP NUMBER`. */
function parsePredicateString(predicate: string): Node | undefined {
  const match = /^\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/.exec(predicate);
  if (!match) return undefined;
  const operand = match[2] as string;
  const special: Readonly<Record<string, number>> = {
    NaN: Number.NaN,
    '+Inf': Number.POSITIVE_INFINITY,
    Inf: Number.POSITIVE_INFINITY,
    '-Inf': Number.NEGATIVE_INFINITY,
  };
  const value = Object.hasOwn(special, operand)
    ? special[operand]
    : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(operand)
      ? Number(operand)
      : undefined;
  if (value === undefined) return undefined;
  return {
    kind: 'binary',
    operator: match[1] as BinaryOperator,
    left: { kind: 'item' },
    right: { kind: 'literal', value },
  };
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

function isExpression(value: unknown): value is jsep.Expression {
  return typeof value === 'object' && value !== null && 'type' in value;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

const isNil = (value: unknown): value is null | undefined => value === undefined || value === null;

const nilOrEmpty = (): ConditionError => new ConditionError('nil-or-empty', 'metric result is nil or empty');

/** A JSON object (what `JSON.parse` builds), whose own properties are the only ones readable. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A value in words for messages; lists get a hint, since `result` from a vector query is one. */
function describe(value: unknown): string {
  if (isNil(value)) return 'nil';
  if (typeof value === 'number') return `the number ${formatNumber(value)}`;
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return `a list of ${value.length} value${value.length === 1 ? '' : 's'} (index it, e.g. result[0])`;
  }
  return 'an object (read a field, e.g. result.value)';
}

function needNumber(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (isNil(value)) throw nilOrEmpty();
  throw new ConditionError('type', `${what} needs a number, got ${describe(value)}`);
}

function needBoolean(value: unknown, what: string): boolean {
  if (typeof value === 'boolean') return value;
  if (isNil(value)) throw nilOrEmpty();
  throw new ConditionError('type', `${what} needs true or false, got ${describe(value)}`);
}

function needList(value: unknown, what: string): readonly unknown[] {
  if (Array.isArray(value)) {
    if (value.length === 0) throw nilOrEmpty();
    return value;
  }
  if (isNil(value)) throw nilOrEmpty();
  throw new ConditionError('type', `${what} needs a list, got ${describe(value)}`);
}

function evaluateNode(node: Node, result: unknown, items: readonly unknown[]): unknown {
  const evaluate = (child: Node): unknown => evaluateNode(child, result, items);
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'result':
      return result;
    case 'item':
      return items[items.length - 1];
    case 'member':
      return readMember(evaluate(node.object), evaluate(node.property));
    case 'not':
      return !needBoolean(evaluate(node.argument), '!');
    case 'negate':
      return -needNumber(evaluate(node.argument), 'unary -');
    case 'logical': {
      const left = needBoolean(evaluate(node.left), node.operator);
      if (node.operator === '&&' ? !left : left) return left;
      return needBoolean(evaluate(node.right), node.operator);
    }
    case 'binary':
      return binary(node.operator, evaluate(node.left), evaluate(node.right));
    case 'quantifier': {
      const list = needList(evaluate(node.list), node.name);
      const wanted = node.name === 'any';
      for (const item of list) {
        const verdict = needBoolean(
          evaluateNode(node.predicate, result, [...items, item]),
          `${node.name}'s predicate`,
        );
        if (verdict === wanted) return wanted;
      }
      return !wanted;
    }
    case 'call':
      return call(node.name, node.args, evaluate);
  }
}

function readMember(target: unknown, key: unknown): unknown {
  if (isNil(target)) throw nilOrEmpty();
  if (Array.isArray(target)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) {
      throw new ConditionError('type', `a list is indexed by a whole number, got ${describe(key)}`);
    }
    if (target.length === 0) throw nilOrEmpty();
    const index = key < 0 ? target.length + key : key;
    if (index < 0 || index >= target.length) {
      throw new ConditionError(
        'out-of-range',
        `index ${key} is out of range: the result has ${target.length} value${target.length === 1 ? '' : 's'}`,
      );
    }
    return target[index];
  }
  if (isPlainObject(target) && (typeof key === 'string' || typeof key === 'number')) {
    const name = String(key);
    // Own properties only: `result.toString` is nil, never Object.prototype.toString.
    return Object.hasOwn(target, name) ? target[name] : undefined;
  }
  throw new ConditionError('type', `cannot read ${describe(key)} of ${describe(target)}`);
}

function binary(operator: BinaryOperator, left: unknown, right: unknown): unknown {
  if (operator === '==' || operator === '!=') {
    const equal = isEqual(left, right);
    return operator === '==' ? equal : !equal;
  }
  if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') {
    if (
      (typeof left === 'number' && typeof right === 'number') ||
      (typeof left === 'string' && typeof right === 'string')
    ) {
      return compare(operator, left, right);
    }
    if (isNil(left) || isNil(right)) throw nilOrEmpty();
    throw new ConditionError(
      'type',
      `${operator} compares two numbers or two strings, got ${describe(left)} and ${describe(right)}`,
    );
  }
  if (operator === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  const a = needNumber(left, operator);
  const b = needNumber(right, operator);
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
  }
}

function compare<T extends number | string>(operator: ComparisonOperator, a: T, b: T): boolean {
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** `==` without coercion: nil equals only nil, values of different types are unequal, NaN ≠ NaN. */
function isEqual(left: unknown, right: unknown): boolean {
  if (isNil(left) || isNil(right)) return isNil(left) && isNil(right);
  const scalar = (value: unknown) => ['number', 'string', 'boolean'].includes(typeof value);
  if (scalar(left) && scalar(right)) return left === right;
  throw new ConditionError(
    'type',
    `== compares numbers, strings and true/false, got ${describe(left)} and ${describe(right)}`,
  );
}

function call(
  name: Exclude<FunctionName, 'all' | 'any'>,
  args: readonly Node[],
  evaluate: (node: Node) => unknown,
): unknown {
  const [firstArg, secondArg] = args as [Node, Node | undefined];
  switch (name) {
    case 'isNaN':
      return Number.isNaN(needNumber(evaluate(firstArg), 'isNaN'));
    case 'isInf':
      return Math.abs(needNumber(evaluate(firstArg), 'isInf')) === Number.POSITIVE_INFINITY;
    case 'abs':
      return Math.abs(needNumber(evaluate(firstArg), 'abs'));
    case 'len': {
      const value = evaluate(firstArg);
      if (isNil(value)) return 0;
      if (Array.isArray(value) || typeof value === 'string') return value.length;
      if (isPlainObject(value)) return Object.keys(value).length;
      throw new ConditionError('type', `len needs a list, a string or an object, got ${describe(value)}`);
    }
    case 'default': {
      try {
        const value = evaluate(firstArg);
        if (!isNil(value)) return value;
      } catch (error) {
        if (!(error instanceof ConditionError) || error.kind === 'type') throw error;
      }
      return evaluate(secondArg as Node);
    }
    case 'min':
    case 'max': {
      const values =
        args.length === 1
          ? needList(evaluate(firstArg), name).map((value) => needNumber(value, name))
          : args.map((arg) => needNumber(evaluate(arg), name));
      return name === 'min' ? Math.min(...values) : Math.max(...values);
    }
  }
}
