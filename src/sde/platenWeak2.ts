import type { Sde } from './sde.ts';
import { stateLength } from './sde.ts';
import type { SdeSolver, SdeStepper } from './solver.ts';

/**
 * Platen's explicit (derivative-free) order-2.0 weak scheme, Kloeden & Platen 1992, §15.1
 * (eq. 15.1.1, applied entrywise), with Gaussian increments ΔW ~ N(0, Δ) rather than the three-point
 * ±√(3Δ) variables, so the increments are the summable Brownian ones (common random numbers across
 * step sizes; Gaussian increments satisfy the scheme's moment conditions):
 *
 *   Ῡ  = Y + aΔ + b ⊙ ΔW,   R± = Y + aΔ ± b√Δ         (a = a(t, Y), b = b(t, Y))
 *   Y' = Y + ½(a(t+Δ, Ῡ) + a)Δ
 *          + ¼(b(t+Δ, R₊) + b(t+Δ, R₋) + 2b) ⊙ ΔW
 *          + ¼(b(t+Δ, R₊) − b(t+Δ, R₋)) ⊙ (ΔW² − Δ)/√Δ
 *
 * Diagonal-noise assumption: the cross terms of the multi-noise scheme (KP 15.1.3), which carry
 * L^r b_j = b_r ∂b_j/∂Y_r for r ≠ j, are dropped, and R± shifts every noisy entry at once. That is
 * exact when the diffusion of each noisy entry depends on the state only through that entry and
 * noiseless entries — true for SGD/Adam(W) (additive noise in M or X), RMSprop(W) (b_X depends on
 * X's own coordinate and V, which has no noise) and SignSGD on a separable (diagonal) objective.
 * For SignSGD on a coupled objective the scheme stays consistent but is only weak order 1.
 * Cost per step: 2 drift and 3 diffusion evaluations; 2 drift and 1 diffusion for additive noise
 * (b independent of t and Y: then b(t+Δ, R±) = b, and the same arithmetic runs on it).
 */
export const platenWeak2: SdeSolver = {
  name: 'platen-weak2',
  weakOrder: 2,
  stepper(sde: Sde, paths: number): SdeStepper {
    const n = stateLength(sde, paths);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const support = new Float64Array(n);
    const aBar = new Float64Array(n);
    const bPlus = new Float64Array(n);
    const bMinus = new Float64Array(n);
    return {
      step(t, dt, y, dW, dWScale = 1) {
        const sq = Math.sqrt(dt);
        const t1 = t + dt;
        sde.drift(t, y, paths, a);
        sde.diffusion(t, y, paths, b);
        for (let j = 0; j < n; j++) support[j] = y[j] + a[j] * dt + b[j] * (dWScale * dW[j]);
        sde.drift(t1, support, paths, aBar);
        if (sde.additiveNoise === true) return platenUpdate(y, a, b, aBar, b, b, dW, dWScale, dt) === 0;
        for (let j = 0; j < n; j++) support[j] = y[j] + a[j] * dt + b[j] * sq;
        sde.diffusion(t1, support, paths, bPlus);
        for (let j = 0; j < n; j++) support[j] = y[j] + a[j] * dt - b[j] * sq;
        sde.diffusion(t1, support, paths, bMinus);
        return platenUpdate(y, a, b, aBar, bPlus, bMinus, dW, dWScale, dt) === 0;
      },
    };
  },
};

/** The final combination of the scheme; returns Σ Y'·0 (0 iff all finite). */
function platenUpdate(
  y: Float64Array, a: Float64Array, b: Float64Array, aBar: Float64Array, bPlus: Float64Array, bMinus: Float64Array,
  dW: Float64Array, dWScale: number, dt: number,
): number {
  const quarterOverSq = 0.25 / Math.sqrt(dt);
  let check = 0;
  for (let j = 0; j < y.length; j++) {
    const w = dWScale * dW[j];
    const next = y[j] + 0.5 * (aBar[j] + a[j]) * dt
      + 0.25 * (bPlus[j] + bMinus[j] + 2 * b[j]) * w
      + quarterOverSq * (bPlus[j] - bMinus[j]) * (w * w - dt);
    y[j] = next;
    check += next * 0;
  }
  return check;
}
