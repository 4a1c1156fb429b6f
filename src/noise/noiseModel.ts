import type { RandomStream } from '../random/randomStream.ts';

/**
 * Additive gradient noise Z (the minibatch gradient is ∇f(x) + Z), independent across
 * coordinates, with per-coordinate scale s_i:
 *   gaussian:  Z_i = s_i·N(0,1)          (Σ = diag(s²))
 *   studentT:  Z_i = s_i·T_i, T_i ~ t_ν  (variance s²ν/(ν−2) for ν > 2, infinite for ν ≤ 2)
 * Buffers are path-major: element (p, i) of a paths × dim batch is at p·dim + i.
 */
export interface NoiseModel {
  readonly kind: 'gaussian' | 'studentT';
  readonly dim: number;
  /** Per-coordinate scale s_i (length dim). */
  readonly scale: Float64Array;
  /** Degrees of freedom ν (Infinity for gaussian). */
  readonly nu: number;
  /** Adds one independent draw of Z to every row of `grad` (paths × dim, path-major), in place. */
  addTo(rng: RandomStream, grad: Float64Array, paths: number): void;
  /** Writes paths × dim independent draws of Z into `out`. */
  sample(rng: RandomStream, out: Float64Array, paths: number): void;
  /** E[sign(g + Z_i)] in closed form: erf(g/(√2 s_i)) (gaussian), 2F_ν(g/s_i) − 1 (studentT). CLAIMS A2, A8. */
  signMean(g: number, i: number): number;
  /** Var[Z_i]: s_i² (gaussian), s_i²ν/(ν−2) for ν > 2, Infinity for ν ≤ 2 (studentT). */
  variance(i: number): number;
}
