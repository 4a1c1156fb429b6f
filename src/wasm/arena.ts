import type { Xoshiro128 } from '../random/xoshiro.ts';
import { ACCEPT23, LAYER_EDGES, LAYER_HEIGHTS, XS23 } from '../random/ziggurat.ts';
import { COEF } from '../sde/fastErf.ts';
import { WASM_BASE64 } from './kernels.wasm.ts';

/**
 * Instances of the WebAssembly kernels (src/wasm/kernels.wat), each with its own memory holding
 * the constant tables (ziggurat, fastErf) and, from X_AT on, a run's arrays. A run acquires a
 * free arena, grown to fit, and releases it when done; memory never shrinks, and views on it are
 * made after any growth, so they stay valid for the run.
 */
export interface KernelExports {
  fill(end: number): void;
  addScaled(end: number): void;
  signSgd(dim: number, n: number, a: number): number;
  adam(
    m: number, v: number, dim: number, n: number, beta1: number, c1: number, beta2: number, c2: number, inv1: number,
    invSqrt2: number, eps: number, theta: number, decoupled: number, a: number,
  ): number;
  signSgdGaussianEuler(dim: number, n: number, kappa: number, dt: number): number;
}

/** Byte addresses of the memory regions (see the .wat). */
const STATE_AT = 6144;
const ZX_AT = 8192;
const ZF_AT = 10752;
export const LAM_AT = 16384;
export const SCALE_AT = 20480;
const COEF_AT = 24576;
export const X_AT = 122880;
/** The λ and s regions hold 512 entries; larger problems take the generic loops. */
export const KERNEL_MAX_DIM = 512;
const PAGE = 65536;

if (COEF_AT + 8 * COEF.length > X_AT || ZF_AT + 8 * LAYER_HEIGHTS.length > LAM_AT) {
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
  const memory = new WebAssembly.Memory({ initial: Math.ceil(X_AT / PAGE) });
  const kernel = new WebAssembly.Instance(MODULE, { env: { memory }, math: IMPORTS_MATH }).exports as unknown as KernelExports;
  const b = memory.buffer;
  new Int32Array(b, 0, ACCEPT23.length).set(ACCEPT23);
  new Float64Array(b, 2048, XS23.length).set(XS23);
  new Float64Array(b, ZX_AT, LAYER_EDGES.length).set(LAYER_EDGES);
  new Float64Array(b, ZF_AT, LAYER_HEIGHTS.length).set(LAYER_HEIGHTS);
  new Float64Array(b, COEF_AT, COEF.length).set(COEF);
  return { memory, kernel, busy: false };
}

/** A free arena (or a new one) with room for `entries` f64 from X_AT on, marked busy. */
export function acquireArena(entries: number): Arena {
  let arena = arenas.find((a) => !a.busy);
  if (arena === undefined) {
    arena = createArena();
    arenas.push(arena);
  }
  const missing = Math.ceil((X_AT + 8 * entries) / PAGE) - arena.memory.buffer.byteLength / PAGE;
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
