import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OPTIMIZERS } from '../../src/optimizers/registry.ts';
import { adamW } from '../../src/optimizers/adam.ts';
import { rmsprop } from '../../src/optimizers/rmsprop.ts';
import { signSgd } from '../../src/optimizers/signSgd.ts';
import { chain } from '../../src/optimizers/chain.ts';
import { paperHyperparameters } from '../../src/optimizers/paperHyperparameters.ts';

describe('optimizer options', () => {
  it('rejects out-of-range options with a message naming option, value and range', () => {
    assert.throws(() => adamW({ beta1: 1 }), /adamw: option beta1 = 1 is outside the allowed range \[0, 1\)/);
    assert.throws(() => adamW({ lr: -1 }), /option lr = -1 .*\(0, ∞\)/);
    assert.throws(() => adamW({ weightDecay: Number.NaN }), /weightDecay = NaN/);
    assert.throws(() => rmsprop({ eps: -1e-8 }), /eps = -1e-8/);
    assert.throws(() => rmsprop({ v0: [1, -2] }), /v0\[1\] = -2/);
    assert.throws(() => signSgd(0), /lr = 0/);
    assert.throws(() => chain(), /at least one/);
  });

  it('rejects options that the optimizer does not have', () => {
    assert.throws(() => OPTIMIZERS.adam({ weightDecay: 0.1 }), /unknown option weightDecay/);
    assert.throws(() => OPTIMIZERS.sgd({ lr: 0.1, beta: 0.9 }), /unknown option beta/);
    assert.throws(() => OPTIMIZERS.signsgd({}), /lr is required/);
  });

  it('applies PyTorch defaults and records the hyperparameters', () => {
    assert.deepEqual(OPTIMIZERS.adamw({}).hyperparameters, { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 });
    assert.deepEqual(OPTIMIZERS.rmsprop({}).hyperparameters, { lr: 0.01, beta: 0.99, eps: 1e-8, v0: 0 });
  });

  it('starts RMSprop from a per-coordinate v0 and checks its length against dim', () => {
    const opt = rmsprop({ lr: 0.1, beta: 0.5, eps: 0, v0: [1, 4] });
    const st = opt.init(2, 2);
    assert.deepEqual([...st.v], [1, 4, 1, 4]);
    const u = Float64Array.from([2, 0, 2, 0]);
    opt.update(u, st, new Float64Array(4), 1);
    assert.deepEqual([...st.v], [2.5, 2, 2.5, 2]);
    assert.equal(u[0], (2 / Math.sqrt(2.5)) * -0.1);
    assert.throws(() => opt.init(1, 3), /v0 has length 2, expected dim = 3/);
  });

  it('maps the paper rates to betas and rejects rates that leave [0, 1)', () => {
    assert.deepEqual(paperHyperparameters({ eta: 1e-3, rho1: 100, rho2: 1 }), { lr: 1e-3, beta1: 1 - 0.1, beta2: 1 - 1e-3 });
    assert.deepEqual(paperHyperparameters({ eta: 0.5, rho: 2 }), { lr: 0.5, beta: 0 });
    assert.throws(() => paperHyperparameters({ eta: 0.1, rho: 20 }), /rho = 20 gives beta = .* outside the allowed range \[0, 1\)/);
    assert.throws(() => paperHyperparameters({ eta: 0.1, rho1: 0 }), /rho1 = 0/);
    assert.throws(() => paperHyperparameters({ eta: 0, rho: 1 }), /eta = 0/);
  });
});
