/**
 * Splitting radicals of products before the CAS sees them:
 *   √(a·b/c) = √a·√b/√c   when a, b, c > 0,
 * and (a·b/c)^p likewise for a non-integer constant p. Algebrite leaves √(2/π) − √2/√π and
 * √(v/(1−β₂ᵏ)) unsimplified because the split is invalid for negative factors; with the factors
 * known positive it is valid, and identities such as the Adam bias correction (B2) become provable.
 *
 * A factor is split out only when `positive(factor)` holds; the rest of the radicand stays under
 * one radical (valid because the radicand of a real expression is ≥ 0). `positive` combines a
 * structural rule (positive constants, π, e, exp(·), and products, quotients, sums and powers of
 * positive terms) with the caller's oracle for everything else (the symbolic checks pass
 * "positive at every sampled domain point" and say so in the CAS detail).
 */
import { OperatorNode, FunctionNode, ConstantNode, SymbolNode, ParenthesisNode, type MathNode } from 'mathjs';

export type PositivityOracle = (node: MathNode) => boolean;

export function structurallyPositive(node: MathNode, oracle: PositivityOracle): boolean {
  const pos = (n: MathNode): boolean => structurallyPositive(n, oracle);
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      return typeof value === 'number' && value > 0;
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      return name === 'pi' || name === 'e' || oracle(node);
    }
    case 'ParenthesisNode':
      return pos((node as ParenthesisNode).content);
    case 'FunctionNode': {
      const f = node as FunctionNode;
      if (f.fn.name === 'exp') return true;
      if (f.fn.name === 'sqrt') return pos(f.args[0] as MathNode);
      return oracle(node);
    }
    case 'OperatorNode': {
      const op = node as OperatorNode;
      const args = op.args as MathNode[];
      if (['multiply', 'divide', 'add', 'dotMultiply', 'dotDivide'].includes(op.fn) && args.every(pos)) return true;
      if ((op.fn === 'pow' || op.fn === 'dotPow') && pos(args[0])) return true;
      return oracle(node);
    }
    default:
      return oracle(node);
  }
}

interface Factors {
  numerator: MathNode[];
  denominator: MathNode[];
}

function collectFactors(node: MathNode, into: Factors, inverted: boolean): void {
  if (node.type === 'ParenthesisNode') return collectFactors((node as ParenthesisNode).content, into, inverted);
  if (node.type === 'OperatorNode') {
    const op = node as OperatorNode;
    const args = op.args as MathNode[];
    if ((op.fn === 'multiply' || op.fn === 'dotMultiply') && args.length === 2) {
      collectFactors(args[0], into, inverted);
      collectFactors(args[1], into, inverted);
      return;
    }
    if ((op.fn === 'divide' || op.fn === 'dotDivide') && args.length === 2) {
      collectFactors(args[0], into, inverted);
      collectFactors(args[1], into, !inverted);
      return;
    }
  }
  (inverted ? into.denominator : into.numerator).push(node);
}

const product = (nodes: MathNode[]): MathNode | null =>
  nodes.length === 0 ? null : nodes.reduce((acc, n) => new OperatorNode('*', 'multiply', [acc, n]));

function radical(base: MathNode, exponent: MathNode | null): MathNode {
  const wrapped = new ParenthesisNode(base);
  return exponent === null
    ? new FunctionNode(new SymbolNode('sqrt'), [wrapped])
    : new OperatorNode('^', 'pow', [wrapped, exponent]);
}

function isFractionalConstant(node: MathNode): boolean {
  const value = (node as unknown as { value: unknown }).value;
  return node.type === 'ConstantNode' && typeof value === 'number' && !Number.isInteger(value);
}

function splitOne(radicand: MathNode, exponent: MathNode | null, oracle: PositivityOracle): MathNode | null {
  const factors: Factors = { numerator: [], denominator: [] };
  collectFactors(radicand, factors, false);
  if (factors.numerator.length + factors.denominator.length < 2) return null;
  const isPos = (n: MathNode): boolean => structurallyPositive(n, oracle);
  const posNum = factors.numerator.filter(isPos);
  const posDen = factors.denominator.filter(isPos);
  const restNum = factors.numerator.filter((n) => !isPos(n));
  const restDen = factors.denominator.filter((n) => !isPos(n));
  if (posNum.length + posDen.length === 0) return null;
  const rest = product(restNum);
  const restDenominator = product(restDen);
  const restRadicand = rest === null
    ? (restDenominator === null ? null : new OperatorNode('/', 'divide', [new ConstantNode(1), restDenominator]))
    : (restDenominator === null ? rest : new OperatorNode('/', 'divide', [rest, restDenominator]));
  const numParts = posNum.map((n) => radical(n, exponent));
  if (restRadicand !== null) numParts.push(radical(restRadicand, exponent));
  const denParts = posDen.map((n) => radical(n, exponent));
  const top = product(numParts) ?? new ConstantNode(1);
  const bottom = product(denParts);
  return bottom === null ? top : new OperatorNode('/', 'divide', [top, bottom]);
}

/** Rewrites every √(product) and (product)^p, p a non-integer constant, splitting out positive factors. */
export function splitRadicals(node: MathNode, oracle: PositivityOracle): MathNode {
  return node.transform((n: MathNode) => {
    if (n.type === 'FunctionNode' && (n as FunctionNode).fn.name === 'sqrt' && (n as FunctionNode).args.length === 1) {
      const inner = splitRadicals((n as FunctionNode).args[0] as MathNode, oracle);
      return splitOne(inner, null, oracle) ?? new FunctionNode(new SymbolNode('sqrt'), [inner]);
    }
    if (n.type === 'OperatorNode' && ((n as OperatorNode).fn === 'pow' || (n as OperatorNode).fn === 'dotPow')) {
      const [base, exponent] = (n as OperatorNode).args as MathNode[];
      if (isFractionalConstant(exponent)) {
        const inner = splitRadicals(base, oracle);
        return splitOne(inner, exponent, oracle) ?? new OperatorNode('^', 'pow', [new ParenthesisNode(inner), exponent]);
      }
    }
    return n;
  });
}
