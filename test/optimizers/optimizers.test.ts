import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OPTIMIZERS } from '../../src/optimizers/registry.ts';
import type { GradientTransform } from '../../src/optimizers/transform.ts';
import { type Algo, type Hyper, type Variant, optionsFor, referenceStep } from './scalarReference.ts';

const SEED = 424242;
const ALGOS: Algo[] = ['sgd', 'signsgd', 'rmsprop', 'rmspropw', 'adam', 'adamw'];

const hyperArb: fc.Arbitrary<Hyper> = fc.record({
  lr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
  beta: fc.double({ min: 0, max: 0.999, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.999, noNaN: true }),
  beta2: fc.double({ min: 0, max: 0.9999, noNaN: true }),
  eps: fc.oneof(fc.constant(0), fc.double({ min: 1e-10, max: 0.1, noNaN: true })),
  weightDecay: fc.double({ min: 0, max: 10, noNaN: true }),
  v0: fc.double({ min: 0, max: 4, noNaN: true }),
});

interface Scenario {
  hyper: Hyper;
  paths: number;
  dim: number;
  x0: number[];
  grads: number[][];
}

/** Gradients are 0 or of magnitude [1e-6, 10]: subnormal g² would turn g/(√v + 0) into ±∞ in both implementations. */
const gradValue = fc.oneof(
  fc.double({ min: 1e-6, max: 10, noNaN: true }),
  fc.double({ min: -10, max: -1e-6, noNaN: true }),
  fc.constant(0),
);
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ hyper: hyperArb, paths: fc.integer({ min: 1, max: 3 }), dim: fc.integer({ min: 1, max: 3 }), steps: fc.integer({ min: 1, max: 8 }) })
  .chain(({ hyper, paths, dim, steps }) =>
    fc.record({
      hyper: fc.constant(hyper),
      paths: fc.constant(paths),
      dim: fc.constant(dim),
      x0: fc.array(fc.oneof(fc.double({ min: 1e-6, max: 5, noNaN: true }), fc.double({ min: -5, max: -1e-6, noNaN: true }), fc.constant(0)), { minLength: paths * dim, maxLength: paths * dim }),
      grads: fc.array(fc.array(gradValue, { minLength: paths * dim, maxLength: paths * dim }), { minLength: steps, maxLength: steps }),
    }),
  );

/** Runs a transform on the given gradient sequence; returns x after each step (x ← x + u). */
function runTransform(t: GradientTransform<any>, s: Scenario): Float64Array[] {
  const n = s.paths * s.dim;
  const state = t.init(s.paths, s.dim);
  const x = Float64Array.from(s.x0);
  const u = new Float64Array(n);
  const out: Float64Array[] = [];
  s.grads.forEach((g, j) => {
    u.set(g);
    t.update(u, state, x, j + 1);
    for (let k = 0; k < n; k++) x[k] += u[k];
    out.push(Float64Array.from(x));
  });
  return out;
}

/**
 * The largest discrepancy between the library and the scalar reference, relative to the scale of
 * the coordinate's trajectory so far (max |x| over the steps: rounding errors accumulate on that
 * scale, including after cancellation to ≈ 0): a few 1e-16 when they agree.
 */
function discrepancy(algo: Algo, s: Scenario, variant: Variant): number {
  const xs = runTransform(OPTIMIZERS[algo](optionsFor(algo, s.hyper)), s);
  let worst = 0;
  for (let k = 0; k < s.paths * s.dim; k++) {
    const st = { m: 0, v: algo.startsWith('rmsprop') ? s.hyper.v0 : 0 };
    let x = s.x0[k];
    let scale = Math.abs(x);
    s.grads.forEach((g, j) => {
      const xNew = referenceStep(algo, s.hyper, st, x, g[k], j + 1, variant);
      const got = xs[j][k];
      scale = Math.max(scale, Math.abs(xNew));
      const err = got === xNew || (Number.isNaN(got) && Number.isNaN(xNew)) ? 0 : Math.abs(got - xNew) / scale;
      worst = Math.max(worst, Number.isNaN(err) ? Infinity : err);
      x = xNew;
    });
  }
  return worst;
}

/** With ε = 0 a zero gradient makes the adaptive step 0/0 (or m/0 later): excluded, as in PyTorch it yields NaN/∞. */
const validScenario = (s: Scenario): boolean => s.hyper.eps > 0 || s.grads.every((g) => g.every((v) => v !== 0));
/** Shrinking is capped so a failure reports within seconds. */
const RUN = { seed: SEED, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true };

describe('optimizers against the scalar PyTorch reference', () => {
  for (const algo of ALGOS) {
    it(`${algo}: every step matches the reference to 1e-12 relative, bias correction included`, () => {
      fc.assert(
        fc.property(scenarioArb.filter(validScenario), (s) => {
          assert.ok(discrepancy(algo, s, 'correct') < 1e-12);
        }),
        { ...RUN, numRuns: 300 },
      );
    });

    it(`${algo}: the fused update equals its chain of primitive transforms bit for bit`, () => {
      fc.assert(
        fc.property(scenarioArb.filter(validScenario), (s) => {
          const opt = OPTIMIZERS[algo](optionsFor(algo, s.hyper));
          assert.deepEqual(runTransform(opt, s), runTransform(opt.reference(), s));
        }),
        { ...RUN, numRuns: 100 },
      );
    });

    it(`${algo}: advance (fused step) equals update followed by x += u bit for bit`, () => {
      fc.assert(
        fc.property(scenarioArb.filter(validScenario), (s) => {
          const opt = OPTIMIZERS[algo](optionsFor(algo, s.hyper));
          const state = opt.init(s.paths, s.dim);
          const x = Float64Array.from(s.x0);
          const xs: Float64Array[] = [];
          s.grads.forEach((g, j) => {
            const finite = opt.advance(Float64Array.from(g), state, x, j + 1);
            assert.equal(finite, x.every(Number.isFinite));
            xs.push(Float64Array.from(x));
          });
          assert.deepEqual(xs, runTransform(opt, s));
        }),
        { ...RUN, numRuns: 100 },
      );
    });

    it(`${algo}: advance reports a non-finite x`, () => {
      const opt = OPTIMIZERS[algo](optionsFor(algo, { lr: 0.1, beta: 0.9, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.1, v0: 0 }));
      const state = opt.init(2, 1);
      const x = Float64Array.from([1, Number.POSITIVE_INFINITY]);
      assert.equal(opt.advance(Float64Array.from([0.5, 0.5]), state, x, 1), false);
      assert.equal(opt.advance(Float64Array.from([0.5, 0.5]), opt.init(2, 1), Float64Array.from([1, 2]), 1), true);
    });

    it(`${algo}: P paths in one batch give the same trajectories as each path alone`, () => {
      fc.assert(
        fc.property(scenarioArb.filter(validScenario), (s) => {
          const make = () => OPTIMIZERS[algo](optionsFor(algo, s.hyper));
          const batch = runTransform(make(), s);
          for (let p = 0; p < s.paths; p++) {
            const row = (a: number[]) => a.slice(p * s.dim, (p + 1) * s.dim);
            const alone = runTransform(make(), { ...s, paths: 1, x0: row(s.x0), grads: s.grads.map(row) });
            alone.forEach((xa, j) => assert.deepEqual(xa, batch[j].slice(p * s.dim, (p + 1) * s.dim)));
          }
        }),
        { ...RUN, numRuns: 100 },
      );
    });
  }

  const mutants: [Algo, Variant][] = [
    ['rmsprop', 'eps-inside-sqrt'],
    ['rmspropw', 'eps-inside-sqrt'],
    ['adam', 'eps-inside-sqrt'],
    ['adamw', 'eps-inside-sqrt'],
    ['adam', 'no-bias-correction'],
    ['adamw', 'no-bias-correction'],
  ];
  for (const [algo, variant] of mutants) {
    it(`${algo}: a reference with ${variant} is detected as different`, () => {
      const result = fc.check(
        fc.property(scenarioArb.filter(validScenario), (s) => discrepancy(algo, s, variant) < 1e-12),
        { seed: SEED, numRuns: 300, endOnFailure: true },
      );
      assert.equal(result.failed, true);
      assert.notEqual(result.counterexample, null);
    });
  }
});
