import type { RandomStream } from './randomStream.ts';
import { Xoshiro128 } from './xoshiro.ts';
import { erfc } from '../special/erf.ts';

/**
 * Standard normal variates by the ziggurat method with 256 layers (Marsaglia & Tsang 2000, in the
 * form of Doornik 2005, "An improved ziggurat method to generate normal random samples").
 *
 * With f(x) = e^{−x²/2}, the layers are rectangles of equal area v: X₁ = r,
 * X_{i+1} = f⁻¹(v/Xᵢ + f(Xᵢ)), X₂₅₆ = 0; layer 0 is the rectangle [0, r] × [0, f(r)] plus the tail
 * x > r, drawn as a rectangle of pseudo-width X₀ = v/f(r). r solves the closure condition
 * v/X₂₅₅ + f(X₂₅₅) = 1 with v = r·f(r) + √(π/2)·erfc(r/√2); it is found by bisection at module
 * load (r ≈ 3.6541528853610088).
 *
 * One draw takes two 32-bit outputs a, b: layer i = a & 255, sign = bit 8 of a, and the 53-bit
 * uniform u = (a >>> 11)·2^−21 + b·2^−53 (layer, sign and u use disjoint bits, avoiding the
 * layer–value correlation of 32-bit ziggurats). Accept x = ±u·Xᵢ when u < X_{i+1}/Xᵢ (≈ 99% of
 * draws; the hot loops first test a >>> 11 < ⌊2^21·X_{i+1}/Xᵢ⌋ in integers, which implies it, and
 * leave the rare undecided draws to the exact test); otherwise the wedge test f(X_i) + U·(f(X_{i+1}) − f(X_i)) < f(x) for i ≥ 1, or
 * Marsaglia's exact tail for i = 0 (x = r + E₁/r with E₁, E₂ ~ Exp(1), accepted when 2E₂ ≥ (E₁/r)²).
 * A rejected wedge restarts the draw. The method is exact up to floating-point rounding.
 */

const LAYERS = 256;

const f = (x: number): number => Math.exp(-0.5 * x * x);

function layerArea(r: number): number {
  return r * f(r) + Math.sqrt(Math.PI / 2) * erfc(r / Math.SQRT2);
}

/** Fills x[1..255] for a given r; returns v/x[255] + f(x[255]) − 1 (> 0 if the layers overshoot). */
function closure(r: number, x: Float64Array): number {
  const v = layerArea(r);
  x[1] = r;
  for (let i = 1; i < LAYERS - 1; i++) {
    const h = v / x[i] + f(x[i]);
    if (h >= 1) return 1;
    x[i + 1] = Math.sqrt(-2 * Math.log(h));
  }
  return v / x[LAYERS - 1] + f(x[LAYERS - 1]) - 1;
}

const X = new Float64Array(LAYERS + 1);
let R_TAIL = 0;
{
  let lo = 3;
  let hi = 4;
  for (let it = 0; it < 200 && hi - lo > 0; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (closure(mid, X) > 0) lo = mid;
    else hi = mid;
  }
  R_TAIL = hi;
  closure(R_TAIL, X);
  X[0] = layerArea(R_TAIL) / f(R_TAIL);
  X[LAYERS] = 0;
}

/** The tail cut-off r of the ziggurat (exported for tests). */
export const ZIGGURAT_R = R_TAIL;

/**
 * Tables indexed by k = layer + 256·sign: signed width, acceptance ratio X_{i+1}/X_i, the ratio's
 * integer floor on the 21-bit scale of a >>> 11 (a conservative integer pre-test), f at the edges.
 */
const XS = new Float64Array(2 * LAYERS);
const RATIO = new Float64Array(2 * LAYERS);
const RATIO21 = new Int32Array(2 * LAYERS);
const FX = new Float64Array(LAYERS + 1);
for (let i = 0; i <= LAYERS; i++) FX[i] = f(X[i]);
for (let k = 0; k < 2 * LAYERS; k++) {
  const i = k & (LAYERS - 1);
  XS[k] = k < LAYERS ? X[i] : -X[i];
  RATIO[k] = X[i + 1] / X[i];
  RATIO21[k] = Math.floor(RATIO[k] * 2097152);
}

/**
 * Slow path for a draw (k, u) that failed the integer pre-test: the exact rectangle test, then the
 * wedge or tail; returns a value, or NaN to restart.
 */
function slowPath(rng: RandomStream, k: number, u: number): number {
  if (u < RATIO[k]) return u * XS[k];
  const i = k & (LAYERS - 1);
  const sign = k < LAYERS ? 1 : -1;
  if (i === 0) {
    const r = R_TAIL;
    for (;;) {
      const e1 = -Math.log(1 - rng.nextDouble()) / r;
      const e2 = -Math.log(1 - rng.nextDouble());
      if (2 * e2 >= e1 * e1) return sign * (r + e1);
    }
  }
  const x = u * X[i];
  const y = FX[i] + rng.nextDouble() * (FX[i + 1] - FX[i]);
  return y < f(x) ? sign * x : NaN;
}

/** One standard normal N(0, 1) draw. */
export function normal(rng: RandomStream): number {
  for (;;) {
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    const k = a & 511;
    const u = (a >>> 11) * 4.76837158203125e-7 + b * 1.1102230246251565e-16;
    if (u < RATIO[k]) return u * XS[k];
    const z = slowPath(rng, k, u);
    if (z === z) return z;
  }
}

/**
 * Writes `length` independent N(0, 1) draws into out[offset .. offset + length). The values are
 * those of `length` successive `normal(rng)` calls; for a xoshiro stream the generator state lives
 * in locals during the inner loop, which runs without calls or allocation until a draw needs the
 * slow path (~1% of draws).
 */
export function fillNormal(
  rng: RandomStream,
  out: Float64Array,
  offset = 0,
  length: number = out.length - offset,
): void {
  const end = offset + length;
  if (!(offset >= 0 && length >= 0 && end <= out.length)) {
    throw new RangeError(`fillNormal: range [${offset}, ${end}) is outside the buffer of length ${out.length}`);
  }
  if (!(rng instanceof Xoshiro128)) {
    for (let j = offset; j < end; j++) out[j] = normal(rng);
    return;
  }
  const ratio21 = RATIO21;
  const xs = XS;
  let j = offset;
  while (j < end) {
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    let a = 0;
    let b = 0;
    for (; j < end; j++) {
      let m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      b = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const k = a & 511;
      const hi = a >>> 11;
      if (hi >= ratio21[k]) break;
      out[j] = (hi * 4.76837158203125e-7 + (b >>> 0) * 1.1102230246251565e-16) * xs[k];
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (j < end) {
      const z = slowPath(rng, a & 511, (a >>> 11) * 4.76837158203125e-7 + (b >>> 0) * 1.1102230246251565e-16);
      if (z === z) out[j++] = z;
    }
  }
}

/**
 * out[offset + k] += scale[k]·Z_k for k < length, where Z_0, Z_1, … are the values `fillNormal`
 * would write (same stream consumption), fused into one pass for the noise hot path.
 */
export function addScaledNormals(
  rng: RandomStream,
  out: Float64Array,
  scale: Float64Array,
  offset = 0,
  length: number = out.length - offset,
): void {
  const end = offset + length;
  if (!(offset >= 0 && length >= 0 && end <= out.length)) {
    throw new RangeError(`addScaledNormals: range [${offset}, ${end}) is outside the buffer of length ${out.length}`);
  }
  if (scale.length < length) {
    throw new RangeError(`addScaledNormals: scale has ${scale.length} entries, fewer than length ${length}`);
  }
  if (!(rng instanceof Xoshiro128)) {
    for (let j = offset; j < end; j++) out[j] += scale[j - offset] * normal(rng);
    return;
  }
  const sc = scale;
  const ratio21 = RATIO21;
  const xs = XS;
  let j = offset;
  while (j < end) {
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    let a = 0;
    let b = 0;
    for (; j < end; j++) {
      let m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      b = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const k = a & 511;
      const hi = a >>> 11;
      if (hi >= ratio21[k]) break;
      out[j] += sc[j - offset] * ((hi * 4.76837158203125e-7 + (b >>> 0) * 1.1102230246251565e-16) * xs[k]);
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (j < end) {
      const z = slowPath(rng, a & 511, (a >>> 11) * 4.76837158203125e-7 + (b >>> 0) * 1.1102230246251565e-16);
      if (z === z) {
        out[j] += sc[j - offset] * z;
        j++;
      }
    }
  }
}
