import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import type { GradientTransform } from '../../src/optimizers/transform.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';
import { RunningStats } from '../../src/stats/runningStats.ts';

/** A Monte Carlo estimate with its standard error and the work it took. */
export interface Estimate {
  mean: number;
  standardError: number;
  /** Independent samples behind the standard error (paths). */
  paths: number;
  pathCoordSteps: number;
}

/**
 * Stationary moment of x on f = ½λ Σ x_i² (every coordinate alike, independent noise): run
 * `paths` × `dim` from x₀ = 0, discard `burnIn` steps, time-average over the next `average` steps.
 * Each path's time average (pooled over its coordinates) is one i.i.d. sample — batch means with one
 * batch per path, which takes the autocorrelation of successive steps into account. 'variance'
 * returns mean(x²) − mean(x)² with a delta-method standard error (per-path x² − 2·x̄·x).
 */
export function stationaryMoment(o: {
  optimizer: GradientTransform<any>;
  noise: NoiseModel;
  lam: number;
  paths: number;
  burnIn: number;
  average: number;
  seed: number;
  quantity: 'second-moment' | 'variance';
}): Estimate {
  const dim = o.noise.dim;
  const r = runOptimizer({
    problem: diagonalQuadratic(new Float64Array(dim).fill(o.lam)),
    optimizer: o.optimizer,
    noise: o.noise,
    rng: createStream(o.seed),
    paths: o.paths,
    steps: o.burnIn + o.average,
    x0: 0,
    average: { from: o.burnIn + 1 },
  });
  if (r.status !== 'ok') throw new Error(`simulation diverged at step ${r.divergedAt?.step}`);
  const avg = r.average!;
  const perPath = (src: Float64Array, p: number): number => {
    let s = 0;
    for (let i = 0; i < dim; i++) s += src[p * dim + i];
    return s / dim;
  };
  const m1 = new RunningStats();
  for (let p = 0; p < o.paths; p++) m1.push(perPath(avg.meanX, p));
  const xBar = o.quantity === 'variance' ? m1.mean : 0;
  const y = new RunningStats();
  for (let p = 0; p < o.paths; p++) y.push(perPath(avg.meanSquareX, p) - 2 * xBar * perPath(avg.meanX, p));
  return { mean: y.mean + xBar * xBar, standardError: y.standardError, paths: o.paths, pathCoordSteps: r.pathCoordSteps };
}

/** E[x_k] over independent paths (pooled over coordinates per path). */
export function transientMean(o: { optimizer: GradientTransform<any>; noise: NoiseModel; lam: number; x0: number; steps: number; paths: number; seed: number }): Estimate {
  const dim = o.noise.dim;
  const r = runOptimizer({
    problem: diagonalQuadratic(new Float64Array(dim).fill(o.lam)),
    optimizer: o.optimizer,
    noise: o.noise,
    rng: createStream(o.seed),
    paths: o.paths,
    steps: o.steps,
    x0: o.x0,
  });
  if (r.status !== 'ok') throw new Error(`simulation diverged at step ${r.divergedAt?.step}`);
  const s = new RunningStats();
  for (let p = 0; p < o.paths; p++) {
    let sum = 0;
    for (let i = 0; i < dim; i++) sum += r.x[p * dim + i];
    s.push(sum / dim);
  }
  return { mean: s.mean, standardError: s.standardError, paths: o.paths, pathCoordSteps: r.pathCoordSteps };
}
