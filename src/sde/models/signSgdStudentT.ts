import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import { tCentralInterpolant } from '../../special/tCentralTable.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';
import { signSgdSde } from './signSgdFamily.ts';

/**
 * SignSGD SDE under Student-t noise Z_i = s_i T, T ~ t_ν (CLAIMS A8, reconstructed):
 *   drift −(2F_ν(g/s) − 1),  diffusion √η √(1 − (2F_ν(g/s) − 1)²),
 * F_ν the t CDF; 2F_ν − 1 is read from the per-ν table of tCentralInterpolant (tCentral's values
 * to ≲ 3e-15, relative accuracy near 0 kept, ~50 times faster in the per-entry hot loop).
 * ν is the noise model's (a Gaussian model has ν = ∞, where this is the erf model of A2).
 */
export function signSgdStudentTSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'signsgd-studentT SDE';
  checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const nu = noise.nu;
  if (!(nu > 0)) throw new RangeError(`${owner}: noise degrees of freedom nu = ${nu} must be > 0`);
  const invS = Float64Array.from(noise.scale, (s) => 1 / s);
  const central = tCentralInterpolant(nu);
  return signSgdSde('signsgd-studentT', problem, eta, (g, i) => central(g * invS[i]));
}
