import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { checkDimensions } from './coordinateNoise.ts';
import { learningRate, type SdeParams } from './sdeParams.ts';
import { signSgdSde } from './signSgdFamily.ts';

/**
 * Phase-3 (small signal-to-noise) SignSGD SDE, Gaussian noise (CLAIMS A3, Lemma 3.4, reconstructed):
 *   drift −√(2/π)·g/s,  diffusion √η √(1 − (2/π)(g/s)²)   (radicand clipped at 0),
 * the linearisation erf(g/(√2 s)) ≈ √(2/π)·g/s of A2; meant for |g/(√2 s)| < 1 (quantitative
 * checks keep it ≲ 0.3).
 */
export function signSgdPhase3Sde(params: SdeParams, problem: Problem, noise: NoiseModel): Sde {
  const owner = 'signsgd-phase3 SDE';
  checkDimensions(owner, problem, noise);
  const eta = learningRate(owner, params);
  const kappa = Float64Array.from(noise.scale, (s) => Math.sqrt(2 / Math.PI) / s);
  return signSgdSde('signsgd-phase3', problem, eta, (g, i) => kappa[i] * g);
}
