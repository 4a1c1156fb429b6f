import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS } from '../../src/check/budget.ts';
import type { Budget } from '../../src/check/budget.ts';
import { checkClaim, claimTasks, finishClaim, runTask } from '../../src/check/checkClaim.ts';
import { checkSimulation, drawnCellAt } from '../../src/check/checkSimulation.ts';
import type { SimulationCheckResult } from '../../src/check/checkSimulation.ts';
import type { Claim } from '../../src/theory/claim.ts';
import { loadTheorems } from '../../src/theory/loader.ts';

/**
 * A run splits a claim into tasks (a symbolic check, or one drawn point of a simulation check)
 * that workers run in any order; the claim's report must be the one the sequential search gives,
 * including the shrinking of a failing check. Deterministic (fixed seeds): no false-alarm rate.
 */
const { claims } = loadTheorems(new URL('../fixtures/quality/', import.meta.url).pathname);
const THREE_POINTS: Budget = { ...BUDGETS.quick, simulationPoints: 3 };
const ALPHA_CELL = 1e-4;
const RUN_SEED = 7;

function oneStep(drift: string): Claim {
  const c = structuredClone(claims.find((k) => k.id === 'quality.sgd.one-step')!);
  c.expressions = { ...c.expressions, drift };
  return c;
}

/** What a report shows of a search: verdicts, seeds, estimates and the counterexample. */
function shown(r: SimulationCheckResult): unknown {
  return {
    verdict: r.verdict,
    cells: r.cells.map((c) => [c.simSeed, c.verdict, c.paths, c.judgement.observations.map((o) => o.estimate)]),
    counterexample: r.counterexample && [r.counterexample.cell.simSeed, r.counterexample.path, r.counterexample.shrinks],
  };
}

describe('claim tasks', () => {
  for (const [name, drift] of [['a true claim', '-g'], ['a wrong claim (drift ×1.3)', '-1.3*g']] as const) {
    it(`cells run apart and handed to the search give the sequential search's result: ${name}`, () => {
      const claim = oneStep(drift);
      const sequential = checkSimulation(claim, 0, RUN_SEED, THREE_POINTS, ALPHA_CELL);
      const ran = [0, 1, 2].map((k) => drawnCellAt(claim, 0, k, RUN_SEED, THREE_POINTS, ALPHA_CELL));
      const reused = checkSimulation(claim, 0, RUN_SEED, THREE_POINTS, ALPHA_CELL, undefined, ran);
      assert.deepEqual(shown(reused), shown(sequential));
      assert.equal(sequential.verdict, drift === '-g' ? 'pass' : 'fail');
    });
  }

  it('assembles the same report from tasks run in any order', () => {
    const claim = oneStep('-1.3*g');
    const options = { runSeed: RUN_SEED, budget: THREE_POINTS, alphaCell: ALPHA_CELL, mutants: true, replayArgs: '' };
    const results = claimTasks(claim, THREE_POINTS).map((task) => runTask(claim, task, options)).reverse();
    assert.equal(results.length, 3);
    assert.deepEqual(finishClaim(claim, results, options), checkClaim(claim, options));
  });

  it('refuses a cell that is not the one the search draws', () => {
    const claim = oneStep('-g');
    const cell = drawnCellAt(claim, 0, 1, RUN_SEED, THREE_POINTS, ALPHA_CELL);
    assert.throws(() => checkSimulation(claim, 0, RUN_SEED, THREE_POINTS, ALPHA_CELL, undefined, [cell]), /a cell run apart has seed/);
  });
});
