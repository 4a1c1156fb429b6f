import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normCdf, normPdf } from '../../src/special/normCdf.ts';
import { erfc } from '../../src/special/erf.ts';

const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('normCdf', () => {
  it('matches mpmath ncdf to 4 ulp relative, lower tail included', () => {
    // [x, Φ(x)] from mpmath 1.3.0 at 40 digits.
    const ref: [number, number][] = [
      [-38, 2.8854283600687843e-316],
      [-20, 2.7536241186062337e-89],
      [-5, 2.8665157187919391e-7],
      [-1.5, 0.066807201268858066],
      [-1, 0.15865525393145705],
      [-0.3, 0.38208857781104737],
      [0, 0.5],
      [0.7, 0.75803634777692697],
      [1, 0.84134474606854295],
      [2.5, 0.99379033467422386],
      [8, 0.99999999999999938],
    ];
    for (const [x, want] of ref) {
      const tol = want < 1e-300 ? 1e-10 : 8.9e-16;
      assert.ok(relErr(normCdf(x), want) < tol, `Φ(${x}) = ${normCdf(x)}, want ${want}`);
    }
  });

  it('is more accurate in the tail than erfc(−x/√2)/2 (the check has power)', () => {
    // Rounding x/√2 costs ~x²·1e-16 relative: at x = −20 about 1e-14, which the 4-ulp check rejects.
    const want = 2.7536241186062337e-89;
    assert.ok(relErr(normCdf(-20), want) < 8.9e-16);
    assert.ok(relErr(0.5 * erfc(20 * Math.SQRT1_2), want) > 8.9e-16);
  });

  it('satisfies Φ(x) + Φ(−x) = 1 and has density φ(0) = 1/√(2π)', () => {
    for (const x of [0.1, 0.9, 1.1, 3, 6]) assert.ok(Math.abs(normCdf(x) + normCdf(-x) - 1) < 2.3e-16);
    assert.ok(relErr(normPdf(0), 1 / Math.sqrt(2 * Math.PI)) < 2.3e-16);
    assert.equal(normCdf(-Infinity), 0);
    assert.equal(normCdf(Infinity), 1);
  });
});
