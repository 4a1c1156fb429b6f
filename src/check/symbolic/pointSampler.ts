/**
 * Random points of a claim's domain for the numeric side of the symbolic checks: `count` draws of
 * `samplePoint` (src/theory/domain.ts: the domain's distributions, redrawn until every `assume`
 * holds) from one seeded stream.
 */
import type { Claim } from '../../theory/claim.ts';
import type { RandomStream } from '../../random/randomStream.ts';
import { samplePoint } from '../../theory/domain.ts';

export type PointValue = number | Float64Array;
export type Point = Record<string, PointValue>;

export function samplePoints(claim: Claim, rng: RandomStream, count: number): Point[] {
  return Array.from({ length: count }, () => samplePoint(claim, rng));
}
