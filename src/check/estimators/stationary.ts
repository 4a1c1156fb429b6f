import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator, EstimatorContext } from '../estimator.ts';
import type { Observation } from '../observation.ts';
import { relaxationTime } from '../relaxation.ts';
import { buildSimulated } from '../setup.ts';
import type { Simulated } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import type { PathsResult } from '../simulatePaths.ts';
import { coordinateEstimate, meanOf } from './sampleMoments.ts';

type StationaryCheck = Extract<SimulationCheck, { kind: 'stationary' }>;

/**
 * Stationary moments by time averages: every path starts at x0 (default 0) with adaptive state in
 * its steady state (simulatePaths `steadyStart`), runs a burn-in of BURN_IN·τ (τ the relaxation
 * time, relaxation.ts; the second moment's transient decays as e^{−2t/τ}, so e^{−12} remains),
 * then averages over a window W; the per-path averages are i.i.d. across paths (batch means, one
 * batch per path). The budget's `paths` is read as the number of effectively independent samples
 * wanted, N ≈ P·W/τ, split into P = clamp(N/16, 128, 512) paths of window W = τ·N/P (few paths with
 * long windows keep the burn-in share small; ≥ 128 paths keep the across-path CLT honest).
 */
export const BURN_IN = 6;

export interface StationaryRun {
  sim: Simulated;
  run: PathsResult;
  paths: number;
  tau: number;
}

export function runToStationarity(ctx: EstimatorContext, check: StationaryCheck | Extract<SimulationCheck, { kind: 'slope' | 'invariance' }>): StationaryRun {
  const { point, rng } = ctx;
  const sim = buildSimulated(check, point, rng.split());
  const tau = relaxationTime(check, point, sim, true);
  const paths = Math.min(512, Math.max(128, Math.round(ctx.paths / 16)));
  const window = (tau * ctx.paths) / paths;
  const burnSteps = Math.ceil((BURN_IN * tau) / sim.eta);
  const steps = burnSteps + Math.ceil(window / sim.eta);
  const process = check.optimizer !== undefined ? 'optimizer' : 'sde';
  const run = simulatePaths(sim, process, { paths, steps, averageFrom: burnSteps, rng, steadyStart: true });
  return { sim, run, paths, tau };
}

export const stationaryEstimator: Estimator<StationaryCheck> = (ctx) => {
  const { check } = ctx;
  const { sim, run } = runToStationarity(ctx, check);
  if (run.diverged || run.average === undefined) return { observations: [], diverged: run.diverged ?? { what: 'no average', step: 0 }, work: run.work };
  const avg = run.average;
  const observations: Observation[] = [];
  if (check.quantity === 'loss') {
    observations.push({ label: 'stationary E[f(x)]', ...meanOf(avg.meanLoss), expectedField: check.expected, relation: 'equal' });
  } else {
    for (let i = 0; i < sim.dim; i++) {
      const e = coordinateEstimate(check.quantity, avg.meanX, avg.meanSquareX, sim.dim, i);
      observations.push({ label: `stationary ${check.quantity} of x_${i + 1}`, ...e, expectedField: check.expected, component: i, relation: 'equal' });
    }
  }
  return { observations, work: run.work };
};
