import { describe, expect, it } from '@jest/globals';
import { EvidenceFormatError } from '../../../src/errors.js';
import { junitFormat } from '../../../src/evidence/formats/junit.js';
import type { TestReport } from '../../../src/evidence/types.js';
import { fixtureContent, json, parseFixture } from '../../support/evidence-fixtures.js';
import { parseXml } from '../../support/parse-xml.js';

function parse(xml: string, file = 'report.xml'): TestReport {
  const document = junitFormat.parse(parseXml(xml), file);
  if (document.kind !== 'tests') throw new Error('expected a tests document');
  return document.report;
}

describe('junitFormat.recognises', () => {
  it.each([
    ['a <testsuites> root', '<testsuites><testsuite name="a"/></testsuites>', true],
    ['a <testsuite> root (Surefire)', '<testsuite name="a" tests="0"/>', true],
    ['another XML root', '<checkstyle version="4.3"/>', false],
    ['a root that only looks alike', '<testsuitez/>', false],
  ])('%s → %s', (_case, xml, expected) => {
    expect(junitFormat.recognises(parseXml(xml))).toBe(expected);
  });

  it('never claims JSON, even JSON that mentions test suites', () => {
    expect(junitFormat.recognises(json({ testsuites: [{ testsuite: [] }] }))).toBe(false);
  });
});

describe('junitFormat.parse on real reports', () => {
  // Counts from the testcase elements; `declared` is what the file claims about itself.
  it.each<[string, Omit<TestReport, 'format' | 'problems'>]>([
    [
      'junit/go-junit-report/001-report.xml',
      {
        total: 5,
        passed: 2,
        failed: 1,
        errored: 0,
        skipped: 2,
        declared: { tests: 5, failures: 1, skipped: 2 },
      },
    ],
    [
      'junit/go-junit-report/012-report.xml',
      {
        total: 11,
        passed: 6,
        failed: 4,
        errored: 0,
        skipped: 1,
        declared: { tests: 11, failures: 4, skipped: 1 },
      },
    ],
    [
      'junit/go-junit-report/014-report.xml',
      { total: 2, passed: 0, failed: 0, errored: 2, skipped: 0, declared: { tests: 2, errors: 2 } },
    ],
    [
      'junit/jest-junit/jest-junit.xml',
      {
        total: 6,
        passed: 1,
        failed: 4,
        errored: 0,
        skipped: 1,
        declared: { tests: 6, failures: 4, errors: 0 },
      },
    ],
    [
      'junit/nextest/basic.xml',
      {
        total: 3,
        passed: 2,
        failed: 1,
        errored: 0,
        skipped: 0,
        declared: { tests: 3, failures: 1, errors: 0 },
      },
    ],
    [
      // The root declares nothing, so the suites' own totals are summed; pytest-subtests made them disagree.
      'junit/pytest/python-xunit-pytest.xml',
      {
        total: 10,
        passed: 6,
        failed: 2,
        errored: 0,
        skipped: 2,
        declared: { tests: 15, failures: 2, errors: 0, skipped: 2 },
      },
    ],
    [
      'junit/pytest/report.xml',
      {
        total: 3,
        passed: 1,
        failed: 2,
        errored: 0,
        skipped: 0,
        declared: { tests: 3, failures: 2, errors: 0, skipped: 0 },
      },
    ],
    [
      'junit/surefire/TEST-action.surefire.report.calc.StringUtilsTest.xml',
      {
        total: 5,
        passed: 2,
        failed: 2,
        errored: 0,
        skipped: 1,
        declared: { tests: 5, failures: 2, errors: 0, skipped: 1 },
      },
    ],
    [
      'junit/surefire/TEST-action.surefire.report.email.EmailAddressTest.xml',
      {
        total: 9,
        passed: 2,
        failed: 2,
        errored: 5,
        skipped: 0,
        declared: { tests: 9, failures: 2, errors: 5, skipped: 0 },
      },
    ],
    [
      'junit/trivy/alpine-310.junit.golden',
      {
        total: 4,
        passed: 0,
        failed: 4,
        errored: 0,
        skipped: 0,
        declared: { tests: 4, failures: 4, errors: 0, skipped: 0 },
      },
    ],
  ])('%s', (path, expected) => {
    const { report } = parseFixture<'tests'>(junitFormat, path);
    const { format: _format, problems: _problems, ...counts } = report;
    expect(counts).toEqual(expected);
    expect(report.problems).toHaveLength(report.failed + report.errored);
  });

  it('names failing cases with their message attribute, keeping non-ASCII text (Surefire)', () => {
    const { report } = parseFixture<'tests'>(
      junitFormat,
      'junit/surefire/TEST-action.surefire.report.email.EmailAddressTest.xml',
    );
    expect(report.problems[0]).toEqual({
      name: 'shouldNotContainInternationalizedHostNames',
      classname: 'action.surefire.report.email.EmailAddressTest',
      outcome: 'error',
      message: "Invalid email address 'user@ñandú.com.ar'",
    });
    expect(report.problems.map((problem) => problem.outcome)).toEqual([
      'error',
      'error',
      'failure',
      'error',
      'error',
      'failure',
      'error',
    ]);
  });

  it('decodes numeric character references and keeps the first line of a multi-line message (pytest)', () => {
    const { report } = parseFixture<'tests'>(junitFormat, 'junit/pytest/report.xml');
    expect(report.problems[0]?.message).toBe("AssertionError: assert 'test' == 'xyz'");
  });

  it('uses the first line of the element text when there is no message attribute (jest-junit)', () => {
    const { report } = parseFixture<'tests'>(junitFormat, 'junit/jest-junit/jest-junit.xml');
    expect(report.problems[0]).toEqual({
      name: 'Failing test',
      classname: 'Test 1 › Test 1.1',
      outcome: 'failure',
      message: 'Error: expect(received).toBeTruthy()',
    });
  });
});

describe('junitFormat.parse on hand-written reports', () => {
  it('counts test cases in suites nested at any depth', () => {
    const report = parse(`<?xml version="1.0"?>
      <testsuites tests="4">
        <testsuite name="outer">
          <testcase name="a" classname="outer"/>
          <testsuite name="inner">
            <testcase name="b" classname="inner"/>
            <testsuite name="innermost">
              <testcase name="c" classname="innermost"><skipped message="flaky"/></testcase>
            </testsuite>
          </testsuite>
        </testsuite>
        <testsuite name="second"><testcase name="d"/></testsuite>
      </testsuites>`);
    expect(report).toMatchObject({
      total: 4,
      passed: 3,
      skipped: 1,
      failed: 0,
      errored: 0,
      declared: { tests: 4 },
    });
  });

  it.each([
    ['<failure>', 'failed', '<testcase name="t"><failure message="expected 1">stack</failure></testcase>'],
    ['<error>', 'errored', '<testcase name="t"><error message="boom"/></testcase>'],
    ['an empty <skipped/>', 'skipped', '<testcase name="t"><skipped/></testcase>'],
    ['no result element', 'passed', '<testcase name="t"><system-out>log</system-out></testcase>'],
    ['nothing at all (<testcase/>)', 'passed', '<testcase/>'],
    ['<failure> and <skipped>', 'failed', '<testcase name="t"><skipped/><failure/></testcase>'],
    ['<error> and <skipped>', 'errored', '<testcase name="t"><skipped/><error/></testcase>'],
  ] as const)('a case with %s is %s', (_case, outcome, testcase) => {
    const report = parse(`<testsuite name="s">${testcase}</testsuite>`);
    expect(report.total).toBe(1);
    expect(report[outcome]).toBe(1);
  });

  it('takes the message from the attribute, else the text, and shortens long ones', () => {
    const long = 'x'.repeat(500);
    const report = parse(`<testsuite name="s">
      <testcase name="attr" classname="C"><failure message="expected 2, got 3">at line 4</failure></testcase>
      <testcase name="text"><error>

        Error: connection refused
        at connect()</error></testcase>
      <testcase name="bare"><failure/></testcase>
      <testcase name="long"><failure message="${long}"/></testcase>
    </testsuite>`);
    expect(report.problems).toEqual([
      { name: 'attr', classname: 'C', outcome: 'failure', message: 'expected 2, got 3' },
      { name: 'text', outcome: 'error', message: 'Error: connection refused' },
      { name: 'bare', outcome: 'failure' },
      { name: 'long', outcome: 'failure', message: `${'x'.repeat(199)}…` },
    ]);
  });

  it('keeps at most 20 problems but counts every failure', () => {
    const cases = Array.from({ length: 25 }, (_, i) => `<testcase name="t${i}"><failure/></testcase>`).join(
      '',
    );
    const report = parse(`<testsuite name="s">${cases}</testsuite>`);
    expect(report.failed).toBe(25);
    expect(report.problems).toHaveLength(20);
    expect(report.problems[19]?.name).toBe('t19');
  });

  it('reads an empty report as zero test cases with no declared totals', () => {
    expect(parse('<testsuites/>')).toEqual({
      format: 'junit',
      total: 0,
      passed: 0,
      failed: 0,
      errored: 0,
      skipped: 0,
      problems: [],
    });
  });

  it('prefers the root aggregates over the suites when the root declares them', () => {
    const report = parse(`<testsuites tests="9" failures="0">
      <testsuite tests="1" failures="1"><testcase name="a"><failure/></testcase></testsuite>
    </testsuites>`);
    expect(report.declared).toEqual({ tests: 9, failures: 0 });
  });

  it('ignores empty aggregate attributes, as Trivy writes time=""', () => {
    expect(parse('<testsuite tests="" failures="0"><testcase name="a"/></testsuite>').declared).toEqual({
      failures: 0,
    });
  });

  it.each([
    ['<testsuites tests="many">', '<testsuites tests="many"><testsuite/></testsuites>', 'tests'],
    ['<testsuite failures="-1">', '<testsuite failures="-1"/>', 'failures'],
    ['a suite under an undeclared root', '<testsuites><testsuite skipped="1.5"/></testsuites>', 'skipped'],
  ])('rejects a non-numeric aggregate: %s', (_case, xml, field) => {
    const parsing = () => junitFormat.parse(parseXml(xml), 'results/junit.xml');
    expect(parsing).toThrow(EvidenceFormatError);
    expect(parsing).toThrow(
      new RegExp(`^results/junit\\.xml: JUnit XML: .*${field}.* must be a whole number`),
    );
  });

  it('refuses content that is not JUnit when called directly', () => {
    expect(() => junitFormat.parse(fixtureContent('scans/trivy/npm.json.golden'), 'npm.json')).toThrow(
      EvidenceFormatError,
    );
  });
});
