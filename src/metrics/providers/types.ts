/**
 * The metric provider family: one interface, one file per back-end, one factory (`index.ts`).
 * Providers measure and never judge: they return numbers with the query that produced them, and
 * thresholds and statistics live in the analysis layer.
 */

/** The back-ends Glidepath can query. */
export type MetricProviderKind =
  /** Prometheus HTTP API, and what speaks it: Thanos, Mimir, VictoriaMetrics. */
  | 'prometheus'
  /** Datadog metrics API: v2 timeseries query, v1 query as fallback. */
  | 'datadog'
  /** New Relic NerdGraph (GraphQL) running NRQL. */
  | 'newrelic'
  /** Any HTTP endpoint answering JSON or text, Argo Rollouts `web` style. */
  | 'web';

/** A time range sampled every `stepSeconds`, for range queries. */
export interface QueryRange {
  /** First evaluation time. */
  start: Date;
  /** Last evaluation time (inclusive). */
  end: Date;
  /** Seconds between evaluations. */
  stepSeconds: number;
}

/** One query to run. */
export interface MeasurementRequest {
  /**
   * The resolved query (templates already rendered): PromQL, a Datadog metric query, NRQL, or for
   * `web` the URL to request.
   */
  query: string;
  /** Evaluate at this instant; the back-end's "now" when absent. Ignored when `range` is set. */
  time?: Date;
  /** Evaluate over a range instead of at one instant. */
  range?: QueryRange;
}

/** One sample: when, and the value (NaN and ±Infinity are legitimate values). */
export interface Sample {
  /** Unix seconds, fractional allowed, as the back-end reported it. */
  timestamp: number;
  value: number;
}

/** One labelled series of samples, in time order. */
export interface Series {
  labels: Readonly<Record<string, string>>;
  samples: readonly Sample[];
}

/** What a provider measured. */
export interface Measurement {
  /** The query as sent, after template rendering, for the report. */
  query: string;
  /** `instant` for one evaluation time, `range` for a range query. */
  mode: 'instant' | 'range';
  /**
   * Every series returned; empty when the back-end had no data. No data is never a zero: an empty
   * result says nothing about the canary, and the analysis decides what that means.
   */
  series: readonly Series[];
  /**
   * True when no series came back. Providers drop a series with no sample (Datadog and New Relic
   * report missing points as null, never zero), so this is also "no sample at all". For `web`,
   * whose answer is `raw`, true when the selection is null or an empty list.
   */
  noData: boolean;
  /**
   * The value when the result is exactly one sample (a scalar, or a vector of one series);
   * undefined otherwise, so a caller never mistakes one series among many for the answer.
   */
  value?: number;
  /**
   * The selected document for providers whose answer is not a number series (`web`: the JSONPath
   * selection; a raw string when the body is not JSON; `newrelic`: the NRQL `results` rows).
   * Conditions see it as `result`.
   */
  raw?: unknown;
}

/** A metric back-end. */
export interface MetricProvider {
  readonly kind: MetricProviderKind;
  /** Runs one query. Throws ConfigurationError for a query or setting the user must fix, TransientError to retry. */
  query(request: MeasurementRequest): Promise<Measurement>;
}

/** The HTTP client providers use; `globalThis.fetch` in production, a fake in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;
