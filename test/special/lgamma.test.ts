import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lgamma, lgammaRatio } from '../../src/special/lgamma.ts';

/** [x, log Γ(x)] from mpmath 1.3.0 (loggamma, 40 digits). */
const REFERENCE: [number, number][] = [
  [1e-300, 690.77552789821371],
  [1e-10, 23.025850929882735],
  [0.1, 2.2527126517342059],
  [0.5, 0.57236494292470009],
  [1.0001, -5.7713342220471268e-5],
  [1.5, -0.12078223763524522],
  [2.0001, 4.2281658112919946e-5],
  [2.5, 0.28468287047291916],
  [3.7, 1.4280723266653881],
  [9.99, 12.779315214350193],
  [10, 12.80182748008147],
  [33.3, 82.603723581654943],
  [1e5, 1051287.7089736569],
  [1e300, 6.8977552789821374e302],
];

describe('lgamma', () => {
  it('gives log √π at ½ and log 9! at 10, and exactly 0 at 1 and 2', () => {
    assert.ok(Math.abs(lgamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 2e-16);
    assert.ok(Math.abs(lgamma(10) - Math.log(362880)) < 4e-15);
    assert.equal(lgamma(1), 0);
    assert.equal(lgamma(2), 0);
  });

  it('matches mpmath to 1e-15 (absolute below 1, relative above)', () => {
    for (const [x, want] of REFERENCE) {
      const err = Math.abs(lgamma(x) - want) / Math.max(1, Math.abs(want));
      assert.ok(err < 1e-15, `lgamma(${x}) = ${lgamma(x)}, want ${want}`);
    }
  });

  it('keeps relative accuracy next to its zeros at 1 and 2', () => {
    assert.ok(Math.abs(lgamma(1.0001) / -5.7713342220471268e-5 - 1) < 1e-14);
    assert.ok(Math.abs(lgamma(2.0001) / 4.2281658112919946e-5 - 1) < 1e-14);
  });

  it('satisfies log Γ(x + 1) = log Γ(x) + log x across the branch points', () => {
    for (const x of [0.3, 0.49, 0.5, 1.49, 1.5, 2.49, 2.5, 7.3, 9.5, 9.99, 10, 50]) {
      const lhs = lgamma(x + 1);
      const rhs = lgamma(x) + Math.log(x);
      assert.ok(Math.abs(lhs - rhs) <= 4e-15 * Math.max(1, Math.abs(lhs)), `x = ${x}`);
    }
  });

  it('returns NaN outside x > 0 and Infinity at Infinity', () => {
    assert.ok(Number.isNaN(lgamma(0)) && Number.isNaN(lgamma(-1.5)) && Number.isNaN(lgamma(NaN)));
    assert.equal(lgamma(Infinity), Infinity);
  });

  it('gives log Γ(x + ½) − log Γ(x) without cancellation at large x', () => {
    // Γ(x + ½)/Γ(x) = √x (1 − 1/(8x) + 1/(128x²) + 5/(1024x³) + O(x⁻⁴)): at x = 1e8 the
    // direct difference of two ~1.7e9 numbers would lose ~7 digits.
    const x = 1e8;
    const want = 0.5 * Math.log(x) + Math.log1p(-1 / (8 * x) + 1 / (128 * x * x));
    assert.ok(Math.abs(lgammaRatio(x, 0.5) - want) < 1e-15 * Math.abs(want));
    assert.ok(Math.abs(lgammaRatio(3, 0.5) - (lgamma(3.5) - lgamma(3))) < 1e-15);
  });
});
