import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { batchMeans, effectiveSampleSize } from '../../src/stats/batchMeans.ts';
import { tInterval, covers } from '../../src/stats/confidenceInterval.ts';
import { RunningStats } from '../../src/stats/runningStats.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { binomialBand, gaussianSample } from './gaussianSample.ts';

/** AR(1): y_k = φ y_{k−1} + e_k, e ~ N(0, 1), started in stationarity; τ = (1 + φ)/(1 − φ). */
function ar1(seed: number, n: number, phi: number): Float64Array {
  const e = gaussianSample(createStream(seed), n);
  const y = new Float64Array(n);
  y[0] = e[0] / Math.sqrt(1 - phi * phi);
  for (let k = 1; k < n; k++) y[k] = phi * y[k - 1] + e[k];
  return y;
}

describe('batch means', () => {
  it('splits an exact series into ⌊√n⌋-long batches and drops the leading remainder', () => {
    const series = Float64Array.from({ length: 103 }, (_, k) => k);
    const r = batchMeans(series);
    assert.equal(r.batchSize, 10);
    assert.equal(r.batches, 10);
    assert.equal(r.used, 100);
    assert.equal(r.mean, (3 + 102) / 2);
    assert.equal(r.dof, 9);
  });

  it('rejects conflicting or out-of-range batch options', () => {
    assert.throws(() => batchMeans(new Float64Array(100), { batches: 10, batchSize: 10 }), /not both/);
    assert.throws(() => batchMeans(new Float64Array(100), { batches: 1 }), /batches = 1/);
    assert.throws(() => batchMeans(new Float64Array(3)), /too short/);
  });

  it('estimates the effective sample size n/τ of an AR(1) series (φ = 0.5, τ = 3)', () => {
    // n = 2^19, a = 724 batches: the relative SD of the batch-means variance is √(2/723) = 5.3%,
    // so 25% is a 4.7σ band (two-sided false alarm ≈ 3e-6); Geyer's estimator is less variable.
    const n = 1 << 19;
    const y = ar1(11, n, 0.5);
    const expected = n / 3;
    const bm = batchMeans(y).effectiveSampleSize;
    const geyer = effectiveSampleSize(y);
    assert.ok(Math.abs(bm / expected - 1) < 0.25, `batch-means ESS ${bm} vs ${expected}`);
    assert.ok(Math.abs(geyer / expected - 1) < 0.25, `Geyer ESS ${geyer} vs ${expected}`);
    // Power: the iid assumption (ESS = n) is three times too large and falls outside the band.
    assert.ok(Math.abs(n / expected - 1) >= 0.25);
  });

  it('gives an ESS near n for independent draws', () => {
    const y = gaussianSample(createStream(12), 1 << 16);
    const geyer = effectiveSampleSize(y);
    assert.ok(Math.abs(geyer / (1 << 16) - 1) < 0.2, `Geyer ESS ${geyer}`);
  });

  it('covers the mean of an autocorrelated series at 95%, where the iid standard error fails', () => {
    // 400 AR(1) series (φ = 0.9, τ = 19, n = 10⁴, 100 batches of 100). Batch means of length 100
    // underestimate the variance by 2φ/((1−φ)²·b·τ) ≈ 9.5% (coverage ≈ 93.7%); accept 95% ± 3 SD
    // of Bin(400, 0.95) = [367, 393] (false alarm ≈ 0.003 at the nominal rate).
    let covered = 0;
    let naive = 0;
    for (let r = 0; r < 400; r++) {
      const y = ar1(1000 + r, 10000, 0.9);
      const bm = batchMeans(y);
      if (covers(tInterval(bm.mean, bm.standardError, bm.dof), 0)) covered++;
      const s = RunningStats.of(y);
      if (covers(tInterval(s.mean, s.standardError, s.count - 1), 0)) naive++;
    }
    const [lo, hi] = binomialBand(400, 0.95, 3);
    assert.ok(covered >= lo && covered <= hi, `batch-means coverage ${covered}/400`);
    assert.ok(naive < lo, `iid coverage ${naive}/400 (expected ≈ 35%)`);
  });
});
