import type { RandomStream } from '../../src/random/randomStream.ts';

/**
 * Standard normal draws for the statistics tests (Box–Muller on the stream's doubles), kept local so
 * these tests do not depend on the production sampler they may be used to check.
 */
export function gaussianSample(rng: RandomStream, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng.nextDouble();
    const v = rng.nextDouble();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/** Binomial band count ∈ p·n ± k·√(n p (1 − p)). */
export function binomialBand(n: number, p: number, k: number): [number, number] {
  const sd = Math.sqrt(n * p * (1 - p));
  return [n * p - k * sd, n * p + k * sd];
}
