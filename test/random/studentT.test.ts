import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createStream } from '../../src/random/xoshiro.ts';
import { fillStudentT, studentT } from '../../src/random/studentT.ts';
import { fillNormal } from '../../src/random/normal.ts';
import { ksTest } from '../../src/stats/ks.ts';
import { tCdf } from '../../src/special/tCdf.ts';
import { tQuantileUpper } from '../../src/stats/tQuantile.ts';

describe('Student-t variates', () => {
  it('pass KS tests against the t CDF for ν = 0.05, 0.5, 1, 1.5 (polar) and 2, 2.5, 3, 10 (normal/gamma), n = 100000', () => {
    // p < 1e-4 is a 1e-4 false alarm per ν, 8e-4 for the eight.
    for (const nu of [0.05, 0.5, 1, 1.5, 2, 2.5, 3, 10]) {
      const x = new Float64Array(100_000);
      fillStudentT(createStream(Math.round(300 + nu * 10)), nu, x);
      const { pValue } = ksTest(x, (v) => tCdf(v, nu));
      assert.ok(pValue > 1e-4, `ν = ${nu}: p = ${pValue}`);
    }
  });

  it('puts the right mass in the tails: P(|T| > t_q) = 2q for q = 1e-2, 1e-3, 1e-4 (ν = 0.5, 1.5, 2.5; n = 1e6)', () => {
    // The count is Binomial(n, 2q); |z| < 4.9 is a two-sided 1e-6 false alarm per check, 9e-6 for the nine.
    const n = 1_000_000;
    const x = new Float64Array(n);
    for (const nu of [0.5, 1.5, 2.5]) {
      fillStudentT(createStream(Math.round(340 + nu * 10)), nu, x);
      for (const q of [1e-2, 1e-3, 1e-4]) {
        const t = tQuantileUpper(q, nu);
        let count = 0;
        for (let i = 0; i < n; i++) if (Math.abs(x[i]) > t) count++;
        const z = (count - 2 * q * n) / Math.sqrt(n * 2 * q * (1 - 2 * q));
        assert.ok(Math.abs(z) < 4.9, `ν = ${nu}, q = ${q}: ${count} beyond ${t}, z = ${z}`);
      }
    }
  });

  it('gives ±Infinity, never NaN, where |T| exceeds the double range (ν = 0.01: P = 8.0e-4)', () => {
    // 2F₀.₀₁(−1.8e308) = 8.03e-4 (tCdf); |z| < 4.9 is a 1e-6 false alarm.
    const n = 200_000;
    const x = new Float64Array(n);
    fillStudentT(createStream(360), 0.01, x);
    let infinite = 0;
    for (let i = 0; i < n; i++) {
      assert.ok(!Number.isNaN(x[i]));
      if (!Number.isFinite(x[i])) infinite++;
    }
    const p = 2 * tCdf(-Number.MAX_VALUE, 0.01);
    const z = (infinite - p * n) / Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs(z) < 4.9, `${infinite} infinite draws, expected ${p * n}`);
  });

  it('rejects a KS test against the wrong ν (t₃ draws against t₅, Cauchy draws against t₂)', () => {
    const x = new Float64Array(100_000);
    fillStudentT(createStream(320), 3, x);
    assert.ok(ksTest(x, (v) => tCdf(v, 5)).pValue < 1e-6);
    fillStudentT(createStream(321), 1, x);
    assert.ok(ksTest(x, (v) => tCdf(v, 2)).pValue < 1e-6);
  });

  it('has variance ν/(ν − 2) for ν = 10', () => {
    // Var[T²] = E[T⁴] − (E[T²])² with E[T⁴] = 3ν²/((ν−2)(ν−4)) = 6.25 at ν = 10, so
    // SE(mean T²) = √((6.25 − 1.5625)/n); |z| < 4.9 is a two-sided 1e-6 false alarm.
    const n = 400_000;
    const x = new Float64Array(n);
    fillStudentT(createStream(330), 10, x);
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += x[i] * x[i];
    const z = (s2 / n - 1.25) / Math.sqrt((6.25 - 1.5625) / n);
    assert.ok(Math.abs(z) < 4.9, `z = ${z}`);
  });

  it('gives normals at ν = Infinity and matches studentT() draw by draw', () => {
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    fillStudentT(createStream(5), Infinity, a);
    fillNormal(createStream(5), b);
    assert.deepEqual(a, b);
    for (const nu of [0.7, 2.5]) {
      const c = new Float64Array(1);
      fillStudentT(createStream(6), nu, c);
      assert.equal(studentT(createStream(6), nu), c[0]);
    }
  });

  it('fills only the requested range', () => {
    const buf = new Float64Array(10).fill(7);
    for (const nu of [1.2, 3]) {
      buf.fill(7);
      fillStudentT(createStream(1), nu, buf, 2, 5);
      assert.equal(buf[1], 7);
      assert.equal(buf[7], 7);
      assert.ok(buf.subarray(2, 7).every((v) => v !== 7 && Number.isFinite(v)));
    }
    assert.throws(() => fillStudentT(createStream(1), 3, buf, 8, 5), /range \[8, 13\) is outside the buffer of length 10/);
  });

  it('rejects ν ≤ 0 with a message naming the option', () => {
    assert.throws(() => fillStudentT(createStream(1), 0, new Float64Array(3)), /nu: 0 is not allowed \(allowed: nu > 0/);
    assert.throws(() => studentT(createStream(1), NaN), /nu: NaN/);
  });
});
