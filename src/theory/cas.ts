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
 *      `stepLimit` evaluation steps, and calls once a shared `budget` of steps is spent are
 *      'undecided' too (steps, not time, so the verdict never depends on the machine's load);
 *      functions Algebrite cannot handle (tcdf, ell, lgamma, …) give 'unsupported' ("not provable
 *      by CAS").
 * Files: casEngine.ts (worker, step limit), casTranslate.ts (mathjs ⇄ Algebrite), casRadicals.ts,
 * casSums.ts, casScript.ts (options, running a script), casZero.ts (the zero test).
 * Sums over coordinates: see casSums.ts (reduction to the summand; zero proofs only).
 */
import { parse, type MathNode } from 'mathjs';
import { reduceSums } from './casSums.ts';
import { CasUnsupportedError } from './casTranslate.ts';
import { buildScript, evaluateScript, type CasExpression, type CasOptions, type CasScriptContext, type CasVerdict } from './casScript.ts';
import { casZeroTest } from './casZero.ts';

export { CasUnsupportedError } from './casTranslate.ts';
export type { PositivityOracle } from './casRadicals.ts';
export type { CasExpression, CasOptions, CasScriptContext, CasStatus, CasVerdict } from './casScript.ts';
export { casZeroTest } from './casZero.ts';

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
