import type { RandomStream, Seed } from './randomStream.ts';

/**
 * xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018):
 * a 128-bit state s0..s3 of uint32 words, period 2^128 − 1, output rotl(5·s1, 7)·9 (mod 2^32).
 *
 * The state words are kept as int32 (`| 0`) so V8 holds them as small integers; the WebAssembly
 * kernels copy them into their memory around each call and back (src/wasm/arena.ts).
 *
 * Seeding: the four seed words go through a bijective 128-bit mixer (two rounds of
 * w_i ← fmix32(w_i + fmix32(w_{i−1} ⊕ k_i)), murmur3's finaliser), so nearby seeds (0, 1, 2, …)
 * give unrelated states and seed 0 is fine. The all-zero state (one seed in 2^128) is replaced.
 */
export class Xoshiro128 implements RandomStream {
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw state (no mixing), for known-answer tests. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128 {
    return new Xoshiro128(s0, s1, s2, s3);
  }

  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return r >>> 0;
  }

  /** (a >>> 5)·2^26 + (b >>> 6), divided by 2^53: a uniform multiple of 2^−53 in [0, 1). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * 1.1102230246251565e-16;
  }

  /**
   * A child stream seeded by four outputs of this one, XOR-ed with split constants before the
   * seed mixer, so the child's state is an unrelated point of the 2^128 cycle.
   */
  split(): Xoshiro128 {
    const a = this.nextUint32() ^ 0x6a09e667;
    const b = this.nextUint32() ^ 0xbb67ae85;
    const c = this.nextUint32() ^ 0x3c6ef372;
    const d = this.nextUint32() ^ 0xa54ff53a;
    return seeded(a, b, c, d);
  }
}

/** murmur3's 32-bit finaliser: a bijection of uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const MIX_KEYS = [0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced1b2a] as const;

function seeded(a: number, b: number, c: number, d: number): Xoshiro128 {
  const w = [a | 0, b | 0, c | 0, d | 0];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 4; i++) {
      w[i] = fmix32((w[i] + fmix32(w[(i + 3) & 3] ^ MIX_KEYS[i])) | 0);
    }
  }
  return new Xoshiro128(w[0], w[1], w[2], w[3]);
}

const TWO32 = 4294967296;

/**
 * A seeded xoshiro128** stream. A number seed must be a safe integer (its low and high 32 bits
 * become seed words 0 and 1); a `Seed` is four uint32 words (see `deriveSeed` in ./seeds.ts).
 */
export function createStream(seed: Seed | number): Xoshiro128 {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`seed: ${seed} is not a safe integer (allowed: integers with |seed| ≤ 2^53 − 1)`);
    }
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO32) >>> 0;
    return seeded(lo, hi, 0, 0);
  }
  if (seed.length !== 4 || !seed.every((w) => Number.isInteger(w) && w >= 0 && w < TWO32)) {
    throw new RangeError(`seed: [${seed.join(', ')}] is not four uint32 words (allowed: integers in [0, 2^32))`);
  }
  return seeded(seed[0], seed[1], seed[2], seed[3]);
}
