import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { formatOptions, parseArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../io.ts';
import { calibrationRecordPath, loadClaims, printDefinitionErrors, THEOREMS_OPTION } from '../theoremsOption.ts';
import { readCalibrationRecord } from '../../check/calibrationRecord.ts';
import { DefinitionError } from '../../theory/errors.ts';
import { budgetByName } from '../../check/budget.ts';
import { isSymbolic } from '../../check/checkClaim.ts';
import { runClaims } from '../../check/runClaims.ts';
import { buildReport } from '../../report/buildReport.ts';
import { printSummary } from '../../report/terminalSummary.ts';
import type { Claim } from '../../theory/claim.ts';

export const DEFAULT_OUT = 'reports/latest';
export const DEFAULT_ALPHA = 1e-3;
export const DEFAULT_SEED = 1;

const OPTIONS = [
  { name: 'budget', type: 'string', value: 'quick|full', description: 'work per claim (default quick: every claim in minutes)' },
  { name: 'seed', type: 'string', value: 'N', description: `run seed, a non-negative integer (default ${DEFAULT_SEED}); same seed ⇒ same report` },
  THEOREMS_OPTION,
  { name: 'only', type: 'string', value: 'GLOB', description: "check only claims whose id matches (comma-separated, * wildcard), e.g. 'signsgd.*'" },
  { name: 'out', type: 'string', value: 'DIR', description: `where report.json goes (default ${DEFAULT_OUT})` },
  { name: 'workers', type: 'string', value: 'K', description: 'worker threads (default: the number of cores)' },
  { name: 'alpha', type: 'string', value: 'A', description: `false-alarm budget of the whole run, split over all cells (default ${DEFAULT_ALPHA})` },
  { name: 'symbolic', type: 'boolean', description: 'run only the symbolic checks' },
  { name: 'no-mutants', type: 'boolean', description: 'skip the mutation self-test (power)' },
] as const;

/** `sdelens check`: verdicts for every claim, report.json, a summary table. Exit 0 ok, 1 a claim failed, 2 usage/definition error. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check claims symbolically and against simulation; write report.json',
  usage: [
    'usage: sdelens check [--budget quick|full] [--seed N] [--theorems DIR] [--only GLOB] [--out DIR] [--workers K] [--alpha A] [--symbolic] [--no-mutants]',
    '',
    'Checks every claim (symbolic checks with numeric confirmation; simulation checks by',
    'property-based search with Monte Carlo confidence intervals), runs the mutation self-test,',
    'writes DIR/report.json and prints a summary. Exit code: 0 nothing failed, 1 a claim failed,',
    '2 usage or definition error.',
    '',
    'options:',
    ...formatOptions(OPTIONS as never),
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, OPTIONS as never, { min: 0, max: 0 });
    if (args.help) {
      io.out(this.usage);
      return EXIT.ok;
    }
    const o = args.options;
    const budget = budgetByNameOrUsage(o.budget as string | undefined);
    const seed = integerOption('seed', o.seed as string | undefined, DEFAULT_SEED, 0, Number.MAX_SAFE_INTEGER);
    const workers = integerOption('workers', o.workers as string | undefined, availableParallelism(), 1, 64);
    const alpha = numberOption('alpha', o.alpha as string | undefined, DEFAULT_ALPHA);
    const out = resolve((o.out as string | undefined) ?? DEFAULT_OUT);
    const { claims: loaded, errors } = loadClaims(o.theorems as string | undefined);
    if (errors.length > 0) {
      printDefinitionErrors(errors, io);
      return EXIT.usage;
    }
    const recordPath = calibrationRecordPath(o.theorems as string | undefined);
    let calibration: ReturnType<typeof readCalibrationRecord>;
    try {
      calibration = readCalibrationRecord(recordPath.absolute);
    } catch (e) {
      if (!(e instanceof DefinitionError)) throw e;
      printDefinitionErrors([e], io);
      return EXIT.usage;
    }
    let claims = selectClaims(loaded, o.only as string | undefined);
    if (o.symbolic === true) claims = claims.map((c) => ({ ...c, checks: c.checks.filter(isSymbolic) })).filter((c) => c.checks.length > 0);
    if (claims.length === 0) throw new UsageError(`no claim matches${o.only ? ` --only '${o.only}'` : ''}`);
    const replayArgs = [
      `--seed ${seed}`, `--budget ${budget.name}`, `--alpha ${alpha}`,
      ...(o.theorems ? [`--theorems ${o.theorems as string}`] : []),
    ].join(' ');
    const started = Date.now();
    io.err(`sdelens check: ${claims.length} claims, budget ${budget.name}, seed ${seed}, α = ${alpha}, ${workers} worker${workers === 1 ? '' : 's'}`);
    const result = await runClaims(claims, {
      runSeed: seed, budget, alpha, mutants: o['no-mutants'] !== true, workers, replayArgs,
      onProgress: (done, total, claim) => io.err(`[${String(done).padStart(String(total).length)}/${total}] ${claim.verdict.padEnd(12)} ${claim.id}  (${((Date.now() - started) / 1000).toFixed(0)} s)`),
    });
    const theorems = (o.theorems as string | undefined) ?? 'theorems/';
    const report = buildReport(result, { seed, budget, alpha, theorems, started }, calibration === null ? undefined : { file: recordPath.shown, record: calibration, claims: loaded });
    mkdirSync(out, { recursive: true });
    const file = join(out, 'report.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    printSummary(report, io);
    io.out(`report: ${file}`);
    return report.summary.fail > 0 ? EXIT.claimFailed : EXIT.ok;
  },
};

export function budgetByNameOrUsage(name: string | undefined) {
  try {
    return budgetByName(name ?? 'quick');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= min && n <= max)) throw new UsageError(`--${name}: expected an integer in [${min}, ${max}], got '${value}'`);
  return n;
}

export function numberOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new UsageError(`--${name}: expected a number in (0, 1), got '${value}'`);
  return n;
}

/** Claims whose id matches one of the comma-separated globs (* matches anything). */
export function selectClaims(claims: Claim[], only: string | undefined): Claim[] {
  if (only === undefined) return claims;
  const patterns = only.split(',').map((g) => new RegExp(`^${g.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return claims.filter((c) => patterns.some((p) => p.test(c.id)));
}
