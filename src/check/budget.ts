/**
 * How much work a run may spend. `quick` checks every claim in minutes (CI); `full` draws more
 * parameter points and more paths (tighter CIs, more mutants killed). Paths scale the Monte Carlo
 * standard error as 1/√paths; rounds are the sequential-sampling looks (runCell.ts sizes each
 * next look from the CI width) tried before a cell is declared inconclusive.
 */
export interface Budget {
  name: BudgetName;
  /** Parameter points drawn per simulation check. */
  simulationPoints: number;
  /** Random points per symbolic check (numeric confirmation). */
  symbolicPoints: number;
  /** Base number of Monte Carlo paths; estimators scale it by their own cost factor. */
  paths: number;
  /** Sequential-sampling looks (the first included); each further look multiplies paths by 4. */
  rounds: number;
  /** Largest CI half-width, relative to the expected value, at which a verdict may be given. */
  precisionRel: number;
  /** Path-coordinate-steps one look of an expensive cell (weak order) may simulate at the base paths. */
  workPerCell: number;
  /**
   * Path-coordinate-steps all looks of one cell may simulate together: a further look is shrunk to
   * fit what is left, or skipped (the cell stays inconclusive and reports the samples it needs).
   * The first look always runs. Bounds the run time of cells whose CI asks for far more samples.
   * full: 3e9 since the WebAssembly kernels (was 1.5e9, at which five cells of the seed-1 full run
   * stopped 1.1–1.3× short of the samples they needed).
   */
  maxCellWork: number;
  /** Points scanned to locate where a paper-approx claim stops holding. */
  boundaryPoints: number;
}

export type BudgetName = 'quick' | 'full';

export const BUDGETS: Record<BudgetName, Budget> = {
  quick: { name: 'quick', simulationPoints: 1, symbolicPoints: 50, paths: 4000, rounds: 2, precisionRel: 0.1, workPerCell: 3e7, maxCellWork: 1e9, boundaryPoints: 4 },
  full: { name: 'full', simulationPoints: 4, symbolicPoints: 200, paths: 32000, rounds: 3, precisionRel: 0.025, workPerCell: 3e8, maxCellWork: 3e9, boundaryPoints: 12 },
};

export function budgetByName(name: string): Budget {
  if (name === 'quick' || name === 'full') return BUDGETS[name];
  throw new RangeError(`--budget: expected quick or full, got '${name}'`);
}
