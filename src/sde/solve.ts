import type { Sde } from './sde.ts';
import { stateLength } from './sde.ts';
import type { SdeSolver } from './solver.ts';
import type { BrownianPath } from './brownian.ts';
import { eulerMaruyama } from './eulerMaruyama.ts';
import { type FusedSdeRun, fusedSdeRun } from '../wasm/quadraticKernels.ts';

/**
 * Integrates an Sde on the grid t_n = t₀ + n·dt, n = 0..steps, for a batch of paths.
 * Increments come from `brownian` (dt must be a multiple of its fineDt). The state is copied,
 * never mutated. Records copy the state at chosen grid times; the time average accumulates the
 * mean of Y and Y² (entrywise, per path) over the grid states with t_n ≥ averageFrom.
 * Divergence — any non-finite entry after a step — stops the run and is returned as
 * status 'diverged' with the step and time, never thrown.
 */
export interface SolveOptions {
  solver?: SdeSolver;
  paths: number;
  dt: number;
  steps: number;
  t0?: number;
  /** Initial state on the Sde layout (components × paths × dim). */
  initial: Float64Array;
  brownian: BrownianPath;
  /** Grid times at which to copy the state (each t₀ + n·dt, 0 ≤ n ≤ steps). */
  recordTimes?: readonly number[];
  /** Time-average the grid states with t_n ≥ averageFrom (burn-in before it). */
  averageFrom?: number;
  /** Called after every step with the grid index n ≥ 1 and t_n (read-only use of state, valid during the call). */
  onStep?: (step: number, t: number, state: Float64Array) => void;
}

export interface TimeAverage {
  /** Number of grid states averaged. */
  samples: number;
  mean: Float64Array;
  meanSquare: Float64Array;
}

export interface SolveResult {
  status: 'ok' | 'diverged';
  /** Steps completed (the diverging step included). */
  steps: number;
  t: number;
  divergedAt?: { step: number; t: number };
  state: Float64Array;
  records: { t: number; state: Float64Array }[];
  average?: TimeAverage;
}

function gridIndex(time: number, t0: number, dt: number, steps: number, option: string): number {
  const n = Math.round((time - t0) / dt);
  if (!(n >= 0 && n <= steps && Math.abs(t0 + n * dt - time) <= 1e-9 * Math.max(1, Math.abs(time)))) {
    throw new RangeError(`solveSde: option ${option} = ${time} is not a grid time t0 + n·dt with 0 ≤ n ≤ ${steps} (t0 = ${t0}, dt = ${dt})`);
  }
  return n;
}

export function solveSde(sde: Sde, options: SolveOptions): SolveResult {
  const { paths, dt, steps, brownian } = options;
  const t0 = options.t0 ?? 0;
  const solver = options.solver ?? eulerMaruyama;
  if (!(Number.isInteger(paths) && paths >= 1)) throw new RangeError(`solveSde: option paths = ${paths} must be a positive integer`);
  if (!(dt > 0 && Number.isFinite(dt))) throw new RangeError(`solveSde: option dt = ${dt} must be positive and finite`);
  if (!(Number.isInteger(steps) && steps >= 0)) throw new RangeError(`solveSde: option steps = ${steps} must be a non-negative integer`);
  const n = stateLength(sde, paths);
  if (options.initial.length !== n) {
    throw new RangeError(`solveSde: option initial has length ${options.initial.length}, expected components·paths·dim = ${n}`);
  }
  const substeps = brownian.substepsFor(dt);
  const recordAt = new Map<number, number[]>();
  (options.recordTimes ?? []).forEach((time, k) => {
    const idx = gridIndex(time, t0, dt, steps, `recordTimes[${k}]`);
    recordAt.set(idx, [...(recordAt.get(idx) ?? []), time]);
  });
  const averageStart = options.averageFrom === undefined ? undefined : Math.max(0, Math.ceil((options.averageFrom - t0) / dt - 1e-9));
  const average: TimeAverage | undefined = averageStart === undefined || averageStart > steps
    ? undefined
    : { samples: 0, mean: new Float64Array(n), meanSquare: new Float64Array(n) };

  // The default (fused) Euler–Maruyama may hand the whole step, increments included, to a
  // WebAssembly kernel (src/wasm/quadraticKernels.ts; same numbers bit for bit).
  const kernel = solver === eulerMaruyama ? fusedSdeRun(sde, brownian, substeps, paths, options.initial) : undefined;
  try {
    return integrate(sde, options, { t0, solver, substeps, recordAt, averageStart, average, n }, kernel);
  } finally {
    kernel?.release();
  }
}

interface Plan {
  t0: number;
  solver: SdeSolver;
  substeps: number;
  recordAt: Map<number, number[]>;
  averageStart: number | undefined;
  average: TimeAverage | undefined;
  n: number;
}

function integrate(sde: Sde, options: SolveOptions, plan: Plan, kernel: FusedSdeRun | undefined): SolveResult {
  const { paths, dt, steps, brownian } = options;
  const { t0, solver, substeps, recordAt, averageStart, average, n } = plan;
  const state = kernel?.state ?? Float64Array.from(options.initial);
  const dW = kernel === undefined ? new Float64Array(n) : new Float64Array(0);
  const stepper = solver.stepper(sde, paths);
  const records: { t: number; state: Float64Array }[] = [];
  const visit = (k: number): void => {
    const times = recordAt.get(k);
    if (times !== undefined) for (const time of times) records.push({ t: time, state: Float64Array.from(state) });
    if (average !== undefined && k >= (averageStart as number)) {
      const { mean, meanSquare } = average;
      for (let j = 0; j < n; j++) { const y = state[j]; mean[j] += y; meanSquare[j] += y * y; }
      average.samples++;
    }
  };

  visit(0);
  let k = 0;
  let status: 'ok' | 'diverged' = 'ok';
  while (k < steps) {
    const t = t0 + k * dt;
    let finite: boolean;
    if (kernel !== undefined) {
      finite = kernel.step(t, dt);
    } else {
      const dWScale = brownian.nextUnit(dW, substeps);
      finite = stepper.step(t, dt, state, dW, dWScale);
    }
    k++;
    if (!finite) { status = 'diverged'; break; }
    visit(k);
    options.onStep?.(k, t0 + k * dt, state);
  }
  if (average !== undefined && average.samples > 0) {
    const inv = 1 / average.samples;
    for (let j = 0; j < n; j++) { average.mean[j] *= inv; average.meanSquare[j] *= inv; }
  }
  return {
    status,
    steps: k,
    t: t0 + k * dt,
    ...(status === 'diverged' ? { divergedAt: { step: k, t: t0 + k * dt } } : {}),
    state: kernel?.release() ?? state,
    records,
    ...(average !== undefined ? { average } : {}),
  };
}
