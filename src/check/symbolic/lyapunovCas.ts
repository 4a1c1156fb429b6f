/**
 * The CAS side of the lyapunov check: the moment equations of momentSystem.ts built symbolically.
 *
 * Coefficients come from Algebrite derivatives at the origin of the state:
 *   c_i = b_i|₀, B_ik = ∂_k b_i|₀, α_i = a_i|₀, β_ik = ∂_k a_i|₀, γ_ikk = ½∂_k² a_i|₀, γ_ikl = ∂_k∂_l a_i|₀.
 * Two routes:
 *  - every unknown claimed (all μ_i and S_kl): substitute the claims into each equation and test
 *    each residual for zero;
 *  - otherwise, n ≤ 2: solve the first-moment block (n ≤ 2 unknowns) and then the second-moment
 *    block (≤ 3 unknowns) by Cramer's rule written out as text (Algebrite's inv([[a]]) never
 *    returns), and test solved − claimed for zero.
 * Larger systems with unclaimed moments are left undecided.
 */
import type { MathNode } from 'mathjs';
import { casZeroTest, type CasOptions, type CasScriptContext, type CasVerdict } from '../../theory/cas.ts';
import { pairIndex, unknownCount } from './momentSystem.ts';

export interface LyapunovCasInput {
  state: string[];
  drift: MathNode[];
  diffusion2: MathNode[];
  /** Claimed moments by unknown index (momentSystem.ts order). */
  claimed: Map<number, MathNode>;
}

const sum = (terms: string[]): string => (terms.length === 0 ? '0' : terms.map((t) => `(${t})`).join('+'));

function det(m: string[][]): string {
  if (m.length === 1) return m[0][0];
  if (m.length === 2) return `((${m[0][0]})*(${m[1][1]})-(${m[0][1]})*(${m[1][0]}))`;
  const minor = (col: number): string[][] => m.slice(1).map((row) => row.filter((_, c) => c !== col));
  return sum(m[0].map((entry, col) => `${col % 2 === 0 ? '' : '-'}(${entry})*${det(minor(col))}`));
}

/** x_k = det(A with column k replaced by r) / det(A). */
function cramer(A: string[][], r: string[], k: number): string {
  const replaced = A.map((row, i) => row.map((entry, c) => (c === k ? r[i] : entry)));
  return `(${det(replaced)})/(${det(A)})`;
}

/** Symbolic rows: coefficient text per unknown, right-hand side text. */
function equations(ctx: CasScriptContext, input: LyapunovCasInput): { A: string[][]; r: string[] } {
  const n = input.state.length;
  const Y = input.state.map((s) => ctx.sym(s));
  const atZero = (text: string): string => Y.reduce((acc, y) => `subst(0,${y},${acc})`, text);
  const b = input.drift.map((e) => ctx.t(e));
  const a = input.diffusion2.map((e) => ctx.t(e));
  const c = b.map((bi) => atZero(bi));
  const B = b.map((bi) => Y.map((yk) => atZero(`d(${bi},${yk})`)));
  const N = unknownCount(n);
  const A: string[][][] = Array.from({ length: N }, () => Array.from({ length: N }, () => [] as string[]));
  const r: string[] = Array.from({ length: N }, () => '0');
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) A[i][k].push(B[i][k]);
    r[i] = `-(${c[i]})`;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const row = pairIndex(n, i, j);
      A[row][j].push(c[i]);
      A[row][i].push(c[j]);
      for (let k = 0; k < n; k++) {
        A[row][pairIndex(n, k, j)].push(B[i][k]);
        A[row][pairIndex(n, k, i)].push(B[j][k]);
      }
      if (i !== j) continue;
      r[row] = `-(${atZero(a[i])})`;
      for (let k = 0; k < n; k++) {
        A[row][k].push(atZero(`d(${a[i]},${Y[k]})`));
        A[row][pairIndex(n, k, k)].push(`(${atZero(`d(d(${a[i]},${Y[k]}),${Y[k]})`)})/2`);
        for (let l = k + 1; l < n; l++) A[row][pairIndex(n, k, l)].push(atZero(`d(d(${a[i]},${Y[k]}),${Y[l]})`));
      }
    }
  }
  return { A: A.map((row) => row.map(sum)), r };
}

/** Combined verdict: zero when every target is zero; the first non-zero or undecided otherwise. */
function all(verdicts: (() => CasVerdict)[]): CasVerdict {
  const details: string[] = [];
  for (const run of verdicts) {
    const v = run();
    if (v.status !== 'zero') return v;
    details.push(v.detail);
  }
  return { status: 'zero', detail: details.join('; ') };
}

export function lyapunovCas(input: LyapunovCasInput, options: CasOptions, label: (index: number) => string): CasVerdict {
  const n = input.state.length;
  const N = unknownCount(n);
  const opts = { ...options, maxNodes: Math.max(options.maxNodes ?? 400, 1200) };
  if (input.claimed.size === N) {
    return all(Array.from({ length: N }, (_, row) => () => {
      const v = casZeroTest((ctx) => {
        const { A, r } = equations(ctx, input);
        const claimed = Array.from({ length: N }, (_, k) => ctx.t(input.claimed.get(k) as MathNode));
        return `${sum(A[row].map((coef, k) => `(${coef})*(${claimed[k]})`))}-(${r[row]})`;
      }, opts);
      return { ...v, detail: `moment equation ${row + 1}/${N} with all claimed moments: ${v.detail}` };
    }));
  }
  if (n > 2) return { status: 'undecided', detail: `CAS solves only n ≤ 2 state variables unless every moment is claimed (n = ${n})` };
  return all([...input.claimed.entries()].map(([k, claim]) => () => {
    const v = casZeroTest((ctx) => {
      const { A, r } = equations(ctx, input);
      const first = Array.from({ length: n }, (_, i) => cramer(A.slice(0, n).map((row) => row.slice(0, n)), r.slice(0, n), i));
      if (k < n) return `(${first[k]})-(${ctx.t(claim)})`;
      const A2 = A.slice(n).map((row) => row.slice(n));
      const r2 = A.slice(n).map((row, q) => `(${r[n + q]})-(${sum(row.slice(0, n).map((coef, i) => `(${coef})*(${first[i]})`))})`);
      return `(${cramer(A2, r2, k - n)})-(${ctx.t(claim)})`;
    }, opts);
    return { ...v, detail: `${label(k)}: ${v.detail}` };
  }));
}
