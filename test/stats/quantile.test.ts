import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { binomialCdf, median, quantile, quantileInterval } from '../../src/stats/quantile.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { binomialBand } from './gaussianSample.ts';

describe('quantiles', () => {
  const data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];

  it('matches numpy.quantile (type 7) on a small sample', () => {
    const expected: [number, number][] = [[0, 1], [0.1, 1], [0.25, 2.5], [0.5, 4], [0.9, 6], [1, 9]];
    for (const [p, q] of expected) assert.equal(quantile(data, p), q, `p=${p}`);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  it('rejects NaN data and p outside [0, 1]', () => {
    assert.throws(() => quantile([1, NaN], 0.5), /data\[1\] is NaN/);
    assert.throws(() => quantile([1, 2], 1.5), /p = 1.5/);
  });

  it('computes the binomial CDF as scipy.stats.binom.cdf does', () => {
    const cdf = binomialCdf(10, 0.3);
    const ref = [0.028247524900000005, 0.14930834589999992, 0.3827827863999998, 0.6496107184000002,
      0.8497316674000001, 0.9526510126000001, 0.9894079216, 0.9984096136, 0.9998563141, 0.9999940951, 1];
    ref.forEach((v, k) => assert.ok(Math.abs(cdf[k] - v) < 1e-14, `k=${k}`));
    const big = binomialCdf(10000, 0.5);
    assert.ok(Math.abs(big[4900] - 0.023292763852473225) < 1e-13);
  });

  it('picks order statistics whose exact coverage is at least 1 − α', () => {
    const sample = Float64Array.from({ length: 100 }, (_, k) => k + 1);
    const ci = quantileInterval(sample, 0.5, 0.05);
    // Bin(100, ½): F(39) = 0.0176 ≤ 0.025 < F(40) = 0.0284, so l = 40; by symmetry u = 61.
    assert.equal(ci.lowerRank, 40);
    assert.equal(ci.upperRank, 61);
    assert.equal(ci.lower, 40);
    assert.equal(ci.upper, 61);
    assert.ok(ci.level >= 0.95 && ci.level < 0.97, `level ${ci.level}`);
  });

  it('leaves a bound infinite when the sample is too small for the level', () => {
    const ci = quantileInterval([1, 2, 3], 0.5, 0.05);
    assert.equal(ci.lower, -Infinity);
    assert.equal(ci.upper, Infinity);
    assert.equal(ci.level, 1);
  });

  it('covers the true median of a Cauchy sample at its stated level (2000 replications, n = 41)', () => {
    // Every replication has the same exact level L; the coverage count is Bin(2000, L): accept
    // L·2000 ± 3 SD (false alarm ≈ 0.0027). A mean-based interval has no meaning here.
    const rng = createStream(5);
    const n = 41;
    const sample = new Float64Array(n);
    let covered = 0;
    let level = 0;
    let shiftedCovered = 0;
    for (let r = 0; r < 2000; r++) {
      for (let i = 0; i < n; i++) sample[i] = Math.tan(Math.PI * (rng.nextDouble() - 0.5));
      const ci = quantileInterval(sample, 0.5, 0.05);
      level = ci.level;
      if (ci.lower <= 0 && 0 <= ci.upper) covered++;
      if (ci.lower <= 0.5 && 0.5 <= ci.upper) shiftedCovered++;
    }
    assert.ok(level >= 0.95);
    const [lo, hi] = binomialBand(2000, level, 3);
    assert.ok(covered >= lo && covered <= hi, `coverage ${covered}/2000 at level ${level}`);
    // Power: a median claimed at 0.5 instead of 0 is covered far less often.
    assert.ok(shiftedCovered < lo, `wrong median covered ${shiftedCovered}/2000`);
  });
});
