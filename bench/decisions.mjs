#!/usr/bin/env node
// bench/decisions: decision quality of Glidepath's default judges against an Argo/Flagger-style fixed
// threshold, by seeded simulation of a 1→5→25→50→100 rollout with a look every minute, plus the time
// the Mann–Whitney judge takes on 2 × 100,000 points. Prints tables with a PASS/MISS column per
// target, then one line per target of issue 4; asserts nothing.
// Run: node bench/decisions.mjs [replications per scenario, default 2000] [seed set A|B, default A]
// Seed set B draws replications 1,000,000 onwards: a second, disjoint world to check a setting on.
//
// How it runs the real code: it compiles src/analysis/{error-rate-gate,sufficiency,mann-whitney}.ts
// and what they import with `npx tsc -p bench/tsconfig.decisions.json --outDir <tmpdir>` (emit on,
// module NodeNext, same strictness as the project) and `import()`s the emitted JavaScript. Nothing
// of the judges is re-implemented here; this file only simulates traffic and drives the judges the
// way a rollout would (decision-and-evidence.md "Decision layer — ship" items 1–4 and 6).
//
// Model (all per replication, seeded, identical traffic for both judges — common random numbers):
// - Steps at 1, 5, 25, 50% canary weight are judged; reaching 100% is the promotion (no baseline is
//   left to compare against there). Baseline = the stable version taking the other 100 − w %.
// - Requests per minute per arm ~ Poisson(rate × 60 × share); errors ~ Binomial(requests, p).
// - Glidepath: each step bakes 5 min (minStepDuration), extendable by 10 min (policy default
//   maxExtension) until `canaryRequestsNeeded` (500 and n_c·p̂_b ≥ 1); looks on cumulative counts
//   since the step started; guard maxErrorRatio 1% (gate B's default); the error-rate gate's defaults
//   (alpha 0.02 per rollout, minRatio 3): one sequential test over the whole rollout, the state the
//   final look of a step returns being passed to the first look of the next, as a rollout carries it.
//   A provider error is skipped up to consecutiveErrorLimit 4 (the 5th in a row halts:
//   `error`, never a pass); no data is skipped before the step's deadline and fails after it (item 1).
//   Metric lag is not simulated (buckets are complete at each look); in production the 1-minute lag
//   skip delays each decision by one look.
// - Threshold judge (Argo Rollouts AnalysisRun semantics, anchors-rollouts.md b.1): per step count 5
//   measurements at interval 1m of the canary's error ratio over the last minute, successCondition
//   result ≤ 0.01 (≡ Flagger's request-success-rate ≥ 99), failureLimit 0; NaN (no canary request
//   that minute) fails the condition; a provider error or an empty result is an Error measurement
//   that does not count, and the 5th consecutive one aborts (consecutiveErrorLimit 4).
// - Latency: request latency lognormal (median 50 ms, σ 0.5: p99 ≈ 160 ms) times a per-minute load
//   factor shared by both arms (lognormal σ 0.1). A sample p99 of n requests is drawn as the
//   ⌈0.99 n⌉-th order statistic of n (its Beta law drawn from two gamma variates).
//   Glidepath: Kayenta-style judgeMetric (direction increase, confidence 0.98, tolerance 0.25) on
//   p99 points every 6 s since the step started (≥ 50 points per arm, "ship" item 6), High → fail.
//   Threshold: the canary's p99 over the last minute ≤ 500 ms (Flagger's request-duration default).
// - Canary requests to a decision: canary requests in the data the deciding look saw, summed over
//   the steps so far (for a promotion: all of them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const replications = Number(process.argv[2] ?? 2000);
const seedSet = (process.argv[3] ?? 'A').toUpperCase();
if (!(Number.isInteger(replications) && replications > 0) || !['A', 'B'].includes(seedSet)) {
  console.error('usage: node bench/decisions.mjs [replications, a positive integer] [seed set A|B]');
  process.exit(2);
}
const firstReplication = seedSet === 'A' ? 0 : 1_000_000;
const started = performance.now();

const out = mkdtempSync(join(tmpdir(), 'glidepath-bench-decisions-'));
const tsc = spawnSync('npx', ['tsc', '-p', join(root, 'bench/tsconfig.decisions.json'), '--outDir', out], {
  cwd: root,
  encoding: 'utf8',
});
if (tsc.status !== 0) {
  console.error(`tsc failed (exit ${tsc.status}):\n${tsc.stdout}${tsc.stderr}`);
  process.exit(1);
}
// The emitted files are ES modules; say so, since the temporary directory has no package.json above it.
writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
const load = (path) => import(pathToFileURL(join(out, path)).href);
const { judgeErrorRate, canaryRequestsNeeded } = await load('analysis/error-rate-gate.js');
const { assessSufficiency } = await load('analysis/sufficiency.js');
const {
  judgeMetric,
  mannWhitneyTest,
  inverseNormalCdf: inverseNormal,
} = await load('analysis/mann-whitney.js');
const { initialMsprtState } = await load('analysis/msprt.js');
const { Duration } = await load('config/duration.js');
rmSync(out, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// Random numbers: mulberry32 (Tommy Ettinger's 32-bit generator), one stream per (scenario,
// replication, step, purpose) so both judges see the same minute-by-minute world.

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function streamSeed(...parts) {
  let h = 0x811c9dc5;
  for (const part of parts) h = Math.imul(h ^ (part + 0x9e3779b9), 0x01000193) >>> 0;
  return h;
}

function normal(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Poisson(λ): Knuth's product method below 30, else the normal approximation (rounded, ≥ 0). */
function poisson(random, lambda) {
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = random();
    while (product > limit) {
      k++;
      product *= random();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
}

/** Binomial(n, p): inversion by the pmf recurrence while n·p < 30 (exact), else normal approximation. */
function binomial(random, n, p) {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n * p < 30) {
    const odds = p / (1 - p);
    let pmf = Math.pow(1 - p, n);
    let cdf = pmf;
    const u = random();
    let k = 0;
    while (u > cdf && k < n) {
      pmf *= ((n - k) / (k + 1)) * odds;
      cdf += pmf;
      k++;
    }
    return k;
  }
  const draw = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random));
  return Math.min(n, Math.max(0, draw));
}

const LATENCY_MEDIAN_MS = 50;
const LATENCY_SIGMA = 0.5;
const LOAD_SIGMA = 0.1;

/** Gamma(shape) for a whole-number shape: a sum of exponentials below 30, else Wilson–Hilferty. */
function gamma(random, shape) {
  if (shape < 30) {
    let sum = 0;
    for (let i = 0; i < shape; i++) sum -= Math.log(1 - random());
    return sum;
  }
  const c = 1 / (9 * shape);
  return shape * Math.pow(Math.max(0, 1 - c + normal(random) * Math.sqrt(c)), 3);
}

/**
 * The sample p99 of n lognormal latencies (ms) scaled by `factor`; NaN with no request. The k-th of
 * n uniform order statistics, k = ⌈0.99 n⌉, is Beta(k, n + 1 − k), so its distance from 1 is
 * G_m / (G_m + G_k) with m = n + 1 − k (one for the maximum) — drawn that way, the tail keeps its
 * precision near 1, where a normal approximation of the Beta would spill past it.
 */
function sampleP99(random, n, factor) {
  if (n === 0) return NaN;
  const k = Math.ceil(0.99 * n);
  const top = gamma(random, n + 1 - k);
  const upperTail = top / (top + gamma(random, k)); // 1 − U_(k)
  return factor * LATENCY_MEDIAN_MS * Math.exp(-LATENCY_SIGMA * inverseNormal(upperTail));
}

// ---------------------------------------------------------------------------------------------
// The world: one minute of one step.

const WEIGHTS = [1, 5, 25, 50];
const LOOKS_PER_STEP = 5; // 5 min bake with a look every minute, both judges
const BAKE_MINUTES = 5;
const EXTENSION_MINUTES = 10;
const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

/** Minute `t` (1-based) of step `w` for replication `rep`: traffic, errors, latency points, provider. */
function worldMinute(scenario, rep, stepIndex, t) {
  const random = mulberry32(streamSeed(scenario.id, firstReplication + rep, stepIndex, t));
  const w = WEIGHTS[stepIndex] / 100;
  const perMinute = scenario.rps * 60;
  const canaryRequests = poisson(random, perMinute * w);
  const baselineRequests = poisson(random, perMinute * (1 - w));
  // Both arms' error rates move together by step when the scenario drifts (time of day, load).
  const drift = scenario.drift?.[stepIndex] ?? 1;
  const minute = {
    canary: {
      requests: canaryRequests,
      errors: binomial(random, canaryRequests, scenario.canaryErrorRate * drift),
    },
    baseline: {
      requests: baselineRequests,
      errors: binomial(random, baselineRequests, scenario.baselineErrorRate * drift),
    },
    provider: 'ok',
  };
  if (scenario.flapping) {
    const u = random();
    minute.provider = u < scenario.flapping / 2 ? 'error' : u < scenario.flapping ? 'empty' : 'ok';
  }
  if (scenario.latencyFactor) {
    const load = Math.exp(LOAD_SIGMA * normal(random));
    // Ten 6-second points per arm: requests split evenly in expectation.
    const canaryPoints = [];
    const baselinePoints = [];
    for (let slot = 0; slot < 10; slot++) {
      canaryPoints.push(
        sampleP99(random, binomial(random, canaryRequests, 0.1), load * scenario.latencyFactor),
      );
      baselinePoints.push(sampleP99(random, binomial(random, baselineRequests, 0.1), load));
    }
    minute.canaryPoints = canaryPoints;
    minute.baselinePoints = baselinePoints;
    minute.canaryP99 = sampleP99(random, canaryRequests, load * scenario.latencyFactor);
  }
  return minute;
}

// ---------------------------------------------------------------------------------------------
// Judges. Each returns { outcome: 'promote' | 'rollback' | 'hold', canaryRequests }.

// The gate's own defaults (alpha 0.02 per rollout, minRatio 3), with gate B's guard.
const gateOptions = { maxErrorRatio: 0.01 };
const maxExtension = Duration.parse(`${EXTENSION_MINUTES}m`);
const CONSECUTIVE_ERROR_LIMIT = 4;

function glidepathRollout(scenario, rep) {
  let seenBefore = 0;
  // The error-rate gate's state, carried from each step's final look to the next step's first look.
  let state = initialMsprtState;
  for (let step = 0; step < WEIGHTS.length; step++) {
    const result = scenario.latencyFactor
      ? glidepathLatencyStep(scenario, rep, step)
      : glidepathErrorRateStep(scenario, rep, step, state);
    const canaryRequests = seenBefore + result.canaryRequests;
    if (result.outcome !== 'pass') return { outcome: result.outcome, canaryRequests };
    seenBefore = canaryRequests;
    state = result.state;
  }
  return { outcome: 'promote', canaryRequests: seenBefore };
}

function glidepathErrorRateStep(scenario, rep, step, rolloutState) {
  const stepStart = new Date(T0);
  const plannedEnd = new Date(T0 + BAKE_MINUTES * MINUTE);
  const deadline = T0 + (BAKE_MINUTES + EXTENSION_MINUTES) * MINUTE;
  let baseline = { requests: 0, errors: 0 };
  let canary = { requests: 0, errors: 0 };
  let state = rolloutState;
  let consecutiveErrors = 0;
  for (let t = 1; ; t++) {
    const minute = worldMinute(scenario, rep, step, t);
    baseline = add(baseline, minute.baseline);
    canary = add(canary, minute.canary);
    const now = T0 + t * MINUTE;
    if (minute.provider === 'error') {
      if (++consecutiveErrors > CONSECUTIVE_ERROR_LIMIT)
        return { outcome: 'hold', canaryRequests: canary.requests };
      continue;
    }
    consecutiveErrors = 0;
    if (minute.provider === 'empty') {
      if (now > deadline) return { outcome: 'rollback', canaryRequests: canary.requests };
      continue;
    }
    const sufficiency = assessSufficiency({
      stepStart,
      plannedEnd,
      now: new Date(now),
      canaryRequests: canary.requests,
      minSamples: canaryRequestsNeeded(baseline),
      maxExtension,
    });
    const judgement = judgeErrorRate(
      { baseline, canary, state, finalLook: sufficiency.finalLook },
      gateOptions,
    );
    state = judgement.state;
    if (judgement.phase === 'fail') return { outcome: 'rollback', canaryRequests: canary.requests };
    if (judgement.decided) {
      const outcome = judgement.phase === 'pass' ? 'pass' : 'hold';
      return { outcome, canaryRequests: canary.requests, state };
    }
  }
}

function glidepathLatencyStep(scenario, rep, step) {
  const canaryPoints = [];
  const baselinePoints = [];
  let canaryRequests = 0;
  for (let t = 1; t <= BAKE_MINUTES + EXTENSION_MINUTES; t++) {
    const minute = worldMinute(scenario, rep, step, t);
    canaryRequests += minute.canary.requests;
    canaryPoints.push(...minute.canaryPoints);
    baselinePoints.push(...minute.baselinePoints);
    const canaryValid = canaryPoints.filter((v) => !Number.isNaN(v)).length;
    const baselineValid = baselinePoints.filter((v) => !Number.isNaN(v)).length;
    if (canaryValid < 50 || baselineValid < 50) continue; // "ship" item 6: ≥ 50 points, else keep watching
    const judgement = judgeMetric(canaryPoints, baselinePoints, { direction: 'increase' });
    if (judgement.classification === 'High') return { outcome: 'rollback', canaryRequests };
    if (t >= BAKE_MINUTES) return { outcome: 'pass', canaryRequests };
  }
  return { outcome: 'hold', canaryRequests }; // never 50 points by the bake limit: inconclusive
}

function thresholdRollout(scenario, rep) {
  let canaryRequests = 0;
  for (let step = 0; step < WEIGHTS.length; step++) {
    let measured = 0;
    let consecutiveErrors = 0;
    for (let t = 1; measured < LOOKS_PER_STEP; t++) {
      const minute = worldMinute(scenario, rep, step, t);
      canaryRequests += minute.canary.requests;
      if (minute.provider !== 'ok') {
        // Argo: an empty vector makes `result[0]` an expression error — an Error measurement.
        if (++consecutiveErrors > CONSECUTIVE_ERROR_LIMIT) return { outcome: 'rollback', canaryRequests };
        continue;
      }
      consecutiveErrors = 0;
      measured++;
      const value = scenario.latencyFactor ? minute.canaryP99 : minute.canary.errors / minute.canary.requests; // NaN at 0/0
      const limit = scenario.latencyFactor ? 500 : 0.01;
      if (!(value <= limit)) return { outcome: 'rollback', canaryRequests }; // failureLimit 0
    }
  }
  return { outcome: 'promote', canaryRequests };
}

function add(a, b) {
  return { requests: a.requests + b.requests, errors: a.errors + b.errors };
}

// ---------------------------------------------------------------------------------------------
// Scenarios and targets.

// Every scenario at 200 req/s and 0.1% errors in both arms unless it says otherwise. `ratio` is the
// regression's size; `revertTarget` marks the scenarios the "≤ 1,200 to revert" target applies to;
// `issue` the identical-version scenarios issue 4 names (its "≥ 10× fewer" target applies to those).
// Ids seed the random streams: append new scenarios, never reorder.
const worse = (ratio) => ({ truth: 'worse', ratio });
const scenarios = [
  { name: 'identical, 0.1% errors', issue: true },
  { name: '0.1% → 0.5% errors (5×)', canaryErrorRate: 0.005, ...worse(5), revertTarget: true },
  {
    name: '0.1% → 0.5% (5×), 1,000 req/s',
    rps: 1000,
    canaryErrorRate: 0.005,
    ...worse(5),
    revertTarget: true,
  },
  { name: 'identical p99 latency', latencyFactor: 1 },
  { name: '2× p99 latency', latencyFactor: 2, ...worse(2) },
  { name: 'low traffic, identical', rps: 20, issue: true },
  { name: 'low traffic, 0.1% → 0.5%', rps: 20, canaryErrorRate: 0.005, ...worse(5) },
  { name: 'flapping provider, identical', flapping: 0.3, issue: true },
  { name: 'flapping provider, 0.1% → 0.5%', flapping: 0.3, canaryErrorRate: 0.005, ...worse(5) },
  { name: '0.1% → 0.3% errors (3×)', canaryErrorRate: 0.003, ...worse(3) },
  // The error rate of both arms doubles at the 25% step and triples at the 50% step: counts pooled
  // across steps of different canary weight would make the identical canary look worse (Simpson).
  { name: 'identical, rate 1-1-2-3× by step', drift: [1, 1, 2, 3] },
].map((scenario, index) => ({
  id: index + 1,
  rps: 200,
  baselineErrorRate: 0.001,
  canaryErrorRate: 0.001,
  truth: 'same',
  ...scenario,
}));

function summarise(results) {
  const n = results.length;
  const rate = (outcome) => results.filter((r) => r.outcome === outcome).length / n;
  const requests = results.map((r) => r.canaryRequests).sort((a, b) => a - b);
  const reverted = results
    .filter((r) => r.outcome === 'rollback')
    .map((r) => r.canaryRequests)
    .sort((a, b) => a - b);
  return {
    rollback: rate('rollback'),
    promote: rate('promote'),
    hold: rate('hold'),
    median: quantile(requests, 0.5),
    p90: quantile(requests, 0.9),
    revertMedian: reverted.length > 0 ? quantile(reverted, 0.5) : NaN,
  };
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const pct = (x) => `${(x * 100).toFixed(2)}%`;
const num = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const fewer = (glidepath, threshold) => (glidepath === 0 ? '∞' : `${(threshold / glidepath).toFixed(1)}×`);

console.log(
  `bench/decisions: ${replications.toLocaleString('en-US')} seeded replications per scenario and judge ` +
    `(seed set ${seedSet}); rollout 1→5→25→50→100, a look every minute.`,
);
console.log(
  `Glidepath: gates A+B+C (one exact mSPRT over the rollout, alpha 0.02, minRatio 3; guard 1%), ` +
    `Mann–Whitney for latency. Threshold: Argo-style, ≤ 1% errors / p99 ≤ 500 ms per minute, failureLimit 0.\n`,
);
const header = [
  'scenario',
  'judge',
  'rolled back',
  'promoted',
  'held',
  'median (p90) canary req. to decision',
  'targets',
];
const rows = [header];
const byScenario = new Map();
for (const scenario of scenarios) {
  const glidepath = [];
  const threshold = [];
  for (let rep = 0; rep < replications; rep++) {
    glidepath.push(glidepathRollout(scenario, rep));
    threshold.push(thresholdRollout(scenario, rep));
  }
  const summaries = { glidepath: summarise(glidepath), threshold: summarise(threshold) };
  byScenario.set(scenario.id, summaries);
  for (const [judge, s] of Object.entries(summaries)) {
    const targets = [];
    if (scenario.truth === 'same') {
      targets.push(`false rollbacks ${pct(s.rollback)} ≤ 2%: ${verdict(s.rollback <= 0.02)}`);
      if (judge === 'glidepath') {
        const other = summaries.threshold.rollback;
        const times = fewer(s.rollback, other);
        targets.push(
          other === 0
            ? `≥ 10× fewer false rollbacks: n/a (threshold judge had none)`
            : scenario.issue
              ? `≥ 10× fewer false rollbacks: ${times} ${verdict(s.rollback * 10 <= other)}`
              : `${times} fewer false rollbacks (not an issue-4 scenario)`,
        );
      }
    } else if (scenario.ratio >= 3) {
      targets.push(`false promotions ${pct(s.promote)} ≤ 1%: ${verdict(s.promote <= 0.01)}`);
      if (scenario.revertTarget) {
        targets.push(`median to revert ${num(s.revertMedian)} ≤ 1,200: ${verdict(s.revertMedian <= 1200)}`);
      }
    } else {
      targets.push(`false promotions ${pct(s.promote)} (no target below 3×)`);
    }
    rows.push([
      judge === 'glidepath' ? `${scenario.id}. ${scenario.name}` : '',
      judge,
      pct(s.rollback),
      pct(s.promote),
      pct(s.hold),
      `${num(s.median)} (${num(s.p90)})`,
      targets.join('; '),
    ]);
  }
}
printTable(header, rows);
console.log(
  `\nheld = stopped without promoting or reverting (inconclusive at the bake limit, or provider errors ` +
    `past consecutiveErrorLimit): a person decides. Scenarios: ${scenarios
      .map(
        (s) =>
          `${s.id}) ${s.rps} req/s${s.flapping ? `, ${s.flapping * 100}% of looks fail (half error, half empty)` : ''}`,
      )
      .join('; ')}.`,
);

// Issue 4's targets, Glidepath only, one line per target and scenario.
const glide = (id) => byScenario.get(id).glidepath;
const thresholdOf = (id) => byScenario.get(id).threshold;
const targetRows = [['issue 4 target', 'scenario', 'Glidepath', 'threshold judge', '']];
for (const scenario of scenarios.filter((s) => s.revertTarget)) {
  const median = glide(scenario.id).revertMedian;
  targetRows.push([
    '≤ 1,200 median canary requests to revert',
    `${scenario.id}. ${scenario.name}`,
    num(median),
    num(thresholdOf(scenario.id).revertMedian),
    verdict(median <= 1200),
  ]);
}
for (const scenario of scenarios.filter((s) => s.truth === 'same' && !s.latencyFactor)) {
  const rate = glide(scenario.id).rollback;
  targetRows.push([
    '≤ 2% false rollbacks per rollout (identical)',
    `${scenario.id}. ${scenario.name}`,
    pct(rate),
    pct(thresholdOf(scenario.id).rollback),
    verdict(rate <= 0.02),
  ]);
}
for (const scenario of scenarios.filter((s) => s.truth === 'worse' && s.ratio >= 3)) {
  const rate = glide(scenario.id).promote;
  targetRows.push([
    '≤ 1% false promotions (≥ 3× regression)',
    `${scenario.id}. ${scenario.name}`,
    pct(rate),
    pct(thresholdOf(scenario.id).promote),
    verdict(rate <= 0.01),
  ]);
}
for (const scenario of scenarios.filter((s) => s.issue)) {
  const ours = glide(scenario.id).rollback;
  const theirs = thresholdOf(scenario.id).rollback;
  targetRows.push([
    '≥ 10× fewer false rollbacks than threshold',
    `${scenario.id}. ${scenario.name}`,
    `${pct(ours)} (${fewer(ours, theirs)} fewer)`,
    pct(theirs),
    verdict(ours * 10 <= theirs),
  ]);
}
console.log('');
printTable(targetRows[0], targetRows);

// ---------------------------------------------------------------------------------------------
// Mann–Whitney on 2 × 100,000 points: median of 5 runs each.

const random = mulberry32(streamSeed(99));
const control = Array.from({ length: 100_000 }, () => 100 * Math.exp(0.3 * normal(random)));
const experiment = Array.from({ length: 100_000 }, () => 103 * Math.exp(0.3 * normal(random)));
const time = (fn) => {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[2];
};
const testMs = time(() => mannWhitneyTest(experiment, control));
const judgeMs = time(() => judgeMetric(experiment, control));
console.log(`\nMann–Whitney on 2 × 100,000 points (median of 5 runs; target ≤ 200 ms):`);
console.log(`  mannWhitneyTest ${testMs.toFixed(0).padStart(5)} ms  ${testMs <= 200 ? 'PASS' : 'MISS'}`);
console.log(`  judgeMetric     ${judgeMs.toFixed(0).padStart(5)} ms  ${judgeMs <= 200 ? 'PASS' : 'MISS'}`);
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);

function printTable(columns, table) {
  const widths = columns.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const [index, row] of table.entries()) {
    console.log(
      row
        .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    );
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
