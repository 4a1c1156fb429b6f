import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOISE } from '../../src/noise/registry.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import { studentTNoise } from '../../src/noise/studentT.ts';
import type { NoiseModel } from '../../src/noise/noiseModel.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { erf } from '../../src/special/erf.ts';
import { tCdf } from '../../src/special/tCdf.ts';

const scale = Float64Array.from([0.5, 1, 2]);

/** Every registry entry, built with the same scale (studentT with ν = 3). */
const models: [string, () => NoiseModel][] = [
  ['gaussian', () => NOISE.gaussian({ scale })],
  ['studentT', () => NOISE.studentT({ scale, nu: 3 })],
];

/** Mean of sign(g + Z_i) over n draws of coordinate i, drawn with `sample` on a paths × dim batch. */
function simulatedSignMean(noise: NoiseModel, g: number, i: number, n: number, seed: number): number {
  const out = new Float64Array(n * noise.dim);
  noise.sample(createStream(seed), out, n);
  let sum = 0;
  for (let p = 0; p < n; p++) sum += Math.sign(g + out[p * noise.dim + i]);
  return sum / n;
}

describe('noise models: registry contract', () => {
  for (const [name, make] of models) {
    it(`${name}: reports kind, dim, a copy of the scale, and ν`, () => {
      const noise = make();
      assert.equal(noise.kind, name);
      assert.equal(noise.dim, 3);
      assert.deepEqual(Array.from(noise.scale), [0.5, 1, 2]);
      assert.notEqual(noise.scale, scale);
      assert.equal(noise.nu, name === 'gaussian' ? Infinity : 3);
    });

    it(`${name}: addTo on zeros equals sample with the same stream, and leaves the rest of the buffer alone`, () => {
      const noise = make();
      const paths = 3001;
      const a = new Float64Array(paths * 3 + 5).fill(0);
      const b = new Float64Array(paths * 3);
      noise.addTo(createStream(1), a, paths);
      noise.sample(createStream(1), b, paths);
      for (let k = 0; k < b.length; k++) assert.ok(Math.abs(a[k] - b[k]) <= 1e-15 * Math.abs(b[k]), `entry ${k}`);
      assert.deepEqual(Array.from(a.subarray(paths * 3)), [0, 0, 0, 0, 0]);
    });

    it(`${name}: addTo adds to the gradient (the previous value is kept)`, () => {
      const noise = make();
      const grad = new Float64Array(3 * 10).fill(100);
      noise.addTo(createStream(2), grad, 10);
      const z = new Float64Array(30);
      noise.sample(createStream(2), z, 10);
      for (let k = 0; k < 30; k++) assert.ok(Math.abs(grad[k] - 100 - z[k]) < 1e-12 * (1 + Math.abs(z[k])));
    });

    it(`${name}: scales each coordinate by s_i (median of |Z_i|/s_i matches across coordinates)`, () => {
      // The median of |Z_i|/s_i is the same for every i; its sample version has SE ≈ 0.005 here,
      // so a spread below 0.05 (10 SE) cannot fail by chance, while a mis-indexed scale (factor 2-4) fails.
      const noise = make();
      const n = 40_000;
      const out = new Float64Array(n * 3);
      noise.sample(createStream(3), out, n);
      const medians = [0, 1, 2].map((i) => {
        const col = new Float64Array(n);
        for (let p = 0; p < n; p++) col[p] = Math.abs(out[p * 3 + i]) / scale[i];
        return col.sort()[n >> 1];
      });
      assert.ok(Math.max(...medians) - Math.min(...medians) < 0.05, `medians ${medians}`);
    });

    it(`${name}: rejects a batch that does not fit the buffer`, () => {
      assert.throws(() => make().addTo(createStream(1), new Float64Array(5), 2), /does not fit the buffer/);
      assert.throws(() => make().sample(createStream(1), new Float64Array(5), 2), /does not fit the buffer/);
    });
  }
});

describe('noise models: E[sign(g + Z)] and variance', () => {
  it('gives erf(g/(√2 s)) and 2F_ν(g/s) − 1 in closed form (CLAIMS A2, A8)', () => {
    const gn = gaussianNoise([0.5, 2]);
    assert.equal(gn.signMean(0.3, 0), erf(0.3 / (Math.SQRT2 * 0.5)));
    assert.ok(Math.abs(gn.signMean(-1, 1) - erf(-1 / (2 * Math.SQRT2))) < 1e-16);
    for (const nu of [1, 2, 3, 7.5]) {
      const tn = studentTNoise([0.5, 2], nu);
      for (const g of [-1.3, 0.1, 2]) {
        assert.ok(Math.abs(tn.signMean(g, 1) - (2 * tCdf(g / 2, nu) - 1)) < 1e-14);
      }
    }
  });

  it('matches E[sign(g + Z)] by simulation for Gaussian and t (ν = 0.5, 1, 2, 2.5, 3) at g/s = 0.1, 0.5, 1, 2', () => {
    // mean of n signs has SE √((1 − m²)/n); |z| < 4.9 is a two-sided 1e-6 false alarm per check,
    // 2.4e-5 over the 24 checks.
    const n = 100_000;
    const cases: NoiseModel[] = [gaussianNoise([0.7]), ...[0.5, 1, 2, 2.5, 3].map((nu) => studentTNoise([0.7], nu))];
    let seed = 400;
    for (const noise of cases) {
      for (const ratio of [0.1, 0.5, 1, 2]) {
        const g = ratio * 0.7;
        const m = noise.signMean(g, 0);
        const est = simulatedSignMean(noise, g, 0, n, seed++);
        const z = (est - m) / Math.sqrt((1 - m * m) / n);
        assert.ok(Math.abs(z) < 4.9, `${noise.kind} ν=${noise.nu} g/s=${ratio}: sim ${est}, closed form ${m}`);
      }
    }
  });

  it('rejects the wrong closed form: Gaussian draws do not match the t₃ formula at g/s = 1', () => {
    // erf(1/√2) = 0.683 vs 2F₃(1) − 1 = 0.609: z ≈ 45 at n = 1e5, far beyond 4.9.
    const n = 100_000;
    const est = simulatedSignMean(gaussianNoise([1]), 1, 0, n, 450);
    const wrong = studentTNoise([1], 3).signMean(1, 0);
    assert.ok(Math.abs(est - wrong) / Math.sqrt((1 - wrong * wrong) / n) > 4.9);
  });

  it('gives variances s², s²ν/(ν − 2), and Infinity for ν ≤ 2', () => {
    assert.equal(gaussianNoise([3]).variance(0), 9);
    assert.ok(Math.abs(studentTNoise([3], 5).variance(0) - 15) < 1e-14);
    assert.equal(studentTNoise([3], 2).variance(0), Infinity);
    assert.equal(studentTNoise([3], 0.5).variance(0), Infinity);
    assert.equal(studentTNoise([3], Infinity).variance(0), 9);
  });
});

describe('noise models: validation', () => {
  it('rejects bad scales and ν with messages naming the option, value and range', () => {
    assert.throws(() => gaussianNoise([]), /gaussianNoise: scale is empty/);
    assert.throws(() => gaussianNoise([1, 0]), /gaussianNoise: scale\[1\] = 0 is not allowed \(allowed: 0 < scale < Infinity\)/);
    assert.throws(() => gaussianNoise([NaN]), /scale\[0\] = NaN/);
    assert.throws(() => studentTNoise([1], 0), /studentTNoise: nu = 0 is not allowed \(allowed: nu > 0/);
    assert.throws(() => NOISE.studentT({ scale: Float64Array.from([1]) }), /nu = undefined is not allowed/);
  });
});
