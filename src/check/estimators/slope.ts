import { logLogFit } from '../../stats/regression.ts';
import type { Scope } from '../../theory/compile.ts';
import type { SimulationCheck } from '../../theory/claim.ts';
import type { Estimator, EstimatorContext } from '../estimator.ts';
import type { Measurement, Observation } from '../observation.ts';
import { relaxationTime } from '../relaxation.ts';
import { buildSimulated, vectorParameter } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import { coordinateEstimate, meanOf } from './sampleMoments.ts';
import type { SampleEstimate } from './sampleMoments.ts';
import { runToStationarity } from './stationary.ts';

type SlopeCheck = Extract<SimulationCheck, { kind: 'slope' }>;

/**
 * Power laws (CLAIMS A7): the parameter `vary` is multiplied by each of `values`; at each, a
 * quantity q is estimated; the weighted least-squares slope of ln q against ln(multiplier)
 * (weights (q/SE)², MC variance known) is held against `expected` (SignSGD loss vs σ: 1; SGD: 2;
 * Phase-3 rate vs σ: −1). One slope per coordinate for coordinate quantities.
 *   quantity 'rate': r_i = −ln(E[x_i(t*)]/x0_i)/t* at t* = τ (one relaxation time of the base
 *   point), SE by the delta method SE(E[x])/(E[x]·t*).
 *   other quantities: stationary estimates as in the stationary check.
 */
export const slopeEstimator: Estimator<SlopeCheck> = (ctx) => {
  const { check } = ctx;
  const series: SampleEstimate[][] = [];
  let work = 0;
  const base = buildSimulated(check, ctx.point, ctx.rng.split());
  const tStar = relaxationTime(check, ctx.point, base);
  for (const c of check.values) {
    const point = scaled(ctx.point, check.vary, c);
    const sub: EstimatorContext<SlopeCheck> = { ...ctx, point, rng: ctx.rng.split() };
    const m = check.quantity === 'rate' ? rates(sub, tStar) : stationaryPoint(sub);
    work += m.work;
    if (m.diverged) return { observations: [], diverged: m.diverged, work };
    series.push(m.estimates);
  }
  const observations: Observation[] = [];
  const count = series[0].length;
  for (let i = 0; i < count; i++) {
    const q = series.map((s) => s[i]);
    const fit = logLogFit(check.values, q.map((e) => Math.abs(e.estimate)), { yStandardErrors: q.map((e) => e.standardError) });
    observations.push({
      label: `slope of ln ${check.quantity}${count > 1 ? `_${i + 1}` : ''} vs ln ${check.vary}`,
      estimate: fit.slope,
      standardError: fit.slopeStandardError,
      samples: Math.min(...q.map((e) => e.samples)),
      expectedField: String(check.expected),
      relation: 'equal',
      scale: 1,
    });
  }
  return { observations, work };
};

function scaled(point: Scope, name: string, c: number): Scope {
  const v = point[name];
  if (v === undefined) throw new RangeError(`slope: the varied parameter '${name}' is not in the domain`);
  if (typeof v === 'number') return { ...point, [name]: v * c };
  return { ...point, [name]: Float64Array.from(v as ArrayLike<number>, (x) => x * c) };
}

interface PointEstimates extends Pick<Measurement, 'diverged' | 'work'> {
  estimates: SampleEstimate[];
}

function stationaryPoint(ctx: EstimatorContext<SlopeCheck>): PointEstimates {
  const quantity = ctx.check.quantity;
  const { sim, run } = runToStationarity(ctx, ctx.check);
  if (run.diverged || run.average === undefined) return { estimates: [], diverged: run.diverged ?? { what: 'no average', step: 0 }, work: run.work };
  const avg = run.average;
  if (quantity === 'loss') return { estimates: [meanOf(avg.meanLoss)], work: run.work };
  if (quantity === 'rate') throw new Error('unreachable');
  const estimates = Array.from({ length: sim.dim }, (_, i) => coordinateEstimate(quantity, avg.meanX, avg.meanSquareX, sim.dim, i));
  return { estimates, work: run.work };
}

function rates(ctx: EstimatorContext<SlopeCheck>, tStar: number): PointEstimates {
  const sim = buildSimulated(ctx.check, ctx.point, ctx.rng.split());
  const x0 = vectorParameter(ctx.point, 'x0', sim.dim);
  const k = Math.max(1, Math.round(tStar / sim.eta));
  const t = k * sim.eta;
  const process = ctx.check.optimizer !== undefined ? 'optimizer' : 'sde';
  const run = simulatePaths(sim, process, { paths: ctx.paths, steps: k, recordSteps: [k], rng: ctx.rng });
  if (run.diverged) return { estimates: [], diverged: run.diverged, work: run.work };
  const x = run.x.get(k)!;
  const estimates = Array.from({ length: sim.dim }, (_, i) => {
    const mean = coordinateEstimate('mean', x, x.map((v) => v * v), sim.dim, i);
    const ratio = mean.estimate / x0[i];
    return {
      estimate: -Math.log(ratio) / t,
      standardError: mean.standardError / (Math.abs(mean.estimate) * t),
      samples: mean.samples,
      scale: 1,
    };
  });
  return { estimates, work: run.work };
}
