import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { fastErf } from '../fastErf.ts';
import { checkDimensions, gradientScratch, rowBroadcast } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';

/**
 * SignSGD SDE under Gaussian noise Z_i ~ N(0, s_i²) (CLAIMS A2, Corollary 3.3, stated):
 *   dX_i = −erf(g/(√2 s_i)) dt + √η √(1 − erf(g/(√2 s_i))²) dW_i,   g = ∂_i f(X),
 * since E[sign(g + s_i Z)] = 1 − 2Φ(−g/s_i) = erf(g/(√2 s_i)).
 * The fused Euler–Maruyama step evaluates erf once per entry (fastErf, ≤ 1e-15) in one flat pass
 * and allocates nothing. 1 − erf² is formed directly: for |g/(√2 s)| > 5 its relative error grows,
 * but there the diffusion is below 1e-5·√η. It is taken in absolute value: fastErf may exceed 1 in
 * magnitude by an ulp near |x| = 6, where |1 − e²| ≤ 4.5e-16 stands for the true 1 − erf² < 1e-16
 * (a diffusion below 2.2e-8·√η either way) and a negative radicand would read as divergence.
 */
export function signSgdGaussianSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'signsgd-gaussian SDE';
  const dim = checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const sqrtEta = Math.sqrt(eta);
  const c = Float64Array.from(noise.scale, (s) => 1 / (Math.SQRT2 * s));
  const invSqrt2S = rowBroadcast(c);
  const gradient = gradientScratch(problem);
  const lam = problem.diagonalHessian;
  return {
    ...(lam !== undefined ? { kernel: { kind: 'signsgd-gaussian', lam, c, sqrtEta } as const } : {}),
    name: 'signsgd-gaussian',
    dim,
    components: ['x'],
    noisy: [true],
    drift(_t, state, paths, out) {
      const g = gradient(state, paths);
      const c = invSqrt2S(paths);
      for (let j = 0, n = paths * dim; j < n; j++) out[j] = -fastErf(g[j] * c[j]);
    },
    diffusion(_t, state, paths, out) {
      const g = gradient(state, paths);
      const c = invSqrt2S(paths);
      for (let j = 0, n = paths * dim; j < n; j++) {
        const e = fastErf(g[j] * c[j]);
        out[j] = sqrtEta * Math.sqrt(Math.abs(1 - e * e));
      }
    },
    eulerStep(_t, dt, state, dW, paths, dWScale) {
      return fusedEulerLoop(state, dW, gradient(state, paths), invSqrt2S(paths), paths * dim, sqrtEta * dWScale, dt) === 0;
    },
  };
}

/**
 * X ← X − e·dt + κ √(1 − e²)·dW with e = erf(g·c), κ = √η·dWScale, over n entries; returns
 * Σ X·0 (0 iff all finite). A separate function, so that the optimizer's on-stack replacement of
 * this loop does not leave the caller's comparison without type feedback (which made every call
 * deoptimize).
 */
function fusedEulerLoop(
  state: Float64Array, dW: Float64Array, g: Float64Array, c: Float64Array, n: number, kappa: number, dt: number,
): number {
  let check = 0;
  for (let j = 0; j < n; j++) {
    const e = fastErf(g[j] * c[j]);
    const y = state[j] + kappa * Math.sqrt(Math.abs(1 - e * e)) * dW[j] - e * dt;
    state[j] = y;
    check += y * 0;
  }
  return check;
}
