/**
 * lyapunov: the claimed stationary moments solve the moment equations of a per-coordinate SDE with
 * affine drift and diagonal σσᵀ of degree ≤ 2 (momentSystem.ts). E.g. A5: Phase-3 SignSGD on a
 * quadratic, drift −√(2/π)·lam·x/s, diffusion² η(1 − (2/π)(lam·x/s)²), has E[x²] = η/(2c),
 * c = √(2/π)·lam/s + (η/π)·lam²/s²; B4: the AdamW pair (x, m) has Var x = (ρ₁/(ρ₁+θ))·η s/(2(lam + θs)).
 *
 * Numeric, at every domain point and every coordinate j (vectors replaced by their j-th entries):
 * the drift and diffusion² coefficients are read off at 0, ±e_k, e_k + e_l and the polynomial form
 * is verified at 3 random states (|f − model| ≤ 1e-8·Σ|terms|; a violation is a definition error,
 * thrown); the system is solved (Gaussian elimination + one refinement step) and each claimed
 * moment compared: |solved − claimed| ≤ 1e-9·max(|solved|, |claimed|, natural scale), the natural
 * scale of E[Y_i] being √E[Y_i²] and of E[Y_k Y_l] being √(E[Y_k²]E[Y_l²]).
 * maxRelErr reports |solved − claimed| / that scale.
 * Moment keys: "x" (E[x]), "x^2" (E[x²]), "x*m" (E[xm]).
 * CAS: lyapunovCas.ts.
 */
import { parse, type MathNode } from 'mathjs';
import type { Claim, SymbolicCheck } from '../../theory/claim.ts';
import { createStream } from '../../random/xoshiro.ts';
import { deriveSeed } from '../../random/seeds.ts';
import { claimContext, coordinateCount, coordinatePoint } from './claimContext.ts';
import { formatPoint } from './numericCompare.ts';
import type { Point } from './pointSampler.ts';
import { evaluatePolynomial, extractPolynomial, momentSystem, pairIndex, solveDense, statePairs, type Polynomial } from './momentSystem.ts';
import { lyapunovCas } from './lyapunovCas.ts';
import { casSays, decide, SymbolicDefinitionError, symbolicDefinitionError, type SymbolicOptions, type SymbolicResult } from './symbolicResult.ts';

export type LyapunovCheck = Extract<SymbolicCheck, { kind: 'lyapunov' }>;

const MOMENT_REL = 1e-9;
const POLY_REL = 1e-8;
const VERIFY_STATES = 3;

/** "x" → μ index, "x^2" / "x*m" → S index (momentSystem.ts order). */
export function momentIndex(key: string, state: readonly string[], where: (detail: string) => Error = (d) => new SymbolicDefinitionError('', undefined, 'moments', d)): number {
  const n = state.length;
  const bad = (): never => {
    throw where(`key '${key}': allowed forms are "x", "x^2", "x*m" with state variables ${state.join(', ')}`);
  };
  let node: MathNode;
  try {
    node = parse(key);
  } catch {
    return bad();
  }
  while (node.type === 'ParenthesisNode') node = (node as unknown as { content: MathNode }).content;
  const stateOf = (n2: MathNode): number => {
    const i = n2.type === 'SymbolNode' ? state.indexOf((n2 as unknown as { name: string }).name) : -1;
    return i < 0 ? bad() : i;
  };
  if (node.type === 'SymbolNode') return stateOf(node);
  if (node.type !== 'OperatorNode') return bad();
  const { fn, args } = node as unknown as { fn: string; args: MathNode[] };
  if ((fn === 'pow' || fn === 'dotPow') && args[1].type === 'ConstantNode') {
    const power = (args[1] as unknown as { value: number }).value;
    if (power === 1) return stateOf(args[0]);
    if (power === 2) return pairIndex(n, stateOf(args[0]), stateOf(args[0]));
  }
  if ((fn === 'multiply' || fn === 'dotMultiply') && args.length === 2) return pairIndex(n, stateOf(args[0]), stateOf(args[1]));
  return bad();
}

function validate(claim: Claim, check: LyapunovCheck, label: string | number): void {
  const fail = (field: string, detail: string): never => {
    throw symbolicDefinitionError(claim, label, field, detail);
  };
  const n = check.state?.length ?? 0;
  if (n === 0) fail('state', 'state is empty');
  if (new Set(check.state).size !== n) fail('state', `state has duplicates: ${check.state.join(', ')}`);
  if (check.drift?.length !== n) fail('drift', `drift has ${check.drift?.length ?? 0} entries, state has ${n}`);
  if (check.diffusion2?.length !== n) fail('diffusion2', `diffusion2 has ${check.diffusion2?.length ?? 0} entries, state has ${n}`);
  if (Object.keys(check.moments ?? {}).length === 0) fail('moments', 'moments is empty');
}

export function checkLyapunov(claim: Claim, check: LyapunovCheck, options: SymbolicOptions): SymbolicResult {
  const label = options.label ?? '';
  validate(claim, check, label);
  const { state } = check;
  const n = state.length;
  const ctx = claimContext(claim, 'lyapunov', options);
  const driftNodes = check.drift.map((e, i) => ctx.resolve(e, `drift[${i}]`));
  const diffusionNodes = check.diffusion2.map((e, i) => ctx.resolve(e, `diffusion2[${i}]`));
  const claimed = new Map<number, MathNode>();
  const keyOf = new Map<number, string>();
  for (const [key, expr] of Object.entries(check.moments)) {
    const index = momentIndex(key, state, (detail) => symbolicDefinitionError(claim, label, `moments.${key}`, detail));
    if (claimed.has(index)) throw symbolicDefinitionError(claim, label, `moments.${key}`, `'${key}' and '${keyOf.get(index)}' name the same moment`);
    claimed.set(index, ctx.resolve(expr, `moments.${key}`));
    keyOf.set(index, key);
  }
  const drift = driftNodes.map((node) => ctx.compile(node, state));
  const diffusion = diffusionNodes.map((node) => ctx.compile(node, state));
  const moments = [...claimed.entries()].map(([index, node]) => ({ index, key: keyOf.get(index) as string, f: ctx.compile(node) }));
  const rng = createStream(deriveSeed(ctx.options.seed, claim.id, 'lyapunov-states', ctx.options.label));
  const y = new Float64Array(n);
  const PAIRS = statePairs(n);

  const polynomial = (f: (scope: Point) => Float64Array, cp: Record<string, number>, what: string, degree: 1 | 2): Polynomial => {
    const at = (v: Float64Array): number => {
      const scope: Point = { ...cp };
      state.forEach((s, k) => {
        scope[s] = v[k];
      });
      return f(scope)[0];
    };
    const p = extractPolynomial(at, n);
    for (let trial = 0; trial < VERIFY_STATES; trial++) {
      for (let k = 0; k < n; k++) y[k] = 4 * rng.nextDouble() - 2;
      const model = evaluatePolynomial(p, y, degree);
      const actual = at(y);
      if (!(Math.abs(actual - model.value) <= POLY_REL * (model.size + Math.abs(actual)) + Number.MIN_VALUE)) {
        throw symbolicDefinitionError(claim, label, what.startsWith('drift') ? 'drift' : 'diffusion2',
          `${what} is not ${degree === 1 ? 'affine' : 'a polynomial of degree ≤ 2'} in the state (${state.join(', ')}): ` +
          `at state [${Array.from(y, (v) => v.toPrecision(3)).join(', ')}] it is ${actual}, the fitted form gives ${model.value} (${formatPoint(cp)})`,
        );
      }
    }
    return p;
  };

  let holds = true;
  let maxAbsErr = 0;
  let maxRelErr = 0;
  let worstRatio = -1;
  let worstPoint: Point | null = null;
  let failure = '';
  for (const p of ctx.points()) {
    for (let j = 0; j < coordinateCount(p); j++) {
      const cp = coordinatePoint(p, j);
      const b = drift.map((f, i) => polynomial(f, cp, `drift of ${state[i]}`, 1));
      const a = diffusion.map((f, i) => polynomial(f, cp, `diffusion² of ${state[i]}`, 2));
      const { A, r, N } = momentSystem(b, a);
      const solved = solveDense(A, r, N);
      if (solved === null) {
        return {
          kind: 'lyapunov', verdict: 'error', proof: 'numeric-only',
          numeric: { points: ctx.points().length, maxAbsErr: NaN, maxRelErr: NaN, worstPoint: p },
          message: `the moment equations are singular (no unique stationary law) at ${formatPoint(cp)}`,
        };
      }
      const natural = (index: number): number => {
        const [k, l] = index < n ? [index, index] : PAIRS[index - n];
        return Math.sqrt(Math.abs(solved[pairIndex(n, k, k)] * solved[pairIndex(n, l, l)]));
      };
      for (const m of moments) {
        const got = m.f(cp)[0];
        const want = solved[m.index];
        const err = Math.abs(got - want);
        const scale = Math.max(Math.abs(got), Math.abs(want), natural(m.index));
        const ratio = err / (MOMENT_REL * scale);
        maxAbsErr = Math.max(maxAbsErr, err);
        maxRelErr = Math.max(maxRelErr, err / Math.max(scale, Number.MIN_VALUE));
        if (!(ratio <= 1) && holds) {
          holds = false;
          failure = `E[${m.key}]: the moment equations give ${want.toPrecision(8)}, the claim ${got.toPrecision(8)} at ${formatPoint(cp)}`;
        }
        if (!(ratio <= worstRatio)) {
          worstRatio = Number.isNaN(ratio) ? Infinity : ratio;
          worstPoint = p;
        }
      }
    }
  }
  const message = holds
    ? `claimed moments ${[...keyOf.values()].join(', ')} solve the stationary moment equations at ${ctx.points().length} points (max rel. error ${maxRelErr.toExponential(2)})`
    : `claimed moments do not solve the stationary moment equations: ${failure}`;
  const casOptions = ctx.casOptions();
  const verdict = ctx.options.cas
    ? lyapunovCas(
      { state, drift: driftNodes, diffusion2: diffusionNodes, claimed },
      { ...casOptions, fastOnly: !holds, witnesses: (casOptions.witnesses ?? []).map((w) => ({ ...w, ...Object.fromEntries(state.map((s) => [s, 1])) })) },
      (index) => `E[${keyOf.get(index)}]`,
    )
    : null;
  return decide('lyapunov', holds, { says: casSays(verdict), detail: verdict?.detail }, { points: ctx.points().length, maxAbsErr, maxRelErr, worstPoint }, message);
}
