import { erf, erfcx, expNegProduct } from './erf.ts';

/**
 * The standard normal CDF Φ(x) = erfc(−x/√2)/2, with full relative accuracy in the lower tail:
 * for x < −1, Φ(x) = e^{−x²/2} · erfcx(−x/√2)/2 with x²/2 split exactly, so the rounding of
 * x/√2 does not get amplified by the exponential. Φ(x) = 1 − Φ(−x) for x > 1.
 */
export function normCdf(x: number): number {
  if (x < -1) {
    if (x < -38.5) return 0;
    return 0.5 * expNegProduct(0.5 * x, x) * erfcx(-x * Math.SQRT1_2);
  }
  if (x <= 1) return 0.5 + 0.5 * erf(x * Math.SQRT1_2);
  return 1 - normCdf(-x);
}

/** The standard normal density φ(x) = e^{−x²/2}/√(2π). */
export function normPdf(x: number): number {
  return 0.3989422804014327 * expNegProduct(0.5 * x, x);
}
