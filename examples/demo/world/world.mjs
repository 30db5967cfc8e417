/**
 * The local demo "world" for `npm run demo` (issue 5, item 8): a stand-in for a cluster that
 * Argo CD or Flux keeps in step with a GitOps repository, with live traffic and a metrics back end.
 *
 * - The reconciler polls the branch of a bare repository; on a new head it reads the HTTPRoute and
 *   the two Deployments from that commit and applies them: the split and the image (by digest)
 *   each track runs. A commit it cannot read is reported (`/status` → `error`) and the previous
 *   state stays applied, as a GitOps controller keeps the last synced revision.
 * - The traffic splitter (HTTP on 127.0.0.1) sends each request to stable or canary in proportion
 *   to the applied weights; the version the track runs answers 500 with its error rate, else 200,
 *   after its latency ± 10 %.
 * - The load generator sends `rps` requests a second through the splitter over keep-alive HTTP.
 * - The metrics server answers what Glidepath's analysis and reconcile wait ask: `/status`,
 *   `/ratio`, `/count`, and `/metrics` for a real Prometheus.
 *
 * Randomness is counter-based: request number n's route, error and jitter are a hash of (seed,
 * stream, n), so the same seed gives the same answers to the same sequence of requests.
 * Only Node's standard library and the `git` binary are used; the files are plain ESM.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { promisify } from 'node:util';
import { ApplyError, readDeploymentImage, readRouteWeights } from './manifests.mjs';
import { TRACKS, TrafficMetrics, parseWindow } from './metrics.mjs';
import { DEFAULT_BEHAVIOURS, DIGESTS, SEED_FILES } from './seed.mjs';

export { ApplyError, readDeploymentImage, readRouteWeights } from './manifests.mjs';
export { DURATION_BUCKETS, TrafficMetrics, parseWindow } from './metrics.mjs';
export {
  DEFAULT_BEHAVIOURS,
  DIGESTS,
  IMAGE_REPOSITORY,
  SEED_FILES,
  deploymentYaml,
  imageOf,
  routeYaml,
  seedGitops,
} from './seed.mjs';
export { YamlSubsetError, parseYamlDocuments } from './yaml-lite.mjs';

const run = promisify(execFile);

/** The Services the HTTPRoute splits between, and the container whose image is the version. */
const SERVICES = Object.freeze({ stable: 'demo-stable', canary: 'demo-canary' });
const CONTAINER = 'app';
/** Latency jitter: ± this fraction of a version's latency. */
const JITTER = 0.1;
/** Load generator: how often it tops up, and how many requests it keeps in flight at most. */
const LOAD_TICK_MS = 10;
const MAX_IN_FLIGHT = 256;
/** PRNG streams: one per decision, so changing one behaviour does not shift the others. */
const STREAM = Object.freeze({ route: 1, error: 2, jitter: 3 });

/**
 * @typedef {{ errorRate: number, latencyMs: number }} Behaviour
 * @typedef {{ stable: number, canary: number }} Weights
 * @typedef {{ stable: string, canary: string }} Pair
 * @typedef {{
 *   commit: string,
 *   weights: Weights,
 *   images: Pair,
 *   refs: Pair,
 *   appliedAt: string,
 *   error: { commit: string | null, message: string } | null,
 * }} AppliedState
 */

/**
 * Starts the world and resolves once the branch's head is applied and both servers listen.
 * Rejects when the head cannot be read or applied (seed the repository first, see seedGitops).
 * @param {import('./world.d.mts').WorldOptions} options
 * @returns {Promise<import('./world.d.mts').World>}
 */
export async function startWorld(options) {
  const settings = settingsOf(options);
  const log = settings.log;
  const metrics = new TrafficMetrics();
  const git = (/** @type {string[]} */ ...args) =>
    run('git', [`--git-dir=${settings.gitDir}`, ...args], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      maxBuffer: 8 * 1024 * 1024,
      timeout: 10_000,
    }).then(({ stdout }) => stdout);

  /** @type {AppliedState} */
  let state = await applyCommit(await headOf(git, settings.ref), git, settings);
  let lastSeen = state.commit;
  log(`applied ${short(state.commit)}: ${describe(state)}`);

  // ── reconciler ──────────────────────────────────────────────────────────────────────────
  let stopping = false;
  /** @type {Promise<void> | undefined} */
  let stopped;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pollTimer;
  /** @type {Promise<void>} */
  let polling = Promise.resolve();
  const poll = async () => {
    /** @type {string} */
    let head;
    try {
      head = await headOf(git, settings.ref);
    } catch (error) {
      // The branch may be gone for a moment (a force-push in two steps): keep the state, retry.
      state = { ...state, error: { commit: null, message: messageOf(error) } };
      return;
    }
    if (state.error?.commit === null) state = { ...state, error: null };
    if (head === lastSeen) return;
    lastSeen = head;
    try {
      state = await applyCommit(head, git, settings);
      log(`applied ${short(head)}: ${describe(state)}`);
    } catch (error) {
      state = { ...state, error: { commit: head, message: messageOf(error) } };
      log(`cannot apply ${short(head)}: ${messageOf(error)}; ${short(state.commit)} stays applied`);
    }
  };
  const schedule = () => {
    if (stopping) return;
    pollTimer = setTimeout(() => {
      polling = poll().finally(schedule);
    }, settings.pollMs);
  };
  schedule();

  // ── traffic splitter ────────────────────────────────────────────────────────────────────
  let sequence = 0;
  /** @type {Map<ReturnType<typeof setTimeout>, http.ServerResponse>} */
  const pending = new Map();
  const splitter = http.createServer((request, response) => {
    request.resume();
    const n = sequence++;
    const started = process.hrtime.bigint();
    const total = state.weights.stable + state.weights.canary;
    if (total === 0) {
      // Gateway API: a rule whose backends all weigh 0 answers 500.
      response.writeHead(500, { 'content-type': 'text/plain' }).end('no backend has weight\n');
      return;
    }
    /** @type {'stable' | 'canary'} */
    const track =
      uniform(settings.seed, STREAM.route, n) * total < state.weights.canary ? 'canary' : 'stable';
    const digest = state.images[track];
    const behaviour = settings.behaviours.get(digest);
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.record(track, response.statusCode, seconds);
    });
    const headers = { 'content-type': 'application/json', 'x-demo-track': track, 'x-demo-digest': digest };
    if (!behaviour) {
      // A version the world does not know cannot start, like an image that cannot be pulled.
      response
        .writeHead(503, headers)
        .end(`${JSON.stringify({ track, digest, error: 'unknown version' })}\n`);
      return;
    }
    const code = uniform(settings.seed, STREAM.error, n) < behaviour.errorRate ? 500 : 200;
    const delay = behaviour.latencyMs * (1 + JITTER * (2 * uniform(settings.seed, STREAM.jitter, n) - 1));
    const timer = setTimeout(() => {
      pending.delete(timer);
      response.writeHead(code, headers).end(`${JSON.stringify({ track, digest, code })}\n`);
    }, delay);
    pending.set(timer, response);
  });
  splitter.keepAliveTimeout = 30_000;
  const trafficUrl = await listen(splitter, settings.host, settings.trafficPort);

  // ── metrics ─────────────────────────────────────────────────────────────────────────────
  const metricsServer = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://world');
    /** @param {number} status @param {unknown} body */
    const json = (status, body) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
    if (request.method !== 'GET') return json(405, { error: 'only GET is served' });
    if (url.pathname === '/status') return json(200, state);
    if (url.pathname === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      return response.end(metrics.exposition());
    }
    if (url.pathname === '/ratio' || url.pathname === '/count') {
      const query = queryOf(url);
      if ('error' in query) return json(400, { error: query.error });
      const counts = metrics.window(query.track, query.windowMs);
      if (url.pathname === '/ratio') {
        return json(200, {
          value: counts.requests === 0 ? null : counts.errors / counts.requests,
          requests: counts.requests,
        });
      }
      return json(200, { value: query.kind === 'errors' ? counts.errors : counts.requests });
    }
    return json(404, {
      error: `no ${url.pathname}`,
      endpoints: [
        '/status',
        '/ratio?track=canary&window=30s',
        '/count?track=canary&kind=errors&window=600s',
        '/metrics',
      ],
    });
  });
  const metricsUrl = await listen(metricsServer, settings.host, settings.metricsPort);

  // ── load generator ──────────────────────────────────────────────────────────────────────
  const load = startLoad(trafficUrl, settings.rps);

  return {
    trafficUrl,
    metricsUrl,
    applied: () => JSON.parse(JSON.stringify(state)),
    snapshot: () => metrics.totals(),
    loadStats: () => ({ ...load.stats }),
    // Every call gets the same promise: a second stop() also waits for the sockets to close.
    stop: () => (stopped ??= stopAll()),
  };

  async function stopAll() {
    stopping = true;
    clearTimeout(pollTimer);
    load.halt();
    // Closing the splitter first refuses requests still queued in the agent; the answers it
    // holds back (latency timers) are dropped.
    const splitterClosed = close(splitter);
    for (const [timer, response] of pending) {
      clearTimeout(timer);
      response.destroy();
    }
    pending.clear();
    await load.settled();
    await Promise.all([splitterClosed, close(metricsServer), polling]);
  }
}

/**
 * Options with defaults filled in and checked.
 * @param {import('./world.d.mts').WorldOptions} options
 */
function settingsOf(options) {
  const gitDir = options?.gitDir;
  if (typeof gitDir !== 'string' || gitDir === '') {
    throw new TypeError(
      'startWorld: gitDir must be the path of the bare GitOps repository (git init --bare)',
    );
  }
  const branch = options.branch ?? 'main';
  if (!/^[\w./-]+$/.test(branch) || branch.startsWith('-')) {
    throw new TypeError(`startWorld: branch "${branch}" is not a branch name`);
  }
  const rps = options.rps ?? 200;
  const pollMs = options.pollMs ?? 200;
  if (!(Number.isFinite(rps) && rps >= 0)) throw new TypeError(`startWorld: rps ${rps} must be 0 or more`);
  if (!(Number.isFinite(pollMs) && pollMs > 0))
    throw new TypeError(`startWorld: pollMs ${pollMs} must be positive`);
  /** @type {Map<string, Behaviour>} */
  const behaviours = new Map();
  for (const [key, value] of Object.entries(options.behaviours ?? DEFAULT_BEHAVIOURS)) {
    const digest = key.replace(/^sha256:/, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(digest)) {
      throw new TypeError(
        `startWorld: behaviours key "${key}" must be an image digest (64 hex, sha256: optional)`,
      );
    }
    const { errorRate, latencyMs } = value ?? {};
    if (!(typeof errorRate === 'number' && errorRate >= 0 && errorRate <= 1)) {
      throw new TypeError(`startWorld: behaviours[${key}].errorRate must be a probability from 0 to 1`);
    }
    if (!(typeof latencyMs === 'number' && latencyMs >= 0 && Number.isFinite(latencyMs))) {
      throw new TypeError(`startWorld: behaviours[${key}].latencyMs must be 0 or more`);
    }
    behaviours.set(digest, { errorRate, latencyMs });
  }
  return {
    gitDir,
    ref: branch.startsWith('refs/') ? branch : `refs/heads/${branch}`,
    files: {
      route: options.routeFile ?? SEED_FILES.route,
      stable: options.stableFile ?? SEED_FILES.stable,
      canary: options.canaryFile ?? SEED_FILES.canary,
    },
    behaviours,
    rps,
    pollMs,
    seed: seedOf(options.seed ?? 1),
    host: options.host ?? '127.0.0.1',
    trafficPort: options.trafficPort ?? 0,
    metricsPort: options.metricsPort ?? 0,
    log: options.log ?? (() => {}),
  };
}

/**
 * The commit `ref` points at.
 * @param {(...args: string[]) => Promise<string>} git
 * @param {string} ref
 */
async function headOf(git, ref) {
  try {
    return (await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)).trim();
  } catch {
    throw new Error(
      `${ref} does not exist in the GitOps repository; seed it (seedGitops, commit, push) first`,
    );
  }
}

/**
 * Reads the three files of `commit` and returns the state they describe. `git cat-file blob`
 * reads exactly the committed bytes of that commit (a branch could move between two reads).
 * @param {string} commit
 * @param {(...args: string[]) => Promise<string>} git
 * @param {ReturnType<typeof settingsOf>} settings
 * @returns {Promise<AppliedState>}
 */
async function applyCommit(commit, git, settings) {
  const read = async (/** @type {string} */ file) => {
    try {
      return await git('cat-file', 'blob', `${commit}:${file}`);
    } catch {
      throw new ApplyError(
        `${file} is not in commit ${short(commit)}; the world reads it (seedGitops writes it)`,
      );
    }
  };
  const [route, stable, canary] = await Promise.all([
    read(settings.files.route),
    read(settings.files.stable),
    read(settings.files.canary),
  ]);
  const weights = readRouteWeights(route, settings.files.route, SERVICES);
  const stableImage = readDeploymentImage(stable, settings.files.stable, { container: CONTAINER });
  const canaryImage = readDeploymentImage(canary, settings.files.canary, { container: CONTAINER });
  return {
    commit,
    weights,
    images: { stable: stableImage.digest, canary: canaryImage.digest },
    refs: { stable: stableImage.image, canary: canaryImage.image },
    appliedAt: new Date().toISOString(),
    error: null,
  };
}

/**
 * Sends `rps` requests a second to `url` with a keep-alive agent, topping up every tick to the
 * count due since the start; more than a second behind (a stalled loop), it skips ahead instead
 * of bursting.
 * @param {string} url
 * @param {number} rps
 */
function startLoad(url, rps) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
  const stats = { sent: 0, answered: 0, failed: 0, skipped: 0 };
  /** @type {Set<Promise<void>>} */
  const inFlight = new Set();
  const started = performance.now();
  let stopped = false;
  const send = () => {
    const done = new Promise((resolve) => {
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          stats.answered++;
          resolve(undefined);
        });
        response.on('error', () => resolve(undefined));
      });
      request.on('error', () => {
        if (!stopped) stats.failed++;
        resolve(undefined);
      });
    }).then(() => {
      inFlight.delete(done);
    });
    inFlight.add(done);
    stats.sent++;
  };
  const timer =
    rps > 0
      ? setInterval(() => {
          const due = Math.floor(((performance.now() - started) * rps) / 1000);
          if (due - stats.sent - stats.skipped > rps) stats.skipped = due - stats.sent;
          const budget = Math.min(due - stats.sent - stats.skipped, MAX_IN_FLIGHT - inFlight.size);
          for (let i = 0; i < budget; i++) send();
        }, LOAD_TICK_MS)
      : undefined;
  return {
    stats,
    /** Stops sending. */
    halt() {
      stopped = true;
      clearInterval(timer);
    },
    /** Waits for every request sent to be answered or to fail, then closes the agent's sockets. */
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
      agent.destroy();
    },
  };
}

/**
 * Parses `track`, `window` and `kind` of a /ratio or /count query.
 * @param {URL} url
 * @returns {{ track: 'stable' | 'canary', windowMs: number, kind: 'requests' | 'errors' } | { error: string }}
 */
function queryOf(url) {
  const track = url.searchParams.get('track') ?? '';
  if (!TRACKS.includes(/** @type {'stable' | 'canary'} */ (track))) {
    return { error: `track "${track}" is not one of ${TRACKS.join(', ')}` };
  }
  const window = url.searchParams.get('window') ?? '';
  const windowMs = parseWindow(window);
  if (windowMs === undefined || windowMs > 3_600_000) {
    return { error: `window "${window}" is not a duration up to 1h such as 30s, 2m or 900s` };
  }
  const kind = url.searchParams.get('kind') ?? 'requests';
  if (url.pathname === '/count' && kind !== 'requests' && kind !== 'errors') {
    return { error: `kind "${kind}" is not requests or errors` };
  }
  return {
    track: /** @type {'stable' | 'canary'} */ (track),
    windowMs,
    kind: /** @type {'requests' | 'errors'} */ (kind),
  };
}

/**
 * A uniform number in [0, 1) for request `n` of decision `stream`: two rounds of MurmurHash3's
 * 32-bit finaliser over (n, stream), keyed by the seed.
 * @param {number} seed 32-bit
 * @param {number} stream
 * @param {number} n
 */
function uniform(seed, stream, n) {
  return fmix32(fmix32((n + Math.imul(stream, 0x9e3779b9)) >>> 0) ^ seed) / 2 ** 32;
}

/** @param {number} h */
function fmix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit seed from a number or a string (FNV-1a).
 * @param {number | string} seed
 */
function seedOf(seed) {
  if (typeof seed === 'number') return fmix32(seed >>> 0);
  let h = 0x811c9dc5;
  for (const c of String(seed)) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193);
  return fmix32(h >>> 0);
}

/**
 * Listens on host:port (0: any free port) and resolves with the server's URL.
 * @param {http.Server} server
 * @param {string} host
 * @param {number} port
 */
function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve(`http://${host}:${address.port}`);
    });
  });
}

/**
 * Closes `server` and every connection it holds; resolves when it is closed.
 * @param {http.Server} server
 * @returns {Promise<void>}
 */
function close(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const short = (/** @type {string} */ commit) => commit.slice(0, 7);

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** @param {AppliedState} state */
function describe(state) {
  const name = (/** @type {string} */ digest) =>
    Object.entries(DIGESTS).find(([, value]) => value === digest)?.[0] ?? `sha256:${digest.slice(0, 12)}`;
  return `stable ${state.weights.stable} (${name(state.images.stable)}) / canary ${state.weights.canary} (${name(state.images.canary)})`;
}
