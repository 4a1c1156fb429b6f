import type { Xoshiro128 } from '../random/xoshiro.ts';
import { ACCEPT23, LAYER_EDGES, LAYER_HEIGHTS, XS23 } from '../random/ziggurat.ts';
import { COEF } from '../sde/fastErf.ts';
import { WASM_BASE64 } from './kernels.wasm.ts';

/**
 * Instances of the WebAssembly kernels (src/wasm/kernels.wat), each with its own memory holding
 * the constant tables (ziggurat, fastErf) and, from OUT_AT on, a block of normals or a run's arrays. A run acquires a
 * free arena, grown to fit, and releases it when done; memory never shrinks, and views on it are
 * made after any growth, so they stay valid for the run.
 */
export interface KernelExports {
  fill(end: number): void;
  addScaled(end: number): void;
  signSgd(n: number, len: number, a: number): number;
  adam(
    m: number, v: number, n: number, len: number, beta1: number, c1: number, beta2: number, c2: number, inv1: number,
    invSqrt2: number, eps: number, theta: number, decoupled: number, a: number,
  ): number;
  signSgdGaussianEuler(n: number, len: number, kappa: number, dt: number): number;
  adamWSdeEuler(
    m: number, v: number, n: number, len: number, negPrefactor: number, eps: number, theta: number, rho1: number, rho2: number,
    gWeight: number, dt: number, sqrtDt: number,
  ): number;
}

/** Byte addresses of the memory regions (see the .wat). */
const STATE_AT = 6144;
const ZX_AT = 8192;
const ZF_AT = 10752;
const COEF_AT = 24576;
/** fill's normals (≤ 4096) and addScaled's scales. */
export const OUT_AT = 122880;
export const SC_AT = 155648;
/** The steps' per-entry coefficients for a block of ≤ STEP_BLOCK entries, and their x (then m, v). */
export const BLOCK_COEFFICIENTS_AT = [131072, 139264, 147456] as const;
export const X_AT = 155648;
export const STEP_BLOCK = 1024;
/** A step's block is an even multiple of dim; larger problems take the generic loops. */
export const KERNEL_MAX_DIM = STEP_BLOCK / 2;
const PAGE = 65536;

if (COEF_AT + 8 * COEF.length > OUT_AT || ZF_AT + 8 * LAYER_HEIGHTS.length > COEF_AT || OUT_AT + 8 * STEP_BLOCK > BLOCK_COEFFICIENTS_AT[0]) {
  throw new Error('wasm/arena: a constant table outgrew its region of kernel memory');
}

const MODULE = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
const IMPORTS_MATH = { exp: Math.exp, log: Math.log };

export interface Arena {
  readonly memory: WebAssembly.Memory;
  readonly kernel: KernelExports;
  busy: boolean;
}

const arenas: Arena[] = [];

function createArena(): Arena {
  const memory = new WebAssembly.Memory({ initial: Math.ceil(OUT_AT / PAGE) });
  const kernel = new WebAssembly.Instance(MODULE, { env: { memory }, math: IMPORTS_MATH }).exports as unknown as KernelExports;
  const b = memory.buffer;
  new Int32Array(b, 0, ACCEPT23.length).set(ACCEPT23);
  new Float64Array(b, 2048, XS23.length).set(XS23);
  new Float64Array(b, ZX_AT, LAYER_EDGES.length).set(LAYER_EDGES);
  new Float64Array(b, ZF_AT, LAYER_HEIGHTS.length).set(LAYER_HEIGHTS);
  new Float64Array(b, COEF_AT, COEF.length).set(COEF);
  return { memory, kernel, busy: false };
}

/** A free arena (or a new one) with memory up to byte `end`, marked busy. */
export function acquireArena(end: number): Arena {
  let arena = arenas.find((a) => !a.busy);
  if (arena === undefined) {
    arena = createArena();
    arenas.push(arena);
  }
  const missing = Math.ceil(end / PAGE) - arena.memory.buffer.byteLength / PAGE;
  if (missing > 0) arena.memory.grow(missing);
  arena.busy = true;
  return arena;
}

/** The stream's state ↔ the kernel's STATE words, around a kernel call. */
export function streamWords(arena: Arena): Int32Array {
  return new Int32Array(arena.memory.buffer, STATE_AT, 4);
}

export function toKernel(words: Int32Array, rng: Xoshiro128): void {
  words[0] = rng.s0;
  words[1] = rng.s1;
  words[2] = rng.s2;
  words[3] = rng.s3;
}

export function fromKernel(words: Int32Array, rng: Xoshiro128): void {
  rng.s0 = words[0];
  rng.s1 = words[1];
  rng.s2 = words[2];
  rng.s3 = words[3];
}
