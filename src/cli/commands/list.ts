import { formatOptions, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../io.ts';
import { formatTable } from '../table.ts';
import { loadClaims, printDefinitionErrors, THEOREMS_OPTION } from '../theoremsOption.ts';
import type { Check } from '../../theory/claim.ts';

const OPTIONS = [THEOREMS_OPTION];

/** `sdelens list`: one row per claim — id, provenance, check kinds, CLAIMS label, paper reference. */
export const listCommand: Command = {
  name: 'list',
  summary: 'list the claims: id, provenance, checks, CLAIMS label, paper reference',
  usage: ['usage: sdelens list [--theorems DIR]', '', 'Lists every claim of the theorem files, sorted by id.', '', 'options:', ...formatOptions(OPTIONS)].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, OPTIONS, { min: 0, max: 0 });
    if (args.help) {
      io.out(this.usage);
      return EXIT.ok;
    }
    const { claims, errors } = loadClaims(args.options.theorems as string | undefined);
    const rows = [...claims]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((c) => [c.id, c.source.provenance, checkKinds(c.checks), c.source.claim, c.source.ref]);
    if (rows.length > 0) {
      for (const line of formatTable([['ID', 'PROVENANCE', 'CHECKS', 'CLAIM', 'REF'], ...rows])) io.out(line);
    }
    io.out(`${claims.length} claim${claims.length === 1 ? '' : 's'}`);
    if (errors.length > 0) {
      printDefinitionErrors(errors, io);
      return EXIT.usage;
    }
    return EXIT.ok;
  },
};

/** Check kinds in order of first appearance, with a count when repeated: `identity×3,limit`. */
export function checkKinds(checks: readonly Check[]): string {
  const counts = new Map<string, number>();
  for (const c of checks) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n === 1 ? k : `${k}×${n}`)).join(',');
}
