import type { NoiseModel } from '../noise/noiseModel.ts';
import { fillNormal } from '../random/normal.ts';
import type { RandomStream } from '../random/randomStream.ts';

/**
 * Gaussian gradient noise coupled to a Brownian path refined `substeps` times per optimizer step:
 *   Z_k = (Z_{k,1} + … + Z_{k,m}) / √m,
 * drawing each batch of standard normals in the order BrownianPath (src/sde/brownian.ts) draws its
 * fine increments for an SDE with one noisy component. With the same seed, the optimizer's Z_k
 * and the SDE's increment W((k+1)η) − W(kη) = √η·Z_k are the same random variable (common random
 * numbers): each marginal law is unchanged, the variance of their difference shrinks.
 */
export function coupledGaussianNoise(noise: NoiseModel, substeps: number): NoiseModel {
  if (noise.kind !== 'gaussian') throw new RangeError('coupledGaussianNoise: only Gaussian noise can be coupled to a Brownian path');
  let sum = new Float64Array(0);
  let scratch = new Float64Array(0);
  const scale = 1 / Math.sqrt(substeps);
  return {
    ...noise,
    addTo(rng: RandomStream, grad: Float64Array, paths: number): void {
      const n = paths * noise.dim;
      if (sum.length !== n) {
        sum = new Float64Array(n);
        scratch = new Float64Array(n);
      }
      fillNormal(rng, sum, 0, n);
      for (let r = 1; r < substeps; r++) {
        fillNormal(rng, scratch, 0, n);
        for (let j = 0; j < n; j++) sum[j] += scratch[j];
      }
      const s = noise.scale;
      const dim = noise.dim;
      for (let j = 0; j < n; j++) grad[j] += s[j % dim] * scale * sum[j];
    },
  };
}
