import { formatOptions, parseArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../io.ts';
import { formatTable } from '../table.ts';
import { loadClaims, printDefinitionErrors, THEOREMS_OPTION } from '../theoremsOption.ts';
import { isSymbolic, plain, pointReport } from '../../check/checkClaim.ts';
import { checkSimulation } from '../../check/checkSimulation.ts';
import { budgetByNameOrUsage, DEFAULT_ALPHA, DEFAULT_SEED, integerOption, numberOption } from './check.ts';

const OPTIONS = [
  { name: 'check', type: 'string', value: 'I', description: 'index of the simulation check in the claim' },
  { name: 'path', type: 'string', value: 'P', description: "fast-check's counterexample path (from the report)" },
  { name: 'seed', type: 'string', value: 'N', description: `run seed (default ${DEFAULT_SEED})` },
  { name: 'budget', type: 'string', value: 'quick|full', description: 'budget of the original run (default quick)' },
  { name: 'alpha', type: 'string', value: 'A', description: `run α of the original run (default ${DEFAULT_ALPHA})` },
  { name: 'cells', type: 'string', value: 'M', description: 'cell count of the original run (α per cell = A/M; default 1)' },
  THEOREMS_OPTION,
] as const;

/** `sdelens replay`: re-runs exactly one counterexample of a report (same point, same simulation seed). */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay one counterexample of a report exactly',
  usage: [
    'usage: sdelens replay ID --check I --path P [--seed N] [--budget quick|full] [--alpha A] [--cells M] [--theorems DIR]',
    '', 'Re-runs the cell that fast-check reported as the smallest counterexample (the report gives the command).',
    '', 'options:', ...formatOptions(OPTIONS as never),
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, OPTIONS as never, { min: 1, max: 1 });
    if (args.help) {
      io.out(this.usage);
      return EXIT.ok;
    }
    const o = args.options;
    const { claims, errors } = loadClaims(o.theorems as string | undefined);
    if (errors.length > 0) {
      printDefinitionErrors(errors, io);
      return EXIT.usage;
    }
    const claim = claims.find((c) => c.id === args.positionals[0]);
    if (claim === undefined) throw new UsageError(`no claim with id '${args.positionals[0]}'`);
    const index = integerOption('check', o.check as string | undefined, -1, 0, claim.checks.length - 1);
    if (index < 0 || isSymbolic(claim.checks[index])) throw new UsageError(`--check: expected the index of a simulation check of ${claim.id}`);
    if (o.path === undefined) throw new UsageError('--path is required');
    const budget = budgetByNameOrUsage(o.budget as string | undefined);
    const seed = integerOption('seed', o.seed as string | undefined, DEFAULT_SEED, 0, Number.MAX_SAFE_INTEGER);
    const alpha = numberOption('alpha', o.alpha as string | undefined, DEFAULT_ALPHA);
    const cells = integerOption('cells', o.cells as string | undefined, 1, 1, 1e9);
    const result = checkSimulation(claim, index, seed, budget, alpha / cells, o.path as string);
    const cell = result.counterexample?.cell ?? result.cells[0];
    if (cell === undefined) throw new UsageError(`path '${o.path as string}' reproduces no cell`);
    const report = pointReport(cell);
    io.out(`${claim.id} check ${index} (${claim.checks[index].kind}): ${report.verdict}`);
    io.out(`point: ${JSON.stringify(plain(cell.point))}  simSeed ${cell.simSeed}, ${report.rounds} round(s), ${report.paths} paths`);
    if (report.message) io.out(report.message);
    const rows = report.observations.map((ob) => [ob.label, ob.estimate.toPrecision(5), ob.expected.toPrecision(5), `[${ob.ci.map((v) => v.toPrecision(4)).join(', ')}]`, `±${ob.tolerance.toPrecision(3)}`, ob.verdict]);
    for (const line of formatTable([['OBSERVATION', 'ESTIMATE', 'EXPECTED', 'CI', 'TOLERANCE', 'VERDICT'], ...rows])) io.out(line);
    return report.verdict === 'fail' ? EXIT.claimFailed : EXIT.ok;
  },
};
