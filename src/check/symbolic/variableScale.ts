/**
 * The natural size of a variable for step sizes of finite differences and limit sequences:
 * the largest |bound| of its domain entry (uniform, logUniform, int, oneOf, value), else 1.
 */
import type { Claim } from '../../theory/claim.ts';

export function variableScale(claim: Claim, variable: string): number {
  const entry = claim.domain[variable];
  if (entry === undefined) return 1;
  const candidates = [
    ...(entry.uniform ?? []),
    ...(entry.logUniform ?? []),
    ...(entry.int ?? []),
    ...(entry.oneOf ?? []),
    ...(entry.value === undefined ? [] : [entry.value]),
  ].filter(Number.isFinite).map(Math.abs);
  const scale = candidates.length === 0 ? 1 : Math.max(...candidates);
  return scale > 0 ? scale : 1;
}

/** The domain range [lo, hi] of a variable (±Infinity when unbounded or undeclared). */
export function variableRange(claim: Claim, variable: string): [number, number] {
  const entry = claim.domain[variable];
  const bounds = entry?.uniform ?? entry?.logUniform ?? entry?.int;
  if (bounds !== undefined) return [bounds[0], bounds[1]];
  if (entry?.oneOf !== undefined) return [Math.min(...entry.oneOf), Math.max(...entry.oneOf)];
  if (entry?.value !== undefined) return [entry.value, entry.value];
  return [-Infinity, Infinity];
}
