import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RunningStats } from '../../src/stats/runningStats.ts';

describe('RunningStats', () => {
  it('gives the textbook mean and variances of a small sample', () => {
    const s = RunningStats.of([2, 4, 4, 4, 5, 5, 7, 9]);
    assert.equal(s.count, 8);
    assert.equal(s.mean, 5);
    assert.equal(s.populationVariance, 4);
    assert.ok(Math.abs(s.variance - 32 / 7) < 1e-15);
    assert.ok(Math.abs(s.standardError - Math.sqrt(32 / 7 / 8)) < 1e-15);
    assert.equal(s.min, 2);
    assert.equal(s.max, 9);
  });

  it('keeps the variance exact under a large offset (no catastrophic cancellation)', () => {
    const s = RunningStats.of([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    assert.equal(s.variance, 30);
  });

  it('reports NaN for statistics an empty or single sample cannot give', () => {
    const s = new RunningStats();
    assert.ok(Number.isNaN(s.mean));
    s.push(3);
    assert.equal(s.mean, 3);
    assert.ok(Number.isNaN(s.variance));
    assert.ok(Number.isNaN(s.standardError));
  });

  it('reads strided values', () => {
    const s = RunningStats.of([1, 100, 3, 100, 5, 100], 0, undefined, 2);
    assert.equal(s.count, 3);
    assert.equal(s.mean, 3);
  });

  it('merges two accumulators into the accumulator of the concatenation', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.array(value, { maxLength: 30 }), (a, b) => {
        const merged = RunningStats.of(a).merge(RunningStats.of(b));
        const whole = RunningStats.of([...a, ...b]);
        assert.equal(merged.count, whole.count);
        if (whole.count === 0) return;
        const scale = Math.max(1, ...[...a, ...b].map(Math.abs));
        assert.ok(Math.abs(merged.mean - whole.mean) <= 1e-12 * scale);
        if (whole.count > 1) assert.ok(Math.abs(merged.variance - whole.variance) <= 1e-9 * scale * scale);
        assert.equal(merged.min, whole.min);
        assert.equal(merged.max, whole.max);
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });
});
