import type { Problem } from './problem.ts';

/**
 * Full quadratic f(x) = ½ xᵀHx, ∇f(x) = Hx, minimiser x* = 0, f* = 0, for symmetric positive
 * definite H (validated: square, symmetric to 1e-12 relative, Cholesky succeeds). Used with
 * diagonal noise Σ so that H and Σ need not commute (CLAIMS.md "Conventions", SDE-vs-optimizer
 * trajectory checks).
 */
export function fullQuadratic(H: readonly (readonly number[])[]): Problem {
  const dim = H.length;
  if (dim < 1) throw new RangeError('fullQuadratic: H must be a non-empty square matrix, got 0 rows');
  const h = new Float64Array(dim * dim);
  let scale = 0;
  for (let i = 0; i < dim; i++) {
    const row = H[i];
    if (row.length !== dim) {
      throw new RangeError(`fullQuadratic: H must be square (${dim}×${dim}), row ${i} has length ${row.length}`);
    }
    for (let j = 0; j < dim; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new RangeError(`fullQuadratic: H[${i}][${j}] = ${v} must be finite`);
      h[i * dim + j] = v;
      scale = Math.max(scale, Math.abs(v));
    }
  }
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(h[i * dim + j] - h[j * dim + i]) > 1e-12 * scale) {
        throw new RangeError(
          `fullQuadratic: H must be symmetric, H[${i}][${j}] = ${h[i * dim + j]} ≠ H[${j}][${i}] = ${h[j * dim + i]}`,
        );
      }
    }
  }
  assertPositiveDefinite(h, dim);
  return {
    name: 'quadratic-full',
    dim,
    minimiser: new Float64Array(dim),
    value(x: Float64Array, paths: number, out: Float64Array): void {
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        let s = 0;
        for (let i = 0; i < dim; i++) {
          let r = 0;
          for (let j = 0; j < dim; j++) r += h[i * dim + j] * x[o + j];
          s += x[o + i] * r;
        }
        out[p] = 0.5 * s;
      }
    },
    gradient(x: Float64Array, paths: number, grad: Float64Array): void {
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          let r = 0;
          for (let j = 0; j < dim; j++) r += h[i * dim + j] * x[o + j];
          grad[o + i] = r;
        }
      }
    },
  };
}

/** Cholesky H = LLᵀ; throws when a pivot is not positive (H not positive definite). */
function assertPositiveDefinite(h: Float64Array, n: number): void {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = h[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
    if (!(d > 0)) {
      throw new RangeError(`fullQuadratic: H must be positive definite (Cholesky pivot ${j} = ${d} ≤ 0)`);
    }
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = h[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
}
