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

function thrownBy(details: { errorInstance?: unknown }): Error {
  const e = details.errorInstance;
  if (e instanceof Error) return e;
  return new Error(e === undefined ? 'fast-check stopped drawing points (too many rejected by the domain?)' : String(e));
}

/** The value fast-check draws for a check: a domain point and a 31-bit simulation seed. */
function cellArbitrary(claim: Claim): fc.Arbitrary<[Point, number]> {
  return fc.tuple(domainArbitrary(claim), fc.integer({ min: 0, max: 0x7fffffff }));
}

/**
 * The cell at the `k`-th point (0-based) that checkSimulation draws for this check, run on its
 * own: the same value, so the same cell, as in the sequential search. Lets a run spread a check's
 * points over workers; checkSimulation then takes them as `ran`.
 */
export function drawnCellAt(
  claim: Claim, checkIndex: number, k: number, runSeed: number, budget: Budget, alphaCell: number,
): DrawnCell {
  let calls = 0;
  let cell: DrawnCell | undefined;
  const property = fc.property(cellArbitrary(claim), ([point, simSeed]) => {
    if (calls++ === k) cell = { point, ...runCell(claim, checkIndex, point, simSeed, budget, alphaCell) };
    return true;
  });
  const details = fc.check(property, { seed: fcSeedFor(runSeed, claim.id, checkIndex), numRuns: k + 1 });
  if (details.failed) throw thrownBy(details);
  if (cell === undefined) throw new Error(`${claim.id} check ${checkIndex}: fast-check drew fewer than ${k + 1} points`);
  return cell;
}

/**
 * The property-based search over a simulation check. `replayPath` replays one cell (npx sdelens
 * replay); `ran` holds cells already run at the first points (drawnCellAt), used in place of
 * running them again: only the shrinking after a failure then simulates.
 */
export function checkSimulation(
  claim: Claim, checkIndex: number, runSeed: number, budget: Budget, alphaCell: number,
  replayPath?: string, ran: readonly DrawnCell[] = [],
): SimulationCheckResult {
  const fcSeed = fcSeedFor(runSeed, claim.id, checkIndex);
  const cells: DrawnCell[] = [];
  let firstFailure = -1;
  let calls = 0;
  let smallest: DrawnCell | undefined;
  const property = fc.property(cellArbitrary(claim), ([point, simSeed]) => {
    calls++;
    if (firstFailure >= 0 && calls - firstFailure > MAX_SHRINKS) return true;
    const reused = firstFailure < 0 && replayPath === undefined ? ran[calls - 1] : undefined;
    if (reused !== undefined && reused.simSeed !== simSeed) {
      throw new Error(`${claim.id} check ${checkIndex}: a cell run apart has seed ${reused.simSeed}, the search drew ${simSeed}`);
    }
    const cell: DrawnCell = reused ?? { point, ...runCell(claim, checkIndex, point, simSeed, budget, alphaCell) };
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
  // A property that threw (rather than found a failing cell) is an error of the check, not a verdict.
  if (details.failed && firstFailure < 0) throw thrownBy(details);
  const verdict = combineVerdicts(cells.map((c) => c.verdict));
  if (!details.failed || smallest === undefined) return { verdict, cells, fcSeed };
  return {
    verdict: 'fail',
    cells,
    fcSeed,
    counterexample: { cell: smallest, path: details.counterexamplePath ?? '', shrinks: details.numShrinks },
  };
}
