import type { RandomStream } from '../random/randomStream.ts';
import type { Scope } from '../theory/compile.ts';
import type { Claim, SimulationCheck } from '../theory/claim.ts';
import type { Budget } from './budget.ts';
import type { ClaimEvaluator } from './claimEvaluator.ts';
import type { Measurement } from './observation.ts';

/**
 * An estimator turns one parameter point of a simulation check into observations (estimates with
 * standard errors and the expression each is to be held against). It never reads the claimed
 * values themselves, except to size a simulation (a relaxation time), through `evaluator`.
 */
export interface EstimatorContext<C extends SimulationCheck = SimulationCheck> {
  claim: Claim;
  check: C;
  point: Scope;
  rng: RandomStream;
  /** Monte Carlo paths for this round (budget × the sequential-sampling factor). */
  paths: number;
  budget: Budget;
  evaluator: ClaimEvaluator;
}

export type Estimator<C extends SimulationCheck = SimulationCheck> = (ctx: EstimatorContext<C>) => Measurement;
