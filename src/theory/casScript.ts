/**
 * Building and running Algebrite scripts for the CAS bridge (cas.ts): options, verdict types, the
 * translation context handed to script builders (mathjs node → Algebrite text with radicals of
 * positive factors split, casRadicals.ts), and one step-bounded run translated back to mathjs
 * syntax. Size and step limits turn into 'undecided', untranslatable functions into 'unsupported'.
 */
import { parse, type MathNode } from 'mathjs';
import { DEFAULT_LIMITS, runAlgebrite } from './casEngine.ts';
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
  /** Evaluation steps per Algebrite call (casEngine.ts; default DEFAULT_LIMITS.steps). */
  stepLimit?: number;
  /** Steps left for all calls that share this object (a budget across calls); each call spends its own. */
  budget?: CasStepBudget;
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

/** A budget of Algebrite evaluation steps shared by several calls (one check's). */
export interface CasStepBudget {
  stepsLeft: number;
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

export function validate(options: CasOptions): Required<Pick<CasOptions, 'stepLimit' | 'maxNodes'>> {
  const stepLimit = options.stepLimit ?? DEFAULT_LIMITS.steps;
  const maxNodes = options.maxNodes ?? 400;
  if (!(Number.isInteger(stepLimit) && stepLimit > 0)) throw new RangeError(`cas: stepLimit = ${stepLimit}, allowed: integer > 0`);
  if (!(Number.isInteger(maxNodes) && maxNodes > 0)) throw new RangeError(`cas: maxNodes = ${maxNodes}, allowed: integer > 0`);
  return { stepLimit, maxNodes };
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
  const left = options.budget?.stepsLeft ?? Infinity;
  if (left <= 0) return { ok: false, status: 'undecided', detail: 'CAS step budget spent' };
  const steps = Math.min(validate(options).stepLimit, left);
  const result = runAlgebrite(wrap.replace('X', () => built.script), { ...DEFAULT_LIMITS, steps });
  // A call stopped by the backstop has no step count: it spent everything it was allowed.
  if (options.budget !== undefined) options.budget.stepsLeft -= Number.isFinite(result.steps) ? Math.min(result.steps, steps) : steps;
  if (!result.ok) {
    return { ok: false, status: 'undecided', detail: `Algebrite ${result.reason}: ${clip(result.message)}` };
  }
  return { ok: true, expr: fromAlgebrite(result.output, built.table), algebrite: result.output };
}

