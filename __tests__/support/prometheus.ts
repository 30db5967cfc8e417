/**
 * A real Prometheus for tests: the Debian package's binary on 127.0.0.1, a random port, a temporary
 * data directory holding a TSDB block backfilled with `promtool tsdb create-blocks-from openmetrics`
 * from series the test writes. Nothing scrapes, so every query answers the same on every run.
 *
 * A missing `prometheus` or `promtool` fails the test loudly: CI installs the package, and a skipped
 * integration test would let a broken provider pass unnoticed.
 *
 * ```ts
 * const prom = await startPrometheus({ openMetrics: canaryBreachSeries().openMetrics });
 * const provider = createPrometheusProvider({ address: prom.address });
 * await prom.close();
 * ```
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What to tell someone whose machine lacks the binaries. */
export const INSTALL_HINT =
  'install the Debian package: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus';

/** A running Prometheus. */
export interface PrometheusServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  address: string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its data directory. Safe to call twice. */
  close(): Promise<void>;
}

/** Options for {@link startPrometheus}. */
export interface StartPrometheusOptions {
  /** OpenMetrics text (timestamps in seconds, ending in `# EOF`) to backfill before starting. */
  openMetrics?: string;
  /** How long to wait for `/-/ready`, in milliseconds. Default 20000. */
  readyTimeoutMs?: number;
  /** `host:port` targets to scrape (`/metrics`), for tests of live series. Default none. */
  scrapeTargets?: readonly string[];
  /** Scrape interval for `scrapeTargets`. Default `1s`. */
  scrapeInterval?: string;
}

/** Runs a command to completion; rejects with its output on failure and with the hint when missing. */
function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} not found on PATH; ${INSTALL_HINT}`) : error),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${output}`)),
    );
  });
}

/** A port nothing listens on right now (the kernel's pick; a small race we accept in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts Prometheus over a fresh data directory, backfilled from `options.openMetrics`. */
export async function startPrometheus(options: StartPrometheusOptions = {}): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'glidepath-prometheus-'));
  const data = join(dir, 'data');
  try {
    await run('promtool', ['--version']);
    await run('prometheus', ['--version']);
    const config = join(dir, 'prometheus.yml');
    await writeFile(config, scrapeConfig(options));
    if (options.openMetrics !== undefined) {
      const input = join(dir, 'series.om');
      await writeFile(input, options.openMetrics);
      await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', input, data]);
    }
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${data}`,
        // The backfilled samples are years old; the default 15d retention would delete the block.
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const address = `http://127.0.0.1:${port}`;
    await waitUntilReady(child, address, options.readyTimeoutMs ?? 20_000);
    let closed: Promise<void> | undefined;
    return {
      address,
      close: () => (closed ??= stop(child).then(() => rm(dir, { recursive: true, force: true }))),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The configuration file: no scrape jobs, or one job over `scrapeTargets`. */
function scrapeConfig(options: StartPrometheusOptions): string {
  const targets = options.scrapeTargets ?? [];
  if (targets.length === 0) return 'scrape_configs: []\n';
  const interval = options.scrapeInterval ?? '1s';
  return [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: test',
    `    scrape_interval: ${interval}`,
    `    scrape_timeout: ${interval}`,
    '    static_configs:',
    `      - targets: [${targets.map((target) => JSON.stringify(target)).join(', ')}]`,
    '',
  ].join('\n');
}

async function waitUntilReady(child: ChildProcess, address: string, timeoutMs: number): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exited ${code ?? signal}`));
  const spawnError = new Promise<never>((_resolve, reject) =>
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`prometheus not found on PATH; ${INSTALL_HINT}`) : error),
    ),
  );
  const deadline = Date.now() + timeoutMs;
  const poll = async (): Promise<void> => {
    while (Date.now() < deadline) {
      if (exited) throw new Error(`prometheus ${exited} before it was ready: ${stderr}`);
      try {
        if ((await fetch(`${address}/-/ready`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await stop(child);
    throw new Error(`prometheus at ${address} not ready after ${timeoutMs} ms: ${stderr}`);
  };
  await Promise.race([poll(), spawnError]);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A deterministic canary-vs-stable request series with a scripted error-rate breach. */
export interface BreachSeries {
  /** The OpenMetrics text to backfill. */
  openMetrics: string;
  /** First sample, unix seconds. */
  start: number;
  /** When the canary's error rate jumps, unix seconds. */
  breachAt: number;
  /** Last sample, unix seconds. */
  end: number;
  /** Seconds between samples. */
  interval: number;
  /** Per-second request rates by track and code, before and after the breach. */
  rates: Readonly<
    Record<'before' | 'after', Readonly<Record<'canary' | 'stable', { ok: number; error: number }>>>
  >;
}

/**
 * `http_requests_total{track, code}` counters sampled every 15 s for an hour from 1700000000: stable
 * serves 99 ok + 1 error per second throughout; canary serves 9.9 ok + 0.1 error per second (1%)
 * until 30 minutes in, then 8 ok + 2 error (20%). Counter values are computed from time, not
 * accumulated, so there is no floating-point drift.
 */
export function canaryBreachSeries(): BreachSeries {
  const start = 1_700_000_000;
  const interval = 15;
  const breachAt = start + 1800;
  const end = start + 3600;
  const rates = {
    before: { canary: { ok: 9.9, error: 0.1 }, stable: { ok: 99, error: 1 } },
    after: { canary: { ok: 8, error: 2 }, stable: { ok: 99, error: 1 } },
  } as const;
  const counter = (track: 'canary' | 'stable', outcome: 'ok' | 'error', t: number): number => {
    const before = Math.min(t, breachAt) - start;
    const after = Math.max(0, t - breachAt);
    return rates.before[track][outcome] * before + rates.after[track][outcome] * after;
  };
  const lines = ['# HELP http_requests_total Requests served.', '# TYPE http_requests_total counter'];
  for (const track of ['canary', 'stable'] as const) {
    for (const [outcome, code] of [
      ['ok', '200'],
      ['error', '500'],
    ] as const) {
      for (let t = start; t <= end; t += interval) {
        // OpenMetrics groups samples by series; 12 significant digits drop binary noise like 0.30000000000000004.
        const value = Number(counter(track, outcome, t).toPrecision(12));
        lines.push(`http_requests_total{track="${track}",code="${code}"} ${value} ${t}`);
      }
    }
  }
  lines.push('# EOF', '');
  return { openMetrics: lines.join('\n'), start, breachAt, end, interval, rates };
}
