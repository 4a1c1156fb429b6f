import type { Sde } from './sde.ts';

/**
 * A one-step scheme for an Sde. `stepper(sde, paths)` allocates the scheme's scratch buffers once;
 * `step(t, dt, state, dW, dWScale)` advances state (Sde layout) from t to t + dt in place, given
 * the Brownian increments dWScale·dW over that step (same layout, noiseless blocks zero; the scale
 * lets the solver pass unscaled normal sums and fold √δ into the update), allocates nothing, and
 * returns whether every entry of the new state is finite (accumulated in the update pass as
 * Σ y·0, which is 0 for finite entries and NaN otherwise, so no extra pass over the state).
 */
export interface SdeStepper {
  step(t: number, dt: number, state: Float64Array, dW: Float64Array, dWScale?: number): boolean;
}

export interface SdeSolver {
  readonly name: string;
  /** Weak order of convergence under the scheme's assumptions (documented per scheme). */
  readonly weakOrder: number;
  stepper(sde: Sde, paths: number): SdeStepper;
}
