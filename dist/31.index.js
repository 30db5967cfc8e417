export const id = 31;
export const ids = [31];
export const modules = {

/***/ 10399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   iG: () => (/* binding */ ConditionError),
/* harmony export */   vs: () => (/* binding */ compileCondition)
/* harmony export */ });
/* harmony import */ var jsep__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79506);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
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


/** A condition met a value it cannot judge: the measurement is an error, not a pass or a failure. */
class ConditionError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'ConditionError';
    }
}
/** What the compile-time messages offer instead of what they refuse. */
const ALLOWED = 'a condition may use result, numbers, strings, true and false, result.field, result[0], result["key"], ' +
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
};
const isFunctionName = (name) => Object.hasOwn(FUNCTIONS, name);
const BINARY_OPERATORS = new Set([
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
const FORBIDDEN_PROPERTIES = new Set(['constructor', '__proto__', 'prototype']);
/** The identifier `#` is rewritten to; reserved, so a policy that spells it out is refused. */
const ITEM = '__item';
/**
 * Parses and validates `source`; `where` names the policy field (`analysis.guardrails[0].successCondition`).
 * Throws ConfigurationError naming the field, the 1-based column and what is allowed.
 */
function compileCondition(source, where) {
    const refuse = (column, message) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${where}: column ${column}: ${message}; ${ALLOWED}`);
    };
    if (source.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${where}: the condition is empty; write one such as result[0] >= 0.99, or remove the key`);
    }
    const { text, origin } = rewriteItems(source);
    // 1-based column in what the user wrote for an index into the rewritten text.
    const columnOf = (index) => (origin[Math.min(Math.max(index, 0), text.length)] ?? 0) + 1;
    const parser = new SpanningParser(text);
    let tree;
    try {
        tree = parser.parse();
    }
    catch (error) {
        const index = error instanceof Error && 'index' in error && typeof error.index === 'number' ? error.index : 0;
        const description = error instanceof Error && 'description' in error && typeof error.description === 'string'
            ? error.description
            : String(error);
        return refuse(columnOf(index), `cannot parse the condition (${description})${parseHint(text, index)}`);
    }
    const spans = parser.spans;
    const startOf = (node) => {
        if (!node)
            return 0;
        const span = spans.get(node);
        if (span)
            return span[0];
        const child = node.left ?? node.test ?? node.object ?? node.callee ?? first(node.body) ?? first(node.expressions);
        return isExpression(child) ? startOf(child) : 0;
    };
    const endOf = (node) => {
        const span = spans.get(node);
        if (span)
            return span[1];
        const child = node.right ?? node.alternate ?? node.property;
        return isExpression(child) ? endOf(child) : startOf(node);
    };
    // The operator of a binary or conditional node sits between its left operand and its right one.
    const operatorAt = (node, operator, left) => {
        const found = text.indexOf(operator, endOf(left));
        return found >= 0 ? found : startOf(node);
    };
    const validate = (node, predicateDepth) => {
        switch (node.type) {
            case 'Literal': {
                const value = node.value;
                if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
                    return { kind: 'literal', value };
                }
                if (value === null) {
                    return refuse(columnOf(startOf(node)), 'null is not allowed (guard missing data with len(result) == 0 or default(x, d))');
                }
                return refuse(columnOf(startOf(node)), 'regular expressions are not allowed');
            }
            case 'Identifier': {
                const name = String(node.name);
                const at = startOf(node);
                if (name === 'result')
                    return { kind: 'result' };
                if (name === ITEM && source[origin[at] ?? -1] === '#') {
                    if (predicateDepth > 0)
                        return { kind: 'item' };
                    return refuse(columnOf(at), '# is only the element inside all(list, …) or any(list, …)');
                }
                if (name === 'new')
                    return refuse(columnOf(at), '`new` is not allowed');
                if (isFunctionName(name)) {
                    return refuse(columnOf(at), `${name} is a function; call it, e.g. ${FUNCTIONS[name].usage}`);
                }
                return refuse(columnOf(at), `unknown name \`${name}\`: the only variable is result`);
            }
            case 'ThisExpression':
                return refuse(columnOf(startOf(node)), '`this` is not allowed');
            case 'MemberExpression': {
                const object = node.object;
                const property = node.property;
                if (node.optional) {
                    return refuse(columnOf(text.indexOf('?.', startOf(object))), 'optional chaining ?. is not allowed (use default(result.field, d))');
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
                const callee = node.callee;
                const args = node.arguments ?? [];
                if (callee.type !== 'Identifier') {
                    const method = callee.type === 'MemberExpression' && !callee.computed
                        ? String(callee.property.name)
                        : '';
                    if (method) {
                        return refuse(columnOf(text.indexOf(method, startOf(callee.object))), 'only the listed functions can be called, by name; methods cannot');
                    }
                    // Refuse what is wrong inside the callee first (`Function("…")()`), then the call itself.
                    validate(callee, predicateDepth);
                    return refuse(columnOf(endOf(callee)), 'only the listed functions can be called, by name');
                }
                const name = String(callee.name);
                if (!isFunctionName(name))
                    return refuse(columnOf(startOf(callee)), `unknown function \`${name}\``);
                const arity = FUNCTIONS[name];
                if (args.length < arity.min || args.length > arity.max) {
                    const wanted = arity.min === arity.max ? `${arity.min}` : `at least ${arity.min}`;
                    return refuse(columnOf(startOf(callee)), `${name} takes ${wanted} argument${arity.max === 1 ? '' : 's'}, got ${args.length} (e.g. ${arity.usage})`);
                }
                if (name === 'all' || name === 'any') {
                    const [list, predicate] = args;
                    const validList = validate(list, predicateDepth);
                    if (predicate.type === 'Literal' && typeof predicate.value === 'string') {
                        const parsed = parsePredicateString(predicate.value);
                        if (!parsed) {
                            return refuse(columnOf(startOf(predicate)), `the predicate string ${String(predicate.raw)} must be "OP NUMBER", e.g. "< 1000"`);
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
                const argument = validate(node.argument, predicateDepth);
                if (node.operator === '!')
                    return { kind: 'not', argument };
                if (node.operator === '-')
                    return { kind: 'negate', argument };
                return refuse(columnOf(startOf(node)), `unary ${String(node.operator)} is not allowed`);
            }
            case 'BinaryExpression': {
                const operator = String(node.operator);
                const left = node.left;
                const right = node.right;
                if (operator === '&&' || operator === '||') {
                    return {
                        kind: 'logical',
                        operator,
                        left: validate(left, predicateDepth),
                        right: validate(right, predicateDepth),
                    };
                }
                if (!BINARY_OPERATORS.has(operator)) {
                    const hint = operator === '===' || operator === '!=='
                        ? ` (write ${operator.slice(0, 2)}: there is no coercion, so it is already strict)`
                        : operator === '??'
                            ? ' (use default(x, d))'
                            : '';
                    return refuse(columnOf(operatorAt(node, operator, left)), `operator ${operator} is not allowed${hint}`);
                }
                return {
                    kind: 'binary',
                    operator: operator,
                    left: validate(left, predicateDepth),
                    right: validate(right, predicateDepth),
                };
            }
            case 'ConditionalExpression':
                return refuse(columnOf(operatorAt(node, '?', node.test)), 'the conditional operator ?: is not allowed (combine with && and ||)');
            case 'ArrayExpression':
                return refuse(columnOf(startOf(node)), 'list literals [...] are not allowed');
            case 'Compound': {
                const body = node.body;
                if (body[0])
                    validate(body[0], predicateDepth);
                return refuse(columnOf(startOf(body[1])), 'a second expression follows the first (missing operator, or a ; which is not allowed)');
            }
            case 'SequenceExpression':
                return refuse(columnOf(startOf(node.expressions[1])), 'comma expressions are not allowed');
            default:
                return refuse(columnOf(startOf(node)), `${node.type} is not allowed`);
        }
    };
    const root = validate(tree, 0);
    return {
        source,
        evaluate(result) {
            const value = evaluateNode(root, result, []);
            if (typeof value === 'boolean')
                return value;
            if (isNil(value))
                throw nilOrEmpty();
            throw new ConditionError('type', `the condition must be true or false, got ${describe(value)}`);
        },
    };
}
/** A number as Prometheus writes it: `NaN`, `+Inf`, `-Inf`, or JavaScript's shortest decimal. */
function formatNumber(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Number.POSITIVE_INFINITY)
        return '+Inf';
    if (value === Number.NEGATIVE_INFINITY)
        return '-Inf';
    return String(value);
}
const JsepParser = jsep__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Jsep */ .A.Jsep;
/**
 * jsep's AST carries no positions, so this subclass records where each token starts and ends
 * (an instance override, so the shared jsep module and its global hooks stay untouched). Binary
 * nodes are located from their operands; a chain's base (`result` in `result.a[0]`) takes the start
 * of the chain.
 */
class SpanningParser extends JsepParser {
    spans = new Map();
    gobbleToken() {
        this.gobbleSpaces();
        const start = this.index;
        const node = super.gobbleToken();
        if (node && !this.spans.has(node)) {
            this.spans.set(node, [start, this.index]);
            let base = (node.object ?? node.callee);
            while (base && !this.spans.has(base)) {
                this.spans.set(base, [start, base.type === 'Identifier' ? start + String(base.name).length : start]);
                base = (base.object ?? base.callee);
            }
        }
        return node;
    }
}
/**
 * Rewrites `#` (outside string literals) to {@link ITEM}; `origin[i]` is the index in `source` of
 * character `i` of the result, with one extra entry for the end.
 */
function rewriteItems(source) {
    let text = '';
    const origin = [];
    let quote;
    for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (quote) {
            if (char === '\\' && i + 1 < source.length) {
                text += char + source[i + 1];
                origin.push(i, i + 1);
                i++;
                continue;
            }
            if (char === quote)
                quote = undefined;
        }
        else if (char === '"' || char === "'") {
            quote = char;
        }
        else if (char === '#') {
            text += ITEM;
            for (let k = 0; k < ITEM.length; k++)
                origin.push(i);
            continue;
        }
        text += char;
        origin.push(i);
    }
    origin.push(source.length);
    return { text, origin };
}
/** A hint for the parse errors that forbidden JavaScript syntax produces. */
function parseHint(text, index) {
    const char = text[index];
    if (char === '=') {
        return text[index + 1] === '>' ? ': arrow functions are not allowed' : ': assignment is not allowed';
    }
    if (char === '`')
        return ': template literals are not allowed';
    if (char === '/')
        return ': regular expressions are not allowed';
    if (char === '{')
        return ': blocks and object literals are not allowed';
    return '';
}
/** `"< 1000"` → the predicate `__item < 1000`; undefined when the string is not `OP NUMBER`. */
function parsePredicateString(predicate) {
    const match = /^\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/.exec(predicate);
    if (!match)
        return undefined;
    const operand = match[2];
    const special = {
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
    if (value === undefined)
        return undefined;
    return {
        kind: 'binary',
        operator: match[1],
        left: { kind: 'item' },
        right: { kind: 'literal', value },
    };
}
function first(value) {
    return Array.isArray(value) ? value[0] : undefined;
}
function isExpression(value) {
    return typeof value === 'object' && value !== null && 'type' in value;
}
// ---------------------------------------------------------------------------------------------
// Evaluation
const isNil = (value) => value === undefined || value === null;
const nilOrEmpty = () => new ConditionError('nil-or-empty', 'metric result is nil or empty');
/** A JSON object (what `JSON.parse` builds), whose own properties are the only ones readable. */
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
/** A value in words for messages; lists get a hint, since `result` from a vector query is one. */
function describe(value) {
    if (isNil(value))
        return 'nil';
    if (typeof value === 'number')
        return `the number ${formatNumber(value)}`;
    if (typeof value === 'string') {
        return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    }
    if (typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value)) {
        return `a list of ${value.length} value${value.length === 1 ? '' : 's'} (index it, e.g. result[0])`;
    }
    return 'an object (read a field, e.g. result.value)';
}
function needNumber(value, what) {
    if (typeof value === 'number')
        return value;
    if (isNil(value))
        throw nilOrEmpty();
    throw new ConditionError('type', `${what} needs a number, got ${describe(value)}`);
}
function needBoolean(value, what) {
    if (typeof value === 'boolean')
        return value;
    if (isNil(value))
        throw nilOrEmpty();
    throw new ConditionError('type', `${what} needs true or false, got ${describe(value)}`);
}
function needList(value, what) {
    if (Array.isArray(value)) {
        if (value.length === 0)
            throw nilOrEmpty();
        return value;
    }
    if (isNil(value))
        throw nilOrEmpty();
    throw new ConditionError('type', `${what} needs a list, got ${describe(value)}`);
}
function evaluateNode(node, result, items) {
    const evaluate = (child) => evaluateNode(child, result, items);
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
            if (node.operator === '&&' ? !left : left)
                return left;
            return needBoolean(evaluate(node.right), node.operator);
        }
        case 'binary':
            return binary(node.operator, evaluate(node.left), evaluate(node.right));
        case 'quantifier': {
            const list = needList(evaluate(node.list), node.name);
            const wanted = node.name === 'any';
            for (const item of list) {
                const verdict = needBoolean(evaluateNode(node.predicate, result, [...items, item]), `${node.name}'s predicate`);
                if (verdict === wanted)
                    return wanted;
            }
            return !wanted;
        }
        case 'call':
            return call(node.name, node.args, evaluate);
    }
}
function readMember(target, key) {
    if (isNil(target))
        throw nilOrEmpty();
    if (Array.isArray(target)) {
        if (typeof key !== 'number' || !Number.isInteger(key)) {
            throw new ConditionError('type', `a list is indexed by a whole number, got ${describe(key)}`);
        }
        if (target.length === 0)
            throw nilOrEmpty();
        const index = key < 0 ? target.length + key : key;
        if (index < 0 || index >= target.length) {
            throw new ConditionError('out-of-range', `index ${key} is out of range: the result has ${target.length} value${target.length === 1 ? '' : 's'}`);
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
function binary(operator, left, right) {
    if (operator === '==' || operator === '!=') {
        const equal = isEqual(left, right);
        return operator === '==' ? equal : !equal;
    }
    if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') {
        if ((typeof left === 'number' && typeof right === 'number') ||
            (typeof left === 'string' && typeof right === 'string')) {
            return compare(operator, left, right);
        }
        if (isNil(left) || isNil(right))
            throw nilOrEmpty();
        throw new ConditionError('type', `${operator} compares two numbers or two strings, got ${describe(left)} and ${describe(right)}`);
    }
    if (operator === '+' && typeof left === 'string' && typeof right === 'string')
        return left + right;
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
function compare(operator, a, b) {
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
function isEqual(left, right) {
    if (isNil(left) || isNil(right))
        return isNil(left) && isNil(right);
    const scalar = (value) => ['number', 'string', 'boolean'].includes(typeof value);
    if (scalar(left) && scalar(right))
        return left === right;
    throw new ConditionError('type', `== compares numbers, strings and true/false, got ${describe(left)} and ${describe(right)}`);
}
function call(name, args, evaluate) {
    const [firstArg, secondArg] = args;
    switch (name) {
        case 'isNaN':
            return Number.isNaN(needNumber(evaluate(firstArg), 'isNaN'));
        case 'isInf':
            return Math.abs(needNumber(evaluate(firstArg), 'isInf')) === Number.POSITIVE_INFINITY;
        case 'abs':
            return Math.abs(needNumber(evaluate(firstArg), 'abs'));
        case 'len': {
            const value = evaluate(firstArg);
            if (isNil(value))
                return 0;
            if (Array.isArray(value) || typeof value === 'string')
                return value.length;
            if (isPlainObject(value))
                return Object.keys(value).length;
            throw new ConditionError('type', `len needs a list, a string or an object, got ${describe(value)}`);
        }
        case 'default': {
            try {
                const value = evaluate(firstArg);
                if (!isNil(value))
                    return value;
            }
            catch (error) {
                if (!(error instanceof ConditionError) || error.kind === 'type')
                    throw error;
            }
            return evaluate(secondArg);
        }
        case 'min':
        case 'max': {
            const values = args.length === 1
                ? needList(evaluate(firstArg), name).map((value) => needNumber(value, name))
                : args.map((arg) => needNumber(evaluate(arg), name));
            return name === 'min' ? Math.min(...values) : Math.max(...values);
        }
    }
}


/***/ }),

/***/ 97840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ Duration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
/** A length of time parsed once at the boundary ("90s", "15m", "24h", "7d"). */
class Duration {
    milliseconds;
    constructor(milliseconds) {
        this.milliseconds = milliseconds;
    }
    /** Parses `text`; `field` names where it came from for the error message. */
    static parse(text, field = 'duration') {
        const match = DURATION.exec(text.trim());
        if (!match) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${text}" is not a duration; write a number and a unit, e.g. 90s, 15m, 24h or 7d`);
        }
        return new Duration(Number(match[1]) * UNIT_MS[match[2]]);
    }
    static ofMilliseconds(ms) {
        if (!Number.isFinite(ms) || ms < 0)
            throw new RangeError(`duration must be a non-negative number, got ${ms}`);
        return new Duration(ms);
    }
    /** The largest whole unit that divides the duration exactly ("36h", "2d"). */
    toString() {
        for (const unit of ['w', 'd', 'h', 'm', 's']) {
            if (this.milliseconds >= UNIT_MS[unit] && this.milliseconds % UNIT_MS[unit] === 0) {
                return `${this.milliseconds / UNIT_MS[unit]}${unit}`;
            }
        }
        return `${this.milliseconds}ms`;
    }
}


/***/ }),

/***/ 28031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mY: () => (/* binding */ DEFAULT_POLICY_FILE),
  pn: () => (/* binding */ PolicyError),
  tb: () => (/* binding */ loadPolicy)
});

// UNUSED EXPORTS: defaultPolicy, formatProblem, parsePolicy, policySchema

// EXTERNAL MODULE: ./src/analysis/condition.ts
var condition = __webpack_require__(10399);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
;// CONCATENATED MODULE: ./src/config/analysis-section.ts
/**
 * The `analysis:` section of the policy: its validated input shape, the rules the schema cannot
 * express, and the typed form the engine reads. Conditions are compiled here, at load time, so a
 * typo in `result >= 0.99` is a `FILE:LINE:COL` error before any rollout starts, not a failed step.
 */



/** Default canary requests before a pass when `counts` is configured ("Decision layer — ship" item 2). */
const DEFAULT_MIN_SAMPLES = 500;
/** Which provider kinds each provider key applies to (the rest are mistakes worth naming). */
const PROVIDER_KEYS = {
    address: ['prometheus', 'datadog', 'newrelic'],
    tokenEnv: ['prometheus'],
    username: ['prometheus'],
    passwordEnv: ['prometheus'],
    site: ['datadog'],
    apiKeyEnv: ['datadog', 'newrelic'],
    applicationKeyEnv: ['datadog'],
    api: ['datadog'],
    accountId: ['newrelic'],
    region: ['newrelic'],
    valueKey: ['newrelic'],
    method: ['web'],
    body: ['web'],
    jsonPath: ['web'],
};
/** Rules the schema cannot express. */
function checkAnalysis(input) {
    const problems = [];
    const provider = input.provider;
    for (const [key, kinds] of Object.entries(PROVIDER_KEYS)) {
        const present = provider[key] !== undefined;
        if (present && !kinds.includes(provider.kind)) {
            problems.push({
                path: ['analysis', 'provider', key],
                at: 'key',
                message: `applies only to provider kind ${kinds.join(' or ')}, not ${provider.kind}; delete it`,
            });
        }
    }
    if (provider.kind === 'prometheus' && provider.address === undefined) {
        problems.push({
            path: ['analysis', 'provider'],
            at: 'value',
            message: 'kind prometheus needs address, e.g. address: http://prometheus.monitoring:9090',
        });
    }
    if (provider.kind === 'newrelic' && provider.accountId === undefined) {
        problems.push({
            path: ['analysis', 'provider'],
            at: 'value',
            message: 'kind newrelic needs accountId, the account the NRQL runs in, e.g. accountId: 1234567',
        });
    }
    if ((provider.username === undefined) !== (provider.passwordEnv === undefined)) {
        problems.push({
            path: ['analysis', 'provider', provider.username === undefined ? 'passwordEnv' : 'username'],
            at: 'key',
            message: 'basic authentication needs both username and passwordEnv',
        });
    }
    if (provider.tokenEnv !== undefined && provider.username !== undefined) {
        problems.push({
            path: ['analysis', 'provider', 'tokenEnv'],
            at: 'key',
            message: 'choose one authentication: tokenEnv (bearer) or username + passwordEnv (basic)',
        });
    }
    if (provider.kind === 'web') {
        if ((provider.method ?? 'GET') === 'GET' && provider.body !== undefined) {
            problems.push({
                path: ['analysis', 'provider', provider.method === undefined ? 'body' : 'method'],
                at: 'value',
                message: 'a GET request has no body; set method: POST or PUT, or delete the body',
            });
        }
    }
    if (input.minSamples !== undefined && input.counts === undefined) {
        problems.push({
            path: ['analysis', 'minSamples'],
            at: 'key',
            message: 'needs analysis.counts (requests and errors queries) to count canary requests; add counts or delete minSamples',
        });
    }
    const scoring = input.scoring;
    if (scoring && scoring.marginal > scoring.pass) {
        problems.push({
            path: ['analysis', 'scoring', 'marginal'],
            at: 'value',
            message: `must not exceed pass (${scoring.pass}); Kayenta's defaults are pass 95, marginal 75`,
        });
    }
    const weights = Object.values(scoring?.groups ?? {}).reduce((sum, weight) => sum + weight, 0);
    if (weights > 100) {
        problems.push({
            path: ['analysis', 'scoring', 'groups'],
            at: 'value',
            message: `group weights sum to ${weights}; they must total at most 100`,
        });
    }
    const names = new Map();
    input.guardrails.forEach((guard, index) => {
        const at = (key) => ['analysis', 'guardrails', index, key];
        const earlier = names.get(guard.name);
        if (earlier !== undefined) {
            problems.push({
                path: at('name'),
                at: 'value',
                message: `"${guard.name}" is also analysis.guardrails[${earlier}]'s name; give each guardrail its own`,
            });
        }
        else
            names.set(guard.name, index);
        const judged = [
            guard.min,
            guard.max,
            guard.successCondition,
            guard.failureCondition,
            guard.compare,
            guard.history,
        ];
        if (judged.every((part) => part === undefined)) {
            problems.push({
                path: ['analysis', 'guardrails', index],
                at: 'value',
                message: 'judges nothing; add min, max, successCondition, failureCondition, compare or history',
            });
        }
        if (guard.agreement === 'majority' && guard.repeat < 2) {
            problems.push({
                path: at('agreement'),
                at: 'key',
                message: 'a majority needs repeat of at least 2 (3 for a strict majority to mean something)',
            });
        }
        if (guard.min !== undefined && guard.max !== undefined && guard.min > guard.max) {
            problems.push({
                path: at('min'),
                at: 'value',
                message: `is above max (${guard.max}); no value could pass`,
            });
        }
        for (const key of ['successCondition', 'failureCondition']) {
            const source = guard[key];
            if (source === undefined)
                continue;
            try {
                (0,condition/* compileCondition */.vs)(source, key);
            }
            catch (error) {
                if (!(error instanceof errors/* GlidepathError */.HT))
                    throw error;
                // The location goes in front; keep the grammar's own "column N: …".
                problems.push({ path: at(key), at: 'value', message: error.message.replace(`${key}: `, '') });
            }
        }
        if (guard.compare?.test === 'msprt' && input.counts === undefined) {
            problems.push({
                path: at('compare'),
                at: 'value',
                message: 'test msprt compares cumulative error counts; add analysis.counts with requests and errors queries',
            });
        }
    });
    const groups = new Set(input.guardrails.flatMap((guard) => guard.compare?.test === 'mann-whitney' ? [guard.compare.group] : []));
    for (const group of Object.keys(scoring?.groups ?? {})) {
        if (!groups.has(group)) {
            problems.push({
                path: ['analysis', 'scoring', 'groups', group],
                at: 'key',
                message: `no mann-whitney guardrail is in group "${group}"; set compare.group on one, or delete the weight`,
            });
        }
    }
    return problems;
}
/** The typed section. */
function buildAnalysis(input) {
    const field = (name) => `analysis.${name}`;
    const interval = duration/* Duration */.d.parse(input.interval, field('interval'));
    const { timeout, ...provider } = input.provider;
    return {
        provider: {
            ...provider,
            headers: provider.headers ?? {},
            headersFromEnv: provider.headersFromEnv ?? {},
            site: provider.site ?? 'datadoghq.com',
            api: provider.api ?? 'v2',
            region: provider.region ?? 'us',
            method: provider.method ?? 'GET',
            jsonPath: provider.jsonPath ?? '{$}',
            timeout: duration/* Duration */.d.parse(timeout, field('provider.timeout')),
        },
        args: input.args ?? {},
        interval,
        window: duration/* Duration */.d.parse(input.window, field('window')),
        warmup: duration/* Duration */.d.parse(input.warmup, field('warmup')),
        metricLag: duration/* Duration */.d.parse(input.metricLag, field('metricLag')),
        minSamples: input.minSamples ?? (input.counts ? DEFAULT_MIN_SAMPLES : 0),
        maxExtension: duration/* Duration */.d.parse(input.maxExtension, field('maxExtension')),
        ...(input.counts ? { counts: input.counts } : {}),
        guardrails: input.guardrails.map((guard, index) => buildGuardrail(guard, index, interval)),
        scoring: {
            pass: input.scoring?.pass ?? 95,
            marginal: input.scoring?.marginal ?? 75,
            minPoints: input.scoring?.minPoints ?? 50,
            groups: input.scoring?.groups ?? {},
        },
        ...(input.slo
            ? {
                slo: {
                    objective: input.slo.objective,
                    errorRatio: input.slo.errorRatio,
                    ...(input.slo.budgetErrorRatio ? { budgetErrorRatio: input.slo.budgetErrorRatio } : {}),
                    period: duration/* Duration */.d.parse(input.slo.period, field('slo.period')),
                    freezeWhenExhausted: input.slo.freezeWhenExhausted,
                },
            }
            : {}),
    };
}
function buildGuardrail(guard, index, interval) {
    const where = (key) => `analysis.guardrails[${index}].${key}`;
    const compare = guard.compare === undefined
        ? undefined
        : guard.compare.test === 'mann-whitney'
            ? { ...guard.compare, step: duration/* Duration */.d.parse(guard.compare.step, where('compare.step')) }
            : guard.compare;
    const optional = (key, value) => (value === undefined ? {} : { [key]: value });
    return {
        name: guard.name,
        query: guard.query,
        ...optional('min', guard.min),
        ...optional('max', guard.max),
        ...optional('successCondition', guard.successCondition),
        ...optional('failureCondition', guard.failureCondition),
        ...optional('compare', compare),
        limits: {
            failureLimit: guard.failureLimit,
            inconclusiveLimit: guard.inconclusiveLimit,
            consecutiveErrorLimit: guard.consecutiveErrorLimit,
            consecutiveSuccessLimit: guard.consecutiveSuccessLimit,
            ...optional('count', guard.count),
            interval: guard.interval ? duration/* Duration */.d.parse(guard.interval, where('interval')) : interval,
            initialDelay: guard.initialDelay
                ? duration/* Duration */.d.parse(guard.initialDelay, where('initialDelay'))
                : duration/* Duration */.d.ofMilliseconds(0),
        },
        dryRun: guard.dryRun,
        repeat: guard.repeat,
        agreement: guard.agreement,
        ...optional('history', guard.history),
    };
}

;// CONCATENATED MODULE: ./src/config/exposure-section.ts
/**
 * The `exposure:` and `rollback:` sections: steps (explicit or by risk tier), bake, limits, the
 * reconcile wait, and the reversal order. Both are always present (the schema defaults them), so a
 * policy with neither rolls out 1 → 5 → 25 → 50 → 100 with 10-minute bakes. A blue-green rollout, a
 * mirror step and a header-route step are a leading step at weight 0 (the canary serves no user
 * there, or only those who ask for it).
 */

/** Steps per risk tier: the more risk, the smaller the first exposures and the more of them. */
const TIER_STEPS = {
    low: [10, 50, 100],
    standard: [1, 5, 25, 50, 100],
    high: [1, 2, 5, 10, 25, 50, 75, 100],
};
/** Rules the schema cannot express. */
function checkExposure(input) {
    const problems = [];
    const steps = input.steps;
    if (steps) {
        steps.forEach((step, index) => {
            if (index > 0 && step <= steps[index - 1]) {
                problems.push({
                    path: ['exposure', 'steps', index],
                    at: 'value',
                    message: `${step} does not grow from ${steps[index - 1]}; list the percentages in increasing order`,
                });
            }
        });
        if (steps.at(-1) !== 100) {
            problems.push({
                path: ['exposure', 'steps'],
                at: 'value',
                message: 'must end at 100: the last step is the promotion (e.g. [1, 5, 25, 50, 100])',
            });
        }
    }
    if (input.strategy === 'blueGreen') {
        for (const key of ['steps', 'mirror', 'headerRoute']) {
            if (input[key] !== undefined) {
                problems.push({
                    path: ['exposure', key],
                    at: 'key',
                    message: `does not apply to strategy blueGreen (preview at 0%, then switch to 100%); remove it, or use strategy canary`,
                });
            }
        }
    }
    if (input.handoff) {
        const stepping = {
            steps: input.steps,
            mirror: input.mirror,
            headerRoute: input.headerRoute,
            adaptive: input.adaptive || undefined,
        };
        for (const [key, value] of Object.entries(stepping)) {
            if (value !== undefined) {
                problems.push({
                    path: ['exposure', key],
                    at: 'key',
                    message: `does not apply with exposure.handoff (${input.handoff.controller} steps the traffic); remove it, or remove handoff`,
                });
            }
        }
        if (input.strategy !== 'canary') {
            problems.push({
                path: ['exposure', 'strategy'],
                at: 'key',
                message: `does not apply with exposure.handoff (${input.handoff.controller} steps the traffic); remove it, or remove handoff`,
            });
        }
    }
    if (input.mirror !== undefined && input.headerRoute !== undefined) {
        problems.push({
            path: ['exposure', 'headerRoute'],
            at: 'key',
            message: 'cannot come with mirror: each is a first step at weight 0 and a rollout has one; keep one of them',
        });
    }
    const reconcile = input.reconcile;
    const needs = {
        http: { url: 'the status endpoint that names the applied commit or weight' },
        argocd: {
            server: "Argo CD's base URL",
            application: 'the Application that syncs this repository',
            tokenEnv: 'the environment variable holding an Argo CD API token',
        },
    };
    for (const [key, what] of Object.entries((reconcile && needs[reconcile.wait]) ?? {})) {
        if (reconcile?.[key] === undefined) {
            problems.push({
                path: ['exposure', 'reconcile'],
                at: 'value',
                message: `wait ${reconcile?.wait} needs ${key}, ${what}`,
            });
        }
    }
    return problems;
}
/** The typed section. */
function buildExposure(input) {
    const weights = input.steps ?? [...TIER_STEPS[input.tier]];
    return {
        tier: input.tier,
        strategy: input.strategy,
        // The preview (blueGreen), the mirror step and the header-route step are a leading step at weight 0.
        steps: input.strategy === 'blueGreen'
            ? [0, 100]
            : input.mirror !== undefined || input.headerRoute !== undefined
                ? [0, ...weights]
                : weights,
        ...(input.mirror === undefined ? {} : { mirror: input.mirror }),
        ...(input.headerRoute === undefined ? {} : { headerRoute: { ...input.headerRoute } }),
        adaptive: input.adaptive,
        ...(input.handoff
            ? {
                handoff: {
                    ...input.handoff,
                    interval: duration/* Duration */.d.parse(input.handoff.interval, 'exposure.handoff.interval'),
                    timeout: duration/* Duration */.d.parse(input.handoff.timeout, 'exposure.handoff.timeout'),
                },
            }
            : {}),
        bake: duration/* Duration */.d.parse(input.bake, 'exposure.bake'),
        maxDuration: duration/* Duration */.d.parse(input.maxDuration, 'exposure.maxDuration'),
        onInconclusive: input.onInconclusive,
        reconcile: buildReconcile(input.reconcile ?? { wait: 'delay', delay: '30s', timeout: '15m' }),
    };
}
/** Default look intervals per wait: GitHub's API is spared more than a status page. */
const RECONCILE_INTERVAL = {
    delay: '1s',
    http: '1s',
    'deployment-status': '10s',
    argocd: '10s',
};
/** The typed reconcile wait (checkExposure has made sure each wait has what it needs). */
function buildReconcile(input) {
    const timeout = duration/* Duration */.d.parse(input.timeout, 'exposure.reconcile.timeout');
    const interval = duration/* Duration */.d.parse(input.interval ?? RECONCILE_INTERVAL[input.wait], 'exposure.reconcile.interval');
    switch (input.wait) {
        case 'delay':
            return { wait: 'delay', delay: duration/* Duration */.d.parse(input.delay, 'exposure.reconcile.delay'), timeout };
        case 'http':
            return { wait: 'http', url: input.url, timeout, interval };
        case 'deployment-status':
            return {
                wait: 'deployment-status',
                ...(input.environment ? { environment: input.environment } : {}),
                timeout,
                interval,
            };
        case 'argocd':
            return {
                wait: 'argocd',
                server: input.server,
                application: input.application,
                ...(input.appNamespace ? { appNamespace: input.appNamespace } : {}),
                ...(input.project ? { project: input.project } : {}),
                tokenEnv: input.tokenEnv,
                timeout,
                interval,
            };
    }
}
/** The typed rollback section. */
function buildRollback(input) {
    return { order: [...input.order] };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
var _2020_default = /*#__PURE__*/__webpack_require__.n(_2020);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./schema/glidepath.schema.json
const glidepath_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://glidepath.dev/schema/glidepath.schema.json","title":"Glidepath policy","description":"The policy file (glidepath.yaml) that decides which artifacts Glidepath admits and how it delivers them. Every key is optional; an empty file means the defaults. Unknown keys are errors, so a typo never passes silently.","type":"object","additionalProperties":false,"properties":{"service":{"title":"Service","description":"The service being delivered, as it appears in reports and commit trailers.","type":"string","minLength":1,"examples":["checkout"]},"environment":{"title":"Environment","description":"The GitHub deployment environment the policy applies to.","type":"string","minLength":1,"examples":["production"]},"evidence":{"title":"Evidence","description":"What an artifact must bring to be admitted: test results, vulnerability scans, an SBOM and signed build provenance, and the limits each must meet.","type":"object","additionalProperties":false,"default":{},"properties":{"require":{"title":"Required evidence","description":"Kinds of evidence that must be present; a missing one rejects the artifact. Evidence that is present is always checked, required or not.","type":"array","uniqueItems":true,"items":{"title":"Evidence kind","description":"tests: JUnit XML; scan: SARIF, Trivy or Grype JSON; sbom: CycloneDX or SPDX JSON; provenance: an in-toto/SLSA statement, usually in a Sigstore bundle.","enum":["tests","scan","sbom","provenance"]},"default":[],"examples":[["tests","scan","provenance"]]},"maxAge":{"title":"Maximum report age","description":"Oldest acceptable scan report, measured from the time the report says it was made.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 24h or 7d","default":"24h","examples":["24h","7d"]},"tests":{"title":"Test results","description":"Limits on JUnit test results.","type":"object","additionalProperties":false,"default":{},"properties":{"maxFailed":{"title":"Maximum failed tests","description":"Largest acceptable number of failed plus errored test cases.","type":"integer","minimum":0,"default":0},"minTotal":{"title":"Minimum test count","description":"Fewest test cases a report must hold, so that an empty run does not pass.","type":"integer","minimum":0,"default":1},"maxSkippedRatio":{"title":"Maximum skipped share","description":"Largest acceptable share of skipped test cases, from 0 to 1. When unset, skipped tests only warn.","type":"number","minimum":0,"maximum":1,"examples":[0.1]}}},"scan":{"title":"Vulnerability scans","description":"Limits on vulnerability scan findings (SARIF, Trivy, Grype). Findings that an OpenVEX statement marks not_affected or fixed are suppressed and listed.","type":"object","additionalProperties":false,"default":{},"properties":{"failOn":{"title":"Failing severity","description":"Findings at or above this severity reject the artifact.","type":"string","enum":["critical","high","medium","low"],"default":"high"},"ignoreUnfixed":{"title":"Ignore unfixed findings","description":"Ignore findings the scanner knows have no fixed version yet.","type":"boolean","default":false}}},"sbom":{"title":"Software bill of materials","description":"Requirements on the SBOM (CycloneDX or SPDX 2.3).","type":"object","additionalProperties":false,"default":{},"properties":{"minCycloneDxVersion":{"title":"Minimum CycloneDX version","description":"Oldest accepted CycloneDX specVersion. Quote it in YAML, or 1.10 would read as the number 1.1.","type":"string","pattern":"^\\\\d+\\\\.\\\\d+$","x-hint":"is not a CycloneDX version; write major.minor in quotes, e.g. \\"1.4\\"","default":"1.4","examples":["1.5"]}}},"provenance":{"title":"Build provenance","description":"Who must have signed the build provenance and where the build must have come from. Name the signer at most one way: signerWorkflow, signerRepo or certIdentity. With none, any workflow of the repository that ran the build is accepted.","type":"object","additionalProperties":false,"default":{},"properties":{"predicateType":{"title":"Predicate type","description":"The in-toto predicate type the provenance must have.","type":"string","format":"uri","x-hint":"is not a URI; write an absolute URI, e.g. https://slsa.dev/provenance/v1","default":"https://slsa.dev/provenance/v1"},"issuer":{"title":"OIDC issuer","description":"The OIDC issuer recorded in the signing certificate.","type":"string","format":"uri","x-hint":"is not a URI; write the issuer\'s absolute URL, e.g. https://token.actions.githubusercontent.com","default":"https://token.actions.githubusercontent.com"},"signerWorkflow":{"title":"Signer workflow","description":"The workflow that must have signed, as owner/repo/.github/workflows/file.yml (matched against the certificate SAN at any ref). Use the reusable workflow\'s path when a reusable workflow signs.","type":"string","pattern":"^[\\\\w.-]+/[\\\\w.-]+/\\\\.github/workflows/[^@\\\\s]+\\\\.ya?ml$","x-hint":"is not a workflow path; write owner/repo/.github/workflows/file.yml without an @ref, e.g. acme/checkout/.github/workflows/ci.yml","examples":["acme/checkout/.github/workflows/ci.yml"]},"signerRepo":{"title":"Signer repository","description":"A repository, as owner/repo, any of whose workflows may have signed.","type":"string","pattern":"^[\\\\w.-]+/[\\\\w.-]+$","x-hint":"is not a repository; write owner/repo, e.g. acme/checkout","examples":["acme/checkout"]},"certIdentity":{"title":"Certificate identity","description":"The exact certificate SAN that must have signed, for identities that are not GitHub workflows.","type":"string","minLength":1,"examples":["https://github.com/acme/release/.github/workflows/sign.yml@refs/heads/main"]},"sourceRepository":{"title":"Source repository","description":"The repository, as owner/repo, the source must come from (certificate extension 1.3.6.1.4.1.57264.1.12).","type":"string","pattern":"^[\\\\w.-]+/[\\\\w.-]+$","x-hint":"is not a repository; write owner/repo, e.g. acme/checkout","examples":["acme/checkout"]},"sourceRef":{"title":"Source ref","description":"The full Git ref the source must come from (certificate extension 1.3.6.1.4.1.57264.1.14).","type":"string","pattern":"^refs/(heads|tags)/.+","x-hint":"is not a full Git ref; write refs/heads/BRANCH or refs/tags/TAG, e.g. refs/heads/main","examples":["refs/heads/main"]},"runnerEnvironment":{"title":"Runner environment","description":"The runner the build must have run on (certificate extension 1.3.6.1.4.1.57264.1.11); any turns the check off.","type":"string","enum":["github-hosted","self-hosted","any"],"default":"github-hosted"},"allowLegacyStatement":{"title":"Allow legacy statements","description":"Accept in-toto Statement v0.1 as well as v1 (older npm and Sigstore bundles).","type":"boolean","default":false}},"dependentSchemas":{"signerWorkflow":{"properties":{"signerRepo":{"not":{},"x-hint":"name the signer one way only: signerWorkflow, signerRepo or certIdentity"},"certIdentity":{"not":{},"x-hint":"name the signer one way only: signerWorkflow, signerRepo or certIdentity"}}},"signerRepo":{"properties":{"certIdentity":{"not":{},"x-hint":"name the signer one way only: signerWorkflow, signerRepo or certIdentity"}}}}}}},"desired":{"title":"Desired state","description":"Where and how Glidepath writes the desired state: the GitOps repository and branch, the manifests whose image it sets, the traffic route and the feature flag it steps, and the quarantine list. Every change is a compare-and-swap commit rendered on the branch head.","type":"object","additionalProperties":false,"required":["repo"],"properties":{"repo":{"title":"GitOps repository","description":"The repository holding the desired state: owner/name on GitHub, or a git URL (https://, ssh://, git@host:path, file://) for any host.","type":"string","pattern":"^([\\\\w.-]+/[\\\\w.-]+|(https?|ssh|git|file)://\\\\S+|[\\\\w.-]+@[\\\\w.-]+:\\\\S+)$","x-hint":"is not a repository; write owner/name (e.g. acme/gitops) or a git URL (e.g. https://git.example.com/acme/gitops.git)","examples":["acme/gitops","https://gitlab.example.com/platform/gitops.git"]},"branch":{"title":"Branch","description":"The branch Glidepath commits to (the one the reconciler watches), without refs/heads/.","type":"string","pattern":"^(?!refs/)(?!/)(?!.*\\\\.\\\\.)(?!.*//)[^\\\\s~^:?*\\\\[\\\\\\\\]+(?<!/)(?<!\\\\.lock)$","x-hint":"is not a branch name; write it without refs/heads/, e.g. main","default":"main"},"backend":{"title":"Backend","description":"How commits are made. github: through GitHub\'s API (verified commits, no clone); git: with the git executable against any host. Default github when repo is owner/name, git otherwise.","type":"string","enum":["github","git"]},"mode":{"title":"Write mode","description":"direct: commit to the branch (GitHub: createCommitOnBranch with the expected head); git-data: GitHub\'s REST Git data API with a non-forced ref update; pull-request: commit to a new branch and open a pull request (for branches that forbid direct commits). git-data and pull-request need backend github.","type":"string","enum":["direct","git-data","pull-request"],"default":"direct"},"autoMerge":{"title":"Auto-merge","description":"In pull-request mode, enable auto-merge with this method; unset leaves the pull request for a person to merge.","type":"string","enum":["merge","squash","rebase"]},"targets":{"title":"Image targets","description":"The manifests whose image is set to the canary digest, all in one commit.","type":"array","items":{"title":"Image target","description":"One manifest whose image Glidepath sets to the canary digest.","type":"object","additionalProperties":false,"required":["kind","path"],"properties":{"kind":{"title":"Manifest kind","description":"What the file is: a workload (deployment, statefulset, daemonset, replicaset, job, cronjob, pod), an Argo Rollout, a kustomization\'s images:, Helm values, a Flux HelmRelease, or any YAML file edited at yamlPath.","type":"string","enum":["deployment","statefulset","daemonset","replicaset","job","cronjob","pod","rollout","kustomization","helm-values","helmrelease","yaml-path"]},"path":{"title":"File","description":"Path of the file inside the GitOps repository, relative to its root.","type":"string","minLength":1,"pattern":"^(?!/)(?!.*(^|/)\\\\.\\\\.?(/|$))[^\\\\\\\\]+$","x-hint":"is not a repository path; write it relative to the repository root with / separators, e.g. apps/checkout/deployment.yaml","examples":["apps/checkout/overlays/prod/kustomization.yaml"]},"container":{"title":"Container","description":"For workloads and Rollouts: the container (or initContainer) to set; may be omitted when there is only one.","type":"string","minLength":1,"examples":["app"]},"image":{"title":"Image name","description":"For kustomization: the images[].name entry to set; for the others: only edit images of this repository. Default: the policy\'s artifact image.","type":"string","minLength":1,"examples":["checkout"]},"valuesPath":{"title":"Values path","description":"For helm-values and helmrelease: the dotted path of the image block inside the values (repository+tag, repository+digest, or a single image string).","type":"string","minLength":1,"examples":["image","checkout.image"]},"yamlPath":{"title":"YAML path","description":"For yaml-path: the dotted path of the scalar that holds the image reference.","type":"string","minLength":1,"examples":["spec.values.image"]}}},"default":[]},"traffic":{"title":"Traffic route","description":"The routing object whose weights Glidepath steps.","type":"object","additionalProperties":false,"required":["router","path","route"],"properties":{"router":{"title":"Router","description":"gateway-api: HTTPRoute backendRefs; istio: VirtualService routes; smi: TrafficSplit; nginx: ingress-nginx canary annotations; traefik: TraefikService weighted; replicas: scale stable and canary workloads in proportion (no mesh).","type":"string","enum":["gateway-api","istio","smi","nginx","traefik","replicas"]},"path":{"title":"File","description":"Path of the routing manifest inside the GitOps repository.","type":"string","minLength":1,"pattern":"^(?!/)(?!.*(^|/)\\\\.\\\\.?(/|$))[^\\\\\\\\]+$","x-hint":"is not a repository path; write it relative to the repository root with / separators, e.g. apps/checkout/route.yaml","examples":["apps/checkout/overlays/prod/route.yaml"]},"route":{"title":"Route name","description":"metadata.name of the HTTPRoute, VirtualService, TrafficSplit, Ingress or TraefikService (for replicas: the stable workload).","type":"string","minLength":1,"examples":["checkout"]}}},"flags":{"title":"Feature flag","description":"A flagd flag whose fractional split follows the canary weight and which is switched off on reversal.","type":"object","additionalProperties":false,"required":["provider","path","flag"],"properties":{"provider":{"title":"Provider","description":"The flag file format; flagd (JSON or YAML flag definitions).","type":"string","enum":["flagd"]},"path":{"title":"File","description":"Path of the flag file inside the GitOps repository.","type":"string","minLength":1,"pattern":"^(?!/)(?!.*(^|/)\\\\.\\\\.?(/|$))[^\\\\\\\\]+$","x-hint":"is not a repository path; write it relative to the repository root with / separators, e.g. flags/checkout.json","examples":["flags/checkout.json"]},"flag":{"title":"Flag key","description":"The flag\'s key in the file.","type":"string","minLength":1,"examples":["new-pricing"]}}},"quarantineFile":{"title":"Quarantine file","description":"The list of refused digests inside the GitOps repository: revert adds the digest it reverts, desire and verify refuse listed digests until a person deletes the entry.","type":"string","minLength":1,"pattern":"^(?!/)(?!.*(^|/)\\\\.\\\\.?(/|$))[^\\\\\\\\]+$","x-hint":"is not a repository path; write it relative to the repository root, e.g. .glidepath/quarantine.yaml","default":".glidepath/quarantine.yaml"}}},"analysis":{"title":"Analysis","description":"How live signals are judged: the provider to ask, the guardrails that must hold, canary-vs-baseline tests and the SLO. A rollout advances only because its signals stayed inside bounds, never because a timer expired.","type":"object","additionalProperties":false,"required":["provider","guardrails"],"properties":{"provider":{"title":"Metric provider","description":"Where measurements come from. Providers measure and never judge: thresholds and statistics are the guardrails\' job.","type":"object","additionalProperties":false,"required":["kind"],"properties":{"kind":{"title":"Provider kind","description":"prometheus (also Thanos, Mimir, VictoriaMetrics), datadog, newrelic (NerdGraph NRQL) or web (any JSON endpoint).","type":"string","enum":["prometheus","datadog","newrelic","web"]},"address":{"title":"Address","description":"Base URL of the API. prometheus: required, e.g. http://prometheus:9090. datadog and newrelic: overrides the URL derived from site or region (for proxies). web: unused (each guardrail\'s query is its URL).","type":"string","pattern":"^https?://\\\\S+$","x-hint":"is not an http(s) URL; write the API\'s base URL, e.g. http://prometheus.monitoring:9090","examples":["http://prometheus.monitoring:9090","https://mimir.example.com/prometheus"]},"tokenEnv":{"title":"Bearer token variable","description":"prometheus: environment variable holding a bearer token (Mimir, Thanos behind a gateway, Grafana Cloud). The policy names the environment variable, never the secret itself; its value is masked in every log line.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write a name, e.g. PROMETHEUS_TOKEN","examples":["PROMETHEUS_TOKEN"]},"username":{"title":"Basic-auth user","description":"prometheus: user name for basic authentication; the password comes from passwordEnv.","type":"string","minLength":1},"passwordEnv":{"title":"Basic-auth password variable","description":"prometheus: environment variable holding the basic-auth password. The policy names the environment variable, never the secret itself; its value is masked in every log line.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write a name, e.g. PROMETHEUS_PASSWORD","examples":["PROMETHEUS_PASSWORD"]},"headers":{"title":"Extra headers","description":"Request headers sent with every query, e.g. X-Scope-OrgID for a Mimir tenant. Values are masked in logs; put secrets in headersFromEnv instead.","type":"object","additionalProperties":{"type":"string"},"propertyNames":{"pattern":"^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$"}},"headersFromEnv":{"title":"Headers from the environment","description":"Request headers whose values come from environment variables: header name → variable name.","type":"object","additionalProperties":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"propertyNames":{"pattern":"^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$"}},"site":{"title":"Datadog site","description":"datadog: the site your organisation is on, e.g. datadoghq.com, datadoghq.eu, us3.datadoghq.com. Default datadoghq.com.","type":"string","pattern":"^[a-z0-9.-]+$","x-hint":"is not a Datadog site; write the site\'s domain, e.g. datadoghq.eu","examples":["datadoghq.com","datadoghq.eu"]},"apiKeyEnv":{"title":"API key variable","description":"datadog: variable holding DD-API-KEY (default DD_API_KEY). newrelic: variable holding the user API key (default NEW_RELIC_API_KEY). The policy names the environment variable, never the secret itself; its value is masked in every log line.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write a name, e.g. DD_API_KEY","examples":["DD_API_KEY"]},"applicationKeyEnv":{"title":"Application key variable","description":"datadog: variable holding DD-APPLICATION-KEY (default DD_APP_KEY). The policy names the environment variable, never the secret itself; its value is masked in every log line.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write a name, e.g. DD_APP_KEY","examples":["DD_APP_KEY"]},"api":{"title":"Datadog API version","description":"datadog: v2 timeseries query (default) or the v1 query API.","type":"string","enum":["v2","v1"]},"accountId":{"title":"New Relic account","description":"newrelic: the account ID the NRQL runs in.","type":"integer","minimum":1},"region":{"title":"New Relic region","description":"newrelic: us (api.newrelic.com) or eu (api.eu.newrelic.com). Default us.","type":"string","enum":["us","eu"]},"method":{"title":"HTTP method","description":"web: GET (default), POST or PUT.","type":"string","enum":["GET","POST","PUT"]},"body":{"title":"Request body","description":"web: the body for POST or PUT, sent as written; for JSON, also set headers: { Content-Type: application/json }.","type":"string"},"jsonPath":{"title":"JSONPath","description":"web: what to select from the JSON answer, in Kubernetes style with braces; the selection is the result conditions see. Default {$}.","type":"string","examples":["{$.data.errorRatio}"]},"timeout":{"title":"Timeout","description":"Give up on one request after this long; a timeout is a transient error, retried and then counted toward consecutiveErrorLimit.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"30s"},"valueKey":{"title":"New Relic value key","description":"newrelic: the result field holding the number, as a dotted path (count, percentile.duration.99), when a row has more than one numeric field.","type":"string","minLength":1}}},"args":{"title":"Query arguments","description":"Values for {{args.NAME}} placeholders.","type":"object","additionalProperties":{"anyOf":[{"type":"string"},{"type":"number"}]},"propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]*$"}},"interval":{"title":"Interval","description":"Default time between measurements.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"1m"},"window":{"title":"Window","description":"The value of {{window}}: the range each measurement looks back over. At least four scrape intervals.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"5m"},"warmup":{"title":"Warm-up","description":"After the step starts, no data is inconclusive rather than a failure for this long.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"2m"},"metricLag":{"title":"Metric lag","description":"Drop samples newer than this: the newest bucket is usually incomplete.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"1m"},"minSamples":{"title":"Minimum canary requests","description":"Canary requests (from counts.requests) before any guardrail may pass; the bake is extended up to maxExtension, then the result is inconclusive. Default 500 when counts are set; needs counts.","type":"integer","minimum":0},"maxExtension":{"title":"Bake extension limit","description":"How much longer a bake may run to reach minSamples.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"10m"},"counts":{"title":"Request counts","description":"Queries for cumulative requests and errors; {{window}} is the time since the step started and {{canary}} is bound to the canary, then to the stable version. They drive minSamples and the msprt comparison.","type":"object","additionalProperties":false,"required":["requests","errors"],"properties":{"requests":{"title":"Requests query","description":"The query, with {{canary}}, {{stable}}, {{service}}, {{window}}, {{stepStart}} and {{args.NAME}} placeholders (a missing value is an error, never an empty string). For the web provider, the URL to fetch.","type":"string","minLength":1},"errors":{"title":"Errors query","description":"The query, with {{canary}}, {{stable}}, {{service}}, {{window}}, {{stepStart}} and {{args.NAME}} placeholders (a missing value is an error, never an empty string). For the web provider, the URL to fetch.","type":"string","minLength":1}}},"guardrails":{"title":"Guardrails","description":"The signals that must hold. Each is measured every interval and judged with Argo-compatible limits.","type":"array","minItems":1,"items":{"title":"Guardrail","description":"One signal that must stay inside bounds for the rollout to go on.","type":"object","additionalProperties":false,"required":["name","query"],"properties":{"name":{"title":"Name","description":"Unique name shown in reports.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$","x-hint":"is not a guardrail name; write letters, digits, \'-\', \'_\' and \'.\', e.g. error-rate","examples":["error-rate","latency-p99"]},"query":{"title":"Query","description":"The query, with {{canary}}, {{stable}}, {{service}}, {{window}}, {{stepStart}} and {{args.NAME}} placeholders (a missing value is an error, never an empty string). For the web provider, the URL to fetch.","type":"string","minLength":1},"min":{"title":"Minimum","description":"The value must be at least this (inclusive).","type":"number"},"max":{"title":"Maximum","description":"The value must be at most this (inclusive).","type":"number"},"successCondition":{"title":"Success condition","description":"An expression over result that must hold, in Argo\'s style, e.g. result >= 0.99 or isNaN(result) || result < 0.01. A small safe grammar: comparisons, && || !, arithmetic, result[0], result.field, len, isNaN, isInf, default, abs, min, max, all, any.","type":"string","minLength":1},"failureCondition":{"title":"Failure condition","description":"An expression over result that fails the measurement when it holds; it wins over successCondition.","type":"string","minLength":1},"compare":{"title":"Canary-vs-baseline comparison","description":"Judge the canary against the stable version measured at the same time, not only against a fixed threshold.","type":"object","additionalProperties":false,"required":["test"],"properties":{"baseline":{"title":"Baseline","description":"What the canary is compared with: the stable version running at the same time.","type":"string","enum":["stable"],"default":"stable"},"test":{"title":"Test","description":"msprt: an exact sequential test on cumulative error counts, canary against stable step by step, safe to check at every look and spanning the whole rollout. mann-whitney: Kayenta\'s judge on the query\'s time series for canary and stable (latency, CPU).","type":"string","enum":["msprt","mann-whitney"]},"alpha":{"title":"Significance","description":"msprt: bound on reverting a version that is not worse, over the whole rollout (one sequential test spans every step).","type":"number","exclusiveMinimum":0,"maximum":0.5,"default":0.02},"tau":{"title":"Smallest regression worth catching","description":"msprt: in absolute error-rate units; default max(3 × baseline rate, 0.001).","type":"number","exclusiveMinimum":0,"maximum":1},"direction":{"title":"Direction","description":"mann-whitney: which change fails: increase (latency), decrease (throughput) or either.","type":"string","enum":["increase","decrease","either"],"default":"increase"},"allowedIncrease":{"title":"Allowed increase","description":"mann-whitney: mean ratio canary/stable at or above which a significant increase fails.","type":"number","minimum":1,"default":1.1},"allowedDecrease":{"title":"Allowed decrease","description":"mann-whitney: mean ratio at or below which a significant decrease fails.","type":"number","exclusiveMinimum":0,"maximum":1,"default":0.9},"critical":{"title":"Critical","description":"mann-whitney: a failure of this metric fails the whole comparison on its own.","type":"boolean","default":false},"group":{"title":"Group","description":"mann-whitney: the scoring group this metric counts in (see analysis.scoring).","type":"string","minLength":1,"default":"default","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$","x-hint":"is not a group name; write letters, digits, \'-\', \'_\' and \'.\', e.g. latency"},"step":{"title":"Point spacing","description":"mann-whitney: spacing of the time-series points queried for each side.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"1m"},"nanStrategy":{"title":"NaN strategy","description":"mann-whitney: what NaN points become: remove (Kayenta\'s default; an empty side is no data) or replace (with 0).","type":"string","enum":["remove","replace"],"default":"remove"},"outliers":{"title":"Outliers","description":"mann-whitney: keep every point (Kayenta\'s default) or remove points outside the IQR fences (factor 3).","type":"string","enum":["keep","remove"],"default":"keep"},"mustHaveData":{"title":"Must have data","description":"mann-whitney: no data counts as a failure in the group score instead of being left out.","type":"boolean","default":false}}},"failureLimit":{"title":"Failure limit","description":"Failed measurements tolerated; one more fails the guardrail. -1 disables.","type":"integer","minimum":-1,"default":0},"inconclusiveLimit":{"title":"Inconclusive limit","description":"Inconclusive measurements tolerated; one more makes the guardrail inconclusive.","type":"integer","minimum":0,"default":0},"consecutiveErrorLimit":{"title":"Consecutive error limit","description":"Measurement errors in a row tolerated (provider down, garbage); one more is an error, never a pass.","type":"integer","minimum":0,"default":4},"consecutiveSuccessLimit":{"title":"Consecutive success limit","description":"Pass early after this many successes in a row; 0 is off.","type":"integer","minimum":0,"default":0},"count":{"title":"Count","description":"Measurements to take; unset means one per interval until the bake ends.","type":"integer","minimum":1},"interval":{"title":"Interval","description":"Time between measurements of this guardrail; default analysis.interval.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","examples":["30s","1m"]},"initialDelay":{"title":"Initial delay","description":"Wait this long after the step starts before the first measurement.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","examples":["1m"]},"dryRun":{"title":"Dry run","description":"Measure and report, never gate.","type":"boolean","default":false},"repeat":{"title":"Repeat","description":"Measurements per look, for non-deterministic signals (synthetic probes, load tests); the look\'s phase is what agreement decides. Disagreement never promotes.","type":"integer","minimum":1,"default":1},"agreement":{"title":"Agreement","description":"How many of the repeated measurements must agree: all, or majority (more than half). A look without agreement is inconclusive.","type":"string","enum":["all","majority"],"default":"all"},"history":{"title":"Compared with history","description":"The guardrail\'s value must stay within a tolerance of the median of the last promoted releases (from --history). Until a release is recorded it is reported, not gating.","type":"object","additionalProperties":false,"required":["tolerance"],"properties":{"tolerance":{"title":"Tolerance","description":"How far from the releases\' median the value may move: +10% or -5% (relative), +0.02 (absolute, in the metric\'s unit) or x1.5 (ratio).","type":"string","pattern":"^([+-](\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+)%?|x(\\\\d+(\\\\.\\\\d+)?|\\\\.\\\\d+))$","x-hint":"is not a tolerance; write a signed percentage, a signed amount or a ratio, e.g. +10%","examples":["+10%","+0.02","x1.5"]},"direction":{"title":"Direction","description":"Which way is a regression: higher-is-worse (latency, errors) or lower-is-worse (throughput).","type":"string","enum":["higher-is-worse","lower-is-worse"],"default":"higher-is-worse"},"releases":{"title":"Releases","description":"How many of the most recent promoted releases make the reference.","type":"integer","minimum":1,"default":5}}}}}},"scoring":{"title":"Scoring","description":"mann-whitney comparisons are scored Kayenta\'s way: per group, weighted, then classified.","type":"object","additionalProperties":false,"properties":{"pass":{"title":"Pass score","description":"Score at or above which the comparison passes.","type":"number","minimum":0,"maximum":100,"default":95},"marginal":{"title":"Marginal score","description":"Score at or above which (below pass) the comparison is inconclusive; below it fails.","type":"number","minimum":0,"maximum":100,"default":75},"groups":{"title":"Group weights","description":"Weight per group (summing to at most 100); groups without one share the rest.","type":"object","additionalProperties":{"type":"number","minimum":0,"maximum":100},"propertyNames":{"pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$"}},"minPoints":{"title":"Minimum points","description":"Time-series points each side of every mann-whitney comparison needs before the judge decides; fewer is inconclusive (Spinnaker\'s guidance is 50).","type":"integer","minimum":3,"default":50}}},"slo":{"title":"Service-level objective","description":"Multi-window burn rate on the canary (page when the step\'s window and its last twelfth both burn faster than 14.4×) and the error budget remaining, which freezes new releases when spent.","type":"object","additionalProperties":false,"required":["objective","errorRatio"],"properties":{"objective":{"title":"Objective","description":"Target success percentage, e.g. 99.9.","type":"number","exclusiveMinimum":0,"exclusiveMaximum":100},"errorRatio":{"title":"Error-ratio query","description":"The canary\'s error ratio over {{window}}; evaluated over the step and its last twelfth.","type":"string","minLength":1},"budgetErrorRatio":{"title":"Budget error-ratio query","description":"The service\'s error ratio over the SLO period ({{window}} is the period); drives the error budget remaining.","type":"string","minLength":1},"period":{"title":"SLO period","description":"The period the objective and budget cover.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 5m","default":"30d","examples":["30d","28d"]},"freezeWhenExhausted":{"title":"Freeze when exhausted","description":"Hold (inconclusive) instead of promoting when the error budget is spent.","type":"boolean","default":true}}}}},"exposure":{"title":"Exposure","description":"How traffic to the new version grows: the steps (or a risk tier), how long each bakes, what an inconclusive analysis does, and how Glidepath knows the reconciler has applied a commit.","type":"object","additionalProperties":false,"properties":{"tier":{"title":"Risk tier","description":"Steps by risk when steps is not set: low 10 → 50 → 100; standard 1 → 5 → 25 → 50 → 100; high 1 → 2 → 5 → 10 → 25 → 50 → 75 → 100.","type":"string","enum":["low","standard","high"],"default":"standard"},"strategy":{"title":"Strategy","description":"canary steps the traffic weight; blueGreen previews the new version at weight 0 (the pre-promotion analysis judges it), then switches all traffic at once (the post-promotion analysis judges it; a failure switches back).","type":"string","enum":["canary","blueGreen"],"default":"canary"},"mirror":{"title":"Mirror step","description":"A first step that mirrors this percent of the stable traffic to the canary (its answers are discarded, no user sees them) and judges it before any user is exposed. Needs desired.traffic with a router that mirrors (gateway-api, istio, traefik) and a mirror to the canary in the route.","type":"integer","minimum":1,"maximum":100,"examples":[20]},"headerRoute":{"title":"Header-route step","description":"A first step that sends only requests carrying this header value to the canary (testers, synthetic checks) while everyone else stays on stable, and judges it before any weight step. Switched off from the first weight step and by a reversal. Needs desired.traffic with a router that routes by header (gateway-api, istio, nginx) and a header rule in the route.","type":"object","additionalProperties":false,"required":["header","value"],"properties":{"header":{"title":"Header","description":"The request header\'s name.","type":"string","pattern":"^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$","x-hint":"is not an HTTP header name; write letters, digits and - only, e.g. x-canary","examples":["x-canary"]},"value":{"title":"Value","description":"The value that selects the canary.","type":"string","minLength":1,"examples":["always"]}}},"adaptive":{"title":"Adaptive","description":"Let the analysis\'s confidence change the pace: a strong pass (every guardrail far inside its threshold, no extension) skips the next step, never into 100 from below 50; a weak pass (a guardrail within 10% of its threshold, or an extended bake) bakes the step once more.","type":"boolean","default":false},"steps":{"title":"Steps","description":"Canary traffic percentages in order, ending at 100 (promotion); overrides tier.","type":"array","minItems":1,"items":{"title":"Step","description":"A canary traffic percentage, 1 to 100.","type":"integer","minimum":1,"maximum":100}},"bake":{"title":"Bake","description":"How long each step is measured before it may advance.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","default":"10m","examples":["5m","10m"]},"maxDuration":{"title":"Maximum duration","description":"The whole rollout\'s limit; past it an undecided rollout is reverted.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","default":"4h","examples":["2h"]},"onInconclusive":{"title":"On inconclusive","description":"What an inconclusive analysis does: pause (hold the step for a person: promote, retry or abort), extend (bake the step once more, then pause) or fail (revert).","type":"string","enum":["pause","extend","fail"],"default":"pause"},"handoff":{"title":"Hand-off","description":"Let an in-cluster controller step the traffic: Glidepath commits the image once, watches the controller\'s phase through its Prometheus metrics (analysis.provider), and when the controller aborts commits the image revert and quarantines the digest, so Git stops holding the bad version. steps, strategy and mirror do not apply.","type":"object","additionalProperties":false,"required":["controller","name","namespace"],"properties":{"controller":{"title":"Controller","description":"argo-rollouts (reads rollout_info / rollout_phase) or flagger (reads flagger_canary_phase / flagger_canary_status).","type":"string","enum":["argo-rollouts","flagger"]},"name":{"title":"Name","description":"The Rollout\'s name, or for Flagger the Canary\'s spec.targetRef.name.","type":"string","pattern":"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$","x-hint":"is not a Kubernetes object name; write lower-case letters, digits, - and ., e.g. checkout","examples":["checkout"]},"namespace":{"title":"Namespace","description":"The object\'s Kubernetes namespace.","type":"string","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","x-hint":"is not a Kubernetes namespace; write lower-case letters, digits and -, e.g. shop","examples":["shop"]},"interval":{"title":"Interval","description":"How often the controller\'s phase is read.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","default":"30s","examples":["30s"]},"timeout":{"title":"Timeout","description":"How long the controller has to finish; past it the image is reverted (without quarantine: a slow controller is no evidence against the digest).","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","default":"1h","examples":["1h"]}}},"reconcile":{"title":"Reconcile wait","description":"How Glidepath knows a commit is live before it measures: delay (wait a fixed time), http (poll a URL until its body names the commit or the weight), deployment-status (the reconciler reports a successful GitHub deployment for the commit, e.g. Argo CD notifications) or argocd (Argo CD\'s API shows the application synced at the commit and healthy).","type":"object","additionalProperties":false,"properties":{"wait":{"title":"Wait kind","description":"delay, http, deployment-status or argocd.","type":"string","enum":["delay","http","deployment-status","argocd"],"default":"delay"},"interval":{"title":"Interval","description":"http, deployment-status, argocd: how often to look; default 1s for http, 10s for deployment-status and argocd (deployment-status doubles it after each look, up to 60s, to spare the GitHub API).","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","examples":["5s","10s"]},"environment":{"title":"Environment","description":"deployment-status: the deployment environment the reconciler reports in; default the policy\'s environment.","type":"string","minLength":1,"examples":["production"]},"server":{"title":"Argo CD server","description":"argocd: Argo CD\'s base URL.","type":"string","pattern":"^https?://\\\\S+$","x-hint":"is not an http(s) URL; write Argo CD\'s base URL, e.g. https://argocd.example.com","examples":["https://argocd.example.com"]},"application":{"title":"Application","description":"argocd: the Argo CD Application that syncs the GitOps repository.","type":"string","minLength":1,"examples":["checkout-production"]},"appNamespace":{"title":"Application namespace","description":"argocd: the Application\'s namespace (apps in any namespace); default Argo CD\'s own.","type":"string","minLength":1,"examples":["argocd"]},"project":{"title":"Project","description":"argocd: restrict the lookup to this Argo CD project.","type":"string","minLength":1,"examples":["default"]},"tokenEnv":{"title":"Token variable","description":"argocd: the environment variable holding an Argo CD API token with read access to the application (never the token itself).","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write one, e.g. ARGOCD_TOKEN","examples":["ARGOCD_TOKEN"]},"delay":{"title":"Delay","description":"delay: how long a commit takes to be applied.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","default":"30s","examples":["30s"]},"url":{"title":"URL","description":"http: polled until the body contains the commit SHA or, failing that, the weight as canary=<weight>.","type":"string","pattern":"^https?://\\\\S+$","x-hint":"is not an http(s) URL; write the status endpoint, e.g. http://router.internal/status","examples":["http://router.internal/status"]},"timeout":{"title":"Timeout","description":"Longest wait for a commit to be applied; past it the step is reverted.","type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w)$","x-hint":"is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 10m","default":"15m","examples":["15m"]}}}},"default":{}},"deploy":{"title":"Deploy policy","description":"When deployments may start: allow windows, deny windows (freezes), the error-budget freeze, and which audited overrides may bypass them. The gate and rollout both apply it.","type":"object","additionalProperties":false,"properties":{"timeZone":{"title":"Time zone","description":"The IANA time zone the windows are written in.","type":"string","minLength":1,"default":"UTC","examples":["Europe/Berlin"]},"allow":{"title":"Allow windows","description":"Deployments start only inside one of these; none means any time not denied.","type":"array","items":{"title":"Window","description":"Weekly (days with from/to as HH:MM) or dated (from/to as YYYY-MM-DDTHH:MM), in the time zone; to is exclusive and may be earlier than from to cross midnight.","type":"object","additionalProperties":false,"required":["from","to"],"properties":{"days":{"title":"Days","description":"Weekly windows: the days they open on.","type":"array","minItems":1,"uniqueItems":true,"items":{"title":"Day","description":"mon, tue, wed, thu, fri, sat or sun.","type":"string","enum":["mon","tue","wed","thu","fri","sat","sun"]}},"from":{"title":"From","description":"Start: HH:MM (weekly) or YYYY-MM-DDTHH:MM (dated).","type":"string","pattern":"^(\\\\d{4}-\\\\d{2}-\\\\d{2}T)?([01]\\\\d|2[0-3]):[0-5]\\\\d$","x-hint":"is not a time; write HH:MM for a weekly window or YYYY-MM-DDTHH:MM for a dated one, e.g. 09:00","examples":["09:00","2026-12-21T00:00"]},"to":{"title":"To","description":"End (exclusive), in the same form as from; 24:00 is written 00:00.","type":"string","pattern":"^(\\\\d{4}-\\\\d{2}-\\\\d{2}T)?([01]\\\\d|2[0-3]):[0-5]\\\\d$","x-hint":"is not a time; write HH:MM for a weekly window or YYYY-MM-DDTHH:MM for a dated one, e.g. 17:00","examples":["17:00","2027-01-04T00:00"]},"reason":{"title":"Reason","description":"Why, shown when a deny window holds a deployment.","type":"string","minLength":1,"examples":["year-end freeze"]}}},"default":[]},"deny":{"title":"Deny windows","description":"Deployments never start inside these (freezes); they win over allow windows.","type":"array","items":{"title":"Window","description":"Weekly (days with from/to as HH:MM) or dated (from/to as YYYY-MM-DDTHH:MM), in the time zone; to is exclusive and may be earlier than from to cross midnight.","type":"object","additionalProperties":false,"required":["from","to"],"properties":{"days":{"title":"Days","description":"Weekly windows: the days they open on.","type":"array","minItems":1,"uniqueItems":true,"items":{"title":"Day","description":"mon, tue, wed, thu, fri, sat or sun.","type":"string","enum":["mon","tue","wed","thu","fri","sat","sun"]}},"from":{"title":"From","description":"Start: HH:MM (weekly) or YYYY-MM-DDTHH:MM (dated).","type":"string","pattern":"^(\\\\d{4}-\\\\d{2}-\\\\d{2}T)?([01]\\\\d|2[0-3]):[0-5]\\\\d$","x-hint":"is not a time; write HH:MM for a weekly window or YYYY-MM-DDTHH:MM for a dated one, e.g. 09:00","examples":["09:00","2026-12-21T00:00"]},"to":{"title":"To","description":"End (exclusive), in the same form as from; 24:00 is written 00:00.","type":"string","pattern":"^(\\\\d{4}-\\\\d{2}-\\\\d{2}T)?([01]\\\\d|2[0-3]):[0-5]\\\\d$","x-hint":"is not a time; write HH:MM for a weekly window or YYYY-MM-DDTHH:MM for a dated one, e.g. 17:00","examples":["17:00","2027-01-04T00:00"]},"reason":{"title":"Reason","description":"Why, shown when a deny window holds a deployment.","type":"string","minLength":1,"examples":["year-end freeze"]}}},"default":[]},"freezeOnBudget":{"title":"Freeze on spent budget","description":"Hold deployments while the SLO error budget (analysis.slo) is spent.","type":"boolean","default":true},"overrides":{"title":"Overrides","description":"Which audited overrides (with a reason, recorded as a Glidepath-Override trailer) may bypass windows and freezes; never the quarantine or the evidence.","type":"array","uniqueItems":true,"items":{"title":"Override","description":"p0 (an incident fix) or security (a security fix).","type":"string","enum":["p0","security"]},"default":["p0","security"]}}},"notify":{"title":"Notifications","description":"Where to tell people about a rollout: Slack or Teams incoming webhooks, or a generic webhook signed with HMAC-SHA256. URLs and secrets come from environment variables.","type":"array","items":{"title":"Destination","description":"One destination and the events it hears about.","type":"object","additionalProperties":false,"required":["kind","urlEnv"],"properties":{"kind":{"title":"Kind","description":"slack, teams or webhook.","type":"string","enum":["slack","teams","webhook"]},"urlEnv":{"title":"URL variable","description":"The environment variable holding the incoming-webhook URL (it contains a secret) or the webhook endpoint.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write one, e.g. SLACK_WEBHOOK_URL","examples":["SLACK_WEBHOOK_URL"]},"secretEnv":{"title":"Secret variable","description":"webhook: the environment variable holding the HMAC-SHA256 signing secret (X-Glidepath-Signature-256).","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-hint":"is not an environment variable name; write one, e.g. GLIDEPATH_WEBHOOK_SECRET","examples":["GLIDEPATH_WEBHOOK_SECRET"]},"on":{"title":"Events","description":"Which events to send: start, step, promoted, reverted.","type":"array","minItems":1,"uniqueItems":true,"items":{"title":"Event","description":"start, step, promoted or reverted.","type":"string","enum":["start","step","promoted","reverted"]},"default":["start","step","promoted","reverted"]}}}},"rollback":{"title":"Rollback","description":"How a failed rollout is reversed: the smallest reversal that stops user harm first.","type":"object","additionalProperties":false,"properties":{"order":{"title":"Reversal order","description":"Levers tried in order; the first one the policy configures is used: flag (kill switch), traffic (canary weight 0), image (previous digest).","type":"array","minItems":1,"uniqueItems":true,"items":{"title":"Lever","description":"flag, traffic or image.","type":"string","enum":["flag","traffic","image"]},"default":["flag","traffic","image"]}},"default":{}}}}');
;// CONCATENATED MODULE: ./src/config/load-policy.ts








/** The policy file Glidepath looks for when none is named. */
const DEFAULT_POLICY_FILE = 'glidepath.yaml';
/** The published JSON Schema of the policy file (schema/glidepath.schema.json). */
const policySchema = (/* unused pure expression or super */ null && (schema));
/** A policy file that cannot be used; the message has one `FILE:LINE:COL: path: message` line per problem. */
class PolicyError extends errors/* ConfigurationError */.j1 {
    file;
    problems;
    constructor(file, problems) {
        super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
        this.file = file;
        this.problems = problems;
    }
    /** Every line starts with FILE:LINE:COL. */
    get located() {
        return true;
    }
}
/** Renders one problem as `FILE:LINE:COL: path: message` (no path segment for file-wide problems). */
function formatProblem(file, problem) {
    const where = `${file}:${problem.line}:${problem.column}`;
    return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}
/**
 * Reads and validates the policy file. No file (undefined or '') means the defaults, which require
 * nothing; whether to fall back to DEFAULT_POLICY_FILE is the caller's choice.
 */
async function loadPolicy(file, deps = {}) {
    if (!file)
        return defaultPolicy();
    const readFile = deps.readFile ?? ((path) => (0,promises_.readFile)(path, 'utf8'));
    let text;
    try {
        text = await readFile(file);
    }
    catch (error) {
        const code = error?.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new errors/* ConfigurationError */.j1('policy file not found; create it (an empty file means the defaults; README.md "Policy reference" ' +
                'lists every key) or point --policy (the action input `policy`) at your policy file', file, { cause: error });
        }
        if (code === 'EISDIR') {
            throw new errors/* ConfigurationError */.j1('is a directory; point --policy (the action input `policy`) at the policy file', file, { cause: error });
        }
        const detail = error instanceof Error ? error.message : String(error);
        throw new errors/* ConfigurationError */.j1(`cannot read the policy file (${detail}); check its permissions`, file, {
            cause: error,
        });
    }
    return parsePolicy(text, file);
}
/** The policy used when there is no policy file: every schema default, nothing required. */
function defaultPolicy() {
    const input = {};
    if (!validator()(input))
        throw new Error('the schema rejects an empty policy (a bug in the schema)');
    return buildPolicy(input, undefined);
}
/** Parses policy YAML; `file` is used for messages only. Throws PolicyError listing every problem. */
function parsePolicy(text, file) {
    const lines = new dist/* LineCounter */.HN();
    // uniqueKeys (the default) makes a duplicate key an error rather than last-one-wins.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new SourceMap(doc, lines, text);
    // Warnings count as errors: they mean the parser had to guess (an unknown tag read as a plain
    // string), and a policy that gates production must mean exactly what it says.
    const yamlProblems = [...doc.errors, ...doc.warnings].map((error) => source.yamlProblem(error));
    if (yamlProblems.length > 0)
        throw new PolicyError(file, sortProblems(yamlProblems));
    let data;
    try {
        // An empty file (only comments, or a bare `---`) is null: that is the defaults. The rest is
        // copied into a tree because an alias yields the same object twice, and ajv's useDefaults
        // would write one section's defaults into the other through the shared reference.
        const js = doc.toJS({ maxAliasCount: 100 });
        data = js === null || js === undefined ? {} : copyTree(js);
    }
    catch (error) {
        // toJS throws on unresolved aliases and on alias bombs; neither has a parse-time error.
        const detail = error instanceof Error ? error.message : String(error);
        throw new PolicyError(file, [{ ...source.firstAlias(), path: '', message: `invalid YAML: ${detail}` }]);
    }
    const validate = validator();
    const problems = [];
    if (!validate(data)) {
        problems.push(...schemaProblems(validate.errors ?? [], data, source));
    }
    // Semantic rules run only on sections the schema accepted, so they can trust the shapes.
    const input = data;
    const wholeFileBroken = problems.some((problem) => problem.path === '');
    for (const key of wholeFileBroken ? [] : SECTION_KEYS) {
        if (problems.some((problem) => problem.path === key || problem.path.startsWith(`${key}.`)))
            continue;
        for (const found of checkSection(key, input)) {
            problems.push({
                ...source.position(found.path, found.at),
                path: formatPath(found.path),
                message: found.message,
            });
        }
    }
    if (problems.length > 0)
        throw new PolicyError(file, sortProblems(dedupe(problems)));
    return buildPolicy(input, file);
}
const SECTIONS = {
    evidence: {
        build: (input) => ({ ...input, maxAge: duration/* Duration */.d.parse(input.maxAge, 'evidence.maxAge') }),
        check: (input) => 
        // The pattern admits "0h", which would reject every report ever made: almost surely a mistake.
        duration/* Duration */.d.parse(input.maxAge).milliseconds === 0
            ? [
                {
                    path: ['evidence', 'maxAge'],
                    at: 'value',
                    message: `"${input.maxAge}" would reject every report; use a positive duration, e.g. 24h`,
                },
            ]
            : [],
    },
    desired: {
        build: (input) => input && {
            ...input,
            backend: input.backend ?? (OWNER_NAME.test(input.repo) ? 'github' : 'git'),
        },
        check: (input) => (input ? checkDesired(input) : []),
    },
    analysis: {
        build: (input) => input && buildAnalysis(input),
        check: (input) => (input ? checkAnalysis(input) : []),
    },
    exposure: { build: buildExposure, check: checkExposure },
    rollback: { build: buildRollback, check: () => [] },
    deploy: { build: (input) => input, check: (input) => (input ? checkDeploy(input) : []) },
    notify: {
        build: (input) => input,
        check: (input) => (input ?? []).flatMap((target, index) => {
            if (target.secretEnv !== undefined && target.kind !== 'webhook') {
                return [
                    {
                        path: ['notify', index, 'secretEnv'],
                        at: 'key',
                        message: `applies only to kind webhook (${target.kind} webhooks carry their secret in the URL); remove it`,
                    },
                ];
            }
            if (target.secretEnv === undefined && target.kind === 'webhook') {
                return [
                    {
                        path: ['notify', index],
                        at: 'value',
                        message: 'a webhook needs secretEnv, the variable holding the HMAC-SHA256 key receivers verify X-Glidepath-Signature-256 with',
                    },
                ];
            }
            return [];
        }),
    },
};
const SECTION_KEYS = Object.keys(SECTIONS);
/** `deploy:` rules the schema cannot express: a real time zone, weekly times with days, dated ones without. */
function checkDeploy(input) {
    const problems = [];
    try {
        new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
    }
    catch {
        problems.push({
            path: ['deploy', 'timeZone'],
            at: 'value',
            message: `"${input.timeZone}" is not an IANA time zone; write one such as Europe/Berlin or America/New_York`,
        });
    }
    for (const list of ['allow', 'deny']) {
        input[list].forEach((window, index) => {
            const dated = window.from.includes('T');
            if (dated !== window.to.includes('T')) {
                problems.push({
                    path: ['deploy', list, index],
                    at: 'value',
                    message: 'from and to must both be times (HH:MM) or both date-times (YYYY-MM-DDTHH:MM)',
                });
            }
            else if (dated && window.days) {
                problems.push({
                    path: ['deploy', list, index, 'days'],
                    at: 'key',
                    message: 'a dated window (YYYY-MM-DDTHH:MM) has no days; remove days, or write from/to as HH:MM',
                });
            }
            else if (!dated && !window.days) {
                problems.push({
                    path: ['deploy', list, index],
                    at: 'value',
                    message: 'a weekly window (HH:MM) needs days, e.g. days: [mon, tue, wed, thu, fri]',
                });
            }
            else if (dated && window.to <= window.from) {
                problems.push({
                    path: ['deploy', list, index, 'to'],
                    at: 'value',
                    message: `${window.to} is not after ${window.from}; a dated window must end after it starts`,
                });
            }
        });
    }
    return problems;
}
/** A GitHub repository named the short way, which the github backend needs. */
const OWNER_NAME = /^[\w.-]+\/[\w.-]+$/;
/** Target kinds that hold containers, where `container` means something. */
const WORKLOAD_KINDS = new Set([
    'deployment',
    'statefulset',
    'daemonset',
    'replicaset',
    'job',
    'cronjob',
    'pod',
    'rollout',
]);
/** `desired:` rules the schema cannot express (they relate keys to each other). */
function checkDesired(input) {
    const problems = [];
    const backend = input.backend ?? (OWNER_NAME.test(input.repo) ? 'github' : 'git');
    if (backend === 'github' && !OWNER_NAME.test(input.repo)) {
        problems.push({
            path: ['desired', 'repo'],
            at: 'value',
            message: `the github backend needs the repository as owner/name, e.g. acme/gitops; got "${input.repo}" (or set backend: git)`,
        });
    }
    if (backend === 'git' && input.mode !== 'direct') {
        problems.push({
            path: ['desired', 'mode'],
            at: 'value',
            message: `${input.mode} needs GitHub's API; set backend: github (repo as owner/name), or use mode: direct with git`,
        });
    }
    if (input.autoMerge !== undefined && input.mode !== 'pull-request') {
        problems.push({
            path: ['desired', 'autoMerge'],
            at: 'key',
            message: 'applies only with mode: pull-request; delete it or set the mode',
        });
    }
    const seen = new Map();
    input.targets.forEach((target, index) => {
        const at = (key) => ['desired', 'targets', index, key];
        const needs = (key, example) => {
            if (target[key] === undefined) {
                problems.push({
                    path: ['desired', 'targets', index],
                    at: 'value',
                    message: `kind ${target.kind} needs ${key}, e.g. ${key}: ${example}`,
                });
            }
        };
        if (target.kind === 'yaml-path')
            needs('yamlPath', 'spec.values.image');
        if (target.container !== undefined && !WORKLOAD_KINDS.has(target.kind)) {
            problems.push({
                path: at('container'),
                at: 'key',
                message: `applies only to workloads and Rollouts, not kind ${target.kind}; delete it`,
            });
        }
        if (target.valuesPath !== undefined && target.kind !== 'helm-values' && target.kind !== 'helmrelease') {
            problems.push({
                path: at('valuesPath'),
                at: 'key',
                message: `applies only to kinds helm-values and helmrelease, not ${target.kind}; delete it`,
            });
        }
        if (target.yamlPath !== undefined && target.kind !== 'yaml-path') {
            problems.push({
                path: at('yamlPath'),
                at: 'key',
                message: `applies only to kind yaml-path, not ${target.kind}; delete it`,
            });
        }
        const key = `${target.path}\0${target.container ?? ''}\0${target.image ?? ''}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            problems.push({
                path: at('path'),
                at: 'value',
                message: `the same file and container as desired.targets[${earlier}]; list each target once`,
            });
        }
        else {
            seen.set(key, index);
        }
    });
    const quarantine = input.quarantineFile;
    const managed = [...input.targets.map((target) => target.path), input.traffic?.path, input.flags?.path];
    if (managed.includes(quarantine)) {
        problems.push({
            path: ['desired', 'quarantineFile'],
            at: 'value',
            message: 'must be a file of its own, not a manifest Glidepath edits',
        });
    }
    return problems;
}
function checkSection(key, input) {
    return SECTIONS[key].check(input[key]);
}
function buildSection(key, input) {
    return SECTIONS[key].build(input[key]);
}
function buildPolicy(input, source) {
    // An optional section that is absent stays absent (no `desired: undefined` key).
    const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, buildSection(key, input)]).filter(([, value]) => value !== undefined));
    return {
        ...(source === undefined ? {} : { source }),
        ...(input.service === undefined ? {} : { service: input.service }),
        ...(input.environment === undefined ? {} : { environment: input.environment }),
        ...sections,
    };
}
// ---------------------------------------------------------------------------------------------
// Schema validation
// ---------------------------------------------------------------------------------------------
let compiled;
/**
 * The compiled schema. `x-hint` is our annotation keyword: on a property, the end of the sentence
 * `"<value>" …` printed when a pattern or format fails; on a `not: {}` under dependentSchemas, how to
 * resolve the conflict. Declaring it keeps strict mode (which rejects unknown keywords) on.
 */
function validator() {
    if (compiled)
        return compiled;
    // The CommonJS build exports the class as both module.exports and .default; NodeNext typing sees
    // the module object, so reach for .default, which exists at run time under either loader.
    const ajv = new (_2020_default())["default"]({ strict: true, allErrors: true, useDefaults: true, verbose: true });
    ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
    // A URI with a scheme and no spaces; ajv-formats' full RFC 3986 check is more than a policy needs.
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
    compiled = ajv.compile(glidepath_schema_namespaceObject);
    return compiled;
}
function schemaProblems(errors, data, source) {
    return errors.map((error) => {
        const { path, at, message } = describeSchemaError(error, pathOf(error.instancePath, data), source);
        const position = error.keyword === 'required' && path.length === 1 ? { line: 1, column: 1 } : source.position(path, at);
        return { ...position, path: formatPath(path), message };
    });
}
/** The user-facing message for one ajv error, and the node it is about. */
function describeSchemaError(error, path, source) {
    const parent = error.parentSchema ?? {};
    const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : undefined;
    const value = error.data;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params.additionalProperty);
            const allowed = Object.keys(parent.properties ?? {});
            const suggestion = closest(key, allowed);
            return {
                path: [...path, key],
                at: 'key',
                message: suggestion
                    ? `unknown key ${JSON.stringify(key)}; did you mean "${suggestion}"?`
                    : `unknown key ${JSON.stringify(key)}; allowed keys here: ${allowed.join(', ')}`,
            };
        }
        case 'required': {
            const key = String(error.params.missingProperty);
            return { path: [...path, key], at: 'key', message: `missing required key ${JSON.stringify(key)}` };
        }
        case 'type': {
            const keys = Object.keys(parent.properties ?? {});
            const message = typeMessage(String(error.params.type), value, source.text(path), keys);
            return { path, at: 'value', message };
        }
        case 'enum': {
            const allowed = error.params.allowedValues.map(String);
            const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
            const shown = typeof value === 'string' ? JSON.stringify(value) : describeValue(value, source.text(path));
            return {
                path,
                at: 'value',
                message: `must be one of ${allowed.join(', ')}; got ${shown}${suggestion ? `, did you mean "${suggestion}"?` : ''}`,
            };
        }
        case 'pattern':
        case 'format':
            return {
                path,
                at: 'value',
                message: hint
                    ? `${JSON.stringify(value)} ${hint}`
                    : `${JSON.stringify(value)} does not match ${error.keyword === 'format' ? `format ${error.params.format}` : error.params.pattern}`,
            };
        case 'minimum':
            return { path, at: 'value', message: `must be at least ${error.params.limit}, got ${String(value)}` };
        case 'maximum':
            return { path, at: 'value', message: `must be at most ${error.params.limit}, got ${String(value)}` };
        case 'minLength':
            return { path, at: 'value', message: 'must not be empty; give it a value or delete the line' };
        case 'uniqueItems': {
            // ajv reports the later duplicate as i and the earlier as j; point at the later one.
            const later = Number(error.params.i);
            const earlier = Number(error.params.j);
            const item = Array.isArray(value) ? value[later] : undefined;
            return {
                path: [...path, later],
                at: 'value',
                message: `${JSON.stringify(item)} is already listed at [${earlier}]; list each value once`,
            };
        }
        case 'not': {
            // Mutually exclusive keys are written as dependentSchemas: { A: { properties: { B: { not: {} } } } }.
            const trigger = /\/dependentSchemas\/([^/]+)\/properties\/[^/]+\/not$/.exec(error.schemaPath)?.[1];
            if (trigger) {
                const other = trigger.replace(/~1/g, '/').replace(/~0/g, '~');
                return {
                    path,
                    at: 'key',
                    message: `cannot be used together with ${other}${hint ? `; ${hint}` : ''}`,
                };
            }
            return { path, at: 'value', message: error.message ?? 'is not allowed here' };
        }
        default:
            // A keyword this switch does not know yet still produces a located, if terse, message.
            return { path, at: 'value', message: error.message ?? `fails the schema's ${error.keyword} rule` };
    }
}
const TYPE_NAMES = {
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping (indented key: value lines)',
    array: 'a list',
    null: 'nothing',
};
function typeMessage(expected, value, sourceText, keys) {
    const wanted = expected === 'object' && keys.length > 0
        ? `a mapping of keys (${keys.join(', ')})`
        : expected
            .split(',')
            .map((type) => TYPE_NAMES[type] ?? type)
            .join(' or ');
    const base = `expected ${wanted}, got ${describeValue(value, sourceText)}`;
    if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        // YAML reads 1.4 as a number and yes/no only in 1.1; quoting keeps exactly what was typed.
        return `${base}; put it in quotes: "${sourceText ?? String(value)}"`;
    }
    if (expected === 'object' && value === null)
        return `${base}; add keys under it or delete the line`;
    if (expected === 'array' && (typeof value === 'string' || typeof value === 'number')) {
        return `${base}; write a list, e.g. [${sourceText ?? String(value)}]`;
    }
    if (expected === 'boolean' && typeof value === 'string')
        return `${base}; write true or false without quotes`;
    return base;
}
/** How a value is named in messages; numbers keep their source text so 1.10 is not shown as 1.1. */
function describeValue(value, sourceText) {
    if (value === null || value === undefined)
        return 'an empty value';
    if (typeof value === 'string')
        return `string ${JSON.stringify(value)}`;
    if (typeof value === 'number')
        return `number ${sourceText ?? String(value)}`;
    if (typeof value === 'boolean')
        return `${value}`;
    if (Array.isArray(value))
        return 'a list';
    return 'a mapping';
}
/** A deep copy of plain data in which no object appears twice. */
function copyTree(value) {
    if (Array.isArray(value))
        return value.map(copyTree);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyTree(item)]));
    }
    return value;
}
/** Splits an ajv instancePath into keys and array indexes by walking the data it points into. */
function pathOf(pointer, data) {
    if (pointer === '')
        return [];
    const path = [];
    let here = data;
    for (const raw of pointer.slice(1).split('/')) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(here)) {
            path.push(Number(segment));
            here = here[Number(segment)];
        }
        else {
            path.push(segment);
            here =
                here !== null && typeof here === 'object' ? here[segment] : undefined;
        }
    }
    return path;
}
/** `evidence.require[1]`; keys that are not plain words are quoted. */
function formatPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else {
            const key = /^[\w-]+$/.test(segment) ? segment : JSON.stringify(segment);
            text += text ? `.${key}` : key;
        }
    }
    return text;
}
/** The allowed word nearest to `word` by edit distance, when it is near enough to be a typo. */
function closest(word, allowed) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of allowed) {
        // Case-insensitive: "failon" and "max_age"-style slips are the common ones.
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}
/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => rows[i]?.[j] ?? Infinity;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                distance = Math.min(distance, at(i - 2, j - 2) + 1);
            }
            rows[i][j] = distance;
        }
    }
    return at(a.length, b.length);
}
function sortProblems(problems) {
    return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
/**
 * One problem per path: a wrong type makes the enum or pattern complaint about the same value
 * noise, and a key excluded by two others needs saying once.
 */
function dedupe(problems) {
    const byPath = new Map();
    for (const problem of problems) {
        const key = `${problem.path}@${problem.line}:${problem.column}`;
        const kept = byPath.get(key);
        if (!kept || (problem.message.startsWith('expected ') && !kept.message.startsWith('expected '))) {
            byPath.set(key, problem);
        }
    }
    return [...byPath.values()];
}
/** Maps data paths back to the YAML nodes they came from. */
class SourceMap {
    doc;
    lines;
    source;
    constructor(doc, lines, source) {
        this.doc = doc;
        this.lines = lines;
        this.source = source;
    }
    /**
     * Line and column of the node at `path` (its key or its value). A path that does not reach a
     * node (a default, an alias) falls back to the nearest ancestor that does, then to 1:1.
     */
    position(path, at) {
        const { key, value, complete } = this.find(path);
        // An empty value (`tests:` with nothing after it) has no width; its key is what a person sees.
        const valueRange = complete ? value?.range : undefined;
        if (at === 'value' && valueRange && valueRange[1] > valueRange[0])
            return this.offsetPosition(valueRange[0]);
        // With no key (the root), the document's first node; with nothing at all, 1:1.
        return this.offsetPosition(key?.range?.[0] ?? (path.length === 0 ? valueRange?.[0] : undefined) ?? 0);
    }
    /** The exact source text of the value at `path`, when it is a scalar that exists in the file. */
    text(path) {
        const { value, complete } = this.find(path);
        if (!complete || !(0,dist/* isScalar */.jn)(value) || !value.range)
            return undefined;
        return this.source.slice(value.range[0], value.range[1]).trim();
    }
    /** A YAML syntax error or warning, with a path and a clearer message for duplicate keys. */
    yamlProblem(error) {
        const position = this.offsetPosition(error.pos[0]);
        if (error.code === 'DUPLICATE_KEY') {
            const path = this.pathOfKeyAt(error.pos[0]);
            if (path) {
                const key = path[path.length - 1];
                return {
                    ...position,
                    path: formatPath(path),
                    message: `duplicate key "${String(key)}"; a key may appear only once in a mapping, so delete one of them`,
                };
            }
        }
        if (error.code === 'MULTIPLE_DOCS') {
            return {
                ...position,
                path: '',
                message: 'a policy file holds one YAML document; delete this "---" and what follows, or merge the two',
            };
        }
        if (error.code === 'TAG_RESOLVE_FAILED') {
            const tag = /: (\S+)$/.exec(error.message)?.[1] ?? 'tag';
            const message = `unknown YAML tag ${tag}; policies use no tags (nor environment variables), so write the value itself`;
            return { ...position, path: '', message };
        }
        const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
        return { ...position, path: '', message: `invalid YAML: ${message}` };
    }
    /** Where the first alias is: the usual culprit when turning the document into data fails. */
    firstAlias() {
        let offset = 0;
        (0,dist/* visit */.YR)(this.doc, {
            Alias: (_, node) => {
                offset = node.range?.[0] ?? 0;
                return dist/* visit */.YR.BREAK;
            },
        });
        return this.offsetPosition(offset);
    }
    offsetPosition(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { line, column: col };
    }
    find(path) {
        let value = this.doc.contents;
        let key;
        for (const segment of path) {
            if ((0,dist/* isMap */.jh)(value)) {
                const pair = value.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment));
                if (!pair)
                    return { key, value: undefined, complete: false };
                key = pair.key;
                value = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(value) && typeof segment === 'number') {
                const item = value.items[segment];
                if (!item)
                    return { key, value: undefined, complete: false };
                // An item has no key; a problem about "the key" of an item points at the item itself.
                key = item;
                value = item;
            }
            else {
                return { key, value: undefined, complete: false };
            }
        }
        return { key, value: value, complete: true };
    }
    /** The key path of the mapping key that starts at `offset`. */
    pathOfKeyAt(offset) {
        let found;
        (0,dist/* visit */.YR)(this.doc, {
            Pair: (_, pair, ancestors) => {
                if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.range?.[0] !== offset)
                    return undefined;
                const path = [];
                let previous;
                for (const ancestor of ancestors) {
                    if ((0,dist/* isPair */.tO)(ancestor) && (0,dist/* isScalar */.jn)(ancestor.key))
                        path.push(String(ancestor.key.value));
                    if ((0,dist/* isSeq */.oP)(previous))
                        path.push(previous.items.indexOf(ancestor));
                    previous = ancestor;
                }
                path.push(String(pair.key.value));
                found = path;
                return dist/* visit */.YR.BREAK;
            },
        });
        return found;
    }
}


/***/ })

};

//# sourceMappingURL=31.index.js.map