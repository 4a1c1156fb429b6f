import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tQuantile, tQuantileUpper } from '../../src/stats/tQuantile.ts';
import { tCdf } from '../../src/special/tCdf.ts';

/** Upper-tail t quantiles t with 1 − F_ν(t) = q, 20 digits, from mpmath (findroot on betainc at 40 digits). */
const KNOWN: [number, number, number][] = [
  [1, 0.025, 12.706204736174703938], [1, 1e-6, 318309.88618274348839], [1, 0.3, 0.72654252800536093919],
  [2, 0.025, 4.3026527297494637234], [2, 1e-6, 707.10572052593381853], [2, 0.3, 0.61721339984836768183],
  [3, 0.025, 3.1824463052837095204], [3, 1e-6, 103.2994677804193443], [3, 0.3, 0.58438972743981870658],
  [4.5, 0.025, 2.6589123472044037244], [4.5, 1e-6, 31.081356583149239193], [4.5, 0.3, 0.56350580393937789543],
  [10, 0.025, 2.2281388519862747157], [10, 1e-6, 9.7519954909405802263], [10, 0.3, 0.54152803875501569144],
  [30, 0.025, 2.0422724563012382836], [30, 1e-6, 5.8711171204188826617], [30, 0.3, 0.53001900390650450976],
];

describe('tQuantile', () => {
  it('matches high-precision quantiles to 1e-13 relative, including heavy tails', () => {
    for (const [nu, q, t] of KNOWN) {
      const got = tQuantileUpper(q, nu);
      assert.ok(Math.abs(got - t) <= 1e-13 * t, `nu=${nu}, q=${q}: ${got} vs ${t}`);
      assert.ok(Math.abs(tQuantile(q, nu) + t) <= 1e-13 * t);
    }
  });

  it('inverts tCdf at fractional ν and extreme probabilities', () => {
    for (const nu of [0.5, 1.7, 2.5, 7.3, 150]) {
      for (const p of [1e-12, 1e-4, 0.2, 0.5, 0.73, 0.999]) {
        const t = tQuantile(p, nu);
        const back = tCdf(t, nu);
        assert.ok(Math.abs(back - p) <= 1e-12 * Math.min(p, 1 - p) + 1e-16, `nu=${nu}, p=${p}: F(${t}) = ${back}`);
      }
    }
  });

  it('reduces to the normal quantile at ν = Infinity and rejects ν ≤ 0', () => {
    assert.ok(Math.abs(tQuantileUpper(0.025, Infinity) - 1.959963984540054) < 1e-15);
    assert.throws(() => tQuantileUpper(0.1, 0), /degrees of freedom 0/);
  });
});
