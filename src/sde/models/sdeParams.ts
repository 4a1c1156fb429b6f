/**
 * Hyperparameters of the paper's SDEs, in the optimizer's units, and their SDE rates
 * (CLAIMS.md "Conventions"): β = 1 − ηρ, so ρ = (1 − β)/η (RMSprop), ρ_i = (1 − β_i)/η (Adam).
 * A rate may be given directly (rho, rho1, rho2) or through β (beta, beta1, beta2), not both.
 * Defaults follow PyTorch, as the optimizers do: β = 0.99, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, θ = 0.
 * Other keys (a drawn parameter point carries lam, s, x0, …) are ignored.
 */
export interface SdeParams {
  /** Learning rate η > 0 (the SDE time step of one optimizer step). */
  eta: number;
  rho?: number;
  beta?: number;
  rho1?: number;
  beta1?: number;
  rho2?: number;
  beta2?: number;
  /** ε ≥ 0 of the adaptive denominators. */
  eps?: number;
  /** Decoupled weight decay θ ≥ 0. */
  theta?: number;
  /** AdamW: bias factors are evaluated at t + biasShift (default η; see adamW.ts). */
  biasShift?: number;
  [other: string]: unknown;
}

function fail(owner: string, option: string, value: unknown, range: string): never {
  throw new RangeError(`${owner}: option ${option} = ${String(value)} is outside the allowed range ${range}`);
}

/** η, validated. */
export function learningRate(owner: string, params: SdeParams): number {
  const eta = params.eta;
  if (!(typeof eta === 'number' && eta > 0 && Number.isFinite(eta))) fail(owner, 'eta', eta, '(0, ∞)');
  return eta;
}

/** A non-negative finite option with a default. */
export function nonNegative(owner: string, params: SdeParams, key: 'eps' | 'theta' | 'biasShift', fallback: number): number {
  const value = params[key] ?? fallback;
  if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) fail(owner, key, value, '[0, ∞)');
  return value;
}

/** ρ from `rhoKey` or from `betaKey` (ρ = (1 − β)/η), default β = defaultBeta. */
export function rate(
  owner: string,
  params: SdeParams,
  rhoKey: 'rho' | 'rho1' | 'rho2',
  betaKey: 'beta' | 'beta1' | 'beta2',
  defaultBeta: number,
): number {
  const eta = learningRate(owner, params);
  const rho = params[rhoKey];
  const beta = params[betaKey];
  if (rho !== undefined && beta !== undefined) {
    throw new RangeError(`${owner}: give ${rhoKey} or ${betaKey}, not both (${rhoKey} = ${String(rho)}, ${betaKey} = ${String(beta)})`);
  }
  if (rho !== undefined) {
    if (!(typeof rho === 'number' && rho > 0 && Number.isFinite(rho))) fail(owner, rhoKey, rho, '(0, ∞)');
    return rho;
  }
  const b = beta ?? defaultBeta;
  if (!(typeof b === 'number' && b >= 0 && b < 1)) fail(owner, betaKey, b, '[0, 1)');
  return (1 - b) / eta;
}
