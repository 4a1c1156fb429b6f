import type { NoiseModel } from '../noise/noiseModel.ts';
import type { Optimizer } from '../optimizers/optimizer.ts';
import type { GradientTransform } from '../optimizers/transform.ts';
import type { Problem } from '../problems/problem.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { type TimeAverage, createTimeAverage, finishTimeAverage } from './timeAverage.ts';
import { type FusedRun, fusedQuadraticRun } from '../wasm/quadraticKernels.ts';

/**
 * Runs an optimizer on a batch of independent paths (paths × dim, path-major) for k = 1..steps:
 *   u ← ∇f(x_{k−1}) + Z_k   (problem.gradient, then noise.addTo; Z_k fresh for every path),
 *   u ← update(u, state, x_{k−1}, k₀ + k),   x_k = x_{k−1} + u
 * (a named Optimizer does the last two in one pass, `advance`, with the same numbers).
 * This is the discrete algorithm of CLAIMS.md "Discrete algorithms" with additive gradient noise
 * ("Conventions": the minibatch gradient is ∇f(x) + Z).
 *
 * Outputs, all optional and chosen up front so the loop allocates nothing:
 *  - `record`: copies of x and/or of the loss f(x_k) − f* per path at chosen steps (0 = start);
 *  - `average`: per-path time averages of x, x² (and the loss) over steps k ≥ from (TimeAverage);
 *  - `onStep(k, x, state)`: a callback after every step, for quantities not covered above.
 * Divergence: when a step leaves a non-finite entry in x, the run stops and returns
 * status 'diverged' with the step and the number of paths affected (never an exception).
 */
export interface RunOptions<S> {
  problem: Problem;
  optimizer: GradientTransform<S>;
  /** Additive gradient noise; omitted = exact gradients (then `rng` is not needed). */
  noise?: NoiseModel;
  rng?: RandomStream;
  paths: number;
  steps: number;
  /** Start: a scalar, one value per coordinate (length dim) or one row per path (paths·dim). */
  x0: number | ArrayLike<number>;
  /** Optimizer state to start from (default optimizer.init(paths, dim)); it is updated in place. */
  initialState?: S;
  /** Steps already taken: the first update sees step k₀ + 1 (bias corrections). Default 0. */
  stepOffset?: number;
  record?: { steps: readonly number[]; x?: boolean; loss?: boolean };
  average?: { from: number; loss?: boolean };
  /** x and state are valid during the call only (they may live in a kernel's memory). */
  onStep?: (step: number, x: Float64Array, state: S) => void;
  /**
   * Use the fused WebAssembly step where one exists (default true): SignSGD or Adam(W) on the
   * diagonal quadratic with Gaussian noise (src/wasm/quadraticKernels.ts; same numbers, bit for bit).
   */
  fused?: boolean;
}

export interface RunRecord {
  step: number;
  /** x_k (paths·dim), when record.x. */
  x?: Float64Array;
  /** f(x_k) − f* per path, when record.loss. */
  loss?: Float64Array;
}

export interface RunResult<S> {
  status: 'ok' | 'diverged';
  /** Steps completed (including the step that diverged). */
  steps: number;
  divergedAt?: { step: number; paths: number };
  /** Final x (paths·dim), owned by the caller. */
  x: Float64Array;
  state: S;
  /** In step order; on divergence only those before it. */
  records: RunRecord[];
  average?: TimeAverage;
  /** paths·dim·steps completed: the work measure of the benchmark and the reports. */
  pathCoordSteps: number;
}

function checkCount(option: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`runOptimizer: option ${option} = ${value} must be an integer ≥ ${min}`);
  }
}

function initialX(x0: number | ArrayLike<number>, paths: number, dim: number): Float64Array {
  const n = paths * dim;
  const x = new Float64Array(n);
  if (typeof x0 === 'number') return x.fill(x0);
  if (x0.length === dim) {
    for (let j = 0; j < n; j++) x[j] = x0[j % dim];
  } else if (x0.length === n) {
    for (let j = 0; j < n; j++) x[j] = x0[j];
  } else {
    throw new RangeError(`runOptimizer: option x0 has length ${x0.length}, expected 1 number, dim = ${dim} or paths·dim = ${n}`);
  }
  return x;
}

export function runOptimizer<S>(options: RunOptions<S>): RunResult<S> {
  const { problem, optimizer, noise, paths, steps } = options;
  const dim = problem.dim;
  checkCount('paths', paths, 1);
  checkCount('steps', steps, 0);
  const offset = options.stepOffset ?? 0;
  checkCount('stepOffset', offset, 0);
  if (noise !== undefined && noise.dim !== dim) {
    throw new RangeError(`runOptimizer: noise has dim ${noise.dim}, the problem has dim ${dim}`);
  }
  const rng = options.rng;
  if (noise !== undefined && rng === undefined) throw new RangeError('runOptimizer: option rng is required with noise');
  const x0 = initialX(options.x0, paths, dim);
  const kernel = options.fused === false
    ? undefined
    : fusedQuadraticRun({ problem, optimizer, noise, rng, paths, x: x0, initialState: options.initialState });
  try {
    const result = loop(options, kernel?.x ?? x0, kernel);
    return kernel === undefined ? result : { ...result, ...kernel.release() };
  } finally {
    kernel?.release();
  }
}

/** The steps, on x (updated in place: the kernel's copy when there is a kernel). */
function loop<S>(options: RunOptions<S>, x: Float64Array, kernel: FusedRun<S> | undefined): RunResult<S> {
  const { problem, optimizer, noise, rng, paths, steps } = options;
  const dim = problem.dim;
  const n = paths * dim;
  const offset = options.stepOffset ?? 0;
  const state = kernel?.state ?? options.initialState ?? optimizer.init(paths, dim);
  const u = kernel === undefined ? new Float64Array(n) : new Float64Array(0);

  const recordSteps = [...new Set(options.record?.steps ?? [])].sort((a, b) => a - b);
  recordSteps.forEach((k, j) => {
    if (!(Number.isInteger(k) && k >= 0 && k <= steps)) {
      throw new RangeError(`runOptimizer: option record.steps[${j}] = ${k} must be an integer in [0, ${steps}]`);
    }
  });
  const wantX = options.record?.x ?? true;
  const wantLoss = options.record?.loss ?? false;
  const records: RunRecord[] = recordSteps.map((step) => ({
    step,
    ...(wantX ? { x: new Float64Array(n) } : {}),
    ...(wantLoss ? { loss: new Float64Array(paths) } : {}),
  }));
  let nextRecord = 0;
  const visitRecord = (k: number): void => {
    if (nextRecord < records.length && records[nextRecord].step === k) {
      const r = records[nextRecord++];
      if (r.x !== undefined) r.x.set(x);
      if (r.loss !== undefined) problem.value(x, paths, r.loss);
    }
  };

  const from = options.average?.from ?? 0;
  if (options.average !== undefined) checkCount('average.from', from, 0);
  const avg = options.average === undefined ? undefined : createTimeAverage(paths, dim, from, options.average.loss ?? false);
  const sumX = avg?.meanX;
  const sumX2 = avg?.meanSquareX;
  const sumLoss = avg?.meanLoss;
  const lossBuffer = sumLoss === undefined ? undefined : new Float64Array(paths);
  const accumulateLoss = (): void => {
    if (sumLoss === undefined || lossBuffer === undefined) return;
    problem.value(x, paths, lossBuffer);
    for (let p = 0; p < paths; p++) sumLoss[p] += lossBuffer[p];
  };

  visitRecord(0);
  if (avg !== undefined && from === 0 && sumX !== undefined && sumX2 !== undefined) {
    for (let j = 0; j < n; j++) {
      sumX[j] = x[j];
      sumX2[j] = x[j] * x[j];
    }
    accumulateLoss();
    avg.samples++;
  }

  const advancing = hasAdvance(optimizer) ? optimizer : undefined;
  let k = 0;
  let diverged = false;
  while (k < steps) {
    k++;
    let finite = true;
    if (kernel !== undefined) {
      finite = kernel.step(offset + k);
    } else if (advancing !== undefined) {
      problem.gradient(x, paths, u);
      if (noise !== undefined) noise.addTo(rng as RandomStream, u, paths);
      finite = advancing.advance(u, state, x, offset + k);
    } else {
      problem.gradient(x, paths, u);
      if (noise !== undefined) noise.addTo(rng as RandomStream, u, paths);
      optimizer.update(u, state, x, offset + k);
      for (let j = 0; j < n; j++) {
        const v = x[j] + u[j];
        x[j] = v;
        if (v - v !== 0) finite = false;
      }
    }
    if (!finite) {
      diverged = true;
      break;
    }
    if (avg !== undefined && k >= from && sumX !== undefined && sumX2 !== undefined) {
      for (let j = 0; j < n; j++) {
        const v = x[j];
        sumX[j] += v;
        sumX2[j] += v * v;
      }
      accumulateLoss();
      avg.samples++;
    }
    visitRecord(k);
    options.onStep?.(k, x, state);
  }

  if (avg !== undefined) finishTimeAverage(avg);
  return {
    status: diverged ? 'diverged' : 'ok',
    steps: k,
    ...(diverged ? { divergedAt: { step: k, paths: countNonFinitePaths(x, paths, dim) } } : {}),
    x,
    state,
    records: records.slice(0, nextRecord),
    ...(avg !== undefined ? { average: avg } : {}),
    pathCoordSteps: n * k,
  };
}

/** Named optimizers (src/optimizers/optimizer.ts) fuse the update and x ← x + u into `advance`. */
function hasAdvance<S>(t: GradientTransform<S>): t is GradientTransform<S> & Pick<Optimizer<S>, 'advance'> {
  return typeof (t as Partial<Optimizer<S>>).advance === 'function';
}

function countNonFinitePaths(x: Float64Array, paths: number, dim: number): number {
  let count = 0;
  for (let p = 0; p < paths; p++) {
    for (let i = 0; i < dim; i++) {
      if (!Number.isFinite(x[p * dim + i])) {
        count++;
        break;
      }
    }
  }
  return count;
}
