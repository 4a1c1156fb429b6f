import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { fastErf } from '../fastErf.ts';
import { checkDimensions, gradientScratch } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';

/**
 * SignSGD SDE under Gaussian noise Z_i ~ N(0, s_i²) (CLAIMS A2, Corollary 3.3, stated):
 *   dX_i = −erf(g/(√2 s_i)) dt + √η √(1 − erf(g/(√2 s_i))²) dW_i,   g = ∂_i f(X),
 * since E[sign(g + s_i Z)] = 1 − 2Φ(−g/s_i) = erf(g/(√2 s_i)).
 * The fused Euler–Maruyama step evaluates erf once per entry (fastErf, ≤ 1e-15) and allocates
 * nothing. 1 − erf² is formed directly: for |g/(√2 s)| > 5 its relative error grows, but there the
 * diffusion is below 1e-5·√η.
 */
export function signSgdGaussianSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'signsgd-gaussian SDE';
  const dim = checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const sqrtEta = Math.sqrt(eta);
  const invSqrt2S = Float64Array.from(noise.scale, (s) => 1 / (Math.SQRT2 * s));
  const gradient = gradientScratch(problem);
  return {
    name: 'signsgd-gaussian',
    dim,
    components: ['x'],
    noisy: [true],
    drift(_t, state, paths, out) {
      const g = gradient(state, paths);
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) out[o + i] = -fastErf(g[o + i] * invSqrt2S[i]);
      }
    },
    diffusion(_t, state, paths, out) {
      const g = gradient(state, paths);
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          const e = fastErf(g[o + i] * invSqrt2S[i]);
          out[o + i] = sqrtEta * Math.sqrt(Math.max(0, 1 - e * e));
        }
      }
    },
    eulerStep(_t, dt, state, dW, paths) {
      const g = gradient(state, paths);
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          const j = o + i;
          const e = fastErf(g[j] * invSqrt2S[i]);
          state[j] += sqrtEta * Math.sqrt(Math.max(0, 1 - e * e)) * dW[j] - e * dt;
        }
      }
    },
  };
}
