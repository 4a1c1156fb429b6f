import type { Claim } from '../theory/claim.ts';
import type { ClaimReport } from '../report/report.ts';
import type { Budget } from './budget.ts';
import { cellCount, checkClaim } from './checkClaim.ts';
import type { ClaimRunOptions } from './checkClaim.ts';
import { runInWorkers } from './workerPool.ts';

export interface RunOptions {
  runSeed: number;
  budget: Budget;
  /** The run's false-alarm budget, split over every simulation cell (Bonferroni). */
  alpha: number;
  mutants: boolean;
  workers: number;
  /** CLI arguments that reproduce the run's setting (the cell count is appended). */
  replayArgs: string;
  onProgress?: (done: number, total: number, claim: ClaimReport) => void;
  onStart?: (claim: Claim) => void;
}

export interface RunResult {
  claims: ClaimReport[];
  cells: number;
  alphaPerCell: number;
}

/**
 * Checks every claim. α is split equally over the run's simulation cells, α_cell = α/m
 * (m = Σ claims × simulation checks × points), so the chance that any true claim fails anywhere in
 * the run is ≤ α. Claims go to worker threads; each claim's randomness derives from (seed, claim
 * id, check, point) only, so the report does not depend on the worker count or the order.
 */
export async function runClaims(claims: Claim[], options: RunOptions): Promise<RunResult> {
  const cells = claims.reduce((n, c) => n + cellCount(c, options.budget), 0);
  const alphaPerCell = options.alpha / Math.max(1, cells);
  const claimOptions: ClaimRunOptions = {
    runSeed: options.runSeed, budget: options.budget, alphaCell: alphaPerCell, mutants: options.mutants,
    replayArgs: `${options.replayArgs} --cells ${cells}`,
  };
  let done = 0;
  const onResult = (index: number, report: ClaimReport): void => {
    done++;
    options.onProgress?.(done, claims.length, report);
  };
  const reports = options.workers <= 1
    ? claims.map((claim, index) => {
      options.onStart?.(claim);
      const r = checkClaim(claim, claimOptions);
      onResult(index, r);
      return r;
    })
    : await runInWorkers(claims, claimOptions, options.workers, onResult, options.onStart);
  return { claims: reports, cells, alphaPerCell };
}
