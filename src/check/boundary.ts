import { deriveSeed } from '../random/seeds.ts';
import { createStream } from '../random/xoshiro.ts';
import { samplePoint } from '../theory/domain.ts';
import type { Claim } from '../theory/claim.ts';
import type { BoundaryReport } from '../report/report.ts';
import type { Budget } from './budget.ts';
import { ClaimEvaluator } from './claimEvaluator.ts';
import { runCell } from './runCell.ts';

/** Candidate points drawn per scanned point, to choose the scan's points from. */
const CANDIDATES_PER_POINT = 64;

/**
 * Where a paper-approx claim stops holding (DESIGN §4, issue: "locate the regime boundary"):
 * `budget.boundaryPoints` points are run with the claim's first simulation check and their
 * verdicts laid out along the claim's `regime` expression (B4: θ/ρ₁ = ηθ/(1 − β₁)). The boundary
 * lies between the largest regime value below which every point passed and the smallest value at
 * which a point failed.
 *
 * The points spread over the regime's range on a log scale: from CANDIDATES_PER_POINT candidates
 * per point (drawn from the domain, seeded by run seed and claim id), the scan takes the one
 * nearest to each of the log-spaced targets between the smallest positive and the largest regime
 * value among them. Points drawn at random would cluster where the domain puts its mass (B4: θ/ρ₁
 * of order 1) and miss the small values where the approximation holds.
 */
export function locateBoundary(claim: Claim, checkIndex: number, runSeed: number, budget: Budget, alphaCell: number): BoundaryReport | undefined {
  if (claim.regime === undefined) return undefined;
  const regime = claim.regime;
  const evaluator = new ClaimEvaluator(claim);
  const candidates = Array.from({ length: CANDIDATES_PER_POINT * budget.boundaryPoints }, (_, j) => {
    const point = samplePoint(claim, createStream(deriveSeed(runSeed, claim.id, 'boundary', j)));
    return { point, regime: evaluator.scalar(regime, point) };
  });
  const points: BoundaryReport['points'] = spreadOverRegime(candidates, budget.boundaryPoints).map(({ point, regime: value }, j) => {
    const cell = runCell(claim, checkIndex, point, deriveSeed(runSeed, claim.id, 'boundary-cell', j)[0], budget, alphaCell);
    return { regime: value, verdict: cell.verdict };
  });
  points.sort((a, b) => a.regime - b.regime);
  const firstFail = points.find((p) => p.verdict === 'fail')?.regime ?? null;
  const passesBelow = points.filter((p) => p.verdict === 'pass' && (firstFail === null || p.regime < firstFail));
  return {
    regime,
    lastPass: passesBelow.length > 0 ? passesBelow[passesBelow.length - 1].regime : null,
    firstFail,
    points,
  };
}

/**
 * `count` distinct candidates nearest (in log regime) to targets log-spaced from the smallest
 * positive to the largest regime value, in draw order. Candidates with regime ≤ 0 are taken only
 * when the positive ones run out; non-finite regime values never.
 */
export function spreadOverRegime<T extends { regime: number }>(candidates: readonly T[], count: number): T[] {
  const usable = candidates.filter((c) => Number.isFinite(c.regime));
  const positive = usable.filter((c) => c.regime > 0).map((c) => c.regime);
  if (positive.length === 0 || count < 1) return usable.slice(0, count);
  const lo = Math.log(Math.min(...positive));
  const hi = Math.log(Math.max(...positive));
  const logOf = (c: T): number => (c.regime > 0 ? Math.log(c.regime) : -Infinity);
  const chosen = new Set<number>();
  for (let t = 0; t < count && chosen.size < usable.length; t++) {
    const target = count === 1 ? hi : lo + ((hi - lo) * t) / (count - 1);
    let best = -1;
    for (let i = 0; i < usable.length; i++) {
      if (chosen.has(i)) continue;
      if (best < 0 || Math.abs(logOf(usable[i]) - target) < Math.abs(logOf(usable[best]) - target)) best = i;
    }
    chosen.add(best);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => usable[i]);
}
