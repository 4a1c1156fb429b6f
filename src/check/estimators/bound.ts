import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator } from '../estimator.ts';
import type { Observation } from '../observation.ts';
import { buildSimulated } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import { coordinateEstimate, meanOf, squared } from './sampleMoments.ts';
import { fmt } from './trajectory.ts';

type BoundCheck = Extract<SimulationCheck, { kind: 'bound' }>;

/**
 * Upper bounds along a trajectory (CLAIMS A4, A9): E[q(x_k)] ≤ bound(t) at each recorded
 * t = kη, relation 'le'. The report's expected/estimate pair shows how tight the bound is.
 */
export const boundEstimator: Estimator<BoundCheck> = ({ check, point, rng, paths }) => {
  const sim = buildSimulated(check, point, rng.split());
  const steps = check.times.map((t) => Math.max(1, Math.round(t / sim.eta)));
  const process = check.optimizer !== undefined ? 'optimizer' : 'sde';
  const run = simulatePaths(sim, process, { paths, steps: Math.max(...steps), recordSteps: steps, rng });
  if (run.diverged) return { observations: [], diverged: run.diverged, work: run.work };
  const observations: Observation[] = [];
  const loss = new Float64Array(paths);
  for (const k of steps) {
    const x = run.x.get(k)!;
    const t = k * sim.eta;
    if (check.quantity === 'loss') {
      sim.problem.value(x, paths, loss);
      observations.push({ label: `E[f(x)] at t = ${fmt(t)}`, ...meanOf(loss), expectedField: check.bound, bindings: { t }, relation: 'le' });
      continue;
    }
    const x2 = squared(x);
    for (let i = 0; i < sim.dim; i++) {
      observations.push({
        label: `${check.quantity} of x_${i + 1} at t = ${fmt(t)}`, ...coordinateEstimate(check.quantity, x, x2, sim.dim, i),
        expectedField: check.bound, bindings: { t }, component: i, relation: 'le',
      });
    }
  }
  return { observations, work: run.work };
};
