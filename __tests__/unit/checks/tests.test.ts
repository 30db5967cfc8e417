import { describe, expect, it } from '@jest/globals';
import type { EvidencePolicy } from '../../../src/config/types.js';
import { checkTests } from '../../../src/evidence/checks/tests.js';
import { junitFormat } from '../../../src/evidence/formats/junit.js';
import type { TestReport } from '../../../src/evidence/types.js';
import { parseFixture } from '../../support/evidence-fixtures.js';

const DEFAULTS: EvidencePolicy['tests'] = { maxFailed: 0, minTotal: 1 };

/** A JUnit report with the given counts; `total` is their sum. */
function report(counts: Partial<Omit<TestReport, 'format' | 'total'>>): TestReport {
  const { passed = 0, failed = 0, errored = 0, skipped = 0, problems = [], declared } = counts;
  return {
    format: 'junit',
    total: passed + failed + errored + skipped,
    passed,
    failed,
    errored,
    skipped,
    problems,
    ...(declared ? { declared } : {}),
  };
}

function check(testReport: TestReport, policy: Partial<EvidencePolicy['tests']> = {}) {
  const checks = checkTests([{ format: 'junit', kind: 'tests', file: 'junit.xml', report: testReport }], {
    ...DEFAULTS,
    ...policy,
  });
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

const failure = (name: string, message?: string) => ({
  name,
  classname: 'suite',
  outcome: 'failure' as const,
  ...(message ? { message } : {}),
});

describe('checkTests', () => {
  it.each<[string, TestReport, Partial<EvidencePolicy['tests']>, 'pass' | 'fail' | 'warn']>([
    ['every case passed', report({ passed: 3 }), {}, 'pass'],
    ['one failure with maxFailed 0', report({ passed: 2, failed: 1, problems: [failure('a')] }), {}, 'fail'],
    ['one error with maxFailed 0', report({ passed: 2, errored: 1 }), {}, 'fail'],
    [
      'failures + errors within maxFailed 2',
      report({ passed: 5, failed: 1, errored: 1 }),
      { maxFailed: 2 },
      'pass',
    ],
    [
      'failures + errors over maxFailed 2',
      report({ passed: 5, failed: 2, errored: 1 }),
      { maxFailed: 2 },
      'fail',
    ],
    ['no test cases at all', report({}), {}, 'fail'],
    ['fewer cases than minTotal 10', report({ passed: 9 }), { minTotal: 10 }, 'fail'],
    ['skipped cases and no ratio policy', report({ passed: 8, skipped: 2 }), {}, 'pass'],
    [
      'skipped share within maxSkippedRatio',
      report({ passed: 8, skipped: 2 }),
      { maxSkippedRatio: 0.2 },
      'pass',
    ],
    [
      'skipped share over maxSkippedRatio',
      report({ passed: 7, skipped: 3 }),
      { maxSkippedRatio: 0.2 },
      'fail',
    ],
    ['declared totals that agree', report({ passed: 3, declared: { tests: 3, failures: 0 } }), {}, 'pass'],
    ['declared totals that disagree', report({ passed: 3, declared: { tests: 5 } }), {}, 'warn'],
    [
      'a failure and a disagreement: the failure decides',
      report({ failed: 1, declared: { tests: 5 } }),
      {},
      'fail',
    ],
  ])('%s → %s', (_case, testReport, policy, status) => {
    expect(check(testReport, policy).status).toBe(status);
  });

  it('always reports the four counts', () => {
    expect(check(report({ passed: 8, skipped: 2 })).reason).toBe('8 passed, 0 failed, 0 errored, 2 skipped');
    expect(check(report({ failed: 1, problems: [failure('t')] })).reason).toMatch(
      /\(0 passed, 1 failed, 0 errored, 0 skipped\)$/,
    );
  });

  it('names the count, the limit and the first failing cases', () => {
    const problems = [
      failure('adds', 'expected 3, got 4'),
      failure('subtracts'),
      failure('multiplies'),
      failure('divides'),
    ];
    expect(check(report({ passed: 1, failed: 4, problems })).reason).toBe(
      '4 test cases failed or errored, more than evidence.tests.maxFailed 0: ' +
        'suite › adds (failure: expected 3, got 4), suite › subtracts (failure), suite › multiplies (failure) and 1 more ' +
        '(1 passed, 4 failed, 0 errored, 0 skipped)',
    );
  });

  it('says how to satisfy minTotal and maxSkippedRatio', () => {
    expect(check(report({})).reason).toMatch(
      /^the report holds 0 test cases, fewer than evidence\.tests\.minTotal 1; pass the report/,
    );
    expect(check(report({ passed: 1, skipped: 3 }), { maxSkippedRatio: 0.5 }).reason).toMatch(
      /^75% of test cases were skipped, more than evidence\.tests\.maxSkippedRatio 0\.5 \(50%\)/,
    );
  });

  it('names the declared totals that disagree with the counted ones', () => {
    expect(
      check(report({ passed: 3, skipped: 1, declared: { tests: 5, skipped: 1, failures: 1 } })).reason,
    ).toBe(
      '3 passed, 0 failed, 0 errored, 1 skipped, but the report declares tests="5" (counted 4), failures="1" (counted 0); ' +
        'check that the runner wrote the whole report',
    );
  });

  it('returns one check per file, in order', () => {
    const checks = checkTests(
      [
        { format: 'junit', kind: 'tests', file: 'unit.xml', report: report({ passed: 1 }) },
        { format: 'junit', kind: 'tests', file: 'e2e.xml', report: report({ failed: 1 }) },
      ],
      DEFAULTS,
    );
    expect(checks.map(({ file, status, kind }) => [file, kind, status])).toEqual([
      ['unit.xml', 'tests', 'pass'],
      ['e2e.xml', 'tests', 'fail'],
    ]);
  });
});

describe('checkTests on real reports', () => {
  it('rejects the Surefire report with errors and failures, naming the first', () => {
    const document = parseFixture<'tests'>(
      junitFormat,
      'junit/surefire/TEST-action.surefire.report.email.EmailAddressTest.xml',
    );
    const [result] = checkTests([document], DEFAULTS);
    expect(result?.status).toBe('fail');
    expect(result?.reason).toContain(
      '7 test cases failed or errored, more than evidence.tests.maxFailed 0: action.surefire.report.email.EmailAddressTest › ' +
        "shouldNotContainInternationalizedHostNames (error: Invalid email address 'user@ñandú.com.ar')",
    );
  });

  it('warns about the pytest report whose suite declares 15 tests but holds 10 test cases', () => {
    const document = parseFixture<'tests'>(junitFormat, 'junit/pytest/python-xunit-pytest.xml');
    const [result] = checkTests([document], { ...DEFAULTS, maxFailed: 2 });
    expect(result).toEqual({
      kind: 'tests',
      file: 'junit/pytest/python-xunit-pytest.xml',
      status: 'warn',
      reason:
        '6 passed, 2 failed, 0 errored, 2 skipped, but the report declares tests="15" (counted 10); ' +
        'check that the runner wrote the whole report',
    });
  });

  it('passes go-junit-report output with skips when failures are within the limit', () => {
    const document = parseFixture<'tests'>(junitFormat, 'junit/go-junit-report/001-report.xml');
    expect(checkTests([document], { ...DEFAULTS, maxFailed: 1 })).toEqual([
      {
        kind: 'tests',
        file: 'junit/go-junit-report/001-report.xml',
        status: 'pass',
        reason: '2 passed, 1 failed, 0 errored, 2 skipped',
      },
    ]);
  });
});
