/**
 * What every symbolic check needs from its claim: expressions resolved (resolveExpression of
 * src/theory/resolve.ts: names of `expressions` entries replaced by their formulas, `let`
 * definitions inlined in order), random domain points satisfying `assume`, compiled numeric
 * evaluators, and the CAS options derived from the points (positivity oracle, witnesses, vector
 * symbols).
 *
 * Lets are inlined for both sides (not evaluated separately) so that a let may depend on a state
 * symbol the check binds (e.g. g = lam.*x in a drift).
 */
import type { MathNode } from 'mathjs';
import type { Claim } from '../../theory/claim.ts';
import type { CasOptions } from '../../theory/cas.ts';
import { resolveExpression } from '../../theory/resolve.ts';
import { createStream } from '../../random/xoshiro.ts';
import { deriveSeed } from '../../random/seeds.ts';
import { samplePoints, type Point } from './pointSampler.ts';
import { compileNumeric, type NumericFunction } from './compileNumeric.ts';
import { symbolicDefinitionError, validateOptions, type SymbolicKind, type SymbolicOptions } from './symbolicResult.ts';

const CONSTANTS = new Set(['pi', 'e', 'Infinity']);

export interface ClaimContext {
  claim: Claim;
  options: ReturnType<typeof validateOptions>;
  /** Resolves a name or an expression string and inlines the lets. */
  resolve(expr: string, field: string): MathNode;
  /** Compiles a resolved node; `extra` names symbols the check binds (state variables, …). */
  compile(node: MathNode, extra?: readonly string[]): NumericFunction;
  /** Domain points satisfying assume (drawn once, lazily). */
  points(): Point[];
  isVector(name: string): boolean;
  casOptions(): CasOptions;
}

export function freeSymbols(node: MathNode): string[] {
  const seen = new Set<string>();
  node.traverse((n: MathNode, _path: string, parent: MathNode | null) => {
    if (n.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n) return;
    seen.add((n as unknown as { name: string }).name);
  });
  return [...seen].filter((s) => !CONSTANTS.has(s));
}

export function claimContext(claim: Claim, kind: SymbolicKind, rawOptions: SymbolicOptions): ClaimContext {
  const options = validateOptions(rawOptions);
  const fail = (field: string, detail: string): never => {
    throw symbolicDefinitionError(claim, options.label, field, detail);
  };
  const resolve = (expr: string, field: string): MathNode => {
    try {
      return resolveExpression(claim, expr, { lets: true });
    } catch (e) {
      return fail(field, `cannot read '${expr}': ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const compile = (node: MathNode, extra: readonly string[] = []): NumericFunction => {
    for (const s of freeSymbols(node)) {
      if (!(s in claim.domain) && !extra.includes(s)) fail('', `symbol '${s}' in '${node.toString()}' is not declared in the domain`);
    }
    return compileNumeric(node);
  };

  let drawn: Point[] | null = null;
  const points = (): Point[] => {
    if (drawn === null) {
      const rng = createStream(deriveSeed(options.seed, claim.id, 'symbolic', kind, options.label));
      drawn = samplePoints(claim, rng, options.points);
    }
    return drawn;
  };

  const isVector = (name: string): boolean => claim.domain[name]?.vector !== undefined;

  const positiveCache = new Map<string, boolean>();
  const positive = (node: MathNode): boolean => {
    const key = node.toString();
    let known = positiveCache.get(key);
    if (known === undefined) {
      known = false;
      if (freeSymbols(node).every((s) => s in claim.domain)) {
        const f = compileNumeric(node);
        known = points().every((p) => f(p).every((v) => v > 0));
      }
      positiveCache.set(key, known);
    }
    return known;
  };

  const casOptions = (): CasOptions => ({
    stepLimit: options.casStepLimit,
    budget: { stepsLeft: options.casBudgetSteps },
    isVector,
    positive,
    witnesses: points().slice(0, 3).map((p) => coordinatePoint(p, 0)),
  });

  return { claim, options, resolve, compile, points, isVector, casOptions };
}

/** A point with every vector replaced by its j-th entry (one coordinate of a per-coordinate system). */
export function coordinatePoint(point: Point, j: number): Record<string, number> {
  return Object.fromEntries(Object.entries(point).map(([k, v]) => [k, typeof v === 'number' ? v : v[j]]));
}

/** Number of coordinates of a point (1 when it has no vector entry). */
export function coordinateCount(point: Point): number {
  for (const v of Object.values(point)) if (typeof v !== 'number') return v.length;
  return 1;
}
