/**
 * Stationary moment equations of dY = b(Y) dt + σ(Y) dW, Y ∈ Rⁿ (one coordinate of the paper's
 * SDEs), with affine drift b_i = c_i + Σ_k B_ik Y_k and diagonal σσᵀ whose entries are polynomials
 * of degree ≤ 2: a_i = α_i + Σ_k β_ik Y_k + Σ_{k≤l} γ_ikl Y_k Y_l.
 *
 * The generator L f = Σ b_i ∂_i f + ½ Σ a_i ∂_i² f gives E[L f] = 0 at stationarity for
 *   f = Y_i:      c_i + Σ_k B_ik μ_k = 0
 *   f = Y_i Y_j:  c_i μ_j + c_j μ_i + Σ_k (B_ik S_kj + B_jk S_ki) + [i = j]·E[a_i] = 0,
 *                 E[a_i] = α_i + Σ_k β_ik μ_k + Σ_{k≤l} γ_ikl S_kl
 * (μ_i = E[Y_i], S_kl = E[Y_k Y_l]): n + n(n+1)/2 linear equations in as many unknowns.
 * Unknown order: μ_0..μ_{n−1}, then S_kl for k ≤ l in row-major order.
 */

export interface Polynomial {
  constant: number;
  linear: Float64Array;
  /** quadratic[k·n + l] (k ≤ l): the coefficient of Y_k Y_l. */
  quadratic: Float64Array;
}

export function pairIndex(n: number, k: number, l: number): number {
  const [a, b] = k <= l ? [k, l] : [l, k];
  return n + a * n - (a * (a - 1)) / 2 + (b - a);
}

/** The (k, l), k ≤ l, of the second-moment unknowns in order. */
export function statePairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < n; k++) for (let l = k; l < n; l++) out.push([k, l]);
  return out;
}

export function unknownCount(n: number): number {
  return n + (n * (n + 1)) / 2;
}

/**
 * Coefficients of a polynomial of degree ≤ 2 from its values at 0, ±e_k, e_k + e_l (exact for such
 * polynomials up to rounding): linear_k = (f(e_k) − f(−e_k))/2, γ_kk = (f(e_k) + f(−e_k))/2 − f(0),
 * γ_kl = f(e_k + e_l) − f(e_k) − f(e_l) + f(0).
 */
export function extractPolynomial(f: (y: Float64Array) => number, n: number): Polynomial {
  const y = new Float64Array(n);
  const f0 = f(y);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    y.fill(0);
    y[k] = 1;
    plus[k] = f(y);
    y[k] = -1;
    minus[k] = f(y);
  }
  const linear = new Float64Array(n);
  const quadratic = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    linear[k] = (plus[k] - minus[k]) / 2;
    quadratic[k * n + k] = (plus[k] + minus[k]) / 2 - f0;
    for (let l = k + 1; l < n; l++) {
      y.fill(0);
      y[k] = 1;
      y[l] = 1;
      quadratic[k * n + l] = f(y) - plus[k] - plus[l] + f0;
    }
  }
  return { constant: f0, linear, quadratic };
}

/** Value of the polynomial at y and the sum of |terms| (the scale its rounding is judged against). */
export function evaluatePolynomial(p: Polynomial, y: Float64Array, degree: 1 | 2): { value: number; size: number } {
  const n = y.length;
  let value = p.constant;
  let size = Math.abs(p.constant);
  for (let k = 0; k < n; k++) {
    value += p.linear[k] * y[k];
    size += Math.abs(p.linear[k] * y[k]);
    if (degree === 2) {
      for (let l = k; l < n; l++) {
        const term = p.quadratic[k * n + l] * y[k] * y[l];
        value += term;
        size += Math.abs(term);
      }
    }
  }
  return { value, size };
}

/** The linear system A z = r of the module comment (A row-major, N × N). */
export function momentSystem(drift: Polynomial[], diffusion2: Polynomial[]): { A: Float64Array; r: Float64Array; N: number } {
  const n = drift.length;
  const N = unknownCount(n);
  const A = new Float64Array(N * N);
  const r = new Float64Array(N);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) A[i * N + k] += drift[i].linear[k];
    r[i] = -drift[i].constant;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const row = pairIndex(n, i, j) * N;
      A[row + j] += drift[i].constant;
      A[row + i] += drift[j].constant;
      for (let k = 0; k < n; k++) {
        A[row + pairIndex(n, k, j)] += drift[i].linear[k];
        A[row + pairIndex(n, k, i)] += drift[j].linear[k];
      }
      if (i === j) {
        const a = diffusion2[i];
        r[pairIndex(n, i, i)] = -a.constant;
        for (let k = 0; k < n; k++) {
          A[row + k] += a.linear[k];
          for (let l = k; l < n; l++) A[row + pairIndex(n, k, l)] += a.quadratic[k * n + l];
        }
      }
    }
  }
  return { A, r, N };
}

/**
 * Gaussian elimination with partial pivoting and one step of iterative refinement.
 * Returns null when a pivot is below 1e-13 of its row's largest entry (singular system).
 */
export function solveDense(A: Float64Array, r: Float64Array, N: number): Float64Array | null {
  const M = Float64Array.from(A);
  const perm = Array.from({ length: N }, (_, i) => i);
  for (let col = 0; col < N; col++) {
    let best = col;
    for (let row = col + 1; row < N; row++) if (Math.abs(M[row * N + col]) > Math.abs(M[best * N + col])) best = row;
    let rowMax = 0;
    for (let c = 0; c < N; c++) rowMax = Math.max(rowMax, Math.abs(M[best * N + c]));
    if (!(Math.abs(M[best * N + col]) > 1e-13 * rowMax)) return null;
    if (best !== col) {
      for (let c = 0; c < N; c++) [M[col * N + c], M[best * N + c]] = [M[best * N + c], M[col * N + c]];
      [perm[col], perm[best]] = [perm[best], perm[col]];
    }
    for (let row = col + 1; row < N; row++) {
      const factor = (M[row * N + col] /= M[col * N + col]);
      for (let c = col + 1; c < N; c++) M[row * N + c] -= factor * M[col * N + c];
    }
  }
  const luSolve = (b: Float64Array): Float64Array => {
    const z = Float64Array.from(perm, (p) => b[p]);
    for (let row = 1; row < N; row++) for (let c = 0; c < row; c++) z[row] -= M[row * N + c] * z[c];
    for (let row = N - 1; row >= 0; row--) {
      for (let c = row + 1; c < N; c++) z[row] -= M[row * N + c] * z[c];
      z[row] /= M[row * N + row];
    }
    return z;
  };
  const z = luSolve(r);
  const residual = Float64Array.from(r);
  for (let row = 0; row < N; row++) for (let c = 0; c < N; c++) residual[row] -= A[row * N + c] * z[c];
  const correction = luSolve(residual);
  for (let i = 0; i < N; i++) z[i] += correction[i];
  return z;
}
