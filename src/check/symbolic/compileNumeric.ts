/**
 * Double-precision evaluation of a claim expression at a point: f(scope) → Float64Array (a scalar
 * gives length 1, a coordinate quantity length d). Complex results (√ of a negative) become NaN.
 *
 * Stand-in: mathjs's own `compile` (with its erf) until src/theory/compile.ts and src/special are
 * complete; then `compileExpression` replaces it here and nowhere else.
 */
import { compile, type MathNode } from 'mathjs';
import type { Point } from './pointSampler.ts';

export type NumericFunction = (scope: Point) => Float64Array;

function flatten(value: unknown, out: number[]): void {
  if (typeof value === 'number') out.push(value);
  else if (typeof value === 'boolean') out.push(value ? 1 : 0);
  else if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (value !== null && typeof value === 'object' && 'toArray' in value) flatten((value as { toArray(): unknown }).toArray(), out);
  else out.push(NaN);
}

export function compileNumeric(node: MathNode): NumericFunction {
  const code = compile(node.toString());
  return (scope) => {
    const out: number[] = [];
    flatten(code.evaluate({ ...scope }), out);
    return Float64Array.from(out);
  };
}
