import type { Io } from '../cli/io.ts';
import { formatTable } from '../cli/table.ts';
import type { ClaimReport, ObservationReport, Report } from './report.ts';

/** The observation furthest outside its band, relative to the band's width: the one to show. */
function worst(claim: ClaimReport): ObservationReport | undefined {
  let best: ObservationReport | undefined;
  let score = -Infinity;
  for (const check of claim.checks) {
    for (const point of check.points ?? []) {
      for (const o of point.observations) {
        const width = Math.max(o.tolerance + (o.ci[1] - o.ci[0]) / 2, Number.MIN_VALUE);
        const s = Math.abs(o.estimate - o.expected) / width;
        if (s > score) { score = s; best = o; }
      }
    }
  }
  return best;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(4) : String(v);
}

/** Summary table: claim, provenance, verdict, worst estimate against expected, mutation power. */
export function printSummary(report: Report, io: Io): void {
  const rows = report.claims.map((c) => {
    const o = worst(c);
    const symbolic = c.checks.filter((k) => k.symbolic !== undefined);
    const evidence = o !== undefined
      ? `${fmt(o.estimate)} vs ${fmt(o.expected)} (${o.label})`
      : symbolic.length > 0 ? `${symbolic.length} symbolic (${[...new Set(symbolic.map((k) => k.symbolic!.proof))].join(', ')})` : (c.checks.find((k) => k.message)?.message ?? '');
    const power = c.power === undefined ? '' : c.power.power === null ? 'n/a' : `${c.power.killed}/${c.power.killed + c.power.survived}`;
    return [c.id, c.provenance, c.verdict, evidence.length > 70 ? `${evidence.slice(0, 67)}...` : evidence, power];
  });
  for (const line of formatTable([['CLAIM', 'PROVENANCE', 'VERDICT', 'WORST ESTIMATE VS EXPECTED', 'POWER'], ...rows])) io.out(line);
  const s = report.summary;
  io.out('');
  io.out(`${s.total} claims: ${s.pass} pass, ${s.fail} fail, ${s.inconclusive} inconclusive, ${s.error} error`);
  io.out(`α = ${report.alpha} over ${report.cells} simulation cells (Bonferroni, ${report.alphaPerCell.toExponential(2)} per cell); budget ${report.budget}, seed ${report.seed}`);
  if (report.power.power !== null) io.out(`mutation power: ${report.power.killed} of ${report.power.killed + report.power.survived} mutants killed (${(100 * report.power.power).toFixed(0)}%)`);
  const cal = report.calibration;
  if (cal !== null) {
    const stale = [cal.claimsChangedSince > 0 ? `${cal.claimsChangedSince} changed since` : '', cal.claimsNotCalibrated > 0 ? `${cal.claimsNotCalibrated} not calibrated` : ''].filter((t) => t !== '').join(', ');
    io.out(`calibration (${cal.file}, ${cal.budget}, seeds ${cal.seeds[0]}–${cal.seeds[1]}): ${cal.claimsCalibrated} claims × ${cal.runs} runs, ${cal.falseFailures} false failures, ${cal.inconclusive} inconclusive${stale === '' ? '' : `; ${stale}`}`);
  }
  for (const c of report.claims) {
    for (const k of c.checks) if (k.counterexample) io.out(`counterexample ${c.id} check ${k.index}: ${k.counterexample.replay}`);
  }
}
