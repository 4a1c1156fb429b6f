/**
 * CAS conformance: the identities and derivatives the symbolic checks rely on, each proved by
 * Algebrite through the bridge AND confirmed numerically at random points (DESIGN.md §5: nerdamer
 * got some of these wrong; a CAS is trusted only where this file says so). Also the bridge's
 * guards: unsupported functions, size and time limits, sums, non-identities.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from 'mathjs';
import { casDerivative, casEqual, casIsZero, casSimplify, casSubstitute, casTaylor, casZeroTest } from '../../src/theory/cas.ts';
import { DEFAULT_LIMITS, runAlgebrite, shutdownAlgebrite } from '../../src/theory/casEngine.ts';
import { exactRational } from '../../src/theory/casTranslate.ts';
import { createStream } from '../../src/random/xoshiro.ts';

after(shutdownAlgebrite);

const positive = (n: { type: string }): boolean => n.type === 'SymbolNode';
const rng = createStream(424242);
const uniform = (lo: number, hi: number): number => lo + (hi - lo) * rng.nextDouble();

/** max over 50 random points of |f − g| / max(|f|, |g|, floor). */
function numericGap(f: string, g: string, draw: () => Record<string, number>, floor = 0): number {
  let worst = 0;
  for (let i = 0; i < 50; i++) {
    const scope = draw();
    const a = evaluate(f, { ...scope }) as number;
    const b = evaluate(g, { ...scope }) as number;
    worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor));
  }
  return worst;
}

/** Central difference of f in the symbol `v` with step h: error O(h²) + O(ε/h). */
const centralDifference = (f: string, v: string, h = 1e-5): string => {
  const at = (shift: string): string => f.replace(new RegExp(`\\b${v}\\b`, 'g'), `(${v}${shift})`);
  return `((${at(`+${h}`)}) - (${at(`-${h}`)})) / (2*${h})`;
};

describe('CAS conformance (each result also confirmed numerically)', () => {
  it('differentiates −erf(g/(√2 s)) in g to −√(2/π)/s·exp(−g²/(2s²))', () => {
    const expected = '-sqrt(2/pi)/s*exp(-g^2/(2*s^2))';
    const d = casDerivative('-erf(g/(sqrt(2)*s))', 'g', { positive });
    assert.ok(d.ok);
    assert.equal(casEqual(d.expr, expected, { positive }).status, 'zero');
    const draw = () => ({ g: uniform(-2, 2), s: uniform(0.3, 3) });
    assert.ok(numericGap(d.expr, expected, draw) < 1e-14);
    assert.ok(numericGap(centralDifference('-erf(g/(sqrt(2)*s))', 'g'), expected, draw, 0.01) < 1e-6);
  });

  it('differentiates √(η·u) in u to √η/(2√u) (nerdamer got this wrong)', () => {
    const d = casDerivative('sqrt(eta*u)', 'u', { positive });
    assert.ok(d.ok);
    assert.equal(casEqual(d.expr, 'sqrt(eta)/(2*sqrt(u))', { positive }).status, 'zero');
    const draw = () => ({ eta: uniform(1e-3, 1), u: uniform(0.1, 10) });
    assert.ok(numericGap(d.expr, 'sqrt(eta)/(2*sqrt(u))', draw) < 1e-14);
    assert.ok(numericGap(centralDifference('sqrt(eta*u)', 'u'), 'sqrt(eta)/(2*sqrt(u))', draw) < 1e-6);
  });

  it('expands erf to order 3 at 0 as 2y/√π − 2y³/(3√π)', () => {
    const t = casTaylor('erf(y)', 'y', 3, 0);
    assert.ok(t.ok);
    assert.equal(casEqual(t.expr, '2*y/sqrt(pi) - 2*y^3/(3*sqrt(pi))', { positive }).status, 'zero');
    // Remainder is y⁵/(5√π)·... : at y = 1e-2 it is below 1e-10·y.
    const y = 1e-2;
    const remainder = Math.abs((evaluate('erf(y)', { y }) as number) - (evaluate(t.expr, { y }) as number));
    assert.ok(remainder < 2 * y ** 5, `remainder ${remainder}`);
  });

  it('expands 1 − erf(y)² to order 2 at 0 as 1 − 4y²/π', () => {
    const t = casTaylor('1 - erf(y)^2', 'y', 2, 0);
    assert.ok(t.ok);
    assert.equal(casEqual(t.expr, '1 - 4*y^2/pi').status, 'zero');
    const y = 1e-2;
    const remainder = Math.abs((evaluate('1 - erf(y)^2', { y }) as number) - (evaluate(t.expr, { y }) as number));
    assert.ok(remainder < y ** 4, `remainder ${remainder}`);
  });

  it('proves the Adam bias-correction identity (√ι₂/ι₁)·m/(√v + ε√ι₂) = (m/ι₁)/(√(v/ι₂) + ε)', () => {
    const lhs = '(sqrt(1-b2^k)/(1-b1^k))*m/(sqrt(v) + eps*sqrt(1-b2^k))';
    const rhs = '(m/(1-b1^k))/(sqrt(v/(1-b2^k)) + eps)';
    const isPositive = (n: { type: string; toString(): string }): boolean => positive(n) || n.toString().includes('b2');
    assert.equal(casEqual(lhs, rhs, { positive: isPositive }).status, 'zero');
    const draw = () => ({ b1: uniform(0.5, 0.99), b2: uniform(0.9, 0.9999), k: Math.ceil(uniform(0, 500)), m: uniform(-1, 1), v: uniform(1e-6, 1), eps: uniform(1e-8, 0.1) });
    assert.ok(numericGap(lhs, rhs, draw) < 1e-13);
  });

  it('does not report the bias correction with ε left uncorrected as equal', () => {
    const lhs = '(sqrt(1-b2^k)/(1-b1^k))*m/(sqrt(v) + eps)';
    const rhs = '(m/(1-b1^k))/(sqrt(v/(1-b2^k)) + eps)';
    const verdict = casEqual(lhs, rhs, { positive: (n) => positive(n) || n.toString().includes('b2') });
    assert.notEqual(verdict.status, 'zero', verdict.detail);
    const draw = () => ({ b1: 0.9, b2: 0.999, k: Math.ceil(uniform(0, 50)), m: uniform(0.1, 1), v: uniform(1e-4, 1e-2), eps: uniform(1e-3, 0.1) });
    assert.ok(numericGap(lhs, rhs, draw) > 1e-3);
  });

  it('certifies a polynomial non-identity at an exact rational witness', () => {
    const verdict = casEqual('(x + 1)^2', 'x^2 + 2*x + 2', { witnesses: [{ x: 0.3 }] });
    assert.equal(verdict.status, 'nonzero');
    assert.match(verdict.detail, /exactly -1 at x = 0\.3/);
    assert.ok(Math.abs((evaluate('(x + 1)^2 - (x^2 + 2*x + 2)', { x: 0.3 }) as number) + 1) < 1e-12);
  });

  it('knows erfc, normcdf and atan through their translations', () => {
    assert.equal(casIsZero('erfc(x) + erf(x) - 1').status, 'zero');
    assert.equal(casEqual('normcdf(x)', '1 - normcdf(-x)').status, 'zero');
    const d = casDerivative('atan(x)', 'x');
    assert.ok(d.ok);
    assert.equal(casEqual(d.expr, '1/(1 + x^2)').status, 'zero');
  });
});

describe('CAS bridge guards', () => {
  it('answers "not provable by CAS" for tcdf, ell and lgamma instead of guessing', () => {
    for (const expr of ['tcdf(x, 3) - x', 'ell(nu) - 1/pi', 'lgamma(x) - x']) {
      const v = casIsZero(expr);
      assert.equal(v.status, 'unsupported', expr);
      assert.match(v.detail, /not provable by CAS/);
    }
  });

  it('answers undecided, and recovers, when Algebrite runs past its step limit', () => {
    const slow = casSimplify('(a + b + c + f + h + q)^40 - 1', { stepLimit: 10_000 });
    assert.equal(slow.ok, false);
    assert.ok(!slow.ok && slow.status === 'undecided' && /exceeded 10000 evaluation steps/.test(slow.detail), !slow.ok ? slow.detail : '');
    assert.equal(casEqual('x*(x+1)', 'x^2 + x').status, 'zero', 'a fresh worker answers the next call');
  });

  it('bounds a call by steps exactly: the steps it took suffice, one fewer does not', () => {
    const script = 'expand((a + b + c)^5)';
    const free = runAlgebrite(script);
    assert.ok(free.ok && free.steps > 100, 'the call counts its steps');
    const again = runAlgebrite(script);
    assert.equal(again.steps, free.steps, 'the count does not depend on what ran before');
    const exact = runAlgebrite(script, { ...DEFAULT_LIMITS, steps: free.steps });
    assert.ok(exact.ok && exact.output === free.output);
    const short = runAlgebrite(script, { ...DEFAULT_LIMITS, steps: free.steps - 1 });
    assert.ok(!short.ok && short.reason === 'steps');
  });

  it('stops a call at the wall-clock backstop, and recovers', () => {
    assert.ok(runAlgebrite('1').ok, 'a warm worker: a fresh one gets a start-up allowance on top of the backstop');
    const r = runAlgebrite('expand((a + b + c + f + h + q)^10)', { steps: 1e9, backstopMs: 1 });
    assert.ok(!r.ok && r.reason === 'timeout', r.ok ? 'completed' : r.reason);
    const after = runAlgebrite('x + x');
    assert.ok(after.ok && after.output === '2*x');
  });

  it('loads Algebrite with its patches matched (a failed set-up would answer every call with an error)', () => {
    const r = runAlgebrite('simplify(erf(x) + erfc(x) - 1)');
    assert.ok(r.ok, r.ok ? '' : r.message);
  });

  it('answers undecided for an expression over the size limit', () => {
    const v = casIsZero('x + x + x + x + x - 5*x', { maxNodes: 5 });
    assert.equal(v.status, 'undecided');
    assert.match(v.detail, /more than 5 nodes/);
  });

  it('reduces linear sums to their summand, and refuses sums in non-linear positions', () => {
    const isVector = (name: string): boolean => name === 's';
    assert.equal(casEqual('eta/4*sum(s.^2)', 'sum(eta*s.^2/4)', { isVector }).status, 'zero');
    assert.equal(casEqual('sum(s)^2', 'sum(s.^2)', { isVector }).status, 'unsupported');
    const v = casEqual('sum(s + 1)', 'sum(s) + 1', { isVector, witnesses: [{ s: 0.5 }] });
    assert.notEqual(v.status, 'zero');
    assert.notEqual(v.status, 'nonzero', 'a reduced sum never certifies a non-identity');
  });

  it('keeps Algebrite state from leaking between calls (clearall)', () => {
    const assign = runAlgebrite('x=3');
    assert.ok(assign.ok && assign.output === '');
    const after = runAlgebrite('x');
    assert.ok(after.ok && after.output === 'x');
  });

  it('substitutes simultaneously: (x, y) → (y, x) swaps', () => {
    const r = casSubstitute('x - 2*y', { x: 'y', y: 'x' });
    assert.ok(r.ok);
    assert.equal(casEqual(r.expr, 'y - 2*x').status, 'zero');
  });

  it('writes decimals as exact rationals', () => {
    assert.equal(exactRational(0.05), '(5/100)');
    assert.equal(exactRational(1.5e-3), '(15/10000)');
    assert.equal(exactRational(-2), '(-2)');
    assert.equal(casZeroTest(({ t }) => t('0.1 + 0.2 - 0.3')).status, 'zero');
  });
});
