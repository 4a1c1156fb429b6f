/**
 * The CAS side of the lyapunov check: the moment equations of momentSystem.ts built symbolically.
 *
 * One Algebrite call reads the coefficients off as derivatives at the origin of the state,
 *   c_i = b_i|₀, B_ik = ∂_k b_i|₀, α_i = a_i|₀, β_ik = ∂_k a_i|₀, γ_ikk = ½∂_k² a_i|₀, γ_ikl = ∂_k∂_l a_i|₀,
 * and returns them simplified; the equations are then assembled from these (small) expressions.
 * Two routes:
 *  - every unknown claimed (all μ_i and S_kl): substitute the claims into each equation and test
 *    each residual for zero;
 *  - otherwise, n ≤ 2: solve the first-moment block (n ≤ 2 unknowns), then the second-moment
 *    block (≤ 3 unknowns) by Cramer's rule written out as text (Algebrite's inv([[a]]) never
 *    returns), and test solved − claimed for zero.
 * Larger systems with unclaimed moments are left undecided.
 */
import { parse, type MathNode } from 'mathjs';
import { casRun, casZeroTest, type CasOptions, type CasVerdict } from '../../theory/cas.ts';
import { pairIndex, unknownCount } from './momentSystem.ts';

export interface LyapunovCasInput {
  state: string[];
  drift: MathNode[];
  diffusion2: MathNode[];
  /** Claimed moments by unknown index (momentSystem.ts order). */
  claimed: Map<number, MathNode>;
}

const sum = (terms: string[]): string => (terms.length === 0 ? '0' : terms.map((t) => `(${t})`).join('+'));
const paren = (node: MathNode): string => `(${node.toString()})`;

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

/** The coefficient expressions, in mathjs syntax, in the order of `coefficientScripts`. */
function coefficients(input: LyapunovCasInput, options: CasOptions): string[] | CasVerdict {
  const result = casRun('simplify(X)', ({ t, sym }) => {
    const Y = input.state.map(sym);
    const atZero = (text: string): string => Y.reduce((acc, y) => `subst(0,${y},${acc})`, text);
    const items: string[] = [];
    for (const b of input.drift.map((e) => t(e))) {
      items.push(atZero(b), ...Y.map((yk) => atZero(`d(${b},${yk})`)));
    }
    for (const a of input.diffusion2.map((e) => t(e))) {
      items.push(atZero(a), ...Y.map((yk) => atZero(`d(${a},${yk})`)));
      Y.forEach((yk, k) => Y.slice(k).forEach((yl, dl) => {
        const second = atZero(`d(d(${a},${yk}),${yl})`);
        items.push(dl === 0 ? `(${second})/2` : second);
      }));
    }
    return `[${items.join(',')}]`;
  }, options);
  if (!result.ok) return { status: result.status, detail: `coefficients: ${result.detail}` };
  const n = input.state.length;
  const count = n * (1 + n) + n * (1 + n + (n * (n + 1)) / 2);
  if (result.expr === '0') return Array.from({ length: count }, () => '0');
  const node = parse(result.expr) as unknown as { type: string; items?: MathNode[] };
  if (node.type !== 'ArrayNode' || node.items?.length !== count) {
    return { status: 'undecided', detail: `coefficients: unexpected CAS output ${result.expr.slice(0, 120)}` };
  }
  return node.items.map((item) => `(${item.toString()})`);
}

/** Equations A z = r (mathjs-syntax texts) from the coefficient list. */
function equations(n: number, coef: string[]): { A: string[][]; r: string[] } {
  let at = 0;
  const next = (): string => coef[at++];
  const c: string[] = [];
  const B: string[][] = [];
  for (let i = 0; i < n; i++) {
    c.push(next());
    B.push(Array.from({ length: n }, next));
  }
  const alpha: string[] = [];
  const beta: string[][] = [];
  const gamma: string[][][] = [];
  for (let i = 0; i < n; i++) {
    alpha.push(next());
    beta.push(Array.from({ length: n }, next));
    gamma.push(Array.from({ length: n }, () => Array.from({ length: n }, () => '0')));
    for (let k = 0; k < n; k++) for (let l = k; l < n; l++) gamma[i][k][l] = next();
  }
  const N = unknownCount(n);
  const A: string[][][] = Array.from({ length: N }, () => Array.from({ length: N }, () => [] as string[]));
  const r: string[] = Array.from({ length: N }, () => '0');
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) A[i][k].push(B[i][k]);
    r[i] = `-${c[i]}`;
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
      r[row] = `-${alpha[i]}`;
      for (let k = 0; k < n; k++) {
        A[row][k].push(beta[i][k]);
        for (let l = k; l < n; l++) A[row][pairIndex(n, k, l)].push(gamma[i][k][l]);
      }
    }
  }
  return { A: A.map((row) => row.map(sum)), r };
}

/** Combined verdict: zero when every target is zero; the first other verdict otherwise. */
function all(runs: (() => CasVerdict)[]): CasVerdict {
  const details: string[] = [];
  for (const run of runs) {
    const v = run();
    if (v.status !== 'zero') return v;
    details.push(v.detail);
  }
  return { status: 'zero', detail: details.join('; ') };
}

export function lyapunovCas(input: LyapunovCasInput, options: CasOptions, label: (index: number) => string): CasVerdict {
  const n = input.state.length;
  const N = unknownCount(n);
  const coef = coefficients(input, { ...options, maxNodes: Math.max(options.maxNodes ?? 400, 800) });
  if (!Array.isArray(coef)) return coef;
  const { A, r } = equations(n, coef);
  const opts = { ...options, maxNodes: Math.max(options.maxNodes ?? 400, 2000) };
  if (input.claimed.size === N) {
    const claimed = Array.from({ length: N }, (_, k) => paren(input.claimed.get(k) as MathNode));
    return all(A.map((row, q) => () => {
      const residual = `${sum(row.map((entry, k) => `(${entry})*${claimed[k]}`))}-(${r[q]})`;
      const v = casZeroTest(({ t }) => t(residual), opts);
      return { ...v, detail: `moment equation ${q + 1}/${N} with all claimed moments: ${v.detail}` };
    }));
  }
  if (n > 2) return { status: 'undecided', detail: `CAS solves only n ≤ 2 state variables unless every moment is claimed (n = ${n})` };
  const first = Array.from({ length: n }, (_, i) => cramer(A.slice(0, n).map((row) => row.slice(0, n)), r.slice(0, n), i));
  const A2 = A.slice(n).map((row) => row.slice(n));
  const r2 = A.slice(n).map((row, q) => `(${r[n + q]})-(${sum(row.slice(0, n).map((entry, i) => `(${entry})*(${first[i]})`))})`);
  return all([...input.claimed.entries()].map(([k, claim]) => () => {
    const solved = k < n ? first[k] : cramer(A2, r2, k - n);
    const v = casZeroTest(({ t }) => t(`(${solved})-${paren(claim)}`), opts);
    return { ...v, detail: `${label(k)}: ${v.detail}` };
  }));
}
