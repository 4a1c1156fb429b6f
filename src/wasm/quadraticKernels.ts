import type { NoiseModel } from '../noise/noiseModel.ts';
import { libraryGaussianScale } from '../noise/gaussian.ts';
import type { OptimizerKernel } from '../optimizers/optimizer.ts';
import type { GradientTransform } from '../optimizers/transform.ts';
import type { Problem } from '../problems/problem.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { Xoshiro128 } from '../random/xoshiro.ts';
import { ACCEPT23, XS23, slowPath, uniform23 } from '../random/ziggurat.ts';
import type { BrownianPath } from '../sde/brownian.ts';
import { COEF } from '../sde/fastErf.ts';
import type { Sde } from '../sde/sde.ts';
import { WASM_BASE64 } from './quadraticSteps.wasm.ts';

/**
 * Whole steps on the diagonal quadratic f(x) = ½ Σ λ_i x_i² as single WebAssembly passes
 * (src/wasm/quadraticSteps.wat), with x (and the optimizer's moments) held in the kernel's memory
 * for the whole run:
 *  - runOptimizer: gradient, Gaussian noise s_i·Z and the SignSGD or Adam(W) update;
 *  - solveSde: the Euler–Maruyama step of the Gaussian SignSGD SDE with its Brownian increments.
 * Each computes the numbers of the generic loop bit for bit and consumes the random stream
 * identically; the ~1% of normal draws that need the ziggurat's slow path are finished here in JS.
 * The entry points return undefined unless every part is of a kind the kernels implement.
 */

interface Exports {
  signSgd(dim: number, j: number, end: number, pending: number, a: number): number;
  adam(
    m: number, v: number, dim: number, j: number, end: number, pending: number,
    beta1: number, c1: number, beta2: number, c2: number, inv1: number, invSqrt2: number, eps: number, theta: number,
    decoupled: number, a: number,
  ): number;
  signSgdGaussianEuler(dim: number, j: number, end: number, pending: number, kappa: number, dt: number): number;
}

const MODULE = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
/** Byte addresses of the kernel memory's regions (see the .wat). */
const STATE = 6144;
const CHECK = 6168;
const LAM = 8192;
const SCALE = 12288;
const COEF_AT = 16384;
const X = 114688;
const PAGE = 65536;
if (COEF_AT + 8 * COEF.length > X) throw new Error('quadraticKernels: the fastErf table outgrew its region of kernel memory');
/** The λ and s regions hold 512 entries; larger problems take the generic loops. */
export const KERNEL_MAX_DIM = 512;

/** A kernel instance with its own memory, reused by later runs once released. */
interface Arena {
  memory: WebAssembly.Memory;
  kernel: Exports;
  busy: boolean;
}

const arenas: Arena[] = [];

/** A free arena (or a new one) holding `arrays` f64 entries from X on, with the ziggurat tables in place. */
function acquireArena(arrays: number): Arena {
  let arena = arenas.find((a) => !a.busy);
  if (arena === undefined) {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = new WebAssembly.Instance(MODULE, { env: { memory } }).exports as unknown as Exports;
    arena = { memory, kernel, busy: false };
    arenas.push(arena);
  }
  const missing = Math.ceil((X + 8 * arrays) / PAGE) - arena.memory.buffer.byteLength / PAGE;
  if (missing > 0) arena.memory.grow(missing);
  new Int32Array(arena.memory.buffer, 0, 512).set(ACCEPT23);
  new Float64Array(arena.memory.buffer, 2048, 512).set(XS23);
  arena.busy = true;
  return arena;
}

/**
 * Runs `pass(j, pending)` over entries [0, n) with the stream's state in the kernel, finishing each
 * slow-path draw with ziggurat.ts `slowPath` and handing it back as `pending` (NaN: draw again);
 * returns false when some updated entry was not finite.
 */
function sweep(words: Int32Array, check: Float64Array, rng: Xoshiro128, n: number, pass: (j: number, pending: number) => number): boolean {
  words[0] = rng.s0;
  words[1] = rng.s1;
  words[2] = rng.s2;
  words[3] = rng.s3;
  check[0] = 0;
  let j = pass(0, NaN);
  while (j < n) {
    rng.s0 = words[0];
    rng.s1 = words[1];
    rng.s2 = words[2];
    rng.s3 = words[3];
    const a = words[4];
    const z = slowPath(rng, a & 511, uniform23(a >>> 9));
    words[0] = rng.s0;
    words[1] = rng.s1;
    words[2] = rng.s2;
    words[3] = rng.s3;
    j = pass(j, z);
  }
  rng.s0 = words[0];
  rng.s1 = words[1];
  rng.s2 = words[2];
  rng.s3 = words[3];
  return check[0] === 0;
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
  const [mAt, vAt] = [X + 8 * n, X + 16 * n];
  const arena = acquireArena(spec.kind === 'adam' ? 3 * n : n);
  const buffer = arena.memory.buffer;
  new Float64Array(buffer, LAM, dim).set(lam);
  new Float64Array(buffer, SCALE, dim).set(scale);
  const x = new Float64Array(buffer, X, n);
  x.set(o.x);
  const words = new Int32Array(buffer, STATE, 5);
  const check = new Float64Array(buffer, CHECK, 1);
  const k = arena.kernel;

  const given = o.initialState ?? (o.optimizer.init(o.paths, dim) as S);
  let state = given;
  let step: (stepIndex: number) => boolean;
  if (spec.kind === 'signsgd') {
    const a = -spec.lr;
    step = () => sweep(words, check, rng, n, (j, pending) => k.signSgd(dim, j, n, pending, a));
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
      return sweep(words, check, rng, n, (j, pending) =>
        k.adam(mAt, vAt, dim, j, n, pending, beta1, 1 - beta1, beta2, 1 - beta2, inv1, invSqrt2, eps, weightDecay, decoupled ? 1 : 0, -lr));
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
  /** One Euler–Maruyama step of size dt; false when some entry became non-finite. */
  step(dt: number): boolean;
  /** Copies the state out and frees the arena; later calls return the same copy. */
  release(): Float64Array;
}

/**
 * The fused Euler–Maruyama step of solveSde, for an Sde that declares a `kernel` and a Brownian
 * path whose increments are one fillNormal block per step (BrownianPath.fusableStream).
 */
export function fusedSdeRun(sde: Sde, brownian: BrownianPath, substeps: number, paths: number, initial: Float64Array): FusedSdeRun | undefined {
  const spec = sde.kernel;
  const stream = brownian.fusableStream(substeps);
  const dim = sde.dim;
  if (spec === undefined || stream === undefined || sde.components.length !== 1 || dim > KERNEL_MAX_DIM) return undefined;
  const { rng } = stream;
  const n = paths * dim;
  const arena = acquireArena(n);
  const buffer = arena.memory.buffer;
  new Float64Array(buffer, LAM, dim).set(spec.lam);
  new Float64Array(buffer, SCALE, dim).set(spec.c);
  new Float64Array(buffer, COEF_AT, COEF.length).set(COEF);
  const state = new Float64Array(buffer, X, n);
  state.set(initial);
  const words = new Int32Array(buffer, STATE, 5);
  const check = new Float64Array(buffer, CHECK, 1);
  const k = arena.kernel;
  const kappa = spec.sqrtEta * stream.scale;
  let released: Float64Array | undefined;
  return {
    state,
    step: (dt) => sweep(words, check, rng, n, (j, pending) => k.signSgdGaussianEuler(dim, j, n, pending, kappa, dt)),
    release() {
      if (released === undefined) {
        released = state.slice();
        arena.busy = false;
      }
      return released;
    },
  };
}
