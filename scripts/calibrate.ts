/**
 * npm run calibrate -- [--seeds N] [--budget quick|full] [--only GLOB] [--workers K] [--alpha A] [--out FILE]
 * Runs every true claim under N run seeds (default 20) and prints the false-failure rate; writes
 * FILE (default reports/calibration.json). Not part of `npm test` (a few seeds on a cheap subset are).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { budgetByName } from '../src/check/budget.ts';
import { calibrate } from '../src/check/calibration.ts';
import { selectClaims } from '../src/cli/commands/check.ts';
import { loadClaims } from '../src/cli/theoremsOption.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const seedsCount = Number(option('seeds', '20'));
const budget = budgetByName(option('budget', 'quick'));
const alpha = Number(option('alpha', '1e-3'));
const workers = Number(option('workers', String(availableParallelism())));
if (!(Number.isInteger(seedsCount) && seedsCount >= 1)) throw new RangeError(`--seeds: expected a positive integer, got ${seedsCount}`);
const { claims, errors } = loadClaims(process.argv.includes('--theorems') ? option('theorems', '') : undefined);
if (errors.length > 0) {
  for (const e of errors) console.error(e.message);
  process.exit(2);
}
const only = process.argv.includes('--only') ? option('only', '*') : undefined;
const selected = selectClaims(claims, only);
const seeds = Array.from({ length: seedsCount }, (_, k) => 1000 + k);
const started = Date.now();
const result = await calibrate(selected, seeds, budget, alpha, workers, (seed, failed) => {
  console.error(`seed ${seed}: ${failed.length === 0 ? 'no false failure' : `FAILED ${failed.join(', ')}`} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
});
const out = option('out', 'reports/calibration.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ ...result, budget: budget.name, durationSeconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
console.log(`calibration: ${result.trueClaims} true claims × ${seeds.length} seeds at budget ${budget.name}, α = ${alpha}`);
console.log(`runs with a false failure: ${result.failingRuns} of ${seeds.length} (rate ${result.falseFailureRate.toFixed(3)}; promised ≤ ${alpha})`);
process.exit(result.failingRuns > 0 ? 1 : 0);
