/**
 * A per-ν table builder memoised by ν: `get(nu)` returns `build(nu)` for finite ν > 0 and
 * `atInfinity` for ν = Infinity, keeping the last `capacity` tables (oldest dropped first).
 * Throws, naming `owner`, for ν ≤ 0 or NaN.
 */
export function memoisedPerNu<F>(owner: string, build: (nu: number) => F, atInfinity: F, capacity = 16): (nu: number) => F {
  const cache = new Map<number, F>();
  return (nu) => {
    let f = cache.get(nu);
    if (f === undefined) {
      if (!(nu > 0)) throw new RangeError(`${owner}: nu = ${nu} is not allowed (allowed: nu > 0)`);
      f = nu === Infinity ? atInfinity : build(nu);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as number);
      cache.set(nu, f);
    }
    return f;
  };
}
