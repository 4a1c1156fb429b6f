import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions, gradientScratch, noiseStd } from './coordinateNoise.ts';
import { learningRate, nonNegative, rate, type SdeParams } from './sdeParams.ts';

/**
 * RMSpropW SDE (CLAIMS B1, reconstructed; paper theorem ~3.10/3.11), P = diag(√V) + εI:
 *   dX = −P⁻¹(∇f(X) dt + √η Σ^{1/2} dW) − θX dt
 *   dV = ρ((∇f(X))² + diag Σ − V) dt
 * Per coordinate (components x, v; only x is noisy), g = ∂_i f(X), σ_i² = Var[Z_i]:
 *   X: drift −g/(√V + ε) − θX,  diffusion √η·σ_i/(√V + ε)
 *   V: drift ρ(g² + σ_i² − V)   — or ρ(σ_i² − V) for the Malladi et al. variant (B3).
 * ρ = (1 − β)/η. θ = 0 is RMSprop. V must stay ≥ 0 (√V of a negative V is NaN, which the solver
 * reports as divergence); V₀ = 0 with ε = 0 makes the X drift infinite at t = 0.
 */
export type VTarget = 'paper' | 'malladi';

export function rmspropWSde(params: SdeParams, problem: Problem, noise: NoiseModel, variant: VTarget = 'paper'): Sde {
  const name = variant === 'paper' ? 'rmspropw' : 'malladi-rmsprop';
  const owner = `${name} SDE`;
  const dim = checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const rho = rate(owner, params, 'rho', 'beta', 0.99);
  const eps = nonNegative(owner, params, 'eps', 1e-8);
  const theta = nonNegative(owner, params, 'theta', 0);
  const sigma = noiseStd(owner, noise);
  const sigma2 = sigma.map((s) => s * s);
  const sqrtEta = Math.sqrt(eta);
  const gWeight = variant === 'paper' ? 1 : 0;
  const gradient = gradientScratch(problem);
  return {
    name,
    dim,
    components: ['x', 'v'],
    noisy: [true, false],
    drift(_t, state, paths, out) {
      const g = gradient(state, paths);
      const n = paths * dim;
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          const j = o + i;
          const gj = g[j];
          const v = state[n + j];
          out[j] = -gj / (Math.sqrt(v) + eps) - theta * state[j];
          out[n + j] = rho * (gWeight * gj * gj + sigma2[i] - v);
        }
      }
    },
    diffusion(_t, state, paths, out) {
      const n = paths * dim;
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          const j = o + i;
          out[j] = (sqrtEta * sigma[i]) / (Math.sqrt(state[n + j]) + eps);
          out[n + j] = 0;
        }
      }
    },
  };
}
