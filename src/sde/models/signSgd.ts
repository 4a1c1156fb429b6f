import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';
import { signSgdSde } from './signSgdFamily.ts';

/**
 * SignSGD SDE for general coordinatewise-independent noise (CLAIMS A1, Theorem 3.2, stated):
 *   dX_i = −(1 − 2p_i) dt + √η √(4p_i(1 − p_i)) dW_i,   p_i = P(∂_i f_γ(X) < 0),
 * i.e. with m_i = E[sign(g + Z_i)] = 1 − 2p_i taken from the noise model's closed form
 * (`signMean`): drift −m_i, diffusion √η √(1 − m_i²)  (4p(1 − p) = 1 − (1 − 2p)²).
 */
export function signSgdGeneralSde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'signsgd SDE';
  checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  return signSgdSde('signsgd', problem, eta, (g, i) => noise.signMean(g, i));
}
