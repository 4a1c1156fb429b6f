import { normalQuantileUpper } from '../stats/normalQuantile.ts';

/**
 * The decision rule of DESIGN.md §4. Three numbers do three jobs and are never folded together:
 *   tolerance  — modelling slack around the claimed value (O(η) bias, burn-in): the band;
 *   CI         — sampling noise: estimate ± z·SE with z = Φ⁻¹(1 − α_cell/2);
 *   precision  — the widest CI half-width at which a verdict may be given.
 *
 *   equal: band = [expected − tol, expected + tol]
 *   le:    band = (−∞, expected + tol]      (an upper bound: estimate ≤ expected)
 *   ge:    band = [expected − tol, ∞)
 *   fail          when CI ∩ band = ∅;
 *   outside (a claim that the quantity differs from `expected` by more than tol: a control):
 *                 fail when CI ⊂ band, pass when CI ∩ band = ∅, inconclusive otherwise (with the
 *                 samples at which the CI would clear the band, when the estimate lies outside it);
 *   inconclusive  when the CI half-width exceeds the precision (samples needed ≈ n·(hw/precision)²);
 *   pass          otherwise.
 * Under a true claim a fail needs the estimate to leave its own CI, so P(false fail) ≤ α_cell.
 */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'error';
export type Relation = 'equal' | 'le' | 'ge' | 'outside';

export interface Comparison {
  estimate: number;
  standardError: number;
  expected: number;
  /** Absolute half-width of the modelling band, ≥ 0. */
  tolerance: number;
  /** Largest CI half-width that allows a verdict (absolute). */
  precision: number;
  /** Two-sided false-alarm rate of this one comparison. */
  alpha: number;
  relation: Relation;
  /** Samples behind the estimate (for the samples-needed hint). */
  samples: number;
}

export interface Decision {
  verdict: Exclude<Verdict, 'error'>;
  ci: [number, number];
  band: [number, number];
  /** When inconclusive: the sample count at which the CI would meet the precision. */
  samplesNeeded?: number;
}

export function criticalValue(alpha: number): number {
  return normalQuantileUpper(alpha / 2);
}

export function decide(c: Comparison): Decision {
  const halfWidth = criticalValue(c.alpha) * c.standardError;
  const ci: [number, number] = [c.estimate - halfWidth, c.estimate + halfWidth];
  const band: [number, number] = [
    c.relation === 'le' ? -Infinity : c.expected - c.tolerance,
    c.relation === 'ge' ? Infinity : c.expected + c.tolerance,
  ];
  if (!(Number.isFinite(c.estimate) && Number.isFinite(halfWidth))) {
    return { verdict: 'inconclusive', ci, band };
  }
  const disjoint = ci[1] < band[0] || ci[0] > band[1];
  if (c.relation === 'outside') {
    if (disjoint) return { verdict: 'pass', ci, band };
    if (ci[0] >= band[0] && ci[1] <= band[1]) return { verdict: 'fail', ci, band };
    // With the estimate outside the band, a CI narrower than its distance to the band would clear it.
    const clearance = Math.max(band[0] - c.estimate, c.estimate - band[1]);
    if (clearance <= 0) return { verdict: 'inconclusive', ci, band };
    const ratio = halfWidth / clearance;
    return { verdict: 'inconclusive', ci, band, samplesNeeded: Math.ceil(c.samples * ratio * ratio) };
  }
  if (disjoint) return { verdict: 'fail', ci, band };
  if (halfWidth > c.precision) {
    const ratio = halfWidth / c.precision;
    return { verdict: 'inconclusive', ci, band, samplesNeeded: Math.ceil(c.samples * ratio * ratio) };
  }
  return { verdict: 'pass', ci, band };
}

/** A claim's verdict from its cells': any error → error, else any fail → fail, else any inconclusive → inconclusive. */
export function combineVerdicts(verdicts: Iterable<Verdict>): Verdict {
  let seen: Verdict = 'pass';
  const rank: Record<Verdict, number> = { pass: 0, inconclusive: 1, fail: 2, error: 3 };
  for (const v of verdicts) if (rank[v] > rank[seen]) seen = v;
  return seen;
}
