import type { Optimizer } from './optimizer.ts';
import { type BatchShape, batchShape } from './batchShape.ts';
import { chain } from './chain.ts';
import { scaleBySign } from './scaleBySign.ts';
import { scaleByLearningRate } from './scaleByLearningRate.ts';
import { validateOption } from './validateOption.ts';

/**
 * SignSGD: x ← x − η·sign(g), sign(0) = 0 (CLAIMS.md "Discrete algorithms", section A).
 * Fused form of chain(scaleBySign(), scaleByLearningRate(η)).
 */
export function signSgd(lr: number): Optimizer<BatchShape> {
  validateOption('signSgd', 'lr', lr, '(0, ∞)');
  const a = -lr;
  return {
    name: 'signsgd',
    hyperparameters: { lr },
    reference: () => chain(scaleBySign(), scaleByLearningRate(lr)),
    init: (paths, dim) => batchShape('signSgd', paths, dim),
    update(u: Float64Array, state: BatchShape): void {
      const n = state.n;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        u[k] = g > 0 ? a : g < 0 ? -a : g * a;
      }
    },
  };
}
