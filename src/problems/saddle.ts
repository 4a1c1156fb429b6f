import type { Problem } from './problem.ts';

/**
 * Non-convex double-well objective with saddles:
 *   f(x) = Σ_i (¼x_i⁴ − ½x_i² + ¼) = ¼ Σ_i (x_i² − 1)²,   ∂_i f = x_i³ − x_i.
 * Minimisers: every x with x_i ∈ {−1, +1} (2^d of them), f* = 0, Hessian 2I there.
 * Critical points: x_i ∈ {−1, 0, 1}; x = 0 is a local maximum (f = d/4, Hessian −I), the points
 * with some but not all x_i = 0 are saddles. `minimiser` reports (1, …, 1).
 */
export function saddle(dim: number): Problem {
  if (!Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`saddle: dim must be an integer ≥ 1, got ${dim}`);
  }
  return {
    name: 'saddle',
    dim,
    minimiser: new Float64Array(dim).fill(1),
    value(x: Float64Array, paths: number, out: Float64Array): void {
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        let s = 0;
        for (let i = 0; i < dim; i++) {
          const q = x[o + i] * x[o + i] - 1;
          s += q * q;
        }
        out[p] = 0.25 * s;
      }
    },
    gradient(x: Float64Array, paths: number, grad: Float64Array): void {
      const n = paths * dim;
      for (let k = 0; k < n; k++) {
        const xi = x[k];
        grad[k] = xi * xi * xi - xi;
      }
    },
  };
}
