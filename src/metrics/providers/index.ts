/**
 * The one factory for metric providers. Adding a back-end is one new file and one case here; the
 * `never` check makes the compiler list every place a new kind must be handled.
 */
import { ConfigurationError } from '../../errors.js';
import { createDatadogProvider, type DatadogSettings } from './datadog.js';
import { createNewRelicProvider, type NewRelicSettings } from './newrelic.js';
import { createPrometheusProvider, type PrometheusSettings } from './prometheus.js';
import type { Fetch, MetricProvider, MetricProviderKind } from './types.js';
import { createWebProvider, type WebSettings } from './web.js';

/** Every kind the factory knows, for error messages and schema checks. */
export const METRIC_PROVIDER_KINDS: readonly MetricProviderKind[] = [
  'prometheus',
  'datadog',
  'newrelic',
  'web',
];

/** Provider settings as written in a policy, tagged by kind. */
export type MetricProviderSettings =
  | ({ kind: 'prometheus' } & PrometheusSettings)
  | ({ kind: 'datadog' } & DatadogSettings)
  | ({ kind: 'newrelic' } & NewRelicSettings)
  | ({ kind: 'web' } & WebSettings);

/** Effects providers need, injected so tests pass fakes. */
export interface MetricProviderEffects {
  fetch?: Fetch;
  /** The clock in epoch milliseconds: Datadog's instant window, timestamps for New Relic and web. */
  now?: () => number;
}

/** The provider for `settings`; an unknown kind is a ConfigurationError listing the known ones. */
export function createMetricProvider(
  settings: MetricProviderSettings,
  effects: MetricProviderEffects = {},
): MetricProvider {
  const kind = (settings as { kind: unknown }).kind;
  switch (settings.kind) {
    case 'prometheus':
      return createPrometheusProvider(settings, effects.fetch);
    case 'datadog':
      return createDatadogProvider(settings, effects.fetch, effects.now);
    case 'newrelic':
      return createNewRelicProvider(settings, effects.fetch, effects.now);
    case 'web':
      return createWebProvider(settings, effects.fetch, effects.now);
    default: {
      const unreachable: never = settings;
      void unreachable;
      throw new ConfigurationError(
        `unknown metric provider kind ${JSON.stringify(kind)}; use one of ${METRIC_PROVIDER_KINDS.join(', ')}`,
      );
    }
  }
}
