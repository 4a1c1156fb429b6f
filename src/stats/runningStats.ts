/**
 * Streaming mean and variance (Welford 1962):
 *   n ← n + 1,  δ = x − m,  m ← m + δ/n,  M₂ ← M₂ + δ·(x − m)
 * sample variance s² = M₂/(n − 1), standard error of the mean √(s²/n).
 * Two accumulators merge exactly (Chan, Golub & LeVeque 1979):
 *   n = n_a + n_b,  δ = m_b − m_a,  m = m_a + δ·n_b/n,  M₂ = M₂a + M₂b + δ²·n_a·n_b/n.
 * Non-finite inputs are accepted and propagate (a mean with an infinite sample is infinite or NaN);
 * callers that need to exclude them test before pushing.
 */
export class RunningStats {
  private n = 0;
  private m = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /** Accumulator over `values[offset], values[offset + stride], …` (`length` values; all of them by default). */
  static of(values: ArrayLike<number>, offset = 0, length?: number, stride = 1): RunningStats {
    return new RunningStats().pushAll(values, offset, length, stride);
  }

  push(x: number): this {
    const n = ++this.n;
    const delta = x - this.m;
    this.m += delta / n;
    this.m2 += delta * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    return this;
  }

  pushAll(values: ArrayLike<number>, offset = 0, length?: number, stride = 1): this {
    const count = length ?? Math.floor((values.length - offset + stride - 1) / stride);
    for (let k = 0, j = offset; k < count; k++, j += stride) this.push(values[j]);
    return this;
  }

  /** Adds every observation of `other` to this accumulator (other is unchanged). */
  merge(other: RunningStats): this {
    if (other.n === 0) return this;
    if (this.n === 0) {
      this.n = other.n; this.m = other.m; this.m2 = other.m2; this.lo = other.lo; this.hi = other.hi;
      return this;
    }
    const n = this.n + other.n;
    const delta = other.m - this.m;
    this.m += (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  clone(): RunningStats {
    return new RunningStats().merge(this);
  }

  get count(): number { return this.n; }
  /** Sample mean (NaN when empty). */
  get mean(): number { return this.n > 0 ? this.m : NaN; }
  /** Unbiased sample variance M₂/(n − 1) (NaN for n < 2). */
  get variance(): number { return this.n > 1 ? this.m2 / (this.n - 1) : NaN; }
  /** Population variance M₂/n (NaN when empty). */
  get populationVariance(): number { return this.n > 0 ? this.m2 / this.n : NaN; }
  get standardDeviation(): number { return Math.sqrt(this.variance); }
  /** Standard error of the mean, s/√n, for independent observations (NaN for n < 2). */
  get standardError(): number { return Math.sqrt(this.variance / this.n); }
  get min(): number { return this.n > 0 ? this.lo : NaN; }
  get max(): number { return this.n > 0 ? this.hi : NaN; }
}
