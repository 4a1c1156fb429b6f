import type { Verdict } from '../check/decision.ts';
import type { PowerReport } from '../check/power.ts';
import type { CalibrationSummary, ClaimCalibrationReport } from '../check/calibrationRecord.ts';
import type { Provenance } from '../theory/claim.ts';

/**
 * The report, data first (DESIGN §1.5): reports/<dir>/report.json. Bump SCHEMA_VERSION on any
 * change a consumer could notice. Everything but `generatedAt` and `durationSeconds` is a function
 * of (theorems, seed, budget, alpha), whatever the worker count.
 */
export const SCHEMA_VERSION = 1;

export interface ObservationReport {
  label: string;
  expected: number;
  estimate: number;
  standardError: number;
  ci: [number, number];
  band: [number, number];
  tolerance: number;
  samples: number;
  verdict: Verdict;
  samplesNeeded?: number;
}

export interface PointReport {
  /** The drawn parameters (vectors as arrays). */
  parameters: Record<string, number | number[]>;
  simSeed: number;
  verdict: Verdict;
  rounds: number;
  paths: number;
  observations: ObservationReport[];
  message?: string;
}

export interface CheckReport {
  index: number;
  kind: string;
  verdict: Verdict;
  /** Symbolic checks: how the verdict was reached. */
  symbolic?: { proof: string; message: string; points: number; maxAbsErr: number; maxRelErr: number; casDetail?: string };
  /** Simulation checks: one entry per drawn point. */
  points?: PointReport[];
  counterexample?: { parameters: Record<string, number | number[]>; simSeed: number; path: string; shrinks: number; replay: string };
  message?: string;
}

export interface ClaimReport {
  id: string;
  title: string;
  family: string;
  provenance: Provenance;
  claim: string;
  ref: string;
  file: string;
  verdict: Verdict;
  checks: CheckReport[];
  power?: PowerReport;
  boundary?: BoundaryReport;
  /** This claim's entry in the theorem directory's calibration record (absent without a record). */
  calibration?: ClaimCalibrationReport;
}

/** Where a paper-approx claim stops holding, along the claim's `regime` expression. */
export interface BoundaryReport {
  regime: string;
  /** Largest regime value at which every checked point passed, smallest at which one failed. */
  lastPass: number | null;
  firstFail: number | null;
  points: { regime: number; verdict: Verdict }[];
}

export interface Summary {
  pass: number;
  fail: number;
  inconclusive: number;
  error: number;
  total: number;
}

export interface Report {
  schemaVersion: number;
  tool: { name: 'sdelens'; version: string };
  seed: number;
  budget: string;
  alpha: number;
  correction: 'bonferroni';
  /** Simulation cells (claim × check × point) that share α. */
  cells: number;
  alphaPerCell: number;
  theorems: string;
  claims: ClaimReport[];
  summary: Summary;
  power: { killed: number; survived: number; power: number | null };
  /** The theorem directory's calibration record, as far as this run's claims are in it; null without one. */
  calibration: CalibrationSummary | null;
  generatedAt: string;
  durationSeconds: number;
}

export function summarise(claims: { verdict: Verdict }[]): Summary {
  const s: Summary = { pass: 0, fail: 0, inconclusive: 0, error: 0, total: claims.length };
  for (const c of claims) s[c.verdict]++;
  return s;
}
