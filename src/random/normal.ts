import type { RandomStream } from './randomStream.ts';
import { Xoshiro128 } from './xoshiro.ts';
import { RATIO, RATIO21, XS, slowPath } from './ziggurat.ts';

export { ZIGGURAT_R } from './ziggurat.ts';

/**
 * One standard normal N(0, 1) draw by the 256-layer ziggurat of ./ziggurat.ts (two 32-bit
 * outputs per candidate: 8 layer bits, 1 sign bit, 53 bits of uniform).
 */
export function normal(rng: RandomStream): number {
  for (;;) {
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    const k = a & 511;
    const u = (a >>> 11) * 4.76837158203125e-7 + b * 1.1102230246251565e-16;
    if (u < RATIO[k]) return u * XS[k];
    const z = slowPath(rng, k, u);
    if (z === z) return z;
  }
}

/**
 * Writes `length` independent N(0, 1) draws into out[offset .. offset + length). The values are
 * those of `length` successive `normal(rng)` calls; for a xoshiro stream the generator state lives
 * in locals during the inner loop, which runs without calls or allocation until a draw needs the
 * slow path (~1% of draws).
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
  const ratio21 = RATIO21;
  const xs = XS;
  let j = offset;
  while (j < end) {
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    let a = 0;
    let b = 0;
    for (; j < end; j++) {
      let m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      b = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const k = a & 511;
      const hi = a >>> 11;
      if (hi >= ratio21[k]) break;
      out[j] = (hi * 4.76837158203125e-7 + (b >>> 0) * 1.1102230246251565e-16) * xs[k];
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (j < end) {
      const z = slowPath(rng, a & 511, (a >>> 11) * 4.76837158203125e-7 + (b >>> 0) * 1.1102230246251565e-16);
      if (z === z) out[j++] = z;
    }
  }
}

