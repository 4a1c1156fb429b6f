import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator } from '../estimator.ts';
import { observeAlongTrajectory } from './trajectory.ts';

type BoundCheck = Extract<SimulationCheck, { kind: 'bound' }>;

/**
 * Upper bounds along a trajectory (CLAIMS A4, A9): E[q(x_k)] ≤ bound(t) at each recorded
 * t = kη, relation 'le'. The report's expected/estimate pair shows how tight the bound is.
 */
export const boundEstimator: Estimator<BoundCheck> = ({ check, point, rng, paths }) =>
  observeAlongTrajectory(check, check.quantity, check.times, check.bound, 'le', point, rng, paths);
