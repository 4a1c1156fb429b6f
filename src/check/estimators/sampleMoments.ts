import type { Quantity } from '../../theory/claim.ts';

/**
 * Mean and standard error of a quantity from independent per-path values.
 *   mean / second-moment / loss:  the sample mean of u_p, SE = sd(u)/√P;
 *   variance:  V = mean(b) − mean(a)² (computed without cancellation) from per-path first moments
 *              a_p and second moments b_p
 *              (single draws: b = a²), SE by the delta method,
 *              Var(V) ≈ [Var(b) − 4ā·Cov(a, b) + 4ā²·Var(a)] / P.
 * Paths are independent, so these are honest standard errors; within-path correlation is
 * absorbed when a_p, b_p are time averages (batch means with one batch per path).
 */
export interface SampleEstimate {
  estimate: number;
  standardError: number;
  samples: number;
  /** √(mean of the second moment): a magnitude for precision when the estimate is ≈ 0. */
  scale: number;
}

export function meanOf(u: ArrayLike<number>): SampleEstimate {
  const n = u.length;
  let m = 0;
  for (let p = 0; p < n; p++) m += u[p];
  m /= n;
  let ss = 0;
  let sq = 0;
  for (let p = 0; p < n; p++) {
    const d = u[p] - m;
    ss += d * d;
    sq += u[p] * u[p];
  }
  return { estimate: m, standardError: Math.sqrt(ss / (n - 1) / n), samples: n, scale: Math.sqrt(sq / n) };
}

export function varianceOf(a: ArrayLike<number>, b: ArrayLike<number>): SampleEstimate {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let p = 0; p < n; p++) { ma += a[p]; mb += b[p]; }
  ma /= n;
  mb /= n;
  let vaa = 0;
  let vbb = 0;
  let vab = 0;
  for (let p = 0; p < n; p++) {
    const da = a[p] - ma;
    const db = b[p] - mb;
    vaa += da * da;
    vbb += db * db;
    vab += da * db;
  }
  // mean(b) − ā² = mean(b_p − a_p²) + (1/P)Σ(a_p − ā)²: no cancellation when Var ≪ ā²
  // (for single draws b_p = a_p², the first term is exactly 0).
  let within = 0;
  for (let p = 0; p < n; p++) within += b[p] - a[p] * a[p];
  const estimate = within / n + vaa / n;
  vaa /= n - 1;
  vbb /= n - 1;
  vab /= n - 1;
  const varV = Math.max(0, vbb - 4 * ma * vab + 4 * ma * ma * vaa) / n;
  return { estimate, standardError: Math.sqrt(varV), samples: n, scale: Math.abs(estimate) };
}

/** Column i of a paths × dim block, and its square. */
export function column(values: Float64Array, dim: number, i: number, square = false): Float64Array {
  const paths = values.length / dim;
  const out = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    const v = values[p * dim + i];
    out[p] = square ? v * v : v;
  }
  return out;
}

/** Per-coordinate estimate of `quantity` from per-path first moments a and second moments b (paths × dim). */
export function coordinateEstimate(quantity: Exclude<Quantity, 'loss'>, a: Float64Array, b: Float64Array, dim: number, i: number): SampleEstimate {
  if (quantity === 'mean') {
    const e = meanOf(column(a, dim, i));
    return { ...e, scale: Math.sqrt(meanOf(column(b, dim, i)).estimate) };
  }
  if (quantity === 'second-moment') return meanOf(column(b, dim, i));
  return varianceOf(column(a, dim, i), column(b, dim, i));
}

/** Elementwise square of a block (second moments of single draws). */
export function squared(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) out[j] = values[j] * values[j];
  return out;
}
