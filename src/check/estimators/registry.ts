import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator } from '../estimator.ts';
import { boundEstimator } from './bound.ts';
import { heavyTailEstimator } from './heavyTail.ts';
import { invarianceEstimator } from './invariance.ts';
import { oneStepEstimator } from './oneStep.ts';
import { slopeEstimator } from './slope.ts';
import { stationaryEstimator } from './stationary.ts';
import { trajectoryEstimator } from './trajectory.ts';
import { weakOrderEstimator } from './weakOrder.ts';

/** One estimator per simulation check kind a theorem file can name. Adding a kind = one file + one line. */
export const ESTIMATORS: { readonly [K in SimulationCheck['kind']]: Estimator<Extract<SimulationCheck, { kind: K }>> } = {
  'one-step': oneStepEstimator,
  trajectory: trajectoryEstimator,
  stationary: stationaryEstimator,
  slope: slopeEstimator,
  bound: boundEstimator,
  'heavy-tail': heavyTailEstimator,
  invariance: invarianceEstimator,
  'weak-order': weakOrderEstimator,
};
