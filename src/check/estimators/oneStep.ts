import type { SimulationCheck } from '../../theory/claim.ts';
import { runOptimizer } from '../../simulate/runOptimizer.ts';
import type { Estimator } from '../estimator.ts';
import type { Observation } from '../observation.ts';
import { buildSimulated, scalarParameter, vectorParameter } from '../setup.ts';
import { column, meanOf, varianceOf } from './sampleMoments.ts';

type OneStepCheck = Extract<SimulationCheck, { kind: 'one-step' }>;

/** One-step samples per budget path: single steps are cheap, and the drift's SE is sd(Δx/η)/√P. */
export const ONE_STEP_FACTOR = 64;
/** Step index used for bias corrections when the claim draws no `k`: the k → ∞ regime (1 − βᵏ = 1). */
export const LATE_STEP = 1_000_000_000;

/**
 * The defining property of an order-1 weak approximation (CLAIMS "Conventions"): from one state,
 *   E[Δx]/η = b(x)  and  Var[Δx]/η = σσᵀ(x)  to leading order in η.
 * P paths all start at the drawn point x (optimizer state m, v from the point when drawn; step k
 * from the point, else LATE_STEP) and take one step; each coordinate gives two observations,
 * held against `drift` and `diffusion2` with x, g = ∇f(x), m, v, k, t = kη bound.
 */
export const oneStepEstimator: Estimator<OneStepCheck> = ({ check, point, rng, paths: budgetPaths }) => {
  const sim = buildSimulated(check, point, rng.split());
  if (sim.optimizer === undefined) throw new RangeError('a one-step check needs an optimizer');
  const paths = budgetPaths * ONE_STEP_FACTOR;
  const dim = sim.dim;
  const x = vectorParameter(point, 'x', dim);
  const k = scalarParameter(point, 'k', LATE_STEP);
  const optimizer = sim.optimizer();
  const state = optimizer.init(paths, dim) as { m?: Float64Array; v?: Float64Array };
  for (const name of ['m', 'v'] as const) {
    const target = state[name];
    if (target === undefined || point[name] === undefined) continue;
    const value = vectorParameter(point, name, dim);
    for (let j = 0; j < target.length; j++) target[j] = value[j % dim];
  }
  const run = runOptimizer({
    problem: sim.problem, optimizer, noise: sim.noise, rng, paths, steps: 1, x0: x, initialState: state, stepOffset: k - 1,
  });
  if (run.status === 'diverged') return { observations: [], diverged: { what: `${optimizer.name} step`, step: 1 }, work: run.pathCoordSteps };
  const g = new Float64Array(dim);
  sim.problem.gradient(x, 1, g);
  const bindings = { x, g, k, t: k * sim.eta, ...(point.m !== undefined ? { m: point.m } : {}), ...(point.v !== undefined ? { v: point.v } : {}) };
  const observations: Observation[] = [];
  for (let i = 0; i < dim; i++) {
    const rate = column(run.x, dim, i).map((xi) => (xi - x[i]) / sim.eta);
    const drift = meanOf(rate);
    const increments = rate.map((r) => r * Math.sqrt(sim.eta));
    const squares = increments.map((u) => u * u);
    const spread = varianceOf(increments, squares);
    // Resolution: n paths cannot see a variance below one event in n (a step that flips sign with
    // probability 1e-12 shows no flip at all, and its empirical SE is 0), so the SE is floored at
    // E[Δx²]/(η·n); precision is judged against E[Δx²]/η, the scale of the increments.
    const secondMoment = meanOf(squares).estimate;
    const diffusion = { ...spread, standardError: Math.max(spread.standardError, secondMoment / paths), scale: secondMoment };
    observations.push(
      { label: `E[Δx_${i + 1}]/η`, ...drift, expectedField: check.drift, bindings, component: i, relation: 'equal' },
      { label: `Var[Δx_${i + 1}]/η`, ...diffusion, expectedField: check.diffusion2, bindings, component: i, relation: 'equal' },
    );
  }
  return { observations, work: run.pathCoordSteps };
};
