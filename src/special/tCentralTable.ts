import { tCentral } from './tCdf.ts';
import { logEll } from './ell.ts';
import { erf } from './erf.ts';
import { memoisedPerNu } from './perNu.ts';

/**
 * A tabulated f(x) = 2F_ν(x) − 1 = tCentral(x, ν) for the SignSGD drift hot loop (CLAIMS A8):
 * tCentral's values to ≲ 3e-15 absolute, about 40 times faster.
 *
 * Form: f(x) = x·Q(|x|), Q(a) = f(a)/a (even, analytic), so odd symmetry and f(0) = 0 are exact
 * and relative accuracy near 0 is kept. With σ = min(1, √ν) and y = |x|/σ, Q is tabulated on
 * cells of y: M cells of width 1/M on [0, 1), then M cells of width 2^{j−1}/M on each octave
 * [2^{j−1}, 2^j), j = 1 … E (the region is read off the exponent: j = 32 − clz32(y)). On a cell
 * with centre c and width h (x units), Q is its degree-7 Taylor polynomial in w ∈ [−½, ½):
 *   p(c + hw) = p(c)·(1 + β₁w + β₂w²)^α,  β₁ = 2ch/(ν + c²), β₂ = h²/(ν + c²), α = −(ν+1)/2,
 *     = p(c)·Σ r_n wⁿ,  r₀ = 1,  n·r_n = (α + 1 − n)β₁r_{n−1} + (2α + 2 − n)β₂r_{n−2}
 *     (J. C. P. Miller's recurrence for a power of a series);
 *   f(c + hw) = Σ e_n wⁿ,  e₀ = tCentral(c, ν),  e_n = 2h·p(c)·r_{n−1}/n   (f′ = 2p, p the t density);
 *   Q(c + hw) = Σ q_n wⁿ,  q₀ = e₀/c,  q_n = (e_n − h·q_{n−1})/c   (from (c + hw)·Q = f),
 * except on the first cell, [0, σ/M), which takes Q from its series at 0 (see firstCell).
 * Error: each cell is at most 1/M = 1/64 of its distance to p's poles ±i√ν in y units, so the
 * Taylor terms fall geometrically; the first omitted term, |e₈|/2⁸, is ≤ 8e-18 over every cell for
 * every ν from 0.05 to 1e5 (the normal limit, where terms go like e^{−c²/2}(ch/2)ⁿ/n!, is the
 * worst). What remains is rounding: the node value tCentral(c) and a few ulps of the polynomial.
 * Measured against mpmath (40 digits) the table is about as accurate as tCentral itself: ≤ 1e-15
 * absolute for 0.5 ≤ ν ≤ 100, 2e-15 at ν = 0.05, 4e-15 at ν = 1000 (tCentral: 6e-15; its error
 * grows with ν, ~3e-13 at 1e5, and the nodes inherit it), ≤ 2e-15 relative near 0. Against
 * tCentral: ≤ 3e-15 for 0.05 ≤ ν ≤ 100, ≤ 2e-14 at ν = 1000 (test/special/tCentralTable.test.ts).
 * Results are clamped to [−1, 1]; near |f| = 1 the product x·Q wobbles by a few ulps, so f is
 * monotone only up to that (drops ≤ 7e-16).
 * Beyond the table (y ≥ 2^E, |x| ≥ 2^30·σ) tCentral itself is returned. A table is (E + 1)·M =
 * 1984 cells of 8 coefficients (127 KB), built in ~2 ms (one tCentral per cell) once per ν.
 */
const M = 64;
const LOG_M = 6;
const E = 30;
const STRIDE = 8;
const Y_MAX = 2 ** E;

/** Region j covers y ∈ [START[j], 2·START[j]) (j ≥ 1) or [0, 1) (j = 0), in M cells. */
const START = Float64Array.from({ length: E + 1 }, (_, j) => (j === 0 ? 0 : 2 ** (j - 1)));
const INV_WIDTH = Float64Array.from({ length: E + 1 }, (_, j) => M / (j === 0 ? 1 : 2 ** (j - 1)));

/**
 * x ↦ 2F_ν(x) − 1 for ν > 0 (ν = Infinity: erf(x/√2)), memoised by ν (the last 16
 * values). Throws for ν ≤ 0 or NaN.
 */
export const tCentralInterpolant: (nu: number) => (x: number) => number = memoisedPerNu('tCentralInterpolant', build, (x: number) => erf(x * Math.SQRT1_2));

function build(nu: number): (x: number) => number {
  const sigma = Math.min(1, Math.sqrt(nu));
  const invSigma = 1 / sigma;
  const coef = tabulate(nu, sigma);
  return (x: number): number => {
    const y = Math.abs(x) * invSigma;
    if (!(y < Y_MAX)) return tCentral(x, nu);
    const j = 32 - Math.clz32(y);
    const s = (y - START[j]) * INV_WIDTH[j];
    const k = s | 0;
    const w = s - k - 0.5;
    const o = ((j << LOG_M) | k) * STRIDE;
    const c = coef;
    const w2 = w * w;
    const v = x * (c[o] + c[o + 1] * w + w2 * (c[o + 2] + c[o + 3] * w) +
      w2 * w2 * (c[o + 4] + c[o + 5] * w + w2 * (c[o + 6] + c[o + 7] * w)));
    return v > 1 ? 1 : v < -1 ? -1 : v;
  };
}

/** The q_n of every cell, STRIDE to a cell, cells in the order of (region, index). */
function tabulate(nu: number, sigma: number): Float64Array {
  const coef = new Float64Array((E + 1) * M * STRIDE);
  const alpha = -(nu + 1) / 2;
  const logDensity0 = logEll(nu);
  const e = new Float64Array(STRIDE);
  const r = new Float64Array(STRIDE);
  for (let j = 0; j <= E; j++) {
    const h = sigma / INV_WIDTH[j];
    for (let k = 0; k < M; k++) {
      const c = sigma * START[j] + (k + 0.5) * h;
      const d = nu + c * c;
      const b1 = (2 * c * h) / d;
      const b2 = (h * h) / d;
      const twoHp = 2 * h * Math.exp(logDensity0 + alpha * Math.log1p((c * c) / nu));
      r[0] = 1;
      r[1] = (alpha * b1);
      for (let n = 2; n < STRIDE; n++) r[n] = ((alpha + 1 - n) * b1 * r[n - 1] + (2 * alpha + 2 - n) * b2 * r[n - 2]) / n;
      e[0] = tCentral(c, nu);
      for (let n = 1; n < STRIDE; n++) e[n] = (twoHp * r[n - 1]) / n;
      const o = ((j << LOG_M) | k) * STRIDE;
      coef[o] = e[0] / c;
      for (let n = 1; n < STRIDE; n++) coef[o + n] = (e[n] - h * coef[o + n - 1]) / c;
    }
  }
  coef.set(firstCell(nu, sigma / M));
  return coef;
}

/**
 * The first cell x ∈ [0, h) from the series at 0, f(x)/x = 2ℓ_ν ₂F₁(½, (ν+1)/2; 3/2; −x²/ν) =
 *   2ℓ_ν Σ_k (−1)^k ((ν+1)/2)_k (x²/ν)^k / (k!(2k + 1)),   k ≤ 3, x = h(½ + w),
 * rather than from e₀ = tCentral(h/2), whose rounding the q_n recurrence would amplify up to 8-fold
 * at x → 0. Here x²/ν ≤ 1/M², so the omitted k = 4 term is below 1e-16 relative.
 */
function firstCell(nu: number, h: number): Float64Array {
  const u = [(h * h) / (4 * nu), (h * h) / nu, (h * h) / nu];
  const q = new Float64Array(STRIDE);
  let power = [1];
  let a = 2 * Math.exp(logEll(nu));
  for (let k = 0; k <= 3; k++) {
    power.forEach((p, n) => (q[n] += (a / (2 * k + 1)) * p));
    a *= -(((nu + 1) / 2 + k) / (k + 1));
    power = times(power, u);
  }
  return q;
}

/** The product of two polynomials given by their coefficients. */
function times(p: number[], r: number[]): number[] {
  const out = new Array<number>(p.length + r.length - 1).fill(0);
  p.forEach((pi, i) => r.forEach((rj, j) => (out[i + j] += pi * rj)));
  return out;
}
