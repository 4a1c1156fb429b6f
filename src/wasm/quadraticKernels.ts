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
  signSgd(x: number, lam: number, scale: number, dim: number, j: number, end: number, pending: number, a: number): number;
  adam(
    x: number, m: number, v: number, lam: number, scale: number, dim: number, j: number, end: number, pending: number,
    beta1: number, c1: number, beta2: number, c2: number, inv1: number, invSqrt2: number, eps: number, theta: number,
    decoupled: number, a: number,
  ): number;
  signSgdGaussianEuler(
    x: number, lam: number, c: number, coef: number, dim: number, j: number, end: number, pending: number, kappa: number, dt: number,
  ): number;
}

const MODULE = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
const STATE = 6144;
const HEAP = 8192;
const PAGE = 65536;

/** A kernel instance with its own memory, reused by later runs once released. */
interface Arena {
  memory: WebAssembly.Memory;
  kernel: Exports;
  busy: boolean;
}

const arenas: Arena[] = [];

/** A free arena (or a new one) with at least HEAP + `bytes` of memory and the ziggurat tables in place. */
function acquireArena(bytes: number): Arena {
  let arena = arenas.find((a) => !a.busy);
  if (arena === undefined) {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = new WebAssembly.Instance(MODULE, { env: { memory } }).exports as unknown as Exports;
    arena = { memory, kernel, busy: false };
    arenas.push(arena);
  }
  const missing = Math.ceil((HEAP + bytes) / PAGE) - arena.memory.buffer.byteLength / PAGE;
  if (missing > 0) arena.memory.grow(missing);
  new Int32Array(arena.memory.buffer, 0, 512).set(ACCEPT23);
  new Float64Array(arena.memory.buffer, 2048, 512).set(XS23);
  arena.busy = true;
  return arena;
}

/** Consecutive f64 arrays from HEAP on: `take(length)` returns the byte offset of the next one. */
function layout(): (length: number) => number {
  let at = HEAP;
  return (length) => {
    const start = at;
    at += 8 * length;
    return start;
  };
}

/**
 * Runs `pass(j, pending)` over entries [0, n) with the stream's state in the kernel, finishing each
 * slow-path draw with ziggurat.ts `slowPath` and handing it back as `pending` (NaN: draw again);
 * returns false when some updated entry was not finite.
 */
function sweep(words: Int32Array, rng: Xoshiro128, n: number, pass: (j: number, pending: number) => number): boolean {
  words[0] = rng.s0;
  words[1] = rng.s1;
  words[2] = rng.s2;
  words[3] = rng.s3;
  words[5] = 0;
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
  return words[5] === 0;
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
  if (spec === undefined || lam === undefined || scale === undefined || !(rng instanceof Xoshiro128)) return undefined;
  const dim = o.problem.dim;
  const n = o.paths * dim;
  const take = layout();
  const [lamAt, scaleAt, xAt] = [take(dim), take(dim), take(n)];
  const [mAt, vAt] = spec.kind === 'adam' ? [take(n), take(n)] : [0, 0];
  const arena = acquireArena(take(0) - HEAP);
  const buffer = arena.memory.buffer;
  new Float64Array(buffer, lamAt, dim).set(lam);
  new Float64Array(buffer, scaleAt, dim).set(scale);
  const x = new Float64Array(buffer, xAt, n);
  x.set(o.x);
  const words = new Int32Array(buffer, STATE, 6);
  const k = arena.kernel;

  const given = o.initialState ?? (o.optimizer.init(o.paths, dim) as S);
  let state = given;
  let step: (stepIndex: number) => boolean;
  if (spec.kind === 'signsgd') {
    const a = -spec.lr;
    step = () => sweep(words, rng, n, (j, pending) => k.signSgd(xAt, lamAt, scaleAt, dim, j, n, pending, a));
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
      return sweep(words, rng, n, (j, pending) =>
        k.adam(xAt, mAt, vAt, lamAt, scaleAt, dim, j, n, pending, beta1, 1 - beta1, beta2, 1 - beta2, inv1, invSqrt2, eps, weightDecay, decoupled ? 1 : 0, -lr));
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
  if (spec === undefined || stream === undefined || sde.components.length !== 1) return undefined;
  const { rng } = stream;
  const dim = sde.dim;
  const n = paths * dim;
  const take = layout();
  const [lamAt, cAt, coefAt, xAt] = [take(dim), take(dim), take(COEF.length), take(n)];
  const arena = acquireArena(take(0) - HEAP);
  const buffer = arena.memory.buffer;
  new Float64Array(buffer, lamAt, dim).set(spec.lam);
  new Float64Array(buffer, cAt, dim).set(spec.c);
  new Float64Array(buffer, coefAt, COEF.length).set(COEF);
  const state = new Float64Array(buffer, xAt, n);
  state.set(initial);
  const words = new Int32Array(buffer, STATE, 6);
  const k = arena.kernel;
  const kappa = spec.sqrtEta * stream.scale;
  let released: Float64Array | undefined;
  return {
    state,
    step: (dt) => sweep(words, rng, n, (j, pending) => k.signSgdGaussianEuler(xAt, lamAt, cAt, coefAt, dim, j, n, pending, kappa, dt)),
    release() {
      if (released === undefined) {
        released = state.slice();
        arena.busy = false;
      }
      return released;
    },
  };
}
