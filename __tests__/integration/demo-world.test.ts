/**
 * The local demo world (examples/demo/world/, issue 5 item 8) against real git and real sockets:
 * the files it reads are written by Glidepath's own editors (planSetWeight with the gateway-api
 * router, planSetImage), its YAML reader is held to the `yaml` package on every fixture in the
 * repository, and its /metrics is checked by Prometheus's own `promtool check metrics`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import {
  DEFAULT_BEHAVIOURS,
  DIGESTS,
  SEED_FILES,
  TrafficMetrics,
  YamlSubsetError,
  deploymentYaml,
  imageOf,
  parseWindow,
  parseYamlDocuments,
  readDeploymentImage,
  readRouteWeights,
  routeYaml,
  seedGitops,
  startWorld,
  type AppliedState,
  type World,
} from '../../examples/demo/world/world.mjs';
import { ImageRef } from '../../src/evidence/image-ref.js';
import { planSetImage } from '../../src/manifests/set-image.js';
import { parseManifestSource } from '../../src/manifests/yaml-edit.js';
import { gatewayApiRouter } from '../../src/traffic/routers/gateway-api.js';
import { planSetWeight } from '../../src/traffic/set-weight.js';
import {
  cloneCheckout,
  createBareRepo,
  gitText,
  type Checkout,
  type TempBareRepo,
} from '../support/git-remote.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SERVICES = { stable: 'demo-stable', canary: 'demo-canary' };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Polls `probe` every 50 ms until it returns a value, or fails with `what` after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

/** Prometheus text exposition samples: `name{labels} value` → [{ name, labels, value }]. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

describe('the YAML subset reader', () => {
  it('reads every YAML fixture in the repository as the yaml package does, or refuses it; never misreads', () => {
    const misread: string[] = [];
    const refused: string[] = [];
    let read = 0;
    for (const file of yamlFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      const documents = parseAllDocuments(text);
      if (documents.some((document) => document.errors.length > 0)) continue; // deliberately broken fixtures
      try {
        const got = parseYamlDocuments(text, file);
        if (JSON.stringify(got) === JSON.stringify(documents.map((document) => document.toJS()))) read++;
        else misread.push(file);
      } catch (error) {
        if (!(error instanceof YamlSubsetError)) throw error;
        refused.push(file);
      }
    }
    expect(misread).toEqual([]);
    // 130 of 132 when this was written; the two refused hold block scalars (Argo CD's Application).
    expect(read).toBeGreaterThanOrEqual(120);
    expect(refused.length).toBeLessThan(read / 10);
  });

  it.each([
    ['kubectl zero-indent list', 'a:\n- x\n- y\n', { a: ['x', 'y'] }],
    ['compact mapping items', 'l:\n  - n: 1\n    m: two\n  - n: 3\n', { l: [{ n: 1, m: 'two' }, { n: 3 }] }],
    ['flow collection over lines', 'f: [{a: 1}, {b: "x,y"},\n  c]\n', { f: [{ a: 1 }, { b: 'x,y' }, 'c'] }],
    [
      'comments, # inside quotes and plain words',
      "a: 'x # y' # c\nb: it's # c\nc: a#b\n",
      { a: 'x # y', b: "it's", c: 'a#b' },
    ],
    ['quote escapes', "a: 'it''s'\nb: \"t\\tu\\u00e9\"\n", { a: "it's", b: 't\tu\u00e9' }],
    [
      'core schema',
      'a: ~\nb: 0x1f\nc: 1e3\nd: "1"\ne: yes\nf: True\ng: 0o17\n',
      { a: null, b: 31, c: 1000, d: '1', e: 'yes', f: true, g: 15 },
    ],
    ['digest image', 'image: ghcr.io/a/b@sha256:ab\n', { image: 'ghcr.io/a/b@sha256:ab' }],
  ])('reads %s', (_name, text, expected) => {
    expect(parseYamlDocuments(text)).toEqual([expected]);
    expect(parseYamlDocuments(text)).toEqual(parseAllDocuments(text).map((document) => document.toJS()));
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n', /anchors/],
    ['block scalars', 'a: |\n  text\n', /block scalars/],
    ['tags', 'a: !!str 1\n', /tags/],
    ['multi-line plain scalars', 'a: one\n  two\n', /:2: unexpected indentation/],
    ['multi-line quoted scalars', 'a: "one\n  two"\n', /:1: quoted scalar does not end/],
    ['duplicate keys', 'a: 1\na: 2\n', /:2: duplicate key "a"/],
    ['merge keys', '<<: {a: 1}\n', /merge keys/],
    ['tab indentation', 'a:\n\tb: 1\n', /:2: tab in indentation/],
  ])('refuses %s, naming the line', (_name, text, message) => {
    expect(() => parseYamlDocuments(text, 'f.yaml')).toThrow(YamlSubsetError);
    expect(() => parseYamlDocuments(text, 'f.yaml')).toThrow(message);
  });
});

describe('the world reads what Glidepath writes', () => {
  it.each([0, 1, 5, 25, 50, 100])('planSetWeight(canary %i) on the seed route reads 100-n / n', (canary) => {
    const plan = planSetWeight(routeYaml(), SEED_FILES.route, {
      router: 'gateway-api',
      route: 'demo',
      canary,
    });
    expect(readRouteWeights(plan.after, SEED_FILES.route, SERVICES)).toEqual({
      stable: 100 - canary,
      canary,
    });
  });

  it.each(['weights', 'flow-style', 'default-weights', 'path-rules'])(
    'the gateway-api fixture %s: the same canary share the router reads',
    (name) => {
      const file = join(FIXTURES, 'traffic', 'gateway-api', `${name}.expected.yaml`);
      const text = readFileSync(file, 'utf8');
      const source = parseManifestSource(text, file);
      const route = String(
        source.documents.find((d) => d.get('kind') === 'HTTPRoute')?.getIn(['metadata', 'name']),
      );
      const reading = gatewayApiRouter.readWeights(source, { route });
      const weights = readRouteWeights(text, file, {
        stable: reading.stableService,
        canary: reading.canaryService,
      });
      expect((100 * weights.canary) / (weights.stable + weights.canary)).toBe(reading.canary.percent);
    },
  );

  it('planSetImage on the seed canary Deployment reads the new digest', () => {
    const plan = planSetImage(deploymentYaml('canary', DIGESTS.v1), SEED_FILES.canary, {
      image: ImageRef.parse(imageOf(DIGESTS.v3)),
      container: 'app',
    });
    expect(readDeploymentImage(plan.after, SEED_FILES.canary, { container: 'app' })).toEqual({
      image: `ghcr.io/acme/demo@sha256:${DIGESTS.v3}`,
      digest: DIGESTS.v3,
    });
  });

  it.each([
    [
      'an image without a digest',
      deploymentYaml('canary', DIGESTS.v1).replace(/image: .*/, 'image: ghcr.io/acme/demo:3.0'),
      /not pinned by digest/,
    ],
    [
      'a missing container',
      deploymentYaml('canary', DIGESTS.v1).replace('- name: app', '- name: web'),
      /no container named app/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => readDeploymentImage(text, 'canary.yaml', { container: 'app' })).toThrow(message);
  });

  it('refuses a route that sends traffic to a third Service', () => {
    const text = `${routeYaml()}    - name: demo-preview\n      port: 80\n      weight: 1\n`;
    expect(() => readRouteWeights(text, 'route.yaml', SERVICES)).toThrow(/also routes to demo-preview/);
  });

  it('the seed files are what the brief describes', async () => {
    expect(Object.values(DIGESTS).every((digest) => /^[0-9a-f]{64}$/.test(digest))).toBe(true);
    expect(DEFAULT_BEHAVIOURS[DIGESTS.v1]).toEqual({ errorRate: 0.001, latencyMs: 20 });
    expect(DEFAULT_BEHAVIOURS[DIGESTS.v2]).toEqual({ errorRate: 0.001, latencyMs: 20 });
    expect(DEFAULT_BEHAVIOURS[DIGESTS.v3]).toEqual({ errorRate: 0.05, latencyMs: 20 });
    const [route] = parseYamlDocuments(routeYaml()) as { kind: string; metadata: { name: string } }[];
    expect(route).toMatchObject({ kind: 'HTTPRoute', metadata: { name: 'demo' } });
    expect(readRouteWeights(routeYaml(), 'route.yaml', SERVICES)).toEqual({ stable: 100, canary: 0 });
    for (const track of ['stable', 'canary'] as const) {
      const [deployment] = parseYamlDocuments(deploymentYaml(track, DIGESTS.v1)) as {
        metadata: { name: string };
      }[];
      expect(deployment?.metadata.name).toBe(`demo-${track}`);
    }
  });
});

describe('windows and counters', () => {
  it.each([
    ['30s', 30_000],
    ['2m', 120_000],
    ['900s', 900_000],
    ['1h', 3_600_000],
    ['500ms', 500],
    [' 5m ', 300_000],
    ['0s', undefined],
    ['30', undefined],
    ['1d', undefined],
    ['-5s', undefined],
  ])('window %j is %j ms', (text, ms) => {
    expect(parseWindow(text)).toBe(ms);
  });

  it('counts an answer in a window until the window has passed it, and exposes the histogram', () => {
    let now = 10_000;
    const metrics = new TrafficMetrics({ now: () => now });
    metrics.record('stable', 200, 0.02);
    metrics.record('stable', 500, 0.02);
    metrics.record('canary', 200, 0.3);
    now = 39_950; // 29.95 s later: still inside a 30 s window (100 ms buckets)
    expect(metrics.window('stable', 30_000)).toEqual({ requests: 2, errors: 1 });
    now = 40_000; // 30 s later: out
    expect(metrics.window('stable', 30_000)).toEqual({ requests: 0, errors: 0 });
    expect(metrics.window('stable', 60_000)).toEqual({ requests: 2, errors: 1 });
    expect(metrics.totals().stable).toEqual({ requests: 2, errors: 1, codes: { '200': 1, '500': 1 } });
    const text = metrics.exposition();
    // 0.02 s falls in le=0.025 and above, not in le=0.01; 0.3 s first counts at le=0.5.
    expect(text).toContain('http_request_duration_seconds_bucket{track="stable",le="0.01"} 0\n');
    expect(text).toContain('http_request_duration_seconds_bucket{track="stable",le="0.025"} 2\n');
    expect(text).toContain('http_request_duration_seconds_bucket{track="canary",le="0.25"} 0\n');
    expect(text).toContain('http_request_duration_seconds_bucket{track="canary",le="0.5"} 1\n');
    expect(text).toContain('http_requests_total{track="canary",code="500"} 0\n');
  });
});

describe('startWorld on a real bare repository', () => {
  let bare: TempBareRepo;
  let work: Checkout;
  let world: World | undefined;
  let seedCommit: string;

  const status = async () => (await getJson<AppliedState>(`${world!.metricsUrl}/status`)).body;
  const ratio = async (track: string, window = '30s') =>
    (
      await getJson<{ value: number | null; requests: number }>(
        `${world!.metricsUrl}/ratio?track=${track}&window=${window}`,
      )
    ).body;
  const count = async (track: string, kind: string, window = '600s') =>
    (
      await getJson<{ value: number }>(
        `${world!.metricsUrl}/count?track=${track}&kind=${kind}&window=${window}`,
      )
    ).body.value;
  const push = async (message: string) => {
    await work.git(['commit', '--quiet', '--all', '--message', message]);
    await work.git(['push', '--quiet', 'origin', 'HEAD:main']);
    return gitText(['rev-parse', 'HEAD'], { cwd: work.dir });
  };

  beforeAll(async () => {
    bare = await createBareRepo({ empty: true });
    work = await cloneCheckout(bare.path);
    await seedGitops(work.dir);
    await work.git(['add', '--all']);
    seedCommit = await push('Seed the demo');
  });

  afterAll(async () => {
    await world?.stop();
    await Promise.all([work?.dispose(), bare?.dispose()]);
  });

  it('follows the branch, splits traffic by the applied weights and measures each version', async () => {
    // 1000 rps: at 50/50 the canary gets 500 a second, so ≥ 1,000 canary answers in about 2 s.
    world = await startWorld({ gitDir: bare.path, branch: 'main', rps: 1000, pollMs: 100, seed: 42 });

    // The seed: everything on stable, both tracks on v1.
    expect(await status()).toMatchObject({
      commit: seedCommit,
      weights: { stable: 100, canary: 0 },
      images: { stable: DIGESTS.v1, canary: DIGESTS.v1 },
      error: null,
    });
    await waitFor('stable traffic', async () =>
      (await count('stable', 'requests')) >= 300 ? true : undefined,
    );
    expect(await count('canary', 'requests')).toBe(0);
    expect(await ratio('canary')).toEqual({ value: null, requests: 0 });
    expect(world.snapshot().canary.requests).toBe(0);

    // Glidepath's step: canary image v3 and a 50/50 split, written by its own editors.
    const routeFile = join(work.dir, SEED_FILES.route);
    const canaryFile = join(work.dir, SEED_FILES.canary);
    const weight = planSetWeight(await readFile(routeFile, 'utf8'), SEED_FILES.route, {
      router: 'gateway-api',
      route: 'demo',
      canary: 50,
    });
    const image = planSetImage(await readFile(canaryFile, 'utf8'), SEED_FILES.canary, {
      image: ImageRef.parse(imageOf(DIGESTS.v3)),
      container: 'app',
    });
    await writeFile(routeFile, weight.after);
    await writeFile(canaryFile, image.after);
    const step = await push('Canary v3 at 50%');

    const applied = await waitFor('the step to be applied', async () => {
      const body = await status();
      return body.commit === step ? body : undefined;
    });
    expect(applied).toMatchObject({
      weights: { stable: 50, canary: 50 },
      images: { stable: DIGESTS.v1, canary: DIGESTS.v3 },
      refs: { canary: imageOf(DIGESTS.v3) },
      error: null,
    });

    // v3 fails 5 %: over ≥ 1,000 answers the standard error is sqrt(0.05·0.95/1000) = 0.69 %, so
    // 2 %..9 % is more than 4.3 of them either side. v1 fails 0.1 %: 1 % is 9 times that.
    const canary = await waitFor(
      'canary answers',
      async () => {
        const body = await ratio('canary');
        return body.requests >= 1000 ? body : undefined;
      },
      10_000,
    );
    expect(canary.value).toBeGreaterThan(0.02);
    expect(canary.value).toBeLessThan(0.09);
    const stable = await ratio('stable');
    expect(stable.requests).toBeGreaterThan(1000);
    expect(stable.value).toBeLessThan(0.01);

    // /count over the longer window holds at least what /ratio saw, at the same error share.
    const requests = await count('canary', 'requests');
    const errors = await count('canary', 'errors');
    expect(requests).toBeGreaterThanOrEqual(canary.requests);
    expect(errors).toBeGreaterThan(0);
    expect(errors / requests).toBeLessThan(0.09);

    // /metrics: Prometheus's own linter accepts it, and in one scrape each track's histogram
    // count equals the sum of its request counters.
    const metrics = await fetch(`${world.metricsUrl}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const exposition = await metrics.text();
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    expect({ status: lint.status, output: `${lint.stdout}${lint.stderr}` }).toEqual({
      status: 0,
      output: '',
    });
    const all = samples(exposition);
    for (const track of ['stable', 'canary']) {
      const total = all
        .filter((s) => s.name === 'http_requests_total' && s.labels.track === track)
        .reduce((sum, s) => sum + s.value, 0);
      const histogram = all.filter(
        (s) => s.name === 'http_request_duration_seconds_bucket' && s.labels.track === track,
      );
      const histogramCount = all.find(
        (s) => s.name === 'http_request_duration_seconds_count' && s.labels.track === track,
      );
      expect(histogramCount?.value).toBe(total);
      expect(histogram.at(-1)).toMatchObject({ labels: { le: '+Inf' }, value: total });
      expect(histogram.map((s) => s.value)).toEqual([...histogram.map((s) => s.value)].sort((a, b) => a - b));
    }
    const canaryErrors = all.find(
      (s) => s.name === 'http_requests_total' && s.labels.track === 'canary' && s.labels.code === '500',
    );
    expect(canaryErrors?.value).toBeGreaterThanOrEqual(errors);
  });

  it('keeps the applied commit when the next one cannot be applied, and says why', async () => {
    const before = await status();
    const canaryFile = join(work.dir, SEED_FILES.canary);
    const text = await readFile(canaryFile, 'utf8');
    await writeFile(canaryFile, text.replace(/image: .*/, 'image: ghcr.io/acme/demo:latest'));
    const broken = await push('An unpinned image');
    const body = await waitFor('the error', async () => {
      const current = await status();
      return current.error?.commit === broken ? current : undefined;
    });
    expect(body.commit).toBe(before.commit);
    expect(body.weights).toEqual(before.weights);
    expect(body.error?.message).toMatch(
      /apps\/demo\/canary\.yaml: image "ghcr\.io\/acme\/demo:latest" is not pinned by digest/,
    );
  });

  it.each([
    ['/ratio?track=blue&window=30s', 400, /track "blue"/],
    ['/ratio?track=canary&window=30', 400, /window "30"/],
    ['/count?track=canary&kind=latency&window=60s', 400, /kind "latency"/],
    ['/nothing', 404, /no \/nothing/],
  ])('%s answers %i', async (path, code, message) => {
    const { status: got, body } = await getJson<{ error: string }>(`${world!.metricsUrl}${path}`);
    expect(got).toBe(code);
    expect(body.error).toMatch(message);
  });

  it('stop() closes every socket', async () => {
    const { metricsUrl, trafficUrl } = world!;
    await world!.stop();
    world = undefined;
    await expect(fetch(`${metricsUrl}/status`)).rejects.toThrow();
    await expect(fetch(trafficUrl)).rejects.toThrow();
  });
});

describe('seeded routing', () => {
  let bare: TempBareRepo;

  beforeAll(async () => {
    bare = await createBareRepo({
      files: {
        [SEED_FILES.route]: routeYaml({ stable: 50, canary: 50 }),
        [SEED_FILES.stable]: deploymentYaml('stable', DIGESTS.v1),
        [SEED_FILES.canary]: deploymentYaml('canary', DIGESTS.v2),
      },
    });
  });

  afterAll(async () => {
    await bare?.dispose();
  });

  /** 200 requests one after another (so their order is fixed): each answer's track and code. */
  async function answers(seed: number): Promise<string[]> {
    const world = await startWorld({
      gitDir: bare.path,
      rps: 0,
      seed,
      // sha256: prefixed keys are accepted too; latency 0 keeps the test fast.
      behaviours: {
        [`sha256:${DIGESTS.v1}`]: { errorRate: 0.5, latencyMs: 0 },
        [DIGESTS.v2]: { errorRate: 0, latencyMs: 0 },
      },
    });
    try {
      const out: string[] = [];
      for (let i = 0; i < 200; i++) {
        const response = await fetch(world.trafficUrl);
        await response.arrayBuffer();
        out.push(`${response.headers.get('x-demo-track')} ${response.status}`);
      }
      expect(world.snapshot().stable.requests + world.snapshot().canary.requests).toBe(200);
      return out;
    } finally {
      await world.stop();
    }
  }

  it('gives the same answers for the same seed, others for another, in the configured proportions', async () => {
    const first = await answers(42);
    expect(await answers(42)).toEqual(first);
    expect(await answers(43)).not.toEqual(first);
    const tally = (key: string) => first.filter((answer) => answer === key).length;
    // 50/50 routing and v1's 50 % errors: each of the three outcomes is a binomial draw whose
    // mean is within these bounds by > 5 standard deviations (sd ≈ 7 for n = 200, p = 1/2).
    expect(tally('canary 200') + tally('canary 500')).toBeGreaterThan(60);
    expect(tally('canary 200') + tally('canary 500')).toBeLessThan(140);
    expect(tally('canary 500')).toBe(0); // v2 never fails
    expect(tally('stable 500')).toBeGreaterThan(20);
    expect(tally('stable 200')).toBeGreaterThan(20);
  });
});
