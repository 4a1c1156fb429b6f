import type { Optimizer } from './optimizer.ts';
import { type BatchShape, batchShape } from './batchShape.ts';
import { scaleByLearningRate } from './scaleByLearningRate.ts';
import { validateOption } from './validateOption.ts';

/** SGD: x ← x − ηg (CLAIMS.md "Discrete algorithms"); chain(scaleByLearningRate(η)). */
export function sgd(lr: number): Optimizer<BatchShape> {
  validateOption('sgd', 'lr', lr, '(0, ∞)');
  const a = -lr;
  return {
    name: 'sgd',
    hyperparameters: { lr },
    reference: () => scaleByLearningRate(lr),
    init: (paths, dim) => batchShape('sgd', paths, dim),
    update(u: Float64Array, state: BatchShape): void {
      const n = state.n;
      for (let k = 0; k < n; k++) u[k] *= a;
    },
    advance(g: Float64Array, state: BatchShape, x: Float64Array): boolean {
      const n = state.n;
      let finite = true;
      for (let k = 0; k < n; k++) {
        const y = x[k] + g[k] * a;
        x[k] = y;
        if (y - y !== 0) finite = false;
      }
      return finite;
    },
  };
}
