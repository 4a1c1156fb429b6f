import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { adamWSde } from './adamW.ts';
import type { SdeParams } from './sdeParams.ts';

/**
 * The Adam SDE of Malladi et al. (NeurIPS 2022) in time t = kη (CLAIMS B3, derived): B2 with
 * V relaxing to diag Σ instead of (∇f)² + diag Σ, i.e. V drift ρ₂(σ_i² − V); X and M as in B2
 * (bias factors at t + η, see adamW.ts).
 */
export function malladiAdamSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  return adamWSde(params, problem, noise, 'malladi');
}
