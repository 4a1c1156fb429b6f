import { tCdf } from '../special/tCdf.ts';
import { ell } from '../special/ell.ts';
import { normalQuantile, normalQuantileUpper } from './normalQuantile.ts';

/**
 * Quantiles of Student's t distribution with ν > 0 degrees of freedom (ν = Infinity: normal).
 *
 *   tQuantile(p, ν) = t with F_ν(t) = p,   tQuantileUpper(q, ν) = t with 1 − F_ν(t) = q.
 *
 * Closed forms for ν = 1 (upper tail t = cot(πq)) and ν = 2 (t = a·√(2/(1 − a²)), a = 1 − 2q);
 * otherwise a starting point from the Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5)
 *   t ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + (3z⁷ + 19z⁵ + 17z³ − 15z)/(384ν³)
 * or from the tail asymptote F_ν(−t) ≈ ℓ_ν ν^{(ν−1)/2} t^{−ν}, whichever fits better, refined by
 * safeguarded Newton steps on ln F_ν(−t) = ln q in y = ln t, with the density
 * f_ν(t) = ℓ_ν (1 + t²/ν)^{−(ν+1)/2} (ℓ_ν = t density at 0, CLAIMS A9). Relative accuracy ~1e-14,
 * limited by tCdf.
 */
export function tQuantileUpper(q: number, nu: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`tQuantileUpper: probability ${q} outside [0, 1]`);
  if (!(nu > 0)) throw new RangeError(`tQuantileUpper: degrees of freedom ${nu} must be > 0`);
  if (nu === Infinity) return normalQuantileUpper(q);
  if (q === 0) return Infinity;
  if (q === 1) return -Infinity;
  if (q > 0.5) return -tQuantileUpper(1 - q, nu);
  if (q === 0.5) return 0;
  if (nu === 1) return 1 / Math.tan(Math.PI * q);
  if (nu === 2) {
    const a = 1 - 2 * q;
    return a * Math.sqrt(2 / (4 * q * (1 - q)));
  }
  return solveUpperTail(q, nu);
}

/** t with F_ν(t) = p. */
export function tQuantile(p: number, nu: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: probability ${p} outside [0, 1]`);
  if (nu === Infinity) return normalQuantile(p);
  return p < 0.5 ? -tQuantileUpper(p, nu) : tQuantileUpper(1 - p, nu);
}

function cornishFisher(q: number, nu: number): number {
  const z = normalQuantileUpper(q);
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

/** Solves ln F_ν(−e^y) = ln q for y, 0 < q < ½, 2 < ν < ∞ or non-integer ν. */
function solveUpperTail(q: number, nu: number): number {
  const l = ell(nu);
  const logQ = Math.log(q);
  const h = (t: number): number => Math.log(tCdf(-t, nu)) - logQ;
  const candidates = [cornishFisher(q, nu), Math.pow((l * Math.pow(nu, (nu - 1) / 2)) / q, 1 / nu)];
  let t = NaN;
  let best = Infinity;
  for (const c of candidates) {
    if (!(c > 0 && Number.isFinite(c))) continue;
    const r = Math.abs(h(c));
    if (r < best) { best = r; t = c; }
  }
  if (!(t > 0)) t = 1;
  // Bracket in y = ln t: h decreases in t.
  let lo = -Infinity;
  let hi = Infinity;
  let y = Math.log(t);
  for (let iter = 0; iter < 200; iter++) {
    const ty = Math.exp(y);
    const tail = tCdf(-ty, nu);
    const r = Math.log(tail) - logQ;
    if (r > 0) lo = y; else hi = y;
    const dens = l * Math.pow(1 + (ty * ty) / nu, -(nu + 1) / 2);
    const slope = -(ty * dens) / tail;
    let next = y - r / slope;
    if (!(next > lo && next < hi)) {
      next = Number.isFinite(lo) && Number.isFinite(hi) ? 0.5 * (lo + hi) : r > 0 ? y + 1 : y - 1;
    }
    if (Math.abs(next - y) <= 1e-15 * Math.max(1, Math.abs(y))) return Math.exp(next);
    y = next;
  }
  return Math.exp(y);
}
