import { EvidenceFormatError } from '../../errors.js';
import type { TestReport } from '../types.js';
import type { EvidenceFormat, ParsedContent } from './types.js';

/** At most this many failing cases are kept for the report; the counts still cover them all. */
const MAX_PROBLEMS = 20;
/** Failure messages are often whole stack traces; the report needs the first line. */
const MAX_MESSAGE = 200;

const AGGREGATES = ['tests', 'failures', 'errors', 'skipped'] as const;
type Declared = NonNullable<TestReport['declared']>;

/**
 * An element as the loader's fast-xml-parser options give it: an object of `@_attributes`, child
 * arrays and `#text`, or a bare string for an element with no attributes and no children
 * (`<skipped/>` is `""`).
 */
type XmlElement = Record<string, unknown> | string;

/**
 * JUnit XML, which has no specification: Jenkins' junit-4.xsd is the de facto schema, and tools
 * disagree on the aggregates. So outcomes are counted from `testcase` elements at any depth
 * ("a test case is successful unless there is another result element underneath it"), and the
 * aggregates are kept only as hints to flag disagreement.
 */
export const junitFormat: EvidenceFormat = {
  name: 'junit',

  recognises(content: ParsedContent): boolean {
    return content.syntax === 'xml' && (content.root === 'testsuites' || content.root === 'testsuite');
  },

  parse(content: ParsedContent, file: string) {
    if (content.syntax !== 'xml' || (content.root !== 'testsuites' && content.root !== 'testsuite')) {
      throw new EvidenceFormatError('JUnit XML: the root element must be <testsuites> or <testsuite>', file);
    }
    const roots = elements(content.document[content.root]);
    const report: TestReport = {
      format: 'junit',
      total: 0,
      passed: 0,
      failed: 0,
      errored: 0,
      skipped: 0,
      problems: [],
    };
    for (const root of roots) countSuite(root, report);
    const declared = declaredTotals(content.root, roots, file);
    if (declared) report.declared = declared;
    return { format: 'junit', kind: 'tests', file, report };
  },
};

/** Counts the test cases of a suite and of every suite nested in it. */
function countSuite(suite: XmlElement, report: TestReport): void {
  for (const testcase of children(suite, 'testcase')) countCase(testcase, report);
  for (const nested of children(suite, 'testsuite')) countSuite(nested, report);
}

function countCase(testcase: XmlElement, report: TestReport): void {
  report.total += 1;
  // A case with several result elements counts once, by the worst of them.
  const failure = children(testcase, 'failure')[0];
  const error = failure === undefined ? children(testcase, 'error')[0] : undefined;
  if (failure !== undefined || error !== undefined) {
    const outcome = failure !== undefined ? 'failure' : 'error';
    if (outcome === 'failure') report.failed += 1;
    else report.errored += 1;
    if (report.problems.length < MAX_PROBLEMS) {
      const classname = attribute(testcase, 'classname');
      const message = messageOf((failure ?? error) as XmlElement);
      report.problems.push({
        name: attribute(testcase, 'name') ?? '',
        ...(classname ? { classname } : {}),
        outcome,
        ...(message ? { message } : {}),
      });
    }
  } else if (children(testcase, 'skipped').length > 0) {
    report.skipped += 1;
  } else {
    report.passed += 1;
  }
}

/**
 * The root's aggregate attributes. A `<testsuites>` root that declares none (pytest, Trivy) is
 * given the sum of its direct suites' attributes instead, so their claims are still checked.
 */
function declaredTotals(rootName: string, roots: XmlElement[], file: string): Declared | undefined {
  const root = roots[0];
  if (root === undefined) return undefined;
  const own = readAggregates(root, rootName, file);
  if (Object.keys(own).length > 0) return own;
  if (rootName !== 'testsuites') return undefined;
  const summed: Declared = {};
  for (const suite of children(root, 'testsuite')) {
    const declared = readAggregates(suite, 'testsuite', file);
    for (const key of AGGREGATES) {
      const value = declared[key];
      if (value !== undefined) summed[key] = (summed[key] ?? 0) + value;
    }
  }
  return Object.keys(summed).length ? summed : undefined;
}

function readAggregates(element: XmlElement, name: string, file: string): Declared {
  const declared: Declared = {};
  for (const key of AGGREGATES) {
    const text = attribute(element, key);
    if (text === undefined || text.trim() === '') continue;
    if (!/^\s*\d+\s*$/.test(text)) {
      throw new EvidenceFormatError(
        `JUnit XML: <${name} ${key}="${text}">: ${key} must be a whole number; fix the tool's output or pass the report it wrote`,
        file,
      );
    }
    declared[key] = Number(text);
  }
  return declared;
}

/** The `@_message` attribute, else the first non-empty line of the element's text. */
function messageOf(element: XmlElement): string | undefined {
  const text = attribute(element, 'message') || textOf(element);
  const line = text
    ?.split('\n')
    .map((part) => part.trim())
    .find(Boolean);
  if (!line) return undefined;
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

function elements(value: unknown): XmlElement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is XmlElement => typeof item === 'string' || (typeof item === 'object' && item !== null),
  );
}

function children(element: XmlElement, name: string): XmlElement[] {
  return typeof element === 'string' ? [] : elements(element[name]);
}

function attribute(element: XmlElement, name: string): string | undefined {
  if (typeof element === 'string') return undefined;
  const value = element[`@_${name}`];
  return typeof value === 'string' ? decodeCharacterReferences(value) : undefined;
}

function textOf(element: XmlElement): string | undefined {
  if (typeof element === 'string') return decodeCharacterReferences(element);
  const text = element['#text'];
  if (typeof text === 'string') return decodeCharacterReferences(text);
  // With isArray on every non-attribute node, fast-xml-parser may also hand text over as an array.
  if (Array.isArray(text))
    return decodeCharacterReferences(text.filter((part) => typeof part === 'string').join('\n'));
  return undefined;
}

/**
 * XML numeric character references (`&#10;`, `&#x41;`). fast-xml-parser 5 decodes them only with
 * `htmlEntities`, which the shared options leave off, and Surefire and pytest write newlines in
 * messages this way.
 */
function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g, (reference, hex?: string, decimal?: string) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}
