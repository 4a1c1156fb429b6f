import type { Seed } from './randomStream.ts';
import { fmix32 } from './xoshiro.ts';

/**
 * Seed derivation: seed = MurmurHash3_x86_128(encode(runSeed, labels), hashSeed 0), returned as
 * the hash's four 32-bit words h1..h4.
 *
 * encode is injective: the run seed as tag 0x00 + its low and high 32 bits (little-endian), then
 * per label a tag (0x01 string, 0x02 number) followed by, for a string, its UTF-8 byte length
 * (uint32 LE) and bytes, and for a number its IEEE-754 float64 bytes (LE, −0 written as 0).
 * So ('ab', 'c') ≠ ('a', 'bc') and 1 ≠ '1'. The result depends only on the inputs, never on other
 * claims or on the platform: adding a claim never changes another claim's seed.
 * DESIGN.md §4 (seeds per claim and parameter point).
 */
export function deriveSeed(runSeed: number, ...labels: (string | number)[]): Seed {
  if (!Number.isSafeInteger(runSeed)) {
    throw new RangeError(`runSeed: ${runSeed} is not a safe integer (allowed: integers with |runSeed| ≤ 2^53 − 1)`);
  }
  const parts: Uint8Array[] = [];
  const head = new DataView(new ArrayBuffer(9));
  head.setUint8(0, 0x00);
  head.setUint32(1, runSeed >>> 0, true);
  head.setUint32(5, Math.floor(runSeed / 4294967296) >>> 0, true);
  parts.push(new Uint8Array(head.buffer));
  for (const label of labels) {
    if (typeof label === 'string') {
      const bytes = utf8.encode(label);
      const tag = new DataView(new ArrayBuffer(5));
      tag.setUint8(0, 0x01);
      tag.setUint32(1, bytes.length, true);
      parts.push(new Uint8Array(tag.buffer), bytes);
    } else if (typeof label === 'number' && !Number.isNaN(label)) {
      const tag = new DataView(new ArrayBuffer(9));
      tag.setUint8(0, 0x02);
      tag.setFloat64(1, label === 0 ? 0 : label, true);
      parts.push(new Uint8Array(tag.buffer));
    } else {
      throw new TypeError(`label: ${String(label)} is not allowed (allowed: strings and non-NaN numbers)`);
    }
  }
  let total = 0;
  for (const p of parts) total += p.length;
  const data = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return murmur3x86128(data, 0);
}

const utf8 = new TextEncoder();

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function word(data: Uint8Array, i: number): number {
  return data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
}

/** MurmurHash3_x86_128 (Appleby, SMHasher) of `data`, as the uint32 words [h1, h2, h3, h4]. */
export function murmur3x86128(data: Uint8Array, seed: number): Seed {
  const n = data.length;
  const blocks = n >>> 4;
  let h1 = seed | 0;
  let h2 = seed | 0;
  let h3 = seed | 0;
  let h4 = seed | 0;
  for (let b = 0; b < blocks; b++) {
    const i = b << 4;
    let k1 = word(data, i);
    let k2 = word(data, i + 4);
    let k3 = word(data, i + 8);
    let k4 = word(data, i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  const tail = blocks << 4;
  const k = [0, 0, 0, 0];
  for (let j = n - tail - 1; j >= 0; j--) {
    k[j >>> 2] ^= data[tail + j] << ((j & 3) << 3);
  }
  if (n - tail > 12) h4 ^= Math.imul(rotl(Math.imul(k[3], C4), 18), C1);
  if (n - tail > 8) h3 ^= Math.imul(rotl(Math.imul(k[2], C3), 17), C4);
  if (n - tail > 4) h2 ^= Math.imul(rotl(Math.imul(k[1], C2), 16), C3);
  if (n - tail > 0) h1 ^= Math.imul(rotl(Math.imul(k[0], C1), 15), C2);
  h1 ^= n;
  h2 ^= n;
  h3 ^= n;
  h4 ^= n;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
