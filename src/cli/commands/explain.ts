import { formatOptions, parseArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { formatClaim } from '../formatClaim.ts';
import { EXIT } from '../io.ts';
import { loadClaims, printDefinitionErrors, THEOREMS_OPTION } from '../theoremsOption.ts';

const OPTIONS = [THEOREMS_OPTION];

/** `sdelens explain <id>`: everything a theorem file says about one claim. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'show one claim: statement, source, symbols, domain, lets, assumptions, expressions, checks',
  usage: [
    'usage: sdelens explain <id> [--theorems DIR]', '',
    'Prints the claim with this id: title, statement, source, symbols with their meanings, domain,',
    'lets, assumptions, named expressions, and each check with its fields and tolerance.', '',
    'options:', ...formatOptions(OPTIONS),
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, OPTIONS, { min: 1, max: 1 });
    if (args.help) {
      io.out(this.usage);
      return EXIT.ok;
    }
    const id = args.positionals[0];
    const { claims, errors } = loadClaims(args.options.theorems as string | undefined);
    const claim = claims.find((c) => c.id === id);
    if (claim !== undefined) for (const line of formatClaim(claim)) io.out(line);
    if (errors.length > 0) {
      printDefinitionErrors(errors, io);
      return EXIT.usage;
    }
    if (claim === undefined) {
      const near = claims.map((c) => c.id).filter((c) => c.includes(id) || distance(c, id) <= 3).slice(0, 5);
      throw new UsageError(`no claim with id '${id}'${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}; 'sdelens list' shows the ids`);
    }
    return EXIT.ok;
  },
};

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
