import { RunningStats } from './runningStats.ts';

/**
 * Standard error of the mean of a stationary, autocorrelated series by non-overlapping batch means:
 * split the last a·b values into a batches of size b, Ȳ_j = batch means, then
 *   mean = (1/a) Σ Ȳ_j,   SE = sd(Ȳ_1..Ȳ_a)/√a,   ν = a − 1 degrees of freedom,
 * valid when b is long against the autocorrelation time. Default b = ⌊√n⌋ (so a ≈ √n), the
 * consistent choice of Flegal & Jones (2010). The first n − a·b values are dropped (they sit on the
 * burn-in side). Effective sample size n_eff = s²/SE² with s² the sample variance of the series.
 *
 * `effectiveSampleSize` is an independent estimate from the autocorrelation function:
 *   n_eff = n/τ,  τ = −1 + 2 Σ_{k=0}^{K} Γ_k,  Γ_k = ρ̂_{2k} + ρ̂_{2k+1},
 * summing while Γ_k > 0 and forcing Γ non-increasing (Geyer's initial monotone sequence, 1992).
 */
export interface BatchMeansResult {
  mean: number;
  standardError: number;
  dof: number;
  batches: number;
  batchSize: number;
  /** Values actually used (batches·batchSize). */
  used: number;
  effectiveSampleSize: number;
}

export interface BatchMeansOptions {
  /** Batch length b (default ⌊√n⌋). Mutually exclusive with `batches`. */
  batchSize?: number;
  /** Number of batches a (≥ 2); b = ⌊n/a⌋. */
  batches?: number;
}

export function batchMeans(series: ArrayLike<number>, options: BatchMeansOptions = {}): BatchMeansResult {
  const n = series.length;
  if (options.batchSize !== undefined && options.batches !== undefined) {
    throw new RangeError('batchMeans: give batchSize or batches, not both');
  }
  let b: number;
  if (options.batches !== undefined) {
    const a = options.batches;
    if (!(Number.isInteger(a) && a >= 2 && a <= n)) throw new RangeError(`batchMeans: option batches = ${a} must be an integer in [2, ${n}]`);
    b = Math.floor(n / a);
  } else if (options.batchSize !== undefined) {
    b = options.batchSize;
    if (!(Number.isInteger(b) && b >= 1 && 2 * b <= n)) throw new RangeError(`batchMeans: option batchSize = ${b} must be an integer in [1, ${Math.floor(n / 2)}]`);
  } else {
    if (n < 4) throw new RangeError(`batchMeans: series of length ${n} is too short (need ≥ 4)`);
    b = Math.floor(Math.sqrt(n));
  }
  const a = Math.floor(n / b);
  const start = n - a * b;
  const means = new RunningStats();
  const all = new RunningStats();
  for (let j = 0; j < a; j++) {
    let sum = 0;
    for (let k = start + j * b, end = k + b; k < end; k++) {
      sum += series[k];
      all.push(series[k]);
    }
    means.push(sum / b);
  }
  const standardError = means.standardError;
  return {
    mean: means.mean,
    standardError,
    dof: a - 1,
    batches: a,
    batchSize: b,
    used: a * b,
    effectiveSampleSize: all.variance / (standardError * standardError),
  };
}

/** n/τ with τ from Geyer's initial monotone sequence estimator (see the file comment). */
export function effectiveSampleSize(series: ArrayLike<number>): number {
  const n = series.length;
  if (n < 4) throw new RangeError(`effectiveSampleSize: series of length ${n} is too short (need ≥ 4)`);
  const mean = RunningStats.of(series).mean;
  const autocov = (lag: number): number => {
    let s = 0;
    for (let k = 0; k + lag < n; k++) s += (series[k] - mean) * (series[k + lag] - mean);
    return s / n;
  };
  const c0 = autocov(0);
  if (c0 === 0) return n;
  let tau = -1;
  let previous = Infinity;
  for (let k = 0; 2 * k + 1 < n; k++) {
    let gamma = (autocov(2 * k) + autocov(2 * k + 1)) / c0;
    if (!(gamma > 0)) break;
    if (gamma > previous) gamma = previous;
    tau += 2 * gamma;
    previous = gamma;
  }
  return n / Math.max(tau, 1 / n);
}
