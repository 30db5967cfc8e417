import type { EvidencePolicy } from '../../config/types.js';
import type { Check, EvidenceDocument, TestReport } from '../types.js';

type TestsDocument = Extract<EvidenceDocument, { kind: 'tests' }>;

/** Failing cases named in a reason; the report's problem list holds up to 20. */
const NAMED_PROBLEMS = 3;

/**
 * One check per JUnit file: fail when more cases failed or errored than `maxFailed`, when the file
 * holds fewer than `minTotal` cases, or when skipped cases exceed `maxSkippedRatio`; warn when the
 * counted outcomes disagree with the totals the file declares; pass otherwise.
 */
export function checkTests(docs: TestsDocument[], policy: EvidencePolicy['tests']): Check[] {
  return docs.map(({ file, report }) => {
    const problems = violations(report, policy);
    const counts = countsOf(report);
    if (problems.length)
      return { kind: 'tests', file, status: 'fail', reason: `${problems.join('; ')} (${counts})` };
    const disagreement = disagreementOf(report);
    if (disagreement) {
      return {
        kind: 'tests',
        file,
        status: 'warn',
        reason: `${counts}, but ${disagreement}; check that the runner wrote the whole report`,
      };
    }
    return { kind: 'tests', file, status: 'pass', reason: counts };
  });
}

function violations(report: TestReport, policy: EvidencePolicy['tests']): string[] {
  const problems: string[] = [];
  const bad = report.failed + report.errored;
  if (bad > policy.maxFailed) {
    problems.push(
      `${bad} test ${bad === 1 ? 'case' : 'cases'} failed or errored, more than evidence.tests.maxFailed ` +
        `${policy.maxFailed}: ${namedProblems(report)}`,
    );
  }
  if (report.total < policy.minTotal) {
    problems.push(
      `the report holds ${report.total} test ${report.total === 1 ? 'case' : 'cases'}, fewer than ` +
        `evidence.tests.minTotal ${policy.minTotal}; pass the report of the full test run`,
    );
  }
  if (policy.maxSkippedRatio !== undefined && report.total > 0) {
    const ratio = report.skipped / report.total;
    if (ratio > policy.maxSkippedRatio) {
      problems.push(
        `${percent(ratio)} of test cases were skipped, more than evidence.tests.maxSkippedRatio ` +
          `${policy.maxSkippedRatio} (${percent(policy.maxSkippedRatio)})`,
      );
    }
  }
  return problems;
}

function namedProblems(report: TestReport): string {
  const named = report.problems.slice(0, NAMED_PROBLEMS).map((problem) => {
    const name = problem.classname ? `${problem.classname} › ${problem.name}` : problem.name;
    return problem.message
      ? `${name} (${problem.outcome}: ${problem.message})`
      : `${name} (${problem.outcome})`;
  });
  const more = report.failed + report.errored - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

function countsOf(report: TestReport): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.errored} errored, ${report.skipped} skipped`;
}

/** Declared aggregates that differ from the counts: a hint that the report was cut short or merged. */
function disagreementOf(report: TestReport): string | undefined {
  const declared = report.declared;
  if (!declared) return undefined;
  const counted = {
    tests: report.total,
    failures: report.failed,
    errors: report.errored,
    skipped: report.skipped,
  };
  const differing = (Object.keys(counted) as (keyof typeof counted)[])
    .filter((key) => declared[key] !== undefined && declared[key] !== counted[key])
    .map((key) => `${key}="${declared[key]}" (counted ${counted[key]})`);
  return differing.length ? `the report declares ${differing.join(', ')}` : undefined;
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}
