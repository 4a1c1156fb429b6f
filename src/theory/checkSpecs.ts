import { NOISE_NAMES, OPTIMIZER_NAMES, PROBLEM_NAMES, QUANTITIES, SDE_NAMES } from './claim.ts';
import type { Check } from './claim.ts';
import type { Shape } from './generateCode.ts';

/**
 * The fields of each check kind (claim.ts gives their meaning) and the symbols a check binds
 * in its expression fields. The loader validates against this table; docs/theorem-format.md
 * and schema/theorem.schema.json describe the same table (test/theory/schema.test.ts ties them).
 */
export type FieldType =
  | { type: 'expression' }
  /** A list of expressions, as long as the field named by `sameLengthAs`. */
  | { type: 'expressions'; sameLengthAs?: string }
  /** A map symbol → expression (symbols declared in domain or let). */
  | { type: 'substitution' }
  /** A map monomial in the state variables ("x", "x^2", "x*m") → expression. */
  | { type: 'moments' }
  | { type: 'symbol' }
  | { type: 'symbols' }
  /** A number; `extended` also allows Infinity / -Infinity. */
  | { type: 'number'; extended?: boolean }
  | { type: 'order' }
  | { type: 'positive' }
  | { type: 'positives'; min: number }
  | { type: 'tolerance' }
  | { type: 'enum'; values: readonly string[] };

export interface FieldSpec {
  field: FieldType;
  optional?: boolean;
  /** The symbols bound in this expression field (besides the domain and lets). */
  binds?: 'state' | 'time' | 'lyapunov-state' | 'variable';
}

export interface CheckSpec {
  group: 'symbolic' | 'simulation';
  fields: Readonly<Record<string, FieldSpec>>;
  /** Which of optimizer / sde the check needs. */
  engines?: 'optimizer' | 'both' | 'either';
}

const expr: FieldType = { type: 'expression' };
const tolerance = (binds?: FieldSpec['binds']): FieldSpec => ({ field: { type: 'tolerance' }, optional: true, binds });
const quantity: FieldSpec = { field: { type: 'enum', values: QUANTITIES } };
const expect = (values: readonly string[]): FieldSpec => ({ field: { type: 'enum', values } });
const SETUP: Record<string, FieldSpec> = {
  optimizer: { field: { type: 'enum', values: OPTIMIZER_NAMES }, optional: true },
  sde: { field: { type: 'enum', values: SDE_NAMES }, optional: true },
  problem: { field: { type: 'enum', values: PROBLEM_NAMES } },
  noise: { field: { type: 'enum', values: NOISE_NAMES } },
};

export const CHECK_SPECS: Readonly<Record<Check['kind'], CheckSpec>> = {
  identity: { group: 'symbolic', fields: { lhs: { field: expr }, rhs: { field: expr }, tolerance: tolerance() } },
  lyapunov: {
    group: 'symbolic',
    fields: {
      state: { field: { type: 'symbols' } },
      drift: { field: { type: 'expressions', sameLengthAs: 'state' }, binds: 'lyapunov-state' },
      diffusion2: { field: { type: 'expressions', sameLengthAs: 'state' }, binds: 'lyapunov-state' },
      moments: { field: { type: 'moments' } },
    },
  },
  expansion: {
    group: 'symbolic',
    fields: {
      of: { field: expr, binds: 'variable' },
      variable: { field: { type: 'symbol' } },
      at: { field: { type: 'number' } },
      order: { field: { type: 'order' } },
      equals: { field: expr, binds: 'variable' },
    },
  },
  limit: {
    group: 'symbolic',
    fields: {
      of: { field: expr, binds: 'variable' },
      variable: { field: { type: 'symbol' } },
      to: { field: { type: 'number', extended: true } },
      equals: { field: expr, binds: 'variable' },
    },
  },
  substitution: {
    group: 'symbolic',
    fields: { expression: { field: expr }, substitute: { field: { type: 'substitution' } }, expect: expect(['invariant', 'changes']) },
  },
  'one-step': {
    group: 'simulation',
    engines: 'optimizer',
    fields: { ...SETUP, drift: { field: expr, binds: 'state' }, diffusion2: { field: expr, binds: 'state' }, tolerance: tolerance('state') },
  },
  trajectory: {
    group: 'simulation',
    engines: 'either',
    fields: {
      ...SETUP, quantity, times: { field: { type: 'positives', min: 1 } },
      expected: { field: expr, binds: 'time' }, tolerance: tolerance('time'),
    },
  },
  stationary: { group: 'simulation', engines: 'either', fields: { ...SETUP, quantity, expected: { field: expr }, tolerance: tolerance() } },
  slope: {
    group: 'simulation',
    engines: 'either',
    fields: {
      ...SETUP, quantity: { field: { type: 'enum', values: [...QUANTITIES, 'rate'] } }, vary: { field: { type: 'symbol' } },
      values: { field: { type: 'positives', min: 2 } }, expected: { field: { type: 'number' } }, tolerance: tolerance(),
    },
  },
  bound: {
    group: 'simulation',
    engines: 'either',
    fields: {
      ...SETUP, quantity, times: { field: { type: 'positives', min: 1 } },
      bound: { field: expr, binds: 'time' }, tolerance: tolerance('time'),
    },
  },
  'heavy-tail': {
    group: 'simulation',
    engines: 'either',
    fields: { ...SETUP, expect: expect(['bounded', 'divergent']), bound: { field: expr, optional: true, binds: 'time' } },
  },
  invariance: {
    group: 'simulation',
    engines: 'either',
    fields: { ...SETUP, quantity, substitute: { field: { type: 'substitution' } }, expect: expect(['invariant', 'changes']), tolerance: tolerance() },
  },
  'weak-order': {
    group: 'simulation',
    engines: 'both',
    fields: {
      ...SETUP, quantity, horizon: { field: { type: 'positive' } },
      etas: { field: { type: 'positives', min: 2 } }, order: { field: { type: 'number' } }, tolerance: tolerance(),
    },
  },
};

/** The state symbols a simulation check binds: one-step the point (x, g, m, v: vectors) and step/time; trajectory-like checks time t and step k. */
export const STATE_BINDINGS: Readonly<Record<'state' | 'time', Readonly<Record<string, Shape>>>> = {
  state: { x: 'vector', g: 'vector', m: 'vector', v: 'vector', t: 'scalar', k: 'scalar' },
  time: { t: 'scalar', k: 'scalar' },
};

/**
 * The symbols `check` binds in its expression field `field` (with their shapes), before domain
 * symbols of the same name take precedence: STATE_BINDINGS for simulation checks, the `state`
 * list for lyapunov drift/diffusion2 (per-coordinate scalars), the `variable` for expansion/limit.
 */
export function boundSymbols(check: Check, field: string): Record<string, Shape> {
  const spec = (CHECK_SPECS as Record<string, CheckSpec | undefined>)[check.kind];
  const binds = spec?.fields[field]?.binds;
  if (binds === 'state' || binds === 'time') return { ...STATE_BINDINGS[binds] };
  const c = check as unknown as Record<string, unknown>;
  if (binds === 'lyapunov-state' && Array.isArray(c.state)) {
    return Object.fromEntries(c.state.filter((s) => typeof s === 'string').map((s) => [s, 'scalar' as Shape]));
  }
  if (binds === 'variable' && typeof c.variable === 'string') return { [c.variable]: 'scalar' };
  return {};
}
