import type { RandomStream } from './randomStream.ts';
import { Xoshiro128 } from './xoshiro.ts';
import { BLOCK, addScaledBlock } from './zigguratKernel.ts';
import { normal } from './normal.ts';

/**
 * out[offset + k] += scale[k]·Z_k for k < length, where Z_0, Z_1, … are the values `fillNormal`
 * would write (same stream consumption), fused into one pass for the noise hot path (in blocks, by
 * the WebAssembly loop of ./zigguratKernel.ts).
 */
export function addScaledNormals(
  rng: RandomStream,
  out: Float64Array,
  scale: Float64Array,
  offset = 0,
  length: number = out.length - offset,
): void {
  const end = offset + length;
  if (!(offset >= 0 && length >= 0 && end <= out.length)) {
    throw new RangeError(`addScaledNormals: range [${offset}, ${end}) is outside the buffer of length ${out.length}`);
  }
  if (scale.length < length) {
    throw new RangeError(`addScaledNormals: scale has ${scale.length} entries, fewer than length ${length}`);
  }
  if (!(rng instanceof Xoshiro128)) {
    for (let j = offset; j < end; j++) out[j] += scale[j - offset] * normal(rng);
    return;
  }
  for (let j = 0; j < length; j += BLOCK) addScaledBlock(rng, out, offset + j, scale, j, Math.min(BLOCK, length - j));
}
