/**
 * Randomized identity testing: lhs and rhs evaluated in double precision at the context's points.
 *
 * Entry by entry (a coordinate quantity compares coordinatewise), with a = lhs, b = rhs:
 *   |a − b| ≤ 1e-9·M + rel·|b| + abs,   M = max(|a|, |b|, |t| over the top-level additive terms t
 * of both sides), so that rounding in a cancelling sum is judged against the size of its terms.
 * `rel`, `abs` are the check's tolerance (expressions, evaluated at the point; default 0).
 * A non-finite value on either side counts as a disagreement unless both are the same infinity.
 */
import { OperatorNode, type MathNode } from 'mathjs';
import type { Tolerance } from '../../theory/claim.ts';
import type { ClaimContext } from './claimContext.ts';
import type { Point } from './pointSampler.ts';
import type { NumericFunction } from './compileNumeric.ts';
import type { NumericSummary } from './symbolicResult.ts';

export const ROUNDING_REL = 1e-9;

export interface Comparison {
  holds: boolean;
  summary: NumericSummary;
  /** Per point: did lhs and rhs agree there? */
  agree: boolean[];
  /** Largest |a − b| / allowed over all entries and points. */
  worstRatio: number;
}

/** The top-level additive terms of an expression (a − (b + c) → a, b, c). */
export function additiveTerms(node: MathNode): MathNode[] {
  if (node.type === 'ParenthesisNode') return additiveTerms((node as unknown as { content: MathNode }).content);
  if (node.type === 'OperatorNode') {
    const op = node as OperatorNode;
    if (op.fn === 'add' || op.fn === 'subtract') return (op.args as MathNode[]).flatMap(additiveTerms);
    if (op.fn === 'unaryMinus' || op.fn === 'unaryPlus') return additiveTerms(op.args[0] as MathNode);
  }
  return [node];
}

const at = (v: Float64Array, i: number): number => (v.length === 1 ? v[0] : v[i]);

export function compareAtPoints(
  ctx: ClaimContext,
  lhs: MathNode,
  rhs: MathNode,
  options: { tolerance?: Tolerance; extra?: readonly string[]; points?: Point[] } = {},
): Comparison {
  const extra = options.extra ?? [];
  const f = ctx.compile(lhs, extra);
  const g = ctx.compile(rhs, extra);
  const terms: NumericFunction[] = [...additiveTerms(lhs), ...additiveTerms(rhs)].map((t) => ctx.compile(t, extra));
  const rel = options.tolerance?.rel === undefined ? null : ctx.compile(ctx.resolve(options.tolerance.rel, 'tolerance.rel'), extra);
  const abs = options.tolerance?.abs === undefined ? null : ctx.compile(ctx.resolve(options.tolerance.abs, 'tolerance.abs'), extra);
  const points = options.points ?? ctx.points();
  let maxAbsErr = 0;
  let maxRelErr = 0;
  let worstRatio = 0;
  let worstPoint: Point | null = null;
  const agree: boolean[] = [];
  for (const p of points) {
    const a = f(p);
    const b = g(p);
    const termValues = terms.map((t) => t(p));
    const tolRel = rel === null ? 0 : rel(p)[0];
    const tolAbs = abs === null ? 0 : abs(p)[0];
    const n = Math.max(a.length, b.length);
    let ok = true;
    for (let i = 0; i < n; i++) {
      const x = at(a, i);
      const y = at(b, i);
      if (x === y) continue;
      let M = Math.max(Math.abs(x), Math.abs(y));
      for (const t of termValues) M = Math.max(M, Math.abs(at(t, i)));
      const err = Math.abs(x - y);
      const allowed = ROUNDING_REL * M + tolRel * Math.abs(y) + tolAbs;
      const ratio = Number.isFinite(err) ? (allowed > 0 ? err / allowed : Infinity) : Infinity;
      if (!(ratio <= 1)) ok = false;
      if (Number.isFinite(err)) {
        maxAbsErr = Math.max(maxAbsErr, err);
        maxRelErr = Math.max(maxRelErr, err / Math.max(Math.abs(x), Math.abs(y)));
      } else {
        maxAbsErr = maxRelErr = Infinity;
      }
      if (!(ratio <= worstRatio)) {
        worstRatio = Number.isNaN(ratio) ? Infinity : ratio;
        worstPoint = p;
      }
    }
    agree.push(ok);
  }
  return {
    holds: agree.every(Boolean),
    summary: { points: points.length, maxAbsErr, maxRelErr, worstPoint },
    agree,
    worstRatio,
  };
}

/** "lhs = rhs at 64/64 points (max rel. error 3e-16)" */
export function describeComparison(c: Comparison, what = 'lhs = rhs'): string {
  const ok = c.agree.filter(Boolean).length;
  const worst = c.summary.worstPoint === null ? '' : ` at ${formatPoint(c.summary.worstPoint)}`;
  return `${what} at ${ok}/${c.agree.length} points (max abs. error ${c.summary.maxAbsErr.toExponential(2)}, max rel. error ${c.summary.maxRelErr.toExponential(2)}${c.holds ? '' : worst})`;
}

export function formatPoint(p: Point): string {
  const fmt = (v: number): string => Number(v.toPrecision(6)).toString();
  return Object.entries(p).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : `[${Array.from(v, fmt).join(', ')}]`}`).join(', ');
}
