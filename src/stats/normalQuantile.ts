/**
 * Inverse of the standard normal CDF Φ: normalQuantile(p) = z with Φ(z) = p.
 *
 * Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3):477–484, 1988: rational minimax
 * approximations of degree 7/7 in three regions, relative accuracy about 1e-16:
 *   |p − ½| ≤ 0.425:  z = q·A(r)/B(r),  q = p − ½, r = 0.180625 − q²
 *   otherwise r = √(−ln min(p, 1−p)):  r ≤ 5: C(r − 1.6)/D(r − 1.6);  r > 5: E(r − 5)/F(r − 5)
 * `normalQuantileUpper(q)` = z with P(Z > z) = q, computed without forming 1 − q, so it stays
 * accurate for tiny q (e.g. per-cell α after a Bonferroni split).
 */

const A = [
  3.3871328727963666080, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4,
  4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3,
];
const B = [
  1, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
  2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3,
];
const C = [
  1.42343711074968357734, 4.63033784615654529590, 5.76949722146069140550, 3.64784832476320460504,
  1.27045825245236838258, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
];
const D = [
  1, 2.05319162663775882187, 1.67638483018380384940, 6.89767334985100004550e-1,
  1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
];
const E = [
  6.65790464350110377720, 5.46378491116411436990, 1.78482653991729133580, 2.96560571828504891230e-1,
  2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
  7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let acc = c[7];
  for (let k = 6; k >= 0; k--) acc = acc * x + c[k];
  return acc;
}

/** z ≥ 0 with tail probability `tail` = min(p, 1 − p) ∈ (0, ½]. */
function tailQuantile(tail: number): number {
  let r = Math.sqrt(-Math.log(tail));
  if (r <= 5) {
    r -= 1.6;
    return poly(C, r) / poly(D, r);
  }
  r -= 5;
  return poly(E, r) / poly(F, r);
}

function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name}: probability ${p} outside [0, 1]`);
}

/** z with Φ(z) = p; ±Infinity at p = 1 / 0; throws for p outside [0, 1] or NaN. */
export function normalQuantile(p: number): number {
  checkProbability('normalQuantile', p);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const z = tailQuantile(q < 0 ? p : 1 - p);
  return q < 0 ? -z : z;
}

/** z with P(Z > z) = q, i.e. −normalQuantile(q), accurate for q near 0. */
export function normalQuantileUpper(q: number): number {
  checkProbability('normalQuantileUpper', q);
  if (Math.abs(q - 0.5) <= 0.425) return -normalQuantile(q);
  if (q === 0) return Infinity;
  if (q === 1) return -Infinity;
  return q < 0.5 ? tailQuantile(q) : -tailQuantile(1 - q);
}
