import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import { adamW } from '../../src/optimizers/adam.ts';
import { sgd } from '../../src/optimizers/sgd.ts';
import { signSgd } from '../../src/optimizers/signSgd.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { fillNormal } from '../../src/random/normal.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import type { RandomStream } from '../../src/random/randomStream.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';
import { perPathValues } from '../../src/simulate/timeAverage.ts';

/** Minimal Gaussian noise for these tests: Z = s·N(0,1) drawn with fillNormal into a scratch row. */
function testNoise(scale: number[], paths: number): NoiseModel {
  const s = Float64Array.from(scale);
  const dim = s.length;
  const z = new Float64Array(paths * dim);
  return {
    kind: 'gaussian',
    dim,
    scale: s,
    nu: Infinity,
    addTo(rng: RandomStream, grad: Float64Array, p: number) {
      fillNormal(rng, z, 0, p * dim);
      for (let j = 0; j < p * dim; j++) grad[j] += s[j % dim] * z[j];
    },
    sample(rng: RandomStream, out: Float64Array, p: number) {
      fillNormal(rng, out, 0, p * dim);
      for (let j = 0; j < p * dim; j++) out[j] *= s[j % dim];
    },
    signMean: () => Number.NaN,
    variance: (i: number) => s[i] * s[i],
  };
}

describe('runOptimizer', () => {
  it('follows x_k = (1 − ηλ)^k x₀ for noiseless SGD and records x and the loss at the chosen steps', () => {
    const lam = [1, 4];
    const r = runOptimizer({
      problem: diagonalQuadratic(lam),
      optimizer: sgd(0.1),
      paths: 2,
      steps: 10,
      x0: [1, -2, 3, 0.5],
      record: { steps: [10, 0, 5], loss: true },
    });
    assert.equal(r.status, 'ok');
    assert.equal(r.pathCoordSteps, 40);
    assert.deepEqual(r.records.map((q) => q.step), [0, 5, 10]);
    const x0 = [1, -2, 3, 0.5];
    for (const rec of r.records) {
      const expected = x0.map((v, j) => v * (1 - 0.1 * lam[j % 2]) ** rec.step);
      expected.forEach((e, j) => assert.ok(Math.abs(rec.x![j] - e) <= 1e-14 * Math.abs(x0[j])));
      for (let p = 0; p < 2; p++) {
        const f = 0.5 * (lam[0] * expected[2 * p] ** 2 + lam[1] * expected[2 * p + 1] ** 2);
        assert.ok(Math.abs(rec.loss![p] - f) <= 1e-13);
      }
    }
    assert.deepEqual(r.x, r.records[2].x);
  });

  it('reports divergence as a result with the step and the number of paths that blew up', () => {
    // SGD with ηλ = 3: x_k = (−2)^k x₀ overflows to ±∞ at k ≈ 1024 (2^1024 > max double), then NaN.
    const r = runOptimizer({ problem: diagonalQuadratic([1]), optimizer: sgd(3), paths: 3, steps: 5000, x0: [1, 0, -1] });
    assert.equal(r.status, 'diverged');
    assert.ok(r.divergedAt!.step >= 1020 && r.divergedAt!.step <= 1030, `step ${r.divergedAt!.step}`);
    assert.equal(r.divergedAt!.paths, 2);
    assert.equal(r.steps, r.divergedAt!.step);
    const ok = runOptimizer({ problem: diagonalQuadratic([1]), optimizer: sgd(1.9), paths: 3, steps: 5000, x0: [1, 0, -1] });
    assert.equal(ok.status, 'ok');
  });

  it('runs exactly the loop gradient → noise → update → x += u (same stream, same numbers)', () => {
    const problem = diagonalQuadratic([1, 2, 3]);
    const paths = 4;
    const opt = adamW({ lr: 0.01, weightDecay: 0.5 });
    const r = runOptimizer({ problem, optimizer: opt, noise: testNoise([1, 0.5, 2], paths), rng: createStream(7), paths, steps: 25, x0: [0.3, -0.2, 1] });
    const rng = createStream(7);
    const noise = testNoise([1, 0.5, 2], paths);
    const x = Float64Array.from({ length: 12 }, (_, j) => [0.3, -0.2, 1][j % 3]);
    const u = new Float64Array(12);
    const st = opt.init(paths, 3);
    for (let k = 1; k <= 25; k++) {
      problem.gradient(x, paths, u);
      noise.addTo(rng, u, paths);
      opt.update(u, st, x, k);
      for (let j = 0; j < 12; j++) x[j] += u[j];
    }
    assert.deepEqual(r.x, x);
  });

  it('continues a run from a saved state and step offset exactly', () => {
    const problem = diagonalQuadratic([2]);
    const opt = adamW({ lr: 0.05, weightDecay: 0.1 });
    const noise = testNoise([1], 5);
    const whole = runOptimizer({ problem, optimizer: opt, noise, rng: createStream(3), paths: 5, steps: 12, x0: 1 });
    const rng = createStream(3);
    const first = runOptimizer({ problem, optimizer: opt, noise, rng, paths: 5, steps: 7, x0: 1 });
    const second = runOptimizer({ problem, optimizer: opt, noise, rng, paths: 5, steps: 5, x0: first.x, initialState: first.state, stepOffset: 7 });
    assert.deepEqual(second.x, whole.x);
    const wrongOffset = runOptimizer({ problem, optimizer: opt, noise, rng: createStream(3), paths: 5, steps: 7, x0: 1 });
    const restarted = runOptimizer({ problem, optimizer: opt, noise, rng, paths: 5, steps: 5, x0: wrongOffset.x, initialState: wrongOffset.state });
    assert.notDeepEqual(restarted.x, whole.x);
  });

  it('time-averages x, x² and the loss per path over the steps after burn-in', () => {
    const lam = [1, 3];
    const x0 = [1, -1, 0.5, 2];
    const r = runOptimizer({ problem: diagonalQuadratic(lam), optimizer: sgd(0.2), paths: 2, steps: 9, x0, average: { from: 4, loss: true } });
    const avg = r.average!;
    assert.equal(avg.samples, 6);
    for (let j = 0; j < 4; j++) {
      const q = 1 - 0.2 * lam[j % 2];
      let s = 0;
      let s2 = 0;
      for (let k = 4; k <= 9; k++) {
        s += x0[j] * q ** k;
        s2 += (x0[j] * q ** k) ** 2;
      }
      assert.ok(Math.abs(avg.meanX[j] - s / 6) < 1e-14);
      assert.ok(Math.abs(avg.meanSquareX[j] - s2 / 6) < 1e-14);
    }
    const loss = perPathValues(avg, 'loss');
    for (let p = 0; p < 2; p++) {
      const expected = 0.5 * (lam[0] * avg.meanSquareX[2 * p] + lam[1] * avg.meanSquareX[2 * p + 1]);
      assert.ok(Math.abs(loss[p] - expected) < 1e-14);
    }
    assert.deepEqual([...perPathValues(avg, 'x2', 1)], [avg.meanSquareX[1], avg.meanSquareX[3]]);
    assert.ok(Math.abs(perPathValues(avg, 'x')[0] - (avg.meanX[0] + avg.meanX[1]) / 2) < 1e-16);
  });

  it('calls onStep after every step with the current x', () => {
    const seen: number[] = [];
    runOptimizer({
      problem: diagonalQuadratic([1]),
      optimizer: signSgd(0.25),
      paths: 1,
      steps: 4,
      x0: 1,
      onStep: (k, x) => seen.push(k, x[0]),
    });
    assert.deepEqual(seen, [1, 0.75, 2, 0.5, 3, 0.25, 4, 0]);
  });

  it('rejects inconsistent options', () => {
    const problem = diagonalQuadratic([1, 1]);
    const base = { problem, optimizer: sgd(0.1), paths: 2, steps: 3 };
    assert.throws(() => runOptimizer({ ...base, x0: [1, 2, 3] }), /x0 has length 3/);
    assert.throws(() => runOptimizer({ ...base, x0: 0, record: { steps: [4] } }), /record.steps\[0\] = 4/);
    assert.throws(() => runOptimizer({ ...base, x0: 0, paths: 0 }), /paths = 0/);
    assert.throws(() => runOptimizer({ ...base, x0: 0, noise: testNoise([1, 1], 2) }), /rng is required/);
    assert.throws(() => runOptimizer({ ...base, x0: 0, noise: testNoise([1], 2), rng: createStream(1) }), /noise has dim 1/);
  });
});
