import fc from 'fast-check';
import type { Claim, DomainEntry } from './claim.ts';
import type { RandomStream } from '../random/randomStream.ts';
import { createStream } from '../random/xoshiro.ts';
import { DefinitionError, DefinitionErrors } from './errors.ts';
import { prepareDomain } from './preparedDomain.ts';
import type { Point } from './preparedDomain.ts';

export type { Point } from './preparedDomain.ts';

/**
 * Parameter points of a claim's domain (CLAIMS conventions; DomainEntry in claim.ts):
 *   value v → v;  uniform [lo, hi] → lo + (hi − lo)u;  logUniform [lo, hi] → lo·(hi/lo)^u;
 *   int [lo, hi] → lo + ⌊(hi − lo + 1)u⌋;  oneOf xs → xs[⌊n u⌋];
 * with `vector: n` a Float64Array of n independent draws (n a number or a drawn int symbol).
 * A point is kept only if every `assume` holds (lets that use only the domain are evaluated first).
 */

/** Below this fraction of accepted draws the domain counts as (almost) empty: a definition error. */
export const MIN_ACCEPTANCE = 0.01;
/** Draws made to measure the acceptance rate, from a fixed seed. */
export const ACCEPTANCE_SAMPLES = 1000;
const ACCEPTANCE_SEED = 0x5eed_d0a1;
const MAX_TRIES = 100_000;
/** Resolution of fast-check's draws of a continuous parameter: u = n / 2^30. */
const GRID = 2 ** 30;

/** A point drawn with `rng`, redrawn until the assumptions hold (a definition error if they never do). */
export function samplePoint(claim: Claim, rng: RandomStream): Point {
  const d = prepareDomain(claim);
  for (let i = 0; i < MAX_TRIES; i++) {
    const p = d.draw((entry) => drawScalar(entry, rng.nextDouble()));
    if (d.accepts(p)) return p;
  }
  throw emptyDomain(claim, `no point satisfied the assumptions in ${MAX_TRIES} draws`);
}

/** The point with the values of the `let` definitions added (those that use only domain symbols and earlier such lets). */
export function evaluateLets(claim: Claim, point: Point): Point {
  return prepareDomain(claim).withLets(point);
}

/** Whether `point` satisfies every `assume` of the claim. */
export function satisfiesAssumptions(claim: Claim, point: Point): boolean {
  return prepareDomain(claim).accepts(point);
}

/** How many of `samples` plain draws (fixed seed) satisfy the assumptions. */
export function acceptanceRate(claim: Claim, samples = ACCEPTANCE_SAMPLES): { accepted: number; samples: number; rate: number } {
  const d = prepareDomain(claim);
  const rng = createStream(ACCEPTANCE_SEED);
  let accepted = 0;
  for (let i = 0; i < samples; i++) if (d.accepts(d.draw((entry) => drawScalar(entry, rng.nextDouble())))) accepted++;
  return { accepted, samples, rate: accepted / samples };
}

/** The "empty domain" definition error when fewer than MIN_ACCEPTANCE of the draws satisfy `assume`, else undefined. */
export function checkNonEmptyDomain(claim: Claim): DefinitionError | undefined {
  if (claim.assume.length === 0) return undefined;
  const { accepted, samples, rate } = acceptanceRate(claim);
  if (rate >= MIN_ACCEPTANCE) return undefined;
  return emptyDomain(claim, `empty domain: the assumptions accept ${accepted} of ${samples} points drawn from the domain ` +
    `(${(100 * rate).toFixed(1)}%, need ≥ ${100 * MIN_ACCEPTANCE}%); widen the domain or relax assume`).errors[0];
}

/**
 * A fast-check Arbitrary over the claim's points: continuous parameters on a 2^30-point grid of
 * their distribution (shrinking towards lo), ints and oneOf as such, vectors sized by the drawn
 * int, filtered by `assume`. Throws the empty-domain DefinitionErrors if the assumptions reject
 * (almost) every draw.
 */
export function domainArbitrary(claim: Claim): fc.Arbitrary<Point> {
  const empty = checkNonEmptyDomain(claim);
  if (empty !== undefined) throw new DefinitionErrors([empty]);
  const d = prepareDomain(claim);
  const scalars: Record<string, fc.Arbitrary<number>> = {};
  for (const [name, entry] of d.scalars) scalars[name] = scalarArbitrary(entry);
  const base = fc.record(scalars);
  const full = d.vectors.length === 0
    ? base
    : base.chain((s) => {
      const vectors: Record<string, fc.Arbitrary<Float64Array>> = {};
      for (const [name, entry] of d.vectors) {
        const n = d.length(entry, s);
        vectors[name] = fc.array(scalarArbitrary(entry), { minLength: n, maxLength: n }).map((xs) => Float64Array.from(xs));
      }
      return fc.record(vectors).map((v) => ({ ...s, ...v }) as Point);
    });
  return (full as fc.Arbitrary<Point>).filter((p) => d.accepts(p));
}

/** One draw of a scalar distribution from a uniform u ∈ [0, 1]. */
export function drawScalar(entry: DomainEntry, u: number): number {
  if (entry.value !== undefined) return entry.value;
  if (entry.uniform !== undefined) return Math.min(entry.uniform[1], entry.uniform[0] + (entry.uniform[1] - entry.uniform[0]) * u);
  if (entry.logUniform !== undefined) {
    const [lo, hi] = entry.logUniform;
    return Math.min(hi, lo * Math.exp(u * Math.log(hi / lo)));
  }
  if (entry.int !== undefined) return Math.min(entry.int[1], entry.int[0] + Math.floor(u * (entry.int[1] - entry.int[0] + 1)));
  const xs = entry.oneOf!;
  return xs[Math.min(xs.length - 1, Math.floor(u * xs.length))];
}

function scalarArbitrary(entry: DomainEntry): fc.Arbitrary<number> {
  if (entry.value !== undefined) return fc.constant(entry.value);
  if (entry.int !== undefined) return fc.integer({ min: entry.int[0], max: entry.int[1] });
  if (entry.oneOf !== undefined) return fc.constantFrom(...entry.oneOf);
  return fc.integer({ min: 0, max: GRID }).map((n) => drawScalar(entry, n / GRID));
}

function emptyDomain(claim: Claim, message: string): DefinitionErrors {
  const line = claim.origin.lines.assume ?? claim.origin.lines.domain;
  return new DefinitionErrors([new DefinitionError(claim.origin.file, line, 'assume', message)]);
}
