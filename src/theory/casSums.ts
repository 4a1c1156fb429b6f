/**
 * Reducing sums over coordinates to per-coordinate CAS questions.
 *
 * The CAS works with scalar symbols, one coordinate at a time. An aggregate identity
 *   Σₖ aₖ·sum(fₖ) + r  ≡  Σₖ bₖ·sum(gₖ) + r'
 * (aₖ, bₖ scalar coefficients free of sums and of vector symbols; r, r' sum-free scalars) holds if
 *   H = Σₖ aₖ fₖ − Σₖ bₖ gₖ ≡ 0  (per coordinate)   and   R = r − r' ≡ 0,
 * since then Σᵢ H(pᵢ) + R = 0 for every length d. So the reduction gives a sound proof of an identity
 * when the CAS shows H ≡ 0 and R ≡ 0; it is NOT a proof of a non-identity (sum(s + 1/d) = sum(s) + 1
 * has H ≠ 0), so a non-zero H or R under reduction only makes the CAS undecided.
 * A sum in any other position (inside a non-linear function, a product of two sums, a sum times a
 * vector) throws CasUnsupportedError; the numeric check, which evaluates the full vectors, then decides.
 */
import { OperatorNode, FunctionNode, ParenthesisNode, ConstantNode, type MathNode } from 'mathjs';
import { CasUnsupportedError } from './casTranslate.ts';

export interface SumReduction {
  /** Expressions that must all be ≡ 0 for the identity to hold. */
  targets: MathNode[];
  /** True when sums were replaced by their summands (a zero proof stays valid; a non-zero one does not). */
  reduced: boolean;
}

interface Linear {
  /** coefficient × summand pairs, coefficient null meaning 1. */
  sums: { coef: MathNode | null; summand: MathNode }[];
  rest: MathNode[];
}

export function containsSum(node: MathNode): boolean {
  return node.filter((n: MathNode) => n.type === 'FunctionNode' && (n as FunctionNode).fn.name === 'sum').length > 0;
}

function symbolsOf(node: MathNode): string[] {
  return node
    .filter((n: MathNode) => n.type === 'SymbolNode')
    .map((n: MathNode) => (n as unknown as { name: string }).name);
}

const times = (a: MathNode | null, b: MathNode): MathNode => (a === null ? b : new OperatorNode('*', 'multiply', [a, b]));
const negate = (n: MathNode | null): MathNode =>
  new OperatorNode('-', 'unaryMinus', [n === null ? new ConstantNode(1) : new ParenthesisNode(n)]);

function scale(lin: Linear, factor: (c: MathNode | null) => MathNode, restFactor: (r: MathNode) => MathNode): Linear {
  return { sums: lin.sums.map((t) => ({ coef: factor(t.coef), summand: t.summand })), rest: lin.rest.map(restFactor) };
}

function linear(node: MathNode, isVector: (name: string) => boolean): Linear {
  const isScalarCoefficient = (n: MathNode): boolean => !containsSum(n) && !symbolsOf(n).some(isVector);
  if (!containsSum(node)) return { sums: [], rest: [node] };
  const lin = (n: MathNode): Linear => linear(n, isVector);
  if (node.type === 'ParenthesisNode') return lin((node as ParenthesisNode).content);
  if (node.type === 'FunctionNode') {
    const f = node as FunctionNode;
    const arg = f.args[0] as MathNode;
    if (f.fn.name === 'sum' && f.args.length === 1 && !containsSum(arg)) return { sums: [{ coef: null, summand: arg }], rest: [] };
  }
  if (node.type === 'OperatorNode') {
    const op = node as OperatorNode;
    const [a, b] = op.args as MathNode[];
    switch (op.fn) {
      case 'unaryPlus':
        return lin(a);
      case 'unaryMinus':
        return scale(lin(a), negate, (r) => negate(r));
      case 'add': {
        const [la, lb] = [lin(a), lin(b)];
        return { sums: [...la.sums, ...lb.sums], rest: [...la.rest, ...lb.rest] };
      }
      case 'subtract': {
        const [la, lb] = [lin(a), scale(lin(b), negate, (r) => negate(r))];
        return { sums: [...la.sums, ...lb.sums], rest: [...la.rest, ...lb.rest] };
      }
      case 'multiply': case 'dotMultiply': {
        if (isScalarCoefficient(a)) return scale(lin(b), (c) => times(c, new ParenthesisNode(a)), (r) => times(r, a));
        if (isScalarCoefficient(b)) return scale(lin(a), (c) => times(c, new ParenthesisNode(b)), (r) => times(r, b));
        break;
      }
      case 'divide': case 'dotDivide': {
        if (isScalarCoefficient(b)) {
          const inv = (c: MathNode | null): MathNode =>
            new OperatorNode('/', 'divide', [c === null ? new ConstantNode(1) : c, new ParenthesisNode(b)]);
          return scale(lin(a), inv, (r) => new OperatorNode('/', 'divide', [r, new ParenthesisNode(b)]));
        }
        break;
      }
    }
  }
  throw new CasUnsupportedError(`sum in a non-linear position: ${node.toString()}`);
}

const addAll = (nodes: MathNode[]): MathNode =>
  nodes.length === 0 ? new ConstantNode(0) : nodes.reduce((acc, n) => new OperatorNode('+', 'add', [acc, n]));

/** Splits lhs − rhs into the per-coordinate targets described above. */
export function reduceSums(lhs: MathNode, rhs: MathNode, isVector: (name: string) => boolean): SumReduction {
  const difference = new OperatorNode('-', 'subtract', [new ParenthesisNode(lhs), new ParenthesisNode(rhs)]);
  if (!containsSum(difference)) return { targets: [difference], reduced: false };
  const lin = linear(difference, isVector);
  const vectorRest = lin.rest.filter((r) => symbolsOf(r).some(isVector));
  if (vectorRest.length > 0) {
    throw new CasUnsupportedError(`a coordinate quantity is added to a sum: ${vectorRest[0].toString()}`);
  }
  const summand = addAll(lin.sums.map((t) => (t.coef === null ? new ParenthesisNode(t.summand) : times(t.coef, new ParenthesisNode(t.summand)))));
  const targets = [summand];
  if (lin.rest.length > 0) targets.push(addAll(lin.rest));
  return { targets, reduced: true };
}
