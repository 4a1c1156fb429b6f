import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createStream } from '../../src/random/xoshiro.ts';
import { fillGamma, gammaVariate, logGammaVariate } from '../../src/random/gamma.ts';
import { ksTest } from '../../src/stats/ks.ts';
import { erf } from '../../src/special/erf.ts';

/** z-scores of the sample mean and variance against Gamma(a, 1): mean a, variance a, Var[(G−a)²] = 2a² + 6a. */
function momentZ(x: Float64Array, a: number): [number, number] {
  const n = x.length;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - a;
    s1 += d;
    s2 += d * d;
  }
  return [s1 / n / Math.sqrt(a / n), (s2 / n - a) / Math.sqrt((2 * a * a + 6 * a) / n)];
}

describe('gamma variates (Marsaglia–Tsang)', () => {
  it('passes KS tests against closed-form CDFs for shapes ½, 1, 2', () => {
    // Gamma(½): P(G ≤ x) = erf(√x); Gamma(1): 1 − e^{−x}; Gamma(2): 1 − e^{−x}(1 + x).
    // Each p < 1e-4 is a 1e-4 false alarm (3e-4 for the three).
    const n = 100_000;
    const cases: [number, (x: number) => number][] = [
      [0.5, (x) => erf(Math.sqrt(Math.max(0, x)))],
      [1, (x) => (x <= 0 ? 0 : -Math.expm1(-x))],
      [2, (x) => (x <= 0 ? 0 : 1 - Math.exp(-x) * (1 + x))],
    ];
    for (const [a, cdf] of cases) {
      const x = new Float64Array(n);
      fillGamma(createStream(200 + a * 10), a, x);
      const { pValue } = ksTest(x, cdf);
      assert.ok(pValue > 1e-4, `shape ${a}: p = ${pValue}`);
    }
  });

  it('rejects the wrong shape (Gamma(1.1) draws against the Gamma(1) CDF)', () => {
    const x = new Float64Array(100_000);
    fillGamma(createStream(210), 1.1, x);
    assert.ok(ksTest(x, (v) => (v <= 0 ? 0 : -Math.expm1(-v))).pValue < 1e-6);
  });

  it('has mean and variance a for small and large shapes (boost path included)', () => {
    // Sample mean and variance z-scores (variance by the delta method, fourth central moment
    // 3a² + 6a): |z| < 4.9 is a two-sided 1e-6 false alarm each, 8e-6 for the eight checks.
    for (const a of [0.1, 0.25, 3.7, 50]) {
      const x = new Float64Array(400_000);
      fillGamma(createStream(Math.round(a * 100)), a, x);
      for (const z of momentZ(x, a)) assert.ok(Math.abs(z) < 4.9, `shape ${a}: z = ${z}`);
    }
  });

  it('gives the same values through gammaVariate, logGammaVariate and fillGamma', () => {
    const buf = new Float64Array(50);
    fillGamma(createStream(3), 0.3, buf);
    const r = createStream(3);
    for (let i = 0; i < 25; i++) assert.ok(Math.abs(gammaVariate(r, 0.3) - buf[i]) <= 1e-15 * buf[i]);
    const s = createStream(4);
    const t = createStream(4);
    for (let i = 0; i < 25; i++) assert.ok(Math.abs(Math.log(gammaVariate(s, 2.5, 3)) - Math.log(3) - logGammaVariate(t, 2.5)) < 1e-14);
  });

  it('keeps log G finite for a tiny shape where G underflows', () => {
    const r = createStream(8);
    let finite = 0;
    for (let i = 0; i < 1000; i++) if (Number.isFinite(logGammaVariate(r, 0.002))) finite++;
    assert.equal(finite, 1000);
  });

  it('rejects shapes outside (0, Infinity)', () => {
    assert.throws(() => gammaVariate(createStream(1), 0), /shape: 0 is not allowed \(allowed: 0 < shape < Infinity\)/);
    assert.throws(() => fillGamma(createStream(1), -1, new Float64Array(2)), /shape: -1/);
    assert.throws(() => fillGamma(createStream(1), NaN, new Float64Array(2)), /shape: NaN/);
  });
});
