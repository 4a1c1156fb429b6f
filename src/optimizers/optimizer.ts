import type { OptimizerName } from '../theory/claim.ts';
import type { GradientTransform } from './transform.ts';
import type { CoordinateValue } from './validateOption.ts';

/**
 * A named optimizer of CLAIMS.md "Discrete algorithms": a GradientTransform whose update is the
 * whole step (x ← x + u), with its validated hyperparameters (PyTorch names: lr, beta, beta1, beta2,
 * eps, weightDecay, v0). Its update is fused for speed; `reference()` returns the equivalent
 * chain of primitive transforms, which the tests require to agree bit for bit.
 */
export interface Optimizer<S = unknown> extends GradientTransform<S> {
  readonly name: OptimizerName;
  readonly hyperparameters: Readonly<Record<string, number | CoordinateValue>>;
  reference(): GradientTransform<unknown>;
  /**
   * The whole step in one pass: x ← x + update(g), with exactly the numbers of `update` followed
   * by the addition (g is consumed: its contents are unspecified afterwards). Returns false when
   * some entry of x became non-finite. The simulation loop uses it to save a pass over the batch.
   */
  advance(g: Float64Array, state: S, x: Float64Array, step: number): boolean;
  /**
   * Present when a fused WebAssembly step exists for this optimizer (src/wasm/quadraticKernels.ts):
   * the hyperparameters that kernel needs.
   */
  readonly kernel?: OptimizerKernel;
}

export type OptimizerKernel =
  | { readonly kind: 'signsgd'; readonly lr: number }
  | {
      readonly kind: 'adam';
      readonly lr: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly eps: number;
      /** θ; 0 for Adam. */
      readonly weightDecay: number;
      /** AdamW's decoupled decay (x ← x − η(d + θx)); false for Adam. */
      readonly decoupled: boolean;
    };
