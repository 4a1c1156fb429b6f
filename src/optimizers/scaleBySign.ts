import type { GradientTransform } from './transform.ts';
import { type BatchShape, batchShape } from './batchShape.ts';

/** u_i ← sign(u_i), with sign(0) = 0 (torch.sign). The direction of SignSGD (CLAIMS.md A). */
export function scaleBySign(): GradientTransform<BatchShape> {
  return {
    name: 'scaleBySign',
    init: (paths, dim) => batchShape('scaleBySign', paths, dim),
    update(u: Float64Array, state: BatchShape): void {
      const n = state.n;
      for (let k = 0; k < n; k++) {
        const g = u[k];
        u[k] = g === 0 || g !== g ? g : +(g > 0) - +(g < 0);
      }
    },
  };
}
