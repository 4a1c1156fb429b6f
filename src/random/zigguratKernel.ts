import { OUT_AT, SC_AT, acquireArena, fromKernel, streamWords, toKernel } from '../wasm/arena.ts';
import type { Xoshiro128 } from './xoshiro.ts';

/**
 * The ziggurat's loops in WebAssembly (`fill`, `addScaled` of src/wasm/kernels.wat, wedge and
 * tail included), about twice the speed of the same loops in JavaScript on Node 20 (V8 re-checks a
 * typed array's bounds on every iteration of a JS loop). Draws go through a block of BLOCK doubles
 * in the kernel's memory; values and stream consumption are exactly those of `normal(rng)`.
 */
export const BLOCK = 4096;

/** This module's own arena, never released (its calls do not nest). */
const arena = acquireArena(SC_AT + 8 * BLOCK);
const words = streamWords(arena);
const out = new Float64Array(arena.memory.buffer, OUT_AT, BLOCK);
const scale = new Float64Array(arena.memory.buffer, SC_AT, BLOCK);
const kernel = arena.kernel;

/** target[offset + j] = Z_j for j < length ≤ BLOCK. */
export function fillBlock(rng: Xoshiro128, target: Float64Array, offset: number, length: number): void {
  toKernel(words, rng);
  kernel.fill(length);
  fromKernel(words, rng);
  target.set(length === BLOCK ? out : out.subarray(0, length), offset);
}

/** target[offset + j] += scales[scaleOffset + j]·Z_j for j < length ≤ BLOCK. */
export function addScaledBlock(
  rng: Xoshiro128, target: Float64Array, offset: number, scales: Float64Array, scaleOffset: number, length: number,
): void {
  out.set(target.subarray(offset, offset + length));
  scale.set(scales.subarray(scaleOffset, scaleOffset + length));
  toKernel(words, rng);
  kernel.addScaled(length);
  fromKernel(words, rng);
  target.set(length === BLOCK ? out : out.subarray(0, length), offset);
}
