import type { GradientTransform } from './transform.ts';
import { type BatchShape, batchShape } from './batchShape.ts';
import { validateOption } from './validateOption.ts';

/** State of scaleByAdam: first and second moment averages m, v (paths × dim). */
export interface AdamState extends BatchShape {
  readonly m: Float64Array;
  readonly v: Float64Array;
}

export interface AdamOptions {
  /** β₁ ∈ [0, 1); default 0.9. */
  beta1?: number;
  /** β₂ ∈ [0, 1); default 0.999. */
  beta2?: number;
  /** ε ≥ 0 added outside the square root; default 1e-8. */
  eps?: number;
}

/**
 * PyTorch Adam direction at step k (1-based):
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵏ);  v̂ = v/(1−β₂ᵏ);  u = m̂/(√v̂ + ε).
 * Evaluated as PyTorch does: (m/(1−β₁ᵏ)) / (√v/√(1−β₂ᵏ) + ε). m₀ = v₀ = 0. CLAIMS.md B2.
 */
export function scaleByAdam(options: AdamOptions = {}): GradientTransform<AdamState> {
  const owner = 'scaleByAdam';
  const beta1 = validateOption(owner, 'beta1', options.beta1 ?? 0.9, '[0, 1)');
  const beta2 = validateOption(owner, 'beta2', options.beta2 ?? 0.999, '[0, 1)');
  const eps = validateOption(owner, 'eps', options.eps ?? 1e-8, '[0, ∞)');
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  return {
    name: `scaleByAdam(beta1=${beta1}, beta2=${beta2}, eps=${eps})`,
    init(paths, dim): AdamState {
      const shape = batchShape(owner, paths, dim);
      return { ...shape, m: new Float64Array(shape.n), v: new Float64Array(shape.n) };
    },
    update(u: Float64Array, state: AdamState, _x: Float64Array, step: number): void {
      const { n, m, v } = state;
      const inv1 = 1 / (1 - Math.pow(beta1, step));
      const invSqrt2 = 1 / Math.sqrt(1 - Math.pow(beta2, step));
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const mk = beta1 * m[k] + c1 * g;
        const vk = beta2 * v[k] + c2 * g * g;
        m[k] = mk;
        v[k] = vk;
        u[k] = (mk * inv1) / (Math.sqrt(vk) * invSqrt2 + eps);
      }
    },
  };
}
