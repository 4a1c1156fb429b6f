import type { RandomStream } from './randomStream.ts';
import { normal } from './normal.ts';

/**
 * Gamma(a, 1) variates, density x^{a−1} e^{−x}/Γ(a), by Marsaglia & Tsang (2000), "A simple method
 * for generating gamma variables":
 *   a ≥ 1: d = a − ⅓, c = 1/√(9d); draw Z ~ N(0, 1), U ~ U(0, 1]; v = (1 + cZ)³ (retry if ≤ 0);
 *          accept d·v if U < 1 − 0.0331 Z⁴ or log U < Z²/2 + d(1 − v + log v).
 *   a < 1: G_a = G_{a+1} · U^{1/a} (their boost), computed in logs so tiny shapes do not underflow.
 * The expected number of trials is below 1.05 for every a ≥ 1.
 */

function checkShape(shape: number): void {
  if (!(shape > 0 && shape < Infinity)) {
    throw new RangeError(`shape: ${shape} is not allowed (allowed: 0 < shape < Infinity)`);
  }
}

/** One Gamma(a, 1) draw for a ≥ 1, given d = a − ⅓ and c = 1/√(9d). */
function marsagliaTsang(rng: RandomStream, d: number, c: number): number {
  for (;;) {
    const z = normal(rng);
    let v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - rng.nextDouble();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** log G for G ~ Gamma(shape, 1); finite even where G itself would underflow (shape ≪ 1). */
export function logGammaVariate(rng: RandomStream, shape: number): number {
  checkShape(shape);
  if (shape >= 1) {
    const d = shape - 1 / 3;
    return Math.log(marsagliaTsang(rng, d, 1 / Math.sqrt(9 * d)));
  }
  const d = shape + 1 - 1 / 3;
  const g = marsagliaTsang(rng, d, 1 / Math.sqrt(9 * d));
  return Math.log(g) + Math.log(1 - rng.nextDouble()) / shape;
}

/** One Gamma(shape, scale) draw (mean shape·scale). */
export function gammaVariate(rng: RandomStream, shape: number, scale = 1): number {
  checkShape(shape);
  if (shape >= 1) {
    const d = shape - 1 / 3;
    return scale * marsagliaTsang(rng, d, 1 / Math.sqrt(9 * d));
  }
  return scale * Math.exp(logGammaVariate(rng, shape));
}

/** Writes `length` Gamma(shape, 1) draws into out[offset .. offset + length). */
export function fillGamma(
  rng: RandomStream,
  shape: number,
  out: Float64Array,
  offset = 0,
  length: number = out.length - offset,
): void {
  checkShape(shape);
  const end = offset + length;
  if (!(offset >= 0 && length >= 0 && end <= out.length)) {
    throw new RangeError(`fillGamma: range [${offset}, ${end}) is outside the buffer of length ${out.length}`);
  }
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let j = offset; j < end; j++) {
    const g = marsagliaTsang(rng, d, c);
    out[j] = boost ? Math.exp(Math.log(g) + Math.log(1 - rng.nextDouble()) / shape) : g;
  }
}
