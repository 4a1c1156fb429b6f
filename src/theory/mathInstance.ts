import { all, create } from 'mathjs';
import type { MathJsInstance } from 'mathjs';
import { FUNCTIONS, SPECIAL_FUNCTIONS } from './functions.ts';

/**
 * The mathjs instance theorem expressions are parsed and evaluated with: mathjs's defaults plus
 * erf, erfc, tcdf(x, ν), ell(ν), lgamma and normcdf from src/special (erf and lgamma replace
 * mathjs's own so that `math.evaluate` and compiled expressions agree to the last bit).
 * Each maps elementwise over arrays and matrices; tcdf broadcasts a scalar against an array and
 * zips two arrays of the same size.
 *
 * One more change, needed by the theorem language (functions of a vector act per coordinate):
 * mathjs 15 no longer maps sqrt, exp, log, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh,
 * expm1, cbrt, square, cube over arrays (it throws "doesn't apply to matrices"); here their
 * one-argument forms on an Array or Matrix map elementwise. Scalar behaviour is unchanged.
 */
export const math: MathJsInstance = create(all, {});

type Collection = unknown[] | { get(index: number[]): unknown; size(): number[] };

interface TypedApi {
  (name: string, signatures: Record<string, (...args: never[]) => unknown>): unknown;
}

const typed = math.typed as unknown as TypedApi;
/** Maps `f` over a collection, entries converted to numbers (booleans from comparisons become 1 or 0). */
const mapEach = (x: Collection, f: (v: number, index: number[]) => number): unknown =>
  math.map(x as never, (v: unknown, index: number[]) => f(Number(v), index));

function at(c: Collection, index: number[]): number {
  if (Array.isArray(c)) {
    let v: unknown = c;
    for (const i of index) v = (v as unknown[])[i];
    return Number(v);
  }
  return Number(c.get(index));
}

function sizeOf(c: Collection): number[] {
  return Array.isArray(c) ? (math.size(c as never) as unknown as number[]) : c.size();
}

function unary(name: string, f: (x: number) => number): unknown {
  return typed(name, {
    number: f,
    'Array | Matrix': (x: Collection) => mapEach(x, (v) => f(v)),
  });
}

function binary(name: string, f: (x: number, y: number) => number): unknown {
  return typed(name, {
    'number, number': f,
    'Array | Matrix, number': (x: Collection, y: number) => mapEach(x, (v) => f(v, y)),
    'number, Array | Matrix': (x: number, y: Collection) => mapEach(y, (v) => f(x, v)),
    'Array | Matrix, Array | Matrix': (x: Collection, y: Collection) => {
      const sx = sizeOf(x).join('×');
      const sy = sizeOf(y).join('×');
      if (sx !== sy) throw new RangeError(`${name}: dimension mismatch (${sx} vs ${sy})`);
      return mapEach(x, (v, index) => f(v, at(y, index)));
    },
  });
}

/** The one-argument functions of FUNCTIONS that mathjs 15 does not map over arrays. */
const unmapped = Object.keys(FUNCTIONS).filter((name) => {
  const spec = FUNCTIONS[name];
  if (spec.kind !== 'map' || spec.arity[0] !== 1 || name in SPECIAL_FUNCTIONS) return false;
  const signatures = (math as unknown as Record<string, { signatures?: Record<string, unknown> }>)[name].signatures ?? {};
  return !Object.keys(signatures).some((sig) => sig.startsWith('Array') || sig === 'any');
});
const mapped: Record<string, unknown> = {};
for (const name of unmapped) {
  const scalarFn = (math as unknown as Record<string, (x: unknown) => unknown>)[name];
  mapped[name] = (math.typed as unknown as (...a: unknown[]) => unknown)(name, scalarFn, {
    'Array | Matrix': (x: Collection) => (math.map as (c: unknown, f: (v: unknown) => unknown) => unknown)(x, (v) => scalarFn(v)),
  });
}
math.import(mapped as never, { override: true });

math.import(
  {
    erf: unary('erf', SPECIAL_FUNCTIONS.erf),
    erfc: unary('erfc', SPECIAL_FUNCTIONS.erfc),
    tcdf: binary('tcdf', SPECIAL_FUNCTIONS.tcdf),
    ell: unary('ell', SPECIAL_FUNCTIONS.ell),
    lgamma: unary('lgamma', SPECIAL_FUNCTIONS.lgamma),
    normcdf: unary('normcdf', SPECIAL_FUNCTIONS.normcdf),
  },
  { override: true },
);
