import type { Optimizer } from './optimizer.ts';
import { chain } from './chain.ts';
import { addDecayedWeights } from './addDecayedWeights.ts';
import { scaleByLearningRate } from './scaleByLearningRate.ts';
import { type RmsState, scaleByRms } from './scaleByRms.ts';
import { type CoordinateValue, rejectUnknownOptions, validateOption } from './validateOption.ts';

export interface RmspropOptions {
  /** Learning rate η > 0; default 0.01 (PyTorch). */
  lr?: number;
  /** Smoothing β ∈ [0, 1) (PyTorch `alpha`); default 0.99. With the paper's ρ: β = 1 − ηρ. */
  beta?: number;
  /** ε ≥ 0, outside the square root; default 1e-8. */
  eps?: number;
  /** v₀ ≥ 0 (scalar or per coordinate); default 0. */
  v0?: CoordinateValue;
}

export interface RmspropWOptions extends RmspropOptions {
  /** Decoupled weight decay θ ≥ 0; default 0.01. */
  weightDecay?: number;
}

/**
 * RMSpropW (PyTorch semantics, weight decay multiplied by the learning rate, CLAIMS.md B1):
 *   v ← βv + (1−β)g²;  x ← x − η·g/(√v + ε) − ηθx   (old x).
 * Fused form of chain(scaleByRms, addDecayedWeights(θ), scaleByLearningRate(η)).
 */
export function rmspropW(options: RmspropWOptions = {}): Optimizer<RmsState> {
  return build('rmspropw', options, ['lr', 'beta', 'eps', 'v0', 'weightDecay'], options.weightDecay ?? 0.01);
}

/** RMSprop: RMSpropW with θ = 0 (PyTorch RMSprop without momentum or centring). */
export function rmsprop(options: RmspropOptions = {}): Optimizer<RmsState> {
  return build('rmsprop', options, ['lr', 'beta', 'eps', 'v0'], 0);
}

function build(name: 'rmsprop' | 'rmspropw', options: RmspropWOptions, known: string[], weightDecay: number): Optimizer<RmsState> {
  rejectUnknownOptions(name, options, known);
  const lr = validateOption(name, 'lr', options.lr ?? 0.01, '(0, ∞)');
  const th = validateOption(name, 'weightDecay', weightDecay, '[0, ∞)');
  const rmsOptions = { beta: options.beta ?? 0.99, eps: options.eps ?? 1e-8, v0: options.v0 ?? 0 };
  const beta = validateOption(name, 'beta', rmsOptions.beta, '[0, 1)');
  const eps = validateOption(name, 'eps', rmsOptions.eps, '[0, ∞)');
  const rms = scaleByRms(rmsOptions);
  const c = 1 - beta;
  const a = -lr;
  const decoupled = name === 'rmspropw';
  return {
    name,
    hyperparameters: name === 'rmspropw' ? { lr, ...rmsOptions, weightDecay: th } : { lr, ...rmsOptions },
    reference: () =>
      name === 'rmspropw'
        ? chain(scaleByRms(rmsOptions), addDecayedWeights(th), scaleByLearningRate(lr))
        : chain(scaleByRms(rmsOptions), scaleByLearningRate(lr)),
    init: (paths, dim) => rms.init(paths, dim),
    update(u: Float64Array, state: RmsState, x: Float64Array): void {
      const { n, v } = state;
      if (!decoupled) {
        for (let k = 0; k < n; k++) {
          const g = u[k];
          const vk = beta * v[k] + c * g * g;
          v[k] = vk;
          u[k] = (g / (Math.sqrt(vk) + eps)) * a;
        }
        return;
      }
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const vk = beta * v[k] + c * g * g;
        v[k] = vk;
        u[k] = (g / (Math.sqrt(vk) + eps) + th * x[k]) * a;
      }
    },
    advance(u: Float64Array, state: RmsState, x: Float64Array): boolean {
      const { n, v } = state;
      let finite = true;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const vk = beta * v[k] + c * g * g;
        v[k] = vk;
        const xk = x[k];
        const y = xk + (decoupled ? g / (Math.sqrt(vk) + eps) + th * xk : g / (Math.sqrt(vk) + eps)) * a;
        x[k] = y;
        if (y - y !== 0) finite = false;
      }
      return finite;
    },
  };
}
