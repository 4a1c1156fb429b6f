import type { NoiseModel } from './noiseModel.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { fillNormal } from '../random/normal.ts';
import { addScaledNormals } from '../random/addScaledNormals.ts';
import { erf } from '../special/erf.ts';
import { checkBatch, checkedScale } from './validate.ts';

/** Target block length of addTo (the scale pattern below stays in L1). */
const CHUNK = 4096;

/**
 * Gaussian gradient noise Z_i = s_i·N(0, 1), independent across coordinates and paths
 * (Σ = diag(s²)). E[sign(g + Z_i)] = erf(g/(√2 s_i)) (CLAIMS A2); Var[Z_i] = s_i².
 * addTo walks the path-major batch in blocks of whole paths, adding pattern[k]·Z_k with
 * pattern = (s_0, …, s_{d−1}, s_0, …) in one fused pass (addScaledNormals); the normals are those
 * `fillNormal` gives for the whole batch, so addTo(zeros) and sample agree.
 */
/** The models made by gaussianNoise (their addTo is known exactly, so a fused kernel may stand in for it). */
const LIBRARY_GAUSSIAN = new WeakSet<NoiseModel>();

/** s when `noise` is a gaussianNoise model (Z_i = s_i·N(0, 1) added by addScaledNormals), else undefined. */
export function libraryGaussianScale(noise: NoiseModel | undefined): Float64Array | undefined {
  return noise !== undefined && LIBRARY_GAUSSIAN.has(noise) ? noise.scale : undefined;
}

export function gaussianNoise(scale: Float64Array | number[]): NoiseModel {
  const s = checkedScale(scale, 'gaussianNoise');
  const dim = s.length;
  const invSqrt2s = s.map((v) => 1 / (Math.SQRT2 * v));
  const block = Math.max(dim, Math.floor(CHUNK / dim) * dim);
  const pattern = new Float64Array(block);
  for (let k = 0; k < block; k++) pattern[k] = s[k % dim];

  const model: NoiseModel = {
    kind: 'gaussian',
    dim,
    scale: s,
    nu: Infinity,

    addTo(rng: RandomStream, grad: Float64Array, paths: number): void {
      const n = checkBatch(grad, paths, dim, 'gaussianNoise.addTo');
      for (let start = 0; start < n; start += block) {
        addScaledNormals(rng, grad, pattern, start, Math.min(block, n - start));
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
  LIBRARY_GAUSSIAN.add(model);
  return model;
}
