import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import { ell } from '../../special/ell.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';
import { signSgdSde } from './signSgdFamily.ts';

/**
 * Phase-3 SignSGD SDE under Student-t noise (CLAIMS A9, reconstructed):
 *   drift −2ℓ_ν·g/s,  diffusion √η √(1 − 4ℓ_ν²(g/s)²)   (radicand clipped at 0),
 * ℓ_ν = Γ((ν+1)/2)/(√(πν) Γ(ν/2)) the t density at 0, from 2F_ν(x) − 1 ≈ 2ℓ_ν x.
 * At ν = ∞ this is the Gaussian Phase-3 model (2ℓ_∞ = √(2/π)).
 */
export function signSgdPhase3StudentTSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'signsgd-phase3-studentT SDE';
  checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const nu = noise.nu;
  if (!(nu > 0)) throw new RangeError(`${owner}: noise degrees of freedom nu = ${nu} must be > 0`);
  const twoEll = 2 * ell(nu);
  const kappa = Float64Array.from(noise.scale, (s) => twoEll / s);
  return signSgdSde('signsgd-phase3-studentT', problem, eta, (g, i) => kappa[i] * g);
}
