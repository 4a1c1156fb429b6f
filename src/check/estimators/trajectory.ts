import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator } from '../estimator.ts';
import type { Observation } from '../observation.ts';
import { buildSimulated } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import { coordinateEstimate, meanOf, squared } from './sampleMoments.ts';

type TrajectoryCheck = Extract<SimulationCheck, { kind: 'trajectory' }>;

/**
 * E[q(x_k)] at the steps k = round(t/η) nearest the check's times, over independent paths started
 * at x0, for the optimizer or the SDE (Euler–Maruyama, dt = η). Each is held against `expected`
 * evaluated at the simulated time t = kη; coordinate quantities give one observation per coordinate.
 */
export const trajectoryEstimator: Estimator<TrajectoryCheck> = ({ check, point, rng, paths }) => {
  const sim = buildSimulated(check, point, rng.split());
  const steps = check.times.map((t) => Math.max(1, Math.round(t / sim.eta)));
  const process = check.optimizer !== undefined ? 'optimizer' : 'sde';
  const run = simulatePaths(sim, process, { paths, steps: Math.max(...steps), recordSteps: steps, rng });
  if (run.diverged) return { observations: [], diverged: run.diverged, work: run.work };
  const observations: Observation[] = [];
  const loss = new Float64Array(paths);
  for (const k of steps) {
    const x = run.x.get(k);
    if (x === undefined) continue;
    const t = k * sim.eta;
    if (check.quantity === 'loss') {
      sim.problem.value(x, paths, loss);
      observations.push({ label: `E[f(x)] at t = ${fmt(t)}`, ...meanOf(loss), expectedField: check.expected, bindings: { t }, relation: 'equal' });
      continue;
    }
    const x2 = squared(x);
    for (let i = 0; i < sim.dim; i++) {
      const e = coordinateEstimate(check.quantity, x, x2, sim.dim, i);
      observations.push({
        label: `${check.quantity} of x_${i + 1} at t = ${fmt(t)}`, ...e,
        expectedField: check.expected, bindings: { t }, component: i, relation: 'equal',
      });
    }
  }
  return { observations, work: run.work };
};

export function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
