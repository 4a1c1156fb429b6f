/**
 * Double-precision evaluation of a claim expression at a point: f(scope) → Float64Array (a scalar
 * gives length 1, a coordinate quantity length d), through the project's expression compiler
 * (src/theory/compile.ts: mathjs AST → JS, with erf, tcdf, ell, lgamma, normcdf). Complex results
 * (√ of a negative) are NaN.
 */
import type { MathNode } from 'mathjs';
import { compileExpression } from '../../theory/compile.ts';
import type { Point } from './pointSampler.ts';

export type NumericFunction = (scope: Point) => Float64Array;

export function compileNumeric(node: MathNode): NumericFunction {
  const f = compileExpression(node);
  return (scope) => {
    const v = f(scope);
    return typeof v === 'number' ? Float64Array.of(v) : v;
  };
}
