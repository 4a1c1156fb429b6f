import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkLimit } from '../../../src/check/symbolic/limit.ts';
import { B4, claim } from './paperClaims.ts';

const options = { seed: 5 };

describe('limit check', () => {
  it('shows the exact AdamW variance tends to the paper-approx form as ρ₁ → ∞ (θ/ρ₁ → 0)', () => {
    const r = checkLimit(B4, { kind: 'limit', of: 'exact', variable: 'rho1', to: Infinity, equals: 'paperApprox' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
  });

  it('rejects a limit that drops the weight-decay term as ρ₁ → ∞', () => {
    const r = checkLimit(B4, { kind: 'limit', of: 'exact', variable: 'rho1', to: Infinity, equals: 'noDecay' }, options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.match(r.message, /relative difference goes/);
  });

  it('accepts the θ → 0 limit of the exact AdamW variance (Adam, η s/(2λ))', () => {
    const r = checkLimit(B4, { kind: 'limit', of: 'exact', variable: 'theta', to: 0, equals: 'noDecay' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas', r.casDetail);
  });

  it('accepts an asymptotic equivalence where `equals` depends on the variable, numerically', () => {
    const r = checkLimit(B4, { kind: 'limit', of: 'exact', variable: 'theta', to: 0, equals: 'paperApprox' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'numeric-only');
  });

  it('accepts A8: the t CDF tends to the normal CDF as ν → ∞, though tcdf loses accuracy at ν ~ 1e12', () => {
    const c = claim('heavy-tails.t-to-normal', 'A8', { z: { uniform: [-6, 6] }, nu: { logUniform: [1, 100] } }, {});
    const r = checkLimit(c, { kind: 'limit', of: 'tcdf(z, nu) - 1/2', variable: 'nu', to: Infinity, equals: 'erf(z/sqrt(2))/2' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'numeric-only');
    const wrong = checkLimit(c, { kind: 'limit', of: 'tcdf(z, nu) - 1/2', variable: 'nu', to: Infinity, equals: 'erf(z/2)/2' }, options);
    assert.equal(wrong.verdict, 'fail', wrong.message);
  });

  it('rejects a limit that is off by a constant factor 0.9', () => {
    const c = claim('t.lim', 'X', { a: { logUniform: [0.5, 2] }, x: { logUniform: [1, 10] } }, {});
    const r = checkLimit(c, { kind: 'limit', of: 'a*x/(x + 1)', variable: 'x', to: Infinity, equals: '0.9*a' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });

  it('rejects a sequence that does not approach its limit (oscillation)', () => {
    const c = claim('t.osc', 'X', { a: { logUniform: [0.5, 2] } }, {});
    const r = checkLimit(c, { kind: 'limit', of: 'a*(1 + sin(1/x)/2)', variable: 'x', to: 0, equals: 'a' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });
});
