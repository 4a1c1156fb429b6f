import type { GradientTransform } from './transform.ts';
import { type BatchShape, batchShape } from './batchShape.ts';
import { validateOption } from './validateOption.ts';

/** u ← −η·u: turns a descent direction into the update added to x (Optax `scale_by_learning_rate`). */
export function scaleByLearningRate(lr: number): GradientTransform<BatchShape> {
  validateOption('scaleByLearningRate', 'lr', lr, '(0, ∞)');
  const a = -lr;
  return {
    name: `scaleByLearningRate(${lr})`,
    init: (paths, dim) => batchShape('scaleByLearningRate', paths, dim),
    update(u: Float64Array, state: BatchShape): void {
      const n = state.n;
      for (let k = 0; k < n; k++) u[k] *= a;
    },
  };
}
