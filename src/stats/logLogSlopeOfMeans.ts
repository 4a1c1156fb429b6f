import { normalInterval, type Interval } from './confidenceInterval.ts';

/**
 * Log-log slope of Monte Carlo means measured at several levels x_k (e.g. weak errors at step
 * sizes Δ_k) from paired samples: samples[k][p] is path p's value at level k, with the same paths
 * (common random numbers) at every level, so the level means are correlated.
 *
 *   ē_k = mean_p samples[k][p],   C_kl = Cov(ē_k, ē_l) = Σ_p (d_kp − ē_k)(d_lp − ē_l) / (n(n − 1))
 *   b = Σ_k w_k ln|ē_k|,  w_k = (u_k − ū)/Σ_j (u_j − ū)²,  u_k = ln x_k        (ordinary LS slope)
 *   Var b ≈ Σ_kl w_k w_l C_kl/(ē_k ē_l)                                     (delta method)
 * and the interval is b ± z_{1−α/2}·SE (n large). The delta method needs every |ē_k| well above
 * its standard error; when the means do not share one sign, or one is 0, the slope is undefined
 * and every field is NaN (a numerical outcome, not an error).
 */
export interface LogLogSlope {
  slope: number;
  standardError: number;
  interval: Interval;
  means: number[];
  /** Standard error of each level mean. */
  standardErrors: number[];
}

export function logLogSlopeOfMeans(x: readonly number[], samples: readonly Float64Array[], alpha = 0.05): LogLogSlope {
  const levels = x.length;
  if (levels < 2 || samples.length !== levels) {
    throw new RangeError(`logLogSlopeOfMeans: need ≥ 2 levels with one sample array each (got ${levels} levels, ${samples.length} arrays)`);
  }
  const n = samples[0].length;
  if (n < 2 || samples.some((s) => s.length !== n)) throw new RangeError('logLogSlopeOfMeans: sample arrays must share one length ≥ 2');
  if (x.some((v) => !(v > 0))) throw new RangeError(`logLogSlopeOfMeans: levels x must be positive, got [${x.join(', ')}]`);
  const means = samples.map((s) => s.reduce((acc, v) => acc + v, 0) / n);
  const cov: number[][] = means.map(() => new Array<number>(levels).fill(0));
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < levels; k++) {
      const dk = samples[k][p] - means[k];
      for (let l = k; l < levels; l++) cov[k][l] += dk * (samples[l][p] - means[l]);
    }
  }
  for (let k = 0; k < levels; k++) {
    for (let l = k; l < levels; l++) { cov[k][l] /= n * (n - 1); cov[l][k] = cov[k][l]; }
  }
  const standardErrors = means.map((_, k) => Math.sqrt(cov[k][k]));
  const sameSign = means.every((m) => m > 0) || means.every((m) => m < 0);
  if (!sameSign) {
    return { slope: NaN, standardError: NaN, interval: { lower: NaN, upper: NaN, estimate: NaN, halfWidth: NaN, level: 1 - alpha }, means, standardErrors };
  }
  const u = x.map(Math.log);
  const ubar = u.reduce((a, b) => a + b, 0) / levels;
  const suu = u.reduce((a, b) => a + (b - ubar) ** 2, 0);
  const w = u.map((v) => (v - ubar) / suu);
  const slope = w.reduce((acc, wk, k) => acc + wk * Math.log(Math.abs(means[k])), 0);
  let variance = 0;
  for (let k = 0; k < levels; k++) {
    for (let l = 0; l < levels; l++) variance += (w[k] * w[l] * cov[k][l]) / (means[k] * means[l]);
  }
  const standardError = Math.sqrt(variance);
  return { slope, standardError, interval: normalInterval(slope, standardError, alpha), means, standardErrors };
}
