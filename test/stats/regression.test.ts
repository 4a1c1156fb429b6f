import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linearFit, logLogFit, slopeInterval } from '../../src/stats/regression.ts';
import { covers, normalInterval } from '../../src/stats/confidenceInterval.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { binomialBand, gaussianSample } from './gaussianSample.ts';

const close = (a: number, b: number, tol: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('least squares', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 20.2];

  it('matches scipy.stats.linregress on a fixed data set', () => {
    const f = linearFit(x, y);
    close(f.slope, 2.0072727272727273, 1e-14, 'slope');
    close(f.intercept, 0, 1e-13, 'intercept');
    close(f.slopeStandardError, 0.018242323567631905, 1e-12, 'slope SE');
    close(f.interceptStandardError, 0.11319064100943978, 1e-12, 'intercept SE');
    assert.equal(f.dof, 8);
  });

  it('matches the normal-equations weighted fit computed with numpy', () => {
    const w = [1, 2, 1, 3, 1, 2, 1, 4, 1, 2];
    const f = linearFit(x, y, { weights: w });
    close(f.slope, 2.022710622710622, 1e-13, 'slope');
    close(f.intercept, -0.09914529914529642, 1e-12, 'intercept');
    close(f.slopeStandardError, 0.01789256372427811, 1e-12, 'slope SE');
    close(f.interceptStandardError, 0.11541897919076474, 1e-12, 'intercept SE');
    close(f.covariance, -0.0018675057136595583, 1e-12, 'covariance');
    const known = linearFit(x, y, { weights: w, knownVariance: true });
    close(known.slopeStandardError, 0.08559209850218258, 1e-12, 'known-variance slope SE');
    assert.equal(known.dof, Infinity);
  });

  it('recovers an exact power law on log-log axes', () => {
    const xs = [0.01, 0.02, 0.04, 0.08];
    const f = logLogFit(xs, xs.map((v) => 3 * v ** 1.5));
    close(f.slope, 1.5, 1e-13, 'slope');
    close(f.intercept, Math.log(3), 1e-13, 'intercept');
  });

  it('returns a NaN fit, not a throw, when a log-log value is not positive', () => {
    const f = logLogFit([1, 2, 3], [1, -1, 2]);
    assert.ok(Number.isNaN(f.slope));
    assert.ok(Number.isNaN(slopeInterval(f).lower));
  });

  it('rejects mismatched lengths, bad weights and constant x', () => {
    assert.throws(() => linearFit([1, 2, 3], [1, 2]), /y has 2/);
    assert.throws(() => linearFit([1, 2, 3], [1, 2, 3], { weights: [1, 0, 1] }), /weights\[1\] = 0/);
    assert.throws(() => linearFit([1, 1, 1], [1, 2, 3]), /all x values are equal/);
  });

  it('covers the true slope in 95% of 2000 replications with 4 points (t with 2 dof)', () => {
    // Coverage ~ Bin(2000, 0.95): accept 1900 ± 3 SD (false alarm ≈ 0.0027). The same fit with a
    // normal quantile covers only P(|t₂| ≤ 1.96) = 0.811 and must be caught.
    const rng = createStream(99);
    const xs = [0, 1, 2, 3];
    let covered = 0;
    let normalCovered = 0;
    for (let r = 0; r < 2000; r++) {
      const e = gaussianSample(rng, 4);
      const f = linearFit(xs, xs.map((v, i) => 1 + 2 * v + 0.5 * e[i]));
      if (covers(slopeInterval(f), 2)) covered++;
      if (covers(normalInterval(f.slope, f.slopeStandardError), 2)) normalCovered++;
    }
    const [lo, hi] = binomialBand(2000, 0.95, 3);
    assert.ok(covered >= lo && covered <= hi, `t coverage ${covered}/2000`);
    assert.ok(normalCovered < lo, `normal coverage ${normalCovered}/2000`);
  });

  it('covers the true slope at 95% with known heteroscedastic variances', () => {
    const rng = createStream(100);
    const xs = [0, 1, 2, 3, 4, 5];
    const sd = xs.map((v) => 0.1 * (1 + v));
    const w = sd.map((s) => 1 / (s * s));
    let covered = 0;
    for (let r = 0; r < 2000; r++) {
      const e = gaussianSample(rng, xs.length);
      const f = linearFit(xs, xs.map((v, i) => -1 + 0.5 * v + sd[i] * e[i]), { weights: w, knownVariance: true });
      if (covers(slopeInterval(f), 0.5)) covered++;
    }
    const [lo, hi] = binomialBand(2000, 0.95, 3);
    assert.ok(covered >= lo && covered <= hi, `coverage ${covered}/2000`);
  });
});
