import { checkAlpha } from './checkAlpha.ts';

/**
 * Family-wise error control over m tests at level α (DESIGN §4: the run's false-alarm budget is
 * split across all cells).
 *   Bonferroni: reject H_i when p_i ≤ α/m;  adjusted p̃_i = min(1, m·p_i).
 *   Holm (1979) step-down: order p_(1) ≤ … ≤ p_(m); p̃_(j) = max_{k ≤ j} min(1, (m − k + 1)·p_(k));
 *   reject H_i when p̃_i ≤ α. Holm is uniformly more powerful than Bonferroni with the same
 *   family-wise guarantee (no dependence assumption).
 * NaN p-values (a cell that produced no test) are passed through as NaN and never rejected;
 * they still count in m, which keeps the guarantee conservative.
 */
export type Adjustment = 'bonferroni' | 'holm';

function checkPValues(pValues: ArrayLike<number>, where: string): void {
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (!Number.isNaN(p) && !(p >= 0 && p <= 1)) throw new RangeError(`${where}: pValues[${i}] = ${p} must lie in [0, 1]`);
  }
}

/** Per-test level α/m. */
export function bonferroniAlpha(alpha: number, m: number): number {
  checkAlpha(alpha, 'bonferroniAlpha');
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`bonferroniAlpha: m = ${m} must be a positive integer`);
  return alpha / m;
}

export function bonferroni(pValues: ArrayLike<number>): Float64Array {
  checkPValues(pValues, 'bonferroni');
  const m = pValues.length;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = Math.min(1, m * pValues[i]);
  return out;
}

export function holm(pValues: ArrayLike<number>): Float64Array {
  checkPValues(pValues, 'holm');
  const m = pValues.length;
  const order = Array.from({ length: m }, (_, i) => i)
    .filter((i) => !Number.isNaN(pValues[i]))
    .sort((a, b) => pValues[a] - pValues[b]);
  const out = new Float64Array(m).fill(NaN);
  let running = 0;
  order.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * pValues[i]));
    out[i] = running;
  });
  return out;
}

/** Which hypotheses are rejected at family-wise level α. */
export function rejections(pValues: ArrayLike<number>, alpha: number, method: Adjustment = 'holm'): boolean[] {
  checkAlpha(alpha, 'rejections');
  const adjusted = method === 'holm' ? holm(pValues) : bonferroni(pValues);
  return Array.from(adjusted, (p) => p <= alpha);
}
