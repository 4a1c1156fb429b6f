import { eulerMaruyama } from './eulerMaruyama.ts';
import { platenWeak2 } from './platenWeak2.ts';
import type { SdeSolver } from './solver.ts';

/** Solvers by name: 'euler-maruyama' (weak order 1), 'platen-weak2' (weak order 2, diagonal noise). */
export const SOLVERS: Readonly<Record<string, SdeSolver>> = {
  'euler-maruyama': eulerMaruyama,
  'platen-weak2': platenWeak2,
};
