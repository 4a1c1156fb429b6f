import { erf } from '../special/erf.ts';

/**
 * erf(x) = x·Q(|x|) with Q(a) = erf(a)/a tabulated: on [0, 6) split into intervals [kh, (k+1)h),
 * h = 1/256, Q is a degree-5 polynomial in the scaled variable w = (a − kh)/h ∈ [0, 1).
 * Writing erf as x times an even function needs neither a sign test nor a clamp on the hot path
 * (a branch on random signs costs more than the whole polynomial); |x| ≥ 6 returns ±1 (exact in
 * double precision: erfc(6) ≈ 2.2e-17) behind a branch that is rarely taken.
 *
 * Coefficients, for c = kh ≥ h: the Taylor coefficients of erf about c,
 *   e_n = (2/√π) e^{−c²} (−1)^{n−1} H_{n−1}(c) hⁿ/n!   (e₀ = erf(c) from ../special/erf.ts,
 *   H the physicists' Hermite polynomials), divided by (c + hw) term by term:
 *   q₀ = e₀/c,  q_n = (e_n − h·q_{n−1})/c   (stable: each step multiplies earlier errors by h/c ≤ 1).
 * Interval 0: the Maclaurin series erf(x)/x = (2/√π) Σ_m (−1)^m x^{2m}/(m!(2m+1)), so tiny
 * arguments keep full relative accuracy. Truncation < 4e-16 (Cramér's bound on H_n e^{−c²/2});
 * measured against mpmath: ≤ 5e-16 absolute and relative (test: ≤ 1e-15). NaN propagates.
 * Coefficients are stored 8 to an interval (one 64-byte line); 1536 intervals, 98 KB.
 * The erf of the SignSGD SDE hot loop (CLAIMS A2); about twice the speed of the table-of-erf form
 * with a sign select, several times that of ../special/erf.ts.
 */
const DEGREE = 5;
const STRIDE = 8;
const INV_H = 256;
const X_MAX = 6;
const INTERVALS = X_MAX * INV_H;
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** The coefficient table (8 per interval, see above); the WebAssembly SDE kernel reads a copy. */
export const COEF = new Float64Array(INTERVALS * STRIDE);
{
  const h = 1 / INV_H;
  let factorial = 1;
  for (let m = 0; 2 * m <= DEGREE; m++) {
    if (m > 0) factorial *= m;
    COEF[2 * m] = ((m % 2 === 0 ? 1 : -1) * TWO_OVER_SQRT_PI * h ** (2 * m)) / (factorial * (2 * m + 1));
  }
  const e = new Float64Array(DEGREE + 1);
  for (let k = 1; k < INTERVALS; k++) {
    const c = k * h;
    e[0] = erf(c);
    const scale = TWO_OVER_SQRT_PI * Math.exp(-c * c);
    let hPrev = 0;
    let hermite = 1;
    let fact = 1;
    let power = 1;
    for (let n = 1; n <= DEGREE; n++) {
      fact *= n;
      power *= h;
      e[n] = (((n - 1) % 2 === 0 ? 1 : -1) * scale * hermite * power) / fact;
      const next = 2 * c * hermite - 2 * (n - 1) * hPrev;
      hPrev = hermite;
      hermite = next;
    }
    const o = k * STRIDE;
    COEF[o] = e[0] / c;
    for (let n = 1; n <= DEGREE; n++) COEF[o + n] = (e[n] - h * COEF[o + n - 1]) / c;
  }
}

export function fastErf(x: number): number {
  const a = Math.abs(x);
  if (a >= X_MAX) return x < 0 ? -1 : 1;
  const s = a * INV_H;
  const k = s | 0;
  const w = s - k;
  const o = k << 3;
  const c = COEF;
  const w2 = w * w;
  return x * (c[o] + c[o + 1] * w + w2 * (c[o + 2] + c[o + 3] * w) + w2 * w2 * (c[o + 4] + c[o + 5] * w));
}
