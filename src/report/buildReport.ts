import type { Budget } from '../check/budget.ts';
import type { RunResult } from '../check/runClaims.ts';
import { calibrationSummary, claimCalibrationReport } from '../check/calibrationRecord.ts';
import type { CalibrationRecord } from '../check/calibrationRecord.ts';
import type { Claim } from '../theory/claim.ts';
import { SCHEMA_VERSION, summarise } from './report.ts';
import type { Report } from './report.ts';

export const VERSION = '0.1.0';

/** Assembles report.json from a run (claims keep their input order). */
export function buildReport(
  result: RunResult,
  meta: { seed: number; budget: Budget; alpha: number; theorems: string; started: number },
  calibration?: { file: string; record: CalibrationRecord; claims: readonly Claim[] },
): Report {
  let killed = 0;
  let survived = 0;
  for (const c of result.claims) {
    killed += c.power?.killed ?? 0;
    survived += c.power?.survived ?? 0;
  }
  let claims = result.claims;
  let calibrationSection: Report['calibration'] = null;
  if (calibration !== undefined) {
    const byId = new Map(calibration.claims.map((c) => [c.id, c]));
    claims = claims.map((c) => ({ ...c, calibration: claimCalibrationReport(calibration.record, byId.get(c.id)!) }));
    calibrationSection = calibrationSummary(calibration.file, calibration.record, claims.map((c) => c.calibration!));
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'sdelens', version: VERSION },
    seed: meta.seed,
    budget: meta.budget.name,
    alpha: meta.alpha,
    correction: 'bonferroni',
    cells: result.cells,
    alphaPerCell: result.alphaPerCell,
    theorems: meta.theorems,
    claims,
    summary: summarise(claims),
    power: { killed, survived, power: killed + survived === 0 ? null : killed / (killed + survived) },
    calibration: calibrationSection,
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - meta.started) / 100) / 10,
  };
}
