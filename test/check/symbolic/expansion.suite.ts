import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkExpansion } from '../../../src/check/symbolic/expansion.ts';
import { A3 } from './paperClaims.ts';

const options = { seed: 11 };

describe('expansion check', () => {
  it('accepts the Phase-3 drift −√(2/π)g/s as the order-1 expansion of −erf(g/(√2 s)) at g = 0', () => {
    const r = checkExpansion(A3, { kind: 'expansion', of: 'drift', variable: 'g', at: 0, order: 1, equals: 'phase3Drift' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
    assert.match(r.message, /slope 3\.0/, 'erf is odd: the order-1 remainder is O(g³)');
  });

  it('rejects the Phase-3 drift with its constant 10% too large', () => {
    const r = checkExpansion(A3, { kind: 'expansion', of: 'drift', variable: 'g', at: 0, order: 1, equals: '-1.1*sqrt(2/pi)*g/s' }, options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.match(r.message, /slope 1\.0/);
  });

  it('rejects the Phase-3 drift with the factor 1/s dropped', () => {
    const r = checkExpansion(A3, { kind: 'expansion', of: 'drift', variable: 'g', at: 0, order: 1, equals: '-sqrt(2/pi)*g' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });

  it('accepts 1 − g²/(πs²) as the order-2 expansion of the diffusion factor √(1 − erf(g/(√2 s))²)', () => {
    const r = checkExpansion(A3, { kind: 'expansion', of: 'diffusionFactor', variable: 'g', at: 0, order: 2, equals: 'phase3DiffusionFactor' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas', r.casDetail);
  });

  it('rejects an `equals` that is not a polynomial of the stated degree even when the remainder is small', () => {
    const r = checkExpansion(A3, { kind: 'expansion', of: 'drift', variable: 'g', at: 0, order: 1, equals: '-sqrt(2/pi)*sin(g)/s' }, options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.match(r.message, /not a polynomial/);
  });

  it('accepts an expansion at a non-zero point: exp(g) at 1 to order 2', () => {
    const r = checkExpansion(A3, { kind: 'expansion', of: 'exp(g)', variable: 'g', at: 1, order: 2, equals: 'e*(1 + (g-1) + (g-1)^2/2)' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas', r.casDetail);
  });
});
