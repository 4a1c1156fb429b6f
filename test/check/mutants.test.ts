import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'mathjs';
import { compileExpression } from '../../src/theory/compile.ts';
import { mutants } from '../../src/check/mutants.ts';

const normal = (e: string): string => parse(e).transform((n) => (n.type === 'ParenthesisNode' ? (n as unknown as { content: typeof n }).content : n)).toString({ parenthesis: 'auto' });
const A5_LOSS = 'eta/4 * sum(s.^2 ./ (sqrt(2/pi)*s + eta/pi*lam))';
const B4_EXACT = '(rho1/(rho1+theta))*eta*s/(2*(lam+theta*s))';

describe('mutants', () => {
  it('is deterministic, parses, has unique ids and never repeats the original or itself', () => {
    for (const expr of [A5_LOSS, B4_EXACT, '-erf(g/(sqrt(2)*s))', 'beta^k']) {
      const a = mutants(expr);
      assert.deepEqual(a, mutants(expr));
      assert.ok(a.length > 0);
      const forms = a.map((m) => normal(m.expr));
      assert.equal(new Set(forms).size, forms.length, `duplicate mutant of ${expr}`);
      assert.ok(!forms.includes(normal(expr)), `a mutant of ${expr} equals it`);
      assert.equal(new Set(a.map((m) => m.id)).size, a.length);
    }
  });

  it('scales each literal constant and pi by 1.1 and 0.9', () => {
    const forms = mutants(A5_LOSS).map((m) => normal(m.expr));
    for (const expected of [
      'eta / 4.4 * sum(s .^ 2 ./ (sqrt(2 / pi) * s + eta / pi * lam))',
      'eta / 3.6 * sum(s .^ 2 ./ (sqrt(2 / pi) * s + eta / pi * lam))',
      'eta / 4 * sum(s .^ 2 ./ (sqrt(2.2 / pi) * s + eta / pi * lam))',
      'eta / 4 * sum(s .^ 2 ./ (sqrt(2 / pi) * s + eta / (1.1 * pi) * lam))',
    ]) assert.ok(forms.includes(expected), expected);
  });

  it('drops each factor and divisor of a product, removes each sqrt, shifts each exponent, drops a unary minus', () => {
    const forms = mutants(B4_EXACT).map((m) => normal(m.expr));
    assert.ok(forms.includes(normal('rho1*eta*s/((rho1 + theta)*(lam + theta*s))')), 'divisor 2 dropped');
    assert.ok(forms.includes(normal('rho1*eta*s/(2*(lam + theta*s))')), 'divisor rho1 + theta dropped (the ρ₁ factor of B4)');
    assert.ok(forms.includes(normal('(rho1/(rho1 + theta))*eta*s/(2*(lam + s))')), 'θ dropped in θs');
    const erf = mutants('-erf(g/(sqrt(2)*s))').map((m) => normal(m.expr));
    assert.ok(erf.includes('erf(g / (sqrt(2) * s))'), 'unary minus dropped');
    assert.ok(erf.includes('-erf(g / (2 * s))'), 'sqrt removed');
    const powers = mutants('eta*s^2').map((m) => normal(m.expr));
    assert.ok(powers.includes('eta * s ^ 3') && powers.includes('eta * s ^ 1'));
    assert.deepEqual(mutants('beta^k').map((m) => normal(m.expr)), ['beta ^ (k + 1)', 'beta ^ (k - 1)']);
  });

  it('keeps an elementwise chain elementwise when it drops a factor (no matrix product of vectors)', () => {
    const dropped = mutants('eta*s.^2./(lam.*(2 - eta*lam))').filter((m) => m.id.startsWith('drop-factor'));
    assert.ok(dropped.length >= 3);
    const scope = { eta: 0.05, s: Float64Array.of(1, 2), lam: Float64Array.of(0.5, 2) };
    for (const m of dropped) {
      const value = compileExpression(m.expr)(scope);
      assert.ok(value instanceof Float64Array && value.length === 2, `${m.expr} evaluates coordinatewise`);
    }
  });

  it('marks mutants that equal the original at random points as equivalent, and only those', () => {
    const m = mutants('1*x^2 + y');
    const dropOne = m.find((x) => normal(x.expr) === 'x ^ 2 + y');
    assert.equal(dropOne?.equivalent, true);
    assert.ok(m.filter((x) => x !== dropOne).every((x) => x.equivalent !== true));
  });

  it('uses the given scopes to judge equivalence', () => {
    const onlyOne = mutants('x^2', { scopes: [{ x: 1 }] });
    assert.ok(onlyOne.every((m) => m.equivalent === true), 'at x = 1 the powers of x all agree');
    assert.ok(mutants('x^2').every((m) => m.equivalent !== true));
  });
});
