import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkLyapunov, momentIndex, type LyapunovCheck } from '../../../src/check/symbolic/lyapunov.ts';
import { SymbolicDefinitionError } from '../../../src/check/symbolic/symbolicResult.ts';
import { A5, B4, claim } from './paperClaims.ts';

const options = { seed: 7 };

/** A5: Phase-3 SignSGD, dX = −√(2/π)(g/s) dt + √η √(1 − (2/π)(g/s)²) dW, g = lam·x. */
const phase3 = (moments: Record<string, string>): LyapunovCheck => ({
  kind: 'lyapunov', state: ['x'], drift: ['-sqrt(2/pi)*g./s'], diffusion2: ['eta*(1 - (2/pi)*(g./s).^2)'], moments,
});

/** B4: AdamW with V = s², ε = 0: dX = (−M/s − θX) dt, dM = ρ₁(λX − M) dt + √η ρ₁ s dW. */
const adamw = (moments: Record<string, string>): LyapunovCheck => ({
  kind: 'lyapunov', state: ['x', 'm'], drift: ['-m/s - theta*x', 'rho1*(lam*x - m)'], diffusion2: ['0', 'eta*rho1^2*s^2'], moments,
});

describe('lyapunov check', () => {
  it('accepts A5: η/(2c) is the stationary E[x²] of the Phase-3 SDE, proved by the CAS', () => {
    const r = checkLyapunov(A5, phase3({ 'x^2': 'variance' }), options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
    assert.ok(r.numeric.maxRelErr < 1e-12);
  });

  it('rejects A5 with the (η/π)λ²/s² term dropped (η/(2a))', () => {
    const r = checkLyapunov(A5, phase3({ 'x^2': 'varianceNoCorrection' }), options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.match(r.message, /E\[x\^2\]/);
  });

  it('substitutes a complete set of claimed moments into every moment equation', () => {
    const r = checkLyapunov(A5, phase3({ x: '0', 'x^2': 'variance' }), options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas', r.casDetail);
    assert.match(r.casDetail ?? '', /moment equation 2\/2 with all claimed moments: \w+ gives 0/);
  });

  it('accepts the exact AdamW variance (ρ₁/(ρ₁+θ))·η s/(2(λ+θs)) of the B4 2×2 system', () => {
    const r = checkLyapunov(B4, adamw({ 'x^2': 'exact' }), options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas');
  });

  it('rejects the paper-approx AdamW variance η s/(2(λ+θs)) where θ/ρ₁ is not negligible', () => {
    const r = checkLyapunov(B4, adamw({ 'x^2': 'paperApprox' }), options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.equal(r.proof, 'cas', 'the difference is certified at an exact rational point');
  });

  it('proves the complete set of AdamW moments E[x] = E[m] = 0, E[x²], E[xm], E[m²] by substitution', () => {
    // E[L x²] = 0 gives E[xm] = −θ s E[x²]; E[L xm] = 0 gives E[m²] = s E[x²](ρ₁λ + θ s(ρ₁ + θ)).
    const r = checkLyapunov(B4, adamw({ x: '0', m: '0', 'x^2': 'exact', 'x*m': '-theta*s*exact', 'm^2': 's*exact*(rho1*lam + theta*s*(rho1 + theta))' }), options);
    assert.equal(r.verdict, 'pass', r.message);
    assert.equal(r.proof, 'cas', r.casDetail);
  });

  it('reports an error when θ/ρ₁ is too small for double precision to see the paper-approx error but the CAS sees it', () => {
    // θ/ρ₁ ≤ 1e-13: the relative gap θ/(ρ₁+θ) is below the 1e-9 rounding allowance, yet the forms differ.
    const tiny = { ...B4, domain: { ...B4.domain, theta: { logUniform: [1e-12, 1e-11] as [number, number] }, rho1: { logUniform: [100, 1000] as [number, number] } } };
    const r = checkLyapunov(tiny, adamw({ 'x^2': 'paperApprox' }), options);
    assert.equal(r.verdict, 'error', r.message);
    assert.match(r.message, /CAS and numeric disagree/);
  });

  it('rejects a wrong cross moment E[x·m] = 0 for AdamW', () => {
    const r = checkLyapunov(B4, adamw({ x: '0', m: '0', 'x^2': 'exact', 'x*m': '0', 'm^2': 'exact' }), options);
    assert.equal(r.verdict, 'fail', r.message);
    assert.match(r.message, /E\[x\*m\]/);
  });

  it('throws a definition error for a drift that is not affine in the state', () => {
    const c = claim('t.cubic', 'X', { eta: { value: 0.01 } }, {});
    const check: LyapunovCheck = { kind: 'lyapunov', state: ['x'], drift: ['-x^3'], diffusion2: ['eta'], moments: { 'x^2': 'eta' } };
    assert.throws(() => checkLyapunov(c, check, options), (e: unknown) => e instanceof SymbolicDefinitionError && /not affine/.test(e.message));
  });

  it('places a definition error at the file and line of the offending field', () => {
    const c = { ...claim('t.lines', 'X', { eta: { value: 0.01 } }, {}), origin: { file: 'theorems/t/lines.yaml', lines: { 'checks[2].drift': 17 } } };
    const check: LyapunovCheck = { kind: 'lyapunov', state: ['x'], drift: ['-x^2'], diffusion2: ['eta'], moments: { 'x^2': 'eta' } };
    assert.throws(() => checkLyapunov(c, check, { ...options, label: 2 }), (e: unknown) =>
      e instanceof SymbolicDefinitionError && e.message.startsWith('theorems/t/lines.yaml:17: checks[2].drift: t.lines: drift of x is not affine'));
  });

  it('throws a definition error for a diffusion² of degree 3', () => {
    const c = claim('t.cubic2', 'X', { eta: { value: 0.01 } }, {});
    const check: LyapunovCheck = { kind: 'lyapunov', state: ['x'], drift: ['-x'], diffusion2: ['eta*(1 + x^3)'], moments: { 'x^2': 'eta' } };
    assert.throws(() => checkLyapunov(c, check, options), /degree ≤ 2/);
  });

  it('returns an error verdict when the moment equations are singular (no restoring drift)', () => {
    const c = claim('t.bm', 'X', { eta: { value: 0.01 } }, {});
    const r = checkLyapunov(c, { kind: 'lyapunov', state: ['x'], drift: ['0'], diffusion2: ['eta'], moments: { 'x^2': 'eta' } }, options);
    assert.equal(r.verdict, 'error');
    assert.match(r.message, /singular/);
  });

  it('reads moment keys x, x^2, x*m, m*x', () => {
    const state = ['x', 'm'];
    assert.deepEqual(['x', 'm', 'x^2', 'x*m', 'm*x', 'm^2'].map((k) => momentIndex(k, state)), [0, 1, 2, 3, 3, 4]);
    assert.throws(() => momentIndex('x^3', state), SymbolicDefinitionError);
    assert.throws(() => momentIndex('y^2', state), SymbolicDefinitionError);
  });
});
