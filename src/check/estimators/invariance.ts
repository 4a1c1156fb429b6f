import type { Scope } from '../../theory/compile.ts';
import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator, EstimatorContext } from '../estimator.ts';
import type { Observation } from '../observation.ts';
import { coordinateEstimate, meanOf } from './sampleMoments.ts';
import type { SampleEstimate } from './sampleMoments.ts';
import { runToStationarity } from './stationary.ts';

type InvarianceCheck = Extract<SimulationCheck, { kind: 'invariance' }>;

/** The drawn point with `substitute` applied (each right-hand side evaluated at the original point). */
export function substitutedPoint(ctx: EstimatorContext, substitute: Readonly<Record<string, string>>): Scope {
  const out: Record<string, Scope[string]> = { ...ctx.point };
  for (const [name, text] of Object.entries(substitute)) out[name] = ctx.evaluator.value(text, ctx.point);
  return out;
}

/** R = q_B/q_A with SE_R = |R|·√((SE_A/q_A)² + (SE_B/q_B)²) (independent runs, delta method). */
export function ratio(a: SampleEstimate, b: SampleEstimate): SampleEstimate {
  const r = b.estimate / a.estimate;
  const rel = Math.hypot(a.standardError / a.estimate, b.standardError / b.estimate);
  return { estimate: r, standardError: Math.abs(r) * rel, samples: Math.min(a.samples, b.samples), scale: 1 };
}

/**
 * A scaling rule (CLAIMS B6): the stationary quantity at the drawn point (A) and at the point with
 * `substitute` applied (B, e.g. η → √κη, ρᵢ → √κρᵢ, ε → ε/√κ, θ → √κθ, B → κB) from independent
 * runs; the ratio q_B/q_A is held against 1 ('invariant': equal within tolerance; 'changes': outside it).
 */
export const invarianceEstimator: Estimator<InvarianceCheck> = (ctx) => {
  const { check } = ctx;
  const pointB = substitutedPoint(ctx, check.substitute);
  const runA = runToStationarity(ctx, check);
  const runB = runToStationarity({ ...ctx, point: pointB, rng: ctx.rng.split() }, check);
  const work = runA.run.work + runB.run.work;
  for (const r of [runA, runB]) {
    if (r.run.diverged || r.run.average === undefined) return { observations: [], diverged: r.run.diverged ?? { what: 'no average', step: 0 }, work };
  }
  const relation = check.expect === 'invariant' ? 'equal' : 'outside';
  const a = runA.run.average!;
  const b = runB.run.average!;
  const observations: Observation[] = [];
  if (check.quantity === 'loss') {
    observations.push({ label: 'stationary loss ratio (rule/base)', ...ratio(meanOf(a.meanLoss), meanOf(b.meanLoss)), expectedField: '1', relation });
  } else {
    const dim = runA.sim.dim;
    for (let i = 0; i < dim; i++) {
      const r = ratio(coordinateEstimate(check.quantity, a.meanX, a.meanSquareX, dim, i), coordinateEstimate(check.quantity, b.meanX, b.meanSquareX, dim, i));
      observations.push({ label: `stationary ${check.quantity} ratio of x_${i + 1} (rule/base)`, ...r, expectedField: '1', relation });
    }
  }
  return { observations, work };
};
