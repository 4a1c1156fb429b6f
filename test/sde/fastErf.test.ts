import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fastErf } from '../../src/sde/fastErf.ts';
import { erf } from '../../src/special/erf.ts';
import { createStream } from '../../src/random/xoshiro.ts';

/** erf(x) to 20 digits from mpmath at 30 digits. */
const KNOWN: [number, number][] = [
  [1e-300, 1.1283791670955125739e-300], [1e-10, 1.1283791670955125739e-10],
  [0.0123, 0.013878363865855804712], [0.015625, 0.017629489782642005546],
  [0.2551394, 0.28176718525106742867], [0.5, 0.52049987781304653768], [0.7, 0.67780119383741847298],
  [1, 0.84270079294971486934], [1.5, 0.96610514647531072707], [2.5, 0.99959304798255504106],
  [3.999, 0.999999984455250509], [5.5, 0.99999999999999264215], [5.9, 0.9999999999999999281],
];

describe('fastErf', () => {
  it('matches high-precision values to 1e-15 relative', () => {
    for (const [x, e] of KNOWN) {
      assert.ok(Math.abs(fastErf(x) - e) <= 1e-15 * e, `x=${x}: ${fastErf(x)} vs ${e}`);
      assert.ok(Math.abs(fastErf(-x) + e) <= 1e-15 * e);
    }
  });

  it('agrees with special/erf to 1e-15 absolute and relative on 200,000 points across every interval', () => {
    const rng = createStream(3);
    let worstAbs = 0;
    let worstRel = 0;
    for (let k = 0; k < 200000; k++) {
      const x = (rng.nextDouble() - 0.5) * 14;
      const d = Math.abs(fastErf(x) - erf(x));
      worstAbs = Math.max(worstAbs, d);
      if (x !== 0) worstRel = Math.max(worstRel, d / Math.abs(erf(x)));
    }
    assert.ok(worstAbs <= 1e-15, `worst absolute ${worstAbs}`);
    assert.ok(worstRel <= 1e-15, `worst relative ${worstRel}`);
  });

  it('is exactly ±1 beyond 6, keeps the sign of zero, and propagates NaN', () => {
    assert.equal(fastErf(6), 1);
    assert.equal(fastErf(1e300), 1);
    assert.equal(fastErf(-Infinity), -1);
    assert.equal(fastErf(Infinity), 1);
    assert.ok(Object.is(fastErf(0), 0));
    assert.ok(Number.isNaN(fastErf(NaN)));
  });
});
