/**
 * Shared input checks of the noise-model constructors: a non-empty scale vector of finite positive
 * entries (copied, so later changes to the caller's array do not leak in) and ν > 0.
 */
export function checkedScale(scale: Float64Array | ArrayLike<number>, model: string): Float64Array {
  if (scale === null || typeof scale !== 'object' || typeof scale.length !== 'number') {
    throw new TypeError(`${model}: scale must be a Float64Array or number[] (got ${String(scale)})`);
  }
  if (scale.length === 0) throw new RangeError(`${model}: scale is empty (allowed: at least one entry)`);
  const s = Float64Array.from(scale);
  for (let i = 0; i < s.length; i++) {
    if (!(s[i] > 0 && s[i] < Infinity)) {
      throw new RangeError(`${model}: scale[${i}] = ${scale[i]} is not allowed (allowed: 0 < scale < Infinity)`);
    }
  }
  return s;
}

export function checkedNu(nu: number | undefined, model: string): number {
  if (typeof nu !== 'number' || !(nu > 0)) {
    throw new RangeError(`${model}: nu = ${String(nu)} is not allowed (allowed: nu > 0, Infinity included)`);
  }
  return nu;
}

/** Checks that a paths × dim batch fits in a buffer. */
export function checkBatch(buffer: Float64Array, paths: number, dim: number, what: string): number {
  const n = paths * dim;
  if (!(Number.isInteger(paths) && paths >= 0 && n <= buffer.length)) {
    throw new RangeError(`${what}: paths = ${paths} × dim = ${dim} does not fit the buffer of length ${buffer.length}`);
  }
  return n;
}
