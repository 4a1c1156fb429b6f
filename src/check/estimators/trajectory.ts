import type { Scope } from '../../theory/compile.ts';
import type { Quantity, SimulationSetup } from '../../theory/claim.ts';
import type { SimulationCheck } from '../../theory/claim.ts';
import type { RandomStream } from '../../random/randomStream.ts';
import type { Relation } from '../decision.ts';
import type { Estimator } from '../estimator.ts';
import type { Measurement, Observation } from '../observation.ts';
import { buildSimulated } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import { coordinateEstimate, meanOf, squared } from './sampleMoments.ts';

type TrajectoryCheck = Extract<SimulationCheck, { kind: 'trajectory' }>;

/**
 * E[q(x_k)] at the steps k = round(t/η) nearest the given times, over independent paths started
 * at x0, for the optimizer or the SDE (Euler–Maruyama, dt = η). Each estimate is held against
 * `field` evaluated at the simulated time t = kη; coordinate quantities give one observation per
 * coordinate. Shared by the trajectory check (relation 'equal') and the bound check ('le').
 */
export function observeAlongTrajectory(
  setup: SimulationSetup, quantity: Quantity, times: readonly number[], field: string, relation: Relation,
  point: Scope, rng: RandomStream, paths: number,
): Measurement {
  const sim = buildSimulated(setup, point, rng.split());
  const steps = times.map((t) => Math.max(1, Math.round(t / sim.eta)));
  const process = setup.optimizer !== undefined ? 'optimizer' : 'sde';
  const run = simulatePaths(sim, process, { paths, steps: Math.max(...steps), recordSteps: steps, rng });
  if (run.diverged) return { observations: [], diverged: run.diverged, work: run.work };
  const observations: Observation[] = [];
  const loss = new Float64Array(paths);
  for (const k of steps) {
    const x = run.x.get(k);
    if (x === undefined) continue;
    const t = k * sim.eta;
    if (quantity === 'loss') {
      sim.problem.value(x, paths, loss);
      observations.push({ label: `E[f(x)] at t = ${fmt(t)}`, ...meanOf(loss), expectedField: field, bindings: { t }, relation });
      continue;
    }
    const x2 = squared(x);
    for (let i = 0; i < sim.dim; i++) {
      observations.push({
        label: `${quantity} of x_${i + 1} at t = ${fmt(t)}`, ...coordinateEstimate(quantity, x, x2, sim.dim, i),
        expectedField: field, bindings: { t }, component: i, relation,
      });
    }
  }
  return { observations, work: run.work };
}

export const trajectoryEstimator: Estimator<TrajectoryCheck> = ({ check, point, rng, paths }) =>
  observeAlongTrajectory(check, check.quantity, check.times, check.expected, 'equal', point, rng, paths);

export function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
