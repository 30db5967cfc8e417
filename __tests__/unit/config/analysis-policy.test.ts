/** The policy's `analysis:` section: provider, guardrails, comparisons, scoring and SLO. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { FILE, problemsOf, yaml } from '../../support/policy.js';

const PROVIDER = '  provider: { kind: prometheus, address: https://prometheus.acme.internal }';
const GUARD = '    - { name: error-rate, query: q, max: 0.01 }';

describe('analysis', () => {
  it('is absent from a policy that does not mention it', () => {
    expect('analysis' in parsePolicy('service: checkout\n', FILE)).toBe(false);
  });

  it('reads the DESIGN.md example with defaults filled in', () => {
    const policy = parsePolicy(
      yaml(
        'analysis:',
        '  provider: { kind: prometheus, address: https://prometheus.acme.internal }',
        '  warmup: 2m',
        '  minSamples: 500',
        '  counts: { requests: r, errors: e }',
        '  guardrails:',
        '    - name: error-rate',
        '      query: sum(rate(x{version="{{canary}}"}[{{window}}]))',
        '      max: 0.001',
        '      compare: { baseline: stable, test: msprt }',
        '    - name: latency-p99',
        '      query: histogram_quantile(0.99, y)',
        '      max: 0.2',
        '  slo: { objective: 99.9, errorRatio: r, period: 30d, freezeWhenExhausted: true }',
      ),
      FILE,
    );
    const analysis = policy.analysis!;
    expect(analysis.provider).toMatchObject({
      kind: 'prometheus',
      site: 'datadoghq.com',
      method: 'GET',
      headers: {},
    });
    expect(analysis.provider.timeout.milliseconds).toBe(30_000);
    expect(analysis.warmup.milliseconds).toBe(120_000);
    expect(analysis.interval.toString()).toBe('1m');
    expect(analysis.window.toString()).toBe('5m');
    expect(analysis.metricLag.toString()).toBe('1m');
    expect(analysis.minSamples).toBe(500);
    expect(analysis.scoring).toEqual({ pass: 95, marginal: 75, minPoints: 50, groups: {} });
    expect(analysis.guardrails[0]).toMatchObject({
      name: 'error-rate',
      max: 0.001,
      compare: { test: 'msprt', baseline: 'stable', alpha: 0.02 },
      limits: { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0 },
      dryRun: false,
    });
    expect(analysis.guardrails[1]?.limits.interval.toString()).toBe('1m');
    expect(analysis.slo).toMatchObject({ objective: 99.9, freezeWhenExhausted: true });
  });

  it("accepts the README's analysis example as written", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Verification: `analyze`'));
    const example = /```yaml\n(analysis:[\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const analysis = parsePolicy(example!, 'README.md').analysis!;
    expect(analysis.guardrails.map((guard) => guard.name)).toEqual([
      'error-rate',
      'latency-p99',
      'saturation',
    ]);
    expect(analysis.slo?.objective).toBe(99.9);
  });

  it('defaults minSamples to 500 with counts and 0 without', () => {
    const withCounts = parsePolicy(
      yaml('analysis:', PROVIDER, '  counts: { requests: r, errors: e }', '  guardrails:', GUARD),
      FILE,
    );
    const without = parsePolicy(yaml('analysis:', PROVIDER, '  guardrails:', GUARD), FILE);
    expect(withCounts.analysis?.minSamples).toBe(500);
    expect(without.analysis?.minSamples).toBe(0);
  });

  it.each<[string, string[], RegExp]>([
    [
      'an unknown provider kind, at load time',
      ['analysis:', '  provider: { kind: promethues, address: http://p:9090 }', '  guardrails:', GUARD],
      /^glidepath\.yaml:2:21: analysis\.provider\.kind: .*did you mean "prometheus"/,
    ],
    [
      'prometheus without an address',
      ['analysis:', '  provider: { kind: prometheus }', '  guardrails:', GUARD],
      /^glidepath\.yaml:2:13: analysis\.provider: kind prometheus needs address/,
    ],
    [
      'newrelic without an account',
      ['analysis:', '  provider: { kind: newrelic }', '  guardrails:', GUARD],
      /^glidepath\.yaml:2:13: analysis\.provider: kind newrelic needs accountId/,
    ],
    [
      'a key for another provider kind',
      [
        'analysis:',
        '  provider: { kind: prometheus, address: http://p:9090, site: datadoghq.eu }',
        '  guardrails:',
        GUARD,
      ],
      /^glidepath\.yaml:2:57: analysis\.provider\.site: applies only to provider kind datadog, not prometheus; delete it/,
    ],
    [
      'a body on a GET',
      ['analysis:', '  provider: { kind: web, body: x }', '  guardrails:', GUARD],
      /^glidepath\.yaml:2:32: analysis\.provider\.body: a GET request has no body; set method: POST or PUT/,
    ],
    [
      'a condition outside the safe grammar, with its column',
      [
        'analysis:',
        PROVIDER,
        '  guardrails:',
        '    - { name: x, query: q, successCondition: "process.exit(1)" }',
      ],
      /^glidepath\.yaml:4:46: analysis\.guardrails\[0\]\.successCondition: column 9: only the listed functions can be called/,
    ],
    [
      'a guardrail that judges nothing',
      ['analysis:', PROVIDER, '  guardrails:', '    - { name: x, query: q }'],
      /^glidepath\.yaml:4:7: analysis\.guardrails\[0\]: judges nothing; add min, max, successCondition, failureCondition, compare or history/,
    ],
    [
      'two guardrails with one name',
      ['analysis:', PROVIDER, '  guardrails:', GUARD, GUARD],
      /^glidepath\.yaml:5:15: analysis\.guardrails\[1\]\.name: "error-rate" is also analysis\.guardrails\[0\]'s name/,
    ],
    [
      'min above max',
      ['analysis:', PROVIDER, '  guardrails:', '    - { name: x, query: q, min: 2, max: 1 }'],
      /^glidepath\.yaml:4:33: analysis\.guardrails\[0\]\.min: is above max \(1\); no value could pass/,
    ],
    [
      'msprt without counts',
      ['analysis:', PROVIDER, '  guardrails:', '    - { name: x, query: q, compare: { test: msprt } }'],
      /^glidepath\.yaml:4:37: analysis\.guardrails\[0\]\.compare: test msprt compares cumulative error counts; add analysis\.counts/,
    ],
    [
      'minSamples without counts',
      ['analysis:', PROVIDER, '  minSamples: 100', '  guardrails:', GUARD],
      /^glidepath\.yaml:3:3: analysis\.minSamples: needs analysis\.counts/,
    ],
    [
      'group weights over 100',
      [
        'analysis:',
        PROVIDER,
        '  scoring: { groups: { a: 60, b: 50 } }',
        '  guardrails:',
        '    - { name: x, query: q, compare: { test: mann-whitney, group: a } }',
        '    - { name: y, query: q, compare: { test: mann-whitney, group: b } }',
      ],
      /analysis\.scoring\.groups: group weights sum to 110; they must total at most 100/,
    ],
    [
      'a weight for a group no guardrail is in',
      ['analysis:', PROVIDER, '  scoring: { groups: { latency: 50 } }', '  guardrails:', GUARD],
      /analysis\.scoring\.groups\.latency: no mann-whitney guardrail is in group "latency"/,
    ],
    [
      'marginal above pass',
      ['analysis:', PROVIDER, '  scoring: { pass: 80, marginal: 90 }', '  guardrails:', GUARD],
      /analysis\.scoring\.marginal: must not exceed pass \(80\)/,
    ],
    [
      'a duration without a unit',
      ['analysis:', PROVIDER, '  warmup: 2 minutes', '  guardrails:', GUARD],
      /^glidepath\.yaml:3:11: analysis\.warmup: .*is not a duration/,
    ],
    [
      'a secret written into the policy instead of a variable name',
      [
        'analysis:',
        '  provider: { kind: prometheus, address: http://p:9090, tokenEnv: "glc_abc-123" }',
        '  guardrails:',
        GUARD,
      ],
      /analysis\.provider\.tokenEnv: .*is not an environment variable name/,
    ],
  ])('points at %s', (_name, lines, expected) => {
    expect(problemsOf(yaml(...lines)).join('\n')).toMatch(expected);
  });
});
