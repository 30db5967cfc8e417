/**
 * Kayenta-compatible judge for one continuous metric (latency, CPU, memory) on time-series points:
 * Mann–Whitney U with the normal approximation, a confidence interval for the shift found by Brent
 * root finding, and Kayenta's effect-size gates.
 *
 * Source: decision-and-evidence.md A2 (spinnaker/kayenta@a69573b `MannWhitneyClassifier.scala`,
 * `kayenta-mannwhitney/…/MannWhitney.scala`, which follows R `wilcox.test(conf.int = TRUE)` with
 * `exact = FALSE, correct = TRUE`) and "Decision layer — ship" item 6 (defaults).
 * Samples are time-series points (one value per step), not individual requests.
 */

/** Which change counts as a regression (Kayenta `canary.direction`). */
export type MetricDirection =
  /** Only an increase fails (latency, errors). */
  | 'increase'
  /** Only a decrease fails (throughput). */
  | 'decrease'
  /** Either fails (Kayenta's default). */
  | 'either';

/** What to do with NaN points (Kayenta `canary.nanStrategy`). */
export type NanStrategy =
  /** Drop them (Kayenta's default; an empty sample is then "no data"). */
  | 'remove'
  /** Replace them with 0. */
  | 'replace';

/** Kayenta's per-metric classification. */
export type MetricClassification =
  /** No significant difference, or one within the allowed effect size. */
  | 'Pass'
  /** The canary is significantly higher. */
  | 'High'
  /** The canary is significantly lower. */
  | 'Low'
  /** A sample was empty after NaN removal; not counted against the group score. */
  | 'Nodata'
  /** A sample was empty and the metric must have data; counted as a failure. */
  | 'NodataFailMetric';

/** Judge settings; every default is Kayenta's (A2 table). */
export interface MannWhitneyJudgeOptions {
  /** Default `either`. */
  readonly direction?: MetricDirection;
  /** Default `remove`. */
  readonly nanStrategy?: NanStrategy;
  /** meanRatio at or above which a significant increase is `High`. Default 1.0. */
  readonly allowedIncrease?: number;
  /** meanRatio at or below which a significant decrease is `Low`. Default 1.0. */
  readonly allowedDecrease?: number;
  /** meanRatio at or above which a `High` on a critical metric fails the whole canary. Default 1.0. */
  readonly criticalIncrease?: number;
  /** meanRatio at or below which a `Low` on a critical metric fails the whole canary. Default 1.0. */
  readonly criticalDecrease?: number;
  /** A critical metric fails the canary on its own. Default false. */
  readonly critical?: boolean;
  /** Empty data is a failure rather than "no data". Default false. */
  readonly mustHaveData?: boolean;
  /** Confidence level of the interval. Default 0.98 (what NetflixACAJudge passes). */
  readonly confidenceLevel?: number;
  /** Fraction of |estimate| the interval must clear. Default 0.25. */
  readonly tolerance?: number;
  /**
   * Standard-normal source for the jitter Kayenta adds when each sample is a single repeated value.
   * Default: a fixed-seed generator, so the judge stays a pure, repeatable function.
   */
  readonly gaussian?: () => number;
}

/** The verdict on one metric, with the statistics behind it. */
export interface MetricJudgement {
  /** Kayenta's classification. */
  readonly classification: MetricClassification;
  /** True when a critical metric's change reached the critical effect size. */
  readonly criticalFailure: boolean;
  /** Mann–Whitney test of experiment vs control; absent when no test was run. */
  readonly test?: MannWhitneyResult;
  /** mean(experiment) / mean(control); NaN when either mean is 0 or no data. */
  readonly meanRatio: number;
  /** One sentence saying why. */
  readonly reason: string;
}

/** Two-sided Mann–Whitney result for the shift experiment − control. */
export interface MannWhitneyResult {
  /** Two-sided p-value (normal approximation, tie and continuity corrections). */
  readonly pValue: number;
  /** Lower end of the confidence interval for the shift. */
  readonly lowerConfidence: number;
  /** Upper end of the confidence interval for the shift. */
  readonly upperConfidence: number;
  /** Hodges–Lehmann-style estimate of the shift (root of the z = 0 equation). */
  readonly estimate: number;
}

/** Kayenta's `MannWhitneyClassifier.classify` for one metric (A2, logic-exact). */
export function judgeMetric(
  experimentRaw: readonly number[],
  controlRaw: readonly number[],
  options: MannWhitneyJudgeOptions = {},
): MetricJudgement {
  const direction = options.direction ?? 'either';
  const nanStrategy = options.nanStrategy ?? 'remove';
  const critical = options.critical ?? false;
  const clean = (values: readonly number[]) =>
    nanStrategy === 'remove'
      ? values.filter((v) => !Number.isNaN(v))
      : values.map((v) => (Number.isNaN(v) ? 0 : v));
  const experiment = clean(experimentRaw);
  const control = clean(controlRaw);

  if (experiment.length === 0 || control.length === 0) {
    if (nanStrategy === 'replace') {
      return {
        classification: 'Pass',
        criticalFailure: false,
        meanRatio: NaN,
        reason: 'no data, and NaN strategy is replace',
      };
    }
    const failing = (options.mustHaveData ?? false) && !critical;
    return {
      classification: failing ? 'NodataFailMetric' : 'Nodata',
      criticalFailure: critical,
      meanRatio: NaN,
      reason: `no data in the ${experiment.length === 0 ? 'canary' : 'baseline'} sample`,
    };
  }
  const meanRatio = meanRatioOf(experiment, control);
  // Typed arrays sort numerically without a comparator, several times faster than Array#sort with one.
  const sortedE = Float64Array.from(experiment).sort();
  const sortedC = Float64Array.from(control).sort();
  if (sortedE.length === sortedC.length && sortedE.every((v, i) => v === sortedC[i])) {
    return {
      classification: 'Pass',
      criticalFailure: false,
      meanRatio,
      reason: 'canary and baseline are identical',
    };
  }
  if (sortedE[0] === sortedE.at(-1) && sortedC[0] === sortedC.at(-1) && sortedE[0] === sortedC[0]) {
    return {
      classification: 'Pass',
      criticalFailure: false,
      meanRatio,
      reason: 'every point has the same value',
    };
  }

  let x = sortedE;
  let y = sortedC;
  if (sortedE[0] === sortedE.at(-1) && sortedC[0] === sortedC.at(-1)) {
    // Kayenta: all ties within each sample make σ = 0 under a shift; jitter both by sd = value·1e-5.
    const gaussian = options.gaussian ?? seededGaussian(0x9e3779b9);
    const jitter = (v: number) => v + gaussian() * Math.abs(v) * 1e-5;
    x = sortedE.map(jitter).sort();
    y = sortedC.map(jitter).sort();
  }
  const test = sortedMannWhitneyTest(x, y, options.confidenceLevel ?? 0.98);

  // A2 calculateBounds: the interval must clear tolerance × |estimate| on the far side of zero.
  const bound = (options.tolerance ?? 0.25) * Math.abs(test.estimate);
  const allowedIncrease = options.allowedIncrease ?? 1;
  const allowedDecrease = options.allowedDecrease ?? 1;
  const isHigh =
    direction !== 'decrease' &&
    test.lowerConfidence > bound &&
    (Number.isNaN(meanRatio) || meanRatio >= allowedIncrease);
  const isLow =
    direction !== 'increase' &&
    test.upperConfidence < -bound &&
    (Number.isNaN(meanRatio) || meanRatio <= allowedDecrease);
  const criticalFailure =
    critical &&
    ((isHigh && (Number.isNaN(meanRatio) || meanRatio >= (options.criticalIncrease ?? 1))) ||
      (isLow && (Number.isNaN(meanRatio) || meanRatio <= (options.criticalDecrease ?? 1))));
  const ci = `[${test.lowerConfidence.toPrecision(4)}, ${test.upperConfidence.toPrecision(4)}]`;
  const ratio = Number.isNaN(meanRatio) ? 'undefined' : meanRatio.toPrecision(4);
  if (isHigh) {
    return {
      classification: 'High',
      criticalFailure,
      test,
      meanRatio,
      reason: `canary is higher: shift CI ${ci} lies above +${bound.toPrecision(4)} and mean ratio ${ratio} ≥ ${allowedIncrease}`,
    };
  }
  if (isLow) {
    return {
      classification: 'Low',
      criticalFailure,
      test,
      meanRatio,
      reason: `canary is lower: shift CI ${ci} lies below −${bound.toPrecision(4)} and mean ratio ${ratio} ≤ ${allowedDecrease}`,
    };
  }
  return {
    classification: 'Pass',
    criticalFailure: false,
    test,
    meanRatio,
    reason: `no significant ${direction === 'either' ? 'change' : direction}: shift CI ${ci}, mean ratio ${ratio}`,
  };
}

/** mean(experiment)/mean(control), NaN when either mean is 0 (Kayenta's meanRatio effect size). */
export function meanRatioOf(experiment: readonly number[], control: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const e = mean(experiment);
  const c = mean(control);
  return e === 0 || c === 0 ? NaN : e / c;
}

/**
 * Two-sided Mann–Whitney test of `x` (experiment) against `y` (control) with the confidence interval
 * and estimate of the shift x − y, as R `wilcox.test(x, y, conf.int = TRUE, exact = FALSE)` and
 * Kayenta compute them (A2). Throws when every observation is tied (σ = 0), as both do.
 */
export function mannWhitneyTest(
  x: readonly number[],
  y: readonly number[],
  confidenceLevel = 0.98,
): MannWhitneyResult {
  // Typed arrays sort numerically without a comparator and keep the hot merge loop monomorphic.
  return sortedMannWhitneyTest(Float64Array.from(x).sort(), Float64Array.from(y).sort(), confidenceLevel);
}

/** `mannWhitneyTest` on samples already sorted ascending (as typed-array `sort()` leaves them). */
function sortedMannWhitneyTest(
  xs: Float64Array,
  ys: Float64Array,
  confidenceLevel: number,
): MannWhitneyResult {
  const nx = xs.length;
  const ny = ys.length;
  if (nx === 0 || ny === 0) throw new RangeError('Mann–Whitney needs at least one point in each sample');
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`confidence level must be in (0, 1); got ${confidenceLevel}`);
  }
  // Infinite points make the search interval ∞ − ∞; the caller maps them (NaN strategy) or rejects them.
  // Sorted typed arrays put −∞ first and +∞ then NaN last, so the two ends decide for every point.
  if (!(
    Number.isFinite(xs[0]!) &&
    Number.isFinite(xs[nx - 1]!) &&
    Number.isFinite(ys[0]!) &&
    Number.isFinite(ys[ny - 1]!)
  ))
    throw new RangeError('Mann–Whitney needs finite values; got NaN or ±Infinity');

  // f(μ) = (dz − 0.5·sign(dz)) / σ − z, with dz = Σ ranks(x − μ) − n_x(n_x+1)/2 − n_x n_y/2 and
  // σ = sqrt(n_x n_y/12 · ((n_x+n_y+1) − Σ(t³−t)/((n_x+n_y)(n_x+n_y−1)))) (A2, R's wdiff).
  const control = groupSorted(ys);
  const ranks = { rankSumX: 0, tieTerm: 0 };
  const standardized = (mu: number): number => {
    rankSumOfShifted(xs, control, mu, ranks);
    const dz = ranks.rankSumX - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
    const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - ranks.tieTerm / ((nx + ny) * (nx + ny - 1))));
    if (!(sigma > 0))
      throw new RangeError('cannot compute a Mann–Whitney interval when all observations are tied');
    return (dz - 0.5 * Math.sign(dz)) / sigma;
  };

  const z0 = standardized(0);
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z0)));

  const muMin = xs[0]! - ys[ny - 1]!;
  const muMax = xs[nx - 1]! - ys[0]!;
  const tolerance = 1e-10 * Math.max(muMax - muMin, Number.MIN_VALUE);
  // The ends are the same for all three roots: evaluate them once (each evaluation is a full merge).
  const atMin = standardized(muMin);
  const atMax = standardized(muMax);
  // R's root(): clamp to the search interval's ends when f does not change sign there.
  const root = (zq: number): number => {
    const fLow = atMin - zq;
    const fHigh = atMax - zq;
    if (fLow <= 0) return muMin;
    if (fHigh >= 0) return muMax;
    return brentRoot((mu) => standardized(mu) - zq, muMin, muMax, fLow, fHigh, tolerance);
  };
  const zq = inverseNormalCdf(1 - (1 - confidenceLevel) / 2);
  return { pValue, lowerConfidence: root(zq), upperConfidence: root(-zq), estimate: root(0) };
}

/** The control sample's tie groups, which no shift changes: computed once per test. */
interface SortedGroups {
  /** Distinct values, ascending. */
  readonly values: Float64Array;
  /** `before[g]`: points below `values[g]`; `before[values.length]` is the sample size. */
  readonly before: Float64Array;
  /** Σ(t³ − t) over the groups. */
  readonly tieTerm: number;
}

function groupSorted(sorted: Float64Array): SortedGroups {
  const values: number[] = [];
  const before: number[] = [];
  let tieTerm = 0;
  for (let j = 0; j < sorted.length;) {
    let t = 1;
    while (j + t < sorted.length && sorted[j + t] === sorted[j]) t++;
    values.push(sorted[j]!);
    before.push(j);
    tieTerm += t * t * t - t;
    j += t;
  }
  before.push(sorted.length);
  return { values: Float64Array.from(values), before: Float64Array.from(before), tieTerm };
}

/**
 * Rank sum of `xs − mu` in the pooled sample (average ranks for ties) and Σ(t³ − t) over the pooled
 * tie groups, written into `out`: one O(n) merge of the shifted experiment against the control's
 * groups per evaluation instead of a re-sort, which keeps 2 × 100,000 points fast enough for the root
 * finder's few dozen evaluations.
 *
 * Midranks within the experiment always sum to n_x(n_x+1)/2, so the rank sum is that plus, for each
 * experiment point, the control points below it and half those equal to it. Every term is a
 * half-integer, so the sums are exact in doubles (below 2^53, about 2 × 208,000 points) and equal, bit
 * for bit, to ranking the pooled sample. Experiment tie groups are found on shifted values
 * (`xs[i] − mu`): rounding can make two different points equal after the shift, and R ranks the
 * shifted values.
 */
function rankSumOfShifted(
  xs: Float64Array,
  control: SortedGroups,
  mu: number,
  out: { rankSumX: number; tieTerm: number },
): void {
  const { values, before } = control;
  const nx = xs.length;
  const groups = values.length;
  let g = 0;
  let above = 0; // Σ over experiment points of (control below) + ½ (control equal)
  let tieTerm = control.tieTerm;
  for (let i = 0; i < nx;) {
    const v = xs[i]! - mu;
    let tx = 1;
    while (i + tx < nx && xs[i + tx]! - mu === v) tx++;
    while (g < groups && values[g]! < v) g++;
    if (g < groups && values[g] === v) {
      // A pooled group of tx + ty: replace the control group's own term by the pooled one.
      const ty = before[g + 1]! - before[g]!;
      const t = tx + ty;
      above += tx * (before[g]! + ty / 2);
      tieTerm += t * t * t - t - (ty * ty * ty - ty);
    } else {
      above += tx * before[g]!;
      tieTerm += tx * tx * tx - tx;
    }
    i += tx;
  }
  out.rankSumX = (nx * (nx + 1)) / 2 + above;
  out.tieTerm = tieTerm;
}

/** Brent's method (Brent 1973, "zeroin"; Numerical Recipes §9.3) for a bracketed root of f. */
export function brentRoot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower = f(lower),
  fUpper = f(upper),
  tolerance = 1e-12,
  maxIterations = 200,
): number {
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  if (fa * fb > 0) throw new RangeError(`root is not bracketed by [${lower}, ${upper}]`);
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points are distinct.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm >= 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return b;
}

/** Standard normal CDF Φ (Hart 1968 algorithm 5666 as given by West 2005); relative error ≲ 1e-9 in the tails. */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) {
    tail = 0;
  } else if (z < 7.07106781186547) {
    const e = Math.exp((-z * z) / 2);
    const n =
      (((((0.0352624965998911 * z + 0.700383064443688) * z + 6.37396220353165) * z + 33.912866078383) * z +
        112.079291497871) *
        z +
        221.213596169931) *
        z +
      220.206867912376;
    const d =
      ((((((0.0883883476483184 * z + 1.75566716318264) * z + 16.064177579207) * z + 86.7807322029461) * z +
        296.564248779674) *
        z +
        637.333633378831) *
        z +
        793.826512519948) *
        z +
      440.413735824752;
    tail = (e * n) / d;
  } else {
    const e = Math.exp((-z * z) / 2);
    const f = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
    tail = e / f / 2.506628274631;
  }
  return x <= 0 ? tail : 1 - tail;
}

/** Φ⁻¹ (Acklam's rational approximation plus one Halley step against `normalCdf`). */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`probability must be in [0, 1]; got ${p}`);
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tailRational = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  let x: number;
  if (p < 0.02425) {
    x = tailRational(Math.sqrt(-2 * Math.log(p)));
  } else if (p > 1 - 0.02425) {
    x = -tailRational(Math.sqrt(-2 * Math.log1p(-p)));
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  const u = (normalCdf(x) - p) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Mulberry32 uniform generator feeding Box–Muller: deterministic standard normals. */
function seededGaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
