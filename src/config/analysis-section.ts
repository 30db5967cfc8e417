/**
 * The `analysis:` section of the policy: its validated input shape, the rules the schema cannot
 * express, and the typed form the engine reads. Conditions are compiled here, at load time, so a
 * typo in `result >= 0.99` is a `FILE:LINE:COL` error before any rollout starts, not a failed step.
 */
import { compileCondition } from '../analysis/condition.js';
import { GlidepathError } from '../errors.js';
import { Duration } from './duration.js';
import type {
  AnalysisPolicy,
  ComparePolicy,
  GuardrailLimits,
  GuardrailPolicy,
  ProviderPolicy,
} from './types.js';

type Path = readonly (string | number)[];

/** A rule broken at `path` (same shape as load-policy's SemanticProblem). */
export interface AnalysisProblem {
  path: Path;
  at: 'key' | 'value';
  message: string;
}

type Dur = string;
/** Provider keys defaulted in build rather than by the schema, so a key set for the wrong kind can be named. */
type Defaulted = 'site' | 'api' | 'region' | 'method' | 'jsonPath' | 'headers' | 'headersFromEnv';

/** The section after schema validation with defaults applied (durations still text). */
export interface AnalysisInput {
  provider: Omit<ProviderPolicy, 'timeout' | Defaulted> &
    Partial<Pick<ProviderPolicy, Defaulted>> & { timeout: Dur };
  args?: Record<string, string | number>;
  interval: Dur;
  window: Dur;
  warmup: Dur;
  metricLag: Dur;
  minSamples?: number;
  maxExtension: Dur;
  counts?: { requests: string; errors: string };
  guardrails: GuardrailInput[];
  scoring?: { pass: number; marginal: number; minPoints: number; groups?: Record<string, number> };
  slo?: {
    objective: number;
    errorRatio: string;
    budgetErrorRatio?: string;
    period: Dur;
    freezeWhenExhausted: boolean;
  };
}

/** A guardrail as validated: its limits inline (as the policy writes them), durations still text. */
type GuardrailInput = Omit<GuardrailPolicy, 'compare' | 'limits'> &
  Omit<GuardrailLimits, 'interval' | 'initialDelay'> & {
    compare?: CompareInput;
    interval?: Dur;
    initialDelay?: Dur;
  };

type CompareInput =
  | (Omit<Extract<ComparePolicy, { test: 'msprt' }>, never> & Record<string, unknown>)
  | (Omit<Extract<ComparePolicy, { test: 'mann-whitney' }>, 'step'> & { step: Dur });

/** Default canary requests before a pass when `counts` is configured ("Decision layer — ship" item 2). */
export const DEFAULT_MIN_SAMPLES = 500;

/** Which provider kinds each provider key applies to (the rest are mistakes worth naming). */
const PROVIDER_KEYS: Readonly<Record<string, readonly ProviderPolicy['kind'][]>> = {
  address: ['prometheus', 'datadog', 'newrelic'],
  tokenEnv: ['prometheus'],
  username: ['prometheus'],
  passwordEnv: ['prometheus'],
  site: ['datadog'],
  apiKeyEnv: ['datadog', 'newrelic'],
  applicationKeyEnv: ['datadog'],
  api: ['datadog'],
  accountId: ['newrelic'],
  region: ['newrelic'],
  valueKey: ['newrelic'],
  method: ['web'],
  body: ['web'],
  jsonPath: ['web'],
};

/** Rules the schema cannot express. */
export function checkAnalysis(input: AnalysisInput): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  const provider = input.provider;
  for (const [key, kinds] of Object.entries(PROVIDER_KEYS)) {
    const present = (provider as unknown as Record<string, unknown>)[key] !== undefined;
    if (present && !kinds.includes(provider.kind)) {
      problems.push({
        path: ['analysis', 'provider', key],
        at: 'key',
        message: `applies only to provider kind ${kinds.join(' or ')}, not ${provider.kind}; delete it`,
      });
    }
  }
  if (provider.kind === 'prometheus' && provider.address === undefined) {
    problems.push({
      path: ['analysis', 'provider'],
      at: 'value',
      message: 'kind prometheus needs address, e.g. address: http://prometheus.monitoring:9090',
    });
  }
  if (provider.kind === 'newrelic' && provider.accountId === undefined) {
    problems.push({
      path: ['analysis', 'provider'],
      at: 'value',
      message: 'kind newrelic needs accountId, the account the NRQL runs in, e.g. accountId: 1234567',
    });
  }
  if ((provider.username === undefined) !== (provider.passwordEnv === undefined)) {
    problems.push({
      path: ['analysis', 'provider', provider.username === undefined ? 'passwordEnv' : 'username'],
      at: 'key',
      message: 'basic authentication needs both username and passwordEnv',
    });
  }
  if (provider.tokenEnv !== undefined && provider.username !== undefined) {
    problems.push({
      path: ['analysis', 'provider', 'tokenEnv'],
      at: 'key',
      message: 'choose one authentication: tokenEnv (bearer) or username + passwordEnv (basic)',
    });
  }
  if (provider.kind === 'web') {
    if ((provider.method ?? 'GET') === 'GET' && provider.body !== undefined) {
      problems.push({
        path: ['analysis', 'provider', provider.method === undefined ? 'body' : 'method'],
        at: 'value',
        message: 'a GET request has no body; set method: POST or PUT, or delete the body',
      });
    }
  }
  if (input.minSamples !== undefined && input.counts === undefined) {
    problems.push({
      path: ['analysis', 'minSamples'],
      at: 'key',
      message:
        'needs analysis.counts (requests and errors queries) to count canary requests; add counts or delete minSamples',
    });
  }
  const scoring = input.scoring;
  if (scoring && scoring.marginal > scoring.pass) {
    problems.push({
      path: ['analysis', 'scoring', 'marginal'],
      at: 'value',
      message: `must not exceed pass (${scoring.pass}); Kayenta's defaults are pass 95, marginal 75`,
    });
  }
  const weights = Object.values(scoring?.groups ?? {}).reduce((sum, weight) => sum + weight, 0);
  if (weights > 100) {
    problems.push({
      path: ['analysis', 'scoring', 'groups'],
      at: 'value',
      message: `group weights sum to ${weights}; they must total at most 100`,
    });
  }
  const names = new Map<string, number>();
  input.guardrails.forEach((guard, index) => {
    const at = (key: string): Path => ['analysis', 'guardrails', index, key];
    const earlier = names.get(guard.name);
    if (earlier !== undefined) {
      problems.push({
        path: at('name'),
        at: 'value',
        message: `"${guard.name}" is also analysis.guardrails[${earlier}]'s name; give each guardrail its own`,
      });
    } else names.set(guard.name, index);
    const judged = [
      guard.min,
      guard.max,
      guard.successCondition,
      guard.failureCondition,
      guard.compare,
      guard.history,
    ];
    if (judged.every((part) => part === undefined)) {
      problems.push({
        path: ['analysis', 'guardrails', index],
        at: 'value',
        message: 'judges nothing; add min, max, successCondition, failureCondition, compare or history',
      });
    }
    if (guard.agreement === 'majority' && guard.repeat < 2) {
      problems.push({
        path: at('agreement'),
        at: 'key',
        message: 'a majority needs repeat of at least 2 (3 for a strict majority to mean something)',
      });
    }
    if (guard.min !== undefined && guard.max !== undefined && guard.min > guard.max) {
      problems.push({
        path: at('min'),
        at: 'value',
        message: `is above max (${guard.max}); no value could pass`,
      });
    }
    for (const key of ['successCondition', 'failureCondition'] as const) {
      const source = guard[key];
      if (source === undefined) continue;
      try {
        compileCondition(source, key);
      } catch (error) {
        if (!(error instanceof GlidepathError)) throw error;
        // The location goes in front; keep the grammar's own "column N: …".
        problems.push({ path: at(key), at: 'value', message: error.message.replace(`${key}: `, '') });
      }
    }
    if (guard.compare?.test === 'msprt' && input.counts === undefined) {
      problems.push({
        path: at('compare'),
        at: 'value',
        message:
          'test msprt compares cumulative error counts; add analysis.counts with requests and errors queries',
      });
    }
  });
  const groups = new Set(
    input.guardrails.flatMap((guard) =>
      guard.compare?.test === 'mann-whitney' ? [guard.compare.group] : [],
    ),
  );
  for (const group of Object.keys(scoring?.groups ?? {})) {
    if (!groups.has(group)) {
      problems.push({
        path: ['analysis', 'scoring', 'groups', group],
        at: 'key',
        message: `no mann-whitney guardrail is in group "${group}"; set compare.group on one, or delete the weight`,
      });
    }
  }
  return problems;
}

/** The typed section. */
export function buildAnalysis(input: AnalysisInput): AnalysisPolicy {
  const field = (name: string) => `analysis.${name}`;
  const interval = Duration.parse(input.interval, field('interval'));
  const { timeout, ...provider } = input.provider;
  return {
    provider: {
      ...provider,
      headers: provider.headers ?? {},
      headersFromEnv: provider.headersFromEnv ?? {},
      site: provider.site ?? 'datadoghq.com',
      api: provider.api ?? 'v2',
      region: provider.region ?? 'us',
      method: provider.method ?? 'GET',
      jsonPath: provider.jsonPath ?? '{$}',
      timeout: Duration.parse(timeout, field('provider.timeout')),
    },
    args: input.args ?? {},
    interval,
    window: Duration.parse(input.window, field('window')),
    warmup: Duration.parse(input.warmup, field('warmup')),
    metricLag: Duration.parse(input.metricLag, field('metricLag')),
    minSamples: input.minSamples ?? (input.counts ? DEFAULT_MIN_SAMPLES : 0),
    maxExtension: Duration.parse(input.maxExtension, field('maxExtension')),
    ...(input.counts ? { counts: input.counts } : {}),
    guardrails: input.guardrails.map((guard, index) => buildGuardrail(guard, index, interval)),
    scoring: {
      pass: input.scoring?.pass ?? 95,
      marginal: input.scoring?.marginal ?? 75,
      minPoints: input.scoring?.minPoints ?? 50,
      groups: input.scoring?.groups ?? {},
    },
    ...(input.slo
      ? {
          slo: {
            objective: input.slo.objective,
            errorRatio: input.slo.errorRatio,
            ...(input.slo.budgetErrorRatio ? { budgetErrorRatio: input.slo.budgetErrorRatio } : {}),
            period: Duration.parse(input.slo.period, field('slo.period')),
            freezeWhenExhausted: input.slo.freezeWhenExhausted,
          },
        }
      : {}),
  };
}

function buildGuardrail(guard: GuardrailInput, index: number, interval: Duration): GuardrailPolicy {
  const where = (key: string) => `analysis.guardrails[${index}].${key}`;
  const compare: ComparePolicy | undefined =
    guard.compare === undefined
      ? undefined
      : guard.compare.test === 'mann-whitney'
        ? { ...guard.compare, step: Duration.parse(guard.compare.step, where('compare.step')) }
        : (guard.compare as ComparePolicy);
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    name: guard.name,
    query: guard.query,
    ...optional('min', guard.min),
    ...optional('max', guard.max),
    ...optional('successCondition', guard.successCondition),
    ...optional('failureCondition', guard.failureCondition),
    ...optional('compare', compare),
    limits: {
      failureLimit: guard.failureLimit,
      inconclusiveLimit: guard.inconclusiveLimit,
      consecutiveErrorLimit: guard.consecutiveErrorLimit,
      consecutiveSuccessLimit: guard.consecutiveSuccessLimit,
      ...optional('count', guard.count),
      interval: guard.interval ? Duration.parse(guard.interval, where('interval')) : interval,
      initialDelay: guard.initialDelay
        ? Duration.parse(guard.initialDelay, where('initialDelay'))
        : Duration.ofMilliseconds(0),
    },
    dryRun: guard.dryRun,
    repeat: guard.repeat,
    agreement: guard.agreement,
    ...optional('history', guard.history),
  };
}
