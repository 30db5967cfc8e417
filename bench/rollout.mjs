#!/usr/bin/env node
// bench/rollout: three figures of `glidepath rollout` (the committed bundle, run as the action runs
// it) against the demo world (examples/demo/world: a bare GitOps repository, a reconciler, a weighted
// splitter, load) with a real Prometheus scraping the world every second. Prints each figure with
// its target and PASS/MISS, and a baseline from the same run; asserts nothing.
//   1. Breach → revert latency: v3 (5% errors) is rolled out under a threshold guardrail on the
//      canary's error ratio (Prometheus provider, 1 s scrape, 1 s analysis interval). The bench
//      polls Prometheus with the guardrail's own query every 100 ms for the first value over the
//      threshold (the breach is visible), and the bare repository every 50 ms for a head carrying
//      Glidepath-Revert-Of (the revert is on the branch). Median of 3 fresh worlds.
//      Target: ≤ scrape interval + analysis interval + 2 s.
//   2. Peak memory of a whole rollout process: v2 (healthy) promoted through 5 steps, the e2e
//      policy (counts, mSPRT against stable) with short bakes; peak RSS from getrusage via
//      bench/report-rss.mjs, against `node -e 0` and `--help` in the same run. Target ≤ 150 MB.
//      A diagnostic reruns it with GLIDEPATH_DEBUG=1, which turns source maps on. Rollouts run with
//      the node flags of action.yml's run line (printed), as the action runs them.
//   3. Cold start: median of 10 runs of `node dist/index.js --help` against `node -e 0`
//      (interleaved, after one untimed run of each). Target ≤ 1.5×.
// Without `prometheus` on PATH figure 1 is skipped (loudly) and figure 2 uses the web provider.
// Run: npm run build && node bench/rollout.mjs   (GLIDEPATH_BIN overrides dist/index.js; ~2 min)
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { DIGESTS, IMAGE_REPOSITORY, seedGitops, startWorld } from '../examples/demo/world/world.mjs';
import { demoPolicy } from '../examples/demo/rollout.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.GLIDEPATH_BIN ?? join(root, 'dist/index.js');
/** The node flags action.yml runs the bundle with, so the rollout is measured as the action runs it. */
const ACTION_FLAGS = (
  /run: node (.*?)"\$GITHUB_ACTION_PATH\/dist\/index\.js"/.exec(
    readFileSync(join(root, 'action.yml'), 'utf8'),
  )?.[1] ?? ''
)
  .split(/\s+/)
  .filter(Boolean);
const reportRss = join(root, 'bench/report-rss.mjs');
const execFileAsync = promisify(execFile);
const MB = 1_000_000;

/** Scrape and analysis intervals of figure 1, in seconds, and its target. */
const SCRAPE_S = 1;
const INTERVAL_S = 1;
const LATENCY_TARGET_S = SCRAPE_S + INTERVAL_S + 2;
/** The error ratio the guardrail of figure 1 fails above: production errs on 1%, v3 on 5%. */
const THRESHOLD = 0.03;
const REPEATS = 3;
const MEMORY_TARGET_MB = 150;
const COLD_RUNS = 10;
const COLD_TARGET = 1.5;
const RPS = 1000;
const BEHAVIOURS = {
  [DIGESTS.v1]: { errorRate: 0.01, latencyMs: 10 },
  [DIGESTS.v2]: { errorRate: 0.01, latencyMs: 10 },
  [DIGESTS.v3]: { errorRate: 0.05, latencyMs: 10 },
};
// The child must not become a GitHub deployment of whatever repository the bench runs in.
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(GITHUB_|GLIDEPATH_TOKEN$|INPUT_)/.test(key)),
);

const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'glidepath-bench-rollout-'));

function git(args, cwd) {
  const run = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...childEnv, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A bare repository seeded with the world's manifests (as examples/demo/rollout.mjs does). */
async function seedRepository(into) {
  const work = join(into, 'seed');
  const bare = join(into, 'gitops.git');
  git(['init', '-q', '-b', 'main', work]);
  await seedGitops(work);
  git(['add', '-A'], work);
  git(['-c', 'user.name=Platform', '-c', 'user.email=p@acme.invalid', 'commit', '-q', '-m', 'seed'], work);
  git(['clone', '-q', '--bare', work, bare]);
  return bare;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const hasPrometheus = spawnSync('prometheus', ['--version'], { encoding: 'utf8' }).status === 0;

/** Prometheus scraping `target` (host:port) every SCRAPE_S, on a temporary data directory. */
async function startPrometheus(target, into) {
  const config = join(into, 'prometheus.yml');
  writeFileSync(
    config,
    `global: { scrape_interval: ${SCRAPE_S}s, evaluation_interval: ${SCRAPE_S}s }
scrape_configs:
  - job_name: world
    scrape_interval: ${SCRAPE_S}s
    scrape_timeout: ${SCRAPE_S}s
    static_configs: [{ targets: ['${target}'] }]
`,
  );
  const port = await freePort();
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(into, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const address = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = globalThis.setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        globalThis.clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  // Ready, and the world scraped at least twice (so `increase` has samples before the rollout).
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await delay(100)) {
    if (child.exitCode !== null) throw new Error(`prometheus exited ${child.exitCode}: ${stderr}`);
    const value = await instant(address, `count_over_time(up{job="world"}[1m])`).catch(() => undefined);
    if (value !== undefined && value >= 2) return { address, close };
  }
  await close();
  throw new Error(`prometheus at ${address} did not scrape the world within 20 s: ${stderr}`);
}

/** The value of an instant query now (NaN and empty results are undefined). */
async function instant(address, query) {
  const response = await globalThis.fetch(`${address}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = await response.json();
  const value = Number(body?.data?.result?.[0]?.value?.[1]);
  return Number.isFinite(value) ? value : undefined;
}

const counts = (code) => `sum(increase(http_requests_total{track="{{canary}}"${code}}[{{window}}]))`;
const ratioQuery = `${counts(',code="500"')} / ${counts('')}`;

/** The policy of a bench rollout; `analysis` is the YAML of its analysis section. */
function policy(bare, world, { steps, bake, analysis }) {
  return demoPolicy({ bare, metricsUrl: world.metricsUrl, steps, bake, analysis });
}

/** Spawns `glidepath rollout` (`program`, default the bundle) for `digest`, reporting its peak RSS. */
function spawnRollout(policyFile, digest, program = bin, extraEnv = {}) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      reportRss,
      ...ACTION_FLAGS,
      program,
      'rollout',
      '--policy',
      policyFile,
      '--artifact',
      `${IMAGE_REPOSITORY}@sha256:${digest}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...childEnv, ...extraEnv } },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        output,
        rssKb: Number(/GLIDEPATH_BENCH_MAXRSS_KB=(\d+)/.exec(output)?.[1] ?? NaN),
      }),
    );
  });
  return { child, done };
}

/** A fresh bare repository, world and (when available) Prometheus for `run`; all torn down after. */
async function withWorld(name, usePrometheus, run) {
  const into = join(dir, name);
  mkdirSync(into);
  const bare = await seedRepository(into);
  const world = await startWorld({ gitDir: bare, rps: RPS, seed: name, behaviours: BEHAVIOURS });
  let prometheus;
  try {
    if (usePrometheus) prometheus = await startPrometheus(new URL(world.metricsUrl).host, into);
    return await run({ into, bare, world, prometheus });
  } finally {
    await prometheus?.close();
    await world.stop();
  }
}

/** Figure 1, once: milliseconds from the breach visible in Prometheus to the revert on the branch. */
async function breachToRevert(index) {
  return withWorld(`breach-${index}`, true, async ({ into, bare, world, prometheus }) => {
    const policyFile = join(into, 'glidepath.yaml');
    writeFileSync(
      policyFile,
      policy(bare, world, {
        // One step is the path measured: v3 at 20% breaches the threshold within a scrape or two.
        steps: [20, 100],
        bake: '10s',
        analysis: `
provider: { kind: prometheus, address: ${prometheus.address}, timeout: 5s }
interval: ${INTERVAL_S}s
window: 5s
warmup: 0s
metricLag: 0s
guardrails:
  - name: error-ratio
    query: '${ratioQuery}'
    max: ${THRESHOLD}`,
      }),
    );
    const query = ratioQuery.replaceAll('{{canary}}', 'canary').replaceAll('{{window}}', '5s');
    const t0 = Date.now();
    const { done } = spawnRollout(policyFile, DIGESTS.v3);
    let exited = false;
    const result = done.finally(() => (exited = true));
    let breachAt;
    let breachValue;
    let revertAt;
    const watchPrometheus = (async () => {
      while (breachAt === undefined && !exited) {
        const value = await instant(prometheus.address, query).catch(() => undefined);
        if (value !== undefined && value > THRESHOLD) [breachAt, breachValue] = [Date.now(), value];
        else await delay(100);
      }
    })();
    const watchGit = (async () => {
      // One more look after the process exits: the revert may land between two polls and the exit.
      for (let last = false; revertAt === undefined && !last;) {
        last = exited;
        const { stdout } = await execFileAsync('git', [
          '--git-dir',
          bare,
          'log',
          '-1',
          '--format=%H%n%B',
          'main',
        ]);
        if (stdout.includes('Glidepath-Revert-Of')) revertAt = Date.now();
        else if (!last) await delay(50);
      }
    })();
    const [{ code, output, rssKb }] = await Promise.all([result, watchPrometheus, watchGit]);
    const failed = /analysis fail: (.*)/.exec(output)?.[1] ?? '';
    if (breachAt === undefined || revertAt === undefined) {
      console.log(
        `  run ${index + 1}: exit ${code}; breach ${breachAt ? 'seen' : 'never seen'}, revert ${revertAt ? 'seen' : 'never seen'}\n${output.slice(-3000)}`,
      );
      return undefined;
    }
    const latency = revertAt - breachAt;
    console.log(
      `  run ${index + 1}: breach visible +${seconds(breachAt - t0)} (ratio ${breachValue.toFixed(3)}), revert on main +${seconds(revertAt - t0)}: ${seconds(latency)}  exit ${code}, peak RSS ${(rssKb / 1024).toFixed(0)} MiB`,
    );
    if (failed) console.log(`         ${failed.slice(0, 140)}`);
    return latency;
  });
}

/** Figure 2: a healthy v2 promoted through 5 steps; the process's peak RSS and outcome. */
async function healthyRollout(usePrometheus, name = 'healthy', program = bin, extraEnv = {}) {
  return withWorld(name, usePrometheus, async ({ into, bare, world, prometheus }) => {
    const provider = usePrometheus
      ? `provider: { kind: prometheus, address: ${prometheus.address}, timeout: 5s }
counts:
  requests: '${counts('')}'
  errors: '${counts(',code="500"')}'
guardrails:
  - name: error-ratio
    query: '${ratioQuery}'
    max: 0.2
    compare: { test: msprt }`
      : `provider: { kind: web, jsonPath: '{$.value}', timeout: 2s }
counts:
  requests: '${world.metricsUrl}/count?track={{canary}}&kind=requests&window={{window}}'
  errors: '${world.metricsUrl}/count?track={{canary}}&kind=errors&window={{window}}'
guardrails:
  - name: error-ratio
    query: '${world.metricsUrl}/ratio?track={{canary}}&window={{window}}'
    max: 0.2
    compare: { test: msprt }`;
    const policyFile = join(into, 'glidepath.yaml');
    writeFileSync(
      policyFile,
      policy(bare, world, {
        steps: [1, 5, 25, 50, 100],
        bake: '4s',
        analysis: `${provider}
interval: ${INTERVAL_S}s
window: 5s
warmup: 1s
metricLag: 1s
minSamples: 20
maxExtension: 12s`,
      }),
    );
    const t0 = Date.now();
    const result = await spawnRollout(policyFile, DIGESTS.v2, program, extraEnv).done;
    const commits = git(['--git-dir', bare, 'log', '--format=%s', 'main']).trim().split('\n').length - 1;
    return { ...result, ms: Date.now() - t0, commits };
  });
}

/** Peak RSS (KiB) and wall time (ms) of one synchronous run of node with `args`. */
function measured(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: childEnv });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { ms, rssKb: Number(/GLIDEPATH_BENCH_MAXRSS_KB=(\d+)/.exec(child.stderr)?.[1] ?? NaN) };
}

/** Whether any file under src/ is newer than the bundle (then the bench measures old code). */
function staleBundle() {
  const built = statSync(bin).mtimeMs;
  const walk = (path) =>
    readdirSync(path, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? walk(join(path, entry.name)) : statSync(join(path, entry.name)).mtimeMs > built,
    );
  return bin === join(root, 'dist/index.js') && walk(join(root, 'src'));
}

const results = [];
try {
  console.log(
    `glidepath: ${bin}; node ${process.version} ${ACTION_FLAGS.join(' ')} (action.yml); world ${RPS} req/s; temp ${dir}`,
  );
  if (staleBundle()) {
    console.log(
      '!! WARNING: src/ has files newer than dist/index.js; the bundle may be stale: npm run build !!',
    );
  }

  // ── 1. breach → revert ─────────────────────────────────────────────────────────────────────
  console.log(
    `\n1. breach → revert latency: v3 (5% errors) at 20%, guardrail max ${THRESHOLD} on the canary error ratio, Prometheus scrape ${SCRAPE_S} s, analysis interval ${INTERVAL_S} s, warm-up 0 s, metricLag 0 s (polls: Prometheus 100 ms, git 50 ms)`,
  );
  if (hasPrometheus) {
    const latencies = [];
    for (let index = 0; index < REPEATS; index++) latencies.push(await breachToRevert(index));
    const measuredLatencies = latencies.filter((value) => value !== undefined);
    if (measuredLatencies.length === REPEATS) {
      const m = median(measuredLatencies);
      results.push(
        `breach → revert       median ${seconds(m)} of ${REPEATS} (target ≤ ${LATENCY_TARGET_S} s = scrape ${SCRAPE_S} s + interval ${INTERVAL_S} s + 2 s)  ${verdict(m <= LATENCY_TARGET_S * 1000)}`,
      );
    } else {
      results.push(
        `breach → revert       MISS: ${REPEATS - measuredLatencies.length} run(s) measured nothing`,
      );
    }
  } else {
    const note = 'SKIPPED — `prometheus` is not on PATH (apt-get install prometheus); no latency measured';
    console.log(`\n!!!!!!!! FIGURE 1 ${note} !!!!!!!!\n`);
    results.push(`breach → revert       ${note}`);
  }

  // ── 2. peak memory ─────────────────────────────────────────────────────────────────────────
  const empty = measured(['--import', reportRss, '-e', '0']);
  const help = measured(['--import', reportRss, bin, '--help']);
  console.log(
    `\n2. peak memory: v2 (healthy) through steps 1, 5, 25, 50, 100, bake 4 s, ${hasPrometheus ? 'Prometheus' : 'web (no prometheus on PATH)'} provider, counts + mSPRT vs stable`,
  );
  const healthy = await healthyRollout(hasPrometheus);
  const rssMb = (healthy.rssKb * 1024) / MB;
  console.log(
    `  exit ${healthy.code} (${healthy.code === 0 ? 'promoted' : 'NOT promoted'}), ${healthy.commits} commits on main, ${seconds(healthy.ms)}`,
  );
  if (healthy.code !== 0) console.log(healthy.output.slice(-3000));
  console.log(`  node -e 0:                    peak RSS ${((empty.rssKb * 1024) / MB).toFixed(1)} MB`);
  console.log(`  node dist/index.js --help:    peak RSS ${((help.rssKb * 1024) / MB).toFixed(1)} MB`);
  console.log(
    `  glidepath rollout (5 steps):  peak RSS ${rssMb.toFixed(1)} MB (${(healthy.rssKb / empty.rssKb).toFixed(2)}x node -e 0)`,
  );
  // Diagnostic: the bundle loads no source maps unless GLIDEPATH_DEBUG is set (then Node maps
  // every command chunk through dist/*.map); the same rollout with it set shows what maps cost.
  const debug = await healthyRollout(hasPrometheus, 'healthy-source-maps', bin, { GLIDEPATH_DEBUG: '1' });
  console.log(
    `  diagnostic, GLIDEPATH_DEBUG=1 (source maps on): peak RSS ${((debug.rssKb * 1024) / MB).toFixed(1)} MB (exit ${debug.code})`,
  );
  results.push(
    `rollout peak memory   ${rssMb.toFixed(1)} MB (target ≤ ${MEMORY_TARGET_MB} MB)  ${verdict(Number.isFinite(rssMb) && rssMb <= MEMORY_TARGET_MB)}${healthy.code === 0 ? '' : ` (the rollout exited ${healthy.code})`}`,
  );

  // ── 3. cold start ──────────────────────────────────────────────────────────────────────────
  console.log(`\n3. cold start: ${COLD_RUNS} interleaved runs each, after one untimed run of each`);
  measured(['-e', '0']);
  measured([bin, '--help']);
  const base = [];
  const ours = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    base.push(measured(['-e', '0']).ms);
    ours.push(measured([bin, '--help']).ms);
  }
  const ratio = median(ours) / median(base);
  console.log(`  node -e 0:                  median ${median(base).toFixed(1)} ms`);
  console.log(`  node dist/index.js --help:  median ${median(ours).toFixed(1)} ms`);
  results.push(
    `cold start            ${ratio.toFixed(2)}x node -e 0 (${median(ours).toFixed(0)} ms vs ${median(base).toFixed(0)} ms; target ≤ ${COLD_TARGET}x)  ${verdict(ratio <= COLD_TARGET)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nsummary (${seconds(Date.now() - started)} in all)`);
for (const line of results) console.log(`  ${line}`);
