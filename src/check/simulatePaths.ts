import type { RandomStream } from '../random/randomStream.ts';
import { BrownianPath } from '../sde/brownian.ts';
import { eulerMaruyama } from '../sde/eulerMaruyama.ts';
import { initialState } from '../sde/sde.ts';
import { solveSde } from '../sde/solve.ts';
import type { SdeSolver } from '../sde/solver.ts';
import { runOptimizer } from '../simulate/runOptimizer.ts';
import { LATE_STEP } from './estimators/oneStep.ts';
import type { Simulated } from './setup.ts';

/**
 * Runs either the discrete optimizer or its SDE (Euler–Maruyama with dt = η by default, so step k
 * is time kη; optionally a finer dt = η/m or another scheme) on a batch of paths, with one output shape for both: x at chosen steps, and per-path time averages
 * of x, x² and the loss over steps ≥ averageFrom. Divergence is returned, never thrown.
 */
export type Process = 'optimizer' | 'sde';

export interface PathsOptions {
  paths: number;
  steps: number;
  recordSteps?: readonly number[];
  averageFrom?: number;
  rng: RandomStream;
  /** Start of the X component; default the simulated x0. */
  x0?: Float64Array;
  /**
   * Start adaptive methods in their steady state: second-moment state v = V = Var Z (its
   * stationary mean at the minimum) and bias corrections switched off (optimizer step offset
   * LATE_STEP; SDE time origin where ι = 1 − e^{−ρt} = 1). Used for stationary moments, whose
   * law does not depend on the start: the slow V relaxation then needs no burn-in.
   */
  steadyStart?: boolean;
  /** SDE only: integrate with dt = η/substeps (default 1: dt = η) … */
  substeps?: number;
  /** … with this scheme (default Euler–Maruyama). */
  solver?: SdeSolver;
}

export interface PathsResult {
  diverged?: { what: string; step: number };
  /** x at each recorded step (paths × dim, path-major). */
  x: Map<number, Float64Array>;
  average?: { meanX: Float64Array; meanSquareX: Float64Array; meanLoss: Float64Array; samples: number };
  /** Path-coordinate-steps simulated. */
  work: number;
}

export function simulatePaths(sim: Simulated, process: Process, o: PathsOptions): PathsResult {
  return process === 'optimizer' ? viaOptimizer(sim, o) : viaSde(sim, o);
}

/** SDE time origin of a steady start: ι = 1 − e^{−ρt} is 1 to double precision for ρ ≥ 0.05. */
const STEADY_T0 = 1024;

/** Writes Var Z_i into every path's row (paths × dim or one row). */
function fillNoiseVariance(v: Float64Array, sim: Simulated): Float64Array {
  for (let j = 0; j < v.length; j++) v[j] = sim.noise.variance(j % sim.dim);
  return v;
}

function viaOptimizer(sim: Simulated, o: PathsOptions): PathsResult {
  if (sim.optimizer === undefined) throw new RangeError('the check names no optimizer');
  const optimizer = sim.optimizer();
  const state = optimizer.init(o.paths, sim.dim) as { v?: Float64Array };
  const steady = o.steadyStart === true && state.v !== undefined;
  if (steady) fillNoiseVariance(state.v!, sim);
  const run = runOptimizer({
    problem: sim.problem, optimizer, noise: sim.noise, rng: o.rng, paths: o.paths, steps: o.steps,
    x0: o.x0 ?? sim.x0, initialState: state, ...(steady ? { stepOffset: LATE_STEP } : {}),
    record: { steps: o.recordSteps ?? [], x: true },
    ...(o.averageFrom !== undefined ? { average: { from: o.averageFrom, loss: true } } : {}),
  });
  const x = new Map<number, Float64Array>();
  for (const r of run.records) if (r.x !== undefined) x.set(r.step, r.x);
  const avg = run.average;
  return {
    ...(run.status === 'diverged' ? { diverged: { what: `${optimizer.name} iterates`, step: run.steps } } : {}),
    x,
    ...(avg?.meanLoss !== undefined
      ? { average: { meanX: avg.meanX, meanSquareX: avg.meanSquareX, meanLoss: avg.meanLoss, samples: avg.samples } }
      : {}),
    work: run.pathCoordSteps,
  };
}

function viaSde(sim: Simulated, o: PathsOptions): PathsResult {
  if (sim.sde === undefined) throw new RangeError('the check names no SDE');
  const sde = sim.sde();
  const { paths } = o;
  const dim = sim.dim;
  const start: Record<string, Float64Array> = { x: o.x0 ?? sim.x0 };
  const steady = o.steadyStart === true && sde.components.includes('v');
  if (sde.components.includes('v') && sim.v0 !== undefined) start.v = sim.v0;
  if (steady) start.v = fillNoiseVariance(new Float64Array(dim), sim);
  const initial = initialState(sde, paths, start);
  const m = o.substeps ?? 1;
  const dt = sim.eta / m;
  const brownian = new BrownianPath(o.rng, sde, paths, { fineDt: dt });
  const lossSum = new Float64Array(paths);
  const lossNow = new Float64Array(paths);
  let lossSamples = 0;
  const from = o.averageFrom;
  const addLoss = (state: Float64Array): void => {
    sim.problem.value(state, paths, lossNow);
    for (let p = 0; p < paths; p++) lossSum[p] += lossNow[p];
    lossSamples++;
  };
  if (from === 0) addLoss(initial);
  const result = solveSde(sde, {
    solver: o.solver ?? eulerMaruyama, paths, dt, steps: o.steps * m, initial, brownian,
    ...(steady ? { t0: STEADY_T0 } : {}),
    recordTimes: (o.recordSteps ?? []).map((k) => (steady ? STEADY_T0 : 0) + k * m * dt),
    ...(from !== undefined ? { averageFrom: (steady ? STEADY_T0 : 0) + from * m * dt } : {}),
    ...(from !== undefined ? { onStep: (k: number, _t: number, state: Float64Array) => { if (k % m === 0 && k / m >= from) addLoss(state); } } : {}),
  });
  const x = new Map<number, Float64Array>();
  for (const r of result.records) x.set(Math.round((r.t - (steady ? STEADY_T0 : 0)) / sim.eta), r.state.slice(0, paths * dim));
  const avg = result.average;
  if (lossSamples > 0) for (let p = 0; p < paths; p++) lossSum[p] /= lossSamples;
  return {
    ...(result.status === 'diverged' ? { diverged: { what: `${sde.name} SDE`, step: result.steps } } : {}),
    x,
    ...(avg !== undefined
      ? { average: { meanX: avg.mean.slice(0, paths * dim), meanSquareX: avg.meanSquare.slice(0, paths * dim), meanLoss: lossSum, samples: avg.samples } }
      : {}),
    work: paths * dim * result.steps,
  };
}
