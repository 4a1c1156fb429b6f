import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Problem } from '../../src/problems/problem.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { fullQuadratic } from '../../src/problems/fullQuadratic.ts';
import { saddle } from '../../src/problems/saddle.ts';
import { PROBLEMS } from '../../src/problems/registry.ts';

const SEED = 20250101;
const coord = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true });

/**
 * Largest |analytic − central FD| / (1 + |analytic|) over every coordinate of every path.
 * Step h = 1e-5: truncation h²|f'''|/6 ≲ 1e-9 on |x| ≤ 3, rounding ε|f|/h ≲ 1e-10.
 */
function gradientError(problem: Problem, x: Float64Array, paths: number): number {
  const { dim } = problem;
  const g = new Float64Array(paths * dim);
  problem.gradient(x, paths, g);
  const h = 1e-5;
  const fp = new Float64Array(paths);
  const fm = new Float64Array(paths);
  const xp = Float64Array.from(x);
  let worst = 0;
  for (let i = 0; i < dim; i++) {
    for (let p = 0; p < paths; p++) xp[p * dim + i] = x[p * dim + i] + h;
    problem.value(xp, paths, fp);
    for (let p = 0; p < paths; p++) xp[p * dim + i] = x[p * dim + i] - h;
    problem.value(xp, paths, fm);
    for (let p = 0; p < paths; p++) {
      xp[p * dim + i] = x[p * dim + i];
      const fd = (fp[p] - fm[p]) / (2 * h);
      worst = Math.max(worst, Math.abs(g[p * dim + i] - fd) / (1 + Math.abs(fd)));
    }
  }
  return worst;
}

const randomSpd = (n: number, entries: number[], shift: number): number[][] => {
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => entries[(i * n + j) % entries.length]));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = i === j ? shift : 0;
      for (let k = 0; k < n; k++) s += A[i][k] * A[j][k];
      return s;
    }),
  );
};

const cases: { name: string; arb: fc.Arbitrary<Problem> }[] = [
  {
    name: 'diagonalQuadratic',
    arb: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }).map((l) => diagonalQuadratic(l)),
  },
  {
    name: 'fullQuadratic',
    arb: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 25 }))
      .map(([n, e]) => fullQuadratic(randomSpd(n, e, 0.1))),
  },
  { name: 'saddle', arb: fc.integer({ min: 1, max: 6 }).map((d) => saddle(d)) },
];

describe('problems', () => {
  for (const { name, arb } of cases) {
    it(`${name}: gradient matches central finite differences at random batched points`, () => {
      fc.assert(
        fc.property(arb, fc.integer({ min: 1, max: 4 }), fc.array(coord, { minLength: 24, maxLength: 24 }), (problem, paths, xs) => {
          const x = Float64Array.from({ length: paths * problem.dim }, (_, k) => xs[k % xs.length] * (1 + 0.1 * k));
          assert.ok(gradientError(problem, x, paths) < 1e-6);
        }),
        { seed: SEED, numRuns: 200 },
      );
    });

    it(`${name}: value at the minimiser is 0 and non-negative elsewhere`, () => {
      fc.assert(
        fc.property(arb, (problem) => {
          const out = new Float64Array(2);
          const xs = new Float64Array(2 * problem.dim);
          xs.set(problem.minimiser!, 0);
          xs.set(problem.minimiser!.map((v) => v + 0.5), problem.dim);
          problem.value(xs, 2, out);
          assert.equal(out[0], 0);
          assert.ok(out[1] >= 0);
        }),
        { seed: SEED, numRuns: 100 },
      );
    });
  }

  it('the finite-difference check rejects a gradient that is 1% off', () => {
    const good = diagonalQuadratic([1, 2, 3]);
    const bad: Problem = {
      ...good,
      gradient(x, paths, grad) {
        good.gradient(x, paths, grad);
        for (let k = 0; k < paths * 3; k++) grad[k] *= 1.01;
      },
    };
    const x = Float64Array.from([0.5, -1, 2, 1.5, 0.3, -2]);
    assert.ok(gradientError(good, x, 2) < 1e-6);
    assert.ok(gradientError(bad, x, 2) > 1e-3);
  });

  it('diagonalQuadratic computes ½Σλx² and λx', () => {
    const p = diagonalQuadratic([2, 4]);
    const out = new Float64Array(1);
    const g = new Float64Array(2);
    p.value(Float64Array.from([1, 0.5]), 1, out);
    p.gradient(Float64Array.from([1, 0.5]), 1, g);
    assert.equal(out[0], 0.5 * 2 + 0.5 * 4 * 0.25);
    assert.deepEqual([...g], [2, 2]);
  });

  it('fullQuadratic computes ½xᵀHx with a non-diagonal H', () => {
    const p = fullQuadratic([[2, 1], [1, 3]]);
    const out = new Float64Array(1);
    p.value(Float64Array.from([1, -1]), 1, out);
    assert.equal(out[0], 0.5 * (2 - 1 - 1 + 3));
  });

  it('saddle has f* = 0 at x_i = ±1, a maximum d/4 at 0 and saddles at mixed points', () => {
    const p = saddle(2);
    const out = new Float64Array(3);
    const g = new Float64Array(6);
    const x = Float64Array.from([-1, 1, 0, 0, 0, 1]);
    p.value(x, 3, out);
    p.gradient(x, 3, g);
    assert.deepEqual([...out], [0, 0.5, 0.25]);
    assert.ok(g.every((v) => v === 0));
  });

  it('rejects invalid definitions with a message naming the value', () => {
    assert.throws(() => diagonalQuadratic([1, -1]), /lam\[1\] = -1/);
    assert.throws(() => diagonalQuadratic([]), /length/);
    assert.throws(() => fullQuadratic([[1, 2], [0, 1]]), /symmetric/);
    assert.throws(() => fullQuadratic([[1, 2], [2, 1]]), /positive definite/);
    assert.throws(() => fullQuadratic([[1, 0]]), /square/);
    assert.throws(() => saddle(0), /dim/);
  });

  it('the registry builds each problem from its conventional parameters', () => {
    assert.equal(PROBLEMS.quadratic({ lam: [1, 2] }).dim, 2);
    assert.equal(PROBLEMS['quadratic-full']({ H: [[1]] }).dim, 1);
    assert.equal(PROBLEMS.saddle({ d: 3 }).dim, 3);
    assert.throws(() => PROBLEMS.quadratic({}), /lam is required/);
  });
});
