/**
 * limit: `of` → `equals` as `variable` → `to` (e.g. the exact AdamW stationary variance of B4 tends
 * to the paper-approx form as θ/ρ₁ → 0). `equals` may itself depend on the variable (asymptotic
 * equivalence of / equals → 1).
 *
 * Numeric, at each domain point (the variable's draw replaced by the sequence):
 *   x_j = to + σ·H·10^(−j) (finite `to`, from each side σ the domain allows) or x_j = ±H·10^j
 *   (`to` = ±Infinity), j = 1..10, H = variableScale; e_j = |of − equals| / |equals| (|of − equals|
 *   where equals = 0), worst entry of a coordinate quantity.
 *   Holds when the sequence shrinks (e_{j+1} ≤ e_j (1 + 1e-6)) until it first reaches 1e-6, and
 *   from there either stays ≤ 1e-6 or has gone down to ≤ 1e-8 somewhere: growth after that is
 *   floating-point accuracy at extreme arguments (tcdf(z, ν) against its ν → ∞ limit bottoms out
 *   near 3e-9 at ν = 1e8 and grows to 2e-6 at ν = 1e12), and the message says so. Slow
 *   (logarithmic) convergence or an oscillating approach is reported as a failure with the sequence.
 * CAS: substitute variable = to + u (or ±1/u), simplify, set u = 0, compare with equals (only when
 * equals does not depend on the variable); sound when the simplified form is continuous at u = 0,
 * which the numeric check guards. Algebrite errors (division by zero) leave the CAS undecided.
 */
import type { Claim, SymbolicCheck } from '../../theory/claim.ts';
import { casZeroTest, substituteNode, type CasVerdict } from '../../theory/cas.ts';
import { claimContext, freeSymbols } from './claimContext.ts';
import { formatPoint } from './numericCompare.ts';
import type { Point } from './pointSampler.ts';
import { casSays, decide, type SymbolicOptions, type SymbolicResult } from './symbolicResult.ts';
import { variableRange, variableScale } from './variableScale.ts';

export type LimitCheck = Extract<SymbolicCheck, { kind: 'limit' }>;

const STEPS = 10;
const LIMIT_TOL = 1e-6;
const DEEP_TOL = 1e-8;
const U = 'u_limit_';

function sequence(claim: Claim, variable: string, to: number): number[][] {
  const H = variableScale(claim, variable);
  const js = Array.from({ length: STEPS }, (_, j) => j + 1);
  if (!Number.isFinite(to)) return [js.map((j) => Math.sign(to) * H * 10 ** j)];
  const [lo, hi] = variableRange(claim, variable);
  const sides = [1, -1].filter((side) => (side > 0 ? to < hi : to > lo));
  return (sides.length === 0 ? [1, -1] : sides).map((side) => js.map((j) => to + side * H * 10 ** -j));
}

export function checkLimit(claim: Claim, check: LimitCheck, options: SymbolicOptions): SymbolicResult {
  const { variable, to } = check;
  const ctx = claimContext(claim, 'limit', options);
  const of = ctx.resolve(check.of, 'of');
  const equals = ctx.resolve(check.equals, 'equals');
  const f = ctx.compile(of, [variable]);
  const g = ctx.compile(equals, [variable]);
  const sequences = sequence(claim, variable, to);

  let holds = true;
  let maxAbsErr = 0;
  let maxRelErr = 0;
  let worstPoint: Point | null = null;
  let worstFinal = -1;
  let failure: string | null = null;
  let wandered = false;
  for (const p of ctx.points()) {
    for (const xs of sequences) {
      const errors = xs.map((x) => {
        const q = { ...p, [variable]: x };
        const a = f(q);
        const b = g(q);
        let e = 0;
        let abs = 0;
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
          const ai = a.length === 1 ? a[0] : a[i];
          const bi = b.length === 1 ? b[0] : b[i];
          const d = Math.abs(ai - bi);
          abs = Math.max(abs, d);
          e = Math.max(e, bi === 0 ? d : d / Math.abs(bi));
          if (Number.isNaN(d)) e = Infinity;
        }
        return { e, abs };
      });
      const final = errors[errors.length - 1];
      maxAbsErr = Math.max(maxAbsErr, final.abs);
      maxRelErr = Math.max(maxRelErr, final.e);
      const reached = errors.findIndex((x) => x.e <= LIMIT_TOL);
      const shrinks = reached >= 0 && errors.slice(0, reached + 1).every((cur, j) => j === 0 || cur.e <= errors[j - 1].e * (1 + 1e-6));
      const stays = errors.slice(reached).every((x) => x.e <= LIMIT_TOL);
      const deep = Math.min(...errors.map((x) => x.e)) <= DEEP_TOL;
      const ok = shrinks && (stays || deep);
      if (ok && !stays) wandered = true;
      if (holds && (final.e > worstFinal || !ok)) {
        worstFinal = final.e;
        worstPoint = p;
      }
      if (!ok && holds) {
        holds = false;
        failure = `along ${variable} = ${xs[0].toExponential(1)} … ${xs[xs.length - 1].toExponential(1)} the relative difference goes ${errors.map((x) => x.e.toExponential(1)).join(', ')} at ${formatPoint(p)}`;
      }
    }
  }
  const message = holds
    ? `of → equals as ${variable} → ${to}: relative difference ≤ ${maxRelErr.toExponential(2)} at the last step, shrinking, at ${ctx.points().length} points` +
      (wandered ? ` (after reaching ≤ ${DEEP_TOL} the difference grows again at extreme ${variable}: floating-point accuracy of the functions there)` : '')
    : `of does not approach equals as ${variable} → ${to} (need a sequence that shrinks to ≤ ${LIMIT_TOL} and stays there): ${failure}`;

  let verdict: CasVerdict | null = null;
  if (ctx.options.cas && freeSymbols(equals).includes(variable)) {
    verdict = { status: 'undecided', detail: `CAS skipped: equals depends on ${variable} (asymptotic equivalence)` };
  } else if (ctx.options.cas) {
    const replacement = Number.isFinite(to) ? `(${to}) + ${U}` : `${Math.sign(to)} / ${U}`;
    const moved = substituteNode(of, { [variable]: replacement });
    verdict = casZeroTest(({ t, sym }) => `subst(0,${sym(U)},simplify(${t(moved)}))-(${t(equals)})`, { ...ctx.casOptions(), witnesses: [], fastOnly: !holds });
  }
  return decide('limit', holds, { says: casSays(verdict), detail: verdict?.detail }, { points: ctx.points().length, maxAbsErr, maxRelErr, worstPoint }, message);
}
