import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tCentralInterpolant } from '../../src/special/tCentralTable.ts';
import { tCentral } from '../../src/special/tCdf.ts';
import { erf } from '../../src/special/erf.ts';
import { ell } from '../../src/special/ell.ts';
import { createStream } from '../../src/random/xoshiro.ts';

const NUS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 10, 30, 100, 1000];

/**
 * 2F_ν(x) − 1 at x = 1e-9, −0.37, 1.9, −7.3, 250, −1e6: mpmath 1.3.0 at 60 digits as
 * sign(x)·(1 − I_{ν/(ν+x²)}(ν/2, ½)), rounded to double.
 */
const XS = [1e-9, -0.37, 1.9, -7.3, 250, -1e6];
const MPMATH: [number, number[]][] = [
  [0.5, [5.393526011883794e-10, -0.18757010696221388, 0.5437466573545205, -0.7629390786998057, 0.9594342274729319, -0.9993585980491716]],
  [1, [6.366197723675814e-10, -0.22560526344400486, 0.6915717710993331, -0.9133312457313144, 0.9974535344916211, -0.9999993633802277]],
  [1.5, [6.814699625773873e-10, -0.24310731342847386, 0.7617463393251606, -0.9623280947176222, 0.9998092107345053, -0.9999999992458295]],
  [2, [7.071067811865476e-10, -0.253110186911043, 0.8021806287494232, -0.9817469600192115, 0.9999840003839897, -0.999999999999]],
  [2.5, [7.236174480591301e-10, -0.2595543891774132, 0.8282539576662652, -0.9904441579328147, 0.9999985442153827, -0.9999999999999986]],
  [3, [7.351051938957227e-10, -0.2640401062059404, 0.8463684566940007, -0.9946921967609954, 0.9999998588679321, -1.0]],
  [4, [7.5e-10, -0.26985982612406156, 0.8697611470433904, -0.9981276283218583, 0.9999999984641639, -1.0]],
  [5, [7.592133796449889e-10, -0.2734623864671603, 0.8841366958986718, -0.9992447176153103, 0.9999999999805674, -1.0]],
  [10, [7.782167679320621e-10, -0.28090169665957193, 0.913377542483559, -0.9999739872097738, 1.0, -1.0]],
  [30, [7.912643697881956e-10, -0.28601816880717634, 0.9329170760014031, -0.9999999604350254, 1.0, -1.0]],
  [100, [7.958923738717876e-10, -0.2878350462388542, 0.9396860859155287, -0.9999999999297027, 1.0, -1.0]],
  [1000, [7.976851146277163e-10, -0.28853916376347905, 0.9422794412942955, -0.9999999999994138, 1.0, -1.0]],
];

/** Random x, a quarter each: uniform on ±[0, 20], log-uniform on ±[1e-12, 1e6], ±[1e6, 1e12], ±[1e-300, 1e300]. */
function randomX(rng: ReturnType<typeof createStream>): number {
  const sign = rng.nextDouble() < 0.5 ? -1 : 1;
  const u = rng.nextDouble();
  switch (rng.nextUint32() & 3) {
    case 0: return sign * 20 * u;
    case 1: return sign * 10 ** (-12 + 18 * u);
    case 2: return sign * 10 ** (6 + 6 * u);
    default: return sign * 10 ** (-300 + 600 * u);
  }
}

describe('tCentralInterpolant', () => {
  it('agrees with tCentral to ≤ 1e-11 absolute (measured ≤ 5e-15 for ν ≤ 100, ≤ 3e-14 at 1000) on 100,000 random x per ν', () => {
    const rng = createStream(11);
    for (const nu of NUS) {
      const f = tCentralInterpolant(nu);
      let worst = 0;
      for (let k = 0; k < 100_000; k++) {
        const x = randomX(rng);
        worst = Math.max(worst, Math.abs(f(x) - tCentral(x, nu)));
      }
      for (const x of [0, 1e-300, 1, 1e6, -1e6, 2 ** 30, 1e9, 1e12, 1e300, Infinity, -Infinity]) {
        worst = Math.max(worst, Math.abs(f(x) - tCentral(x, nu)));
      }
      assert.ok(worst <= 1e-11, `ν=${nu}: worst ${worst}`);
      assert.ok(worst <= (nu <= 100 ? 5e-15 : 3e-14), `ν=${nu}: worst ${worst}`);
    }
  });

  it('is as accurate as tCentral against mpmath: ≤ 5e-16 absolute (6e-15 at ν = 1000), ≤ 1e-15 relative at x = 1e-9', () => {
    for (const [nu, want] of MPMATH) {
      const f = tCentralInterpolant(nu);
      XS.forEach((x, k) => {
        const got = f(x);
        // tCentral's own error at ν = 1000 is 5.6e-15 here (at x = 1.9), and the table inherits it.
        assert.ok(Math.abs(got - want[k]) <= (nu <= 100 ? 5e-16 : 6e-15), `ν=${nu} x=${x}: ${got} vs ${want[k]}`);
        if (k === 0) assert.ok(Math.abs(got - want[k]) <= 1e-15 * want[k], `ν=${nu} x=${x}: relative`);
      });
    }
  });

  it('is exactly odd, exactly 0 at 0, within [−1, 1], and monotone up to a few ulps of 1', () => {
    const rng = createStream(12);
    for (const nu of NUS) {
      const f = tCentralInterpolant(nu);
      assert.equal(f(0), 0);
      assert.ok(f(-0) === 0);
      let asymmetric = 0;
      for (let k = 0; k < 10_000; k++) {
        const x = randomX(rng);
        if (f(-x) !== -f(x)) asymmetric++;
      }
      assert.equal(asymmetric, 0, `ν=${nu}`);
      // Sorted grid: uniform on [0, 20], then geometric to 1e9 (table) and 1e12 (fallback).
      const ratio = 5e10 ** (1 / 200_000);
      let x = 0;
      let previous = -Infinity;
      let drop = 0;
      let largest = 0;
      for (let k = 0; k <= 300_000; k++) {
        x = k <= 100_000 ? k * 2e-4 : x * ratio;
        const v = f(x);
        largest = Math.max(largest, Math.abs(v));
        drop = Math.max(drop, previous - v);
        previous = v;
      }
      assert.ok(largest <= 1, `ν=${nu}: |f| reaches ${largest}`);
      assert.ok(drop <= 1e-15, `ν=${nu}: f drops by ${drop}`);
    }
  });

  it('keeps relative accuracy near 0 (f = 2ℓ_ν x to double precision for x ≤ 1e-8) and propagates NaN', () => {
    for (const nu of [0.5, 3, 30]) {
      const f = tCentralInterpolant(nu);
      for (const x of [1e-300, 1e-100, 1e-20, 1e-8]) {
        assert.ok(Math.abs(f(x) - 2 * ell(nu) * x) <= 1e-15 * 2 * ell(nu) * x, `ν=${nu} x=${x}: ${f(x)}`);
      }
      assert.ok(Number.isNaN(f(NaN)));
    }
  });

  it('gives erf(x/√2) at ν = Infinity, memoises by ν, and rejects ν ≤ 0', () => {
    const g = tCentralInterpolant(Infinity);
    for (const x of [-3, 0.2, 5]) assert.equal(g(x), erf(x * Math.SQRT1_2));
    assert.equal(tCentralInterpolant(3), tCentralInterpolant(3));
    assert.throws(() => tCentralInterpolant(0), /nu = 0 is not allowed \(allowed: nu > 0\)/);
    assert.throws(() => tCentralInterpolant(NaN), /nu = NaN/);
  });

  it('builds a table for a new ν quickly (< 20 ms typical; asserted < 250 ms for a loaded machine)', () => {
    tCentralInterpolant(7.25);
    const start = performance.now();
    tCentralInterpolant(7.5);
    const ms = performance.now() - start;
    assert.ok(ms < 250, `${ms} ms`);
  });
});
