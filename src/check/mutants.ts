/**
 * Mutants of a claim expression, for the checker's power self-test (DESIGN.md §1.6, §4 "Power").
 *
 * Operators, applied to the mathjs AST in pre-order (node index k = position in `traverse`):
 *   const×1.1@k, const×0.9@k   a numeric literal c → 1.1c, 0.9c (pi → 1.1*pi, 0.9*pi); exponent
 *                              literals are left to the exponent operator
 *   drop-factor@k.i            factor i of the multiplicative chain rooted at node k (a·b/c·…,
 *                              numerator and denominator factors in order) removed
 *   drop-sqrt@k                sqrt(u) → u
 *   exponent+1@k, exponent-1@k u^n → u^(n+1), u^(n−1) (a symbolic exponent e becomes (e) ± 1)
 *   drop-minus@k               −u → u
 * Mutants are deduplicated on a normal form (parentheses re-derived from precedence) and none
 * equals the original. A mutant is marked `equivalent` when it agrees with the original to 1e-9
 * relative at every evaluation scope (default: 24 scopes with every free symbol drawn
 * log-uniformly from [0.2, 5], seed 0) — e.g. dropping a factor 1; no check can kill those.
 */
import { parse, OperatorNode, ConstantNode, SymbolNode, ParenthesisNode, type MathNode } from 'mathjs';
import { createStream } from '../random/xoshiro.ts';
import { compileNumeric } from './symbolic/compileNumeric.ts';
import { freeSymbols } from './symbolic/claimContext.ts';
import type { Point } from './symbolic/pointSampler.ts';

export interface Mutant {
  id: string;
  description: string;
  expr: string;
  equivalent?: boolean;
}

export interface MutantOptions {
  /** Scopes at which equivalence to the original is tested (default: random positive scalars). */
  scopes?: Point[];
}

const CHAIN_OPS = new Set(['multiply', 'divide', 'dotMultiply', 'dotDivide']);
const EQUIVALENCE_REL = 1e-9;

type Op = { fn: string; args: MathNode[] };
const asOp = (n: MathNode): Op | null => (n.type === 'OperatorNode' ? (n as unknown as Op) : null);
const unparen = (n: MathNode): MathNode => (n.type === 'ParenthesisNode' ? unparen((n as ParenthesisNode).content) : n);
const short = (n: MathNode): string => { const s = n.toString(); return s.length > 40 ? `${s.slice(0, 37)}...` : s; };

function normalize(node: MathNode): string {
  return node.transform((n: MathNode) => unparen(n)).toString({ parenthesis: 'auto' });
}

/** Replaces the k-th node (pre-order) of `root` by `make(node)`. */
function replaceAt(root: MathNode, k: number, make: (n: MathNode) => MathNode): MathNode {
  let index = -1;
  return root.transform((n: MathNode) => (++index === k ? make(n) : n));
}

function factors(node: MathNode, into: { num: MathNode[]; den: MathNode[]; elementwise?: boolean }, inverted: boolean): void {
  const op = asOp(unparen(node));
  if (op !== null && CHAIN_OPS.has(op.fn)) {
    const divide = op.fn === 'divide' || op.fn === 'dotDivide';
    if (op.fn === 'dotMultiply' || op.fn === 'dotDivide') into.elementwise = true;
    factors(op.args[0], into, inverted);
    factors(op.args[1], into, divide ? !inverted : inverted);
    return;
  }
  (inverted ? into.den : into.num).push(node);
}

/**
 * Rebuilds a product chain. A chain that used an elementwise operator is rebuilt with .* and ./
 * throughout, so that dropping a factor of `a .* b ./ c` never leaves a matrix product of vectors.
 */
function rebuild(num: MathNode[], den: MathNode[], elementwise = false): MathNode {
  const [mul, mulFn, div, divFn] = elementwise ? ['.*', 'dotMultiply', './', 'dotDivide'] : ['*', 'multiply', '/', 'divide'];
  const product = (xs: MathNode[]): MathNode => xs.reduce((a, b) => new OperatorNode(mul as '*', mulFn as 'multiply', [a, b]));
  const top = num.length === 0 ? new ConstantNode(1) : product(num);
  return den.length === 0 ? top : new OperatorNode(div as '/', divFn as 'divide', [top, new ParenthesisNode(product(den))]);
}

function rawMutants(root: MathNode): Mutant[] {
  const out: Mutant[] = [];
  const nodes: { node: MathNode; parent: MathNode | null }[] = [];
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => nodes.push({ node, parent }));
  const parentOf = new Map(nodes.map(({ node, parent }) => [node, parent]));
  const effectiveParent = (node: MathNode): MathNode | null => {
    let p = parentOf.get(node) ?? null;
    while (p !== null && p.type === 'ParenthesisNode') p = parentOf.get(p) ?? null;
    return p;
  };
  const inChain = (node: MathNode): boolean => {
    const p = effectiveParent(node);
    return p !== null && CHAIN_OPS.has(asOp(p)?.fn ?? '');
  };
  const isExponent = (node: MathNode): boolean => {
    const p = parentOf.get(node) ?? null;
    const op = p === null ? null : asOp(p);
    return op !== null && (op.fn === 'pow' || op.fn === 'dotPow') && op.args[1] === node;
  };
  const add = (id: string, description: string, k: number, make: (n: MathNode) => MathNode): void => {
    out.push({ id, description, expr: replaceAt(root, k, make).toString() });
  };
  nodes.forEach(({ node, parent }, k) => {
    const value = (node as unknown as { value: unknown }).value;
    if (node.type === 'ConstantNode' && typeof value === 'number' && value !== 0 && !isExponent(node)) {
      for (const f of [1.1, 0.9]) {
        const v = Number((value * f).toPrecision(15));
        add(`const×${f}@${k}`, `constant ${value} → ${v} (×${f})`, k, () => new ConstantNode(v));
      }
    }
    if (node.type === 'SymbolNode' && (node as SymbolNode).name === 'pi' && (parent as unknown as { fn?: MathNode } | null)?.fn !== node) {
      for (const f of [1.1, 0.9]) {
        add(`const×${f}@${k}`, `constant pi → ${f}·pi`, k, () => new ParenthesisNode(new OperatorNode('*', 'multiply', [new ConstantNode(f), new SymbolNode('pi')])));
      }
    }
    const op = asOp(node);
    if (op !== null && CHAIN_OPS.has(op.fn) && !inChain(node)) {
      const f: { num: MathNode[]; den: MathNode[]; elementwise?: boolean } = { num: [], den: [] };
      factors(node, f, false);
      const all = [...f.num.map((n) => ({ n, den: false })), ...f.den.map((n) => ({ n, den: true }))];
      all.forEach(({ n, den }, i) => {
        add(`drop-factor@${k}.${i}`, `drop ${den ? 'divisor' : 'factor'} ${short(n)} from ${short(node)}`, k, () =>
          rebuild(f.num.filter((x) => x !== n), f.den.filter((x) => x !== n), f.elementwise));
      });
    }
    if (node.type === 'FunctionNode' && (node as unknown as { fn: SymbolNode }).fn.name === 'sqrt') {
      const arg = (node as unknown as { args: MathNode[] }).args[0];
      add(`drop-sqrt@${k}`, `remove sqrt around ${short(arg)}`, k, () => new ParenthesisNode(arg));
    }
    if (op !== null && (op.fn === 'pow' || op.fn === 'dotPow')) {
      const [base, exponent] = op.args;
      const ev = (unparen(exponent) as unknown as { value: unknown }).value;
      for (const delta of [1, -1]) {
        const changed = unparen(exponent).type === 'ConstantNode' && typeof ev === 'number'
          ? new ConstantNode(ev + delta)
          : new ParenthesisNode(new OperatorNode(delta > 0 ? '+' : '-', delta > 0 ? 'add' : 'subtract', [exponent, new ConstantNode(1)]));
        add(`exponent${delta > 0 ? '+1' : '-1'}@${k}`, `exponent ${short(exponent)} → ${changed.toString()} in ${short(node)}`, k, () =>
          (op.fn === 'pow' ? new OperatorNode('^', 'pow', [base, changed]) : new OperatorNode('.^', 'dotPow', [base, changed])));
      }
    }
    if (op !== null && op.fn === 'unaryMinus') {
      add(`drop-minus@${k}`, `drop unary minus in ${short(node)}`, k, () => op.args[0]);
    }
  });
  return out;
}

function defaultScopes(symbols: string[]): Point[] {
  const rng = createStream(0);
  return Array.from({ length: 24 }, () =>
    Object.fromEntries(symbols.map((s) => [s, Math.exp(Math.log(0.2) + Math.log(25) * rng.nextDouble())])));
}

function agreesEverywhere(a: MathNode, b: MathNode, scopes: Point[]): boolean {
  const f = compileNumeric(a);
  const g = compileNumeric(b);
  return scopes.every((scope) => {
    let x: Float64Array;
    let y: Float64Array;
    try {
      x = f(scope);
      y = g(scope);
    } catch {
      return false;
    }
    if (x.length !== y.length) return false;
    return x.every((xi, i) => xi === y[i] || (Number.isNaN(xi) && Number.isNaN(y[i]))
      || Math.abs(xi - y[i]) <= EQUIVALENCE_REL * Math.max(Math.abs(xi), Math.abs(y[i])));
  });
}

/** The mutants of `expr` (see the module comment), in a deterministic order. */
export function mutants(expr: string, options: MutantOptions = {}): Mutant[] {
  const root = parse(expr);
  const seen = new Set([normalize(root)]);
  const scopes = options.scopes ?? defaultScopes(freeSymbols(root));
  const out: Mutant[] = [];
  for (const m of rawMutants(root)) {
    const node = parse(m.expr);
    const key = normalize(node);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(agreesEverywhere(root, node, scopes) ? { ...m, equivalent: true } : m);
  }
  return out;
}
