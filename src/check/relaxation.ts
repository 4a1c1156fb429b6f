import { ell } from '../special/ell.ts';
import type { Scope } from '../theory/compile.ts';
import type { SimulationSetup } from '../theory/claim.ts';
import type { Simulated } from './setup.ts';
import { scalarParameter, vectorParameter } from './setup.ts';

/**
 * Relaxation time τ (SDE time) of the slowest coordinate near the minimum, used to size burn-in
 * and averaging windows. Linearised rates on a quadratic (λ = curvature, s = noise scale):
 *   SGD: λ;   SignSGD: √(2/π)·λ/s (Gaussian, A3), 2ℓ_ν·λ/s (Student-t, A9);
 *   RMSprop(W)/Adam(W): λ/(σ + ε) + θ with σ² = Var Z (B1, B2), and the state rates ρ, ρ₁, ρ₂.
 * The saddle objective Σ(¼x⁴ − ½x² + ¼) has curvature 2 at its minima.
 * τ = 1 / (smallest rate).
 * With a steady start the V rates are left out (V starts at its stationary mean).
 */
export function relaxationTime(setup: SimulationSetup, point: Scope, sim: Simulated, steadyStart = false): number {
  const dim = sim.dim;
  const curvature = setup.problem === 'saddle' ? new Float64Array(dim).fill(2) : vectorParameter(point, 'lam', dim);
  const name = setup.optimizer ?? setup.sde ?? 'sgd';
  const rates: number[] = [];
  for (let i = 0; i < dim; i++) {
    const s = sim.noise.scale[i];
    const lam = curvature[i];
    if (name === 'sgd') rates.push(lam);
    else if (name.startsWith('signsgd')) {
      const density = sim.noise.kind === 'gaussian' ? 1 / Math.sqrt(2 * Math.PI) : ell(sim.noise.nu);
      rates.push(2 * density * lam / s);
    } else {
      const sigma = Math.sqrt(sim.noise.variance(i));
      rates.push(lam / (sigma + scalarParameter(point, 'eps', 0)) + scalarParameter(point, 'theta', 0));
    }
  }
  // A steady start (simulatePaths) puts V at its stationary mean, so its rate ρ (ρ₂) sets no burn-in.
  const stateRates: [string, string, number][] = name.includes('rmsprop')
    ? (steadyStart ? [] : [['rho', 'beta', 0.99]])
    : name.includes('adam') ? (steadyStart ? [['rho1', 'beta1', 0.9]] : [['rho1', 'beta1', 0.9], ['rho2', 'beta2', 0.999]]) : [];
  for (const [rho, beta, defaultBeta] of stateRates) {
    const r = point[rho];
    rates.push(typeof r === 'number' ? r : (1 - scalarParameter(point, beta, defaultBeta)) / sim.eta);
  }
  return 1 / Math.min(...rates);
}
