/**
 * Per-path time averages at stationarity: after a burn-in, for every path p and coordinate i,
 *   meanX[p·dim+i] = (1/T) Σ_k x_{k,i},  meanSquareX[p·dim+i] = (1/T) Σ_k x_{k,i}²,
 *   meanLoss[p] = (1/T) Σ_k (f(x_k) − f*),
 * over the T = `samples` recorded steps k. Successive x_k are correlated, but the paths are
 * independent, so the per-path averages are i.i.d. across paths: their sample mean estimates the
 * stationary moment and their standard deviation / √paths its standard error (batch means with one
 * batch per path; the burn-in bias is O(τ/T) and is not in that error).
 */
export interface TimeAverage {
  readonly paths: number;
  readonly dim: number;
  /** First step included (steps < from were burn-in). */
  readonly from: number;
  /** Number of steps averaged. */
  samples: number;
  readonly meanX: Float64Array;
  readonly meanSquareX: Float64Array;
  /** Present when the loss was averaged. */
  readonly meanLoss?: Float64Array;
}

export function createTimeAverage(paths: number, dim: number, from: number, withLoss: boolean): TimeAverage {
  const n = paths * dim;
  return {
    paths,
    dim,
    from,
    samples: 0,
    meanX: new Float64Array(n),
    meanSquareX: new Float64Array(n),
    ...(withLoss ? { meanLoss: new Float64Array(paths) } : {}),
  };
}

/** Turns the accumulated sums into means (called once at the end of a run). */
export function finishTimeAverage(avg: TimeAverage): void {
  if (avg.samples === 0) return;
  const inv = 1 / avg.samples;
  for (let j = 0; j < avg.meanX.length; j++) {
    avg.meanX[j] *= inv;
    avg.meanSquareX[j] *= inv;
  }
  if (avg.meanLoss !== undefined) for (let p = 0; p < avg.paths; p++) avg.meanLoss[p] *= inv;
}

/**
 * One value per path, ready for an across-paths mean and standard error:
 * 'x' / 'x2' give the time average of x_i / x_i² for coordinate i, or, with i omitted, the average
 * over coordinates (coordinates of one path are not independent in general, so they are pooled
 * within the path); 'loss' gives the time-averaged loss.
 */
export function perPathValues(avg: TimeAverage, quantity: 'x' | 'x2' | 'loss', i?: number): Float64Array {
  const { paths, dim } = avg;
  const out = new Float64Array(paths);
  if (quantity === 'loss') {
    if (avg.meanLoss === undefined) throw new RangeError("perPathValues: the loss was not averaged (run with average.loss = true)");
    out.set(avg.meanLoss);
    return out;
  }
  const src = quantity === 'x' ? avg.meanX : avg.meanSquareX;
  if (i !== undefined && !(Number.isInteger(i) && i >= 0 && i < dim)) {
    throw new RangeError(`perPathValues: coordinate i = ${i} is outside [0, ${dim - 1}]`);
  }
  for (let p = 0; p < paths; p++) {
    if (i !== undefined) {
      out[p] = src[p * dim + i];
      continue;
    }
    let s = 0;
    for (let k = 0; k < dim; k++) s += src[p * dim + k];
    out[p] = s / dim;
  }
  return out;
}
