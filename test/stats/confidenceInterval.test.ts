import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covers, meanInterval, normalInterval, tInterval } from '../../src/stats/confidenceInterval.ts';
import { RunningStats } from '../../src/stats/runningStats.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { binomialBand, gaussianSample } from './gaussianSample.ts';

describe('confidence intervals', () => {
  it('uses z = 1.959963984540054 and t(10) = 2.228138851986275 at 95%', () => {
    const z = normalInterval(1, 2, 0.05);
    assert.ok(Math.abs(z.halfWidth - 2 * 1.959963984540054) < 1e-14);
    assert.equal(z.level, 0.95);
    const t = tInterval(1, 2, 10, 0.05);
    assert.ok(Math.abs(t.halfWidth - 2 * 2.2281388519862747) < 1e-13);
    assert.ok(Math.abs(t.lower - (1 - t.halfWidth)) < 1e-15);
    assert.equal(tInterval(0, 1, Infinity).halfWidth, normalInterval(0, 1).halfWidth);
  });

  it('rejects α outside (0, 1) and a negative standard error, naming the option', () => {
    assert.throws(() => normalInterval(0, 1, 0), /alpha = 0/);
    assert.throws(() => tInterval(0, -1, 3), /standardError = -1/);
    assert.throws(() => tInterval(0, 1, 0), /dof = 0/);
  });

  it('gives NaN or infinite width for NaN or infinite standard errors instead of throwing', () => {
    assert.ok(Number.isNaN(meanInterval(RunningStats.of([1])).halfWidth));
    assert.equal(normalInterval(0, Infinity).halfWidth, Infinity);
  });

  it('covers the true mean in 95% of 2000 replications (t interval, n = 5)', () => {
    // Coverage count ~ Bin(2000, 0.95): accept 1900 ± 3·9.75 (two-sided false alarm ≈ 0.0027).
    const rng = createStream(2024);
    let tCovered = 0;
    let zCovered = 0;
    for (let r = 0; r < 2000; r++) {
      const stats = RunningStats.of(gaussianSample(rng, 5));
      if (covers(meanInterval(stats, 0.05), 0)) tCovered++;
      if (covers(normalInterval(stats.mean, stats.standardError, 0.05), 0)) zCovered++;
    }
    const [lo, hi] = binomialBand(2000, 0.95, 3);
    assert.ok(tCovered >= lo && tCovered <= hi, `t coverage ${tCovered}/2000`);
    // The check has power: the normal interval with an estimated SE at n = 5 covers only
    // P(|t₄| ≤ 1.96) = 0.878, and is caught.
    assert.ok(zCovered < lo, `normal-with-estimated-SE coverage ${zCovered}/2000`);
  });
});
