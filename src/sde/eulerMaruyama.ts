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
        return { step: (t, dt, state, dW) => eulerStep.call(sde, t, dt, state, dW, paths) };
      }
      const n = stateLength(sde, paths);
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      const block = paths * sde.dim;
      const noisy = sde.noisy;
      return {
        step(t, dt, state, dW) {
          sde.drift(t, state, paths, a);
          sde.diffusion(t, state, paths, b);
          for (let c = 0; c < noisy.length; c++) {
            const end = (c + 1) * block;
            if (noisy[c]) for (let j = c * block; j < end; j++) state[j] += a[j] * dt + b[j] * dW[j];
            else for (let j = c * block; j < end; j++) state[j] += a[j] * dt;
          }
        },
      };
    },
  };
}

export const eulerMaruyama: SdeSolver = createEulerMaruyama();
