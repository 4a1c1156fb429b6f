/**
 * log Γ(x) for x > 0 (NaN for x ≤ 0), absolute error ≲ 1e-15 for x ≤ 10 and relative
 * ≲ 1e-15 above (checked against mpmath in test/special/lgamma.test.ts).
 *
 *   x ≥ 10:        log Γ(x) = (x − ½) log x − x + ½ log 2π + S(x),
 *                  S(x) = Σ_{k=1}^{8} B_{2k} / (2k(2k−1) x^{2k−1})         (Stirling series)
 *   1.5 ≤ x < 2.5: log Γ(2 + w) = (1 − γ) w + Σ_{n≥2} (−1)ⁿ (ζ(n) − 1) wⁿ/n, w = x − 2
 *   0.5 ≤ x < 1.5: log Γ(1 + z) = −log(1 + z) + (1 − γ) z + Σ_{n≥2} (−1)ⁿ (ζ(n) − 1) zⁿ/n
 *                  (Abramowitz & Stegun 6.1.33; |w|, |z| ≤ ½ so 29 terms reach 1e−17),
 *   2.5 ≤ x < 10:  log Γ(x) = log Γ(x − m) + log Π_{k=1}^{m} (x − k), x − m ∈ [1.5, 2.5),
 *   x < 0.5:       log Γ(x) = log Γ(x + 1) − log x.
 * Near the zeros x = 1, 2 the result keeps relative accuracy (no cancellation of large terms).
 */

const EULER_GAMMA = 0.57721566490153286;
const HALF_LOG_2PI = 0.91893853320467274;

/** ζ(n) − 1 for n = 2..30 (mpmath, 40 digits, rounded to 17). */
const ZETA_MINUS_ONE = [
  0.64493406684822644, 0.20205690315959429, 0.082323233711138192, 0.036927755143369926,
  0.01734306198444914, 0.0083492773819228268, 0.0040773561979443394, 0.0020083928260822144,
  0.00099457512781808534, 0.00049418860411946456, 0.0002460865533080483, 0.00012271334757848915,
  6.1248135058704829e-5, 3.0588236307020494e-5, 1.5282259408651872e-5, 7.6371976378997623e-6,
  3.8172932649998399e-6, 1.9082127165539389e-6, 9.5396203387279611e-7, 4.7693298678780646e-7,
  2.3845050272773299e-7, 1.1921992596531107e-7, 5.960818905125948e-8, 2.980350351465228e-8,
  1.4901554828365041e-8, 7.4507117898354295e-9, 3.7253340247884571e-9, 1.862659723513049e-9,
  9.3132743241966818e-10,
];
/** (−1)ⁿ (ζ(n) − 1)/n, n = 2..30, highest first for Horner. */
const SERIES = Float64Array.from(ZETA_MINUS_ONE.map((v, i) => ((i % 2 === 0 ? 1 : -1) * v) / (i + 2)).reverse());

/** B_{2k}/(2k(2k−1)), k = 1..8. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** (1 − γ) t + Σ_{n≥2} (−1)ⁿ (ζ(n) − 1) tⁿ/n for |t| ≤ ½. */
function series(t: number): number {
  let p = SERIES[0];
  for (let i = 1; i < SERIES.length; i++) p = p * t + SERIES[i];
  return t * ((1 - EULER_GAMMA) + t * p);
}

/** The Stirling remainder S(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π], for x ≥ 10. */
export function stirlingRemainder(x: number): number {
  const r = 1 / (x * x);
  let p = STIRLING[STIRLING.length - 1];
  for (let k = STIRLING.length - 2; k >= 0; k--) p = p * r + STIRLING[k];
  return p / x;
}

export function lgamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= 10) {
    if (x === Infinity) return Infinity;
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingRemainder(x);
  }
  if (x < 0.5) return lgamma(x + 1) - Math.log(x);
  if (x < 1.5) return series(x - 1) - Math.log1p(x - 1);
  if (x < 2.5) return series(x - 2);
  let y = x;
  let prod = 1;
  while (y >= 2.5) {
    y -= 1;
    prod *= y;
  }
  return series(y - 2) + Math.log(prod);
}

/**
 * log Γ(x + h) − log Γ(x) for x > 0, h ≥ 0, without cancellation for large x:
 * for x ≥ 10, (x − ½) log1p(h/x) + h log(x + h) − h + S(x + h) − S(x).
 * Used for ℓ_ν (h = ½) and the Student-t CDF's beta function at large ν.
 */
export function lgammaRatio(x: number, h: number): number {
  if (x >= 10) {
    return (x - 0.5) * Math.log1p(h / x) + h * Math.log(x + h) - h + stirlingRemainder(x + h) - stirlingRemainder(x);
  }
  return lgamma(x + h) - lgamma(x);
}
