import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kolmogorovQ, ksTest } from '../../src/stats/ks.ts';
import { createStream } from '../../src/random/xoshiro.ts';

const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));

describe('ksTest', () => {
  it('computes D exactly for a small sample', () => {
    // Sorted {0.1, 0.4, 0.7} against U(0,1): gaps 1/3−0.1, 0.1, 2/3−0.4, 0.4−1/3, 1−0.7, 0.7−2/3.
    const { statistic, n } = ksTest([0.7, 0.1, 0.4], uniformCdf);
    assert.equal(n, 3);
    assert.ok(Math.abs(statistic - 0.3) < 1e-15);
  });

  it('uses the Kolmogorov tail: Q(1.3581) ≈ 0.05, Q(1.6276) ≈ 0.01, Q(0.8276) ≈ 0.5', () => {
    // Textbook critical values of the Kolmogorov distribution (e.g. Stephens 1970, Table 1A).
    assert.ok(Math.abs(kolmogorovQ(1.3581) - 0.05) < 1e-4);
    assert.ok(Math.abs(kolmogorovQ(1.6276) - 0.01) < 1e-4);
    assert.ok(Math.abs(kolmogorovQ(0.8276) - 0.5) < 1e-3);
    assert.equal(kolmogorovQ(0), 1);
    // The two series agree where they switch.
    assert.ok(Math.abs(kolmogorovQ(1.18 - 1e-12) - kolmogorovQ(1.18)) < 1e-12);
  });

  it('gives roughly uniform p-values under H0 (false-alarm rate near α)', () => {
    // 400 tests of n = 200 uniforms: the count with p < 0.1 ~ Binomial(400, 0.1) (mean 40, SD 6);
    // accepting 15..70 is a false alarm below 1e-5 (|z| > 4.2) while catching a miscalibrated p.
    const rng = createStream(31);
    let below = 0;
    const x = new Float64Array(200);
    for (let t = 0; t < 400; t++) {
      for (let i = 0; i < x.length; i++) x[i] = rng.nextDouble();
      if (ksTest(x, uniformCdf).pValue < 0.1) below++;
    }
    assert.ok(below >= 15 && below <= 70, `${below} of 400 below 0.1`);
  });

  it('rejects the wrong CDF', () => {
    // Uniforms squared have CDF √x, not x: D ≈ 0.25, λ ≈ 0.25·√2000 ≈ 11.
    const rng = createStream(32);
    const x = new Float64Array(2000);
    for (let i = 0; i < x.length; i++) x[i] = rng.nextDouble() ** 2;
    assert.ok(ksTest(x, uniformCdf).pValue < 1e-10);
    assert.ok(ksTest(x, (v) => Math.sqrt(uniformCdf(v))).pValue > 1e-4);
  });

  it('returns NaN for NaN samples and throws for an empty sample', () => {
    assert.ok(Number.isNaN(ksTest([0.5, NaN], uniformCdf).statistic));
    assert.throws(() => ksTest([], uniformCdf), /samples is empty/);
  });
});
