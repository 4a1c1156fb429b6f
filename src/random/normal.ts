import type { RandomStream } from './randomStream.ts';
import { Xoshiro128 } from './xoshiro.ts';
import { ACCEPT23, XS23, slowPath, uniform23 } from './ziggurat.ts';
import { BLOCK, fillBlock } from './zigguratKernel.ts';

export { ZIGGURAT_R } from './ziggurat.ts';

/**
 * One standard normal N(0, 1) draw by the 256-layer ziggurat of ./ziggurat.ts (one 32-bit output
 * per candidate: 8 layer bits, 1 sign bit, 23 bits of uniform).
 */
export function normal(rng: RandomStream): number {
  for (;;) {
    const a = rng.nextUint32();
    const k = a & 511;
    const h = a >>> 9;
    if (h < ACCEPT23[k]) return (h + 0.5) * XS23[k];
    const z = slowPath(rng, k, uniform23(h));
    if (z === z) return z;
  }
}

/**
 * Writes `length` independent N(0, 1) draws into out[offset .. offset + length). The values are
 * those of `length` successive `normal(rng)` calls; for a xoshiro stream the draws are made in
 * blocks by the WebAssembly loop of ./zigguratKernel.ts.
 */
export function fillNormal(
  rng: RandomStream,
  out: Float64Array,
  offset = 0,
  length: number = out.length - offset,
): void {
  const end = offset + length;
  if (!(offset >= 0 && length >= 0 && end <= out.length)) {
    throw new RangeError(`fillNormal: range [${offset}, ${end}) is outside the buffer of length ${out.length}`);
  }
  if (!(rng instanceof Xoshiro128)) {
    for (let j = offset; j < end; j++) out[j] = normal(rng);
    return;
  }
  for (let j = offset; j < end; j += BLOCK) fillBlock(rng, out, j, Math.min(BLOCK, end - j));
}
