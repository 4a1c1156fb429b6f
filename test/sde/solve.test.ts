import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { solveSde } from '../../src/sde/solve.ts';
import { BrownianPath } from '../../src/sde/brownian.ts';
import { initialState, type Sde } from '../../src/sde/sde.ts';
import { createEulerMaruyama, eulerMaruyama } from '../../src/sde/eulerMaruyama.ts';
import { platenWeak2 } from '../../src/sde/platenWeak2.ts';
import { signSgdGaussianSde } from '../../src/sde/models/signSgdGaussian.ts';
import { signSgdGeneralSde } from '../../src/sde/models/signSgd.ts';
import { diagonalQuadratic } from '../../src/problems/diagonalQuadratic.ts';
import { createStream } from '../../src/random/xoshiro.ts';
import { gaussianNoise } from '../../src/noise/gaussian.ts';
import { sgdSde } from '../../src/sde/models/sgd.ts';
import { adamWSde } from '../../src/sde/models/adamW.ts';
import { rmspropWSde } from '../../src/sde/models/rmspropW.ts';

/** dY = c·Y^power dt, no noise (power 1: decay for c < 0; power 2: blow-up at t = 1/(c·y₀)). */
function ode(c: number, power: 1 | 2): Sde {
  return {
    name: 'ode', dim: 1, components: ['y'], noisy: [false],
    drift(_t, s, paths, out) { for (let p = 0; p < paths; p++) out[p] = c * (power === 1 ? s[p] : s[p] * s[p]); },
    diffusion(_t, _s, paths, out) { out.fill(0, 0, paths); },
  };
}
const brownian = (sde: Sde, paths: number, fineDt: number, seed = 1) => new BrownianPath(createStream(seed), sde, paths, { fineDt });

describe('solveSde', () => {
  it('reproduces Euler and Heun recursions exactly on a linear ODE', () => {
    const sde = ode(-1, 1);
    const em = solveSde(sde, { paths: 2, dt: 0.1, steps: 10, initial: Float64Array.of(1, 2), brownian: brownian(sde, 2, 0.1) });
    assert.equal(em.status, 'ok');
    assert.ok(Math.abs(em.state[0] - 0.9 ** 10) < 1e-15);
    assert.ok(Math.abs(em.state[1] - 2 * 0.9 ** 10) < 1e-15);
    const heun = solveSde(sde, { solver: platenWeak2, paths: 1, dt: 0.1, steps: 10, initial: Float64Array.of(1), brownian: brownian(sde, 1, 0.1) });
    assert.ok(Math.abs(heun.state[0] - (1 - 0.1 + 0.005) ** 10) < 1e-15);
  });

  it('records chosen grid times and time-averages after the burn-in', () => {
    const sde = ode(-1, 1);
    const r = solveSde(sde, {
      paths: 1, dt: 0.5, steps: 4, initial: Float64Array.of(16), brownian: brownian(sde, 1, 0.5),
      recordTimes: [0, 1, 2], averageFrom: 1,
    });
    assert.deepEqual(r.records.map((x) => [x.t, x.state[0]]), [[0, 16], [1, 4], [2, 1]]);
    // grid states at t = 1, 1.5, 2: 4, 2, 1.
    assert.equal(r.average?.samples, 3);
    assert.ok(Math.abs((r.average?.mean[0] ?? NaN) - 7 / 3) < 1e-15);
    assert.equal(r.average?.meanSquare[0], 7);
  });

  it('returns divergence as a result with the step at which the state stopped being finite', () => {
    const sde = ode(1, 2);
    const r = solveSde(sde, { paths: 1, dt: 0.25, steps: 100, initial: Float64Array.of(1), brownian: brownian(sde, 1, 0.25) });
    assert.equal(r.status, 'diverged');
    assert.ok(r.divergedAt !== undefined && r.divergedAt.step < 100 && r.divergedAt.t === r.t);
    assert.equal(r.steps, r.divergedAt?.step);
  });

  it('rejects record times off the grid and an initial state of the wrong length', () => {
    const sde = ode(-1, 1);
    const base = { paths: 1, dt: 0.1, steps: 10, initial: Float64Array.of(1), brownian: brownian(sde, 1, 0.1) };
    assert.throws(() => solveSde(sde, { ...base, recordTimes: [0.25] }), /recordTimes\[0\] = 0.25 is not a grid time/);
    assert.throws(() => solveSde(sde, { ...base, initial: new Float64Array(2) }), /initial has length 2/);
    assert.throws(() => solveSde(sde, { ...base, dt: 0.15 }), /not a positive integer multiple/);
  });

  it('does not mutate the initial state', () => {
    const sde = ode(-1, 1);
    const initial = Float64Array.of(3);
    solveSde(sde, { paths: 1, dt: 0.1, steps: 5, initial, brownian: brownian(sde, 1, 0.1) });
    assert.equal(initial[0], 3);
  });

  it('gives the same paths with the fused and the generic Euler–Maruyama step', () => {
    const problem = diagonalQuadratic([1, 4, 0.25]);
    const noise = gaussianNoise([1, 0.5, 2]);
    for (const sde of [signSgdGaussianSde({ eta: 0.01 }, problem, noise), signSgdGeneralSde({ eta: 0.01 }, problem, noise)]) {
      const run = (fused: boolean) => solveSde(sde, {
        solver: createEulerMaruyama({ fused }), paths: 200, dt: 0.01, steps: 50,
        initial: initialState(sde, 200, { x: [1, -2, 0.5] }), brownian: brownian(sde, 200, 0.01, 9),
      }).state;
      const a = run(true);
      const b = run(false);
      for (let j = 0; j < a.length; j++) assert.ok(Math.abs(a[j] - b[j]) < 1e-13, `${sde.name} entry ${j}`);
    }
    assert.equal(eulerMaruyama.weakOrder, 1);
  });

  it('Platen with additive noise reuses b(t, Y): the same bits as evaluating b at the shifted states', () => {
    const problem = diagonalQuadratic([1, 4, 0.25]);
    const noise = gaussianNoise([1, 0.5, 2]);
    const run = (sde: Sde) => solveSde(sde, {
      solver: platenWeak2, paths: 100, dt: 0.01, steps: 40,
      initial: initialState(sde, 100, { x: [1, -2, 0.5], ...(sde.components.includes('v') ? { v: [0.1, 0.2, 0.3] } : {}) }),
      brownian: brownian(sde, 100, 0.01, 4),
    }).state;
    const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));
    for (const sde of [sgdSde({ eta: 0.01 }, problem, noise), adamWSde({ eta: 0.01, theta: 0.1 }, problem, noise)]) {
      assert.equal(sde.additiveNoise, true, sde.name);
      assert.deepEqual(bits(run(sde)), bits(run({ ...sde, additiveNoise: false })), sde.name);
    }
    // The shortcut is wrong where b depends on the state (RMSprop's b_X on V): the test can tell.
    const rmsprop = rmspropWSde({ eta: 0.01 }, problem, noise);
    assert.notDeepEqual(bits(run(rmsprop)), bits(run({ ...rmsprop, additiveNoise: true })));
  });
});
