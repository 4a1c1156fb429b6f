import type { Claim, SymbolicCheck } from '../theory/claim.ts';
import { SYMBOLIC_KINDS } from '../theory/claim.ts';
import type { Budget } from './budget.ts';
import { ClaimEvaluator } from './claimEvaluator.ts';
import type { DrawnCell } from './checkSimulation.ts';
import { expressionsUsedBy } from './dependencies.ts';
import { judge } from './judge.ts';
import { mutants } from './mutants.ts';
import { cellAlpha } from './runCell.ts';
import { SYMBOLIC_CHECKS } from './symbolic/registry.ts';

/**
 * The checker's own power (DESIGN §1.6): each expression of a claim is mutated (constants ×1.1 and
 * ×0.9, a factor dropped, a square root removed, an exponent changed) and every check that reads
 * it is run again on the mutant — simulation checks re-judge the cells already simulated (the
 * estimates do not depend on the claimed formula), symbolic checks re-run numerically.
 *   killed      some check fails on the mutant;
 *   equivalent  the mutant equals the original at random points (no check can tell them apart);
 *   weakening   an upper (lower) bound made larger (smaller) everywhere it was checked: still true;
 *   survived    none of the above: the check is too weak to see this error, and the report says
 *               by how much the mutant moved the claimed values relative to the CI + tolerance;
 *   error       a check could not run on the mutant (reported, not counted).
 * power = killed / (killed + survived).
 */
export type MutantStatus = 'killed' | 'survived' | 'equivalent' | 'weakening' | 'untested' | 'error';

export interface MutantResult {
  expression: string;
  id: string;
  description: string;
  expr: string;
  status: MutantStatus;
  /** Which check killed it, or why it survived. */
  detail: string;
}

export interface PowerReport {
  killed: number;
  survived: number;
  power: number | null;
  mutants: MutantResult[];
}

export interface CheckOutcome {
  index: number;
  cells?: DrawnCell[];
}

export function mutationPower(claim: Claim, outcomes: CheckOutcome[], runSeed: number, budget: Budget, alphaCell: number): PowerReport {
  const results: MutantResult[] = [];
  for (const [name, text] of Object.entries(claim.expressions)) {
    const readers = claim.checks.map((check, index) => ({ check, index })).filter(({ check }) => expressionsUsedBy(claim, check).has(name));
    for (const m of mutants(text)) {
      const base = { expression: name, id: m.id, description: m.description, expr: m.expr };
      if (readers.length === 0) { results.push({ ...base, status: 'untested', detail: 'no check reads this expression' }); continue; }
      if (m.equivalent) { results.push({ ...base, status: 'equivalent', detail: 'equal to the original at random points' }); continue; }
      const mutated: Claim = { ...claim, expressions: { ...claim.expressions, [name]: m.expr } };
      try {
        results.push({ ...base, ...judgeMutant(claim, mutated, readers, outcomes, runSeed, budget, alphaCell) });
      } catch (e) {
        results.push({ ...base, status: 'error', detail: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  const killed = results.filter((r) => r.status === 'killed').length;
  const survived = results.filter((r) => r.status === 'survived').length;
  return { killed, survived, power: killed + survived === 0 ? null : killed / (killed + survived), mutants: results };
}

function judgeMutant(
  original: Claim, mutated: Claim, readers: { check: Claim['checks'][number]; index: number }[],
  outcomes: CheckOutcome[], runSeed: number, budget: Budget, alphaCell: number,
): { status: MutantStatus; detail: string } {
  let weakeningEverywhere = true;
  let worstResolution = 0;
  // A one-sided claim (a bound) is still true when the mutant tightens it and the whole CI stays
  // inside: only a bound that fits more closely could kill such a mutant. (Where the CI reaches past
  // the tightened bound, the mutant is within the noise: the resolution message below says so.)
  let movesOnlyBounds = true;
  let movedAny = false;
  let leastSpare = Infinity;
  for (const { check, index } of readers) {
    if ((SYMBOLIC_KINDS as readonly string[]).includes(check.kind)) {
      weakeningEverywhere = false;
      const run = SYMBOLIC_CHECKS[check.kind as SymbolicCheck['kind']];
      const r = run(mutated, check as never, { seed: runSeed, points: budget.symbolicPoints, cas: false, label: index });
      if (r.verdict === 'fail') return { status: 'killed', detail: `check ${index} (${check.kind}): ${r.message}` };
      continue;
    }
    const cells = outcomes.find((o) => o.index === index)?.cells ?? [];
    const originalEval = new ClaimEvaluator(original);
    const mutantEval = new ClaimEvaluator(mutated);
    const tolerance = 'tolerance' in check ? check.tolerance : undefined;
    for (const cell of cells) {
      if (cell.measurement === undefined) continue;
      const alpha = cellAlpha(alphaCell, budget, cell.measurement.observations.length);
      const mutant = judge(cell.measurement, mutantEval, cell.point, tolerance, { alpha, precisionRel: budget.precisionRel });
      if (mutant.verdict === 'fail') return { status: 'killed', detail: `check ${index} (${check.kind}) at point ${cell.simSeed}` };
      const orig = judge(cell.measurement, originalEval, cell.point, tolerance, { alpha, precisionRel: budget.precisionRel });
      mutant.observations.forEach((o, k) => {
        const before = orig.observations[k];
        const relation = cell.measurement!.observations[k].relation;
        const loosens = relation === 'le' ? o.expected >= before.expected : relation === 'ge' ? o.expected <= before.expected : false;
        if (!loosens) weakeningEverywhere = false;
        const allowance = o.tolerance + (o.ci[1] - o.ci[0]) / 2;
        if (allowance > 0) worstResolution = Math.max(worstResolution, Math.abs(o.expected - before.expected) / allowance);
        if (o.expected === before.expected) return;
        movedAny = true;
        if (relation !== 'le' && relation !== 'ge') movesOnlyBounds = false;
        // Room left between the mutant bound (with tolerance) and the far end of the CI, relative to the original bound.
        else leastSpare = Math.min(leastSpare, (relation === 'le' ? o.band[1] - o.ci[1] : o.ci[0] - o.band[0]) / Math.abs(before.expected));
      });
    }
  }
  if (weakeningEverywhere) return { status: 'weakening', detail: 'a looser bound at every checked point: still a true claim' };
  if (movedAny && movesOnlyBounds && leastSpare >= 0 && Number.isFinite(leastSpare)) {
    return {
      status: 'survived',
      detail: `a tighter bound that the measurements still satisfy (at least ${(100 * leastSpare).toPrecision(2)}% of the original bound to spare): true at the checked points; only a closer-fitting bound could kill it`,
    };
  }
  return {
    status: 'survived',
    detail: worstResolution > 0
      ? `moves the claimed values by at most ${(100 * worstResolution).toFixed(0)}% of CI half-width + tolerance`
      : 'not distinguished by the checks that read it',
  };
}
