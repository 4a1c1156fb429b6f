import { readFileSync } from 'node:fs';
import { UsageError } from './args.ts';
import type { Command } from './command.ts';
import { EXIT, processIo } from './io.ts';
import type { Io } from './io.ts';
import { formatTable } from './table.ts';
import { DefinitionErrors } from '../theory/errors.ts';
import { printDefinitionErrors } from './theoremsOption.ts';

/** A subcommand: its name and summary, and its module, loaded only when it runs (so `list` never loads the simulator). */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** The subcommands. Adding one = one file in commands/ + one entry here. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'list', summary: 'list the claims: id, provenance, checks, CLAIMS label, paper reference', load: async () => (await import('./commands/list.ts')).listCommand },
  { name: 'explain', summary: 'show one claim: statement, source, symbols, domain, lets, assumptions, expressions, checks', load: async () => (await import('./commands/explain.ts')).explainCommand },
  { name: 'check', summary: 'check claims symbolically and against simulation', load: async () => (await import('./commands/check.ts')).checkCommand },
  { name: 'replay', summary: 'replay one counterexample of a report exactly', load: async () => (await import('./commands/replay.ts')).replayCommand },
];

const USAGE = [
  'usage: sdelens <command> [options]', '',
  'Checks the SDE theory of adaptive optimizers (Compagnoni et al., ICLR 2025) stated in theorem files.', '',
  'commands:',
  ...formatTable(COMMANDS.map((c) => [`  ${c.name}`, c.summary])),
  '', "Run 'sdelens <command> --help' for a command's options.",
  'Exit codes: 0 ok, 1 a claim failed, 2 usage or definition error, 3 internal error.',
].join('\n');

/** The `sdelens` command line. Returns the process exit code: 0 ok, 1 a claim failed, 2 usage/definition error, 3 internal error. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (name === '--version') {
    io.out(version());
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.err(`sdelens: unknown command '${name}'`);
    io.err(USAGE);
    return EXIT.usage;
  }
  let command: Command | undefined;
  try {
    command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sdelens ${name}: ${e.message}`);
      if (command !== undefined) io.err(command.usage.split('\n')[0]);
      return EXIT.usage;
    }
    if (e instanceof DefinitionErrors) {
      printDefinitionErrors(e.errors, io);
      return EXIT.usage;
    }
    io.err(`sdelens ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.SDELENS_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.internal;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `sdelens ${pkg.version}`;
}
