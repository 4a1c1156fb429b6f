import type { GradientTransform } from './transform.ts';

/**
 * Composition of transforms: u ← T_n(…T_2(T_1(u))…), each link with its own state (Optax `chain`).
 * The state is the tuple of the links' states, in order.
 */
export function chain(...links: GradientTransform<any>[]): GradientTransform<unknown[]> {
  if (links.length === 0) throw new RangeError('chain: needs at least one transform, got 0');
  const n = links.length;
  return {
    name: links.map((t) => t.name).join(' ∘ '),
    init(paths: number, dim: number): unknown[] {
      return links.map((t) => t.init(paths, dim));
    },
    update(u: Float64Array, state: unknown[], x: Float64Array, step: number): void {
      for (let j = 0; j < n; j++) links[j].update(u, state[j], x, step);
    },
  };
}
