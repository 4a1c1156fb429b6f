import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tFromNormal, tFromNormalMap } from '../../src/special/tFromNormal.ts';
import { normCdf } from '../../src/special/normCdf.ts';
import { erf } from '../../src/special/erf.ts';
import { createStream } from '../../src/random/xoshiro.ts';

/**
 * q = F_ν⁻¹(Φ(z)) at z = 1e-8, 0.3, 1, 2.5, 5, 8.5: mpmath 1.3.0 at 50 digits, bisection in ln q on
 * I_{q²/(ν+q²)}(½, ν/2) = erf(z/√2) (z < 1) or ln(½ I_{ν/(ν+q²)}(ν/2, ½)) = ln(erfc(z/√2)/2).
 */
const ZS = [1e-8, 0.3, 1, 2.5, 5, 8.5];
const MPMATH: [number, number[]][] = [
  [0.5, [1.4793375595943195834e-8, 0.48290930261619587724, 4.0491827072611133432, 2667.2527042148757047, 1251675946504.9988703, 1.1445282302169719725e+33]],
  [1.5, [1.1708286566075289459e-8, 0.35811719588243606776, 1.4668105011723217413, 15.414798560782006542, 12005.773287969734525, 116529265017.73305978]],
  [3, [1.0854018818374014994e-8, 0.32842756097241339897, 1.196881354403156151, 5.4045451596228298516, 156.67784113720260372, 488147.69321775670208]],
  [10, [1.0252728978367634508e-8, 0.30830440028944692862, 1.0525624152573362101, 3.0420368282397403307, 11.166269324317651793, 129.18411580354915813]],
  [30, [1.0083665981528296586e-8, 0.30274016821272080424, 1.0169467541149854843, 2.6600631215297785762, 6.3192137337829199644, 17.733290010692831219]],
];

/** Closed forms (u = Φ(z)): ν = 1: tan(π(u − ½)) = cot(πΦ(−z)); ν = 2: (2u − 1)/√(2u(1 − u)). */
function cauchy(z: number): number {
  return z <= 1 ? Math.tan((Math.PI / 2) * erf(z * Math.SQRT1_2)) : 1 / Math.tan(Math.PI * normCdf(-z));
}
function nu2(z: number): number {
  return erf(z * Math.SQRT1_2) / Math.sqrt(2 * normCdf(z) * normCdf(-z));
}

/** 3000 z on (0, 9.5), denser near 0 (z = 9.5·v², v uniform with a jitter); past 9 is the fallback. */
const GRID = Array.from({ length: 3000 }, (_, i) => 9.5 * ((i + 0.5 + 0.37 * Math.sin(i + 1)) / 3000) ** 2);

describe('tFromNormal (accurate inversion)', () => {
  it('matches mpmath to ≤ 1e-13 relative (measured ≤ 5e-14, at ν = 0.5, z = 8.5, q ≈ 1e33)', () => {
    for (const [nu, want] of MPMATH) {
      ZS.forEach((z, k) => {
        const got = tFromNormal(z, nu);
        assert.ok(Math.abs(got - want[k]) <= 1e-13 * want[k], `ν=${nu} z=${z}: ${got} vs ${want[k]}`);
        assert.equal(tFromNormal(-z, nu), -got);
      });
    }
  });

  it('matches the closed forms at ν = 1 and 2 to ≤ 2e-15 relative for z from 1e-6 to 12', () => {
    for (let i = 0; i <= 2000; i++) {
      const z = 1e-6 * 1.2e7 ** (i / 2000);
      assert.ok(Math.abs(tFromNormal(z, 1) / cauchy(z) - 1) <= 2e-15, `ν=1 z=${z}`);
      assert.ok(Math.abs(tFromNormal(z, 2) / nu2(z) - 1) <= 2e-15, `ν=2 z=${z}`);
    }
  });

  it('is the identity at ν = Infinity, 0 at 0, and NaN for ν ≤ 0 or z = NaN', () => {
    assert.equal(tFromNormal(1.7, Infinity), 1.7);
    assert.equal(tFromNormal(0, 3), 0);
    assert.ok(Number.isNaN(tFromNormal(1, 0)));
    assert.ok(Number.isNaN(tFromNormal(NaN, 3)));
    assert.equal(tFromNormal(Infinity, 3), Infinity);
  });
});

describe('tFromNormalMap (tabulated)', () => {
  it('agrees with tFromNormal to ≤ 1e-12 relative on 3000 z per ν (measured ≤ 2.1e-13 for 0.2 ≤ ν ≤ 1000, 1.1e-12 at ν = 0.05)', () => {
    for (const nu of [0.05, 0.2, 0.5, 1, 1.5, 2, 3, 5, 10, 30, 1000]) {
      const f = tFromNormalMap(nu);
      let worst = 0;
      for (const z of GRID) {
        const want = tFromNormal(z, nu);
        if (want === Infinity) continue; // ν = 0.05 past z ≈ 8.6: both overflow
        worst = Math.max(worst, Math.abs(f(z) / want - 1));
      }
      // At ν = 0.05, ln q reaches ~500 near z = 7.3 (the table's end): its ulps alone are ~1e-13 of q.
      assert.ok(worst <= (nu < 0.1 ? 3e-12 : 1e-12), `ν=${nu}: worst ${worst}`);
    }
  });

  it('is as accurate as tFromNormal against mpmath and the closed forms (≤ 1e-13 relative)', () => {
    for (const [nu, want] of MPMATH) {
      const f = tFromNormalMap(nu);
      ZS.forEach((z, k) => assert.ok(Math.abs(f(z) - want[k]) <= 1e-13 * want[k], `ν=${nu} z=${z}: ${f(z)} vs ${want[k]}`));
    }
    const f1 = tFromNormalMap(1);
    const f2 = tFromNormalMap(2);
    for (const z of GRID) {
      assert.ok(Math.abs(f1(z) / cauchy(z) - 1) <= 1e-13, `ν=1 z=${z}`);
      assert.ok(Math.abs(f2(z) / nu2(z) - 1) <= 1e-13, `ν=2 z=${z}`);
    }
  });

  it('is exactly odd, 0 at 0, relative-accurate near 0, and increasing across every cell and the table end', () => {
    const rng = createStream(21);
    for (const nu of [0.5, 1, 3, 10]) {
      const f = tFromNormalMap(nu);
      assert.equal(f(0), 0);
      for (let k = 0; k < 10_000; k++) {
        const z = 10 * rng.nextDouble();
        assert.equal(f(-z), -f(z));
      }
      const slope = tFromNormal(1e-8, nu) / 1e-8; // q ≈ az near 0
      for (const z of [1e-300, 1e-100, 1e-12]) assert.ok(Math.abs(f(z) / (slope * z) - 1) <= 2e-15, `ν=${nu} z=${z}`);
      let previous = 0;
      for (let k = 1; k <= 95_000; k++) {
        const q = f(k * 1e-4);
        assert.ok(q > previous, `ν=${nu}: not increasing at z = ${k * 1e-4}`);
        previous = q;
      }
    }
  });

  it('is the identity at ν = Infinity, memoises by ν, propagates NaN and ±Infinity, and rejects ν ≤ 0', () => {
    const id = tFromNormalMap(Infinity);
    for (const z of [-3, 0.2, 11]) assert.equal(id(z), z);
    assert.equal(tFromNormalMap(3), tFromNormalMap(3));
    assert.ok(Number.isNaN(tFromNormalMap(3)(NaN)));
    assert.equal(tFromNormalMap(3)(-Infinity), -Infinity);
    assert.throws(() => tFromNormalMap(0), /nu = 0 is not allowed \(allowed: nu > 0\)/);
    assert.throws(() => tFromNormalMap(NaN), /nu = NaN/);
  });

  it('builds a table for a new ν quickly (3–15 ms typical; asserted < 250 ms for a loaded machine)', () => {
    tFromNormalMap(7.25);
    const start = performance.now();
    tFromNormalMap(7.5);
    const ms = performance.now() - start;
    assert.ok(ms < 250, `${ms} ms`);
  });
});
