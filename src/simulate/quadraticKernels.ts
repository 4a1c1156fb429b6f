import type { NoiseModel } from '../noise/noiseModel.ts';
import { libraryGaussianScale } from '../noise/gaussian.ts';
import type { OptimizerKernel } from '../optimizers/optimizer.ts';
import type { GradientTransform } from '../optimizers/transform.ts';
import type { Problem } from '../problems/problem.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { Xoshiro128 } from '../random/xoshiro.ts';
import { ACCEPT23, XS23, slowPath, uniform23 } from '../random/ziggurat.ts';
import { WASM_BASE64 } from '../wasm/quadraticSteps.wasm.ts';

/**
 * The whole step of runOptimizer — gradient of f(x) = ½ Σ λ_i x_i², Gaussian noise s_i·Z, and the
 * SignSGD or Adam(W) update — as one WebAssembly pass (src/wasm/quadraticSteps.wat), with x and
 * the optimizer's moments held in the kernel's memory for the whole run. It computes the same
 * numbers as the generic loop (problem.gradient, noise.addTo, optimizer.advance) bit for bit and
 * consumes the random stream identically; the ~1% of normal draws that need the ziggurat's slow
 * path are finished here in JS. Used when problem, noise, optimizer and stream are all of these
 * kinds: a problem that declares `diagonalHessian`, noise made by gaussianNoise, an optimizer that
 * declares a `kernel`, a xoshiro stream (`fusedQuadraticRun` returns undefined otherwise).
 */

interface Exports {
  signSgd(x: number, lam: number, scale: number, dim: number, j: number, end: number, pending: number, a: number): number;
  adam(
    x: number, m: number, v: number, lam: number, scale: number, dim: number, j: number, end: number, pending: number,
    beta1: number, c1: number, beta2: number, c2: number, inv1: number, invSqrt2: number, eps: number, theta: number,
    decoupled: number, a: number,
  ): number;
}

const MODULE = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
const STATE = 6144;
const HEAP = 8192;
const PAGE = 65536;

/** A kernel instance with its own memory; reused by later runs once released. */
interface Arena {
  memory: WebAssembly.Memory;
  kernel: Exports;
  busy: boolean;
}

const arenas: Arena[] = [];

function acquireArena(bytes: number): Arena {
  let arena = arenas.find((a) => !a.busy);
  if (arena === undefined) {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = new WebAssembly.Instance(MODULE, { env: { memory } }).exports as unknown as Exports;
    arena = { memory, kernel, busy: false };
    arenas.push(arena);
  }
  const missing = Math.ceil(bytes / PAGE) - arena.memory.buffer.byteLength / PAGE;
  if (missing > 0) arena.memory.grow(missing);
  new Int32Array(arena.memory.buffer, 0, 512).set(ACCEPT23);
  new Float64Array(arena.memory.buffer, 2048, 512).set(XS23);
  arena.busy = true;
  return arena;
}

export interface FusedRun<S> {
  /** x (paths·dim) in kernel memory: valid until `release`. */
  readonly x: Float64Array;
  /** The optimizer state, its arrays in kernel memory: valid until `release`. */
  readonly state: S;
  /** One step k (1-based, bias corrections included); false when some x became non-finite. */
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

export function fusedQuadraticRun<S>(o: FusedRunOptions<S>): FusedRun<S> | undefined {
  const kernelSpec = (o.optimizer as { kernel?: OptimizerKernel }).kernel;
  const lam = o.problem.diagonalHessian;
  const scale = libraryGaussianScale(o.noise);
  const rng = o.rng;
  if (kernelSpec === undefined || lam === undefined || scale === undefined || !(rng instanceof Xoshiro128)) return undefined;
  const dim = o.problem.dim;
  const n = o.paths * dim;
  const moments = kernelSpec.kind === 'adam' ? 2 : 0;
  const arena = acquireArena(HEAP + 8 * (2 * dim + (1 + moments) * n));
  const buffer = arena.memory.buffer;
  const lamAt = HEAP;
  const scaleAt = lamAt + 8 * dim;
  const xAt = scaleAt + 8 * dim;
  const mAt = xAt + 8 * n;
  const vAt = mAt + 8 * n;
  new Float64Array(buffer, lamAt, dim).set(lam);
  new Float64Array(buffer, scaleAt, dim).set(scale);
  const x = new Float64Array(buffer, xAt, n);
  x.set(o.x);
  const words = new Int32Array(buffer, STATE, 6);

  const given = o.initialState ?? (o.optimizer.init(o.paths, dim) as S);
  let state = given;
  if (kernelSpec.kind === 'adam') {
    const src = given as unknown as { m: Float64Array; v: Float64Array };
    const m = new Float64Array(buffer, mAt, n);
    const v = new Float64Array(buffer, vAt, n);
    m.set(src.m);
    v.set(src.v);
    state = { ...given, m, v };
  }

  /** Runs `pass(j, pending)` over the batch, finishing slow-path draws. */
  const sweep = (pass: (j: number, pending: number) => number): boolean => {
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
  };

  const k = arena.kernel;
  let released: { x: Float64Array; state: S } | undefined;
  let step: (stepIndex: number) => boolean;
  if (kernelSpec.kind === 'signsgd') {
    const a = -kernelSpec.lr;
    step = () => sweep((j, pending) => k.signSgd(xAt, lamAt, scaleAt, dim, j, n, pending, a));
  } else {
    const { lr, beta1, beta2, eps, weightDecay, decoupled } = kernelSpec;
    const a = -lr;
    step = (stepIndex) => {
      const inv1 = 1 / (1 - Math.pow(beta1, stepIndex));
      const invSqrt2 = 1 / Math.sqrt(1 - Math.pow(beta2, stepIndex));
      return sweep((j, pending) =>
        k.adam(xAt, mAt, vAt, lamAt, scaleAt, dim, j, n, pending, beta1, 1 - beta1, beta2, 1 - beta2, inv1, invSqrt2, eps, weightDecay, decoupled ? 1 : 0, a));
    };
  }

  return {
    x,
    state,
    step,
    release() {
      if (released !== undefined) return released;
      const xOut = x.slice();
      let stateOut = given;
      if (kernelSpec.kind === 'adam') {
        const inKernel = state as unknown as { m: Float64Array; v: Float64Array };
        const target = given as unknown as { m: Float64Array; v: Float64Array };
        target.m.set(inKernel.m);
        target.v.set(inKernel.v);
        stateOut = given;
      }
      arena.busy = false;
      released = { x: xOut, state: stateOut };
      return released;
    },
  };
}
