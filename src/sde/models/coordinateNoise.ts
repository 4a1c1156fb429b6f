import type { NoiseModel } from '../../noise/noiseModel.ts';
import type { Problem } from '../../problems/problem.ts';

/** Throws unless the noise model and the problem have the same dimension. */
export function checkDimensions(owner: string, problem: Problem, noise: NoiseModel): number {
  if (problem.dim !== noise.dim) {
    throw new RangeError(`${owner}: problem '${problem.name}' has dim ${problem.dim} but the noise model has dim ${noise.dim}`);
  }
  return problem.dim;
}

/**
 * Per-coordinate noise standard deviation σ_i = √Var[Z_i] (Σ^{1/2} for a diagonal Σ), the scale
 * the SGD, RMSprop(W) and Adam(W) SDEs use. Infinite variance (Student-t with ν ≤ 2) leaves these
 * SDEs undefined: a definition error.
 */
export function noiseStd(owner: string, noise: NoiseModel): Float64Array {
  const sd = new Float64Array(noise.dim);
  for (let i = 0; i < noise.dim; i++) {
    const v = noise.variance(i);
    if (!(v >= 0 && Number.isFinite(v))) {
      throw new RangeError(`${owner}: noise variance of coordinate ${i} is ${v}; this SDE needs finite noise covariance (ν > 2)`);
    }
    sd[i] = Math.sqrt(v);
  }
  return sd;
}

/** The gradient of `problem` at the X block of a state, into a buffer reused across calls. */
export function gradientScratch(problem: Problem): (state: Float64Array, paths: number) => Float64Array {
  let buffer = new Float64Array(0);
  return (state, paths) => {
    const n = paths * problem.dim;
    if (buffer.length !== n) buffer = new Float64Array(n);
    problem.gradient(state, paths, buffer);
    return buffer;
  };
}

/**
 * A per-coordinate vector repeated for every path (entry p·dim + i = values[i]), built once per
 * path count and reused: flat loops over paths·dim entries run markedly faster in V8 than a
 * nested path/coordinate loop.
 */
export function rowBroadcast(values: Float64Array): (paths: number) => Float64Array {
  let buffer = new Float64Array(0);
  const dim = values.length;
  return (paths) => {
    const n = paths * dim;
    if (buffer.length !== n) {
      buffer = new Float64Array(n);
      for (let o = 0; o < n; o += dim) buffer.set(values, o);
    }
    return buffer;
  };
}
