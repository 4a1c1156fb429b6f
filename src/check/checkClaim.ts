import type { Claim, SymbolicCheck } from '../theory/claim.ts';
import { SYMBOLIC_KINDS } from '../theory/claim.ts';
import type { Point } from '../theory/domain.ts';
import type { CheckReport, ClaimReport, ObservationReport, PointReport } from '../report/report.ts';
import type { Budget } from './budget.ts';
import { checkSimulation, drawnCellAt } from './checkSimulation.ts';
import type { DrawnCell } from './checkSimulation.ts';
import { combineVerdicts } from './decision.ts';
import { locateBoundary } from './boundary.ts';
import { mutationPower } from './power.ts';
import type { CheckOutcome } from './power.ts';
import { SYMBOLIC_CHECKS } from './symbolic/registry.ts';

export interface ClaimRunOptions {
  runSeed: number;
  budget: Budget;
  /** False-alarm rate of one simulation cell (α split by Bonferroni over the run's cells). */
  alphaCell: number;
  /** Run the mutation self-test. */
  mutants: boolean;
  /** How to replay a counterexample: the CLI arguments that reproduce this run's setting. */
  replayArgs: string;
}

/** Simulation cells a claim contributes to the run's Bonferroni split. */
export function cellCount(claim: Claim, budget: Budget): number {
  return claim.checks.filter((c) => !isSymbolic(c)).length * budget.simulationPoints;
}

export function isSymbolic(check: Claim['checks'][number]): check is SymbolicCheck {
  return (SYMBOLIC_KINDS as readonly string[]).includes(check.kind);
}

/**
 * One unit of a claim's work: a symbolic check, or one drawn point of a simulation check. Tasks
 * are independent (each cell's randomness derives from (run seed, claim, check, point) only), so
 * a run may spread them over workers in any order; finishClaim then assembles the report.
 */
export interface ClaimTask {
  check: number;
  /** The point's index among the check's draws (simulation checks). */
  point?: number;
}

export interface TaskResult {
  task: ClaimTask;
  /** A symbolic check's report. */
  report?: CheckReport;
  cell?: DrawnCell;
  /** What the simulation task threw (the check's verdict becomes error). */
  error?: string;
}

export function claimTasks(claim: Claim, budget: Budget): ClaimTask[] {
  return claim.checks.flatMap((check, index) =>
    isSymbolic(check) ? [{ check: index }] : Array.from({ length: budget.simulationPoints }, (_, point) => ({ check: index, point })));
}

export function runTask(claim: Claim, task: ClaimTask, options: ClaimRunOptions): TaskResult {
  const check = claim.checks[task.check];
  const started = Date.now();
  try {
    if (isSymbolic(check)) return { task, report: symbolicReport(claim, check, task.check, options) };
    return { task, cell: drawnCellAt(claim, task.check, task.point ?? 0, options.runSeed, options.budget, options.alphaCell) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return isSymbolic(check) ? { task, report: { index: task.check, kind: check.kind, verdict: 'error', message } } : { task, error: message };
  } finally {
    trace(`${claim.id} check ${task.check} (${check.kind})${task.point !== undefined ? ` point ${task.point}` : ''}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * A claim's report from its task results (any order): each check's verdict (any error → error,
 * any fail → fail, any inconclusive → inconclusive); a failing simulation check shrunk to its
 * smallest counterexample (only the shrinking simulates again); the regime boundary of a
 * paper-approx claim; the mutation power.
 */
export function finishClaim(claim: Claim, results: readonly TaskResult[], options: ClaimRunOptions): ClaimReport {
  const outcomes: CheckOutcome[] = [];
  const checks: CheckReport[] = claim.checks.map((check, index) => {
    const mine = results.filter((r) => r.task.check === index).sort((a, b) => (a.task.point ?? 0) - (b.task.point ?? 0));
    if (isSymbolic(check)) return mine[0].report!;
    const failed = mine.find((r) => r.error !== undefined);
    if (failed !== undefined) return { index, kind: check.kind, verdict: 'error', message: failed.error! };
    const started = Date.now();
    try {
      const ran = mine.map((r) => r.cell!);
      const result = checkSimulation(claim, index, options.runSeed, options.budget, options.alphaCell, undefined, ran);
      outcomes.push({ index, cells: result.cells });
      const report: CheckReport = { index, kind: check.kind, verdict: result.verdict, points: result.cells.map(pointReport) };
      if (result.counterexample !== undefined) {
        const { cell, path, shrinks } = result.counterexample;
        report.counterexample = {
          parameters: plain(cell.point), simSeed: cell.simSeed, path, shrinks,
          replay: `npx sdelens replay ${claim.id} --check ${index} --path ${path} ${options.replayArgs}`,
        };
        trace(`${claim.id} check ${index} (${check.kind}) shrinking: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      return report;
    } catch (e) {
      return { index, kind: check.kind, verdict: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  });
  const report: ClaimReport = {
    id: claim.id, title: claim.title, family: claim.family, provenance: claim.source.provenance,
    claim: claim.source.claim, ref: claim.source.ref, file: claim.origin.file,
    verdict: combineVerdicts(checks.map((c) => c.verdict)), checks,
  };
  const firstSimulation = claim.checks.findIndex((c) => !isSymbolic(c));
  if (claim.source.provenance === 'paper-approx' && claim.regime !== undefined && firstSimulation >= 0) {
    const started = Date.now();
    report.boundary = locateBoundary(claim, firstSimulation, options.runSeed, options.budget, options.alphaCell);
    trace(`${claim.id} boundary: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (options.mutants) {
    const started = Date.now();
    report.power = mutationPower(claim, outcomes, options.runSeed, options.budget, options.alphaCell);
    trace(`${claim.id} mutants (${report.power.mutants.length}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return report;
}

/** Every check of a claim, in this thread: its tasks one after the other, then finishClaim. */
export function checkClaim(claim: Claim, options: ClaimRunOptions): ClaimReport {
  return finishClaim(claim, claimTasks(claim, options.budget).map((task) => runTask(claim, task, options)), options);
}

/** Timing lines on stderr when SDELENS_TRACE is set (diagnostics only; never in the report). */
function trace(line: string): void {
  if (process.env.SDELENS_TRACE) process.stderr.write(`  trace: ${line}\n`);
}

function symbolicReport(claim: Claim, check: SymbolicCheck, index: number, options: ClaimRunOptions): CheckReport {
  const run = SYMBOLIC_CHECKS[check.kind];
  const r = run(claim, check as never, { seed: options.runSeed, points: options.budget.symbolicPoints, label: index });
  return {
    index, kind: check.kind, verdict: r.verdict,
    symbolic: {
      proof: r.proof, message: r.message, points: r.numeric.points, maxAbsErr: r.numeric.maxAbsErr, maxRelErr: r.numeric.maxRelErr,
      ...(r.casDetail !== undefined ? { casDetail: r.casDetail } : {}),
    },
  };
}

export function pointReport(cell: DrawnCell): PointReport {
  const observations: ObservationReport[] = cell.judgement.observations.map((o) => ({
    label: o.label, expected: o.expected, estimate: o.estimate, standardError: o.standardError,
    ci: o.ci, band: o.band, tolerance: o.tolerance, samples: o.samples, verdict: o.verdict,
    ...(o.samplesNeeded !== undefined ? { samplesNeeded: o.samplesNeeded } : {}),
  }));
  return {
    parameters: plain(cell.point), simSeed: cell.simSeed, verdict: cell.verdict, rounds: cell.rounds, paths: cell.paths, observations,
    ...(cell.judgement.message !== undefined ? { message: cell.judgement.message } : {}),
  };
}

/** A point as JSON-friendly numbers and arrays, keys sorted. */
export function plain(point: Point): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const key of Object.keys(point).sort()) {
    const v = point[key];
    out[key] = typeof v === 'number' ? v : Array.from(v);
  }
  return out;
}

