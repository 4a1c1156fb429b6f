import type { MathNode } from 'mathjs';
import type { Claim } from './claim.ts';
import { parseExpression } from './compile.ts';
import { math } from './mathInstance.ts';

/**
 * The expression a claim field stands for: a bare name of an `expressions` entry is that
 * formula, and every name of an `expressions` entry inside a larger expression is replaced by its
 * formula (parenthesised, recursively). `lets` also inlines the `let` definitions (later lets see
 * earlier ones), which leaves only domain and state symbols. `overrides` replaces entries of
 * `expressions` (a mutant). The loader has ruled out cycles and unknown names.
 */
export function resolveExpression(
  claim: Claim,
  text: string,
  opts: { lets?: boolean; overrides?: Readonly<Record<string, string>> } = {},
): MathNode {
  const defs: Record<string, string> = { ...(opts.lets ? claim.let : {}), ...claim.expressions, ...opts.overrides };
  const declared = new Set(Object.keys(claim.domain));
  const cache = new Map<string, MathNode>();
  const expand = (name: string, stack: readonly string[]): MathNode => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit.cloneDeep();
    if (stack.includes(name)) throw new Error(`${claim.origin.file}: circular definition ${[...stack, name].join(' → ')}`);
    const node = substitute(parseExpression(defs[name]), [...stack, name]);
    cache.set(name, node);
    return node.cloneDeep();
  };
  const substitute = (node: MathNode, stack: readonly string[]): MathNode =>
    node.transform((n, _path, parent) => {
      if (n.type !== 'SymbolNode') return n;
      if (parent?.type === 'FunctionNode' && (parent as MathNode & { fn: MathNode }).fn === n) return n;
      const name = (n as MathNode & { name: string }).name;
      if (declared.has(name) || !Object.hasOwn(defs, name)) return n;
      return new math.ParenthesisNode(expand(name, stack));
    });
  return substitute(parseExpression(text), []);
}
