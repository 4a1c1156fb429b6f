import type { Sde } from './sde.ts';

/**
 * A one-step scheme for an Sde. `stepper(sde, paths)` allocates the scheme's scratch buffers once;
 * `step(t, dt, state, dW)` advances state (Sde layout) from t to t + dt in place, given the
 * Brownian increments dW over that step (same layout, noiseless blocks zero), and allocates nothing.
 */
export interface SdeStepper {
  step(t: number, dt: number, state: Float64Array, dW: Float64Array): void;
}

export interface SdeSolver {
  readonly name: string;
  /** Weak order of convergence under the scheme's assumptions (documented per scheme). */
  readonly weakOrder: number;
  stepper(sde: Sde, paths: number): SdeStepper;
}
