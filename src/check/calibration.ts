import type { Claim } from '../theory/claim.ts';
import type { Budget } from './budget.ts';
import { runClaims } from './runClaims.ts';
import { claimCalibrations } from './calibrationRecord.ts';
import type { ClaimCalibration } from './calibrationRecord.ts';

/**
 * Calibration (DESIGN §4): true claims are checked under many run seeds; every failure of a true
 * claim is a false alarm. The decision rule promises P(any false failure in one run) ≤ α, so over
 * S runs the expected number of failing runs is ≤ S·α. paper-approx claims are left out: they are
 * expected to fail outside their regime.
 */
export interface CalibrationResult {
  seeds: number[];
  /** How many true claims ran under every seed. */
  trueClaims: number;
  alpha: number;
  /** Per seed: the ids of true claims that failed, and of those left inconclusive (not false alarms, but no verdict either). */
  failures: { seed: number; failed: string[]; inconclusive: number; inconclusiveIds: string[] }[];
  failingRuns: number;
  /** Fraction of runs with at least one false failure; its promise is ≤ α. */
  falseFailureRate: number;
  /** Per true claim (calibrationRecord.ts): its fingerprint, false failures and inconclusive runs. Reports cite these. */
  claims: Record<string, ClaimCalibration>;
}

export function trueClaims(claims: Claim[]): Claim[] {
  return claims.filter((c) => c.source.provenance !== 'paper-approx');
}

export async function calibrate(
  claims: Claim[], seeds: number[], budget: Budget, alpha: number, workers: number,
  onSeed?: (seed: number, failed: string[]) => void,
): Promise<CalibrationResult> {
  const selected = trueClaims(claims);
  const failures: CalibrationResult['failures'] = [];
  for (const seed of seeds) {
    const run = await runClaims(selected, { runSeed: seed, budget, alpha, mutants: false, workers, replayArgs: '' });
    const failed = run.claims.filter((c) => c.verdict === 'fail').map((c) => c.id);
    const inconclusiveIds = run.claims.filter((c) => c.verdict === 'inconclusive').map((c) => c.id);
    failures.push({ seed, failed, inconclusive: inconclusiveIds.length, inconclusiveIds });
    onSeed?.(seed, failed);
  }
  const failingRuns = failures.filter((f) => f.failed.length > 0).length;
  return {
    seeds, trueClaims: selected.length, alpha, failures, failingRuns, falseFailureRate: failingRuns / seeds.length,
    claims: claimCalibrations(selected, failures),
  };
}
