import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalQuantile, normalQuantileUpper } from '../../src/stats/normalQuantile.ts';

/** Φ⁻¹(p) to 20 digits, computed with mpmath (findroot on ln ncdf at 50 digits). */
const KNOWN: [number, number][] = [
  [0.975, 1.9599639845400542355],
  [0.995, 2.575829303548900761],
  [0.8, 0.84162123357291420518],
  [0.3, -0.52440051270804078404],
  [0.02425, -1.9729610513118848503],
  [1e-5, -4.2648907939228246285],
  [1e-10, -6.3613409024040562047],
  [1e-50, -14.933337534788488981],
  [1e-300, -37.047096299361199237],
];

describe('normalQuantile', () => {
  it('matches high-precision values to 1e-15 relative in all three regions', () => {
    assert.equal(normalQuantile(0.5), 0);
    for (const [p, z] of KNOWN) {
      const got = normalQuantile(p);
      assert.ok(Math.abs(got - z) <= 1e-15 * Math.abs(z), `p=${p}: ${got} vs ${z}`);
    }
  });

  it('keeps full accuracy in the upper tail through normalQuantileUpper', () => {
    for (const [p, z] of KNOWN) {
      const got = normalQuantileUpper(p);
      assert.ok(Math.abs(got + z) <= 1e-15 * Math.abs(z), `q=${p}: ${got} vs ${-z}`);
    }
  });

  it('is odd about ½ and monotone', () => {
    let previous = -Infinity;
    for (let k = 1; k < 1000; k++) {
      const p = k / 1000;
      const z = normalQuantile(p);
      assert.ok(z > previous);
      previous = z;
      assert.ok(Math.abs(z + normalQuantile(1 - p)) < 1e-14 * Math.max(1, Math.abs(z)));
    }
  });

  it('returns ∓Infinity at 0 and 1 and rejects probabilities outside [0, 1]', () => {
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.throws(() => normalQuantile(1.5), /outside \[0, 1\]/);
    assert.throws(() => normalQuantile(NaN), /outside \[0, 1\]/);
  });
});
