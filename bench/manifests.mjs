#!/usr/bin/env node
// bench/manifests: how long `glidepath edit set-image --write` takes to set one image across
// 10,000 manifests of mixed kinds (with comments) in one process, against the floor of merely
// parsing the same files with `yaml` in one process, and against `kubectl set image --local` run
// per file on a sample (when kubectl is on PATH). Prints figures and ratios; asserts nothing.
// Targets: at most 1.5x the parse floor; at least 50x faster per file than kubectl.
// Run: npm run build && node bench/manifests.mjs [files]   (GLIDEPATH_BIN overrides dist/index.js)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.GLIDEPATH_BIN ?? join(root, 'dist/index.js');
const count = Number(process.argv[2] ?? 10_000);
const runs = 3;
const kubectlSample = 50;
const dir = mkdtempSync(join(tmpdir(), 'glidepath-bench-manifests-'));
const base = join(dir, 'base');
const work = join(dir, 'work');
const digest = `sha256:${'4f6d1c0e9a8b7c6d5e4f3a2b1c0d9e8f'.repeat(2)}`;
const image = `ghcr.io/acme/app:2.0.0@${digest}`;

// Each generator writes one file in the style real repositories use; all run ghcr.io/acme/app.
const podSpec = (indent, n) =>
  [
    `containers:`,
    `- name: app # the service itself`,
    `  image: "ghcr.io/acme/app:1.${n % 50}.0"   # bumped by CI`,
    `  ports:`,
    `  - {name: http, containerPort: 8080}`,
    `  resources:`,
    `    limits: {cpu: 500m, memory: 256Mi}`,
    `- name: proxy`,
    `  image: envoyproxy/envoy:v1.30.1`,
  ]
    .map((line) => indent + line)
    .join('\n');
const workload = (apiVersion, kind, n, extra = '') => `# ${kind} app-${n}: owned by team ${n % 17}
apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: app-${n}
  labels: {app: app-${n}, tier: backend}
spec:${extra}
  selector:
    matchLabels:
      app: app-${n}
  template:
    metadata:
      labels:
        app: app-${n}
    spec:
${podSpec('      ', n)}
`;
const KINDS = [
  (n) =>
    `${workload('apps/v1', 'Deployment', n, '\n  replicas: 3')}---
# the Service in front of it
apiVersion: v1
kind: Service
metadata:
  name: app-${n}
spec:
  ports: [{port: 80, targetPort: http}]
`,
  (n) => workload('apps/v1', 'StatefulSet', n, `\n  serviceName: app-${n}\n  replicas: 2`),
  (n) => workload('apps/v1', 'DaemonSet', n),
  (n) =>
    workload(
      'argoproj.io/v1alpha1',
      'Rollout',
      n,
      '\n  replicas: 5\n  strategy:\n    canary:\n      steps: [{setWeight: 20}, {pause: {}}]',
    ),
  (n) => `# nightly job ${n}
apiVersion: batch/v1
kind: CronJob
metadata:
  name: app-${n}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
${podSpec('          ', n)}
`,
  (n) => `# overlay for app-${n}
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: prod-${n % 9}
resources:
  - ../../base
images:
  - name: ghcr.io/acme/app   # the app
    newTag: 1.${n % 50}.0
`,
  (n) => `# Helm values for app-${n}
replicaCount: 2
image:
  repository: ghcr.io/acme/app
  tag: "1.${n % 50}.0"   # set by CI
  pullPolicy: IfNotPresent
service:
  type: ClusterIP
  port: 80
`,
  (n) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: app-${n}
spec:
  interval: 10m
  chart:
    spec:
      chart: app
      sourceRef: {kind: HelmRepository, name: acme}
  values:
    image:
      repository: ghcr.io/acme/app
      tag: 1.${n % 50}.0   # set by CI
`,
];
mkdirSync(base);
const files = [];
for (let n = 0; n < count; n++) {
  const name = `${String(n).padStart(5, '0')}.yaml`;
  writeFileSync(join(base, name), KINDS[n % KINDS.length](n));
  files.push(name);
}
const bytes = files.reduce((sum, name) => sum + readFileSync(join(base, name)).length, 0);
console.log(`${count} manifests (${KINDS.length} kinds, ${(bytes / 1024 / 1024).toFixed(1)} MiB) in ${base}`);

/** Best wall time of `runs` runs of `args` in a fresh copy of the files. */
function time(label, command, args, { cwd = work, fresh = true } = {}) {
  const times = [];
  let child;
  for (let i = 0; i < runs; i++) {
    if (fresh) {
      rmSync(work, { recursive: true, force: true });
      cpSync(base, work, { recursive: true });
    }
    const start = process.hrtime.bigint();
    child = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0) {
      console.log(`${label}: exit ${child.status}\n${(child.stderr ?? '').slice(0, 2000)}`);
      rmSync(dir, { recursive: true, force: true });
      process.exit(1);
    }
  }
  const best = Math.min(...times);
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(7)} ms (best of ${runs})`);
  return { best, child };
}

// The floor: read every file and parse every document with `yaml`, in one process. A second
// floor adds what any in-place editor must also do: write each file back through a temporary
// file and a rename (on slow filesystems that, not YAML, dominates).
const yamlUrl = pathToFileURL(join(root, 'node_modules/yaml/dist/index.js')).href;
writeFileSync(
  join(dir, 'floor.mjs'),
  `import { parseAllDocuments } from ${JSON.stringify(yamlUrl)};
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
const write = process.env.FLOOR_WRITE === '1';
let documents = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  documents += parseAllDocuments(text).length;
  if (write) {
    writeFileSync(file + '.tmp', text, { flag: 'wx' });
    renameSync(file + '.tmp', file);
  }
}
console.log(documents);`,
);
const floor = time('floor: yaml parseAllDocuments, 1 process', process.execPath, [
  join(dir, 'floor.mjs'),
  ...files,
]);
process.env.FLOOR_WRITE = '1';
const floorWrite = time('floor + write back (temp file, rename)', process.execPath, [
  join(dir, 'floor.mjs'),
  ...files,
]);
delete process.env.FLOOR_WRITE;

const setImage = [bin, 'edit', 'set-image', ...files, '--image', image];
const diff = time('glidepath edit set-image (diff to stdout)', process.execPath, setImage);
const glidepath = time('glidepath edit set-image --write', process.execPath, [...setImage, '--write']);
const changed = readdirSync(work).filter((name) =>
  readFileSync(join(work, name), 'utf8').includes(digest),
).length;
console.log(`  files now carrying the digest: ${changed} of ${count}`);

const ratio = glidepath.best / floor.best;
console.log(
  `--write / parse floor:          ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
);
console.log(`--write / parse + write floor:  ${(glidepath.best / floorWrite.best).toFixed(2)}x`);
console.log(`diff    / parse floor:          ${(diff.best / floor.best).toFixed(2)}x`);

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
if (kubectl.status === 0) {
  // kubectl fails on multi-document files (the Service) and cannot read kustomizations or values,
  // so the sample is single-workload files it can set: StatefulSet, DaemonSet, CronJob.
  const sample = files.filter((_, n) => [1, 2, 4].includes(n % KINDS.length)).slice(0, kubectlSample);
  const loop = sample
    .map((name) => `kubectl set image --local -f ${name} app=${image} -o yaml > /dev/null || exit 1`)
    .join('\n');
  writeFileSync(join(dir, 'kubectl-loop.sh'), `set -e\n${loop}\n`);
  const perFile = time(
    `kubectl set image --local, ${sample.length} files`,
    'sh',
    [join(dir, 'kubectl-loop.sh')],
    {
      fresh: false,
      cwd: base,
    },
  );
  const kubectlPerFile = perFile.best / sample.length;
  const oursPerFile = glidepath.best / count;
  const speedup = kubectlPerFile / oursPerFile;
  console.log(
    `per file: kubectl ${kubectlPerFile.toFixed(1)} ms, glidepath ${oursPerFile.toFixed(3)} ms: ${speedup.toFixed(0)}x faster (target >= 50x) ${speedup >= 50 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  (kubectl over all ${count} files would take about ${((kubectlPerFile * count) / 1000).toFixed(0)} s)`,
  );
} else {
  console.log('kubectl is not on PATH: the per-file comparison is skipped');
}
rmSync(dir, { recursive: true, force: true });
