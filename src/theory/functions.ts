import { erf, erfc } from '../special/erf.ts';
import { tCdf } from '../special/tCdf.ts';
import { ell } from '../special/ell.ts';
import { lgamma } from '../special/lgamma.ts';
import { normCdf } from '../special/normCdf.ts';

/**
 * The functions a theorem expression may call, shared by the validator, the expression compiler
 * and the mathjs instance. Real arithmetic throughout: where mathjs would return a complex number
 * (sqrt or log of a negative, a negative base to a fractional power, asin outside [−1, 1]) the
 * compiled code returns NaN.
 *
 *   erf(x), erfc(x) = 1 − erf(x), normcdf(x) = Φ(x) = ½ erfc(−x/√2),
 *   tcdf(x, ν) = F_ν(x) the Student-t CDF, ell(ν) = Γ((ν+1)/2)/(√(πν) Γ(ν/2)) (t density at 0,
 *   CLAIMS A9), lgamma(x) = ln|Γ(x)|.
 */

/** The special functions this project adds to mathjs (mathjs names → implementations of src/special). */
export const SPECIAL_FUNCTIONS = {
  erf: (x: number) => erf(x),
  erfc: (x: number) => erfc(x),
  tcdf: (x: number, nu: number) => tCdf(x, nu),
  ell: (nu: number) => ell(nu),
  lgamma: (x: number) => lgamma(x),
  normcdf: (x: number) => normCdf(x),
} as const;

/** An elementwise function: `code` writes the JS for scalar argument codes (each already parenthesised). */
export interface MapFunction {
  kind: 'map';
  arity: readonly [number, number];
  code: (args: string[]) => string;
  /** Why a vector argument is refused with `nargs` arguments (mathjs would do linear algebra or fail). */
  vectorError?: (nargs: number) => string | undefined;
}

/** A reduction over a vector (sum, prod, mean, max, min); with several scalar arguments it folds them. */
export interface ReduceFunction {
  kind: 'reduce';
  /** Initial accumulator and the JS statement folding element `u` into accumulator `a`. */
  init: string;
  step: (a: string, u: string) => string;
  /** Finishes the accumulator `a` over `n` elements. */
  finish?: (a: string, n: string) => string;
}

export type FunctionSpec = MapFunction | ReduceFunction;

const math1 = (name: string): MapFunction => ({ kind: 'map', arity: [1, 1], code: ([a]) => `Math.${name}(${a})` });
const special1 = (name: string): MapFunction => ({ kind: 'map', arity: [1, 1], code: ([a]) => `f_${name}(${a})` });

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  sqrt: math1('sqrt'),
  exp: math1('exp'),
  expm1: math1('expm1'),
  log: {
    kind: 'map',
    arity: [1, 2],
    code: ([a, b]) => (b === undefined ? `Math.log(${a})` : `(Math.log(${a}) / Math.log(${b}))`),
    vectorError: (nargs) => (nargs === 2 ? 'log(x, base) takes scalars; write log(v) / log(base) for a vector' : undefined),
  },
  log10: math1('log10'),
  log2: math1('log2'),
  log1p: math1('log1p'),
  abs: math1('abs'),
  sign: math1('sign'),
  sin: math1('sin'),
  cos: math1('cos'),
  tan: math1('tan'),
  asin: math1('asin'),
  acos: math1('acos'),
  atan: math1('atan'),
  atan2: { kind: 'map', arity: [2, 2], code: ([a, b]) => `Math.atan2(${a}, ${b})` },
  sinh: math1('sinh'),
  cosh: math1('cosh'),
  tanh: math1('tanh'),
  cbrt: math1('cbrt'),
  square: { kind: 'map', arity: [1, 1], code: ([a]) => `f_square(${a})` },
  cube: { kind: 'map', arity: [1, 1], code: ([a]) => `f_cube(${a})` },
  pow: {
    kind: 'map',
    arity: [2, 2],
    code: ([a, b]) => `Math.pow(${a}, ${b})`,
    vectorError: () => "pow on a vector is a matrix power in mathjs; use '.^' for the elementwise power",
  },
  erf: special1('erf'),
  erfc: special1('erfc'),
  tcdf: { kind: 'map', arity: [2, 2], code: ([a, b]) => `f_tcdf(${a}, ${b})` },
  ell: special1('ell'),
  lgamma: special1('lgamma'),
  normcdf: special1('normcdf'),
  sum: { kind: 'reduce', init: '0', step: (a, u) => `${a} += ${u};` },
  prod: { kind: 'reduce', init: '1', step: (a, u) => `${a} *= ${u};` },
  mean: { kind: 'reduce', init: '0', step: (a, u) => `${a} += ${u};`, finish: (a, n) => `${a} / ${n}` },
  max: { kind: 'reduce', init: '-Infinity', step: (a, u) => `${a} = f_max(${a}, ${u});` },
  min: { kind: 'reduce', init: 'Infinity', step: (a, u) => `${a} = f_min(${a}, ${u});` },
};

/** Names of the callable functions, sorted. */
export const KNOWN_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS).sort();

/** Constants an expression may use without declaring them. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, Infinity: Infinity };

/** mathjs's number equality: |a − b| ≤ max(1e-12·max(|a|, |b|), 1e-15) (its default relTol, absTol). */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= Math.max(1e-12 * Math.max(Math.abs(a), Math.abs(b)), 1e-15);
}

/** Runtime helpers referenced as `f_<name>` by compiled code. max and min are mathjs's: NaN wins, a nearly equal later value does not replace an earlier one. */
export const RUNTIME = {
  ...SPECIAL_FUNCTIONS,
  square: (x: number) => x * x,
  cube: (x: number) => x * x * x,
  max: (acc: number, u: number) => (u !== u || acc !== acc ? NaN : u > acc && !nearlyEqual(u, acc) ? u : acc),
  min: (acc: number, u: number) => (u !== u || acc !== acc ? NaN : u < acc && !nearlyEqual(u, acc) ? u : acc),
};
