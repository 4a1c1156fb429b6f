import type { NoiseModel } from './noiseModel.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { fillStudentT } from '../random/studentT.ts';
import { tCentralInterpolant } from '../special/tCentralTable.ts';
import { checkBatch, checkedNu, checkedScale } from './validate.ts';

const CHUNK = 4096;

/**
 * Student-t gradient noise Z_i = s_i·T_i, T_i ~ t_ν independent across coordinates and paths.
 * E[sign(g + Z_i)] = 2F_ν(g/s_i) − 1 (CLAIMS A8; tCentralInterpolant's table of tCentral, built on
 * the first call, keeps relative accuracy near 0);
 * Var[Z_i] = s_i² ν/(ν − 2) for ν > 2 and Infinity for ν ≤ 2. ν = Infinity is Gaussian noise.
 * addTo and sample draw in the same blocks of CHUNK entries (one fillStudentT call each), so both
 * consume the stream identically.
 */
export function studentTNoise(scale: Float64Array | number[], nu: number): NoiseModel {
  const s = checkedScale(scale, 'studentTNoise');
  const dof = checkedNu(nu, 'studentTNoise');
  const dim = s.length;
  const scratch = new Float64Array(CHUNK);
  const varianceFactor = dof === Infinity ? 1 : dof > 2 ? dof / (dof - 2) : Infinity;
  let central: ((x: number) => number) | undefined;

  return {
    kind: 'studentT',
    dim,
    scale: s,
    nu: dof,

    addTo(rng: RandomStream, grad: Float64Array, paths: number): void {
      const n = checkBatch(grad, paths, dim, 'studentTNoise.addTo');
      let i = 0;
      for (let start = 0; start < n; start += CHUNK) {
        const len = Math.min(CHUNK, n - start);
        fillStudentT(rng, dof, scratch, 0, len);
        for (let k = 0; k < len; k++) {
          grad[start + k] += s[i] * scratch[k];
          if (++i === dim) i = 0;
        }
      }
    },

    sample(rng: RandomStream, out: Float64Array, paths: number): void {
      const n = checkBatch(out, paths, dim, 'studentTNoise.sample');
      for (let start = 0; start < n; start += CHUNK) fillStudentT(rng, dof, out, start, Math.min(CHUNK, n - start));
      let i = 0;
      for (let k = 0; k < n; k++) {
        out[k] *= s[i];
        if (++i === dim) i = 0;
      }
    },

    signMean(g: number, i: number): number {
      central ??= tCentralInterpolant(dof);
      return central(g / s[i]);
    },

    variance(i: number): number {
      return varianceFactor === Infinity ? Infinity : s[i] * s[i] * varianceFactor;
    },
  };
}
