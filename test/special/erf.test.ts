import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { erf, erfc, erfcx } from '../../src/special/erf.ts';

const ULP = 2.220446049250313e-16;

function relErr(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

/** [x, erf(x), erfc(x)] at the double nearest x: mpmath 1.3.0 at 40 digits, rounded to 17 digits. */
const REFERENCE: [number, number, number][] = [
  [-3, -0.99997790950300141, 1.9999779095030014],
  [-0.7, -0.67780119383741844, 1.6778011938374184],
  [-1e-8, -1.1283791670955126e-8, 1.0000000112837917],
  [0.1, 0.1124629160182849, 0.8875370839817151],
  [0.3, 0.32862675945912742, 0.67137324054087258],
  [0.49, 0.51166826118852309, 0.48833173881147691],
  [0.51, 0.52924361984117044, 0.47075638015882956],
  [0.75, 0.71115563365351513, 0.28884436634648487],
  [1.5, 0.96610514647531073, 0.033894853524689273],
  [2.5, 0.99959304798255504, 0.00040695201744495894],
  [3.3, 0.99999694229020356, 3.0577097964381652e-6],
  [4.7, 0.9999999999700474, 2.9952597863796552e-11],
  [6, 0.99999999999999998, 2.1519736712498913e-17],
  [10, 1.0, 2.0884875837625448e-45],
  [15, 1.0, 7.2129941724512067e-100],
  [22, 1.0, 1.6219058609334725e-212],
  [26, 1.0, 5.6631924088561428e-296],
];

describe('erf and erfc', () => {
  it('match textbook values to 1e-15 relative', () => {
    assert.ok(relErr(erf(0.5), 0.5204998778130465) < 1e-15);
    assert.ok(relErr(erf(1), 0.8427007929497149) < 1e-15);
    assert.ok(relErr(erf(2), 0.9953222650189527) < 1e-15);
    assert.ok(relErr(erfc(5), 1.5374597944280349e-12) < 1e-15);
    assert.equal(erf(0), 0);
    assert.equal(erfc(0), 1);
  });

  it('match mpmath to 4 ulp relative, erfc included in the far tail', () => {
    for (const [x, e, c] of REFERENCE) {
      assert.ok(relErr(erf(x), e) < 4 * ULP, `erf(${x}) = ${erf(x)}, want ${e}`);
      assert.ok(relErr(erfc(x), c) < 4 * ULP, `erfc(${x}) = ${erfc(x)}, want ${c}`);
    }
  });

  it('keeps relative accuracy where 1 − erf(x) would not (the tail check has power)', () => {
    // 1 − erf(5) has only ~4 correct digits: the same tolerance rejects it.
    assert.ok(relErr(1 - erf(5), 1.5374597944280349e-12) > 1e-6);
    assert.ok(relErr(erfc(5), 1.5374597944280349e-12) < 4 * ULP);
  });

  it('is odd, with erfc(−x) = 2 − erfc(x), and monotone across the branch points', () => {
    for (const x of [0.01, 0.4999, 0.5, 0.5001, 1.3, 3.7, 8]) {
      assert.equal(erf(-x), -erf(x));
      assert.ok(Math.abs(erfc(-x) - (2 - erfc(x))) <= 2 * ULP);
    }
    let prev = erf(-7);
    for (let x = -7; x <= 7; x += 1 / 1024) {
      const v = erf(x);
      assert.ok(v >= prev, `erf not monotone at ${x}`);
      prev = v;
    }
  });

  it('handles infinities, NaN and underflow', () => {
    assert.equal(erf(Infinity), 1);
    assert.equal(erf(-Infinity), -1);
    assert.equal(erfc(Infinity), 0);
    assert.equal(erfc(-Infinity), 2);
    assert.equal(erfc(30), 0);
    assert.ok(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN)) && Number.isNaN(erfcx(NaN)));
  });

  it('gives erfcx(x) = e^{x²} erfc(x) without overflow for large x', () => {
    // erfcx(x) ~ 1/(x√π)·(1 − 1/(2x²)) for large x; values below from mpmath.
    assert.ok(relErr(erfcx(1), 0.427583576155807) < 4 * ULP);
    assert.ok(relErr(erfcx(-2), 108.94090438997797) < 8 * ULP);
    assert.ok(relErr(erfcx(50), 0.011281536265323773) < 4 * ULP);
    assert.ok(relErr(erfcx(1e10), 1 / (1e10 * Math.sqrt(Math.PI))) < 4 * ULP);
    assert.equal(erfcx(Infinity), 0);
  });
});
