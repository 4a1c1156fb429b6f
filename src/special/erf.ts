/**
 * The error function and its complements, to about one ulp relative (worst seen ~3e-16 against
 * mpmath, see test/special/erf.test.ts), including erfc's far tail down to underflow (x ≈ 27).
 *
 *   erf(x)   = (2/√π) ∫₀ˣ e^{−t²} dt
 *   erfc(x)  = 1 − erf(x)
 *   erfcx(x) = e^{x²} erfc(x)
 *
 * Method:
 *   |x| < 1/2:  erf(x) = (2/√π) Σₙ (−1)ⁿ x^{2n+1} / (n! (2n+1))   (Maclaurin, 14 terms).
 *   x ≥ 1/2:    (1 + 2x) erfcx(x) = c₀/2 + Σⱼ cⱼ Tⱼ(t),  t = (x − 4)/(x + 3) ∈ [−1, 1),
 *               a Chebyshev series in the Shepherd–Laframboise variable y = (x − 3)/(x + 3)
 *               rescaled to [−1, 1] (t = (7y − 1)/6); coefficients computed with mpmath at 50 digits
 *               from 100 Chebyshev nodes, truncated where |cⱼ| < 1e−19.
 *               erfc(x) = e^{−x²} erfcx(x) with x² split exactly (Dekker) so e^{−x²} keeps full
 *               relative accuracy in the tail; erf(x) = 1 − erfc(x).
 *   x < 0:      erf(−x) = −erf(x), erfc(−x) = 2 − erfc(x).
 * Used by CLAIMS A2 (E[sign(g + sZ)] = erf(g/(√2 s))).
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const TAYLOR_TERMS = 14;
const TAYLOR = new Float64Array(TAYLOR_TERMS);
{
  let c = TWO_OVER_SQRT_PI;
  let fact = 1;
  for (let n = 0; n < TAYLOR_TERMS; n++) {
    if (n > 0) fact *= n;
    TAYLOR[n] = ((n % 2 === 0 ? 1 : -1) * c) / (fact * (2 * n + 1));
  }
}

const CHEB = new Float64Array([
  2.4262354418543496, -7.2254736465635417e-2, -2.6321892764591841e-2, 1.9186588533428105e-2,
  -6.6823503109281086e-3, 1.5522847050575516e-3, -2.3571658348154882e-4, 1.5690562205135227e-5,
  2.1538757196671811e-6, -6.0125746278592836e-7, 1.3854950323746626e-8, 1.3575814484993744e-8,
  -1.3070972098097831e-9, -3.0637332755784902e-10, 5.062873791614194e-11, 8.050230187118966e-12,
  -1.7498748422005799e-12, -2.6365750400882026e-13, 5.9099507026592417e-14, 1.0548914766564293e-14,
  -1.9235530211488675e-15, -4.7641579437076821e-16, 5.5020360010204285e-17, 2.2407847347890268e-17,
  -9.3457658260212802e-19, -1.0296097026701757e-18,
]);

function erfSmall(x: number): number {
  const z = x * x;
  let p = TAYLOR[TAYLOR_TERMS - 1];
  for (let n = TAYLOR_TERMS - 2; n >= 0; n--) p = p * z + TAYLOR[n];
  return x * p;
}

/** erfcx(x) for x ≥ 1/2 by the Chebyshev series (Clenshaw recurrence). */
function erfcxLarge(x: number): number {
  if (x > 1e8) return 0.5641895835477563 / x;
  const t = (x - 4) / (x + 3);
  const t2 = 2 * t;
  let b1 = 0;
  let b2 = 0;
  for (let j = CHEB.length - 1; j >= 1; j--) {
    const b0 = CHEB[j] + t2 * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return (0.5 * CHEB[0] + t * b1 - b2) / (1 + 2 * x);
}

/** e^{−a·b} for the exactly split product a·b (Dekker), with full relative accuracy. */
export function expNegProduct(a: number, b: number): number {
  const p = a * b;
  const ca = 134217729 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  const err = ah * bh - p + ah * bl + al * bh + al * bl;
  return Math.exp(-p) * (1 - err);
}

/** erfc(x) for x ≥ 1/2. */
function erfcLarge(x: number): number {
  if (x > 27.3) return 0;
  return expNegProduct(x, x) * erfcxLarge(x);
}

/** The error function erf(x). */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < 0.5) return erfSmall(x);
  if (Number.isNaN(x)) return NaN;
  const r = 1 - erfcLarge(a);
  return x < 0 ? -r : r;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate relative in the right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0.5) {
    if (x > -0.5) return 1 - erfSmall(x);
    return 2 - erfcLarge(-x);
  }
  return erfcLarge(x);
}

/** The scaled complementary error function erfcx(x) = e^{x²} erfc(x) (overflows for x ≲ −26.6). */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 0.5) return erfcxLarge(x);
  if (x > -0.5) return Math.exp(x * x) * (1 - erfSmall(x));
  return 2 * expNegProduct(-x, x) - erfcxLarge(-x);
}
