import type { RandomStream } from './randomStream.ts';
import { Xoshiro128 } from './xoshiro.ts';
import { ACCEPT23, XS23, slowPath, uniform23 } from './ziggurat.ts';

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
 * those of `length` successive `normal(rng)` calls; for a xoshiro stream the generator state lives
 * in locals during the inner loop (xoshiro128** stepped inline, see ./xoshiro.ts), which runs
 * without calls or allocation until a draw needs the slow path (~1% of draws).
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
      out[j] = (h + 0.5) * xs[k];
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (j < end) {
      const z = slowPath(rng, a & 511, uniform23(a >>> 9));
      if (z === z) out[j++] = z;
    }
  }
}
