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
    kernel: { kind: 'signsgd', lr },
    reference: () => chain(scaleBySign(), scaleByLearningRate(lr)),
    init: (paths, dim) => batchShape('signSgd', paths, dim),
    update(u: Float64Array, state: BatchShape): void {
      const n = state.n;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        // +(g > 0) − +(g < 0) compiles without a branch (random signs would mispredict one);
        // the rare zero/NaN branch keeps sign(±0) = ±0 and sign(NaN) = NaN.
        u[k] = g === 0 || g !== g ? g * a : (+(g > 0) - +(g < 0)) * a;
      }
    },
    advance(u: Float64Array, state: BatchShape, x: Float64Array): boolean {
      const n = state.n;
      let finite = true;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        const y = x[k] + (g === 0 || g !== g ? g * a : (+(g > 0) - +(g < 0)) * a);
        x[k] = y;
        if (y - y !== 0) finite = false;
      }
      return finite;
    },
  };
}
