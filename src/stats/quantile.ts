import { checkAlpha } from './checkAlpha.ts';

/**
 * Sample quantiles and a distribution-free confidence interval for a population quantile.
 *
 * quantile(data, p): Hyndman & Fan type 7 (R's default): h = (n − 1)p, Q = x_(⌊h⌋+1) + (h − ⌊h⌋)(x_(⌊h⌋+2) − x_(⌊h⌋+1)).
 *
 * quantileInterval(data, p, α): order statistics [X_(l), X_(u)]. With B ~ Bin(n, p) the number of
 * observations below the true quantile ξ_p (continuous distribution), P(X_(l) ≤ ξ_p ≤ X_(u)) =
 * F_B(u − 1) − F_B(l − 1). l is the largest rank with F_B(l − 1) ≤ α/2 and u the smallest with
 * F_B(u − 1) ≥ 1 − α/2, so each tail misses with probability ≤ α/2 and the coverage is ≥ 1 − α
 * (reported exactly as `level`). When no rank qualifies the bound is ∓Infinity (too few samples).
 * NaN values are an input error; ±Infinity are ordinary (heavy-tailed) observations.
 */
export function sortedCopy(data: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(data as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) throw new RangeError(`quantile: data[${i}] is NaN`);
  }
  return out.sort();
}

function checkP(p: number, where: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${where}: p = ${p} must lie in [0, 1]`);
}

/** Type-7 quantile of data already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkP(p, 'quantileSorted');
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (frac === 0 || lo + 1 >= n) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

export function quantile(data: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(data), p);
}

export function median(data: ArrayLike<number>): number {
  return quantile(data, 0.5);
}

/** CDF of Bin(n, p) at 0..n (entry k = P(B ≤ k)), by pmf recursion outward from the mode. */
export function binomialCdf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  pmf[mode] = 1;
  let total = 1;
  for (let k = mode; k < n && pmf[k] > 1e-300; k++) { pmf[k + 1] = (pmf[k] * (n - k) * odds) / (k + 1); total += pmf[k + 1]; }
  for (let k = mode; k > 0 && pmf[k] > 1e-300; k--) { pmf[k - 1] = (pmf[k] * k) / ((n - k + 1) * odds); total += pmf[k - 1]; }
  const cdf = new Float64Array(n + 1);
  let acc = 0;
  for (let k = 0; k <= n; k++) { acc += pmf[k] / total; cdf[k] = Math.min(acc, 1); }
  return cdf;
}

export interface QuantileInterval {
  estimate: number;
  lower: number;
  upper: number;
  /** 1-based ranks of the bounds (0 and n + 1 stand for −∞ and +∞). */
  lowerRank: number;
  upperRank: number;
  /** Exact coverage F_B(u − 1) − F_B(l − 1) ≥ 1 − α. */
  level: number;
}

export function quantileInterval(data: ArrayLike<number>, p: number, alpha = 0.05): QuantileInterval {
  checkAlpha(alpha, 'quantileInterval');
  if (!(p > 0 && p < 1)) throw new RangeError(`quantileInterval: p = ${p} must lie in (0, 1)`);
  const sorted = sortedCopy(data);
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileInterval: no data');
  const cdf = binomialCdf(n, p);
  const F = (k: number): number => (k < 0 ? 0 : k >= n ? 1 : cdf[k]);
  let l = 0;
  while (l + 1 <= n && F(l) <= alpha / 2) l++;
  let u = n + 1;
  while (u - 1 >= 1 && F(u - 2) >= 1 - alpha / 2) u--;
  return {
    estimate: quantileSorted(sorted, p),
    lower: l === 0 ? -Infinity : sorted[l - 1],
    upper: u === n + 1 ? Infinity : sorted[u - 1],
    lowerRank: l,
    upperRank: u,
    level: F(u - 1) - F(l - 1),
  };
}
