import type { GradientTransform } from './transform.ts';
import { type BatchShape, batchShape } from './batchShape.ts';
import { validateOption } from './validateOption.ts';

/**
 * u ← u + θ·x (decoupled weight decay, Optax `add_decayed_weights`). Placed before
 * scaleByLearningRate it gives PyTorch's AdamW/RMSpropW: x ← x − η·(adaptive step) − ηθx, old x.
 */
export function addDecayedWeights(weightDecay: number): GradientTransform<BatchShape> {
  validateOption('addDecayedWeights', 'weightDecay', weightDecay, '[0, ∞)');
  const th = weightDecay;
  return {
    name: `addDecayedWeights(${weightDecay})`,
    init: (paths, dim) => batchShape('addDecayedWeights', paths, dim),
    update(u: Float64Array, state: BatchShape, x: Float64Array): void {
      const n = state.n;
      for (let k = 0; k < n; k++) u[k] += th * x[k];
    },
  };
}
