import type { NoiseModel } from './noiseModel.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { fillNormal } from '../random/normal.ts';
import { erf } from '../special/erf.ts';
import { checkBatch, checkedScale } from './validate.ts';

/** Normals are drawn into a scratch buffer of this many entries (fits in L1/L2), then added. */
const CHUNK = 4096;

/**
 * Gaussian gradient noise Z_i = s_i·N(0, 1), independent across coordinates and paths
 * (Σ = diag(s²)). E[sign(g + Z_i)] = erf(g/(√2 s_i)) (CLAIMS A2); Var[Z_i] = s_i².
 * addTo draws the normals in the order of the path-major batch, CHUNK at a time.
 */
export function gaussianNoise(scale: Float64Array | number[]): NoiseModel {
  const s = checkedScale(scale, 'gaussianNoise');
  const dim = s.length;
  const invSqrt2s = s.map((v) => 1 / (Math.SQRT2 * v));
  const scratch = new Float64Array(CHUNK);

  return {
    kind: 'gaussian',
    dim,
    scale: s,
    nu: Infinity,

    addTo(rng: RandomStream, grad: Float64Array, paths: number): void {
      const n = checkBatch(grad, paths, dim, 'gaussianNoise.addTo');
      const z = scratch;
      let i = 0;
      for (let start = 0; start < n; start += CHUNK) {
        const len = Math.min(CHUNK, n - start);
        fillNormal(rng, z, 0, len);
        if (dim === 1) {
          const s0 = s[0];
          for (let k = 0; k < len; k++) grad[start + k] += s0 * z[k];
        } else {
          for (let k = 0; k < len; k++) {
            grad[start + k] += s[i] * z[k];
            if (++i === dim) i = 0;
          }
        }
      }
    },

    sample(rng: RandomStream, out: Float64Array, paths: number): void {
      const n = checkBatch(out, paths, dim, 'gaussianNoise.sample');
      fillNormal(rng, out, 0, n);
      let i = 0;
      for (let k = 0; k < n; k++) {
        out[k] *= s[i];
        if (++i === dim) i = 0;
      }
    },

    signMean(g: number, i: number): number {
      return erf(g * invSqrt2s[i]);
    },

    variance(i: number): number {
      return s[i] * s[i];
    },
  };
}
