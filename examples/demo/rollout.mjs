// The rollout half of the demo: a complete local world, started and stopped here —
//   - a bare GitOps repository seeded with a Gateway API HTTPRoute and two Deployments (world/seed.mjs);
//   - "the cluster" (world/world.mjs): a reconciler that applies the branch head, a weighted traffic
//     splitter in front of versions v1 (stable), v2 (healthy) and v3 (5% errors), a load generator,
//     and a metrics endpoint (JSON for Glidepath's web provider, and /metrics for Prometheus);
//   - `glidepath rollout` (the committed bundle, as the action runs it) for v2, then for v3.
// v2 is promoted 1 → 5 → 25 → 50 → 100; v3 is reverted through Git at its first breach, its digest
// quarantined. At the end the GitOps repository's history shows one commit per step and the revert,
// with Glidepath-* trailers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DIGESTS, IMAGE_REPOSITORY, seedGitops, startWorld } from './world/world.mjs';

const git = (args, cwd) => {
  const run = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};

/**
 * How the versions answer. Production errs on 1% of requests (so that a 1% canary sees errors within
 * seconds, which a real service at 0.1% would take minutes to show); v3 errs on 5%.
 */
const BEHAVIOURS = {
  [DIGESTS.v1]: { errorRate: 0.01, latencyMs: 15 },
  [DIGESTS.v2]: { errorRate: 0.01, latencyMs: 15 },
  [DIGESTS.v3]: { errorRate: 0.05, latencyMs: 15 },
};

/** A bare repository seeded with the world's manifests (one deterministic commit on main). */
async function seedRepository(dir) {
  const work = join(dir, 'seed');
  const bare = join(dir, 'gitops.git');
  git(['init', '-q', '-b', 'main', work]);
  await seedGitops(work);
  git(['add', '-A'], work);
  git(
    [
      '-c',
      'user.name=Platform',
      '-c',
      'user.email=platform@acme.invalid',
      'commit',
      '-q',
      '-m',
      'seed: v1 in production',
    ],
    work,
  );
  git(['clone', '-q', '--bare', work, bare]);
  return bare;
}

/**
 * A rollout policy over the demo world: the seeded manifests as targets and route, the world's
 * /status as the reconcile wait, and `analysis` (the YAML body of the analysis section).
 */
export function demoPolicy({ bare, metricsUrl, steps = [1, 5, 25, 50, 100], bake = '8s', analysis }) {
  return `# A rollout policy over the demo world (examples/demo/rollout.mjs).
service: demo
environment: production
desired:
  repo: file://${bare}
  backend: git
  targets:
    - { kind: deployment, path: apps/demo/canary.yaml, container: app }
  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }
exposure:
  steps: [${steps.join(', ')}]
  bake: ${bake}
  reconcile: { wait: http, url: ${metricsUrl}/status, timeout: 20s }
analysis:
${analysis.trim().replace(/^/gm, '  ')}
`;
}

/** The demo's analysis: fast looks, the web provider against the world's metrics. */
function policy(bare, metricsUrl) {
  return demoPolicy({
    bare,
    metricsUrl,
    analysis: `
provider: { kind: web, jsonPath: '{$.value}', timeout: 2s }
interval: 1s
window: 5s
warmup: 1s
metricLag: 0s
minSamples: 20
maxExtension: 8s
counts:
  requests: '${metricsUrl}/count?track={{canary}}&kind=requests&window={{window}}'
  errors: '${metricsUrl}/count?track={{canary}}&kind=errors&window={{window}}'
guardrails:
  - name: error-ratio
    query: '${metricsUrl}/ratio?track={{canary}}&window={{window}}'
    max: 0.2                      # the catastrophe guard: 20% errors in any 5 s window
    compare: { test: msprt }      # canary vs stable: the sequential test catches 1% -> 5%
`,
  });
}

/** Runs `glidepath rollout` for `digest`, streaming its progress; resolves with the exit status. */
function rollout(program, policyFile, digest, log) {
  const artifact = `${IMAGE_REPOSITORY}@sha256:${digest}`;
  log(`$ glidepath rollout --policy ${policyFile} --artifact ${artifact.slice(0, 40)}…`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [program, 'rollout', '--policy', policyFile, '--artifact', artifact],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const forward = (stream) =>
      stream.on('data', (chunk) => {
        for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  ${line}`);
      });
    forward(child.stdout);
    forward(child.stderr);
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

/**
 * The whole rollout demo. Returns `{ healthy, bad, history }`: the exit statuses of the two rollouts
 * (0 promoted, 1 reverted) and the GitOps history (`git log` with trailers).
 */
export async function runRolloutDemo({ program, log = console.log, rps = 1000 }) {
  const dir = mkdtempSync(join(tmpdir(), 'glidepath-demo-rollout-'));
  let world;
  try {
    const bare = await seedRepository(dir);
    world = await startWorld({ gitDir: bare, rps, seed: 7, behaviours: BEHAVIOURS });
    const policyFile = join(dir, 'glidepath.yaml');
    writeFileSync(policyFile, policy(bare, world.metricsUrl));
    log(`world: traffic ${world.trafficUrl}, metrics ${world.metricsUrl}, ${rps} req/s, GitOps ${bare}`);

    log('\n━━ v2, a healthy release: promoted step by step while the canary matches stable');
    const healthy = await rollout(program, policyFile, DIGESTS.v2, log);
    log(`exit status ${healthy}`);

    log('\n━━ v3, a bad release (5% errors): reverted through Git at its first breach');
    const bad = await rollout(program, policyFile, DIGESTS.v3, log);
    log(`exit status ${bad}`);

    const history = git(
      [
        'log',
        '--format=%h %s%n%(trailers:key=Glidepath-Step,key=Glidepath-Weight,key=Glidepath-Verdict,key=Glidepath-Revert-Of,separator=%x2C )',
        'main',
      ],
      bare,
    );
    log('\n━━ the GitOps repository: every exposure change is a commit');
    log(
      history
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => `  ${line}`)
        .join('\n'),
    );
    return { healthy, bad, history, snapshot: world.snapshot() };
  } finally {
    await world?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
