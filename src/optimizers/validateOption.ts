/**
 * Option validation shared by the optimizers: every message names the owner, the option, the
 * value and the allowed range (house style). Throws RangeError; returns the value when valid.
 */
export type Interval = '(0, ∞)' | '[0, ∞)' | '[0, 1)';

export function validateOption(owner: string, option: string, value: unknown, range: Interval): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (range === '(0, ∞)' ? value > 0 : range === '[0, ∞)' ? value >= 0 : value >= 0 && value < 1);
  if (!ok) {
    throw new RangeError(`${owner}: option ${option} = ${String(value)} is outside the allowed range ${range}`);
  }
  return value as number;
}

/** Rejects option keys the optimizer does not know (a misspelt or misplaced option is a definition error). */
export function rejectUnknownOptions(owner: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key) && (options as Record<string, unknown>)[key] !== undefined) {
      throw new RangeError(`${owner}: unknown option ${key}; allowed options are ${known.join(', ')}`);
    }
  }
}

/** A per-coordinate initial value: a scalar broadcast to every coordinate or one value per coordinate, each ≥ 0. */
export type CoordinateValue = number | Float64Array | readonly number[];

export function validateCoordinateValue(owner: string, option: string, value: CoordinateValue): void {
  if (typeof value === 'number') {
    validateOption(owner, option, value, '[0, ∞)');
    return;
  }
  for (let i = 0; i < value.length; i++) validateOption(owner, `${option}[${i}]`, value[i], '[0, ∞)');
}

/** Fills a paths × dim buffer with a broadcast coordinate value (checks the length against dim). */
export function fillCoordinateValue(owner: string, option: string, value: CoordinateValue, out: Float64Array, dim: number): void {
  if (typeof value === 'number') {
    out.fill(value);
    return;
  }
  if (value.length !== dim) {
    throw new RangeError(`${owner}: option ${option} has length ${value.length}, expected dim = ${dim}`);
  }
  for (let k = 0; k < out.length; k++) out[k] = value[k % dim];
}
