/**
 * A stochastic differential equation with diagonal noise on a per-coordinate state with several
 * components (X alone for SGD/SignSGD; X, V for RMSprop(W); X, M, V for Adam(W)):
 *
 *   dY_j = a_j(t, Y) dt + b_j(t, Y) dW_j,   one independent Brownian motion W_j per scalar entry j,
 *
 * where b_j ≡ 0 for every entry of a noiseless component (`noisy[c] = false`).
 *
 * State layout (shared by drift, diffusion, Brownian increments and solvers): one Float64Array of
 * components × paths × dim, component-major, each block path-major:
 *   entry (c, p, i) is at c·paths·dim + p·dim + i.
 * Component 0 is always X, so the first paths·dim entries are the optimizer-style batch a
 * `Problem` reads directly (problem.gradient(state, paths, grad) sees exactly X).
 *
 * Contracts: `drift` writes a(t, Y) into every entry of `out`; `diffusion` writes b(t, Y) into every
 * entry of `out` (zero for noiseless components). Neither allocates nor reads `out` first.
 * `eulerStep`, when present, must equal Y ← Y + a(t, Y)·dt + b(t, Y) ⊙ (dWScale·dW) computed from
 * the two methods (to rounding) and return whether every new entry is finite; it lets a model fuse
 * the step (one pass, shared special-function calls).
 */
export interface Sde {
  readonly name: string;
  readonly dim: number;
  /** Component names, X first: ['x'], ['x', 'v'], ['x', 'm', 'v']. */
  readonly components: readonly string[];
  /** Whether each component is driven by noise. */
  readonly noisy: readonly boolean[];
  drift(t: number, state: Float64Array, paths: number, out: Float64Array): void;
  diffusion(t: number, state: Float64Array, paths: number, out: Float64Array): void;
  eulerStep?(t: number, dt: number, state: Float64Array, dW: Float64Array, paths: number, dWScale: number): boolean;
  /**
   * True when b(t, Y) depends on neither t nor Y (additive noise: SGD, Adam(W)); solvers that
   * evaluate b at shifted states (Platen) may then reuse b(t, Y).
   */
  readonly additiveNoise?: boolean;
  /** Present when a fused WebAssembly Euler–Maruyama step exists (src/wasm/quadraticKernels.ts). */
  readonly kernel?: SdeKernel;
}

export type SdeKernel = SignSgdGaussianKernel | AdamWSdeKernel;

/**
 * The SignSGD SDE under Gaussian noise on f = ½ Σ λ_i x_i² (CLAIMS A2): drift −erf(λ_i x c_i),
 * diffusion √η √(1 − erf²), c_i = 1/(√2 s_i).
 */
export interface SignSgdGaussianKernel {
  readonly kind: 'signsgd-gaussian';
  readonly lam: Float64Array;
  readonly c: Float64Array;
  readonly sqrtEta: number;
}

/** The AdamW SDE (CLAIMS B2, and its Malladi variant B3) on f = ½ Σ λ_i x_i²: see adamW.ts. */
export interface AdamWSdeKernel {
  readonly kind: 'adamw';
  readonly lam: Float64Array;
  /** The M diffusion √η·ρ₁·σ_i, and σ_i². */
  readonly mNoise: Float64Array;
  readonly sigma2: Float64Array;
  readonly rho1: number;
  readonly rho2: number;
  readonly theta: number;
  /** 1 (AdamW: V tracks g² + σ²) or 0 (Malladi: V tracks σ²). */
  readonly gWeight: number;
  /** The drift's time-dependent factors at t: √ι₂/ι₁ and ε√ι₂. */
  biasTerms(t: number): { prefactor: number; epsEff: number };
}

/** components × paths × dim. */
export function stateLength(sde: Sde, paths: number): number {
  return sde.components.length * paths * sde.dim;
}

/** Index of component `name`; throws when the SDE has no such component. */
export function componentIndex(sde: Sde, name: string): number {
  const c = sde.components.indexOf(name);
  if (c < 0) throw new RangeError(`${sde.name}: no component '${name}' (components: ${sde.components.join(', ')})`);
  return c;
}

/**
 * A state with every path at the same point: `values[name]` is a number (all coordinates) or a
 * per-coordinate array of length dim; components not named start at 0.
 */
export function initialState(
  sde: Sde,
  paths: number,
  values: Record<string, number | ArrayLike<number>>,
): Float64Array {
  if (!(Number.isInteger(paths) && paths >= 1)) throw new RangeError(`initialState: paths = ${paths} must be a positive integer`);
  const dim = sde.dim;
  const state = new Float64Array(stateLength(sde, paths));
  for (const [name, value] of Object.entries(values)) {
    const c = componentIndex(sde, name);
    if (typeof value !== 'number' && value.length !== dim) {
      throw new RangeError(`initialState: '${name}' has length ${value.length}, expected dim = ${dim}`);
    }
    const base = c * paths * dim;
    for (let p = 0; p < paths; p++) {
      for (let i = 0; i < dim; i++) state[base + p * dim + i] = typeof value === 'number' ? value : value[i];
    }
  }
  return state;
}
