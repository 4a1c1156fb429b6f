import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions, gradientScratch, noiseStd } from './coordinateNoise.ts';
import type { VTarget } from './rmspropW.ts';
import { learningRate, nonNegative, rate, type SdeParams } from './sdeParams.ts';

/**
 * AdamW SDE (CLAIMS B2, Theorem 3.12, stated; exact form reconstructed), with bias factors
 * ι_i(t) = 1 − exp(−ρ_i t) and P = diag(√V) + ε√ι₂ I:
 *   dX = −(√ι₂/ι₁)·P⁻¹M dt − θX dt
 *   dM = ρ₁(∇f(X) − M) dt + √η·ρ₁·Σ^{1/2} dW
 *   dV = ρ₂((∇f(X))² + diag Σ − V) dt          (Malladi variant, B3: ρ₂(diag Σ − V))
 * Components x, m, v; only m is noisy. ρ_i = (1 − β_i)/η. θ = 0 is Adam.
 *
 * Time origin of the bias factors: ι is evaluated at t + biasShift, biasShift = η by default.
 * An Euler–Maruyama step from t_n = nη therefore uses ι_i((n + 1)η) = 1 − e^{−ρ_i(n+1)η}, the
 * continuous counterpart of the discrete step k = n + 1's 1 − β_iᵏ ("Euler–Maruyama starts the bias
 * factors at t = η", CLAIMS B2); it also keeps ι₁ > 0 at t = 0, where ι₁(0) = 0 would make the
 * drift 0/0. The X drift is taken as 0 where M = 0 (the value of M/(√V + ε√ι₂) for M = 0 whenever
 * the denominator is positive; it also covers V = ε = 0 at the start, M₀ = 0).
 */
export function adamWSde(params: SdeParams, problem: Problem, noise: NoiseModel, variant: VTarget = 'paper'): Sde {
  const name = variant === 'paper' ? 'adamw' : 'malladi-adam';
  const owner = `${name} SDE`;
  const dim = checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const rho1 = rate(owner, params, 'rho1', 'beta1', 0.9);
  const rho2 = rate(owner, params, 'rho2', 'beta2', 0.999);
  const eps = nonNegative(owner, params, 'eps', 1e-8);
  const theta = nonNegative(owner, params, 'theta', 0);
  const shift = nonNegative(owner, params, 'biasShift', eta);
  const sigma = noiseStd(owner, noise);
  const sigma2 = sigma.map((s) => s * s);
  const mNoise = sigma.map((s) => Math.sqrt(eta) * rho1 * s);
  const gWeight = variant === 'paper' ? 1 : 0;
  const gradient = gradientScratch(problem);
  const biasTerms = (t: number): { prefactor: number; epsEff: number } => {
    const iota1 = -Math.expm1(-rho1 * (t + shift));
    const sqrtIota2 = Math.sqrt(-Math.expm1(-rho2 * (t + shift)));
    return { prefactor: sqrtIota2 / iota1, epsEff: eps * sqrtIota2 };
  };
  const lam = problem.diagonalHessian;
  return {
    ...(lam !== undefined ? { kernel: { kind: 'adamw', lam, mNoise, sigma2, rho1, rho2, theta, gWeight, biasTerms } as const } : {}),
    name,
    dim,
    components: ['x', 'm', 'v'],
    noisy: [false, true, false],
    drift(t, state, paths, out) {
      const g = gradient(state, paths);
      const n = paths * dim;
      const { prefactor, epsEff } = biasTerms(t);
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          const j = o + i;
          const gj = g[j];
          const m = state[n + j];
          const v = state[2 * n + j];
          out[j] = (m === 0 ? 0 : (-prefactor * m) / (Math.sqrt(v) + epsEff)) - theta * state[j];
          out[n + j] = rho1 * (gj - m);
          out[2 * n + j] = rho2 * (gWeight * gj * gj + sigma2[i] - v);
        }
      }
    },
    additiveNoise: true,
    diffusion(_t, _state, paths, out) {
      const n = paths * dim;
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          out[o + i] = 0;
          out[n + o + i] = mNoise[i];
          out[2 * n + o + i] = 0;
        }
      }
    },
  };
}
