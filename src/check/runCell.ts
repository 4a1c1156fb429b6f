import { deriveSeed } from '../random/seeds.ts';
import { createStream } from '../random/xoshiro.ts';
import type { Scope } from '../theory/compile.ts';
import type { Claim, SimulationCheck } from '../theory/claim.ts';
import type { Budget } from './budget.ts';
import { ClaimEvaluator } from './claimEvaluator.ts';
import type { Verdict } from './decision.ts';
import { ESTIMATORS } from './estimators/registry.ts';
import type { Estimator } from './estimator.ts';
import { judge } from './judge.ts';
import type { Judgement } from './judge.ts';
import type { Measurement } from './observation.ts';

/**
 * One cell = (claim, check, parameter point). Sequential sampling (DESIGN §4): the estimator runs
 * with the budget's paths; while the verdict is inconclusive it runs again, with the paths scaled
 * by the factor the widest CI says is needed ((half-width/precision)² × NEXT_LOOK_MARGIN, between ×2 and ×16),
 * up to `budget.rounds` looks, MAX_GROWTH × the budget's paths and `budget.maxCellWork` simulated
 * path-coordinate-steps in all (a look's work is taken ∝ its paths). Each look is a test, so the cell's false-alarm rate α_cell is split
 * over looks and observations: α = α_cell / (rounds · observations) per comparison (Bonferroni).
 */
export interface CellResult {
  simSeed: number;
  verdict: Verdict;
  judgement: Judgement;
  rounds: number;
  paths: number;
  work: number;
  /** The last round's measurement, kept in memory to judge mutants; not reported. */
  measurement?: Measurement;
}

export function cellAlpha(alphaCell: number, budget: Budget, observations: number): number {
  return alphaCell / (budget.rounds * Math.max(1, observations));
}

export function runCell(
  claim: Claim, checkIndex: number, point: Scope, simSeed: number, budget: Budget, alphaCell: number,
): CellResult {
  const check = claim.checks[checkIndex] as SimulationCheck;
  const estimator = ESTIMATORS[check.kind] as Estimator;
  const evaluator = new ClaimEvaluator(claim);
  let work = 0;
  let lastLookWork = 0;
  let last: CellResult | undefined;
  let paths = budget.paths;
  for (let round = 0; round < budget.rounds; round++) {
    if (round > 0) {
      const next = nextLookPaths(paths, growthFactor(last!.judgement), budget, work, lastLookWork);
      if (next <= paths) break;
      paths = next;
    }
    const rng = createStream(deriveSeed(simSeed, claim.id, checkIndex, round));
    let measurement: Measurement;
    try {
      measurement = estimator({ claim, check, point, rng, paths, budget, evaluator });
    } catch (e) {
      return errorCell(simSeed, e, round + 1, paths, work);
    }
    work += measurement.work;
    lastLookWork = measurement.work;
    let judgement: Judgement;
    try {
      judgement = judge(measurement, evaluator, point, 'tolerance' in check ? check.tolerance : undefined, {
        alpha: cellAlpha(alphaCell, budget, measurement.observations.length),
        precisionRel: budget.precisionRel,
      });
    } catch (e) {
      return errorCell(simSeed, e, round + 1, paths, work);
    }
    last = { simSeed, verdict: judgement.verdict, judgement, rounds: round + 1, paths, work, measurement };
    if (judgement.verdict !== 'inconclusive') break;
  }
  return last!;
}

/** Sequential sampling never goes beyond this multiple of the budget's paths (memory and time). */
export const MAX_GROWTH = 32;

/**
 * Paths of the next look: `growth` × the last look's, at most MAX_GROWTH × the budget's paths and
 * no more than the work left under budget.maxCellWork allows (work ∝ paths). A result ≤ `paths`
 * means no further look.
 */
export function nextLookPaths(paths: number, growth: number, budget: Budget, workDone: number, lastLookWork: number): number {
  let next = Math.min(MAX_GROWTH * budget.paths, Math.round(paths * growth));
  if (lastLookWork > 0) next = Math.min(next, Math.floor((paths * (budget.maxCellWork - workDone)) / lastLookWork));
  return next;
}

/**
 * Safety factor on the samples a look asks for. The samples needed scale as SE², and SE is itself
 * estimated: from n samples its relative error is ≈ 1/√(2n), so the achieved (half-width/precision)²
 * of the next look scatters by ≈ 2·√(1/(2n₁) + 1/(2n₂)) ≈ 9% for the 512 batch means of a stationary
 * cell. 1.25 covers about 2.5 of those standard deviations; 1.1 (used until 3 December 2026) covered
 * about one, and the seed-1 quick run's AdamW B5 cell ended a second look 3% short of its precision.
 */
export const NEXT_LOOK_MARGIN = 1.25;

/** How many times more samples the widest inconclusive CI needs (CI width ∝ 1/√samples), with the margin. */
export function growthFactor(judgement: Judgement): number {
  let factor = 2;
  for (const o of judgement.observations) {
    if (o.verdict === 'inconclusive' && o.samplesNeeded !== undefined) factor = Math.max(factor, (NEXT_LOOK_MARGIN * o.samplesNeeded) / o.samples);
  }
  return Math.min(16, factor);
}

function errorCell(simSeed: number, e: unknown, rounds: number, paths: number, work: number): CellResult {
  const message = e instanceof Error ? e.message : String(e);
  return { simSeed, verdict: 'error', judgement: { verdict: 'error', observations: [], message }, rounds, paths, work };
}
