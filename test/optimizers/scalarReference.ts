/**
 * Plain scalar reference implementations of one optimizer step, written number by number from
 * the PyTorch update formulas (CLAIMS.md "Discrete algorithms"), independent of src/optimizers.
 * Also the mutants the tests must tell apart from the correct algorithm.
 */
export interface Hyper {
  lr: number;
  beta: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  v0: number;
}

export interface ScalarState {
  m: number;
  v: number;
}

export type Variant = 'correct' | 'eps-inside-sqrt' | 'no-bias-correction';
export type Algo = 'sgd' | 'signsgd' | 'rmsprop' | 'rmspropw' | 'adam' | 'adamw';

/** Returns the new x after step k (1-based) with stochastic gradient g; updates s in place. */
export function referenceStep(algo: Algo, h: Hyper, s: ScalarState, x: number, g: number, k: number, variant: Variant = 'correct'): number {
  switch (algo) {
    case 'sgd':
      return x - h.lr * g;
    case 'signsgd':
      return x - h.lr * (g > 0 ? 1 : g < 0 ? -1 : 0);
    case 'rmsprop':
    case 'rmspropw': {
      const wd = algo === 'rmspropw' ? h.weightDecay : 0;
      s.v = h.beta * s.v + (1 - h.beta) * g * g;
      const denom = variant === 'eps-inside-sqrt' ? Math.sqrt(s.v + h.eps) : Math.sqrt(s.v) + h.eps;
      return x - h.lr * (g / denom) - h.lr * wd * x;
    }
    case 'adam':
    case 'adamw': {
      const wd = algo === 'adamw' ? h.weightDecay : 0;
      s.m = h.beta1 * s.m + (1 - h.beta1) * g;
      s.v = h.beta2 * s.v + (1 - h.beta2) * g * g;
      const bc1 = variant === 'no-bias-correction' ? 1 : 1 - h.beta1 ** k;
      const bc2 = variant === 'no-bias-correction' ? 1 : 1 - h.beta2 ** k;
      const mHat = s.m / bc1;
      const vHat = s.v / bc2;
      const denom = variant === 'eps-inside-sqrt' ? Math.sqrt(vHat + h.eps) : Math.sqrt(vHat) + h.eps;
      return x - h.lr * (mHat / denom) - h.lr * wd * x;
    }
  }
}

/** The options object each named optimizer takes, from the full set of drawn hyperparameters. */
export function optionsFor(algo: Algo, h: Hyper): Record<string, number> {
  switch (algo) {
    case 'sgd':
    case 'signsgd':
      return { lr: h.lr };
    case 'rmsprop':
      return { lr: h.lr, beta: h.beta, eps: h.eps, v0: h.v0 };
    case 'rmspropw':
      return { lr: h.lr, beta: h.beta, eps: h.eps, v0: h.v0, weightDecay: h.weightDecay };
    case 'adam':
      return { lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps };
    case 'adamw':
      return { lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay };
  }
}
