import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions, gradientScratch, noiseStd } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';

/**
 * SGD SDE (the context of CLAIMS A6, Lemma 3.8): dX = −∇f(X) dt + √η Σ^{1/2} dW with diagonal
 * Σ = diag(σ_i²), σ_i² = Var[Z_i] from the noise model (finite variance required).
 * Per coordinate: drift −g, diffusion √η·σ_i.
 */
export function sgdSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'sgd SDE';
  const dim = checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const b = Float64Array.from(noiseStd(owner, noise), (sd) => Math.sqrt(eta) * sd);
  const gradient = gradientScratch(problem);
  return {
    name: 'sgd',
    dim,
    components: ['x'],
    noisy: [true],
    drift(_t, state, paths, out) {
      const g = gradient(state, paths);
      for (let j = 0, n = paths * dim; j < n; j++) out[j] = -g[j];
    },
    additiveNoise: true,
    diffusion(_t, _state, paths, out) {
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) out[o + i] = b[i];
      }
    },
  };
}
