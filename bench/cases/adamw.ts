import { NOISE } from '../../src/noise/registry.ts';
import { adamW } from '../../src/optimizers/adam.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';

/** Discrete AdamW (η = 1e-3, β = (0.9, 0.999), ε = 1e-8, θ = 0.1) on a diagonal quadratic with Gaussian noise: 10,000 paths × d = 10 × 200 steps, through runOptimizer. */
const PATHS = 10_000;
const DIM = 10;
const STEPS = 200;

export default {
  name: 'adamw',
  setup(): () => number {
    const lam = Float64Array.from({ length: DIM }, (_, i) => 0.5 + 0.25 * i);
    const problem = diagonalQuadratic(lam);
    const noise = NOISE.gaussian({ scale: new Float64Array(DIM).fill(1) });
    const rng = createStream(1);
    const optimizer = adamW({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 });
    return () => runOptimizer({ problem, optimizer, noise, rng, paths: PATHS, steps: STEPS, x0: 0.5 }).pathCoordSteps;
  },
};
