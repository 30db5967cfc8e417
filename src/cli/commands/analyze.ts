import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runAnalysis, type AnalysisReport } from '../../analysis/engine.js';
import type { Phase } from '../../analysis/verdict.js';
import { Duration } from '../../config/duration.js';
import { DEFAULT_POLICY_FILE, loadPolicy } from '../../config/load-policy.js';
import { ConfigurationError, ExitCode, UsageError } from '../../errors.js';
import { resolveProvider } from '../../metrics/provider-settings.js';
import { createMetricProvider, type MetricProviderEffects } from '../../metrics/providers/index.js';
import type { MetricProvider } from '../../metrics/providers/types.js';
import type { AnalysisPolicy } from '../../config/types.js';
import { withTransientRetries } from '../../metrics/retry.js';
import { analysisJson, analysisText } from '../../report/analysis.js';
import type { CliIo, Command, OptionValues } from '../command.js';
import { policyFileIn } from './verify.js';

/** Exit status per verdict (the CLI contract in DESIGN.md "Errors and exit codes"). */
export const ANALYSIS_EXIT: Readonly<Record<Phase, ExitCode>> = {
  pass: ExitCode.ok,
  fail: ExitCode.rejected,
  inconclusive: ExitCode.inconclusive,
  error: ExitCode.transient,
};

/** Everything `analyze` needs, whichever face collected it. */
export interface AnalyzeSettings {
  policyFile?: string;
  canary?: string;
  stable?: string;
  service?: string;
  /** When the step started; default now. */
  since?: Date;
  /** Judge as of this time: replays past data, the bake's waits skipped. */
  at?: Date;
  bake?: Duration;
  /** JSON file with the last promoted releases' values, for `history` criteria. */
  historyFile?: string;
}

/** Effects `runAnalyze` needs beyond the CLI's. */
export interface AnalyzeEffects extends MetricProviderEffects {
  /** Real waiting; replaced in tests. Default setTimeout. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Progress lines during a bake. */
  progress?: (line: string) => void;
}

/** Loads the policy, builds the provider, runs the analysis: the library call both faces share. */
export async function runAnalyze(
  settings: AnalyzeSettings,
  io: Pick<CliIo, 'cwd' | 'now' | 'env'>,
  effects: AnalyzeEffects = {},
): Promise<AnalysisReport> {
  const policyFile = policyFileIn(io.cwd, settings.policyFile);
  if (policyFile === undefined) {
    throw new UsageError(
      `no policy: pass --policy FILE, or create ${DEFAULT_POLICY_FILE} with an analysis section`,
    );
  }
  const policy = await loadPolicy(policyFile);
  if (!policy.analysis) {
    throw new ConfigurationError(
      'has no analysis section; add analysis: with a provider and guardrails (see the policy reference in the README)',
      policyFile,
    );
  }
  // --at replays: a virtual clock that starts there and moves only when the analysis waits.
  let virtual = settings.at?.getTime();
  const now = () => (virtual === undefined ? io.now() : new Date(virtual));
  const sleep =
    virtual === undefined
      ? (effects.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms))))
      : async (ms: number) => {
          virtual! += ms;
        };
  const provider = openMetricProvider(policy.analysis, io.env ?? {}, { now, sleep }, effects);
  const stepStart = settings.since ?? now();
  if (stepStart.getTime() > now().getTime()) {
    throw new UsageError(
      `--since ${stepStart.toISOString()} is in the future of the analysis time ${now().toISOString()}`,
    );
  }
  const service = settings.service ?? policy.service;
  return runAnalysis(
    {
      policy: policy.analysis,
      target: {
        ...(settings.canary === undefined ? {} : { canary: settings.canary }),
        ...(settings.stable === undefined ? {} : { stable: settings.stable }),
        ...(service === undefined ? {} : { service }),
      },
      stepStart,
      ...(settings.bake ? { bake: settings.bake } : {}),
      ...(settings.historyFile ? { history: await readHistory(resolve(io.cwd, settings.historyFile)) } : {}),
    },
    { provider, now, sleep, ...(effects.progress ? { progress: effects.progress } : {}) },
  );
}

/**
 * The history file: `{ "releases": [ { "version": "v1.3.0", "metrics": { "latency-p99": 0.21 } } ] }`,
 * oldest first — each promoted release's guardrail values (the last value `analyze --json` reported).
 * Returns each guardrail's values in release order; a release without the metric gives NaN, which
 * the comparison skips.
 */
export async function readHistory(file: string): Promise<Record<string, number[]>> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(
      `cannot read the history file: ${(error as Error).message}; write JSON like {"releases": [{"version": "v1", "metrics": {"latency-p99": 0.21}}]}`,
      file,
    );
  }
  const releases = (document as { releases?: unknown })?.releases;
  if (!Array.isArray(releases)) {
    throw new ConfigurationError('releases: expected a list of {version, metrics}, oldest first', file);
  }
  const names = new Set<string>();
  releases.forEach((release: unknown, index) => {
    const metrics = (release as { metrics?: unknown })?.metrics;
    if (!metrics || typeof metrics !== 'object' || Array.isArray(metrics)) {
      throw new ConfigurationError(
        `releases[${index}].metrics: expected an object of guardrail name → number`,
        file,
      );
    }
    for (const [name, value] of Object.entries(metrics)) {
      if (typeof value !== 'number') {
        throw new ConfigurationError(
          `releases[${index}].metrics.${name}: expected a number, got ${JSON.stringify(value)}`,
          file,
        );
      }
      names.add(name);
    }
  });
  return Object.fromEntries(
    [...names].map((name) => [
      name,
      releases.map((release: { metrics: Record<string, number> }) => release.metrics[name] ?? Number.NaN),
    ]),
  );
}

/**
 * The provider `analysis.provider` describes, secrets from `env`, each query retried a few times on
 * transient failures (the analysis's consecutiveErrorLimit is the real budget) on the given clock.
 */
export function openMetricProvider(
  analysis: AnalysisPolicy,
  env: Readonly<Record<string, string | undefined>>,
  clock: { now(): Date; sleep(milliseconds: number): Promise<void> },
  effects: MetricProviderEffects = {},
): MetricProvider {
  const { settings } = resolveProvider(analysis.provider, env);
  const now = () => clock.now().getTime();
  return withTransientRetries(
    createMetricProvider(settings, { ...effects, now }),
    { maxAttempts: 3 },
    { sleep: (ms) => clock.sleep(ms), now, random: Math.random },
  );
}

/** RFC 3339 or unix seconds, for --since and --at. */
export function parseTime(text: string, flag: string): Date {
  const trimmed = text.trim();
  const date = /^\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  if (Number.isNaN(date.getTime()) || !/^\d+(\.\d+)?$|^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    throw new UsageError(
      `--${flag} "${text}" is not a time; write RFC 3339 (2026-11-22T10:00:00Z) or unix seconds (1795860000)`,
    );
  }
  return date;
}

function settingsFrom(values: OptionValues): AnalyzeSettings {
  const text = (name: string) => values[name] as string | undefined;
  const bake = text('bake');
  return {
    ...(text('policy') ? { policyFile: text('policy') } : {}),
    ...(text('canary') ? { canary: text('canary') } : {}),
    ...(text('stable') ? { stable: text('stable') } : {}),
    ...(text('service') ? { service: text('service') } : {}),
    ...(text('since') ? { since: parseTime(text('since')!, 'since') } : {}),
    ...(text('at') ? { at: parseTime(text('at')!, 'at') } : {}),
    ...(bake ? { bake: parseBake(bake) } : {}),
    ...(text('history') ? { historyFile: text('history') } : {}),
  };
}

function parseBake(text: string): Duration {
  try {
    return Duration.parse(text, '--bake');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const analyzeCommand: Omit<Command, 'summary'> = {
  name: 'analyze',
  description: [
    "Runs the analysis section of the policy: each guardrail's query against the metric provider",
    '(Prometheus, Datadog, New Relic or a web JSON endpoint), judged with min/max or conditions and',
    "Argo-compatible limits; canary-vs-stable comparisons (mSPRT on error counts, Kayenta's",
    'Mann-Whitney on time series); minimum canary requests with bake extension; SLO burn rate and',
    'error budget. Without --bake every guardrail is measured once; with --bake they are measured',
    'every interval until the bake ends or a guardrail fails. No data is inconclusive during warm-up',
    'and a failure after the deadline; an analysis never passes without a measurement.',
    'Secrets come from the environment variables the policy names.',
    '',
    'Exit status: 0 pass, 1 fail, 4 inconclusive (hold), 3 provider errors exhausted,',
    '2 bad usage or policy, 70 internal error.',
  ].join('\n'),
  options: [
    {
      name: 'policy',
      type: 'string',
      placeholder: 'FILE',
      description: `policy file with an analysis section (default: ${DEFAULT_POLICY_FILE} in the working directory)`,
    },
    { name: 'canary', type: 'string', placeholder: 'REF', description: 'value for {{canary}} in queries' },
    {
      name: 'stable',
      type: 'string',
      placeholder: 'REF',
      description: 'value for {{stable}}; comparisons need it',
    },
    {
      name: 'service',
      type: 'string',
      placeholder: 'NAME',
      description: "value for {{service}} (default: the policy's service)",
    },
    {
      name: 'since',
      type: 'string',
      placeholder: 'TIME',
      description:
        'when the step started (RFC 3339 or unix seconds; default now): windows and warm-up start here',
    },
    {
      name: 'bake',
      type: 'string',
      placeholder: 'DURATION',
      description: 'measure repeatedly for this long after --since (e.g. 10m); default: once',
    },
    {
      name: 'at',
      type: 'string',
      placeholder: 'TIME',
      description: 'judge as of this past time instead of now, skipping the waits (post-mortems, tests)',
    },
    {
      name: 'history',
      type: 'string',
      placeholder: 'FILE',
      description: "JSON of the last promoted releases' guardrail values, for history criteria",
    },
    { name: 'json', type: 'boolean', description: 'print the report as JSON instead of a table' },
  ],
  examples: [
    'glidepath analyze --policy glidepath.yaml --canary v2 --stable v1',
    'glidepath analyze --canary v2 --stable v1 --since 2026-11-22T10:00:00Z --bake 15m --json',
  ],
  async run(values, io) {
    const report = await runAnalyze(settingsFrom(values), io, {
      progress: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(values.json ? analysisJson(report) : analysisText(report));
    return ANALYSIS_EXIT[report.phase];
  },
};
