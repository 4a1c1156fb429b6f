/**
 * expansion: the Taylor polynomial of `of` in `variable` at `at`, through degree `order`, is `equals`
 * (e.g. the Phase-3 drift −√(2/π)·g/s is the order-1 expansion of −erf(g/(√2 s)) at g = 0, A3).
 *
 * Numeric, at each domain point (the variable's own draw is replaced):
 *  1. `equals` is a polynomial of degree ≤ order in the variable: its (order+1)-th forward
 *     difference on nodes at + H·k/(order+1), k = 0..order+1, vanishes to 1e-9 of Σ|terms|.
 *  2. The remainder r(h) = of(at+h) − equals(at+h) is O(h^(order+1)): on h = H·10^(−1−2j/8),
 *     j = 0..8 (1e-1·H … 1e-3·H, both signs; H = variableScale), the log-log slope of |r| over the
 *     smallest five h with |r| above 100× the rounding floor (1e-13·max|terms|) is ≥ order + 0.7.
 *     A remainder at the rounding floor for all but one h counts as O(h^(order+1)).
 * CAS: taylor(of, variable, order, at) − equals ≡ 0.
 */
import type { Claim, SymbolicCheck } from '../../theory/claim.ts';
import { casZeroTest } from '../../theory/cas.ts';
import { claimContext } from './claimContext.ts';
import { additiveTerms, formatPoint } from './numericCompare.ts';
import type { Point } from './pointSampler.ts';
import { casSays, decide, symbolicDefinitionError, type SymbolicOptions, type SymbolicResult } from './symbolicResult.ts';
import { variableScale } from './variableScale.ts';
import { slope } from './slope.ts';

export type ExpansionCheck = Extract<SymbolicCheck, { kind: 'expansion' }>;

const STEPS = Array.from({ length: 9 }, (_, j) => 10 ** (-1 - (2 * j) / 8));
const ROUNDING_FLOOR = 1e-13;
const SLOPE_SLACK = 0.3;

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

function withoutVariable(p: Point, variable: string): Point {
  const { [variable]: _drop, ...rest } = p;
  return rest;
}

export function checkExpansion(claim: Claim, check: ExpansionCheck, options: SymbolicOptions): SymbolicResult {
  const { variable, at, order } = check;
  const label = options.label ?? '';
  if (!(Number.isInteger(order) && order >= 0 && order <= 8)) throw symbolicDefinitionError(claim, label, 'order', `order = ${order}, allowed: integer in [0, 8]`);
  if (!Number.isFinite(at)) throw symbolicDefinitionError(claim, label, 'at', `at = ${at}, allowed: a finite number`);
  const ctx = claimContext(claim, 'expansion', options);
  const of = ctx.resolve(check.of, 'of');
  const equals = ctx.resolve(check.equals, 'equals');
  const extra = [variable];
  const f = ctx.compile(of, extra);
  const g = ctx.compile(equals, extra);
  const terms = [...additiveTerms(of), ...additiveTerms(equals)].map((t) => ctx.compile(t, extra));
  const H = variableScale(claim, variable);
  const with_ = (p: Point, x: number): Point => ({ ...p, [variable]: x });

  let worstSlope = Infinity;
  let worstPoint: Point | null = null;
  let maxAbsErr = 0;
  let maxRelErr = 0;
  let notPolynomial: string | null = null;
  for (const p of ctx.points()) {
    const nodes = Array.from({ length: order + 2 }, (_, k) => g(with_(p, at + (H * k) / (order + 1))));
    for (let i = 0; i < nodes[0].length; i++) {
      let diff = 0;
      let size = 0;
      nodes.forEach((v, k) => {
        const c = binomial(order + 1, k) * (k % 2 === 0 ? 1 : -1);
        diff += c * v[i];
        size += Math.abs(c * v[i]);
      });
      if (!(Math.abs(diff) <= 1e-9 * size) && notPolynomial === null) {
        notPolynomial = `equals is not a polynomial of degree ≤ ${order} in ${variable} (difference of order ${order + 1}: ${diff.toExponential(2)}) at ${formatPoint(p)}`;
      }
    }
    for (const sign of [1, -1]) {
      const samples = STEPS.map((step) => {
        const q = with_(p, at + sign * H * step);
        const a = f(q);
        const b = g(q);
        const t = terms.map((fn) => fn(q));
        return { h: H * step, a, b, t };
      });
      for (let i = 0; i < samples[0].a.length; i++) {
        const pick = (v: Float64Array): number => (v.length === 1 ? v[0] : v[i]);
        const kept: { x: number; y: number }[] = [];
        for (const s of samples) {
          const r = Math.abs(pick(s.a) - pick(s.b));
          const size = Math.max(Math.abs(pick(s.a)), Math.abs(pick(s.b)), ...s.t.map((v) => Math.abs(pick(v))));
          if (!Number.isFinite(r)) kept.push({ x: Math.log(s.h), y: Infinity });
          else if (r > 100 * ROUNDING_FLOOR * size) kept.push({ x: Math.log(s.h), y: Math.log(r) });
        }
        const last = samples[samples.length - 1];
        const rLast = Math.abs(pick(last.a) - pick(last.b));
        maxAbsErr = Math.max(maxAbsErr, rLast);
        maxRelErr = Math.max(maxRelErr, rLast / Math.max(Math.abs(pick(last.a)), Math.abs(pick(last.b)), Number.MIN_VALUE));
        const tail = kept.slice(-5);
        const s = tail.some((k) => !Number.isFinite(k.y)) ? -Infinity : tail.length < 2 ? Infinity : slope(tail);
        if (s < worstSlope) {
          worstSlope = s;
          worstPoint = withoutVariable(p, variable);
        }
      }
    }
  }
  const polynomialOk = notPolynomial === null;
  const slopeOk = worstSlope >= order + 1 - SLOPE_SLACK;
  const holds = polynomialOk && slopeOk;
  const slopeText = Number.isFinite(worstSlope) ? worstSlope.toFixed(2) : worstSlope > 0 ? 'none (remainder at rounding level)' : 'undefined (non-finite remainder)';
  const message = [
    `remainder of order ${order} in ${variable} at ${at}: smallest log-log slope ${slopeText} (need ≥ ${order + 1 - SLOPE_SLACK})`,
    ...(polynomialOk ? [] : [notPolynomial as string]),
    ...(slopeOk || worstPoint === null ? [] : [`worst at ${formatPoint(worstPoint)}`]),
  ].join('; ');

  const verdict = ctx.options.cas
    ? casZeroTest(({ t, sym, num }) => `taylor(${t(of)},${sym(variable)},${order},${num(at)})-(${t(equals)})`, { ...ctx.casOptions(), fastOnly: !holds })
    : null;
  return decide(
    'expansion',
    holds,
    { says: casSays(verdict), detail: verdict?.detail },
    { points: ctx.points().length, maxAbsErr, maxRelErr, worstPoint },
    message,
  );
}
