import type { RandomStream } from './randomStream.ts';
import { Xoshiro128 } from './xoshiro.ts';
import { ACCEPT23, XS23, slowPath, uniform23 } from './ziggurat.ts';
import { normal } from './normal.ts';

/**
 * out[offset + k] += scale[k]·Z_k for k < length, where Z_0, Z_1, … are the values `fillNormal`
 * would write (same stream consumption), fused into one pass for the noise hot path.
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
  const sc = scale;
  const accept = ACCEPT23;
  const xs = XS23;
  let j = offset;
  while (j < end) {
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    let a = 0;
    for (; j < end; j++) {
      const m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const k = a & 511;
      const h = a >>> 9;
      if (h >= accept[k]) break;
      out[j] += sc[j - offset] * ((h + 0.5) * xs[k]);
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (j < end) {
      const z = slowPath(rng, a & 511, uniform23(a >>> 9));
      if (z === z) {
        out[j] += sc[j - offset] * z;
        j++;
      }
    }
  }
}
