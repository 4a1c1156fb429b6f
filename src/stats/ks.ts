/**
 * One-sample Kolmogorov–Smirnov test of samples x₁..xₙ against a continuous CDF F:
 *   D = sup_x |Fₙ(x) − F(x)| = max_i max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n)   (sorted sample),
 *   p = Q_KS(λ),  λ = (√n + 0.12 + 0.11/√n)·D   (Stephens 1970 finite-n correction),
 * with Kolmogorov's limiting tail Q_KS(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} for λ ≥ 1.18,
 * and 1 − (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} below (both series converge in a few terms there).
 * Stephens' correction makes p accurate to about two digits for n ≥ 5; it is not an exact method.
 * A NaN sample or CDF value gives statistic and pValue NaN.
 */
export interface KsResult {
  statistic: number;
  pValue: number;
  n: number;
}

/** P(K > λ) for the Kolmogorov distribution K = sup |Brownian bridge|. */
export function kolmogorovQ(lambda: number): number {
  if (Number.isNaN(lambda)) return NaN;
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const c = (-Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let k = 1; k <= 20; k++) {
      const term = Math.exp(c * (2 * k - 1) * (2 * k - 1));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum);
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17 * sum || term === 0) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

export function ksTest(samples: Float64Array | number[], cdf: (x: number) => number): KsResult {
  const n = samples.length;
  if (n === 0) throw new RangeError('ksTest: samples is empty (allowed: at least one sample)');
  const sorted = Float64Array.from(samples).sort();
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    const gap = Math.max((i + 1) / n - f, f - i / n);
    if (!(gap <= d)) {
      if (Number.isNaN(gap)) return { statistic: NaN, pValue: NaN, n };
      d = gap;
    }
  }
  const rootN = Math.sqrt(n);
  return { statistic: d, pValue: kolmogorovQ((rootN + 0.12 + 0.11 / rootN) * d), n };
}
