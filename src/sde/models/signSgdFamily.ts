import type { Problem } from '../../problems/problem.ts';
import type { Sde } from '../sde.ts';
import { gradientScratch } from './coordinateNoise.ts';

/**
 * The common shape of every SignSGD SDE (CLAIMS A1–A3, A8, A9): per coordinate, with
 * m_i(g) ≈ E[sign(g + Z_i)] the model's mean sign at gradient g = ∂_i f(X),
 *
 *   dX_i = −m_i(g) dt + √η · √(1 − m_i(g)²) dW_i.
 *
 * The radicand is clipped at 0: exact mean signs satisfy |m| ≤ 1, but the linearised Phase-3
 * models (m = κ·g/s) leave that range for |g/s| > 1/κ, where they are no longer meant to hold.
 */
export function signSgdSde(
  name: string,
  problem: Problem,
  eta: number,
  meanSign: (g: number, i: number) => number,
): Sde {
  const dim = problem.dim;
  const sqrtEta = Math.sqrt(eta);
  const gradient = gradientScratch(problem);
  return {
    name,
    dim,
    components: ['x'],
    noisy: [true],
    drift(_t, state, paths, out) {
      const g = gradient(state, paths);
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) out[o + i] = -meanSign(g[o + i], i);
      }
    },
    diffusion(_t, state, paths, out) {
      const g = gradient(state, paths);
      for (let p = 0, o = 0; p < paths; p++, o += dim) {
        for (let i = 0; i < dim; i++) {
          const m = meanSign(g[o + i], i);
          out[o + i] = sqrtEta * Math.sqrt(Math.max(0, 1 - m * m));
        }
      }
    },
    eulerStep(_t, dt, state, dW, paths, dWScale) {
      return eulerLoop(state, dW, gradient(state, paths), paths, dim, sqrtEta * dWScale, dt, meanSign) === 0;
    },
  };
}

/** X ← X − m·dt + κ √(1 − m²)·dW entrywise (κ = √η·dWScale); returns Σ X·0 (0 iff all finite). */
function eulerLoop(
  state: Float64Array, dW: Float64Array, g: Float64Array, paths: number, dim: number, kappa: number, dt: number,
  meanSign: (g: number, i: number) => number,
): number {
  let check = 0;
  for (let p = 0, o = 0; p < paths; p++, o += dim) {
    for (let i = 0; i < dim; i++) {
      const j = o + i;
      const m = meanSign(g[j], i);
      const y = state[j] - m * dt + kappa * Math.sqrt(Math.max(0, 1 - m * m)) * dW[j];
      state[j] = y;
      check += y * 0;
    }
  }
  return check;
}
