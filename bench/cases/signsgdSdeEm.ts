import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import { signSgdGaussianSde } from '../../src/sde/models/signSgdGaussian.ts';
import { initialState } from '../../src/sde/sde.ts';
import { solveSde } from '../../src/sde/solve.ts';

/**
 * Euler–Maruyama of the Gaussian SignSGD SDE (CLAIMS A2: drift −erf(g/(√2 s)), diffusion
 * √η √(1 − erf²)) on a diagonal quadratic, through the library's solver path (solveSde → fused
 * eulerStep, BrownianPath increments, divergence check every step): 10,000 paths × d = 10 ×
 * 200 steps, η = dt = 0.01. Returns the path-coordinate-steps performed.
 */
const PATHS = 10000;
const DIM = 10;
const STEPS = 200;
const ETA = 0.01;

export default {
  name: 'signsgd-sde-em',
  setup(): () => number {
    const lam = Float64Array.from({ length: DIM }, (_, i) => 0.5 + 0.25 * i);
    const scale = Float64Array.from({ length: DIM }, (_, i) => 0.5 + 0.1 * i);
    const sde = signSgdGaussianSde({ eta: ETA }, diagonalQuadratic(lam), gaussianNoise(scale));
    const initial = initialState(sde, PATHS, { x: 1 });
    let seed = 0;
    return () => {
      const brownian = new BrownianPath(createStream(++seed), sde, PATHS, { fineDt: ETA });
      const r = solveSde(sde, { paths: PATHS, dt: ETA, steps: STEPS, initial, brownian });
      if (r.status !== 'ok') throw new Error(`signsgd-sde-em: ${r.status} at step ${r.steps}`);
      return PATHS * DIM * STEPS;
    };
  },
};
