import { NOISE } from '../noise/registry.ts';
import type { NoiseModel } from '../noise/noiseModel.ts';
import { OPTIMIZERS } from '../optimizers/registry.ts';
import type { Optimizer } from '../optimizers/optimizer.ts';
import { PROBLEMS } from '../problems/registry.ts';
import type { Problem } from '../problems/problem.ts';
import { fillNormal } from '../random/normal.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { SDES } from '../sde/models/registry.ts';
import type { Sde } from '../sde/sde.ts';
import type { Scope } from '../theory/compile.ts';
import type { SimulationSetup } from '../theory/claim.ts';

/**
 * Builds the simulated objects of a check from a drawn point, reading the conventional parameter
 * names (docs/theorem-format.md): eta, lam, s, nu, x0, theta, eps, rho|beta, rho1|beta1, rho2|beta2,
 * v0, B (batch size: the simulated noise scale is s/√B). An absent eps or theta is 0: the paper's formulas are stated for the ε and θ they contain.
 * 'quadratic-full' uses H = Q·diag(lam)·Qᵀ with Q a random rotation (seeded), so H and the
 * diagonal Σ do not commute.
 */
export interface Simulated {
  dim: number;
  problem: Problem;
  noise: NoiseModel;
  eta: number;
  x0: Float64Array;
  /** Initial second-moment state of RMSprop (optimizer and SDE alike), when the claim sets v0. */
  v0?: Float64Array;
  optimizer?: () => Optimizer<any>;
  sde?: () => Sde;
}

export function vectorParameter(point: Scope, name: string, dim: number, fallback?: number): Float64Array {
  const v = point[name];
  if (v === undefined) {
    if (fallback === undefined) throw new RangeError(`the check needs parameter '${name}' (declare it in the domain)`);
    return new Float64Array(dim).fill(fallback);
  }
  if (typeof v === 'number') return new Float64Array(dim).fill(v);
  if (Array.isArray(v[0])) throw new RangeError(`parameter '${name}' must be a scalar or a vector, not a matrix`);
  if (v.length !== dim) throw new RangeError(`parameter '${name}' has length ${v.length}, expected d = ${dim}`);
  return Float64Array.from(v as ArrayLike<number>);
}

export function scalarParameter(point: Scope, name: string, fallback?: number): number {
  const v = point[name];
  if (v === undefined) {
    if (fallback === undefined) throw new RangeError(`the check needs parameter '${name}' (declare it in the domain)`);
    return fallback;
  }
  if (typeof v !== 'number') throw new RangeError(`parameter '${name}' must be a scalar`);
  return v;
}

export function dimensionOf(point: Scope): number {
  if (typeof point.d === 'number') return point.d;
  for (const name of ['lam', 's', 'x0']) {
    const v = point[name];
    if (v !== undefined && typeof v !== 'number') return v.length;
  }
  return 1;
}

/** Hyperparameters shared by the optimizer and SDE factories, in the paper's names. */
function hyper(point: Scope): Record<string, number> {
  const out: Record<string, number> = { eps: scalarParameter(point, 'eps', 0), theta: scalarParameter(point, 'theta', 0) };
  for (const key of ['rho', 'beta', 'rho1', 'beta1', 'rho2', 'beta2']) {
    const v = point[key];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}

function beta(h: Record<string, number>, eta: number, rhoKey: string, betaKey: string): number | undefined {
  if (h[betaKey] !== undefined) return h[betaKey];
  if (h[rhoKey] !== undefined) return 1 - eta * h[rhoKey];
  return undefined;
}

function rotation(dim: number, rng: RandomStream): number[][] {
  const a = new Float64Array(dim * dim);
  fillNormal(rng, a);
  const q: number[][] = [];
  for (let j = 0; j < dim; j++) {
    const v = Array.from(a.subarray(j * dim, (j + 1) * dim));
    for (const u of q) {
      const dot = u.reduce((acc, ui, i) => acc + ui * v[i], 0);
      for (let i = 0; i < dim; i++) v[i] -= dot * u[i];
    }
    const norm = Math.hypot(...v);
    q.push(v.map((vi) => vi / norm));
  }
  return q;
}

export function buildProblem(name: SimulationSetup['problem'], point: Scope, dim: number, rng: RandomStream): Problem {
  if (name === 'quadratic-full') {
    const lam = vectorParameter(point, 'lam', dim);
    const q = rotation(dim, rng);
    const H = q.map((_, i) => q.map((_, j) => q.reduce((acc, row, k) => acc + row[i] * lam[k] * row[j], 0)));
    return PROBLEMS['quadratic-full']({ H });
  }
  if (name === 'saddle') return PROBLEMS.saddle({ d: dim });
  return PROBLEMS.quadratic({ lam: vectorParameter(point, 'lam', dim) });
}

export function buildSimulated(setup: SimulationSetup, point: Scope, rng: RandomStream): Simulated {
  const dim = dimensionOf(point);
  const eta = scalarParameter(point, 'eta');
  const problem = buildProblem(setup.problem, point, dim, rng);
  // Σ = Σ₁/B: a claim with a batch size B draws per-sample scales s and simulates s/√B.
  const batch = scalarParameter(point, 'B', 1);
  const scale = vectorParameter(point, 's', dim).map((si) => si / Math.sqrt(batch));
  const noise = NOISE[setup.noise]({ scale, nu: setup.noise === 'studentT' ? scalarParameter(point, 'nu') : undefined });
  const x0 = vectorParameter(point, 'x0', dim, 0);
  const h = hyper(point);
  const v0 = point.v0 === undefined ? undefined : vectorParameter(point, 'v0', dim);
  const simulated: Simulated = { dim, problem, noise, eta, x0, ...(v0 !== undefined ? { v0 } : {}) };
  if (setup.optimizer !== undefined) {
    const name = setup.optimizer;
    simulated.optimizer = () => {
      switch (name) {
        case 'sgd':
        case 'signsgd':
          return OPTIMIZERS[name]({ lr: eta });
        case 'rmsprop':
        case 'rmspropw':
          return OPTIMIZERS[name]({
            lr: eta, beta: beta(h, eta, 'rho', 'beta'), eps: h.eps,
            ...(name === 'rmspropw' ? { weightDecay: h.theta } : {}),
            ...(v0 !== undefined ? { v0 } : {}),
          });
        case 'adam':
        case 'adamw':
          return OPTIMIZERS[name]({
            lr: eta, beta1: beta(h, eta, 'rho1', 'beta1'), beta2: beta(h, eta, 'rho2', 'beta2'), eps: h.eps,
            ...(name === 'adamw' ? { weightDecay: h.theta } : {}),
          });
      }
    };
  }
  if (setup.sde !== undefined) {
    const factory = SDES[setup.sde];
    simulated.sde = () => factory({ eta, ...h }, problem, noise);
  }
  return simulated;
}
