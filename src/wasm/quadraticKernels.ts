import type { NoiseModel } from '../noise/noiseModel.ts';
import { libraryGaussianScale } from '../noise/gaussian.ts';
import type { OptimizerKernel } from '../optimizers/optimizer.ts';
import type { GradientTransform } from '../optimizers/transform.ts';
import type { Problem } from '../problems/problem.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { Xoshiro128 } from '../random/xoshiro.ts';
import type { BrownianPath } from '../sde/brownian.ts';
import type { Sde } from '../sde/sde.ts';
import { BLOCK_COEFFICIENTS_AT, KERNEL_MAX_DIM, STEP_BLOCK, X_AT, acquireArena, fromKernel, streamWords, toKernel } from './arena.ts';
import type { Arena } from './arena.ts';

/**
 * Whole steps on the diagonal quadratic f(x) = ½ Σ λ_i x_i² as WebAssembly calls
 * (src/wasm/kernels.wat: per block of ≤ 1024 entries, the block's normals, then the update two
 * entries at a time), with x (and the optimizer's moments) held in the kernel's memory for the
 * whole run:
 *  - runOptimizer: gradient, Gaussian noise s_i·Z and the SignSGD or Adam(W) update;
 *  - solveSde: the Euler–Maruyama step of the Gaussian SignSGD SDE with its Brownian increments.
 * Each computes the numbers of the generic loop bit for bit and consumes the random stream
 * identically.
 * The entry points return undefined unless every part is of a kind the kernels implement.
 */

/**
 * Writes per-coordinate coefficients (λ, then s or the like) for a step's block: `len` = an even
 * multiple of dim (≤ STEP_BLOCK) entries, entry t taking coordinate t mod dim. Returns len.
 */
function writeBlockCoefficients(arena: Arena, dim: number, ...coefficients: ArrayLike<number>[]): number {
  const len = 2 * Math.floor(STEP_BLOCK / (2 * dim)) * dim;
  coefficients.forEach((values, k) => {
    const block = new Float64Array(arena.memory.buffer, BLOCK_COEFFICIENTS_AT[k], len);
    for (let t = 0; t < len; t++) block[t] = values[t % dim];
  });
  return len;
}

/** Runs one kernel pass with the stream's state; true when every updated entry is finite. */
function sweep(words: Int32Array, rng: Xoshiro128, pass: () => number): boolean {
  toKernel(words, rng);
  const check = pass();
  fromKernel(words, rng);
  return check === 0;
}

export interface FusedRun<S> {
  /** x (paths·dim) in kernel memory: valid until `release`. */
  readonly x: Float64Array;
  /** The optimizer state, its arrays in kernel memory: valid until `release`. */
  readonly state: S;
  /** One step k (1-based, for the bias corrections); false when some x became non-finite. */
  step(k: number): boolean;
  /**
   * Copies x and the state out of kernel memory (the moments into the arrays of the state it
   * started from) and frees the arena; later calls return the same copies.
   */
  release(): { x: Float64Array; state: S };
}

export interface FusedRunOptions<S> {
  problem: Problem;
  optimizer: GradientTransform<S>;
  noise: NoiseModel | undefined;
  rng: RandomStream | undefined;
  paths: number;
  x: Float64Array;
  initialState: S | undefined;
}

/** The fused runOptimizer step, for a problem that declares `diagonalHessian`, noise made by gaussianNoise, an optimizer that declares a `kernel` and a xoshiro stream. */
export function fusedQuadraticRun<S>(o: FusedRunOptions<S>): FusedRun<S> | undefined {
  const spec = (o.optimizer as { kernel?: OptimizerKernel }).kernel;
  const lam = o.problem.diagonalHessian;
  const scale = libraryGaussianScale(o.noise);
  const rng = o.rng;
  const dim = o.problem.dim;
  if (spec === undefined || lam === undefined || scale === undefined || !(rng instanceof Xoshiro128) || dim > KERNEL_MAX_DIM) return undefined;
  const n = o.paths * dim;
  // m and v start at 16-byte boundaries, as x does (the kernel moves entries in pairs).
  const stride = 8 * (n + (n % 2));
  const [mAt, vAt] = [X_AT + stride, X_AT + 2 * stride];
  const arena = acquireArena(X_AT + (spec.kind === 'adam' ? 3 : 1) * stride);
  const buffer = arena.memory.buffer;
  const len = writeBlockCoefficients(arena, dim, lam, scale);
  const x = new Float64Array(buffer, X_AT, n);
  x.set(o.x);
  const k = arena.kernel;
  const words = streamWords(arena);

  const given = o.initialState ?? (o.optimizer.init(o.paths, dim) as S);
  let state = given;
  let step: (stepIndex: number) => boolean;
  if (spec.kind === 'signsgd') {
    const a = -spec.lr;
    step = () => sweep(words, rng, () => k.signSgd(n, len, a));
  } else {
    const moments = given as unknown as { m: Float64Array; v: Float64Array };
    const m = new Float64Array(buffer, mAt, n);
    const v = new Float64Array(buffer, vAt, n);
    m.set(moments.m);
    v.set(moments.v);
    state = { ...given, m, v };
    const { lr, beta1, beta2, eps, weightDecay, decoupled } = spec;
    step = (stepIndex) => {
      const inv1 = 1 / (1 - Math.pow(beta1, stepIndex));
      const invSqrt2 = 1 / Math.sqrt(1 - Math.pow(beta2, stepIndex));
      return sweep(words, rng, () =>
        k.adam(mAt, vAt, n, len, beta1, 1 - beta1, beta2, 1 - beta2, inv1, invSqrt2, eps, weightDecay, decoupled ? 1 : 0, -lr));
    };
  }

  let released: { x: Float64Array; state: S } | undefined;
  return {
    x,
    state,
    step,
    release() {
      if (released !== undefined) return released;
      if (spec.kind === 'adam') {
        const target = given as unknown as { m: Float64Array; v: Float64Array };
        const inKernel = state as unknown as { m: Float64Array; v: Float64Array };
        target.m.set(inKernel.m);
        target.v.set(inKernel.v);
      }
      released = { x: x.slice(), state: given };
      arena.busy = false;
      return released;
    },
  };
}

export interface FusedSdeRun {
  /** The SDE state (paths·dim) in kernel memory: valid until `release`. */
  readonly state: Float64Array;
  /** One Euler–Maruyama step of size dt from time t; false when some entry became non-finite. */
  step(t: number, dt: number): boolean;
  /** Copies the state out and frees the arena; later calls return the same copy. */
  release(): Float64Array;
}

/**
 * The fused Euler–Maruyama step of solveSde, for an Sde that declares a `kernel` and a Brownian
 * path whose increments are one fillNormal block per step over the SDE's noisy component
 * (BrownianPath.fusableStream).
 */
export function fusedSdeRun(sde: Sde, brownian: BrownianPath, substeps: number, paths: number, initial: Float64Array): FusedSdeRun | undefined {
  const spec = sde.kernel;
  const stream = brownian.fusableStream(substeps);
  const dim = sde.dim;
  if (spec === undefined || stream === undefined || dim > KERNEL_MAX_DIM) return undefined;
  const n = paths * dim;
  const noisyAt = spec.kind === 'adamw' ? n : 0;
  if (stream.offset !== noisyAt || initial.length !== sde.components.length * n) return undefined;
  const { rng } = stream;
  const arena = acquireArena(X_AT + 8 * initial.length);
  const state = new Float64Array(arena.memory.buffer, X_AT, initial.length);
  state.set(initial);
  const k = arena.kernel;
  const words = streamWords(arena);
  let step: (t: number, dt: number) => boolean;
  if (spec.kind === 'signsgd-gaussian') {
    const len = writeBlockCoefficients(arena, dim, spec.lam, spec.c);
    const kappa = spec.sqrtEta * stream.scale;
    step = (_t, dt) => sweep(words, rng, () => k.signSgdGaussianEuler(n, len, kappa, dt));
  } else {
    const len = writeBlockCoefficients(arena, dim, spec.lam, spec.mNoise, spec.sigma2);
    const [mAt, vAt] = [X_AT + 8 * n, X_AT + 16 * n];
    const { rho1, rho2, theta, gWeight } = spec;
    step = (t, dt) => {
      const { prefactor, epsEff } = spec.biasTerms(t);
      return sweep(words, rng, () => k.adamWSdeEuler(mAt, vAt, n, len, -prefactor, epsEff, theta, rho1, rho2, gWeight, dt, stream.scale));
    };
  }
  let released: Float64Array | undefined;
  return {
    state,
    step,
    release() {
      if (released === undefined) {
        released = state.slice();
        arena.busy = false;
      }
      return released;
    },
  };
}
