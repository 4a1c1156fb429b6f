import { tCentral } from './tCdf.ts';
import { normCdf } from './normCdf.ts';
import { erf } from './erf.ts';
import { ell, logEll } from './ell.ts';
import { tQuantileUpper } from '../stats/tQuantile.ts';
import { memoisedPerNu } from './perNu.ts';

/**
 * The quantile transform from N(0, 1) to Student's t_ν (ν > 0):
 *
 *   q(z) = F_ν⁻¹(Φ(z)),   so Z ~ N(0, 1) ⇒ q(Z) ~ t_ν exactly,
 *
 * with q increasing and odd: (Z, q(Z)) is the comonotone (quantile) coupling of the two laws
 * (the increasing rearrangement; e.g. Villani, Optimal Transport: Old and New, 2009).
 * ν = Infinity gives q(z) = z.
 *
 * tFromNormal(z, ν) is the accurate slow inversion: q = tQuantileUpper(Φ(−z), ν) (tCdf-based,
 * relative in the tail; Φ(−z) from normCdf's lower tail), polished for |z| < 1 by Newton steps on
 *   tCentral(q, ν) = 2F_ν(q) − 1 = erf(z/√2),   q ← q − (tCentral(q) − erf(z/√2)) / (2f_ν(q)),
 * both sides relative-accurate near 0, so q keeps full relative accuracy as z → 0 (inverting Φ(−z)
 * near ½ alone would lose ~3e-16/|z| of it). Relative accuracy ~1e-14, that of tCdf (see
 * test/special/tFromNormal.test.ts). For |z| > 38.5, where Φ(−|z|) underflows, it returns ±Infinity
 * (never reached from sums of ziggurat normals, which stay below ~20 in magnitude).
 */
export function tFromNormal(z: number, nu: number): number {
  if (!(nu > 0) || Number.isNaN(z)) return NaN;
  if (nu === Infinity) return z;
  if (z < 0) return -tFromNormal(-z, nu);
  let q = tQuantileUpper(normCdf(-z), nu);
  if (z < 1 && q < Infinity) {
    const target = erf(z * Math.SQRT1_2);
    const l = ell(nu);
    for (let i = 0; i < 4; i++) {
      const step = (tCentral(q, nu) - target) / (2 * l * Math.pow(1 + (q * q) / nu, -(nu + 1) / 2));
      q -= step;
      if (!(Math.abs(step) > 1e-16 * q)) break;
    }
  }
  return q;
}

/**
 * The tabulated q(z) = F_ν⁻¹(Φ(z)) for hot loops (the comonotone Student-t noise coupled to a
 * Brownian path, src/check/coupledNoise.ts): tFromNormal's values to ≲ 2e-13 relative (ν ≥ 0.2).
 *
 * Form: q(z) = z·g(|z|), g = q/z = e^h (even, analytic near the real axis), so odd symmetry and
 * q(0) = 0 are exact and relative accuracy is kept near 0. Per cell, the quintic Hermite
 * interpolant of g (bulk, |z| < z_D) or of h = ln(q/z) (beyond, where q ~ e^{z²/(2ν)} grows too fast
 * for a polynomial and h ~ z²/(2ν) is nearly one), from the jets at the cell's ends, exact at the
 * nodes (q from tFromNormal):
 *   q′ = φ(z)/f_ν(q),   q″ = q′·(−z + (ν + 1)·q q′/(ν + q²))   (ln f_ν(q) = ln ℓ_ν − (ν+1)/2·ln(1 + q²/ν)),
 *   h′ = q′/q − 1/z,    h″ = q″/q − (q′/q)² + 1/z²;     g′ = g h′,  g″ = g(h″ + h′²);
 *   at 0: h = ln a, h′ = 0, h″ = ((ν + 1)a²/ν − 1)/3,  a = q′(0) = 1/(√(2π) ℓ_ν)
 *   (from q = az + bz³ + …, matching ℓ(q − (ν+1)q³/(6ν)) = φ(0)(z − z³/6)).
 * z_D, a cell edge, is where g's interpolant first strays from e^(h's) (see tabulate): 1 for
 * ν = 0.5, 2 for 1.5 ≤ ν ≤ 3, 4 for ν = 10, so most draws skip the exponential.
 * Cells, as in tCentralTable.ts: with σ = min(1, ν) (for small ν, q ≈ az holds only while
 * |q| ≲ √ν, i.e. |z| ≲ √ν/a ≈ 1.25ν) and y = |z|/σ, M cells of width 1/M on [0, 1), then M cells
 * on each octave [2^{j−1}, 2^j) of y (region j = 32 − clz32(y)). The table reaches z_T = 9, or less
 * where q would pass Q_LIMIT (ν ≲ 0.07); beyond z_T (|Z| > 9: probability 2e-19) tFromNormal is
 * called.
 * Measured against tFromNormal at 3000 z ∈ (0, 9.5) per ν (test/special/tFromNormal.test.ts):
 * ≤ 2.1e-13 relative for 0.2 ≤ ν ≤ 1000 (≤ 1.1e-13 for 0.5 ≤ ν ≤ 30); ~4e-12 at ν = 1e5, where
 * the nodes inherit tCdf's rounding; 1.1e-12 at ν = 0.05 near z = 7.3, where ln q ≈ 500 and its
 * ulps alone are 1e-13 of q. A table has 264 nodes for ν ≥ 1 (~520 at ν = 0.05), built in 3–15 ms
 * (one tFromNormal per node), once per ν. Speed in a loop over normal draws: 24–34 M/s on a
 * shared 2-core machine (a loop of Math.exp alone: 43 M/s).
 */
const M = 64;
const STRIDE = 6;
const Z_TABLE = 9;
/** Nodes stop before q passes this (ν ≲ 0.07), so h and its derivatives stay finite. */
const Q_LIMIT = 1e250;
const LN_SQRT_2PI = 0.9189385332046728;
/** Largest midpoint gap between the g- and e^h-interpolants on a cell that reads g directly. */
const DIRECT_TOLERANCE = 2e-14;

/**
 * z ↦ F_ν⁻¹(Φ(z)) for ν > 0 (ν = Infinity: the identity), memoised by ν (the last 16
 * values). Throws for ν ≤ 0 or NaN.
 */
export const tFromNormalMap: (nu: number) => (z: number) => number = memoisedPerNu('tFromNormalMap', build, (z: number) => z);

function build(nu: number): (z: number) => number {
  const sigma = Math.min(1, nu);
  const invSigma = 1 / sigma;
  const regions = 1 + Math.max(0, Math.ceil(Math.log2(Z_TABLE / sigma)));
  const start = Float64Array.from({ length: regions }, (_, j) => (j === 0 ? 0 : 2 ** (j - 1)));
  const invWidth = Float64Array.from({ length: regions }, (_, j) => M / (j === 0 ? 1 : 2 ** (j - 1)));
  const { coef, zDirect, zTable } = tabulate(nu, sigma, start, invWidth);
  return (z: number): number => {
    const a = Math.abs(z);
    if (!(a < zTable)) return tFromNormal(z, nu);
    const y = a * invSigma;
    const j = 32 - Math.clz32(y);
    const s = (y - start[j]) * invWidth[j];
    const k = s | 0;
    const w = s - k;
    const o = (j * M + k) * STRIDE;
    const c = coef;
    const p = c[o] + w * (c[o + 1] + w * (c[o + 2] + w * (c[o + 3] + w * (c[o + 4] + w * c[o + 5]))));
    return a < zDirect ? z * p : z * Math.exp(p);
  };
}

type Jet = [number, number, number];

/**
 * Per cell, the coefficients of the quintic Hermite interpolant in w = (y − left end)/width ∈ [0, 1)
 * of g = q/z on cells below zDirect and of h = ln(q/z) above. With δ the cell width in z and
 * (p, p′, p″) the jet of the interpolated function at the ends 0 and 1:
 *   c₀ = p₀,  c₁ = δp₀′,  c₂ = δ²p₀″/2,
 *   A = p₁ − c₀ − c₁ − c₂,  B = δp₁′ − c₁ − 2c₂,  C = δ²p₁″ − 2c₂,
 *   c₃ = 10A − 4B + C/2,  c₄ = −15A + 7B − C,  c₅ = 6A − 3B + C/2.
 * zDirect ends the first cell whose g-interpolant strays from e^(h-interpolant) by more than
 * DIRECT_TOLERANCE (relative, at the cell's midpoint, where the Hermite error kernel w³(1 − w)³
 * peaks). Nodes stop at Z_TABLE or before the first q > Q_LIMIT; zTable is the last node reached.
 */
function tabulate(nu: number, sigma: number, start: Float64Array, invWidth: Float64Array): { coef: Float64Array; zDirect: number; zTable: number } {
  const nodes: number[] = [0];
  const jets: Jet[] = [jetAtZero(nu)];
  for (let j = 0; j < start.length && nodes[nodes.length - 1] < Z_TABLE; j++) {
    for (let k = 1; k <= M && nodes[nodes.length - 1] < Z_TABLE; k++) {
      const z = sigma * (start[j] + k / invWidth[j]);
      const q = tFromNormal(z, nu);
      if (!(q <= Q_LIMIT)) break;
      nodes.push(z);
      jets.push(jet(z, q, nu));
    }
    if (nodes.length <= (j + 1) * M) break;
  }
  const coef = new Float64Array(start.length * M * STRIDE);
  let zDirect = 0;
  let direct = true;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const d = nodes[i + 1] - nodes[i];
    const logCoef = hermite5(jets[i], jets[i + 1], d);
    if (direct) {
      const directCoef = hermite5(expJet(jets[i]), expJet(jets[i + 1]), d);
      const drift = Math.abs(horner(directCoef, 0.5) / Math.exp(horner(logCoef, 0.5)) - 1);
      direct = drift <= DIRECT_TOLERANCE;
      if (direct) {
        coef.set(directCoef, i * STRIDE);
        zDirect = nodes[i + 1];
        continue;
      }
    }
    coef.set(logCoef, i * STRIDE);
  }
  return { coef, zDirect, zTable: Math.min(nodes[nodes.length - 1], Z_TABLE) };
}

function hermite5(left: Jet, right: Jet, d: number): number[] {
  const c0 = left[0];
  const c1 = d * left[1];
  const c2 = 0.5 * d * d * left[2];
  const A = right[0] - c0 - c1 - c2;
  const B = d * right[1] - c1 - 2 * c2;
  const C = d * d * right[2] - 2 * c2;
  return [c0, c1, c2, 10 * A - 4 * B + C / 2, -15 * A + 7 * B - C, 6 * A - 3 * B + C / 2];
}

function horner(c: number[], w: number): number {
  let p = 0;
  for (let n = c.length - 1; n >= 0; n--) p = p * w + c[n];
  return p;
}

/** The jet of g = e^h from that of h: g′ = g h′, g″ = g(h″ + h′²). */
function expJet([h, h1, h2]: Jet): Jet {
  const g = Math.exp(h);
  return [g, g * h1, g * (h2 + h1 * h1)];
}

/** (h, h′, h″) at z > 0 with q = q(z), h = ln(q/z); q′/q is formed in logs (q may be ~1e250). */
function jet(z: number, q: number, nu: number): Jet {
  const q2 = q * q;
  // ln(1 + q²/ν) and q²/(ν + q²), without overflow for large q.
  const lnBase = q < 1 ? Math.log1p(q2 / nu) : 2 * Math.log(q) + Math.log1p(nu / q2) - Math.log(nu);
  const share = q < 1 ? q2 / (nu + q2) : 1 / (1 + nu / q2);
  const r = Math.exp(-0.5 * z * z - LN_SQRT_2PI - logEll(nu) + 0.5 * (nu + 1) * lnBase - Math.log(q));
  return [Math.log(q / z), r - 1 / z, r * (-z + (nu + 1) * r * share) - r * r + 1 / (z * z)];
}

/** (h, h′, h″) at z = 0. */
function jetAtZero(nu: number): Jet {
  const lnA = -LN_SQRT_2PI - logEll(nu);
  const a = Math.exp(lnA);
  return [lnA, 0, ((nu + 1) * a * a / nu - 1) / 3];
}
