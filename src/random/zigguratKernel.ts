import { WASM_BASE64 } from '../wasm/normals.wasm.ts';
import type { Xoshiro128 } from './xoshiro.ts';
import { ACCEPT23, XS23, slowPath, uniform23 } from './ziggurat.ts';

/**
 * The ziggurat's hot loops in WebAssembly (source: src/wasm/normals.wat), about twice the speed of
 * the same loops in JavaScript on Node 20 (V8 re-checks a typed array's bounds on every iteration
 * of a JS loop, not in wasm). Draws go through a block of BLOCK doubles in the module's memory;
 * the ~1% of draws that fail the rectangle test are finished here by `slowPath`, so the values and
 * the stream consumption are exactly those of the scalar `normal(rng)`.
 */
export const BLOCK = 4096;

const STATE = 6144;
const OUT = 8192;
const SCALE = OUT + 8 * BLOCK;

interface Exports {
  memory: WebAssembly.Memory;
  fill(start: number, end: number): number;
  addScaled(start: number, end: number): number;
}

const kernel = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'))).exports as unknown as Exports;
const memory = kernel.memory.buffer;
new Int32Array(memory, 0, 512).set(ACCEPT23);
new Float64Array(memory, 2048, 512).set(XS23);
const state = new Int32Array(memory, STATE, 5);
const out = new Float64Array(memory, OUT, BLOCK);
const scale = new Float64Array(memory, SCALE, BLOCK);

/**
 * Runs `loop` over [0, length) (length ≤ BLOCK) with rng's state, finishing slow-path draws in JS:
 * `finish(j, z)` stores the draw z at j.
 */
function drawBlock(rng: Xoshiro128, length: number, loop: (start: number, end: number) => number, finish: (j: number, z: number) => void): void {
  state[0] = rng.s0;
  state[1] = rng.s1;
  state[2] = rng.s2;
  state[3] = rng.s3;
  let j = loop(0, length);
  while (j < length) {
    rng.s0 = state[0];
    rng.s1 = state[1];
    rng.s2 = state[2];
    rng.s3 = state[3];
    const a = state[4];
    const z = slowPath(rng, a & 511, uniform23(a >>> 9));
    state[0] = rng.s0;
    state[1] = rng.s1;
    state[2] = rng.s2;
    state[3] = rng.s3;
    if (z === z) finish(j++, z);
    j = loop(j, length);
  }
  rng.s0 = state[0];
  rng.s1 = state[1];
  rng.s2 = state[2];
  rng.s3 = state[3];
}

const storeDraw = (j: number, z: number): void => {
  out[j] = z;
};
const addScaledDraw = (j: number, z: number): void => {
  out[j] += scale[j] * z;
};

/** target[offset + j] = Z_j for j < length ≤ BLOCK. */
export function fillBlock(rng: Xoshiro128, target: Float64Array, offset: number, length: number): void {
  drawBlock(rng, length, kernel.fill, storeDraw);
  target.set(length === BLOCK ? out : out.subarray(0, length), offset);
}

/** target[offset + j] += scales[scaleOffset + j]·Z_j for j < length ≤ BLOCK. */
export function addScaledBlock(
  rng: Xoshiro128, target: Float64Array, offset: number, scales: Float64Array, scaleOffset: number, length: number,
): void {
  out.set(target.subarray(offset, offset + length));
  scale.set(scales.subarray(scaleOffset, scaleOffset + length));
  drawBlock(rng, length, kernel.addScaled, addScaledDraw);
  target.set(length === BLOCK ? out : out.subarray(0, length), offset);
}
