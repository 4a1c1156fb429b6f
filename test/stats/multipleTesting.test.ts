import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bonferroni, bonferroniAlpha, holm, rejections } from '../../src/stats/multipleTesting.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { binomialBand } from './gaussianSample.ts';

describe('multiple testing', () => {
  const p = [0.01, 0.04, 0.03, 0.005];

  it('gives the hand-computed Bonferroni and Holm adjustments', () => {
    assert.deepEqual(Array.from(bonferroni(p), (v) => +v.toFixed(12)), [0.04, 0.16, 0.12, 0.02]);
    // Holm: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06.
    assert.deepEqual(Array.from(holm(p), (v) => +v.toFixed(12)), [0.03, 0.06, 0.06, 0.02]);
    assert.equal(bonferroniAlpha(0.05, 4), 0.0125);
  });

  it('rejects more with Holm than with Bonferroni at the same level', () => {
    assert.deepEqual(rejections(p, 0.05, 'bonferroni'), [true, false, false, true]);
    assert.deepEqual(rejections(p, 0.05, 'holm'), [true, false, false, true]);
    assert.deepEqual(rejections([0.011, 0.02, 0.3], 0.05, 'holm'), [true, true, false]);
    assert.deepEqual(rejections([0.011, 0.02, 0.3], 0.05, 'bonferroni'), [true, false, false]);
  });

  it('passes NaN through without rejecting it', () => {
    const adjusted = holm([NaN, 0.001]);
    assert.ok(Number.isNaN(adjusted[0]));
    assert.equal(adjusted[1], 0.002);
    assert.deepEqual(rejections([NaN, 0.001], 0.05), [false, true]);
  });

  it('rejects invalid inputs with a message naming them', () => {
    assert.throws(() => holm([0.5, 1.2]), /pValues\[1\] = 1.2/);
    assert.throws(() => bonferroniAlpha(0.05, 0), /m = 0/);
  });

  it('holds the family-wise error rate at α under 20 true nulls', () => {
    // 2000 families of 20 uniform p-values; FWER(Holm) ≤ 0.05. The count of families with any
    // rejection is ≤ Bin(2000, 0.05); the check fails above 0.05·2000 + 3 SD (false alarm ≈ 0.0013).
    const rng = createStream(7);
    let holmAny = 0;
    let bonfAny = 0;
    let unadjustedAny = 0;
    const family = new Float64Array(20);
    for (let r = 0; r < 2000; r++) {
      for (let i = 0; i < 20; i++) family[i] = rng.nextDouble();
      if (rejections(family, 0.05, 'holm').some(Boolean)) holmAny++;
      if (rejections(family, 0.05, 'bonferroni').some(Boolean)) bonfAny++;
      if (family.some((v) => v <= 0.05)) unadjustedAny++;
    }
    const [, hi] = binomialBand(2000, 0.05, 3);
    assert.ok(holmAny <= hi, `Holm FWER ${holmAny}/2000`);
    assert.ok(bonfAny <= hi, `Bonferroni FWER ${bonfAny}/2000`);
    // Power of the check itself: unadjusted testing has FWER 1 − 0.95^20 = 0.64 and is caught.
    assert.ok(unadjustedAny > hi, `unadjusted FWER ${unadjustedAny}/2000`);
  });
});
