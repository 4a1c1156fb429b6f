import type { RandomStream } from './randomStream.ts';
import { fillNormal, normal } from './normal.ts';

/**
 * Student-t variates with ν > 0 degrees of freedom, by two exact methods (ν = Infinity gives
 * standard normals, from fillNormal):
 *
 * ν ≥ 2: T = Z·√(ν/(2G)), Z ~ N(0, 1) independent of G ~ Gamma(ν/2, 1) (χ²_ν = 2G), with G by
 *   Marsaglia & Tsang (2000), "A simple method for generating gamma variables", shape a = ν/2 ≥ 1:
 *   d = a − ⅓, c = 1/√(9d); from a normal ζ, v = (1 + cζ)³ (retried if ≤ 0) is accepted when
 *   u < 1 − 0.0331ζ⁴ (the squeeze, which settles ~92% of draws) or log u < ζ²/2 + d(1 − v + log v);
 *   G = d·v; ≤ 1.05 proposals per draw. No logarithm or exponential on the squeeze path, where
 *   Bailey's method below would need two per draw (about twice as fast for ν ≥ 2).
 * ν < 2: Bailey's polar method (R. W. Bailey 1994, "Polar generation of random variates with the
 *   t-distribution", Math. Comp. 62: 779–781): (U, V) uniform on the unit disc, W = U² + V²,
 *   T = U·√(ν(W^{−2/ν} − 1)/W), with W^{−2/ν} − 1 = expm1(−(2/ν) log W) (no cancellation as W → 1)
 *   and U/√W = cos θ split off (W^{−2/ν} alone overflows long before T does when ν is small).
 *   Here the gamma route would need the boost G_a = G_{a+1}·U^{1/a}, a transcendental per draw
 *   on top of its own; Bailey's method needs two (log, expm1) and is the faster of the two.
 *
 * Uniforms are 32-bit midpoints (k + ½)/2^32 (on (−1, 1): (k + ½)/2^31 for signed k), so none is 0
 * and W > 0. A grid of step 2^−31 puts each disc region's mass within O(perimeter·2^−31) of its
 * area share, and moves a squeeze or acceptance probability by ≤ 2^−32: both far below the 2^−24
 * resolution of the normals (see ./ziggurat.ts), itself invisible to a KS test below ~10^14 draws.
 * For tiny ν, |T| can exceed the double range (P(|T| > 1.8e308) ≈ 8e−4 at ν = 0.01): such draws are
 * ±Infinity, as are the true variates rounded to double.
 */

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_31 = 4.656612873077393e-10;
const SCRATCH = 4096;
const proposals = new Float64Array(SCRATCH);
const single = new Float64Array(1);

function checkNu(nu: number): void {
  if (!(nu > 0)) throw new RangeError(`nu: ${nu} is not allowed (allowed: nu > 0, or Infinity for Gaussian)`);
}

/** Writes `length` t_ν draws into out[offset .. offset + length). */
export function fillStudentT(
  rng: RandomStream,
  nu: number,
  out: Float64Array,
  offset = 0,
  length: number = out.length - offset,
): void {
  checkNu(nu);
  const end = offset + length;
  if (!(offset >= 0 && length >= 0 && end <= out.length)) {
    throw new RangeError(`fillStudentT: range [${offset}, ${end}) is outside the buffer of length ${out.length}`);
  }
  if (nu === Infinity) fillNormal(rng, out, offset, length);
  else if (nu >= 2) normalOverGamma(rng, nu, out, offset, end);
  else bailey(rng, nu, out, offset, end);
}

/** One t_ν draw (the same value as `fillStudentT` with length 1). */
export function studentT(rng: RandomStream, nu: number): number {
  fillStudentT(rng, nu, single, 0, 1);
  return single[0];
}

/**
 * ν ≥ 2: the numerators Z for the whole range first, then per block of SCRATCH entries the
 * block's first proposals ζ, then one uniform per entry (plus a fresh ζ and uniform per rejection).
 */
function normalOverGamma(rng: RandomStream, nu: number, out: Float64Array, start: number, end: number): void {
  fillNormal(rng, out, start, end - start);
  const d = nu / 2 - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const scale = nu / (2 * d);
  for (let block = start; block < end; block += SCRATCH) {
    const len = Math.min(SCRATCH, end - block);
    fillNormal(rng, proposals, 0, len);
    for (let k = 0; k < len; k++) {
      let z = proposals[k];
      let v: number;
      for (;;) {
        v = 1 + c * z;
        if (v > 0) {
          v = v * v * v;
          const u = (rng.nextUint32() + 0.5) * TWO_POW_MINUS_32;
          const z2 = z * z;
          if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) break;
        }
        z = normal(rng);
      }
      out[block + k] *= Math.sqrt(scale / v);
    }
  }
}

/**
 * ν < 2: per entry, pairs (U, V) until W = U² + V² < 1; then T = (U/√W)·√ν·√(e^x − 1) with
 * x = −(2/ν) log W. For x ≥ 700, √(e^x − 1) = e^{x/2} to double precision and is formed as
 * e^{x/4}·e^{x/4} after the other factors, so that no intermediate overflows before T does.
 */
function bailey(rng: RandomStream, nu: number, out: Float64Array, start: number, end: number): void {
  const e = -2 / nu;
  const sqrtNu = Math.sqrt(nu);
  for (let j = start; j < end; j++) {
    let u: number;
    let w: number;
    do {
      u = ((rng.nextUint32() | 0) + 0.5) * TWO_POW_MINUS_31;
      const v = ((rng.nextUint32() | 0) + 0.5) * TWO_POW_MINUS_31;
      w = u * u + v * v;
    } while (!(w < 1));
    const x = e * Math.log(w);
    const r = (u / Math.sqrt(w)) * sqrtNu;
    if (x < 700) out[j] = r * Math.sqrt(Math.expm1(x));
    else {
      const h = Math.exp(x / 4);
      out[j] = r * h * h;
    }
  }
}
