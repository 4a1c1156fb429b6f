import { createStream } from '../../random/xoshiro.ts';
import type { Seed } from '../../random/randomStream.ts';
import { logLogFit } from '../../stats/regression.ts';
import type { SdeName, SimulationCheck } from '../../theory/claim.ts';
import type { Estimator } from '../estimator.ts';
import { platenWeak2 } from '../../sde/platenWeak2.ts';
import { coupledGaussianNoise, coupledStudentTNoise } from '../coupledNoise.ts';
import type { Orientation } from '../coupledNoise.ts';
import type { NoiseModel } from '../../noise/noiseModel.ts';
import { buildSimulated } from '../setup.ts';
import type { Simulated } from '../setup.ts';
import { simulatePaths } from '../simulatePaths.ts';
import { meanOf } from './sampleMoments.ts';
import type { SampleEstimate } from './sampleMoments.ts';

type WeakOrderCheck = Extract<SimulationCheck, { kind: 'weak-order' }>;

/** Paths per learning rate, per budget path: the weak error is a small difference of means. */
export const WEAK_ORDER_FACTOR = 24;
/** The SDE is solved with Platen's weak order-2 scheme at dt = η/SDE_SUBSTEPS: its own error, O((η/2)²), is negligible against the O(η) being measured. */
export const SDE_SUBSTEPS = 2;
/** Modelling slack on the fitted order when the check gives none: higher-order terms bend the log-log line. */
export const WEAK_ORDER_TOLERANCE = 0.3;
/** Widest CI half-width on the fitted order at which a verdict is given, per unit of the budget's relative precision (quick 0.1 → 1.0, full 0.025 → 0.25). */
export const WEAK_ORDER_PRECISION = 10;
/**
 * Cost of one SDE step relative to one optimizer step, for sizing only (fixed numbers, so the
 * report never depends on the machine): Platen makes three drift/diffusion evaluations; Adam's
 * three components cost about twice RMSprop's one. The Student-t SignSGD drifts read the t CDF
 * from a per-ν table (src/special/tCentralTable.ts) at about the cost of erf, so they need no factor.
 */
const SDE_STEP_COST = 3;
const SDE_COST_FACTOR: Readonly<Partial<Record<SdeName, number>>> = { adamw: 2, 'malladi-adam': 2 };
/**
 * How the optimizer's noise Z enters against the SDE's dW (coupledNoise.ts): SGD, SignSGD and
 * RMSprop step x ← x − η·u(∇f + Z) with u increasing while their SDEs add +b dW (b ≥ 0) to X, so
 * the coupled Z_k is −ΔW_k/√η; Adam averages M ← β₁M + (1 − β₁)(∇f + Z) and its SDE adds
 * +√η ρ₁ Σ^{1/2} dW to M, so Z_k is +ΔW_k/√η. The wrong sign pairs the runs antithetically and
 * inflates the variance of the difference (SD of the per-path loss difference at the horizon,
 * uncoupled / wrong sign / right sign: SignSGD, Gaussian noise, η = 0.04, λ = s = x₀ = 1:
 * 0.089 / 0.117 / 0.046; RMSpropW at a drawn B1 point, η = 0.02: 0.037 / 0.050 / 0.0028).
 */
export const NOISE_ORIENTATION: Readonly<Record<SdeName, Orientation>> = {
  sgd: -1, signsgd: -1, 'signsgd-gaussian': -1, 'signsgd-studentT': -1, 'signsgd-phase3': -1, 'signsgd-phase3-studentT': -1,
  rmspropw: -1, 'malladi-rmsprop': -1, adamw: 1, 'malladi-adam': 1,
};
/** The optimizer's noise for each noise kind, coupled to the SDE's Brownian path. */
const COUPLED_NOISE: Readonly<Record<NoiseModel['kind'], (noise: NoiseModel, substeps: number, orientation: Orientation) => NoiseModel>> = {
  gaussian: coupledGaussianNoise,
  studentT: coupledStudentTNoise,
};

/**
 * Weak order (CLAIMS "Conventions": |E g(x_k) − E g(X_{kη})| ≤ Cη^order): for each η in `etas`, the
 * optimizer runs K = horizon/η steps and the SDE is solved to time Kη accurately (Platen weak-2,
 * dt = η/SDE_SUBSTEPS — not Euler–Maruyama at dt = η, which matches the optimizer's one-step
 * moments and so agrees with it to O(η²), hiding the O(η) error of the SDE itself). The paths are
 * paired (common random numbers, coupledNoise.ts: Gaussian noise from the SDE's Brownian increments,
 * Student-t noise as their comonotone quantile transform), which leaves the expectations unchanged
 * and shrinks the variance of the difference. The weak error
 * e(η) = |E g(x_K) − E g(X_{Kη})|, g the loss or Σ_i x_i (mean) / Σ_i x_i² (second moment,
 * variance), is fitted as ln e = c + p·ln η with weights from the standard errors. The claim
 * "order p" is a bound, error = O(η^p), so it fails only when the fitted slope is significantly
 * below p − tolerance (relation 'ge'); a steeper measured slope is reported, not held against it.
 */
export const weakOrderEstimator: Estimator<WeakOrderCheck> = ({ check, point, rng, paths: lookPaths, budget }) => {
  // WEAK_ORDER_FACTOR paths per budget path, but at most budget.workPerCell path-coordinate-steps
  // per look at the base paths (later looks scale both alike).
  const dim = buildSimulated(check, point, rng.split()).dim;
  const sdeCost = SDE_STEP_COST * SDE_SUBSTEPS * (SDE_COST_FACTOR[check.sde!] ?? 1);
  const stepsPerPath = check.etas.reduce((n, eta) => n + Math.round(check.horizon / eta) * (1 + sdeCost), 0) * dim;
  const scale = lookPaths / budget.paths;
  const paths = Math.max(1000, Math.round(scale * Math.min(budget.paths * WEAK_ORDER_FACTOR, budget.workPerCell / stepsPerPath)));
  const errors: SampleEstimate[] = [];
  let work = 0;
  for (const eta of check.etas) {
    const sim = buildSimulated(check, { ...point, eta }, rng.split());
    const steps = Math.max(1, Math.round(check.horizon / eta));
    const seed: Seed = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    const noise = COUPLED_NOISE[sim.noise.kind](sim.noise, SDE_SUBSTEPS, NOISE_ORIENTATION[check.sde!]);
    const gOpt = testFunction(sim, check, simulatePaths({ ...sim, noise }, 'optimizer', { paths, steps, recordSteps: [steps], rng: createStream(seed) }), steps);
    const gSde = testFunction(sim, check, simulatePaths(sim, 'sde', { paths, steps, recordSteps: [steps], rng: createStream(seed), substeps: SDE_SUBSTEPS, solver: platenWeak2 }), steps);
    work += (1 + SDE_SUBSTEPS) * paths * sim.dim * steps;
    if ('diverged' in gOpt) return { observations: [], diverged: gOpt.diverged, work };
    if ('diverged' in gSde) return { observations: [], diverged: gSde.diverged, work };
    const diff = meanOf(gOpt.values.map((v, p) => v - gSde.values[p]));
    errors.push({ ...diff, estimate: Math.abs(diff.estimate) });
  }
  const fit = logLogFit(check.etas, errors.map((e) => e.estimate), { yStandardErrors: errors.map((e) => e.standardError) });
  const observation = {
    label: `weak order: slope of ln|E g(x_K) − E g(X_T)| vs ln η (errors ${errors.map((e) => e.estimate.toExponential(2)).join(', ')})`,
    estimate: fit.slope,
    standardError: fit.slopeStandardError,
    samples: paths,
    expectedField: String(check.order),
    relation: 'ge' as const,
    precision: WEAK_ORDER_PRECISION * budget.precisionRel,
    ...(check.tolerance === undefined ? { tolerance: WEAK_ORDER_TOLERANCE } : {}),
  };
  return { observations: [observation], work };
};

function testFunction(sim: Simulated, check: WeakOrderCheck, run: ReturnType<typeof simulatePaths>, steps: number): { values: Float64Array } | { diverged: { what: string; step: number } } {
  if (run.diverged) return { diverged: run.diverged };
  const x = run.x.get(steps)!;
  const paths = x.length / sim.dim;
  const values = new Float64Array(paths);
  if (check.quantity === 'loss') {
    sim.problem.value(x, paths, values);
    return { values };
  }
  const power = check.quantity === 'mean' ? 1 : 2;
  for (let p = 0; p < paths; p++) {
    let s = 0;
    for (let i = 0; i < sim.dim; i++) s += x[p * sim.dim + i] ** power;
    values[p] = s;
  }
  return { values };
}
