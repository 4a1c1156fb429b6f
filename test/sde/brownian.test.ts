import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BrownianPath } from '../../src/sde/brownian.ts';
import type { Sde } from '../../src/sde/sde.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { RunningStats } from '../../src/stats/runningStats.ts';

/** A shape-only SDE: components x (noiseless), m (noisy), v (noisy). */
const shape: Sde = {
  name: 'shape', dim: 3, components: ['x', 'm', 'v'], noisy: [false, true, true],
  drift: () => {}, diffusion: () => {},
};
const paths = 500;
const block = paths * 3;

describe('BrownianPath', () => {
  it('sums fine increments into coarse ones: the same Brownian path at every step size', () => {
    const fine = new BrownianPath(createStream(1), shape, paths, { fineDt: 0.01, trackTotal: true });
    const coarse = new BrownianPath(createStream(1), shape, paths, { fineDt: 0.01, trackTotal: true });
    const dwFine = new Float64Array(3 * block);
    const dwCoarse = new Float64Array(3 * block);
    const sum = new Float64Array(3 * block);
    for (let k = 0; k < 4; k++) {
      fine.next(dwFine, 1);
      for (let j = 0; j < sum.length; j++) sum[j] += dwFine[j];
    }
    coarse.next(dwCoarse, 4);
    for (let j = 0; j < sum.length; j++) assert.ok(Math.abs(sum[j] - dwCoarse[j]) < 1e-14, `entry ${j}`);
    for (let j = 0; j < sum.length; j++) assert.ok(Math.abs((fine.total as Float64Array)[j] - (coarse.total as Float64Array)[j]) < 1e-14);
  });

  it('never writes the blocks of noiseless components', () => {
    const b = new BrownianPath(createStream(2), shape, paths, { fineDt: 0.1 });
    const dW = new Float64Array(3 * block).fill(7);
    b.next(dW, 3);
    for (let j = 0; j < block; j++) assert.equal(dW[j], 7);
    assert.ok(dW.subarray(block).some((v) => v !== 7));
  });

  it('draws increments with mean 0 and variance dt', () => {
    // 1500 × 40 = 60,000 draws of N(0, 0.03): |z| < 4.4 for the mean and for the variance
    // (SE of the sample variance ≈ σ²√(2/n)); two-sided false alarm ≈ 1e-5 each.
    const b = new BrownianPath(createStream(3), shape, paths, { fineDt: 0.01 });
    const dW = new Float64Array(3 * block);
    const stats = new RunningStats();
    for (let k = 0; k < 20; k++) {
      b.next(dW, 3);
      stats.pushAll(dW, block, 2 * block);
    }
    const n = stats.count;
    assert.ok(Math.abs(stats.mean / Math.sqrt(0.03 / n)) < 4.4, `mean ${stats.mean}`);
    assert.ok(Math.abs((stats.variance - 0.03) / (0.03 * Math.sqrt(2 / n))) < 4.4, `variance ${stats.variance}`);
    // Power: the variance check would reject increments of variance 0.01·3 mistaken for √3-scaled ones.
    assert.ok(Math.abs((stats.variance - 0.09) / (0.09 * Math.sqrt(2 / n))) > 4.4);
  });

  it('rejects a step that is not a multiple of the fine step, and a bad fineDt', () => {
    const b = new BrownianPath(createStream(4), shape, 1, { fineDt: 0.01 });
    assert.equal(b.substepsFor(0.04), 4);
    assert.throws(() => b.substepsFor(0.015), /not a positive integer multiple of fineDt = 0.01/);
    assert.throws(() => new BrownianPath(createStream(4), shape, 1, { fineDt: 0 }), /fineDt = 0/);
  });
});

describe('BrownianPath.nextUnit', () => {
  it('gives the same increments as next, unscaled, with the scale returned', () => {
    const a = new BrownianPath(createStream(5), shape, paths, { fineDt: 0.04, trackTotal: true });
    const b = new BrownianPath(createStream(5), shape, paths, { fineDt: 0.04, trackTotal: true });
    const dW = new Float64Array(3 * block);
    const sums = new Float64Array(3 * block);
    for (let k = 0; k < 3; k++) {
      a.next(dW, 2);
      const scale = b.nextUnit(sums, 2);
      assert.equal(scale, 0.2);
      for (let j = 0; j < dW.length; j++) assert.ok(Math.abs(dW[j] - scale * sums[j]) < 1e-15, `entry ${j}`);
    }
    for (let j = 0; j < dW.length; j++) assert.ok(Math.abs((a.total as Float64Array)[j] - (b.total as Float64Array)[j]) < 1e-14);
  });
});
