/**
 * Random points of a claim's domain for the numeric side of the symbolic checks.
 *
 * Each domain entry is drawn in declaration order: value (fixed), uniform [lo, hi],
 * logUniform [lo, hi] (log-uniform, 0 < lo), int [lo, hi] (inclusive), oneOf (a uniform choice);
 * with `vector: n` (a number or an int symbol drawn earlier) the entry is a vector of n independent
 * draws. A point must satisfy every `assume` (evaluated with the lets inlined); a draw that fails
 * is redrawn, up to MAX_TRIES per point.
 *
 * Stand-in for `samplePoint` of src/theory/domain.ts (not yet in the tree when this was written):
 * the draw rules are those of src/theory/claim.ts.
 */
import type { Claim, DomainEntry } from '../../theory/claim.ts';
import type { RandomStream } from '../../random/randomStream.ts';
import { SymbolicDefinitionError } from './symbolicResult.ts';

export type PointValue = number | number[];
export type Point = Record<string, PointValue>;

const MAX_TRIES = 2000;

function drawScalar(name: string, entry: DomainEntry, rng: RandomStream): number {
  if (entry.value !== undefined) return entry.value;
  if (entry.uniform !== undefined) {
    const [lo, hi] = entry.uniform;
    return lo + (hi - lo) * rng.nextDouble();
  }
  if (entry.logUniform !== undefined) {
    const [lo, hi] = entry.logUniform;
    if (!(lo > 0 && hi >= lo)) throw new SymbolicDefinitionError(`domain.${name}.logUniform = [${lo}, ${hi}], allowed: 0 < lo ≤ hi`);
    return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.nextDouble());
  }
  if (entry.int !== undefined) {
    const [lo, hi] = entry.int;
    return lo + Math.min(hi - lo, Math.floor((hi - lo + 1) * rng.nextDouble()));
  }
  if (entry.oneOf !== undefined && entry.oneOf.length > 0) {
    return entry.oneOf[Math.min(entry.oneOf.length - 1, Math.floor(entry.oneOf.length * rng.nextDouble()))];
  }
  throw new SymbolicDefinitionError(`domain.${name} has no distribution (value, uniform, logUniform, int or oneOf)`);
}

function vectorLength(name: string, entry: DomainEntry, point: Point): number | null {
  if (entry.vector === undefined) return null;
  const n = typeof entry.vector === 'number' ? entry.vector : point[entry.vector];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new SymbolicDefinitionError(`domain.${name}.vector = ${String(entry.vector)}: must be a positive integer or an int symbol declared before it`);
  }
  return n;
}

/** One unconstrained draw of every domain entry. */
export function drawDomain(claim: Claim, rng: RandomStream): Point {
  const point: Point = {};
  for (const [name, entry] of Object.entries(claim.domain)) {
    const n = vectorLength(name, entry, point);
    point[name] = n === null ? drawScalar(name, entry, rng) : Array.from({ length: n }, () => drawScalar(name, entry, rng));
  }
  return point;
}

/** `count` points satisfying `accept` (the claim's assume); throws when the assumptions reject every draw. */
export function samplePoints(claim: Claim, rng: RandomStream, count: number, accept: (p: Point) => boolean): Point[] {
  const points: Point[] = [];
  for (let k = 0; k < count; k++) {
    let tries = 0;
    for (;;) {
      const p = drawDomain(claim, rng);
      if (accept(p)) {
        points.push(p);
        break;
      }
      if (++tries >= MAX_TRIES) {
        throw new SymbolicDefinitionError(`${claim.id}: the assumptions rejected ${MAX_TRIES} draws in a row (assume: ${claim.assume.join('; ')})`);
      }
    }
  }
  return points;
}
