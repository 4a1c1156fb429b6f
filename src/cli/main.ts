import { readFileSync } from 'node:fs';
import { UsageError } from './args.ts';
import type { Command } from './command.ts';
import { checkCommand } from './commands/check.ts';
import { explainCommand } from './commands/explain.ts';
import { listCommand } from './commands/list.ts';
import { EXIT, processIo } from './io.ts';
import type { Io } from './io.ts';
import { formatTable } from './table.ts';
import { DefinitionErrors } from '../theory/errors.ts';
import { printDefinitionErrors } from './theoremsOption.ts';

/** The subcommands, by name. Adding one = one file in commands/ + one line here. */
export const COMMANDS: readonly Command[] = [listCommand, explainCommand, checkCommand];

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
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`sdelens: unknown command '${name}'`);
    io.err(USAGE);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sdelens ${command.name}: ${e.message}`);
      io.err(command.usage.split('\n')[0]);
      return EXIT.usage;
    }
    if (e instanceof DefinitionErrors) {
      printDefinitionErrors(e.errors, io);
      return EXIT.usage;
    }
    io.err(`sdelens ${command.name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.SDELENS_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.internal;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `sdelens ${pkg.version}`;
}
