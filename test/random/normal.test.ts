import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createStream } from '../../src/random/xoshiro.ts';
import { fillNormal, normal, ZIGGURAT_R } from '../../src/random/normal.ts';
import { addScaledNormals } from '../../src/random/addScaledNormals.ts';
import type { RandomStream } from '../../src/random/randomStream.ts';
import { ksTest } from '../../src/stats/ks.ts';
import { ACCEPT23, RATIO, uniform23 } from '../../src/random/ziggurat.ts';
import { normCdf } from '../../src/special/normCdf.ts';

/** Student t₃ CDF in closed form (CLAIMS A8): 1/2 + (atan(x/√3) + √3·x/(x² + 3))/π. */
const t3Cdf = (x: number): number => 0.5 + (Math.atan(x / Math.sqrt(3)) + (Math.sqrt(3) * x) / (x * x + 3)) / Math.PI;

/** A RandomStream that is not a Xoshiro128 instance, to exercise the generic path. */
function wrapped(seed: number): RandomStream {
  const inner = createStream(seed);
  const self: RandomStream = {
    nextUint32: () => inner.nextUint32(),
    nextDouble: () => inner.nextDouble(),
    split: () => inner.split(),
  };
  return self;
}

describe('ziggurat normals', () => {
  it('uses the 256-layer tail cut-off r = 3.6541528853610088 (Marsaglia & Tsang 2000)', () => {
    assert.ok(Math.abs(ZIGGURAT_R - 3.6541528853610088) < 1e-14);
  });

  it('accepts in integers exactly when the 23-bit midpoint uniform is below X_{i+1}/X_i', () => {
    for (let k = 0; k < 512; k++) {
      const t = ACCEPT23[k];
      assert.ok(t >= 0 && t <= 2 ** 23, `k = ${k}: threshold ${t}`);
      // The top layer (X₂₅₆ = 0) has ratio 0: every draw goes to the wedge test.
      assert.ok(t === 0 ? RATIO[k] === 0 : uniform23(t - 1) < RATIO[k], `k = ${k}: h = ${t - 1} must be accepted`);
      assert.ok(t === 2 ** 23 || uniform23(t) >= RATIO[k], `k = ${k}: h = ${t} must be rejected`);
    }
  });

  it('passes a KS test against Φ (n = 200000)', () => {
    // Under H0 the p-value is uniform: p < 1e-4 is a 1e-4 false alarm.
    const x = new Float64Array(200_000);
    fillNormal(createStream(101), x);
    const { pValue } = ksTest(x, normCdf);
    assert.ok(pValue > 1e-4, `p = ${pValue}`);
  });

  it('rejects a KS test against the wrong CDF (t₃, and N(0.05, 1))', () => {
    // Power: D ≈ 0.02 for both alternatives, so λ ≈ 0.02·√n ≈ 6 and p ≈ 1e-30.
    const x = new Float64Array(100_000);
    fillNormal(createStream(102), x);
    assert.ok(ksTest(x, t3Cdf).pValue < 1e-6);
    assert.ok(ksTest(x, (v) => normCdf(v - 0.05)).pValue < 1e-6);
  });

  it('has the first four moments of N(0, 1)', () => {
    // Sample moments m_k of n draws have SE √(Var[Z^k]/n) with Var[Z] = 1, Var[Z²] = 2,
    // Var[Z³] = 15, Var[Z⁴] = 96. |z| < 4.9 per moment is a two-sided 1e-6 false alarm (4e-6 for all).
    const n = 1_000_000;
    const x = new Float64Array(n);
    fillNormal(createStream(103), x);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      const v2 = v * v;
      m1 += v;
      m2 += v2;
      m3 += v2 * v;
      m4 += v2 * v2;
    }
    const z = [m1 / n / Math.sqrt(1 / n), (m2 / n - 1) / Math.sqrt(2 / n), m3 / n / Math.sqrt(15 / n), (m4 / n - 3) / Math.sqrt(96 / n)];
    for (const [k, zk] of z.entries()) assert.ok(Math.abs(zk) < 4.9, `moment ${k + 1}: z = ${zk}`);
  });

  it('draws the tail beyond r with the right frequency and the right conditional law', () => {
    // Count beyond r ~ Binomial(n, p), p = 2Φ(−r): |z| < 4.9 is a 1e-6 false alarm. The tail draws,
    // folded to |x|, must follow Φ conditioned on |x| > r: KS p < 1e-4 is a 1e-4 false alarm.
    const n = 2_000_000;
    const x = new Float64Array(n);
    fillNormal(createStream(104), x);
    const r = ZIGGURAT_R;
    const p = 2 * normCdf(-r);
    const tail: number[] = [];
    for (let i = 0; i < n; i++) if (Math.abs(x[i]) > r) tail.push(Math.abs(x[i]));
    const z = (tail.length - n * p) / Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs(z) < 4.9, `tail count ${tail.length}, expected ${n * p}`);
    const q = normCdf(-r);
    const { pValue } = ksTest(tail, (v) => 1 - normCdf(-v) / q);
    assert.ok(pValue > 1e-4, `tail KS p = ${pValue}`);
  });

  it('fills exactly the requested range with the same values as successive normal() calls', () => {
    const buf = new Float64Array(5000).fill(123);
    fillNormal(createStream(9), buf, 100, 4000);
    assert.equal(buf[99], 123);
    assert.equal(buf[4100], 123);
    const r = createStream(9);
    for (let i = 100; i < 4100; i++) assert.equal(buf[i], normal(r));
    const chunked = new Float64Array(4000);
    const s = createStream(9);
    fillNormal(s, chunked, 0, 1234);
    fillNormal(s, chunked, 1234);
    assert.deepEqual(chunked, buf.subarray(100, 4100));
  });

  it('gives the same values through the generic RandomStream path', () => {
    const a = new Float64Array(10_000); // spans blocks of the wasm kernel (4096)
    const b = new Float64Array(10_000);
    fillNormal(createStream(55), a);
    fillNormal(wrapped(55), b);
    assert.deepEqual(a, b);
  });

  it('adds scale[k]·Z_k with the same normals fillNormal gives (addScaledNormals)', () => {
    const n = 20_000;
    const scale = Float64Array.from({ length: n }, (_, k) => 0.5 + (k % 7));
    const base = Float64Array.from({ length: n + 10 }, (_, k) => k);
    const z = new Float64Array(n);
    fillNormal(createStream(77), z);
    addScaledNormals(createStream(77), base, scale, 10, n);
    for (let k = 0; k < 10; k++) assert.equal(base[k], k);
    for (let k = 0; k < n; k++) assert.equal(base[10 + k], 10 + k + scale[k] * z[k]);
    const generic = Float64Array.from({ length: n + 10 }, (_, k) => k);
    addScaledNormals(wrapped(77), generic, scale, 10, n);
    assert.deepEqual(generic, base);
  });

  it('rejects a range outside the buffer or a short scale', () => {
    assert.throws(() => fillNormal(createStream(1), new Float64Array(10), 5, 6), /outside the buffer/);
    assert.throws(() => addScaledNormals(createStream(1), new Float64Array(10), new Float64Array(3), 0, 5), /scale has 3 entries/);
  });
});
