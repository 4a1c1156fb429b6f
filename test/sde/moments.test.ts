import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { solveSde } from '../../src/sde/solve.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import { initialState } from '../../src/sde/sde.ts';
import { sgdSde } from '../../src/sde/models/sgd.ts';
import { signSgdPhase3Sde } from '../../src/sde/models/signSgdPhase3.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { RunningStats } from '../../src/stats/runningStats.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';

/**
 * Euler–Maruyama runs of two linear SDEs against their exact moments. Each comparison is a z-score
 * with |z| < 4.4 (two-sided false alarm 1e-5 per comparison, < 1e-4 per test). dt is small enough
 * that the scheme's O(dt) bias is below 0.3 standard errors (stated per test).
 */
function coordinateStats(state: Float64Array, paths: number, dim: number, i: number, square = false): RunningStats {
  const s = new RunningStats();
  for (let p = 0; p < paths; p++) { const x = state[p * dim + i]; s.push(square ? x * x : x); }
  return s;
}

describe('SDE moments under Euler–Maruyama', () => {
  it('SGD SDE on a quadratic: E[X_t] = e^{−λt}x₀ and the OU variance ηs²(1 − e^{−2λt})/(2λ) (CLAIMS A6)', () => {
    // d = 3, 8000 paths, η = 0.01, dt = 0.002, t = 1. Worst EM bias (λ = 4): mean 9e-5 = 0.11 SE,
    // variance −λdt/2 = −0.4% = 0.25 SE.
    const lam = [0.5, 1, 4];
    const s = [1, 0.5, 2];
    const x0 = [1, -0.5, 0.3];
    const eta = 0.01;
    const paths = 8000;
    const sde = sgdSde({ eta }, diagonalQuadratic(lam), gaussianNoise(s));
    const r = solveSde(sde, {
      paths, dt: 0.002, steps: 500, initial: initialState(sde, paths, { x: x0 }),
      brownian: new BrownianPath(createStream(101), sde, paths, { fineDt: 0.002 }),
    });
    assert.equal(r.status, 'ok');
    for (let i = 0; i < 3; i++) {
      const st = coordinateStats(r.state, paths, 3, i);
      const mean = Math.exp(-lam[i]) * x0[i];
      const variance = (eta * s[i] ** 2 * (1 - Math.exp(-2 * lam[i]))) / (2 * lam[i]);
      const zMean = (st.mean - mean) / st.standardError;
      const zVar = (st.variance - variance) / (variance * Math.sqrt(2 / (paths - 1)));
      assert.ok(Math.abs(zMean) < 4.4, `coordinate ${i}: mean ${st.mean} vs ${mean} (z = ${zMean})`);
      assert.ok(Math.abs(zVar) < 4.4, `coordinate ${i}: variance ${st.variance} vs ${variance} (z = ${zVar})`);
      // Power: a variance formula missing the factor ½ is rejected.
      const zWrong = (st.variance - 2 * variance) / (2 * variance * Math.sqrt(2 / (paths - 1)));
      assert.ok(Math.abs(zWrong) > 4.4, `coordinate ${i}: wrong variance not rejected (z = ${zWrong})`);
    }
  });

  it('SignSGD Phase-3 SDE on a quadratic: E[X_t] and E[X_t²] of CLAIMS A5', () => {
    // λ = 1, s = 2, η = 0.01, x₀ = 0.3, t = 1, dt = 0.001, 10,000 paths. a = √(2/π)λ/s,
    // c = a + (η/π)λ²/s². EM bias: mean ≈ a²dt/2 relative = 8e-5 relative (0.02 SE).
    const lam = 1, s = 2, eta = 0.01, x0 = 0.3, t = 1;
    const paths = 10000;
    const sde = signSgdPhase3Sde({ eta }, diagonalQuadratic([lam]), gaussianNoise([s]));
    const r = solveSde(sde, {
      paths, dt: 0.001, steps: 1000, initial: initialState(sde, paths, { x: x0 }),
      brownian: new BrownianPath(createStream(202), sde, paths, { fineDt: 0.001 }),
    });
    const a = (Math.sqrt(2 / Math.PI) * lam) / s;
    const c = a + (eta / Math.PI) * (lam / s) ** 2;
    const mean = Math.exp(-a * t) * x0;
    const second = Math.exp(-2 * c * t) * x0 * x0 + (eta / (2 * c)) * (1 - Math.exp(-2 * c * t));
    const m1 = coordinateStats(r.state, paths, 1, 0);
    const m2 = coordinateStats(r.state, paths, 1, 0, true);
    const z1 = (m1.mean - mean) / m1.standardError;
    const z2 = (m2.mean - second) / m2.standardError;
    assert.ok(Math.abs(z1) < 4.4, `E[X_t] ${m1.mean} vs ${mean} (z = ${z1})`);
    assert.ok(Math.abs(z2) < 4.4, `E[X_t²] ${m2.mean} vs ${second} (z = ${z2})`);
    // Power: SGD-style noise √η·s instead of √η (the A7 contrast) predicts a larger E[X_t²], rejected.
    const wrong = Math.exp(-2 * a * t) * x0 * x0 + ((eta * s * s) / (2 * a)) * (1 - Math.exp(-2 * a * t));
    assert.ok(Math.abs((m2.mean - wrong) / m2.standardError) > 4.4);
  });
});
