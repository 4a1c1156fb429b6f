import { quantileInterval } from '../../stats/quantile.ts';
import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator } from '../estimator.ts';
import type { Observation } from '../observation.ts';
import { relaxationTime } from '../relaxation.ts';
import { buildSimulated } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import type { SampleEstimate } from './sampleMoments.ts';
import { meanOf } from './sampleMoments.ts';
import { fmt } from './trajectory.ts';

type HeavyTailCheck = Extract<SimulationCheck, { kind: 'heavy-tail' }>;

/**
 * Group means per block size at the budget's base paths (a look with more paths takes
 * proportionally more groups, so sequential looks shrink the medians' SE), and the block sizes n
 * (paths per group).
 */
export const GROUPS = 128;
export const BLOCK_SIZES = [32, 256, 2048] as const;
/**
 * |ln growth| below this is "no growth": the skewness of a finite-variance loss puts the median of
 * a small-sample mean below the mean (≈ 2% for a χ²₁ loss at n = 32), while an infinite mean grows
 * by ln(ln 2048/ln 32) ≈ 0.78 at ν = 2 and by ≈ ln 64 at ν = 1 over the block sizes.
 */
export const GROWTH_TOLERANCE = 0.25;
/** Widest CI half-width (ln units) at which the growth may be judged. */
export const GROWTH_PRECISION = 0.2;
/** Steps for the growth statistic (the claims hold at every step k ≥ 1) and cap for the bound horizon. */
export const GROWTH_STEPS = 100;
export const BOUND_STEPS = 4000;

/**
 * Heavy tails (CLAIMS A9). A mean with infinite variance has no CI, so divergence is read from
 * medians: for each block size n, G = GROUPS·max(1, paths/budget paths) independent groups of n
 * paths give G sample means of the loss at step K = min(τ/η, GROWTH_STEPS); M(n) is their median
 * (SE from the order-statistic interval at 68.3%). The growth ln M(n_max) − ln M(n_min) is ≈ 0 when E[loss] < ∞ and grows with
 * n when E[loss] = ∞ (as n^{2/ν − 1} for tail index ν/2 < 1, as ln n at ν = 2):
 *   expect bounded:   growth = 0 within GROWTH_TOLERANCE, and (with `bound`) E[loss] ≤ bound at
 *                     t = τ and 4τ (mean ± SE: every moment of SignSGD's loss is finite);
 *   expect divergent: growth outside ±GROWTH_TOLERANCE (relation 'outside').
 */
export const heavyTailEstimator: Estimator<HeavyTailCheck> = ({ check, point, rng, paths, budget }) => {
  const groups = Math.max(GROUPS, Math.round((GROUPS * paths) / budget.paths));
  const sim = buildSimulated(check, point, rng.split());
  const tau = relaxationTime(check, point, sim);
  const growthSteps = Math.max(1, Math.min(GROWTH_STEPS, Math.round(tau / sim.eta)));
  let work = 0;
  const medians: SampleEstimate[] = [];
  for (const n of BLOCK_SIZES) {
    const run = simulatePaths(sim, 'optimizer', { paths: groups * n, steps: growthSteps, recordSteps: [growthSteps], rng: rng.split() });
    work += run.work;
    if (run.diverged) return { observations: [], diverged: run.diverged, work };
    const loss = new Float64Array(groups * n);
    sim.problem.value(run.x.get(growthSteps)!, groups * n, loss);
    const groupMeans = Array.from({ length: groups }, (_, g) => meanOf(loss.subarray(g * n, (g + 1) * n)).estimate);
    const q = quantileInterval(groupMeans, 0.5, 0.3173);
    medians.push({ estimate: q.estimate, standardError: (q.upper - q.lower) / 2, samples: groups * n, scale: q.estimate });
  }
  const first = medians[0];
  const last = medians[medians.length - 1];
  const growth = Math.log(last.estimate / first.estimate);
  const growthSe = Math.hypot(first.standardError / first.estimate, last.standardError / last.estimate);
  const observations: Observation[] = [{
    label: `ln growth of the median group-mean loss, n = ${BLOCK_SIZES[0]} → ${BLOCK_SIZES[BLOCK_SIZES.length - 1]} paths (step ${growthSteps})`,
    estimate: growth, standardError: growthSe, samples: last.samples,
    expectedField: '0', relation: check.expect === 'bounded' ? 'equal' : 'outside',
    tolerance: GROWTH_TOLERANCE, precision: GROWTH_PRECISION,
  }];
  if (check.expect === 'bounded' && check.bound !== undefined) {
    const k1 = Math.max(1, Math.min(BOUND_STEPS / 4, Math.round(tau / sim.eta)));
    const run = simulatePaths(sim, 'optimizer', { paths, steps: 4 * k1, recordSteps: [k1, 4 * k1], rng: rng.split() });
    work += run.work;
    if (run.diverged) return { observations: [], diverged: run.diverged, work };
    const loss = new Float64Array(paths);
    for (const k of [k1, 4 * k1]) {
      sim.problem.value(run.x.get(k)!, paths, loss);
      observations.push({ label: `E[f(x)] at t = ${fmt(k * sim.eta)}`, ...meanOf(loss), expectedField: check.bound, bindings: { t: k * sim.eta }, relation: 'le' });
    }
  }
  return { observations, work, notes: [`growth tolerance ±${GROWTH_TOLERANCE} (ln units)`] };
};
