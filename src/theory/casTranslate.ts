/**
 * mathjs AST ⇄ Algebrite text.
 *
 * Symbolic checks work per coordinate with scalar symbols, so the elementwise operators
 * `.*`, `./`, `.^` become `*`, `/`, `^`. Decimal literals become exact rationals (0.05 → 5/100) so
 * that Algebrite computes exactly. Every free symbol is renamed to a safe Algebrite name (`sy0`,
 * `sy1`, …): Algebrite reserves `e`, `i`, `d`, … and keeps its own meanings for them.
 *
 * Function map (mathjs → Algebrite): sqrt, exp, log (natural; log(x, b) = log x / log b), erf,
 * erfc(x) = 1 − erf(x), normcdf(x) = (1 + erf(x/√2))/2, atan → arctan, sin, cos, tan, abs,
 * square, cube. Anything else (tcdf, ell, lgamma, gamma, max, min, sign, sum, comparisons,
 * conditionals, matrices) throws CasUnsupportedError: the CAS step then answers "not provable by
 * CAS" instead of guessing.
 */
import type { MathNode, ConstantNode, SymbolNode, OperatorNode, FunctionNode, ParenthesisNode } from 'mathjs';

export class CasUnsupportedError extends Error {
  override name = 'CasUnsupportedError';
}

/** Two-way map between claim symbols and the safe names used inside Algebrite. */
export class SymbolTable {
  private readonly toSafe = new Map<string, string>();
  private readonly toOriginal = new Map<string, string>();

  safe(name: string): string {
    let s = this.toSafe.get(name);
    if (s === undefined) {
      s = `sy${this.toSafe.size}`;
      this.toSafe.set(name, s);
      this.toOriginal.set(s, name);
    }
    return s;
  }

  original(safe: string): string | undefined {
    return this.toOriginal.get(safe);
  }

  entries(): [original: string, safe: string][] {
    return [...this.toSafe.entries()];
  }
}

const BINARY: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', dotMultiply: '*', dotDivide: '/', dotPow: '^',
};

const UNSUPPORTED_HINT: Record<string, string> = {
  tcdf: 'the Student-t CDF has no closed form in Algebrite',
  ell: 'ell(nu) (a ratio of gamma functions) is not known to Algebrite',
  lgamma: 'lgamma is not known to Algebrite',
  gamma: 'gamma is not handled reliably by Algebrite',
  sum: 'sum over coordinates must be reduced to its summand first (casSums.ts)',
  max: 'max is not a CAS operation', min: 'min is not a CAS operation', sign: 'sign is not a CAS operation',
};

/** Exact decimal → rational text: 1.5e-3 → "(15/10000)". Throws for non-finite values. */
export function exactRational(value: number): string {
  if (!Number.isFinite(value)) throw new CasUnsupportedError(`non-finite constant ${value}`);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value < 0 ? `(${value})` : String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new CasUnsupportedError(`cannot read constant ${value}`);
  const [, sign, intPart, frac = '', exp = '0'] = match;
  let numerator = BigInt(intPart + frac);
  let denominator = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) numerator *= 10n ** BigInt(e);
  else denominator *= 10n ** BigInt(-e);
  return `(${sign}${numerator}/${denominator})`;
}

/** Translates a mathjs AST into Algebrite syntax, registering free symbols in `table`. */
export function toAlgebrite(node: MathNode, table: SymbolTable): string {
  const go = (n: MathNode): string => toAlgebrite(n, table);
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value !== 'number') throw new CasUnsupportedError(`constant ${String(value)}`);
      return exactRational(value);
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      if (name === 'pi' || name === 'PI') return 'pi';
      if (name === 'e' || name === 'E') return 'exp(1)';
      if (name === 'Infinity' || name === 'NaN' || name === 'i') throw new CasUnsupportedError(`symbol ${name}`);
      return table.safe(name);
    }
    case 'ParenthesisNode':
      return go((node as ParenthesisNode).content);
    case 'OperatorNode': {
      const op = node as OperatorNode;
      const args = op.args as MathNode[];
      if (op.fn === 'unaryMinus') return `(-(${go(args[0])}))`;
      if (op.fn === 'unaryPlus') return go(args[0]);
      const symbol = BINARY[op.fn];
      if (symbol === undefined || args.length !== 2) throw new CasUnsupportedError(`operator ${op.op}`);
      return `((${go(args[0])})${symbol}(${go(args[1])}))`;
    }
    case 'FunctionNode':
      return translateFunction(node as FunctionNode, go);
    default:
      throw new CasUnsupportedError(`${node.type} is not a CAS expression`);
  }
}

function translateFunction(fnNode: FunctionNode, go: (n: MathNode) => string): string {
  const name = fnNode.fn.name;
  const args = (fnNode.args as MathNode[]).map(go);
  const one = (): string => {
    if (args.length !== 1) throw new CasUnsupportedError(`${name} with ${args.length} arguments`);
    return args[0];
  };
  switch (name) {
    case 'sqrt': case 'exp': case 'erf': case 'sin': case 'cos': case 'tan': case 'abs':
      return `${name}(${one()})`;
    case 'atan': return `arctan(${one()})`;
    case 'erfc': return `(1-erf(${one()}))`;
    case 'normcdf': return `((1+erf((${one()})/sqrt(2)))/2)`;
    case 'square': return `((${one()})^2)`;
    case 'cube': return `((${one()})^3)`;
    case 'log':
      if (args.length === 1) return `log(${args[0]})`;
      if (args.length === 2) return `(log(${args[0]})/log(${args[1]}))`;
      throw new CasUnsupportedError(`log with ${args.length} arguments`);
    default:
      throw new CasUnsupportedError(`${name}: ${UNSUPPORTED_HINT[name] ?? 'not a function the CAS bridge translates'}`);
  }
}

/** Algebrite output → mathjs syntax (safe names back to claim symbols, arctan → atan). */
export function fromAlgebrite(text: string, table: SymbolTable): string {
  return text
    .replace(/\bsy\d+\b/g, (safe) => table.original(safe) ?? safe)
    .replace(/\barctan\(/g, 'atan(');
}

/** Number of nodes in an AST (the size bound of the CAS step). */
export function countNodes(node: MathNode): number {
  let count = 0;
  node.traverse(() => {
    count++;
  });
  return count;
}
