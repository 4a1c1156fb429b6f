import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { erf } from '../../src/special/erf.ts';
import { signSgdStationaryLaw, signSgdTransientLaw } from '../../src/simulate/signSgdLattice.ts';

const gaussian = (s: number) => (g: number) => erf(g / (Math.SQRT2 * s));
const cauchy = (g: number) => (2 * Math.atan(g)) / Math.PI;

describe('signSgdLattice', () => {
  it('gives the law of x_k equal to brute-force enumeration of all sign sequences', () => {
    const lam = 2;
    const eta = 0.1;
    const m = gaussian(0.7);
    const x0 = 0.25;
    const steps = 6;
    const byPoint = new Map<number, number>();
    for (let mask = 0; mask < 1 << steps; mask++) {
      let x = x0;
      let j = 0;
      let p = 1;
      for (let k = 0; k < steps; k++) {
        const up = 0.5 * (1 - m(lam * x));
        const goesUp = ((mask >> k) & 1) === 1;
        p *= goesUp ? up : 1 - up;
        j += goesUp ? 1 : -1;
        x = x0 + j * eta;
      }
      byPoint.set(j, (byPoint.get(j) ?? 0) + p);
    }
    const law = signSgdTransientLaw({ lam, eta, signMean: m, x0, steps });
    for (let j = -steps; j <= steps; j++) {
      assert.ok(Math.abs(law.probabilities[j + steps] - (byPoint.get(j) ?? 0)) < 1e-15);
    }
    let mean = 0;
    byPoint.forEach((p, j) => (mean += p * (x0 + j * eta)));
    assert.ok(Math.abs(law.mean - mean) < 1e-15);
  });

  for (const [name, m] of [['Gaussian', gaussian(1)], ['Cauchy', cauchy]] as const) {
    it(`has a stationary law invariant under one step (${name} noise)`, () => {
      const eta = 0.01;
      const law = signSgdStationaryLaw({ lam: 1, eta, signMean: m, offset: 0.003 });
      const { points: x, probabilities: p } = law;
      const next = new Float64Array(p.length);
      for (let j = 0; j < p.length; j++) {
        const up = 0.5 * (1 - m(x[j]));
        if (j + 1 < p.length) next[j + 1] += p[j] * up;
        if (j > 0) next[j - 1] += p[j] * (1 - up);
      }
      let worst = 0;
      for (let j = 0; j < p.length; j++) worst = Math.max(worst, Math.abs(next[j] - p[j]));
      assert.ok(worst < 1e-15, `max |πP − π| = ${worst}`);
      assert.ok(Math.abs(law.mean) < 1e-4);
      assert.ok(x[0] < -0.5 && x[x.length - 1] > 0.5);
    });
  }

  it('approaches the Phase-3 SDE variance η/(2c) as η → 0 (CLAIMS.md A5)', () => {
    const c = (eta: number) => Math.sqrt(2 / Math.PI) + eta / Math.PI;
    for (const eta of [1e-3, 1e-4]) {
      const law = signSgdStationaryLaw({ lam: 1, eta, signMean: gaussian(1) });
      const rel = law.secondMoment / (eta / (2 * c(eta))) - 1;
      assert.ok(Math.abs(rel - 0.75 * eta) < 0.2 * 0.75 * eta, `eta ${eta}: relative bias ${rel}`);
    }
  });

  it('rejects invalid options', () => {
    assert.throws(() => signSgdStationaryLaw({ lam: 0, eta: 0.1, signMean: cauchy }), /lam = 0/);
    assert.throws(() => signSgdTransientLaw({ lam: 1, eta: 0.1, signMean: cauchy, x0: 0, steps: 1.5 }), /steps = 1.5/);
  });
});
