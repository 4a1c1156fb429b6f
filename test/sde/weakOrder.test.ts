import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { solveSde } from '../../src/sde/solve.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import type { Sde } from '../../src/sde/sde.ts';
import type { SdeSolver } from '../../src/sde/solver.ts';
import { eulerMaruyama } from '../../src/sde/eulerMaruyama.ts';
import { platenWeak2 } from '../../src/sde/platenWeak2.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { logLogSlopeOfMeans } from '../../src/stats/logLogSlopeOfMeans.ts';
import { covers } from '../../src/stats/confidenceInterval.ts';

/**
 * Weak order of the solvers on geometric Brownian motion dX = μX dt + σX dW (multiplicative noise),
 * μ = −1, σ = 0.25, X₀ = 1, T = 0.25, test function g(x) = x², E[X_T²] = exp((2μ + σ²)T).
 *
 * Variance reduction (common random numbers): every path carries the exact solution
 * X_T = X₀ exp((μ − σ²/2)T + σW_T) driven by the same Brownian path, and the weak error at step
 * Δ is estimated as mean_p [Y_T^Δ(p)² − X_T(p)²], whose variance is O(Δ) (EM) or O(Δ²) (Platen,
 * strong order 1 here) instead of O(1). The same Brownian path (fine step T/64, summed) is used at
 * Δ = T/8, T/16, T/32, T/64, and the slope's standard error accounts for the correlation of the
 * level means (logLogSlopeOfMeans, delta method).
 *
 * Sizing (from the schemes' exact discrete moments, ((1+μΔ)² + σ²Δ)^n for EM and
 * (A² + B²Δ + 2C²Δ²)^n for Platen with A = 1 + μΔ + μ²Δ²/2, B = σ(1 + μΔ), C = σ²/2):
 *   EM,     20,000 paths: slope SE ≈ 0.011; bias at Δ = T/64 ≈ 41 SE; pre-asymptotic slope 1.006.
 *   Platen, 100,000 paths: slope SE ≈ 0.038; bias at Δ = T/64 ≈ 12 SE; pre-asymptotic slope 2.009.
 * Intervals at level 1 − 1e-3 (z = 3.29): nominal false alarm 1e-3 per interval, ≈ 3e-3 (EM) and
 * ≈ 1.2e-3 (Platen) once the pre-asymptotic offset (0.55 and 0.25 SE) is included. Excluding the
 * other order needs |1 − 2| > 3.29 SE, which holds with a wide margin.
 */
const MU = -1;
const SIGMA = 0.25;
const X0 = 1;
const T = 0.25;
const STEPS = [8, 16, 32, 64];
const ALPHA = 1e-3;

const gbm: Sde = {
  name: 'gbm', dim: 1, components: ['x'], noisy: [true],
  drift(_t, s, paths, out) { for (let p = 0; p < paths; p++) out[p] = MU * s[p]; },
  diffusion(_t, s, paths, out) { for (let p = 0; p < paths; p++) out[p] = SIGMA * s[p]; },
};

function weakErrorSamples(solver: SdeSolver, paths: number, seed: number): Float64Array[] {
  return STEPS.map((n) => {
    const brownian = new BrownianPath(createStream(seed), gbm, paths, { fineDt: T / 64, trackTotal: true });
    const r = solveSde(gbm, { solver, paths, dt: T / n, steps: n, initial: new Float64Array(paths).fill(X0), brownian });
    assert.equal(r.status, 'ok');
    const w = brownian.total as Float64Array;
    return Float64Array.from(r.state, (y, p) => {
      const exact = X0 * Math.exp((MU - SIGMA * SIGMA / 2) * T + SIGMA * w[p]);
      return y * y - exact * exact;
    });
  });
}

describe('weak order of convergence (GBM, E[X_T²])', () => {
  const dts = STEPS.map((n) => T / n);

  it('Euler–Maruyama has weak order 1: the slope CI contains 1 and excludes 2', () => {
    const fit = logLogSlopeOfMeans(dts, weakErrorSamples(eulerMaruyama, 20000, 7), ALPHA);
    const finest = fit.means.length - 1;
    assert.ok(Math.abs(fit.means[finest]) > 10 * fit.standardErrors[finest], `MC error too large: ${fit.means} ± ${fit.standardErrors}`);
    assert.ok(covers(fit.interval, 1), `slope ${fit.slope} ± ${fit.interval.halfWidth}`);
    assert.ok(!covers(fit.interval, 2), `slope ${fit.slope} ± ${fit.interval.halfWidth}`);
  });

  it('the Platen scheme has weak order 2: the slope CI contains 2 and excludes 1', () => {
    const fit = logLogSlopeOfMeans(dts, weakErrorSamples(platenWeak2, 100000, 8), ALPHA);
    const finest = fit.means.length - 1;
    assert.ok(Math.abs(fit.means[finest]) > 10 * fit.standardErrors[finest], `MC error too large: ${fit.means} ± ${fit.standardErrors}`);
    assert.ok(covers(fit.interval, 2), `slope ${fit.slope} ± ${fit.interval.halfWidth}`);
    assert.ok(!covers(fit.interval, 1), `slope ${fit.slope} ± ${fit.interval.halfWidth}`);
    assert.equal(platenWeak2.weakOrder, 2);
  });
});
