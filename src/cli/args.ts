/**
 * A small command-line parser: `--name value`, `--name=value`, `-n value`, boolean `--flag`,
 * `--` ends the options; `-h` / `--help` are always recognised. Anything else is a UsageError
 * with a one-line message.
 */

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder of the value in the usage text, e.g. DIR. */
  value?: string;
  description: string;
}

export interface ParsedArgs {
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], positionals: { min: number; max: number }): ParsedArgs {
  const options: Record<string, string | boolean | undefined> = {};
  const rest: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = specs.find((s) => `--${s.name}` === key || (s.short !== undefined && `-${s.short}` === key));
    if (spec === undefined) throw new UsageError(`unknown option '${key}'`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${spec.name} takes no value`);
      options[spec.name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`option --${spec.name} needs a value (${spec.value ?? 'VALUE'})`);
    if (options[spec.name] !== undefined) throw new UsageError(`option --${spec.name} given twice`);
    options[spec.name] = value;
  }
  if (!help && rest.length < positionals.min) throw new UsageError(`missing argument${positionals.min - rest.length > 1 ? 's' : ''}`);
  if (!help && rest.length > positionals.max) throw new UsageError(`unexpected argument '${rest[positionals.max]}'`);
  return { options, positionals: rest, help };
}

/** The option lines of a usage text, aligned. */
export function formatOptions(specs: readonly OptionSpec[]): string[] {
  const heads = specs.map((s) => `${s.short ? `-${s.short}, ` : ''}--${s.name}${s.type === 'string' ? ` ${s.value ?? 'VALUE'}` : ''}`);
  const width = Math.max(0, ...heads.map((h) => h.length));
  return specs.map((s, i) => `  ${heads[i].padEnd(width)}  ${s.description}`);
}
