import type { Io } from './io.ts';

/**
 * A subcommand of `sdelens`. `run` receives the arguments after the command name and returns the
 * exit code (EXIT in io.ts); it may throw UsageError (args.ts) or DefinitionErrors, which main
 * prints with the command's usage.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full help text (first line: the synopsis). */
  usage: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}
