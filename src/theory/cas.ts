/**
 * The computer-algebra bridge: mathjs expressions in, Algebrite (1.4.0) out, verdicts back.
 *
 * Why Algebrite: mathjs cannot differentiate erf and its simplify misses identities; nerdamer
 * returned wrong derivatives (DESIGN.md §5). Algebrite passed every identity of
 * test/theory/cas-conformance.test.ts. A CAS verdict is still never final on its own: the symbolic
 * checks always confirm numerically (src/check/symbolic).
 *
 * Zero test of an expression D (after splitting radicals of positive factors, casRadicals.ts):
 *   1. `rationalize(D)` printing 0 ⇒ 'zero' (fast; settles most rational identities).
 *   2. D evaluated EXACTLY at witness points rounded to 3 significant digits; an exact non-zero
 *      rational value ⇒ 'nonzero' (an analytic difference that is non-zero at one point of a
 *      connected domain is not identically zero). Values with surds, π or erf certify nothing.
 *   3. `simplify(D)` printing 0 ⇒ 'zero' (slower; needed for exp/erf/radical cancellations;
 *      skipped with `fastOnly`).
 *   4. Otherwise 'undecided'. Expressions over `maxNodes` nodes, Algebrite calls over
 *      `timeoutMs`, and calls after the `deadline` (a budget across calls) are 'undecided' too; functions Algebrite cannot handle (tcdf, ell, lgamma, …)
 *      give 'unsupported' ("not provable by CAS").
 * Sums over coordinates: see casSums.ts (reduction to the summand; zero proofs only).
 */
import { parse, type MathNode } from 'mathjs';
import { runAlgebrite } from './casEngine.ts';
import { splitRadicals, type PositivityOracle } from './casRadicals.ts';
import { reduceSums } from './casSums.ts';
import { CasUnsupportedError, SymbolTable, countNodes, exactRational, fromAlgebrite, toAlgebrite } from './casTranslate.ts';

export { CasUnsupportedError } from './casTranslate.ts';
export type { PositivityOracle } from './casRadicals.ts';

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

const MAX_DETAIL = 400;
const clip = (s: string): string => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL)}…` : s);
const RATIONAL = /^-?\d+(\/\d+)?$/;
/**
 * Witness guards: Algebrite 1.4.0 mis-evaluates large exact powers (1/(1 − (96/100)^552) gives
 * "divide by zero"), so witnesses use 3 significant digits, no symbol above 12 in an exponent,
 * short outputs.
 */
const WITNESS_DIGITS = 3;
const WITNESS_MAX_EXPONENT = 12;
const WITNESS_MAX_CHARS = 80;
const WITNESS_TIMEOUT_MS = 500;

function validate(options: CasOptions): Required<Pick<CasOptions, 'timeoutMs' | 'maxNodes'>> {
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
function buildScript(build: (ctx: CasScriptContext) => string, options: CasOptions):
  { script: string; table: SymbolTable } | CasVerdict {
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
function evaluateScript(wrap: string, built: { script: string; table: SymbolTable }, options: CasOptions): CasExpression {
  const left = (options.deadline ?? Infinity) - performance.now();
  if (left <= 0) return { ok: false, status: 'undecided', detail: 'CAS time budget spent' };
  const result = runAlgebrite(wrap.replace('X', () => built.script), Math.min(validate(options).timeoutMs, left));
  if (!result.ok) {
    return { ok: false, status: 'undecided', detail: `Algebrite ${result.reason}: ${clip(result.message)}` };
  }
  return { ok: true, expr: fromAlgebrite(result.output, built.table), algebrite: result.output };
}

/** Is the expression produced by `build` identically zero? (See the module comment.) */
export function casZeroTest(build: (ctx: CasScriptContext) => string, options: CasOptions = {}): CasVerdict {
  const built = buildScript(build, options);
  if (!('script' in built)) return built;
  let last = '';
  const attempt = (wrap: string): boolean => {
    const r = evaluateScript(wrap, built, options);
    const name = wrap.replace('(X)', '');
    last = r.ok ? `${name} leaves ${clip(r.expr)}` : r.detail;
    return r.ok && r.algebrite === '0';
  };
  if (attempt('rationalize(X)')) return { status: 'zero', detail: 'rationalize gives 0' };
  for (const point of options.witnesses ?? []) {
    const witness = exactWitness(built, point, options);
    if (witness !== null) return { status: 'nonzero', detail: `${last}; exactly ${witness}` };
  }
  if (options.fastOnly) return { status: 'undecided', detail: `${last} (fast steps only)` };
  if (attempt('simplify(X)')) return { status: 'zero', detail: 'simplify gives 0' };
  return { status: 'undecided', detail: last };
}

function exactWitness(built: { script: string; table: SymbolTable }, point: Readonly<Record<string, number>>, options: CasOptions): string | null {
  let script = built.script;
  const at: string[] = [];
  const inExponents = exponentText(built.script);
  for (const [name, safe] of built.table.entries()) {
    const value = point[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    const rounded = Number(value.toPrecision(WITNESS_DIGITS));
    if (Math.abs(rounded) > WITNESS_MAX_EXPONENT && new RegExp(`\\b${safe}\\b`).test(inExponents)) return null;
    script = `subst(${exactRational(rounded)},${safe},${script})`;
    at.push(`${name} = ${rounded}`);
  }
  const timeoutMs = Math.min(validate(options).timeoutMs, WITNESS_TIMEOUT_MS);
  const r = evaluateScript('X', { script, table: built.table }, { ...options, timeoutMs });
  if (!r.ok || r.algebrite.length > WITNESS_MAX_CHARS || !RATIONAL.test(r.algebrite) || r.algebrite === '0') return null;
  return `${r.algebrite} at ${at.join(', ')}`;
}

/** The text of every exponent group `^(…)` of an Algebrite script, concatenated. */
function exponentText(script: string): string {
  let out = '';
  for (let i = script.indexOf('^('); i >= 0; i = script.indexOf('^(', i + 1)) {
    let depth = 0;
    let j = i + 1;
    for (; j < script.length; j++) {
      if (script[j] === '(') depth++;
      else if (script[j] === ')' && --depth === 0) break;
    }
    out += `${script.slice(i + 1, j + 1)} `;
  }
  return out;
}

/** Is lhs − rhs ≡ 0? Sums over coordinates are reduced to their summands (casSums.ts). */
export function casEqual(lhs: string | MathNode, rhs: string | MathNode, options: CasOptions = {}): CasVerdict {
  const l = typeof lhs === 'string' ? parse(lhs) : lhs;
  const r = typeof rhs === 'string' ? parse(rhs) : rhs;
  let reduction;
  try {
    reduction = reduceSums(l, r, options.isVector ?? (() => false));
  } catch (e) {
    if (e instanceof CasUnsupportedError) return { status: 'unsupported', detail: `not provable by CAS: ${e.message}` };
    throw e;
  }
  const details: string[] = [];
  for (const target of reduction.targets) {
    const verdict = casZeroTest(({ t }) => t(target), reduction.reduced ? { ...options, witnesses: [] } : options);
    if (verdict.status !== 'zero') {
      const why = reduction.reduced ? `per-coordinate summand: ${verdict.detail}` : verdict.detail;
      return { status: verdict.status, detail: why };
    }
    details.push(verdict.detail);
  }
  return { status: 'zero', detail: reduction.reduced ? `per-coordinate summand (sum reduction): ${details.join('; ')}` : details.join('; ') };
}

export function casIsZero(expr: string | MathNode, options: CasOptions = {}): CasVerdict {
  return casEqual(expr, '0', options);
}

/** Runs `wrap` (a template with X standing for the built script) and translates the output back. */
export function casRun(wrap: string, build: (ctx: CasScriptContext) => string, options: CasOptions = {}): CasExpression {
  return transform(wrap, build, options);
}

function transform(wrap: string, build: (ctx: CasScriptContext) => string, options: CasOptions): CasExpression {
  const built = buildScript(build, options);
  if (!('script' in built)) return { ok: false, status: built.status === 'unsupported' ? 'unsupported' : 'undecided', detail: built.detail };
  return evaluateScript(wrap, built, options);
}

export function casSimplify(expr: string | MathNode, options: CasOptions = {}): CasExpression {
  return transform('simplify(X)', ({ t }) => t(expr), options);
}

export function casExpand(expr: string | MathNode, options: CasOptions = {}): CasExpression {
  return transform('expand(X)', ({ t }) => t(expr), options);
}

/** d expr / d variable. */
export function casDerivative(expr: string | MathNode, variable: string, options: CasOptions = {}): CasExpression {
  return transform('simplify(X)', ({ t, sym }) => `d(${t(expr)},${sym(variable)})`, options);
}

/** Taylor polynomial of expr in variable at `at`, through degree `order`. */
export function casTaylor(expr: string | MathNode, variable: string, order: number, at: number, options: CasOptions = {}): CasExpression {
  if (!(Number.isInteger(order) && order >= 0)) throw new RangeError(`casTaylor: order = ${order}, allowed: integer ≥ 0`);
  return transform('X', ({ t, sym, num }) => `taylor(${t(expr)},${sym(variable)},${order},${num(at)})`, options);
}

/** Simultaneous substitution symbol → expression, then simplify. */
export function casSubstitute(expr: string | MathNode, substitute: Readonly<Record<string, string>>, options: CasOptions = {}): CasExpression {
  const node = typeof expr === 'string' ? parse(expr) : expr;
  return casSimplify(substituteNode(node, substitute), options);
}

/** Simultaneous substitution in a mathjs AST (each replacement parenthesised). */
export function substituteNode(node: MathNode, substitute: Readonly<Record<string, string | MathNode>>): MathNode {
  const replacements = new Map(Object.entries(substitute).map(([k, v]) => [k, typeof v === 'string' ? parse(v) : v]));
  return node.transform((n: MathNode, _path: string, parent: MathNode | null) => {
    if (n.type !== 'SymbolNode') return n;
    if (parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n) return n;
    const r = replacements.get((n as unknown as { name: string }).name);
    return r === undefined ? n : parse(`(${r.toString()})`);
  });
}
