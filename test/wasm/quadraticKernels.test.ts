import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import { studentTNoise } from '../../src/noise/studentT.ts';
import { adam, adamW } from '../../src/optimizers/adam.ts';
import { rmsprop } from '../../src/optimizers/rmsprop.ts';
import { signSgd } from '../../src/optimizers/signSgd.ts';
import type { Optimizer } from '../../src/optimizers/optimizer.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { fusedQuadraticRun, fusedSdeRun } from '../../src/wasm/quadraticKernels.ts';
import { fullQuadratic } from '../../src/problems/fullQuadratic.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import { createEulerMaruyama, eulerMaruyama } from '../../src/sde/eulerMaruyama.ts';
import { signSgdGaussianSde } from '../../src/sde/models/signSgdGaussian.ts';
import { adamWSde } from '../../src/sde/models/adamW.ts';
import { initialState } from '../../src/sde/sde.ts';
import type { Sde } from '../../src/sde/sde.ts';
import { solveSde } from '../../src/sde/solve.ts';
import type { SolveOptions } from '../../src/sde/solve.ts';
import { runOptimizer } from '../../src/simulate/runOptimizer.ts';

/** Bitwise equality of two Float64Arrays (NaN and ±0 included). */
function sameBits(a: Float64Array | undefined, b: Float64Array | undefined, what: string): void {
  assert.ok(a !== undefined && b !== undefined, what);
  assert.deepEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength), what);
}

/**
 * The kernels work in blocks of an even multiple of dim (≤ 1024 entries) and move entries in
 * pairs: small and odd dims, the largest (511, 512), single and several blocks, odd entry counts.
 */
const kernelDim = fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constantFrom(511, 512));
const kernelPaths = fc.oneof(fc.integer({ min: 20, max: 60 }), fc.integer({ min: 300, max: 700 }));
/** Few paths for the largest dims (still two or three blocks). */
function pathsFor(dim: number, drawn: number): number {
  return dim > 100 ? 1 + (drawn % 5) : drawn;
}

const hyper = fc.record({
  kind: fc.constantFrom('signsgd', 'adam', 'adamw'),
  lr: fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
  beta2: fc.double({ min: 0, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(0, 1e-8, 1e-3),
  weightDecay: fc.double({ min: 0, max: 2, noNaN: true }),
});

function build(h: { kind: string; lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }): Optimizer<unknown> {
  if (h.kind === 'signsgd') return signSgd(h.lr) as Optimizer<unknown>;
  if (h.kind === 'adam') return adam({ lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps }) as Optimizer<unknown>;
  return adamW({ lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay }) as Optimizer<unknown>;
}

describe('fused quadratic kernels (WebAssembly) in runOptimizer', () => {
  it('give the generic loop\'s numbers bit for bit: x, state, records, time averages, stream position', () => {
    // Each case draws ≥ 600 normals, so the ziggurat's slow path (~1.2% of draws) is exercised.
    fc.assert(
      fc.property(
        hyper,
        kernelDim,
        kernelPaths,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 50 }),
        (h, dim, drawnPaths, steps, seed, stepOffset) => {
          const paths = pathsFor(dim, drawnPaths);
          const lam = Array.from({ length: dim }, (_, i) => 0.25 + i);
          const scale = Array.from({ length: dim }, (_, i) => 0.5 + 0.3 * i);
          const runs = [true, false].map((fused) => {
            const rng = createStream(seed);
            const r = runOptimizer({
              problem: diagonalQuadratic(lam), optimizer: build(h), noise: gaussianNoise(scale), rng, paths, steps,
              x0: Array.from({ length: dim }, (_, i) => 1 - 0.7 * i), stepOffset, fused,
              record: { steps: [0, 1, steps], x: true, loss: true }, average: { from: 1, loss: true },
            });
            return { r, next: rng.nextUint32() };
          });
          const [a, b] = runs;
          sameBits(a.r.x, b.r.x, 'x');
          assert.equal(a.r.status, b.r.status);
          for (const key of ['m', 'v'] as const) {
            const sa = a.r.state as Record<string, Float64Array | undefined>;
            const sb = b.r.state as Record<string, Float64Array | undefined>;
            if (sb[key] !== undefined) sameBits(sa[key], sb[key], key);
          }
          assert.equal(a.r.records.length, b.r.records.length);
          a.r.records.forEach((rec, i) => {
            sameBits(rec.x, b.r.records[i].x, `record ${rec.step} x`);
            sameBits(rec.loss, b.r.records[i].loss, `record ${rec.step} loss`);
          });
          sameBits(a.r.average?.meanSquareX, b.r.average?.meanSquareX, 'average x²');
          assert.equal(a.next, b.next, 'stream position after the run');
        },
      ),
      { seed: 20261125, numRuns: 60 },
    );
  });

  it('updates a given initial state in place, as the generic loop does', () => {
    const lam = [1, 2];
    const results = [true, false].map((fused) => {
      const optimizer = adamW({ lr: 0.01, weightDecay: 0.1 });
      const state = optimizer.init(300, 2);
      state.v.fill(0.5);
      const r = runOptimizer({
        problem: diagonalQuadratic(lam), optimizer, noise: gaussianNoise([1, 0.5]), rng: createStream(3), paths: 300, steps: 5,
        x0: 1, initialState: state, stepOffset: 100, fused,
      });
      assert.equal(r.state, state);
      return state;
    });
    sameBits(results[0].m, results[1].m, 'm');
    sameBits(results[0].v, results[1].v, 'v');
  });

  it('report divergence at the same step with the same path count', () => {
    const runs = [true, false].map((fused) =>
      runOptimizer({
        problem: diagonalQuadratic([1, 1]), optimizer: adam({ lr: 0.1 }), noise: gaussianNoise([1, 1]), rng: createStream(9),
        paths: 50, steps: 4, x0: Float64Array.from({ length: 100 }, (_, j) => (j === 37 ? Infinity : 0.5)), fused,
      }),
    );
    assert.equal(runs[0].status, 'diverged');
    assert.deepEqual(runs[0].divergedAt, runs[1].divergedAt);
  });

  it('apply only to a declared diagonal quadratic, library Gaussian noise, a kernel optimizer and a xoshiro stream', () => {
    const base = { problem: diagonalQuadratic([1]), optimizer: signSgd(0.1), noise: gaussianNoise([1]), rng: createStream(1), paths: 2, x: new Float64Array(2), initialState: undefined };
    const run = fusedQuadraticRun(base);
    assert.ok(run !== undefined);
    run.release();
    const ownNoise = { ...gaussianNoise([1]) };
    const rejected = [
      { ...base, noise: studentTNoise([1], 3) },
      { ...base, noise: ownNoise },
      { ...base, optimizer: rmsprop({ lr: 0.1 }) },
      { ...base, problem: { ...diagonalQuadratic([1]), diagonalHessian: undefined } },
      { ...base, rng: { nextUint32: () => 0, nextDouble: () => 0, split: () => createStream(1) } },
      { ...base, noise: undefined },
    ];
    for (const options of rejected) assert.equal(fusedQuadraticRun(options as typeof base), undefined);
  });
});

describe('fused Euler–Maruyama kernels (WebAssembly) in solveSde: Gaussian SignSGD SDE, AdamW SDE', () => {
  // A fresh createEulerMaruyama() is not the default instance, so it runs the model's JS eulerStep
  // with BrownianPath increments: the reference the kernel must match bit for bit.
  const jsEuler = createEulerMaruyama();

  /** Solves with the default EM (the kernel) and with jsEuler from one seed: the same bits and stream position. */
  function sameSolve(sde: Sde, seed: number, o: Omit<SolveOptions, 'solver' | 'brownian'>): void {
    const runs = [eulerMaruyama, jsEuler].map((solver) => {
      const rng = createStream(seed);
      const brownian = new BrownianPath(rng, sde, o.paths, { fineDt: o.dt });
      return { r: solveSde(sde, { ...o, solver, brownian }), next: rng.nextUint32() };
    });
    const [a, b] = runs;
    assert.equal(a.r.status, b.r.status);
    assert.equal(a.r.steps, b.r.steps);
    sameBits(a.r.state, b.r.state, 'state');
    assert.equal(a.r.records.length, b.r.records.length);
    a.r.records.forEach((rec, i) => sameBits(rec.state, b.r.records[i].state, 'record'));
    sameBits(a.r.average?.meanSquare, b.r.average?.meanSquare, 'average');
    assert.equal(a.next, b.next, 'stream position after the run');
  }

  it('gives the JS step\'s numbers bit for bit: state, records, averages, stream position', () => {
    fc.assert(
      fc.property(
        kernelDim,
        kernelPaths,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 0.01, max: 30, noNaN: true }),
        (dim, drawnPaths, steps, seed, eta, spread) => {
          const paths = pathsFor(dim, drawnPaths);
          // spread reaches |λx/(√2 s)| ≥ 6, the branch where fastErf returns ±1.
          const lam = Array.from({ length: dim }, (_, i) => 0.25 + i);
          const sde = signSgdGaussianSde({ eta }, diagonalQuadratic(lam), gaussianNoise(Array.from({ length: dim }, (_, i) => 0.5 + 0.3 * i)));
          const initial = initialState(sde, paths, { x: Array.from({ length: dim }, (_, i) => spread * (1 - 0.7 * i)) });
          sameSolve(sde, seed, { paths, dt: eta, steps, initial, recordTimes: [eta], averageFrom: 0 });
        },
      ),
      { seed: 20261126, numRuns: 60 },
    );
  });

  it('AdamW SDE (and its Malladi variant): gives the JS step\'s numbers bit for bit, from t = 0 and from a late start', () => {
    fc.assert(
      fc.property(
        kernelDim,
        kernelPaths,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.record({
          eta: fc.double({ min: 1e-4, max: 0.2, noNaN: true }),
          beta1: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
          beta2: fc.double({ min: 0.9, max: 0.9999, noNaN: true }),
          eps: fc.constantFrom(0, 1e-8, 1e-3),
          theta: fc.constantFrom(0, 0.5),
          variant: fc.constantFrom('paper', 'malladi') as fc.Arbitrary<'paper' | 'malladi'>,
          t0: fc.constantFrom(0, 50),
        }),
        (dim, drawnPaths, steps, seed, h) => {
          const paths = pathsFor(dim, drawnPaths);
          const lam = Array.from({ length: dim }, (_, i) => 0.25 + i);
          const sde = adamWSde({ eta: h.eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps, theta: h.theta }, diagonalQuadratic(lam),
            gaussianNoise(Array.from({ length: dim }, (_, i) => 0.5 + 0.3 * i)), h.variant);
          // (m, v) starts at (0, 0), (0.3, 0.2), (0, 0.2), (0.3, 0), …: the drift's m = 0 branch and
          // m/(√v + ε) with v = 0 (infinite, so divergence, when ε = 0).
          const initial = initialState(sde, paths, {
            x: Array.from({ length: dim }, (_, i) => 1 - 0.7 * i),
            m: Array.from({ length: dim }, (_, i) => (i % 2 === 0 ? 0 : 0.3)),
            v: Array.from({ length: dim }, (_, i) => (i % 3 === 0 ? 0 : 0.2)),
          });
          sameSolve(sde, seed, { paths, dt: h.eta, steps, initial, t0: h.t0, recordTimes: [h.t0 + h.eta], averageFrom: h.t0 });
        },
      ),
      { seed: 20261203, numRuns: 60 },
    );
  });

  it('is not used with coarser steps than the Brownian path\'s, a tracked total or another SDE', () => {
    const sde = signSgdGaussianSde({ eta: 0.01 }, diagonalQuadratic([1]), gaussianNoise([1]));
    const initial = initialState(sde, 4, { x: 1 });
    assert.ok(fusedSdeRun(sde, new BrownianPath(createStream(1), sde, 4, { fineDt: 0.01 }), 1, 4, initial)?.release());
    assert.equal(fusedSdeRun(sde, new BrownianPath(createStream(1), sde, 4, { fineDt: 0.005 }), 2, 4, initial), undefined);
    assert.equal(fusedSdeRun(sde, new BrownianPath(createStream(1), sde, 4, { fineDt: 0.01, trackTotal: true }), 1, 4, initial), undefined);
    const general = signSgdGaussianSde({ eta: 0.01 }, fullQuadratic([[1]]), gaussianNoise([1]));
    assert.equal(fusedSdeRun(general, new BrownianPath(createStream(1), general, 4, { fineDt: 0.01 }), 1, 4, initial), undefined);
  });
});
