import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { math } from '../../src/theory/mathInstance.ts';
import { erf, erfc } from '../../src/special/erf.ts';
import { tCdf } from '../../src/special/tCdf.ts';
import { ell } from '../../src/special/ell.ts';
import { lgamma } from '../../src/special/lgamma.ts';
import { normCdf } from '../../src/special/normCdf.ts';

describe('math instance', () => {
  it('evaluates the special functions with the project implementations', () => {
    assert.equal(math.evaluate('erf(0.3)'), erf(0.3));
    assert.equal(math.evaluate('erfc(2.5)'), erfc(2.5));
    assert.equal(math.evaluate('tcdf(0.7, 3)'), tCdf(0.7, 3));
    assert.equal(math.evaluate('ell(2)'), ell(2));
    assert.equal(math.evaluate('lgamma(4.5)'), lgamma(4.5));
    assert.equal(math.evaluate('normcdf(-1.2)'), normCdf(-1.2));
  });

  it('maps the special functions over arrays and matrices', () => {
    assert.deepEqual(math.evaluate('erf(g)', { g: [0.1, -0.2] }), [erf(0.1), erf(-0.2)]);
    assert.deepEqual(math.evaluate('tcdf(g, 1)', { g: [0.5, 2] }), [tCdf(0.5, 1), tCdf(2, 1)]);
    assert.deepEqual(math.evaluate('tcdf(1, nu)', { nu: [1, 3] }), [tCdf(1, 1), tCdf(1, 3)]);
    assert.deepEqual(math.evaluate('tcdf(g, nu)', { g: [0.5, 2], nu: [1, 3] }), [tCdf(0.5, 1), tCdf(2, 3)]);
    assert.deepEqual(math.evaluate('normcdf([0, 1])').toArray(), [0.5, normCdf(1)]);
    assert.throws(() => math.evaluate('tcdf(g, nu)', { g: [0.5, 2], nu: [1, 3, 4] }), /dimension mismatch/);
  });

  it('applies the elementary functions elementwise to vectors, which mathjs 15 alone refuses', () => {
    assert.deepEqual(math.evaluate('sqrt(v)', { v: [4, 9] }), [2, 3]);
    assert.deepEqual(math.evaluate('exp(-a * t)', { a: [0, 1], t: 2 }), [1, Math.exp(-2)]);
    assert.equal(math.evaluate('sqrt(-4)').toString(), '2i');
  });
});
