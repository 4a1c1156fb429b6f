import fc from 'fast-check';
import { deriveSeed } from '../random/seeds.ts';
import { domainArbitrary } from '../theory/domain.ts';
import type { Point } from '../theory/domain.ts';
import type { Claim } from '../theory/claim.ts';
import type { Budget } from './budget.ts';
import { combineVerdicts } from './decision.ts';
import type { Verdict } from './decision.ts';
import { runCell } from './runCell.ts';
import type { CellResult } from './runCell.ts';

/**
 * Property-based search over a simulation check (DESIGN §4): fast-check draws (point, simSeed)
 * from the claim's domain (with `assume`) and a 31-bit seed; the property holds unless the cell
 * fails. On a failure fast-check shrinks towards a smaller counterexample; shrinking is capped at
 * `maxShrinks` re-runs by declaring later candidates passing, so the result stays deterministic.
 * Because the simulation seed is part of the drawn value, (fcSeed, path) replays a cell exactly.
 */
export interface DrawnCell extends CellResult {
  point: Point;
}

export interface SimulationCheckResult {
  verdict: Verdict;
  cells: DrawnCell[];
  fcSeed: number;
  counterexample?: { cell: DrawnCell; path: string; shrinks: number };
}

export const MAX_SHRINKS = 8;

export function fcSeedFor(runSeed: number, claimId: string, checkIndex: number): number {
  return deriveSeed(runSeed, claimId, 'fast-check', checkIndex)[0] | 0;
}

export function checkSimulation(
  claim: Claim, checkIndex: number, runSeed: number, budget: Budget, alphaCell: number,
  replayPath?: string,
): SimulationCheckResult {
  const fcSeed = fcSeedFor(runSeed, claim.id, checkIndex);
  const cells: DrawnCell[] = [];
  let firstFailure = -1;
  let calls = 0;
  let smallest: DrawnCell | undefined;
  const arbitrary = fc.tuple(domainArbitrary(claim), fc.integer({ min: 0, max: 0x7fffffff }));
  const property = fc.property(arbitrary, ([point, simSeed]) => {
    calls++;
    if (firstFailure >= 0 && calls - firstFailure > MAX_SHRINKS) return true;
    const cell: DrawnCell = { point, ...runCell(claim, checkIndex, point, simSeed, budget, alphaCell) };
    if (firstFailure < 0) cells.push(cell);
    if (cell.verdict !== 'fail') return true;
    if (firstFailure < 0) firstFailure = calls;
    smallest = cell;
    return false;
  });
  const details = fc.check(property, {
    seed: fcSeed,
    numRuns: replayPath === undefined ? budget.simulationPoints : 1,
    ...(replayPath !== undefined ? { path: replayPath, endOnFailure: true } : {}),
  });
  const verdict = combineVerdicts(cells.map((c) => c.verdict));
  if (!details.failed || smallest === undefined) return { verdict, cells, fcSeed };
  return {
    verdict: 'fail',
    cells,
    fcSeed,
    counterexample: { cell: smallest, path: details.counterexamplePath ?? '', shrinks: details.numShrinks },
  };
}
