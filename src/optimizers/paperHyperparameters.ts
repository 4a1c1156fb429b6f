import { validateOption } from './validateOption.ts';

/** The paper's parametrisation: rates ρ per unit SDE time, with the learning rate η. */
export interface PaperRates {
  eta: number;
  /** RMSprop: β = 1 − ηρ. */
  rho?: number;
  /** Adam: β₁ = 1 − ηρ₁. */
  rho1?: number;
  /** Adam: β₂ = 1 − ηρ₂. */
  rho2?: number;
}

/**
 * β = 1 − ηρ, β₁ = 1 − ηρ₁, β₂ = 1 − ηρ₂ (CLAIMS.md "Conventions"), each validated to lie in
 * [0, 1) (so 0 < ηρ ≤ 1). Returns { lr: η } plus the betas of the rates given.
 */
export function paperHyperparameters(rates: PaperRates): { lr: number; beta?: number; beta1?: number; beta2?: number } {
  const owner = 'paperHyperparameters';
  const lr = validateOption(owner, 'eta', rates.eta, '(0, ∞)');
  const out: { lr: number; beta?: number; beta1?: number; beta2?: number } = { lr };
  const convert = (rate: 'rho' | 'rho1' | 'rho2', beta: 'beta' | 'beta1' | 'beta2'): void => {
    const r = rates[rate];
    if (r === undefined) return;
    const b = 1 - lr * r;
    if (!(Number.isFinite(r) && b >= 0 && b < 1)) {
      throw new RangeError(
        `${owner}: option ${rate} = ${r} gives ${beta} = 1 − eta·${rate} = ${b}, outside the allowed range [0, 1) (needs 0 < eta·${rate} ≤ 1)`,
      );
    }
    out[beta] = b;
  };
  convert('rho', 'beta');
  convert('rho1', 'beta1');
  convert('rho2', 'beta2');
  return out;
}
