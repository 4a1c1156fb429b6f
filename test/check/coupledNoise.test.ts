import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coupledGaussianNoise, coupledStudentTNoise } from '../../src/check/coupledNoise.ts';
import type { Orientation } from '../../src/check/coupledNoise.ts';
import { NOISE_ORIENTATION } from '../../src/check/estimators/weakOrder.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import { studentTNoise } from '../../src/noise/studentT.ts';
import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import { sgd } from '../../src/optimizers/sgd.ts';
import { signSgd } from '../../src/optimizers/signSgd.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import { eulerMaruyama } from '../../src/sde/eulerMaruyama.ts';
import { sgdSde } from '../../src/sde/models/sgd.ts';
import { signSgdStudentTSde } from '../../src/sde/models/signSgdStudentT.ts';
import type { Sde } from '../../src/sde/sde.ts';
import { solveSde } from '../../src/sde/solve.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';
import { tFromNormal } from '../../src/special/tFromNormal.ts';
import { tCdf, tCentral } from '../../src/special/tCdf.ts';
import { ksTest } from '../../src/stats/ks.ts';

const ETA = 0.04;
const SUBSTEPS = 2;
const scale = [0.5, 2];

/** A one-component SDE of dim 2 (the layout of SGD's and SignSGD's SDEs: x noisy). */
const shape: Sde = { name: 'shape', dim: 2, components: ['x'], noisy: [true], drift: () => {}, diffusion: () => {} };

/** Per step k < steps, the coupled noise (divided by s_i) and the Brownian increment over the step divided by √η, same seed. */
function coupledDraws(noise: NoiseModel, orientation: Orientation, paths: number, steps: number, seed: number): { noise: Float64Array[]; increment: Float64Array[] } {
  const coupled = noise.kind === 'gaussian' ? coupledGaussianNoise(noise, SUBSTEPS, orientation) : coupledStudentTNoise(noise, SUBSTEPS, orientation);
  const noiseRng = createStream(seed);
  const brownian = new BrownianPath(createStream(seed), shape, paths, { fineDt: ETA / SUBSTEPS });
  const out = { noise: [] as Float64Array[], increment: [] as Float64Array[] };
  for (let k = 0; k < steps; k++) {
    const z = new Float64Array(paths * 2);
    coupled.addTo(noiseRng, z, paths);
    for (let j = 0; j < z.length; j++) z[j] /= scale[j % 2];
    const dW = new Float64Array(paths * 2);
    brownian.next(dW, SUBSTEPS);
    out.noise.push(z);
    out.increment.push(dW.map((w) => w / Math.sqrt(ETA)));
  }
  return out;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let j = 0; j < n; j++) { ma += a[j] / n; mb += b[j] / n; }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let j = 0; j < n; j++) {
    sab += (a[j] - ma) * (b[j] - mb);
    saa += (a[j] - ma) ** 2;
    sbb += (b[j] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

function variance(x: ArrayLike<number>): number {
  let m = 0;
  for (let j = 0; j < x.length; j++) m += x[j] / x.length;
  let v = 0;
  for (let j = 0; j < x.length; j++) v += (x[j] - m) ** 2;
  return v / (x.length - 1);
}

describe('coupledGaussianNoise', () => {
  it('is o·ΔW/√η of the BrownianPath drawn from the same seed, step after step', () => {
    for (const o of [1, -1] as const) {
      const { noise, increment } = coupledDraws(gaussianNoise(scale), o, 300, 3, 1);
      for (let k = 0; k < 3; k++) {
        for (let j = 0; j < noise[k].length; j++) assert.ok(Math.abs(noise[k][j] - o * increment[k][j]) <= 1e-14, `o=${o} step ${k} entry ${j}`);
      }
    }
  });

  it('with the weak-order orientation of SGD, one SGD step equals one Euler–Maruyama step of its SDE at dt = η', () => {
    // x − η(λx + sZ) against x − ηλx + √η·s·ΔW: equal exactly when Z = −ΔW/√η.
    const paths = 200;
    const problem = diagonalQuadratic([1, 2]);
    const noise = gaussianNoise(scale);
    const x0 = [1, -0.5];
    const run = runOptimizer({ problem, optimizer: sgd(ETA), noise: coupledGaussianNoise(noise, 1, NOISE_ORIENTATION.sgd), rng: createStream(2), paths, steps: 1, x0 });
    const sde = sgdSde({ eta: ETA }, problem, noise);
    const initial = Float64Array.from({ length: paths * 2 }, (_, j) => x0[j % 2]);
    const brownian = new BrownianPath(createStream(2), sde, paths, { fineDt: ETA });
    const solved = solveSde(sde, { solver: eulerMaruyama, paths, dt: ETA, steps: 1, initial, brownian });
    for (let j = 0; j < paths * 2; j++) assert.ok(Math.abs(run.x[j] - solved.state[j]) <= 1e-14, `entry ${j}: ${run.x[j]} vs ${solved.state[j]}`);
  });
});

describe('coupledStudentTNoise', () => {
  it('is F_ν⁻¹(Φ(o·ΔW/√η)) of the BrownianPath drawn from the same seed, to 1e-12 relative', () => {
    for (const [nu, o] of [[0.5, -1], [3, 1], [10, -1]] as const) {
      const { noise, increment } = coupledDraws(studentTNoise(scale, nu), o, 200, 3, 3);
      for (let k = 0; k < 3; k++) {
        for (let j = 0; j < noise[k].length; j++) {
          const want = tFromNormal(o * increment[k][j], nu);
          assert.ok(Math.abs(noise[k][j] - want) <= 1e-12 * Math.abs(want), `ν=${nu} step ${k} entry ${j}: ${noise[k][j]} vs ${want}`);
        }
      }
    }
  });

  it('draws t_ν noise: KS test of T = Z/s against F_ν at ν = 0.5, 1, 3, 10 (20,000 draws over two steps each)', () => {
    // p > 1e-3 for each ν: false alarm 1e-3 per ν, 4e-3 in all. Power: at ν = 3 the same test
    // rejects the Gaussian increments themselves (sup|F₃ − Φ| ≈ 0.03, λ ≈ 4: p ≈ 1e-14).
    for (const [nu, seed] of [[0.5, 4], [1, 5], [3, 6], [10, 7]] as const) {
      const { noise, increment } = coupledDraws(studentTNoise(scale, nu), -1, 5000, 2, seed);
      const samples = Float64Array.from([...noise[0], ...noise[1]]);
      const ks = ksTest(samples, (x) => tCdf(x, nu));
      assert.ok(ks.pValue > 1e-3, `ν=${nu}: D = ${ks.statistic}, p = ${ks.pValue}`);
      if (nu === 3) {
        const gaussian = ksTest(Float64Array.from([...increment[0], ...increment[1]]), (x) => tCdf(x, nu));
        assert.ok(gaussian.pValue < 1e-6, `power: p = ${gaussian.pValue}`);
      }
    }
  });

  it("makes SignSGD's step move with the SDE's increment: at ∇f = 0 both have the same sign on every path", () => {
    // x = 0: the optimizer steps −η·sign(s·T), the SDE's Euler step is +η·ΔW/√η (drift 0, diffusion √η).
    const paths = 2000;
    const problem = diagonalQuadratic([1, 2]);
    const noise = studentTNoise(scale, 1.5);
    const o = NOISE_ORIENTATION['signsgd-studentT'];
    const run = runOptimizer({ problem, optimizer: signSgd(ETA), noise: coupledStudentTNoise(noise, 1, o), rng: createStream(8), paths, steps: 1, x0: 0 });
    const sde = signSgdStudentTSde({ eta: ETA }, problem, noise);
    const brownian = new BrownianPath(createStream(8), sde, paths, { fineDt: ETA });
    const solved = solveSde(sde, { solver: eulerMaruyama, paths, dt: ETA, steps: 1, initial: new Float64Array(paths * 2), brownian });
    for (let j = 0; j < paths * 2; j++) assert.equal(Math.sign(run.x[j]), Math.sign(solved.state[j]), `entry ${j}`);
  });

  it('shrinks the variance of the one-step difference of SignSGD and its SDE (g = 0 and g = s, ν = 1 and 3)', () => {
    // Per entry, with m = 2F_ν(g/s) − 1 and Z = ΔW/√η: D = −sign(g + sT) − (−m + √(1 − m²)·Z),
    // the optimizer's step minus the SDE's Euler step, over η. Coupled (o = −1): at g = 0,
    // −sign(sT) = sign(Z), so corr(−sign(g + sT), Z) = E|Z| = √(2/π) ≈ 0.80 and Var D = 2 − 2·0.80 ≈ 0.40,
    // against Var D = 2 uncoupled (T independent of Z, corr ≈ 0). 20,000 entries: the correlation's
    // SE is ≈ 0.003 (coupled) and 0.007 (uncoupled), so the bounds below are > 40 SE from the truth.
    for (const nu of [1, 3]) {
      const { noise, increment } = coupledDraws(studentTNoise(scale, nu), -1, 10_000, 2, 9);
      const z = increment[0];
      for (const ratio of [0, 1]) {
        const m = tCentral(ratio, nu);
        const step = noise[0].map((t) => -Math.sign(ratio + t));
        const independent = noise[1].map((t) => -Math.sign(ratio + t));
        const sdeStep = z.map((w) => -m + Math.sqrt(1 - m * m) * w);
        const coupledVar = variance(step.map((v, j) => v - sdeStep[j]));
        const uncoupledVar = variance(independent.map((v, j) => v - sdeStep[j]));
        assert.ok(correlation(step, z) > 0.5, `ν=${nu} g/s=${ratio}: corr ${correlation(step, z)}`);
        assert.ok(Math.abs(correlation(independent, z)) < 0.05, `ν=${nu} g/s=${ratio}: independent corr ${correlation(independent, z)}`);
        assert.ok(coupledVar < 0.5 * uncoupledVar, `ν=${nu} g/s=${ratio}: Var ${coupledVar} vs ${uncoupledVar}`);
      }
    }
  });

  it('rejects the other noise kind', () => {
    assert.throws(() => coupledStudentTNoise(gaussianNoise(scale), 2, -1), /only Student-t noise/);
    assert.throws(() => coupledGaussianNoise(studentTNoise(scale, 3), 2, -1), /only Gaussian noise/);
  });
});
