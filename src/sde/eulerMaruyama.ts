import type { Sde } from './sde.ts';
import { stateLength } from './sde.ts';
import type { SdeSolver, SdeStepper } from './solver.ts';

/**
 * Euler–Maruyama: Y_{n+1} = Y_n + a(t_n, Y_n)·Δ + b(t_n, Y_n) ⊙ ΔW_n  (weak order 1, strong ½;
 * Kloeden & Platen 1992, §9.1, §14.1). With dt = η this is the scheme the paper uses to simulate
 * its SDEs (CLAIMS C). When the Sde provides a fused `eulerStep`, it is used instead of separate
 * drift and diffusion calls (same result to rounding); `fused: false` forces the generic path.
 */
export function createEulerMaruyama(options: { fused?: boolean } = {}): SdeSolver {
  const fused = options.fused ?? true;
  return {
    name: 'euler-maruyama',
    weakOrder: 1,
    stepper(sde: Sde, paths: number): SdeStepper {
      const eulerStep = sde.eulerStep;
      if (fused && eulerStep !== undefined) {
        return { step: (t, dt, state, dW, dWScale = 1) => eulerStep.call(sde, t, dt, state, dW, paths, dWScale) };
      }
      const n = stateLength(sde, paths);
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      const block = paths * sde.dim;
      const noisy = sde.noisy;
      return {
        step(t, dt, state, dW, dWScale = 1) {
          sde.drift(t, state, paths, a);
          sde.diffusion(t, state, paths, b);
          let check = 0;
          for (let c = 0; c < noisy.length; c++) check += eulerUpdate(state, a, b, dW, dWScale, dt, c * block, (c + 1) * block, noisy[c]);
          return check === 0;
        },
      };
    },
  };
}

/**
 * Y ← Y + a·dt (+ b·(σ·dW) when noisy) on [start, end); returns Σ Y·0 (0 iff all finite). Hot
 * loops live in their own functions so that on-stack replacement of a loop never leaves code after
 * it without type feedback.
 */
function eulerUpdate(
  state: Float64Array, a: Float64Array, b: Float64Array, dW: Float64Array, sigma: number, dt: number, start: number, end: number,
  noisy: boolean,
): number {
  let check = 0;
  if (noisy) {
    for (let j = start; j < end; j++) { const y = state[j] + a[j] * dt + b[j] * (sigma * dW[j]); state[j] = y; check += y * 0; }
  } else {
    for (let j = start; j < end; j++) { const y = state[j] + a[j] * dt; state[j] = y; check += y * 0; }
  }
  return check;
}

export const eulerMaruyama: SdeSolver = createEulerMaruyama();
