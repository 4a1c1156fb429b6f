import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractPolynomial, momentSystem, solveDense, pairIndex } from '../../../src/check/symbolic/momentSystem.ts';

describe('moment system', () => {
  it('reads the coefficients of a degree-2 polynomial exactly', () => {
    const p = extractPolynomial((y) => 3 - 2 * y[0] + 0.5 * y[1] + 4 * y[0] * y[0] - y[0] * y[1] + 7 * y[1] * y[1], 2);
    assert.equal(p.constant, 3);
    assert.deepEqual(Array.from(p.linear), [-2, 0.5]);
    assert.deepEqual(Array.from(p.quadratic), [4, -1, 0, 7]);
  });

  it('gives the Ornstein–Uhlenbeck stationary moments E[x] = μ, E[x²] = μ² + σ²/(2k)', () => {
    // dX = k(μ − X) dt + σ dW with k = 2, μ = 0.5, σ² = 0.3.
    const drift = extractPolynomial((y) => 2 * (0.5 - y[0]), 1);
    const diffusion = extractPolynomial(() => 0.3, 1);
    const { A, r, N } = momentSystem([drift], [diffusion]);
    const z = solveDense(A, r, N);
    assert.ok(z !== null);
    assert.ok(Math.abs(z[0] - 0.5) < 1e-15);
    assert.ok(Math.abs(z[pairIndex(1, 0, 0)] - (0.25 + 0.3 / 4)) < 1e-15);
  });

  it('reports a singular system as null', () => {
    assert.equal(solveDense(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 1), 2), null);
  });
});
