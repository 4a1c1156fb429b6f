/**
 * Building and running Algebrite scripts for the CAS bridge (cas.ts): options, verdict types, the
 * translation context handed to script builders (mathjs node → Algebrite text with radicals of
 * positive factors split, casRadicals.ts), and one time-bounded run translated back to mathjs
 * syntax. Size and time limits turn into 'undecided', untranslatable functions into 'unsupported'.
 */
import { parse, type MathNode } from 'mathjs';
import { runAlgebrite } from './casEngine.ts';
import { splitRadicals, type PositivityOracle } from './casRadicals.ts';
import { CasUnsupportedError, SymbolTable, countNodes, exactRational, fromAlgebrite, toAlgebrite } from './casTranslate.ts';

export type CasStatus = 'zero' | 'nonzero' | 'undecided' | 'unsupported';

export interface CasVerdict {
  status: CasStatus;
  /** What the CAS did and found, in mathjs syntax where it returns an expression. */
  detail: string;
}

export type CasExpression =
  | { ok: true; expr: string; algebrite: string }
  | { ok: false; status: 'undecided' | 'unsupported'; detail: string };

export interface CasOptions {
  /** Wall-clock limit per Algebrite call, ms (default 3000). */
  timeoutMs?: number;
  /** Time (performance.now(), ms) after which no further Algebrite call starts: a budget across calls. */
  deadline?: number;
  /** Largest expression (mathjs nodes, all inputs together) handed to the CAS (default 400). */
  maxNodes?: number;
  /** Which sub-expressions are positive on the domain (default: none beyond the structural rule). */
  positive?: PositivityOracle;
  /** Which symbols are vectors (for the reduction of sums; default none). */
  isVector?: (name: string) => boolean;
  /**
   * Only the fast steps (rationalize, exact witnesses); the symbolic checks set it when the numeric
   * side already finds a difference, where a slow simplify could at best expose a rounding artefact.
   */
  fastOnly?: boolean;
  /** Points (symbol → number) at which a non-zero difference may be certified exactly. */
  witnesses?: readonly Readonly<Record<string, number>>[];
}

class CasTooLargeError extends Error {}

/** Translator handed to script builders: `t(node)` → Algebrite text, `sym(name)` → its safe name. */
export interface CasScriptContext {
  t: (node: MathNode | string) => string;
  sym: (name: string) => string;
  num: (value: number) => string;
}

export interface BuiltScript {
  script: string;
  table: SymbolTable;
}

const MAX_DETAIL = 400;
export const clip = (s: string): string => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL)}…` : s);

export function validate(options: CasOptions): Required<Pick<CasOptions, 'timeoutMs' | 'maxNodes'>> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxNodes = options.maxNodes ?? 400;
  if (!(timeoutMs > 0)) throw new RangeError(`cas: timeoutMs = ${timeoutMs}, allowed: > 0`);
  if (!(Number.isInteger(maxNodes) && maxNodes > 0)) throw new RangeError(`cas: maxNodes = ${maxNodes}, allowed: integer > 0`);
  return { timeoutMs, maxNodes };
}

/**
 * Builds an Algebrite script with `build` (which translates sub-expressions through the context)
 * and returns the table of safe names, or a verdict when translation is impossible.
 */
export function buildScript(build: (ctx: CasScriptContext) => string, options: CasOptions):
  BuiltScript | CasVerdict {
  const { maxNodes } = validate(options);
  const table = new SymbolTable();
  const positive = options.positive ?? (() => false);
  let nodes = 0;
  const ctx: CasScriptContext = {
    t: (input) => {
      const node = typeof input === 'string' ? parse(input) : input;
      nodes += countNodes(node);
      if (nodes > maxNodes) throw new CasTooLargeError(`expression has more than ${maxNodes} nodes`);
      return toAlgebrite(splitRadicals(node, positive), table);
    },
    sym: (name) => table.safe(name),
    num: exactRational,
  };
  try {
    return { script: build(ctx), table };
  } catch (e) {
    if (e instanceof CasUnsupportedError) return { status: 'unsupported', detail: `not provable by CAS: ${e.message}` };
    if (e instanceof CasTooLargeError) return { status: 'undecided', detail: `CAS skipped: ${e.message}` };
    throw e;
  }
}

/** Runs `simplify` etc. on a built script; returns the result in mathjs syntax. */
export function evaluateScript(wrap: string, built: BuiltScript, options: CasOptions): CasExpression {
  const left = (options.deadline ?? Infinity) - performance.now();
  if (left <= 0) return { ok: false, status: 'undecided', detail: 'CAS time budget spent' };
  const result = runAlgebrite(wrap.replace('X', () => built.script), Math.min(validate(options).timeoutMs, left));
  if (!result.ok) {
    return { ok: false, status: 'undecided', detail: `Algebrite ${result.reason}: ${clip(result.message)}` };
  }
  return { ok: true, expr: fromAlgebrite(result.output, built.table), algebrite: result.output };
}

