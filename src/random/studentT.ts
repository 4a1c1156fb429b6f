import type { RandomStream } from './randomStream.ts';
import { fillNormal, normal } from './normal.ts';
import { logGammaVariate } from './gamma.ts';

/**
 * Student-t variates with ν > 0 degrees of freedom: T = Z / √(χ²_ν/ν), Z ~ N(0, 1) independent
 * of χ²_ν = 2·Gamma(ν/2, 1). Computed as T = Z·exp(½(log ν − log 2 − log G)) so that the tiny G of
 * small ν (heavy tails, ν ≤ 2 has infinite variance) gives large but finite values rather than
 * a division by an underflowed 0. ν = Infinity gives standard normals.
 * The buffer is first filled with the normals, then each is scaled by its own gamma draw.
 */

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
  fillNormal(rng, out, offset, length);
  if (nu === Infinity) return;
  const half = nu / 2;
  const logHalfNu = Math.log(half);
  const end = offset + length;
  for (let j = offset; j < end; j++) {
    out[j] *= Math.exp(0.5 * (logHalfNu - logGammaVariate(rng, half)));
  }
}

/** One t_ν draw (the same value as `fillStudentT` with length 1). */
export function studentT(rng: RandomStream, nu: number): number {
  checkNu(nu);
  const z = normal(rng);
  if (nu === Infinity) return z;
  const half = nu / 2;
  return z * Math.exp(0.5 * (Math.log(half) - logGammaVariate(rng, half)));
}
