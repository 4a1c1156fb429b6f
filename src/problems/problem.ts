/**
 * An objective f: R^d → R evaluated on a batch of points (paths × dim, path-major:
 * coordinate i of path p is x[p·dim + i]). All methods write into caller-owned buffers and
 * allocate nothing, so they can sit inside hot loops.
 */
export interface Problem {
  readonly name: string;
  readonly dim: number;
  /** out[p] = f(x_p) − f*, for p < paths. */
  value(x: Float64Array, paths: number, out: Float64Array): void;
  /** grad[p·dim + i] = ∂_i f(x_p). */
  gradient(x: Float64Array, paths: number, grad: Float64Array): void;
  /** The minimiser x* when known (length dim). */
  readonly minimiser?: Float64Array;
  /** λ when f(x) = ½ Σ λ_i x_i² (the diagonal quadratic), for the fused kernels of src/wasm/quadraticKernels.ts. */
  readonly diagonalHessian?: Float64Array;
}
