/**
 * A seeded stream of uniform random bits. Every random draw in sdelens comes from one of these;
 * `Math.random` is never used.
 *
 * Implementations: `createStream` in ./xoshiro.ts (xoshiro128**, Blackman & Vigna 2018).
 */
export interface RandomStream {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** An independent stream split off this one (for handing to a sub-task). */
  split(): RandomStream;
}

/**
 * A seed as 128 bits (four uint32 words). Derived seeds come from `deriveSeed(runSeed, ...labels)`
 * in ./seeds.ts so that a (run seed, claim id, point index) triple always maps to the same stream.
 */
export type Seed = readonly [number, number, number, number];
