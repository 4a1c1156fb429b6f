import { NOISE } from '../../src/noise/registry.ts';
import { signSgd } from '../../src/optimizers/signSgd.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';

/** Discrete SignSGD (η = 0.01) on a diagonal quadratic with Gaussian noise: 10,000 paths × d = 10 × 200 steps, through runOptimizer. */
const PATHS = 10_000;
const DIM = 10;
const STEPS = 200;

export default {
  name: 'signsgd',
  setup(): () => number {
    const lam = Float64Array.from({ length: DIM }, (_, i) => 0.5 + 0.25 * i);
    const problem = diagonalQuadratic(lam);
    const noise = NOISE.gaussian({ scale: new Float64Array(DIM).fill(1) });
    const rng = createStream(1);
    return () => runOptimizer({ problem, optimizer: signSgd(0.01), noise, rng, paths: PATHS, steps: STEPS, x0: 0.5 }).pathCoordSteps;
  },
};
