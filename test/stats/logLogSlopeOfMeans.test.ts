import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logLogSlopeOfMeans } from '../../src/stats/logLogSlopeOfMeans.ts';
import { covers } from '../../src/stats/confidenceInterval.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { binomialBand, gaussianSample } from './gaussianSample.ts';

const x = [0.1, 0.05, 0.025, 0.0125];

describe('logLogSlopeOfMeans', () => {
  it('cancels noise shared by all levels (common random numbers): exact slope, zero standard error', () => {
    const z = gaussianSample(createStream(1), 1000);
    const samples = x.map((v) => Float64Array.from(z, (zp) => 3 * v * v * (1 + 0.1 * zp)));
    const fit = logLogSlopeOfMeans(x, samples);
    assert.ok(Math.abs(fit.slope - 2) < 1e-12, `slope ${fit.slope}`);
    assert.ok(fit.standardError < 1e-10, `SE ${fit.standardError}`);
  });

  it('covers the true slope in 95% of 1000 replications with independent level noise', () => {
    // Coverage ~ Bin(1000, 0.95): accept 950 ± 3 SD = [929, 971] (false alarm ≈ 0.0027). Each level
    // mean has 2% relative noise (200 paths × 28%), far from 0 so the delta method applies.
    const rng = createStream(2);
    let covered = 0;
    let naive = 0;
    for (let r = 0; r < 1000; r++) {
      const samples = x.map((v) => Float64Array.from(gaussianSample(rng, 200), (z) => v * (1 + 0.28 * z)));
      const fit = logLogSlopeOfMeans(x, samples, 0.05);
      if (covers(fit.interval, 1)) covered++;
      // Power: an interval that ignores the level noise (a tenth of the width) is caught.
      if (Math.abs(fit.slope - 1) <= fit.interval.halfWidth / 10) naive++;
    }
    const [lo, hi] = binomialBand(1000, 0.95, 3);
    assert.ok(covered >= lo && covered <= hi, `coverage ${covered}/1000`);
    assert.ok(naive < lo, `narrow interval coverage ${naive}/1000`);
  });

  it('returns NaN when the level means change sign, and rejects malformed input', () => {
    const fit = logLogSlopeOfMeans([1, 2], [Float64Array.of(1, 2), Float64Array.of(-1, -2)]);
    assert.ok(Number.isNaN(fit.slope) && Number.isNaN(fit.interval.lower));
    assert.throws(() => logLogSlopeOfMeans([1, 2], [Float64Array.of(1, 2)]), /need ≥ 2 levels/);
    assert.throws(() => logLogSlopeOfMeans([1, 0], [Float64Array.of(1, 2), Float64Array.of(1, 2)]), /must be positive/);
  });
});
