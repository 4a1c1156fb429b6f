import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createStream } from '../../src/random/xoshiro.ts';
import { fillStudentT, studentT } from '../../src/random/studentT.ts';
import { fillNormal } from '../../src/random/normal.ts';
import { ksTest } from '../../src/stats/ks.ts';
import { tCdf } from '../../src/special/tCdf.ts';

describe('Student-t variates', () => {
  it('pass KS tests against the t CDF for ν = 0.5, 1, 2, 3, 10 (n = 100000)', () => {
    // p < 1e-4 is a 1e-4 false alarm per ν, 5e-4 for the five.
    for (const nu of [0.5, 1, 2, 3, 10]) {
      const x = new Float64Array(100_000);
      fillStudentT(createStream(300 + nu * 10), nu, x);
      const { pValue } = ksTest(x, (v) => tCdf(v, nu));
      assert.ok(pValue > 1e-4, `ν = ${nu}: p = ${pValue}`);
    }
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
    const c = new Float64Array(1);
    fillStudentT(createStream(6), 2.5, c);
    assert.equal(studentT(createStream(6), 2.5), c[0]);
  });

  it('fills only the requested range', () => {
    const buf = new Float64Array(10).fill(7);
    fillStudentT(createStream(1), 3, buf, 2, 5);
    assert.equal(buf[1], 7);
    assert.equal(buf[7], 7);
    assert.ok(buf.subarray(2, 7).every((v) => v !== 7 && Number.isFinite(v)));
  });

  it('rejects ν ≤ 0 with a message naming the option', () => {
    assert.throws(() => fillStudentT(createStream(1), 0, new Float64Array(3)), /nu: 0 is not allowed \(allowed: nu > 0/);
    assert.throws(() => studentT(createStream(1), NaN), /nu: NaN/);
  });
});
