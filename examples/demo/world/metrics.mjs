/**
 * What the demo's "mesh" measures at the traffic splitter, per track: windowed request and error
 * counts (for the world's simple JSON endpoints) and cumulative counters plus a latency histogram
 * in the Prometheus text exposition format 0.0.4, so a real Prometheus can scrape the same numbers.
 * An error is a 5xx answer, as in the usual `code=~"5.."` error-ratio queries.
 */

/** The tracks the splitter routes to. */
export const TRACKS = /** @type {const} */ (['stable', 'canary']);

/** Histogram upper bounds in seconds: Prometheus client libraries' default buckets. */
export const DURATION_BUCKETS = Object.freeze([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

const UNITS = /** @type {Record<string, number>} */ ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 });

/**
 * Parses a window such as `30s`, `2m`, `900s`, `1h` or `500ms` into milliseconds; undefined when
 * the text is not one.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseWindow(text) {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNITS[/** @type {string} */ (match[2])] ?? 0);
  return ms > 0 ? ms : undefined;
}

/** @typedef {{ requests: number, errors: number }} Counts */
/** @typedef {{ requests: number, errors: number, codes: Record<string, number> }} TrackTotals */

/** Counts answers per track, in time buckets for windows and cumulatively for /metrics. */
export class TrafficMetrics {
  /**
   * @param {{ now?: () => number, bucketMs?: number, retentionMs?: number }} [options]
   *   `now`: the clock in ms (default Date.now); `bucketMs`: window resolution (default 100 ms);
   *   `retentionMs`: the longest window answered (default 1 h).
   */
  constructor({ now = Date.now, bucketMs = 100, retentionMs = 3_600_000 } = {}) {
    this.now = now;
    this.bucketMs = bucketMs;
    this.retentionMs = retentionMs;
    /** @type {Record<string, Map<number, Counts>>} bucket index → counts, per track */
    this.buckets = { stable: new Map(), canary: new Map() };
    /** @type {Record<string, Map<string, number>>} code → count, per track */
    this.codes = {
      stable: new Map([
        ['200', 0],
        ['500', 0],
      ]),
      canary: new Map([
        ['200', 0],
        ['500', 0],
      ]),
    };
    /** @type {Record<string, { counts: number[], sum: number, count: number }>} */
    this.durations = {
      stable: { counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 },
      canary: { counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 },
    };
  }

  /**
   * Records one answer.
   * @param {'stable' | 'canary'} track
   * @param {number} code HTTP status
   * @param {number} seconds how long the answer took
   */
  record(track, code, seconds) {
    const index = Math.floor(this.now() / this.bucketMs);
    const buckets = /** @type {Map<number, Counts>} */ (this.buckets[track]);
    const bucket = buckets.get(index) ?? { requests: 0, errors: 0 };
    bucket.requests++;
    if (code >= 500) bucket.errors++;
    buckets.set(index, bucket);
    // Maps iterate in insertion order, so the oldest buckets are first.
    const oldest = index - Math.ceil(this.retentionMs / this.bucketMs);
    for (const key of buckets.keys()) {
      if (key >= oldest) break;
      buckets.delete(key);
    }
    const codes = /** @type {Map<string, number>} */ (this.codes[track]);
    codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
    const histogram = /** @type {{ counts: number[], sum: number, count: number }} */ (this.durations[track]);
    DURATION_BUCKETS.forEach((le, i) => {
      if (seconds <= le) histogram.counts[i] = (histogram.counts[i] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count++;
  }

  /**
   * Requests and errors of `track` answered in the last `windowMs` (to the bucket resolution).
   * @param {'stable' | 'canary'} track
   * @param {number} windowMs at most the retention
   * @returns {Counts}
   */
  window(track, windowMs) {
    const from = Math.floor((this.now() - windowMs) / this.bucketMs) + 1;
    let requests = 0;
    let errors = 0;
    for (const [index, bucket] of /** @type {Map<number, Counts>} */ (this.buckets[track])) {
      if (index < from) continue;
      requests += bucket.requests;
      errors += bucket.errors;
    }
    return { requests, errors };
  }

  /**
   * Cumulative counts per track since the start.
   * @returns {{ stable: TrackTotals, canary: TrackTotals }}
   */
  totals() {
    /** @param {'stable' | 'canary'} track */
    const of = (track) => {
      const codes = Object.fromEntries([...(this.codes[track] ?? [])].filter(([, n]) => n > 0));
      const requests = Object.values(codes).reduce((a, b) => a + b, 0);
      const errors = Object.entries(codes)
        .filter(([code]) => Number(code) >= 500)
        .reduce((a, [, n]) => a + n, 0);
      return { requests, errors, codes };
    };
    return { stable: of('stable'), canary: of('canary') };
  }

  /** The Prometheus text exposition (format 0.0.4) of the counters and the histogram. */
  exposition() {
    const lines = [
      '# HELP http_requests_total Requests answered through the demo traffic splitter, by track and status code.',
      '# TYPE http_requests_total counter',
    ];
    for (const track of TRACKS) {
      const codes = [...(this.codes[track] ?? [])].sort(([a], [b]) => a.localeCompare(b));
      for (const [code, n] of codes) lines.push(`http_requests_total{track="${track}",code="${code}"} ${n}`);
    }
    lines.push(
      '# HELP http_request_duration_seconds Time from a request reaching the splitter to its answer, by track.',
      '# TYPE http_request_duration_seconds histogram',
    );
    for (const track of TRACKS) {
      const histogram = /** @type {{ counts: number[], sum: number, count: number }} */ (
        this.durations[track]
      );
      DURATION_BUCKETS.forEach((le, i) => {
        lines.push(
          `http_request_duration_seconds_bucket{track="${track}",le="${le}"} ${histogram.counts[i]}`,
        );
      });
      lines.push(`http_request_duration_seconds_bucket{track="${track}",le="+Inf"} ${histogram.count}`);
      lines.push(`http_request_duration_seconds_sum{track="${track}"} ${histogram.sum}`);
      lines.push(`http_request_duration_seconds_count{track="${track}"} ${histogram.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
