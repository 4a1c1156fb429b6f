import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SDES } from '../../src/sde/models/registry.ts';
import { signSgdStudentTSde } from '../../src/sde/models/signSgdStudentT.ts';
import { signSgdGaussianSde } from '../../src/sde/models/signSgdGaussian.ts';
import { initialState, stateLength } from '../../src/sde/sde.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import type { SdeName } from '../../src/theory/claim.ts';
import { erf } from '../../src/special/erf.ts';
import { tCdf } from '../../src/special/tCdf.ts';
import { ell } from '../../src/special/ell.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import { studentTNoise } from '../../src/noise/studentT.ts';

/** Per-coordinate closed forms of CLAIMS A1–A3, A6, A8, A9, B1–B3 (drift and diffusion of each component). */
interface Point { g: number; x: number; m: number; v: number; t: number; s: number; sigma: number; nu: number }
interface Hyper { eta: number; rho: number; rho1: number; rho2: number; eps: number; theta: number }
type Formula = (p: Point, h: Hyper) => { drift: number[]; diffusion: number[] };

const signForm = (mean: number, eta: number) => ({ drift: [-mean], diffusion: [Math.sqrt(eta) * Math.sqrt(Math.max(0, 1 - mean * mean))] });
const iota = (rho: number, t: number) => 1 - Math.exp(-rho * t);
const adam = (gWeight: number): Formula => ({ g, x, m, v, t, sigma }, { eta, rho1, rho2, eps, theta }) => {
  const i1 = iota(rho1, t + eta);
  const i2 = iota(rho2, t + eta);
  return {
    drift: [-(Math.sqrt(i2) / i1) * m / (Math.sqrt(v) + eps * Math.sqrt(i2)) - theta * x, rho1 * (g - m), rho2 * (gWeight * g * g + sigma * sigma - v)],
    diffusion: [0, Math.sqrt(eta) * rho1 * sigma, 0],
  };
};
const rmsprop = (gWeight: number): Formula => ({ g, x, v, sigma }, { eta, rho, eps, theta }) => ({
  drift: [-g / (Math.sqrt(v) + eps) - theta * x, rho * (gWeight * g * g + sigma * sigma - v)],
  diffusion: [Math.sqrt(eta) * sigma / (Math.sqrt(v) + eps), 0],
});
const FORMULAS: Record<SdeName, Formula> = {
  sgd: ({ g, sigma }, { eta }) => ({ drift: [-g], diffusion: [Math.sqrt(eta) * sigma] }),
  signsgd: ({ g, s, nu }, { eta }) => signForm(nu === Infinity ? erf(g / (Math.SQRT2 * s)) : 2 * tCdf(g / s, nu) - 1, eta),
  'signsgd-gaussian': ({ g, s }, { eta }) => signForm(erf(g / (Math.SQRT2 * s)), eta),
  'signsgd-studentT': ({ g, s, nu }, { eta }) => signForm(2 * tCdf(g / s, nu) - 1, eta),
  'signsgd-phase3': ({ g, s }, { eta }) => ({
    drift: [-Math.sqrt(2 / Math.PI) * g / s],
    diffusion: [Math.sqrt(eta) * Math.sqrt(Math.max(0, 1 - (2 / Math.PI) * (g / s) ** 2))],
  }),
  'signsgd-phase3-studentT': ({ g, s, nu }, { eta }) => ({
    drift: [-2 * ell(nu) * g / s],
    diffusion: [Math.sqrt(eta) * Math.sqrt(Math.max(0, 1 - 4 * ell(nu) ** 2 * (g / s) ** 2))],
  }),
  rmspropw: rmsprop(1),
  'malladi-rmsprop': rmsprop(0),
  adamw: adam(1),
  'malladi-adam': adam(0),
};
const STUDENT: readonly SdeName[] = ['signsgd-studentT', 'signsgd-phase3-studentT'];
/**
 * SignSGD models are compared on diffusion², to 1e-14·η absolute: a mean sign m is accurate to about
 * 1e-16 absolute, so 1 − m² is too, while √(1 − m²) loses relative accuracy as |m| → 1.
 */
const SIGN: readonly SdeName[] = ['signsgd', 'signsgd-gaussian', 'signsgd-studentT', 'signsgd-phase3', 'signsgd-phase3-studentT'];

const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-14 + 1e-12 * Math.abs(b), `${what}: ${a} vs ${b}`);

describe('the paper SDE models', () => {
  for (const name of Object.keys(SDES) as SdeName[]) {
    it(`${name}: drift and diffusion equal the closed form at random points`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 3 }).chain((d) => fc.record({
            lam: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: d, maxLength: d }),
            s: fc.array(fc.double({ min: 0.2, max: 3, noNaN: true }), { minLength: d, maxLength: d }),
            state: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 6 * d, maxLength: 6 * d }),
            t: fc.double({ min: 0, max: 5, noNaN: true }),
            eta: fc.double({ min: 1e-3, max: 0.1, noNaN: true }),
            beta: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
            beta2: fc.double({ min: 0.9, max: 0.9999, noNaN: true }),
            eps: fc.constantFrom(0, 1e-8, 0.1),
            theta: fc.constantFrom(0, 0.5, 3),
            nu: fc.constantFrom(1, 2.5, 5, 30),
          })),
          ({ lam, s, state, t, eta, beta, beta2, eps, theta, nu }) => {
            const d = lam.length;
            const paths = 2;
            const heavy = STUDENT.includes(name) || (name === 'signsgd' && nu < 5);
            const noise: NoiseModel = heavy ? studentTNoise(s, nu) : gaussianNoise(s);
            const problem = diagonalQuadratic(lam);
            const sde = SDES[name]({ eta, beta, beta1: beta, beta2, eps, theta }, problem, noise);
            const n = paths * d;
            const y = new Float64Array(stateLength(sde, paths));
            for (let j = 0; j < y.length; j++) y[j] = sde.components[Math.floor(j / n)] === 'v' ? state[j] * state[j] + 0.01 : state[j];
            const a = new Float64Array(y.length);
            const b = new Float64Array(y.length);
            sde.drift(t, y, paths, a);
            sde.diffusion(t, y, paths, b);
            const h: Hyper = { eta, rho: (1 - beta) / eta, rho1: (1 - beta) / eta, rho2: (1 - beta2) / eta, eps, theta };
            const comp = (c: string, j: number) => (sde.components.includes(c) ? y[sde.components.indexOf(c) * n + j] : 0);
            for (let j = 0; j < n; j++) {
              const i = j % d;
              const sigma = noise.kind === 'gaussian' ? s[i] : s[i] * Math.sqrt(nu / (nu - 2));
              const f = FORMULAS[name]({ g: lam[i] * y[j], x: y[j], m: comp('m', j), v: comp('v', j), t, s: s[i], sigma, nu: noise.nu }, h);
              sde.components.forEach((c, k) => {
                close(a[k * n + j], f.drift[k], `${name} drift ${c}[${j}]`);
                if (SIGN.includes(name)) {
                  const gap = Math.abs(b[k * n + j] ** 2 - f.diffusion[k] ** 2);
                  assert.ok(gap <= 1e-14 * eta, `${name} diffusion² ${c}[${j}]: ${b[k * n + j] ** 2} vs ${f.diffusion[k] ** 2}`);
                } else {
                  close(b[k * n + j], f.diffusion[k], `${name} diffusion ${c}[${j}]`);
                }
              });
            }
          },
        ),
        { seed: 42, numRuns: 60 },
      );
    });
  }

  it('every registry entry keeps the contract: X first, zero diffusion off the noisy components, fused step = EM step', () => {
    const problem = diagonalQuadratic([1, 2]);
    for (const name of Object.keys(SDES) as SdeName[]) {
      const noise = STUDENT.includes(name) ? studentTNoise([1, 0.5], 4) : gaussianNoise([1, 0.5]);
      const sde = SDES[name]({ eta: 0.01, eps: 1e-3, theta: 0.1 }, problem, noise);
      assert.equal(sde.components[0], 'x', name);
      assert.equal(sde.noisy.length, sde.components.length, name);
      assert.equal(sde.dim, 2);
      const paths = 3;
      const y = initialState(sde, paths, Object.fromEntries(sde.components.map((c) => [c, c === 'v' ? 1 : 0.7])));
      const a = new Float64Array(y.length).fill(NaN);
      const b = new Float64Array(y.length).fill(NaN);
      sde.drift(0.5, y, paths, a);
      sde.diffusion(0.5, y, paths, b);
      assert.ok(a.every(Number.isFinite) && b.every(Number.isFinite), `${name} writes every entry`);
      sde.noisy.forEach((noisy, c) => {
        if (!noisy) for (let j = c * paths * 2; j < (c + 1) * paths * 2; j++) assert.equal(b[j], 0, `${name} ${sde.components[c]}`);
      });
      if (sde.eulerStep !== undefined) {
        const dW = Float64Array.from(y, (_, j) => 0.01 * Math.sin(j + 1));
        const fused = Float64Array.from(y);
        sde.eulerStep(0.5, 0.01, fused, dW, paths, 0.5);
        for (let j = 0; j < y.length; j++) close(fused[j], y[j] + a[j] * 0.01 + b[j] * (0.5 * dW[j]), `${name} fused step`);
      }
    }
  });

  it('the Student-t SignSGD drift tends to the Gaussian one as ν grows (gap ≤ 1/ν)', () => {
    const problem = diagonalQuadratic([1]);
    const gauss = signSgdGaussianSde({ eta: 0.01 }, problem, gaussianNoise([0.8]));
    const xs = Float64Array.from({ length: 41 }, (_, k) => -4 + k * 0.2);
    const gaussDrift = new Float64Array(41);
    gauss.drift(0, xs, 41, gaussDrift);
    let previous = Infinity;
    for (const nu of [10, 100, 1e3, 1e5]) {
      const t = signSgdStudentTSde({ eta: 0.01 }, problem, studentTNoise([0.8], nu));
      const drift = new Float64Array(41);
      t.drift(0, xs, 41, drift);
      const gap = Math.max(...drift.map((v, k) => Math.abs(v - gaussDrift[k])));
      assert.ok(gap <= 1 / nu && gap < previous, `ν=${nu}: gap ${gap}`);
      previous = gap;
    }
  });

  it('rejects invalid hyperparameters and undefined noise covariances, naming the option', () => {
    const problem = diagonalQuadratic([1]);
    const noise = gaussianNoise([1]);
    assert.throws(() => SDES.sgd({ eta: 0 }, problem, noise), /option eta = 0/);
    assert.throws(() => SDES.rmspropw({ eta: 0.01, rho: 1, beta: 0.9 }, problem, noise), /give rho or beta, not both/);
    assert.throws(() => SDES.adamw({ eta: 0.01, beta2: 1 }, problem, noise), /option beta2 = 1/);
    assert.throws(() => SDES.adamw({ eta: 0.01, theta: -1 }, problem, noise), /option theta = -1/);
    assert.throws(() => SDES.sgd({ eta: 0.01 }, problem, studentTNoise([1], 2)), /finite noise covariance/);
    assert.throws(() => SDES.sgd({ eta: 0.01 }, diagonalQuadratic([1, 2]), noise), /dim 2 but the noise model has dim 1/);
  });
});
