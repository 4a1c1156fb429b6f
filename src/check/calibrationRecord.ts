import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Claim } from '../theory/claim.ts';
import { DefinitionError } from '../theory/errors.ts';

/**
 * A calibration record (written by `npm run calibrate -- --out DIR/calibration.json`) that the
 * reports of DIR's claims cite: per true claim, how often it failed (a false alarm) or stayed
 * inconclusive over the calibration's run seeds. A claim's entry is cited only while the claim's
 * fingerprint matches: a claim edited since its calibration is reported as not calibrated.
 *
 * The fingerprint covers what decides a verdict (id, domain, lets, assumptions, expressions,
 * checks, regime), not the prose (title, statement, source, comments). It does not cover the
 * checker's own code: a record is as current as the commit that wrote it (README, Measured results).
 */
export interface ClaimCalibration {
  fingerprint: string;
  runs: number;
  falseFailures: number;
  inconclusive: number;
}

export interface CalibrationRecord {
  budget: string;
  alpha: number;
  seeds: number[];
  claims: Record<string, ClaimCalibration>;
}

/** What a claim's report says of its calibration. */
export type ClaimCalibrationReport =
  | { status: 'calibrated'; runs: number; falseFailures: number; inconclusive: number }
  | { status: 'changed-since' }
  | { status: 'not-calibrated' };

/** What the report says of the record as a whole (null when the theorem directory has none). */
export interface CalibrationSummary {
  file: string;
  budget: string;
  alpha: number;
  seeds: [first: number, last: number];
  runs: number;
  /** False failures of the cited claims, summed over runs (≥ the runs with one). */
  falseFailures: number;
  /** Inconclusive verdicts of the cited claims, summed over runs. */
  inconclusive: number;
  claimsCalibrated: number;
  claimsChangedSince: number;
  claimsNotCalibrated: number;
}

export const CALIBRATION_FILE = 'calibration.json';

/** The fields that decide a verdict, in a fixed order, hashed (SHA-256, 16 hex digits). */
export function claimFingerprint(claim: Claim): string {
  const decisive = [claim.id, claim.domain, claim.let, claim.assume, claim.expressions, claim.checks, claim.regime ?? null];
  return createHash('sha256').update(canonicalJson(decisive)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    return `{${entries.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Per-claim entries of a calibration from its per-seed outcomes. */
export function claimCalibrations(
  claims: readonly Claim[], outcomes: readonly { failed: readonly string[]; inconclusiveIds: readonly string[] }[],
): Record<string, ClaimCalibration> {
  const out: Record<string, ClaimCalibration> = {};
  for (const claim of claims) {
    out[claim.id] = {
      fingerprint: claimFingerprint(claim),
      runs: outcomes.length,
      falseFailures: outcomes.filter((o) => o.failed.includes(claim.id)).length,
      inconclusive: outcomes.filter((o) => o.inconclusiveIds.includes(claim.id)).length,
    };
  }
  return out;
}

/** Reads a calibration record when the file exists; a malformed one is a definition error naming the field. */
export function readCalibrationRecord(file: string): CalibrationRecord | null {
  if (!existsSync(file)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DefinitionError(file, undefined, '', `not valid JSON (${(e as Error).message})`);
  }
  const fail = (field: string, expected: string): never => {
    throw new DefinitionError(file, undefined, field, `expected ${expected}`);
  };
  const r = data as Partial<CalibrationRecord>;
  if (r === null || typeof r !== 'object') fail('', 'an object written by npm run calibrate');
  if (typeof r.budget !== 'string') fail('budget', 'a budget name');
  if (typeof r.alpha !== 'number') fail('alpha', 'a number');
  if (!Array.isArray(r.seeds) || r.seeds.length === 0 || !r.seeds.every(Number.isSafeInteger)) fail('seeds', 'a non-empty list of integer seeds');
  if (r.claims === null || typeof r.claims !== 'object') fail('claims', 'an object of per-claim entries (re-run npm run calibrate)');
  for (const [id, c] of Object.entries(r.claims!)) {
    const ok = c !== null && typeof c === 'object' && typeof c.fingerprint === 'string'
      && [c.runs, c.falseFailures, c.inconclusive].every((n) => Number.isInteger(n) && n >= 0);
    if (!ok) fail(`claims.${id}`, '{ fingerprint, runs, falseFailures, inconclusive }');
  }
  return r as CalibrationRecord;
}

export function claimCalibrationReport(record: CalibrationRecord, claim: Claim): ClaimCalibrationReport {
  const entry = record.claims[claim.id];
  if (entry === undefined) return { status: 'not-calibrated' };
  if (entry.fingerprint !== claimFingerprint(claim)) return { status: 'changed-since' };
  return { status: 'calibrated', runs: entry.runs, falseFailures: entry.falseFailures, inconclusive: entry.inconclusive };
}

/** The report's calibration section over the claims of this run. */
export function calibrationSummary(file: string, record: CalibrationRecord, reports: readonly ClaimCalibrationReport[]): CalibrationSummary {
  const cited = reports.filter((r): r is Extract<ClaimCalibrationReport, { status: 'calibrated' }> => r.status === 'calibrated');
  return {
    file,
    budget: record.budget,
    alpha: record.alpha,
    seeds: [Math.min(...record.seeds), Math.max(...record.seeds)],
    runs: record.seeds.length,
    falseFailures: cited.reduce((n, r) => n + r.falseFailures, 0),
    inconclusive: cited.reduce((n, r) => n + r.inconclusive, 0),
    claimsCalibrated: cited.length,
    claimsChangedSince: reports.filter((r) => r.status === 'changed-since').length,
    claimsNotCalibrated: reports.filter((r) => r.status === 'not-calibrated').length,
  };
}
