import type { GradientTransform } from './transform.ts';
import { type BatchShape, batchShape } from './batchShape.ts';
import { type CoordinateValue, fillCoordinateValue, validateCoordinateValue, validateOption } from './validateOption.ts';

/** State of scaleByRms: the running average of squared gradients v (paths × dim). */
export interface RmsState extends BatchShape {
  readonly v: Float64Array;
}

export interface RmsOptions {
  /** Smoothing β ∈ [0, 1) (PyTorch `alpha`); default 0.99. */
  beta?: number;
  /** ε ≥ 0 added outside the square root; default 1e-8. */
  eps?: number;
  /** v₀ ≥ 0, a scalar or one value per coordinate; default 0. */
  v0?: CoordinateValue;
}

/**
 * PyTorch RMSprop direction: v ← βv + (1−β)g²; u = g/(√v + ε) (CLAIMS.md "Discrete algorithms").
 */
export function scaleByRms(options: RmsOptions = {}): GradientTransform<RmsState> {
  const owner = 'scaleByRms';
  const beta = validateOption(owner, 'beta', options.beta ?? 0.99, '[0, 1)');
  const eps = validateOption(owner, 'eps', options.eps ?? 1e-8, '[0, ∞)');
  const v0 = options.v0 ?? 0;
  validateCoordinateValue(owner, 'v0', v0);
  const c = 1 - beta;
  return {
    name: `scaleByRms(beta=${beta}, eps=${eps})`,
    init(paths, dim): RmsState {
      const shape = batchShape(owner, paths, dim);
      const v = new Float64Array(shape.n);
      fillCoordinateValue(owner, 'v0', v0, v, dim);
      return { ...shape, v };
    },
    update(u: Float64Array, state: RmsState): void {
      const { n, v } = state;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const vk = beta * v[k] + c * g * g;
        v[k] = vk;
        u[k] = g / (Math.sqrt(vk) + eps);
      }
    },
  };
}
