import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { rmspropWSde } from './rmspropW.ts';
import type { SdeParams } from './sdeParams.ts';

/**
 * The RMSprop SDE of Malladi et al. (NeurIPS 2022) in time t = kη (CLAIMS B3, derived): B1 with
 * V relaxing to diag Σ instead of (∇f)² + diag Σ:
 *   X: drift −g/(√V + ε) − θX, diffusion √η·σ_i/(√V + ε);   V: drift ρ(σ_i² − V).
 */
export function malladiRmspropSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  return rmspropWSde(params, problem, noise, 'malladi');
}
