import { tInterval, type Interval } from './confidenceInterval.ts';

/**
 * Straight-line least squares y ≈ a + b·x.
 *
 * Weighted (weights w_i > 0; ordinary least squares is w_i = 1), with W = Σw, x̄ = Σw x/W, ȳ = Σw y/W,
 * Sxx = Σ w (x − x̄)², Sxy = Σ w (x − x̄)(y − ȳ):
 *   b = Sxy/Sxx,  a = ȳ − b x̄,  RSS = Σ w (y − a − b x)²
 *   Var b = φ/Sxx,  Var a = φ (1/W + x̄²/Sxx),  Cov(a, b) = −φ x̄/Sxx
 * with dispersion φ = RSS/(n − 2) and ν = n − 2 degrees of freedom, or, when the weights are
 * known inverse variances (`knownVariance`), φ = 1 and ν = ∞ (normal quantiles).
 * The slope interval is b ± t_{ν,1−α/2}·SE(b).
 */
export interface LinearFit {
  slope: number;
  intercept: number;
  slopeStandardError: number;
  interceptStandardError: number;
  /** Cov(intercept, slope). */
  covariance: number;
  /** Degrees of freedom of the standard errors (Infinity when the variances are known). */
  dof: number;
  /** √φ: residual standard error (weighted); 1 under knownVariance. */
  residualStandardError: number;
  /** Σ w (y − a − b x)²: with knownVariance, a χ²_{n−2} goodness-of-fit statistic. */
  residualSumOfSquares: number;
  n: number;
}

export interface FitOptions {
  /** Weights w_i > 0 (default all 1). */
  weights?: ArrayLike<number>;
  /** The weights are exact inverse variances: do not rescale by the residuals (default false). */
  knownVariance?: boolean;
}

export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>, options: FitOptions = {}): LinearFit {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`linearFit: x has ${n} values, y has ${y.length}`);
  const known = options.knownVariance ?? false;
  if (n < (known ? 2 : 3)) throw new RangeError(`linearFit: need at least ${known ? 2 : 3} points, got ${n}`);
  const w = options.weights;
  if (w !== undefined) {
    if (w.length !== n) throw new RangeError(`linearFit: weights has ${w.length} values, x has ${n}`);
    for (let i = 0; i < n; i++) {
      if (!(w[i] > 0 && Number.isFinite(w[i]))) throw new RangeError(`linearFit: weights[${i}] = ${w[i]} must be positive and finite`);
    }
  }
  const wt = (i: number): number => (w === undefined ? 1 : w[i]);
  let W = 0, sx = 0, sy = 0;
  for (let i = 0; i < n; i++) { W += wt(i); sx += wt(i) * x[i]; sy += wt(i) * y[i]; }
  const xbar = sx / W;
  const ybar = sy / W;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - xbar;
    sxx += wt(i) * dx * dx;
    sxy += wt(i) * dx * (y[i] - ybar);
  }
  if (!(sxx > 0)) throw new RangeError('linearFit: all x values are equal');
  const slope = sxy / sxx;
  const intercept = ybar - slope * xbar;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - intercept - slope * x[i];
    rss += wt(i) * r * r;
  }
  const phi = known ? 1 : rss / (n - 2);
  return {
    slope,
    intercept,
    slopeStandardError: Math.sqrt(phi / sxx),
    interceptStandardError: Math.sqrt(phi * (1 / W + (xbar * xbar) / sxx)),
    covariance: (-phi * xbar) / sxx,
    dof: known ? Infinity : n - 2,
    residualStandardError: Math.sqrt(phi),
    residualSumOfSquares: rss,
    n,
  };
}

/** b ± t_{ν,1−α/2}·SE(b). */
export function slopeInterval(fit: LinearFit, alpha = 0.05): Interval {
  if (Number.isNaN(fit.slope)) return { lower: NaN, upper: NaN, estimate: NaN, halfWidth: NaN, level: 1 - alpha };
  return tInterval(fit.slope, fit.slopeStandardError, fit.dof, alpha);
}

/**
 * Fit of ln y against ln x (power law y ∝ x^b). With `yStandardErrors` (se_i of each y_i) the
 * weights are the delta-method inverse variances of ln y_i, w_i = (y_i/se_i)², and `knownVariance`
 * defaults to true. A non-positive x or y (for example a weak-error estimate lost in noise) is a
 * numerical outcome, not an error: every field of the fit is then NaN.
 */
export function logLogFit(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { yStandardErrors?: ArrayLike<number>; knownVariance?: boolean } = {},
): LinearFit {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`logLogFit: x has ${n} values, y has ${y.length}`);
  const se = options.yStandardErrors;
  if (se !== undefined && se.length !== n) throw new RangeError(`logLogFit: yStandardErrors has ${se.length} values, x has ${n}`);
  const lx = new Float64Array(n);
  const ly = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!(x[i] > 0 && y[i] > 0)) return nanFit(n);
    lx[i] = Math.log(x[i]);
    ly[i] = Math.log(y[i]);
    w[i] = se === undefined ? 1 : (y[i] / se[i]) ** 2;
  }
  return linearFit(lx, ly, {
    weights: se === undefined ? undefined : w,
    knownVariance: options.knownVariance ?? se !== undefined,
  });
}

function nanFit(n: number): LinearFit {
  return {
    slope: NaN, intercept: NaN, slopeStandardError: NaN, interceptStandardError: NaN, covariance: NaN,
    dof: NaN, residualStandardError: NaN, residualSumOfSquares: NaN, n,
  };
}
