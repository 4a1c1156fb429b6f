import { lgammaRatio } from './lgamma.ts';

/**
 * ℓ_ν = Γ((ν+1)/2) / (√(πν) Γ(ν/2)), the Student-t density at 0 (CLAIMS A9), for ν > 0;
 * ℓ₁ = 1/π, ℓ₂ = 1/(2√2), ℓ_∞ = 1/√(2π). Computed as exp(lgammaRatio(ν/2, ½))/√(πν), which has
 * no cancellation for large ν. Returns NaN for ν ≤ 0 or NaN.
 */
export function ell(nu: number): number {
  if (!(nu > 0)) return NaN;
  if (nu === Infinity) return 0.3989422804014327;
  return Math.exp(lgammaRatio(nu / 2, 0.5)) / Math.sqrt(Math.PI * nu);
}

/** log ℓ_ν (see `ell`). */
export function logEll(nu: number): number {
  if (!(nu > 0)) return NaN;
  if (nu === Infinity) return -0.91893853320467274;
  return lgammaRatio(nu / 2, 0.5) - 0.5 * Math.log(Math.PI * nu);
}
