/**
 * Gathering the gate's facts (src/gate/facts.ts) through a writer and a metric provider passed in:
 * the quarantine entry, the open-failure rule and its acknowledgement, and the error budget
 * `1 − ratio / (1 − objective)` at a 99.9% SLO (budget 0.001).
 */
import { describe, expect, it } from '@jest/globals';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { ConfigurationError, TransientError } from '../../../src/errors.js';
import { gatherFacts, measureBudget } from '../../../src/gate/facts.js';
import type { DesiredStateWriter, LoggedCommit, Trailers } from '../../../src/gitops/types.js';
import type { MeasurementRequest, MetricProvider } from '../../../src/metrics/providers/types.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const policy = parsePolicy(
  `service: checkout
environment: production
desired:
  repo: acme/gitops
  targets: [{ kind: deployment, path: apps/checkout/canary.yaml, container: app }]
analysis:
  provider: { kind: prometheus, address: http://127.0.0.1:9 }
  guardrails: [{ name: errors, query: errors, max: 0.01 }]
  slo:
    objective: 99.9
    errorRatio: 'ratio{service="{{service}}"}[{{window}}]'
    budgetErrorRatio: 'budget{service="{{service}}"}[{{window}}]'
    period: 30d
`,
  'glidepath.yaml',
);

function commit(sha: string, trailers: Trailers, headline = sha): LoggedCommit {
  return { sha, parents: [], headline, message: headline, trailers };
}

/** A writer over a fixed history (newest first) and quarantine file. */
function writer(
  log: LoggedCommit[],
  quarantine?: string,
  changed: Record<string, string[]> = {},
  overrides?: string,
): DesiredStateWriter {
  const files: Record<string, string | undefined> = {
    '.glidepath/quarantine.yaml': quarantine,
    '.glidepath/overrides.yaml': overrides,
  };
  return {
    commit: () => Promise.reject(new Error('the gate never commits')),
    readFile: (_ref, path) => Promise.resolve(files[path]),
    log: (_branch, n) => Promise.resolve(log.slice(0, n)),
    changedFiles: (sha) => Promise.resolve(changed[sha] ?? []),
  };
}

const rollout = { 'Glidepath-Rollout': 'checkout-7', 'Glidepath-Service': 'checkout' };
const step = commit('s1', {
  ...rollout,
  'Glidepath-Step': '1/3',
  'Glidepath-Weight': '1',
  'Glidepath-Digest': DIGEST,
});
const reversal = commit(
  'r1',
  { ...rollout, 'Glidepath-Revert-Of': 's1', 'Glidepath-Verdict': 'fail' },
  'revert checkout',
);
const AT = new Date('2026-05-04T10:00:00Z');

describe('gatherFacts', () => {
  it('finds the digest in the quarantine list', async () => {
    const quarantine = `digests:\n  - digest: ${DIGEST}\n    reason: "error rate"\n    rollout: checkout-7\n`;
    const facts = await gatherFacts({ policy, writer: writer([], quarantine), digest: DIGEST, at: AT });
    expect(facts).toEqual({
      environment: 'production',
      at: AT,
      digest: DIGEST,
      quarantined: { digest: DIGEST, reason: 'error rate', rollout: 'checkout-7' },
      overridesFile: '.glidepath/overrides.yaml',
    });
  });

  describe('the override: --override, else an entry in force in the overrides file', () => {
    const file = (until: string, extra = '') =>
      `overrides:\n  - environment: staging\n    kind: security\n    reason: other environment\n    until: ${until}\n` +
      `  - environment: production\n    kind: p0\n    reason: "INC-4211: hotfix"\n    until: ${until}\n${extra}`;

    it('takes the entry for the environment, saying where it is committed and until when', async () => {
      const facts = await gatherFacts({
        policy,
        writer: writer([], undefined, {}, file('2026-05-04T18:00:00Z')),
        at: AT,
      });
      expect(facts.override).toEqual({
        kind: 'p0',
        reason: 'INC-4211: hotfix',
        committed: { where: '.glidepath/overrides.yaml:6:5', until: '2026-05-04T18:00:00.000Z' },
      });
    });

    it('ignores an expired entry', async () => {
      const facts = await gatherFacts({
        policy,
        writer: writer([], undefined, {}, file('2026-05-04T09:59:59Z')),
        at: AT,
      });
      expect(facts.override).toBeUndefined();
    });

    it('an override given now wins over the file', async () => {
      const facts = await gatherFacts({
        policy,
        writer: writer([], undefined, {}, file('2026-05-04T18:00:00Z')),
        at: AT,
        override: { kind: 'security', reason: 'CVE-2026-1', by: 'octocat' },
      });
      expect(facts.override).toEqual({ kind: 'security', reason: 'CVE-2026-1', by: 'octocat' });
    });

    it('a broken file is no override and says why (FILE:LINE:COL and the fix), for the decision to show', async () => {
      const broken = `overrides:\n  - environment: production\n    kind: p1\n    reason: x\n    until: 2026-05-04T18:00:00Z\n`;
      const facts = await gatherFacts({ policy, writer: writer([], undefined, {}, broken), at: AT });
      expect(facts.override).toBeUndefined();
      expect(facts.overridesError).toBe(
        '.glidepath/overrides.yaml:3:11: overrides[0].kind must be p0 or security; got "p1"',
      );
    });
  });

  it.each<[string, LoggedCommit[], Record<string, string[]>, boolean]>([
    // name, log (newest first), files each commit changed, open failure?
    [
      'a promoted rollout is not a failure',
      [commit('p1', { ...rollout, 'Glidepath-Verdict': 'promoted' }), step],
      {},
      false,
    ],
    ['a rollout in progress is not a failure', [step], {}, false],
    ['the newest rollout reverted, nothing after it', [reversal, step], {}, true],
    [
      'a person fixed the canary manifest',
      [commit('h1', {}), reversal, step],
      { h1: ['apps/checkout/canary.yaml'] },
      false,
    ],
    [
      'a person edited the quarantine list',
      [commit('h1', {}), reversal, step],
      { h1: ['.glidepath/quarantine.yaml'] },
      false,
    ],
    ['a person changed an unrelated file', [commit('h1', {}), reversal, step], { h1: ['README.md'] }, true],
    [
      "another service's rollout does not acknowledge",
      [commit('o1', { 'Glidepath-Rollout': 'cart-1', 'Glidepath-Service': 'cart' }), reversal, step],
      { o1: ['apps/checkout/canary.yaml'] },
      true,
    ],
    [
      'a newer rollout of the service ends it',
      [commit('s2', { 'Glidepath-Rollout': 'checkout-8', 'Glidepath-Service': 'checkout' }), reversal, step],
      {},
      false,
    ],
  ])('%s', async (_name, log, changed, open) => {
    const facts = await gatherFacts({ policy, writer: writer(log, undefined, changed), at: AT });
    expect(facts.openFailure).toEqual(
      open ? { rollout: 'checkout-7', reason: 'verdict fail: revert checkout', sha: 'r1' } : undefined,
    );
  });

  it('leaves the budget out without a provider', async () => {
    const facts = await gatherFacts({ policy, writer: writer([]), at: AT });
    expect(facts.budget).toBeUndefined();
  });
});

function provider(
  answer: (request: MeasurementRequest) => number | undefined | Error,
): MetricProvider & { seen: MeasurementRequest[] } {
  const seen: MeasurementRequest[] = [];
  return {
    kind: 'prometheus',
    seen,
    query(request) {
      seen.push(request);
      const value = answer(request);
      if (value instanceof Error) return Promise.reject(value);
      return Promise.resolve({
        query: request.query,
        mode: 'instant',
        series: [],
        noData: value === undefined,
        ...(value === undefined ? {} : { value }),
      });
    },
  };
}

describe('measureBudget', () => {
  it.each<[string, number | undefined | Error, boolean, number | undefined, RegExp]>([
    // 0.0005 / 0.001 = 0.5 burnt → 50% remains.
    ['half spent', 0.0005, false, 0.5, /^50\.0% of the 30d budget remains$/],
    // 0.001 / 0.001 = 1 → 0 remains: spent.
    ['exactly spent', 0.001, true, 0, /^0\.0% of the 30d budget remains \(99\.9% SLO\)$/],
    // 0.002 / 0.001 = 2 → −1.
    ['overspent', 0.002, true, -1, /^-100\.0% of the 30d budget remains/],
    [
      'no data',
      undefined,
      false,
      undefined,
      /^unknown \(analysis\.slo\.budgetErrorRatio returned no single value\); not frozen$/,
    ],
    [
      'provider down',
      new TransientError('connection refused'),
      false,
      undefined,
      /could not be measured: connection refused\); not frozen$/,
    ],
  ])('%s', async (_name, value, frozen, remaining, reason) => {
    const fake = provider(() => value);
    const budget = await measureBudget(policy, fake, AT);
    expect(budget.frozen).toBe(frozen);
    expect(budget.remaining).toEqual(remaining === undefined ? undefined : expect.closeTo(remaining, 9));
    expect(budget.reason).toMatch(reason);
    expect(fake.seen).toEqual([{ query: 'budget{service="checkout"}[30d]', time: AT }]);
  });

  it('a query the back-end rejects is a ConfigurationError naming the field', async () => {
    const fake = provider(() => new ConfigurationError('bad PromQL'));
    await expect(measureBudget(policy, fake, AT)).rejects.toThrow(
      /^analysis\.slo\.budgetErrorRatio: bad PromQL$/,
    );
  });

  it('gatherFacts measures the budget when a provider is given', async () => {
    const facts = await gatherFacts({ policy, writer: writer([]), at: AT, provider: provider(() => 0.002) });
    expect(facts.budget?.frozen).toBe(true);
  });
});
