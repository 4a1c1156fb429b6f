import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coupledGaussianNoise } from '../../src/check/coupledNoise.ts';
import type { Orientation } from '../../src/check/coupledNoise.ts';
import { NOISE_ORIENTATION } from '../../src/check/estimators/weakOrder.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import { sgd } from '../../src/optimizers/sgd.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import { eulerMaruyama } from '../../src/sde/eulerMaruyama.ts';
import { sgdSde } from '../../src/sde/models/sgd.ts';
import type { Sde } from '../../src/sde/sde.ts';
import { solveSde } from '../../src/sde/solve.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';

const ETA = 0.04;
const SUBSTEPS = 2;
const scale = [0.5, 2];

/** A one-component SDE of dim 2 (the layout of SGD's and SignSGD's SDEs: x noisy). */
const shape: Sde = { name: 'shape', dim: 2, components: ['x'], noisy: [true], drift: () => {}, diffusion: () => {} };

/** Per step k < steps, the coupled noise (divided by s_i) and the Brownian increment over the step divided by √η, same seed. */
function coupledDraws(noise: NoiseModel, orientation: Orientation, paths: number, steps: number, seed: number): { noise: Float64Array[]; increment: Float64Array[] } {
  const coupled = coupledGaussianNoise(noise, SUBSTEPS, orientation);
  const noiseRng = createStream(seed);
  const brownian = new BrownianPath(createStream(seed), shape, paths, { fineDt: ETA / SUBSTEPS });
  const out = { noise: [] as Float64Array[], increment: [] as Float64Array[] };
  for (let k = 0; k < steps; k++) {
    const z = new Float64Array(paths * 2);
    coupled.addTo(noiseRng, z, paths);
    for (let j = 0; j < z.length; j++) z[j] /= scale[j % 2];
    const dW = new Float64Array(paths * 2);
    brownian.next(dW, SUBSTEPS);
    out.noise.push(z);
    out.increment.push(dW.map((w) => w / Math.sqrt(ETA)));
  }
  return out;
}

describe('coupledGaussianNoise', () => {
  it('is o·ΔW/√η of the BrownianPath drawn from the same seed, step after step', () => {
    for (const o of [1, -1] as const) {
      const { noise, increment } = coupledDraws(gaussianNoise(scale), o, 300, 3, 1);
      for (let k = 0; k < 3; k++) {
        for (let j = 0; j < noise[k].length; j++) assert.ok(Math.abs(noise[k][j] - o * increment[k][j]) <= 1e-14, `o=${o} step ${k} entry ${j}`);
      }
    }
  });

  it('with the weak-order orientation of SGD, one SGD step equals one Euler–Maruyama step of its SDE at dt = η', () => {
    // x − η(λx + sZ) against x − ηλx + √η·s·ΔW: equal exactly when Z = −ΔW/√η.
    const paths = 200;
    const problem = diagonalQuadratic([1, 2]);
    const noise = gaussianNoise(scale);
    const x0 = [1, -0.5];
    const run = runOptimizer({ problem, optimizer: sgd(ETA), noise: coupledGaussianNoise(noise, 1, NOISE_ORIENTATION.sgd), rng: createStream(2), paths, steps: 1, x0 });
    const sde = sgdSde({ eta: ETA }, problem, noise);
    const initial = Float64Array.from({ length: paths * 2 }, (_, j) => x0[j % 2]);
    const brownian = new BrownianPath(createStream(2), sde, paths, { fineDt: ETA });
    const solved = solveSde(sde, { solver: eulerMaruyama, paths, dt: ETA, steps: 1, initial, brownian });
    for (let j = 0; j < paths * 2; j++) assert.ok(Math.abs(run.x[j] - solved.state[j]) <= 1e-14, `entry ${j}: ${run.x[j]} vs ${solved.state[j]}`);
  });
});
