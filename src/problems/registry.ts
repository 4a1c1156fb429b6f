import type { ProblemName } from '../theory/claim.ts';
import type { Problem } from './problem.ts';
import { diagonalQuadratic } from './diagonalQuadratic.ts';
import { fullQuadratic } from './fullQuadratic.ts';
import { saddle } from './saddle.ts';

/**
 * Parameters a problem factory reads (the conventional names of SIMULATION_PARAMETERS):
 * `lam` (diag H) for 'quadratic', `H` for 'quadratic-full', `d` for 'saddle'.
 */
export interface ProblemParams {
  d?: number;
  lam?: Float64Array | readonly number[];
  H?: readonly (readonly number[])[];
}

export type ProblemFactory = (params: ProblemParams) => Problem;

function required<K extends keyof ProblemParams>(name: ProblemName, params: ProblemParams, key: K): NonNullable<ProblemParams[K]> {
  const v = params[key];
  if (v === undefined || v === null) throw new RangeError(`problem '${name}': parameter ${String(key)} is required`);
  return v as NonNullable<ProblemParams[K]>;
}

/** Problem registry: name → factory. Adding a problem = one file + one line here. */
export const PROBLEMS: Readonly<Record<ProblemName, ProblemFactory>> = {
  quadratic: (params) => diagonalQuadratic(required('quadratic', params, 'lam')),
  'quadratic-full': (params) => fullQuadratic(required('quadratic-full', params, 'H')),
  saddle: (params) => saddle(required('saddle', params, 'd')),
};
