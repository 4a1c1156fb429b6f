import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdentity } from '../../../src/check/symbolic/identity.ts';
import { A5, B2, claim } from './paperClaims.ts';

const options = { seed: 20250101 };

describe('identity check', () => {
  it('proves the B2 bias-correction identity with the CAS and confirms it at 64 points', () => {
    const r = checkIdentity(B2, { kind: 'identity', lhs: 'sde', rhs: 'discrete' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
    assert.equal(r.numeric.points, 64);
    assert.ok(r.numeric.maxRelErr < 1e-12, `max rel. error ${r.numeric.maxRelErr}`);
  });

  it('rejects the bias correction with ε left uncorrected', () => {
    const r = checkIdentity(B2, { kind: 'identity', lhs: 'epsUncorrected', rhs: 'discrete' }, options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.ok(r.numeric.worstPoint !== null);
  });

  it('rejects the bias correction with ε off by 10%', () => {
    const r = checkIdentity(B2, { kind: 'identity', lhs: 'sde', rhs: '(m/i1)/(sqrt(v/i2) + 1.1*eps)' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });

  it('proves the A5 stationary loss equals ½Σλ·Var through the per-coordinate summand', () => {
    const r = checkIdentity(A5, { kind: 'identity', lhs: 'loss', rhs: 'lossFromVariance' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
    assert.match(r.casDetail ?? '', /summand/);
  });

  it('rejects the A5 stationary loss with the factor 1/4 dropped', () => {
    const r = checkIdentity(A5, { kind: 'identity', lhs: 'eta * sum(s.^2 ./ (sqrt(2/pi)*s + eta/pi*lam))', rhs: 'lossFromVariance' }, options);
    assert.equal(r.verdict, 'fail', r.message);
  });

  it('lets a tolerance absorb a stated modelling slack, and only that much', () => {
    const c = claim('t.tol', 'X', { x: { uniform: [1, 2] } }, {});
    const within = checkIdentity(c, { kind: 'identity', lhs: '1.001*x', rhs: 'x', tolerance: { rel: '0.002' } }, options);
    const beyond = checkIdentity(c, { kind: 'identity', lhs: '1.003*x', rhs: 'x', tolerance: { rel: '0.002' } }, options);
    assert.equal(within.verdict, 'pass', within.message);
    assert.equal(within.proof, 'numeric-only');
    assert.equal(beyond.verdict, 'fail', beyond.message);
    assert.match(beyond.casDetail ?? '', /not an exact identity/);
  });

  it('certifies a failure with the CAS when an exact rational witness exists', () => {
    const c = claim('t.exact', 'X', { x: { uniform: [1, 2] } }, {});
    const r = checkIdentity(c, { kind: 'identity', lhs: '(x + 1)^2', rhs: 'x^2 + 2*x + 1.1' }, options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.equal(r.proof, 'cas');
    assert.match(r.casDetail ?? '', /exactly -1\/10/);
  });

  it('reports an error, with both sides, when the CAS and the numeric evaluation disagree', () => {
    // ((1 + x) − 1)/x ≡ 1, but in double precision it is 0 for x < 1e-17.
    const c = claim('t.cancel', 'X', { x: { logUniform: [1e-20, 1e-18] } }, {});
    const r = checkIdentity(c, { kind: 'identity', lhs: '((1 + x) - 1)/x', rhs: '1' }, options);
    assert.equal(r.verdict, 'error', r.message);
    assert.match(r.message, /disagree/);
    assert.match(r.message, /numeric/);
  });

  it('proves A2: E[sign(g + sZ)] = 1 − 2Φ(−g/s) = erf(g/(√2 s))', () => {
    const c = claim('signsgd.gaussian-sign-mean', 'A2', { g: { uniform: [-3, 3] }, s: { logUniform: [0.1, 10] } }, {});
    const r = checkIdentity(c, { kind: 'identity', lhs: '1 - 2*normcdf(-g/s)', rhs: 'erf(g/(sqrt(2)*s))' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
    const wrong = checkIdentity(c, { kind: 'identity', lhs: '1 - 2*normcdf(-g/s)', rhs: 'erf(g/s)' }, options);
    assert.equal(wrong.verdict, 'fail', wrong.message);
  });

  it('confirms A8 for ν = 1 numerically where the CAS cannot handle tcdf: 2F₁(x) − 1 = 2 atan(x)/π', () => {
    const c = claim('heavy-tails.cauchy-sign-mean', 'A8', { x: { uniform: [-20, 20] } }, {});
    const r = checkIdentity(c, { kind: 'identity', lhs: '2*tcdf(x, 1) - 1', rhs: '2*atan(x)/pi' }, options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'numeric-only');
    assert.match(r.casDetail ?? '', /not provable by CAS: tcdf/);
    const wrong = checkIdentity(c, { kind: 'identity', lhs: '2*tcdf(x, 1) - 1', rhs: 'atan(x)/pi' }, options);
    assert.equal(wrong.verdict, 'fail', wrong.message);
  });

  it('throws a definition error for an undeclared symbol', () => {
    assert.throws(() => checkIdentity(B2, { kind: 'identity', lhs: 'sde', rhs: 'discrete*zeta' }, options), /zeta/);
  });
});
