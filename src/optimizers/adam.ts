import type { Optimizer } from './optimizer.ts';
import { chain } from './chain.ts';
import { addDecayedWeights } from './addDecayedWeights.ts';
import { scaleByLearningRate } from './scaleByLearningRate.ts';
import { type AdamState, scaleByAdam } from './scaleByAdam.ts';
import { rejectUnknownOptions, validateOption } from './validateOption.ts';

export interface AdamOptimizerOptions {
  /** Learning rate η > 0; default 1e-3 (PyTorch). */
  lr?: number;
  /** β₁ ∈ [0, 1); default 0.9. With the paper's ρ₁: β₁ = 1 − ηρ₁. */
  beta1?: number;
  /** β₂ ∈ [0, 1); default 0.999. With the paper's ρ₂: β₂ = 1 − ηρ₂. */
  beta2?: number;
  /** ε ≥ 0, outside the square root; default 1e-8. */
  eps?: number;
}

export interface AdamWOptions extends AdamOptimizerOptions {
  /** Decoupled weight decay θ ≥ 0; default 0.01 (PyTorch AdamW). */
  weightDecay?: number;
}

/**
 * AdamW (PyTorch semantics, CLAIMS.md "Discrete algorithms", B2), step k = 1, 2, …:
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵏ);  v̂ = v/(1−β₂ᵏ);
 *   x ← x − η·m̂/(√v̂ + ε) − ηθx   (old x).
 * Fused form of chain(scaleByAdam, addDecayedWeights(θ), scaleByLearningRate(η)).
 */
export function adamW(options: AdamWOptions = {}): Optimizer<AdamState> {
  return build('adamw', options, ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'], options.weightDecay ?? 0.01);
}

/** Adam: AdamW with θ = 0 (PyTorch Adam without L2 weight decay or amsgrad). */
export function adam(options: AdamOptimizerOptions = {}): Optimizer<AdamState> {
  return build('adam', options, ['lr', 'beta1', 'beta2', 'eps'], 0);
}

function build(name: 'adam' | 'adamw', options: AdamWOptions, known: string[], weightDecay: number): Optimizer<AdamState> {
  rejectUnknownOptions(name, options, known);
  const lr = validateOption(name, 'lr', options.lr ?? 1e-3, '(0, ∞)');
  const th = validateOption(name, 'weightDecay', weightDecay, '[0, ∞)');
  const adamOptions = { beta1: options.beta1 ?? 0.9, beta2: options.beta2 ?? 0.999, eps: options.eps ?? 1e-8 };
  const beta1 = validateOption(name, 'beta1', adamOptions.beta1, '[0, 1)');
  const beta2 = validateOption(name, 'beta2', adamOptions.beta2, '[0, 1)');
  const eps = validateOption(name, 'eps', adamOptions.eps, '[0, ∞)');
  const inner = scaleByAdam(adamOptions);
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  const a = -lr;
  const decoupled = name === 'adamw';
  return {
    name,
    hyperparameters: name === 'adamw' ? { lr, ...adamOptions, weightDecay: th } : { lr, ...adamOptions },
    kernel: { kind: 'adam', lr, beta1, beta2, eps, weightDecay: th, decoupled },
    reference: () =>
      name === 'adamw'
        ? chain(scaleByAdam(adamOptions), addDecayedWeights(th), scaleByLearningRate(lr))
        : chain(scaleByAdam(adamOptions), scaleByLearningRate(lr)),
    init: (paths, dim) => inner.init(paths, dim),
    update(u: Float64Array, state: AdamState, x: Float64Array, step: number): void {
      const { n, m, v } = state;
      const inv1 = 1 / (1 - Math.pow(beta1, step));
      const invSqrt2 = 1 / Math.sqrt(1 - Math.pow(beta2, step));
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const mk = beta1 * m[k] + c1 * g;
        const vk = beta2 * v[k] + c2 * g * g;
        m[k] = mk;
        v[k] = vk;
        const d = (mk * inv1) / (Math.sqrt(vk) * invSqrt2 + eps);
        u[k] = (decoupled ? d + th * x[k] : d) * a;
      }
    },
    advance(u: Float64Array, state: AdamState, x: Float64Array, step: number): boolean {
      const { n, m, v } = state;
      const inv1 = 1 / (1 - Math.pow(beta1, step));
      const invSqrt2 = 1 / Math.sqrt(1 - Math.pow(beta2, step));
      let finite = true;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const mk = beta1 * m[k] + c1 * g;
        const vk = beta2 * v[k] + c2 * g * g;
        m[k] = mk;
        v[k] = vk;
        const d = (mk * inv1) / (Math.sqrt(vk) * invSqrt2 + eps);
        const xk = x[k];
        const y = xk + (decoupled ? d + th * xk : d) * a;
        x[k] = y;
        if (y - y !== 0) finite = false;
      }
      return finite;
    },
  };
}
