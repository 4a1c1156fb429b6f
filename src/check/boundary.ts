import { deriveSeed } from '../random/seeds.ts';
import { createStream } from '../random/xoshiro.ts';
import { samplePoint } from '../theory/domain.ts';
import type { Claim } from '../theory/claim.ts';
import type { BoundaryReport } from '../report/report.ts';
import type { Budget } from './budget.ts';
import { ClaimEvaluator } from './claimEvaluator.ts';
import { runCell } from './runCell.ts';

/**
 * Where a paper-approx claim stops holding (DESIGN §4, issue: "locate the regime boundary"):
 * `budget.boundaryPoints` points are drawn from the claim's domain (seeded by run seed and claim
 * id), the claim's first simulation check is run at each, and the verdicts are laid out along the
 * claim's `regime` expression (B4: θ/ρ₁ = ηθ/(1 − β₁)). The boundary lies between the largest
 * regime value below which every point passed and the smallest value at which a point failed.
 */
export function locateBoundary(claim: Claim, checkIndex: number, runSeed: number, budget: Budget, alphaCell: number): BoundaryReport | undefined {
  if (claim.regime === undefined) return undefined;
  const evaluator = new ClaimEvaluator(claim);
  const points: BoundaryReport['points'] = [];
  for (let j = 0; j < budget.boundaryPoints; j++) {
    const seed = deriveSeed(runSeed, claim.id, 'boundary', j);
    const point = samplePoint(claim, createStream(seed));
    const cell = runCell(claim, checkIndex, point, seed[0], budget, alphaCell);
    points.push({ regime: evaluator.scalar(claim.regime, point), verdict: cell.verdict });
  }
  points.sort((a, b) => a.regime - b.regime);
  const firstFail = points.find((p) => p.verdict === 'fail')?.regime ?? null;
  const passesBelow = points.filter((p) => p.verdict === 'pass' && (firstFail === null || p.regime < firstFail));
  return {
    regime: claim.regime,
    lastPass: passesBelow.length > 0 ? passesBelow[passesBelow.length - 1].regime : null,
    firstFail,
    points,
  };
}
